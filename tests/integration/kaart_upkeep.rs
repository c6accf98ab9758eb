//! The upkeep of a Sociale Kaart: `gecontroleerd` and `beheerder` per entry, and
//! `zorgpad kaart controleer` warning (exit 1) for entries checked too long ago, never checked,
//! or holding example data — one list per beheerder. Through the real binary, with the clock
//! fixed.

use crate::common::{Output, Test};

const NOW: &str = "2026-11-22T09:00:00Z";

/// A complete map (every category the flow needs) whose entries are all checked recently,
/// with real-looking data; `extra` is appended under `aanbieders:`.
fn map(extra: &str) -> String {
    let mut y = String::from(
        "kaart:\n  naam: Sociale Kaart VSV Haven\n  versie: \"2026.1\"\n  gemeenten: [Havenstad]\n\naanbieders:\n",
    );
    for (i, c) in [
        "veilig-thuis",
        "aandachtsfunctionaris",
        "kwetsbare-zwangeren",
        "voorzorg",
        "ggz",
        "psychosociaal",
        "verslavingszorg",
    ]
    .iter()
    .enumerate()
    {
        y.push_str(&format!(
            "  - id: {c}\n    naam: Zorg {c}\n    categorieen: [{c}]\n    niveau: 2\n    telefoon: \"010-12345{i:02}\"\n    gecontroleerd: 01-10-2026\n    beheerder: Anna\n"
        ));
    }
    y.push_str(extra);
    y
}

fn controleer(text: &str, extra_args: &str) -> Output {
    Test::new()
        .file("kaart.yaml", text)
        .args(&format!("kaart controleer --kaart kaart.yaml {extra_args}"))
        .now(NOW)
        .run()
        .no_panic()
}

/// The line (1-based) of the first line of `text` that contains `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle} not in\n{text}"))
        + 1
}

/// The block of stdout under a beheerder's heading, up to the next blank line.
fn block<'a>(stdout: &'a str, heading: &str) -> &'a str {
    let start = stdout
        .find(heading)
        .unwrap_or_else(|| panic!("no {heading:?} in\n{stdout}"));
    let rest = &stdout[start..];
    rest.split("\n\n").next().unwrap_or(rest)
}

#[test]
fn a_map_checked_recently_with_real_data_is_in_order() {
    controleer(&map(""), "")
        .code(0)
        .stdout_has("In orde: kaart.yaml")
        .stdout_lacks("Onderhoud");
}

