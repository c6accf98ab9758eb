//! `zorgpad oefen`: list the practice cases, practise one, or show a group's results.

use crate::cli::config::practice::{Practice, PracticeAction};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::clock::Clock;
use crate::engine::drive::{drive, Pausing, Policy, Stop};
use crate::engine::prompter::Prompter;
use crate::engine::session::Session;
use crate::error::{Error, Exit, Result};
use crate::flow::set::FlowSet;
use crate::kaart::Kaart;
use crate::kaart::Offer;
use crate::out::{errln, outln};
use crate::prompt::script::Script;
use crate::prompt::{Person, Stage};
use crate::report::document::{Block, Document, Table};
use crate::report::Layout;
use crate::training::*;

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

/// The cases by number, each with its title and opening situation (`inleiding:`): not the
/// story, which tells what happened later, and nothing of the model's route or outcome, so
/// that a group that sees the list on a projector does not see the answers.
fn list(layout: Layout) -> Result<Exit> {
    let width = story_width(layout);
    outln!("Oefencasussen (verzonnen)")?;
    for c in cases()? {
        let n = c.number.unwrap_or_default();
        outln!("\n{n}. {}", c.titel)?;
        let opening = crate::text::wrap(&c.opening(), width.saturating_sub(3).max(20));
        outln!("   {}", opening.replace('\n', "\n   "))?;
    }
    outln!(
        "\n{}",
        crate::text::wrap(
            "Oefenen: zorgpad oefen NUMMER (met --resultaten MAP om het resultaat te bewaren)",
            width
        )
    )?;
    Ok(Exit::Ok)
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
    crate::flow::validate::refuse_broken(&set, "er is niet geoefend")?;
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
    let width = story_width(config.layout);
    outln!("{PRACTICE_BANNER}")?;
    tell(&case, script.is_none(), width)?;

    let mut session = Session::new(&set, clock.now(), None, None)?;
    let offer = Offer {
        kaart: &kaart,
        gemeente: gemeente.as_deref(),
    };
    let mut terminal;
    let prompter: &mut dyn Prompter = match &mut script {
        Some(s) => {
            s.set_offer(offer);
            s
        }
        None => {
            terminal = Person::new(config.plain, explain, config.color);
            terminal.set_offer(offer);
            terminal.set_stage(Stage {
                banner: Some(PRACTICE_BANNER.to_string()),
                story: Some(story(&case, width)),
            });
            &mut terminal
        }
    };
    walk(&mut session, prompter, &clock, answers.is_some())?;
    if let Some(s) = &script {
        if s.unused() > 0 {
            return Err(s.leftover_error());
        }
    }

    let compared = compare(&set, &session, &case);
    let free = usize::from(config.layout.width);
    outln!("\n{PRACTICE_BANNER} — het resultaat")?;
    if let Some(outcome) = session.walk().outcome_text() {
        outln!(
            "{}",
            crate::text::wrap(&format!("Uitkomst: {outcome}"), free)
        )?;
    }
    // Only now, after the exercise: the route the model takes.
    outln!(
        "{}\n",
        crate::text::wrap(&format!("Route van het model: {}", case.route), free)
    )?;
    show_comparison(&set, &case, &compared, config.layout)?;
    keep_result(results, &case, compared, &clock)?;
    Ok(Exit::Ok)
}

/// The line above every question of an exercise, and above its result.
const PRACTICE_BANNER: &str = "OEFENING — wordt niet bewaard";

/// The width of a story on screen: that of `toon`, or the terminal's when it is narrower.
fn story_width(layout: Layout) -> usize {
    crate::report::pathway::SHOW_WIDTH.min(usize::from(layout.width))
}

/// The case as the trainee reads it before the first question: its number (not its id, which
/// names the route), title and story.
fn tell(case: &Case, interactive: bool, width: usize) -> Result<()> {
    match case.number {
        Some(n) => outln!("Oefencasus {n}: {}", case.titel)?,
        None => outln!("Oefencasus: {}", case.titel)?,
    }
    outln!("{}", "─".repeat(width))?;
    outln!("{}", story(case, width))?;
    outln!("{}", "─".repeat(width))?;
    outln!("Verzonnen casus. Een oefening wordt niet als sessie bewaard.")?;
    if interactive {
        outln!("Bij elke vraag kunt u de casus opnieuw laten zien: '📄 Casus opnieuw tonen', of typ 'casus'.")?;
    }
    outln!()?;
    Ok(())
}

/// The story as shown before the first question and again on request: the paragraphs, and the
/// gemeente.
fn story(case: &Case, width: usize) -> String {
    let mut text = reflow(&case.verhaal, width);
    if let Some(g) = &case.gemeente {
        text.push_str(&format!("\nGemeente: {g}"));
    }
    text
}

