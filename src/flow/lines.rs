//! Where things stand in a flow file. The YAML reader keeps no positions for values that parsed
//! fine, so findings about a node or a key look its line up in the text.
//!
//! A flow of ten thousand nodes needs ten thousand lines looked up: [`NodeLines`] reads the
//! text once and answers each of them from an index, instead of reading the text per node.

use std::collections::HashMap;

/// The first line of the form `key: value` (optionally behind a list dash, optionally quoted).
pub fn line_of(text: &str, key: &str, value: &str) -> Option<usize> {
    text.lines()
        .position(|line| entry_value(line, key) == Some(value))
        .map(|i| i + 1)
}

/// The first line at or after line `from` (1-based) of the form `key: value`.
pub fn line_of_from(text: &str, from: usize, key: &str, value: &str) -> Option<usize> {
    text.lines()
        .enumerate()
        .skip(from.saturating_sub(1))
        .find(|(_, line)| entry_value(line, key) == Some(value))
        .map(|(i, _)| i + 1)
}

/// The first line at or after line `from` (1-based) that holds `word` (e.g. a name in a list
/// written as `[a, b]`).
pub fn line_with_from(text: &str, from: usize, word: &str) -> Option<usize> {
    text.lines()
        .enumerate()
        .skip(from.saturating_sub(1))
        .find(|(_, line)| {
            line.split(|c: char| "[], #:".contains(c))
                .any(|w| w.trim() == word)
        })
        .map(|(i, _)| i + 1)
}

/// The line of a top-level key (`brieven:`), if the file has it.
pub fn top_level(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|line| line.strip_prefix(key).is_some_and(|r| r.starts_with(':')))
        .map(|i| i + 1)
}

/// The lines of the nodes' `id:` entries of one flow text, read once.
///
/// Only `id:` lines in the column of the node fields count, so that an option or an action
/// with the same id (deeper in the file) is not taken for the node.
pub struct NodeLines<'a> {
    /// For each id, the (1-based) lines where a node with that id starts, in file order.
    lines: HashMap<&'a str, Vec<usize>>,
}

impl<'a> NodeLines<'a> {
    pub fn new(text: &'a str) -> NodeLines<'a> {
        let column = text
            .lines()
            .skip_while(|l| !l.starts_with("knopen:"))
            .skip(1)
            .find(|l| l.trim_start().starts_with("- "))
            .map(key_column);
        let mut lines: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            if column.is_some_and(|c| key_column(line) != c) {
                continue;
            }
            if let Some(id) = entry_value(line, "id") {
                lines.entry(id).or_default().push(i + 1);
            }
        }
        NodeLines { lines }
    }

    /// The line on which the first node with this id starts.
    pub fn first(&self, id: &str) -> Option<usize> {
        self.nth(id, 0)
    }

    /// The line of the `n`-th (0-based) node with this id.
    pub fn nth(&self, id: &str, n: usize) -> Option<usize> {
        self.lines.get(id).and_then(|l| l.get(n)).copied()
    }
}

/// Where the key of a (list) entry begins: 4 for both `  - id: A` and `    soort: info`.
fn key_column(line: &str) -> usize {
    line.len()
        - line
            .trim_start()
            .trim_start_matches("- ")
            .trim_start()
            .len()
}

/// The value of a line of the form `key: value` (behind list dashes, without a comment and
/// quotes), or `None` when the line holds another key.
fn entry_value<'t>(line: &'t str, key: &str) -> Option<&'t str> {
    let l = line.trim_start().trim_start_matches("- ").trim_start();
    let v = l.strip_prefix(key)?.trim_start().strip_prefix(':')?;
    let v = v.split(" #").next().unwrap_or("").trim();
    Some(v.trim_matches(|c| c == '"' || c == '\''))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "naam: x\nstart: A\nknopen:\n  - id: A\n    soort: beslissing\n    opties:\n      - id: B\n        naar: B\n  - id: \"B\" # de tweede\n    soort: info\n  - id: B\n";

    #[test]
    fn node_ids_are_found_in_their_column_only() {
        let lines = NodeLines::new(TEXT);
        assert_eq!(lines.first("A"), Some(4));
        assert_eq!(lines.first("B"), Some(9));
        assert_eq!(lines.nth("B", 1), Some(11));
        assert_eq!(lines.nth("B", 2), None);
        assert_eq!(line_of(TEXT, "start", "A"), Some(2));
    }
}
