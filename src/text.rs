//! Text for people: wrapping at word boundaries. Support code, used by every room that puts
//! words on a screen or in a file, so it must not depend on any of them (nor on a terminal:
//! the width is always given by the caller).
//!
//! Wrapping takes time in proportion to the text: each word is counted once, and a word longer
//! than a line (a pasted link, or a hundred thousand characters from a fuzzer) is cut into
//! pieces that fit, so that no line is wider than asked.

/// Wrap each line of `text` at word boundaries to `width` columns; continuation lines keep the
/// line's indentation (and hang under the text of a `•` bullet). A word longer than a line is
/// cut into pieces of the line's width.
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / width.max(1));
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        wrap_line(line, width, &mut out);
    }
    out
}

/// One line being filled: its text so far, its width in characters, and whether it has a word.
struct Filling<'o> {
    out: &'o mut String,
    /// The indentation of continuation lines, and its width.
    hang: (String, usize),
    len: usize,
    has_word: bool,
}

impl Filling<'_> {
    fn push(&mut self, piece: &str, chars: usize) {
        if self.has_word {
            self.out.push(' ');
            self.len += 1;
        }
        self.out.push_str(piece);
        self.len += chars;
        self.has_word = true;
    }

    fn new_line(&mut self) {
        self.out.push('\n');
        self.out.push_str(&self.hang.0);
        self.len = self.hang.1;
        self.has_word = false;
    }
}

fn wrap_line(line: &str, width: usize, out: &mut String) {
    let text = line.trim_start();
    let indent = &line[..line.len() - text.len()];
    let indent_len = indent.chars().count();
    let hang = if text.starts_with('•') {
        (format!("{indent}  "), indent_len + 2)
    } else {
        (indent.to_string(), indent_len)
    };
    out.push_str(indent);
    let mut f = Filling {
        out,
        hang,
        len: indent_len,
        has_word: false,
    };
    for word in text.split_whitespace() {
        let chars = word.chars().count();
        if f.has_word && f.len + 1 + chars > width {
            f.new_line();
        }
        if f.len + chars <= width || f.len >= width {
            // It fits (or no line could hold even a piece of it: left whole, as it is).
            f.push(word, chars);
            continue;
        }
        // Longer than a line: pieces of the room left, each on a line of its own.
        let mut rest = word;
        let mut left = chars;
        while f.len + left > width && f.len < width {
            let room = width - f.len;
            let cut = rest.char_indices().nth(room).map_or(rest.len(), |(i, _)| i);
            f.push(&rest[..cut], room);
            f.new_line();
            rest = &rest[cut..];
            left -= room;
        }
        if left > 0 {
            f.push(rest, left);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn words_wrap_at_the_width_and_keep_the_indentation() {
        assert_eq!(wrap("een twee drie vier", 9), "een twee\ndrie vier");
        assert_eq!(wrap("  • een twee drie", 10), "  • een\n    twee\n    drie");
        assert_eq!(wrap("a\n\n  b c", 3), "a\n\n  b\n  c");
        assert_eq!(wrap("", 10), "");
    }

    #[test]
    fn a_word_longer_than_the_width_is_cut_into_pieces_that_fit() {
        let word = "x".repeat(100_000);
        let wrapped = wrap(&format!("begin {word} eind"), 80);
        assert!(wrapped.lines().all(|l| l.chars().count() <= 80));
        assert_eq!(wrapped.lines().next(), Some("begin"));
        assert_eq!(wrapped.replace(['\n', ' '], ""), format!("begin{word}eind"));
        // Characters, not bytes: é is two bytes.
        let wrapped = wrap(&format!("  {}", "é".repeat(25)), 10);
        assert!(
            wrapped.lines().all(|l| l.chars().count() <= 10),
            "{wrapped}"
        );
        assert!(wrapped.lines().all(|l| l.starts_with("  ")));
        assert_eq!(wrapped.lines().count(), 4);
    }

    #[test]
    fn many_short_words_wrap_in_linear_time() {
        // 200,000 words: counting the line anew for each word would take minutes.
        let text = "ab ".repeat(200_000);
        let wrapped = wrap(&text, 80);
        assert!(wrapped.lines().all(|l| l.chars().count() <= 80));
        assert_eq!(wrapped.split_whitespace().count(), 200_000);
    }
}
