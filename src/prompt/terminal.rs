//! The guided session in a terminal, with inquire. The only module that talks to a person.
//!
//! Every word on screen is Dutch, including the help lines and the markers that inquire would
//! print in English. At every prompt the user can ask for the explanation of the step (the
//! "? Uitleg" choice, or typing `?` in a text field) and go back one question (Esc, or the
//! "← Terug" choice). Ctrl-C stops the session with exit code 130. At a wait (appointment,
//! birth) and at the MDO the user can answer "nog niet — later verder": the session pauses.

use std::fmt;
use std::io::Write;

use inquire::ui::{ErrorMessageRenderConfig, RenderConfig, Styled};
use inquire::{CustomType, InquireError, MultiSelect, Select, Text};

use crate::clock::parse_date;
use crate::engine::answer::{Answer, Mark, Status};
use crate::engine::prompter::{question_text, Prompter, Reply};
use crate::engine::question::Question;
use crate::engine::rules::{self, Mismatch};
use crate::engine::walk::Step;
use crate::error::{Error, Result};
use crate::flow::model::{Action, Body, Choice, Kind};
use crate::offer::Offer;
use crate::text::wrap;

pub struct Terminal<'k> {
    /// Show every step's explanation without being asked (`--uitleg`).
    explain_always: bool,
    color: bool,
    /// The Sociale Kaart of the session, for the providers at a referral.
    offer: Option<Offer<'k>>,
}

/// What one inquire prompt gave: a value, a request for the explanation, a pause, or Esc.
enum Got<T> {
    Value(T),
    Explain,
    Pause,
    Escape,
}

#[derive(Clone)]
enum Item {
    Option(usize, String),
    Explain,
    Pause,
    Back,
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Item::Option(_, label) => f.write_str(label),
            Item::Explain => f.write_str("? Uitleg bij deze stap"),
            Item::Pause => f.write_str("⏸ Nog niet — later verder (de sessie wordt bewaard)"),
            Item::Back => f.write_str("← Terug naar de vorige vraag"),
        }
    }
}

/// The extra line at a decision in demonstration mode (`--uitleg`).
const WHAT_IF: &str = "⤷ Wat als…? (toon waar elke optie heen leidt)";

const HELP_SELECT: &str =
    "↑↓ kiezen · Enter bevestigen · typ om te zoeken · Esc terug · Ctrl-C stoppen";
const HELP_MULTI: &str =
    "↑↓ bewegen · spatie aan/uit · → alles · ← niets · Enter bevestigen · Esc terug";
const HELP_TEXT: &str = "Enter om over te slaan · ? voor uitleg · Esc terug · Ctrl-C stoppen";
const HELP_REQUIRED_REASON: &str =
    "typ de reden en Enter · ? voor uitleg · Esc terug naar de keuze";
const HELP_REQUIRED: &str =
    "typ de naam en Enter · meerdere namen scheiden met ; · ? voor uitleg · Esc terug";

