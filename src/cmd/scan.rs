//! `zorgpad scan`: fill in the cooperation scan (terminal or answers file) and save it.

use crate::cli::config::scan::{Fill, Target};
use crate::clock::Clock;
use crate::error::{Error, Exit, Result};
use crate::out::{errln, out};
use crate::prompt::scan::ask;
use crate::report::scan::overview;
use crate::report::write;
use crate::scan::questionnaire::Questionnaire;
use crate::scan::*;

pub fn run(config: &Fill) -> Result<Exit> {
    let q = Questionnaire::load(config.questionnaire.as_deref())?;
    let clock = Clock::from_env()?;
    let (discipline, answers) = match &config.answers {
        Some(path) => from_script(&q, path)?,
        None if config.plain => crate::prompt::scan_plain::ask(&q)?,
        None => ask(&q, config.color)?,
    };
    let now = clock.now();
    let scan = ScanFile {
        schema: SCHEMA.to_string(),
        vragenlijst: QuestionnaireRef {
            id: q.id.clone(),
            naam: q.name.clone(),
            versie: q.version.clone(),
            sha256: q.sha256.clone(),
        },
        datum: now.to_zoned(clock.zone().clone()).date(),
        discipline,
        antwoorden: answers,
    };
    let path = match &config.target {
        Target::File(f) => f.clone(),
        Target::Dir(d) => {
            if !d.exists() {
                crate::store::create_private_dir(d)
                    .map_err(|e| Error::write("de map voor scans", d, &e))?;
            }
            new_name(d, now)
        }
    };
    let mut text = serde_json::to_string_pretty(&scan)
        .map_err(|e| Error::input(format!("de scan kon niet worden opgeslagen: {e}")))?;
    text.push('\n');
    // From an answers file nobody is asked "Opslaan?": what will be saved is shown first.
    out!("{}", write::text(&overview(&q, &scan), config.layout))?;
    crate::store::private_file::write("de scan", &path, text.as_bytes())?;
    errln!(
        "Scan opgeslagen in {} (alleen voor u leesbaar). Verzamel de scans van de groep in één map;\n'zorgpad scan rapport MAP' maakt dan het groepsbeeld.",
        path.display()
    );
    Ok(Exit::Ok)
}
