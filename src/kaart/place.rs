//! Finding the line of a field in the text of a map.
//!
//! Why this exists: the YAML reader keeps no positions for values that parsed fine, yet every
//! finding should name its line. These helpers find the blocks, the entries under
//! `aanbieders:` and the fields within them, in one pass over the lines.

/// The 0-based line of each entry under `aanbieders:` (its `- `), or `None` when the list is
/// not written as a block list.
pub(super) fn item_starts(lines: &[&str]) -> Option<Vec<usize>> {
    provider_list(lines).map(|(_, starts, _)| starts)
}

/// The block list under `aanbieders:`: the 0-based line of the key, of each entry, and the
/// first line after the list.
pub(super) fn provider_list(lines: &[&str]) -> Option<(usize, Vec<usize>, usize)> {
    let top = lines.iter().position(|l| is_key(l, "aanbieders"))?;
    let mut starts = Vec::new();
    let mut dash: Option<usize> = None;
    let mut end = lines.len();
    for (i, line) in lines.iter().enumerate().skip(top + 1) {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let column = line.len() - trimmed.len();
        let is_item = trimmed == "-" || trimmed.starts_with("- ");
        match dash {
            None if is_item => {
                dash = Some(column);
                starts.push(i);
            }
            None => {
                end = i;
                break;
            }
            Some(c) if is_item && column == c => starts.push(i),
            Some(c) if column <= c && !is_item => {
                end = i;
                break;
            }
            Some(_) => {}
        }
    }
    Some((top, starts, end))
}

/// The 0-based range of lines of a top-level block `key:` (from its line to the next key).
pub(super) fn block(lines: &[&str], key: &str) -> Option<(usize, usize)> {
    let start = lines.iter().position(|l| is_key(l, key))?;
    let end = lines
        .iter()
        .enumerate()
        .skip(start + 1)
        .find(|(_, l)| {
            !l.is_empty() && !l.starts_with(' ') && !l.starts_with('#') && !l.starts_with('-')
        })
        .map_or(lines.len(), |(i, _)| i);
    Some((start, end))
}

fn is_key(line: &str, key: &str) -> bool {
    line.strip_prefix(key)
        .is_some_and(|rest| rest.trim_start().starts_with(':'))
}

/// The 1-based line of `field:` within the 0-based lines `start..end`.
pub(super) fn field_line(lines: &[&str], start: usize, end: usize, field: &str) -> Option<usize> {
    (start..end.min(lines.len()))
        .find(|&i| {
            let l = lines[i].trim_start();
            let l = l.strip_prefix("- ").unwrap_or(l).trim_start();
            is_key(l, field)
        })
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_located() {
        let text = "kaart:\n  naam: x\naanbieders:\n  # c\n  - id: a\n    naam: A\n\n  - naam: B\n    id: b\nnog: 1\n";
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(item_starts(&lines), Some(vec![4, 7]));
        assert_eq!(field_line(&lines, 7, 9, "id"), Some(9));
        assert_eq!(block(&lines, "kaart"), Some((0, 2)));
    }
}
