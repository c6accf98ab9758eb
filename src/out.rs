//! Standard output for the commands. A reader may close the pipe early (`zorgpad toon | head`):
//! that is not an error, so it ends the command quietly with exit 0, as ripgrep does, instead
//! of the panic that `print!` gives. Any other failure to write (a full disk behind a
//! redirection) is a write error with its own exit code.

use std::io::{self, Write};

use crate::error::{Error, Result};

/// Write to standard output and flush, so that a closed pipe is noticed here.
pub fn write(args: std::fmt::Arguments<'_>) -> Result<()> {
    let mut stdout = io::stdout().lock();
    match stdout.write_fmt(args).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Err(Error::closed_pipe()),
        Err(e) => Err(Error::write_output(&e)),
    }
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

pub(crate) use out;
pub(crate) use outln;
