//! `zorgpad scan rapport`: the group picture of the members' scans — per aspect the
//! distribution over the levels, the median, the spread (aspects where members differ by two
//! levels or more are worth discussing), the picture per discipline, and the description of
//! the next level above the median as a possible next step. As tables with a bar chart for the
//! terminal, as Markdown, or as one self-contained HTML file.

use crate::report::esc;
use crate::report::Layout;
use crate::scan::group::{Group, ItemStats};
use crate::scan::questionnaire::Questionnaire;
use crate::scan::{discipline_label, ScanFile};

/// "2" or "2,5".
pub fn number(x: f64) -> String {
    if (x - x.round()).abs() < 1e-9 {
        format!("{}", x.round() as i64)
    } else {
        format!("{x:.1}").replace('.', ",")
    }
}

pub(crate) const BAR_WIDTH: usize = 24;

/// A bar of `count` out of `total`, in Unicode blocks (eighths), `BAR_WIDTH` wide at most.
pub fn bar(count: usize, total: usize) -> String {
    if total == 0 || count == 0 {
        return String::new();
    }
    let eighths = (count * BAR_WIDTH * 8 + total / 2) / total;
    let mut s = "█".repeat(eighths / 8);
    const PARTS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    s.push_str(PARTS[eighths % 8]);
    s
}

pub(crate) fn opt_number(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_string(), number)
}

pub(crate) fn spread_text(i: &ItemStats) -> String {
    match (i.min, i.max) {
        (Some(a), Some(b)) if a == b => "0".to_string(),
        (Some(a), Some(b)) => format!("{} ({a}–{b})", b - a),
        _ => "—".to_string(),
    }
}

