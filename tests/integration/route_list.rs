//! `zorgpad routes`: every route of the pathway and the coverage by the practice cases, through
//! the real binary.

use crate::common::Test;
use crate::golden_file;

use crate::big_flow::generator;

/// A small flow whose routes are known: a choice with two options to the same node, a choice
/// whose branches meet again, a wait with a follow-up, a loop back to the start, two ends.
const SMALL: &str = r#"naam: Klein zorgpad
versie: "1"
start: A
knopen:
  - id: A
    soort: beslissing
    blauwdruk: A
    titel: Begin
    uitleg: Waar het begint.
    vraag: Welke kant?
    opties:
      - id: links
        label: Links
        naar: L
      - id: rechts
        label: Rechts
        naar: R
      - id: ook-links
        label: Ook links
        naar: L
  - id: L
    soort: beslissing
    blauwdruk: L
    titel: Instrument
    uitleg: Een keuze die weer samenkomt.
    vraag: Welk instrument?
    opties:
      - id: een
        label: Een
        naar: M
      - id: twee
        label: Twee
        naar: L2
  - id: L2
    soort: info
    blauwdruk: L
    titel: Over het tweede instrument
    uitleg: Alleen bij twee.
    volgende: M
  - id: M
    soort: wachten
    blauwdruk: M
    titel: Afspraak
    uitleg: Wachten op de afspraak.
    vraag: Is de afspraak geweest?
    opvolging:
      verder: E1
    opties:
      - id: ja
        label: Ja
        naar: E1
      - id: opnieuw
        label: Nee, opnieuw beginnen
        naar: A
  - id: R
    soort: einde
    blauwdruk: R
    titel: Rechts klaar
    uitkomst: Klaar langs rechts.
  - id: E1
    soort: einde
    blauwdruk: E1
    titel: Links klaar
    uitkomst: Klaar langs links.
"#;