impl<'k> Terminal<'k> {
    pub fn new(explain_always: bool, color: bool) -> Terminal<'k> {
        let mut config = if color {
            RenderConfig::default_colored()
        } else {
            RenderConfig::empty()
        };
        config.canceled_prompt_indicator = Styled::new("<terug>");
        if !color {
            // Without colour, answered and open questions must still look different.
            config.answered_prompt_prefix = Styled::new(">");
        }
        config.error_message = ErrorMessageRenderConfig {
            default_message: "Ongeldige invoer.",
            prefix: Styled::new("!"),
            ..config.error_message
        };
        inquire::set_global_render_config(config);
        exit_on_hangup();
        Terminal {
            explain_always,
            color,
            offer: None,
        }
    }

    /// The Sociale Kaart to offer the providers of a referral from.
    pub fn set_offer(&mut self, offer: Offer<'k>) {
        self.offer = Some(offer);
    }

    /// Print to the terminal, wrapped at word boundaries to its width.
    fn say(&self, text: &str) {
        let width = crossterm::terminal::size()
            .map_or(100, |(w, _)| usize::from(w))
            .clamp(40, 120);
        let mut err = std::io::stderr().lock();
        let _ = writeln!(err, "{}", wrap(text, width - 1));
    }

    fn bold(&self, text: &str) -> String {
        if self.color {
            format!("\x1b[1m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    fn header(&self, question: &Question<'_>) {
        for step in &question.passed {
            self.passed(step);
        }
        let mut head = String::new();
        if let Some(stap) = question.stap {
            head.push_str(&format!("Stap {stap}"));
        }
        if let Some(role) = &question.role {
            if !head.is_empty() {
                head.push_str(" — ");
            }
            head.push_str(&role.label);
        }
        if let Some(call) = question.calls.last() {
            head.push_str(&format!(" · {}", call.titel));
        }
        self.say("");
        if !head.is_empty() {
            self.say(&self.bold(&format!("── {head} ──")));
        }
        self.say(&self.bold(&question.node.titel));
        if let Some(tekst) = &question.node.tekst {
            self.say(tekst.trim_end());
        }
        for n in &question.node.voetnoten {
            if let Some(note) = question.flow.voetnoten.get(n) {
                self.say(&format!("\n[{n}] {}", note.trim_end()));
            }
        }
        if self.explain_always {
            self.explain(question);
        }
    }

    fn passed(&self, step: &Step<'_>) {
        match &step.node.body {
            Body::End { outcome } if !step.calls.is_empty() => {
                self.say(&format!("✓ {}", outcome.trim_end()))
            }
            Body::End { .. } => {}
            _ => {
                self.say("");
                self.say(&self.bold(&format!("▸ {}", step.node.titel)));
                if let Some(tekst) = &step.node.tekst {
                    self.say(tekst.trim_end());
                }
                if self.explain_always {
                    if let Some(uitleg) = &step.node.uitleg {
                        self.say(&format!("Uitleg: {}", uitleg.trim_end()));
                    }
                }
            }
        }
    }

    fn explain(&self, question: &Question<'_>) {
        match &question.node.uitleg {
            Some(uitleg) => self.say(&format!("\nUitleg: {}\n", uitleg.trim_end())),
            None => self.say("\n(Bij deze stap staat geen uitleg in de flow.)\n"),
        }
    }

    /// An answer the engine refuses: its reason as a sentence, and what to do in this screen.
    fn refused(&self, mismatch: &Mismatch) {
        let text = mismatch.to_string();
        let mut chars = text.chars();
        let mut sentence: String = chars
            .next()
            .map(|c| c.to_uppercase().collect())
            .unwrap_or_default();
        sentence.push_str(chars.as_str());
        match mismatch {
            Mismatch::NothingChosen => sentence
                .push_str(". Kies minstens één aanbieder, 'Andere …' of 'Geen passend aanbod'."),
            Mismatch::GapWithProvider => sentence.push_str("; kies het een of het ander."),
            _ => sentence.push('.'),
        }
        self.say(&sentence);
    }

    fn first_question(&self) {
        self.say("Dit is de eerste vraag; er is geen vorige vraag om naar terug te gaan.");
    }

    /// A select over `labels`, starting at `start`, with the explanation, an optional pause and
    /// (when possible) "back" as extra lines.
    fn select(
        &self,
        message: &str,
        labels: &[String],
        start: usize,
        can_pause: bool,
        can_go_back: bool,
    ) -> Result<Got<usize>> {
        let mut items: Vec<Item> = labels
            .iter()
            .cloned()
            .enumerate()
            .map(|(i, l)| Item::Option(i, l))
            .collect();
        if can_pause {
            items.push(Item::Pause);
        }
        items.push(Item::Explain);
        if can_go_back {
            items.push(Item::Back);
        }
        let got = Select::new(message, items)
            .with_help_message(HELP_SELECT)
            .with_page_size(12)
            .with_starting_cursor(start.min(labels.len().saturating_sub(1)))
            .prompt();
        match got {
            Ok(Item::Option(i, _)) => Ok(Got::Value(i)),
            Ok(Item::Explain) => Ok(Got::Explain),
            Ok(Item::Pause) => Ok(Got::Pause),
            Ok(Item::Back) => Ok(Got::Escape),
            Err(e) => escape_or(e),
        }
    }

    /// "Nog niet — later verder": ask for the expected date (optional). Esc returns to the
    /// question.
    fn pause(&self) -> Result<Got<Option<jiff::civil::Date>>> {
        let got = Text::new("Wanneer verwacht u verder te gaan? Datum (dd-mm-jjjj, optioneel):")
            .with_help_message("Enter zonder datum om over te slaan · Esc terug naar de vraag")
            .with_validator(|s: &str| {
                Ok(if s.trim().is_empty() || parse_date(s).is_some() {
                    inquire::validator::Validation::Valid
                } else {
                    inquire::validator::Validation::Invalid(
                        "Geen geldige datum; typ bijvoorbeeld 20-12-2026.".into(),
                    )
                })
            })
            .prompt();
        match got {
            Ok(s) => Ok(Got::Value(parse_date(&s))),
            Err(e) => escape_or(e),
        }
    }

    /// A multi-select. The value is the ticked options and whether "? Uitleg" was ticked too,
    /// so that the caller can show the explanation and ask again with the ticks kept.
    fn multi(
        &self,
        message: &str,
        labels: &[String],
        defaults: &[usize],
    ) -> Result<Got<(Vec<usize>, bool)>> {
        let mut items: Vec<Item> = labels
            .iter()
            .cloned()
            .enumerate()
            .map(|(i, l)| Item::Option(i, l))
            .collect();
        items.push(Item::Explain);
        let got = MultiSelect::new(message, items)
            .with_help_message(HELP_MULTI)
            .with_default(defaults)
            .with_page_size(12)
            .with_formatter(&|chosen| {
                let n = chosen
                    .iter()
                    .filter(|o| matches!(o.value, Item::Option(..)))
                    .count();
                format!("{n} aangevinkt")
            })
            .prompt();
        match got {
            Ok(chosen) => {
                let picked = chosen
                    .iter()
                    .filter_map(|i| match i {
                        Item::Option(k, _) => Some(*k),
                        _ => None,
                    })
                    .collect();
                // "→ alles" ticks every line, "? Uitleg" included: that means all actions, not
                // a request for the explanation.
                let all = chosen.len() == labels.len() + 1;
                let explain = !all && chosen.iter().any(|i| matches!(i, Item::Explain));
                Ok(Got::Value((picked, explain)))
            }
            Err(e) => escape_or(e),
        }
    }

    fn text(
        &self,
        message: &str,
        help: &str,
        required: bool,
        initial: &str,
    ) -> Result<Got<String>> {
        let mut prompt = Text::new(message)
            .with_help_message(help)
            .with_initial_value(initial);
        if required {
            prompt = prompt.with_validator(|s: &str| {
                Ok(if s.trim().is_empty() {
                    inquire::validator::Validation::Invalid(
                        "Vul iets in, of typ ? voor uitleg.".into(),
                    )
                } else {
                    inquire::validator::Validation::Valid
                })
            });
        }
        match prompt.prompt() {
            Ok(s) if s.trim() == "?" => Ok(Got::Explain),
            Ok(s) => Ok(Got::Value(s.trim().to_string())),
            Err(e) => escape_or(e),
        }
    }

    fn ask_choice(&self, question: &Question<'_>, options: &[Choice]) -> Result<Reply> {
        let labels: Vec<String> = options
            .iter()
            .map(|o| match &o.toelichting {
                Some(t) => format!("{} — {}", o.label, t.trim()),
                None => o.label.clone(),
            })
            .collect();
        let message = question_text(question);
        let proposed = question.proposal.as_ref().map(|p| p.option.as_str());
        let labels: Vec<String> = labels
            .into_iter()
            .zip(options)
            .map(|(l, o)| {
                if Some(o.id.as_str()) == proposed {
                    format!("{l}   ← voorstel")
                } else {
                    l
                }
            })
            .collect();
        if let Some(p) = &question.proposal {
            let label = options
                .iter()
                .find(|o| o.id == p.option)
                .map_or(p.option.as_str(), |o| o.label.as_str());
            let mut text = format!("\nVoorstel van zorgpad: {label}");
            if p.reasons.is_empty() {
                text.push_str(" (geen van de criteria hierboven is aangevinkt).");
            } else {
                text.push_str(", op grond van:");
                for r in &p.reasons {
                    text.push_str(&format!("\n  • {r}"));
                }
            }
            if p.binding {
                text.push_str("\nVolgens de blauwdruk geldt dan altijd deze route.");
            } else {
                text.push_str("\nU beslist: bevestig het voorstel, of wijk af met een reden.");
            }
            self.say(&text);
        }
        // Only the options the engine would take: a binding proposal leaves one way to go.
        let (options, labels): (Vec<Choice>, Vec<String>) = options
            .iter()
            .zip(labels)
            .filter(|(o, _)| can_choose(question, &o.id))
            .map(|(o, l)| (o.clone(), l))
            .unzip();
        let options = options.as_slice();
        // Demonstration (--uitleg): one more line previews where each option leads, without
        // choosing; the preview comes from the flow graph (crate::flow::preview), not from the walk.
        let mut labels = labels;
        let what_if = self.explain_always;
        if what_if {
            labels.push(WHAT_IF.to_string());
        }
        // After "back", start from the answer that was given before; else at the proposal.
        let (start, note) = match &question.previous {
            Some(Answer::Keuze { optie, toelichting }) => (
                options.iter().position(|o| &o.id == optie).unwrap_or(0),
                toelichting.clone().unwrap_or_default(),
            ),
            _ => (
                proposed
                    .and_then(|p| options.iter().position(|o| o.id == p))
                    .unwrap_or(0),
                String::new(),
            ),
        };
        loop {
            let index = match self.select(
                &message,
                &labels,
                start,
                question.can_pause,
                question.can_go_back,
            )? {
                Got::Value(i) if what_if && i == options.len() => {
                    self.say(&format!(
                        "\n{}\n",
                        crate::flow::preview::what_if_text(question.flow, &question.calls, options)
                    ));
                    continue;
                }
                Got::Value(i) => i,
                Got::Explain => {
                    self.explain(question);
                    continue;
                }
                Got::Pause => match self.pause()? {
                    Got::Value(expected) => return Ok(Reply::Pause { expected }),
                    _ => continue,
                },
                Got::Escape if question.can_go_back => return Ok(Reply::Back),
                Got::Escape => {
                    self.first_question();
                    continue;
                }
            };
            let optie = options[index].id.clone();
            let overrule = matches!(
                question.check(&Answer::Keuze {
                    optie: optie.clone(),
                    toelichting: None
                }),
                Err(Mismatch::ReasonRequired { .. })
            );
            let (prompt, help) = if overrule {
                (
                    "U wijkt af van het voorstel. Reden (verplicht):",
                    HELP_REQUIRED_REASON,
                )
            } else {
                ("Toelichting bij deze keuze (optioneel):", HELP_TEXT)
            };
            loop {
                match self.text(prompt, help, overrule, &note)? {
                    Got::Value(t) => {
                        let answer = Answer::Keuze {
                            optie: optie.clone(),
                            toelichting: Some(t).filter(|t| !t.is_empty()),
                        };
                        match question.check(&answer) {
                            Ok(()) => return Ok(Reply::Answer(answer)),
                            Err(m) => self.refused(&m),
                        }
                    }
                    Got::Explain => self.explain(question),
                    Got::Pause | Got::Escape => break,
                }
            }
        }
    }

    fn ask_checklist(&self, question: &Question<'_>, items: &[Action]) -> Result<Reply> {
        let labels: Vec<String> = items
            .iter()
            .map(|a| match &a.rol {
                Some(r) if Some(r) != question.role.as_ref().map(|x| &x.id) => {
                    format!("{} [{}]", a.tekst, question.flow.role_label(r))
                }
                _ => a.tekst.clone(),
            })
            .collect();
        // After "back", start from the marks given before.
        let (mut done, mut nvt, note): (Vec<usize>, Vec<usize>, String) = match &question.previous {
            Some(Answer::Checklist { acties, notitie }) => {
                let with = |status: Status| {
                    items
                        .iter()
                        .enumerate()
                        .filter(|(_, a)| acties.iter().any(|m| m.id == a.id && m.status == status))
                        .map(|(k, _)| k)
                        .collect()
                };
                (
                    with(Status::Gedaan),
                    with(Status::Nvt),
                    notitie.clone().unwrap_or_default(),
                )
            }
            _ => (Vec::new(), Vec::new(), String::new()),
        };
        if question.can_pause {
            // Something that may not have happened yet (the MDO): ask first.
            loop {
                let labels = ["Ja, nu vastleggen".to_string()];
                match self.select("Is dit al gebeurd?", &labels, 0, true, question.can_go_back)? {
                    Got::Value(_) => break,
                    Got::Explain => self.explain(question),
                    Got::Pause => match self.pause()? {
                        Got::Value(expected) => return Ok(Reply::Pause { expected }),
                        _ => continue,
                    },
                    Got::Escape if question.can_go_back => return Ok(Reply::Back),
                    Got::Escape => self.first_question(),
                }
            }
        }
        'done: loop {
            match self.multi("Welke acties zijn gedaan?", &labels, &done)? {
                Got::Value((picked, explain)) => {
                    done = picked;
                    if explain {
                        self.explain(question);
                        continue 'done;
                    }
                }
                Got::Explain | Got::Pause => continue 'done,
                Got::Escape if question.can_go_back => return Ok(Reply::Back),
                Got::Escape => {
                    self.first_question();
                    continue 'done;
                }
            }
            let rest: Vec<usize> = (0..items.len()).filter(|k| !done.contains(k)).collect();
            nvt.retain(|k| rest.contains(k));
            'nvt: loop {
                if !rest.is_empty() {
                    let rest_labels: Vec<String> =
                        rest.iter().map(|k| labels[*k].clone()).collect();
                    let defaults: Vec<usize> = rest
                        .iter()
                        .enumerate()
                        .filter(|(_, k)| nvt.contains(k))
                        .map(|(i, _)| i)
                        .collect();
                    match self.multi(
                        "Welke van de overige acties zijn niet van toepassing (n.v.t.)? De rest blijft open.",
                        &rest_labels,
                        &defaults,
                    )? {
                        Got::Value((picked, explain)) => {
                            nvt = picked.iter().map(|i| rest[*i]).collect();
                            if explain {
                                self.explain(question);
                                continue 'nvt;
                            }
                        }
                        Got::Explain | Got::Pause => continue 'nvt,
                        Got::Escape => continue 'done,
                    }
                }
                loop {
                    match self.text(
                        "Notitie bij deze stap (optioneel):",
                        HELP_TEXT,
                        false,
                        &note,
                    )? {
                        Got::Value(note) => {
                            let acties = Mark::from_picks(items, &done, &nvt);
                            return Ok(Reply::Answer(Answer::Checklist {
                                acties,
                                notitie: Some(note).filter(|n| !n.is_empty()),
                            }));
                        }
                        Got::Explain => self.explain(question),
                        Got::Pause | Got::Escape if rest.is_empty() => continue 'done,
                        Got::Pause | Got::Escape => continue 'nvt,
                    }
                }
            }
        }
    }

    fn ask_criteria(&self, question: &Question<'_>, items: &[Action]) -> Result<Reply> {
        let labels: Vec<String> = items.iter().map(|a| a.tekst.clone()).collect();
        let mut ticked: Vec<usize> = match &question.previous {
            Some(Answer::Criteria { gelden, .. }) => items
                .iter()
                .enumerate()
                .filter(|(_, a)| gelden.contains(&a.id))
                .map(|(k, _)| k)
                .collect(),
            _ => Vec::new(),
        };
        let message = question_text(question);
        loop {
            match self.multi(&message, &labels, &ticked)? {
                Got::Value((picked, explain)) => {
                    ticked = picked;
                    if explain {
                        self.explain(question);
                        continue;
                    }
                    return Ok(Reply::Answer(Answer::Criteria {
                        gelden: ticked.iter().map(|k| items[*k].id.clone()).collect(),
                        notitie: None,
                    }));
                }
                Got::Explain | Got::Pause => continue,
                Got::Escape if question.can_go_back => return Ok(Reply::Back),
                Got::Escape => self.first_question(),
            }
        }
    }

    /// A referral: the providers of the Sociale Kaart for this category and the client's
    /// gemeente (light to heavy), plus "andere" (typed) and "geen passend aanbod" (a gap).
    fn ask_referral(
        &self,
        question: &Question<'_>,
        category: &str,
        offer: &Offer<'_>,
    ) -> Result<Reply> {
        let offered = offer.providers(category);
        if offer.kaart.is_embedded() {
            self.say("\nLET OP: dit is de ingebouwde VOORBEELDKAART met verzonnen aanbieders; gebruik --kaart met de Sociale Kaart van uw VSV.");
        }
        let place = offer
            .gemeente
            .map(|g| format!(" in {g}"))
            .unwrap_or_default();
        if offered.is_empty() {
            self.say(&format!(
                "\nDe Sociale Kaart ({}) heeft geen aanbod in de categorie '{category}'{place}.",
                offer.kaart.naam
            ));
        } else {
            let mut text = format!("\nAanbod op de Sociale Kaart ({}), categorie '{category}'{place}, van licht naar zwaar:", offer.kaart.naam);
            for a in &offered {
                text.push_str(&format!("\n  • {}", Offer::line(a)));
                if let Some(how) = &a.aanmelden {
                    text.push_str(&format!("\n      aanmelden: {}", how.trim()));
                }
            }
            self.say(&text);
        }
        let mut labels: Vec<String> = offered.iter().map(|a| Offer::line(a)).collect();
        let other = labels.len();
        labels.push("Andere hulpverlener of organisatie (zelf invullen)".to_string());
        let gap = labels.len();
        labels
            .push("Geen passend aanbod (wordt vastgelegd als gat in de Sociale Kaart)".to_string());
        let (mut ticked, typed): (Vec<usize>, String) = match &question.previous {
            Some(Answer::Verwijzing {
                kaart,
                aanbieders,
                geen_passend_aanbod,
                ..
            }) => {
                let mut t: Vec<usize> = offered
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| kaart.contains(&a.id))
                    .map(|(k, _)| k)
                    .collect();
                if !aanbieders.is_empty() {
                    t.push(other);
                }
                if *geen_passend_aanbod {
                    t.push(gap);
                }
                (t, aanbieders.join("; "))
            }
            _ => (Vec::new(), String::new()),
        };
        let message = question_text(question);
        'pick: loop {
            match self.multi(&message, &labels, &ticked)? {
                Got::Value((picked, explain)) => {
                    ticked = picked;
                    if explain {
                        self.explain(question);
                        continue 'pick;
                    }
                }
                Got::Explain | Got::Pause => continue 'pick,
                Got::Escape if question.can_go_back => return Ok(Reply::Back),
                Got::Escape => {
                    self.first_question();
                    continue 'pick;
                }
            }
            // The names of others are asked after the ticks, so the ticks are checked first.
            let chosen = ticked.iter().any(|k| *k != gap);
            if let Err(m) = rules::referral(chosen, ticked.contains(&gap)) {
                self.refused(&m);
                if m == Mismatch::GapWithProvider {
                    ticked.retain(|k| *k != gap);
                }
                continue 'pick;
            }
            let mut andere = Vec::new();
            if ticked.contains(&other) {
                loop {
                    match self.text(
                        "Welke andere hulpverlener of organisatie?",
                        HELP_REQUIRED,
                        true,
                        &typed,
                    )? {
                        Got::Value(names) => {
                            andere = names
                                .split(';')
                                .map(|s| s.trim().to_string())
                                .filter(|s| !s.is_empty())
                                .collect();
                            if andere.is_empty() {
                                self.say("Vul de naam van de hulpverlener of organisatie in.");
                                continue;
                            }
                            break;
                        }
                        Got::Explain | Got::Pause => self.explain(question),
                        Got::Escape => continue 'pick,
                    }
                }
            }
            let answer = Answer::Verwijzing {
                kaart: ticked
                    .iter()
                    .filter(|k| **k < other)
                    .map(|k| offered[*k].id.clone())
                    .collect(),
                aanbieders: andere,
                geen_passend_aanbod: ticked.contains(&gap),
                notitie: None,
            };
            match question.check(&answer) {
                Ok(()) => return Ok(Reply::Answer(answer)),
                Err(m) => self.refused(&m),
            }
        }
    }
}

