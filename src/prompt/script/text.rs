//! A text question in an answers file: the entry is the text itself (`- wijkteam, tot 1
//! maart`; a number as written: `- 3`), or `{tekst: "..."}`, so that a text that reads like a
//! reserved entry (`terug`, `later`) can be written too. Whether the text is accepted (not
//! empty, no BSN) is the engine's to say.

use super::entry::{check_keys, inline, scalar};
use super::{valid_for, Script};
use crate::engine::answer::Answer;
use crate::engine::question::Question;
use crate::error::Result;
use crate::yaml::Value;

/// The key of the mapping form.
const KEY: &str = "tekst";

impl Script<'_> {
    pub(super) fn text(&self, i: usize, question: &Question<'_>, entry: &Value) -> Result<Answer> {
        let fail = |p: &str| self.mismatch(i, question, p, valid_for(question));
        let tekst = match entry {
            Value::Mapping(map) if map.contains_key(KEY) => {
                check_keys(map, &[KEY]).map_err(|p| fail(&p))?;
                match map.get(KEY) {
                    Some(Value::String(s)) => s.clone(),
                    Some(Value::Null) | None => String::new(),
                    // Read back as a number, `0612` would lose its zero: the form with the
                    // key is for texts, written in quotes.
                    Some(Value::Number(_) | Value::Bool(_)) => {
                        return Err(fail(
                            "zet de tekst achter 'tekst:' tussen aanhalingstekens, dan blijft hij zoals geschreven",
                        ))
                    }
                    Some(_) => return Err(fail("'tekst:' is één tekst, geen lijst of veld")),
                }
            }
            // `- Wijkteam: mevrouw De Vries` reads as a field, not as text.
            Value::Mapping(map) => {
                return Err(fail(&format!(
                    "'{}' leest als een veld, niet als tekst; zet een tekst met een dubbele punt tussen aanhalingstekens",
                    inline(&Value::Mapping(map.clone()))
                        .trim_start_matches('{')
                        .trim_end_matches('}')
                )))
            }
            Value::Sequence(_) => return Err(fail("het antwoord op deze vraag is één tekst, geen lijst")),
            Value::Null => String::new(),
            Value::String(s) => s.clone(),
            other => self
                .written(i, other)
                .or_else(|| scalar(other))
                .unwrap_or_default(),
        };
        Ok(Answer::Tekst { tekst })
    }
}

impl Script<'_> {
    /// A number or yes/no entry as it stands in the file (`0612`, `1.50`), when reading that
    /// again gives the same value: the text answer keeps what was typed.
    fn written(&self, i: usize, value: &Value) -> Option<String> {
        let text = self.written.get(i)?.as_ref()?;
        let again: Value = crate::yaml::parse(text).ok()?;
        (&again == value).then(|| text.clone())
    }
}
