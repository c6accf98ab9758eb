//! `zorgpad controleer` on broken flows: each file in `tests/fixtures/kapot/` has one planted
//! problem, and the validator must name it (file and line, node, the problem, and an
//! 'oplossing:'), exit 1, and report nothing else. A session on a broken flow is refused.
//! The shipped flows pass, and a VSV's own flow finds its sub-flows beside it.

use std::path::Path;

use crate::common::{Output, Test};
use serde_json::Value;

const KAPOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/kapot");

fn fixture(name: &str) -> String {
    format!("{KAPOT}/{name}")
}

/// Run `controleer` on a fixture: exit 1, no panic.
fn check(name: &str) -> Output {
    Test::new()
        .args("controleer --flow")
        .arg(fixture(name))
        .run()
        .code(1)
        .no_panic()
}

/// Assert one finding: `<file>:<line>: fout: [knoop '<node>': ]<problem>` followed by its
/// `oplossing:` line containing `fix`.
fn has_finding(
    out: &Output,
    file: &str,
    line: usize,
    node: Option<&str>,
    problem: &str,
    fix: &str,
) {
    let node = node.map(|n| format!("knoop '{n}': ")).unwrap_or_default();
    let head = format!("{file}:{line}: fout: {node}{problem}");
    let lines: Vec<&str> = out.stdout.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.ends_with(&head) && l.contains(KAPOT))
        .unwrap_or_else(|| panic!("no finding {head:?}\n--- stdout:\n{}", out.stdout));
    let next = lines.get(at + 1).copied().unwrap_or_default();
    assert!(
        next.starts_with("    oplossing: ") && next.contains(fix),
        "finding {head:?} lacks 'oplossing: …{fix}…'; next line: {next:?}"
    );
}

/// The number of errors `controleer` counted, from its closing line on stderr.
fn error_count(out: &Output) -> usize {
    let line = out
        .stderr
        .lines()
        .find(|l| l.starts_with("zorgpad: fout: ") && l.contains(" en ") && l.contains(" in "))
        .unwrap_or_else(|| panic!("no closing count\n--- stderr:\n{}", out.stderr));
    line["zorgpad: fout: ".len()..]
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count in {line:?}"))
}

/// Exactly one error: the planted one, without follow-up findings.
fn only_one(out: Output) -> Output {
    assert_eq!(
        error_count(&out),
        1,
        "expected exactly one finding\n--- stdout:\n{}",
        out.stdout
    );
    assert_eq!(out.stdout.matches(": fout: ").count(), 1, "{}", out.stdout);
    out
}

#[test]
fn unknown_target_of_an_option() {
    let out = only_one(check("onbekend-naar.yaml"));
    has_finding(
        &out,
        "onbekend-naar.yaml",
        18,
        Some("D"),
        "optie 'twijfel' verwijst naar de onbekende knoop 'E3'",
        "gebruik de id van een bestaande knoop, of voeg de knoop toe",
    );
    // A near miss is suggested.
    out.stdout_has("bedoelt u 'E1'?");
}

#[test]
fn unknown_target_of_volgende() {
    let out = only_one(check("onbekend-volgende.yaml"));
    has_finding(
        &out,
        "onbekend-volgende.yaml",
        34,
        Some("I"),
        "'volgende' verwijst naar de onbekende knoop 'Q'",
        "gebruik de id van een bestaande knoop",
    );
}

#[test]
fn duplicate_node_ids() {
    let out = only_one(check("dubbele-id.yaml"));
    // Reported where the second one stands.
    has_finding(
        &out,
        "dubbele-id.yaml",
        38,
        Some("E2"),
        "de id 'E2' komt 2 keer voor",
        "geef elke knoop een eigen id",
    );
}

#[test]
fn node_unreachable_from_the_start() {
    let out = only_one(check("onbereikbaar.yaml"));
    has_finding(
        &out,
        "onbereikbaar.yaml",
        38,
        Some("WEES"),
        "deze knoop is vanaf de start niet bereikbaar",
        "laat een optie of 'volgende' van een andere knoop ernaar wijzen, of haal de knoop weg",
    );
}