#[test]
fn stale_missing_and_example_entries_are_warned_per_beheerder() {
    let extra = "  - id: oud\n    naam: Oude GGZ\n    categorieen: [ggz]\n    niveau: 3\n    telefoon: \"010-7654321\"\n    gecontroleerd: 2025-10-01\n    beheerder: Bram\n\
                 \x20 - id: nep\n    naam: Wijkteam Havenstad\n    categorieen: [psychosociaal]\n    niveau: 2\n    email: info@example.org\n    gecontroleerd: 01-11-2026\n    beheerder: Anna\n\
                 \x20 - id: nul\n    naam: Voorbeeld Kraamzorg\n    categorieen: [kraamzorg]\n    niveau: 1\n    telefoon: \"010-0000000\"\n    gecontroleerd: 01-11-2026\n\
                 \x20 - id: nooit\n    naam: Buurtzorg Haven\n    categorieen: [kraamzorg]\n    niveau: 1\n    website: https://buurtzorg.nl\n    beheerder: Bram\n";
    let text = map(extra);
    let out = controleer(&text, "").code(1);
    let stdout = &out.stdout;
    assert!(stdout.contains("In orde: kaart.yaml"), "{stdout}");
    assert!(
        stdout.contains("\nOnderhoud: 4 waarschuwingen (niet gecontroleerd, langer dan 12 maanden geleden gecontroleerd, een datum die niet klopt, of voorbeeldgegevens), per beheerder:\n"),
        "{stdout}"
    );
    // Anna: only the example e-mail address (her seven real entries are fine).
    let anna = block(stdout, "Beheerder Anna (1):");
    assert!(
        anna.contains(&format!(
            "kaart.yaml:{}: waarschuwing: aanbieder 'nep' (Wijkteam Havenstad): lijkt voorbeeldgegevens te bevatten, geen echte (email: info@example.org)",
            line_of(&text, "info@example.org")
        )),
        "{anna}"
    );
    // Bram: the stale entry at its date's line, and the one never checked.
    let bram = block(stdout, "Beheerder Bram (2):");
    assert!(
        bram.contains(&format!(
            "kaart.yaml:{}: waarschuwing: aanbieder 'oud' (Oude GGZ): laatst gecontroleerd op 01-10-2025, meer dan 12 maanden geleden",
            line_of(&text, "2025-10-01")
        )),
        "{bram}"
    );
    assert!(
        bram.contains(&format!(
            "kaart.yaml:{}: waarschuwing: aanbieder 'nooit' (Buurtzorg Haven): niet gecontroleerd ('gecontroleerd' ontbreekt)",
            line_of(&text, "id: nooit")
        )),
        "{bram}"
    );
    assert!(!bram.contains("'nep'") && !bram.contains("'nul'"), "{bram}");
    // Without a beheerder: the name with "Voorbeeld" and the phone number of zeros, last.
    let nobody = block(stdout, "Zonder beheerder (1):");
    assert!(
        nobody.contains("aanbieder 'nul' (Voorbeeld Kraamzorg): lijkt voorbeeldgegevens te bevatten, geen echte (naam: Voorbeeld Kraamzorg; telefoon: 010-0000000)"),
        "{nobody}"
    );
    assert!(stdout.find("Beheerder Anna").unwrap() < stdout.find("Beheerder Bram").unwrap());
    assert!(stdout.find("Beheerder Bram").unwrap() < stdout.find("Zonder beheerder").unwrap());
    assert!(
        out.stderr
            .contains("4 waarschuwingen voor onderhoud in kaart.yaml."),
        "{}",
        out.stderr
    );

    // --maanden: with 14 months the entry of October 2025 is not stale yet.
    let out = controleer(&text, "--maanden 14").code(1);
    assert!(!out.stdout.contains("'oud'"), "{}", out.stdout);
    assert!(
        out.stdout.contains("Onderhoud: 3 waarschuwingen"),
        "{}",
        out.stdout
    );
    // With 1 month, Anna's entries of 01-10-2026 are due too.
    let out = controleer(&text, "--maanden 1").code(1);
    assert!(out.stdout.contains("Beheerder Anna (8):"), "{}", out.stdout);
    controleer(&text, "--maanden 0").code(2);
    controleer(&text, "--maanden twaalf").code(2);

    // For a script: the same warnings among the findings, exit 1.
    let out = controleer(&text, "--json").code(1);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    let problems: Vec<&str> = json["bevindingen"]
        .as_array()
        .expect("bevindingen")
        .iter()
        .filter_map(|b| b["probleem"].as_str())
        .collect();
    assert!(
        problems
            .iter()
            .any(|p| p.contains("aanbieder 'oud' (Oude GGZ): laatst gecontroleerd op 01-10-2025")),
        "{problems:?}"
    );
}

