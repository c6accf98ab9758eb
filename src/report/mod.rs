//! Renderings of a [`Summary`]: a table for the terminal, Markdown and JSON for the client's
//! file. Output is deterministic: a fixed width when it does not go to a terminal or when
//! `NO_COLOR` is set, so that tests and exports can be compared line by line.

// Until the scan report and the session summary are built on it too (the next commits).
#[allow(dead_code)]
pub(crate) mod document;
pub mod export;
pub mod graph;
pub(crate) mod kaart;
pub mod pathway;
pub mod scan;
pub mod statistics;
pub mod summary;
#[allow(dead_code, unused_imports)]
pub(crate) mod write;

use jiff::tz::TimeZone;

use crate::clock;
use crate::engine::answer::Status;
use crate::report::summary::Summary;

/// The table width used whenever output must be reproducible.
pub const FIXED_WIDTH: u16 = 100;

/// How text and tables for the terminal are laid out. Decided once, in
/// [`crate::cli::config`], from the environment; renderers never ask the terminal themselves,
/// so the same report is the same text wherever it is rendered.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    /// The width of tables (and of wrapped text).
    pub width: u16,
    /// Whether free text is wrapped at word boundaries (on a terminal, which would otherwise
    /// break words); in a pipe or a file, lines stay whole and output stays comparable.
    pub wrap: bool,
}

impl Layout {
    /// The layout for reproducible output: a fixed width, no wrapping.
    pub const FIXED: Layout = Layout {
        width: FIXED_WIDTH,
        wrap: false,
    };
}

pub use write::text::table;

fn stap(s: Option<u8>) -> String {
    s.map_or_else(|| "—".to_string(), |s| s.to_string())
}

fn status_mark(s: Status) -> &'static str {
    match s {
        Status::Gedaan => "[x]",
        Status::NietGedaan => "[ ]",
        Status::Nvt => "[-]",
    }
}

/// Who a referral went to: each provider of the map with contact and how to refer, the
/// others as typed, and a gap.
fn referral_lines(v: &crate::report::summary::Referral) -> Vec<String> {
    let mut lines = Vec::new();
    for c in &v.kaart {
        let mut l = c.naam.clone();
        let contact = c.line();
        if !contact.is_empty() {
            l.push_str(&format!("\n{contact}"));
        }
        if let Some(a) = &c.adres {
            l.push_str(&format!("\n{a}"));
        }
        if let Some(how) = &c.aanmelden {
            l.push_str(&format!("\naanmelden: {}", how.trim()));
        }
        lines.push(l);
    }
    for a in &v.andere {
        lines.push(format!("{a} (niet op de Sociale Kaart)"));
    }
    if v.geen_passend_aanbod {
        lines.push("GEEN PASSEND AANBOD (gat in de Sociale Kaart)".to_string());
    }
    lines
}

/// The answer of a route row, with the proposal it followed or overruled.
fn answer(r: &crate::report::summary::RouteRow) -> String {
    let mut text = r.antwoord.clone();
    if let Some(v) = &r.voorstel {
        let why = if v.op_grond_van.is_empty() {
            String::new()
        } else {
            format!(", op grond van: {}", v.op_grond_van.join("; "))
        };
        if v.gevolgd {
            text.push_str(&format!(
                "\n(voorstel van zorgpad gevolgd: {}{why})",
                v.optie
            ));
        } else {
            text.push_str(&format!(
                "\n(AFGEWEKEN van het voorstel van zorgpad: {}{why})",
                v.optie
            ));
        }
    }
    text
}

