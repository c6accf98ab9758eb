//! A small builder that runs the real `zorgpad` binary in a fresh temporary directory, with a
//! fixed clock, no colour and no terminal, and captures what it prints.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub const BIN: &str = env!("CARGO_BIN_EXE_zorgpad");

pub struct Test {
    dir: tempfile::TempDir,
    args: Vec<String>,
    env: Vec<(String, String)>,
    stdin: Option<String>,
}

#[derive(Debug)]
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub dir: PathBuf,
}

impl Test {
    pub fn new() -> Test {
        Test {
            dir: tempfile::tempdir().expect("temp dir"),
            args: Vec::new(),
            env: Vec::new(),
            stdin: None,
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

    pub fn stdin(mut self, text: &str) -> Test {
        self.stdin = Some(text.to_string());
        self
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
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
        {
            use std::io::Write;
            let mut stdin = child.stdin.take().expect("stdin");
            if let Some(text) = &self.stdin {
                let _ = stdin.write_all(text.as_bytes());
            }
        }
        let out = child.wait_with_output().expect("wait");
        let dir = self.dir.keep();
        Output {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            dir,
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
        let _ = fs::remove_dir_all(&self.dir);
    }
}
