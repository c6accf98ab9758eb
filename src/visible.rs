//! Text from files and people, made safe to show. zorgpad shows again what it read: flow
//! files, the Sociale Kaart, answers, session and scan files, spreadsheets, arguments. A
//! control character in that text would reach the terminal raw: `ESC [2J` clears the screen,
//! `ESC ]8;;…` hides a link behind other text, `ESC ]0;…` sets the window title, a lone
//! carriage return lets the rest of a line overwrite its start, and a bidi override makes text
//! read in another order than it is stored ("Trojan Source"). [`text`] makes every such
//! character visible instead; it is applied where text is written (the writers of the
//! document model, `toon`, `graaf`, errors, the prompts, and every line a command prints).
//!
//! # The visible form
//! A character is written as its code point the way Rust writes it, `\u{1b}` for ESC, `\u{d}`
//! for a lone carriage return, `\u{202e}` for RIGHT-TO-LEFT OVERRIDE (`char::escape_unicode`).
//! That form is plain ASCII, so no terminal, font or later reader (Markdown, HTML, a spreadsheet)
//! can interpret it again; it stands out in Dutch text as something that does not belong there,
//! and it names the exact character, so whoever maintains the file can find and remove it.
//! Caret notation (`^[`) and the Unicode control pictures (`␛`) have no form for the C1 and bidi
//! controls, and the pictures are missing from many fonts.
//!
//! # What is made visible
//! - the C0 controls U+0000–U+001F, except the line feed (text has lines);
//! - DEL (U+007F) and the C1 controls U+0080–U+009F (some terminals act on C1 controls, such
//!   as U+009B, the one-character CSI);
//! - the bidi embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069, the
//!   characters that can disguise text (the set rustc's `text_direction_codepoint` lints
//!   refuse). The marks U+200E, U+200F and U+061C only set the direction of neutral
//!   characters next to them and stay.
//!
//! Two controls are ordinary in text typed elsewhere and are not shown as codes: a carriage
//! return right before a line feed (a Windows line end) is dropped, and a tab becomes one
//! space — how wide a tab looks depends on where it stands, which would break wrapped text
//! and tables, and zorgpad never lays anything out with tabs.
//!
//! [`text`] gives text with none of these characters left, so applying it twice is the same
//! as once.

use std::borrow::Cow;

/// Whether `c` must never reach the output raw: every C0 control (line feed and tab
/// included, which [`text`] handles apart), DEL, the C1 controls, and the bidi controls.
pub(crate) fn is_control(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// The bidi embeddings, overrides and isolates, which can make text read in another order
/// than it is stored.
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every control character made visible (see the module documentation); line
/// feeds kept, a tab as a space, a Windows line end as a line feed. Borrows when there is
/// nothing to change, which is nearly always.
pub(crate) fn text(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && is_control(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            '\r' if chars.peek() == Some(&'\n') => {}
            c if is_control(c) => out.extend(c.escape_unicode()),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// JSON as serde_json writes it, with the control characters serde leaves raw (DEL, C1, bidi)
/// escaped the JSON way (`\u202e`): the same data, but nothing a terminal acts on. serde
/// already escapes the C0 controls inside strings, and outside strings it writes only spaces
/// and line feeds, so every character changed here is inside a string.
pub(crate) fn json(json: &str) -> Cow<'_, str> {
    if !json.chars().any(|c| c != '\n' && is_control(c)) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if c != '\n' && is_control(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_their_codes() {
        assert_eq!(text("a\x1b[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(
            text("\x1b]8;;http://x\x1b\\klik\x1b]8;;\x1b\\"),
            "\\u{1b}]8;;http://x\\u{1b}\\klik\\u{1b}]8;;\\u{1b}\\"
        );
        assert_eq!(text("x\u{9b}31m\x7f\0"), "x\\u{9b}31m\\u{7f}\\u{0}");
    }

    #[test]
    fn bidi_overrides_and_isolates_are_shown_marks_stay() {
        assert_eq!(text("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(text("\u{2066}x\u{2069}"), "\\u{2066}x\\u{2069}");
        assert_eq!(text("a\u{200f}b"), "a\u{200f}b");
    }

    #[test]
    fn lines_stay_a_lone_carriage_return_is_shown_a_tab_is_a_space() {
        assert_eq!(text("een\ntwee"), "een\ntwee");
        assert_eq!(text("een\r\ntwee\r\n"), "een\ntwee\n");
        assert_eq!(text("geheim\roverschreven"), "geheim\\u{d}overschreven");
        assert_eq!(text("a\r"), "a\\u{d}");
        assert_eq!(text("a\tb"), "a b");
    }

    #[test]
    fn plain_text_is_borrowed_and_twice_is_once() {
        assert!(matches!(text("Zorg · één — ✓\n"), Cow::Borrowed(_)));
        let once = text("a\x1b\r\u{202e}\u{85}\tb").into_owned();
        assert_eq!(text(&once), once);
        assert!(!once.chars().any(|c| c != '\n' && is_control(c)));
    }

    #[test]
    fn json_keeps_its_data() {
        let value = "a\u{202e}b\u{9b}c\x7f\x1b\n";
        let raw = serde_json::to_string_pretty(&serde_json::json!({ "t": value })).expect("json");
        let safe = json(&raw);
        assert!(!safe.chars().any(|c| c != '\n' && is_control(c)), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).expect("still JSON");
        assert_eq!(back["t"], value);
    }
}