impl Terminal<'_> {
    /// The client's gemeente, for the offer of the Sociale Kaart. `None`: unknown or not on the
    /// map (then every provider of a category is offered).
    pub fn ask_gemeente(&self, gemeenten: &[String]) -> Result<Option<String>> {
        if gemeenten.is_empty() {
            return Ok(None);
        }
        let mut labels = gemeenten.to_vec();
        labels.push("Onbekend, of een gemeente die niet op de kaart staat".to_string());
        self.say("");
        loop {
            match self.select("In welke gemeente woont de cliënt?", &labels, 0, false, false)? {
                Got::Value(i) => return Ok(gemeenten.get(i).cloned()),
                Got::Explain => self.say(
                    "\nUitleg: de gemeente bepaalt welk aanbod van de Sociale Kaart zorgpad bij een verwijzing toont (aanbod voor de hele regio staat er altijd bij). De naam van de cliënt is nooit nodig.\n",
                ),
                Got::Pause | Got::Escape => self.first_question(),
            }
        }
    }
}

/// A closed terminal (SIGHUP) ends the session with exit code 130. Every answer is saved
/// before the next question, so leaving at once loses nothing; `_exit` is the only safe thing
/// to do inside a signal handler.
fn exit_on_hangup() {
    #[cfg(unix)]
    // SAFETY: the handler only calls `signal_hook::low_level::exit`, which is async-signal-safe.
    unsafe {
        let _ = signal_hook::low_level::register(signal_hook::consts::SIGHUP, || {
            signal_hook::low_level::exit(130)
        });
    }
}

