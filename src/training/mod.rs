//! `zorgpad oefen`: practice cases for training. A case is a fictitious story with the model
//! answer (and why) per decision; the trainee walks the blueprint for it, in the terminal or
//! with an answers file, and gets each decision compared with the model and a score.
//!
//! A practice run is not a session: nothing is written to the data directory, so practice never
//! shows up in `zorgpad sessies`. Only the result (which decisions matched, the score, the case
//! and the time; no names) is saved, and only when `--resultaten MAP` is given.
//! `zorgpad oefen --overzicht MAP` reads the results of a group and shows which decisions were
//! missed most.

mod compare;

pub(crate) use compare::*;

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::engine::walk::node_for_key;
use crate::error::{read_text, Error, Result};
use crate::flow::model::Body;
use crate::flow::set::FlowSet;
use crate::yaml::{self, Value};

/// The schema of a saved practice result.
pub(crate) const RESULT_SCHEMA: &str = "zorgpad.oefenresultaat/1";

/// The cases shipped in the binary: (id, text). Every file in `flows/casussen/` must be here;
/// a test checks that.
pub const CASES: &[(&str, &str)] = &[
    (
        "geen-ppm",
        include_str!("../../flows/casussen/geen-ppm.yaml"),
    ),
    (
        "enkelvoudig-verwijzen",
        include_str!("../../flows/casussen/enkelvoudig-verwijzen.yaml"),
    ),
    (
        "persisterende-problemen",
        include_str!("../../flows/casussen/persisterende-problemen.yaml"),
    ),
    (
        "geen-toestemming",
        include_str!("../../flows/casussen/geen-toestemming.yaml"),
    ),
    (
        "niet-verschenen",
        include_str!("../../flows/casussen/niet-verschenen.yaml"),
    ),
    (
        "mdo-en-overdracht",
        include_str!("../../flows/casussen/mdo-en-overdracht.yaml"),
    ),
];

/// A case file as written (see flows/casussen/README.md).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCase {
    titel: String,
    route: String,
    #[serde(default)]
    gemeente: Option<String>,
    #[serde(default)]
    inleiding: Option<String>,
    verhaal: String,
    model: Vec<ModelAnswer>,
    antwoorden: Value,
}

/// The model answer at one decision, or at the criteria question (D2-criteria).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelAnswer {
    /// The question key as in the journal: `D2`, `B2-meldcode/AK2`.
    pub vraag: String,
    /// At a decision or a wait: the option id. Empty at a criteria question.
    #[serde(default)]
    pub antwoord: String,
    /// At a criteria question: the ids of the criteria that apply (the others do not).
    #[serde(default)]
    pub gelden: Option<Vec<String>>,
    pub waarom: String,
    /// At a criteria question: why, per criterion; a criterion without one gets `waarom`.
    #[serde(default, rename = "waarom-per-criterium")]
    pub per_criterium: BTreeMap<String, String>,
}

/// A practice case.
#[derive(Debug, Clone)]
pub struct Case {
    pub id: String,
    /// Its number in `zorgpad oefen` (1-based), for an embedded case: how it is chosen without
    /// its id, which names the route.
    pub number: Option<usize>,
    pub file: String,
    pub titel: String,
    pub route: String,
    pub gemeente: Option<String>,
    /// The opening situation for the list (1–3 sentences, nothing decided); `None` when the
    /// file has none: then [`Case::opening`] gives the story's first sentence.
    pub inleiding: Option<String>,
    pub verhaal: String,
    pub model: Vec<ModelAnswer>,
    /// The scripted answers that walk the case (same entries as an answers file).
    pub antwoorden: Vec<Value>,
}

impl Case {
    /// Read a case from its text; `file` names it in messages.
    pub fn parse(id: &str, file: &str, text: &str) -> Result<Case> {
        let raw: RawCase = yaml::parse(text).map_err(|e| {
            Error::input(format!("{}: {}", e.place(file), e.message))
                .hint("Dit is geen geldige casus. De opbouw staat in flows/casussen/README.md.")
        })?;
        let Value::Sequence(antwoorden) = raw.antwoorden else {
            return Err(Error::input(format!(
                "{file}: 'antwoorden:' moet een lijst zijn, met één antwoord per vraag"
            ))
            .hint("Schrijf de antwoorden zoals in een antwoordenbestand (README.md, 'Antwoordenbestand')."));
        };
        Ok(Case {
            id: id.to_string(),
            number: None,
            file: file.to_string(),
            titel: raw.titel,
            route: raw.route,
            gemeente: raw.gemeente,
            inleiding: raw.inleiding,
            verhaal: raw.verhaal,
            model: raw.model,
            antwoorden,
        })
    }
}

