//! Mistakes on the command line: exit 2 with a Dutch message that says what to do, never
//! clap's English. `--help` is Dutch and exits 0.

use crate::common::{Output, Test};

/// clap's own words, which must never reach the user.
const CLAP_ENGLISH: &[&str] = &[
    "error:",
    "Usage:",
    "unexpected argument",
    "unrecognized subcommand",
    "a value is required",
    "cannot be used multiple times",
    "For more information",
    "tip:",
    "Print help",
    "Options:",
    "Commands:",
];

fn dutch_only(out: Output) -> Output {
    for text in [&out.stdout, &out.stderr] {
        for word in CLAP_ENGLISH {
            assert!(!text.contains(word), "English {word:?} in:\n{text}");
        }
    }
    out
}

/// A usage error: exit 2, Dutch, the message on stderr, nothing on stdout, pointing to --help.
fn usage_error(args: &str) -> Output {
    let out = dutch_only(Test::new().args(args).run().code(2).no_panic())
        .stderr_has("zorgpad: fout: ")
        .stderr_has("zorgpad --help");
    assert_eq!(out.stdout, "", "stdout must stay empty");
    out
}

#[test]
fn no_subcommand() {
    usage_error("").stderr_has("geef een opdracht, bijvoorbeeld 'zorgpad start'");
}

#[test]
fn unknown_subcommand() {
    usage_error("begin").stderr_has("zorgpad: fout: onbekende opdracht 'begin'.");
}

#[test]
fn misspelt_subcommand_gets_a_suggestion() {
    let out = usage_error("contrleer")
        .stderr_has("onbekende opdracht 'contrleer'; bedoelt u 'controleer'?");
    assert!(!out.stderr.contains("?."), "{}", out.stderr);
}

#[test]
fn unknown_option() {
    usage_error("controleer --vlag").stderr_has("onbekende optie '--vlag'");
}

#[test]
fn unknown_short_option() {
    usage_error("start -x").stderr_has("onbekende optie '-x'");
}

#[test]
fn stray_argument() {
    usage_error("controleer extra").stderr_has("onverwacht argument 'extra'");
}

#[test]
fn option_without_value() {
    usage_error("controleer --flow")
        .stderr_has("de optie '--flow <BESTAND>' heeft een waarde nodig");
    usage_error("start --antwoorden")
        .stderr_has("de optie '--antwoorden <BESTAND>' heeft een waarde nodig");
    usage_error("start --export")
        .stderr_has("de optie '--export <BESTAND>' heeft een waarde nodig");
}

#[test]
fn option_given_twice() {
    usage_error("start --flow a.yaml --flow b.yaml")
        .stderr_has("de optie '--flow <BESTAND>' is meer dan eens gegeven");
}

#[test]
fn flag_with_a_value() {
    usage_error("start --uitleg=ja")
        .stderr_has("onverwachte waarde 'ja' bij '--uitleg'; deze optie neemt geen (extra) waarde");
}

#[test]
fn help_is_dutch_and_exits_0() {
    let out = dutch_only(Test::new().args("--help").run().code(0).no_panic())
        .stdout_has("Gebruik: zorgpad <OPDRACHT> [OPTIES]")
        .stdout_has("Opdrachten:")
        .stdout_has("Doorloop de blauwdruk stap voor stap")
        .stdout_has("Controleer een flowbestand op fouten")
        .stdout_has("Toon deze hulp")
        .stdout_has("Afsluitcodes: 0 in orde, 1 bevindingen");
    assert_eq!(out.stderr, "");
    dutch_only(Test::new().args("-h").run().code(0)).stdout_has("Gebruik: zorgpad");
}

#[test]
fn help_of_a_subcommand_is_dutch() {
    dutch_only(Test::new().args("start --help").run().code(0).no_panic())
        .stdout_has("Gebruik: zorgpad start [OPTIES]")
        .stdout_has("--kenmerk")
        .stdout_has("Antwoordenbestand (YAML)");
    dutch_only(Test::new().args("controleer -h").run().code(0).no_panic())
        .stdout_has("Gebruik: zorgpad controleer [--flow BESTAND]");
}

#[test]
fn version_exits_0() {
    dutch_only(Test::new().args("--versie").run().code(0))
        .stdout_has(concat!("zorgpad ", env!("CARGO_PKG_VERSION")));
}

#[test]
fn start_without_a_terminal_points_to_antwoorden() {
    // The Test builder gives no terminal (stdin is a pipe).
    let out = dutch_only(Test::new().args("start").run().code(2).no_panic())
        .stderr_has("zorgpad: fout: er is geen terminal")
        .stderr_has("zorgpad start --antwoorden antwoorden.yaml");
    assert_eq!(out.stdout, "", "no question may be asked");
}

#[test]
fn export_with_an_unknown_format_is_refused_before_any_question() {
    // The answers file does not even exist: the export is checked first, so no session starts.
    let out = dutch_only(
        Test::new()
            .args("start --export x.xyz --antwoorden weg.yaml")
            .run()
            .code(2)
            .no_panic(),
    )
    .stderr_has("zorgpad: fout: zorgpad schrijft de export niet als .xyz ('x.xyz')")
    .stderr_has("Mogelijk: .md (Markdown), .json, .html of .txt");
    assert_eq!(out.stdout, "");
    assert!(!out.stderr.contains("weg.yaml"), "{}", out.stderr);
    assert!(!out.dir.join("x.xyz").exists());

    // Also with a valid answers file: nothing is walked, nothing written.
    let out = Test::new()
        .args("start --export samenvatting.pdf")
        .answers("- alles\n- geen\n- nee\n")
        .run()
        .code(2)
        .no_panic()
        .stderr_has("zorgpad schrijft geen PDF; exporteer als HTML (--export dossier.html)")
        .stdout_lacks("SAMENVATTING");
    assert!(!out.dir.join("samenvatting.pdf").exists());
}

#[test]
fn export_into_a_missing_directory_is_refused_before_any_question() {
    let out = dutch_only(
        Test::new()
            .args("start --export nergens/s.json --antwoorden weg.yaml")
            .run()
            .code(2)
            .no_panic(),
    )
    .stderr_has("de map 'nergens' voor de export bestaat niet");
    assert_eq!(out.stdout, "");
}

#[test]
fn a_mistyped_command_suggests_the_closest_one() {
    Test::new()
        .args("strat")
        .run()
        .code(2)
        .stderr_has("onbekende opdracht 'strat'; bedoelt u 'start'?");
}

#[test]
fn an_export_format_that_contradicts_the_file_name_is_refused() {
    Test::new()
        .args("export 20261122 --formaat html -o y.md")
        .run()
        .code(2)
        .no_panic()
        .stderr_has("--formaat html past niet bij de bestandsnaam 'y.md' (die wijst op md)");
}
