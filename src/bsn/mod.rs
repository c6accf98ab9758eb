//! zorgpad never stores a BSN (burgerservicenummer). A BSN identifies a person everywhere in
//! Dutch public life; zorgpad needs at most a pseudonymous reference, such as the practice's
//! own file number. This is the one detector, for `--kenmerk` and for every free text (notes,
//! reasons, names typed by hand, the scan's notes): [`find`] looks for a BSN anywhere in a
//! text, in the ways people write one.
//!
//! The rules:
//! - Digits are decimal digits of any of the scripts in [`ZEROS`] (ASCII, full-width ０-９,
//!   Arabic-Indic, Devanagari, Bengali, the mathematical digits). Not every `char::is_numeric`
//!   is a digit (½, ², Ⅻ are numeric too), so the digit blocks are listed instead.
//! - A number is a run of digit groups with 1 to 3 separators between two groups: spaces of
//!   any kind (no-break, narrow no-break, thin, ideographic; not a line break), invisible
//!   joiners, `.`, `-` (and the Unicode dashes and minus), `/`, `_` and their full-width forms.
//! - A run of 9 digits passing the elfproef is a BSN when written in one group, or in at most
//!   four groups of at least two digits (`111 222 333`, `1234.56.782`). Other groupings are
//!   what dates with times look like (`5-1-2026 9.00`).
//! - A run of 8 digits is an old BSN with its leading 0 left off; only in one group that does
//!   not read as a date (`20261122`), since dates and times are written in groups of 8 digits.
//! - A run of 10 or more digits is never a BSN (a phone number: `010-0000501`), nor a part of
//!   it: a BSN written right next to another number is not found.
//! - Named: after "BSN", "burgerservicenummer" or "sofi(nummer)" (any case, optionally with
//!   "nummer", "nr" or "is" and `:`, `#`, `=` or separators in between), any run of 8 or 9
//!   digits counts, elfproef or not: the person says it is one.

use std::ops::Range;

/// The first code point ("0") of each block of ten decimal digits that counts.
pub const ZEROS: [u32; 11] = [
    0x30,    // ASCII
    0x660,   // Arabic-Indic
    0x6F0,   // Extended Arabic-Indic
    0x966,   // Devanagari
    0x9E6,   // Bengali
    0xFF10,  // full-width
    0x1D7CE, // mathematical bold
    0x1D7D8, // mathematical double-struck
    0x1D7E2, // mathematical sans-serif
    0x1D7EC, // mathematical sans-serif bold
    0x1D7F6, // mathematical monospace
];

/// The refusal, in Dutch, after the name of the field: "de notitie lijkt …".
pub const SEEMS: &str = "lijkt een burgerservicenummer (BSN) te bevatten; zorgpad bewaart geen BSN";

/// What to do instead, in Dutch.
pub const INSTEAD: &str =
    "Laat het weg of gebruik een eigen kenmerk, zoals het dossiernummer van de praktijk.";

/// Words that say the number after them is a BSN (lower case).
const NAMES: [&str; 3] = ["burgerservicenummer", "bsn", "sofi"];

/// Words that may stand between such a name and the number ("BSN-nummer: …", "BSN nr. …").
const FILLER_WORDS: [&str; 3] = ["nummer", "nr", "is"];

/// A BSN found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Where the digits are (bytes, from the first digit to the last).
    pub range: Range<usize>,
    /// Whether the text names it a BSN (then the elfproef is not asked).
    pub named: bool,
}

/// The first BSN in `text`, if any.
pub fn find(text: &str) -> Option<Found> {
    find_all(text).into_iter().next()
}

/// `text` with every BSN in it replaced by `[BSN]`, to repeat a refused text safely.
pub fn redact(text: &str) -> String {
    let mut out = String::new();
    let mut from = 0;
    for found in find_all(text) {
        out.push_str(&text[from..found.range.start]);
        out.push_str("[BSN]");
        from = found.range.end;
    }
    out.push_str(&text[from..]);
    out
}

/// Every BSN in `text`, in order.
pub fn find_all(text: &str) -> Vec<Found> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let named = named_starts(text);
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if digit(chars[i].1).is_none() {
            i += 1;
            continue;
        }
        let start = chars[i].0;
        let mut groups: Vec<Vec<u32>> = vec![Vec::new()];
        let mut end = start;
        loop {
            while let Some(d) = chars.get(i).and_then(|(_, c)| digit(*c)) {
                if let Some(group) = groups.last_mut() {
                    group.push(d);
                }
                end = chars[i].0 + chars[i].1.len_utf8();
                i += 1;
            }
            let gap = chars[i..].iter().take_while(|(_, c)| separator(*c)).count();
            let next_is_digit = chars.get(i + gap).is_some_and(|(_, c)| digit(*c).is_some());
            if (1..=3).contains(&gap) && next_is_digit {
                i += gap;
                groups.push(Vec::new());
            } else {
                break;
            }
        }
        let run = Found {
            range: start..end,
            named: named.contains(&start),
        };
        if is_bsn_run(&groups, run.named) {
            found.push(run);
        }
    }
    found
}