#[test]
fn routes_of_the_blueprint_reach_every_end_and_give_the_coverage_of_the_six_cases() {
    let out = Test::new().args("routes").run().code(0).no_panic();
    let out = out
        .stdout_has("ROUTES — Blauwdruk Psychosociale zorg en samenwerking met Veilig Thuis")
        .stdout_has("Routes: 23 van het begin tot een einde, en 2 lussen")
        .stdout_has(
            "Dekking door de oefencasussen: 6 van de 23 routes (26%), met 6 van de 6 casussen",
        )
        .stdout_has(
            "Gedekt: 6 van de 23 routes (26%). Zonder casus: route 4, 5, 6, 7, 10, 12, 13,",
        );
    for end in [
        "einde E0 Geen actie op dit moment: IN › B1 › D1 › E0",
        "einde E-enkelvoudig (B3) Verwezen bij enkelvoudige problematiek",
        "einde E-meldcode (M1) Meldcode gevolgd, zonder melding",
        "einde E-veilig-thuis (VT) Melding gedaan bij Veilig Thuis",
        "einde E-overdracht (B8) Overdracht na de bevalling: IN › B1 › D1 › B2 › D2 › B4 › D3 › B5 › D4 › B6 › B7 › W1 › B8",
    ] {
        assert!(out.stdout.contains(end), "{end} missing:\n{}", out.stdout);
    }
    // The Meldcode entered at MC1 (M1) ends in its outcomes, the follow-up of AK5 among them;
    // not in a negative Kindcheck, which lies before MC1.
    let out = out
        .stdout_has("M1 Volg Meldcode: uitkomst Melden bij Veilig Thuis (AK-gemeld)")
        .stdout_has("Hulp geboden; vraag 5 volgt als opvolging (AK-opvolging)")
        .stdout_lacks("M1 Volg Meldcode: uitkomst Kindcheck negatief");
    // The loops once, and marked on the routes that pass their start.
    let out = out
        .stdout_has("↺ D4 Cliënt verschijnt op afspraak → D4: Nee — nieuwe afspraak gemaakt")
        .stdout_has("↺ lus bij M1: Verwijzing opnieuw aanbieden → terug naar B4");
    assert_eq!(out.stdout.matches("\n  - ↺ ").count(), 2, "{}", out.stdout);
    // Each case follows exactly one route; the one that goes round D4 is named at the loop.
    for (case, route) in [
        // By their numbers in `zorgpad oefen`: 1 geen-ppm, 2 enkelvoudig-verwijzen,
        // 3 persisterende-problemen, 4 geen-toestemming, 5 niet-verschenen, 6 mdo-en-overdracht.
        ("1", "route 1 "),
        ("2", "route 2 "),
        ("3", "route 3 "),
        ("6", "route 8 "),
        ("5", "route 9 "),
        ("4", "route 11 "),
    ] {
        let row = out
            .stdout
            .lines()
            .find(|l| l.starts_with(&format!("│ {case} ")))
            .unwrap_or_else(|| panic!("no row for {case}"));
        assert!(row.contains(route), "{case}: {row}");
    }
    let routes = out
        .stdout
        .lines()
        .filter(|l| l.starts_with("  - Route "))
        .count();
    assert_eq!(routes, 23);
    let uncovered = out
        .stdout
        .lines()
        .filter(|l| l.starts_with("  - Route ") && l.contains("(geen casus)"))
        .count();
    assert_eq!(uncovered, 17);
    assert!(
        out.stdout
            .contains("Bij route 3, 4, 5, 8, 9, 10, 14, 15, 16, 19, 20, 21\n      - Casus: 5"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_small_flow_gives_exactly_its_routes_and_marks_those_no_case_follows() {
    let out = Test::new()
        .file("klein.yaml", SMALL)
        .args("routes --flow klein.yaml")
        .run()
        .code(0)
        .no_panic();
    let routes: Vec<&str> = out
        .stdout
        .lines()
        .skip_while(|l| *l != "Routes")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .collect();
    assert_eq!(
        routes,
        [
            "  - Route 1 (geen casus) — einde E1 Links klaar: A › L › M › E1",
            "      - A Begin: Links of Ook links",
            "      - M Afspraak: Ja of Later (opvolging naast het pad)",
            "      - ↺ lus bij M: Nee, opnieuw beginnen → terug naar A",
            "      - Geen casus volgt deze route",
            "  - Route 2 (geen casus) — einde R Rechts klaar: A › R",
            "      - A Begin: Rechts",
            "      - Geen casus volgt deze route",
        ]
    );
    out.stdout_has("Routes: 2 van het begin tot een einde, en 1 lus")
        .stdout_has("Dekking door de oefencasussen: 0 van de 2 routes (0%), met 0 van de 6 casussen")
        .stdout_has("│ 1 ")
        .stdout_has("past niet bij deze")
        .stdout_has("Gedekt: 0 van de 2 routes (0%). Zonder casus: route 1, 2.")
        .stdout_has("  - ↺ M Afspraak → A: Nee, opnieuw beginnen\n      - Bij route 1\n      - Geen casus gaat deze lus rond");
}

#[test]
fn a_broken_flow_file_gives_the_usual_dutch_error() {
    Test::new()
        .file("kapot.yaml", "naam: Kapot\nknopen: [\n")
        .args("routes --flow kapot.yaml")
        .run()
        .code(2)
        .no_panic()
        .stderr_has("kapot.yaml")
        .stderr_has("Dit is geen geldig flowbestand");
    Test::new()
        .args("routes --flow weg.yaml")
        .run()
        .code(2)
        .no_panic()
        .stderr_has("weg.yaml");
    // A flow that loads but is broken as a graph is refused with its findings (exit 1), as
    // toon and graaf refuse it.
    Test::new()
        .file("fout.yaml", SMALL.replace("naar: R\n", "naar: NERGENS\n"))
        .args("routes --flow fout.yaml")
        .run()
        .code(1)
        .no_panic()
        .stderr_has("fout.yaml:5: fout: knoop 'A': optie 'rechts' verwijst naar de onbekende knoop 'NERGENS'")
        .stderr_has("zorgpad zoekt er geen routes in");
}

#[test]
fn routes_as_markdown_for_the_meeting_match_the_golden_file() {
    let out = Test::new()
        .args("routes --formaat md")
        .run()
        .code(0)
        .no_panic();
    golden_file::check("routes.md", &out.stdout);
    assert!(out
        .stdout
        .starts_with("# Routes van het zorgpad — Blauwdruk"));
    let written = Test::new()
        .args("routes -o routes.md")
        .run()
        .code(0)
        .stderr_has("23 routes geschreven naar routes.md");
    assert_eq!(written.read("routes.md"), out.stdout);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(written.dir.join("routes.md"))
            .expect("routes.md")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    Test::new()
        .args("routes --formaat tekst -o routes.md")
        .run()
        .code(2)
        .stderr_has("--formaat tekst past niet bij de bestandsnaam 'routes.md'");
}

#[test]
fn a_flow_with_very_many_routes_stops_at_the_cap_with_a_dutch_message() {
    // 1,000 nodes: 124 segments with two ways on each (2^124 routes), far more than can be listed.
    let out = Test::new()
        .file("groot.yaml", generator::big_flow(1_000))
        .args("routes --flow groot.yaml")
        .run()
        .code(0)
        .no_panic()
        .stderr_has("Let op: deze flow heeft meer dan 250 routes; zorgpad toont de eerste 250.")
        .stdout_has("Deze flow heeft meer dan 250 routes; hier staan de eerste 250");
    let routes = out
        .stdout
        .lines()
        .filter(|l| l.starts_with("  - Route "))
        .count();
    assert_eq!(routes, 250);
}
