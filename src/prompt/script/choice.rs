//! A decision or a wait in an answers file: an option by id or label, or
//! `{keuze: ..., toelichting: ...}` when a reason goes with it (overruling a proposal needs one;
//! the engine says so, and the script reports it).

use super::entry::{check_keys, resolve, scalar};
use super::{valid_for, Script};
use crate::engine::answer::Answer;
use crate::engine::question::Question;
use crate::error::Result;
use crate::flow::model::Choice;
use crate::yaml::Value;

impl Script<'_> {
    pub(super) fn choice(
        &self,
        i: usize,
        question: &Question<'_>,
        options: &[Choice],
        entry: &Value,
    ) -> Result<Answer> {
        let (choice, toelichting) = match entry {
            Value::Mapping(map) => {
                check_keys(map, &["keuze", "toelichting"])
                    .map_err(|p| self.mismatch(i, question, &p, valid_for(question)))?;
                let choice = map.get("keuze").and_then(scalar).ok_or_else(|| {
                    self.mismatch(
                        i,
                        question,
                        "'keuze:' ontbreekt of is geen tekst",
                        valid_for(question),
                    )
                })?;
                (choice, map.get("toelichting").and_then(scalar))
            }
            other => (
                scalar(other).ok_or_else(|| {
                    self.mismatch(i, question, "een keuze is één tekst", valid_for(question))
                })?,
                None,
            ),
        };
        let pairs: Vec<(&str, &str)> = options
            .iter()
            .map(|o| (o.id.as_str(), o.label.as_str()))
            .collect();
        let index = resolve(&choice, &pairs)
            .map_err(|p| self.mismatch(i, question, &p, valid_for(question)))?;
        Ok(Answer::Keuze {
            optie: options[index].id.clone(),
            toelichting,
        })
    }
}