#[test]
fn non_end_node_without_volgende() {
    let out = only_one(check("geen-volgende.yaml"));
    has_finding(
        &out,
        "geen-volgende.yaml",
        30,
        Some("X"),
        "deze knoop (soort 'info') heeft geen uitweg: 'volgende' ontbreekt",
        "geef met 'volgende: <id>' aan waar het pad verdergaat",
    );
}

#[test]
fn decision_with_one_option() {
    // The end behind the broken decision is not reported as unreachable as well.
    let out = only_one(check("een-optie.yaml")).stdout_lacks("niet bereikbaar");
    has_finding(
        &out,
        "een-optie.yaml",
        18,
        Some("D"),
        "een beslissing heeft minstens twee opties nodig, deze heeft er 1",
        "voeg een tweede optie toe",
    );
}

#[test]
fn decision_without_options() {
    let out = only_one(check("geen-opties.yaml"));
    has_finding(
        &out,
        "geen-opties.yaml",
        18,
        Some("D"),
        "deze knoop (soort 'beslissing') heeft geen opties en dus geen uitweg",
        "voeg 'opties:' toe, elk met id, label en naar",
    );
}

#[test]
fn call_to_a_missing_sub_flow() {
    let out = only_one(check("ontbrekende-subflow.yaml"));
    has_finding(
        &out,
        "ontbrekende-subflow.yaml",
        18,
        Some("S"),
        "de sub-flow 'bestaat-niet' bestaat niet",
        "zet een bestand 'bestaat-niet.yaml' naast dit flowbestand, of gebruik een ingebouwde sub-flow (meldcode)",
    );
}

#[test]
fn loop_that_repeats_without_asking() {
    // Its nodes can reach no end either; the loop's own finding says why, once.
    let out = only_one(check("stille-lus.yaml")).stdout_lacks("geen einde bereikbaar");
    has_finding(
        &out,
        "stille-lus.yaml",
        30,
        Some("L1"),
        "deze knopen vormen een lus die zich eindeloos herhaalt zonder iets te vragen: L1 → L2 → L1",
        "laat de lus langs een beslissing, actie, verwijzing of wachtmoment lopen, of verbreek hem",
    );
}

#[test]
fn sub_flows_that_call_each_other() {
    // rondroeper.yaml calls terugroeper (the file beside it), which calls rondroeper again.
    let out = check("rondroeper.yaml");
    assert_eq!(error_count(&out), 2, "{}", out.stdout);
    has_finding(
        &out,
        "rondroeper.yaml",
        18,
        Some("S"),
        "de sub-flows roepen elkaar eindeloos aan: terugroeper → rondroeper → terugroeper",
        "een sub-flow mag zichzelf niet (via andere) aanroepen; verbreek de kring",
    );
    has_finding(
        &out,
        "terugroeper.yaml",
        18,
        Some("R"),
        "de sub-flows roepen elkaar eindeloos aan: rondroeper → terugroeper → rondroeper",
        "verbreek de kring",
    );
    // The sub-flow was found beside the file, not somewhere else.
    out.stderr_has(&format!("{KAPOT}/terugroeper.yaml"));
}

#[test]
fn unknown_start() {
    // Without a start nothing is reachable; that is not reported node by node.
    let out = only_one(check("onbekende-start.yaml")).stdout_lacks("niet bereikbaar");
    has_finding(
        &out,
        "onbekende-start.yaml",
        4,
        None,
        "'start: BEGIN' verwijst naar een knoop die niet bestaat",
        "laat 'start' naar de eerste knoop van de flow wijzen",
    );
}

#[test]
fn unknown_role() {
    let out = only_one(check("onbekende-rol.yaml"));
    has_finding(
        &out,
        "onbekende-rol.yaml",
        10,
        Some("A"),
        "de rol 'vx' staat niet in 'rollen:'",
        "bedoelt u 'vz'?",
    );
}

