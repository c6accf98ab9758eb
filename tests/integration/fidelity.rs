//! Care-path fidelity: the record says what was done, never more. One scripted session per
//! route that the clinical review found wrong, through the real binary, asserting the route,
//! the proposal, the outcome, "Let op" and the open actions of the JSON summary.

use crate::common::{Output, Test, Workspace, B2_CONSENT};
use serde_json::Value;

/// From the intake to D1 = ja.
const INTAKE: &str = "
- intake         # IN
- alles          # B1
- r4u            # instrument
- ja             # D1
";

/// The Meldcode at B2: positive Kindcheck, no suspicion after steps 1–3.
const B2_POSITIVE_CLOSED: &str = "
- alles          # Kindcheck
- ongeboren kind en een kind van 3 jaar
- positief
- alles          # Meldcode stap 1
- Aandachtsfunctionaris VSV
- nee            # advies Veilig Thuis
- gevoerd        # stap 3
- nee            # AK1: geen vermoeden
";

/// The Meldcode at B2: negative Kindcheck and no other signals.
const B2_NEGATIVE: &str = "
- alles          # Kindcheck
- alleen het ongeboren kind
- negatief
- nee            # geen andere signalen
";

/// From the complex decision to the refusal of the referral (D3 = nee), which leads to M1.
const REFERRAL_REFUSED: &str = "
- complex        # D2
- Centrum Kwetsbare Zwangeren   # B4
- nee            # D3: geen toestemming
";

fn run(answers: &str) -> (Output, Value) {
    let out = Test::new()
        .args("start --export s.json")
        .answers(answers)
        .run()
        .no_panic();
    assert_eq!(out.code, 0, "session failed:\n{}", out.stderr);
    let json: Value = serde_json::from_str(&out.read("s.json")).expect("json export");
    (out, json)
}

fn refused(answers: &str) -> Output {
    Test::new()
        .args("start")
        .answers(answers)
        .run()
        .code(2)
        .no_panic()
}

/// The route as "CALL/NODE" keys (the node alone outside a sub-flow), in order.
fn route(json: &Value) -> Vec<String> {
    json["route"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["knoop"].as_str().unwrap().to_string())
        .collect()
}

fn row<'a>(json: &'a Value, node: &str) -> &'a Value {
    json["route"]
        .as_array()
        .unwrap()
        .iter()
        .rfind(|r| r["knoop"] == node)
        .unwrap_or_else(|| panic!("{node} not in route {:?}", route(json)))
}

fn subflow<'a>(json: &'a Value, from: &str) -> &'a Value {
    json["subflows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["vanuit"].as_str().unwrap().starts_with(from))
        .unwrap_or_else(|| panic!("no sub-flow run from {from}: {}", json["subflows"]))
}

fn subflow_nodes(run: &Value) -> Vec<String> {
    run["stappen"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["knoop"].as_str().unwrap().to_string())
        .collect()
}

