//! A finding of the validator: one thing wrong in a flow file, said so that a VSV coordinator
//! who maintains the file can find it and fix it without reading Rust.

use std::fmt;

/// How serious a finding is. Errors block a session; warnings are shown but do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in one file, at one node when there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    pub file: String,
    pub line: Option<usize>,
    pub node: Option<String>,
    /// What is wrong.
    pub problem: String,
    /// How to fix it.
    pub fix: String,
}

impl Finding {
    pub fn error(
        file: &str,
        line: Option<usize>,
        node: Option<&str>,
        problem: String,
        fix: String,
    ) -> Self {
        Finding {
            severity: Severity::Error,
            file: file.to_string(),
            line,
            node: node.map(str::to_string),
            problem,
            fix,
        }
    }

    pub fn warning(
        file: &str,
        line: Option<usize>,
        node: Option<&str>,
        problem: String,
        fix: String,
    ) -> Self {
        Finding {
            severity: Severity::Warning,
            ..Finding::error(file, line, node, problem, fix)
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        let kind = match self.severity {
            Severity::Error => "fout",
            Severity::Warning => "waarschuwing",
        };
        write!(f, ": {kind}: ")?;
        if let Some(node) = &self.node {
            write!(f, "knoop '{node}': ")?;
        }
        write!(f, "{}\n    oplossing: {}", self.problem, self.fix)
    }
}

/// "1 bevinding", "3 bevindingen".
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Nothing is done with a definition that has errors (warnings are fine). The error names
/// `subject` (e.g. "de flow 'x.yaml'"), says what was not done (`refused`) and carries the
/// error findings, printed above it.
pub fn refuse_errors(
    findings: &[Finding],
    subject: &str,
    refused: &str,
    hint: &str,
) -> crate::error::Result<()> {
    let errors: Vec<String> = findings
        .iter()
        .filter(|f| f.is_error())
        .map(ToString::to_string)
        .collect();
    if errors.is_empty() {
        return Ok(());
    }
    Err(crate::error::Error::findings(format!(
        "{subject} bevat {}; {refused}",
        count(errors.len(), "fout", "fouten")
    ))
    .hint(hint)
    .details(errors))
}