#[test]
fn step_outside_one_to_five() {
    let out = only_one(check("stap-buiten-bereik.yaml"));
    has_finding(
        &out,
        "stap-buiten-bereik.yaml",
        10,
        Some("A"),
        "'stap: 7' bestaat niet: de blauwdruk heeft de stappen 1 tot en met 5",
        "gebruik een stap van 1 tot en met 5, of laat 'stap' weg",
    );
}

#[test]
fn unknown_footnote() {
    let out = only_one(check("onbekende-voetnoot.yaml"));
    has_finding(
        &out,
        "onbekende-voetnoot.yaml",
        10,
        Some("A"),
        "voetnoot 9 bestaat niet",
        "voeg voetnoot 9 toe onder 'voetnoten:', of haal hem weg bij deze knoop",
    );
}

#[test]
fn node_from_which_no_end_is_reachable() {
    let out = only_one(check("geen-einde.yaml"));
    has_finding(
        &out,
        "geen-einde.yaml",
        30,
        Some("T"),
        "vanaf deze knoop is geen einde bereikbaar: wie hier komt, kan de flow nooit afronden",
        "laat minstens één optie of 'volgende' uiteindelijk naar een knoop van soort 'einde' leiden",
    );
}

#[test]
fn field_that_does_not_belong_to_the_kind() {
    let out = only_one(check("veld-hoort-niet.yaml"));
    has_finding(
        &out,
        "veld-hoort-niet.yaml",
        30,
        Some("E1"),
        "het veld 'vraag' hoort niet bij een knoop van soort 'einde'",
        "haal 'vraag' weg, of kies de soort die erbij past (velden van 'einde': uitkomst, uitkomst-als, vervolg)",
    );
}

// --- Conditions, sub-flow entry and exits, and the fields of actions and criteria ---------
// A finding on a condition names the line of the node that holds it.

#[test]
fn condition_naming_a_missing_node() {
    let out = only_one(check("voorwaarde-onbekende-knoop.yaml"));
    has_finding(
        &out,
        "voorwaarde-onbekende-knoop.yaml",
        17,
        Some("D"),
        "de voorwaarde 'C2 = zwaar' verwijst naar de onbekende knoop 'C2'",
        "bedoelt u 'C'? Anders: gebruik de id van een beslissing, wachtmoment, criteria-, actie- of subflow-knoop in deze flow",
    );
}

#[test]
fn condition_path_into_a_sub_flow_naming_a_node_it_lacks() {
    let out = only_one(check("voorwaarde-pad-subflow.yaml"));
    has_finding(
        &out,
        "voorwaarde-pad-subflow.yaml",
        15,
        Some("C"),
        "de voorwaarde 'MC/XX = ja' verwijst naar 'XX', dat geen knoop is van flows/meldcode.yaml (ingebouwd)",
        "bedoelt u 'KC'? Anders: controleer het pad: KNOOP/KNOOP-IN-DE-SUB-FLOW",
    );
}

#[test]
fn condition_with_an_option_the_node_lacks() {
    let out = only_one(check("voorwaarde-onbekende-optie.yaml"));
    has_finding(
        &out,
        "voorwaarde-onbekende-optie.yaml",
        17,
        Some("D"),
        "de voorwaarde 'C = ernstig': 'ernstig' is geen optie, criterium, actie of einde van 'C'",
        "kies uit: zwaar",
    );
}

#[test]
fn entry_naming_a_node_the_sub_flow_lacks() {
    let out = only_one(check("ingang-onbekend.yaml"));
    has_finding(
        &out,
        "ingang-onbekend.yaml",
        8,
        Some("MC"),
        "'ingang: MC9' is geen knoop van de sub-flow 'meldcode'",
        "bedoelt u 'MC1'? Anders: gebruik de id van een knoop in flows/meldcode.yaml (ingebouwd)",
    );
}

