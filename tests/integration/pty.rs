//! The one pseudo-terminal harness: the real `zorgpad` binary in a pty of 100×40 (or narrower),
//! with keystrokes, in a [`Workspace`] (its directory and its data directory), with a fixed
//! clock and no colour.
//!
//! Keys are only sent once the prompt they are meant for is on screen: between two prompts the
//! terminal is not in raw mode, so an early Enter would arrive as Ctrl-J and an early Ctrl-C
//! would kill the process instead of reaching the prompt. Waiting for the next screen after Esc
//! also keeps crossterm from reading a lone ESC together with later bytes as one escape
//! sequence. [`Tty::prompt`] waits for a question and then for the end of its help line, the
//! last thing inquire draws.

use std::process::Command;

pub use rexpect::process::signal::Signal;
pub use rexpect::process::wait::WaitStatus;
use rexpect::session::PtySession;

use crate::common::{Workspace, BIN};

/// How long to wait for a screen; generous for a slow, busy CI machine.
const TIMEOUT_MS: u64 = 20_000;

pub const ENTER: &str = "\r";
pub const SPACE: &str = " ";
pub const DOWN: &str = "\x1b[B";
pub const UP: &str = "\x1b[A";
pub const RIGHT: &str = "\x1b[C";
pub const ESC: &str = "\x1b";
pub const BACKSPACE: &str = "\x7f";
pub const CTRL_C: &str = "\x03";

/// The end of each kind of prompt's help line, the last thing inquire draws for a prompt.
pub const SELECT_READY: &str = "Esc terug \u{b7} Ctrl-C stoppen]";
pub const MULTI_READY: &str = "Enter bevestigen \u{b7} Esc terug]";
/// The end of the help line of a note asked after its answer was saved (opt-in).
pub const TEXT_READY: &str = "Esc: geen \u{b7} ? voor uitleg \u{b7} Ctrl-C stoppen]";

/// Questions of the guided session that several tests pass.
pub const IN: &str = "Waar begint het pad voor deze cliënt?";
pub const B1: &str = "Welke acties zijn gedaan?";
/// The note asked after the answer is saved, once "✎ Met notitie…" was ticked.
pub const NOTE: &str = "Notitie bij deze stap (het antwoord is bewaard):";
pub const INSTRUMENT: &str = "Welk screeningsinstrument is gebruikt?";
/// The reason asked after the choice is saved, once "✎ Met toelichting…" was chosen.
pub const REASON: &str = "Toelichting bij deze keuze (het antwoord is bewaard):";
/// The first line of a weighty question, where the cursor starts and Enter picks nothing.
pub const PICK_FIRST: &str = "\u{2014} kies een antwoord \u{2014}";
/// The confirmation before a choice that ends the session, and its help line.
pub const ENDS_SESSION: &str = "Hiermee rondt u de sessie af";
pub const CONFIRM_READY: &str = "ja of nee \u{b7} Esc = nee]";

/// Confirm the end of the session ("ja").
pub fn confirm_end(tty: &mut Tty) {
    tty.prompt(ENDS_SESSION, CONFIRM_READY);
    tty.send("ja");
    tty.send(ENTER);
}
pub const D1: &str = "Psychopathologie, psychosociale problemen en/of middelengebruik?";

/// At the first question (IN), take the intake (the first option): the way to B1 that every
/// session from the intake starts with.
pub fn at_the_intake(tty: &mut Tty) {
    tty.prompt(IN, SELECT_READY);
    tty.send(ENTER);
}

/// The lines that add a note after the answer, in a choice and in a list of ticks.
pub const WITH_REASON: &str = "\u{270e} Met toelichting\u{2026}";
pub const WITH_NOTE: &str = "\u{270e} Met notitie\u{2026}";

/// At B1: tick both actions and "✎ Met notitie…" (the third line), and confirm; the note is
/// asked next, after the answer is saved.
pub fn b1_done_with_note(tty: &mut Tty) {
    tty.prompt(B1, MULTI_READY);
    tty.send(SPACE);
    tty.send(DOWN);
    tty.send(SPACE);
    tty.send(DOWN);
    tty.send(SPACE);
    tty.send(ENTER);
}

