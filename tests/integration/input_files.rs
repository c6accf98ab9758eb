//! Unreadable input files, for `--flow` and for `--antwoorden`: exit 2 and a Dutch message that
//! names the file (and, for YAML, line and column) and says what to do. Never a panic, never
//! the parser's English.

use crate::common::{Output, Test};

/// A valid flow, so that the answers file is what fails.
const ANSWER_FLOW: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/antwoorden-flow.yaml"
);

/// A valid flow to break in one place.
const FLOW: &str = "\
naam: Kleine flow
versie: \"1\"
start: A
knopen:
  - id: A
    soort: beslissing
    stap: 1
    titel: Keuze
    uitleg: Een keuze.
    vraag: Ja of nee?
    opties:
      - id: ja
        label: Ja
        naar: E
      - id: nee
        label: Nee
        naar: E
  - id: E
    soort: einde
    titel: Klaar
    uitkomst: Klaar.
";

/// English that must never reach the user: serde, the YAML scanner, std::io, clap.
const ENGLISH: &[&str] = &[
    "error:",
    "invalid type",
    "invalid value",
    "expected",
    "found",
    "missing field",
    "unknown field",
    "at line",
    "No such file",
    "Is a directory",
    "stream did not contain valid UTF-8",
    "while parsing",
];

fn dutch_only(out: Output) -> Output {
    for text in [&out.stdout, &out.stderr] {
        for word in ENGLISH {
            assert!(!text.contains(word), "English {word:?} in:\n{text}");
        }
    }
    out
}

/// `controleer --flow flow.yaml` with this content: exit 2, the message on stderr.
fn flow_file(contents: impl AsRef<[u8]>) -> Output {
    dutch_only(
        Test::new()
            .file("flow.yaml", contents)
            .args("controleer --flow flow.yaml")
            .run()
            .code(2)
            .no_panic(),
    )
    .stdout_lacks("In orde")
}

/// `start --flow <valid> --antwoorden antwoorden.yaml` with this content: exit 2.
fn answers_file(contents: impl AsRef<[u8]>) -> Output {
    dutch_only(
        Test::new()
            .args("start --export s.json --flow")
            .arg(ANSWER_FLOW)
            .file("antwoorden.yaml", contents)
            .args("--antwoorden antwoorden.yaml")
            .run()
            .code(2)
            .no_panic(),
    )
    .stdout_lacks("SAMENVATTING")
}

// --- The flow file -------------------------------------------------------------------------

#[test]
fn flow_file_missing() {
    dutch_only(
        Test::new()
            .args("controleer --flow weg.yaml")
            .run()
            .code(2)
            .no_panic(),
    )
    .stderr_has(
        "zorgpad: fout: kan het flowbestand 'weg.yaml' niet lezen: het bestand bestaat niet",
    )
    .stderr_has("Controleer de naam en de map");
}

#[test]
fn flow_file_missing_also_for_start() {
    dutch_only(
        Test::new()
            .args("start --flow weg.yaml")
            .answers("- ja\n")
            .run()
            .code(2)
            .no_panic(),
    )
    .stderr_has("kan het flowbestand 'weg.yaml' niet lezen: het bestand bestaat niet");
}

#[test]
fn flow_file_empty() {
    flow_file("")
        .stderr_has("zorgpad: fout: flow.yaml: het bestand is leeg")
        .stderr_has("De opbouw staat in flows/README.md");
}

#[test]
fn flow_file_with_only_comments() {
    flow_file("# nog niets\n\n   # echt niets\n").stderr_has("flow.yaml: het bestand is leeg");
}

#[test]
fn flow_file_that_is_not_yaml() {
    // The unclosed '[' is what is wrong, at its place; not "a list where text was expected".
    flow_file("naam: [x\n")
        .stderr_has("zorgpad: fout: flow.yaml:1:7: ongeldige YAML-opbouw: een lijst tussen [ en ] is niet afgesloten: ',' of ']' ontbreekt")
        .stderr_has("controleer het met 'zorgpad controleer --flow BESTAND'");
}

#[test]
fn flow_file_with_an_unclosed_quote() {
    // The place is the quote that is not closed, not the end of the file.
    flow_file(FLOW.replace("titel: Keuze", "titel: \"Keuze")).stderr_has(
        "flow.yaml:8:12: ongeldige YAML-opbouw: dit aanhalingsteken wordt niet gesloten",
    );
}

#[test]
fn flow_file_with_a_tab_in_the_indentation() {
    flow_file(FLOW.replace("    titel: Keuze", "\ttitel: Keuze")).stderr_has(
        "flow.yaml:8:1: ongeldige YAML-opbouw: een tab in de inspringing; gebruik spaties",
    );
}

