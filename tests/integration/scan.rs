//! The VSV cooperation scan: the embedded matrix against seed 003, filling in with an answers
//! file, the group report of a training group of twelve (distributions, medians, spread, next
//! steps, per discipline) in the terminal, Markdown (golden file) and HTML, another
//! questionnaire without code changes, and bad input.
//!
//! The golden report is compared as every golden file is (`golden_file.rs`).

use crate::common::{squash as no_space, Output, Test, Workspace};
use crate::golden_file;

/// Messages are wrapped to the width of the terminal: compare without white space.
trait Wrapped {
    fn stderr_has_wrapped(self, text: &str) -> Self;
}

impl Wrapped for Output {
    fn stderr_has_wrapped(self, text: &str) -> Output {
        assert!(
            no_space(&self.stderr).contains(&no_space(text)),
            "stderr lacks {text:?}\n--- stderr:\n{}",
            self.stderr
        );
        self
    }
}
use zorgpad::scan::questionnaire::Questionnaire;

// --- the matrix --------------------------------------------------------------------------

const TITLES: [(&str, &str); 9] = [
    ("visie", "Visie"),
    ("dossiers", "Dossiers en gegevensuitwisseling"),
    ("samenstelling", "Samenstelling en bestuur"),
    ("werkafspraken", "Werkafspraken en protocollen"),
    ("nascholing", "Nascholing"),
    ("geboorteplan", "Geboorteplan en zorgpaden"),
    ("resultaten", "Afspraken over resultaten"),
    ("voorlichting", "Voorlichting aan cliënten"),
    ("audits", "Audits"),
];

#[test]
fn the_matrix_holds_nine_aspects_with_four_descriptions_each() {
    let q = Questionnaire::load(None).expect("the embedded matrix");
    assert_eq!(q.levels.len(), 4);
    assert!(q.levels[0].starts_with("Niveau 1"), "{:?}", q.levels);
    assert!(q.levels[3].starts_with("Niveau 4"), "{:?}", q.levels);
    let got: Vec<(&str, &str)> = q
        .items
        .iter()
        .map(|i| (i.id.as_str(), i.title.as_str()))
        .collect();
    assert_eq!(got, TITLES);
    for item in &q.items {
        assert_eq!(item.levels.len(), 4, "{}", item.id);
        for d in &item.levels {
            assert!(d.len() > 30, "{}: {d:?}", item.id);
            assert!(!d.contains("  "), "{}: double space in {d:?}", item.id);
        }
        // Four different descriptions per aspect.
        let mut unique = item.levels.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 4, "{}", item.id);
    }
    // Word for word, hard-coded.
    let level = |id: &str, n: usize| q.item(id).expect(id).levels[n - 1].clone();
    assert_eq!(
        level("visie", 4),
        "Het VSV heeft één gezamenlijke visie en deze wordt gezamenlijk en eenduidig uitgedragen."
    );
    assert_eq!(
        level("dossiers", 4),
        "Digitale gegevensuitwisseling en overdracht van gegevens tussen alle ketenpartners vindt plaats via PWD."
    );
    assert_eq!(
        level("werkafspraken", 1),
        "Er wordt alleen gebruik gemaakt van monodisciplinaire richtlijnen en protocollen Er zijn geen gezamenlijke protocollen."
    );
    assert_eq!(
        level("nascholing", 4),
        "Nascholing m.b.t. spoedeisende handelingen wordt verplicht regelmatig gezamenlijk gevolgd als vast onderdeel van een gemeenschappelijk beleid."
    );
    assert_eq!(
        level("geboorteplan", 1),
        "Er wordt niet of nauwelijks gebruikt gemaakt van individuele geboorteplannen en van zorgpaden."
    );
    assert_eq!(
        level("audits", 2),
        "Audit besprekingen worden door alle professionals bijgewoond."
    );
    assert_eq!(
        level("samenstelling", 3),
        "Alle ketenpartners* maken onderdeel uit van het VSV. Het bestuur bestaat uit minimaal verloskundigen en gynaecologen.\n* verloskundigen (eerstelijns- en klinisch), gynaecologen, O&G verpleegkundigen, kraamzorg"
    );
    // The three paragraphs of client information, the last one across the PDF's page break.
    let v4 = level("voorlichting", 4);
    assert_eq!(v4.lines().count(), 3, "{v4}");
    assert!(
        v4.ends_with("De inhoud van de individuele preconceptiezorgconsulten is conform de multidisciplinair ontwikkelde preconceptie indicatielijst (PIL). De bevindingen naar aanleiding van het individueel preconceptiezorgconsult worden in overleg met de cliënt door de diverse disciplines uitgewisseld."),
        "{v4}"
    );
}

/// Text without white space and hyphens: the seed's PDF lines are broken anywhere, sometimes
/// inside a word with a hyphen ("publieks-\nvoorlichting").
fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect()
}

