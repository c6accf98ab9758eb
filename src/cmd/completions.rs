//! `zorgpad aanvulling bash|zsh|fish`: the shell's Tab completion for zorgpad's commands and
//! options, generated from the same clap description as `--help` (clap_complete), so it never
//! falls behind the real command line.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::{Args, ShellArg};
use crate::error::{Exit, Result};
use crate::out::out;

pub fn run(shell: ShellArg) -> Result<Exit> {
    let shell = match shell {
        ShellArg::Bash => Shell::Bash,
        ShellArg::Zsh => Shell::Zsh,
        ShellArg::Fish => Shell::Fish,
    };
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Args::command(), "zorgpad", &mut script);
    out!("{}", String::from_utf8_lossy(&script))?;
    Ok(Exit::Ok)
}
