//! The rules for answers, each with what it accepts and the Dutch text of what it refuses.

use super::*;
use crate::engine::walk::node_for_key;
use crate::flow::set::FlowSet;

fn choice(option: &str, reason: Option<&str>) -> Answer {
    Answer::Keuze {
        optie: option.to_string(),
        toelichting: reason.map(str::to_string),
    }
}

fn referral(kaart: &[&str], others: &[&str], gap: bool) -> Answer {
    Answer::Verwijzing {
        kaart: kaart.iter().map(|s| s.to_string()).collect(),
        aanbieders: others.iter().map(|s| s.to_string()).collect(),
        geen_passend_aanbod: gap,
        notitie: None,
    }
}

fn proposed(binding: bool) -> Proposal {
    Proposal {
        option: "complex".to_string(),
        reasons: vec!["(Geringe) twijfel of persisterende problemen".to_string()],
        binding,
    }
}

#[test]
fn a_binding_proposal_leaves_one_option() {
    let set = FlowSet::load(None).expect("flows");
    let d2 = node_for_key(&set, "D2").expect("D2");
    let refused = check(
        d2,
        Some(&proposed(true)),
        &[],
        choice("enkelvoudig", Some("toch")),
    );
    assert_eq!(
        refused.expect_err("refused").to_string(),
        "'enkelvoudig' kan hier niet: op grond van (Geringe) twijfel of persisterende problemen volgt altijd 'complex'"
    );
    assert!(check(d2, Some(&proposed(true)), &[], choice("complex", None)).is_ok());
}

#[test]
fn overruling_a_proposal_needs_a_reason() {
    let set = FlowSet::load(None).expect("flows");
    let d2 = node_for_key(&set, "D2").expect("D2");
    for blank in [None, Some("  ")] {
        let refused = check(
            d2,
            Some(&proposed(false)),
            &[],
            choice("enkelvoudig", blank),
        );
        assert_eq!(
            refused.expect_err("refused").to_string(),
            "'enkelvoudig' wijkt af van het voorstel 'complex'; afwijken mag, maar alleen met een reden"
        );
    }
    let (answer, _) = check(
        d2,
        Some(&proposed(false)),
        &[],
        choice("enkelvoudig", Some(" netwerk ")),
    )
    .expect("taken");
    assert_eq!(answer, choice("enkelvoudig", Some("netwerk")));
}

#[test]
fn a_referral_names_someone_or_a_gap_but_not_both() {
    let set = FlowSet::load(None).expect("flows");
    let b3 = node_for_key(&set, "B3-psychosociaal").expect("B3");
    let refused = |answer| check(b3, None, &[], answer).expect_err("refused");
    assert_eq!(
        refused(referral(&[], &["  "], false)),
        Mismatch::NothingChosen
    );
    assert_eq!(
        refused(referral(&["a"], &[], true)),
        Mismatch::GapWithProvider
    );
    assert_eq!(
        Mismatch::GapWithProvider.to_string(),
        "'geen passend aanbod' gaat niet samen met een gekozen hulpverlener of organisatie"
    );
    let (answer, _) =
        check(b3, None, &[], referral(&["a", "a"], &[" Zus ", ""], false)).expect("taken");
    assert_eq!(answer, referral(&["a"], &["Zus"], false));
    assert!(check(b3, None, &[], referral(&[], &[], true)).is_ok());
}

#[test]
fn an_answer_of_another_kind_is_refused() {
    let set = FlowSet::load(None).expect("flows");
    let b1 = node_for_key(&set, "B1").expect("B1");
    assert_eq!(
        check(b1, None, &[], choice("ja", None)).expect_err("refused"),
        Mismatch::WrongKind {
            answer: "keuze",
            question: "actie"
        }
    );
}

