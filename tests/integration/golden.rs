//! Golden exports: one fixed session (two processes, two roles, a changed answer, notes,
//! actions not applicable and open, a referral, characters that need escaping), exported as
//! Markdown, JSON and HTML and compared byte for byte with `tests/golden/sessie.*`.
//!
//! The session id ends in random hex; it is replaced by `SESSIE-ID` before comparing.
//! After an intended change of the output, regenerate the files and review the diff:
//!
//!     ZORGPAD_GOLDEN_UPDATE=1 cargo test --test integration golden::

use std::path::PathBuf;

use crate::common::Workspace;

const PLACEHOLDER: &str = "SESSIE-ID";

/// Up to the appointment (D4), paused until 10-12-2026.
const PART_1: &str = r#"
- gedaan: [intakegesprek]                    # B1: screening still open
  notitie: "Screening bij 2e controle <R4U> & overleg | collega"
- r4u                                        # instrument ...
- terug                                      # ... changed at D1
- keuze: ander
  toelichting: "EPDS, score 14"
- ja                                         # D1
- gedaan: [zwanger, kinderen, zorg, aantal]  # Kindcheck
  nvt: [overdag]
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
- ja                                         # 5: lasting safety
- alles                                      # B2
- nee                                        # no consent
- ja                                         # VoorZorg
- kaart: [VoorZorg Voorbeeldregio]
  andere: ["Stichting \"Moeder & Kind\""]
  notitie: aangemeld per telefoon
- [twijfel]                                  # D2 criteria
- keuze: complex                             # D2 (doubt: always complex)
  toelichting: persisterende klachten
- Centrum Kwetsbare Zwangeren                # B4
- ja                                         # D3
- alles                                      # B5
- later: 10-12-2026                          # D4
"#;

/// From the appointment to the end, by the coordinating care provider.
const PART_2: &str = "
- ja                                  # D4
- alles                               # Kindcheck (B6)
- negatief
- [toestemming, behandelplan]         # B6: planning the MDO still open
- alles                               # B7
- bevallen                            # W1
- gedaan: [overdracht-coordinator-post-partum]
  nvt: [overdracht-betrokkenen]
";

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// The fixed session, stored in a workspace; returns its id.
fn session(ws: &Workspace) -> String {
    ws.cmd("start --rol verloskundig-zorgverlener --kenmerk P-2026-0042")
        .now("2026-11-22T09:00:00Z")
        .answers(PART_1)
        .run()
        .code(0)
        .no_panic();
    let id = ws.only_session();
    ws.cmd(&format!("hervat {id} --rol coordinerend-zorgverlener"))
        .now("2026-12-10T14:00:00Z")
        .answers(PART_2)
        .run()
        .code(0)
        .no_panic();
    id
}

/// Compare with the golden file, or write it with `ZORGPAD_GOLDEN_UPDATE=1`.
fn check(name: &str, actual: &str) {
    let path = golden_dir().join(name);
    if std::env::var_os("ZORGPAD_GOLDEN_UPDATE").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(golden_dir()).expect("mkdir tests/golden");
        std::fs::write(&path, actual).expect("write golden file");
        eprintln!("updated {}", path.display());
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}\nCreate it with: ZORGPAD_GOLDEN_UPDATE=1 cargo test --test integration golden::",
            path.display()
        )
    });
    if expected == actual {
        return;
    }
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let line = e
        .iter()
        .zip(&a)
        .position(|(x, y)| x != y)
        .unwrap_or(e.len().min(a.len()));
    panic!(
        "{name} differs from {} at line {}:\n  expected: {:?}\n  actual:   {:?}\n({} vs {} lines{})\nIf the change is intended: ZORGPAD_GOLDEN_UPDATE=1 cargo test --test integration golden::, and review the diff.",
        path.display(),
        line + 1,
        e.get(line).unwrap_or(&"<end of file>"),
        a.get(line).unwrap_or(&"<end of file>"),
        e.len(),
        a.len(),
        if expected.ends_with('\n') == actual.ends_with('\n') {
            ""
        } else {
            "; the final newline differs"
        },
    );
}

#[test]
fn exports_match_the_golden_files_byte_for_byte() {
    let ws = Workspace::new();
    let id = session(&ws);
    for format in ["md", "json", "html"] {
        let out = ws
            .cmd(&format!("export {id} --formaat {format}"))
            .now("2026-12-11T08:00:00Z")
            .run()
            .code(0)
            .no_panic();
        assert!(out.stdout.contains(&id), "{format}: no session id");
        check(
            &format!("sessie.{format}"),
            &out.stdout.replace(&id, PLACEHOLDER),
        );
    }
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
