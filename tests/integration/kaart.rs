//! The Sociale Kaart: `zorgpad kaart controleer` finds every planted error and gap with its
//! place, `zorgpad kaart toon` shows the right providers in the right order, and the library
//! answers a referral the same way. Never a panic, never English.

use std::collections::BTreeSet;

use crate::common::{Output, Test};
use zorgpad::flow::set::FlowSet;
use zorgpad::kaart::{self, Gap, Kaart};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/kaart");
const VOORBEELD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/sociale-kaart/voorbeeld.yaml");

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{FIXTURES}/{name}")).expect("fixture")
}

/// English that must never reach the user.
const ENGLISH: &[&str] = &[
    "error:",
    "invalid type",
    "expected",
    "missing field",
    "unknown field",
    "at line",
    "No such file",
    "panicked",
];

fn dutch_only(out: Output) -> Output {
    for text in [&out.stdout, &out.stderr] {
        for word in ENGLISH {
            assert!(!text.contains(word), "English {word:?} in:\n{text}");
        }
    }
    out.no_panic()
}

fn controleer(name: &str, text: &str) -> Output {
    Test::new()
        .file(name, text)
        .args("kaart controleer --kaart")
        .arg(name)
        .run()
}

// ---------------------------------------------------------------------------------------------
// kaart controleer

#[test]
fn the_example_map_is_complete_for_the_shipped_flow() {
    let out = dutch_only(Test::new().args("kaart controleer").run().code(0));
    assert!(
        out.stdout
            .starts_with("In orde: sociale-kaart/voorbeeld.yaml (ingebouwd)"),
        "{}",
        out.stdout
    );
    let out = dutch_only(
        Test::new()
            .args("kaart check --kaart")
            .arg(VOORBEELD)
            .run()
            .code(0)
            .stdout_has("19 aanbieders")
            .stdout_has("in elk van de 3 gemeenten"),
    );
    assert!(!out.stdout.contains("waarschuwing"), "{}", out.stdout);
    assert!(!out.stdout.contains("ONTBREEKT"), "{}", out.stdout);
}

#[test]
fn the_example_map_covers_every_known_category_in_every_gemeente() {
    let k = Kaart::load(None).unwrap();
    assert_eq!(k.gemeenten, ["Voorbeeldstad", "Havendorp", "Polderwijk"]);
    let all: Vec<String> = kaart::CATEGORIES
        .iter()
        .map(|(c, _)| c.to_string())
        .collect();
    assert_eq!(kaart::gaps(&k, &all), Vec::<Gap>::new());
    assert!(k.findings().is_empty(), "{:?}", k.findings());
    // Visibly fictitious: example.org, 010-0000… numbers, apart from Veilig Thuis.
    for p in k.all_providers() {
        for e in p.email.iter().chain(&p.website) {
            assert!(e.contains("example.org"), "{e}");
        }
        if let Some(t) = &p.phone {
            assert!(t == "0800-2000" || t.starts_with("010-0000"), "{t}");
        }
    }
}

