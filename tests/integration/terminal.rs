//! `zorgpad start` in a real pseudo-terminal, driven with keystrokes (rexpect): the inquire
//! prompts, Esc to go back, Ctrl-C to stop, the explanation, and that every word on screen is
//! Dutch.
//!
//! Keys are only sent once the prompt they are meant for is on screen: between two prompts the
//! terminal is not in raw mode, so an early Enter would arrive as Ctrl-J and an early Ctrl-C
//! would kill the process instead of reaching the prompt. Waiting for the next screen after Esc
//! also keeps crossterm from reading a lone ESC together with later bytes as one escape sequence.

use std::process::Command;

use rexpect::process::wait::WaitStatus;
use rexpect::session::PtySession;
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_zorgpad");

/// How long to wait for a screen; generous for a slow, busy CI machine.
const TIMEOUT_MS: u64 = 10_000;

const ENTER: &str = "\r";
const SPACE: &str = " ";
const DOWN: &str = "\x1b[B";
const UP: &str = "\x1b[A";
const RIGHT: &str = "\x1b[C";
const ESC: &str = "\x1b";
const CTRL_C: &str = "\x03";

/// The end of each kind of prompt's help line, the last thing inquire draws for a prompt.
const SELECT_READY: &str = "Esc terug \u{b7} Ctrl-C stoppen]";
const MULTI_READY: &str = "Enter bevestigen \u{b7} Esc terug]";
const TEXT_READY: &str =
    "Enter om over te slaan \u{b7} ? voor uitleg \u{b7} Esc terug \u{b7} Ctrl-C stoppen]";

/// What inquire prints when its texts are not replaced.
const ENGLISH: &[&str] = &[
    "to move",
    "type to filter",
    "enter to select",
    "to select one",
    "to all",
    "to none",
    "Yes/No",
    "<canceled>",
    "<aborted>",
    "Operation",
    "Invalid",
];

/// A `zorgpad start` session in a 100×40 pseudo-terminal, in its own temporary directory,
/// with a fixed clock and no colour.
struct Tty {
    session: PtySession,
    /// Every byte the program wrote to the terminal so far (stdout and stderr).
    seen: Vec<u8>,
    dir: tempfile::TempDir,
}

impl Tty {
    fn start(args: &str) -> Tty {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut cmd = Command::new("sh");
        // crossterm needs a terminal size; a fresh pty has none.
        cmd.arg("-c")
            .arg(format!(
                "stty cols 100 rows 40 && exec \"$0\" start --gemeente Voorbeeldstad {args}"
            ))
            .arg(BIN)
            .current_dir(dir.path())
            .env("ZORGPAD_DATA", dir.path().join("data"))
            .env("NO_COLOR", "1")
            .env("TERM", "xterm")
            .env("TZ", "UTC")
            .env("ZORGPAD_NU", "2026-11-22T09:00:00Z");
        let session =
            rexpect::session::spawn_command(cmd, Some(TIMEOUT_MS)).expect("spawn zorgpad in a pty");
        Tty {
            session,
            seen: Vec::new(),
            dir,
        }
    }

    /// rexpect hands out every byte as one `char`; turn them back into bytes.
    fn record(&mut self, text: &str) {
        self.seen.extend(text.chars().map(|c| c as u32 as u8));
    }

    /// Everything written to the terminal so far, as text, without the control sequences
    /// (cursor moves, line clearing) between the words.
    fn screen(&self) -> String {
        let raw = String::from_utf8_lossy(&self.seen);
        let mut text = String::with_capacity(raw.len());
        let mut chars = raw.chars();
        while let Some(c) = chars.next() {
            match c {
                // CSI: ESC [ parameters, then a final letter or other character in @..~.
                '\x1b' => {
                    if chars.next() == Some('[') {
                        for c in chars.by_ref() {
                            if ('@'..='~').contains(&c) {
                                break;
                            }
                        }
                    }
                }
                '\r' => {}
                c => text.push(c),
            }
        }
        text
    }

    fn fail(&mut self, what: &str, error: rexpect::error::Error) -> ! {
        use rexpect::error::Error;
        // What was read but not matched is in the error (rexpect's `try_read` cannot be used
        // for it: it splits the multi-byte characters it made of the bytes).
        let reason = match error {
            Error::Timeout { got, .. } => {
                self.record(&got);
                "timed out".to_string()
            }
            Error::EOF { got, .. } => {
                self.record(&got);
                "the program ended".to_string()
            }
            other => other.to_string(),
        };
        panic!("{what}: {reason}\n--- screen so far:\n{}", self.screen())
    }

    /// Wait until `text` appears; returns what came before it.
    fn expect(&mut self, text: &str) -> String {
        // rexpect matches byte by byte as Latin-1 chars; search for the UTF-8 bytes likewise.
        let needle: String = text.bytes().map(char::from).collect();
        match self.session.exp_string(&needle) {
            Ok(before) => {
                self.record(&before);
                self.record(&needle);
                let bytes: Vec<u8> = before.chars().map(|c| c as u32 as u8).collect();
                String::from_utf8_lossy(&bytes).into_owned()
            }
            Err(e) => self.fail(&format!("waiting for {text:?}"), e),
        }
    }

