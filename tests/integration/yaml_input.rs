//! Every YAML file zorgpad reads (issue #11): a duplicated key is refused with the file, its
//! line and the line of the first one, in Dutch (exit 2); broken or hostile input of any kind
//! is answered within a second, in Dutch, naming the file, without a panic.
//!
//! The duplicate and hostile cases run the real binary; the property tests feed mutated
//! copies of the shipped files to the library's real entry points (and a few to the binary).

use std::path::Path;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use crate::common::{Output, Test};

/// A guard against a hang or a blow-up (quadratic time, a loop) while a file is read or
/// refused: far above what any machine under load needs. The speed itself is measured by the
/// criterion benchmarks (`cargo bench --bench flow`), not by a timed test.
const HANG_GUARD: Duration = Duration::from_secs(20);

fn shipped(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

const ANSWER_FLOW: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/antwoorden-flow.yaml"
);

/// English words of parser and serde messages. Text between quotes is left out: that is what
/// the file says, quoted back.
const ENGLISH: &[&str] = &[
    "expected",
    "invalid",
    "found",
    "while",
    "limit",
    "exceeded",
    "error",
    "unknown",
    "missing",
    "line",
    "column",
    "at",
    "the",
    "and",
    "or",
    "not",
    "scalar",
    "mapping",
    "sequence",
    "parsing",
    "scanning",
    "unexpected",
    "duplicate",
    "key",
    "value",
    "field",
    "budget",
    "breached",
    "recursion",
];

/// The English words in `text`, quotes left out.
fn english_in(text: &str) -> Vec<String> {
    let mut plain = String::new();
    let mut quote: Option<char> = None;
    for c in text.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '\'' || c == '"' => quote = Some(c),
            None => plain.push(c),
        }
    }
    plain
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| ENGLISH.contains(&w.as_str()))
        .collect()
}

fn dutch(out: Output) -> Output {
    let found = english_in(&out.stderr);
    assert!(found.is_empty(), "English {found:?} in:\n{}", out.stderr);
    out.no_panic()
}

fn timed(test: Test) -> Output {
    let start = Instant::now();
    let out = test.run();
    let took = start.elapsed();
    assert!(took < HANG_GUARD, "took {took:?}:\n{}", out.stderr);
    out
}

// --- A duplicated key, per file type --------------------------------------------------------

/// The 1-based line of the first line that starts with `prefix`.
fn line_of(text: &str, prefix: &str) -> usize {
    text.lines()
        .position(|l| l.starts_with(prefix))
        .unwrap_or_else(|| panic!("no line starts with {prefix:?}"))
        + 1
}

/// `text` with `extra` inserted after the first line that starts with `after`; and the
/// 1-based line of the inserted text.
fn insert_after(text: &str, after: &str, extra: &str) -> (String, usize) {
    let at = line_of(text, after);
    let mut lines: Vec<&str> = text.lines().collect();
    lines.insert(at, extra.trim_end_matches('\n'));
    (lines.join("\n") + "\n", at + 1)
}

#[test]
fn a_flow_with_a_second_footnote_1_is_refused() {
    // The incident of issue #11: a copy of the blueprint with a second footnote 1.
    let blueprint = shipped("flows/blauwdruk-psychosociaal.yaml");
    let first = line_of(&blueprint, "  1: ");
    let (copy, second) = insert_after(&blueprint, "  3: ", "  1: Vervangen.");
    for command in ["controleer --flow kopie.yaml", "toon --flow kopie.yaml"] {
        dutch(
            Test::new()
                .file("kopie.yaml", &copy)
                .args(command)
                .run()
                .code(2),
        )
        .stderr_has(&format!(
            "zorgpad: fout: kopie.yaml:{second}:3: de sleutel '1' staat er twee keer (eerder op regel {first}); haal een van beide weg"
        ));
    }
    // Written as '1': the same footnote to zorgpad, so refused too.
    let (copy, second) = insert_after(&blueprint, "  3: ", "  '1': Vervangen.");
    dutch(
        Test::new()
            .file("kopie.yaml", &copy)
            .args("controleer --flow kopie.yaml")
            .run()
            .code(2),
    )
    .stderr_has(&format!(
        "kopie.yaml:{second}:3: de sleutel '1' staat er twee keer (eerder op regel {first})"
    ));
}