#[test]
fn exit_naming_a_node_that_is_not_an_end_of_the_sub_flow() {
    let out = only_one(check("uitgang-geen-einde.yaml"));
    has_finding(
        &out,
        "uitgang-geen-einde.yaml",
        8,
        Some("MC"),
        "'uitgangen:' noemt 'MC1', maar dat is geen einde van de sub-flow 'meldcode'",
        "gebruik de id van een einde van 'meldcode': KC-negatief, AK-gemeld, AK-volgen, AK-opvolging, AK-afsluiten",
    );
}

#[test]
fn outcome_sentence_on_a_node_that_does_not_come_before_the_end() {
    let out = only_one(check("uitkomst-als-verkeerde-kant.yaml"));
    has_finding(
        &out,
        "uitkomst-als-verkeerde-kant.yaml",
        34,
        Some("E1"),
        "de voorwaarde 'D2 = ja' verwijst naar 'D2', dat niet vóór 'E1' komt: het antwoord is er nog niet als de voorwaarde wordt bekeken",
        "verwijs alleen naar vragen die op de weg naar deze knoop liggen",
    );
}

#[test]
fn referral_carried_out_on_a_node_before_it() {
    let out = only_one(check("uitgevoerd-als-verkeerde-kant.yaml"));
    has_finding(
        &out,
        "uitgevoerd-als-verkeerde-kant.yaml",
        21,
        Some("R"),
        "de voorwaarde 'D = ja' verwijst naar 'D', dat niet ná 'R' komt",
        "verwijs naar een vraag die na deze verwijzing komt, zoals de toestemming van de cliënt",
    );
}

#[test]
fn ticked_in_advance_on_an_action() {
    let out = only_one(check("voorgevinkt-bij-actie.yaml"));
    has_finding(
        &out,
        "voorgevinkt-bij-actie.yaml",
        21,
        Some("A"),
        "'voorgevinkt-als' hoort bij een criterium, niet bij actie 'overleg'",
        "haal 'voorgevinkt-als' weg, of maak van de knoop een criteria-knoop",
    );
}

#[test]
fn mandatory_on_a_criterion() {
    let out = only_one(check("verplicht-bij-criterium.yaml"));
    has_finding(
        &out,
        "verplicht-bij-criterium.yaml",
        8,
        Some("C"),
        "'verplicht' hoort bij een actie, niet bij criterium 'zwaar'",
        "haal 'verplicht: true' weg bij dit criterium",
    );
}

/// Every fixture is broken, says so in its first line, and is reported without a panic and
/// with an 'oplossing:' for every finding.
#[test]
fn every_broken_fixture_is_refused() {
    let mut names: Vec<String> = std::fs::read_dir(KAPOT)
        .expect("fixtures")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".yaml"))
        .collect();
    names.sort();
    assert!(names.len() >= 12, "{names:?}");
    for name in &names {
        let text = std::fs::read_to_string(fixture(name)).unwrap();
        assert!(
            text.starts_with("# "),
            "{name}: describe the planted problem in the first line"
        );
        let out = check(name);
        let findings = out.stdout.matches(": fout: ").count();
        assert!(findings >= 1, "{name}: no finding\n{}", out.stdout);
        assert_eq!(
            out.stdout.matches("\n    oplossing: ").count(),
            findings,
            "{name}: every finding has an 'oplossing:'\n{}",
            out.stdout
        );
        assert_eq!(error_count(&out), findings, "{name}\n{}", out.stdout);
        out.stdout_lacks("In orde");
    }
}

#[test]
fn a_session_on_a_broken_flow_is_refused() {
    Test::new()
        .args("start --export s.json --flow")
        .arg(fixture("onbekend-naar.yaml"))
        .answers("- ja\n")
        .run()
        .code(1)
        .no_panic()
        .stderr_has("onbekend-naar.yaml:18: fout: knoop 'D': optie 'twijfel' verwijst naar de onbekende knoop 'E3'")
        .stderr_has("oplossing: ")
        .stderr_has("er is geen sessie gestart")
        .stdout_lacks("SAMENVATTING")
        .stdout_lacks("Uitkomst");
}

