//! `zorgpad oefen`: practice cases for training. A case is a fictitious story with the model
//! answer (and why) per decision; the trainee walks the blueprint for it, in the terminal or
//! with an answers file, and gets each decision compared with the model and a score.
//!
//! A practice run is not a session: nothing is written to the data directory, so practice never
//! shows up in `zorgpad sessies`. Only the result (which decisions matched, the score, the case
//! and the time; no names) is saved, and only when `--resultaten MAP` is given.
//! `zorgpad oefen --overzicht MAP` reads the results of a group and shows which decisions were
//! missed most.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::answer::Answer;
use crate::cli::PracticeArgs;
use crate::clock::Clock;
use crate::error::{read_text, Error, Exit, Result};
use crate::flow::Body;
use crate::flow_set::FlowSet;
use crate::kaart::Kaart;
use crate::kaart::Offer;
use crate::prompter::{Prompter, Reply};
use crate::report::{table, Layout};
use crate::script::Script;
use crate::session::Session;
use crate::terminal::Terminal;
use crate::walk::node_for_key;
use crate::yaml::{self, Value};

/// The schema of a saved practice result.
pub const RESULT_SCHEMA: &str = "zorgpad.oefenresultaat/1";

/// The cases shipped in the binary: (id, text). Every file in `flows/casussen/` must be here;
/// a test checks that.
pub const CASES: &[(&str, &str)] = &[
    ("geen-ppm", include_str!("../flows/casussen/geen-ppm.yaml")),
    (
        "enkelvoudig-verwijzen",
        include_str!("../flows/casussen/enkelvoudig-verwijzen.yaml"),
    ),
    (
        "persisterende-problemen",
        include_str!("../flows/casussen/persisterende-problemen.yaml"),
    ),
    (
        "geen-toestemming",
        include_str!("../flows/casussen/geen-toestemming.yaml"),
    ),
    (
        "niet-verschenen",
        include_str!("../flows/casussen/niet-verschenen.yaml"),
    ),
    (
        "mdo-en-overdracht",
        include_str!("../flows/casussen/mdo-en-overdracht.yaml"),
    ),
];

/// A case file as written (see flows/casussen/README.md).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCase {
    titel: String,
    route: String,
    #[serde(default)]
    gemeente: Option<String>,
    verhaal: String,
    model: Vec<ModelAnswer>,
    antwoorden: Value,
}

/// The model answer at one decision.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelAnswer {
    /// The question key as in the journal: `D2`, `B2-meldcode/AK2`.
    pub vraag: String,
    /// The option id.
    pub antwoord: String,
    pub waarom: String,
}

/// A practice case.
#[derive(Debug, Clone)]
pub struct Case {
    pub id: String,
    pub file: String,
    pub titel: String,
    pub route: String,
    pub gemeente: Option<String>,
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
            file: file.to_string(),
            titel: raw.titel,
            route: raw.route,
            gemeente: raw.gemeente,
            verhaal: raw.verhaal,
            model: raw.model,
            antwoorden,
        })
    }

    /// The scripted answers as the text of an answers file.
    pub fn answers_text(&self) -> String {
        yaml::to_text(&Value::Sequence(self.antwoorden.clone()))
    }
}

/// Every embedded case, in the order of [`CASES`].
pub fn cases() -> Result<Vec<Case>> {
    CASES
        .iter()
        .map(|(id, text)| Case::parse(id, &format!("flows/casussen/{id}.yaml (ingebouwd)"), text))
        .collect()
}