/// Walk the case to its end with the engine's loop. Nothing is saved: a practice run is not a
/// session, and it cannot pause (the story says how waits turned out).
fn walk(
    session: &mut Session<'_>,
    prompter: &mut dyn Prompter,
    clock: &Clock,
    scripted: bool,
) -> Result<()> {
    let policy = Policy {
        pausing: Pausing::Never {
            refusal: "kan een oefening niet pauzeren; het verhaal van de casus zegt hoe het afliep",
        },
        strict_back: scripted,
        only_follow_up: false,
    };
    match drive(session, prompter, clock, policy, &mut |_| Ok(())) {
        Ok(_) => Ok(()),
        Err(Stop::Cancelled { how }) => Err(Error::cancelled(format!(
            "oefening {how}; er is niets bewaard."
        ))),
        Err(Stop::Prompter(e) | Stop::Failed(e)) => Err(e),
    }
}

/// Each point next to the model, the differences with the model's reasons, and the score. Every
/// point is named by its question (and criterion), never by its key.
fn show_comparison(
    set: &FlowSet,
    case: &Case,
    compared: &[Compared],
    layout: Layout,
) -> Result<()> {
    let mut t = Table::new(["Vraag", "Uw antwoord", "Model", ""]);
    for c in compared {
        t.row([
            point_label(set, &c.vraag, c.criterium.as_deref()),
            answer_label(set, c, c.antwoord.as_deref()),
            answer_label(set, c, Some(&c.model)),
            if c.zoals_model { "✓" } else { "✗" }.to_string(),
        ]);
    }
    out_table(t, layout)?;
    let free = usize::from(layout.width);
    let s = score(compared);
    let differences: Vec<&Compared> = compared.iter().filter(|c| !c.zoals_model).collect();
    if differences.is_empty() {
        outln!(
            "\n{}",
            if s.criteria.1 > 0 {
                "Alle beslissingen en criteria zoals het model."
            } else {
                "Alle beslissingen zoals het model."
            }
        )?;
    } else {
        outln!("\nVerschillen met het model, met uitleg:")?;
        for c in differences {
            outln!("{}", crate::text::wrap(&difference(set, case, c), free))?;
        }
    }
    let pct = percent(s.matched, s.total);
    if s.criteria.1 == 0 {
        let line = format!(
            "Score: {} van {} beslissingen zoals het model ({pct}%).",
            s.matched, s.total
        );
        outln!("\n{}", crate::text::wrap(&line, free))?;
    } else {
        let line = format!(
            "Score: {} van {} punten zoals het model ({pct}%): {} van {} beslissingen, {} van {} criteria.",
            s.matched,
            s.total,
            s.decisions.0,
            s.decisions.1,
            s.criteria.0,
            s.criteria.1
        );
        outln!("\n{}", crate::text::wrap(&line, free))?;
    }
    Ok(())
}

/// A table as the terminal writer sets it at `layout`: as wide as the terminal, no word broken
/// (too narrow for that, it becomes a list).
fn out_table(t: Table, layout: Layout) -> Result<()> {
    let mut doc = Document::new("", None);
    doc.push(Block::Table(t));
    let text = crate::report::write::text::write(&doc, layout);
    outln!("{}", text.trim_end_matches('\n'))?;
    Ok(())
}

/// One difference with the model: the question (and criterion), what the trainee did and what
/// the model does, and the case's reason.
fn difference(set: &FlowSet, case: &Case, c: &Compared) -> String {
    let why = case
        .model
        .iter()
        .find(|m| m.vraag == c.vraag)
        .map_or(String::new(), |m| {
            c.criterium
                .as_ref()
                .and_then(|k| m.per_criterium.get(k))
                .unwrap_or(&m.waarom)
                .trim()
                .to_string()
        });
    let model = option_label(set, &c.vraag, &c.model);
    let yours = match (&c.antwoord, &c.criterium) {
        (None, Some(_)) => "uw route kwam niet bij deze vraag".to_string(),
        (None, None) => format!("uw route kwam niet bij deze vraag; het model: '{model}'"),
        (Some(a), Some(_)) if a == TICKED => {
            "u vinkte dit criterium aan; het model niet".to_string()
        }
        (Some(_), Some(_)) => "u vinkte dit criterium niet aan; het model wel".to_string(),
        (Some(a), None) => format!(
            "u koos '{}'; het model: '{model}'",
            option_label(set, &c.vraag, a)
        ),
    };
    format!(
        "\n• {}\n  {yours}.\n  Waarom: {why}",
        point_label(set, &c.vraag, c.criterium.as_deref()),
    )
}