fn header_lines(s: &Summary, zone: &TimeZone) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(info) = &s.sessie {
        lines.push(format!("Sessie: {}", info.id));
        if let Some(k) = &info.kenmerk {
            lines.push(format!("Kenmerk: {k}"));
        }
        if let Some(g) = &info.gemeente {
            lines.push(format!("Gemeente: {g}"));
        }
    }
    lines.push(format!("Flow: {} (versie {})", s.flow.naam, s.flow.versie));
    if let Some(kaart) = s.sessie.as_ref().and_then(|i| i.kaart.as_ref()) {
        let mut line = format!("Sociale Kaart: {} (versie {})", kaart.naam, kaart.versie);
        if let Some(note) = &kaart.bron {
            line.push_str(&format!(" — LET OP: {note}"));
        }
        lines.push(line);
    }
    if let Some(at) = s.gestart {
        let mut l = format!("Gestart: {}", clock::date_time(at, zone));
        if let Some(up) = s.bijgewerkt {
            l.push_str(&format!(" · bijgewerkt: {}", clock::date_time(up, zone)));
        }
        lines.push(l);
    }
    if let Some(info) = &s.sessie {
        if !info.rollen.is_empty() {
            let roles: Vec<String> = info
                .rollen
                .iter()
                .map(|r| format!("{} (vanaf {})", r.rol, clock::date_time(r.vanaf, zone)))
                .collect();
            lines.push(format!("Ingevuld door: {}", roles.join("; ")));
        }
    }
    if s.afgerond {
        lines.push(format!(
            "Uitkomst: {}",
            s.uitkomst.as_deref().unwrap_or("—")
        ));
    } else if let Some(w) = s.sessie.as_ref().and_then(|i| i.wacht_op.as_ref()) {
        let mut l = format!(
            "Status: wacht op {} (sinds {}",
            w.vraag,
            clock::date_time(w.sinds, zone)
        );
        if let Some(d) = w.verwacht {
            l.push_str(&format!(", verwacht {}", d.strftime("%d-%m-%Y")));
        }
        l.push(')');
        lines.push(l);
    } else {
        lines.push(format!(
            "Status: nog niet afgerond — volgende vraag: {}",
            s.huidige_vraag.as_deref().unwrap_or("—")
        ));
    }
    lines
}

/// The summary as tables for the terminal.
pub fn text(s: &Summary, zone: &TimeZone, layout: Layout) -> String {
    let mut out = String::new();
    let width = usize::from(layout.width);
    let wrap = |text: &str| {
        if layout.wrap {
            crate::text::wrap(text, width)
        } else {
            text.to_string()
        }
    };
    out.push_str("SAMENVATTING\n");
    for l in header_lines(s, zone) {
        out.push_str(&wrap(&l));
        out.push('\n');
    }

    if !s.let_op.is_empty() {
        out.push_str("\n!! LET OP\n");
        for l in &s.let_op {
            out.push_str(&wrap(&format!("!! {l}")).replace('\n', "\n!! "));
            out.push('\n');
        }
    }
    for run in &s.subflows {
        out.push_str(&format!("\n{} (vanuit {})\n", run.naam, run.vanuit));
        let mut t = table(layout, &["Stap", "Antwoord", "Tijd"]);
        for r in &run.stappen {
            let mut antwoord = answer(r);
            if let Some(n) = &r.toelichting {
                antwoord.push_str(&format!("\nToelichting: {n}"));
            }
            t.add_row(vec![
                r.vraag.clone(),
                antwoord,
                clock::date_time(r.tijd, zone),
            ]);
        }
        t.add_row(vec![
            "Uitkomst".to_string(),
            run.uitkomst
                .clone()
                .unwrap_or_else(|| "nog niet afgerond".to_string()),
            String::new(),
        ]);
        out.push_str(&t.to_string());
        out.push('\n');
    }

    out.push_str("\nRoute\n");
    let mut t = table(layout, &["Stap", "Rol", "Vraag", "Antwoord", "Tijd"]);
    for r in &s.route {
        let mut vraag = r.vraag.clone();
        if let Some(b) = &r.blauwdruk {
            vraag = format!("{b}: {vraag}");
        }
        if let Some(within) = &r.binnen {
            vraag = format!("{vraag} ({within})");
        }
        let mut antwoord = answer(r);
        if let Some(t) = &r.toelichting {
            antwoord.push_str(&format!("\nToelichting: {t}"));
        }
        t.add_row(vec![
            stap(r.stap),
            r.rol.clone().unwrap_or_else(|| "—".into()),
            vraag,
            antwoord,
            clock::date_time(r.tijd, zone),
        ]);
    }
    out.push_str(&t.to_string());
    out.push('\n');

    if !s.checklists.is_empty() {
        out.push_str("\nChecklists\n");
        let mut t = table(layout, &["Stap", "Box", "Actie", "Status"]);
        for c in &s.checklists {
            for (i, a) in c.acties.iter().enumerate() {
                let box_ = if i == 0 {
                    format!("{}: {}", c.knoop, c.titel)
                } else {
                    String::new()
                };
                let mut actie = a.tekst.clone();
                if let Some(r) = &a.rol {
                    actie.push_str(&format!(" [{r}]"));
                }
                t.add_row(vec![
                    if i == 0 { stap(c.stap) } else { String::new() },
                    box_,
                    actie,
                    format!("{} {}", status_mark(a.status), a.status.label()),
                ]);
            }
            if let Some(n) = &c.notitie {
                t.add_row(vec![
                    String::new(),
                    String::new(),
                    format!("Notitie: {n}"),
                    String::new(),
                ]);
            }
        }
        out.push_str(&t.to_string());
        out.push('\n');
    }

    if !s.verwijzingen.is_empty() {
        out.push_str("\nVerwijzingen\n");
        let mut t = table(layout, &["Box", "Verwijzing", "Categorie", "Naar"]);
        for v in &s.verwijzingen {
            t.add_row(vec![
                v.knoop.clone(),
                v.titel.clone(),
                v.categorie.clone(),
                referral_lines(v).join("\n"),
            ]);
        }
        out.push_str(&t.to_string());
        out.push('\n');
    }

    out.push_str("\nOpenstaande acties per rol\n");
    if s.open_acties.is_empty() {
        out.push_str("Geen openstaande acties.\n");
    } else {
        let mut t = table(layout, &["Rol", "Actie"]);
        for (role, actions) in &s.open_acties {
            for (i, a) in actions.iter().enumerate() {
                t.add_row(vec![
                    if i == 0 { role.clone() } else { String::new() },
                    a.clone(),
                ]);
            }
        }
        out.push_str(&t.to_string());
        out.push('\n');
    }

    if !s.gewijzigd.is_empty() {
        out.push_str("\nGewijzigde antwoorden (via terug)\n");
        let mut t = table(
            layout,
            &["Vraag", "Eerder antwoord", "Gegeven", "Teruggenomen"],
        );
        for c in &s.gewijzigd {
            t.add_row(vec![
                c.label.clone(),
                c.eerder_antwoord.clone(),
                clock::date_time(c.gegeven, zone),
                clock::date_time(c.teruggenomen, zone),
            ]);
        }
        out.push_str(&t.to_string());
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&wrap(s.disclaimer));
    out.push('\n');
    out
}

