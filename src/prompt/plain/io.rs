//! Lines in and out for the plain prompter. Out: whole lines on standard error, never wrapped
//! (a screen reader reads a line as a whole), with control characters made visible
//! ([`crate::visible`]) and no colour or cursor movement. In: one line from standard input;
//! its end (Ctrl-D, a closed pipe) stops the session like Ctrl-C.

use std::io::{BufRead, IsTerminal, Write};

use super::Plain;
use crate::error::{Error, Result};

/// What a person typed at a prompt: the words that mean the same everywhere, or text.
pub(super) enum Typed {
    /// `?`: show the explanation of the step.
    Explain,
    /// `t` or `terug`: one step back (the Esc of the terminal).
    Back,
    /// `l` or `later`: "nog niet — later verder".
    Later,
    /// Anything else, trimmed (possibly empty).
    Text(String),
}

impl Plain<'_> {
    /// Print text as whole lines, made safe to show.
    pub(super) fn say(&self, text: &str) {
        let shown = crate::visible::text(text);
        let mut err = std::io::stderr().lock();
        let _ = writeln!(err, "{shown}");
        let _ = err.flush();
    }

    /// Print `prompt` and read one line. The end of the input stops the session (exit 130).
    pub(super) fn read_line(&self, prompt: &str) -> Result<String> {
        {
            let shown = crate::visible::text(prompt);
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "{shown} ");
            let _ = err.flush();
        }
        let mut line = String::new();
        let stdin = std::io::stdin();
        let read = stdin.lock().read_line(&mut line);
        match read {
            Ok(0) => {
                self.say("");
                Err(Error::cancelled(
                    "gestopt: de invoer is gesloten (einde van de invoer).",
                ))
            }
            Ok(_) => {
                let line = line.trim().to_string();
                // Piped input is not echoed: show what was read, so the transcript reads on.
                if !stdin.is_terminal() {
                    self.say(&line);
                }
                Ok(line)
            }
            Err(e) => Err(Error::input(format!(
                "de invoer gaf een fout: {}",
                crate::error::describe_io(&e)
            ))),
        }
    }

    /// Read a line and tell the shared words from text. `r` or `route` shows the route so far
    /// and reads again; so does `casus` the case of an exercise.
    pub(super) fn read(&self, prompt: &str) -> Result<Typed> {
        loop {
            let line = self.read_line(prompt)?;
            return Ok(match line.to_lowercase().as_str() {
                "?" => Typed::Explain,
                "t" | "terug" => Typed::Back,
                "l" | "later" => Typed::Later,
                "r" | "route" => {
                    self.show_route();
                    continue;
                }
                crate::prompt::STORY_KEY if self.stage.story.is_some() => {
                    self.show_story();
                    continue;
                }
                _ => Typed::Text(line),
            });
        }
    }

    /// [`Plain::read`] at a prompt that takes an answer: a `+` at the end ("2+", "1 3 +")
    /// asks for a note with it, after the answer is saved; the `+` is taken off.
    pub(super) fn read_answer(&self, prompt: &str) -> Result<Typed> {
        Ok(match self.read(prompt)? {
            Typed::Text(t) if t.ends_with('+') => {
                self.with_note.set(true);
                Typed::Text(t.trim_end_matches('+').trim_end().to_string())
            }
            other => other,
        })
    }
}

/// The numbers in `text` (separated by spaces or commas), each from 1 to `count`, as
/// 0-based positions without repeats. `None` when something else was typed.
pub(super) fn numbers(text: &str, count: usize) -> Option<Vec<usize>> {
    let mut picked = Vec::new();
    for word in text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
    {
        let n: usize = word.parse().ok()?;
        if n == 0 || n > count {
            return None;
        }
        if !picked.contains(&(n - 1)) {
            picked.push(n - 1);
        }
    }
    Some(picked)
}

/// "1 tot 4", or "1" when there is one.
pub(super) fn range(count: usize) -> String {
    if count == 1 {
        "1".to_string()
    } else {
        format!("1 tot en met {count}")
    }
}

/// "Typ 1" or "Typ een nummer van 1 tot en met N": how to pick one of `count`.
pub(super) fn type_a_number(count: usize) -> String {
    if count == 1 {
        "Typ 1".to_string()
    } else {
        format!("Typ een nummer van {}", range(count))
    }
}
