//! `zorgpad start --demo` and the exercises of `zorgpad oefen` on a screen for a group: marked
//! as such at every question, and nothing left behind in the data directory. In a real
//! pseudo-terminal too, with the case text shown again at a prompt.

use crate::common::{Test, Workspace};
use crate::pty::{Tty, B1, CTRL_C, ENTER, IN, MULTI_READY, SELECT_READY};

const DEMO: &str = "DEMONSTRATIE — wordt niet bewaard";
const PRACTICE: &str = "OEFENING — wordt niet bewaard";
const SHOW_STORY: &str = "📄 Casus opnieuw tonen";
/// geen-ppm, along the model: intake, B1, R4U, no PPM.
const NO_PPM: &str = "- intake\n- alles\n- r4u\n- nee\n";

/// No session, no lock, no pinned flow: the data directory was not even made.
fn nothing_kept(ws: &Workspace) {
    assert!(
        !ws.data().exists(),
        "the data directory exists: {:?}",
        std::fs::read_dir(ws.data()).map(|d| d.count())
    );
}

#[test]
fn a_scripted_demonstration_is_marked_and_leaves_the_data_directory_empty() {
    let ws = Workspace::new();
    ws.write("a.yaml", NO_PPM);
    let out = ws
        .cmd("start --demo --antwoorden a.yaml --gemeente Voorbeeldstad")
        .run()
        .code(0)
        .no_panic()
        .stdout_has("SAMENVATTING")
        .stderr_has(DEMO)
        .stderr_has("er is niets bewaard");
    // The summary between two banners: a printout is marked as well.
    assert!(out.stdout.starts_with(DEMO), "{}", out.stdout);
    assert!(out.stdout.trim_end().ends_with(DEMO), "{}", out.stdout);
    assert!(!out.stderr.contains("Sessie "), "{}", out.stderr);
    nothing_kept(&ws);
    // Not in the sessions, not in the statistics.
    ws.cmd("sessies").run().code(0).stdout_has("Geen sessies");
    let stats = ws.cmd("statistiek --json").run().code(0);
    let json: serde_json::Value = serde_json::from_str(&stats.stdout).expect("json");
    assert_eq!(
        json["schema"], "zorgpad.praktijkcijfers/1",
        "{}",
        stats.stdout
    );
    assert_eq!(json["gemeenten"], serde_json::json!({}), "{}", stats.stdout);
}

#[test]
fn a_demonstration_cannot_be_exported_nor_carry_a_client_reference() {
    for extra in ["--export s.md", "--kenmerk 12345"] {
        let ws = Workspace::new();
        ws.write("a.yaml", NO_PPM);
        ws.cmd(&format!("start --demo --antwoorden a.yaml {extra}"))
            .run()
            .code(2)
            .no_panic()
            .stderr_has("'--demo' gaat niet samen");
        nothing_kept(&ws);
        assert!(!ws.path().join("s.md").exists());
    }
}

#[test]
fn a_demonstration_cannot_pause() {
    let ws = Workspace::new();
    // Complex route to the appointment (D4), then "later": nothing to go on with later.
    ws.write(
        "a.yaml",
        "- intake\n- alles\n- r4u\n- ja\n- alles\n- alleen het ongeboren kind\n- negatief\n- nee\n- alles\n- nvt\n- ja\n- alles\n- nee\n- [hulpbronnen]\n- complex\n- Centrum Kwetsbare Zwangeren Voorbeeld\n- ja\n- alles\n- verpleegkundige\n- later\n",
    );
    ws.cmd("start --demo --antwoorden a.yaml --gemeente Voorbeeldstad")
        .run()
        .code(2)
        .no_panic()
        .stderr_has("niet pauzeren");
    nothing_kept(&ws);
}

#[test]
fn in_the_terminal_every_question_of_a_demonstration_is_marked_and_ctrl_c_keeps_nothing() {
    let ws = Workspace::new();
    let mut tty = Tty::spawn(&ws, "start --demo --gemeente Voorbeeldstad");
    tty.prompt(IN, SELECT_READY);
    assert!(tty.screen().contains(DEMO), "{}", tty.screen());
    tty.send(ENTER);
    tty.prompt(B1, MULTI_READY);
    // The banner again above the second question.
    let second = tty.screen_since(DEMO);
    assert!(second.contains(B1), "{second}");
    assert_eq!(tty.screen().matches(DEMO).count(), 3, "{}", tty.screen());
    tty.send(CTRL_C);
    assert_eq!(tty.finish(), 130);
    assert!(
        tty.screen().contains("er is niets bewaard"),
        "{}",
        tty.screen()
    );
    tty.assert_dutch();
    nothing_kept(&ws);
}

#[test]
fn in_the_terminal_the_case_can_be_shown_again_at_a_prompt() {
    let ws = Workspace::new();
    let mut tty = Tty::spawn(&ws, "oefen 1");
    tty.prompt(IN, SELECT_READY);
    let list = tty.screen_since(PRACTICE);
    assert!(list.contains(SHOW_STORY), "{list}");
    assert_eq!(tty.screen().matches("Mevrouw Jansen-Voorbeeld").count(), 1);
    // Typing filters the list: pick the line that shows the case again.
    tty.send("Casus opnieuw");
    tty.expect(SELECT_READY);
    tty.send(ENTER);
    tty.expect("De casus");
    tty.expect("Mevrouw Jansen-Voorbeeld");
    tty.prompt(IN, SELECT_READY);
    assert_eq!(tty.screen().matches("Mevrouw Jansen-Voorbeeld").count(), 2);
    // Nothing was answered by it: the same question again, then on to B1, where a list of
    // ticks offers the case too.
    tty.send(ENTER);
    tty.prompt(B1, MULTI_READY);
    assert!(tty.screen_since(B1).contains(SHOW_STORY));
    assert!(tty.screen_since(PRACTICE).contains(B1));
    tty.send(CTRL_C);
    assert_eq!(tty.finish(), 130);
    assert!(
        tty.screen().contains("er is niets bewaard"),
        "{}",
        tty.screen()
    );
    tty.assert_dutch();
    nothing_kept(&ws);
}

#[test]
fn an_exercise_in_plain_lines_shows_the_case_again_with_casus() {
    let out = Test::new()
        .args("oefen 1 --toegankelijk")
        .stdin("casus\n1\nalles\ncasus\n2\n1\nja\n")
        .run()
        .code(0)
        .no_panic()
        .stderr_has("casus: de casus opnieuw")
        .stdout_has("Score: 2 van 2 beslissingen zoals het model (100%).");
    // Once before the first question (stdout), twice on request (stderr).
    assert_eq!(out.stderr.matches("Mevrouw Jansen-Voorbeeld").count(), 2);
    assert_eq!(out.stderr.matches(PRACTICE).count(), 4, "{}", out.stderr);
}
