//! "bedoelt u 'B4'?": when a name in a hand-written file is close to a known one (a typo), the
//! message suggests the known one. Used for flows, maps and imports alike.
//!
//! A broken flow of ten thousand nodes can name thousands of unknown ones; comparing each
//! with every id took seconds. [`Suggester`] indexes the known names once, so that each
//! wrong one is compared only with the few names it could be a typo of.

use std::collections::{HashMap, HashSet};

/// "bedoelt u 'x'? Anders: …" when a known name is close.
///
/// A map can have tens of thousands of unknown names against hundreds of known ones, so each
/// pair is compared only as far as "within two typos" needs: no copies, the common start and
/// end skipped, and a band of the table around its diagonal.
pub fn suggest(wrong: &str, known: &[String], otherwise: &str) -> String {
    // Lower case as `str::to_lowercase`: byte by byte for ASCII, else as characters.
    let ascii = wrong.is_ascii();
    let w_bytes = wrong.to_ascii_lowercase().into_bytes();
    let w_chars: Vec<char> = wrong.to_lowercase().chars().collect();
    let (mut k_bytes, mut k_chars) = (Vec::new(), Vec::new());
    let mut rows = Rows::default();
    let mut best: Option<(usize, &String)> = None;
    for name in known {
        let d = if ascii && name.is_ascii() {
            k_bytes.clear();
            k_bytes.extend(name.bytes().map(|b| b.to_ascii_lowercase()));
            within(&w_bytes, &k_bytes, 2, &mut rows)
        } else {
            k_chars.clear();
            k_chars.extend(name.to_lowercase().chars());
            within(&w_chars, &k_chars, 2, &mut rows)
        };
        if let Some(d) = d {
            // The first of the closest, as before.
            if best.is_none_or(|(b, _)| d < b) {
                best = Some((d, name));
            }
        }
    }
    match best {
        Some((_, k)) if k != wrong => format!("bedoelt u '{k}'? Anders: {otherwise}"),
        _ => otherwise.to_string(),
    }
}

/// Suggestions from one list of known names for many wrong ones, each as [`suggest`] would
/// make it. Two names within two typos of each other become the same when at most two
/// characters are deleted from each (a swap is undone by deleting one of the two on both
/// sides); each known name is indexed under all of those shortened forms, so a wrong name
/// looks up its own and is compared only with the names found there.
pub struct Suggester<'k> {
    known: &'k [String],
    /// The known names in lower case, as characters.
    lower: Vec<Vec<char>>,
    /// Shortened form → the known names (by position) it comes from.
    index: HashMap<Vec<char>, Vec<usize>>,
    /// Names too long to index (they would have too many forms), compared one by one.
    long: Vec<usize>,
}

/// The longest name indexed: 300 shortened forms.
const INDEXED: usize = 24;