/// Whether `text` as a whole is a valid BSN (elfproef), separators aside.
#[cfg(test)]
fn is_bsn(text: &str) -> bool {
    find(text).is_some_and(|f| f.range == (0..text.len()))
}

fn is_bsn_run(groups: &[Vec<u32>], named: bool) -> bool {
    let digits: Vec<u32> = groups.concat();
    if named {
        return matches!(digits.len(), 8 | 9);
    }
    match digits.len() {
        9 => {
            let grouped_like_a_bsn =
                groups.len() == 1 || (groups.len() <= 4 && groups.iter().all(|g| g.len() >= 2));
            grouped_like_a_bsn && elfproef(&digits)
        }
        8 => groups.len() == 1 && !is_date(&digits) && elfproef(&digits),
        _ => false,
    }
}

/// The elfproef on 9 digits (8: a leading 0 left off): 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is
/// divisible by 11, and not 0.
fn elfproef(digits: &[u32]) -> bool {
    let padded: Vec<u32> = match digits.len() {
        9 => digits.to_vec(),
        8 => std::iter::once(0).chain(digits.iter().copied()).collect(),
        _ => return false,
    };
    let sum: i64 = padded
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let weight = if i == 8 { -1 } else { 9 - i as i64 };
            weight * i64::from(*d)
        })
        .sum();
    sum != 0 && sum % 11 == 0
}

/// Whether 8 digits read as a date: yyyymmdd or ddmmyyyy, years 1900–2099.
fn is_date(d: &[u32]) -> bool {
    let n = |s: &[u32]| s.iter().fold(0, |acc, x| acc * 10 + x);
    let valid = |year: u32, month: u32, day: u32| {
        (1900..=2099).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day)
    };
    valid(n(&d[..4]), n(&d[4..6]), n(&d[6..])) || valid(n(&d[4..]), n(&d[2..4]), n(&d[..2]))
}

/// The value of a decimal digit of one of the blocks in [`ZEROS`].
fn digit(c: char) -> Option<u32> {
    let code = u32::from(c);
    ZEROS
        .iter()
        .find(|zero| (**zero..**zero + 10).contains(&code))
        .map(|zero| code - zero)
}

/// A character that may stand between the digit groups of one number.
fn separator(c: char) -> bool {
    let line_break = matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    );
    (c.is_whitespace() && !line_break)
        || matches!(
            c,
            '.' | '-'
                | '/'
                | '_'
                | '\u{AD}'                  // soft hyphen
                | '\u{B7}'                  // middle dot
                | '\u{200B}'..='\u{200D}'   // zero-width space and joiners
                | '\u{2060}'                // word joiner
                | '\u{FEFF}'                // zero-width no-break space
                | '\u{2010}'..='\u{2015}'   // hyphens and dashes
                | '\u{2024}'                // one dot leader
                | '\u{2044}'                // fraction slash
                | '\u{2212}'                // minus sign
                | '\u{2215}'                // division slash
                | '\u{FE58}' | '\u{FE63}'   // small dashes
                | '\u{FF0D}' | '\u{FF0E}' | '\u{FF0F}' | '\u{FF3F}' // full-width - . / _
        )
}

/// The byte positions where a run of digits starts that the text names a BSN.
fn named_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut before: Option<char> = None;
    for (i, c) in text.char_indices() {
        let word_start = !before.is_some_and(char::is_alphanumeric);
        before = Some(c);
        if !word_start {
            continue;
        }
        let Some(name) = NAMES.iter().find(|name| starts_ci(&text[i..], name)) else {
            continue;
        };
        if let Some(at) = number_after(text, i + name.len()) {
            starts.push(at);
        }
    }
    starts
}

/// After a name: filler and filler words, then a digit. Where that digit is.
fn number_after(text: &str, mut at: usize) -> Option<usize> {
    for _ in 0..4 {
        let rest = &text[at..];
        let skipped = rest
            .char_indices()
            .find(|(_, c)| !(separator(*c) || matches!(c, ':' | '#' | '=' | '(' | ')')))
            .map_or(rest.len(), |(k, _)| k);
        at += skipped;
        let rest = &text[at..];
        if rest.chars().next().and_then(digit).is_some() {
            return Some(at);
        }
        let word = FILLER_WORDS.iter().find(|w| {
            starts_ci(rest, w)
                && !rest[w.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic)
        })?;
        at += word.len();
    }
    None
}

/// Whether `text` starts with the ASCII word `word`, in any case.
fn starts_ci(text: &str, word: &str) -> bool {
    text.get(..word.len())
        .is_some_and(|s| s.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests;
