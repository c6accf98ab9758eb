//! `zorgpad scan`: one member of the VSV fills in the cooperation scan — per aspect the level
//! whose description fits best, with an optional note, and optionally their discipline; never a
//! name. The answers are saved as one small JSON file (0600, atomic), for the group report of
//! [`crate::report::scan`].
//!
//! Answers come from the terminal (inquire) or from an answers file (`--antwoorden`, a YAML list
//! with one entry per aspect, in order; see `flows/vragenlijst.md`).

pub mod questionnaire;

use std::path::{Path, PathBuf};

use inquire::{InquireError, Select, Text};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::clock::Clock;
use crate::error::{Error, Exit, Result};
use crate::report::Layout;
use crate::scan::questionnaire::Questionnaire;
use crate::yaml::Value;

/// The version of the scan file format.
pub const SCHEMA: &str = "zorgpad.scan/1";

/// The disciplines a member may give (id, label). No names, no organisations.
pub const DISCIPLINES: [(&str, &str); 5] = [
    ("verloskundige", "Verloskundige"),
    ("gynaecoloog", "Gynaecoloog"),
    ("kraamzorg", "Kraamzorg"),
    ("og-verpleegkundige", "O&G-verpleegkundige"),
    ("anders", "Anders"),
];

/// The label of a discipline id.
pub fn discipline_label(id: &str) -> &str {
    DISCIPLINES
        .iter()
        .find(|(i, _)| *i == id)
        .map_or(id, |(_, l)| l)
}

/// The questionnaire a scan file was filled in with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionnaireRef {
    pub id: String,
    pub naam: String,
    pub versie: String,
    pub sha256: String,
}

/// One aspect's answer: the level (1-based; `None`: "weet ik niet"), and a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScanAnswer {
    pub onderdeel: String,
    pub niveau: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notitie: Option<String>,
}

/// One member's scan file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScanFile {
    pub schema: String,
    pub vragenlijst: QuestionnaireRef,
    /// The day it was filled in (no time: nothing that tells members apart).
    pub datum: Date,
    #[serde(default)]
    pub discipline: Option<String>,
    pub antwoorden: Vec<ScanAnswer>,
}

/// `zorgpad scan` (filling in).
#[derive(Debug)]
pub struct Fill {
    pub questionnaire: Option<PathBuf>,
    pub answers: Option<PathBuf>,
    pub target: Target,
    pub color: bool,
    pub layout: Layout,
}

/// Where the scan file goes.
#[derive(Debug)]
pub enum Target {
    /// Exactly this file.
    File(PathBuf),
    /// A new file `scan-…json` in this directory (created when needed).
    Dir(PathBuf),
}

impl Fill {
    pub fn resolve(a: crate::cli::ScanArgs, color: bool, layout: Layout) -> Result<Fill> {
        if a.antwoorden.is_none() {
            use std::io::IsTerminal;
            if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
                return Err(Error::input(
                    "er is geen terminal: de scan stelt vragen en heeft een terminal nodig",
                )
                .hint("Start zorgpad in een terminal, of geef de antwoorden in een bestand mee:\n  zorgpad scan --antwoorden scan.yaml --map scans\nDe vorm van dat bestand staat in flows/vragenlijst.md."));
            }
        }
        let target = match (a.uitvoer, a.map) {
            (Some(file), None) => {
                if !file
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("json"))
                {
                    return Err(Error::input(format!(
                        "de uitvoer '{}' moet eindigen op .json (een scan wordt als JSON bewaard)",
                        file.display()
                    ))
                    .hint("Bijvoorbeeld: -o mijn-scan.json, of --map MAP voor een nieuwe naam in een map."));
                }
                if file.is_dir() {
                    return Err(Error::input(format!(
                        "'{}' is een map; geef een bestandsnaam, of gebruik --map",
                        file.display()
                    )));
                }
                let dir = match file.parent() {
                    Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                    _ => PathBuf::from("."),
                };
                if !dir.is_dir() {
                    return Err(Error::input(format!(
                        "de map '{}' voor de scan bestaat niet",
                        dir.display()
                    ))
                    .hint("Maak de map eerst aan, of kies een andere plaats."));
                }
                Target::File(file)
            }
            (None, dir) => {
                let dir = dir.unwrap_or_else(|| PathBuf::from("."));
                if dir.exists() && !dir.is_dir() {
                    return Err(Error::input(format!(
                        "'{}' is geen map; --map noemt de map waarin de scan komt",
                        dir.display()
                    ))
                    .hint("Gebruik -o BESTAND.json voor één bestand."));
                }
                Target::Dir(dir)
            }
            (Some(_), Some(_)) => return Err(Error::input("geef -o of --map, niet allebei").hint(
                "-o BESTAND.json: precies dit bestand; --map MAP: een nieuw bestand in die map.",
            )),
        };
        Ok(Fill {
            questionnaire: a.vragenlijst,
            answers: a.antwoorden,
            target,
            color,
            layout,
        })
    }
}

