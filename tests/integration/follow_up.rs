//! Follow-ups (opvolgingen) through the real binary: a wait with `opvolging:` answered "later"
//! stays open beside the path while the path goes on; it is asked at the latest where the flow
//! says (`uiterlijk`), answered weeks later with `zorgpad opvolgen`, and shown in `sessies`
//! and the summary.

use crate::common::{squash, SessionTable, Workspace, B2_CONSENT};
use serde_json::Value;

/// From the intake through the Meldcode at B2 up to question 5 of the afwegingskader (AK5):
/// a suspicion, no acute danger, help that is accepted and who follows the safety.
pub(crate) const TO_AK5: &str = "\
- intake
- alles          # B1
- r4u            # instrument
- ja             # D1
- alles          # Kindcheck
- ongeboren kind
- positief
- alles          # Meldcode stap 1
- Aandachtsfunctionaris VSV
- nee            # advies Veilig Thuis
- gevoerd        # stap 3
- ja             # AK1: vermoeden
- nee            # AK2: geen acute onveiligheid
- ja             # AK3
- ja             # AK4
- alles          # AK-hulp
- wijkteam, tot 6 weken na de bevalling
";

/// After B2 (consent) the criteria (AK1 = ja ticks `misbruik` in advance), the referral and
/// the appointment, up to a pause at D4 written as `d4`.
pub(crate) fn after_ak5(d4: &str) -> String {
    format!(
        "{B2_CONSENT}- [kind-in-gevaar, misbruik, hulpbronnen]   # D2-criteria
- complex                      # D2
- Centrum Kwetsbare Zwangeren  # B4
- ja                           # D3
- alles                        # B5 afspraak
- Jeugdverpleegkundige van het Centrum Kwetsbare Zwangeren
- {d4}                         # D4
"
    )
}

/// AK5 put off (expected 15-01-2027) and the path on to the pause at D4 (expected 10-12-2026).
pub(crate) fn ak5_later() -> String {
    format!(
        "{TO_AK5}- later: 2027-01-15\n{}",
        after_ak5("later: 10-12-2026")
    )
}

/// Weeks later: AK5 = nee, the report discussed and made, the feedback of Veilig Thuis (B2-vt)
/// put off as a follow-up of its own.
pub(crate) const AK5_REPORT: &str = "- nee\n- ja\n- Veilig Thuis Voorbeeldregio\n- later\n";

/// Start a session in `ws` with these answers on 22-11-2026; its id.
pub(crate) fn start(ws: &Workspace, answers: &str) -> String {
    let before = ws.session_ids();
    ws.write("start.yaml", answers);
    ws.cmd("start --antwoorden start.yaml")
        .run()
        .code(0)
        .no_panic();
    let ids: Vec<String> = ws
        .session_ids()
        .into_iter()
        .filter(|i| !before.contains(i))
        .collect();
    assert_eq!(ids.len(), 1, "{ids:?}");
    ids[0].clone()
}

pub(crate) fn journal(ws: &Workspace, id: &str) -> Vec<Value> {
    ws.session_json(id)["journaal"].as_array().unwrap().clone()
}

pub(crate) fn export_json(ws: &Workspace, id: &str) -> Value {
    let out = ws.cmd(&format!("export {id} --formaat json")).run().code(0);
    serde_json::from_str(&out.stdout).expect("json export")
}

/// The session of [`ak5_later`] with AK5 answered on 20-01-2027 ([`AK5_REPORT`]).
pub(crate) fn reported_by_follow_up(ws: &Workspace) -> (String, crate::common::Output) {
    let id = start(ws, &ak5_later());
    ws.write("opv.yaml", AK5_REPORT);
    let out = ws
        .cmd(&format!("opvolgen {id} --antwoorden opv.yaml"))
        .now("2027-01-20T09:00:00Z")
        .run()
        .code(0)
        .no_panic()
        .stderr_has(&format!(
            "De opvolging van sessie {id} is beantwoord en bewaard."
        ))
        .stderr_has("Er staat nog 1 opvolging open");
    (id, out)
}

