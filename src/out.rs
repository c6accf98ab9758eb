//! Standard output and standard error for the commands. A reader may close the pipe early
//! (`zorgpad toon | head`): that is not an error, so it ends the command quietly with exit 0,
//! as ripgrep does, instead of the panic that `print!` gives. Any other failure to write (a
//! full disk behind a redirection) is a write error with its own exit code.
//!
//! Everything a command prints passes here, and here control characters are made visible
//! ([`crate::visible`]): the one net under every line of output, whatever it quotes. Text is
//! made visible earlier where it is laid out (the writers of the document model, `toon`,
//! `graaf`), so that widths count what is shown, and formats with their own syntax escape in
//! that syntax (JSON as `\u202e`, the YAML of an imported map likewise): for them this net
//! changes nothing, and their data stays the same.

use std::io::{self, Write};

use crate::error::{Error, Result};

/// Write to standard output, control characters made visible, and flush, so that a closed
/// pipe is noticed here.
pub fn write(args: std::fmt::Arguments<'_>) -> Result<()> {
    let text = args.to_string();
    let text = crate::visible::text(&text);
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Err(Error::closed_pipe()),
        Err(e) => Err(Error::write_output(&e)),
    }
}

/// Write to standard error, control characters made visible. A message that cannot be
/// written has nowhere else to go, so a failure is ignored (where `eprint!` would panic).
pub fn write_err(args: std::fmt::Arguments<'_>) {
    let text = args.to_string();
    let text = crate::visible::text(&text);
    let text = match ERROR_WIDTH.get().copied().flatten() {
        // On a terminal, at word boundaries, so that the terminal does not break words.
        Some(width) => std::borrow::Cow::Owned(crate::text::wrap(&text, width.saturating_sub(1))),
        None => text,
    };
    let _ = io::stderr().lock().write_all(text.as_bytes());
}

/// The width messages on standard error are wrapped to: the terminal's, decided once at the
/// edge (`cli::config::error_width`), or none in a pipe or a file.
static ERROR_WIDTH: std::sync::OnceLock<Option<usize>> = std::sync::OnceLock::new();

/// Set, once, the width of standard error (see [`ERROR_WIDTH`]).
pub fn set_error_width(width: Option<usize>) {
    let _ = ERROR_WIDTH.set(width);
}

/// `print!` that ends quietly on a closed pipe; gives a [`Result`] to `?`.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::out::write(format_args!($($arg)*))
    };
}

/// `println!` that ends quietly on a closed pipe; gives a [`Result`] to `?`.
macro_rules! outln {
    () => {
        $crate::out::write(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::out::write(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `eprintln!` with control characters made visible.
macro_rules! errln {
    ($($arg:tt)*) => {
        $crate::out::write_err(format_args!("{}\n", format_args!($($arg)*)))
    };
}

pub(crate) use errln;
pub(crate) use out;
pub(crate) use outln;
