//! Plain lines for pasting: text broken between words only, at most [`WIDTH`] columns, a
//! continuation indented by two spaces, control characters made visible
//! ([`crate::visible`]). A word longer than a line (a link, an e-mail address) stands whole on
//! a line of its own: a number or an address cut in two cannot be used. The short text for the
//! EHR and the letters in `tekst` are written with it.

/// The widest line.
pub const WIDTH: usize = 80;

/// Text being written as lines.
#[derive(Default)]
pub(crate) struct Lines {
    pub(crate) text: String,
}

impl Lines {
    /// An empty line.
    pub(crate) fn blank(&mut self) {
        self.text.push('\n');
    }

    /// `text` as one or more lines.
    pub(crate) fn line(&mut self, text: &str) {
        let text = crate::visible::text(text);
        let mut len = 0;
        let mut first = true;
        for word in text.split_whitespace() {
            let chars = word.chars().count();
            if !first && len + 1 + chars > WIDTH {
                self.text.push_str("\n  ");
                len = 2;
            } else if !first {
                self.text.push(' ');
                len += 1;
            }
            first = false;
            self.text.push_str(word);
            len += chars;
        }
        self.text.push('\n');
    }
}
