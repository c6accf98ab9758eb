//! A letter ([`Letter`]) in each export format: as a [`Document`] for Markdown and HTML (the
//! same writers as every report), as plain lines of at most 80 columns for `tekst` (to paste
//! into a letter or an EHR field, never a word broken), and as JSON (schema `zorgpad.brief/1`).

use crate::report::document::{Block, Document, Item};
use crate::report::export::Format;
use crate::report::letter::Letter;
use crate::report::write;

/// The letter in one export format.
pub fn render(letter: &Letter, format: Format) -> String {
    match format {
        Format::Markdown => write::markdown(&document(letter)),
        Format::Html => write::html(&document(letter)),
        Format::Json => json(letter),
        Format::Text => text(letter),
    }
}

/// The header lines: to whom, about whom, when, from whom, with which flow.
fn header(l: &Letter) -> Vec<String> {
    let mut lines = vec![format!("Brief aan: {}", l.ontvanger.naam)];
    lines.push(match &l.kenmerk {
        Some(k) => format!("Kenmerk van de cliënt: {k}"),
        None => "Kenmerk van de cliënt: geen (zie het eigen dossier)".to_string(),
    });
    lines.push(format!("Datum: {}", l.datum.strftime("%d-%m-%Y")));
    if !l.van.is_empty() {
        lines.push(format!("Van: {}", l.van.join("; ")));
    }
    lines.push(format!("Flow: {} (versie {})", l.flow.naam, l.flow.versie));
    if let Some(note) = &l.kaart_let_op {
        lines.push(format!("LET OP: {note}"));
    }
    lines
}

/// "Verwijzingen — niet gedeeld: geen toestemming".
fn left_out(title: &str, reason: &str) -> String {
    format!("{title} — niet gedeeld: {reason}")
}

/// The letter as a document.
pub(crate) fn document(l: &Letter) -> Document {
    let mut doc = Document::new(
        format!("Brief aan: {}", l.ontvanger.naam),
        Some("BRIEF".to_string()),
    );
    doc.running = Some(match &l.kenmerk {
        Some(k) => format!("Kenmerk {k} · brief aan: {}", l.ontvanger.naam),
        None => format!("Brief aan: {}", l.ontvanger.naam),
    });
    doc.push(Block::Facts(header(l).split_off(1)));
    doc.paragraph(l.consent_sentence());
    for s in &l.delen {
        match s.reden {
            None => {
                doc.heading(s.titel);
                doc.push(Block::List(s.regels.iter().map(Item::new).collect()));
            }
            Some(reason) => doc.paragraph(left_out(s.titel, reason)),
        }
    }
    doc.paragraph(l.eigen_dossier);
    if let Some(how) = &l.vastleggen {
        doc.push(Block::Remarks(vec![how.clone()]));
    }
    doc.push(Block::Closing(l.disclaimer.to_string()));
    doc
}

/// The letter as JSON (schema in README.md), control characters escaped the JSON way.
fn json(l: &Letter) -> String {
    let text = serde_json::to_string_pretty(l).unwrap_or_else(|e| format!("{{\"fout\": \"{e}\"}}"));
    format!("{}\n", crate::visible::json(&text))
}

/// The letter as plain lines.
fn text(l: &Letter) -> String {
    let mut out = write::lines::Lines::default();
    for line in header(l) {
        out.line(&line);
    }
    out.blank();
    out.line(&l.consent_sentence());
    for s in &l.delen {
        out.blank();
        match s.reden {
            None => {
                out.line(&format!("{}:", s.titel));
                for r in &s.regels {
                    out.line(&format!("- {r}"));
                }
            }
            Some(reason) => out.line(&left_out(s.titel, reason)),
        }
    }
    out.blank();
    out.line(l.eigen_dossier);
    if let Some(how) = &l.vastleggen {
        out.blank();
        out.line(how);
    }
    out.blank();
    out.line(l.disclaimer);
    out.text
}
