//! No BSN is ever stored, however it is written: as `--kenmerk`, in a reason, a note, the name
//! of a provider typed by hand, or a note of the scan. An answers file stops with code 2 at the
//! line; the terminal asks again. Dates, times, phone numbers and session ids in a note are
//! not taken for a BSN.

use crate::common::{squash, Output, Test, Workspace};

/// Every way of writing a BSN seen in review (test numbers that pass the elfproef, or any
/// number after "BSN"); the same list as the detector's unit tests.
const VARIANTS: [&str; 28] = [
    "111222333",
    "123456782",
    "111 222 333",
    "111.222.333",
    "111-222-333",
    "111/222/333",
    "111_222_333",
    "111\u{A0}222\u{A0}333",
    "111\u{202F}222\u{202F}333",
    "111\u{2009}222\u{2009}333",
    "111\t222\t333",
    "111 - 222 - 333",
    "111 / 222 / 333",
    "111\u{2013}222\u{2013}333",
    "1234.56.782",
    "１１１２２２３３３",
    "１１１　２２２　３３３",
    "\u{661}\u{661}\u{661}\u{662}\u{662}\u{662}\u{663}\u{663}\u{663}",
    "12345672",
    "BSN 111222333",
    "bsn 123456782",
    "BSN123456782",
    "BSN: 111.222.333",
    "BSN-nummer 111 222 333",
    "bsn nr. 123456789",
    "burgerservicenummer 12345678",
    "Sofinummer: 123456789",
    "moeder (BSN 111 222 333) belt morgen terug",
];

const REFUSED: &str = "lijkt een burgerservicenummer (BSN) te bevatten; zorgpad bewaart geen BSN";

/// A text as a double-quoted YAML string (tabs and no-break spaces kept).
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\t', "\\t"))
}

/// The answers of the shortest route, with `b1` as the answer to the first box (B1, the
/// second answer, after the intake).
fn short_with(b1: &str, d1: &str) -> String {
    format!("- intake\n- {b1}\n- geen\n- {d1}\n")
}

/// Every file in the data directory, as text, joined.
fn stored(out: &Output) -> String {
    let mut all = String::new();
    if let Ok(dir) = std::fs::read_dir(out.dir.join("data")) {
        for entry in dir.flatten() {
            all.push_str(&std::fs::read_to_string(entry.path()).unwrap_or_default());
        }
    }
    all
}

/// Nothing in the data directory holds the digits of the variant. Six digits at least: a
/// shorter run ("111") stands by chance in a sha256 or a session id of the data directory.
fn assert_not_stored(out: &Output, variant: &str) {
    let text = stored(out);
    for digits in [
        "111222333",
        "123456782",
        "12345678",
        "111222",
        "１１１",
        "\u{661}\u{661}",
    ] {
        if squash(variant).contains(digits) {
            assert!(!text.contains(digits), "{variant:?} stored:\n{text}");
        }
    }
}

#[test]
fn every_variant_is_refused_as_kenmerk() {
    let ws = Workspace::new();
    for variant in VARIANTS {
        ws.cmd("start --kenmerk")
            .arg(variant)
            .answers(&short_with("alles", "nee"))
            .run()
            .code(2)
            .no_panic()
            .stderr_has(&format!("zorgpad: fout: --kenmerk {REFUSED}"))
            .stderr_has("Laat --kenmerk weg of gebruik zo'n eigen kenmerk.");
    }
    assert!(ws.session_ids().is_empty(), "{:?}", ws.data_files());
}

#[test]
fn every_variant_in_a_note_stops_the_answers_file_at_its_line() {
    for variant in VARIANTS {
        let b1 = format!("{{gedaan: alles, notitie: {}}}", quoted(variant));
        let out = Test::new()
            .args("start --export s.json")
            .answers(&short_with(&b1, "nee"))
            .run()
            .code(2)
            .no_panic()
            .stderr_has("antwoord 2 (regel 2) past niet bij")
            .stderr_has(&format!("de notitie {REFUSED}"))
            .stderr_has("Haal het BSN uit de notitie van dit antwoord: laat het weg of gebruik een eigen kenmerk");
        assert!(!out.dir.join("s.json").exists());
        assert_not_stored(&out, variant);
    }
}

#[test]
fn a_bsn_in_a_reason_stops_at_its_line_and_the_answers_before_it_are_kept_without_it() {
    let d1 = format!("{{keuze: nee, toelichting: {}}}", quoted("BSN 111 222 333"));
    let out = Test::new()
        .args("start")
        .answers(&short_with("alles", &d1))
        .run()
        .code(2)
        .no_panic()
        .stderr_has("antwoord 4 (regel 4) past niet bij")
        .stderr_has(&format!("de toelichting {REFUSED}"))
        // Not even the message repeats the number.
        .stderr_has("toelichting: BSN [BSN]");
    assert!(!out.stderr.contains("111 222 333"), "{}", out.stderr);
    assert_not_stored(&out, "111 222 333");
}

