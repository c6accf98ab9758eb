//! Golden exports: one fixed session (two processes, two roles, a changed answer, notes,
//! actions not applicable and open, a referral, characters that need escaping), exported as
//! Markdown, JSON and HTML and compared byte for byte with `tests/golden/sessie.*`.
//!
//! The session id ends in random hex; it is replaced by `SESSIE-ID` before comparing.
//! The comparison and how to rewrite the files after an intended change: `golden_file.rs`.

use crate::common::Workspace;
use crate::golden_file;

pub(crate) const PLACEHOLDER: &str = "SESSIE-ID";

/// Up to the appointment (D4), paused until 10-12-2026.
const PART_1: &str = r#"
- intake                                     # IN: at the intake
- gedaan: [intakegesprek]                    # B1: screening still open
  notitie: "Screening bij 2e controle <R4U> & overleg | collega"
- r4u                                        # instrument ...
- terug                                      # ... changed at D1
- keuze: ander
  toelichting: "EPDS, score 14"
- ja                                         # D1
- gedaan: [zwanger, kinderen, zorg]          # Kindcheck
  nvt: [overdag]
- "ongeboren kind; 2 kinderen (3 & 6 jaar)"  # Kindcheck: children
- positief
- gedaan: [signalen]                         # Meldcode step 1: Kindcheck record open
  notitie: Aandachtsfunctionaris geraadpleegd op 20-11
- Aandachtsfunctionaris VSV Voorbeeld         # step 2
- ja                                         # advice from Veilig Thuis
- keuze: overgeslagen                        # step 3 skipped, with why
  toelichting: partner aanwezig; gesprek niet veilig
- ja                                         # afwegingskader 1: suspicion
- nee                                        # 2: no acute/structural unsafety
- ja                                         # 3: help possible
- ja                                         # 4: help accepted
- alles                                      # help organised
- "Wijkteam & verloskundige, tot 6 weken na de bevalling"   # who monitors the safety
- ja                                         # 5: lasting safety
- alles                                      # B2
- nee                                        # no consent for current care
- nee                                        # no consent for the GP
- ja                                         # VoorZorg
- kaart: [VoorZorg Voorbeeldregio]
  andere: ["Stichting \"Moeder & Kind\""]
  notitie: aangemeld per telefoon
- [kind-in-gevaar, geen-toestemming, misbruik, twijfel]   # D2 criteria (three ticked in advance)
- keuze: complex                             # D2 (doubt: always complex)
  toelichting: persisterende klachten
- Centrum Kwetsbare Zwangeren                # B4
- ja                                         # D3
- alles                                      # B5
- Jeugdverpleegkundige CKZ                   # B5: coordinating care provider
- later: 10-12-2026                          # D4
"#;

/// From the appointment to the end, by the coordinating care provider.
const PART_2: &str = "
- ja                                  # D4
- alles                               # Kindcheck (B6)
- ongeboren kind; 2 kinderen (3 en 6 jaar)
- negatief
- nee                                 # no other signals
- [toestemming, behandelplan]         # B6: planning the MDO still open
- alles                               # B7
- Wijkverpleegkundige CJG             # B7: coordinator post partum
- alles                               # B7: feedback to all
- bevallen                            # W1
- gedaan: [overdracht-coordinator-post-partum]
  nvt: [overdracht-betrokkenen]
";

/// The fixed session, stored in a workspace; returns its id.
pub(crate) fn session(ws: &Workspace) -> String {
    let id = by_the_midwife(ws);
    ws.cmd(&format!("hervat {id} --rol coordinerend-zorgverlener"))
        .now("2026-12-10T14:00:00Z")
        .answers(PART_2)
        .run()
        .code(0)
        .no_panic();
    id
}

/// The fixed session up to the birth (W1): the coordinating care provider's answers stop
/// before it; returns its id.
pub(crate) fn session_until_the_birth(ws: &Workspace) -> String {
    let id = by_the_midwife(ws);
    let before_the_birth = PART_2
        .split("- bevallen")
        .next()
        .expect("the answers before the birth");
    ws.cmd(&format!("hervat {id} --rol coordinerend-zorgverlener"))
        .now("2026-12-10T14:00:00Z")
        .answers(before_the_birth)
        .run()
        .code(2)
        .no_panic()
        .stderr_has("de antwoorden zijn op");
    id
}

/// The midwife's part, up to the appointment; returns the session's id.
fn by_the_midwife(ws: &Workspace) -> String {
    ws.cmd("start --rol verloskundig-zorgverlener --kenmerk P-2026-0042")
        .now("2026-11-22T09:00:00Z")
        .answers(PART_1)
        .run()
        .code(0)
        .no_panic();
    ws.only_session()
}

/// Session `id` exported in md, json and html the day after, each compared with its golden
/// file `NAME.FORMAT` (the session id as [`PLACEHOLDER`]).
pub(crate) fn check_exports(ws: &Workspace, id: &str, name: &str) {
    for format in ["md", "json", "html"] {
        let out = ws
            .cmd(&format!("export {id} --formaat {format}"))
            .now("2026-12-11T08:00:00Z")
            .run()
            .code(0)
            .no_panic();
        assert!(out.stdout.contains(id), "{format}: no session id");
        golden_file::check(
            &format!("{name}.{format}"),
            &out.stdout.replace(id, PLACEHOLDER),
        );
    }
}

#[test]
fn exports_match_the_golden_files_byte_for_byte() {
    let ws = Workspace::new();
    let id = session(&ws);
    check_exports(&ws, &id, "sessie");
}

#[test]
fn the_export_file_is_the_same_as_the_export_on_screen() {
    let ws = Workspace::new();
    let id = session(&ws);
    for format in ["md", "json", "html"] {
        let screen = ws
            .cmd(&format!("export {id} --formaat {format}"))
            .now("2026-12-11T08:00:00Z")
            .run()
            .code(0);
        ws.cmd(&format!("export {id} -o uit.{format}"))
            .now("2026-12-11T08:00:00Z")
            .run()
            .code(0);
        assert_eq!(ws.read(&format!("uit.{format}")), screen.stdout, "{format}");
    }
}

#[test]
fn the_outcome_says_what_was_done_and_nothing_of_a_handover_not_applicable() {
    let ws = Workspace::new();
    let id = session(&ws);
    let out = ws.cmd(&format!("export {id} --formaat json")).run().code(0);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    let outcome = json["uitkomst"].as_str().expect("outcome");
    assert!(
        outcome
            .contains("Na de bevalling overgedragen aan de coördinerend zorgverlener post partum."),
        "{outcome}"
    );
    assert!(
        outcome.contains("In het MDO is het definitieve behandelplan vastgesteld."),
        "{outcome}"
    );
    // The handover to the others was marked n.v.t.: neither done nor still open.
    assert!(!outcome.contains("andere betrokken"), "{outcome}");
    assert!(!outcome.contains("staat nog open"), "{outcome}");
}
