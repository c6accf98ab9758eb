//! A generated, valid flow of any size, for the benchmark `benches/flow.rs` and the
//! integration test that runs `zorgpad controleer` on it.
//!
//! Why this exists: the shipped flows have a few dozen nodes, so a check that grows
//! quadratically with the size of a flow goes unnoticed on them. This flow has what a large
//! hand-written one has — decisions whose branches rejoin, actions, criteria, referrals,
//! waits, sub-flow calls (the embedded Meldcode), early ends and proposals that look back at
//! earlier questions — repeated until it has the asked number of nodes.

/// Nodes in one repeated segment: D (decision), A (action), I (info), S (sub-flow), J
/// (criteria), R (referral), W (wait) and E (an early end).
const SEGMENT: usize = 8;

/// The YAML text of a valid flow with exactly `nodes` nodes (at least 1 + [`SEGMENT`]).
pub fn big_flow(nodes: usize) -> String {
    assert!(nodes > SEGMENT, "a generated flow has at least one segment");
    let segments = (nodes - 1) / SEGMENT;
    let padding = nodes - 1 - segments * SEGMENT;
    let mut s = String::with_capacity(nodes * 300);
    s.push_str(
        "# Gegenereerd: een grote, geldige flow om de controle op schaal te meten.\n\
         naam: Gegenereerde flow\nversie: \"1\"\nstart: D0\n\
         rollen:\n  vz: Verloskundig zorgverlener\n  pob: POH-GGZ\n\
         voetnoten:\n  1: Een voetnoot.\nknopen:\n",
    );
    for i in 0..segments {
        let next = if i + 1 < segments {
            format!("D{}", i + 1)
        } else if padding > 0 {
            "P0".to_string()
        } else {
            "EINDE".to_string()
        };
        segment(&mut s, i, &next);
    }
    for p in 0..padding {
        let next = if p + 1 < padding {
            format!("P{}", p + 1)
        } else {
            "EINDE".to_string()
        };
        s.push_str(&format!(
            "  - id: P{p}\n    soort: info\n    titel: Afronding {p}\n    uitleg: Een stap naar het einde.\n    volgende: {next}\n"
        ));
    }
    s.push_str(
        "  - id: EINDE\n    soort: einde\n    titel: Einde\n    uitkomst: De flow is doorlopen.\n",
    );
    s
}

/// One segment: the decision D{i} branches to an action and to an info with a sub-flow call,
/// both rejoin at the criteria J{i}, then a referral and a wait lead to `next`.
fn segment(s: &mut String, i: usize, next: &str) {
    let stap = 1 + i % 5;
    s.push_str(&format!(
        "  - id: D{i}\n    soort: beslissing\n    stap: {stap}\n    rol: vz\n    titel: Beslissing {i}\n\
         \x20   uitleg: Een keuze die de weg splitst; beide takken komen weer samen.\n\
         \x20   voetnoten: [1]\n    vraag: Ja of nee?\n    opties:\n\
         \x20     - id: ja\n        label: Ja\n        naar: A{i}\n\
         \x20     - id: nee\n        label: Nee\n        naar: I{i}\n\
         \x20     - id: stop\n        label: Stoppen\n        naar: E{i}\n"
    ));
    if i > 0 && i.is_multiple_of(3) {
        let before = i - 1;
        s.push_str(&format!(
            "    voorstel:\n      regels:\n        - dan: ja\n          een-van: [\"W{before} = klaar\", \"J{before} = c2\"]\n\
             \x20       - dan: stop\n          alle: [\"D{before} = nee\", \"J{before} = c1\"]\n          dwingend: true\n\
             \x20     anders: nee\n"
        ));
    }
    s.push_str(&format!(
        "  - id: A{i}\n    soort: actie\n    rol: pob\n    titel: Actie {i}\n    uitleg: Iets te doen.\n\
         \x20   acties:\n      - id: a1\n        tekst: Het eerste\n      - id: a2\n        tekst: Het tweede\n        rol: vz\n\
         \x20   volgende: J{i}\n\
         \x20 - id: I{i}\n    soort: info\n    titel: Info {i}\n    uitleg: Iets om te weten.\n    volgende: S{i}\n\
         \x20 - id: S{i}\n    soort: subflow\n    titel: Meldcode {i}\n    uitleg: De Meldcode als sub-flow.\n    flow: meldcode\n    volgende: J{i}\n\
         \x20 - id: J{i}\n    soort: criteria\n    titel: Criteria {i}\n    uitleg: Wat geldt er?\n\
         \x20   criteria:\n      - id: c1\n        tekst: Het eerste criterium\n      - id: c2\n        tekst: Het tweede criterium\n\
         \x20   volgende: R{i}\n\
         \x20 - id: R{i}\n    soort: verwijzing\n    titel: Verwijzing {i}\n    uitleg: Naar wie?\n    categorie: psychosociaal\n    volgende: W{i}\n\
         \x20 - id: W{i}\n    soort: wachten\n    titel: Wachten {i}\n    uitleg: Tot het zover is.\n    vraag: Hoe ging het?\n\
         \x20   opties:\n      - id: klaar\n        label: Klaar\n        naar: {next}\n\
         \x20 - id: E{i}\n    soort: einde\n    titel: Vroeg einde {i}\n    uitkomst: Gestopt bij beslissing {i}.\n"
    ));
}