/// At the instrument question: "✎ Met toelichting…" (the fifth line, after the four options),
/// then `down` lines from the first option, and Enter; the reason is asked next.
pub fn instrument_with_reason(tty: &mut Tty, down: usize) {
    tty.prompt(INSTRUMENT, SELECT_READY);
    let list = tty.screen_since(INSTRUMENT);
    assert!(list.contains(WITH_REASON), "{list}");
    tty.send(&DOWN.repeat(4));
    tty.send(ENTER);
    tty.expect("daarna vraagt zorgpad de toelichting");
    tty.prompt(INSTRUMENT, SELECT_READY);
    tty.send(&DOWN.repeat(down));
    tty.send(ENTER);
}

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

/// One run of `zorgpad` in a pseudo-terminal.
pub struct Tty {
    session: PtySession,
    /// Every byte the program wrote to the terminal so far (stdout and stderr).
    seen: Vec<u8>,
}

impl Tty {
    /// `zorgpad ARGS` (split on white space) in a pty, in the workspace's directory, with its
    /// data directory, at 22-11-2026 09:00 UTC.
    pub fn spawn(ws: &Workspace, args: &str) -> Tty {
        Tty::spawn_at(ws, args, "2026-11-22T09:00:00Z")
    }

    /// As [`Tty::spawn`], with the clock fixed at `now` (RFC 3339).
    pub fn spawn_at(ws: &Workspace, args: &str, now: &str) -> Tty {
        Tty::spawn_sized(ws, args, now, 100)
    }

    /// As [`Tty::spawn_at`], in a terminal `cols` columns wide.
    pub fn spawn_sized(ws: &Workspace, args: &str, now: &str, cols: u16) -> Tty {
        let mut cmd = Command::new("sh");
        // crossterm needs a terminal size; a fresh pty has none. `exec` keeps the pid, so that
        // signals reach zorgpad itself. The arguments are passed on, never parsed by the shell.
        cmd.arg("-c")
            .arg(format!("stty cols {cols} rows 40 && exec \"$0\" \"$@\""))
            .arg(BIN)
            .args(args.split_whitespace())
            .current_dir(ws.path())
            .env("ZORGPAD_DATA", ws.data())
            .env("NO_COLOR", "1")
            .env("TERM", "xterm")
            .env("TZ", "UTC")
            .env("ZORGPAD_NU", now);
        let session =
            rexpect::session::spawn_command(cmd, Some(TIMEOUT_MS)).expect("spawn zorgpad in a pty");
        Tty {
            session,
            seen: Vec::new(),
        }
    }

    /// rexpect hands out every byte as one `char`; turn them back into bytes.
    fn record(&mut self, text: &str) {
        self.seen.extend(text.chars().map(|c| c as u32 as u8));
    }

    /// Everything written to the terminal so far, as text, without the control sequences
    /// (cursor moves, line clearing) between the words.
    pub fn screen(&self) -> String {
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

    /// Every byte written to the terminal so far, control sequences and all.
    pub fn bytes(&self) -> &[u8] {
        &self.seen
    }

    /// The screen from the last time `marker` was written: what the current prompt shows.
    pub fn screen_since(&self, marker: &str) -> String {
        let screen = self.screen();
        match screen.rfind(marker) {
            Some(at) => screen[at..].to_string(),
            None => panic!("{marker:?} not on screen:\n{screen}"),
        }
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

    /// Wait until `text` appears; returns what came before it (control sequences included).
    pub fn expect(&mut self, text: &str) -> String {
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
    pub fn prompt(&mut self, question: &str, ready: &str) {
        self.expect(question);
        self.expect(ready);
    }

    pub fn send(&mut self, keys: &str) {
        self.session.send(keys).expect("send keys");
        self.session.flush().expect("flush keys");
    }

    /// Read to the end and return the exit code.
    pub fn finish(&mut self) -> i32 {
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

    /// Send a signal to zorgpad and wait until it has ended.
    pub fn signal(&mut self, signal: Signal) -> WaitStatus {
        self.session
            .process
            .signal(signal)
            .unwrap_or_else(|e| panic!("send {signal:?}: {e}"));
        self.session
            .process
            .wait()
            .unwrap_or_else(|e| panic!("wait after {signal:?}: {e}"))
    }

    /// No English inquire text and no panic on screen so far.
    pub fn assert_dutch(&self) {
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
