//! A small builder that runs the real `zorgpad` binary in a fresh temporary directory, with a
//! fixed clock, no colour and no terminal, and captures what it prints.
//!
//! [`Workspace`] keeps one temporary directory for several runs (start, then hervat, sessies,
//! export ... in separate processes), each made with [`Workspace::cmd`].

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub const BIN: &str = env!("CARGO_BIN_EXE_zorgpad");

/// Where a run happens: its own temporary directory (removed with the [`Output`]) or a
/// [`Workspace`]'s (removed with the workspace).
enum Place {
    Own(tempfile::TempDir),
    Shared(PathBuf),
}

impl Place {
    fn path(&self) -> &Path {
        match self {
            Place::Own(dir) => dir.path(),
            Place::Shared(path) => path,
        }
    }
}

pub struct Test {
    dir: Place,
    args: Vec<String>,
    env: Vec<(String, String)>,
    /// What standard input holds (a pipe, closed after it); none: closed at once.
    input: Option<String>,
}

#[derive(Debug)]
pub struct Output {
    /// The exit code; -1 when the process was ended by a signal.
    pub code: i32,
    /// The signal that ended the process, if one did (e.g. SIGABRT = 6).
    pub signal: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub dir: PathBuf,
    /// Whether `dir` belongs to this output alone (and is removed with it).
    owned: bool,
}

impl Test {
    pub fn new() -> Test {
        Test {
            dir: Place::Own(tempfile::tempdir().expect("temp dir")),
            args: Vec::new(),
            env: Vec::new(),
            input: None,
        }
    }

    /// Add arguments (split on whitespace; use `arg` for one with spaces).
    pub fn args(mut self, args: &str) -> Test {
        self.args
            .extend(args.split_whitespace().map(str::to_string));
        self
    }

    pub fn arg(mut self, arg: impl Into<String>) -> Test {
        self.args.push(arg.into());
        self
    }

    /// Write a file into the temp dir (parents created).
    pub fn file(self, name: &str, contents: impl AsRef<[u8]>) -> Test {
        let path = self.dir.path().join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("mkdir");
        }
        fs::write(path, contents).expect("write");
        self
    }

    /// Write an answers file `antwoorden.yaml` and pass `--antwoorden antwoorden.yaml`.
    pub fn answers(self, yaml: &str) -> Test {
        self.file("antwoorden.yaml", yaml)
            .args("--antwoorden antwoorden.yaml")
    }

    pub fn env(mut self, key: &str, value: &str) -> Test {
        self.env.push((key.to_string(), value.to_string()));
        self
    }

    /// Give this text on standard input (a pipe, closed after the text: then end of input).
    pub fn stdin(mut self, text: &str) -> Test {
        self.input = Some(text.to_string());
        self
    }

    /// Fix the clock of this run (`ZORGPAD_NU`, RFC 3339).
    pub fn now(self, at: &str) -> Test {
        self.env("ZORGPAD_NU", at)
    }

    pub fn run(self) -> Output {
        let mut cmd = Command::new(BIN);
        cmd.args(&self.args)
            .current_dir(self.dir.path())
            .env("ZORGPAD_DATA", self.dir.path().join("data"))
            .env("NO_COLOR", "1")
            .env("TZ", "UTC")
            .env("ZORGPAD_NU", "2026-11-22T09:00:00Z")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("spawn zorgpad");
        // Stdin is a pipe, never a terminal: closed at once, or after the given text (small
        // enough for the pipe's buffer, so writing it all first cannot block).
        if let (Some(text), Some(mut stdin)) = (&self.input, child.stdin.take()) {
            use std::io::Write;
            let _ = stdin.write_all(text.as_bytes());
        }
        drop(child.stdin.take());
        let out = child.wait_with_output().expect("wait");
        let (dir, owned) = match self.dir {
            Place::Own(dir) => (dir.keep(), true),
            Place::Shared(path) => (path, false),
        };
        #[cfg(unix)]
        let signal = std::os::unix::process::ExitStatusExt::signal(&out.status);
        #[cfg(not(unix))]
        let signal = None;
        Output {
            code: out.status.code().unwrap_or(-1),
            signal,
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            dir,
            owned,
        }
    }
}

