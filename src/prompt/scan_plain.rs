//! The cooperation scan in plain lines for a screen reader (`zorgpad scan --toegankelijk`):
//! numbered choices, one line per question, read from standard input, and the same review
//! before saving as in the terminal. `t` goes back one question; the end of the input stops
//! without saving.

use std::io::{BufRead, IsTerminal, Write};

use crate::error::{Error, Result};
use crate::prompt::scan::review_lines;
use crate::scan::questionnaire::Questionnaire;
use crate::scan::*;

/// Print whole lines on standard error, control characters made visible.
fn say(text: &str) {
    let shown = crate::visible::text(text);
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{shown}");
    let _ = err.flush();
}

/// Print `prompt` and read one line, trimmed. The end of the input stops the scan (exit 130).
fn read_line(prompt: &str) -> Result<String> {
    {
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "{} ", crate::visible::text(prompt));
        let _ = err.flush();
    }
    let mut line = String::new();
    let stdin = std::io::stdin();
    match stdin.lock().read_line(&mut line) {
        Ok(0) => {
            say("");
            Err(Error::cancelled(
                "gestopt: de invoer is gesloten; de scan is niet opgeslagen.",
            ))
        }
        Ok(_) => {
            let line = line.trim().to_string();
            // Piped input is not echoed: show what was read, so the transcript reads on.
            if !stdin.is_terminal() {
                say(&line);
            }
            Ok(line)
        }
        Err(e) => Err(Error::input(format!(
            "de invoer gaf een fout: {}",
            crate::error::describe_io(&e)
        ))),
    }
}

fn is_back(text: &str) -> bool {
    matches!(text.to_lowercase().as_str(), "t" | "terug")
}

/// A number from 1 to `max`, asked again until one is typed; `None`: back.
fn number(prompt: &str, max: usize, back: bool) -> Result<Option<usize>> {
    loop {
        let typed = read_line(prompt)?;
        if back && is_back(&typed) {
            return Ok(None);
        }
        match typed.parse::<usize>() {
            Ok(n) if (1..=max).contains(&n) => return Ok(Some(n)),
            _ => say(&format!("Typ een nummer van 1 tot en met {max}.")),
        }
    }
}

/// The scan in plain lines: the discipline, per aspect the levels in full, a number and a
/// note, then the review and "Opslaan?".
pub(crate) fn ask(q: &Questionnaire) -> Result<(Option<String>, Vec<ScanAnswer>)> {
    say(&format!(
        "{} Typ t om een vraag terug te gaan.",
        crate::prompt::scan::intro(q)
    ));
    let mut discipline: Option<String> = None;
    let mut answers: Vec<Option<ScanAnswer>> = vec![None; q.items.len()];
    let review = q.items.len() + 1;
    let mut step = 0usize;
    let mut from_review = false;
    loop {
        let next = if from_review { review } else { step + 1 };
        if step == review {
            say("");
            for line in review_lines(q, discipline.as_deref(), &answers) {
                say(&line);
            }
            let typed = read_line(&format!(
                "Opslaan? Typ j om op te slaan, een nummer van 1 tot en met {} om dat aspect te wijzigen, d voor de discipline, of t terug:",
                q.items.len()
            ))?;
            match typed.to_lowercase().as_str() {
                "j" | "ja" => break,
                "d" => {
                    step = 0;
                    from_review = true;
                }
                t if is_back(t) => {
                    step = q.items.len();
                    from_review = false;
                }
                t => match t.parse::<usize>() {
                    Ok(n) if (1..=q.items.len()).contains(&n) => {
                        step = n;
                        from_review = true;
                    }
                    _ => say("Typ j, een nummer van een aspect, d of t."),
                },
            }
            continue;
        }
        if step == 0 {
            say("");
            say("Wat is uw discipline? (optioneel)");
            for (i, (_, label)) in DISCIPLINES.iter().enumerate() {
                say(&format!("{}. {label}", i + 1));
            }
            say(&format!("{}. Zeg ik liever niet", DISCIPLINES.len() + 1));
            let n = number(
                &format!("Typ 1 tot en met {}:", DISCIPLINES.len() + 1),
                DISCIPLINES.len() + 1,
                from_review,
            )?;
            match n {
                Some(n) => {
                    discipline = DISCIPLINES.get(n - 1).map(|(id, _)| (*id).to_string());
                    step = next;
                }
                None => step = review,
            }
            continue;
        }
        let item = &q.items[step - 1];
        say("");
        say(&format!(
            "Aspect {} van {} — {}",
            step,
            q.items.len(),
            item.title
        ));
        for (i, d) in item.levels.iter().enumerate() {
            say(&format!(
                "{}. {}: {}",
                i + 1,
                q.levels[i],
                d.lines().collect::<Vec<_>>().join(" ")
            ));
        }
        say(&format!("{}. Weet ik niet", item.levels.len() + 1));
        if let Some(t) = &item.explanation {
            say(t);
        }
        let max = item.levels.len() + 1;
        let Some(choice) = number(
            &format!("{} Typ 1 tot en met {max}, of t terug:", q.question),
            max,
            true,
        )?
        else {
            step = if from_review { review } else { step - 1 };
            continue;
        };
        let niveau = (choice <= item.levels.len()).then_some(choice as u8);
        let note = loop {
            let typed =
                read_line("Notitie (optioneel, zonder namen; Enter zonder tekst: geen notitie):")?;
            if crate::bsn::find(&typed).is_some() {
                say(&format!(
                    "De notitie {}. {}",
                    crate::bsn::SEEMS,
                    crate::bsn::INSTEAD
                ));
                continue;
            }
            break Some(typed).filter(|n| !n.is_empty());
        };
        answers[step - 1] = Some(ScanAnswer {
            onderdeel: item.id.clone(),
            niveau,
            notitie: note,
        });
        step = next;
    }
    Ok((discipline, answers.into_iter().flatten().collect()))
}
