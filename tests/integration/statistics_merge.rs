//! `zorgpad statistiek -o praktijk.json` and `zorgpad statistiek samenvoegen`: each practice
//! writes its exact counts, the regional coordinator merges them, and only the merged figures
//! hide small groups — so that no group under five can be found, not by merging and not by
//! subtracting from a total. Also the figures for an evaluation (proposals overruled, no-shows,
//! Meldcode outcomes, times between the steps) on a scripted set of sessions, and versions of
//! the map that are not mixed.

use serde_json::Value;

use crate::common::{Workspace, D4_TO_MDO_PAUSE, MDO_TO_END};
use crate::statistics::{md_table, resume, rows, start, SHORT};

/// A practice with this many short sessions (end E0) per gemeente, all on 22-11-2026.
fn practice(per_gemeente: &[(&str, usize)]) -> Workspace {
    let ws = Workspace::new();
    let mut minute = 0;
    for (gemeente, n) in per_gemeente {
        for _ in 0..*n {
            start(
                &ws,
                gemeente,
                &format!("2026-11-22T{:02}:{:02}:00Z", 8 + minute / 60, minute % 60),
                SHORT,
            );
            minute += 1;
        }
    }
    ws
}

/// The practice's counts file, as the practice writes it.
fn counts(ws: &Workspace) -> String {
    ws.cmd("statistiek -o praktijk.json")
        .run()
        .code(0)
        .no_panic()
        .stderr_has("alleen voor de regiocoördinator");
    ws.read("praktijk.json")
}

