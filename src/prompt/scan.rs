//! The cooperation scan in a terminal: per aspect a choice of level, an optional note, and the
//! member's discipline. Answers from a file take the other road (`scan::from_script`);
//! both give the same answers to save.

use inquire::{InquireError, Select, Text};

use crate::error::{Error, Result};
use crate::scan::questionnaire::Questionnaire;
use crate::scan::*;

pub(crate) const HELP_SELECT: &str = "↑↓ kiezen · Enter bevestigen · Esc terug · Ctrl-C stoppen";

pub(crate) const HELP_TEXT: &str = "Enter om over te slaan · Esc terug · Ctrl-C stoppen";

pub(crate) enum Got<T> {
    Value(T),
    Back,
}

pub(crate) fn got<T>(r: std::result::Result<T, InquireError>) -> Result<Got<T>> {
    match r {
        Ok(v) => Ok(Got::Value(v)),
        Err(InquireError::OperationCanceled) => Ok(Got::Back),
        Err(InquireError::OperationInterrupted) => {
            use std::io::Write;
            let _ = write!(std::io::stderr(), "\r\x1b[J");
            Err(Error::cancelled(
                "gestopt met Ctrl-C; de scan is niet opgeslagen.",
            ))
        }
        Err(InquireError::NotTTY) => {
            Err(Error::input("er is geen terminal om vragen in te stellen")
                .hint("Gebruik 'zorgpad scan --antwoorden BESTAND'."))
        }
        Err(e) => Err(Error::input(format!(
            "de vraag kon niet worden getoond: {e}"
        ))),
    }
}

/// The scan in the terminal: the discipline, then per aspect every level in full and a choice,
/// then an optional note. Esc goes back one question.
pub(crate) fn ask(q: &Questionnaire, color: bool) -> Result<(Option<String>, Vec<ScanAnswer>)> {
    // Same look as the guided session (Dutch markers, no colour when asked).
    let _ = crate::prompt::terminal::Terminal::new(false, color);
    let width = crossterm::terminal::size()
        .map_or(100, |(w, _)| usize::from(w))
        .clamp(40, 120)
        - 1;
    // Every text here comes from the questionnaire file: control characters made visible.
    let say = |text: &str| {
        crate::out::write_err(format_args!(
            "{}\n",
            crate::text::wrap(&visible(text), width)
        ));
    };
    say(&format!(
        "{} (versie {})\n{}\nUw antwoorden zijn anoniem: zorgpad vraagt geen naam. Zet ook in een notitie geen namen.",
        q.name,
        q.version,
        q.description.as_deref().unwrap_or("")
    ));
    let mut discipline: Option<String> = None;
    let mut answers: Vec<ScanAnswer> = Vec::new();
    // Step 0 is the discipline; step i (1..) is aspect i-1.
    let mut step = 0usize;
    while step <= q.items.len() {
        if step == 0 {
            let mut labels: Vec<String> =
                DISCIPLINES.iter().map(|(_, l)| (*l).to_string()).collect();
            labels.push("Zeg ik liever niet".to_string());
            say("");
            match got(
                Select::new("Wat is uw discipline? (optioneel)", labels.clone())
                    .with_help_message(HELP_SELECT)
                    .prompt(),
            )? {
                Got::Value(l) => {
                    discipline = DISCIPLINES
                        .iter()
                        .find(|(_, d)| *d == l)
                        .map(|(id, _)| (*id).to_string());
                    step = 1;
                }
                Got::Back => {}
            }
            continue;
        }
        let item = &q.items[step - 1];
        answers.truncate(step - 1);
        say(&format!(
            "\n── Aspect {} van {} — {} ──",
            step,
            q.items.len(),
            item.title
        ));
        for (i, d) in item.levels.iter().enumerate() {
            say(&format!("\n{}:", q.levels[i]));
            for para in d.lines() {
                say(&format!("  {para}"));
            }
        }
        if let Some(t) = &item.explanation {
            say(&format!("\n{t}"));
        }
        say("");
        let mut labels: Vec<String> = item
            .levels
            .iter()
            .enumerate()
            .map(|(i, d)| visible(&format!("{}: {}", q.levels[i], short(d, 60))))
            .collect();
        labels.push("Weet ik niet".to_string());
        let choice = match got(Select::new(&visible(&q.question), labels.clone())
            .with_help_message(HELP_SELECT)
            .with_page_size(12)
            .raw_prompt())?
        {
            Got::Value(c) => c.index,
            Got::Back => {
                step -= 1;
                continue;
            }
        };
        let niveau = (choice < item.levels.len()).then_some(choice as u8 + 1);
        // Asked again, from what was typed, while the note holds a BSN.
        let mut typed = String::new();
        let note = loop {
            match got(Text::new("Notitie (optioneel, zonder namen):")
                .with_help_message(HELP_TEXT)
                .with_initial_value(&typed)
                .prompt())?
            {
                Got::Value(n) if crate::bsn::find(&n).is_some() => {
                    say(&format!(
                        "De notitie {}. {}",
                        crate::bsn::SEEMS,
                        crate::bsn::INSTEAD
                    ));
                    typed = n;
                }
                Got::Value(n) => break Some(Some(n.trim().to_string()).filter(|n| !n.is_empty())),
                Got::Back => break None,
            }
        };
        let Some(note) = note else {
            continue;
        };
        answers.push(ScanAnswer {
            onderdeel: item.id.clone(),
            niveau,
            notitie: note,
        });
        step += 1;
    }
    Ok((discipline, answers))
}

/// Text from the questionnaire as it may be shown: control characters made visible.
fn visible(text: &str) -> String {
    crate::visible::text(text).into_owned()
}

/// The first `max` characters of the first line, with "…" when cut.
pub(crate) fn short(text: &str, max: usize) -> String {
    let first = text.lines().next().unwrap_or("");
    if first.chars().count() <= max && !text.contains('\n') {
        return first.to_string();
    }
    let cut: String = first.chars().take(max).collect();
    format!("{}…", cut.trim_end())
}
