//! Standard output that is closed early or cannot be written: a closed pipe (`zorgpad toon |
//! head`) ends quietly with exit 0, as ripgrep does; a full disk behind a redirection is a
//! write error with its own exit code (3) and a Dutch message — never a panic, never English.

use std::io::Read;
use std::process::{Command, Stdio};

use crate::common::BIN;

/// Run `args` with standard output's read end closed before zorgpad writes anything; give the
/// exit code and what it said on standard error.
fn with_closed_stdout(args: &[&str]) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir.path())
        .env("ZORGPAD_DATA", dir.path().join("data"))
        .env("ZORGPAD_NU", "2026-11-22T09:00:00Z")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start zorgpad");
    drop(child.stdout.take());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("read stderr");
    let status = child.wait().expect("wait");
    (status.code(), stderr)
}

#[test]
fn a_closed_pipe_ends_quietly_with_exit_zero() {
    for args in [
        &["toon"][..],
        &["toon", "--stap", "2"],
        &["graaf"],
        &["graaf", "--formaat", "dot"],
        &["kaart", "toon"],
        &["kaart", "controleer"],
        &["controleer"],
        &["--help"],
        &["start", "--help"],
        &["oefen"],
    ] {
        let (code, stderr) = with_closed_stdout(args);
        assert_eq!(
            code,
            Some(0),
            "zorgpad {args:?}: exit {code:?}, stderr:\n{stderr}"
        );
        assert!(
            stderr.is_empty(),
            "zorgpad {args:?} said something on a closed pipe:\n{stderr}"
        );
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_a_write_error_in_dutch() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full exists on Linux");
    let output = Command::new(BIN)
        .arg("toon")
        .stdin(Stdio::null())
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .expect("run zorgpad");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("kan de uitvoer niet schrijven: de schijf is vol"),
        "{stderr}"
    );
    for english in ["os error", "No space", "panicked"] {
        assert!(!stderr.contains(english), "English in: {stderr}");
    }
}

/// A save that fails (here: the file-size limit, which holds for root too) is a write error
/// (exit 3) that says what is still safe and how to go on, and leaves the stored session as
/// it was after the previous answer.
#[cfg(target_os = "linux")]
#[test]
fn a_failed_save_says_what_is_kept_and_how_to_go_on() {
    use crate::common::{Workspace, D4_TO_MDO_PAUSE, TO_D4_PAUSE};
    let ws = Workspace::new();
    ws.cmd("start").answers(TO_D4_PAUSE).run().code(0);
    let id = ws.only_session();
    let before = std::fs::read(ws.session_file(&id)).expect("session");
    std::fs::write(ws.path().join("verder.yaml"), D4_TO_MDO_PAUSE).expect("answers");
    // `ulimit -f 1`: no file over 1 KiB; the session file is larger. SIGXFSZ is ignored, so a
    // write past the limit fails instead of killing the process.
    let output = Command::new("bash")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 1; exec \"$0\" hervat \"$1\" --antwoorden verder.yaml")
        .arg(BIN)
        .arg(&id)
        .current_dir(ws.path())
        .env("ZORGPAD_DATA", ws.data())
        .env("ZORGPAD_NU", "2026-12-10T09:00:00Z")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("run zorgpad");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("kan het sessiebestand"), "{stderr}");
    assert!(stderr.contains("het bestand is te groot"), "{stderr}");
    assert!(
        stderr.contains(&format!("ga verder met: zorgpad hervat {id}")),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read(ws.session_file(&id)).expect("session"),
        before,
        "the stored session changed"
    );
}

/// An error that cannot be written (standard error closed) is no crash: the exit code still
/// says what happened.
#[test]
fn a_closed_standard_error_is_no_crash() {
    let output = Command::new(BIN)
        .args(["controleer", "--flow", "bestaat-niet.yaml"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run");
    assert_eq!(output.code(), Some(2));
    #[cfg(target_os = "linux")]
    {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let status = Command::new(BIN)
            .args(["controleer", "--flow", "bestaat-niet.yaml"])
            .stdin(Stdio::null())
            .stderr(full)
            .status()
            .expect("run");
        assert_eq!(status.code(), Some(2), "a full stderr must not panic (101)");
    }
}

/// `-o` never replaces a device, a pipe or a link with a file, and '-' is not a file name.
#[cfg(unix)]
#[test]
fn an_output_that_is_not_a_plain_file_is_refused() {
    let out = crate::common::Test::new()
        .args("graaf -o /dev/null")
        .run()
        .code(2);
    assert!(
        out.stderr.contains("is geen gewoon bestand"),
        "{}",
        out.stderr
    );
    let out = crate::common::Test::new().args("graaf -o -").run().code(2);
    assert!(
        out.stderr.contains("'-' is geen bestandsnaam"),
        "{}",
        out.stderr
    );
    let ws = crate::common::Workspace::new();
    let real = ws.write("echt.mmd", "oud");
    std::os::unix::fs::symlink(&real, ws.path().join("link.mmd")).expect("symlink");
    let out = ws.cmd("graaf -o link.mmd").run().code(2);
    assert!(out.stderr.contains("symbolische link"), "{}", out.stderr);
    assert_eq!(ws.read("echt.mmd"), "oud");
}
