//! The layout of `src/`: rooms by stage of the data flow, imports pointing one way.
//!
//! cmd → cli → prompt / report → training → scan → kaart → store → engine → flow → support.
//! A room may use the rooms below it, never one above it or a room at its own level, so there
//! can be no import cycle between rooms. The engine, the flow side and the store never reach
//! the terminal: no inquire, crossterm or comfy-table there. These tests read the source as
//! text, so they keep the layout without anyone having to remember it.

use std::fs;
use std::path::{Path, PathBuf};

/// The rooms, highest first, with their rank. Files directly in `src/` (other than `lib.rs`
/// and `main.rs`) are the support room.
const ROOMS: &[(&str, u32)] = &[
    ("cmd", 90),
    ("cli", 80),
    ("prompt", 70),
    ("report", 70),
    ("training", 60),
    ("scan", 55),
    ("kaart", 50),
    ("store", 40),
    ("engine", 30),
    ("flow", 20),
    ("support", 10),
];

/// Rooms that must not depend on a terminal library.
const NO_TERMINAL: &[&str] = &["flow", "engine", "store", "support"];
const TERMINAL_CRATES: &[&str] = &["inquire", "crossterm", "comfy_table"];

const MAX_LINES: usize = 500;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The room a file lives in, or None for the crate root (`lib.rs`, `main.rs`).
fn room_of_file(path: &Path) -> Option<String> {
    let rel = path.strip_prefix(src()).expect("under src");
    let mut parts = rel.components();
    let first = parts.next()?.as_os_str().to_string_lossy().to_string();
    if parts.next().is_some() {
        // A support module that grew into a folder (yaml/) stays support.
        if !ROOMS.iter().any(|(room, _)| *room == first) {
            return Some("support".to_string());
        }
        return Some(first);
    }
    match first.as_str() {
        "lib.rs" | "main.rs" => None,
        _ => Some("support".to_string()),
    }
}

/// The room a `crate::name` path points into.
fn room_of_module(name: &str) -> String {
    if ROOMS
        .iter()
        .any(|(room, _)| *room == name && *room != "support")
    {
        name.to_string()
    } else {
        "support".to_string()
    }
}

fn rank(room: &str) -> u32 {
    ROOMS
        .iter()
        .find(|(r, _)| *r == room)
        .map(|(_, rank)| *rank)
        .unwrap_or_else(|| {
            panic!("src/{room} is not a known room: add it to ROOMS in tests/layout.rs")
        })
}

/// Every `crate::x` in the code (comments left out), with its line number.
fn crate_paths(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.push((n + 1, name));
            }
            rest = after;
        }
    }
    found
}

fn uses_crate(text: &str, krate: &str) -> Vec<usize> {
    let needle = format!("{krate}::");
    text.lines()
        .enumerate()
        .filter(|(_, line)| {
            let code = line.split("//").next().unwrap_or("");
            code.match_indices(&needle).any(|(at, _)| {
                at == 0 || !code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_')
            })
        })
        .map(|(n, _)| n + 1)
        .collect()
}

fn all_files() -> Vec<PathBuf> {
    let mut all = Vec::new();
    files(&src(), &mut all);
    all.sort();
    assert!(
        all.len() > 20,
        "src/ has only {} files: wrong directory?",
        all.len()
    );
    all
}

fn shown(path: &Path) -> String {
    path.strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR")))
        .unwrap_or(path)
        .display()
        .to_string()
}

#[test]
fn imports_point_down_between_rooms() {
    let mut wrong = Vec::new();
    for path in all_files() {
        let Some(room) = room_of_file(&path) else {
            continue;
        };
        let text = fs::read_to_string(&path).expect("read");
        for (line, module) in crate_paths(&text) {
            let target = room_of_module(&module);
            if target == room {
                continue;
            }
            if rank(&target) >= rank(&room) {
                wrong.push(format!(
                    "{}:{line}: room {room} uses crate::{module} (room {target}), which is not below it",
                    shown(&path)
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that run up or sideways:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_engine_flow_and_store_never_reach_the_terminal() {
    let mut wrong = Vec::new();
    for path in all_files() {
        let Some(room) = room_of_file(&path) else {
            continue;
        };
        if !NO_TERMINAL.contains(&room.as_str()) {
            continue;
        }
        let text = fs::read_to_string(&path).expect("read");
        for krate in TERMINAL_CRATES {
            for line in uses_crate(&text, krate) {
                wrong.push(format!("{}:{line}: {room} uses {krate}", shown(&path)));
            }
        }
        for line in uses_crate(&text, "std::io::IsTerminal") {
            wrong.push(format!(
                "{}:{line}: {room} asks whether it runs in a terminal",
                shown(&path)
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "terminal code below the front end:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_file_is_over_five_hundred_lines() {
    let long: Vec<String> = all_files()
        .iter()
        .filter_map(|path| {
            let lines = fs::read_to_string(path).expect("read").lines().count();
            (lines > MAX_LINES).then(|| format!("{}: {lines} lines", shown(path)))
        })
        .collect();
    assert!(
        long.is_empty(),
        "files over {MAX_LINES} lines:\n{}",
        long.join("\n")
    );
}

#[test]
fn the_checker_sees_a_wrong_import() {
    // The checks above must be able to fail: an engine file that names the prompt room.
    let paths = crate_paths("use crate::prompt::terminal::Terminal; // crate::cmd in a comment");
    assert_eq!(paths, vec![(1, "prompt".to_string())]);
    assert!(rank(&room_of_module("prompt")) > rank("engine"));
    assert_eq!(room_of_module("error"), "support");
    assert_eq!(
        uses_crate("let t = comfy_table::Table::new();", "comfy_table"),
        vec![1]
    );
    assert!(uses_crate("let t = my_comfy_table::x();", "comfy_table").is_empty());
}

/// Whether output goes to a terminal, and how wide it is, is decided once in `cli::config`
/// (and asked by the prompters, which talk to the terminal): renderers and errors never ask.
#[test]
fn only_the_config_and_the_prompters_ask_about_the_terminal() {
    let mut wrong = Vec::new();
    for path in all_files() {
        let rel = shown(&path);
        if rel.starts_with("src/cli/config") || rel.starts_with("src/prompt/") {
            continue;
        }
        let text = fs::read_to_string(&path).expect("read");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if code.contains("is_terminal()") || code.contains("terminal::size") {
                wrong.push(format!("{rel}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "terminal questions outside cli::config and prompt:\n{}",
        wrong.join("\n")
    );
}
