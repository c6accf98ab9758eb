//! Follow-ups in the engine: put off while the path goes on, answered on their own, back on
//! the path where it went on, asked at the latest where the flow says, and replayed from the
//! journal exactly as they were answered.

use jiff::Timestamp;

use crate::engine::answer::{Answer, Mark, Status};
use crate::engine::session::Session;
use crate::flow::set::FlowSet;

/// A wait A that can be put off (the path goes on at B; asked at the latest at C); answered
/// "ja" it walks A-ja and comes back to the path at B.
const FLOW: &str = r#"
naam: Opvolging
versie: "1"
start: A
knopen:
  - id: A
    soort: wachten
    titel: Terugkoppeling
    vraag: Is er teruggekoppeld?
    uitleg: Een wachtmoment dat als opvolging naast het pad kan blijven staan.
    opvolging:
      verder: B
      uiterlijk: C
    opties:
      - id: ja
        label: Ja
        naar: A-ja
  - id: A-ja
    soort: actie
    titel: Terugkoppeling ontvangen
    uitleg: Wat er is teruggekoppeld.
    acties:
      - id: ontvangen
        tekst: Ontvangen
    volgende: B
  - id: B
    soort: beslissing
    titel: B
    vraag: Verder?
    uitleg: Een vraag op het pad.
    opties:
      - id: ja
        label: Ja
        naar: C
      - id: nee
        label: Nee
        naar: C
  - id: C
    soort: beslissing
    titel: C
    vraag: Afronden?
    uitleg: De laatste vraag.
    opties:
      - id: ja
        label: Ja
        naar: E
      - id: nee
        label: Nee
        naar: E
  - id: E
    soort: einde
    titel: Einde
    uitkomst: Klaar.
"#;

fn set() -> FlowSet {
    FlowSet::from_texts(vec![(
        "opvolging".to_string(),
        "opvolging.yaml".to_string(),
        FLOW.to_string(),
    )])
    .expect("flow")
}

fn at(minute: i64) -> Timestamp {
    Timestamp::from_second(1_800_000_000 + minute * 60).expect("a time")
}

fn choice(option: &str) -> Answer {
    Answer::Keuze {
        optie: option.to_string(),
        toelichting: None,
    }
}

fn later() -> Answer {
    Answer::Opvolging {
        id: String::new(),
        verwacht: None,
    }
}

fn key(session: &Session<'_>) -> Option<String> {
    session.question().map(|q| q.key)
}

#[test]
fn put_off_the_path_goes_on_and_the_follow_up_waits_beside_it() {
    let set = set();
    let mut s = Session::new(&set, at(0), None, None).expect("session");
    assert!(s.question().expect("A").deferrable);
    s.answer(later(), at(1)).expect("later");
    assert_eq!(key(&s).as_deref(), Some("B"), "the path goes on");
    let open: Vec<&str> = s.open_follow_ups().iter().map(|f| f.id.as_str()).collect();
    assert_eq!(open, ["A"]);
    assert_eq!(s.due_follow_up(), None, "not due before C");

    // Answered on its own: its own question, then back on the path at B, where it went on.
    s.set_focus(Some("A".to_string())).expect("focus");
    let q = s.question().expect("the follow-up's question");
    assert_eq!(q.key, "A");
    assert!(!q.deferrable, "the follow-up itself is not put off again");
    s.answer(choice("ja"), at(2)).expect("ja");
    assert_eq!(key(&s).as_deref(), Some("A-ja"));
    s.answer(
        Answer::Checklist {
            acties: vec![Mark {
                id: "ontvangen".to_string(),
                status: Status::Gedaan,
            }],
            notitie: None,
        },
        at(3),
    )
    .expect("A-ja");
    assert_eq!(s.question().map(|q| q.key), None, "rejoined the path at B");
    assert!(s.open_follow_ups().is_empty());
    s.set_focus(None).expect("main");
    assert_eq!(key(&s).as_deref(), Some("B"), "the path is where it was");

    // The journal replays to the same follow-up, answered.
    let again = Session::from_journal(&set, s.events().to_vec()).expect("replay");
    let f = &again.walk().follow_ups()[0];
    assert!(!f.is_open());
    let keys: Vec<String> = f.steps().iter().map(|s| s.key()).collect();
    assert_eq!(keys, ["A", "A-ja"]);
}

#[test]
fn an_open_follow_up_is_due_where_the_flow_asks_it_at_the_latest() {
    let set = set();
    let mut s = Session::new(&set, at(0), None, None).expect("session");
    s.answer(later(), at(1)).expect("later");
    s.answer(choice("ja"), at(2)).expect("B");
    assert_eq!(key(&s).as_deref(), Some("C"));
    assert_eq!(s.due_follow_up().as_deref(), Some("A"));
    s.set_focus(Some("A".to_string())).expect("focus");
    assert!(s
        .question()
        .and_then(|q| q.follow_up)
        .is_some_and(|f| f.due));
}

#[test]
fn taking_back_the_deferral_takes_the_follow_up_with_it() {
    let set = set();
    let mut s = Session::new(&set, at(0), None, None).expect("session");
    s.answer(later(), at(1)).expect("later");
    s.set_focus(Some("A".to_string())).expect("focus");
    s.answer(choice("ja"), at(2)).expect("ja in the follow-up");
    // Back inside the follow-up: only its own answer.
    assert!(s.back(at(3), None).expect("back"));
    assert_eq!(key(&s).as_deref(), Some("A"));
    assert_eq!(s.open_follow_ups().len(), 1);
    // Back on the main path past the deferral: the follow-up is gone, A is asked again.
    s.set_focus(None).expect("main");
    assert!(s.back(at(4), None).expect("back"));
    assert!(s.walk().follow_ups().is_empty());
    assert_eq!(key(&s).as_deref(), Some("A"));
    // Put off again: a fresh follow-up, without the answers of the one taken back.
    s.answer(later(), at(5)).expect("later again");
    let again = Session::from_journal(&set, s.events().to_vec()).expect("replay");
    let f = &again.walk().follow_ups()[0];
    assert_eq!(f.id, "A");
    assert!(f.is_open() && f.steps().is_empty());
}

#[test]
fn only_a_wait_with_opvolging_can_be_put_off() {
    let set = set();
    let mut s = Session::new(&set, at(0), None, None).expect("session");
    s.answer(later(), at(1)).expect("later");
    assert!(!s.question().expect("B").deferrable);
    let refused = s.answer(later(), at(2));
    assert!(refused.is_err(), "{refused:?}");
    assert_eq!(key(&s).as_deref(), Some("B"), "nothing changed");
}