#[test]
fn a_flow_node_with_a_field_twice_is_refused() {
    let blueprint = shipped("flows/blauwdruk-psychosociaal.yaml");
    let first = line_of(&blueprint, "versie:");
    let (copy, second) = insert_after(&blueprint, "versie:", "versie: \"99\"");
    dutch(
        Test::new()
            .file("kopie.yaml", &copy)
            .args("controleer --flow kopie.yaml")
            .run()
            .code(2),
    )
    .stderr_has(&format!(
        "kopie.yaml:{second}:1: het veld 'versie' staat er twee keer (eerder op regel {first})"
    ));
}

#[test]
fn a_kaart_with_a_field_twice_is_refused() {
    let kaart = shipped("sociale-kaart/voorbeeld.yaml");
    let first = line_of(&kaart, "    telefoon:");
    let (copy, second) = insert_after(&kaart, "    telefoon:", "    telefoon: 0900-0000000");
    dutch(
        Test::new()
            .file("kaart.yaml", &copy)
            .args("kaart controleer --kaart kaart.yaml")
            .run()
            .code(2),
    )
    .stderr_has(&format!(
        "zorgpad: fout: kaart.yaml:{second}:5: het veld 'telefoon' staat er twee keer (eerder op regel {first})"
    ));
}

/// A map large enough to be parsed in pieces on several threads (over 512 KB).
fn large_kaart() -> String {
    use zorgpad::kaart::{RawKaart, RawMeta, RawProvider};
    let aanbieders = (1..=1500)
        .map(|n| RawProvider {
            id: Some(format!("aanbieder-{n:05}")),
            naam: Some(format!("Aanbieder {n:05}")),
            categorieen: Some(vec!["psychosociaal".to_string()]),
            gemeenten: Some(vec!["Voorbeeldstad".to_string()]),
            domein: Some("formeel".to_string()),
            niveau: Some(2),
            telefoon: Some(format!("010-{n:07}")),
            email: Some(format!("aanbieder{n}@example.org")),
            website: Some(format!("https://example.org/aanbieder/{n}")),
            adres: Some(format!("Voorbeeldstraat {n}, Voorbeeldstad")),
            aanmelden: Some("Bellen met toestemming van de cliënt.".to_string()),
            toelichting: Some("Hulp rond zwangerschap en de eerste jaren.".to_string()),
            gecontroleerd: None,
            beheerder: None,
        })
        .collect();
    let text = RawKaart {
        kaart: RawMeta {
            naam: Some("Grote kaart".to_string()),
            vsv: None,
            regio: Some("Voorbeeldregio".to_string()),
            versie: Some("1".to_string()),
            bijgewerkt: Some("2026-11-01".to_string()),
            gemeenten: Some(vec!["Voorbeeldstad".to_string()]),
        },
        aanbieders,
    }
    .to_yaml();
    assert!(text.len() > 600 * 1024, "{}", text.len());
    text
}

#[test]
fn a_large_kaart_read_in_pieces_refuses_a_field_twice_at_its_line() {
    let kaart = large_kaart();
    let first = line_of(&kaart, "    naam: Aanbieder 01234");
    let (copy, second) = insert_after(&kaart, "    naam: Aanbieder 01234", "    naam: Dubbel");
    dutch(
        timed(
            Test::new()
                .file("groot.yaml", &copy)
                .args("kaart controleer --kaart groot.yaml"),
        )
        .code(2),
    )
    .stderr_has(&format!(
        "groot.yaml:{second}:5: het veld 'naam' staat er twee keer (eerder op regel {first})"
    ));
    // Without the second one it reads (in pieces) and is checked: all 1500 are there.
    timed(
        Test::new()
            .file("groot.yaml", &kaart)
            .args("kaart controleer --kaart groot.yaml"),
    )
    .no_panic()
    .stdout_has("psychosociaal         ┆ 1500");
}