#[test]
fn every_planted_error_is_found_with_its_line() {
    let out = dutch_only(controleer("fouten.yaml", &fixture("fouten.yaml")).code(1));
    let expected: &[(usize, &str)] = &[
        (5, "'bijgewerkt: 1 november 2026' is geen datum"),
        (
            13,
            "aanbieder nr. 2 ('Zonder id'): deze aanbieder heeft geen id",
        ),
        (
            17,
            "aanbieder 'zonder-naam': deze aanbieder heeft geen naam",
        ),
        (
            21,
            "aanbieder 'zonder-categorie': deze aanbieder heeft geen categorie",
        ),
        (
            25,
            "aanbieder 'zonder-contact': deze aanbieder heeft geen contactgegevens",
        ),
        (
            32,
            "aanbieder 'onbekende-gemeente': de gemeente 'Beedrop' staat niet in de gemeenten",
        ),
        (
            39,
            "aanbieder 'slecht-nummer': het telefoonnummer '010-12345' klopt niet",
        ),
        (
            44,
            "aanbieder 'slechte-email': het e-mailadres 'info@example' klopt niet",
        ),
        (
            49,
            "aanbieder 'slechte-website': de website 'www.example.org' klopt niet",
        ),
        (
            50,
            "aanbieder 'goed': de id 'goed' komt al eerder voor (regel 8",
        ),
        (
            58,
            "aanbieder 'te-zwaar': 'niveau: 6' ligt niet tussen 1 en 5",
        ),
        (
            63,
            "aanbieder 'verkeerd-domein': 'domein: formal' bestaat niet",
        ),
        (
            71,
            "aanbieder 'spatie in id': de id 'spatie in id' bevat een spatie",
        ),
    ];
    for (line, text) in expected {
        let lead = format!("fouten.yaml:{line}: fout: {text}");
        assert!(out.stdout.contains(&lead), "lacks {lead:?}\n{}", out.stdout);
    }
    let errors = out.stdout.matches(": fout: ").count();
    assert_eq!(errors, expected.len(), "{}", out.stdout);
    // Every finding says how to fix it (the upkeep per beheerder comes after the findings).
    let findings = out.stdout.split("\nOnderhoud: ").next().unwrap_or_default();
    assert_eq!(findings.matches("    oplossing: ").count(), errors + 1);
    // The unknown category is a warning, with the known one it resembles.
    assert!(out.stdout.contains(
        "fouten.yaml:68: waarschuwing: aanbieder 'eigen-categorie': de categorie 'kraamzorgg' is onbekend"
    ));
    assert!(out.stdout.contains("bedoelt u 'kraamzorg'?"));
    assert!(out.stdout.contains("bedoelt u 'Beedorp'?"));
    assert!(out
        .stderr
        .contains("zorgpad: fout: 13 fouten en 1 waarschuwing in fouten.yaml."));
}

#[test]
fn every_planted_gap_is_found() {
    let expected: BTreeSet<(&str, &str)> = [
        ("aandachtsfunctionaris", "Ceedorp"),
        ("ggz", "Beedorp"),
        ("ggz", "Ceedorp"),
        ("verslavingszorg", "Aadorp"),
        ("verslavingszorg", "Beedorp"),
        ("verslavingszorg", "Ceedorp"),
        ("voorzorg", "Aadorp"),
    ]
    .into();
    // The library.
    let k = Kaart::from_text("gaten.yaml", fixture("gaten.yaml"), None).unwrap();
    let check = kaart::check(&k, &FlowSet::load(None).unwrap());
    let found: BTreeSet<(&str, &str)> = check
        .gaps
        .iter()
        .map(|g| (g.category.as_str(), g.gemeente.as_deref().unwrap()))
        .collect();
    assert_eq!(found, expected);
    assert!(check.findings.is_empty(), "{:?}", check.findings);
    assert!(!check.is_ok());

    // The command: a matrix category × gemeente.
    let out = dutch_only(controleer("gaten.yaml", &fixture("gaten.yaml")).code(1));
    assert_eq!(
        out.stdout.matches("ONTBREEKT").count(),
        expected.len(),
        "{}",
        out.stdout
    );
    let row = |category: &str| {
        out.stdout
            .lines()
            .find(|l| l.contains(&format!(" {category} ")))
            .unwrap_or_else(|| panic!("no row {category}:\n{}", out.stdout))
            .split('┆')
            .map(|c| {
                c.trim_matches(|c: char| c == '│' || c.is_whitespace())
                    .to_string()
            })
            .collect::<Vec<_>>()
    };
    assert!(out.stdout.contains("Categorie"));
    assert_eq!(row("ggz"), ["ggz", "1", "ONTBREEKT", "ONTBREEKT"]);
    assert_eq!(row("voorzorg"), ["voorzorg", "ONTBREEKT", "1", "1"]);
    assert_eq!(
        row("aandachtsfunctionaris"),
        ["aandachtsfunctionaris", "1", "1", "ONTBREEKT"]
    );
    assert_eq!(row("veilig-thuis"), ["veilig-thuis", "1", "1", "1"]);
    assert!(
        out.stderr.contains("zorgpad: fout: 7 gaten in gaten.yaml."),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("Vul de gaten aan"));
}

