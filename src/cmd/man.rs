//! `zorgpad man`: the manual as a man page (roff), generated from the same clap description as
//! `--help` (clap_mangen), with Dutch section titles and one section per command with its
//! options, so that `man zorgpad` says what `zorgpad help` says.

use std::path::PathBuf;

use clap::CommandFactory;

use crate::cli::Args;
use crate::error::{Exit, Result};
use crate::out::{errln, out};

/// clap_mangen's section titles, and how the Dutch manual calls them.
const TITLES: [(&str, &str); 9] = [
    (".SH NAME", ".SH NAAM"),
    (".SH SYNOPSIS", ".SH OVERZICHT"),
    (".SH DESCRIPTION", ".SH BESCHRIJVING"),
    (".SH OPTIONS", ".SH OPTIES"),
    (".SH SUBCOMMANDS", ".SH OPDRACHTEN"),
    (".SH VERSION", ".SH VERSIE"),
    (".SH EXTRA", ".SH MEER"),
    (".SH AUTHORS", ".SH AUTEURS"),
    (".SH Opdrachten", ".SH OPDRACHTEN"),
];

pub fn run(output: Option<&PathBuf>) -> Result<Exit> {
    let text = page();
    match output {
        Some(path) => {
            crate::store::private_file::write_with_mode(
                "de man-pagina",
                path,
                text.as_bytes(),
                0o644,
            )?;
            errln!(
                "Man-pagina geschreven naar {}; lees hem met: man {}",
                path.display(),
                path.display()
            );
        }
        None => out!("{text}")?,
    }
    Ok(Exit::Ok)
}

/// The whole page: the main command, then every command (and subcommand) with its options.
pub(crate) fn page() -> String {
    let mut command = Args::command();
    command.build();
    let mut roff = Vec::new();
    let man = clap_mangen::Man::new(command.clone())
        .title("ZORGPAD")
        .manual("Handleiding zorgpad");
    // Writing into a Vec cannot fail.
    let _ = man.render(&mut roff);
    let mut text = String::from_utf8_lossy(&roff).into_owned();
    // roff would hyphenate Dutch words by English rules ("samenwerk-ing"): not at all, then.
    if let Some(end) = text
        .find(".TH ")
        .and_then(|at| text[at..].find('\n').map(|n| at + n + 1))
    {
        text.insert_str(end, ".nh\n");
    }
    for sub in command.get_subcommands().filter(|c| !c.is_hide_set()) {
        command_section(&mut text, "zorgpad", sub);
    }
    for (english, dutch) in TITLES {
        text = text.replace(english, dutch);
    }
    // clap_mangen points to a page per command; here they are sections of this page.
    for sub in command.get_subcommands() {
        let name = sub.get_name();
        text = text.replace(&format!("zorgpad\\-{name}(1)"), &format!("zorgpad {name}"));
        text = text.replace(&format!("zorgpad-{name}(1)"), &format!("zorgpad {name}"));
    }
    text
}

/// One command: a section with what it does, its arguments and options; then its own
/// subcommands (kaart controleer, scan rapport, …).
fn command_section(text: &mut String, parent: &str, command: &clap::Command) {
    let name = format!("{parent} {}", command.get_name());
    text.push_str(&format!(".SH \"{}\"\n", name.to_uppercase()));
    if let Some(about) = command.get_about() {
        text.push_str(&escape(&about.to_string()));
        text.push('\n');
    }
    let mut options = Vec::new();
    let _ = clap_mangen::Man::new(command.clone()).render_options_section(&mut options);
    // Inside a command's section its arguments and options are subsections.
    for line in String::from_utf8_lossy(&options).lines() {
        match line.strip_prefix(".SH ") {
            Some(title) => text.push_str(&format!(".SS {}\n", sentence_case(title))),
            None => {
                text.push_str(line);
                text.push('\n');
            }
        }
    }
    for sub in command.get_subcommands().filter(|c| !c.is_hide_set()) {
        command_section(text, &name, sub);
    }
}

/// "OPTIES" as "Opties".
fn sentence_case(title: &str) -> String {
    let title = title.trim_matches('"');
    let mut chars = title.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

/// Text for roff: a leading dot or quote would be read as a request.
fn escape(text: &str) -> String {
    text.lines()
        .map(|l| {
            let l = l.replace('\\', "\\e");
            if l.starts_with(['.', '\'']) {
                format!("\\&{l}")
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