#[test]
fn a_session_on_a_recursive_flow_is_refused() {
    let out = Test::new()
        .args("start --export s.json --flow")
        .arg(fixture("rondroeper.yaml"))
        .answers("- ja\n- ja\n")
        .run()
        .code(1)
        .no_panic()
        .stderr_has("de sub-flows roepen elkaar eindeloos aan")
        .stderr_has("bevat 2 fouten; er is geen sessie gestart");
    assert!(!out.dir.join("s.json").exists());
}

#[test]
fn the_embedded_flows_are_in_order() {
    Test::new()
        .args("controleer")
        .run()
        .code(0)
        .no_panic()
        .stdout_has("In orde: flows/blauwdruk-psychosociaal.yaml (ingebouwd)")
        .stdout_has("In orde: flows/meldcode.yaml (ingebouwd)")
        .stdout_lacks(": fout: ");
}

#[test]
fn the_shipped_blueprint_file_is_in_order_and_finds_the_meldcode_beside_it() {
    let flows = Path::new(env!("CARGO_MANIFEST_DIR")).join("flows");
    Test::new()
        .args("controleer --flow")
        .arg(
            flows
                .join("blauwdruk-psychosociaal.yaml")
                .display()
                .to_string(),
        )
        .run()
        .code(0)
        .no_panic()
        .stdout_has(&format!(
            "In orde: {}",
            flows.join("blauwdruk-psychosociaal.yaml").display()
        ))
        .stdout_has(&format!(
            "In orde: {}",
            flows.join("meldcode.yaml").display()
        ))
        .stdout_lacks("(ingebouwd)")
        .stdout_lacks(": fout: ");
}

/// A VSV's own main flow that calls the sub-flow `meldcode`.
const OWN_FLOW: &str = "\
naam: Eigen pad van het VSV
versie: \"2\"
start: A
knopen:
  - id: A
    soort: subflow
    titel: Kindcheck
    uitleg: Eerst de Kindcheck.
    flow: meldcode
    volgende: E
  - id: E
    soort: einde
    titel: Klaar
    uitkomst: Eigen pad doorlopen.
";

/// The VSV's own Meldcode, beside its flow.
const OWN_MELDCODE: &str = "\
naam: Meldcode van het eigen VSV
versie: \"7\"
start: EIGEN-KC
knopen:
  - id: EIGEN-KC
    soort: beslissing
    titel: Eigen Kindcheck
    uitleg: De Kindcheck zoals dit VSV hem doet.
    vraag: Zijn er zorgen over de kinderen?
    opties:
      - id: ja
        label: Ja
        naar: EIGEN-EINDE
      - id: nee
        label: Nee
        naar: EIGEN-EINDE
  - id: EIGEN-EINDE
    soort: einde
    titel: Klaar
    uitkomst: Eigen Kindcheck gedaan.
";

#[test]
fn an_own_flow_finds_its_sub_flow_beside_it() {
    Test::new()
        .file("vsv/pad.yaml", OWN_FLOW)
        .file("vsv/meldcode.yaml", OWN_MELDCODE)
        .args("controleer --flow vsv/pad.yaml")
        .run()
        .code(0)
        .no_panic()
        .stdout_has("In orde: vsv/pad.yaml — Eigen pad van het VSV (versie 2)")
        .stdout_has("In orde: vsv/meldcode.yaml — Meldcode van het eigen VSV (versie 7)")
        .stdout_lacks("(ingebouwd)");

    // And a session walks that one, not the embedded Meldcode.
    let out = Test::new()
        .file("vsv/pad.yaml", OWN_FLOW)
        .file("vsv/meldcode.yaml", OWN_MELDCODE)
        .args("start --flow vsv/pad.yaml --export s.json")
        .answers("- nee\n")
        .run()
        .code(0)
        .no_panic();
    let json: Value = serde_json::from_str(&out.read("s.json")).expect("json export");
    let route: Vec<&str> = json["route"]
        .as_array()
        .expect("route")
        .iter()
        .map(|r| r["knoop"].as_str().unwrap())
        .collect();
    assert!(route.contains(&"EIGEN-KC"), "{route:?}");
    assert_eq!(json["uitkomst"], "Eigen pad doorlopen.");
}

