//! What the professional answered to one question. These values are what the journal holds,
//! so their serialised form (Dutch keys) is part of the session file format.

use serde::{Deserialize, Serialize};

use crate::flow::model::{Body, Node};

/// The answer to one question of the walk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "soort", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Answer {
    /// An option of a decision or a wait, with an optional reason.
    Keuze {
        optie: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        toelichting: Option<String>,
    },
    /// The status of every action of a box, with an optional note.
    Checklist {
        acties: Vec<Mark>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        notitie: Option<String>,
    },
    /// The criteria that apply (ids), with an optional note.
    Criteria {
        gelden: Vec<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        notitie: Option<String>,
    },
    /// The provider(s) referred to, with an optional note.
    /// A referral: providers from the Sociale Kaart (by id), others typed by hand, or "geen
    /// passend aanbod" (a gap in the map), with an optional note.
    Verwijzing {
        /// Ids of providers on the Sociale Kaart.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        kaart: Vec<String>,
        /// Providers not on the map ("andere"), by name.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        aanbieders: Vec<String>,
        /// No fitting offer: recorded as a gap in the map.
        #[serde(default, skip_serializing_if = "is_false")]
        geen_passend_aanbod: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        notitie: Option<String>,
    },
    /// A free-text answer (who becomes coördinerend zorgverlener, the children's ages): the
    /// text is the answer itself.
    Tekst { tekst: String },
    /// A wait with `opvolging:` answered "later": it becomes a follow-up beside the path (with
    /// this id in the session), maybe expected by a date, and the path goes on.
    Opvolging {
        /// Given by the walk when it records the answer: the question's key, with `#2`, `#3`, …
        /// when the same question was put off before in this session.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        id: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        verwacht: Option<jiff::civil::Date>,
    },
    /// At an end with `vervolg:` in the flow: the finished session goes on at the node it names
    /// (`naar`), because of what happened later (`reden`, required). Accepted only there.
    Vervolg { naar: String, reden: String },
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The status of one action of a checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mark {
    pub id: String,
    pub status: Status,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Gedaan,
    NietGedaan,
    Nvt,
}

impl Mark {
    /// Marks for every action of a box from the positions picked as done and as n.v.t.; the
    /// rest is not done.
    pub fn from_picks(
        items: &[crate::flow::model::Action],
        done: &[usize],
        nvt: &[usize],
    ) -> Vec<Mark> {
        items
            .iter()
            .enumerate()
            .map(|(k, item)| Mark {
                id: item.id.clone(),
                status: if done.contains(&k) {
                    Status::Gedaan
                } else if nvt.contains(&k) {
                    Status::Nvt
                } else {
                    Status::NietGedaan
                },
            })
            .collect()
    }
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Gedaan => "gedaan",
            Status::NietGedaan => "niet gedaan",
            Status::Nvt => "n.v.t.",
        }
    }
}

impl Answer {
    /// The answer in words, as a colleague reads it: the option's label, the count of actions done, the providers, the
    /// text typed.
    pub fn in_words(&self, node: &Node, provider: &dyn Fn(&str) -> String) -> String {
        match (&node.body, self) {
            (
                Body::Decision { options, .. } | Body::Wait { options, .. },
                Answer::Keuze { optie, .. },
            ) => options
                .iter()
                .find(|o| &o.id == optie)
                .map_or_else(|| optie.clone(), |o| o.label.clone()),
            (_, Answer::Checklist { acties, .. }) => {
                let count = |s: Status| acties.iter().filter(|m| m.status == s).count();
                let mut parts = vec![format!(
                    "{} van {} gedaan",
                    count(Status::Gedaan),
                    acties.len()
                )];
                if count(Status::Nvt) > 0 {
                    parts.push(format!("{} n.v.t.", count(Status::Nvt)));
                }
                if count(Status::NietGedaan) > 0 {
                    parts.push(format!("{} open", count(Status::NietGedaan)));
                }
                parts.join(", ")
            }
            (
                _,
                Answer::Verwijzing {
                    kaart: chosen,
                    aanbieders,
                    geen_passend_aanbod,
                    ..
                },
            ) => {
                let mut names: Vec<String> = chosen.iter().map(|id| provider(id)).collect();
                names.extend(aanbieders.iter().cloned());
                if *geen_passend_aanbod {
                    names.push("geen passend aanbod".to_string());
                }
                names.join("; ")
            }
            (Body::Criteria { items, .. }, Answer::Criteria { gelden, .. }) => {
                let texts: Vec<&str> = items
                    .iter()
                    .filter(|i| gelden.contains(&i.id))
                    .map(|i| i.text.as_str())
                    .collect();
                if texts.is_empty() {
                    "geen van deze criteria".to_string()
                } else {
                    texts.join("; ")
                }
            }
            (_, Answer::Criteria { gelden, .. }) => gelden.join("; "),
            (_, Answer::Keuze { optie, .. }) => optie.clone(),
            (_, Answer::Tekst { tekst }) => tekst.clone(),
            (_, Answer::Opvolging { verwacht, .. }) => match verwacht {
                Some(d) => format!(
                    "later — als opvolging, verwacht {}; het pad ging verder",
                    d.strftime("%d-%m-%Y")
                ),
                None => "later — als opvolging; het pad ging verder".to_string(),
            },
            (
                Body::End {
                    continuation: Some(c),
                    ..
                },
                Answer::Vervolg { naar, .. },
            ) if c.target == *naar => c.label.clone(),
            (_, Answer::Vervolg { naar, .. }) => format!("verder bij {naar}"),
        }
    }

    /// The free text that goes with the answer, if any. A text answer has none: its text is
    /// the answer.
    pub fn note(&self) -> Option<&str> {
        match self {
            Answer::Keuze { toelichting, .. } => toelichting.as_deref(),
            Answer::Checklist { notitie, .. }
            | Answer::Verwijzing { notitie, .. }
            | Answer::Criteria { notitie, .. } => notitie.as_deref(),
            Answer::Vervolg { reden, .. } => Some(reden.as_str()),
            Answer::Tekst { .. } | Answer::Opvolging { .. } => None,
        }
        .filter(|s| !s.trim().is_empty())
    }

    /// The answer with this note as its reason (a choice) or note (the rest); an empty note
    /// takes it away. A text answer has no note and stays as it is.
    pub fn with_note(self, note: &str) -> Answer {
        let note = Some(note.trim().to_string()).filter(|n| !n.is_empty());
        match self {
            Answer::Keuze { optie, .. } => Answer::Keuze {
                optie,
                toelichting: note,
            },
            Answer::Checklist { acties, .. } => Answer::Checklist {
                acties,
                notitie: note,
            },
            Answer::Criteria { gelden, .. } => Answer::Criteria {
                gelden,
                notitie: note,
            },
            Answer::Verwijzing {
                kaart,
                aanbieders,
                geen_passend_aanbod,
                ..
            } => Answer::Verwijzing {
                kaart,
                aanbieders,
                geen_passend_aanbod,
                notitie: note,
            },
            other @ (Answer::Tekst { .. } | Answer::Opvolging { .. } | Answer::Vervolg { .. }) => {
                other
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_answer_is_stored_with_dutch_keys_and_has_no_note() {
        let answer = Answer::Tekst {
            tekst: "wijkteam, tot 1 maart".to_string(),
        };
        let json = serde_json::to_string(&answer).expect("serialise");
        assert_eq!(json, r#"{"soort":"tekst","tekst":"wijkteam, tot 1 maart"}"#);
        assert_eq!(
            serde_json::from_str::<Answer>(&json).expect("read back"),
            answer
        );
        assert_eq!(answer.note(), None);
    }
}
