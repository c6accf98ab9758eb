//! A box of actions or a list of criteria in an answers file: `alles`, `niets`/`geen`, a list of
//! items by id or text, or a mapping with the items done and n.v.t. (or that apply) and a note.

use super::entry::{check_keys, pick_items, scalar};
use super::{valid_for, Script};
use crate::engine::answer::{Answer, Mark};
use crate::engine::question::Question;
use crate::error::Result;
use crate::flow::model::Action;
use crate::yaml::Value;

impl Script<'_> {
    pub(super) fn checklist(
        &self,
        i: usize,
        question: &Question<'_>,
        items: &[Action],
        entry: &Value,
    ) -> Result<Answer> {
        let pairs: Vec<(&str, &str)> = items
            .iter()
            .map(|a| (a.id.as_str(), a.text.as_str()))
            .collect();
        let fail = |p: &str| self.mismatch(i, question, p, valid_for(question));
        let pick = |v: &Value| {
            pick_items(
                v,
                &pairs,
                "actie",
                "'alles', 'niets' of een lijst van acties",
            )
        };
        let (done, nvt, notitie) = match entry {
            Value::Mapping(map) => {
                check_keys(map, &["gedaan", "nvt", "notitie"]).map_err(|p| fail(&p))?;
                let done = map
                    .get("gedaan")
                    .map(pick)
                    .transpose()
                    .map_err(|p| fail(&p))?
                    .unwrap_or_default();
                let nvt = map
                    .get("nvt")
                    .map(pick)
                    .transpose()
                    .map_err(|p| fail(&p))?
                    .unwrap_or_default();
                (done, nvt, map.get("notitie").and_then(scalar))
            }
            other => (pick(other).map_err(|p| fail(&p))?, Vec::new(), None),
        };
        if let Some(both) = done.iter().find(|k| nvt.contains(k)) {
            return Err(fail(&format!(
                "de actie '{}' staat zowel bij 'gedaan' als bij 'nvt'",
                items[*both].id
            )));
        }
        let acties = Mark::from_picks(items, &done, &nvt);
        Ok(Answer::Checklist { acties, notitie })
    }

    pub(super) fn criteria(
        &self,
        i: usize,
        question: &Question<'_>,
        items: &[Action],
        entry: &Value,
    ) -> Result<Answer> {
        let pairs: Vec<(&str, &str)> = items
            .iter()
            .map(|a| (a.id.as_str(), a.text.as_str()))
            .collect();
        let fail = |p: &str| self.mismatch(i, question, p, valid_for(question));
        let pick = |v: &Value| {
            pick_items(
                v,
                &pairs,
                "criterium",
                "'geen', 'alle' of een lijst van criteria",
            )
        };
        let (picked, notitie) = match entry {
            Value::Mapping(map) => {
                check_keys(map, &["gelden", "notitie"]).map_err(|p| fail(&p))?;
                let picked = map
                    .get("gelden")
                    .map(pick)
                    .transpose()
                    .map_err(|p| fail(&p))?
                    .unwrap_or_default();
                (picked, map.get("notitie").and_then(scalar))
            }
            other => (pick(other).map_err(|p| fail(&p))?, None),
        };
        Ok(Answer::Criteria {
            gelden: picked.into_iter().map(|k| items[k].id.clone()).collect(),
            notitie,
        })
    }
}