/// Text for Markdown: `<` and `>` escaped so that a note cannot turn into HTML.
fn md(text: &str) -> String {
    text.replace('<', "\\<").replace('>', "\\>")
}

/// Text for a Markdown table cell.
fn cell(text: &str) -> String {
    md(text).replace('|', "\\|").replace('\n', "<br>")
}

/// The summary as Markdown, for the client's file.
pub fn markdown(s: &Summary, zone: &TimeZone) -> String {
    let mut out = String::from("# Samenvatting zorgpad\n\n");
    for l in header_lines(s, zone) {
        out.push_str(&format!("- {l}\n"));
    }
    if let Some(bron) = &s.flow.bron {
        out.push_str(&format!("- Bron: {}\n", bron.trim()));
    }
    if !s.let_op.is_empty() {
        out.push_str("\n## Let op\n\n");
        for l in &s.let_op {
            out.push_str(&format!("- **{l}**\n"));
        }
    }
    for run in &s.subflows {
        out.push_str(&format!(
            "\n## {} (vanuit {})\n\n| Stap | Antwoord | Toelichting | Tijd |\n|---|---|---|---|\n",
            run.naam, run.vanuit
        ));
        for r in &run.stappen {
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                cell(&r.vraag),
                cell(&answer(r)),
                cell(r.toelichting.as_deref().unwrap_or("")),
                clock::date_time(r.tijd, zone)
            ));
        }
        out.push_str(&format!(
            "\nUitkomst: {}\n",
            run.uitkomst.as_deref().unwrap_or("nog niet afgerond")
        ));
    }
    out.push_str("\n## Route\n\n| Stap | Rol | Vraag | Antwoord | Toelichting | Tijd |\n|---|---|---|---|---|---|\n");
    for r in &s.route {
        let mut vraag = r.vraag.clone();
        if let Some(b) = &r.blauwdruk {
            vraag = format!("{b}: {vraag}");
        }
        if let Some(within) = &r.binnen {
            vraag = format!("{vraag} ({within})");
        }
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            stap(r.stap),
            cell(r.rol.as_deref().unwrap_or("—")),
            cell(&vraag),
            cell(&answer(r)),
            cell(r.toelichting.as_deref().unwrap_or("")),
            clock::date_time(r.tijd, zone)
        ));
    }
    if !s.checklists.is_empty() {
        out.push_str("\n## Checklists\n");
        for c in &s.checklists {
            out.push_str(&format!("\n### {}: {}", c.knoop, c.titel));
            let mut meta = Vec::new();
            if let Some(st) = c.stap {
                meta.push(format!("stap {st}"));
            }
            if let Some(r) = &c.rol {
                meta.push(r.clone());
            }
            if !meta.is_empty() {
                out.push_str(&format!(" ({})", meta.join(", ")));
            }
            out.push_str("\n\n");
            for a in &c.acties {
                let role = a
                    .rol
                    .as_ref()
                    .map(|r| format!(" [{r}]"))
                    .unwrap_or_default();
                out.push_str(&format!(
                    "- {} {}{} — {}\n",
                    status_mark(a.status),
                    a.tekst,
                    role,
                    a.status.label()
                ));
            }
            if let Some(n) = &c.notitie {
                out.push_str(&format!("\nNotitie: {}\n", md(n)));
            }
        }
    }
    if !s.verwijzingen.is_empty() {
        out.push_str("\n## Verwijzingen\n\n");
        for v in &s.verwijzingen {
            out.push_str(&format!(
                "- {} ({}, categorie {}):\n",
                md(&v.titel),
                v.knoop,
                v.categorie
            ));
            for line in referral_lines(v) {
                out.push_str(&format!("  - {}\n", md(&line).replace('\n', "; ")));
            }
            if let Some(n) = &v.notitie {
                out.push_str(&format!("  Notitie: {}\n", md(n)));
            }
        }
    }
    out.push_str("\n## Openstaande acties per rol\n\n");
    if s.open_acties.is_empty() {
        out.push_str("Geen openstaande acties.\n");
    }
    for (role, actions) in &s.open_acties {
        out.push_str(&format!("### {role}\n\n"));
        for a in actions {
            out.push_str(&format!("- [ ] {a}\n"));
        }
        out.push('\n');
    }
    if !s.gewijzigd.is_empty() {
        out.push_str("\n## Gewijzigde antwoorden\n\n");
        for c in &s.gewijzigd {
            out.push_str(&format!(
                "- {}: eerder '{}' ({}), teruggenomen {}\n",
                c.label,
                c.eerder_antwoord,
                clock::date_time(c.gegeven, zone),
                clock::date_time(c.teruggenomen, zone)
            ));
        }
    }
    out.push_str(&format!("\n---\n\n_{}_\n", s.disclaimer));
    out
}