#[test]
fn many_gemeenten_list_the_gaps_per_category() {
    // Eight gemeenten: too many columns for a matrix.
    let names: Vec<String> = (1..=8).map(|i| format!("Dorp{i}")).collect();
    let text = format!(
        "kaart:\n  naam: Groot\n  versie: \"1\"\n  gemeenten: [{}]\naanbieders:\n{}",
        names.join(", "),
        ["veilig-thuis", "aandachtsfunctionaris", "voorzorg", "ggz", "psychosociaal", "kwetsbare-zwangeren"]
            .iter()
            .map(|c| format!("  - id: {c}\n    naam: {c}\n    categorieen: [{c}]\n    niveau: 1\n    email: a@example.org\n"))
            .collect::<String>()
            + "  - id: vz\n    naam: Verslaving\n    categorieen: [verslavingszorg]\n    gemeenten: [Dorp1, Dorp2, Dorp3, Dorp4, Dorp5, Dorp6]\n    niveau: 4\n    telefoon: \"010-0000001\"\n"
    );
    let out = dutch_only(controleer("groot.yaml", &text).code(1));
    let line = out
        .stdout
        .lines()
        .find(|l| l.contains("verslavingszorg"))
        .unwrap();
    assert!(
        line.contains("Dorp7, Dorp8") && line.contains("2 van 8"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("ONTBREEKT"));
    assert!(out.stderr.contains("2 gaten"));
}

#[test]
fn a_flow_of_its_own_decides_which_categories_are_needed() {
    // A flow that refers to an own category: it is required (a gap) and not "unknown".
    let flow = "\
naam: Eigen flow
versie: \"1\"
start: V
knopen:
  - id: V
    soort: verwijzing
    titel: Verwijs
    uitleg: Naar de eigen categorie.
    categorie: doula
    volgende: E
  - id: E
    soort: einde
    titel: Klaar
    uitkomst: Klaar.
";
    let map = "\
kaart:
  naam: K
  versie: \"1\"
  gemeenten: [A, B]
aanbieders:
  - id: vt
    naam: VT
    categorieen: [veilig-thuis, aandachtsfunctionaris]
    niveau: 3
    telefoon: \"0800-2000\"
  - id: doula-a
    naam: Doula A
    categorieen: [doula]
    gemeenten: [A]
    niveau: 1
    email: doula@example.org
";
    let out = dutch_only(
        Test::new()
            .file("flow.yaml", flow)
            .file("k.yaml", map)
            .args("kaart controleer --kaart k.yaml --flow flow.yaml")
            .run()
            .code(1),
    );
    assert!(!out.stdout.contains("onbekend"), "{}", out.stdout);
    assert_eq!(out.stdout.matches("ONTBREEKT").count(), 1, "{}", out.stdout);
    assert!(out.stdout.contains("'Eigen flow'"));
    // The shipped flow does not know 'doula': a warning, and then no gaps for it.
    let out = dutch_only(
        Test::new()
            .file("k.yaml", map)
            .args("kaart controleer --kaart k.yaml")
            .run()
            .code(1),
    );
    assert!(
        out.stdout
            .contains("waarschuwing: aanbieder 'doula-a': de categorie 'doula' is onbekend"),
        "{}",
        out.stdout
    );
}

#[test]
fn warnings_alone_pass() {
    let map = fixture("gaten.yaml").replace("    niveau: 4\n", "") // ckz without niveau
        + "  - id: rest\n    naam: Rest\n    categorieen: [ggz, verslavingszorg, voorzorg, aandachtsfunctionaris, eigen]\n    niveau: 5\n    email: rest@example.org\n";
    // The entries carry no 'gecontroleerd': the upkeep is due (exit 1); the map itself is
    // in order with two warnings.
    let out = dutch_only(controleer("k.yaml", &map).code(1));
    assert!(
        out.stdout
            .contains("waarschuwing: aanbieder 'ckz': deze aanbieder heeft geen niveau"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("de categorie 'eigen' is onbekend"));
    assert!(out.stdout.contains("In orde: k.yaml"), "{}", out.stdout);
    assert!(out.stdout.contains("2 waarschuwingen (geen fouten)."));
    assert!(out.stdout.contains("\nOnderhoud: "), "{}", out.stdout);
    // With a date on every entry and no example data, warnings alone pass.
    let checked = map
        .replace("    naam: ", "    gecontroleerd: 01-11-2026\n    naam: ")
        .replace("@example.org", "@zorg.nl")
        .replace("example.org", "zorg.nl");
    let out = dutch_only(
        Test::new()
            .file("k.yaml", &checked)
            .args("kaart controleer --kaart k.yaml")
            .now("2026-11-22T09:00:00Z")
            .run()
            .code(0),
    );
    assert!(
        out.stdout.contains("2 waarschuwingen (geen fouten)."),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("Onderhoud"), "{}", out.stdout);
}

#[test]
fn unreadable_maps_exit_2_with_the_place() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "type.yaml",
            "kaart:\n  naam: x\n  versie: \"1\"\naanbieders:\n  - id: a\n    naam: A\n    categorieen: [ggz]\n    niveau: drie\n    email: a@example.org\n",
            "type.yaml:8:13: bij 'aanbieders[0].niveau': verkeerd soort waarde: de tekst \"drie\" gevonden, een heel getal verwacht",
        ),
        (
            "lijst.yaml",
            "kaart:\n  naam: x\naanbieders:\n  - id: a\n    categorieen: ggz\n",
            "lijst.yaml:5:18: bij 'aanbieders[0].categorieen': verkeerd soort waarde: de tekst \"ggz\" gevonden, een lijst verwacht",
        ),
        (
            "geen-lijst.yaml",
            "kaart:\n  naam: x\naanbieders:\n  a: b\n",
            "geen-lijst.yaml:4:3: bij 'aanbieders': verkeerd soort waarde",
        ),
        (
            "syntax.yaml",
            "kaart:\n  naam: [x\n",
            "syntax.yaml:2:9: ongeldige YAML-opbouw: een lijst tussen [ en ] is niet afgesloten",
        ),
        (
            "tekst.yaml",
            "Dit is gewoon een zin, geen kaart.\n",
            "tekst.yaml:1:1: verkeerd soort waarde",
        ),
        (
            "onbekend.yaml",
            "kaart:\n  naam: x\naanbieders:\n  - id: a\n    telefon: \"010\"\n",
            "onbekend.yaml:5:5: bij 'aanbieders[0]': onbekend veld 'telefon'",
        ),
        (
            "geen-kaart.yaml",
            "aanbieders: []\n",
            "geen-kaart.yaml:1:1: het verplichte veld 'kaart' ontbreekt",
        ),
        ("leeg.yaml", "", "leeg.yaml: het bestand is leeg"),
        ("commentaar.yaml", "# niets\n\n", "commentaar.yaml: het bestand is leeg"),
    ];
    for (name, text, message) in cases {
        let out = dutch_only(controleer(name, text).code(2));
        assert!(
            out.stderr.starts_with(&format!("zorgpad: fout: {message}")),
            "{name}:\n{}",
            out.stderr
        );
        assert!(
            out.stderr.contains("sociale-kaart/README.md"),
            "{}",
            out.stderr
        );
        assert!(out.stdout.is_empty(), "{}", out.stdout);
    }
    let out = dutch_only(controleer("lijst.yaml", cases[1].1).code(2));
    assert!(out.stderr.contains("Een lijst schrijft u als [a, b]"));
}

