//! Notes as their own journal events (`notitie`): which answer each one belongs to, as the
//! journal's readers see it ([`crate::engine::amend::fold_notes`]).

use jiff::Timestamp;

use crate::engine::answer::Answer;
use crate::engine::in_force::{in_force, in_force_keys, pending_withdrawn};
use crate::engine::journal::Event;

fn at(minute: i64) -> Timestamp {
    Timestamp::from_second(1_700_000_000 + minute * 60).expect("a time")
}

fn choice(key: &str, option: &str, minute: i64) -> Event {
    Event::Antwoord {
        opvolging: None,
        tijd: at(minute),
        vraag: key.to_string(),
        antwoord: Answer::Keuze {
            optie: option.to_string(),
            toelichting: None,
        },
        rol: None,
        door: None,
    }
}

fn note(key: &str, text: &str, minute: i64) -> Event {
    Event::Notitie {
        tijd: at(minute),
        vraag: key.to_string(),
        tekst: text.to_string(),
        rol: None,
        door: None,
    }
}

#[test]
fn a_note_belongs_to_the_last_answer_in_force_with_its_key() {
    let back = Event::Terug {
        opvolging: None,
        tijd: at(3),
        vraag: "A".to_string(),
        rol: None,
        door: None,
        reden: None,
    };
    let events = vec![
        choice("A", "ja", 1),
        note("A", "eerste", 2),
        choice("B", "nee", 3),
        // A note for another key than the last answer's changes nothing.
        note("A", "verdwaald", 4),
        back,
        // The answer to B is taken back; B's note now finds no answer in force.
        note("B", "te laat", 5),
    ];
    let (_, answers) = in_force(&events);
    assert_eq!(answers.len(), 1);
    assert_eq!(answers[0].0.note(), Some("eerste"));
    // An answer taken back and offered again keeps its note.
    let mut taken_back = events.clone();
    taken_back.push(Event::Terug {
        opvolging: None,
        tijd: at(6),
        vraag: "A".to_string(),
        rol: None,
        door: None,
        reden: None,
    });
    let pending = pending_withdrawn(&taken_back, None);
    assert_eq!(pending.get("A").and_then(Answer::note), Some("eerste"));
    assert_eq!(in_force_keys(&events), ["A"]);
    assert_eq!(
        events.iter().map(Event::name).collect::<Vec<_>>(),
        ["antwoord", "notitie", "antwoord", "notitie", "terug", "notitie"]
    );
}