/// Text for HTML.
pub(crate) fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const CSS: &str = "
body { font-family: 'Segoe UI', Arial, sans-serif; font-size: 10.5pt; color: #111; margin: 2em; }
h1 { font-size: 16pt; margin-bottom: 0.2em; }
h2 { font-size: 12.5pt; margin-top: 1.4em; border-bottom: 1px solid #888; }
h3 { font-size: 11pt; margin-bottom: 0.3em; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0; }
th, td { border: 1px solid #999; padding: 3px 5px; text-align: left; vertical-align: top; }
th { background: #eee; }
tr { page-break-inside: avoid; }
ul.meta { list-style: none; padding: 0; }
.open { font-weight: bold; }
.letop { border: 2px solid #b00; padding: 0 0.8em; margin: 1em 0; }
.letop h2 { color: #b00; border: none; }
.disclaimer { margin-top: 2em; font-style: italic; border-top: 1px solid #888; padding-top: 0.5em; }
@page { size: A4; margin: 18mm 15mm; }
@media print { body { margin: 0; font-size: 9.5pt; } h2 { page-break-after: avoid; } }
";

/// The summary as one self-contained HTML file that prints cleanly on A4.
pub fn html(s: &Summary, zone: &TimeZone) -> String {
    let mut out =
        String::from("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<title>Samenvatting zorgpad</title>\n<style>");
    out.push_str(CSS);
    out.push_str("</style>\n</head>\n<body>\n<h1>Samenvatting zorgpad</h1>\n<ul class=\"meta\">\n");
    for l in header_lines(s, zone) {
        out.push_str(&format!("<li>{}</li>\n", esc(&l)));
    }
    out.push_str("</ul>\n");
    if !s.let_op.is_empty() {
        out.push_str("<div class=\"letop\"><h2>Let op</h2>\n<ul>\n");
        for l in &s.let_op {
            out.push_str(&format!("<li>{}</li>\n", esc(l)));
        }
        out.push_str("</ul></div>\n");
    }
    for run in &s.subflows {
        out.push_str(&format!(
            "<h2>{} (vanuit {})</h2>\n<table>\n<tr><th>Stap</th><th>Antwoord</th><th>Toelichting</th><th>Tijd</th></tr>\n",
            esc(&run.naam),
            esc(&run.vanuit)
        ));
        for r in &run.stappen {
            out.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                esc(&r.vraag),
                esc(&answer(r)).replace('\n', "<br>"),
                esc(r.toelichting.as_deref().unwrap_or("")),
                clock::date_time(r.tijd, zone)
            ));
        }
        out.push_str(&format!(
            "<tr><th>Uitkomst</th><td colspan=\"3\">{}</td></tr>\n</table>\n",
            esc(run.uitkomst.as_deref().unwrap_or("nog niet afgerond"))
        ));
    }
    out.push_str("<h2>Route</h2>\n<table>\n<tr><th>Stap</th><th>Rol</th><th>Vraag</th><th>Antwoord</th><th>Toelichting</th><th>Tijd</th></tr>\n");
    for r in &s.route {
        let mut vraag = r.vraag.clone();
        if let Some(b) = &r.blauwdruk {
            vraag = format!("{b}: {vraag}");
        }
        if let Some(within) = &r.binnen {
            vraag = format!("{vraag} ({within})");
        }
        out.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            stap(r.stap),
            esc(r.rol.as_deref().unwrap_or("—")),
            esc(&vraag),
            esc(&answer(r)).replace('\n', "<br>"),
            esc(r.toelichting.as_deref().unwrap_or("")),
            clock::date_time(r.tijd, zone)
        ));
    }
    out.push_str("</table>\n");
    if !s.checklists.is_empty() {
        out.push_str("<h2>Checklists</h2>\n");
        for c in &s.checklists {
            out.push_str(&format!(
                "<h3>{}: {}</h3>\n<table>\n<tr><th>Actie</th><th>Status</th></tr>\n",
                esc(&c.knoop),
                esc(&c.titel)
            ));
            for a in &c.acties {
                let role = a
                    .rol
                    .as_ref()
                    .map(|r| format!(" [{r}]"))
                    .unwrap_or_default();
                out.push_str(&format!(
                    "<tr><td>{}{}</td><td>{} {}</td></tr>\n",
                    esc(&a.tekst),
                    esc(&role),
                    status_mark(a.status),
                    a.status.label()
                ));
            }
            out.push_str("</table>\n");
            if let Some(n) = &c.notitie {
                out.push_str(&format!("<p>Notitie: {}</p>\n", esc(n)));
            }
        }
    }
    if !s.verwijzingen.is_empty() {
        out.push_str("<h2>Verwijzingen</h2>\n<table>\n<tr><th>Box</th><th>Verwijzing</th><th>Categorie</th><th>Naar</th></tr>\n");
        for v in &s.verwijzingen {
            out.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                esc(&v.knoop),
                esc(&v.titel),
                esc(&v.categorie),
                referral_lines(v)
                    .iter()
                    .map(|a| esc(a).replace('\n', "<br>"))
                    .collect::<Vec<_>>()
                    .join("<br>")
            ));
        }
        out.push_str("</table>\n");
    }
    out.push_str("<h2>Openstaande acties per rol</h2>\n");
    if s.open_acties.is_empty() {
        out.push_str("<p>Geen openstaande acties.</p>\n");
    }
    for (role, actions) in &s.open_acties {
        out.push_str(&format!("<h3>{}</h3>\n<ul>\n", esc(role)));
        for a in actions {
            out.push_str(&format!("<li class=\"open\">☐ {}</li>\n", esc(a)));
        }
        out.push_str("</ul>\n");
    }
    if !s.gewijzigd.is_empty() {
        out.push_str("<h2>Gewijzigde antwoorden</h2>\n<ul>\n");
        for c in &s.gewijzigd {
            out.push_str(&format!(
                "<li>{}: eerder '{}' ({}), teruggenomen {}</li>\n",
                esc(&c.label),
                esc(&c.eerder_antwoord),
                clock::date_time(c.gegeven, zone),
                clock::date_time(c.teruggenomen, zone)
            ));
        }
        out.push_str("</ul>\n");
    }
    out.push_str(&format!(
        "<p class=\"disclaimer\">{}</p>\n</body>\n</html>\n",
        esc(s.disclaimer)
    ));
    out
}

/// The summary as JSON (schema in README.md).
pub fn json(s: &Summary) -> String {
    let mut text =
        serde_json::to_string_pretty(s).unwrap_or_else(|e| format!("{{\"fout\": \"{e}\"}}"));
    text.push('\n');
    text
}