#[test]
fn an_own_flow_without_a_sub_flow_beside_it_uses_the_embedded_meldcode() {
    Test::new()
        .file("vsv/pad.yaml", OWN_FLOW)
        .args("controleer --flow vsv/pad.yaml")
        .run()
        .code(0)
        .no_panic()
        .stdout_has("In orde: vsv/pad.yaml — Eigen pad van het VSV (versie 2)")
        .stdout_has("In orde: flows/meldcode.yaml (ingebouwd)")
        .stdout_lacks("Meldcode van het eigen VSV");
}

#[test]
fn a_broken_sub_flow_beside_the_flow_is_reported_in_its_own_file() {
    let broken = OWN_MELDCODE.replace(
        "naar: EIGEN-EINDE\n  - id: EIGEN-EINDE",
        "naar: EIGEN-EIND\n  - id: EIGEN-EINDE",
    );
    assert_ne!(broken, OWN_MELDCODE);
    let out = Test::new()
        .file("vsv/pad.yaml", OWN_FLOW)
        .file("vsv/meldcode.yaml", broken)
        .args("controleer --flow vsv/pad.yaml")
        .run()
        .code(1)
        .no_panic()
        .stdout_has("vsv/meldcode.yaml:5: fout: knoop 'EIGEN-KC': optie 'nee' verwijst naar de onbekende knoop 'EIGEN-EIND'")
        .stdout_has("bedoelt u 'EIGEN-EINDE'?");
    assert_eq!(error_count(&out), 1, "{}", out.stdout);
}

/// A node that does not convert (here: an action without 'acties') is reported once; the nodes
/// before it are not "without an end" and the nodes after it are not "unreachable".
#[test]
fn a_broken_node_causes_no_follow_up_findings() {
    let flow = "\
naam: Gebroken midden
versie: \"1\"
start: A
knopen:
  - id: A
    soort: info
    titel: Begin
    uitleg: Begin.
    volgende: I
  - id: I
    soort: info
    titel: Tussen
    uitleg: Tussen.
    volgende: X
  - id: X
    soort: actie
    titel: Acties vergeten
    uitleg: Hier ontbreken de acties.
    volgende: E
  - id: E
    soort: einde
    titel: Klaar
    uitkomst: Klaar.
";
    let out = Test::new()
        .file("midden.yaml", flow)
        .args("controleer --flow midden.yaml")
        .run()
        .code(1)
        .no_panic()
        .stdout_has("midden.yaml:15: fout: knoop 'X': een knoop van soort 'actie' heeft 'acties' nodig, maar die ontbreekt")
        .stdout_has("oplossing: voeg 'acties:' toe met een lijst van acties (id en tekst)")
        .stdout_lacks("niet bereikbaar")
        .stdout_lacks("geen einde bereikbaar");
    assert_eq!(error_count(&out), 1, "{}", out.stdout);
}