#[test]
fn a_checklist_marks_every_action_in_the_box_order() {
    let set = FlowSet::load(None).expect("flows");
    let b1 = node_for_key(&set, "B1").expect("B1");
    let answer = Answer::Checklist {
        acties: vec![Mark {
            id: "screening".to_string(),
            status: Status::Gedaan,
        }],
        notitie: Some(" ".to_string()),
    };
    let (answer, next) = check(b1, None, &[], answer).expect("taken");
    assert_eq!(next, "B1-instrument");
    let Answer::Checklist { acties, notitie } = answer else {
        panic!("a checklist");
    };
    assert_eq!(notitie, None);
    let marks: Vec<(&str, Status)> = acties.iter().map(|m| (m.id.as_str(), m.status)).collect();
    assert_eq!(
        marks,
        [
            ("intakegesprek", Status::NietGedaan),
            ("screening", Status::Gedaan)
        ]
    );
    let unknown = Answer::Checklist {
        acties: vec![Mark {
            id: "dansen".to_string(),
            status: Status::Gedaan,
        }],
        notitie: None,
    };
    assert_eq!(
        check(b1, None, &[], unknown).expect_err("refused"),
        Mismatch::NotAnAction {
            id: "dansen".to_string()
        }
    );
}

#[test]
fn no_free_text_of_a_new_answer_holds_a_bsn() {
    let note = |n: &str| Answer::Checklist {
        acties: Vec::new(),
        notitie: Some(n.to_string()),
    };
    assert_eq!(
        free_text(&choice("complex", Some("BSN 111 222 333"))),
        Err(Mismatch::Bsn { field: REASON })
    );
    assert_eq!(
        free_text(&note("１１１２２２３３３")),
        Err(Mismatch::Bsn { field: NOTE })
    );
    assert_eq!(
        free_text(&referral(&[], &["Zus", "bsn 123456782"], false)),
        Err(Mismatch::Bsn { field: OTHER })
    );
    assert_eq!(
        Mismatch::Bsn { field: NOTE }.to_string(),
        "de notitie lijkt een burgerservicenummer (BSN) te bevatten; zorgpad bewaart geen BSN"
    );
    assert!(free_text(&note("gesprek 20-12-2026 09.00, tel 010-0000501")).is_ok());
}

/// A text question, pausable or not.
fn text_node(pausable: bool) -> Node {
    Node {
        id: "CZ".to_string(),
        step: None,
        role: None,
        title: "Coördinerend zorgverlener".to_string(),
        explanation: None,
        blueprint: None,
        footnotes: Vec::new(),
        text: None,
        pausable,
        weighty: false,
        notice: None,
        contact_category: None,
        line: None,
        body: Body::Text {
            question: "Wie wordt coördinerend zorgverlener?".to_string(),
            next: "EINDE".to_string(),
        },
    }
}

fn text(t: &str) -> Answer {
    Answer::Tekst {
        tekst: t.to_string(),
    }
}

#[test]
fn a_text_answer_is_taken_trimmed_and_leads_on() {
    let (answer, next) =
        check(&text_node(false), None, &[], text("  Jansen, wijkteam \n")).expect("taken");
    assert_eq!(answer, text("Jansen, wijkteam"));
    assert_eq!(next, "EINDE");
}

#[test]
fn an_empty_text_is_refused_and_says_what_to_do() {
    for (pausable, said) in [
        (false, "het antwoord is leeg; typ een antwoord"),
        (
            true,
            "het antwoord is leeg; typ een antwoord, of kies 'later' als het nog niet bekend is",
        ),
    ] {
        let refused = check(&text_node(pausable), None, &[], text(" \t ")).expect_err("refused");
        assert_eq!(refused, Mismatch::EmptyText { pausable });
        assert_eq!(refused.to_string(), said);
    }
}

#[test]
fn a_text_answer_fits_only_a_text_question() {
    assert_eq!(
        check(&text_node(false), None, &[], choice("ja", None)).expect_err("refused"),
        Mismatch::WrongKind {
            answer: "keuze",
            question: "tekst"
        }
    );
    let set = FlowSet::load(None).expect("flows");
    let d1 = node_for_key(&set, "D1").expect("D1");
    assert_eq!(
        check(d1, None, &[], text("ja")).expect_err("refused"),
        Mismatch::WrongKind {
            answer: "tekst",
            question: "beslissing"
        }
    );
}

#[test]
fn a_text_answer_holds_no_bsn() {
    let refused = free_text(&text("moeder, BSN 111222333")).expect_err("refused");
    assert_eq!(refused, Mismatch::Bsn { field: TEXT });
    assert_eq!(
        refused.to_string(),
        "het antwoord lijkt een burgerservicenummer (BSN) te bevatten; zorgpad bewaart geen BSN"
    );
    assert!(free_text(&text("2 kinderen: 3 en 5 jaar")).is_ok());
}
