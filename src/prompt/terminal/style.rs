//! What the terminal prints around the prompts: the head of a question (step, role, box,
//! text, footnotes), the boxes passed on the way, the explanation, and why an answer was not
//! taken. Text is wrapped to the terminal's width and goes to stderr, so that stdout keeps only
//! the summary. All of it comes from the flow file, so its control characters are made visible
//! ([`crate::visible`]) before it is printed (and before it is made bold).

use std::io::Write;

use super::Terminal;
use crate::engine::question::Question;
use crate::engine::rules::Mismatch;
use crate::engine::step::Step;
use crate::flow::model::Body;
use crate::text::wrap;

impl Terminal<'_> {
    /// Print to the terminal, wrapped at word boundaries to its width.
    pub(super) fn say(&self, text: &str) {
        self.print(&crate::visible::text(text));
    }

    /// [`Terminal::say`] in bold (when there is colour). Wrapped before it is made bold, so
    /// that the escape codes do not count as width.
    fn say_bold(&self, text: &str) {
        let wrapped = wrap(&crate::visible::text(text), Self::width() - 1);
        let bold: Vec<String> = wrapped.lines().map(|l| self.bold(l)).collect();
        let mut err = std::io::stderr().lock();
        let _ = writeln!(err, "{}", bold.join("\n"));
    }

    /// The terminal's width, within reason.
    pub(super) fn width() -> usize {
        crossterm::terminal::size()
            .map_or(100, |(w, _)| usize::from(w))
            .clamp(40, 120)
    }

    /// Print text that is safe to show, wrapped.
    fn print(&self, text: &str) {
        let mut err = std::io::stderr().lock();
        let _ = writeln!(err, "{}", wrap(text, Self::width() - 1));
    }

    fn bold(&self, text: &str) -> String {
        if self.color {
            format!("\x1b[1m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    pub(super) fn header(&self, question: &Question<'_>) {
        for step in &question.passed {
            self.passed(step);
        }
        // "Stap 2 van 5 · B4": where on the path this question is.
        let mut head = crate::prompt::words::progress(question).unwrap_or_default();
        if let Some(role) = &question.role {
            if !head.is_empty() {
                head.push_str(" — ");
            }
            head.push_str(&role.label);
        }
        if let Some(call) = question.calls.last() {
            head.push_str(&format!(" · {}", call.title));
        }
        self.say("");
        if let Some(banner) = &self.stage.banner {
            self.say_bold(banner);
        }
        if !head.is_empty() {
            // The closing rule only where it fits on an 80-column line: never a lone "──".
            let line = format!("── {head} ──");
            if line.chars().count() < 80 {
                self.say_bold(&line);
            } else {
                self.say_bold(&format!("── {head}"));
            }
        }
        self.say_bold(&question.node.title);
        if let Some(tekst) = &question.node.text {
            self.say(tekst.trim_end());
        }
        for n in &question.node.footnotes {
            if let Some(note) = question.flow.footnotes.get(n) {
                self.say(&format!("\n[{n}] {}", note.trim_end()));
            }
        }
        if self.explain_always {
            self.explain(question);
        }
    }

    fn passed(&self, step: &Step<'_>) {
        match &step.node.body {
            Body::End { .. } if !step.calls.is_empty() => self.say(&format!(
                "✓ {}",
                step.outcome.as_deref().unwrap_or_default()
            )),
            Body::End { .. } => {}
            _ => {
                self.say("");
                self.say_bold(&format!("▸ {}", step.node.title));
                if let Some(tekst) = &step.node.text {
                    self.say(tekst.trim_end());
                }
                if self.explain_always {
                    if let Some(uitleg) = &step.node.explanation {
                        self.say(&format!("Uitleg: {}", uitleg.trim_end()));
                    }
                }
            }
        }
    }

    /// "📄 Casus opnieuw tonen": the case of the exercise again.
    pub(super) fn show_story(&self) {
        if let Some(story) = &self.stage.story {
            self.say("");
            self.say_bold("De casus");
            self.say(story);
            self.say("");
        }
    }

    pub(super) fn explain(&self, question: &Question<'_>) {
        match &question.node.explanation {
            Some(uitleg) => self.say(&format!("\nUitleg: {}\n", uitleg.trim_end())),
            None => self.say("\n(Bij deze stap staat geen uitleg in de flow.)\n"),
        }
    }

    /// An answer the engine refuses: its reason as a sentence, and what to do in this screen.
    pub(super) fn refused(&self, mismatch: &Mismatch) {
        // A sentence starts with a capital, also behind an opening quote ('Geen passend …').
        let text = mismatch.to_string();
        let quote = text.starts_with('\'');
        let rest = text.trim_start_matches('\'');
        let mut chars = rest.chars();
        let mut sentence = String::from(if quote { "'" } else { "" });
        sentence.extend(chars.next().map(|c| c.to_uppercase().collect::<String>()));
        sentence.push_str(chars.as_str());
        match mismatch {
            Mismatch::NothingChosen => sentence
                .push_str(". Kies minstens één aanbieder, 'Andere …' of 'Geen passend aanbod'."),
            Mismatch::GapWithProvider => sentence.push_str("; kies het een of het ander."),
            Mismatch::Bsn { .. } => {
                sentence.push_str(". ");
                sentence.push_str(crate::bsn::INSTEAD);
            }
            _ => sentence.push('.'),
        }
        self.say(&sentence);
    }

    /// "⋯ Route tot nu toe": the questions answered so far, one short line each.
    pub(super) fn show_route(&self) {
        if self.route.is_empty() {
            self.say("\nRoute tot nu toe: nog geen vragen beantwoord.\n");
            return;
        }
        self.say("\nRoute tot nu toe:");
        for line in &self.route {
            self.say(&format!("• {line}"));
        }
        self.say("");
    }

    /// The note to the answer just saved (chosen with "✎ Met toelichting…"). After "back" it
    /// starts from the note given before. `None`: empty, or Esc.
    pub(super) fn ask_note(&self, question: &Question<'_>) -> crate::error::Result<Option<String>> {
        let (prompt, field) = match question.node.body {
            Body::Decision { .. } | Body::Wait { .. } => (
                "Toelichting bij deze keuze (het antwoord is bewaard):",
                "toelichting",
            ),
            _ => (
                "Notitie bij deze stap (het antwoord is bewaard):",
                "notitie",
            ),
        };
        let mut typed = question
            .previous
            .as_ref()
            .and_then(|a| a.note())
            .unwrap_or_default()
            .to_string();
        loop {
            match self.text(prompt, super::widgets::HELP_NOTE, false, &typed)? {
                super::widgets::Got::Value(t) if t.is_empty() => return Ok(None),
                super::widgets::Got::Value(t) => match question.check_note(&t) {
                    Ok(()) => return Ok(Some(t)),
                    Err(m) => {
                        self.refused(&m);
                        typed = t;
                    }
                },
                super::widgets::Got::Explain => self.explain(question),
                super::widgets::Got::Pause | super::widgets::Got::Escape => {
                    self.say(&format!("Geen {field}; het antwoord is bewaard."));
                    return Ok(None);
                }
            }
        }
    }

    pub(super) fn first_question(&self) {
        self.say("Dit is de eerste vraag; er is geen vorige vraag om naar terug te gaan.");
    }
}