#[test]
fn an_answers_file_with_a_field_twice_is_refused() {
    dutch(
        Test::new()
            .args("start --flow")
            .arg(ANSWER_FLOW)
            .answers("- alles\n- keuze: middelen\n  toelichting: alcohol\n  keuze: psychosociaal\n")
            .run()
            .code(2),
    )
    .stderr_has("zorgpad: fout: antwoorden.yaml:4:3: het veld 'keuze' staat er twee keer (eerder op regel 2); haal een van beide weg");
}

#[test]
fn a_practice_case_with_a_field_twice_is_refused() {
    let case = shipped("flows/casussen/geen-ppm.yaml");
    let first = line_of(&case, "route:");
    let (copy, second) = insert_after(&case, "route:", "route: complex");
    dutch(
        Test::new()
            .file("casus.yaml", &copy)
            .args("oefen casus.yaml")
            .answers("- alles\n- r4u\n- nee\n")
            .run()
            .code(2),
    )
    .stderr_has(&format!(
        "casus.yaml:{second}:1: het veld 'route' staat er twee keer (eerder op regel {first})"
    ));
}

#[test]
fn a_questionnaire_with_a_field_twice_is_refused() {
    let questionnaire = shipped("flows/vsv-samenwerking.yaml");
    let first = line_of(&questionnaire, "    titel:");
    let (copy, second) = insert_after(&questionnaire, "    titel:", "    titel: Nog een visie");
    dutch(
        Test::new()
            .file("v.yaml", &copy)
            .file("a.yaml", "- 2\n")
            .args("scan --vragenlijst v.yaml --antwoorden a.yaml")
            .run()
            .code(2),
    )
    .stderr_has(&format!(
        "v.yaml:{second}:5: de vragenlijst is onleesbaar: het veld 'titel' staat er twee keer (eerder op regel {first})"
    ));
}

#[test]
fn a_scan_answers_file_with_a_field_twice_is_refused() {
    dutch(
        Test::new()
            .file("a.yaml", "- discipline: verloskundige\n- niveau: 2\n  notitie: eens\n  niveau: 3\n")
            .args("scan --antwoorden a.yaml")
            .run()
            .code(2),
    )
    .stderr_has("a.yaml:4:3: het antwoordenbestand is onleesbaar: het veld 'niveau' staat er twee keer (eerder op regel 2)");
}

// --- Hostile input through the binary -------------------------------------------------------

/// Nine levels of ten aliases: a billion `x` when expanded.
fn alias_bomb() -> String {
    let mut text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n".to_string();
    for level in 1..=9 {
        let prev = format!("*a{}", level - 1);
        text.push_str(&format!(
            "a{level}: &a{level} [{}]\n",
            [prev.as_str(); 10].join(", ")
        ));
    }
    text
}

#[test]
fn an_alias_bomb_is_refused_within_a_second() {
    dutch(
        timed(
            Test::new()
                .file("bom.yaml", alias_bomb())
                .args("controleer --flow bom.yaml"),
        )
        .code(2),
    )
    .stderr_has("zorgpad: fout: bom.yaml:")
    .stderr_has("te veel verwijzingen (*naam) naar ankers (&naam)");
    dutch(
        timed(
            Test::new()
                .file(
                    "antwoorden.yaml",
                    format!("- alles\n- {}", alias_bomb().replace('\n', "\n  ")),
                )
                .args("start --antwoorden antwoorden.yaml"),
        )
        .code(2),
    )
    .stderr_has("antwoorden.yaml:");
}

