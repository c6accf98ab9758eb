//! A session paused with its own flow file, moved on purpose to that file after it changed
//! (`hervat --flow`): a changed text moves it and is journalled; a renamed or removed node on
//! the session's route (or where it waits) is refused, the session file stays exactly as it
//! was, and the session goes on with its own pinned flow.

use std::path::PathBuf;

use crate::common::{SessionTable, Workspace, D4_TO_MDO_PAUSE, MDO_TO_END, TO_D4_PAUSE};
use serde_json::Value;

const MAIN: &str = "flows/blauwdruk-psychosociaal.yaml";
const MELDCODE: &str = "flows/meldcode.yaml";

fn original(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A workspace with copies of the flows, and a session started with them, paused at D4.
fn paused() -> (Workspace, String, Vec<u8>) {
    let ws = Workspace::new();
    ws.write(MAIN, original(MAIN));
    ws.write(MELDCODE, original(MELDCODE));
    ws.cmd(&format!("start --flow {MAIN} --kenmerk P-3"))
        .answers(TO_D4_PAUSE)
        .run()
        .code(0)
        .no_panic();
    let id = ws.only_session();
    let bytes = std::fs::read(ws.session_file(&id)).unwrap();
    (ws, id, bytes)
}

/// Replace `from` (which must occur exactly `times` times) in a flow file of the workspace.
fn edit(ws: &Workspace, file: &str, from: &str, to: &str, times: usize) {
    let text = ws.read(file);
    assert_eq!(text.matches(from).count(), times, "{from:?} in {file}");
    ws.write(file, text.replace(from, to));
}

#[test]
fn a_changed_text_and_version_is_reported_and_the_session_goes_on() {
    let (ws, id, _) = paused();
    edit(&ws, MAIN, "versie: \"3.1\"", "versie: \"3.2\"", 1);
    edit(
        &ws,
        MAIN,
        "vraag: Is de cliënt op de afspraak verschenen?",
        "vraag: Is de cliënt op de eerste afspraak verschenen?",
        1,
    );
    ws.cmd("controleer --flow").arg(MAIN).run().code(0);

    ws.cmd(&format!("hervat {id} --flow {MAIN}"))
        .now("2026-12-10T14:00:00Z")
        .answers(D4_TO_MDO_PAUSE)
        .run()
        .code(0)
        .no_panic()
        .stderr_has(&format!("Sessie {id} is overgezet op de flow Blauwdruk Psychosociale zorg en samenwerking met Veilig Thuis versie 3.2 (sha256 "))
        .stderr_has("(was Blauwdruk Psychosociale zorg en samenwerking met Veilig Thuis versie 3.1 (sha256 ")
        .stderr_has("wacht bij B7");
    // The summary uses the new text.
    ws.cmd(&format!("export {id}"))
        .run()
        .code(0)
        .stdout_has("| D4 | Is de cliënt op de eerste afspraak verschenen? | Ja, verschenen |");

    let stored = ws.session_json(&id);
    assert_eq!(stored["flow"]["versie"], "3.2");
    let moved = stored["journaal"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["gebeurtenis"] == "overgezet")
        .expect("overgezet event");
    assert_eq!(moved["soort"], "flow");
    assert_eq!(moved["tijd"], "2026-12-10T14:00:00Z");
    assert!(moved["van"]
        .as_str()
        .unwrap()
        .contains("versie 3.1 (sha256 "));
    assert!(moved["naar"]
        .as_str()
        .unwrap()
        .contains("versie 3.2 (sha256 "));
    // Resumed again with the same flow: nothing to report.
    let out = ws
        .cmd(&format!("hervat {id}"))
        .answers(MDO_TO_END)
        .run()
        .code(0);
    assert!(!out.stderr.contains("gewijzigd"), "{}", out.stderr);
}

#[test]
fn a_changed_sub_flow_counts_as_a_changed_flow() {
    let (ws, id, _) = paused();
    edit(
        &ws,
        MELDCODE,
        "titel: Uitkomst Kindcheck",
        "titel: Uitkomst van de Kindcheck",
        1,
    );
    ws.cmd(&format!("hervat {id} --flow {MAIN}"))
        .answers(D4_TO_MDO_PAUSE)
        .run()
        .code(0)
        .stderr_has(&format!("Sessie {id} is overgezet op de flow "));
    let stored = ws.session_json(&id);
    assert!(stored["journaal"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["gebeurtenis"] == "overgezet"));
}

/// Moving to the changed flow is refused with a message naming `node`; the file is not
/// touched, `controleer --sessies` names the session, and without `--flow` the session goes on
/// with its own pinned flow.
fn refused(ws: &Workspace, id: &str, before: &[u8], node: &str) {
    let out = ws
        .cmd(&format!("hervat {id} --flow {MAIN}"))
        .answers(D4_TO_MDO_PAUSE)
        .run()
        .code(2)
        .no_panic()
        .stderr_has(&format!(
            "zorgpad: fout: sessie {id} kan niet verder met deze flow:"
        ))
        .stderr_has("De sessie is niet veranderd.");
    assert!(
        out.stderr.contains(&format!("'{node}'")),
        "{node} not named:\n{}",
        out.stderr
    );
    assert!(!out.stderr.contains("Let op"), "{}", out.stderr);
    assert_eq!(
        std::fs::read(ws.session_file(id)).unwrap(),
        before,
        "the session file changed"
    );
    assert_eq!(ws.data_files(), [format!("{id}.json")]);

    let list = ws.cmd("sessies").run().code(0);
    SessionTable::parse(&list.stdout).assert_cell(id, "Status", "wacht");
    let check = ws
        .cmd(&format!("controleer --sessies --flow {MAIN}"))
        .run()
        .code(1)
        .stdout_has(&format!("  sessie {id} (versie 3.1, kenmerk P-3): "));
    assert!(
        check.stdout.contains(&format!("'{node}'")),
        "{}",
        check.stdout
    );

    ws.cmd(&format!("hervat {id}"))
        .answers(D4_TO_MDO_PAUSE)
        .run()
        .code(0)
        .stderr_has("wacht bij B7");
}

/// D4 renamed to D4-afspraak: the node, the box before it, its own option back to it (a new
/// appointment) and the outcome sentences that look at it.
fn rename_d4(ws: &Workspace) {
    edit(
        ws,
        MAIN,
        "      - als: [D4 = nee]\n",
        "      - als: [D4-afspraak = nee]\n",
        2,
    );
    edit(ws, MAIN, "  - id: D4\n", "  - id: D4-afspraak\n", 1);
    edit(
        ws,
        MAIN,
        "    volgende: D4\n",
        "    volgende: D4-afspraak\n",
        1,
    );
    edit(
        ws,
        MAIN,
        "        naar: D4\n",
        "        naar: D4-afspraak\n",
        1,
    );
}

#[test]
fn the_node_where_the_session_waits_renamed_is_refused() {
    let (ws, id, before) = paused();
    rename_d4(&ws);
    ws.cmd("controleer --flow").arg(MAIN).run().code(0);
    refused(&ws, &id, &before, "D4");
}

#[test]
fn a_node_on_the_route_renamed_is_refused() {
    let (ws, id, before) = paused();
    edit(
        &ws,
        MAIN,
        "  - id: B2-contact-hulpverlening\n",
        "  - id: B2-contact-gelegd\n",
        1,
    );
    edit(
        &ws,
        MAIN,
        "naar: B2-contact-hulpverlening\n",
        "naar: B2-contact-gelegd\n",
        1,
    );
    ws.cmd("controleer --flow").arg(MAIN).run().code(0);
    refused(&ws, &id, &before, "B2-contact-hulpverlening");
}

#[test]
fn a_node_on_the_route_removed_is_refused() {
    let (ws, id, before) = paused();
    // B2-contact-hulpverlening goes; consent for current care leads straight on to the
    // consent for the GP.
    let text = ws.read(MAIN);
    let start = text.find("  - id: B2-contact-hulpverlening\n").unwrap();
    let end = start
        + text[start..]
            .find("  - id: B2-toestemming-huisarts\n")
            .unwrap();
    ws.write(MAIN, format!("{}{}", &text[..start], &text[end..]));
    edit(
        &ws,
        MAIN,
        "naar: B2-contact-hulpverlening\n",
        "naar: B2-toestemming-huisarts\n",
        1,
    );
    ws.cmd("controleer --flow").arg(MAIN).run().code(0);
    refused(&ws, &id, &before, "B2-contact-hulpverlening");
}

#[test]
fn an_option_chosen_on_the_route_removed_is_refused() {
    let (ws, id, before) = paused();
    edit(
        &ws,
        MAIN,
        "      - id: r4u\n        label: R4U\n        naar: D1\n",
        "",
        1,
    );
    ws.cmd("controleer --flow").arg(MAIN).run().code(0);
    refused(&ws, &id, &before, "r4u");
}

#[test]
fn an_export_replays_the_pinned_flow_and_refuses_a_changed_one_given_with_flow() {
    let (ws, id, before) = paused();
    rename_d4(&ws);
    // Exporting with the changed flow is refused the same way, without touching the file.
    ws.cmd(&format!("export {id} --flow {MAIN}"))
        .run()
        .code(2)
        .stderr_has("kan met deze flow niet worden nagespeeld")
        .stderr_has("'D4'");
    assert_eq!(std::fs::read(ws.session_file(&id)).unwrap(), before);
    // Without --flow, the session's pinned copy replays it.
    let out = ws.cmd(&format!("export {id} --formaat json")).run().code(0);
    let json: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["sessie"]["status"], "wacht");
}