#[test]
fn a_bad_gecontroleerd_date_is_reported_once_with_its_line() {
    let extra = "  - id: fout\n    naam: Kraamzorg Haven\n    categorieen: [kraamzorg]\n    niveau: 1\n    telefoon: \"010-7654321\"\n    gecontroleerd: 31-02-2026\n    beheerder: Bram\n";
    let text = map(extra);
    let line = line_of(&text, "31-02-2026");
    let out = controleer(&text, "").code(1);
    // Once, in Bram's list: when it was checked cannot be told.
    assert_eq!(
        out.stdout.matches("31-02-2026").count(),
        1,
        "{}",
        out.stdout
    );
    let bram = block(&out.stdout, "Beheerder Bram (1):");
    assert!(bram.contains(&format!("kaart.yaml:{line}: waarschuwing: aanbieder 'fout' (Kraamzorg Haven): niet na te gaan wanneer gecontroleerd: 'gecontroleerd: 31-02-2026' is geen datum\n    oplossing: schrijf de datum als dd-mm-jjjj of jjjj-mm-dd")), "{bram}");
    assert!(
        out.stderr
            .contains("1 waarschuwing voor onderhoud in kaart.yaml."),
        "{}",
        out.stderr
    );
    // Also once for a script.
    let out = controleer(&text, "--json").code(1);
    assert_eq!(
        out.stdout.matches("31-02-2026").count(),
        1,
        "{}",
        out.stdout
    );
    // Upkeep does not stop a session: the map is used.
    let out = Test::new()
        .file("kaart.yaml", &text)
        .args("start --kaart kaart.yaml --gemeente Havenstad")
        .answers("- nee\n")
        .now(NOW)
        .run()
        .no_panic();
    assert!(
        !out.stderr.contains("er is geen sessie gestart"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("gecontroleerd"), "{}", out.stderr);
}

#[test]
fn gecontroleerd_and_beheerder_come_from_the_spreadsheet() {
    let csv = "id;naam;categorie;niveau;telefoon;gecontroleerd;beheerder\nvt;Veilig Thuis Haven;veilig-thuis;3;0800-2000;15-03-2026;Anna\nkz;Kraamzorg Haven;kraamzorg;1;010-7654321;2026-04-01;Bram\n";
    let out = Test::new()
        .file("kaart.csv", csv)
        .args("kaart importeer kaart.csv --naam Haven --versie 1 -o kaart.yaml")
        .run()
        .code(0)
        .no_panic();
    let yaml = out.read("kaart.yaml");
    assert!(
        yaml.contains("    gecontroleerd: \"15-03-2026\"\n    beheerder: Anna\n"),
        "{yaml}"
    );
    assert!(
        yaml.contains("    gecontroleerd: \"2026-04-01\"\n    beheerder: Bram\n"),
        "{yaml}"
    );
}

#[test]
fn the_example_map_is_not_checked_for_upkeep() {
    // Built in, or the same text as a file: its data are made up on purpose.
    Test::new()
        .args("kaart controleer")
        .now(NOW)
        .run()
        .code(0)
        .no_panic()
        .stdout_has("Dit is de voorbeeldkaart")
        .stdout_lacks("Onderhoud");
    let voorbeeld = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sociale-kaart/voorbeeld.yaml"
    ));
    Test::new()
        .file("voorbeeld.yaml", voorbeeld)
        .args("kaart controleer --kaart voorbeeld.yaml")
        .now(NOW)
        .run()
        .code(0)
        .stdout_lacks("Onderhoud");
    // A copy that was changed is a map of one's own: its example data are flagged.
    Test::new()
        .file(
            "voorbeeld.yaml",
            voorbeeld.replace("versie: \"2026.1\"", "versie: \"2026.2\""),
        )
        .args("kaart controleer --kaart voorbeeld.yaml")
        .now(NOW)
        .run()
        .code(1)
        .stdout_has("lijkt voorbeeldgegevens te bevatten");
}

#[test]
fn a_date_cell_in_the_gecontroleerd_column_becomes_a_date() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("veilig-thuis").unwrap();
    for (c, h) in ["id", "naam", "telefoon", "gecontroleerd", "beheerder"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "vt").unwrap();
    sheet.write_string(1, 1, "Veilig Thuis Haven").unwrap();
    sheet.write_string(1, 2, "0800-2000").unwrap();
    let date = ExcelDateTime::from_ymd(2026, 3, 15).unwrap();
    let format = Format::new().set_num_format("dd-mm-yyyy");
    sheet
        .write_datetime_with_format(1, 3, &date, &format)
        .unwrap();
    sheet.write_string(1, 4, "Anna").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let out = Test::new()
        .file("kaart.xlsx", bytes)
        .args("kaart importeer kaart.xlsx --naam Haven --versie 1 -o kaart.yaml")
        .run()
        .code(0)
        .no_panic();
    let yaml = out.read("kaart.yaml");
    assert!(
        yaml.contains("    gecontroleerd: \"2026-03-15\"\n    beheerder: Anna\n"),
        "{yaml}"
    );
}

