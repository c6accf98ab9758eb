//! `zorgpad kaart controleer` in a real 80-column terminal: the findings and the upkeep per
//! beheerder are wrapped at word boundaries to the terminal's width, so that the terminal never
//! breaks a word ("aanme / lden") or a date.

use crate::common::Workspace;
use crate::pty::Tty;

const NOW: &str = "2026-11-22T09:00:00Z";

/// A complete map with long warnings: one of reading (no niveau), and upkeep warnings of every
/// kind (stale, never checked, a date in the future, no date, example data).
fn map() -> String {
    let mut y = String::from(
        "kaart:\n  naam: Sociale Kaart VSV Haven\n  versie: \"2026.1\"\n  gemeenten: [Havenstad]\n\naanbieders:\n",
    );
    for (i, c) in [
        "veilig-thuis",
        "aandachtsfunctionaris",
        "kwetsbare-zwangeren",
        "voorzorg",
        "ggz",
        "psychosociaal",
        "verslavingszorg",
    ]
    .iter()
    .enumerate()
    {
        let checked = ["2025-01-01", "2031-01-01", "31-02-2026"]
            .get(i)
            .map_or(String::new(), |d| format!("    gecontroleerd: {d}\n"));
        y.push_str(&format!(
            "  - id: {c}\n    naam: Zorg {c} Havenstad en omstreken\n    categorieen: [{c}]\n    niveau: 2\n    telefoon: \"010-12345{i:02}\"\n{checked}    beheerder: Anna de Vries\n"
        ));
    }
    y.push_str("  - id: nep\n    naam: Voorbeeld Kraamzorg\n    categorieen: [kraamzorg]\n    email: info@example.org\n    gecontroleerd: 01-11-2026\n");
    y
}

#[test]
fn the_upkeep_fits_an_80_column_terminal_without_broken_words() {
    let ws = Workspace::new();
    ws.write("k.yaml", map());
    let mut tty = Tty::spawn_sized(&ws, "kaart controleer --kaart k.yaml", NOW, 80);
    assert_eq!(tty.finish(), 1, "{}", tty.screen());
    let screen = tty.screen();
    // Everything is there: the warning of reading, every list, the closing line.
    for text in [
        "deze aanbieder heeft geen niveau",
        "Onderhoud: 8 waarschuwingen",
        "Beheerder Anna de Vries (7):",
        "Zonder beheerder (1):",
        "ligt in de toekomst; controleer de datum",
        "voor onderhoud in k.yaml.",
    ] {
        assert!(screen.contains(text), "{text:?} not in\n{screen}");
    }
    for line in screen.lines() {
        assert!(
            line.chars().count() <= 80,
            "wider than 80 columns ({}): {line:?}\n{screen}",
            line.chars().count()
        );
    }
    // Whole words: the fix of a stale entry, and the dates, are never split across lines.
    let words: Vec<&str> = screen.split_whitespace().collect();
    for word in ["aanmelden", "01-01-2025,", "01-01-2031:", "'gecontroleerd'"] {
        assert!(words.contains(&word), "{word:?} split in\n{screen}");
    }
}
