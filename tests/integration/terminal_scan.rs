//! The cooperation scan in a pseudo-terminal: the review before saving — every chosen level on
//! screen, "Opslaan?", one aspect changed from there and back to the review — and nothing
//! saved when the member stops at the review.

use crate::common::Workspace;
use crate::pty::*;

const DISCIPLINE: &str = "Wat is uw discipline? (optioneel)";
const LEVEL: &str = "Welke beschrijving past het best bij uw VSV?";
const NOTE: &str = "Notitie (optioneel, zonder namen):";
const SAVE: &str = "Opslaan?";
const WHICH: &str = "Welk aspect wilt u wijzigen?";

/// Fill in the discipline (the first, Verloskundige) and all nine aspects: aspect `i` (0-based)
/// at level `levels[i]` (1-based), no notes.
fn fill_in(tty: &mut Tty, levels: [usize; 9]) {
    tty.prompt(DISCIPLINE, SELECT_READY);
    tty.send(ENTER);
    for level in levels {
        tty.prompt(LEVEL, SELECT_READY);
        tty.send(&DOWN.repeat(level - 1));
        tty.send(ENTER);
        tty.prompt(NOTE, SELECT_READY);
        tty.send(ENTER);
    }
}

#[test]
fn the_review_shows_every_level_and_one_aspect_can_be_changed_before_saving() {
    let ws = Workspace::new();
    let mut tty = Tty::spawn(&ws, "scan -o mijn-scan.json");
    fill_in(&mut tty, [2, 2, 3, 4, 1, 2, 3, 4, 1]);
    tty.prompt(SAVE, SELECT_READY);
    let review = tty.screen_since("Uw antwoorden (nog niet opgeslagen)");
    for line in [
        "Discipline: Verloskundige",
        "1. Visie: Niveau 2",
        "3. Samenstelling en bestuur: Niveau 3",
        "4. Werkafspraken en protocollen: Niveau 4 — volledig geïntegreerd",
        "5. Nascholing: Niveau 1 — beperkt geïntegreerd",
        "9. Audits: Niveau 1 — beperkt geïntegreerd",
        "Ja, opslaan",
        "Nee, een aspect wijzigen",
    ] {
        assert!(
            review.contains(line),
            "{line:?} not in the review:\n{review}"
        );
    }
    // Not saved yet.
    assert!(!ws.path().join("mijn-scan.json").exists());

    // Change aspect 3: from level 3 (where the cursor starts) one down to 4, with a note.
    tty.send(DOWN);
    tty.send(ENTER);
    tty.prompt(WHICH, SELECT_READY);
    tty.send(&DOWN.repeat(2));
    tty.send(ENTER);
    tty.prompt(LEVEL, SELECT_READY);
    assert!(tty
        .screen_since("Aspect 3 van 9")
        .contains("Samenstelling en bestuur"));
    tty.send(DOWN);
    tty.send(ENTER);
    tty.prompt(NOTE, SELECT_READY);
    tty.send("alleen vk en gyn");
    tty.send(ENTER);
    // Straight back to the review, not to aspect 4.
    tty.prompt(SAVE, SELECT_READY);
    let review = tty.screen_since("Uw antwoorden (nog niet opgeslagen)");
    assert!(
        review.contains("3. Samenstelling en bestuur: Niveau 4 — volledig geïntegreerd (notitie: alleen vk en gyn)"),
        "{review}"
    );
    assert!(
        review.contains("4. Werkafspraken en protocollen: Niveau 4"),
        "{review}"
    );
    tty.send(ENTER);
    assert_eq!(tty.finish(), 0);
    tty.assert_dutch();

    let json: serde_json::Value =
        serde_json::from_str(&ws.read("mijn-scan.json")).expect("scan file");
    let levels: Vec<u64> = json["antwoorden"]
        .as_array()
        .expect("antwoorden")
        .iter()
        .map(|a| a["niveau"].as_u64().expect("niveau"))
        .collect();
    assert_eq!(levels, [2, 2, 4, 4, 1, 2, 3, 4, 1]);
    assert_eq!(json["antwoorden"][2]["notitie"], "alleen vk en gyn");
    assert_eq!(json["discipline"], "verloskundige");
}

#[test]
fn esc_at_the_review_goes_back_to_the_last_aspect_and_ctrl_c_saves_nothing() {
    let ws = Workspace::new();
    let mut tty = Tty::spawn(&ws, "scan -o mijn-scan.json");
    fill_in(&mut tty, [1; 9]);
    tty.prompt(SAVE, SELECT_READY);
    tty.send(ESC);
    tty.prompt(LEVEL, SELECT_READY);
    assert!(tty.screen_since("Aspect 9 van 9").contains("Audits"));
    tty.send(ENTER);
    tty.prompt(NOTE, SELECT_READY);
    tty.send(ENTER);
    tty.prompt(SAVE, SELECT_READY);
    tty.send(CTRL_C);
    assert_eq!(tty.finish(), 130);
    assert!(tty.screen().contains("de scan is niet opgeslagen"));
    assert!(!ws.path().join("mijn-scan.json").exists());
}