/// A workspace of the regional coordinator with these files.
fn region(files: &[(&str, &str)]) -> Workspace {
    let ws = Workspace::new();
    for (name, text) in files {
        ws.write(name, text);
    }
    ws
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

/// No count from 1 to 4 in any cell of a CSV of the figures (0 is no group).
fn no_small_number(csv: &str) {
    for line in csv.lines().skip(1) {
        let value = line.rsplit(';').next().expect("value");
        if let Ok(n) = value.parse::<u64>() {
            assert!(n == 0 || n >= 5, "a small group shown: {line}\n{csv}");
        }
    }
}

#[test]
fn merged_practices_give_the_regional_sum_and_hide_small_groups_only_after_merging() {
    // Havendorp 3 + 1, Polderwijk 2 + 2, Voorbeeldstad 3 + 3.
    let a = practice(&[("Havendorp", 3), ("Polderwijk", 2), ("Voorbeeldstad", 3)]);
    let b = practice(&[("Havendorp", 1), ("Polderwijk", 2), ("Voorbeeldstad", 3)]);
    let a_text = counts(&a);
    let b_text = counts(&b);

    // The practice's file: exact counts, for the coordinator only, no session id.
    let a_json = json(&a_text);
    assert_eq!(a_json["schema"], "zorgpad.praktijkcijfers/1");
    assert!(
        a_json["let_op"]
            .as_str()
            .expect("let_op")
            .contains("Alleen voor de regiocoördinator"),
        "{a_text}"
    );
    assert_eq!(a_json["gemeenten"]["Havendorp"], 3);
    assert_eq!(a_json["gemeenten"]["Polderwijk"], 2);
    assert_eq!(a_json["maanden"]["van"], "2026-11");
    assert_eq!(a_json["versies"][0]["sessies"], 8);
    for id in a.session_ids() {
        assert!(!a_text.contains(&id), "session id {id} in\n{a_text}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(a.path().join("praktijk.json"))
            .expect("file")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    let ws = region(&[("regio/a.json", &a_text), ("regio/b.json", &b_text)]);
    let md = ws
        .cmd("statistiek samenvoegen regio/a.json regio/b.json --formaat md")
        .run()
        .code(0)
        .no_panic()
        .stdout
        .clone();
    assert!(
        md.contains("Samengevoegd uit 2 bestanden met praktijkcijfers."),
        "{md}"
    );
    assert!(
        md.contains("Periode: sessies gestart van 11-2026 tot en met 11-2026."),
        "{md}"
    );
    // 3 + 1 and 2 + 2 stay under five; 3 + 3 is shown; the region is the sum of both.
    assert_eq!(
        md_table(&md, "Sessies per gemeente"),
        rows(&[
            &["Havendorp", "<5"],
            &["Polderwijk", "<5"],
            &["Voorbeeldstad", "6"],
            &["Regio (totaal)", "14"],
        ])
    );
    assert_eq!(
        md_table(&md, "Route en uitkomst"),
        rows(&[&["E0: Geen actie op dit moment", "14"], &["Totaal", "14"],])
    );
    // One version of the flow and the map: not split.
    assert!(!md.contains("Sessies per versie"), "{md}");

    // A directory holds the same files: the same figures.
    let from_dir = ws
        .cmd("statistiek samenvoegen regio --formaat md")
        .run()
        .code(0)
        .stdout
        .clone();
    assert_eq!(from_dir, md);
    // As CSV for Dutch Excel, as JSON and on the screen, nothing under five either.
    ws.cmd("statistiek samenvoegen regio -o regio.csv")
        .run()
        .code(0)
        .no_panic();
    let csv = ws.read("regio.csv");
    assert!(csv.starts_with('\u{feff}'), "{csv}");
    assert!(
        csv.contains("Sessies per gemeente;Regio (totaal);Sessies;14"),
        "{csv}"
    );
    no_small_number(&csv);
    let tables = json(
        &ws.cmd("statistiek samenvoegen regio --formaat json")
            .run()
            .code(0)
            .stdout,
    );
    assert_eq!(tables["schema"], "zorgpad.statistiek/1");
    assert_eq!(tables["tabellen"][0]["rijen"][0][1], "<5");
    ws.cmd("statistiek samenvoegen regio --formaat tekst")
        .run()
        .code(0)
        .stdout_has("STATISTIEK (anoniem)")
        .stdout_has("│ Havendorp      ┆ <5      │");
}

#[test]
fn a_small_group_cannot_be_found_by_subtracting_after_merging() {
    // Havendorp only in practice A (2), Polderwijk only in B (5): 16 in the region.
    let a = practice(&[("Voorbeeldstad", 6), ("Havendorp", 2)]);
    let b = practice(&[("Voorbeeldstad", 3), ("Polderwijk", 5)]);
    let ws = region(&[("a.json", &counts(&a)), ("b.json", &counts(&b))]);
    let md = ws
        .cmd("statistiek samenvoegen a.json b.json --formaat md")
        .run()
        .code(0)
        .stdout
        .clone();
    // 16 − 9 − 5 would give Havendorp: Polderwijk, the smallest other, is hidden too.
    assert_eq!(
        md_table(&md, "Sessies per gemeente"),
        rows(&[
            &["Havendorp", "<5"],
            &["Polderwijk", "x"],
            &["Voorbeeldstad", "9"],
            &["Regio (totaal)", "16"],
        ])
    );
    // Practice A alone, merged on its own: 8 − 6 would give Havendorp.
    let md = ws
        .cmd("statistiek samenvoegen a.json --formaat md")
        .run()
        .code(0)
        .stdout
        .clone();
    assert!(md.contains("Samengevoegd uit 1 bestand met"), "{md}");
    assert_eq!(
        md_table(&md, "Sessies per gemeente"),
        rows(&[
            &["Havendorp", "<5"],
            &["Voorbeeldstad", "x"],
            &["Regio (totaal)", "8"],
        ])
    );
}

#[test]
fn a_bad_file_is_refused_with_its_name() {
    let one = practice(&[("Havendorp", 1)]);
    let good = counts(&one);
    let mut negative = json(&good);
    negative["gemeenten"]["Havendorp"] = Value::from(-1);
    let mut raised = json(&good);
    raised["gemeenten"]["Havendorp"] = Value::from(40);
    let tables = one
        .cmd("statistiek samenvoegen praktijk.json --formaat json")
        .run()
        .code(0)
        .stdout
        .clone();
    let ws = region(&[
        ("goed.json", &good),
        ("kapot.json", "dit is geen JSON"),
        ("tabellen.json", &tables),
        (
            "nieuwer.json",
            &good.replace("zorgpad.praktijkcijfers/1", "zorgpad.praktijkcijfers/2"),
        ),
        ("negatief.json", &negative.to_string()),
        ("opgehoogd.json", &raised.to_string()),
        ("leeg/.verborgen", ""),
    ]);
    for (file, says) in [
        ("kapot.json", "het is geen geldige JSON (regel 1"),
        (
            "tabellen.json",
            "het heeft schema 'zorgpad.statistiek/1' in plaats van 'zorgpad.praktijkcijfers/1'",
        ),
        (
            "nieuwer.json",
            "het heeft schema 'zorgpad.praktijkcijfers/2', deze versie van zorgpad leest 'zorgpad.praktijkcijfers/1'",
        ),
        (
            "negatief.json",
            "een negatief aantal (-1) bij 'gemeenten.Havendorp'",
        ),
        (
            "opgehoogd.json",
            "de sessies per gemeente (40) en per versie (1) tellen niet op tot hetzelfde",
        ),
    ] {
        let out = ws
            .cmd(&format!("statistiek samenvoegen goed.json {file}"))
            .run()
            .code(2)
            .no_panic()
            .stderr_has(&format!(
                "'{file}' is geen bruikbaar bestand met praktijkcijfers: {says}"
            ))
            .stderr_has("zorgpad statistiek -o praktijk.json");
        assert!(out.stdout.is_empty(), "{}", out.stdout);
        assert!(!out.stderr.contains("goed.json"), "{}", out.stderr);
        for english in ["invalid", "expected", "error"] {
            assert!(!out.stderr.contains(english), "{}", out.stderr);
        }
    }
    ws.cmd("statistiek samenvoegen goed.json ./goed.json")
        .run()
        .code(2)
        .stderr_has("'./goed.json' is twee keer gegeven");
    // A copy under another name would count the practice twice.
    std::fs::copy(ws.path().join("goed.json"), ws.path().join("kopie.json")).expect("copy");
    ws.cmd("statistiek samenvoegen goed.json kopie.json")
        .run()
        .code(2)
        .no_panic()
        .stderr_has(
            "'kopie.json' is een kopie van 'goed.json' (dezelfde inhoud); het zou dubbel tellen",
        );
    std::fs::remove_file(ws.path().join("kopie.json")).expect("remove");
    ws.cmd("statistiek samenvoegen goed.json weg.json")
        .run()
        .code(2)
        .stderr_has("weg.json");
    ws.cmd("statistiek samenvoegen leeg")
        .run()
        .code(2)
        .stderr_has("in de map 'leeg' staan geen praktijkcijfers (.json)");
    ws.cmd("statistiek samenvoegen").run().code(2).no_panic();
    ws.cmd("statistiek samenvoegen goed.json -o regio.pdf")
        .run()
        .code(2)
        .stderr_has("PDF");
    // The practice's own options belong to counting, not to merging.
    ws.cmd("statistiek --van 01-11-2026 samenvoegen goed.json")
        .run()
        .code(2)
        .no_panic()
        .stderr_has("--van vóór 'samenvoegen' hoort bij het tellen van de eigen sessies");
}

/// To the appointment (D4): a positive Kindcheck closed without a suspicion at B2, complex
/// problems on two criteria (zorgpad proposes "complex"), referred to B4, consent, then a
/// pause at D4.
const TO_D4: &str = "
- intake
- alles
- r4u
- ja
- alles
- ongeboren kind en 2 kinderen van 4 en 7 jaar
- positief
- alles
- Aandachtsfunctionaris VSV
- nee
- gevoerd
- nee
- alles
- ja
- alles
- ja
- alles
- nee
- [kind-in-gevaar, hulpbronnen]
- complex
- Centrum Kwetsbare Zwangeren
- ja
- alles
- Jeugdverpleegkundige
";

/// Not at the appointment (D4 nee): the Meldcode at M1, reported to Veilig Thuis.
const NO_SHOW_REPORTED: &str = "
- nee
- alles
- Aandachtsfunctionaris VSV
- nee
- gevoerd
- ja
- ja
- ja
- Veilig Thuis Voorbeeldregio
- later
";

/// A negative Kindcheck, no criterion ticked (zorgpad proposes "complex"), and the midwife
/// chooses single problems with a reason, then refers to the wijkteam.
const OVERRULED: &str = "
- intake
- alles
- r4u
- ja
- alles
- alleen het ongeboren kind
- negatief
- nee
- alles
- ja
- alles
- ja
- alles
- nee
- geen
- {keuze: enkelvoudig, toelichting: sterk netwerk GEHEIM}
- psychosociaal
- Wijkteam Voorbeeldstad
- nee
";

#[test]
fn the_figures_for_an_evaluation_on_a_scripted_set_of_sessions() {
    let ws = Workspace::new();
    // 1: not at the appointment, the Meldcode reported to Veilig Thuis.
    let no_show = start(
        &ws,
        "Havendorp",
        "2026-11-01T09:00:00Z",
        &format!("{TO_D4}- later\n"),
    );
    resume(&ws, &no_show, "2026-11-05T09:00:00Z", NO_SHOW_REPORTED);
    // 2: the proposal overruled, with a reason that must not leave the practice.
    ws.write("anders.yaml", OVERRULED);
    ws.cmd("start --antwoorden anders.yaml --gemeente Voorbeeldstad --kenmerk DOSSIER-4711")
        .now("2026-11-03T09:00:00Z")
        .run()
        .code(0);
    // 3: a new appointment first, then there; the MDO 16 days after the intake, handed over.
    let again = start(
        &ws,
        "Havendorp",
        "2026-11-04T09:00:00Z",
        &format!("{TO_D4}- nieuwe-afspraak\n- later\n"),
    );
    resume(&ws, &again, "2026-11-10T09:00:00Z", D4_TO_MDO_PAUSE);
    resume(&ws, &again, "2026-11-20T09:00:00Z", MDO_TO_END);

    let text = counts(&ws);
    for secret in ["GEHEIM", "DOSSIER-4711", no_show.as_str(), again.as_str()] {
        assert!(!text.contains(secret), "{secret} in\n{text}");
    }
    let c = json(&text);
    let v = &c["versies"][0];
    assert_eq!(v["sessies"], 3);
    let d2 = "D2 Problematiek — enkelvoudig of complex";
    assert_eq!(
        v["voorstellen"],
        serde_json::json!([
            {"beslissing": d2, "voorstel": "Complex", "gekozen": "Complex", "aantal": 2},
            {"beslissing": d2, "voorstel": "Complex", "gekozen": "Enkelvoudig", "aantal": 1},
        ])
    );
    assert_eq!(
        v["verschijnen"],
        serde_json::json!({"Ja, verschenen": 1, "Nee, niet verschenen — volg de Meldcode": 1})
    );
    assert_eq!(v["nieuwe_afspraak"], 1);
    // The Kindcheck/Meldcode ran at B2 in all three, at M1 after the no-show, at B6 after the
    // appointment.
    assert_eq!(
        v["meldcode"],
        serde_json::json!({
            "Afsluiten en vastleggen in het dossier": 2,
            "Kindcheck negatief": 2,
            "Melden bij Veilig Thuis": 1,
        })
    );
    assert_eq!(
        v["melding_veilig_thuis"],
        serde_json::json!({"ja": 1, "nee": 2})
    );
    assert_eq!(
        v["doorlooptijden"],
        serde_json::json!({
            "intake-verwijzing": [0, 0, 0],
            "intake-mdo": [16],
            "intake-overdracht": [16],
            "mdo-overdracht": [0],
            "verwijzing-mdo": [16],
        })
    );
    assert_eq!(
        v["uitkomsten"],
        serde_json::json!({
            "B3: Verwezen bij enkelvoudige problematiek": 1,
            "B8: Overdracht na de bevalling": 1,
            "VT: Melding gedaan bij Veilig Thuis": 1,
        })
    );

    // On the screen the same figures, each group under five hidden.
    let md = ws
        .cmd("statistiek --formaat md")
        .run()
        .code(0)
        .stdout
        .clone();
    assert_eq!(
        md_table(&md, "Voorstel van zorgpad"),
        rows(&[
            &[d2, "Complex", "Complex", "ja", "<5"],
            &[d2, "Complex", "Enkelvoudig", "nee", "<5"],
            &[d2, "Totaal", "", "", "<5"],
        ])
    );
    assert_eq!(
        md_table(&md, "Melding bij Veilig Thuis"),
        rows(&[&["Ja", "<5"], &["Nee", "<5"], &["Totaal", "<5"]])
    );
    assert!(!md.contains("GEHEIM"), "{md}");
}

#[test]
fn another_version_of_the_map_is_not_mixed_in() {
    let a = practice(&[("Voorbeeldstad", 6)]);
    let b = practice(&[("Voorbeeldstad", 2)]);
    // Practice B works with a newer Sociale Kaart.
    let mut newer = json(&counts(&b));
    newer["versies"][0]["kaart"]["versie"] = Value::from("2027.1");
    let ws = region(&[("a.json", &counts(&a)), ("b.json", &newer.to_string())]);
    let md = ws
        .cmd("statistiek samenvoegen a.json b.json --formaat md")
        .run()
        .code(0)
        .no_panic()
        .stdout
        .clone();
    let flow = "Blauwdruk Psychosociale zorg en samenwerking met Veilig Thuis versie 3.1";
    // The newer map's 2 is under five, and 8 − 6 would give it: the 6 is hidden too.
    assert_eq!(
        md_table(&md, "Sessies per versie van de flow en de Sociale Kaart"),
        rows(&[
            &[flow, "Sociale Kaart VSV Voorbeeld versie 2026.1", "x"],
            &[flow, "Sociale Kaart VSV Voorbeeld versie 2027.1", "<5"],
            &["Totaal", "", "8"],
        ])
    );
    // Each version its own figures; the hidden 6 is not given away by its rows either.
    let older = format!(
        "Route en uitkomst (het bereikte einde) — {flow}; kaart: Sociale Kaart VSV Voorbeeld versie 2026.1"
    );
    assert_eq!(
        md_table(&md, &older),
        rows(&[&["E0: Geen actie op dit moment", "x"], &["Totaal", "x"]])
    );
    let newer = format!(
        "Route en uitkomst (het bereikte einde) — {flow}; kaart: Sociale Kaart VSV Voorbeeld versie 2027.1"
    );
    assert_eq!(
        md_table(&md, &newer),
        rows(&[&["E0: Geen actie op dit moment", "<5"], &["Totaal", "<5"]])
    );
    assert!(
        md.contains("worden niet bij elkaar opgeteld: de cijfers staan per versie"),
        "{md}"
    );
    let csv = ws
        .cmd("statistiek samenvoegen a.json b.json --formaat csv")
        .run()
        .code(0)
        .stdout
        .clone();
    no_small_number(&csv);
    assert!(!csv.lines().any(|l| l.ends_with(";6")), "{csv}");
}

/// A practice's file as documented in the README, written by hand: 7 sessions referred to
/// kwetsbare-zwangeren, 5 of them without a fitting offer (2 in Havendorp, 3 in Polderwijk).
const GAPS: &str = r#"{
  "schema": "zorgpad.praktijkcijfers/1",
  "let_op": "Vertrouwelijk",
  "maanden": {"van": "2026-10", "tot": "2026-11"},
  "gemeenten": {"Havendorp": 3, "Polderwijk": 4},
  "versies": [{
    "flow": {"naam": "Blauwdruk", "versie": "3.1"},
    "kaart": null,
    "sessies": 7,
    "uitkomsten": {"Nog niet afgerond": 7},
    "verwijzingen": {"kwetsbare-zwangeren": 7},
    "geen_passend_aanbod": {"kwetsbare-zwangeren": {"Havendorp": 2, "Polderwijk": 3}},
    "voorstellen": [],
    "verschijnen": {},
    "nieuwe_afspraak": 0,
    "meldcode": {},
    "melding_veilig_thuis": {"ja": 0, "nee": 0},
    "doorlooptijden": {"intake-verwijzing": [0, 1, 1, 2, 3, 5, 8]}
  }]
}"#;

#[test]
fn the_gaps_of_a_category_are_hidden_alike_in_both_tables() {
    let ws = region(&[("gaten.json", GAPS)]);
    let md = ws
        .cmd("statistiek samenvoegen gaten.json --formaat md")
        .run()
        .code(0)
        .no_panic()
        .stdout
        .clone();
    assert!(
        md.contains("Periode: sessies gestart van 10-2026 tot en met 11-2026."),
        "{md}"
    );
    // 7 referred, of which 5 without an offer: 7 − 5 would give the 2 with an offer.
    assert_eq!(
        md_table(&md, "Verwijzingen per categorie"),
        rows(&[&["kwetsbare-zwangeren", "7", "x"]])
    );
    // The region's 5 gaps are not shown beside the gemeenten either.
    assert_eq!(
        md_table(&md, "Geen passend aanbod per categorie en gemeente"),
        rows(&[&["kwetsbare-zwangeren", "<5", "<5", "x"]])
    );
    assert_eq!(
        md_table(&md, "Doorlooptijden in dagen")[0],
        rows(&[&["Intake tot verwijzing (B3/B4)", "7", "2,0"]])[0]
    );
}