pub fn run(config: &Fill) -> Result<Exit> {
    let q = Questionnaire::load(config.questionnaire.as_deref())?;
    let clock = Clock::from_env()?;
    let (discipline, answers) = match &config.answers {
        Some(path) => from_script(&q, path)?,
        None => ask(&q, config.color)?,
    };
    let now = clock.now();
    let scan = ScanFile {
        schema: SCHEMA.to_string(),
        vragenlijst: QuestionnaireRef {
            id: q.id.clone(),
            naam: q.naam.clone(),
            versie: q.versie.clone(),
            sha256: q.sha256.clone(),
        },
        datum: now.to_zoned(clock.zone().clone()).date(),
        discipline,
        antwoorden: answers,
    };
    let path = match &config.target {
        Target::File(f) => f.clone(),
        Target::Dir(d) => {
            if !d.exists() {
                crate::store::create_private_dir(d)
                    .map_err(|e| Error::write("de map voor scans", d, &e))?;
            }
            new_name(d, now)
        }
    };
    let mut text = serde_json::to_string_pretty(&scan)
        .map_err(|e| Error::input(format!("de scan kon niet worden opgeslagen: {e}")))?;
    text.push('\n');
    crate::store::private_file::write("de scan", &path, text.as_bytes())?;
    print!("{}", overview(&q, &scan, config.layout));
    eprintln!(
        "Scan opgeslagen in {} (alleen voor u leesbaar). Verzamel de scans van de groep in één map;\n'zorgpad scan rapport MAP' maakt dan het groepsbeeld.",
        path.display()
    );
    Ok(Exit::Ok)
}

/// The member's own answers, as a table.
fn overview(q: &Questionnaire, scan: &ScanFile, layout: Layout) -> String {
    let mut t = crate::report::table(layout, &["Aspect", "Niveau", "Notitie"]);
    for a in &scan.antwoorden {
        let titel = q
            .item(&a.onderdeel)
            .map_or(a.onderdeel.as_str(), |i| &i.titel);
        t.add_row(vec![
            titel.to_string(),
            a.niveau.map_or_else(
                || "weet ik niet".to_string(),
                |n| q.level_label(n).to_string(),
            ),
            a.notitie.clone().unwrap_or_default(),
        ]);
    }
    let who = scan.discipline.as_deref().map_or_else(
        || "niet opgegeven".to_string(),
        |d| discipline_label(d).to_string(),
    );
    format!(
        "SCAN: {} (versie {})\nDiscipline: {who}\n{t}\n",
        q.naam, q.versie
    )
}

/// `scan-20261122-0900-3fa2.json`, a name not yet taken in `dir`.
fn new_name(dir: &Path, at: jiff::Timestamp) -> PathBuf {
    use std::hash::{BuildHasher, Hasher};
    let stamp = at
        .to_zoned(jiff::tz::TimeZone::UTC)
        .strftime("%Y%m%d-%H%M")
        .to_string();
    loop {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u128(at.as_nanosecond() as u128);
        let path = dir.join(format!("scan-{stamp}-{:04x}.json", h.finish() & 0xffff));
        if !path.exists() {
            return path;
        }
    }
}

