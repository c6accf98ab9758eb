//! The Meldcode's afwegingskader and the complexity proposal at D2, through the real binary:
//! every route of the afwegingskader with its outcome in the summary, and the proposal made
//! from footnote 1's criteria, confirmed or overruled.

use crate::common::{Test, B2_CONSENT};
use serde_json::Value;

/// From the intake to the start of the Meldcode at B2 (positive Kindcheck, steps 1–3).
pub(crate) const TO_WEIGHING: &str = "
- intake       # IN: bij de intake
- alles        # B1
- geen         # instrument
- ja           # D1
- alles        # Kindcheck
- ongeboren kind en 2 kinderen van 4 en 7 jaar
- positief
- alles        # stap 1
- Aandachtsfunctionaris VSV
- nee          # advies Veilig Thuis
- gevoerd      # stap 3
";

/// After a report at B2: Veilig Thuis' feedback is put off as a follow-up (B2-vt).
pub(crate) const VT_LATER: &str =
    "- later        # B2-vt: terugkoppeling Veilig Thuis, als opvolging\n";

/// After the Meldcode and B2 ([`B2_CONSENT`]): the criterion of the positive Kindcheck and that
/// of a suspicion after steps 1–3 (both ticked in advance where they apply) kept, complex
/// problems, the referral accepted, then a pause until the
/// appointment (D4).
pub(crate) const AFTER_CRITERIA: &str = "
- [kind-in-gevaar, misbruik]
- complex
- Centrum Kwetsbare Zwangeren
- ja           # D3
- alles        # B5 afspraak
- jeugdverpleegkundige Centrum Kwetsbare Zwangeren
- later        # D4
";

fn run(answers: &str) -> Value {
    let out = Test::new()
        .args("start --export s.json")
        .answers(answers)
        .run()
        .code(0)
        .no_panic();
    serde_json::from_str(&out.read("s.json")).expect("json")
}

/// The outcome of the Meldcode run at B2, and the "Let op" lines.
fn meldcode(answers_in_weighing: &str) -> (String, Vec<String>, Value) {
    let json = run(&format!(
        "{TO_WEIGHING}{answers_in_weighing}{B2_CONSENT}{AFTER_CRITERIA}"
    ));
    let run = &json["subflows"][0];
    assert_eq!(run["naam"], "Kindcheck en Meldcode");
    assert!(run["vanuit"].as_str().unwrap().starts_with("B2"));
    let outcome = run["uitkomst"].as_str().expect("outcome").to_string();
    let let_op = json["let_op"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap().to_string())
        .collect();
    (outcome, let_op, json)
}

/// After help is organised (question 4): who monitors the safety, and until when.
const MONITORED_BY: &str = "- wijkteam en verloskundige, tot 6 weken na de bevalling\n";

fn reported(let_op: &[String]) -> bool {
    let_op.iter().any(|l| l.contains("gemeld bij Veilig Thuis"))
}

#[test]
fn no_suspicion_closes_and_records_in_the_file() {
    let (outcome, let_op, _) = meldcode("- nee\n");
    assert!(
        outcome.contains("afsluiten en vastleggen in het dossier"),
        "{outcome}"
    );
    assert!(!reported(&let_op));
    // A positive Kindcheck is flagged all the same.
    assert!(
        let_op.iter().any(|l| l.starts_with("Kindcheck positief")),
        "{let_op:?}"
    );
}

#[test]
fn acute_or_structural_unsafety_is_reported() {
    let (outcome, let_op, json) = meldcode(&format!(
        "- ja\n- ja\n- ja\n- Veilig Thuis Voorbeeldregio\n{VT_LATER}"
    ));
    assert!(outcome.contains("gemeld bij Veilig Thuis"), "{outcome}");
    assert!(reported(&let_op), "{let_op:?}");
    // Questions 3–5 are not asked: they are answered together with Veilig Thuis.
    let nodes: Vec<&str> = json["subflows"][0]["stappen"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["knoop"].as_str().unwrap())
        .collect();
    assert!(!nodes.contains(&"AK3"), "{nodes:?}");
    let referral = json["verwijzingen"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["categorie"] == "veilig-thuis")
        .expect("report");
    assert_eq!(referral["aanbieders"][0], "Veilig Thuis Voorbeeldregio");
}

#[test]
fn no_effective_help_is_reported() {
    let (outcome, let_op, _) = meldcode(&format!(
        "- ja\n- nee\n- nee\n- ja\n- Veilig Thuis Voorbeeldregio\n{VT_LATER}"
    ));
    assert!(outcome.contains("gemeld bij Veilig Thuis"), "{outcome}");
    assert!(reported(&let_op));
}

