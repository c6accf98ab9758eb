//! Follow-ups at the edges: `zorgpad opvolgen` refused (unknown name, nothing open, several
//! open and none named), `terug` inside a follow-up and over the deferral on the path, and a
//! session with follow-ups exported twice.

use crate::common::Workspace;
use crate::follow_up::{
    after_ak5, ak5_later, export_json, journal, reported_by_follow_up, start, AK5_REPORT, TO_AK5,
};
use serde_json::Value;

#[test]
fn opvolgen_with_an_unknown_follow_up_names_the_open_ones() {
    let ws = Workspace::new();
    let id = start(&ws, &ak5_later());
    let before = std::fs::read(ws.session_file(&id)).unwrap();
    ws.write("opv.yaml", AK5_REPORT);
    ws.cmd(&format!(
        "opvolgen {id} --opvolging XYZ --antwoorden opv.yaml"
    ))
    .run()
    .code(2)
    .no_panic()
    .stderr_has(&format!("sessie {id} heeft geen open opvolging 'XYZ'"))
    .stderr_has("Open opvolgingen: B2-meldcode/AK5.")
    .stderr_has("De sessie is niet veranderd.");
    let after = std::fs::read(ws.session_file(&id)).unwrap();
    assert!(
        after == before,
        "a refused opvolgen leaves the session file as it was"
    );
}

#[test]
fn opvolgen_without_open_follow_ups_is_refused() {
    let ws = Workspace::new();
    let id = start(&ws, crate::common::TO_D4_PAUSE);
    let before = std::fs::read(ws.session_file(&id)).unwrap();
    ws.write("opv.yaml", "- ja\n");
    ws.cmd(&format!("opvolgen {id} --antwoorden opv.yaml"))
        .run()
        .code(2)
        .no_panic()
        .stderr_has(&format!("sessie {id} heeft geen opvolging die open staat"))
        .stderr_has(&format!("zorgpad hervat {id}"));
    assert_eq!(std::fs::read(ws.session_file(&id)).unwrap(), before);
}

#[test]
fn opvolgen_with_several_open_and_none_named_asks_for_opvolging() {
    let ws = Workspace::new();
    // A report at B2 (B2-vt put off), and at B6 another (B6-vt put off): two open.
    let b2_report = "- ja\n- ja\n- ja\n- Veilig Thuis Voorbeeldregio\n- later\n";
    let to_ak1: String = TO_AK5.lines().take(11).map(|l| format!("{l}\n")).collect();
    let id = start(&ws, &format!("{to_ak1}{b2_report}{}", after_ak5("later")));
    ws.write(
        "b6.yaml",
        format!(
            "- ja\n- alles\n- ongeboren kind\n- positief\n- alles\n- Aandachtsfunctionaris VSV\n- nee\n- gevoerd\n{b2_report}- alles\n- later\n"
        ),
    );
    ws.cmd(&format!("hervat {id} --antwoorden b6.yaml"))
        .run()
        .code(0)
        .stderr_has("(B2-vt)");
    let before = std::fs::read(ws.session_file(&id)).unwrap();
    ws.write("opv.yaml", "- ja\n");
    ws.cmd(&format!("opvolgen {id} --antwoorden opv.yaml"))
        .run()
        .code(2)
        .no_panic()
        .stderr_has(&format!(
            "sessie {id} heeft 2 opvolgingen open; welke bedoelt u?"
        ))
        .stderr_has("Open opvolgingen: B2-vt, B6-vt. Noem er een met --opvolging.");
    let after = std::fs::read(ws.session_file(&id)).unwrap();
    assert!(
        after == before,
        "a refused opvolgen leaves the session file as it was"
    );
}

