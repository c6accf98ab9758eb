//! The short text for the electronic health record (`export --formaat tekst`, a `.txt` name):
//! compared with golden files for the complex route and a route with a report to Veilig Thuis,
//! and held to what pasting into an EHR free-text field needs — at most 25 lines, at most 80
//! columns, no word broken, no internal node id.

use crate::common::{Workspace, B2_CONSENT};
use crate::golden_file;
use crate::meldcode::{AFTER_CRITERIA, TO_WEIGHING, VT_LATER};

const PLACEHOLDER: &str = "SESSIE-ID";

/// What must not reach the record: the engine's ids and words for its machinery.
const INTERNAL: &[&str] = &[
    "-meldcode/",
    "B3-vervolg",
    "AK-",
    "AK5",
    "MC2",
    "sub-flow",
    "subflow",
];

/// The short text of session `id`, checked against the rules of the EHR field.
fn short(ws: &Workspace, id: &str) -> String {
    let out = ws
        .cmd(&format!("export {id} --formaat tekst"))
        .now("2026-12-11T08:00:00Z")
        .run()
        .code(0)
        .no_panic();
    let text = out.stdout.clone();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() <= 25, "{} lines:\n{text}", lines.len());
    for line in &lines {
        assert!(line.chars().count() <= 80, "wider than 80: {line}\n{text}");
        assert!(
            !line.contains('|') && !line.contains("**") && !line.starts_with('#'),
            "markup: {line}"
        );
    }
    for id in INTERNAL {
        assert!(!text.contains(id), "internal id {id}:\n{text}");
    }
    text
}

/// The route with a positive Kindcheck and a report to Veilig Thuis at B2, whose feedback is
/// put off as a follow-up, then complex problems and a pause until the appointment.
pub(crate) fn reported(ws: &Workspace) -> String {
    let answers = format!(
        "{TO_WEIGHING}- ja\n- ja\n- ja\n- Veilig Thuis Voorbeeldregio\n{VT_LATER}{B2_CONSENT}{AFTER_CRITERIA}"
    );
    ws.cmd("start --rol verloskundig-zorgverlener --door JdV --kenmerk P-2026-0077")
        .now("2026-11-22T09:00:00Z")
        .answers(&answers)
        .run()
        .code(0)
        .no_panic();
    ws.only_session()
}

#[test]
fn the_short_text_of_the_complex_route_matches_its_golden_file() {
    let ws = Workspace::new();
    let id = crate::golden::session(&ws);
    let text = short(&ws, &id);
    assert!(
        text.contains("Route: IN › B1 › D1 › B2 (Kindcheck en Meldcode) › D2 › B4"),
        "{text}"
    );
    assert!(
        text.contains("Centrum Kwetsbare Zwangeren Voorbeeld (010-0000201)"),
        "{text}"
    );
    golden_file::check("sessie-kort.txt", &text.replace(&id, PLACEHOLDER));
}

#[test]
fn the_short_text_of_a_report_to_veilig_thuis_matches_its_golden_file() {
    let ws = Workspace::new();
    let id = reported(&ws);
    let text = short(&ws, &id);
    for want in [
        "gemeld bij Veilig Thuis",
        "Wacht op: ",
        "Opvolging open: ",
        "Verloskundig zorgverlener (JdV)",
        " …\n",
    ] {
        assert!(text.contains(want), "{want}:\n{text}");
    }
    golden_file::check("meldcode-kort.txt", &text.replace(&id, PLACEHOLDER));
}

#[test]
fn the_short_text_file_is_the_text_on_screen_and_lines_break_between_words_only() {
    let ws = Workspace::new();
    let id = crate::golden::session(&ws);
    let screen = short(&ws, &id);
    ws.cmd(&format!("export {id} -o dossier.txt"))
        .now("2026-12-11T08:00:00Z")
        .run()
        .code(0);
    assert_eq!(ws.read("dossier.txt"), screen);
    // How to refer, as the map says it, stands in the text whole: a line ends only where a
    // space was (a word cut in two would read as two words here).
    let json = ws.cmd(&format!("export {id} --formaat json")).run().code(0);
    let json: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    let text = words(&screen);
    let mut checked = 0;
    for referral in json["verwijzingen"].as_array().expect("referrals") {
        for c in referral["kaart"].as_array().expect("providers") {
            let how = c["aanmelden"].as_str().expect("how to refer");
            let how = words(how.trim().trim_end_matches('.'));
            assert!(text.contains(&how), "{how}:\n{screen}");
            checked += 1;
        }
    }
    assert_eq!(checked, 3, "{json}");
}

/// The words of a text, one space between them: a line break becomes a space, a word cut in
/// two stays two words.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_control_character_in_a_note_reaches_the_short_text_file_as_its_code() {
    let ws = Workspace::new();
    let answers = format!(
        "{}- kaart: [VoorZorg Voorbeeldregio]\n  notitie: \"gebeld \\e[2J vandaag\"\n",
        "- intake\n- alles\n- geen\n- ja\n- alles\n- kinderloos\n- negatief\n- nee\n- alles\n- ja\n- alles\n- ja\n- alles\n- ja\n"
    );
    ws.cmd("start").answers(&answers).run().no_panic();
    let id = ws.only_session();
    // In a file: what is printed on standard output is made visible on the way out anyway.
    ws.cmd(&format!("export {id} -o kort.txt")).run().code(0);
    let text = ws.read("kort.txt");
    assert!(!text.contains('\u{1b}'), "{text:?}");
    assert!(
        words(&text).contains("(gebeld \\u{1b}[2J vandaag)"),
        "{text}"
    );
}