#[test]
fn a_gecontroleerd_date_in_the_future_is_warned_and_today_is_fine() {
    // A typo in the year (2031) would hide a stale entry for years.
    let extra = "  - id: later\n    naam: Kraamzorg Haven\n    categorieen: [kraamzorg]\n    niveau: 1\n    telefoon: \"010-7654321\"\n    gecontroleerd: 2031-01-01\n    beheerder: Bram\n\
                 \x20 - id: vandaag\n    naam: Buurtzorg Haven\n    categorieen: [kraamzorg]\n    niveau: 1\n    telefoon: \"010-7654322\"\n    gecontroleerd: 22-11-2026\n    beheerder: Bram\n";
    let text = map(extra);
    let out = controleer(&text, "").code(1);
    let bram = block(&out.stdout, "Beheerder Bram (1):");
    assert!(
        bram.contains(&format!(
            "kaart.yaml:{}: waarschuwing: aanbieder 'later' (Kraamzorg Haven): gecontroleerd op 01-01-2031: die datum ligt in de toekomst; controleer de datum\n    oplossing: zet bij 'gecontroleerd' de dag",
            line_of(&text, "2031-01-01")
        )),
        "{bram}"
    );
    assert!(!out.stdout.contains("'vandaag'"), "{}", out.stdout);
    assert!(
        out.stdout.contains("Onderhoud: 1 waarschuwing ("),
        "{}",
        out.stdout
    );
    assert!(
        out.stderr
            .contains("1 waarschuwing voor onderhoud in kaart.yaml."),
        "{}",
        out.stderr
    );
    // The tool's clock decides what is the future: on 01-01-2031 the date is today.
    let out = Test::new()
        .file(
            "kaart.yaml",
            text.replace("01-10-2026", "01-12-2030")
                .replace("22-11-2026", "01-12-2030"),
        )
        .args("kaart controleer --kaart kaart.yaml")
        .now("2031-01-01T09:00:00Z")
        .run()
        .no_panic();
    assert!(!out.stdout.contains("toekomst"), "{}", out.stdout);
    assert!(!out.stdout.contains("Onderhoud"), "{}", out.stdout);
    assert_eq!(out.code, 0, "{}", out.stdout);
}

#[test]
fn the_closing_line_counts_every_warning() {
    // An error (no contact) and a warning of reading (no niveau), and two for the upkeep.
    let extra = "  - id: stil\n    naam: Stille Zorg\n    categorieen: [kraamzorg]\n    niveau: 1\n    beheerder: Bram\n\
                 \x20 - id: los\n    naam: Losse Zorg\n    categorieen: [kraamzorg]\n    telefoon: \"010-7654321\"\n    gecontroleerd: 2031-01-01\n";
    let out = controleer(&map(extra), "").code(1);
    assert!(
        out.stdout.contains("\nOnderhoud: 2 waarschuwingen ("),
        "{}",
        out.stdout
    );
    assert!(
        out.stderr
            .contains("1 fout en 1 waarschuwing in kaart.yaml. Daarnaast 2 waarschuwingen voor onderhoud, per beheerder hierboven."),
        "{}",
        out.stderr
    );
    // Without the error: the map is in order, and each count says what it covers.
    let extra = extra.replace(
        "    niveau: 1\n    beheerder",
        "    niveau: 1\n    telefoon: \"010-7654322\"\n    beheerder",
    );
    let out = controleer(&map(&extra), "").code(1);
    assert!(
        out.stdout.contains(
            "1 waarschuwing (geen fouten). Daarnaast 2 voor onderhoud, hieronder per beheerder.\n"
        ),
        "{}",
        out.stdout
    );
    assert!(
        out.stderr
            .contains("2 waarschuwingen voor onderhoud in kaart.yaml. Daarnaast 1 waarschuwing over de kaart zelf, hierboven (geen fouten)."),
        "{}",
        out.stderr
    );
}
