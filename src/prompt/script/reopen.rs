//! Taking a session up again from an answers file: before the answers, `afvinken:` entries tick
//! off open actions (`- afvinken: B8/overdracht-betrokkenen`, or a list), and at a finished
//! session a `vervolg:` entry goes on after its end, with the reason
//! (`- vervolg: "later toch signalen: …"`).

use super::entry::scalar;
use super::Script;
use crate::engine::reopen::OpenAction;
use crate::error::{Error, Result};
use crate::flow::model::{Continuation, Node};
use crate::prompt::reopen::Reopener;
use crate::yaml::Value;

/// The entry that ticks off open actions.
pub(crate) const TICK: &str = "afvinken";
/// The entry that goes on after the end of a finished session.
pub(crate) const GO_ON: &str = "vervolg";

impl Script<'_> {
    /// The value of the next entry when it is `{key: value}`.
    fn reserved(&self, key: &str) -> Option<&Value> {
        match self.entries.get(self.next)? {
            Value::Mapping(map) if map.len() == 1 => map.get(key),
            _ => None,
        }
    }
}

impl Reopener for Script<'_> {
    fn tick(&mut self, open: &[OpenAction<'_>]) -> Result<Vec<usize>> {
        let names: Vec<String> = open.iter().map(OpenAction::name).collect();
        let mut picked = Vec::new();
        while let Some(value) = self.reserved(TICK) {
            let i = self.next;
            let items: Vec<Option<String>> = match value {
                Value::Sequence(list) => list.iter().map(scalar).collect(),
                other => vec![scalar(other)],
            };
            for item in items {
                let found = item.as_deref().and_then(|name| {
                    names
                        .iter()
                        .position(|n| n.eq_ignore_ascii_case(name.trim()))
                });
                match found {
                    Some(k) if !picked.contains(&k) => picked.push(k),
                    Some(_) => {}
                    None => {
                        let listed = if names.is_empty() {
                            "Deze sessie heeft geen openstaande acties.".to_string()
                        } else {
                            format!("Openstaande acties:\n  - {}", names.join("\n  - "))
                        };
                        return Err(Error::input(format!(
                            "{}: {} past niet: '{}' is geen openstaande actie van deze sessie",
                            self.file,
                            self.place(i),
                            item.unwrap_or_default()
                        ))
                        .hint(format!(
                            "Schrijf het als - {TICK}: VRAAG/ACTIE. {listed}\nDe sessie is niet veranderd."
                        )));
                    }
                }
            }
            self.next += 1;
        }
        Ok(picked)
    }

    fn go_on(&mut self, _end: &Node, continuation: &Continuation) -> Result<Option<String>> {
        let Some(value) = self.reserved(GO_ON) else {
            return Ok(None);
        };
        let reason = match value {
            Value::Mapping(map) if map.len() == 1 => map.get("reden").and_then(scalar),
            other => scalar(other),
        }
        .map(|r| r.trim().to_string())
        .filter(|r| !r.is_empty());
        let Some(reason) = reason else {
            return Err(Error::input(format!(
                "{}: {} is '{GO_ON}' zonder reden",
                self.file,
                self.place(self.next)
            ))
            .hint(format!(
                "Schrijf het als - {GO_ON}: \"wat er later is gebeurd\" ({}). De sessie is niet veranderd.",
                continuation.label
            )));
        };
        self.next += 1;
        Ok(Some(reason))
    }

    /// A `vervolg:` entry where the session cannot go on: the end reached (`end`) has no
    /// `vervolg` in the flow. Nothing is changed.
    fn refuse_go_on(&self, end: &Node) -> Result<()> {
        if self.reserved(GO_ON).is_none() {
            return Ok(());
        }
        Err(Error::input(format!(
            "{}: {} is '{GO_ON}', maar na het einde '{}' ({}) gaat de sessie niet verder: de flow geeft daar geen vervolg",
            self.file,
            self.place(self.next),
            end.title,
            end.id
        ))
        .hint("Haal het 'vervolg' weg. Komt er iets nieuws, begin dan een nieuwe sessie. De sessie is niet veranderd."))
    }
}
