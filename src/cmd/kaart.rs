//! The `zorgpad kaart` commands: `controleer` (findings and the table of gaps), `toon` (the
//! providers as a table, light to heavy) and `importeer` (a spreadsheet into YAML). The model
//! and the checks live in [`crate::kaart`]; this module only prints.

use std::path::Path;

use crate::cli::config::kaart::{KaartCheck, KaartImport, KaartShow};
use crate::error::{Error, Exit, Result};
use crate::finding::count;
use crate::flow::set::FlowSet;
use crate::kaart::import;
use crate::kaart::{self, Gap, Kaart, Provider};
use crate::out::{out, outln};
use crate::report::{table, Layout};

/// Up to this many gemeenten the gaps are shown as a matrix (category × gemeente).
const MATRIX_MAX: usize = 6;

fn gaten(n: usize) -> String {
    count(n, "gat", "gaten")
}

/// `zorgpad kaart controleer`.
pub fn check(config: &KaartCheck) -> Result<Exit> {
    let kaart = Kaart::load(config.kaart.as_deref())?;
    let set = FlowSet::load(config.flow.as_deref())?;
    let result = kaart::check(&kaart, &set);
    for f in &result.findings {
        outln!("{f}")?;
    }
    let errors = result.errors();
    let warnings = result.warnings();
    if !result.gaps.is_empty() {
        if !result.findings.is_empty() {
            outln!()?;
        }
        outln!(
            "Gaten in de kaart: categorieën zonder aanbieder (nodig voor de verwijzingen van '{}' en de Meldcode)",
            set.main().naam
        )?;
        outln!(
            "{}",
            gap_table(&kaart, &result.required, &result.gaps, config.layout)
        )?;
        outln!(
            "    oplossing: voeg voor elk gat een aanbieder toe met die categorie, die de gemeente bedient ('gemeenten: [..]')\n    of de hele regio (laat 'gemeenten' weg)."
        )?;
    }
    if errors > 0 || !result.gaps.is_empty() {
        outln!()?;
        let mut parts = Vec::new();
        if errors > 0 {
            parts.push(count(errors, "fout", "fouten"));
        }
        if !result.gaps.is_empty() {
            parts.push(gaten(result.gaps.len()));
        }
        if warnings > 0 {
            parts.push(count(warnings, "waarschuwing", "waarschuwingen"));
        }
        let last = parts.pop().unwrap_or_default();
        let parts = if parts.is_empty() {
            last
        } else {
            format!("{} en {last}", parts.join(", "))
        };
        let todo = match (errors > 0, !result.gaps.is_empty()) {
            (true, true) => "Los de fouten op, vul de gaten aan en controleer opnieuw.",
            (true, false) => "Los de fouten op en controleer opnieuw.",
            _ => "Vul de gaten aan en controleer opnieuw.",
        };
        return Err(
            Error::findings(format!("{parts} in {}.", kaart.file)).hint(format!(
                "{todo} De opbouw van een kaart staat in sociale-kaart/README.md."
            )),
        );
    }
    let region = if kaart.gemeenten.is_empty() {
        "in de regio".to_string()
    } else {
        format!(
            "in elk van de {}",
            count(kaart.gemeenten.len(), "gemeente", "gemeenten")
        )
    };
    outln!(
        "In orde: {} — {} (versie {}), {}; elke categorie die de flow en de Meldcode nodig hebben ({}) heeft {region} een aanbieder.",
        kaart.file,
        kaart.name,
        kaart.version,
        count(kaart.all_providers().len(), "aanbieder", "aanbieders"),
        result.required.join(", "),
    )?;
    if warnings > 0 {
        outln!(
            "{} (geen fouten).",
            count(warnings, "waarschuwing", "waarschuwingen")
        )?;
    }
    Ok(Exit::Ok)
}

/// The gaps: a matrix of every required category × gemeente when the map has few gemeenten,
/// else one row per category with the gemeenten that lack a provider.
fn gap_table(kaart: &Kaart, required: &[String], gaps: &[Gap], layout: Layout) -> String {
    if kaart.gemeenten.is_empty() {
        let mut t = table(layout, &["Categorie", "Ontbreekt in"]);
        for g in gaps {
            t.add_row(vec![g.category.clone(), "de hele regio".to_string()]);
        }
        return t.to_string();
    }
    if kaart.gemeenten.len() <= MATRIX_MAX {
        let mut header = vec!["Categorie"];
        header.extend(kaart.gemeenten.iter().map(String::as_str));
        let mut t = table(layout, &header);
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
            t.add_row(row);
        }
        return format!("{t}\nEen getal is het aantal aanbieders voor die gemeente, die voor de hele regio meegeteld.");
    }
    let mut t = table(layout, &["Categorie", "Ontbreekt in", "Aantal"]);
    for category in required {
        let missing: Vec<&str> = gaps
            .iter()
            .filter(|x| &x.category == category)
            .filter_map(|x| x.gemeente.as_deref())
            .collect();
        if !missing.is_empty() {
            t.add_row(vec![
                category.clone(),
                missing.join(", "),
                format!("{} van {}", missing.len(), kaart.gemeenten.len()),
            ]);
        }
    }
    t.to_string()
}

