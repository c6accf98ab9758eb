//! `zorgpad help [OPDRACHT] [SUBOPDRACHT]`: the Dutch help of zorgpad or of one command, the
//! same text as `--help` gives — for people who type `help` first, as with git or cargo.

use clap::CommandFactory;

use crate::cli::Args;
use crate::error::{Error, Exit, Result};
use crate::out::out;

pub fn run(path: &[String]) -> Result<Exit> {
    let mut command = Args::command();
    command.build();
    let mut shown = vec!["zorgpad".to_string()];
    for name in path {
        let Some(sub) = find(&command, name) else {
            let known: Vec<String> = command
                .get_subcommands()
                .filter(|c| !c.is_hide_set())
                .map(|c| c.get_name().to_string())
                .collect();
            let at = shown.join(" ");
            if known.is_empty() {
                return Err(Error::input(format!(
                    "'{at}' heeft geen subopdrachten; '{name}' is er geen"
                ))
                .hint(format!(
                    "De hulp bij deze opdracht: zorgpad help {}",
                    path[..shown.len() - 1].join(" ")
                )));
            }
            return Err(
                Error::input(format!("'{at}' heeft geen opdracht '{name}'")).hint(
                    crate::suggest::suggest(
                        name,
                        &known,
                        &format!("De opdrachten: {}.", known.join(", ")),
                    ),
                ),
            );
        };
        shown.push(sub.get_name().to_string());
        command = sub;
    }
    out!("{}", command.render_help())?;
    Ok(Exit::Ok)
}

/// A subcommand by its Dutch name or one of its aliases.
fn find(command: &clap::Command, name: &str) -> Option<clap::Command> {
    command
        .get_subcommands()
        .find(|c| c.get_name() == name || c.get_all_aliases().any(|a| a == name))
        .cloned()
}