/// Save the result in `results` (without names), or say that it was not saved.
fn keep_result(
    results: Option<&Path>,
    case: &Case,
    compared: Vec<Compared>,
    clock: &Clock,
) -> Result<()> {
    let Some(dir) = results else {
        errln!(
            "Het resultaat is niet bewaard; geef --resultaten MAP om het te bewaren voor het groepsoverzicht."
        );
        return Ok(());
    };
    let s = score(&compared);
    let result = PracticeResult {
        schema: RESULT_SCHEMA.to_string(),
        casus: case.id.clone(),
        tijd: clock.now(),
        zoals_model: s.matched,
        totaal: s.total,
        procent: percent(s.matched, s.total),
        beslissingen: compared,
    };
    let path = save_result(dir, &result, clock)?;
    errln!("Resultaat bewaard in {} (zonder namen).", path.display());
    Ok(())
}

/// Write a result as `<tijd>-<casus>.json` (0600) in `dir`, never over an earlier one.
fn save_result(dir: &Path, result: &PracticeResult, clock: &Clock) -> Result<PathBuf> {
    crate::store::create_private_dir(dir)
        .map_err(|e| Error::write("de map met resultaten", dir, &e))?;
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
    crate::store::private_file::write("het oefenresultaat", &path, format!("{text}\n").as_bytes())?;
    Ok(path)
}

fn overview(dir: &Path, layout: Layout) -> Result<Exit> {
    let results = read_results(dir)?;
    let set = FlowSet::load(None)?;
    let tallies = tally(&set, &results);
    let mut rows: Vec<(&Point, &Tally)> = tallies.iter().collect();
    rows.sort_by(|(ka, a), (kb, b)| {
        b.wrong
            .cmp(&a.wrong)
            .then(percent(b.wrong, b.asked).cmp(&percent(a.wrong, a.asked)))
            .then(ka.cmp(kb))
    });
    let cases: std::collections::BTreeSet<&str> =
        results.iter().map(|r| r.casus.as_str()).collect();
    let mean = results.iter().map(|r| r.procent).sum::<usize>() / results.len();
    outln!(
        "{} van {}; gemiddelde score {mean}%.\n",
        crate::finding::count(results.len(), "oefenresultaat", "oefenresultaten"),
        crate::finding::count(cases.len(), "casus", "casussen"),
    )?;
    let mut t = Table::new([
        "Vraag",
        "Anders dan model",
        "Vaakst gekozen in plaats daarvan",
        "Casussen",
    ]);
    let all_right = rows.iter().filter(|(_, t)| t.wrong == 0).count();
    for (key, tally) in rows.into_iter().filter(|(_, t)| t.wrong > 0) {
        let instead = tally
            .instead
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(label, n)| format!("{label} ({n}×)"))
            .unwrap_or_else(|| "—".to_string());
        t.row([
            point_label(&set, &key.0, key.1.as_deref()),
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
    if t.rows.is_empty() {
        outln!("Iedereen nam elke beslissing zoals het model.")?;
    } else {
        out_table(t, layout)?;
        outln!("Bovenaan staan de beslissingen en criteria die de groep het vaakst anders deed dan het model: die zijn het bespreken waard.")?;
    }
    if all_right > 0 {
        let (one, more) = if tallies.keys().any(|(_, criterion)| criterion.is_some()) {
            (
                "ander punt (beslissing of criterium)",
                "andere punten (beslissingen en criteria)",
            )
        } else {
            ("andere beslissing", "andere beslissingen")
        };
        outln!(
            "{} deed iedereen zoals het model.",
            crate::finding::count(all_right, one, more)
        )?;
    }
    Ok(Exit::Ok)
}

/// The practice results in `dir`; files that are no result of zorgpad are skipped with a note.
fn read_results(dir: &Path) -> Result<Vec<PracticeResult>> {
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
            None => errln!(
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
        .hint("Resultaten worden bewaard met: zorgpad oefen NUMMER --resultaten MAP"));
    }
    Ok(results)
}

/// A point of the results: the question key, and the criterion at a criteria question.
type Point = (String, Option<String>);

/// Per point, how the group answered compared with the model.
fn tally(set: &FlowSet, results: &[PracticeResult]) -> BTreeMap<Point, Tally> {
    let mut tallies: BTreeMap<Point, Tally> = BTreeMap::new();
    for r in results {
        for c in &r.beslissingen {
            let t = tallies
                .entry((c.vraag.clone(), c.criterium.clone()))
                .or_default();
            t.asked += 1;
            if !t.cases.contains(&r.casus) {
                t.cases.push(r.casus.clone());
            }
            if !c.zoals_model {
                t.wrong += 1;
                let label = answer_label(set, c, c.antwoord.as_deref());
                *t.instead.entry(label).or_default() += 1;
            }
        }
    }
    tallies
}