/// `zorgpad kaart toon`.
pub fn show(config: &KaartShow) -> Result<Exit> {
    let kaart = Kaart::load(config.kaart.as_deref())?;
    let gemeente: Option<String> = match config.gemeente.as_deref() {
        None => None,
        Some(g) if kaart.gemeenten.is_empty() => Some(g.to_string()),
        Some(g) => Some(
            kaart
                .gemeente(g)
                .ok_or_else(|| {
                    Error::input(format!(
                        "de gemeente '{g}' staat niet op de kaart {}",
                        kaart.file
                    ))
                    .hint(crate::suggest::suggest(
                        g,
                        &kaart.gemeenten,
                        &format!("Kies een van: {}.", kaart.gemeenten.join(", ")),
                    ))
                })?
                .to_string(),
        ),
    };
    let used = kaart.categories();
    let categories: Vec<String> = match config.categorie.as_deref() {
        None => used.iter().map(|c| c.to_string()).collect(),
        Some(c) if used.contains(&c) || kaart::is_known_category(c) => vec![c.to_string()],
        Some(c) => {
            let known: Vec<String> = used.iter().map(|c| c.to_string()).collect();
            return Err(Error::input(format!(
                "de categorie '{c}' komt niet voor op de kaart {}",
                kaart.file
            ))
            .hint(crate::suggest::suggest(
                c,
                &known,
                &format!("Kies een van: {}.", known.join(", ")),
            )));
        }
    };

    let errors = kaart.findings().iter().filter(|f| f.is_error()).count();
    if errors > 0 {
        eprintln!(
            "zorgpad: let op: de kaart bevat {}; zie 'zorgpad kaart controleer{}'.",
            count(errors, "fout", "fouten"),
            config
                .kaart
                .as_deref()
                .map(|p| format!(" --kaart {}", p.display()))
                .unwrap_or_default()
        );
    }

    let mut out = String::new();
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
    out.push_str(&title);
    out.push('\n');
    let mut about: Vec<String> = [&kaart.vsv, &kaart.region]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    if !kaart.gemeenten.is_empty() {
        about.push(format!("gemeenten: {}", kaart.gemeenten.join(", ")));
    }
    if !about.is_empty() {
        out.push_str(&about.join(" · "));
        out.push('\n');
    }
    if let Some(g) = &gemeente {
        out.push_str(&format!(
            "Gemeente: {g} (met de aanbieders voor de hele regio)\n"
        ));
    }
    out.push_str("Volgorde: van lichte naar zware zorg (niveau 1–5).\n");

    for category in &categories {
        let providers = kaart.providers_for(category, gemeente.as_deref());
        out.push('\n');
        match kaart::category_description(category) {
            Some(d) => out.push_str(&format!("{category} — {d}\n")),
            None => out.push_str(&format!("{category} (eigen categorie)\n")),
        }
        if providers.is_empty() {
            match &gemeente {
                Some(g) => out.push_str(&format!("Geen aanbieders voor {g}.\n")),
                None => out.push_str("Geen aanbieders.\n"),
            }
            continue;
        }
        out.push_str(&provider_table(&providers, config.layout));
        out.push('\n');
    }
    out!("{out}")?;
    Ok(Exit::Ok)
}

fn provider_table(providers: &[&Provider], layout: Layout) -> String {
    let mut t = table(
        layout,
        &[
            "Niveau",
            "Aanbieder",
            "Domein",
            "Contact",
            "Aanbod en aanmelden",
        ],
    );
    for p in providers {
        let niveau = p.level.map_or_else(|| "—".to_string(), |n| n.to_string());
        let aanbieder = format!("{}\n{}\nid: {}", p.name, p.area(), p.id);
        let domein = p.domain.map_or("—", |d| d.label()).to_string();
        let contact: Vec<&str> = p
            .contact()
            .into_iter()
            .chain(p.address.as_deref())
            .collect();
        let mut aanbod = Vec::new();
        if let Some(t) = &p.description {
            aanbod.push(t.clone());
        }
        if let Some(a) = &p.how_to_refer {
            aanbod.push(format!("Aanmelden: {a}"));
        }
        t.add_row(vec![
            niveau,
            aanbieder,
            domein,
            contact.join("\n"),
            aanbod.join("\n"),
        ]);
    }
    t.to_string()
}

/// `zorgpad kaart importeer`.
pub fn import(config: &KaartImport) -> Result<Exit> {
    let imported = import::read(&config.input, &config.meta)?;
    for w in &imported.warnings {
        eprintln!("{w}");
    }
    let text = imported.to_text(&config.input);
    // What is written must read back as a map; anything else is a bug in the writer.
    Kaart::from_text("(geïmporteerde kaart)", text.clone(), None).map_err(|e| {
        Error::input(format!(
            "de geïmporteerde kaart is niet goed geschreven: {}",
            e.message
        ))
        .hint("Dit is een fout in zorgpad; meld het, met de spreadsheet zonder persoonsgegevens.")
    })?;
    let n = imported.kaart.aanbieders.len();
    match &config.output {
        None => out!("{text}")?,
        Some(out) => {
            write(out, text.as_bytes())?;
            eprintln!(
                "Geschreven: {} ({} uit {}). Controleer de kaart met: zorgpad kaart controleer --kaart {}",
                out.display(),
                count(n, "aanbieder", "aanbieders"),
                count(imported.sheets, "blad", "bladen"),
                out.display()
            );
        }
    }
    Ok(Exit::Ok)
}

/// Write atomically, readable for others: a map holds no client data.
fn write(path: &Path, contents: &[u8]) -> Result<()> {
    crate::store::private_file::write_with_mode("de kaart", path, contents, 0o644)
}