/// The most sentences, and characters, of an `inleiding:`: it is a few lines in the list.
const OPENING_SENTENCES: usize = 3;
const OPENING_CHARS: usize = 320;

impl Case {
    /// What the list shows of the case: its `inleiding:`, or else the first sentence of the
    /// story. Whitespace (the line breaks of the file) is joined to single spaces.
    pub fn opening(&self) -> String {
        let joined = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        match &self.inleiding {
            Some(text) => joined(text),
            None => {
                let story = joined(&self.verhaal);
                match story.find(". ") {
                    Some(end) => story[..=end].to_string(),
                    None => story,
                }
            }
        }
    }
}

/// The sentences of a text: each ends in '.', '?' or '!' before a space or the end.
fn sentences(text: &str) -> usize {
    let chars: Vec<char> = text.trim().chars().collect();
    let ends = chars
        .iter()
        .enumerate()
        .filter(|(i, c)| {
            matches!(c, '.' | '?' | '!') && chars.get(i + 1).is_none_or(|n| n.is_whitespace())
        })
        .count();
    ends.max(usize::from(!chars.is_empty()))
}

/// Every embedded case, in the order of [`CASES`].
pub(crate) fn cases() -> Result<Vec<Case>> {
    (0..CASES.len()).map(embedded).collect()
}

/// The embedded case at `index` in [`CASES`], with its number.
fn embedded(index: usize) -> Result<Case> {
    let (id, text) = CASES[index];
    let mut case = Case::parse(id, &format!("flows/casussen/{id}.yaml (ingebouwd)"), text)?;
    case.number = Some(index + 1);
    Ok(case)
}

/// An embedded case by number or id, or a case file by path.
pub(crate) fn find(wanted: &str) -> Result<Case> {
    if let Ok(n) = wanted.trim().parse::<usize>() {
        if (1..=CASES.len()).contains(&n) {
            return embedded(n - 1);
        }
    }
    if let Some(index) = CASES
        .iter()
        .position(|(id, _)| id.eq_ignore_ascii_case(wanted))
    {
        return embedded(index);
    }
    let path = Path::new(wanted);
    let is_file = wanted.ends_with(".yaml") || wanted.ends_with(".yml");
    if is_file && path.is_file() {
        let text = read_text("het casusbestand", path)?;
        let id = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("casus")
            .to_string();
        return Case::parse(&id, &path.display().to_string(), &text);
    }
    Err(Error::input(format!("onbekende casus '{wanted}'")).hint(format!(
        "Kies het nummer van een casus, 1 tot en met {}; de lijst met titels en inleidingen: zorgpad oefen. Een eigen casus: geef het pad naar het .yaml-bestand.",
        CASES.len()
    )))
}

