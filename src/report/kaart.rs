//! The Sociale Kaart as reports: the findings and gaps that `zorgpad kaart controleer` finds
//! (which required category lacks a provider where), its upkeep per beheerder, and the providers that `zorgpad kaart toon` lists, light to
//! heavy. Built as documents here, so that [`crate::cmd`] only prints them; the map and its
//! checks are [`crate::kaart`].

use crate::finding::{count, Finding};
use crate::kaart::{self, Gap, Kaart, Provider, Upkeep};
use crate::report::document::{Block, Document, Table};

/// Up to this many gemeenten the gaps are shown as a matrix (category × gemeente).
const MATRIX_MAX: usize = 6;

/// The gaps of a map, for the flow named `flow`: a matrix of every required category ×
/// gemeente when the map has few gemeenten, else one row per category with the gemeenten that
/// lack a provider; and how to fill them.
pub(crate) fn gaps(kaart: &Kaart, required: &[String], gaps: &[Gap], flow: &str) -> Document {
    let mut doc = Document::new("Gaten in de kaart", None);
    doc.paragraph(format!(
        "Gaten in de kaart: categorieën zonder aanbieder (nodig voor de verwijzingen van '{flow}' en de Meldcode)"
    ));
    if kaart.gemeenten.is_empty() {
        let mut t = Table::new(["Categorie", "Ontbreekt in"]);
        for g in gaps {
            t.row([g.category.as_str(), "de hele regio"]);
        }
        doc.push(Block::Table(t));
    } else if kaart.gemeenten.len() <= MATRIX_MAX {
        let mut header = vec!["Categorie".to_string()];
        header.extend(kaart.gemeenten.iter().cloned());
        let mut t = Table::new(header);
        for category in required {
            let mut row = vec![category.clone()];
            for g in &kaart.gemeenten {
                let gap = gaps
                    .iter()
                    .any(|x| &x.category == category && x.gemeente.as_deref() == Some(g.as_str()));
                row.push(if gap {
                    "ONTBREEKT".to_string()
                } else {
                    kaart.providers_for(category, Some(g)).len().to_string()
                });
            }
            t.row(row);
        }
        doc.push(Block::Table(t));
        doc.paragraph("Een getal is het aantal aanbieders voor die gemeente, die voor de hele regio meegeteld.");
    } else {
        let mut t = Table::new(["Categorie", "Ontbreekt in", "Aantal"]);
        for category in required {
            let missing: Vec<&str> = gaps
                .iter()
                .filter(|x| &x.category == category)
                .filter_map(|x| x.gemeente.as_deref())
                .collect();
            if !missing.is_empty() {
                t.row([
                    category.clone(),
                    missing.join(", "),
                    format!("{} van {}", missing.len(), kaart.gemeenten.len()),
                ]);
            }
        }
        doc.push(Block::Table(t));
    }
    doc.paragraph("    oplossing: voeg voor elk gat een aanbieder toe met die categorie, die de gemeente bedient ('gemeenten: [..]')\n    of de hele regio (laat 'gemeenten' weg).");
    doc
}

/// Findings, one paragraph each (the problem, then the fix under it), so that the screen's
/// layout wraps them at word boundaries.
pub(crate) fn findings(findings: &[Finding]) -> Document {
    let mut doc = Document::new("Bevindingen", None);
    for f in findings {
        doc.paragraph(f.to_string());
    }
    doc
}

/// Sentences, one paragraph each (the verdict of a check), wrapped to the screen's layout.
pub(crate) fn sentences(texts: Vec<String>) -> Document {
    let mut doc = Document::new("Uitkomst", None);
    for t in texts {
        doc.paragraph(t);
    }
    doc
}