#[test]
fn refused_help_is_reported() {
    let (outcome, let_op, _) = meldcode(&format!(
        "- ja\n- nee\n- ja\n- nee\n- ja\n- Veilig Thuis Voorbeeldregio\n{VT_LATER}"
    ));
    assert!(outcome.contains("gemeld bij Veilig Thuis"), "{outcome}");
    assert!(reported(&let_op));
}

#[test]
fn help_without_lasting_safety_is_reported() {
    let (outcome, let_op, _) = meldcode(&format!(
        "- ja\n- nee\n- ja\n- ja\n- alles\n{MONITORED_BY}- nee\n- ja\n- Veilig Thuis Voorbeeldregio\n{VT_LATER}"
    ));
    assert!(outcome.contains("gemeld bij Veilig Thuis"), "{outcome}");
    assert!(reported(&let_op));
}

#[test]
fn help_that_works_closes_with_monitoring() {
    let (outcome, let_op, _) = meldcode(&format!(
        "- ja\n- nee\n- ja\n- ja\n- alles\n{MONITORED_BY}- ja\n"
    ));
    assert!(
        outcome.contains("hulp bieden of organiseren en de veiligheid volgen"),
        "{outcome}"
    );
    assert!(outcome.contains("volgen van de veiligheid"), "{outcome}");
    assert!(!reported(&let_op));
}

#[test]
fn question_five_can_wait_while_the_path_goes_on() {
    let json = run(&format!(
        "{TO_WEIGHING}- ja\n- nee\n- ja\n- ja\n- alles\n{MONITORED_BY}- later: 2027-01-15\n{B2_CONSENT}{AFTER_CRITERIA}"
    ));
    // The Meldcode run ends with question 5 open, and the path reached the referral.
    let run = &json["subflows"][0];
    assert!(
        run["uitkomst"]
            .as_str()
            .unwrap()
            .contains("vraag 5 van het afwegingskader"),
        "{run}"
    );
    let referred: Vec<&str> = json["verwijzingen"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["knoop"].as_str().unwrap())
        .collect();
    assert!(referred.contains(&"B4"), "{referred:?}");
    let follow_up = &json["opvolgingen"][0];
    assert_eq!(follow_up["id"], "B2-meldcode/AK5");
    assert_eq!(follow_up["verwacht"], "2027-01-15");
    assert_eq!(follow_up["open"], true);
    assert!(
        json["let_op"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l.as_str().unwrap().starts_with("Opvolging staat open:")),
        "{json}"
    );
}

#[test]
fn the_report_outcome_is_shown_prominently_in_every_format() {
    let answers =
        format!("{TO_WEIGHING}- ja\n- ja\n- ja\n- Veilig Thuis Voorbeeldregio\n{VT_LATER}{B2_CONSENT}{AFTER_CRITERIA}");
    let out = Test::new()
        .args("start --export s.md")
        .answers(&answers)
        .run()
        .code(0);
    let out = out
        .stdout_has("!! LET OP")
        .stdout_has("!! Meldcode-uitkomst: gemeld bij Veilig Thuis");
    let md = out.read("s.md");
    assert!(md.contains("## Let op\n\n- **Kindcheck positief"), "{md}");
    assert!(md.contains("- **Meldcode-uitkomst: gemeld bij Veilig Thuis (vanuit B2 Volg stappen Kindcheck/Meldcode, Verloskundig zorgverlener)**"), "{md}");
}

// --- The complexity proposal at D2 ---------------------------------------------------------

/// Up to D2-criteria (negative Kindcheck, no other signals), with or without consent for
/// current care at B2 (the GP consents either way).
fn to_criteria(consent: bool) -> String {
    let b2 = if consent {
        "- alles\n- ja\n- alles\n- ja\n- alles\n- nee\n"
    } else {
        "- alles\n- nee\n- ja\n- alles\n- nee\n"
    };
    format!("- intake\n- alles\n- geen\n- ja\n- alles\n- alleen het ongeboren kind\n- negatief\n- nee\n{b2}")
}

/// The rest of the route for either choice at D2: a single referral, or the referral refused,
/// the Meldcode at M1 without suspicion and the client followed in the midwife's own care.
fn after_d2(choice: &str) -> &'static str {
    if choice.contains("enkelvoudig") {
        "- psychosociaal\n- Buurtteam\n- nee\n"
    } else {
        "- Centrum Kwetsbare Zwangeren\n- nee\n- alles\n- Aandachtsfunctionaris VSV\n- nee\n- gevoerd\n- nee\n- volgen\n- verloskundige, tot de bevalling\n"
    }
}

fn d2(json: &Value) -> Value {
    json["route"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["knoop"] == "D2")
        .expect("D2")
        .clone()
}

fn proposal(consent: bool, criteria: &str, choice: &str) -> Value {
    let json = run(&format!(
        "{}- {criteria}\n- {choice}\n{}",
        to_criteria(consent),
        after_d2(choice)
    ));
    d2(&json)
}