fn let_op(json: &Value) -> String {
    json["let_op"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

fn open_actions(json: &Value) -> String {
    json["open_acties"].to_string()
}

#[test]
fn m1_starts_at_meldcode_step_1_and_without_a_report_there_is_no_veilig_thuis() {
    let answers = format!(
        "{INTAKE}{B2_POSITIVE_CLOSED}{B2_CONSENT}- [kind-in-gevaar]\n{REFERRAL_REFUSED}
- alles          # M1: Meldcode stap 1
- Aandachtsfunctionaris VSV
- nee            # advies
- gevoerd
- nee            # AK1: geen vermoeden
- volgen         # M1-vervolg
- verloskundige bij elk consult tot de bevalling
"
    );
    let (out, json) = run(&answers);
    let m1 = subflow(&json, "M1");
    let nodes = subflow_nodes(m1);
    assert_eq!(nodes.first().map(String::as_str), Some("MC1"), "{nodes:?}");
    assert!(!nodes.iter().any(|n| n.starts_with("KC")), "{nodes:?}");
    let route = route(&json);
    assert!(!route.iter().any(|n| n.starts_with("VT")), "{route:?}");
    assert_eq!(route.last().map(String::as_str), Some("E-meldcode"));
    let outcome = json["uitkomst"].as_str().unwrap();
    assert!(outcome.contains("zonder melding"), "{outcome}");
    assert!(outcome.contains("geen vermoeden"), "{outcome}");
    assert!(!outcome.contains("Veilig Thuis koppelt"), "{outcome}");
    assert!(!open_actions(&json).contains("Veilig Thuis"));
    assert!(let_op(&json)
        .contains("de cliënt wordt gevolgd in de eigen zorg: verloskundige bij elk consult"));
    // The refused referral is not a referral.
    let b4 = json["verwijzingen"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["knoop"] == "B4")
        .unwrap();
    assert_eq!(b4["status"], "voorgesteld, niet uitgevoerd");
    assert!(let_op(&json).contains("Verwijzing naar Centrum Kwetsbare Zwangeren"));
    out.stdout_has("VOORGESTELD, NIET UITGEVOERD");
}

/// From M1 to the report: suspicion, acute or structural unsafety, told the client first.
const M1_REPORT: &str = "
- alles          # M1: Meldcode stap 1
- Aandachtsfunctionaris VSV
- ja             # advies
- gevoerd
- ja             # AK1
- ja             # AK2
- ja             # melding vooraf besproken
- Veilig Thuis Voorbeeldregio
";

#[test]
fn m1_with_a_report_waits_for_veilig_thuis_and_shows_the_organisation_from_the_map() {
    let ws = Workspace::new();
    let answers = format!(
        "{INTAKE}{B2_POSITIVE_CLOSED}{B2_CONSENT}- [kind-in-gevaar]\n{REFERRAL_REFUSED}{M1_REPORT}- later\n"
    );
    ws.write("a.yaml", &answers);
    ws.cmd("start --antwoorden a.yaml").run().code(0).no_panic();
    let id = ws.only_session();
    let md = ws.cmd(&format!("export {id} -o s.json")).run().code(0);
    drop(md);
    let json: Value = serde_json::from_str(&ws.read("s.json")).unwrap();
    // The path is done; the feedback is a follow-up that is still open.
    assert_eq!(
        json["sessie"]["status"], "wacht op opvolging",
        "VT feedback is still open"
    );
    assert!(route(&json).contains(&"M1".to_string()));
    assert!(
        let_op(&json).contains("Opvolging staat open: VT Heeft Veilig Thuis teruggekoppeld?"),
        "{}",
        let_op(&json)
    );
    let text = ws.cmd(&format!("export {id} -o s.md")).run();
    text.code(0);
    let md = ws.read("s.md");
    assert!(md.contains("Veilig Thuis Voorbeeldregio"), "{md}");
    assert!(md.contains("0800-2000"), "{md}");
    // The feedback comes in: the session ends, and says what was received.
    ws.write(
        "b.yaml",
        "- ja\n- {gedaan: [terugkoppeling-verloskundige]}\n",
    );
    ws.cmd(&format!(
        "opvolgen {id} --antwoorden b.yaml --export t.json"
    ))
    .run()
    .code(0)
    .no_panic();
    let json: Value = serde_json::from_str(&ws.read("t.json")).unwrap();
    assert_eq!(json["afgerond"], true);
    assert_eq!(json["sessie"]["status"], "afgerond");
    let outcome = json["uitkomst"].as_str().unwrap();
    assert!(outcome.contains("gemeld bij Veilig Thuis"), "{outcome}");
    assert!(outcome.contains("teruggekoppeld aan de verloskundig zorgverlener"));
    assert!(
        outcome.contains("aan de huisarts is niet bevestigd"),
        "{outcome}"
    );
    // The reporter's to-do to follow up the report is done once the feedback is recorded;
    // the feedback to the GP not confirmed stays open for Veilig Thuis.
    let open = open_actions(&json);
    assert!(!open.contains("volg de terugkoppeling"), "{open}");
    assert!(open.contains("Terugkoppeling aan huisarts"), "{open}");
    let m1 = subflow(&json, "M1");
    let m1_outcome = m1["uitkomst"].as_str().unwrap();
    assert!(
        m1_outcome.contains("vooraf met de cliënt besproken"),
        "{m1_outcome}"
    );
    assert!(m1_outcome.contains("samen met Veilig"), "{m1_outcome}");
}

#[test]
fn a_report_at_b2_after_a_negative_kindcheck_with_other_signals_proposes_complex() {
    let answers = format!(
        "{INTAKE}
- alles          # Kindcheck
- alleen het ongeboren kind
- negatief
- ja             # andere signalen: geweld tegen de cliënt zelf
- alles          # Meldcode stap 1
- Aandachtsfunctionaris VSV
- ja             # advies
- gevoerd
- ja             # AK1
- ja             # AK2
- {{keuze: nee-veiligheid, toelichting: partner leest haar berichten}}   # melding niet vooraf besproken
- Veilig Thuis Voorbeeldregio
- later          # B2-vt: terugkoppeling Veilig Thuis, als opvolging
{B2_CONSENT}- {{gelden: [], notitie: mishandeling nog niet bevestigd}}
- complex
- Centrum Kwetsbare Zwangeren
- ja
- alles
- nog niet bekend, wordt afgestemd
- later
"
    );
    let (_, json) = run(&answers);
    let b2 = subflow(&json, "B2");
    let nodes = subflow_nodes(b2);
    let at = |n: &str| nodes.iter().position(|x| x == n).unwrap_or(usize::MAX);
    assert!(at("KC-andere-signalen") < at("MC1"), "{nodes:?}");
    assert!(nodes.contains(&"AK-melden".to_string()));
    let d2 = row(&json, "D2");
    assert_eq!(d2["voorstel"]["optie"], "Complex", "{d2}");
    assert!(d2["voorstel"]["op_grond_van"]
        .to_string()
        .contains("Meldcode"));
    assert!(b2["uitkomst"]
        .as_str()
        .unwrap()
        .contains("niet vooraf met de cliënt besproken"));
}

#[test]
fn enkelvoudig_without_a_reason_is_refused_after_a_report() {
    let answers = format!(
        "{INTAKE}
- alles
- alleen het ongeboren kind
- negatief
- ja
- alles
- Aandachtsfunctionaris VSV
- nee
- gevoerd
- ja
- ja
- ja
- Veilig Thuis Voorbeeldregio
- later
{B2_CONSENT}- {{gelden: [], notitie: mishandeling nog niet bevestigd}}
- enkelvoudig
"
    );
    refused(&answers).stderr_has("voorstel");
}

#[test]
fn a_positive_kindcheck_ticks_kind_in_gevaar_in_advance() {
    // Unticked without a note: refused, and the message says why.
    let answers = format!("{INTAKE}{B2_POSITIVE_CLOSED}{B2_CONSENT}- geen\n");
    refused(&answers).stderr_has("vooraf").stderr_has("notitie");
    // Unticked with a note: accepted and recorded; the proposal follows the criteria.
    let answers = format!(
        "{INTAKE}{B2_POSITIVE_CLOSED}{B2_CONSENT}- {{gelden: [licht, voldoende-hulpbronnen], notitie: zorg betreft alleen een eerdere situatie}}\n- enkelvoudig\n- psychosociaal\n- Wijkteam Voorbeeldstad\n- nee\n"
    );
    let (_, json) = run(&answers);
    assert_eq!(row(&json, "D2")["voorstel"]["optie"], "Enkelvoudig");
    assert!(row(&json, "D2-criteria")["toelichting"]
        .as_str()
        .unwrap()
        .contains("eerdere situatie"));
    // Kept ticked: complex is proposed.
    let answers = format!(
        "{INTAKE}{B2_POSITIVE_CLOSED}{B2_CONSENT}- [kind-in-gevaar]\n{REFERRAL_REFUSED}- alles\n- Aandachtsfunctionaris VSV\n- nee\n- gevoerd\n- nee\n- volgen\n- verloskundige\n"
    );
    let (_, json) = run(&answers);
    let d2 = row(&json, "D2");
    assert_eq!(d2["voorstel"]["optie"], "Complex");
    assert!(d2["voorstel"]["op_grond_van"]
        .to_string()
        .contains("kind(eren) (mogelijk) in gevaar"));
}

#[test]
fn enkelvoudig_is_proposed_only_when_both_of_its_conditions_hold() {
    let only_light = format!("{INTAKE}{B2_NEGATIVE}{B2_CONSENT}- [licht]\n- complex\n{}", "- Centrum Kwetsbare Zwangeren\n- nee\n- alles\n- Aandachtsfunctionaris VSV\n- nee\n- gevoerd\n- nee\n- volgen\n- verloskundige\n");
    let (_, json) = run(&only_light);
    assert_eq!(row(&json, "D2")["voorstel"]["optie"], "Complex");
    let nothing = format!("{INTAKE}{B2_NEGATIVE}{B2_CONSENT}- geen\n- enkelvoudig\n");
    refused(&nothing).stderr_has("reden");
    // Overruled with a reason: recorded, and flagged where a colleague cannot miss it.
    let overruled = format!("{INTAKE}{B2_NEGATIVE}{B2_CONSENT}- geen\n- {{keuze: enkelvoudig, toelichting: sterk netwerk}}\n- psychosociaal\n- Wijkteam Voorbeeldstad\n- nee\n");
    let (_, json) = run(&overruled);
    assert_eq!(row(&json, "D2")["voorstel"]["gevolgd"], false);
    assert!(
        let_op(&json).contains(
            "Afgeweken van het voorstel van zorgpad: gekozen 'Enkelvoudig', voorgesteld 'Complex'; reden: sterk netwerk"
        ),
        "{}",
        let_op(&json)
    );
    let both = format!("{INTAKE}{B2_NEGATIVE}{B2_CONSENT}- [licht, voldoende-hulpbronnen]\n- enkelvoudig\n- psychosociaal\n- Wijkteam Voorbeeldstad\n- nee\n");
    let (_, json) = run(&both);
    let d2 = row(&json, "D2");
    assert_eq!(d2["voorstel"]["optie"], "Enkelvoudig");
    assert_eq!(d2["voorstel"]["gevolgd"], true);
}

/// From the intake to the birth (W1 answered), the handover still to do.
fn to_b8() -> String {
    format!(
        "{INTAKE}{B2_POSITIVE_CLOSED}{B2_CONSENT}- [kind-in-gevaar]
- complex
- Centrum Kwetsbare Zwangeren
- ja
- alles
- jeugdverpleegkundige Centrum Kwetsbare Zwangeren
- ja             # D4 verschenen
- alles          # Kindcheck B6
- ongeboren kind en een kind van 3 jaar
- negatief
- nee
- alles          # B6
- alles          # B7
- wijkverpleegkundige CJG
- {{gedaan: [huisarts, verloskundig-zorgverlener, jgz], nvt: [cjg]}}
- bevallen
"
    )
}

#[test]
fn the_handover_post_partum_cannot_be_marked_not_applicable() {
    let answers = format!(
        "{}- {{gedaan: [overdracht-betrokkenen], nvt: [overdracht-coordinator-post-partum]}}\n",
        to_b8()
    );
    refused(&answers).stderr_has("in elk geval");
    // Not done: the session ends, but the outcome says it is still open, and it is on the
    // coordinator's list; feedback to the kraamzorg not given is open too.
    let answers = format!("{}- {{gedaan: [overdracht-betrokkenen]}}\n", to_b8());
    let (_, json) = run(&answers);
    let outcome = json["uitkomst"].as_str().unwrap();
    assert!(
        outcome.contains("overdracht aan de coördinerend zorgverlener post partum staat nog open"),
        "{outcome}"
    );
    assert!(!outcome.contains("Na de bevalling overgedragen aan de coördinerend"));
    let open = open_actions(&json);
    assert!(open.contains("Overdracht aan de coördinerend zorgverlener post partum"));
    assert!(let_op(&json).contains(
        "Verplichte actie staat nog open: Overdracht aan de coördinerend zorgverlener post partum"
    ));
    assert!(open.contains("Teruggekoppeld aan de kraamzorg"), "{open}");
    assert!(!open.contains("Teruggekoppeld aan het CJG"), "{open}");
    assert_eq!(
        row(&json, "B7-coordinator-post-partum")["antwoord"],
        "wijkverpleegkundige CJG"
    );
    assert_eq!(
        row(&json, "B5-coordinator")["antwoord"],
        "jeugdverpleegkundige Centrum Kwetsbare Zwangeren"
    );
    // Done: the outcome says so.
    let (_, json) = run(&format!("{}- alles\n", to_b8()));
    assert!(json["uitkomst"]
        .as_str()
        .unwrap()
        .contains("Na de bevalling overgedragen aan de coördinerend zorgverlener post partum"));
}

#[test]
fn consent_for_current_care_and_the_gp_are_asked_apart() {
    // Refused for current care: the criterion is ticked in advance and flagged.
    let answers = format!(
        "{INTAKE}{B2_NEGATIVE}- alles\n- nee\n- ja\n- alles\n- nee\n- [geen-toestemming]\n- complex\n- Centrum Kwetsbare Zwangeren\n- nee\n- alles\n- Aandachtsfunctionaris VSV\n- nee\n- gevoerd\n- nee\n- volgen\n- verloskundige\n"
    );
    let (_, json) = run(&answers);
    let route = route(&json);
    assert!(!route.contains(&"B2-contact-hulpverlening".to_string()));
    assert!(route.contains(&"B2-contact-huisarts".to_string()));
    assert!(let_op(&json).contains("Geen toestemming voor overleg met de huidige hulpverlening"));
    assert!(row(&json, "D2")["voorstel"]["op_grond_van"]
        .to_string()
        .contains("geen toestemming overleg"));
    // Refused for the GP only: no criterion, but noted.
    let answers = format!(
        "{INTAKE}{B2_NEGATIVE}- alles\n- nvt\n- nee\n- nee\n- [licht, voldoende-hulpbronnen]\n- enkelvoudig\n- psychosociaal\n- Wijkteam Voorbeeldstad\n- nee\n"
    );
    let (_, json) = run(&answers);
    assert_eq!(row(&json, "D2")["voorstel"]["optie"], "Enkelvoudig");
    assert!(let_op(&json).contains("Geen toestemming voor gegevensuitwisseling met de huisarts"));
    assert!(!let_op(&json).contains("huidige hulpverlening"));
}

#[test]
fn a_missed_appointment_can_get_a_new_appointment_before_the_meldcode() {
    let answers = format!(
        "{INTAKE}{B2_POSITIVE_CLOSED}{B2_CONSENT}- [kind-in-gevaar]
- complex
- Centrum Kwetsbare Zwangeren
- ja
- alles
- jeugdverpleegkundige
- nieuwe-afspraak   # D4: niet verschenen, nieuwe afspraak
- ja                # D4: verschenen
- alles
- ongeboren kind
- negatief
- nee
- alles
- later
"
    );
    let (_, json) = run(&answers);
    let route = route(&json);
    assert_eq!(route.iter().filter(|n| *n == "D4").count(), 2, "{route:?}");
    assert!(!route.contains(&"M1".to_string()));
    assert!(route.contains(&"B6".to_string()));
    assert!(let_op(&json).contains("nieuwe afspraak gemaakt"));
}

#[test]
fn the_meldcode_details_follow_the_public_sources() {
    // Step 3 skipped for the second legitimate reason; question 3 in its 2018 wording answered
    // "no"; the report not told to the client beforehand, for a reason that is recorded.
    let answers = format!(
        "{INTAKE}
- alles
- ongeboren kind
- positief
- alles          # Meldcode stap 1
- Aandachtsfunctionaris VSV
- nee
- {{keuze: overgeslagen-contact, toelichting: dreigde eerder de zorg te stoppen}}
- ja             # AK1
- nee            # AK2
- nee            # AK3: geen effectieve hulp mogelijk
- {{keuze: nee-contact, toelichting: zou de zorg stoppen}}
- Veilig Thuis Voorbeeldregio
- later          # B2-vt
{B2_CONSENT}- [kind-in-gevaar, misbruik]
- complex
- Centrum Kwetsbare Zwangeren
- ja
- alles
- later
"
    );
    let (_, json) = run(&answers);
    let b2 = subflow(&json, "B2");
    let step = |node: &str| {
        b2["stappen"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["knoop"] == node)
            .unwrap_or_else(|| panic!("{node} not in {b2}"))
            .clone()
    };
    assert_eq!(
        step("MC3")["antwoord"],
        "Nee, overgeslagen — de cliënt zou het contact verbreken"
    );
    assert_eq!(
        step("MC3")["toelichting"],
        "dreigde eerder de zorg te stoppen"
    );
    assert!(step("AK3")["vraag"]
        .as_str()
        .unwrap()
        .starts_with("Ben ik in staat effectieve hulp te bieden of te organiseren"));
    assert_eq!(
        step("AK-melden-besproken")["toelichting"],
        "zou de zorg stoppen"
    );
    let outcome = b2["uitkomst"].as_str().unwrap();
    assert!(
        outcome.contains("niet vooraf met de cliënt besproken"),
        "{outcome}"
    );
    // Reported at question 3, not at question 2: nothing about working through 3–5 with
    // Veilig Thuis.
    assert!(!outcome.contains("samen met Veilig Thuis"), "{outcome}");
}

#[test]
fn the_pathway_marks_zorgpads_own_additions_and_shows_footnote_1_at_d2() {
    let out = Test::new().args("toon --stap D2").run().code(0).no_panic();
    out.stdout_has("[1] Complexe problematiek")
        .stdout_has("Enkelvoudige problematiek")
        .stdout_has("[Toevoeging van zorgpad, uit de pijl van B3 naar B4 en stap 2 van de");
    let out = Test::new()
        .args("toon --stap B2-voorzorg-verwijzing")
        .run()
        .code(0)
        .no_panic();
    out.stdout_has("Toevoeging van zorgpad");
    let out = Test::new()
        .args("toon --stap B2-voorzorg")
        .run()
        .code(0)
        .no_panic();
    out.stdout_lacks("voetnoot [3]")
        .stdout_has("vrijwillig")
        .stdout_has("buiten de criteria van");
}

#[test]
fn the_veilig_thuis_box_names_an_organisation_typed_at_the_report_not_another_one_from_the_map() {
    let report_elsewhere = M1_REPORT.replace(
        "- Veilig Thuis Voorbeeldregio",
        "- {andere: [Veilig Thuis Rotterdam-Rijnmond]}",
    );
    let answers = format!(
        "{INTAKE}{B2_POSITIVE_CLOSED}{B2_CONSENT}- [kind-in-gevaar]\n{REFERRAL_REFUSED}{report_elsewhere}- later\n"
    );
    let (_, json) = run(&answers);
    // The Veilig Thuis feedback waits as a follow-up, with whom to reach.
    let contact = &json["opvolgingen"][0]["contact"];
    assert_eq!(
        contact["andere"],
        serde_json::json!(["Veilig Thuis Rotterdam-Rijnmond"]),
        "{contact}"
    );
    assert_eq!(contact["aanbieders"], serde_json::json!([]), "{contact}");
    assert!(!contact.to_string().contains("Voorbeeldregio"), "{contact}");
}
