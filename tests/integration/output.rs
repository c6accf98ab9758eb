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
