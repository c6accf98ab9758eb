//! Places in the text that the reader does not report: where a duplicated key was written
//! first, where a mapping with a missing field starts, where a tab is.
//!
//! These look at the text around the reader's location, for the usual block style
//! (`naam: waarde` on lines of their own). For anything else (keys inside `{ }`) they give no
//! place rather than a wrong one.

use super::Place;

/// The 1-based line of the first occurrence of `key`, duplicated at `at`.
pub(super) fn earlier_line(text: &str, key: Option<&str>, at: Place) -> Option<usize> {
    let key = key?;
    let Place { line, column } = at;
    if line < 2 || key.is_empty() {
        return None;
    }
    let lines: Vec<&str> = text.lines().take(line - 1).collect();
    for (n, l) in lines.iter().enumerate().rev() {
        let chars: Vec<char> = l.chars().collect();
        let Some(first) = chars.iter().position(|c| *c != ' ') else {
            continue;
        };
        if chars[first] == '#' {
            continue;
        }
        if chars.len() >= column
            && chars[..column - 1].iter().all(|c| *c == ' ' || *c == '-')
            && is_key(&chars[column - 1..], key)
        {
            return Some(n + 1);
        }
        if first < column - 1 {
            // The parent's line: the key is not written in this mapping above.
            return None;
        }
    }
    None
}

/// Whether `rest` starts with `key` (plain or quoted) and then `:`.
fn is_key(rest: &[char], key: &str) -> bool {
    let rest: String = rest.iter().collect();
    [
        key.to_string(),
        format!("'{}'", key.replace('\'', "''")),
        format!("\"{key}\""),
    ]
    .iter()
    .any(|k| {
        rest.strip_prefix(k.as_str())
            .is_some_and(|after| after.trim_start_matches(' ').starts_with(':'))
    })
}

/// Where the mapping starts whose key is at `at` (a missing field is reported at the mapping's
/// last key; a person adds it at the top). `None` when the mapping is not in block style.
pub(super) fn mapping_start(text: &str, at: Place) -> Option<Place> {
    let Place { line, column } = at;
    let own: Vec<char> = text.lines().nth(line - 1)?.chars().collect();
    if own.len() < column || !own[..column - 1].iter().all(|c| *c == ' ' || *c == '-') {
        return None;
    }
    let mut top = line;
    for (n, l) in text
        .lines()
        .take(line - 1)
        .enumerate()
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
    {
        let chars: Vec<char> = l.chars().collect();
        let Some(first) = chars.iter().position(|c| *c != ' ') else {
            continue;
        };
        if chars[first] == '#' {
            continue;
        }
        if chars.len() >= column
            && chars[column - 1] != ' '
            && chars[..column - 1].iter().all(|c| *c == ' ' || *c == '-')
        {
            top = n + 1;
            if chars[..column - 1].contains(&'-') {
                // `- naam: x`: the first key of a list entry.
                break;
            }
            continue;
        }
        if first < column - 1 {
            break;
        }
    }
    Some(Place { line: top, column })
}

/// The first tab at or after `at`, within a few lines: the parser reports a tab where it was
/// scanning (often the end of the line before).
pub(super) fn tab_from(text: &str, at: Place) -> Option<Place> {
    for (n, l) in text.lines().enumerate().skip(at.line - 1).take(3) {
        let skip = if n + 1 == at.line { at.column - 1 } else { 0 };
        if let Some(k) = l.chars().skip(skip).position(|c| c == '\t') {
            return Some(Place {
                line: n + 1,
                column: skip + k + 1,
            });
        }
    }
    None
}

/// The line of each top-level list entry (`- ` at the start of a line), for messages about
/// the n-th entry of a list file (answers, scan answers). Flow-style lists have none.
pub(crate) fn entry_lines(text: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with("- ") || *l == "-")
        .map(|(i, _)| i + 1)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reader's own location for a key duplicated on `line` (1-based), at `column`.
    fn at(line: u32, column: u32) -> Place {
        let indent = " ".repeat(column as usize - 1);
        let doc = format!(
            "{}{indent}a: 1\n{indent}a: 2\n",
            "#\n".repeat(line as usize - 2)
        );
        match serde_saphyr::from_str::<std::collections::BTreeMap<String, u8>>(&doc) {
            Err(e) => Place::of(&e.location().expect("a place")).expect("known"),
            Ok(_) => panic!("duplicate accepted"),
        }
    }

    #[test]
    fn the_first_occurrence_is_found_in_block_style() {
        let text = "kaart:\n  naam: x\n  regio: y\n  naam: z\n";
        let loc = at(4, 3);
        assert_eq!(loc, Place { line: 4, column: 3 });
        assert_eq!(earlier_line(text, Some("naam"), loc), Some(2));
        let text = "- id: a\n  tekst: b\n  id: c\n";
        assert_eq!(earlier_line(text, Some("id"), at(3, 3)), Some(1));
        let text = "voetnoten:\n  1: a\n  '2': b\n  \"1\": c\n";
        assert_eq!(earlier_line(text, Some("1"), at(4, 3)), Some(2));
    }

    #[test]
    fn a_key_of_another_mapping_is_not_taken() {
        let text = "a:\n  naam: x\nb:\n  naam: y\n  naam: z\n";
        assert_eq!(earlier_line(text, Some("naam"), at(5, 3)), Some(4));
        let text = "a:\n  naam: x\nb:\n  c: y\n  naam: z\n";
        assert_eq!(earlier_line(text, Some("naam"), at(5, 3)), None);
    }

    #[test]
    fn a_mapping_starts_at_its_first_key() {
        let p = |line, column| Place { line, column };
        let text = "naam: x\nversie: 1\n# c\nknopen:\n  - a\n";
        assert_eq!(mapping_start(text, p(4, 1)), Some(p(1, 1)));
        let text = "a: x\nbinnen:\n  - naam: x\n    lijst:\n    - b\n    stap: 2\n";
        assert_eq!(mapping_start(text, p(6, 5)), Some(p(3, 5)));
        assert_eq!(mapping_start("a: {b: 1, c: 2}\n", p(1, 11)), None);
    }

    #[test]
    fn a_tab_is_found_after_the_place() {
        let text = "a:\n  b: 1\n\tc: 2\n";
        let p = |line, column| Place { line, column };
        assert_eq!(tab_from(text, p(2, 7)), Some(p(3, 1)));
        assert_eq!(tab_from("a: 1\n", p(1, 1)), None);
    }
}