#[test]
fn files_that_are_no_map_exit_2() {
    dutch_only(
        Test::new()
            .args("kaart controleer --kaart bestaat-niet.yaml")
            .run()
            .code(2)
            .stderr_has(
                "kan de sociale kaart 'bestaat-niet.yaml' niet lezen: het bestand bestaat niet",
            ),
    );
    dutch_only(
        Test::new()
            .file("bin.yaml", [0u8, 159, 146, 150])
            .args("kaart controleer --kaart bin.yaml")
            .run()
            .code(2)
            .stderr_has("'bin.yaml' is geen tekstbestand"),
    );
    dutch_only(
        Test::new()
            .file("kaart.xlsx", "PK")
            .args("kaart controleer --kaart kaart.xlsx")
            .run()
            .code(2)
            .stderr_has("'kaart.xlsx' is een spreadsheet (.xlsx)")
            .stderr_has("zorgpad kaart importeer kaart.xlsx -o kaart.yaml"),
    );
    dutch_only(
        Test::new()
            .args("kaart controleer --kaart .")
            .run()
            .code(2)
            .stderr_has("dit is een map, geen bestand"),
    );
    // A broken flow is an input error too.
    dutch_only(
        Test::new()
            .file("flow.yaml", "naam: [x\n")
            .args("kaart controleer --flow flow.yaml")
            .run()
            .code(2)
            .stderr_has("flow.yaml:1:7"),
    );
}