#[test]
fn ten_thousand_brackets_deep_are_refused_within_a_second() {
    let deep = format!("{}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    dutch(
        timed(
            Test::new()
                .file("antwoorden.yaml", &deep)
                .args("start --antwoorden antwoorden.yaml"),
        )
        .code(2),
    )
    .stderr_has("zorgpad: fout: antwoorden.yaml:1:256: het bestand is te diep genest");
    let deep = format!("{}x\n", "- ".repeat(10_000));
    dutch(
        timed(
            Test::new()
                .file("kaart.yaml", &deep)
                .args("kaart controleer --kaart kaart.yaml"),
        )
        .code(2),
    )
    .stderr_has("zorgpad: fout: kaart.yaml:1:")
    .stderr_has("te diep genest");
}

#[test]
fn a_500_kb_answers_file_nested_deep_is_answered_within_a_second() {
    // Half a megabyte of opening brackets, of nested block lists, of nested mappings: the
    // fuzz class of issue #11 that took a minute.
    for (what, text) in [
        ("brackets", "[".repeat(500 * 1024)),
        ("block", "- ".repeat(250 * 1024)),
        ("mappings", "{a: ".repeat(128 * 1024)),
    ] {
        let out = dutch(
            timed(
                Test::new()
                    .file("antwoorden.yaml", &text)
                    .args("start --antwoorden antwoorden.yaml"),
            )
            .code(2),
        );
        assert!(
            out.stderr.contains("antwoorden.yaml:1:") && out.stderr.contains("te diep genest"),
            "{what}:\n{}",
            out.stderr
        );
    }
}

#[test]
fn a_500_kb_answers_file_nested_within_the_limit_is_read_in_linear_time() {
    // Valid but heavy: every entry 60 lists deep (the limit is 64), 500 KB in all, a quarter
    // of a million nodes. The release build reads it in a fifth of a second (benchmark
    // "antwoordenbestand van 500 KB" in benches/flow.rs); here only a hang is guarded against.
    let entry = format!("- {}x{}\n", "[".repeat(60), "]".repeat(60));
    let heavy = entry.repeat(500 * 1024 / entry.len());
    let limit = HANG_GUARD;
    let start = Instant::now();
    let out = Test::new()
        .file("antwoorden.yaml", &heavy)
        .args("start --antwoorden antwoorden.yaml")
        .run();
    assert!(start.elapsed() < limit, "took {:?}", start.elapsed());
    dutch(out.code(2)).stderr_has("antwoorden.yaml: antwoord 1 (regel 1) past niet bij vraag 1");
}

// --- Property tests: mutated copies of the shipped files --------------------------------------

/// The kinds of file zorgpad reads, each with its real entry point.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Flow,
    Kaart,
    Case,
    Questionnaire,
    Answers,
    ScanAnswers,
}

fn bases() -> Vec<(Kind, &'static str, String)> {
    vec![
        (Kind::Flow, "flow.yaml", shipped("flows/blauwdruk-psychosociaal.yaml")),
        (Kind::Flow, "meldcode.yaml", shipped("flows/meldcode.yaml")),
        (Kind::Kaart, "kaart.yaml", shipped("sociale-kaart/voorbeeld.yaml")),
        (Kind::Case, "casus.yaml", shipped("flows/casussen/mdo-en-overdracht.yaml")),
        (Kind::Questionnaire, "vragenlijst.yaml", shipped("flows/vsv-samenwerking.yaml")),
        (
            Kind::Answers,
            "antwoorden.yaml",
            "- alles\n- keuze: middelen\n  toelichting: alcohol\n- {gedaan: [intake], nvt: [dossier], notitie: x}\n- later: 2026-12-20\n- [a, b]\n- terug\n".to_string(),
        ),
        (
            Kind::ScanAnswers,
            "scan.yaml",
            "- discipline: verloskundige\n- 2\n- niveau: 3\n  notitie: \"eens: helemaal\"\n- weet niet\n- 4\n".to_string(),
        ),
    ]
}