#[test]
fn question_five_put_off_at_b2_the_path_goes_on_to_the_referral_and_d4() {
    let ws = Workspace::new();
    let id = start(&ws, &ak5_later());
    let events = journal(&ws, &id);
    let ak5 = events
        .iter()
        .find(|e| e["vraag"] == "B2-meldcode/AK5")
        .expect("AK5 in the journal");
    assert_eq!(ak5["gebeurtenis"], "antwoord");
    assert_eq!(ak5["antwoord"]["soort"], "opvolging");
    assert_eq!(ak5["antwoord"]["id"], "B2-meldcode/AK5");
    assert_eq!(ak5["antwoord"]["verwacht"], "2027-01-15");
    // The path went on past it: the referral at B4 and the pause at D4.
    let pos = |q: &str| events.iter().position(|e| e["vraag"] == q);
    let at_ak5 = pos("B2-meldcode/AK5").unwrap();
    assert!(pos("B4").expect("B4 answered") > at_ak5);
    let pause = events.last().unwrap();
    assert_eq!(pause["gebeurtenis"], "pauze");
    assert_eq!(pause["vraag"], "D4");
    let json = export_json(&ws, &id);
    let follow_ups = json["opvolgingen"].as_array().unwrap();
    assert_eq!(follow_ups.len(), 1, "{follow_ups:?}");
    assert_eq!(follow_ups[0]["id"], "B2-meldcode/AK5");
    assert_eq!(follow_ups[0]["open"], true);
    assert_eq!(follow_ups[0]["verwacht"], "2027-01-15");
    assert_eq!(
        follow_ups[0]["uiterlijk"],
        "B6 Volg stappen Kindcheck/Meldcode (opnieuw)"
    );
    let text = ws.cmd(&format!("export {id}")).run().code(0);
    text.stdout_has("B4 Verwijs door naar gespecialiseerde hulpverlener/organisatie (categorie")
        .stdout_has("- **Opvolging staat open: Leidt de hulp binnen de gewenste tijd tot duurzame veiligheid en welzijn?, verwacht 15-01-2027, uiterlijk bij B6 Volg stappen Kindcheck/Meldcode (opnieuw)**")
        .stdout_has("## Wacht op")
        .stdout_has("later te beantwoorden (opvolging), vastgelegd 22-11-2026")
        .stdout_has("; verwacht 15-01-2027; uiterlijk bij B6 Volg stappen Kindcheck/Meldcode (opnieuw)");
}

#[test]
fn question_five_still_open_is_asked_at_b6_before_the_kindcheck() {
    let ws = Workspace::new();
    let id = start(&ws, &ak5_later());
    // D4 = ja, then AK5 (due before the path passes B6-meldcode), then the Kindcheck of B6.
    ws.write(
        "b6.yaml",
        "- ja\n- ja\n- alles\n- ongeboren kind\n- negatief\n- nee\n- alles\n- later\n",
    );
    ws.cmd(&format!("hervat {id} --antwoorden b6.yaml"))
        .now("2026-12-10T10:00:00Z")
        .run()
        .code(0)
        .no_panic();
    let events = journal(&ws, &id);
    let answers: Vec<&Value> = events
        .iter()
        .filter(|e| e["gebeurtenis"] == "antwoord" && e["tijd"].as_str().unwrap() >= "2026-12")
        .collect();
    let asked: Vec<&str> = answers
        .iter()
        .map(|e| e["vraag"].as_str().unwrap())
        .collect();
    assert_eq!(
        &asked[..3],
        ["D4", "B2-meldcode/AK5", "B6-meldcode/KC"],
        "{asked:?}"
    );
    assert_eq!(answers[1]["opvolging"], "B2-meldcode/AK5");
    assert_eq!(answers[1]["antwoord"]["optie"], "ja");
    assert!(answers[2].get("opvolging").is_none(), "{}", answers[2]);
    let json = export_json(&ws, &id);
    let ak5 = &json["opvolgingen"][0];
    assert_eq!(ak5["open"], false);
    assert_eq!(ak5["stappen"][0]["antwoord"], "Ja, duurzame veiligheid");
    let text = ws.cmd(&format!("export {id}")).run().code(0);
    let text = text
        .stdout_has("## Later beantwoord")
        .stdout_has("; beantwoord.")
        .stdout_lacks("Opvolging staat open");
    assert!(
        text.stdout.contains("Ja, duurzame veiligheid"),
        "{}",
        text.stdout
    );
}