/// Words that mean "I don't know" in an answers file.
const DONT_KNOW: [&str; 4] = ["weet niet", "weet ik niet", "onbekend", "?"];

/// Read the answers file: one entry per aspect, in order, and `discipline: …` anywhere.
fn from_script(q: &Questionnaire, path: &Path) -> Result<(Option<String>, Vec<ScanAnswer>)> {
    let file = path.display().to_string();
    let text = crate::error::read_text("het antwoordenbestand", path)?;
    let entries: Vec<Value> = crate::yaml::parse(&text).map_err(|e| {
        Error::input(format!(
            "{}: het antwoordenbestand is onleesbaar: {}",
            e.place(&file),
            e.message
        ))
        .hint("Het bestand is een YAML-lijst met één regel per aspect; zie flows/vragenlijst.md.")
    })?;
    // The line of each top-level entry, for messages.
    let lines: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with("- ") || *l == "-")
        .map(|(i, _)| i + 1)
        .collect();
    let place = |n: usize| match lines.get(n) {
        Some(l) => format!("{file}:{l}"),
        None => file.clone(),
    };
    let mut discipline: Option<String> = None;
    let mut answers: Vec<ScanAnswer> = Vec::new();
    for (n, entry) in entries.iter().enumerate() {
        if let Some(d) = discipline_entry(entry) {
            let d = d.map_err(|m| Error::input(format!("{}: {m}", place(n))))?;
            if discipline.is_some() {
                return Err(Error::input(format!(
                    "{}: de discipline staat er twee keer",
                    place(n)
                )));
            }
            discipline = Some(d);
            continue;
        }
        let Some(item) = q.items.get(answers.len()) else {
            return Err(Error::input(format!(
                "{}: er zijn meer antwoorden dan aspecten ({}); dit antwoord hoort bij geen aspect",
                place(n),
                q.items.len()
            ))
            .hint("Geef één antwoord per aspect, in de volgorde van de vragenlijst."));
        };
        let (niveau, notitie) = level_entry(q, entry).map_err(|m| {
            Error::input(format!(
                "{}: antwoord {} (aspect '{}'): {m}",
                place(n),
                answers.len() + 1,
                item.titel
            ))
            .hint(format!(
                "Geef een niveau 1 t/m {}, het begin van een niveau ({}), 'weet niet', of {{niveau: 2, notitie: ...}}.",
                q.levels.len(),
                q.levels
                    .iter()
                    .map(|l| format!("'{l}'"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })?;
        answers.push(ScanAnswer {
            onderdeel: item.id.clone(),
            niveau,
            notitie,
        });
    }
    if let Some(item) = q.items.get(answers.len()) {
        return Err(Error::input(format!(
            "{file}: de antwoorden zijn op na {} van de {} aspecten; het volgende aspect is '{}'",
            answers.len(),
            q.items.len(),
            item.titel
        ))
        .hint("Geef één antwoord per aspect, in de volgorde van de vragenlijst."));
    }
    Ok((discipline, answers))
}

/// `discipline: X` as an entry: `None` when the entry is something else.
fn discipline_entry(entry: &Value) -> Option<std::result::Result<String, String>> {
    let map = entry.as_mapping()?;
    let value = map.get("discipline")?;
    if map.len() != 1 {
        return Some(Err(
            "'discipline' staat op een eigen regel: - discipline: verloskundige".to_string(),
        ));
    }
    let Some(text) = value.as_str() else {
        return Some(Err("de discipline is geen tekst".to_string()));
    };
    Some(discipline(text))
}

/// A discipline by id or label, or a unique beginning of one (case does not matter).
pub fn discipline(text: &str) -> std::result::Result<String, String> {
    let wanted = text.trim().to_lowercase();
    let hits: Vec<&str> = DISCIPLINES
        .iter()
        .filter(|(id, label)| {
            !wanted.is_empty()
                && (id.starts_with(&wanted) || label.to_lowercase().starts_with(&wanted))
        })
        .map(|(id, _)| *id)
        .collect();
    let exact = DISCIPLINES
        .iter()
        .find(|(id, label)| *id == wanted || label.to_lowercase() == wanted);
    match (exact, hits.as_slice()) {
        (Some((id, _)), _) | (None, [id]) => Ok((*id).to_string()),
        _ => Err(format!(
            "onbekende discipline '{}'; kies uit: {}",
            text.trim(),
            DISCIPLINES
                .iter()
                .map(|(_, l)| *l)
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

type LevelAndNote = (Option<u8>, Option<String>);

fn level_entry(q: &Questionnaire, entry: &Value) -> std::result::Result<LevelAndNote, String> {
    match entry {
        Value::Mapping(map) => {
            let mut niveau = None;
            let mut notitie = None;
            for (k, v) in map {
                match k.as_str() {
                    Some("niveau") => niveau = Some(level_value(q, v)?),
                    Some("notitie") => {
                        notitie = match v {
                            Value::Null => None,
                            Value::String(s) => {
                                Some(s.trim().to_string()).filter(|s| !s.is_empty())
                            }
                            _ => return Err("de notitie is geen tekst".to_string()),
                        }
                    }
                    _ => {
                        return Err(format!(
                            "onbekend veld '{}'; toegestaan: 'niveau', 'notitie'",
                            k.as_str().unwrap_or("?")
                        ))
                    }
                }
            }
            match niveau {
                Some(n) => Ok((n, notitie)),
                None => Err("het veld 'niveau' ontbreekt".to_string()),
            }
        }
        other => Ok((level_value(q, other)?, None)),
    }
}

fn level_value(q: &Questionnaire, v: &Value) -> std::result::Result<Option<u8>, String> {
    let max = q.levels.len();
    let number = |n: u64| -> std::result::Result<Option<u8>, String> {
        if (1..=max as u64).contains(&n) {
            Ok(Some(n as u8))
        } else {
            Err(format!("{n} is geen niveau; kies 1 t/m {max}"))
        }
    };
    match v {
        Value::Number(n) => match n.as_u64() {
            Some(n) => number(n),
            None => Err(format!("{n} is geen niveau; kies 1 t/m {max}")),
        },
        Value::String(s) => {
            let wanted = s.trim().to_lowercase();
            if DONT_KNOW.contains(&wanted.as_str()) {
                return Ok(None);
            }
            if let Ok(n) = wanted.parse::<u64>() {
                return number(n);
            }
            let hits: Vec<usize> = q
                .levels
                .iter()
                .enumerate()
                .filter(|(_, l)| !wanted.is_empty() && l.to_lowercase().starts_with(&wanted))
                .map(|(i, _)| i)
                .collect();
            match hits.as_slice() {
                [i] => Ok(Some(*i as u8 + 1)),
                [] => Err(format!("'{}' past bij geen niveau", s.trim())),
                many => Err(format!(
                    "'{}' past bij {} niveaus; typ meer tekens",
                    s.trim(),
                    many.len()
                )),
            }
        }
        Value::Null => Err("het antwoord is leeg".to_string()),
        _ => Err("het antwoord is geen niveau".to_string()),
    }
}

const HELP_SELECT: &str = "↑↓ kiezen · Enter bevestigen · Esc terug · Ctrl-C stoppen";
const HELP_TEXT: &str = "Enter om over te slaan · Esc terug · Ctrl-C stoppen";

enum Got<T> {
    Value(T),
    Back,
}

fn got<T>(r: std::result::Result<T, InquireError>) -> Result<Got<T>> {
    match r {
        Ok(v) => Ok(Got::Value(v)),
        Err(InquireError::OperationCanceled) => Ok(Got::Back),
        Err(InquireError::OperationInterrupted) => {
            use std::io::Write;
            let _ = write!(std::io::stderr(), "\r\x1b[J");
            Err(Error::cancelled(
                "gestopt met Ctrl-C; de scan is niet opgeslagen.",
            ))
        }
        Err(InquireError::NotTTY) => {
            Err(Error::input("er is geen terminal om vragen in te stellen")
                .hint("Gebruik 'zorgpad scan --antwoorden BESTAND'."))
        }
        Err(e) => Err(Error::input(format!(
            "de vraag kon niet worden getoond: {e}"
        ))),
    }
}

/// The scan in the terminal: the discipline, then per aspect every level in full and a choice,
/// then an optional note. Esc goes back one question.
fn ask(q: &Questionnaire, color: bool) -> Result<(Option<String>, Vec<ScanAnswer>)> {
    // Same look as the guided session (Dutch markers, no colour when asked).
    let _ = crate::prompt::terminal::Terminal::new(false, color);
    let width = crossterm::terminal::size()
        .map_or(100, |(w, _)| usize::from(w))
        .clamp(40, 120)
        - 1;
    let say = |text: &str| eprintln!("{}", crate::prompt::terminal::wrap(text, width));
    say(&format!(
        "{} (versie {})\n{}\nUw antwoorden zijn anoniem: zorgpad vraagt geen naam. Zet ook in een notitie geen namen.",
        q.naam,
        q.versie,
        q.omschrijving.as_deref().unwrap_or("")
    ));
    let mut discipline: Option<String> = None;
    let mut answers: Vec<ScanAnswer> = Vec::new();
    // Step 0 is the discipline; step i (1..) is aspect i-1.
    let mut step = 0usize;
    while step <= q.items.len() {
        if step == 0 {
            let mut labels: Vec<String> =
                DISCIPLINES.iter().map(|(_, l)| (*l).to_string()).collect();
            labels.push("Zeg ik liever niet".to_string());
            say("");
            match got(
                Select::new("Wat is uw discipline? (optioneel)", labels.clone())
                    .with_help_message(HELP_SELECT)
                    .prompt(),
            )? {
                Got::Value(l) => {
                    discipline = DISCIPLINES
                        .iter()
                        .find(|(_, d)| *d == l)
                        .map(|(id, _)| (*id).to_string());
                    step = 1;
                }
                Got::Back => {}
            }
            continue;
        }
        let item = &q.items[step - 1];
        answers.truncate(step - 1);
        say(&format!(
            "\n── Aspect {} van {} — {} ──",
            step,
            q.items.len(),
            item.titel
        ));
        for (i, d) in item.levels.iter().enumerate() {
            say(&format!("\n{}:", q.levels[i]));
            for para in d.lines() {
                say(&format!("  {para}"));
            }
        }
        if let Some(t) = &item.toelichting {
            say(&format!("\n{t}"));
        }
        say("");
        let mut labels: Vec<String> = item
            .levels
            .iter()
            .enumerate()
            .map(|(i, d)| format!("{}: {}", q.levels[i], short(d, 60)))
            .collect();
        labels.push("Weet ik niet".to_string());
        let choice = match got(Select::new(&q.vraag, labels.clone())
            .with_help_message(HELP_SELECT)
            .with_page_size(12)
            .raw_prompt())?
        {
            Got::Value(c) => c.index,
            Got::Back => {
                step -= 1;
                continue;
            }
        };
        let niveau = (choice < item.levels.len()).then_some(choice as u8 + 1);
        let note = match got(Text::new("Notitie (optioneel, zonder namen):")
            .with_help_message(HELP_TEXT)
            .prompt())?
        {
            Got::Value(n) => Some(n.trim().to_string()).filter(|n| !n.is_empty()),
            Got::Back => continue,
        };
        answers.push(ScanAnswer {
            onderdeel: item.id.clone(),
            niveau,
            notitie: note,
        });
        step += 1;
    }
    Ok((discipline, answers))
}

/// The first `max` characters of the first line, with "…" when cut.
fn short(text: &str, max: usize) -> String {
    let first = text.lines().next().unwrap_or("");
    if first.chars().count() <= max && !text.contains('\n') {
        return first.to_string();
    }
    let cut: String = first.chars().take(max).collect();
    format!("{}…", cut.trim_end())
}