pub(crate) fn header_lines(q: &Questionnaire, g: &Group) -> Vec<String> {
    let mut lines = vec![format!("Vragenlijst: {} (versie {})", q.naam, q.versie)];
    lines.push(format!("Ingevulde scans: {}", g.members));
    if !g.disciplines.is_empty() {
        lines.push(format!(
            "Per discipline: {}",
            g.disciplines
                .iter()
                .map(|d| format!("{} {}", d.label, d.members))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    lines.push(format!(
        "Niveaus: {}",
        q.levels
            .iter()
            .enumerate()
            .map(|(i, l)| format!("{} = {l}", i + 1))
            .collect::<Vec<_>>()
            .join("; ")
    ));
    lines
}

pub(crate) fn level_headers(q: &Questionnaire) -> Vec<String> {
    (1..=q.levels.len()).map(|i| i.to_string()).collect()
}

pub(crate) fn flagged_lines(g: &Group) -> Vec<String> {
    g.items
        .iter()
        .filter(|i| i.flagged())
        .map(|i| {
            format!(
                "{}: de antwoorden lopen uiteen van niveau {} tot niveau {}",
                i.titel,
                i.min.unwrap_or(0),
                i.max.unwrap_or(0)
            )
        })
        .collect()
}

pub(crate) const INTRO: &str = "Spreiding van twee niveaus of meer: de leden zien de samenwerking verschillend — een goed begin voor het gesprek.";
pub(crate) const CLOSING: &str = "Het groepsbeeld is een spiegel voor het gesprek in het VSV, geen oordeel: de groep bepaalt zelf waar zij staat en welke stap zij zet.";

/// The group picture as tables and bars for the terminal.
pub fn text(q: &Questionnaire, g: &Group, layout: Layout) -> String {
    let mut out = String::from("GROEPSBEELD\n");
    for l in header_lines(q, g) {
        out.push_str(&l);
        out.push('\n');
    }
    out.push_str("\nVerdeling per aspect (aantal leden per niveau)\n");
    let mut head: Vec<String> = vec!["Aspect".to_string()];
    head.extend(level_headers(q));
    head.extend([
        "?".to_string(),
        "Mediaan".to_string(),
        "Spreiding".to_string(),
        "Bespreken".to_string(),
    ]);
    let head_refs: Vec<&str> = head.iter().map(String::as_str).collect();
    let mut t = crate::report::table(layout, &head_refs);
    for i in &g.items {
        let mut row = vec![i.titel.clone()];
        row.extend(i.counts.iter().map(|c| c.to_string()));
        row.push(i.unknown.to_string());
        row.push(opt_number(i.median));
        row.push(spread_text(i));
        row.push(if i.flagged() { "ja" } else { "" }.to_string());
        t.add_row(row);
    }
    out.push_str(&t.to_string());
    out.push_str("\n? = weet ik niet of niet ingevuld.\n");

    out.push_str("\nStaafdiagram\n");
    for i in &g.items {
        out.push_str(&format!(
            "\n{} (mediaan {})\n",
            i.titel,
            opt_number(i.median)
        ));
        for (n, c) in i.counts.iter().enumerate() {
            out.push_str(&format!(
                "  {} │{:<width$} {c}\n",
                n + 1,
                bar(*c, g.members),
                width = BAR_WIDTH
            ));
        }
    }

    out.push_str("\nTe bespreken\n");
    let flagged = flagged_lines(g);
    if flagged.is_empty() {
        out.push_str("Geen aspect met een spreiding van twee niveaus of meer.\n");
    } else {
        out.push_str(INTRO);
        out.push('\n');
        for l in flagged {
            out.push_str(&format!("!! {l}\n"));
        }
    }

    out.push_str("\nMogelijke volgende stap per aspect (het niveau boven de mediaan)\n");
    let mut t = crate::report::table(layout, &["Aspect", "Mediaan", "Volgende stap"]);
    for i in &g.items {
        let next = match (&i.next, i.median) {
            (Some((level, d)), _) => format!("{}:\n{d}", q.level_label(*level)),
            (None, Some(_)) => "Het hoogste niveau: houd het vast.".to_string(),
            (None, None) => "Geen antwoorden.".to_string(),
        };
        t.add_row(vec![i.titel.clone(), opt_number(i.median), next]);
    }
    out.push_str(&t.to_string());
    out.push('\n');

    if !g.disciplines.is_empty() {
        out.push_str("\nBeeld per discipline (mediaan)\n");
        let mut head = vec!["Aspect".to_string()];
        head.extend(
            g.disciplines
                .iter()
                .map(|d| format!("{} (n={})", d.label, d.members)),
        );
        let head_refs: Vec<&str> = head.iter().map(String::as_str).collect();
        let mut t = crate::report::table(layout, &head_refs);
        for (n, i) in g.items.iter().enumerate() {
            let mut row = vec![i.titel.clone()];
            row.extend(g.disciplines.iter().map(|d| opt_number(d.medians[n])));
            t.add_row(row);
        }
        out.push_str(&t.to_string());
        out.push('\n');
    }

    let notes = g.items.iter().filter(|i| !i.notes.is_empty());
    let mut any = false;
    for i in notes {
        if !any {
            out.push_str("\nNotities (zonder naam, op alfabet)\n");
            any = true;
        }
        out.push_str(&format!("{}:\n", i.titel));
        for n in &i.notes {
            out.push_str(&format!("  - {n}\n"));
        }
    }
    out.push('\n');
    out.push_str(CLOSING);
    out.push('\n');
    // Free text (titles, notes, the closing words) wrapped to the width of the tables.
    let width = usize::from(layout.width);
    out.lines()
        .map(|l| {
            if l.chars().count() > width {
                crate::text::wrap(l, width)
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

pub(crate) fn md(text: &str) -> String {
    text.replace('<', "\\<").replace('>', "\\>")
}

pub(crate) fn cell(text: &str) -> String {
    md(text).replace('|', "\\|").replace('\n', "<br>")
}

/// The group picture as Markdown.
pub fn markdown(q: &Questionnaire, g: &Group) -> String {
    let mut out = String::from("# Groepsbeeld VSV-scan\n\n");
    for l in header_lines(q, g) {
        out.push_str(&format!("- {}\n", md(&l)));
    }
    if let Some(b) = &q.bron {
        out.push_str(&format!("- Bron: {}\n", md(b)));
    }
    out.push_str("\n## Verdeling per aspect\n\n| Aspect |");
    for h in level_headers(q) {
        out.push_str(&format!(" {h} |"));
    }
    out.push_str(" ? | Mediaan | Spreiding | Bespreken |\n|---|");
    for _ in &q.levels {
        out.push_str("---:|");
    }
    out.push_str("---:|---:|---|---|\n");
    for i in &g.items {
        out.push_str(&format!("| {} |", cell(&i.titel)));
        for c in &i.counts {
            out.push_str(&format!(" {c} |"));
        }
        out.push_str(&format!(
            " {} | {} | {} | {} |\n",
            i.unknown,
            opt_number(i.median),
            spread_text(i),
            if i.flagged() { "**ja**" } else { "" }
        ));
    }
    out.push_str("\n? = weet ik niet of niet ingevuld.\n\n```text\n");
    for (n, i) in g.items.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        out.push_str(&format!("{} (mediaan {})\n", i.titel, opt_number(i.median)));
        for (n, c) in i.counts.iter().enumerate() {
            out.push_str(&format!(
                "  {} │{:<width$} {c}\n",
                n + 1,
                bar(*c, g.members),
                width = BAR_WIDTH
            ));
        }
    }
    out.push_str("```\n\n## Te bespreken\n\n");
    let flagged = flagged_lines(g);
    if flagged.is_empty() {
        out.push_str("Geen aspect met een spreiding van twee niveaus of meer.\n");
    } else {
        out.push_str(&format!("{INTRO}\n\n"));
        for l in flagged {
            out.push_str(&format!("- **{}**\n", md(&l)));
        }
    }
    out.push_str("\n## Mogelijke volgende stap per aspect\n\nPer aspect de beschrijving van het niveau boven de mediaan.\n");
    for i in &g.items {
        out.push_str(&format!(
            "\n### {} (mediaan {})\n\n",
            md(&i.titel),
            opt_number(i.median)
        ));
        match (&i.next, i.median) {
            (Some((level, d)), _) => {
                out.push_str(&format!("{}:\n\n", md(q.level_label(*level))));
                for para in d.lines() {
                    out.push_str(&format!("> {}\n>\n", md(para)));
                }
                // Drop the last empty quote line.
                out.truncate(out.len() - 2);
            }
            (None, Some(_)) => out.push_str("Het hoogste niveau: houd het vast.\n"),
            (None, None) => out.push_str("Geen antwoorden.\n"),
        }
    }
    if !g.disciplines.is_empty() {
        out.push_str("\n## Beeld per discipline (mediaan)\n\n| Aspect |");
        for d in &g.disciplines {
            out.push_str(&format!(" {} (n={}) |", cell(&d.label), d.members));
        }
        out.push_str("\n|---|");
        for _ in &g.disciplines {
            out.push_str("---:|");
        }
        out.push('\n');
        for (n, i) in g.items.iter().enumerate() {
            out.push_str(&format!("| {} |", cell(&i.titel)));
            for d in &g.disciplines {
                out.push_str(&format!(" {} |", opt_number(d.medians[n])));
            }
            out.push('\n');
        }
    }
    if g.items.iter().any(|i| !i.notes.is_empty()) {
        out.push_str("\n## Notities (zonder naam, op alfabet)\n");
        for i in g.items.iter().filter(|i| !i.notes.is_empty()) {
            out.push_str(&format!("\n{}:\n\n", md(&i.titel)));
            for n in &i.notes {
                out.push_str(&format!("- {}\n", md(n)));
            }
        }
    }
    out.push_str(&format!("\n---\n\n_{CLOSING}_\n"));
    out
}

pub(crate) const CSS: &str = "
body { font-family: 'Segoe UI', Arial, sans-serif; font-size: 10.5pt; color: #111; margin: 2em; }
h1 { font-size: 16pt; margin-bottom: 0.2em; }
h2 { font-size: 12.5pt; margin-top: 1.4em; border-bottom: 1px solid #888; }
h3 { font-size: 11pt; margin-bottom: 0.3em; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0; }
th, td { border: 1px solid #999; padding: 3px 5px; text-align: left; vertical-align: top; }
th { background: #eee; }
td.n { text-align: right; }
tr { page-break-inside: avoid; }
ul.meta { list-style: none; padding: 0; }
.flag { color: #b00; font-weight: bold; }
.chart { margin: 0.3em 0 0.8em 0; }
.chart .row { display: flex; align-items: center; margin: 1px 0; }
.chart .lbl { width: 2em; }
.chart .track { flex: 1; max-width: 30em; background: #f2f2f2; }
.chart .bar { height: 0.9em; background: #3b6ea5; }
.chart .bar.med { background: #1d3f66; }
.chart .cnt { width: 2.5em; text-align: right; }
blockquote { margin: 0.3em 0 0.3em 1em; padding-left: 0.6em; border-left: 3px solid #3b6ea5; }
.closing { margin-top: 2em; font-style: italic; border-top: 1px solid #888; padding-top: 0.5em; }
@page { size: A4; margin: 18mm 15mm; }
@media print { body { margin: 0; font-size: 9.5pt; } h2 { page-break-after: avoid; } }
";

/// The group picture as one self-contained HTML file, with a simple bar chart.
pub fn html(q: &Questionnaire, g: &Group) -> String {
    let mut out =
        String::from("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<title>Groepsbeeld VSV-scan</title>\n<style>");
    out.push_str(CSS);
    out.push_str("</style>\n</head>\n<body>\n<h1>Groepsbeeld VSV-scan</h1>\n<ul class=\"meta\">\n");
    for l in header_lines(q, g) {
        out.push_str(&format!("<li>{}</li>\n", esc(&l)));
    }
    out.push_str("</ul>\n<h2>Verdeling per aspect</h2>\n<table>\n<tr><th>Aspect</th>");
    for h in level_headers(q) {
        out.push_str(&format!("<th>{h}</th>"));
    }
    out.push_str("<th>?</th><th>Mediaan</th><th>Spreiding</th><th>Bespreken</th></tr>\n");
    for i in &g.items {
        out.push_str(&format!("<tr><td>{}</td>", esc(&i.titel)));
        for c in &i.counts {
            out.push_str(&format!("<td class=\"n\">{c}</td>"));
        }
        out.push_str(&format!(
            "<td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td><td>{}</td></tr>\n",
            i.unknown,
            opt_number(i.median),
            spread_text(i),
            if i.flagged() {
                "<span class=\"flag\">ja</span>"
            } else {
                ""
            }
        ));
    }
    out.push_str("</table>\n<p>? = weet ik niet of niet ingevuld.</p>\n<h2>Staafdiagram</h2>\n");
    for i in &g.items {
        out.push_str(&format!(
            "<h3>{} (mediaan {})</h3>\n<div class=\"chart\">\n",
            esc(&i.titel),
            opt_number(i.median)
        ));
        for (n, c) in i.counts.iter().enumerate() {
            let pct = if g.members == 0 {
                0.0
            } else {
                *c as f64 * 100.0 / g.members as f64
            };
            let at_median = i.median.is_some_and(|m| m.floor() as usize == n + 1);
            out.push_str(&format!(
                "<div class=\"row\"><span class=\"lbl\">{}</span><span class=\"track\"><div class=\"bar{}\" style=\"width: {pct:.1}%\" title=\"{}\"></div></span><span class=\"cnt\">{c}</span></div>\n",
                n + 1,
                if at_median { " med" } else { "" },
                esc(q.level_label(n as u8 + 1))
            ));
        }
        out.push_str("</div>\n");
    }
    out.push_str("<h2>Te bespreken</h2>\n");
    let flagged = flagged_lines(g);
    if flagged.is_empty() {
        out.push_str("<p>Geen aspect met een spreiding van twee niveaus of meer.</p>\n");
    } else {
        out.push_str(&format!("<p>{}</p>\n<ul>\n", esc(INTRO)));
        for l in flagged {
            out.push_str(&format!("<li class=\"flag\">{}</li>\n", esc(&l)));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<h2>Mogelijke volgende stap per aspect</h2>\n<p>Per aspect de beschrijving van het niveau boven de mediaan.</p>\n");
    for i in &g.items {
        out.push_str(&format!(
            "<h3>{} (mediaan {})</h3>\n",
            esc(&i.titel),
            opt_number(i.median)
        ));
        match (&i.next, i.median) {
            (Some((level, d)), _) => {
                out.push_str(&format!(
                    "<p>{}:</p>\n<blockquote>{}</blockquote>\n",
                    esc(q.level_label(*level)),
                    d.lines()
                        .map(|p| format!("<p>{}</p>", esc(p)))
                        .collect::<String>()
                ));
            }
            (None, Some(_)) => out.push_str("<p>Het hoogste niveau: houd het vast.</p>\n"),
            (None, None) => out.push_str("<p>Geen antwoorden.</p>\n"),
        }
    }
    if !g.disciplines.is_empty() {
        out.push_str("<h2>Beeld per discipline (mediaan)</h2>\n<table>\n<tr><th>Aspect</th>");
        for d in &g.disciplines {
            out.push_str(&format!("<th>{} (n={})</th>", esc(&d.label), d.members));
        }
        out.push_str("</tr>\n");
        for (n, i) in g.items.iter().enumerate() {
            out.push_str(&format!("<tr><td>{}</td>", esc(&i.titel)));
            for d in &g.disciplines {
                out.push_str(&format!(
                    "<td class=\"n\">{}</td>",
                    opt_number(d.medians[n])
                ));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</table>\n");
    }
    if g.items.iter().any(|i| !i.notes.is_empty()) {
        out.push_str("<h2>Notities (zonder naam, op alfabet)</h2>\n");
        for i in g.items.iter().filter(|i| !i.notes.is_empty()) {
            out.push_str(&format!("<h3>{}</h3>\n<ul>\n", esc(&i.titel)));
            for n in &i.notes {
                out.push_str(&format!("<li>{}</li>\n", esc(n)));
            }
            out.push_str("</ul>\n");
        }
    }
    out.push_str(&format!(
        "<p class=\"closing\">{}</p>\n</body>\n</html>\n",
        esc(CLOSING)
    ));
    out
}

/// The member's own answers, as a table.
pub(crate) fn overview(q: &Questionnaire, scan: &ScanFile, layout: Layout) -> String {
    let mut t = crate::report::table(layout, &["Aspect", "Niveau", "Notitie"]);
    for a in &scan.antwoorden {
        let titel = q
            .item(&a.onderdeel)
            .map_or(a.onderdeel.as_str(), |i| &i.titel);
        t.add_row(vec![
            titel.to_string(),
            a.niveau.map_or_else(
                || "weet ik niet".to_string(),
                |n| q.level_label(n).to_string(),
            ),
            a.notitie.clone().unwrap_or_default(),
        ]);
    }
    let who = scan.discipline.as_deref().map_or_else(
        || "niet opgegeven".to_string(),
        |d| discipline_label(d).to_string(),
    );
    format!(
        "SCAN: {} (versie {})\nDiscipline: {who}\n{t}\n",
        q.naam, q.versie
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::group::median;

    #[test]
    fn medians_of_odd_and_even_groups() {
        assert_eq!(median(&mut [3, 1, 2]), Some(2.0));
        assert_eq!(median(&mut [1, 2, 3, 4]), Some(2.5));
        assert_eq!(median(&mut []), None);
        assert_eq!(number(2.5), "2,5");
        assert_eq!(number(3.0), "3");
    }

    #[test]
    fn bars_scale_to_the_group() {
        assert_eq!(bar(12, 12).chars().count(), BAR_WIDTH);
        assert_eq!(bar(6, 12), "█".repeat(12));
        assert_eq!(bar(0, 12), "");
        assert_eq!(bar(1, 12), "██");
    }
}
