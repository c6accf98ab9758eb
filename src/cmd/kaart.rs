//! The `zorgpad kaart` commands: `controleer` (findings, the table of gaps, and the upkeep per
//! beheerder), `toon` (the providers as a table, light to heavy), `importeer` (a spreadsheet
//! into YAML) and `sjabloon` (the spreadsheet template). The model
//! and the checks live in [`crate::kaart`], the gap table and the provider list are built in
//! [`crate::report::kaart`]; this module only prints.

use std::path::Path;

use crate::cli::config::kaart::{KaartCheck, KaartImport, KaartShow, KaartTemplate};
use crate::error::{Error, Exit, Result};
use crate::finding::count;
use crate::flow::set::FlowSet;
use crate::kaart::import;
use crate::kaart::{self, Kaart};
use crate::out::{errln, out, outln};
use crate::report::kaart::{findings, gaps, providers, sentences};
use crate::report::write::text;

fn gaten(n: usize) -> String {
    count(n, "gat", "gaten")
}

/// `zorgpad kaart controleer`.
pub fn check(config: &KaartCheck) -> Result<Exit> {
    let kaart = Kaart::load(config.kaart.as_deref())?;
    let set = FlowSet::load(config.flow.as_deref())?;
    let mut result = kaart::check(&kaart, &set);
    let upkeep = upkeep_of(&kaart, config.months)?;
    // A bad `gecontroleerd` date is reported once: in the upkeep, under its beheerder.
    result
        .findings
        .retain(|f| !upkeep.iter().any(|u| u.says_again(f)));
    if config.json {
        // The upkeep warnings are findings like the others for a script.
        let mut all = result.clone();
        all.findings
            .extend(upkeep.iter().map(|u| u.finding.clone()));
        outln!("{}", crate::report::json::kaart_check(&kaart, &all))?;
        let ok = result.errors() == 0 && result.gaps.is_empty() && upkeep.is_empty();
        return Ok(if ok { Exit::Ok } else { Exit::Findings });
    }
    out!("{}", text(&findings(&result.findings), config.layout))?;
    let errors = result.errors();
    let warnings = result.warnings();
    if !result.gaps.is_empty() {
        if !result.findings.is_empty() {
            outln!()?;
        }
        let doc = gaps(&kaart, &result.required, &result.gaps, &set.main().name);
        out!("{}", text(&doc, config.layout))?;
    }
    if errors > 0 || !result.gaps.is_empty() {
        outln!()?;
        let mut parts = Vec::new();
        if errors > 0 {
            parts.push(count(errors, "fout", "fouten"));
        }
        if !result.gaps.is_empty() {
            parts.push(gaten(result.gaps.len()));
        }
        if warnings > 0 {
            parts.push(count(warnings, "waarschuwing", "waarschuwingen"));
        }
        let last = parts.pop().unwrap_or_default();
        let parts = if parts.is_empty() {
            last
        } else {
            format!("{} en {last}", parts.join(", "))
        };
        let todo = match (errors > 0, !result.gaps.is_empty()) {
            (true, true) => "Los de fouten op, vul de gaten aan en controleer opnieuw.",
            (true, false) => "Los de fouten op en controleer opnieuw.",
            _ => "Vul de gaten aan en controleer opnieuw.",
        };
        print_upkeep(&upkeep, config)?;
        return Err(Error::findings(format!(
            "{parts} in {}.{}",
            kaart.file,
            and_upkeep(upkeep.len())
        ))
        .hint(format!(
            "{todo} De opbouw van een kaart staat in sociale-kaart/README.md."
        )));
    }
    let region = if kaart.gemeenten.is_empty() {
        "in de regio".to_string()
    } else {
        format!(
            "in elk van de {}",
            count(kaart.gemeenten.len(), "gemeente", "gemeenten")
        )
    };
    let mut verdict = vec![format!(
        "In orde: {} — {} (versie {}), {}; elke categorie die de flow en de Meldcode nodig hebben ({}) heeft {region} een aanbieder.",
        kaart.file,
        kaart.name,
        kaart.version,
        count(kaart.all_providers().len(), "aanbieder", "aanbieders"),
        result.required.join(", "),
    )];
    if warnings > 0 {
        // Which count covers what: those above, and those of the upkeep below.
        let more = if upkeep.is_empty() {
            String::new()
        } else {
            format!(
                " Daarnaast {} voor onderhoud, hieronder per beheerder.",
                upkeep.len()
            )
        };
        verdict.push(format!(
            "{} (geen fouten).{more}",
            count(warnings, "waarschuwing", "waarschuwingen")
        ));
    }
    if kaart.is_example() {
        verdict.push("Dit is de voorbeeldkaart: de gegevens zijn verzonnen, en of ze zijn gecontroleerd wordt daarom niet bekeken.".to_string());
    }
    out!("{}", text(&sentences(verdict), config.layout))?;
    if !upkeep.is_empty() {
        print_upkeep(&upkeep, config)?;
        let above = if warnings > 0 {
            format!(
                " Daarnaast {} over de kaart zelf, hierboven (geen fouten).",
                count(warnings, "waarschuwing", "waarschuwingen")
            )
        } else {
            String::new()
        };
        return Err(Error::findings(format!(
            "{} voor onderhoud in {}.{above}",
            count(upkeep.len(), "waarschuwing", "waarschuwingen"),
            kaart.file
        ))
        .hint("Kijk de gegevens na met de aanbieders, zet de datum bij 'gecontroleerd' en controleer opnieuw. Elke beheerder heeft hierboven een eigen lijst."));
    }
    Ok(Exit::Ok)
}

