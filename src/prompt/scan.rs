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
/// then an optional note, and at the end the review: every chosen level, then "Opslaan?" — or
/// back to change one aspect (or the discipline). Esc goes back one question.
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
    say(&intro(q));
    let mut discipline: Option<String> = None;
    let mut answers: Vec<Option<ScanAnswer>> = vec![None; q.items.len()];
    // Step 0 is the discipline; step i (1..=n) is aspect i-1; step n+1 is the review.
    let review = q.items.len() + 1;
    let mut step = 0usize;
    // Set while one question is changed from the review: after it (or Esc), back there.
    let mut from_review = false;
    loop {
        if step == review {
            match review_screen(q, discipline.as_deref(), &answers, &say)? {
                Review::Save => break,
                Review::Step(s) => {
                    step = s;
                    from_review = true;
                }
                Review::Back => {
                    step = q.items.len();
                    from_review = false;
                }
            }
            continue;
        }
        let next = if from_review { review } else { step + 1 };
        if step == 0 {
            let mut labels: Vec<String> =
                DISCIPLINES.iter().map(|(_, l)| (*l).to_string()).collect();
            labels.push("Zeg ik liever niet".to_string());
            let at = discipline
                .as_deref()
                .and_then(|d| DISCIPLINES.iter().position(|(id, _)| *id == d))
                .unwrap_or(0);
            say("");
            match got(
                Select::new("Wat is uw discipline? (optioneel)", labels.clone())
                    .with_help_message(HELP_SELECT)
                    .with_starting_cursor(at)
                    .prompt(),
            )? {
                Got::Value(l) => {
                    discipline = DISCIPLINES
                        .iter()
                        .find(|(_, d)| *d == l)
                        .map(|(id, _)| (*id).to_string());
                    step = next;
                }
                Got::Back if from_review => step = review,
                Got::Back => {}
            }
            continue;
        }
        // Changed from the review: the cursor and the note start at the earlier answer.
        let before = answers[step - 1].clone().filter(|_| from_review);
        match ask_aspect(q, step, before.as_ref(), &say)? {
            Some(answer) => {
                answers[step - 1] = Some(answer);
                step = next;
            }
            None if from_review => step = review,
            None => step -= 1,
        }
    }
    Ok((discipline, answers.into_iter().flatten().collect()))
}

/// One aspect: every level in full, the choice (starting at the earlier answer), and the note.
/// `None`: Esc, back.
fn ask_aspect(
    q: &Questionnaire,
    step: usize,
    before: Option<&ScanAnswer>,
    say: &dyn Fn(&str),
) -> Result<Option<ScanAnswer>> {
    let item = &q.items[step - 1];
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
    let at = before.map_or(0, |b| {
        b.niveau
            .map_or(item.levels.len(), |n| usize::from(n).saturating_sub(1))
    });
    loop {
        let choice = match got(Select::new(&visible(&q.question), labels.clone())
            .with_help_message(HELP_SELECT)
            .with_page_size(12)
            .with_starting_cursor(at)
            .raw_prompt())?
        {
            Got::Value(c) => c.index,
            Got::Back => return Ok(None),
        };
        let niveau = (choice < item.levels.len()).then_some(choice as u8 + 1);
        // Asked again, from what was typed, while the note holds a BSN.
        let mut typed = before.and_then(|b| b.notitie.clone()).unwrap_or_default();
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
        // Esc at the note: back to the level of this aspect.
        let Some(note) = note else {
            continue;
        };
        return Ok(Some(ScanAnswer {
            onderdeel: item.id.clone(),
            niveau,
            notitie: note,
        }));
    }
}

/// What the member chose at the review.
enum Review {
    Save,
    /// Change this step (0: the discipline, i: aspect i).
    Step(usize),
    /// Esc: back to the last aspect.
    Back,
}

const SAVE: &str = "Ja, opslaan";
const CHANGE: &str = "Nee, een aspect wijzigen";
const CHANGE_DISCIPLINE: &str = "De discipline wijzigen";

/// The review before saving: the discipline and the level (and note) of every aspect, then
/// "Opslaan?".
fn review_screen(
    q: &Questionnaire,
    discipline: Option<&str>,
    answers: &[Option<ScanAnswer>],
    say: &dyn Fn(&str),
) -> Result<Review> {
    say(&format!(
        "\n{}",
        review_lines(q, discipline, answers).join("\n")
    ));
    say("");
    loop {
        let choice = match got(
            Select::new("Opslaan?", vec![SAVE, CHANGE, CHANGE_DISCIPLINE])
                .with_help_message(HELP_SELECT)
                .prompt(),
        )? {
            Got::Value(c) => c,
            Got::Back => return Ok(Review::Back),
        };
        match choice {
            SAVE => return Ok(Review::Save),
            CHANGE_DISCIPLINE => return Ok(Review::Step(0)),
            _ => {}
        }
        let labels: Vec<String> = q
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                visible(&format!(
                    "{}. {} — {}",
                    i + 1,
                    item.title,
                    level_text(q, answers[i].as_ref())
                ))
            })
            .collect();
        match got(Select::new("Welk aspect wilt u wijzigen?", labels.clone())
            .with_help_message(HELP_SELECT)
            .with_page_size(12)
            .raw_prompt())?
        {
            Got::Value(c) => return Ok(Review::Step(c.index + 1)),
            Got::Back => continue,
        }
    }
}

/// "Niveau 2", "weet ik niet", or "—" for an aspect not answered yet.
fn level_text(q: &Questionnaire, answer: Option<&ScanAnswer>) -> String {
    match answer {
        None => "—".to_string(),
        Some(a) => a.niveau.map_or_else(
            || "weet ik niet".to_string(),
            |n| q.level_label(n).to_string(),
        ),
    }
}

/// The review as lines: a heading, the discipline, and one line per aspect.
pub(crate) fn review_lines(
    q: &Questionnaire,
    discipline: Option<&str>,
    answers: &[Option<ScanAnswer>],
) -> Vec<String> {
    let mut lines = vec![
        "── Uw antwoorden (nog niet opgeslagen) ──".to_string(),
        format!(
            "Discipline: {}",
            discipline.map_or("niet opgegeven", discipline_label)
        ),
    ];
    for (i, item) in q.items.iter().enumerate() {
        let answer = answers.get(i).and_then(Option::as_ref);
        let mut line = format!("{}. {}: {}", i + 1, item.title, level_text(q, answer));
        if let Some(note) = answer.and_then(|a| a.notitie.as_deref()) {
            line.push_str(&format!(" (notitie: {note})"));
        }
        lines.push(line);
    }
    lines
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

/// What the scan says first, in the terminal and in plain lines: which questionnaire, what it
/// is for, and that the answers are anonymous.
pub(crate) fn intro(q: &Questionnaire) -> String {
    format!(
        "{} (versie {})\n{}\nUw antwoorden zijn anoniem: zorgpad vraagt geen naam, en het groepsbeeld toont groepen van minder dan 5 scans zonder hun antwoorden. Zet ook in een notitie geen namen.",
        q.name,
        q.version,
        q.description.as_deref().unwrap_or("")
    )
}