/// What is wrong with a case against a flow: every model answer must name a decision (or a
/// wait) by its question key, and one of its options. Empty when the case is sound.
pub fn check_case(set: &FlowSet, case: &Case) -> Vec<String> {
    let mut problems = Vec::new();
    let mut seen = Vec::new();
    if case.model.is_empty() {
        problems.push("'model:' is leeg; geef minstens één beslissing".to_string());
    }
    if case.antwoorden.is_empty() {
        problems.push("'antwoorden:' is leeg".to_string());
    }
    if let Some(text) = &case.inleiding {
        let n = sentences(text);
        if n == 0 {
            problems.push(
                "'inleiding:' is leeg; schrijf in 1 tot 3 zinnen wie de cliënt is en waarom u haar ziet, of laat de regel weg"
                    .to_string(),
            );
        } else if n > OPENING_SENTENCES || case.opening().chars().count() > OPENING_CHARS {
            problems.push(format!(
                "'inleiding:' is te lang ({n} zinnen, {} tekens); houd het op 1 tot {OPENING_SENTENCES} zinnen en hoogstens {OPENING_CHARS} tekens: de rest hoort in 'verhaal:'",
                case.opening().chars().count()
            ));
        }
    }
    for m in &case.model {
        if seen.contains(&m.vraag) {
            problems.push(format!(
                "de vraag '{}' staat twee keer in 'model:'",
                m.vraag
            ));
        }
        seen.push(m.vraag.clone());
        match node_for_key(set, &m.vraag).map(|n| &n.body) {
            Some(Body::Decision { options, .. } | Body::Wait { options, .. }) => {
                if m.gelden.is_some() || !m.per_criterium.is_empty() {
                    problems.push(format!(
                        "'{}' is een beslissing: geef 'antwoord:', geen 'gelden:' of 'waarom-per-criterium:'",
                        m.vraag
                    ));
                }
                if !options.iter().any(|o| o.id == m.antwoord) {
                    problems.push(format!(
                        "'{}' is geen optie van '{}'; kies uit: {}",
                        m.antwoord,
                        m.vraag,
                        options
                            .iter()
                            .map(|o| o.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                }
            }
            Some(Body::Criteria { items, .. }) => {
                let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
                if !m.antwoord.is_empty() || m.gelden.is_none() {
                    problems.push(format!(
                        "'{}' is een vraag met criteria: geef 'gelden:' met de criteria die gelden (een lege lijst als er geen geldt), geen 'antwoord:'",
                        m.vraag
                    ));
                }
                let named = m.gelden.iter().flatten().chain(m.per_criterium.keys());
                for id in named {
                    if !ids.contains(&id.as_str()) {
                        problems.push(format!(
                            "'{id}' is geen criterium van '{}'; kies uit: {}",
                            m.vraag,
                            ids.join(", ")
                        ));
                    }
                }
            }
            Some(_) => problems.push(format!(
                "'{}' is geen beslissing (alleen beslissingen, wachtmomenten en criteria hebben een modelantwoord)",
                m.vraag
            )),
            None => problems.push(format!(
                "'{}' is geen vraag van de flow (schrijf de sleutel zoals in het journaal, bijvoorbeeld D2 of B2-meldcode/AK2)",
                m.vraag
            )),
        }
        if m.waarom.trim().is_empty() {
            problems.push(format!("bij '{}' ontbreekt 'waarom:'", m.vraag));
        }
    }
    problems
}

/// Rounded percentage; 0 of 0 counts as 0.
pub(crate) fn percent(part: usize, whole: usize) -> usize {
    (100 * part + whole / 2).checked_div(whole).unwrap_or(0)
}

/// The label of an option at a question key, for people.
pub(crate) fn option_label(set: &FlowSet, key: &str, option: &str) -> String {
    match node_for_key(set, key).map(|n| &n.body) {
        Some(Body::Decision { options, .. } | Body::Wait { options, .. }) => options
            .iter()
            .find(|o| o.id == option)
            .map_or(option.to_string(), |o| o.label.clone()),
        _ => option.to_string(),
    }
}

/// A story as paragraphs: the lines of a paragraph joined, then wrapped to `width`.
pub(crate) fn reflow(text: &str, width: usize) -> String {
    text.split("\n\n")
        .map(|p| {
            let joined = p.split_whitespace().collect::<Vec<_>>().join(" ");
            crate::text::wrap(&joined, width)
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// How one decision went in a group.
#[derive(Debug, Default)]
pub(crate) struct Tally {
    pub(crate) asked: usize,
    pub(crate) wrong: usize,
    pub(crate) cases: Vec<String>,
    pub(crate) instead: BTreeMap<String, usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_round_to_the_nearest_whole() {
        assert_eq!(percent(7, 9), 78);
        assert_eq!(percent(0, 0), 0);
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(2, 3), 67);
    }

    #[test]
    fn every_embedded_case_fits_the_blueprint() {
        let set = FlowSet::load(None).expect("flows");
        for case in cases().expect("cases parse") {
            let problems = check_case(&set, &case);
            assert!(problems.is_empty(), "{}: {problems:?}", case.id);
        }
    }

    #[test]
    fn a_wrong_model_answer_is_found() {
        let set = FlowSet::load(None).expect("flows");
        let mut case = find("geen-ppm").expect("case");
        case.model[0].antwoord = "misschien".to_string();
        case.model.push(ModelAnswer {
            vraag: "B1".to_string(),
            antwoord: "x".to_string(),
            gelden: None,
            waarom: "y".to_string(),
            per_criterium: BTreeMap::new(),
        });
        let problems = check_case(&set, &case);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("geen optie"));
        assert!(problems[1].contains("geen beslissing"));
    }

    #[test]
    fn a_wrong_criteria_model_is_found() {
        let set = FlowSet::load(None).expect("flows");
        let mut case = find("niet-verschenen").expect("case");
        let at = case
            .model
            .iter()
            .position(|m| m.vraag == "D2-criteria")
            .expect("criteria in the model");
        case.model[at].gelden = Some(vec!["hulpbronnen".to_string(), "vast".to_string()]);
        case.model[at]
            .per_criterium
            .insert("onzin".to_string(), "x".to_string());
        let problems = check_case(&set, &case);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].contains("'vast' is geen criterium"),
            "{problems:?}"
        );
        assert!(
            problems[1].contains("'onzin' is geen criterium"),
            "{problems:?}"
        );
        case.model[at].gelden = None;
        case.model[at].per_criterium.clear();
        let problems = check_case(&set, &case);
        assert!(problems[0].contains("geef 'gelden:'"), "{problems:?}");
    }
}