    /// Wait for a prompt: its question, then the end of its help line.
    fn prompt(&mut self, question: &str, ready: &str) {
        self.expect(question);
        self.expect(ready);
    }

    fn send(&mut self, keys: &str) {
        self.session.send(keys).expect("send keys");
        self.session.flush().expect("flush keys");
    }

    /// Read to the end and return the exit code.
    fn finish(&mut self) -> i32 {
        match self.session.exp_eof() {
            Ok(rest) => self.record(&rest),
            Err(e) => self.fail("waiting for the program to end", e),
        }
        match self.session.process.wait() {
            Ok(WaitStatus::Exited(_, code)) => code,
            other => panic!(
                "zorgpad did not exit normally: {other:?}\n{}",
                self.screen()
            ),
        }
    }

    fn path(&self, name: &str) -> std::path::PathBuf {
        self.dir.path().join(name)
    }

    fn export(&self) -> Value {
        let text = std::fs::read_to_string(self.path("s.json")).expect("read the export s.json");
        serde_json::from_str(&text).expect("the export is JSON")
    }

    fn assert_dutch(&self) {
        let screen = self.screen();
        for english in ENGLISH {
            assert!(
                !screen.contains(english),
                "English inquire text {english:?} on screen:\n{screen}"
            );
        }
        assert!(!screen.contains("panicked"), "panic on screen:\n{screen}");
    }
}

/// The route row of a node in the JSON export.
fn row<'a>(json: &'a Value, node: &str) -> &'a Value {
    json["route"]
        .as_array()
        .expect("route")
        .iter()
        .find(|r| r["knoop"] == node)
        .unwrap_or_else(|| panic!("{node} not in the route: {json:#}"))
}

fn route(json: &Value) -> Vec<&str> {
    json["route"]
        .as_array()
        .expect("route")
        .iter()
        .map(|r| r["knoop"].as_str().unwrap())
        .collect()
}