/// An embedded case by id, or a case file by path.
pub fn find(wanted: &str) -> Result<Case> {
    if let Some((id, text)) = CASES.iter().find(|(id, _)| id.eq_ignore_ascii_case(wanted)) {
        return Case::parse(id, &format!("flows/casussen/{id}.yaml (ingebouwd)"), text);
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
    let ids: Vec<&str> = CASES.iter().map(|(id, _)| *id).collect();
    Err(Error::input(format!("onbekende casus '{wanted}'")).hint(format!(
        "Kies een van de casussen: {}\nDe lijst met titels: zorgpad oefen. Een eigen casus: geef het pad naar het .yaml-bestand.",
        ids.join(", ")
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
            Some(_) => problems.push(format!(
                "'{}' is geen beslissing (alleen beslissingen en wachtmomenten hebben een modelantwoord)",
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

/// `zorgpad oefen`.
#[derive(Debug)]
pub struct Practice {
    pub action: PracticeAction,
    pub layout: Layout,
    pub color: bool,
}

#[derive(Debug)]
pub enum PracticeAction {
    /// The list of cases.
    List,
    /// Walk one case.
    Run {
        casus: String,
        answers: Option<PathBuf>,
        explain: bool,
        results: Option<PathBuf>,
    },
    /// The group's results.
    Overview { dir: PathBuf },
}

/// The meaning of `zorgpad oefen`'s arguments.
pub fn config(a: PracticeArgs, layout: Layout, color: bool) -> Result<Practice> {
    let action = match (a.overzicht, a.casus) {
        (Some(dir), _) => {
            if !dir.is_dir() {
                return Err(Error::input(format!(
                    "de map '{}' met oefenresultaten bestaat niet",
                    dir.display()
                ))
                .hint("Geef de map die de deelnemers met --resultaten MAP gebruikten."));
            }
            PracticeAction::Overview { dir }
        }
        (None, None) => {
            if a.antwoorden.is_some() || a.resultaten.is_some() {
                return Err(Error::input("geef de casus die u wilt oefenen").hint(
                    "Bijvoorbeeld: zorgpad oefen geen-toestemming --antwoorden antwoorden.yaml\nDe casussen: zorgpad oefen",
                ));
            }
            PracticeAction::List
        }
        (None, Some(casus)) => {
            if a.antwoorden.is_none()
                && !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal())
            {
                return Err(Error::input(
                    "er is geen terminal: een oefening stelt vragen en heeft een terminal nodig",
                )
                .hint(format!(
                    "Start zorgpad in een terminal, of geef de antwoorden in een bestand mee:\n  zorgpad oefen {casus} --antwoorden antwoorden.yaml"
                )));
            }
            if let Some(dir) = &a.resultaten {
                if dir.exists() && !dir.is_dir() {
                    return Err(Error::input(format!(
                        "'{}' is geen map; --resultaten wil een map",
                        dir.display()
                    )));
                }
            }
            PracticeAction::Run {
                casus,
                answers: a.antwoorden,
                explain: a.uitleg,
                results: a.resultaten,
            }
        }
    };
    Ok(Practice {
        action,
        layout,
        color,
    })
}

pub fn run(config: &Practice) -> Result<Exit> {
    match &config.action {
        PracticeAction::List => list(config.layout),
        PracticeAction::Run {
            casus,
            answers,
            explain,
            results,
        } => practise(
            casus,
            answers.as_deref(),
            *explain,
            results.as_deref(),
            config,
        ),
        PracticeAction::Overview { dir } => overview(dir, config.layout),
    }
}

fn list(layout: Layout) -> Result<Exit> {
    let mut t = table(layout, &["Casus", "Titel", "Route", "Beslissingen"]);
    for c in cases()? {
        t.add_row(vec![c.id, c.titel, c.route, c.model.len().to_string()]);
    }
    println!("{t}");
    println!("Oefenen: zorgpad oefen CASUS   (met --resultaten MAP om het resultaat te bewaren)");
    Ok(Exit::Ok)
}

/// One decision of a practice run, compared with the model.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Compared {
    pub vraag: String,
    pub model: String,
    /// The option the trainee chose; `None` when the route did not reach this decision.
    pub antwoord: Option<String>,
    pub zoals_model: bool,
}

/// A saved practice result. No names: the case, the time and the decisions.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PracticeResult {
    pub schema: String,
    pub casus: String,
    pub tijd: jiff::Timestamp,
    pub zoals_model: usize,
    pub totaal: usize,
    pub procent: usize,
    pub beslissingen: Vec<Compared>,
}

/// Compare the answers in force with the model.
pub fn compare(session: &Session<'_>, case: &Case) -> Vec<Compared> {
    let steps = session.walk().steps();
    case.model
        .iter()
        .map(|m| {
            let chosen = steps
                .iter()
                .rev()
                .find(|s| s.answer.is_some() && key_of(s) == m.vraag)
                .and_then(|s| match &s.answer {
                    Some(Answer::Keuze { optie, .. }) => Some(optie.clone()),
                    _ => None,
                });
            Compared {
                vraag: m.vraag.clone(),
                model: m.antwoord.clone(),
                zoals_model: chosen.as_deref() == Some(m.antwoord.as_str()),
                antwoord: chosen,
            }
        })
        .collect()
}

fn key_of(step: &crate::walk::Step<'_>) -> String {
    let mut key: Vec<&str> = step.calls.iter().map(|n| n.id.as_str()).collect();
    key.push(&step.node.id);
    key.join("/")
}

/// Rounded percentage; 0 of 0 counts as 0.
pub fn percent(part: usize, whole: usize) -> usize {
    (100 * part + whole / 2).checked_div(whole).unwrap_or(0)
}

/// The label of an option at a question key, for people.
fn option_label(set: &FlowSet, key: &str, option: &str) -> String {
    match node_for_key(set, key).map(|n| &n.body) {
        Some(Body::Decision { options, .. } | Body::Wait { options, .. }) => options
            .iter()
            .find(|o| o.id == option)
            .map_or(option.to_string(), |o| o.label.clone()),
        _ => option.to_string(),
    }
}

fn question_of(set: &FlowSet, key: &str) -> String {
    match node_for_key(set, key).map(|n| &n.body) {
        Some(Body::Decision { question, .. } | Body::Wait { question, .. }) => question.clone(),
        _ => key.to_string(),
    }
}

fn practise(
    wanted: &str,
    answers: Option<&Path>,
    explain: bool,
    results: Option<&Path>,
    config: &Practice,
) -> Result<Exit> {
    let case = find(wanted)?;
    let set = FlowSet::load(None)?;
    crate::start::refuse_broken(&set)?;
    let problems = check_case(&set, &case);
    if !problems.is_empty() {
        return Err(Error::input(format!(
            "{}: de casus past niet bij de blauwdruk:\n  • {}",
            case.file,
            problems.join("\n  • ")
        ))
        .hint("De opbouw van een casus staat in flows/casussen/README.md."));
    }
    let kaart = Kaart::load(None)?;
    let gemeente = case
        .gemeente
        .as_deref()
        .and_then(|g| kaart.gemeente(g))
        .map(str::to_string);
    let clock = Clock::from_env()?;
    let mut script = answers.map(Script::load).transpose()?;

    println!("Oefencasus: {} ({})", case.titel, case.id);
    println!("{}", "─".repeat(crate::pathway::SHOW_WIDTH));
    println!("{}", reflow(&case.verhaal, crate::pathway::SHOW_WIDTH));
    if let Some(g) = &case.gemeente {
        println!("Gemeente: {g}");
    }
    println!("{}", "─".repeat(crate::pathway::SHOW_WIDTH));
    println!("Verzonnen casus. Een oefening wordt niet als sessie bewaard.\n");

    let mut session = Session::new(&set, clock.now(), None).map_err(crate::start::engine)?;
    let offer = Offer {
        kaart: &kaart,
        gemeente: gemeente.as_deref(),
    };
    let scripted = script.is_some();
    {
        let mut terminal;
        let prompter: &mut dyn Prompter = match &mut script {
            Some(s) => s,
            None => {
                terminal = Terminal::new(explain, config.color);
                &mut terminal
            }
        };
        while let Some(mut question) = session.question() {
            // A practice case is walked in one go: its story says how waits turned out.
            question.can_pause = false;
            let reply = prompter.ask(&question, &offer).map_err(|e| {
                if e.exit == Exit::Cancelled {
                    Error::cancelled("oefening gestopt met Ctrl-C; er is niets bewaard.")
                } else {
                    e
                }
            })?;
            match reply {
                Reply::Answer(answer) => session
                    .answer(answer, clock.now())
                    .map_err(crate::start::engine)?,
                Reply::Back => {
                    if !session.back(clock.now()).map_err(crate::start::engine)? && scripted {
                        return Err(Error::input(format!(
                            "'terug' bij de eerste vraag ({}): er is geen vorige vraag",
                            question.key
                        )));
                    }
                }
                Reply::Pause { .. } => {
                    return Err(Error::input(format!(
                        "bij {} kan een oefening niet pauzeren; het verhaal van de casus zegt hoe het afliep",
                        question.key
                    )))
                }
            }
        }
    }
    if let Some(s) = &script {
        if s.unused() > 0 {
            return Err(s.leftover_error());
        }
    }

    let compared = compare(&session, &case);
    let matched = compared.iter().filter(|c| c.zoals_model).count();
    let total = compared.len();
    let pct = percent(matched, total);
    if let Some(end) = session.walk().outcome() {
        if let Body::End { outcome } = &end.body {
            println!(
                "{}\n",
                crate::terminal::wrap(&format!("Uitkomst: {}", outcome.trim()), 100)
            );
        }
    }
    let mut t = table(
        config.layout,
        &["Vraag", "Beslissing", "Uw antwoord", "Model", ""],
    );
    for c in &compared {
        t.add_row(vec![
            c.vraag.clone(),
            title_of(&set, &c.vraag),
            c.antwoord
                .as_deref()
                .map_or("(niet bereikt)".to_string(), |a| {
                    option_label(&set, &c.vraag, a)
                }),
            option_label(&set, &c.vraag, &c.model),
            if c.zoals_model { "✓" } else { "✗" }.to_string(),
        ]);
    }
    keep_first_column(&mut t);
    println!("{t}");
    let differences: Vec<(&Compared, &ModelAnswer)> = compared
        .iter()
        .zip(&case.model)
        .filter(|(c, _)| !c.zoals_model)
        .collect();
    if differences.is_empty() {
        println!("\nAlle beslissingen zoals het model.");
    } else {
        println!("\nVerschillen met het model, met uitleg:");
        for (c, m) in differences {
            let yours = match &c.antwoord {
                Some(a) => format!("u koos '{}'", option_label(&set, &c.vraag, a)),
                None => "uw route kwam niet bij deze vraag".to_string(),
            };
            println!(
                "{}",
                crate::terminal::wrap(
                    &format!(
                        "\n• {} — {}\n  {yours}; het model: '{}'.\n  Waarom: {}",
                        c.vraag,
                        question_of(&set, &c.vraag),
                        option_label(&set, &c.vraag, &c.model),
                        m.waarom.trim()
                    ),
                    100
                )
            );
        }
    }
    println!("\nScore: {matched} van {total} beslissingen zoals het model ({pct}%).");

    match results {
        Some(dir) => {
            let result = PracticeResult {
                schema: RESULT_SCHEMA.to_string(),
                casus: case.id.clone(),
                tijd: clock.now(),
                zoals_model: matched,
                totaal: total,
                procent: pct,
                beslissingen: compared,
            };
            let path = save_result(dir, &result, &clock)?;
            eprintln!("Resultaat bewaard in {} (zonder namen).", path.display());
        }
        None => eprintln!(
            "Het resultaat is niet bewaard; geef --resultaten MAP om het te bewaren voor het groepsoverzicht."
        ),
    }
    Ok(Exit::Ok)
}

/// A story as paragraphs: the lines of a paragraph joined, then wrapped to `width`.
pub fn reflow(text: &str, width: usize) -> String {
    text.split("\n\n")
        .map(|p| {
            let joined = p.split_whitespace().collect::<Vec<_>>().join(" ");
            crate::terminal::wrap(&joined, width)
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The short name of the decision at a question key (its box title).
fn title_of(set: &FlowSet, key: &str) -> String {
    node_for_key(set, key).map_or(key.to_string(), |n| n.titel.clone())
}

/// Let the first column (the question key) keep its width.
fn keep_first_column(t: &mut comfy_table::Table) {
    if let Some(c) = t.column_mut(0) {
        c.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
    }
}

/// Write a result as `<tijd>-<casus>.json` (0600) in `dir`, never over an earlier one.
fn save_result(dir: &Path, result: &PracticeResult, clock: &Clock) -> Result<PathBuf> {
    std::fs::create_dir_all(dir).map_err(|e| Error::write("de map met resultaten", dir, &e))?;
    let stamp = result
        .tijd
        .to_zoned(clock.zone().clone())
        .strftime("%Y%m%d-%H%M%S")
        .to_string();
    let mut path = dir.join(format!("{stamp}-{}.json", result.casus));
    let mut k = 2;
    while path.exists() {
        path = dir.join(format!("{stamp}-{}-{k}.json", result.casus));
        k += 1;
    }
    let text = serde_json::to_string_pretty(result)
        .map_err(|e| Error::input(format!("het resultaat kon niet worden opgemaakt: {e}")))?;
    crate::private_file::write("het oefenresultaat", &path, format!("{text}\n").as_bytes())?;
    Ok(path)
}

/// How one decision went in a group.
#[derive(Debug, Default)]
struct Tally {
    asked: usize,
    wrong: usize,
    cases: Vec<String>,
    instead: BTreeMap<String, usize>,
}

fn overview(dir: &Path, layout: Layout) -> Result<Exit> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::read("de map met resultaten", dir, &e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter(|p| {
            !p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'))
        })
        .collect();
    entries.sort();
    let mut results = Vec::new();
    for path in &entries {
        let parsed = std::fs::read_to_string(path)
            .ok()
            .and_then(|t| serde_json::from_str::<PracticeResult>(&t).ok())
            .filter(|r| r.schema == RESULT_SCHEMA);
        match parsed {
            Some(r) => results.push(r),
            None => eprintln!(
                "Let op: {} is geen oefenresultaat van zorgpad en is overgeslagen.",
                path.display()
            ),
        }
    }
    if results.is_empty() {
        return Err(Error::input(format!(
            "er staan geen oefenresultaten in '{}'",
            dir.display()
        ))
        .hint("Resultaten worden bewaard met: zorgpad oefen CASUS --resultaten MAP"));
    }
    let set = FlowSet::load(None)?;
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    for r in &results {
        for c in &r.beslissingen {
            let t = tallies.entry(c.vraag.clone()).or_default();
            t.asked += 1;
            if !t.cases.contains(&r.casus) {
                t.cases.push(r.casus.clone());
            }
            if !c.zoals_model {
                t.wrong += 1;
                let label = c
                    .antwoord
                    .as_deref()
                    .map_or("(niet bereikt)".to_string(), |a| {
                        option_label(&set, &c.vraag, a)
                    });
                *t.instead.entry(label).or_default() += 1;
            }
        }
    }
    let mut rows: Vec<(&String, &Tally)> = tallies.iter().collect();
    rows.sort_by(|(ka, a), (kb, b)| {
        b.wrong
            .cmp(&a.wrong)
            .then(percent(b.wrong, b.asked).cmp(&percent(a.wrong, a.asked)))
            .then(ka.cmp(kb))
    });
    let cases: std::collections::BTreeSet<&str> =
        results.iter().map(|r| r.casus.as_str()).collect();
    let mean = results.iter().map(|r| r.procent).sum::<usize>() / results.len();
    println!(
        "{} van {}; gemiddelde score {mean}%.\n",
        crate::finding::count(results.len(), "oefenresultaat", "oefenresultaten"),
        crate::finding::count(cases.len(), "casus", "casussen"),
    );
    let mut t = table(
        layout,
        &[
            "Vraag",
            "Beslissing",
            "Anders dan model",
            "Vaakst gekozen in plaats daarvan",
            "Casussen",
        ],
    );
    let all_right = rows.iter().filter(|(_, t)| t.wrong == 0).count();
    for (key, tally) in rows.into_iter().filter(|(_, t)| t.wrong > 0) {
        let instead = tally
            .instead
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(label, n)| format!("{label} ({n}×)"))
            .unwrap_or_else(|| "—".to_string());
        t.add_row(vec![
            key.clone(),
            title_of(&set, key),
            format!(
                "{} van {} ({}%)",
                tally.wrong,
                tally.asked,
                percent(tally.wrong, tally.asked)
            ),
            instead,
            tally.cases.len().to_string(),
        ]);
    }
    if t.row_count() == 0 {
        println!("Iedereen nam elke beslissing zoals het model.");
    } else {
        keep_first_column(&mut t);
        println!("{t}");
        println!("Bovenaan staan de beslissingen die de groep het vaakst anders nam dan het model: die zijn het bespreken waard.");
    }
    if all_right > 0 {
        println!(
            "{} nam iedereen zoals het model.",
            crate::finding::count(all_right, "andere beslissing", "andere beslissingen")
        );
    }
    Ok(Exit::Ok)
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
            waarom: "y".to_string(),
        });
        let problems = check_case(&set, &case);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("geen optie"));
        assert!(problems[1].contains("geen beslissing"));
    }
}