/// What the closing line adds about the upkeep warnings listed above it, so that each count
/// says what it covers: " Daarnaast 3 waarschuwingen voor onderhoud, per beheerder hierboven."
fn and_upkeep(upkeep: usize) -> String {
    if upkeep == 0 {
        return String::new();
    }
    format!(
        " Daarnaast {} voor onderhoud, per beheerder hierboven.",
        count(upkeep, "waarschuwing", "waarschuwingen")
    )
}

/// The upkeep of a map of one's own (not of the embedded example), on the clock's today
/// (`ZORGPAD_NU` when set).
fn upkeep_of(kaart: &Kaart, months: u32) -> Result<Vec<kaart::Upkeep>> {
    if kaart.is_example() {
        return Ok(Vec::new());
    }
    let today = crate::clock::Clock::from_env()?.today();
    Ok(kaart::upkeep(kaart, today, months))
}

/// The upkeep warnings per beheerder, in the layout of the screen.
fn print_upkeep(upkeep: &[kaart::Upkeep], config: &KaartCheck) -> Result<()> {
    if upkeep.is_empty() {
        return Ok(());
    }
    out!(
        "{}",
        text(
            &crate::report::kaart::upkeep(upkeep, config.months),
            config.layout
        )
    )?;
    Ok(())
}

/// `zorgpad kaart sjabloon`.
pub fn template(config: &KaartTemplate) -> Result<Exit> {
    let bytes = kaart::template::workbook().map_err(|e| {
        Error::input(format!("het sjabloon kon niet worden gemaakt: {e}"))
            .hint("Dit is een fout in zorgpad; meld het.")
    })?;
    // Checked when the arguments were read; checked again just before writing.
    if !config.overwrite && std::fs::symlink_metadata(&config.output).is_ok() {
        return Err(Error::input(format!(
            "'{}' bestaat al; zorgpad overschrijft het niet",
            config.output.display()
        ))
        .hint("Kies een andere naam, of geef --overschrijf."));
    }
    crate::store::private_file::write("het sjabloon", &config.output, &bytes)?;
    errln!(
        "Sjabloon geschreven: {} (zonder aanbieders; de uitleg staat op het blad 'uitleg').
Vul het in en zet het om met: zorgpad kaart importeer {} -o kaart.yaml",
        config.output.display(),
        config.output.display()
    );
    Ok(Exit::Ok)
}

/// `zorgpad kaart toon`.
pub fn show(config: &KaartShow) -> Result<Exit> {
    let kaart = Kaart::load(config.kaart.as_deref())?;
    let gemeente: Option<String> = match config.gemeente.as_deref() {
        None => None,
        Some(g) if kaart.gemeenten.is_empty() => Some(g.to_string()),
        Some(g) => Some(
            kaart
                .gemeente(g)
                .ok_or_else(|| {
                    Error::input(format!(
                        "de gemeente '{g}' staat niet op de kaart {}",
                        kaart.file
                    ))
                    .hint(crate::suggest::suggest(
                        g,
                        &kaart.gemeenten,
                        &format!("Kies een van: {}.", kaart.gemeenten.join(", ")),
                    ))
                })?
                .to_string(),
        ),
    };
    let used = kaart.categories();
    let categories: Vec<String> = match config.categorie.as_deref() {
        None => used.iter().map(|c| c.to_string()).collect(),
        Some(c) if used.contains(&c) || kaart::is_known_category(c) => vec![c.to_string()],
        Some(c) => {
            let known: Vec<String> = used.iter().map(|c| c.to_string()).collect();
            return Err(Error::input(format!(
                "de categorie '{c}' komt niet voor op de kaart {}",
                kaart.file
            ))
            .hint(crate::suggest::suggest(
                c,
                &known,
                &format!("Kies een van: {}.", known.join(", ")),
            )));
        }
    };
    if config.json {
        let json = crate::report::json::kaart(&kaart, &categories, gemeente.as_deref());
        outln!("{json}")?;
        return Ok(Exit::Ok);
    }

    let errors = kaart.findings().iter().filter(|f| f.is_error()).count();
    if errors > 0 {
        errln!(
            "zorgpad: let op: de kaart bevat {}; zie 'zorgpad kaart controleer{}'.",
            count(errors, "fout", "fouten"),
            config
                .kaart
                .as_deref()
                .map(|p| format!(" --kaart {}", p.display()))
                .unwrap_or_default()
        );
    }

    let doc = providers(&kaart, &categories, gemeente.as_deref());
    out!("{}", text(&doc, config.layout))?;
    Ok(Exit::Ok)
}

/// `zorgpad kaart importeer`.
pub fn import(config: &KaartImport) -> Result<Exit> {
    let imported = import::read(&config.input, &config.meta)?;
    for w in &imported.warnings {
        errln!("{w}");
    }
    let text = imported.to_text(&config.input);
    // What is written must read back as a map; anything else is a bug in the writer.
    Kaart::from_text("(geïmporteerde kaart)", text.clone(), None).map_err(|e| {
        Error::input(format!(
            "de geïmporteerde kaart is niet goed geschreven: {}",
            e.message
        ))
        .hint("Dit is een fout in zorgpad; meld het, met de spreadsheet zonder persoonsgegevens.")
    })?;
    let n = imported.kaart.aanbieders.len();
    match &config.output {
        None => out!("{text}")?,
        Some(out) => {
            write(out, text.as_bytes())?;
            errln!(
                "Geschreven: {} ({} uit {}). Controleer de kaart met: zorgpad kaart controleer --kaart {}",
                out.display(),
                count(n, "aanbieder", "aanbieders"),
                count(imported.sheets, "blad", "bladen"),
                out.display()
            );
        }
    }
    Ok(Exit::Ok)
}

/// Write atomically, readable for others: a map holds no client data.
fn write(path: &Path, contents: &[u8]) -> Result<()> {
    crate::store::private_file::write_with_mode("de kaart", path, contents, 0o644)
}
