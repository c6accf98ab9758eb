//! A box of actions or a list of criteria in an answers file: `alles`, `niets`/`geen`, a list of
//! items by id or text, or a mapping with the items done and n.v.t. (or that apply) and a note.

use super::entry::{check_keys, pick_items, scalar};
use super::{valid_for, Script};
use crate::engine::answer::{Answer, Mark};
use crate::engine::question::Question;
use crate::error::Result;
use crate::flow::model::Action;
use crate::yaml::{Mapping, Value};

impl Script<'_> {
    pub(super) fn checklist(
        &self,
        i: usize,
        question: &Question<'_>,
        items: &[Action],
        entry: &Value,
    ) -> Result<Answer> {
        let fail = |p: &str| self.mismatch(i, question, p, valid_for(question));
        let pick = picker(items, "actie", "'alles', 'niets' of een lijst van acties");
        let (done, nvt, notitie) = match entry {
            Value::Mapping(map) => {
                check_keys(map, &["gedaan", "nvt", "notitie"]).map_err(|p| fail(&p))?;
                let done = under(map, "gedaan", &pick).map_err(|p| fail(&p))?;
                let nvt = under(map, "nvt", &pick).map_err(|p| fail(&p))?;
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
        let fail = |p: &str| self.mismatch(i, question, p, valid_for(question));
        let pick = picker(
            items,
            "criterium",
            "'geen', 'alle' of een lijst van criteria",
        );
        let (picked, notitie) = match entry {
            Value::Mapping(map) => {
                check_keys(map, &["gelden", "notitie"]).map_err(|p| fail(&p))?;
                let picked = under(map, "gelden", &pick).map_err(|p| fail(&p))?;
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

/// The items an entry names (`alles`, `geen`, or a list by id or text), as positions in `items`.
type Pick<'a> = Box<dyn Fn(&Value) -> std::result::Result<Vec<usize>, String> + 'a>;

fn picker<'a>(items: &'a [Action], noun: &'a str, forms: &'a str) -> Pick<'a> {
    Box::new(move |v| {
        let pairs: Vec<(&str, &str)> = items
            .iter()
            .map(|a| (a.id.as_str(), a.text.as_str()))
            .collect();
        pick_items(v, &pairs, noun, forms)
    })
}

/// The items under `key` of a mapping entry; none when the key is absent.
fn under(map: &Mapping, key: &str, pick: &Pick<'_>) -> std::result::Result<Vec<usize>, String> {
    map.get(key)
        .map(pick)
        .transpose()
        .map(Option::unwrap_or_default)
}
