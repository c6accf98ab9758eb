//! `zorgpad controleer` on a generated flow of 10,000 nodes (the one `benches/flow.rs`
//! measures): it passes, with every node counted, and a broken copy of it names each unknown
//! target with a suggestion. How fast is the benchmark's business; these check the answers.
//! Also a duplicate id whose second node leads elsewhere, which the graph index once
//! tripped over.

use crate::common::Test;

#[path = "../../benches/support/big_flow.rs"]
pub(crate) mod generator;

#[test]
fn a_generated_flow_of_10000_nodes_passes_the_check() {
    Test::new()
        .file("groot.yaml", generator::big_flow(10_000))
        .args("controleer --flow groot.yaml")
        .run()
        .code(0)
        .no_panic()
        .stdout_has("In orde: groot.yaml — Gegenereerde flow (versie 1), 10000 knopen.")
        .stdout_has("In orde: flows/meldcode.yaml (ingebouwd)");
}

#[test]
fn every_unknown_target_of_a_large_flow_gets_its_suggestion() {
    // Each 'naar' and 'volgende' of the segment decisions gets an 'x' at the end: 'A7x'.
    let text = generator::big_flow(2_000)
        .lines()
        .map(|l| {
            let target =
                l.trim_start().starts_with("naar: A") || l.trim_start().starts_with("volgende: J");
            if target {
                format!("{l}x\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect::<String>();
    let out = Test::new()
        .file("kapot.yaml", text)
        .args("controleer --flow kapot.yaml")
        .run()
        .code(1)
        .no_panic();
    let unknown = out.stdout.matches("naar de onbekende knoop").count();
    // Per segment: option 'ja' → A, and 'volgende' of A and of S → J.
    assert_eq!(unknown, 3 * (1999 / 8), "{}", &out.stdout[..2000]);
    assert!(out
        .stdout
        .contains("knoop 'D7': optie 'ja' verwijst naar de onbekende knoop 'A7x'\n    oplossing: bedoelt u 'A7'?"));
}

#[test]
fn a_second_node_with_the_same_id_that_leads_elsewhere_is_reported() {
    let flow = "\
naam: Dubbel
versie: \"1\"
start: A
knopen:
  - id: A
    soort: info
    titel: A
    uitleg: Het begin.
    volgende: E
  - id: A
    soort: info
    titel: Nog een A
    uitleg: Dezelfde id, een ander doel.
    volgende: ONBEKEND
  - id: E
    soort: einde
    titel: Einde
    uitkomst: Klaar.
";
    Test::new()
        .file("dubbel.yaml", flow)
        .args("controleer --flow dubbel.yaml")
        .run()
        .code(1)
        .no_panic()
        .stdout_has("dubbel.yaml:10: fout: knoop 'A': de id 'A' komt 2 keer voor")
        .stdout_has("knoop 'A': 'volgende' verwijst naar de onbekende knoop 'ONBEKEND'");
}