/// The status of each action of a node's checklist in the JSON export.
fn checklist(json: &Value, node: &str) -> Vec<(String, String)> {
    json["checklists"]
        .as_array()
        .expect("checklists")
        .iter()
        .find(|c| c["knoop"] == node)
        .unwrap_or_else(|| panic!("no checklist for {node}: {json:#}"))["acties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap().to_string(),
                a["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

const B1: &str = "Welke acties zijn gedaan?";
const NVT: &str = "Welke van de overige acties zijn niet van toepassing";
const NOTE: &str = "Notitie bij deze stap (optioneel):";
const INSTRUMENT: &str = "Welk screeningsinstrument is gebruikt?";
const REASON: &str = "Toelichting bij deze keuze (optioneel):";
const D1: &str = "Psychopathologie, psychosociale problemen en/of middelengebruik?";

/// Answer a decision with the option under the cursor and skip the reason.
fn choose(tty: &mut Tty, keys: &str) {
    tty.send(keys);
    tty.prompt(REASON, TEXT_READY);
    tty.send(ENTER);
}

#[test]
fn the_shortest_route_with_one_answer_changed_through_esc() {
    let mut tty = Tty::start("--export s.json");

    // B1: tick both actions, one by one.
    tty.prompt(B1, MULTI_READY);
    tty.send(SPACE);
    tty.send(DOWN);
    tty.send(SPACE);
    tty.send(ENTER);
    tty.prompt(NOTE, TEXT_READY);
    tty.send(ENTER);

    // The instrument: R4U, the second option.
    tty.prompt(INSTRUMENT, SELECT_READY);
    choose(&mut tty, &format!("{DOWN}{ENTER}"));

    // At D1, Esc goes back to the instrument question...
    tty.prompt(D1, SELECT_READY);
    tty.send(ESC);
    tty.expect("<terug>");
    tty.prompt(INSTRUMENT, SELECT_READY);
    // ...which starts at the answer given before (R4U); Mind2Care, one up, replaces it.
    let screen = tty.screen();
    let again = &screen[screen.rfind(INSTRUMENT).expect("instrument question")..];
    assert!(
        again.contains("> R4U") && !again.contains("> Mind2Care"),
        "cursor not on R4U:\n{again}"
    );
    choose(&mut tty, &format!("{UP}{ENTER}"));

    // D1: Nee, the first option.
    tty.prompt(D1, SELECT_READY);
    choose(&mut tty, ENTER);

    let code = tty.finish();
    assert_eq!(code, 0, "exit code\n{}", tty.screen());

    let json = tty.export();
    assert_eq!(json["afgerond"], true);
    assert_eq!(route(&json), ["IN", "B1", "B1-instrument", "D1", "E0"]);
    assert_eq!(row(&json, "B1-instrument")["antwoord"], "Mind2Care");
    assert_eq!(row(&json, "D1")["antwoord"], "Nee");
    assert_eq!(
        checklist(&json, "B1"),
        [
            ("intakegesprek".to_string(), "gedaan".to_string()),
            ("screening".to_string(), "gedaan".to_string()),
        ]
    );
    let changed = json["gewijzigd"].as_array().expect("gewijzigd");
    assert_eq!(changed.len(), 1, "gewijzigd: {changed:#?}");
    assert_eq!(changed[0]["vraag"], "B1-instrument");
    assert_eq!(changed[0]["eerder_antwoord"], "R4U");

    let screen = tty.screen();
    for dutch in [
        "spatie aan/uit",
        "Esc terug",
        "Enter bevestigen",
        "typ om te zoeken",
        "Enter om over te slaan",
        "? Uitleg bij deze stap",
        "Terug naar de vorige vraag",
        "2 aangevinkt",
        "Uitkomst: Geen actie op dit moment",
        "Gewijzigde antwoorden",
        "Samenvatting geschreven naar s.json.",
    ] {
        assert!(screen.contains(dutch), "{dutch:?} not on screen:\n{screen}");
    }
    tty.assert_dutch();
}

#[test]
fn ctrl_c_at_a_prompt_stops_with_code_130_and_writes_nothing() {
    let mut tty = Tty::start("--export s.json");
    tty.prompt(B1, MULTI_READY);
    tty.send(ENTER);
    tty.prompt(NVT, MULTI_READY);
    tty.send(ENTER);
    tty.prompt(NOTE, TEXT_READY);
    tty.send(ENTER);
    tty.prompt(INSTRUMENT, SELECT_READY);
    tty.send(CTRL_C);
    tty.expect("zorgpad: gestopt met Ctrl-C.");

    let code = tty.finish();
    assert_eq!(code, 130, "exit code\n{}", tty.screen());
    let screen = tty.screen();
    assert!(
        !screen.contains("SAMENVATTING"),
        "summary after Ctrl-C:\n{screen}"
    );
    assert!(
        !tty.path("s.json").exists(),
        "an export was written after Ctrl-C"
    );
    tty.assert_dutch();
}

#[test]
fn the_explanation_can_be_asked_for_at_a_checklist_and_at_a_choice() {
    let mut tty = Tty::start("--export s.json");

    // At B1: tick the first action and "? Uitleg bij deze stap" (the third line).
    tty.prompt(B1, MULTI_READY);
    tty.send(SPACE);
    tty.send(DOWN);
    tty.send(DOWN);
    tty.send(SPACE);
    tty.send(ENTER);
    tty.expect("Uitleg: Stap 1 van de blauwdruk: bij de intake kijkt");
    // The same question again, with the tick kept.
    tty.expect(B1);
    tty.expect("[x] Intakegesprek gevoerd");
    tty.expect("[ ] Screening kwetsbaarheid uitgevoerd");
    tty.expect(MULTI_READY);
    tty.send(ENTER);
    tty.prompt(NVT, MULTI_READY);
    tty.send(ENTER);
    tty.prompt(NOTE, TEXT_READY);
    tty.send(ENTER);

    // At the instrument: the fifth option is "? Uitleg bij deze stap".
    tty.prompt(INSTRUMENT, SELECT_READY);
    tty.send(&DOWN.repeat(4));
    tty.send(ENTER);
    tty.expect("Uitleg: Stap 1 van de blauwdruk noemt Mind2Care en R4U als voorbeelden.");
    // Asked again; the explanation is not an answer. "Geen instrument" is the fourth option.
    tty.prompt(INSTRUMENT, SELECT_READY);
    choose(&mut tty, &format!("{}{ENTER}", DOWN.repeat(3)));
    tty.prompt(D1, SELECT_READY);
    choose(&mut tty, ENTER);

    assert_eq!(tty.finish(), 0, "exit code\n{}", tty.screen());
    let json = tty.export();
    assert_eq!(row(&json, "B1-instrument")["antwoord"], "Geen instrument");
    assert_eq!(
        checklist(&json, "B1"),
        [
            ("intakegesprek".to_string(), "gedaan".to_string()),
            ("screening".to_string(), "niet-gedaan".to_string()),
        ]
    );
    assert_eq!(json["gewijzigd"], serde_json::json!([]));
    tty.assert_dutch();
}

#[test]
fn right_arrow_ticks_every_action_without_asking_for_the_explanation() {
    let mut tty = Tty::start("--export s.json");
    tty.prompt(B1, MULTI_READY);
    tty.send(RIGHT);
    tty.send(ENTER);
    // All actions are done, so the next question is the note, without an explanation between.
    let before = tty.expect(NOTE);
    assert!(
        !before.contains("Uitleg:") && !before.contains(NVT),
        "\"→ alles\" did more than tick every action:\n{before}"
    );
    tty.expect(TEXT_READY);
    tty.send(ENTER);
    tty.prompt(INSTRUMENT, SELECT_READY);
    choose(&mut tty, ENTER);
    tty.prompt(D1, SELECT_READY);
    choose(&mut tty, ENTER);

    assert_eq!(tty.finish(), 0, "exit code\n{}", tty.screen());
    assert_eq!(
        checklist(&tty.export(), "B1"),
        [
            ("intakegesprek".to_string(), "gedaan".to_string()),
            ("screening".to_string(), "gedaan".to_string()),
        ]
    );
    tty.assert_dutch();
}