#[test]
fn a_follow_up_answered_weeks_later_leads_to_a_report_and_a_new_follow_up() {
    let ws = Workspace::new();
    let (id, out) = reported_by_follow_up(&ws);
    let out = out
        .stdout_has("!! Meldcode-uitkomst: gemeld bij Veilig Thuis")
        .stdout_has(
            "!! Opvolging staat open: VT Heeft Veilig Thuis teruggekoppeld over de melding?",
        )
        .stdout_has("Status: wacht op D4");
    let refs = out
        .stdout
        .split("\nVerwijzingen\n")
        .nth(1)
        .expect("Verwijzingen");
    assert!(
        refs.contains("Meldcode stap 5: melden bij Veilig Thuis, vanuit B2 Volg stappen Kindcheck/Meldcode (categorie veilig-thuis)")
            && refs.contains("Veilig Thuis Voorbeeldregio"),
        "{refs}"
    );
    // The follow-up's answers carry its id; the report's feedback is a follow-up in it.
    let events = journal(&ws, &id);
    let late: Vec<&Value> = events
        .iter()
        .filter(|e| e["tijd"].as_str().unwrap() >= "2027")
        .filter(|e| e["gebeurtenis"] == "antwoord")
        .collect();
    assert_eq!(late.len(), 4, "{late:?}");
    assert!(late.iter().all(|e| e["opvolging"] == "B2-meldcode/AK5"));
    assert_eq!(late[0]["tijd"], "2027-01-20T09:02:00Z");
    let vt = late.last().unwrap();
    assert_eq!(vt["vraag"], "B2-vt");
    assert_eq!(vt["antwoord"]["soort"], "opvolging");
    assert_eq!(vt["antwoord"]["id"], "B2-vt");
    let json = export_json(&ws, &id);
    let ids: Vec<(&str, bool)> = json["opvolgingen"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["id"].as_str().unwrap(), f["open"].as_bool().unwrap()))
        .collect();
    assert_eq!(ids, [("B2-meldcode/AK5", false), ("B2-vt", true)]);
}

#[test]
fn veilig_thuis_feedback_pending_is_shown_in_sessies_and_the_summary() {
    let ws = Workspace::new();
    let (id, _) = reported_by_follow_up(&ws);
    let list = ws.cmd("sessies").now("2027-01-20T10:00:00Z").run().code(0);
    let table = SessionTable::parse(&list.stdout);
    let waits = squash(&table.cell(&id, "Wacht op"));
    assert!(waits.contains("opvolgingB2-vt"), "{waits}");
    let json = ws
        .cmd("sessies --json")
        .now("2027-01-20T10:00:00Z")
        .run()
        .code(0);
    let json: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(json["schema"], "zorgpad.sessies/1");
    let follow_ups = json["sessies"][0]["opvolgingen"].as_array().unwrap();
    assert_eq!(follow_ups.len(), 1, "{follow_ups:?}");
    assert_eq!(follow_ups[0]["id"], "B2-vt");
    assert_eq!(
        follow_ups[0]["vraag"],
        "Heeft Veilig Thuis teruggekoppeld over de melding?"
    );
    assert_eq!(follow_ups[0]["verwacht"], Value::Null);
    assert_eq!(follow_ups[0]["te_laat"], false);
    let summary = export_json(&ws, &id);
    let let_op = summary["let_op"].to_string();
    assert!(let_op.contains("Opvolging staat open: VT"), "{let_op}");
    assert!(!let_op.contains("B2-vt"), "no internal id: {let_op}");
}

#[test]
fn te_laat_shows_a_follow_up_past_its_date_and_not_one_in_the_future() {
    let ws = Workspace::new();
    // D4 without a date: only the follow-up can make a session late.
    let late = start(
        &ws,
        &format!("{TO_AK5}- later: 2027-01-15\n{}", after_ak5("later")),
    );
    let future = start(
        &ws,
        &format!("{TO_AK5}- later: 2027-03-01\n{}", after_ak5("later")),
    );
    let out = ws
        .cmd("sessies --te-laat")
        .now("2027-01-20T09:00:00Z")
        .run()
        .code(0);
    let table = SessionTable::parse(&out.stdout);
    assert_eq!(table.ids(), std::slice::from_ref(&late), "{}", out.stdout);
    let json = ws
        .cmd("sessies --json")
        .now("2027-01-20T09:00:00Z")
        .run()
        .code(0);
    let json: Value = serde_json::from_str(&json.stdout).unwrap();
    for s in json["sessies"].as_array().unwrap() {
        let is_late = s["id"] == late.as_str();
        assert!(is_late || s["id"] == future.as_str());
        assert_eq!(s["opvolgingen"][0]["te_laat"], is_late, "{s}");
    }
    // Before the date neither is late.
    let out = ws
        .cmd("sessies --te-laat")
        .now("2027-01-10T09:00:00Z")
        .run()
        .code(0);
    assert!(!out.stdout.contains(&late), "{}", out.stdout);
}