/// One change to a file.
#[derive(Debug, Clone)]
enum Mutation {
    /// Cut the file at this fraction (per mille) of its length.
    Truncate(usize),
    /// Insert text at this fraction of the length.
    Insert(usize, String),
    /// Write a line twice (a key twice, mostly).
    DuplicateLine(usize),
    DeleteLine(usize),
    /// Add or take away indentation of a line.
    Indent(usize, bool),
}

fn snippet() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "\t",
            ": ",
            ":",
            "\n",
            "\n  - ",
            "- ",
            "{",
            "}",
            "[",
            "]",
            ",",
            "\"",
            "'",
            "#",
            "&a ",
            "*a",
            "*b",
            "&a [x, *a]",
            "!tag ",
            "!!binary ",
            "%YAML 1.2\n",
            "---\n",
            "...\n",
            "\u{7}",
            "\u{1b}",
            "\u{feff}",
            "\u{85}",
            "\r",
            "\\",
            "? ",
            "|\n",
            ">-\n",
            "<<: *a\n",
            "1: een\n",
            "'1': twee\n",
            "naam: dubbel\n",
            "  id: dubbel\n",
            "~",
            "null",
            "1e999",
            "-.inf",
            "0x1F",
            "2026-12-20",
            "true",
            "\"\\u00",
            "\"\\q\"",
            "@",
            "`",
        ])
        .prop_map(str::to_string),
        (1usize..3000).prop_map(|n| "[".repeat(n)),
        (1usize..2000).prop_map(|n| "- ".repeat(n)),
        (1usize..500).prop_map(|n| "{a: ".repeat(n)),
        (1usize..200).prop_map(|n| format!("{}x\n", "  ".repeat(n))),
        (1000usize..200_000).prop_map(|n| "lang ".repeat(n / 5)),
        Just(alias_bomb()),
        "[\\x00-\\x1f\\x7f]{1,4}",
        "\\PC{1,30}",
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = 0usize..1000;
    prop_oneof![
        1 => at.clone().prop_map(Mutation::Truncate),
        3 => (at.clone(), snippet()).prop_map(|(a, s)| Mutation::Insert(a, s)),
        2 => at.clone().prop_map(Mutation::DuplicateLine),
        1 => at.clone().prop_map(Mutation::DeleteLine),
        1 => (at, any::<bool>()).prop_map(|(a, more)| Mutation::Indent(a, more)),
    ]
}

fn apply(text: &str, mutations: &[Mutation]) -> String {
    let mut text = text.to_string();
    for m in mutations {
        let chars: Vec<char> = text.chars().collect();
        let char_at = |per_mille: usize| chars.len() * per_mille / 1000;
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        let line_at = |per_mille: usize| lines.len().saturating_sub(1) * per_mille / 1000;
        text = match m {
            Mutation::Truncate(a) => chars[..char_at(*a)].iter().collect(),
            Mutation::Insert(a, s) => {
                let (before, after) = chars.split_at(char_at(*a));
                let before: String = before.iter().collect();
                let after: String = after.iter().collect();
                format!("{before}{s}{after}")
            }
            _ if lines.is_empty() => text,
            Mutation::DuplicateLine(a) => {
                let k = line_at(*a);
                lines.insert(k, lines[k].clone());
                lines.join("\n")
            }
            Mutation::DeleteLine(a) => {
                lines.remove(line_at(*a));
                lines.join("\n")
            }
            Mutation::Indent(a, more) => {
                let k = line_at(*a);
                lines[k] = if *more {
                    format!("  {}", lines[k])
                } else {
                    lines[k].strip_prefix("  ").unwrap_or(&lines[k]).to_string()
                };
                lines.join("\n")
            }
        };
    }
    text
}

