//! Text for people: wrapping at word boundaries. Support code, used by every room that puts
//! words on a screen or in a file, so it must not depend on any of them (nor on a terminal:
//! the width is always given by the caller).

/// Wrap each line of `text` at word boundaries to `width` columns; continuation lines keep the
/// line's indentation.
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = Vec::new();
    for line in text.split('\n') {
        let indent: String = line.chars().take_while(|c| c.is_whitespace()).collect();
        let hang = if line.trim_start().starts_with('•') {
            format!("{indent}  ")
        } else {
            indent.clone()
        };
        let mut current = indent.clone();
        let mut has_word = false;
        for word in line.split_whitespace() {
            let len = current.chars().count() + usize::from(has_word) + word.chars().count();
            if has_word && len > width {
                out.push(std::mem::replace(&mut current, hang.clone()));
                has_word = false;
            }
            if has_word {
                current.push(' ');
            }
            current.push_str(word);
            has_word = true;
        }
        out.push(current);
    }
    out.join("\n")
}