#[test]
fn terug_inside_a_follow_up_takes_back_only_its_answer() {
    let ws = Workspace::new();
    let id = start(&ws, &ak5_later());
    let main_before: Vec<Value> = journal(&ws, &id);
    ws.write(
        "opv.yaml",
        "- nee\n- terug: {reden: \"verkeerd gelezen\"}\n- ja\n",
    );
    ws.cmd(&format!("opvolgen {id} --antwoorden opv.yaml"))
        .now("2027-01-20T09:00:00Z")
        .run()
        .code(0)
        .no_panic()
        .stdout_has("Status: wacht op D4");
    let events = journal(&ws, &id);
    // Nothing before is changed; the new events all belong to the follow-up.
    assert_eq!(&events[..main_before.len()], &main_before[..]);
    let new: Vec<&Value> = events[main_before.len()..]
        .iter()
        .filter(|e| e["gebeurtenis"] != "hervat")
        .collect();
    let kinds: Vec<&str> = new
        .iter()
        .map(|e| e["gebeurtenis"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["antwoord", "terug", "antwoord"]);
    assert!(new.iter().all(|e| e["vraag"] == "B2-meldcode/AK5"));
    assert!(new.iter().all(|e| e["opvolging"] == "B2-meldcode/AK5"));
    assert_eq!(new[1]["reden"], "verkeerd gelezen");
    let json = export_json(&ws, &id);
    let ak5 = &json["opvolgingen"][0];
    assert_eq!(ak5["open"], false);
    assert_eq!(ak5["stappen"][0]["antwoord"], "Ja, duurzame veiligheid");
    assert!(!json.to_string().contains("Meldcode-uitkomst: gemeld"));
}

#[test]
fn terug_over_the_deferral_on_the_path_removes_the_follow_up() {
    let ws = Workspace::new();
    let answers = format!(
        "{TO_AK5}- later: 2027-01-15\n- terug: {{reden: \"toch nu te beantwoorden\"}}\n- ja\n{}",
        after_ak5("later: 10-12-2026")
    );
    let id = start(&ws, &answers);
    let events = journal(&ws, &id);
    let back = events
        .iter()
        .find(|e| e["gebeurtenis"] == "terug")
        .expect("terug");
    assert_eq!(back["vraag"], "B2-meldcode/AK5");
    assert!(back.get("opvolging").is_none(), "{back}");
    let json = export_json(&ws, &id);
    assert_eq!(json["opvolgingen"], Value::Array(Vec::new()));
    assert!(!json["let_op"].to_string().contains("Opvolging"));
    let list: Value = serde_json::from_str(&ws.cmd("sessies --json").run().code(0).stdout).unwrap();
    assert_eq!(list["sessies"][0]["opvolgingen"], Value::Array(Vec::new()));
}

#[test]
fn a_session_with_follow_ups_exports_the_same_bytes_twice() {
    let ws = Workspace::new();
    let (id, _) = reported_by_follow_up(&ws);
    for format in ["", " --formaat json", " --formaat html"] {
        let a = ws.cmd(&format!("export {id}{format}")).run().code(0);
        let b = ws.cmd(&format!("export {id}{format}")).run().code(0);
        assert_eq!(a.stdout.as_bytes(), b.stdout.as_bytes(), "export{format}");
        assert!(
            a.stdout
                .contains("Heeft Veilig Thuis teruggekoppeld over de melding?"),
            "{}",
            a.stdout
        );
    }
}

#[test]
fn an_open_action_of_a_follow_up_can_be_ticked_off_later() {
    let ws = Workspace::new();
    let id = start(&ws, &crate::follow_up::m1_report());
    // Veilig Thuis reported back to the midwife only; the GP's feedback stays open.
    ws.write(
        "vt.yaml",
        "- ja\n- {gedaan: [terugkoppeling-verloskundige]}\n",
    );
    ws.cmd(&format!("opvolgen {id} --antwoorden vt.yaml"))
        .now("2026-12-15T09:00:00Z")
        .run()
        .code(0)
        .no_panic();
    let json = export_json(&ws, &id);
    let outcome = json["uitkomst"].as_str().unwrap().to_string();
    assert!(
        outcome.contains("aan de huisarts is niet bevestigd"),
        "{outcome}"
    );
    // Later the GP confirms: ticked off, recorded in the follow-up's scope.
    ws.write(
        "af.yaml",
        "- afvinken: VT-terugkoppeling/terugkoppeling-huisarts\n",
    );
    ws.cmd(&format!("hervat {id} --antwoorden af.yaml"))
        .now("2026-12-20T09:00:00Z")
        .run()
        .code(0)
        .no_panic()
        .stderr_has("1 openstaande actie afgevinkt");
    let tick = journal(&ws, &id)
        .into_iter()
        .rfind(|e| e["gebeurtenis"] == "afgevinkt")
        .expect("afgevinkt");
    assert_eq!(tick["opvolging"], "VT");
    let json = export_json(&ws, &id);
    let outcome = json["uitkomst"].as_str().unwrap();
    assert!(
        outcome.contains("teruggekoppeld aan de huisarts"),
        "{outcome}"
    );
    assert!(!outcome.contains("niet bevestigd"), "{outcome}");
    let md = ws.cmd(&format!("export {id}")).run().code(0);
    assert!(
        md.stdout.contains("later afgevinkt op 20-12-2026"),
        "{}",
        md.stdout
    );
}

#[test]
fn question_five_due_at_b6_answered_no_reports_and_the_feedback_can_wait_again() {
    let ws = Workspace::new();
    let id = start(&ws, &ak5_later());
    // D4 = ja; question 5 is due: "nee", the report told first, to Veilig Thuis; its feedback
    // is put off in turn, and the path goes on with the Kindcheck of B6.
    ws.write(
        "b6.yaml",
        "- ja\n- nee\n- ja\n- Veilig Thuis Voorbeeldregio\n- later\n- alles\n- ongeboren kind\n- negatief\n- nee\n- alles\n- later\n",
    );
    ws.cmd(&format!("hervat {id} --antwoorden b6.yaml"))
        .now("2026-12-10T10:00:00Z")
        .run()
        .code(0)
        .no_panic();
    let events = journal(&ws, &id);
    let feedback = events
        .iter()
        .find(|e| e["vraag"] == "B2-vt")
        .expect("the feedback asked within the follow-up");
    assert_eq!(feedback["opvolging"], "B2-meldcode/AK5");
    assert_eq!(feedback["antwoord"]["soort"], "opvolging");
    let json = export_json(&ws, &id);
    let open: Vec<&str> = json["opvolgingen"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["open"] == true)
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(open, ["B2-vt"], "{json}");
    assert_eq!(crate::follow_up::status(&ws, &id), "wacht");
}