/// A finding points at the node's own line, not at an earlier option with the same id.
#[test]
fn findings_point_at_the_node_not_at_an_option_with_the_same_id() {
    let flow = "\
naam: Zelfde id
versie: \"1\"
start: A
knopen:
  - id: A
    soort: beslissing
    titel: Keuze
    uitleg: Een keuze.
    vraag: Verder of klaar?
    opties:
      - id: B
        label: Verder
        naar: B
      - id: E
        label: Klaar
        naar: E
  - id: B
    soort: info
    rol: onbekend
    titel: Verder
    uitleg: Verder.
    volgende: E
  - id: E
    soort: einde
    titel: Klaar
    uitkomst: Klaar.
  - id: E
    soort: einde
    titel: Nog eens klaar
    uitkomst: Dubbel.
";
    let out = Test::new()
        .file("zelfde.yaml", flow)
        .args("controleer --flow zelfde.yaml")
        .run()
        .code(1)
        .no_panic()
        .stdout_has("zelfde.yaml:17: fout: knoop 'B': de rol 'onbekend' staat niet in 'rollen:'")
        .stdout_has("zelfde.yaml:27: fout: knoop 'E': de id 'E' komt 2 keer voor");
    assert_eq!(error_count(&out), 2, "{}", out.stdout);
}

/// A mistake in a node that conditions elsewhere name (D2-criteria, named by the proposal of
/// D2) is one finding: the conditions that name the broken node say nothing more.
#[test]
fn a_broken_node_named_by_conditions_is_one_finding() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("flows");
    let main = std::fs::read_to_string(root.join("blauwdruk-psychosociaal.yaml")).unwrap();
    let broken = main.replacen(
        "      - id: twijfel\n        tekst: (Geringe) twijfel of persisterende problemen\n",
        "      - id: twijfel\n        tekst: (Geringe) twijfel of persisterende problemen\n        verplicht: true\n",
        1,
    );
    assert_ne!(broken, main, "the criterion 'twijfel' was not found");
    let out = Test::new()
        .file("mijn.yaml", broken)
        .file(
            "meldcode.yaml",
            std::fs::read_to_string(root.join("meldcode.yaml")).unwrap(),
        )
        .args("controleer --flow mijn.yaml")
        .run()
        .code(1)
        .no_panic();
    let out = only_one(out);
    assert!(
        out.stdout
            .contains("'verplicht' hoort bij een actie, niet bij criterium 'twijfel'"),
        "{}",
        out.stdout
    );
}

#[test]
fn vervolg_to_an_unknown_node_and_an_empty_label() {
    let out = check("vervolg-onbekend.yaml");
    assert_eq!(error_count(&out), 2, "{}", out.stdout);
    has_finding(
        &out,
        "vervolg-onbekend.yaml",
        30,
        Some("E1"),
        "'vervolg' gaat naar 'DD', maar die knoop bestaat niet",
        "'D'",
    );
    has_finding(
        &out,
        "vervolg-onbekend.yaml",
        37,
        Some("E2"),
        "'vervolg' heeft een leeg 'label'",
        "zeg in 'label:'",
    );
}

#[test]
fn weighty_where_nothing_is_picked() {
    // At D, a decision, 'zwaarwegend' is fine; at the actions of A it is the one finding.
    let out = only_one(check("zwaarwegend-bij-actie.yaml"));
    has_finding(
        &out,
        "zwaarwegend-bij-actie.yaml",
        8,
        Some("A"),
        "'zwaarwegend' hoort niet bij een knoop van soort 'actie'",
        "het hoort bij een beslissing, wachtmoment of verwijzing",
    );
}

#[test]
fn a_follow_up_going_on_at_itself_at_an_unknown_node_or_asked_at_an_unknown_node() {
    let out = check("opvolging-kapot.yaml");
    assert_eq!(error_count(&out), 3, "{}", out.stdout);
    has_finding(
        &out,
        "opvolging-kapot.yaml",
        10,
        Some("W1"),
        "'opvolging: verder' verwijst naar de wachtknoop zelf",
        "noem bij 'verder' de knoop waar het pad verder gaat",
    );
    has_finding(
        &out,
        "opvolging-kapot.yaml",
        23,
        Some("W2"),
        "'opvolging: verder' verwijst naar de onbekende knoop 'BB'",
        "'B'",
    );
    has_finding(
        &out,
        "opvolging-kapot.yaml",
        34,
        Some("W3"),
        "'opvolging: uiterlijk' noemt 'EE', maar dat is geen knoop van de hoofdflow",
        "'E'",
    );
}
