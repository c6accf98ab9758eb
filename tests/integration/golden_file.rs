//! The one golden-file comparer: output is compared byte for byte with a file in
//! `tests/golden/`; on a difference the test fails with the first line that differs.
//!
//! After an intended change of the output, rewrite the golden files and review the diff:
//!
//!     ZORGPAD_GOLDEN_UPDATE=1 cargo test --test integration
//!
//! Never in CI: with `CI` set, a rewrite is refused (the test fails), so that a CI run can only
//! compare.

use std::path::PathBuf;

/// Set to `1` to rewrite the golden files instead of comparing with them.
const UPDATE: &str = "ZORGPAD_GOLDEN_UPDATE";

/// Where the golden files are.
pub fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// Compare `actual` with `tests/golden/<name>` byte for byte, or rewrite that file when
/// `ZORGPAD_GOLDEN_UPDATE=1` (refused when `CI` is set).
pub fn check(name: &str, actual: &str) {
    let path = dir().join(name);
    if std::env::var_os(UPDATE).is_some_and(|v| v == "1") {
        if let Some(ci) = std::env::var_os("CI").filter(|v| !v.is_empty()) {
            panic!(
                "{UPDATE}=1 while CI={}: refusing to rewrite {} in CI. Golden files are \
                 rewritten on a developer's machine, and the diff is reviewed and committed.",
                ci.to_string_lossy(),
                path.display()
            );
        }
        std::fs::write(&path, actual).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        eprintln!("rewrote {}", path.display());
        return;
    }
    let expected = std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}\nCreate it with: {UPDATE}=1 cargo test --test integration, and review it.",
            path.display()
        )
    });
    if expected == actual.as_bytes() {
        return;
    }
    let expected = String::from_utf8_lossy(&expected);
    panic!(
        "{name} differs from {}\n{}\nIf the change is intended: {UPDATE}=1 cargo test --test integration, and review the diff.",
        path.display(),
        first_difference(&expected, actual)
    );
}

/// The first line that differs, line endings included (so a missing final newline shows).
fn first_difference(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.split_inclusive('\n').collect();
    let a: Vec<&str> = actual.split_inclusive('\n').collect();
    let line = e
        .iter()
        .zip(&a)
        .position(|(x, y)| x != y)
        .unwrap_or(e.len().min(a.len()));
    let show = |lines: &[&str]| {
        lines
            .get(line)
            .map_or("<end of file>".to_string(), |l| format!("{l:?}"))
    };
    format!(
        "first difference at line {}:\n  expected: {}\n  actual:   {}\n({} lines, {} bytes expected; {} lines, {} bytes actual)",
        line + 1,
        show(&e),
        show(&a),
        e.len(),
        expected.len(),
        a.len(),
        actual.len(),
    )
}
