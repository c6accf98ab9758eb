//! Where things stand in a flow file. The YAML reader keeps no positions for values that parsed
//! fine, so findings about a node or a key look its line up in the text.

/// The line on which node `id` starts, so that findings can point at the node.
/// The YAML reader keeps no positions for values that parsed fine, so this looks at the text.
pub fn line_of_id(text: &str, id: &str) -> Option<usize> {
    line_of_id_nth(text, id, 0)
}

/// The first line of the form `key: value` (optionally behind a list dash, optionally quoted).
pub fn line_of(text: &str, key: &str, value: &str) -> Option<usize> {
    text.lines()
        .position(|line| is_entry(line, key, value))
        .map(|i| i + 1)
}

/// The line of the `n`-th (0-based) node with this id, for reporting a duplicate where it
/// stands. Only `id:` lines in the column of the node fields count, so that an option or an
/// action with the same id (deeper in the file) is not taken for the node.
pub fn line_of_id_nth(text: &str, id: &str, n: usize) -> Option<usize> {
    let column = text
        .lines()
        .skip_while(|l| !l.starts_with("knopen:"))
        .skip(1)
        .find(|l| l.trim_start().starts_with("- "))
        .map(key_column);
    text.lines()
        .enumerate()
        .filter(|(_, line)| column.is_none_or(|c| key_column(line) == c))
        .filter(|(_, line)| is_entry(line, "id", id))
        .nth(n)
        .map(|(i, _)| i + 1)
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

fn is_entry(line: &str, key: &str, value: &str) -> bool {
    let l = line.trim_start().trim_start_matches("- ").trim_start();
    l.strip_prefix(key)
        .and_then(|rest| rest.trim_start().strip_prefix(':'))
        .map(|v| {
            let v = v.split(" #").next().unwrap_or("").trim();
            v.trim_matches(|c| c == '"' || c == '\'') == value
        })
        .unwrap_or(false)
}
