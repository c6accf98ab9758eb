//! A record you can trust: a session is its file name (a forged inner id or a copy is
//! refused, nothing is written outside the data directory).

use serde_json::Value;

use crate::common::{SessionTable, Workspace, D4_TO_MDO_PAUSE, TO_D4_PAUSE};

/// `sessies --json`, parsed.
fn sessions_json(ws: &Workspace) -> Value {
    let out = ws.cmd("sessies --json").run().code(0).no_panic();
    serde_json::from_str(&out.stdout).expect("sessies --json is JSON")
}

/// A session paused at D4; its id.
fn paused_session(ws: &Workspace) -> String {
    ws.cmd("start --kenmerk P-1")
        .answers(TO_D4_PAUSE)
        .run()
        .code(0);
    ws.only_session()
}

/// A session file whose inner id is a path: refused by `hervat` and `export`, listed as a
/// problem, never written to, and nothing appears where the inner id points.
#[test]
fn a_forged_inner_id_is_refused_and_nothing_is_written_outside_the_data_directory() {
    let ws = Workspace::new();
    let id = paused_session(&ws);
    let file = ws.session_file(&id);
    let forged = std::fs::read_to_string(&file)
        .unwrap()
        .replace(&format!("\"id\": \"{id}\""), "\"id\": \"../buiten\"");
    assert!(forged.contains("../buiten"));
    std::fs::write(&file, &forged).unwrap();
    let outside = ws.path().join("buiten.json");

    let said = format!(
        "zorgpad: fout: het bestand {id}.json zegt sessie '../buiten' te zijn; zorgpad laat het ongemoeid"
    );
    ws.cmd(&format!("hervat {id}"))
        .answers(D4_TO_MDO_PAUSE)
        .run()
        .code(2)
        .no_panic()
        .stderr_has(&said)
        .stderr_has("Het bestand is niet veranderd.");
    ws.cmd(&format!("export {id} -o s.md"))
        .run()
        .code(2)
        .stderr_has(&said);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), forged);
    assert!(!outside.exists(), "written outside the data directory");
    assert!(!ws.path().join("s.md").exists());

    // Listed as a problem, not as a session.
    let list = ws.cmd("sessies").run().code(0).no_panic();
    assert!(
        SessionTable::parse(&list.stdout).ids().is_empty(),
        "{}",
        list.stdout
    );
    assert!(
        list.stderr.contains(&format!(
            "zorgpad: waarschuwing: het bestand {id}.json zegt sessie '../buiten' te zijn"
        )),
        "{}",
        list.stderr
    );
    let json = sessions_json(&ws);
    assert_eq!(json["sessies"], serde_json::json!([]));
    assert!(json["onleesbaar"][0]["reden"]
        .as_str()
        .unwrap()
        .contains("zegt sessie '../buiten' te zijn"));

    // An id typed as a path is no id.
    ws.cmd("hervat ../buiten")
        .answers(D4_TO_MDO_PAUSE)
        .run()
        .code(2)
        .stderr_has("'../buiten' is geen sessie-id");
    assert!(!outside.exists());
    assert_eq!(ws.data_files(), [format!("{id}.json")]);
}

/// A copy `kopie-ID.json` next to the live session: resuming the copy is refused, and neither
/// file changes; the live session goes on as usual.
#[test]
fn a_copy_in_the_data_directory_is_refused_and_the_live_session_stays_as_it_is() {
    let ws = Workspace::new();
    let id = paused_session(&ws);
    let live = ws.session_file(&id);
    let copy = ws.data().join(format!("kopie-{id}.json"));
    std::fs::copy(&live, &copy).unwrap();
    let before = std::fs::read(&live).unwrap();

    ws.cmd(&format!("hervat kopie-{id}"))
        .answers(D4_TO_MDO_PAUSE)
        .run()
        .code(2)
        .no_panic()
        .stderr_has(&format!(
            "het bestand kopie-{id}.json zegt sessie '{id}' te zijn; zorgpad laat het ongemoeid"
        ))
        .stderr_has("Is dit een kopie, bewaar die dan buiten de gegevensmap");
    assert_eq!(std::fs::read(&live).unwrap(), before);
    assert_eq!(std::fs::read(&copy).unwrap(), before);

    let list = ws.cmd("sessies").run().code(0).no_panic();
    assert_eq!(SessionTable::parse(&list.stdout).ids(), [id.as_str()]);
    assert!(
        list.stderr
            .contains(&format!("kopie-{id}.json zegt sessie")),
        "{}",
        list.stderr
    );

    ws.cmd(&format!("hervat {id}"))
        .answers(D4_TO_MDO_PAUSE)
        .run()
        .code(0)
        .stderr_has("wacht bij B7");
    assert_eq!(std::fs::read(&copy).unwrap(), before, "the copy changed");
}