/// From the intake to a refused referral: the Meldcode at B2 closed without a suspicion.
const TO_M1: &str = "\
- intake
- alles          # B1
- r4u            # instrument
- ja             # D1
- alles          # Kindcheck
- ongeboren kind en een kind van 3 jaar
- positief
- alles          # Meldcode stap 1
- Aandachtsfunctionaris VSV
- nee            # advies Veilig Thuis
- gevoerd        # stap 3
- nee            # AK1: geen vermoeden
";

/// After B2: the referral refused, the Meldcode at M1 with a report, the feedback of Veilig
/// Thuis (VT) put off.
pub(crate) fn m1_report() -> String {
    format!(
        "{TO_M1}{B2_CONSENT}- [kind-in-gevaar]
- complex        # D2
- Centrum Kwetsbare Zwangeren
- nee            # D3: geen toestemming
- alles          # M1: Meldcode stap 1
- Aandachtsfunctionaris VSV
- ja             # advies
- gevoerd
- ja             # AK1
- ja             # AK2
- ja             # melding vooraf besproken
- Veilig Thuis Voorbeeldregio
- later          # VT
"
    )
}

pub(crate) fn status(ws: &Workspace, id: &str) -> String {
    let out = ws.cmd("sessies --json").run().code(0);
    let json: Value = serde_json::from_str(&out.stdout).unwrap();
    let s = json["sessies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .expect("session listed")
        .clone();
    s["status"].as_str().unwrap().to_string()
}

#[test]
fn m1_report_the_path_ends_but_the_session_waits_until_the_feedback_is_answered() {
    let ws = Workspace::new();
    let id = start(&ws, &m1_report());
    // The path ended (at "Melding gedaan bij Veilig Thuis"), the feedback stays open beside it.
    let json = export_json(&ws, &id);
    assert_eq!(json["afgerond"], true);
    assert_eq!(json["opvolgingen"][0]["id"], "VT");
    assert_eq!(json["opvolgingen"][0]["open"], true);
    assert!(
        json["uitkomst"]
            .as_str()
            .unwrap()
            .contains("staat nog open"),
        "{}",
        json["uitkomst"]
    );
    assert_eq!(status(&ws, &id), "wacht");
    let table = SessionTable::parse(&ws.cmd("sessies").run().code(0).stdout);
    table.assert_cell(&id, "Wacht op", "opvolging VT");
    // Weeks later, in plain lines: the feedback came to the midwife (1, then j for the
    // checklist, action 1 done, nothing n.v.t.).
    let out = ws
        .cmd(&format!("opvolgen {id} --toegankelijk"))
        .stdin("1\nj\n1\n\n")
        .now("2026-12-15T09:00:00Z")
        .run()
        .code(0)
        .no_panic()
        .stderr_has(&format!(
            "De opvolging van sessie {id} is beantwoord en bewaard."
        ))
        .stdout_has("Veilig Thuis heeft teruggekoppeld aan de verloskundig zorgverlener.")
        .stdout_lacks("Opvolging staat open");
    let outcome = out
        .stdout
        .lines()
        .find(|l| l.starts_with("Uitkomst: De Meldcode is gevolgd (M1)"))
        .expect("the outcome");
    assert!(!outcome.contains("staat nog open"), "{outcome}");
    assert!(!outcome.contains("opvolging"), "{outcome}");
    assert_eq!(status(&ws, &id), "afgerond");
    let json = export_json(&ws, &id);
    assert_eq!(json["opvolgingen"][0]["open"], false);
    assert!(!json["uitkomst"]
        .as_str()
        .unwrap()
        .contains("staat nog open"));
    let answer = journal(&ws, &id)
        .into_iter()
        .rfind(|e| e["vraag"] == "VT" && e["gebeurtenis"] == "antwoord")
        .unwrap();
    assert_eq!(answer["opvolging"], "VT");
    assert_eq!(answer["antwoord"]["optie"], "ja");
}