/// Seed 003, the cooperation scan as text from its PDF, kept in the repository.
fn seed_003() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed-003.txt");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_description_is_word_for_word_in_seed_003() {
    let seed = seed_003();
    // Take out what the PDF put between the two halves of the last cell: the page's footer
    // and link targets.
    let mut text = String::new();
    let mut skipping = false;
    for line in seed.lines() {
        if line.starts_with("Voor ondersteuning bij samenwerking") {
            skipping = true;
        }
        if skipping && line.contains("deze instrumenten verzameld") {
            skipping = false;
            continue;
        }
        if skipping || line.starts_with("http://") {
            continue;
        }
        text.push_str(line);
        text.push('\n');
    }
    let seed = squash(&text);
    let q = Questionnaire::load(None).expect("the embedded matrix");
    let mut checked = 0;
    for item in &q.items {
        assert!(seed.contains(&squash(&item.title)), "title {}", item.title);
        for (n, d) in item.levels.iter().enumerate() {
            for para in d.lines() {
                assert!(
                    seed.contains(&squash(para)),
                    "{} level {}: not word for word in seed 003:\n{para}",
                    item.id,
                    n + 1
                );
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 36);
    // And the check can fail: a changed word is not in the seed.
    assert!(!seed.contains(&squash(
        "Het VSV heeft één gezamenlijke visie en deze wordt gezamenlijk en krachtig uitgedragen."
    )));
}

// --- filling in --------------------------------------------------------------------------

/// The levels of the twelve members of a training group (rows) per aspect (columns, in the
/// order of the matrix); 0 is "weet niet".
const GROUP: [[u8; 9]; 12] = [
    // visie dossiers samenst werkafspr nascho geboort result voorl audits
    [2, 1, 1, 4, 0, 1, 2, 1, 3],
    [2, 1, 1, 4, 0, 1, 2, 2, 3],
    [2, 1, 2, 4, 0, 1, 2, 2, 3],
    [2, 1, 2, 4, 3, 1, 2, 2, 3],
    [2, 1, 2, 4, 3, 2, 2, 2, 3],
    [2, 1, 3, 4, 3, 2, 2, 2, 3],
    [2, 2, 3, 4, 3, 2, 3, 2, 3],
    [2, 2, 3, 4, 3, 2, 3, 2, 3],
    [2, 2, 3, 4, 3, 3, 3, 2, 3],
    [2, 2, 4, 4, 3, 3, 3, 2, 3],
    [2, 2, 4, 4, 3, 3, 3, 2, 4],
    [2, 2, 4, 4, 3, 3, 3, 2, 4],
];

const DISCIPLINE: [Option<&str>; 12] = [
    Some("verloskundige"),
    Some("Verloskundige"),
    Some("verlos"),
    Some("verloskundige"),
    Some("verloskundige"),
    Some("gynaecoloog"),
    Some("gynaecoloog"),
    Some("gyn"),
    Some("kraamzorg"),
    Some("kraamzorg"),
    Some("O&G-verpleegkundige"),
    None,
];

/// The answers file of member `m`, in the different forms the format allows.
fn answers(m: usize) -> String {
    let mut y = String::new();
    if let Some(d) = DISCIPLINE[m] {
        y.push_str(&format!("- discipline: \"{d}\"\n"));
    }
    for (a, &level) in GROUP[m].iter().enumerate() {
        let line = match (level, m % 4, a) {
            (0, _, _) => "weet niet".to_string(),
            (l, _, 2) if m == 0 => {
                format!("{{niveau: {l}, notitie: \"Bestuur alleen vk & gyn | nog\"}}")
            }
            (l, _, 5) if m == 3 => format!("{{niveau: {l}, notitie: \"Zorgpaden <concept>\"}}"),
            (l, _, 5) if m == 9 => format!("{{niveau: {l}, notitie: \"Alleen op papier\"}}"),
            (l, 0, _) => l.to_string(),
            (l, 1, _) => format!("\"{l}\""),
            (l, 2, _) => format!("niveau {l}"),
            (l, _, _) => format!("{{niveau: {l}}}"),
        };
        y.push_str(&format!("- {line}\n"));
    }
    y
}

/// Twelve members fill in the scan into `scans/`.
pub(crate) fn training_group(ws: &Workspace) {
    for m in 0..12 {
        ws.write(&format!("antwoorden-{m}.yaml"), answers(m));
        ws.cmd(&format!(
            "scan --antwoorden antwoorden-{m}.yaml --map scans"
        ))
        .run()
        .code(0)
        .no_panic()
        .stderr_has_wrapped("Scan opgeslagen in scans/scan-20261122-0900-");
    }
    let files = std::fs::read_dir(ws.path().join("scans"))
        .expect("scans")
        .count();
    assert_eq!(files, 12);
}

#[test]
fn a_member_fills_in_the_scan_from_a_file_saved_private() {
    let out = Test::new()
        .file(
            "a.yaml",
            "- discipline: kraam\n- 1\n- niveau 2\n- {niveau: 3, notitie: Vooral vk en gyn}\n- 4\n- weet niet\n- \"2\"\n- niveau 4 —\n- 1\n- {niveau: Niveau 2}\n",
        )
        .args("scan --antwoorden a.yaml -o mijn-scan.json")
        .run()
        .code(0)
        .no_panic()
        .stdout_has("Discipline: Kraamzorg")
        .stderr_has_wrapped("Scan opgeslagen in mijn-scan.json");
    let json: serde_json::Value = serde_json::from_str(&out.read("mijn-scan.json")).expect("JSON");
    assert_eq!(json["schema"], "zorgpad.scan/1");
    assert_eq!(json["vragenlijst"]["id"], "vsv-samenwerking");
    assert_eq!(json["datum"], "2026-11-22");
    assert_eq!(json["discipline"], "kraamzorg");
    let levels: Vec<serde_json::Value> = json["antwoorden"]
        .as_array()
        .expect("antwoorden")
        .iter()
        .map(|a| a["niveau"].clone())
        .collect();
    assert_eq!(
        levels,
        serde_json::json!([1, 2, 3, 4, null, 2, 4, 1, 2])
            .as_array()
            .expect("array")
            .clone()
    );
    assert_eq!(json["antwoorden"][2]["notitie"], "Vooral vk en gyn");
    assert_eq!(json["antwoorden"][2]["onderdeel"], "samenstelling");
    // Nothing that names the member or the moment.
    let text = out.read("mijn-scan.json");
    assert!(!text.contains("09:00"), "{text}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(out.dir.join("mijn-scan.json"))
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn bad_answers_name_the_file_line_aspect_and_the_choices() {
    Test::new()
        .file("a.yaml", "- 2\n- 2\n- 7\n")
        .args("scan --antwoorden a.yaml --map scans")
        .run()
        .code(2)
        .no_panic()
        .stderr_has_wrapped("a.yaml:3: antwoord 3 (aspect 'Samenstelling en bestuur'): 7 is geen niveau; kies 1 t/m 4")
        .stderr_has_wrapped("'Niveau 1 — beperkt geïntegreerd'");
    Test::new()
        .file("a.yaml", "- 2\n- niveau\n")
        .args("scan --antwoorden a.yaml")
        .run()
        .code(2)
        .stderr_has_wrapped("a.yaml:2: antwoord 2 (aspect 'Dossiers en gegevensuitwisseling'): 'niveau' past bij 4 niveaus");
    let out = Test::new()
        .file("a.yaml", "- discipline: verloskundige\n- 2\n- 2\n")
        .args("scan --antwoorden a.yaml --map scans")
        .run()
        .code(2)
        .stderr_has_wrapped("de antwoorden zijn op na 2 van de 9 aspecten; het volgende aspect is 'Samenstelling en bestuur'");
    assert!(!out.dir.join("scans").exists(), "nothing saved on an error");
    Test::new()
        .file("a.yaml", "- 1\n".repeat(10))
        .args("scan --antwoorden a.yaml")
        .run()
        .code(2)
        .stderr_has_wrapped("a.yaml:10: er zijn meer antwoorden dan aspecten (9)");
    Test::new()
        .file("a.yaml", "- discipline: verpleger\n")
        .args("scan --antwoorden a.yaml")
        .run()
        .code(2)
        .stderr_has_wrapped("a.yaml:1: onbekende discipline 'verpleger'; kies uit: Verloskundige, Gynaecoloog, Kraamzorg, O&G-verpleegkundige, Anders");
    Test::new()
        .args("scan --map scans")
        .run()
        .code(2)
        .no_panic()
        .stderr_has_wrapped("er is geen terminal")
        .stderr_has_wrapped("zorgpad scan --antwoorden");
    Test::new()
        .file("a.yaml", "- 1\n")
        .args("scan --antwoorden a.yaml -o scan.txt")
        .run()
        .code(2)
        .stderr_has_wrapped("moet eindigen op .json");
}

// --- the group report --------------------------------------------------------------------

/// The cells of the Markdown table row that starts with `| {first} |`.
fn md_row(md: &str, first: &str) -> Vec<String> {
    let line = md
        .lines()
        .find(|l| l.starts_with(&format!("| {first} |")))
        .unwrap_or_else(|| panic!("no row {first:?} in\n{md}"));
    line.trim_matches('|')
        .split(" | ")
        .map(|c| c.trim().to_string())
        .collect()
}

#[test]
fn the_group_report_of_twelve_members_has_the_known_distributions_medians_and_flags() {
    let ws = Workspace::new();
    training_group(&ws);
    let md = ws
        .cmd("scan rapport scans --formaat md")
        .run()
        .code(0)
        .no_panic()
        .stdout
        .clone();
    // Aspect | 1 | 2 | 3 | 4 | ? | Mediaan | Spreiding | Bespreken
    let expect = [
        ("Visie", ["0", "12", "0", "0", "0", "2", "0", ""]),
        (
            "Dossiers en gegevensuitwisseling",
            ["6", "6", "0", "0", "0", "1,5", "1 (1–2)", ""],
        ),
        (
            "Samenstelling en bestuur",
            ["2", "3", "4", "3", "0", "3", "3 (1–4)", "**ja**"],
        ),
        (
            "Werkafspraken en protocollen",
            ["0", "0", "0", "12", "0", "4", "0", ""],
        ),
        ("Nascholing", ["0", "0", "9", "0", "3", "3", "0", ""]),
        (
            "Geboorteplan en zorgpaden",
            ["4", "4", "4", "0", "0", "2", "2 (1–3)", "**ja**"],
        ),
        (
            "Afspraken over resultaten",
            ["0", "6", "6", "0", "0", "2,5", "1 (2–3)", ""],
        ),
        (
            "Voorlichting aan cliënten",
            ["1", "11", "0", "0", "0", "2", "1 (1–2)", ""],
        ),
        ("Audits", ["0", "0", "10", "2", "0", "3", "1 (3–4)", ""]),
    ];
    for (aspect, cells) in expect {
        assert_eq!(md_row(&md, aspect)[1..], cells, "{aspect}");
    }
    assert!(md.contains("- Ingevulde scans: 12\n"), "{md}");
    assert!(
        md.contains("- Per discipline: Verloskundige 5, Gynaecoloog \\<5, Kraamzorg \\<5, O&G-verpleegkundige \\<5, Niet opgegeven \\<5\n"),
        "{md}"
    );
    // Flagged: exactly the two aspects where a quarter (3 of 12) is two levels below another
    // quarter.
    let flagged: Vec<&str> = md.lines().filter(|l| l.starts_with("- **")).collect();
    assert_eq!(
        flagged,
        [
            "- **Samenstelling en bestuur: 5 leden kiezen niveau 2 of lager, 3 leden niveau 4 of hoger**",
            "- **Geboorteplan en zorgpaden: 4 leden kiezen niveau 1 of lager, 4 leden niveau 3 of hoger**",
        ]
    );
    // The next step: the level above the median, in full.
    let after = |heading: &str| -> String {
        let i = md
            .find(heading)
            .unwrap_or_else(|| panic!("{heading} in\n{md}"));
        md[i..]
            .lines()
            .skip(2)
            .take(3)
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(
        after("### Visie (mediaan 2)"),
        "Niveau 3:\n\n> Het VSV heeft een gezamenlijke visie maar iedere discipline draagt deze afzonderlijk uit."
    );
    assert_eq!(
        after("### Dossiers en gegevensuitwisseling (mediaan 1,5)"),
        "Niveau 2:\n\n> Er worden aparte dossiers gebruikt door de verschillende disciplines, bij verwijzing altijd een hard copy van de gegevens."
    );
    assert!(after("### Samenstelling en bestuur (mediaan 3)")
        .starts_with("Niveau 4 — volledig geïntegreerd:\n\n> Alle ketenpartners maken onderdeel uit van het VSV en in het bestuur"));
    assert!(after("### Werkafspraken en protocollen (mediaan 4)")
        .starts_with("Het hoogste niveau: houd het vast."));
    // Per discipline: the medians.
    let per_discipline = md
        .split("## Beeld per discipline")
        .nth(1)
        .expect("per discipline");
    // Per discipline: the medians of the five midwives; the smaller groups as "<5", without.
    assert_eq!(
        md_row(per_discipline, "Aspect")[1..6],
        [
            "Verloskundige (n=5)",
            "Gynaecoloog (\\<5)",
            "Kraamzorg (\\<5)",
            "O&G-verpleegkundige (\\<5)",
            "Niet opgegeven (\\<5)"
        ]
    );
    assert_eq!(md_row(&md, "Samenstelling en bestuur").len(), 9);
    assert_eq!(
        md_row(per_discipline, "Samenstelling en bestuur")[1..],
        ["2", "—", "—", "—", "—"]
    );
    assert_eq!(
        md_row(per_discipline, "Nascholing")[1..],
        ["3", "—", "—", "—", "—"]
    );
    // Notes, escaped, without who wrote them.
    assert!(md.contains("- Bestuur alleen vk & gyn | nog\n"), "{md}");
    assert!(md.contains("- Zorgpaden \\<concept\\>\n"), "{md}");
}

#[test]
fn the_markdown_report_matches_the_golden_file() {
    let ws = Workspace::new();
    training_group(&ws);
    let md = ws
        .cmd("scan rapport scans --formaat md")
        .run()
        .code(0)
        .stdout
        .clone();
    golden_file::check("scan-rapport.md", &md);
    // The file written with -o is the same, and private.
    ws.cmd("scan rapport scans -o groep.md").run().code(0);
    assert_eq!(ws.read("groep.md"), md);
}

#[test]
fn the_terminal_report_has_tables_bars_and_next_steps() {
    let ws = Workspace::new();
    training_group(&ws);
    // Files and a directory may be mixed; here: every file by name.
    let mut names: Vec<String> = std::fs::read_dir(ws.path().join("scans"))
        .expect("scans")
        .map(|e| format!("scans/{}", e.expect("entry").file_name().to_string_lossy()))
        .collect();
    names.sort();
    let out = ws
        .cmd(&format!("scan rapport {}", names.join(" ")))
        .run()
        .code(0)
        .no_panic()
        .stdout_has("GROEPSBEELD")
        .stdout_has("Ingevulde scans: 12")
        // Visie: all twelve at level 2, a full bar.
        .stdout_has(&format!(
            "\nVisie (mediaan 2)\n  1 │{} 0\n  2 │{} 12\n",
            " ".repeat(24),
            "█".repeat(24)
        ))
        // Geboorteplan: four at each of the lowest three levels.
        .stdout_has(&format!("  1 │{}{} 4\n", "█".repeat(8), " ".repeat(16)))
        .stdout_has(
            "!! Samenstelling en bestuur: 5 leden kiezen niveau 2 of lager, 3 leden niveau 4 of hoger",
        )
        .stdout_has("Beeld per discipline (mediaan)")
        .stdout_has("Het hoogste niveau: houd het vast.");
    for line in out.stdout.lines() {
        assert!(line.chars().count() <= 100, "wider than 100: {line}");
    }
}

#[test]
fn the_html_report_is_self_contained_with_a_chart() {
    let ws = Workspace::new();
    training_group(&ws);
    ws.cmd("scan rapport scans -o groep.html")
        .run()
        .code(0)
        .no_panic()
        .stderr_has_wrapped("Groepsbeeld van 12 scans geschreven naar groep.html");
    let html = ws.read("groep.html");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<html lang=\"nl\">"));
    for external in ["<script", "<link", "src=", "href=", "@import"] {
        assert!(!html.contains(external), "{external} in the HTML");
    }
    // Visie: twelve of twelve at level 2 (the median's bar is marked).
    assert!(
        html.contains("<span class=\"lbl\">2</span><span class=\"track\"><div class=\"bar med\" style=\"width: 100.0%\""),
        "{html}"
    );
    assert!(html.contains("width: 33.3%"), "geboorteplan: 4 of 12");
    assert!(html.contains("<li class=\"flag\">Geboorteplan en zorgpaden: 4 leden kiezen niveau 1 of lager, 4 leden niveau 3 of hoger</li>"));
    assert!(html.contains("Zorgpaden &lt;concept&gt;"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(ws.path().join("groep.html"))
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

// --- another instrument, and bad files ------------------------------------------------------

/// The six domains of the VSV-integratiemeter (seed 004), with three levels: the form holds it
/// without a change in code. (The descriptions are a made-up example.)
const INTEGRATIEMETER: &str = r#"
id: integratiemeter-voorbeeld
naam: VSV-integratiemeter (voorbeeld)
versie: "0.1"
niveaus: [Volledig apart functioneren, Afstemming en coördinatie, Volledig geïntegreerde organisatie]
onderdelen:
  - id: client-centraal
    titel: De cliënte centraal stellen
    niveaus: [ieder voor zich, "afgestemd", "samen"]
  - id: coordinatie
    titel: De coördinatie van de zorg
    niveaus: [ieder voor zich, "afgestemd", "samen"]
  - id: organisatie
    titel: Het organisatieniveau
    niveaus: [ieder voor zich, "afgestemd", "samen"]
  - id: ondersteuning
    titel: De ondersteuning
    niveaus: [ieder voor zich, "afgestemd", "samen"]
  - id: omgeving
    titel: De omgeving
    niveaus: [ieder voor zich, "afgestemd", "samen"]
  - id: referentiekader
    titel: Het gemeenschappelijk referentiekader
    niveaus: [ieder voor zich, "afgestemd", "samen"]
"#;

#[test]
fn another_instrument_works_without_code_changes() {
    let ws = Workspace::new();
    ws.write("meter.yaml", INTEGRATIEMETER);
    ws.write(
        "a.yaml",
        "- volledig apart\n- afstemming\n- 3\n- 3\n- 2\n- 1\n",
    );
    ws.write("b.yaml", "- 3\n- 3\n- 3\n- 1\n- 2\n- 1\n");
    // Five members: a group picture is shown from five scans on.
    ws.write("c.yaml", "- 1\n- 3\n- 3\n- 1\n- 2\n- 1\n");
    ws.write("d.yaml", "- 3\n- 3\n- 3\n- 1\n- 2\n- 1\n");
    ws.write("e.yaml", "- 2\n- 3\n- 3\n- 1\n- 2\n- 1\n");
    for f in ["a", "b", "c", "d", "e"] {
        ws.cmd(&format!(
            "scan --vragenlijst meter.yaml --antwoorden {f}.yaml -o {f}.json"
        ))
        .run()
        .code(0)
        .no_panic();
    }
    let md = ws
        .cmd(
            "scan rapport a.json b.json c.json d.json e.json --vragenlijst meter.yaml --formaat md",
        )
        .run()
        .code(0)
        .no_panic()
        .stdout
        .clone();
    assert_eq!(
        md_row(&md, "De cliënte centraal stellen")[1..],
        ["2", "1", "2", "0", "2", "2 (1–3)", "**ja**"]
    );
    assert_eq!(
        md_row(&md, "Het gemeenschappelijk referentiekader")[1..6],
        ["5", "0", "0", "0", "1"]
    );
    // Scans of another questionnaire are not mixed into the group picture.
    ws.cmd("scan rapport a.json")
        .run()
        .code(2)
        .no_panic()
        .stderr_has_wrapped("a.json: deze scan is ingevuld met de vragenlijst 'VSV-integratiemeter (voorbeeld)' (versie 0.1)")
        .stderr_has_wrapped("--vragenlijst");
}

#[test]
fn broken_questionnaires_and_scan_files_are_named() {
    Test::new()
        .file(
            "v.yaml",
            "id: x\nnaam: X\nversie: '1'\nniveaus: [a, b]\nonderdelen:\n  - id: een\n    titel: Een\n    niveaus: [alleen een]\n",
        )
        .args("scan --vragenlijst v.yaml --antwoorden v.yaml")
        .run()
        .code(2)
        .no_panic()
        .stderr_has_wrapped("v.yaml:6: onderdeel 'een' heeft 1 beschrijving(en); er is er één per niveau nodig (2)");
    Test::new()
        .file(
            "v.yaml",
            "id: x\nnaam: X\nversie: '1'\nniveaus: [a, b]\nonderdelen: []\nextra: 1\n",
        )
        .args("scan rapport v.yaml --vragenlijst v.yaml")
        .run()
        .code(2)
        .stderr_has_wrapped("v.yaml:6")
        .stderr_has_wrapped("onbekend veld 'extra'");
    let ws = Workspace::new();
    training_group(&ws);
    ws.write("scans/kapot.json", "{\"schema\": \"zorgpad.scan/1\",");
    ws.cmd("scan rapport scans")
        .run()
        .code(2)
        .no_panic()
        .stderr_has_wrapped("scans/kapot.json:1:")
        .stderr_has_wrapped("het scanbestand is onleesbaar");
    ws.cmd("scan rapport leeg")
        .run()
        .code(2)
        .stderr_has_wrapped("kan het scanbestand 'leeg' niet lezen: het bestand bestaat niet");
    // A member's scan named again beside its folder would count twice: refused.
    let mut names: Vec<String> = std::fs::read_dir(ws.path().join("scans"))
        .expect("scans")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("scan-"))
        .collect();
    names.sort();
    ws.cmd(&format!("scan rapport scans scans/{}", names[0]))
        .run()
        .code(2)
        .no_panic()
        .stderr_has_wrapped("is twee keer gegeven; het zou dubbel tellen");
    std::fs::create_dir(ws.path().join("lege-map")).expect("mkdir");
    ws.cmd("scan rapport lege-map")
        .run()
        .code(2)
        .stderr_has_wrapped("in de map 'lege-map' staan geen scanbestanden (.json)");
    ws.cmd("scan rapport scans -o groep.pdf")
        .run()
        .code(2)
        .stderr_has_wrapped("zorgpad schrijft geen PDF; schrijf HTML (-o groepsbeeld.html)");
}

/// `zorgpad scan` filled in in a terminal.
#[cfg(unix)]
mod in_a_terminal {
    use serde_json::{json, Value};

    use super::TITLES;
    use crate::common::Workspace;
    use crate::pty::*;

    const DISCIPLINE: &str = "Wat is uw discipline? (optioneel)";
    const LEVEL: &str = "Welke beschrijving past het best bij uw VSV?";
    const NOTE: &str = "Notitie (optioneel, zonder namen):";
    const NOTE_READY: &str = "Enter om over te slaan \u{b7} Esc terug \u{b7} Ctrl-C stoppen]";

    /// Wait for aspect `n` (1-based) and its level question.
    fn aspect(tty: &mut Tty, n: usize) {
        tty.expect(&format!(
            "\u{2500}\u{2500} Aspect {n} van 9 \u{2014} {}",
            TITLES[n - 1].1
        ));
        tty.prompt(LEVEL, SELECT_READY);
    }

    /// Choose the option `down` lines below the first (4 is "Weet ik niet") and type `note`.
    fn answer(tty: &mut Tty, down: usize, note: &str) {
        tty.send(&DOWN.repeat(down));
        tty.send(ENTER);
        tty.prompt(NOTE, NOTE_READY);
        tty.send(note);
        tty.send(ENTER);
    }

    #[test]
    fn every_aspect_answered_in_a_terminal_is_saved() {
        let ws = Workspace::new();
        let mut tty = Tty::spawn(&ws, "scan -o mijn-scan.json");
        tty.expect("Uw antwoorden zijn anoniem: zorgpad vraagt geen naam");

        // The discipline: Gynaecoloog, the second option.
        tty.prompt(DISCIPLINE, SELECT_READY);
        let disciplines = tty.screen_since(DISCIPLINE);
        assert!(disciplines.contains("Zeg ik liever niet"), "{disciplines}");
        tty.send(DOWN);
        tty.send(ENTER);

        // Aspect 1: the four levels in full, then the choice: level 1.
        aspect(&mut tty, 1);
        let first = tty.screen_since("Aspect 1 van 9");
        for text in [
            "Niveau 1 \u{2014} beperkt geïntegreerd:",
            "Niveau 4 \u{2014} volledig geïntegreerd:",
            "Iedere discipline/organisatie heeft zijn eigen visie.",
            "Weet ik niet",
        ] {
            assert!(first.contains(text), "{text:?} not on screen:\n{first}");
        }
        answer(&mut tty, 0, "");
        // Aspect 2: level 2 with a note; at aspect 3, Esc goes back to aspect 2, which is then
        // answered again: level 3, another note.
        aspect(&mut tty, 2);
        answer(&mut tty, 1, "alleen via de huisarts");
        aspect(&mut tty, 3);
        tty.send(ESC);
        aspect(&mut tty, 2);
        answer(&mut tty, 2, "via PWD, nog niet overal");
        // Aspects 3 to 9.
        for (n, (down, note)) in [
            (3, (3, "")),
            (4, (4, "")),
            (5, (0, "")),
            (6, (1, "Zorgpaden <concept>")),
            (7, (2, "")),
            (8, (3, "")),
            (9, (4, "")),
        ] {
            aspect(&mut tty, n);
            answer(&mut tty, down, note);
        }
        // The review, then saved.
        tty.prompt("Opslaan?", SELECT_READY);
        assert!(!ws.path().join("mijn-scan.json").exists());
        tty.send(ENTER);
        tty.expect("Scan opgeslagen in mijn-scan.json");
        assert_eq!(tty.finish(), 0, "exit code\n{}", tty.screen());
        tty.assert_dutch();

        let saved: Value = serde_json::from_str(&ws.read("mijn-scan.json")).expect("JSON");
        assert_eq!(saved["schema"], "zorgpad.scan/1");
        assert_eq!(saved["vragenlijst"]["id"], "vsv-samenwerking");
        assert_eq!(saved["datum"], "2026-11-22");
        assert_eq!(saved["discipline"], "gynaecoloog");
        assert_eq!(
            saved["antwoorden"],
            json!([
                {"onderdeel": "visie", "niveau": 1},
                {"onderdeel": "dossiers", "niveau": 3, "notitie": "via PWD, nog niet overal"},
                {"onderdeel": "samenstelling", "niveau": 4},
                {"onderdeel": "werkafspraken", "niveau": null},
                {"onderdeel": "nascholing", "niveau": 1},
                {"onderdeel": "geboorteplan", "niveau": 2, "notitie": "Zorgpaden <concept>"},
                {"onderdeel": "resultaten", "niveau": 3},
                {"onderdeel": "voorlichting", "niveau": 4},
                {"onderdeel": "audits", "niveau": null},
            ])
        );
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(ws.path().join("mijn-scan.json"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

// --- anonymity: small groups, and a split is not an outlier ------------------------------

/// `n` members in `scans/`, each with `levels[m]` on every aspect, a note naming the member,
/// and discipline `discipline(m)`.
fn members(ws: &Workspace, levels: &[u8], discipline: impl Fn(usize) -> &'static str) {
    for (m, level) in levels.iter().enumerate() {
        let mut y = format!("- discipline: {}\n", discipline(m));
        for _ in 0..8 {
            y.push_str(&format!("- {level}\n"));
        }
        y.push_str(&format!(
            "- {{niveau: {level}, notitie: \"notitie-van-lid-{m}\"}}\n"
        ));
        ws.write(&format!("a{m}.yaml"), y);
        ws.cmd(&format!("scan --antwoorden a{m}.yaml --map scans"))
            .run()
            .code(0)
            .no_panic();
    }
}

#[test]
fn a_group_of_one_or_four_shows_under_five_and_no_answers() {
    for n in [1, 4] {
        let ws = Workspace::new();
        let levels: Vec<u8> = (0..n).map(|m| if m == 0 { 4 } else { 2 }).collect();
        members(&ws, &levels, |_| "kraamzorg");
        for format in ["md", "html"] {
            let out = ws
                .cmd(&format!("scan rapport scans --formaat {format}"))
                .run()
                .code(0)
                .no_panic();
            let text = &out.stdout;
            assert!(
                text.contains("Ingevulde scans: &lt;5") || text.contains("Ingevulde scans: \\<5"),
                "{n}: {text}"
            );
            assert!(
                text.contains("Te weinig scans voor een groepsbeeld"),
                "{n}: {text}"
            );
            // No distribution, median, spread, next step, per discipline or note.
            for answer in [
                "notitie-van-lid",
                "Mediaan",
                "mediaan 2",
                "Verdeling",
                "Kraamzorg",
                "Te bespreken",
                "Niveau 3:",
            ] {
                assert!(
                    !text.contains(answer),
                    "{n} {format}: {answer:?} in\n{text}"
                );
            }
        }
        // The screen too.
        ws.cmd("scan rapport scans")
            .run()
            .code(0)
            .stdout_has("Ingevulde scans: <5")
            .stdout_lacks("notitie-van-lid")
            .stdout_lacks("│");
    }
}

#[test]
fn a_discipline_of_one_in_a_group_of_six_shows_under_five_without_medians() {
    let ws = Workspace::new();
    // The one member of the kraamzorg answers level 4 everywhere, the five midwives level 2.
    members(&ws, &[4, 2, 2, 2, 2, 2], |m| {
        if m == 0 {
            "kraamzorg"
        } else {
            "verloskundige"
        }
    });
    let md = ws
        .cmd("scan rapport scans --formaat md")
        .run()
        .code(0)
        .no_panic()
        .stdout
        .clone();
    assert!(
        md.contains("- Per discipline: Verloskundige 5, Kraamzorg \\<5\n"),
        "{md}"
    );
    assert!(!md.contains("(n=1)"), "{md}");
    let per_discipline = md
        .split("## Beeld per discipline")
        .nth(1)
        .expect("per discipline");
    assert_eq!(
        md_row(per_discipline, "Aspect")[1..],
        ["Verloskundige (n=5)", "Kraamzorg (\\<5)"]
    );
    for (_, aspect) in TITLES {
        assert_eq!(md_row(per_discipline, aspect)[1..], ["2", "—"], "{aspect}");
    }
    // One outlier of six, two levels above the others: no aspect to discuss.
    assert!(
        md.contains("Geen aspect waarover de groep verdeeld is."),
        "{md}"
    );
    assert!(!md.contains("**ja**"), "{md}");
    assert_eq!(
        md_row(&md, "Visie")[1..],
        ["0", "5", "0", "1", "0", "2", "2 (2–4)", ""]
    );
    // The rule is in the remarks.
    assert!(
        md.contains("_Te bespreken: minstens een kwart van de leden"),
        "{md}"
    );
    assert!(
        md.contains("_Groepen van 1 tot en met 4 scans staan er als \\<5"),
        "{md}"
    );
}

#[test]
fn a_real_split_is_to_be_discussed_one_outlier_is_not() {
    let ws = Workspace::new();
    // Six members: two at level 1, four at level 3 — a split.
    members(&ws, &[1, 1, 3, 3, 3, 3], |_| "verloskundige");
    let md = ws
        .cmd("scan rapport scans --formaat md")
        .run()
        .code(0)
        .no_panic()
        .stdout
        .clone();
    for (_, aspect) in TITLES {
        assert_eq!(md_row(&md, aspect)[8], "**ja**", "{aspect}");
    }
    assert!(
        md.contains("- **Visie: 2 leden kiezen niveau 1 of lager, 4 leden niveau 3 of hoger**"),
        "{md}"
    );
    // Six members, one at level 1 and five at level 3: an outlier, not a split.
    let ws = Workspace::new();
    members(&ws, &[1, 3, 3, 3, 3, 3], |_| "verloskundige");
    let md = ws
        .cmd("scan rapport scans --formaat md")
        .run()
        .code(0)
        .stdout
        .clone();
    assert!(!md.contains("**ja**"), "{md}");
    assert!(
        md.contains("Geen aspect waarover de groep verdeeld is."),
        "{md}"
    );
}

// --- the review before saving, in plain lines (--toegankelijk) -----------------------------

#[test]
fn plain_lines_review_before_saving_and_change_one_aspect() {
    // Discipline 3 (Kraamzorg); every aspect level 2 without a note; at the review aspect 3 is
    // changed to level 4 with a note, then saved.
    let mut input = String::from("3\n");
    for _ in 0..9 {
        input.push_str("2\n\n");
    }
    input.push_str("3\n4\nalleen vk en gyn\nj\n");
    let out = Test::new()
        .args("scan --toegankelijk -o s.json")
        .stdin(&input)
        .now("2026-11-22T09:00:00Z")
        .run()
        .code(0)
        .no_panic();
    let reviews: Vec<&str> = out
        .stderr
        .split("── Uw antwoorden (nog niet opgeslagen) ──")
        .skip(1)
        .collect();
    assert_eq!(reviews.len(), 2, "{}", out.stderr);
    assert!(
        reviews[0].contains("Discipline: Kraamzorg\n1. Visie: Niveau 2\n"),
        "{}",
        reviews[0]
    );
    assert!(
        reviews[0].contains("3. Samenstelling en bestuur: Niveau 2\n"),
        "{}",
        reviews[0]
    );
    assert!(
        reviews[0].contains("Opslaan? Typ j om op te slaan"),
        "{}",
        reviews[0]
    );
    assert!(
        reviews[1].contains("3. Samenstelling en bestuur: Niveau 4 — volledig geïntegreerd (notitie: alleen vk en gyn)\n"),
        "{}",
        reviews[1]
    );
    // After the change, back at the review, not at aspect 4.
    assert_eq!(
        out.stderr.matches("Aspect 4 van 9").count(),
        1,
        "{}",
        out.stderr
    );
    let json: serde_json::Value = serde_json::from_str(&out.read("s.json")).expect("JSON");
    assert_eq!(json["discipline"], "kraamzorg");
    assert_eq!(json["antwoorden"][2]["niveau"], 4);
    assert_eq!(json["antwoorden"][2]["notitie"], "alleen vk en gyn");
    assert_eq!(json["antwoorden"][3]["niveau"], 2);

    // The input ends at the review: nothing is saved.
    let mut input = String::from("1\n");
    for _ in 0..9 {
        input.push_str("1\n\n");
    }
    let out = Test::new()
        .args("scan --toegankelijk -o s.json")
        .stdin(&input)
        .run()
        .code(130)
        .no_panic();
    assert!(
        out.stderr.contains("de scan is niet opgeslagen"),
        "{}",
        out.stderr
    );
    assert!(!out.dir.join("s.json").exists());
}

#[test]
fn from_an_answers_file_the_answers_are_shown_before_they_are_saved() {
    let out = Test::new()
        .file("a.yaml", "- 1\n- 2\n- 3\n- 4\n- 1\n- 2\n- 3\n- 4\n- 1\n")
        .args("scan --antwoorden a.yaml -o s.json")
        .run()
        .code(0)
        .no_panic()
        .stdout_has("Discipline: niet opgegeven");
    assert!(
        out.stdout.contains("Samenstelling en bestuur"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("Niveau 3"), "{}", out.stdout);
}