#[test]
fn flow_file_with_text_where_a_number_belongs() {
    flow_file(FLOW.replace("stap: 1", "stap: twee")).stderr_has(
        "flow.yaml:7:11: bij 'knopen[0].stap': verkeerd soort waarde: de tekst \"twee\" gevonden, een heel getal",
    );
}

#[test]
fn flow_file_with_a_number_too_large_for_a_step() {
    flow_file(FLOW.replace("stap: 1", "stap: 300")).stderr_has(
        "flow.yaml:7:11: bij 'knopen[0].stap': ongeldige waarde: het getal 300 gevonden, een heel getal van 0 tot en met 255 verwacht",
    );
}

#[test]
fn flow_file_with_a_number_where_the_nodes_belong() {
    flow_file("naam: x\nversie: \"1\"\nstart: A\nknopen: 3\n").stderr_has(
        "flow.yaml:4:9: bij 'knopen': verkeerd soort waarde: het getal 3 gevonden, een lijst verwacht",
    );
}

#[test]
fn flow_file_that_is_a_list() {
    flow_file("- a\n- b\n").stderr_has(
        "flow.yaml:1:1: verkeerd soort waarde: een lijst gevonden, velden (naam: waarde) verwacht",
    );
}

#[test]
fn flow_file_missing_a_required_field() {
    flow_file(FLOW.replace("start: A\n", ""))
        .stderr_has("flow.yaml:1:1: het verplichte veld 'start' ontbreekt");
}

#[test]
fn flow_file_with_an_unknown_kind() {
    flow_file(FLOW.replace("soort: beslissing", "soort: vraag")).stderr_has(
        "flow.yaml:6:12: bij 'knopen[0].soort': onbekende waarde 'vraag'; kies uit: 'info', 'actie', 'beslissing'",
    );
}

#[test]
fn flow_file_with_a_field_twice() {
    flow_file(FLOW.replace("versie: \"1\"\n", "versie: \"1\"\nversie: \"2\"\n"))
        .stderr_has("flow.yaml:")
        .stderr_has("het veld 'versie' staat er twee keer");
}

#[test]
fn flow_file_with_binary_data() {
    flow_file(b"naam: x\n\x00\x01\x02\xff\x00")
        .stderr_has("zorgpad: fout: 'flow.yaml' is geen tekstbestand: het bevat binaire gegevens")
        .stderr_has("Geef een YAML-bestand als het flowbestand.");
}

#[test]
fn flow_file_with_invalid_utf8() {
    flow_file(b"naam: caf\xe9\nversie: \"1\"\n")
        .stderr_has("zorgpad: fout: 'flow.yaml' is geen geldig tekstbestand (UTF-8): onleesbaar teken na 9 bytes")
        .stderr_has("Sla het bestand op als UTF-8 tekst.");
}

#[test]
fn flow_file_that_is_a_directory() {
    dutch_only(
        Test::new()
            .file("map.yaml/iets.txt", "x")
            .args("controleer --flow map.yaml")
            .run()
            .code(2)
            .no_panic(),
    )
    .stderr_has("kan het flowbestand 'map.yaml' niet lezen: dit is een map, geen bestand")
    .stderr_has("Geef het pad naar een bestand in die map");
}

#[test]
fn flow_file_with_a_misspelt_field_names_the_line_and_the_right_fields() {
    flow_file(FLOW.replace("  - id: E\n    soort:", "  - id: E\n    soortt:"))
        .stderr_has("zorgpad: fout: flow.yaml:19:5: bij 'knopen[1]': onbekend veld 'soortt'; toegestaan zijn: 'id', 'soort',");
}

#[test]
fn flow_file_with_a_misspelt_top_level_field() {
    flow_file(FLOW.replace("versie:", "versei:"))
        .stderr_has("flow.yaml:2:1: onbekend veld 'versei'; toegestaan zijn: 'naam', 'versie',");
}

// --- The answers file ----------------------------------------------------------------------

#[test]
fn answers_file_missing() {
    dutch_only(
        Test::new()
            .args("start --flow")
            .arg(ANSWER_FLOW)
            .args("--antwoorden weg.yaml")
            .run()
            .code(2)
            .no_panic(),
    )
    .stderr_has(
        "zorgpad: fout: kan het antwoordenbestand 'weg.yaml' niet lezen: het bestand bestaat niet",
    )
    .stderr_has("Controleer de naam en de map");
}

#[test]
fn answers_file_empty() {
    answers_file("")
        .stderr_has("zorgpad: fout: antwoorden.yaml: het bestand is leeg")
        .stderr_has("De vorm van een antwoordenbestand staat in README.md");
}

