//! A session paused with its own flow file, resumed after that file changed: a changed text is
//! reported and the session goes on; a renamed or removed node on the session's route (or where
//! it waits) is refused, and the session file stays exactly as it was.

use std::path::PathBuf;

use crate::common::{SessionTable, Workspace, D4_TO_MDO_PAUSE, TO_D4_PAUSE};
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
    edit(&ws, MAIN, "versie: \"2.0\"", "versie: \"2.1\"", 1);
    edit(
        &ws,
        MAIN,
        "vraag: Is de cliënt op de afspraak verschenen?",
        "vraag: Is de cliënt op de eerste afspraak verschenen?",
        1,
    );
    ws.cmd("controleer --flow").arg(MAIN).run().code(0);

    ws.cmd(&format!("hervat {id}"))
        .now("2026-12-10T14:00:00Z")
        .answers(D4_TO_MDO_PAUSE)
        .run()
        .code(0)
        .no_panic()
        .stderr_has("Let op: de flow 'Blauwdruk Psychosociale zorg en samenwerking met Veilig Thuis' is gewijzigd sinds deze sessie is opgeslagen (versie 2.0 → versie 2.1; ")
        .stderr_has("De sessie gaat verder bij D4;")
        .stderr_has("wacht bij B7");
    // The summary uses the new text.
    ws.cmd(&format!("export {id}"))
        .run()
        .code(0)
        .stdout_has("| D4: Is de cliënt op de eerste afspraak verschenen? | Ja, verschenen |");

    let stored = ws.session_json(&id);
    assert_eq!(stored["flow"]["versie"], "2.1");
    let resumed = stored["journaal"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["gebeurtenis"] == "hervat")
        .expect("hervat event");
    assert_eq!(
        resumed["vorige_flow"],
        "Blauwdruk Psychosociale zorg en samenwerking met Veilig Thuis versie 2.0"
    );
    // Resumed again with the same flow: nothing to report.
    let out = ws
        .cmd(&format!("hervat {id}"))
        .answers("- alles\n- bevallen\n- alles\n")
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
    ws.cmd(&format!("hervat {id}"))
        .answers(D4_TO_MDO_PAUSE)
        .run()
        .code(0)
        .stderr_has("is gewijzigd sinds deze sessie is opgeslagen (de inhoud is veranderd, het versienummer (2.0) niet; ");
}

/// Resuming is refused with a message naming `node`; the file is not touched, the list says
/// the flow changed, and with the original flow back the session goes on.
fn refused(ws: &Workspace, id: &str, before: &[u8], node: &str) {
    let out = ws
        .cmd(&format!("hervat {id}"))
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
    SessionTable::parse(&list.stdout).assert_cell(id, "Status", "flow gewijzigd");

    ws.write(MAIN, original(MAIN));
    ws.write(MELDCODE, original(MELDCODE));
    ws.cmd(&format!("hervat {id}"))
        .answers(D4_TO_MDO_PAUSE)
        .run()
        .code(0)
        .stderr_has("wacht bij B7");
}

#[test]
fn the_node_where_the_session_waits_renamed_is_refused() {
    let (ws, id, before) = paused();
    edit(&ws, MAIN, "  - id: D4\n", "  - id: D4-afspraak\n", 1);
    edit(
        &ws,
        MAIN,
        "    volgende: D4\n",
        "    volgende: D4-afspraak\n",
        1,
    );
    ws.cmd("controleer --flow").arg(MAIN).run().code(0);
    refused(&ws, &id, &before, "D4");
}

#[test]
fn a_node_on_the_route_renamed_is_refused() {
    let (ws, id, before) = paused();
    edit(
        &ws,
        MAIN,
        "  - id: B2-contact\n",
        "  - id: B2-contact-gelegd\n",
        1,
    );
    edit(
        &ws,
        MAIN,
        "naar: B2-contact\n",
        "naar: B2-contact-gelegd\n",
        1,
    );
    ws.cmd("controleer --flow").arg(MAIN).run().code(0);
    refused(&ws, &id, &before, "B2-contact");
}

#[test]
fn a_node_on_the_route_removed_is_refused() {
    let (ws, id, before) = paused();
    // B2-contact goes; consent leads straight on to VoorZorg.
    let text = ws.read(MAIN);
    let start = text.find("  - id: B2-contact\n").unwrap();
    let end = start + text[start..].find("  - id: B2-voorzorg\n").unwrap();
    ws.write(MAIN, format!("{}{}", &text[..start], &text[end..]));
    edit(&ws, MAIN, "naar: B2-contact\n", "naar: B2-voorzorg\n", 1);
    ws.cmd("controleer --flow").arg(MAIN).run().code(0);
    refused(&ws, &id, &before, "B2-contact");
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
fn an_export_with_the_flow_it_was_walked_with_still_works_after_a_refusal() {
    let (ws, id, before) = paused();
    edit(&ws, MAIN, "  - id: D4\n", "  - id: D4-afspraak\n", 1);
    edit(
        &ws,
        MAIN,
        "    volgende: D4\n",
        "    volgende: D4-afspraak\n",
        1,
    );
    // Exporting with the changed flow is refused the same way, without touching the file.
    ws.cmd(&format!("export {id}"))
        .run()
        .code(2)
        .stderr_has("kan met deze flow niet worden nagespeeld")
        .stderr_has("'D4'");
    assert_eq!(std::fs::read(ws.session_file(&id)).unwrap(), before);
    // The original flow, given with --flow, replays it.
    ws.write("oud/blauwdruk-psychosociaal.yaml", original(MAIN));
    ws.write("oud/meldcode.yaml", original(MELDCODE));
    let out = ws
        .cmd(&format!(
            "export {id} --formaat json --flow oud/blauwdruk-psychosociaal.yaml"
        ))
        .run()
        .code(0);
    let json: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["sessie"]["status"], "wacht");
}
