//! "bedoelt u 'B4'?": when a name in a hand-written file is close to a known one (a typo), the
//! message suggests the known one. Used for flows, maps and imports alike.

/// "bedoelt u 'x'? Anders: …" when a known name is close.
pub fn suggest(wrong: &str, known: &[String], otherwise: &str) -> String {
    let w = wrong.to_lowercase();
    let len = w.chars().count();
    let best = known
        .iter()
        // A length that differs by more than two cannot be within two edits; skipping it also
        // keeps a hostile name of megabytes from costing a matrix per known name.
        .filter(|k| k.chars().count().abs_diff(len) <= 2)
        .map(|k| (distance(&w, &k.to_lowercase()), k))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d);
    match best {
        Some((_, k)) if k != wrong => format!("bedoelt u '{k}'? Anders: {otherwise}"),
        _ => otherwise.to_string(),
    }
}

/// The edit distance between two strings, in characters: insertions, deletions,
/// substitutions, and swaps of two neighbouring characters (the commonest typo), each 1.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::{distance, suggest};

    #[test]
    fn a_very_long_name_gets_no_suggestion_and_costs_nothing() {
        let known = vec!["D2-criteria".to_string(), "B4".to_string()];
        let long = format!("D2-crit{}", "lang ".repeat(40_000));
        let start = std::time::Instant::now();
        assert_eq!(suggest(&long, &known, "kies een knoop"), "kies een knoop");
        assert!(start.elapsed() < std::time::Duration::from_millis(100));
        assert_eq!(
            suggest("D2-critera", &known, "x"),
            "bedoelt u 'D2-criteria'? Anders: x"
        );
    }

    #[test]
    fn a_swap_is_one_typo() {
        assert_eq!(distance("strat", "start"), 1);
        assert_eq!(distance("B4", "B4"), 0);
        assert_eq!(distance("volgnde", "volgende"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
    }
}
