//! "bedoelt u 'B4'?": when a name in a hand-written file is close to a known one (a typo), the
//! message suggests the known one. Used for flows, maps and imports alike.

/// "bedoelt u 'x'? Anders: …" when a known name is close.
pub fn suggest(wrong: &str, known: &[String], otherwise: &str) -> String {
    let w = wrong.to_lowercase();
    let best = known
        .iter()
        .map(|k| (distance(&w, &k.to_lowercase()), k))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d);
    match best {
        Some((_, k)) if k != wrong => format!("bedoelt u '{k}'? Anders: {otherwise}"),
        _ => otherwise.to_string(),
    }
}

/// The edit distance (Levenshtein) between two strings, in characters.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            prev = cur;
        }
    }
    row[b.len()]
}