/// Ask a yes/no question in Dutch ("ja"/"nee", "j"/"n"). Esc counts as "nee".
pub fn confirm(message: &str) -> Result<bool> {
    let got = CustomType::<bool>::new(message)
        .with_parser(&|s: &str| match s.trim().to_lowercase().as_str() {
            "j" | "ja" => Ok(true),
            "n" | "nee" => Ok(false),
            _ => Err(()),
        })
        .with_formatter(&|b: bool| {
            if b {
                "ja".to_string()
            } else {
                "nee".to_string()
            }
        })
        .with_error_message("Typ ja of nee.")
        .with_help_message("ja of nee · Esc = nee")
        .with_placeholder("ja/nee")
        .prompt();
    match got {
        Ok(answer) => Ok(answer),
        Err(InquireError::OperationCanceled) => Ok(false),
        Err(e) => match escape_or::<bool>(e) {
            Err(error) => Err(error),
            Ok(_) => Ok(false),
        },
    }
}

fn escape_or<T>(error: InquireError) -> Result<Got<T>> {
    match error {
        InquireError::OperationCanceled => Ok(Got::Escape),
        InquireError::OperationInterrupted => {
            // inquire leaves the cursor in the abandoned prompt, on its help line when the prompt
            // is at the bottom of the screen; clear from there so that the message that follows
            // does not run into that line.
            let _ = write!(std::io::stderr(), "\r\x1b[J");
            Err(Error::cancelled("gestopt met Ctrl-C."))
        }
        InquireError::NotTTY => Err(Error::input("er is geen terminal om vragen in te stellen")
            .hint("Gebruik 'zorgpad start --antwoorden BESTAND' om een sessie zonder terminal te doorlopen.")),
        InquireError::IO(e) => Err(Error::input(format!("de terminal gaf een fout: {e}"))),
        other => Err(Error::input(format!("de vraag kon niet worden getoond: {other}"))),
    }
}

/// Whether the engine would take this option at all (with a reason, should it overrule the
/// proposal): a binding proposal leaves one.
fn can_choose(question: &Question<'_>, option: &str) -> bool {
    let with_reason = Answer::Keuze {
        optie: option.to_string(),
        toelichting: Some("reden".to_string()),
    };
    !matches!(
        question.check(&with_reason),
        Err(Mismatch::BindingProposal { .. })
    )
}

impl Prompter for Terminal<'_> {
    fn ask(&mut self, question: &Question<'_>) -> Result<Reply> {
        self.header(question);
        match &question.node.body {
            Body::Decision { options, .. } | Body::Wait { options, .. } => {
                self.ask_choice(question, options)
            }
            Body::Action { items, .. } => self.ask_checklist(question, items),
            Body::Criteria { items, .. } => self.ask_criteria(question, items),
            Body::Referral { category, .. } => {
                let offer = self.offer.ok_or_else(crate::prompt::no_offer)?;
                self.ask_referral(question, category, &offer)
            }
            other => Err(Error::input(format!(
                "knoop '{}' van soort '{}' stelt geen vraag",
                question.node.id,
                Kind::dutch(other.kind())
            ))),
        }
    }
}