/// The upkeep warnings, one list per beheerder (by name; entries without one last).
pub(crate) fn upkeep(upkeep: &[Upkeep], months: u32) -> Document {
    let mut doc = Document::new("Onderhoud", None);
    let mut owners: Vec<Option<&str>> = Vec::new();
    for u in upkeep {
        if !owners.contains(&u.owner.as_deref()) {
            owners.push(u.owner.as_deref());
        }
    }
    owners.sort_by_key(|o| (o.is_none(), o.map(str::to_lowercase)));
    doc.heading(format!(
        "Onderhoud: {} (niet gecontroleerd, langer dan {months} maanden geleden gecontroleerd, een datum die niet klopt, of voorbeeldgegevens), per beheerder:",
        count(upkeep.len(), "waarschuwing", "waarschuwingen")
    ));
    for owner in owners {
        let mine: Vec<&Upkeep> = upkeep
            .iter()
            .filter(|u| u.owner.as_deref() == owner)
            .collect();
        doc.heading(match owner {
            Some(o) => format!("Beheerder {o} ({}):", mine.len()),
            None => format!("Zonder beheerder ({}):", mine.len()),
        });
        for u in mine {
            doc.paragraph(u.finding.to_string());
        }
    }
    doc
}

/// The providers of the map per category, light to heavy; for one gemeente (with those for
/// the whole region) when `gemeente` is given.
pub(crate) fn providers(kaart: &Kaart, categories: &[String], gemeente: Option<&str>) -> Document {
    let mut title = if kaart.name.is_empty() {
        kaart.file.clone()
    } else {
        kaart.name.clone()
    };
    let mut details = Vec::new();
    if !kaart.version.is_empty() {
        details.push(format!("versie {}", kaart.version));
    }
    if let Some(b) = &kaart.updated {
        details.push(format!("bijgewerkt {b}"));
    }
    if !details.is_empty() {
        title.push_str(&format!(" ({})", details.join(", ")));
    }
    let mut doc = Document::new(title.clone(), Some(title));
    let mut about: Vec<String> = [&kaart.vsv, &kaart.region]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    if !kaart.gemeenten.is_empty() {
        about.push(format!("gemeenten: {}", kaart.gemeenten.join(", ")));
    }
    if !about.is_empty() {
        doc.paragraph(about.join(" · "));
    }
    if let Some(g) = gemeente {
        doc.paragraph(format!(
            "Gemeente: {g} (met de aanbieders voor de hele regio)"
        ));
    }
    doc.paragraph("Volgorde: van lichte naar zware zorg (niveau 1–5).");
    for category in categories {
        doc.heading(match kaart::category_description(category) {
            Some(d) => format!("{category} — {d}"),
            None => format!("{category} (eigen categorie)"),
        });
        let providers = kaart.providers_for(category, gemeente);
        if providers.is_empty() {
            doc.paragraph(match gemeente {
                Some(g) => format!("Geen aanbieders voor {g}."),
                None => "Geen aanbieders.".to_string(),
            });
        } else {
            doc.push(Block::Table(provider_table(&providers)));
        }
    }
    doc
}

fn provider_table(providers: &[&Provider]) -> Table {
    let mut t = Table::new([
        "Niveau",
        "Aanbieder",
        "Domein",
        "Contact",
        "Aanbod en aanmelden",
    ]);
    for p in providers {
        let level = p.level.map_or_else(|| "—".to_string(), |n| n.to_string());
        let provider = format!("{}\n{}\nid: {}", p.name, p.area(), p.id);
        let domain = p.domain.map_or("—", |d| d.label()).to_string();
        let contact: Vec<&str> = p
            .contact()
            .into_iter()
            .chain(p.address.as_deref())
            .collect();
        let mut offer = Vec::new();
        if let Some(t) = &p.description {
            offer.push(t.clone());
        }
        if let Some(a) = &p.how_to_refer {
            offer.push(format!("Aanmelden: {a}"));
        }
        t.row([
            level,
            provider,
            domain,
            contact.join("\n"),
            offer.join("\n"),
        ]);
    }
    t
}