impl<'k> Suggester<'k> {
    pub fn new(known: &'k [String]) -> Suggester<'k> {
        let lower: Vec<Vec<char>> = known
            .iter()
            .map(|k| k.to_lowercase().chars().collect())
            .collect();
        let mut index: HashMap<Vec<char>, Vec<usize>> = HashMap::new();
        let mut long = Vec::new();
        for (i, name) in lower.iter().enumerate() {
            if name.len() > INDEXED {
                long.push(i);
                continue;
            }
            for form in shortened(name) {
                let names = index.entry(form).or_default();
                if names.last() != Some(&i) {
                    names.push(i);
                }
            }
        }
        Suggester {
            known,
            lower,
            index,
            long,
        }
    }

    /// As [`suggest`] with this list of known names.
    pub fn suggest(&self, wrong: &str, otherwise: &str) -> String {
        let w: Vec<char> = wrong.to_lowercase().chars().collect();
        let mut candidates: Vec<usize> = self
            .long
            .iter()
            .copied()
            .filter(|&i| self.lower[i].len().abs_diff(w.len()) <= 2)
            .collect();
        if w.len() <= INDEXED + 2 {
            for form in shortened(&w) {
                candidates.extend(self.index.get(&form).into_iter().flatten());
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        let mut rows = Rows::default();
        let mut best: Option<(usize, &String)> = None;
        for i in candidates {
            if let Some(d) = within(&w, &self.lower[i], 2, &mut rows) {
                if best.is_none_or(|(b, _)| d < b) {
                    best = Some((d, &self.known[i]));
                }
            }
        }
        match best {
            Some((_, k)) if k != wrong => format!("bedoelt u '{k}'? Anders: {otherwise}"),
            _ => otherwise.to_string(),
        }
    }
}

/// `name` with none, one or two of its characters deleted, each form once.
fn shortened(name: &[char]) -> HashSet<Vec<char>> {
    let mut forms = HashSet::from([name.to_vec()]);
    for i in 0..name.len() {
        let once: Vec<char> = [&name[..i], &name[i + 1..]].concat();
        for j in 0..once.len() {
            forms.insert([&once[..j], &once[j + 1..]].concat());
        }
        forms.insert(once);
    }
    forms
}

/// Three rows of the table of [`within`], kept from one pair to the next.
#[derive(Default)]
struct Rows {
    before: Vec<usize>,
    last: Vec<usize>,
    row: Vec<usize>,
}

/// [`distance`] when it is at most `max`, else `None`, in time linear in the lengths.
fn within<T: PartialEq>(a: &[T], b: &[T], max: usize, rows: &mut Rows) -> Option<usize> {
    // A common start or end never needs an edit (an edit there can be moved off it).
    let start = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[start..], &b[start..]);
    let end = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - end], &b[..b.len() - end]);
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > max {
        return None; // each edit changes the length by one at most
    }
    if n == 0 || m == 0 {
        return Some(n.max(m));
    }
    // Rows of the table, only within `max` of the diagonal; `far` stands for "more than max".
    let far = max + 1;
    let Rows { before, last, row } = rows;
    for r in [&mut *before, &mut *row] {
        r.clear();
        r.resize(m + 1, far);
    }
    last.clear();
    last.extend((0..=m).map(|j| j.min(far)));
    for i in 1..=n {
        let (low, high) = (i.saturating_sub(max).max(1), (i + max).min(m));
        row[low - 1] = if low == 1 { i.min(far) } else { far };
        let mut least = row[low - 1];
        for j in low..=high {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (last[j] + 1).min(row[j - 1] + 1).min(last[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            row[j] = d.min(far);
            least = least.min(row[j]);
        }
        if high < m {
            row[high + 1] = far;
        }
        if least > max {
            return None;
        }
        std::mem::swap(before, last);
        std::mem::swap(last, row);
    }
    (last[m] <= max).then_some(last[m])
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
    use super::{distance, suggest, within, Rows, Suggester};

    #[test]
    fn within_agrees_with_distance() {
        // Every pair of short strings over a small alphabet (repeats, swaps, all of it).
        let words: Vec<Vec<char>> = (0..=5)
            .flat_map(|len| {
                (0..3usize.pow(len)).map(move |mut n| {
                    (0..len)
                        .map(|_| {
                            let c = ['a', 'b', 'c'][n % 3];
                            n /= 3;
                            c
                        })
                        .collect()
                })
            })
            .collect();
        let mut rows = Rows::default();
        for a in words.iter().step_by(2) {
            for b in &words {
                let (sa, sb): (String, String) = (a.iter().collect(), b.iter().collect());
                let d = distance(&sa, &sb);
                for max in 0..=3 {
                    let expected = (d <= max).then_some(d);
                    let got = within(a, b, max, &mut rows);
                    assert_eq!(got, expected, "{sa:?} {sb:?} max {max}");
                }
            }
        }
    }

    #[test]
    fn the_suggester_suggests_as_suggest_does() {
        let words: Vec<String> = (0..=4)
            .flat_map(|len| {
                (0..3usize.pow(len)).map(move |mut n| {
                    (0..len)
                        .map(|_| {
                            let c = ['a', 'B', 'c'][n % 3];
                            n /= 3;
                            c
                        })
                        .collect()
                })
            })
            .collect();
        for known in [&words[..], &words[40..60], &words[100..]] {
            let suggester = Suggester::new(known);
            for wrong in words.iter().chain([&"x".repeat(30), &"ab".repeat(14)]) {
                assert_eq!(
                    suggester.suggest(wrong, "x"),
                    suggest(wrong, known, "x"),
                    "{wrong:?}"
                );
            }
        }
        let long: Vec<String> = vec![
            "a".repeat(30),
            "b".repeat(30),
            format!("{}c", "a".repeat(28)),
        ];
        let suggester = Suggester::new(&long);
        for wrong in [
            &"a".repeat(29),
            &"b".repeat(31),
            &"a".repeat(27),
            &"c".repeat(30),
        ] {
            assert_eq!(suggester.suggest(wrong, "x"), suggest(wrong, &long, "x"));
        }
    }

    #[test]
    fn suggestions_are_the_first_closest_known_name() {
        let known: Vec<String> = ["B4", "B5", "Start", "İstanbul"].map(String::from).to_vec();
        assert_eq!(suggest("B6", &known, "x"), "bedoelt u 'B4'? Anders: x");
        assert_eq!(
            suggest("strat", &known, "x"),
            "bedoelt u 'Start'? Anders: x"
        );
        assert_eq!(suggest("B4", &known, "x"), "x");
        assert_eq!(
            suggest("istanbul", &known, "x"),
            "bedoelt u 'İstanbul'? Anders: x"
        );
        assert_eq!(suggest("heel anders", &known, "x"), "x");
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