#[test]
fn answers_file_with_only_comments() {
    answers_file("# de antwoorden komen later\n")
        .stderr_has("antwoorden.yaml: het bestand is leeg");
}

#[test]
fn answers_file_that_is_not_yaml() {
    answers_file("- alles\n- [x\n").stderr_has(
        "zorgpad: fout: antwoorden.yaml:2:3: ongeldige YAML-opbouw: een lijst tussen [ en ] is niet afgesloten",
    );
}

#[test]
fn answers_file_with_a_stray_colon() {
    answers_file("- alles\n- keuze: a: b\n")
        .stderr_has("antwoorden.yaml:2:")
        .stderr_has("ongeldige YAML-opbouw: een dubbele punt staat waar hij niet mag");
}

#[test]
fn answers_file_that_is_not_a_list() {
    answers_file("stap: twee\n")
        .stderr_has("zorgpad: fout: antwoorden.yaml: het antwoordenbestand moet een lijst zijn, met één antwoord per vraag");
}

#[test]
fn answers_file_that_is_a_number() {
    answers_file("3\n").stderr_has("antwoorden.yaml: het antwoordenbestand moet een lijst zijn");
}

#[test]
fn answers_file_with_a_list_where_one_choice_belongs() {
    answers_file("- alles\n- [psychosociaal, middelen]\n")
        .stderr_has("antwoorden.yaml: antwoord 2 (regel 2) past niet bij vraag 2 (G, stap 2): een keuze is één tekst")
        .stderr_has("antwoord: [psychosociaal, middelen]");
}

#[test]
fn answers_file_with_binary_data() {
    answers_file(b"- alles\n\x00\x00\x07")
        .stderr_has(
            "zorgpad: fout: 'antwoorden.yaml' is geen tekstbestand: het bevat binaire gegevens",
        )
        .stderr_has("Geef een YAML-bestand als het antwoordenbestand.");
}

#[test]
fn answers_file_with_invalid_utf8() {
    answers_file(b"- alles\n- caf\xe9\n")
        .stderr_has("zorgpad: fout: 'antwoorden.yaml' is geen geldig tekstbestand (UTF-8)")
        .stderr_has("Sla het bestand op als UTF-8 tekst.");
}

#[test]
fn answers_file_that_is_a_directory() {
    dutch_only(
        Test::new()
            .file("antwoorden/1.yaml", "- alles\n")
            .args("start --flow")
            .arg(ANSWER_FLOW)
            .args("--antwoorden antwoorden")
            .run()
            .code(2)
            .no_panic(),
    )
    .stderr_has("kan het antwoordenbestand 'antwoorden' niet lezen: dit is een map, geen bestand");
}

#[test]
fn answers_file_with_a_misspelt_field_names_the_line() {
    answers_file("- alles\n- keuze: middelen\n  toelichtng: alcohol\n")
        .stderr_has("antwoorden.yaml: antwoord 2 (regel 2) past niet bij vraag 2 (G, stap 2): onbekend veld 'toelichtng'; toegestaan zijn: 'keuze', 'toelichting'");
}

#[test]
fn answers_file_with_a_misspelt_checklist_field() {
    answers_file("- gedaan: [intake]\n  nvtt: [dossier]\n- middelen\n- ja\n")
        .stderr_has("antwoord 1 (regel 1) past niet bij vraag 1 (C, stap 1): onbekend veld 'nvtt'; toegestaan zijn: 'gedaan', 'nvt', 'notitie'");
}

#[test]
fn answers_file_with_a_key_twice() {
    answers_file("- alles\n- {keuze: middelen, keuze: psychosociaal}\n")
        .stderr_has("antwoorden.yaml:2:")
        .stderr_has("het veld 'keuze' staat er twee keer");
}

#[test]
fn a_utf16_file_is_named_as_such() {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "naam: x\n".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    Test::new()
        .file("u16.yaml", bytes)
        .args("controleer --flow u16.yaml")
        .run()
        .code(2)
        .no_panic()
        .stderr_has("'u16.yaml' is opgeslagen als UTF-16")
        .stderr_has("Sla het bestand opnieuw op als UTF-8");
}

#[test]
fn an_answers_file_that_fails_at_once_leaves_no_session() {
    let out = Test::new().args("start").answers("- onzin\n").run().code(2);
    assert!(!out.stderr.contains("staan in sessie"), "{}", out.stderr);
    let data = out.dir.join("data");
    let files = std::fs::read_dir(&data).map(|d| d.count()).unwrap_or(0);
    assert_eq!(files, 0, "no session file for a session without answers");
}