/// Read `text` as a file of this kind through the library's real entry point. `Err` is the
/// whole message a person would see.
fn read(kind: Kind, file: &str, text: &str, dir: &Path) -> Result<(), String> {
    use zorgpad::yaml::{self, Value};
    // Each file in a directory of its own: a flow finds sub-flows next to it.
    let path = dir.join(file.replace('.', "-")).join(file);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let render = |e: zorgpad::Error| e.render(None);
    match kind {
        Kind::Flow => {
            std::fs::write(&path, text).unwrap();
            zorgpad::flow::set::FlowSet::load(Some(&path))
                .map(drop)
                .map_err(render)
        }
        Kind::Kaart => zorgpad::kaart::Kaart::from_text(file, text.to_string(), None)
            .map(drop)
            .map_err(render),
        Kind::Case => zorgpad::training::Case::parse("casus", file, text)
            .map(drop)
            .map_err(render),
        Kind::Questionnaire => zorgpad::scan::questionnaire::Questionnaire::from_text(file, text)
            .map(drop)
            .map_err(render),
        Kind::Answers => {
            std::fs::write(&path, text).unwrap();
            zorgpad::prompt::script::Script::load(&path)
                .map(drop)
                .map_err(render)
        }
        Kind::ScanAnswers => yaml::parse::<Vec<Value>>(text)
            .map(drop)
            .map_err(|e| format!("{}: {}", e.place(file), e.message)),
    }
}

/// `cases` cases, or as many as `PROPTEST_CASES` says (for a longer run by hand).
fn config(cases: u32) -> Config {
    Config {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(cases),
        failure_persistence: None,
        max_shrink_iters: 200,
        ..Config::default()
    }
}

#[test]
fn mutated_files_are_read_or_refused_in_dutch_within_a_second() {
    let bases = bases();
    let dir = tempfile::tempdir().unwrap();
    let strategy = (0..bases.len(), prop::collection::vec(mutation(), 1..4));
    TestRunner::new(config(256))
        .run(&strategy, |(base, mutations)| {
            let (kind, file, text) = &bases[base];
            let text = apply(text, &mutations);
            let start = Instant::now();
            let result = read(*kind, file, &text, dir.path());
            let took = start.elapsed();
            prop_assert!(took < HANG_GUARD, "{kind:?} took {took:?}");
            if let Err(message) = result {
                prop_assert!(
                    message.contains(file),
                    "{kind:?}: no file name in {message}"
                );
                let english = english_in(&message);
                prop_assert!(
                    english.is_empty(),
                    "{kind:?}: English {english:?} in {message}"
                );
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn mutated_files_through_the_binary_exit_cleanly_in_dutch() {
    let bases = bases();
    let strategy = (0..bases.len(), prop::collection::vec(mutation(), 1..3));
    TestRunner::new(config(24))
        .run(&strategy, |(base, mutations)| {
            let (kind, file, text) = &bases[base];
            let text = apply(text, &mutations);
            let args = match kind {
                Kind::Flow => format!("controleer --flow {file}"),
                Kind::Kaart => format!("kaart controleer --kaart {file}"),
                Kind::Case => format!("oefen {file} --antwoorden leeg.yaml"),
                Kind::Questionnaire => format!("scan --vragenlijst {file} --antwoorden leeg.yaml"),
                Kind::Answers => format!("start --antwoorden {file}"),
                Kind::ScanAnswers => format!("scan --antwoorden {file}"),
            };
            let start = Instant::now();
            let out = Test::new()
                .file(file, &text)
                .file("leeg.yaml", "- alles\n")
                .args(&args)
                .run();
            let took = start.elapsed();
            prop_assert!(took < HANG_GUARD, "{args} took {took:?}");
            prop_assert!(out.signal.is_none(), "{args}: signal {:?}", out.signal);
            prop_assert!((0..=2).contains(&out.code), "{args}: exit {}", out.code);
            prop_assert!(!out.stderr.contains("panicked"), "{args}: {}", out.stderr);
            if out.code == 2 {
                prop_assert!(
                    out.stderr.contains(file) || out.stderr.contains("leeg.yaml"),
                    "{args}: no file name in {}",
                    out.stderr
                );
            }
            let english = english_in(&out.stderr);
            prop_assert!(
                english.is_empty(),
                "{args}: English {english:?} in {}",
                out.stderr
            );
            Ok(())
        })
        .unwrap();
}