/// From the intake to the referral at B3 (as in `referral.rs`): a negative Kindcheck without
/// other signals, consent, single problems. 17 answers.
const TO_B3: &str = "- intake\n- alles\n- geen\n- ja\n- alles\n- alleen het ongeboren kind\n- negatief\n- nee\n- alles\n- ja\n- alles\n- ja\n- alles\n- nee\n- [licht, voldoende-hulpbronnen]\n- enkelvoudig\n- psychosociaal\n";

#[test]
fn a_bsn_in_the_name_of_another_provider_or_a_referral_note_is_refused() {
    for (entry, field) in [
        (
            "{andere: [\"Zus, bsn 123456782\"]}",
            "naam van de andere hulpverlener",
        ),
        (
            "{kaart: [Buurtteam Polderwijk], notitie: \"111/222/333\"}",
            "notitie",
        ),
    ] {
        let out = Test::new()
            .args("start --gemeente Polderwijk")
            .answers(&format!("{TO_B3}- {entry}\n- nee\n"))
            .run()
            .code(2)
            .no_panic()
            .stderr_has("antwoord 18 (regel 18) past niet bij")
            .stderr_has(&format!("de {field} {REFUSED}"));
        assert_not_stored(&out, entry);
    }
}

#[test]
fn dates_times_phone_numbers_and_session_ids_in_a_note_are_kept() {
    let note = "gesprek 20-12-2026 09.00-10.30, tel 010-0000501 of 06-12345678, sessie 20261122-0900-3fa2, dossier P-2026-0042";
    let b1 = format!("{{gedaan: alles, notitie: {}}}", quoted(note));
    let d1 = format!(
        "{{keuze: nee, toelichting: {}}}",
        quoted("belt 20261122 terug")
    );
    let out = Test::new()
        .args("start --export s.json --kenmerk 123456789")
        .answers(&short_with(&b1, &d1))
        .run()
        .code(0)
        .no_panic();
    let json: serde_json::Value = serde_json::from_str(&out.read("s.json")).expect("JSON");
    assert_eq!(json["checklists"][0]["notitie"], note);
}

#[test]
fn a_bsn_in_a_note_of_the_scan_is_refused_at_its_line() {
    let out = Test::new()
        .file(
            "a.yaml",
            "- discipline: kraam\n- 1\n- {niveau: 3, notitie: \"BSN １２３４５６７８２\"}\n",
        )
        .args("scan --antwoorden a.yaml --map scans")
        .run()
        .code(2)
        .no_panic();
    let err = squash(&out.stderr);
    for part in [
        "a.yaml:3: antwoord 2 (aspect 'Dossiers en gegevensuitwisseling'): de notitie",
        REFUSED,
        "Haal het BSN uit de notitie",
    ] {
        assert!(err.contains(&squash(part)), "{part:?}\n{}", out.stderr);
    }
    assert!(!out.dir.join("scans").exists(), "nothing saved");
}

#[cfg(unix)]
#[test]
fn the_terminal_asks_for_the_note_again_with_the_reason() {
    use crate::pty::*;
    let ws = Workspace::new();
    let mut tty = Tty::spawn(&ws, "start --gemeente Voorbeeldstad --export s.json");
    at_the_intake(&mut tty);
    b1_done_with_note(&mut tty);
    tty.prompt(NOTE, TEXT_READY);
    let typed = "BSN 111\u{A0}222\u{A0}333";
    tty.send(typed);
    tty.send(ENTER);
    tty.expect(&format!("De notitie {REFUSED}. Laat het weg"));
    // Asked again, from what was typed.
    tty.prompt(NOTE, TEXT_READY);
    tty.send(&BACKSPACE.repeat(typed.chars().count()));
    tty.send("belt terug");
    tty.send(ENTER);
    tty.prompt(INSTRUMENT, SELECT_READY);
    tty.send(ENTER);
    tty.prompt(D1, SELECT_READY);
    tty.send(DOWN);
    tty.send(ENTER);
    confirm_end(&mut tty);
    assert_eq!(tty.finish(), 0, "exit code\n{}", tty.screen());
    let json: serde_json::Value = serde_json::from_str(&ws.read("s.json")).expect("JSON");
    assert_eq!(json["checklists"][0]["notitie"], "belt terug");
    let stored: String = ws
        .data_files()
        .iter()
        .map(|name| std::fs::read_to_string(ws.data().join(name)).unwrap_or_default())
        .collect();
    assert!(
        !stored.contains("222\u{A0}333") && !stored.contains("111222333"),
        "{stored}"
    );
    tty.assert_dutch();
}
