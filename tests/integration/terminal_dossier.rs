//! The summary at the end of a session in a real 80-column terminal: the order of the dossier
//! document, without its appendix, and no line wider than the terminal.

use crate::common::Workspace;
use crate::golden;
use crate::pty::{Tty, DOWN, ENTER, MULTI_READY, SELECT_READY, SPACE, UP};

/// The golden session up to the birth (W1), then in an 80-column terminal to the end: the
/// summary printed there follows the document's order, without the appendix, and no line is
/// wider than the terminal (a wider one would be broken by the terminal, perhaps in a phone
/// number or a link).
#[test]
fn the_summary_at_the_end_of_a_session_fits_an_80_column_terminal() {
    let ws = Workspace::new();
    let id = golden::session_until_the_birth(&ws);
    let mut tty = Tty::spawn_sized(&ws, &format!("hervat {id}"), "2026-12-20T10:00:00Z", 80);
    // First the actions still open, to tick off: none now, and no box id among them.
    tty.prompt("Uitkomst van de Kindcheck vastgelegd", MULTI_READY);
    assert!(!tty.screen().contains("B2-meldcode"), "{}", tty.screen());
    tty.send(ENTER);
    tty.prompt("Is de cliënt bevallen?", SELECT_READY);
    // A wait: the cursor starts at "Nog niet — later verder"; "bevallen" is above it.
    tty.send(UP);
    tty.send(ENTER);
    tty.prompt("Draag over aan alle betrokken hulpverleners", MULTI_READY);
    tty.send(SPACE);
    tty.send(DOWN);
    tty.send(SPACE);
    tty.send(ENTER);
    tty.expect("is afgerond");
    assert_eq!(tty.finish(), 0, "exit code\n{}", tty.screen());
    let screen = tty.screen();
    let summary = &screen[screen.find("SAMENVATTING").expect("the summary")..];
    for line in summary.lines() {
        assert!(
            line.chars().count() <= 80,
            "wider than 80: {line:?}\n{summary}"
        );
    }
    for whole in ["https://example.org/ckz", "ckz@example.org", "010-0000201"] {
        assert!(summary.contains(whole), "{whole} broken:\n{summary}");
    }
    let order = [
        "Kenmerk: P-2026-0042",
        "!! LET OP",
        "Openstaande acties per rol",
        "Verwijzingen",
        "Beslissingen en antwoorden",
        "Kindcheck en Meldcode — vanuit B2",
        "Checklists",
        "Gewijzigde antwoorden",
    ];
    let at: Vec<usize> = order
        .iter()
        .map(|h| summary.find(h).unwrap_or_else(|| panic!("{h}:\n{summary}")))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{order:?}:\n{summary}");
    assert!(!summary.contains("Bijlage"), "{summary}");
}
