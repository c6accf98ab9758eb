//! Answers files that do not fit the flow (`zorgpad start --antwoorden`): exit 2, naming the
//! question, the entry and the valid choices; and the forgiving forms that must be accepted.
//! The flow is a small fixture (tests/fixtures/antwoorden-flow.yaml): a checklist C with
//! intake/screening/dossier, a decision G whose options psychopathologie and psychosociaal
//! share a beginning, and a decision K (ja: "Ja, met toestemming" / nee).

use crate::common::{Output, Test};
use serde_json::Value;

const FLOW: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/antwoorden-flow.yaml"
);

fn start(answers: &str) -> Test {
    Test::new()
        .args("start --export s.json --flow")
        .arg(FLOW)
        .answers(answers)
}

/// A run that must be refused: exit 2, no summary, no export.
fn refused(answers: &str) -> Output {
    let out = start(answers).run().code(2).no_panic();
    assert!(!out.dir.join("s.json").exists(), "export written");
    out.stdout_lacks("SAMENVATTING")
        .stderr_has("zorgpad: fout: antwoorden.yaml: ")
}

/// A run that must succeed, with its JSON export.
fn accepted(answers: &str) -> (Output, Value) {
    let out = start(answers).run().code(0).no_panic();
    let json = serde_json::from_str(&out.read("s.json")).expect("json export");
    (out, json)
}

fn answer_at(json: &Value, node: &str) -> String {
    json["route"]
        .as_array()
        .expect("route")
        .iter()
        .find(|r| r["knoop"] == node)
        .and_then(|r| r["antwoord"].as_str())
        .unwrap_or_else(|| panic!("{node} not in route: {json}"))
        .to_string()
}