#[test]
fn a_map_without_providers_or_gemeenten_is_reported() {
    let out = dutch_only(controleer("k.yaml", "kaart:\n  naam: K\n").code(1));
    assert!(
        out.stdout
            .contains("k.yaml:1: fout: de kaart heeft geen versie"),
        "{}",
        out.stdout
    );
    assert!(out
        .stdout
        .contains("waarschuwing: de kaart noemt geen gemeenten"));
    assert!(out
        .stdout
        .contains("k.yaml: fout: de kaart heeft geen aanbieders"));
    // Without gemeenten the region as a whole is checked: every required category is a gap.
    let rows = out
        .stdout
        .lines()
        .filter(|l| l.starts_with('│') && l.contains("de hele regio"))
        .count();
    assert_eq!(rows, 7, "{}", out.stdout);
}

#[test]
fn usage_errors_of_the_kaart_commands() {
    dutch_only(
        Test::new()
            .args("kaart")
            .run()
            .code(2)
            .stderr_has("geef een opdracht voor de kaart: controleer, toon, importeer of sjabloon"),
    );
    dutch_only(
        Test::new()
            .args("kaart bekijk")
            .run()
            .code(2)
            .stderr_has("onbekende opdracht 'bekijk'"),
    );
    dutch_only(
        Test::new()
            .args("kaart toon --kleur")
            .run()
            .code(2)
            .stderr_has("onbekende optie '--kleur'"),
    );
    let help = Test::new().args("kaart --help").run().code(0);
    assert!(help.stdout.contains("controleer") && help.stdout.contains("importeer"));
    assert!(help.stdout.contains("sociale-kaart/README.md"));
}

// ---------------------------------------------------------------------------------------------
// kaart toon and the library lookups

/// The providers in `text`: the niveau and the text of the second column (the name, werkgebied
/// and id), in order — from the table, or from the list that replaces a table too wide to
/// show without breaking a word ("• Niveau: 1" and "  Aanbieder: … · … · id: …").
fn shown(text: &str) -> Vec<(String, String)> {
    let mut rows: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if let Some(level) = line.strip_prefix("• Niveau: ") {
            rows.push((level.trim().to_string(), String::new()));
        } else if let Some(provider) = line.strip_prefix("  Aanbieder: ") {
            if let Some(last) = rows.last_mut() {
                last.1 = provider.replace(" · ", " ");
            }
        } else if line.starts_with('│') {
            let cells: Vec<String> = line
                .split('┆')
                .map(|c| {
                    c.trim_matches(|c: char| c == '│' || c.is_whitespace())
                        .to_string()
                })
                .collect();
            if cells[0] == "Niveau" {
                continue;
            }
            match rows.last_mut() {
                Some(last) if cells[0].is_empty() => {
                    last.1.push(' ');
                    last.1.push_str(&cells[1]);
                }
                _ => rows.push((cells[0].clone(), cells[1].clone())),
            }
        }
    }
    rows
}