#[test]
fn each_criterion_alone_proposes_complex_and_is_named() {
    for (id, text) in [
        ("hulpbronnen", "Complex: PPM met gebrek aan hulpbronnen"),
        (
            "kind-in-gevaar",
            "Complex: al aanwezige of ongeboren kind(eren) (mogelijk) in gevaar",
        ),
        (
            "geen-toestemming",
            "Complex: geen toestemming overleg met huidige hulpverlening",
        ),
        ("misbruik", "Complex: actueel misbruik en/of mishandeling"),
        ("twijfel", "(Geringe) twijfel of persisterende problemen"),
    ] {
        let row = proposal(true, &format!("[{id}]"), "complex");
        assert_eq!(row["voorstel"]["optie"], "Complex", "{id}");
        assert_eq!(
            row["voorstel"]["op_grond_van"],
            serde_json::json!([text]),
            "{id}"
        );
        assert_eq!(row["voorstel"]["gevolgd"], true, "{id}");
    }
}

#[test]
fn no_consent_for_contact_with_current_care_alone_proposes_complex() {
    // The refusal at B2 ticks its criterion in advance; kept, it is the ground of the proposal.
    let row = proposal(false, "[geen-toestemming]", "complex");
    assert_eq!(row["voorstel"]["optie"], "Complex");
    assert_eq!(
        row["voorstel"]["op_grond_van"],
        serde_json::json!(["Complex: geen toestemming overleg met huidige hulpverlening"])
    );
    // Left out without a note it is refused: the refusal cannot drop out of the proposal
    // unnoticed.
    Test::new()
        .args("start")
        .answers(&format!("{}- geen\n", to_criteria(false)))
        .run()
        .code(2)
        .no_panic()
        .stderr_has("vooraf")
        .stderr_has("notitie");
}

#[test]
fn both_single_problem_conditions_and_no_complex_criterion_propose_single_problems() {
    let row = proposal(true, "[licht, voldoende-hulpbronnen]", "enkelvoudig");
    assert_eq!(row["voorstel"]["optie"], "Enkelvoudig");
    assert_eq!(
        row["voorstel"]["op_grond_van"],
        serde_json::json!([
            "Enkelvoudig: lichte/enkelvoudige psychosociale problemen/middelengebruik",
            "Enkelvoudig: voldoende hulpbronnen"
        ])
    );
    assert_eq!(row["voorstel"]["gevolgd"], true);
}

#[test]
fn no_criterion_at_all_proposes_complex_on_no_ground() {
    // Nothing ticked: not enough to call the problems single, so complex (the '(geringe)
    // twijfel' of step 2), and no criterion is named.
    let row = proposal(true, "geen", "complex");
    assert_eq!(row["voorstel"]["optie"], "Complex");
    assert_eq!(row["voorstel"]["op_grond_van"], serde_json::json!([]));
    assert_eq!(row["voorstel"]["gevolgd"], true);
}

#[test]
fn an_overrule_without_a_reason_is_refused() {
    Test::new()
        .args("start")
        .answers(&format!("{}- [hulpbronnen]\n- enkelvoudig\n", to_criteria(true)))
        .run()
        .code(2)
        .no_panic()
        .stderr_has("'enkelvoudig' wijkt af van het voorstel 'complex'; afwijken mag, maar alleen met een reden")
        .stderr_has("{keuze: enkelvoudig, toelichting: \"waarom\"}");
}

#[test]
fn an_overrule_with_a_reason_is_recorded() {
    let out = Test::new()
        .args("start --export s.json")
        .answers(&format!(
            "{}- [hulpbronnen]\n- {{keuze: enkelvoudig, toelichting: netwerk van zus vangt veel op}}\n{}",
            to_criteria(true),
            after_d2("enkelvoudig")
        ))
        .run()
        .code(0);
    let json: Value = serde_json::from_str(&out.read("s.json")).unwrap();
    let row = d2(&json);
    assert_eq!(row["antwoord"], "Enkelvoudig");
    assert_eq!(row["toelichting"], "netwerk van zus vangt veel op");
    assert_eq!(row["voorstel"]["optie"], "Complex");
    assert_eq!(row["voorstel"]["gevolgd"], false);
    out.stdout_has("(AFGEWEKEN van het");
}

#[test]
fn doubt_always_takes_the_complex_route() {
    Test::new()
        .args("start")
        .answers(&format!(
            "{}- [twijfel]\n- {{keuze: enkelvoudig, toelichting: toch maar licht}}\n",
            to_criteria(true)
        ))
        .run()
        .code(2)
        .no_panic()
        .stderr_has("'enkelvoudig' kan hier niet: op grond van (Geringe) twijfel of persisterende problemen volgt altijd 'complex'");
}