/// The status of each action of checklist C, in order.
fn statuses(json: &Value) -> Vec<(String, String)> {
    json["checklists"][0]["acties"]
        .as_array()
        .expect("checklist C")
        .iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap().to_string(),
                a["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn an_entry_that_fits_no_option_names_the_question_the_entry_and_the_choices() {
    refused("- alles\n- alcohol\n- ja\n")
        .stderr_has("antwoorden.yaml: antwoord 2 (regel 2) past niet bij vraag 2 (G, stap 2): 'alcohol' is geen van de mogelijkheden")
        .stderr_has("vraag: Op welk gebied liggen de problemen?")
        .stderr_has("antwoord: alcohol")
        .stderr_has("Geldige keuzes (id of label; een uniek begin is genoeg), of 'terug':")
        .stderr_has("- psychopathologie  (Psychopathologie)")
        .stderr_has("- psychosociaal  (Psychosociale problemen)")
        .stderr_has("- middelen  (Middelengebruik)");
}

#[test]
fn an_ambiguous_prefix_is_refused_naming_the_candidates() {
    refused("- alles\n- psych\n- ja\n")
        .stderr_has("antwoord 2 (regel 2) past niet bij vraag 2 (G, stap 2): 'psych' is niet eenduidig: het past bij 'psychopathologie' en 'psychosociaal'");
}

#[test]
fn a_unique_prefix_and_a_label_in_any_case_are_accepted() {
    let (_, json) = accepted("- alles\n- psychos\n- JA, MET TOESTEMMING\n");
    assert_eq!(answer_at(&json, "G"), "Psychosociale problemen");
    assert_eq!(answer_at(&json, "K"), "Ja, met toestemming");
    assert_eq!(json["afgerond"], true);
    // A prefix of a label counts too ("midd" → Middelengebruik, "ne" → nee).
    let (_, json) = accepted("- alles\n- Midd\n- ne\n");
    assert_eq!(answer_at(&json, "G"), "Middelengebruik");
    assert_eq!(answer_at(&json, "K"), "Nee");
}

#[test]
fn answers_that_run_out_name_the_next_question() {
    refused("- alles\n- middelen\n")
        .stderr_has(
            "antwoorden.yaml: de antwoorden zijn op na 2 antwoorden; de flow is nog niet afgerond",
        )
        .stderr_has("De volgende vraag is vraag 3 (K, stap 2): Geeft de cliënt toestemming?")
        .stderr_has("- ja  (Ja, met toestemming)");
}

#[test]
fn entries_left_over_after_the_end_are_an_error() {
    refused("- alles\n- middelen\n- ja\n- nee\n- alles\n")
        .stderr_has("antwoorden.yaml: de flow is afgerond na 3 antwoorden, maar het bestand bevat er 5 (2 niet gebruikt, vanaf antwoord 4 (regel 4))")
        .stderr_has("Haal de overtollige antwoorden weg");
}

#[test]
fn terug_at_the_first_question_is_an_error() {
    refused("- terug\n- alles\n- middelen\n- ja\n")
        .stderr_has("antwoorden.yaml: antwoord 1 (regel 1) is 'terug', maar bij vraag 1 (C, stap 1) is er geen vorige vraag om naar terug te gaan")
        .stderr_has("Haal dit 'terug' weg");
}

#[test]
fn terug_past_the_first_question_is_an_error() {
    // One answer, then two steps back: the second has nowhere to go.
    refused("- alles\n- terug\n- terug\n- alles\n").stderr_has(
        "antwoord 3 (regel 3) is 'terug', maar bij vraag 1 (C, stap 1) is er geen vorige vraag",
    );
}

#[test]
fn terug_later_works_and_is_recorded() {
    let (out, json) = accepted("- alles\n- psychosociaal\n- Terug\n- middelen\n- ja\n");
    assert_eq!(answer_at(&json, "G"), "Middelengebruik");
    let changes = json["gewijzigd"].as_array().expect("gewijzigd");
    assert_eq!(changes.len(), 1, "{json}");
    // The question is named by its key or (in the newer export) by its text.
    let vraag = changes[0]["knoop"].as_str().expect("knoop");
    assert!(
        vraag == "G" || vraag.contains("Op welk gebied liggen de problemen?"),
        "{vraag}"
    );
    assert_eq!(changes[0]["eerder_antwoord"], "Psychosociale problemen");
    // The route holds each question once, with the answer in force.
    let nodes: Vec<&str> = json["route"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["knoop"].as_str().unwrap())
        .collect();
    assert_eq!(nodes, ["C", "G", "K", "E"]);
    out.stdout_has("Middelengebruik");
}

#[test]
fn a_checklist_alles_marks_everything_done() {
    let (_, json) = accepted("- alles\n- middelen\n- ja\n");
    assert_eq!(
        statuses(&json),
        pairs(&[
            ("intake", "gedaan"),
            ("screening", "gedaan"),
            ("dossier", "gedaan")
        ])
    );
    assert_eq!(json["open_acties"], serde_json::json!({}));
}

#[test]
fn a_checklist_niets_leaves_everything_open() {
    let (_, json) = accepted("- niets\n- middelen\n- ja\n");
    assert_eq!(
        statuses(&json),
        pairs(&[
            ("intake", "niet-gedaan"),
            ("screening", "niet-gedaan"),
            ("dossier", "niet-gedaan")
        ])
    );
    assert_eq!(
        json["open_acties"]["Verloskundig zorgverlener"]
            .as_array()
            .map(Vec::len),
        Some(3)
    );
}

#[test]
fn a_checklist_list_marks_those_done_by_id_or_text() {
    let (_, json) = accepted("- [intake, Dossier bijgewerkt]\n- middelen\n- ja\n");
    assert_eq!(
        statuses(&json),
        pairs(&[
            ("intake", "gedaan"),
            ("screening", "niet-gedaan"),
            ("dossier", "gedaan")
        ])
    );
}

#[test]
fn a_checklist_with_gedaan_nvt_and_notitie() {
    let (_, json) = accepted(
        "- gedaan: [intake]\n  nvt: [dossier]\n  notitie: screening volgt na de echo\n- middelen\n- ja\n",
    );
    assert_eq!(
        statuses(&json),
        pairs(&[
            ("intake", "gedaan"),
            ("screening", "niet-gedaan"),
            ("dossier", "nvt")
        ])
    );
    assert_eq!(
        json["checklists"][0]["notitie"],
        "screening volgt na de echo"
    );
    assert_eq!(
        json["open_acties"]["Verloskundig zorgverlener"]
            .as_array()
            .map(Vec::len),
        Some(1),
        "{json}"
    );
}

#[test]
fn a_checklist_item_both_gedaan_and_nvt_is_refused() {
    refused("- {gedaan: [intake, screening], nvt: [screening]}\n- middelen\n- ja\n")
        .stderr_has("antwoord 1 (regel 1) past niet bij vraag 1 (C, stap 1): de actie 'screening' staat zowel bij 'gedaan' als bij 'nvt'")
        .stderr_has("antwoord: {gedaan: [intake, screening], nvt: [screening]}")
        .stderr_has("- screening  (Screening uitgevoerd)");
}

#[test]
fn an_unknown_checklist_item_is_refused_with_the_items() {
    refused("- [intake, echo]\n- middelen\n- ja\n")
        .stderr_has("antwoord 1 (regel 1) past niet bij vraag 1 (C, stap 1): 'echo' is geen van de mogelijkheden")
        .stderr_has("Geldig: 'alles', 'niets', of een lijst van gedane acties")
        .stderr_has("- dossier  (Dossier bijgewerkt)");
}

#[test]
fn an_empty_choice_is_refused() {
    refused("- alles\n- \"\"\n- ja\n")
        .stderr_has("antwoord 2 (regel 2) past niet bij vraag 2 (G, stap 2): het antwoord is leeg");
}

#[test]
fn a_choice_with_toelichting_is_kept() {
    let (_, json) = accepted("- alles\n- {keuze: middelen, toelichting: alcohol}\n- ja\n");
    let g = json["route"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["knoop"] == "G")
        .unwrap();
    assert_eq!(g["antwoord"], "Middelengebruik");
    assert_eq!(g["toelichting"], "alcohol");
}

#[test]
fn at_a_wait_the_valid_answers_include_later() {
    let answers = crate::common::TO_D4_PAUSE.replace("later: 10-12-2026", "misschien");
    Test::new()
        .args("start")
        .answers(&answers)
        .run()
        .code(2)
        .stderr_has("Geldige keuzes (id of label; een uniek begin is genoeg), of 'terug', of 'later' (eventueel met een datum: 'later: 20-12-2026')");
}