#[test]
fn show_for_a_gemeente_has_its_own_and_the_region_wide_providers_light_to_heavy() {
    let out = dutch_only(
        Test::new()
            .args("kaart toon --categorie psychosociaal --gemeente havendorp")
            .run()
            .code(0),
    );
    assert!(out
        .stdout
        .contains("Gemeente: Havendorp (met de aanbieders voor de hele regio)"));
    assert!(out.stdout.contains("psychosociaal — "));
    let rows = shown(&out.stdout);
    let expected = [
        ("1", "Buurtmoeders Voorbeeldregio hele regio"),
        ("2", "Sociaal Team Havendorp Havendorp"),
        ("3", "Schuldhulp Voorbeeldregio hele regio"),
    ];
    assert_eq!(rows.len(), expected.len(), "{}", out.stdout);
    for ((niveau, text), (want_niveau, want)) in rows.iter().zip(expected) {
        assert_eq!(niveau, want_niveau, "{}", out.stdout);
        assert!(
            text.starts_with(want),
            "{text:?} is not {want:?}\n{}",
            out.stdout
        );
    }
    // Not another gemeente's.
    for other in ["Wijkteam Voorbeeldstad", "Buurtteam Polderwijk"] {
        assert!(!out.stdout.contains(other), "{other}:\n{}", out.stdout);
    }
    // Domein, contact and how to refer are shown.
    assert!(out.stdout.contains("informeel") && out.stdout.contains("formeel"));
    assert!(out.stdout.contains("010-0000503"));
    assert!(out.stdout.contains("Aanmelden:"));
    assert!(out.stdout.contains("hele regio"));
    // Fixed width when not a terminal; a table that would break a word is a list instead.
    for line in out.stdout.lines().filter(|l| l.starts_with('┌')) {
        assert!(line.chars().count() <= 100, "{line}");
    }
    assert!(
        out.stdout.contains("sociaalteam-havendorp@example.org"),
        "{}",
        out.stdout
    );
}

#[test]
fn show_all_categories_without_options() {
    let out = dutch_only(Test::new().args("kaart show").run().code(0));
    for (c, _) in kaart::CATEGORIES {
        assert!(
            out.stdout.contains(&format!("\n{c} — ")),
            "{c}:\n{}",
            out.stdout
        );
    }
    assert!(out
        .stdout
        .contains("Sociale Kaart VSV Voorbeeld (versie 2026.1, bijgewerkt 2026-11-01)"));
    assert!(
        out.stdout.contains("Wijkteam Voorbeeldstad")
            && out.stdout.contains("Buurtteam Polderwijk")
    );
}

#[test]
fn show_refuses_an_unknown_gemeente_or_category() {
    dutch_only(
        Test::new()
            .args("kaart toon --gemeente Havendrop")
            .run()
            .code(2)
            .stderr_has("de gemeente 'Havendrop' staat niet op de kaart")
            .stderr_has("bedoelt u 'Havendorp'?"),
    );
    dutch_only(
        Test::new()
            .args("kaart toon --categorie gzz")
            .run()
            .code(2)
            .stderr_has("de categorie 'gzz' komt niet voor op de kaart")
            .stderr_has("bedoelt u 'ggz'?"),
    );
}

#[test]
fn show_with_a_gap_says_so_and_warns_about_errors() {
    let out = dutch_only(
        Test::new()
            .file("fouten.yaml", fixture("fouten.yaml"))
            .args("kaart toon --kaart fouten.yaml --categorie voorzorg --gemeente Beedorp")
            .run()
            .code(0),
    );
    assert!(
        out.stderr.contains("let op: de kaart bevat 13 fouten"),
        "{}",
        out.stderr
    );
    let out = dutch_only(
        Test::new()
            .file("gaten.yaml", fixture("gaten.yaml"))
            .args("kaart toon --kaart gaten.yaml --categorie ggz --gemeente Ceedorp")
            .run()
            .code(0),
    );
    assert!(
        out.stdout.contains("Geen aanbieders voor Ceedorp."),
        "{}",
        out.stdout
    );
}

