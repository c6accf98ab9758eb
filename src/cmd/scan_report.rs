//! `zorgpad scan rapport`: the group picture of the members' scans.

use crate::cli::config::scan::{ReportCmd, ReportFormat};
use crate::error::{Exit, Result};
use crate::out::{errln, out};
use crate::report::{scan, write};
use crate::scan::files::{files, load};
use crate::scan::group::Group;
use crate::scan::questionnaire::Questionnaire;

pub fn run(config: &ReportCmd) -> Result<Exit> {
    let q = Questionnaire::load(config.questionnaire.as_deref())?;
    let paths = files(&config.paths)?;
    let scans = paths
        .iter()
        .map(|p| load(p, &q))
        .collect::<Result<Vec<_>>>()?;
    if scans.iter().any(|s| s.vragenlijst.sha256 != q.sha256) {
        errln!("Let op: de tekst van de vragenlijst is gewijzigd sinds een of meer scans zijn ingevuld (zelfde naam en versie).");
    }
    let group = Group::of(&q, &scans);
    let doc = scan::document(&q, &group);
    let text = match config.format {
        ReportFormat::Text => write::text(&doc, scan::layout(config.layout)),
        ReportFormat::Markdown => write::markdown(&doc),
        ReportFormat::Html => write::html(&doc),
    };
    match &config.output {
        Some(out) => {
            crate::store::private_file::write("het rapport", out, text.as_bytes())?;
            errln!(
                "Groepsbeeld van {} scans geschreven naar {}.",
                group.members,
                out.display()
            );
        }
        None => out!("{text}")?,
    }
    Ok(Exit::Ok)
}