impl Output {
    /// Assert the exit code, showing the output when it differs.
    pub fn code(self, code: i32) -> Output {
        assert_eq!(
            self.code, code,
            "exit code\n--- stdout:\n{}\n--- stderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    pub fn stdout_has(self, text: &str) -> Output {
        assert!(
            self.stdout.contains(text),
            "stdout lacks {text:?}\n--- stdout:\n{}\n--- stderr:\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    pub fn stdout_lacks(self, text: &str) -> Output {
        assert!(
            !self.stdout.contains(text),
            "stdout has {text:?}\n--- stdout:\n{}",
            self.stdout
        );
        self
    }

    pub fn stderr_has(self, text: &str) -> Output {
        assert!(
            self.stderr.contains(text),
            "stderr lacks {text:?}\n--- stderr:\n{}\n--- stdout:\n{}",
            self.stderr,
            self.stdout
        );
        self
    }

    /// No Rust panic or debug dump leaked to the user.
    pub fn no_panic(self) -> Output {
        for s in [&self.stdout, &self.stderr] {
            assert!(
                !s.contains("panicked") && !s.contains("RUST_BACKTRACE") && !s.contains("Error {"),
                "leak:\n{s}"
            );
        }
        self
    }

    pub fn read(&self, name: &str) -> String {
        fs::read_to_string(self.dir.join(name)).unwrap_or_else(|e| panic!("read {name}: {e}"))
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        if self.owned {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// One temporary directory for several runs of zorgpad, each in its own process; the sessions
/// are kept in its `data` directory (`ZORGPAD_DATA`).
pub struct Workspace {
    dir: tempfile::TempDir,
}

impl Workspace {
    pub fn new() -> Workspace {
        Workspace {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// A run in this workspace (same data directory, same working directory).
    pub fn cmd(&self, args: &str) -> Test {
        Test {
            dir: Place::Shared(self.dir.path().to_path_buf()),
            args: Vec::new(),
            env: Vec::new(),
            input: None,
        }
        .args(args)
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The data directory the runs use.
    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// Write a file into the workspace (parents created).
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("mkdir");
        }
        fs::write(&path, contents).expect("write");
        path
    }

    pub fn read(&self, name: &str) -> String {
        fs::read_to_string(self.dir.path().join(name))
            .unwrap_or_else(|e| panic!("read {name}: {e}"))
    }

    /// The names of the files in the data directory, sorted.
    pub fn data_files(&self) -> Vec<String> {
        let Ok(entries) = fs::read_dir(self.data()) else {
            return Vec::new();
        };
        // `definities/` holds the pinned flows and maps, shared by the sessions.
        let mut names: Vec<String> = entries
            .map(|e| {
                e.expect("dir entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .filter(|n| n != "definities")
            .collect();
        names.sort();
        names
    }

    /// The ids of the stored sessions (`<id>.json` in the data directory), sorted.
    pub fn session_ids(&self) -> Vec<String> {
        self.data_files()
            .into_iter()
            .filter(|n| n.ends_with(".json") && !n.starts_with('.'))
            .map(|n| n.trim_end_matches(".json").to_string())
            .collect()
    }

    /// The id of the only stored session.
    pub fn only_session(&self) -> String {
        let ids = self.session_ids();
        assert_eq!(ids.len(), 1, "expected one session, found {ids:?}");
        ids[0].clone()
    }

    pub fn session_file(&self, id: &str) -> PathBuf {
        self.data().join(format!("{id}.json"))
    }

    /// The stored session file, parsed.
    pub fn session_json(&self, id: &str) -> serde_json::Value {
        let text = fs::read_to_string(self.session_file(id)).expect("read session file");
        serde_json::from_str(&text).expect("the session file is JSON")
    }
}

/// The table `zorgpad sessies` prints (comfy-table, UTF8_FULL_CONDENSED), read back: one
/// string per cell, the lines of a wrapped cell joined with a space. A row begins where the
/// first column starts with a session id (`20261122-0900-…`); the id wraps inside the word.
#[derive(Debug)]
pub struct SessionTable {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl SessionTable {
    pub fn parse(text: &str) -> SessionTable {
        let mut header: Vec<String> = Vec::new();
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut in_body = false;
        for line in text.lines() {
            if line.starts_with('╞') {
                in_body = true;
                continue;
            }
            if !line.starts_with('│') {
                continue;
            }
            let inner = line.trim_start_matches('│').trim_end_matches('│');
            let cells: Vec<&str> = inner.split('┆').map(str::trim).collect();
            let first = cells[0].as_bytes();
            let starts_row =
                first.len() >= 9 && first[..8].iter().all(u8::is_ascii_digit) && first[8] == b'-';
            let target = if !in_body {
                if header.is_empty() {
                    header = vec![String::new(); cells.len()];
                }
                &mut header
            } else if starts_row || rows.is_empty() {
                rows.push(vec![String::new(); cells.len()]);
                rows.last_mut().expect("row")
            } else {
                rows.last_mut().expect("row")
            };
            for (i, c) in cells.iter().enumerate() {
                if c.is_empty() || i >= target.len() {
                    continue;
                }
                let sep = if (in_body && i == 0) || target[i].is_empty() {
                    ""
                } else {
                    " "
                };
                target[i] = format!("{}{sep}{c}", target[i]);
            }
        }
        SessionTable { header, rows }
    }

    /// The index of a column by its heading.
    pub fn column(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name:?} in {:?}", self.header))
    }

    /// The session ids, in the order listed.
    pub fn ids(&self) -> Vec<String> {
        self.rows.iter().map(|r| squash(&r[0])).collect()
    }

    /// The cell of the session `id` in the column `name`.
    pub fn cell(&self, id: &str, name: &str) -> String {
        let rows: Vec<&Vec<String>> = self.rows.iter().filter(|r| squash(&r[0]) == id).collect();
        assert_eq!(rows.len(), 1, "{id} once in the list: {self:#?}");
        rows[0][self.column(name)].clone()
    }

    /// Assert a cell, ignoring where its lines were wrapped.
    pub fn assert_cell(&self, id: &str, name: &str, want: &str) {
        assert_eq!(
            squash(&self.cell(id, name)),
            squash(want),
            "{name} of {id} in {self:#?}"
        );
    }
}

/// Text without any white space, to compare cells whose lines were wrapped anywhere.
pub fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Box B2 with consent and contact for current care and the GP, and no VoorZorg: the answers
/// from B2 to the criteria of D2.
pub const B2_CONSENT: &str = "
- alles          # B2
- ja             # toestemming huidige hulpverlening
- alles          # contact
- ja             # toestemming huisarts
- alles          # contact
- nee            # VoorZorg
";

/// Answers from the intake up to the pause at the appointment (D4), expected on 10-12-2026:
/// PPM, positive Kindcheck, consent for current care and GP, no VoorZorg, complex, referral,
/// consent for it, appointment and coordinator (B5).
pub const TO_D4_PAUSE: &str = "\
- intake                       # IN: bij de intake
- alles                        # B1
- r4u                          # instrument
- ja                           # D1
- alles                        # Kindcheck
- ongeboren kind en 2 kinderen van 4 en 7 jaar   # Kindcheck: kinderen
- positief
- alles                        # Meldcode stap 1
- Aandachtsfunctionaris VSV    # stap 2: overleg
- nee                          # advies Veilig Thuis
- gevoerd                      # stap 3: gesprek
- nee                          # afwegingskader 1: geen vermoeden
- alles                        # B2
- ja                           # toestemming huidige hulpverlening
- alles                        # contact huidige hulpverlening
- ja                           # toestemming huisarts
- alles                        # contact huisarts
- nee                          # VoorZorg
- [kind-in-gevaar, hulpbronnen]   # D2-criteria
- complex                      # D2
- Centrum Kwetsbare Zwangeren  # B4
- ja                           # D3
- alles                        # B5 afspraak
- Jeugdverpleegkundige van het Centrum Kwetsbare Zwangeren   # B5 coördinerend zorgverlener
- later: 10-12-2026            # D4: wacht op de afspraak
";

/// From D4 (attended) through the second Kindcheck and B6 to the pause at the MDO (B7).
pub const D4_TO_MDO_PAUSE: &str = "\
- ja           # D4 verschenen
- alles        # Kindcheck (B6)
- ongeboren kind en 2 kinderen van 4 en 7 jaar
- negatief
- nee          # geen andere signalen
- alles        # B6
- later        # B7: wacht op het MDO
";

/// From the MDO (B7) to the end: MDO, coordinator post partum, feedback, birth, handover.
pub const MDO_TO_END: &str = "\
- alles        # B7
- Wijkverpleegkundige van het CJG   # coördinerend zorgverlener post partum
- alles        # terugkoppeling aan de betrokkenen
- bevallen     # W1
- alles        # B8
";