#[test]
fn providers_are_resolved_light_to_heavy_with_region_wide_ones() {
    let text = "\
kaart:
  naam: K
  versie: \"1\"
  gemeenten: [A, B]
aanbieders:
  - id: zwaar-regio
    naam: Zwaar
    categorieen: [ggz]
    niveau: 5
    email: a@example.org
  - id: licht-a
    naam: Licht A
    categorieen: [ggz, psychosociaal]
    gemeenten: [A]
    niveau: 1
    email: b@example.org
  - id: b-midden
    naam: Midden B
    categorieen: [ggz]
    gemeenten: [B]
    niveau: 3
    email: c@example.org
  - id: zonder-niveau
    naam: Aaa zonder niveau
    categorieen: [ggz]
    email: d@example.org
  - id: midden-regio-b
    naam: Bbb midden
    categorieen: [ggz]
    niveau: 3
    email: e@example.org
  - id: midden-regio-a
    naam: Aaa midden
    categorieen: [ggz]
    niveau: 3
    email: f@example.org
";
    let k = Kaart::from_text("k.yaml", text.to_string(), None).unwrap();
    let ids = |g: Option<&str>| -> Vec<String> {
        k.providers_for("ggz", g)
            .iter()
            .map(|p| p.id.clone())
            .collect()
    };
    assert_eq!(
        ids(Some("A")),
        [
            "licht-a",
            "midden-regio-a",
            "midden-regio-b",
            "zwaar-regio",
            "zonder-niveau"
        ]
    );
    assert_eq!(
        ids(Some("b")),
        [
            "midden-regio-a",
            "midden-regio-b",
            "b-midden",
            "zwaar-regio",
            "zonder-niveau"
        ]
    );
    assert_eq!(ids(None).len(), 6);
    assert_eq!(k.providers_for("psychosociaal", Some("B")).len(), 0);
    assert_eq!(k.providers_for("bestaat-niet", Some("A")).len(), 0);
    assert_eq!(k.provider("b-midden").unwrap().name, "Midden B");
    assert!(k.provider("x").is_none());
    assert_eq!(k.gemeente(" a "), Some("A"));
    assert_eq!(k.categories(), ["ggz", "psychosociaal"]);
    let p = k.provider("licht-a").unwrap();
    assert!(p.serves("a") && !p.serves("B"));
    assert!(k.provider("zwaar-regio").unwrap().serves("B"));
}

#[test]
fn the_fingerprint_names_the_map_and_hashes_its_text() {
    let a = Kaart::load(None).unwrap().fingerprint();
    assert_eq!(a.naam, "Sociale Kaart VSV Voorbeeld");
    assert_eq!(a.versie, "2026.1");
    assert_eq!(a.sha256.len(), 64);
    assert_eq!(a.bestand, None);
    let text = fixture("gaten.yaml");
    let b = Kaart::from_text("g", text.clone(), None)
        .unwrap()
        .fingerprint();
    let c = Kaart::from_text("g", text + "\n# ander\n", None)
        .unwrap()
        .fingerprint();
    assert_ne!(b.sha256, c.sha256);
    let d = Kaart::load(Some(std::path::Path::new(&format!(
        "{FIXTURES}/gaten.yaml"
    ))))
    .unwrap();
    assert!(d
        .fingerprint()
        .bestand
        .unwrap()
        .ends_with("tests/fixtures/kaart/gaten.yaml"));
    assert!(!d.is_embedded());
}

#[test]
fn required_categories_are_the_flows_referrals_and_the_meldcode() {
    let required = kaart::required_categories(&FlowSet::load(None).unwrap());
    let set: BTreeSet<&str> = required.iter().map(String::as_str).collect();
    assert_eq!(
        set,
        [
            "voorzorg",
            "ggz",
            "psychosociaal",
            "verslavingszorg",
            "kwetsbare-zwangeren",
            "veilig-thuis",
            "aandachtsfunctionaris"
        ]
        .into()
    );
}

/// The headers of `kaart toon` are Dutch, and no address, phone number or e-mail address is
/// cut in two, whatever the width.
#[test]
fn show_keeps_every_word_whole_and_dutch() {
    let out = Test::new().args("kaart toon").run().code(0);
    assert!(!out.stdout.contains("Provider"), "{}", out.stdout);
    for whole in [
        "buurtmoeders@example.org",
        "sociaalteam-havendorp@example.org",
        "https://example.org/schuldhulp",
        "010-0000503",
    ] {
        assert!(
            out.stdout.contains(whole),
            "{whole} is not shown whole:\n{}",
            out.stdout
        );
    }
}
