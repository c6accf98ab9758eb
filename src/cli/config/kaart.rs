//! The meaning of `zorgpad kaart`'s arguments: which map, which flow, which import file and
//! where its YAML goes.

use std::path::PathBuf;

use crate::cli::config::{check_target, Config, Env};
use crate::cli::{KaartAction, KaartArgs};
use crate::error::{Error, Result};
use crate::report::Layout;

/// `zorgpad kaart controleer`.
#[derive(Debug)]
pub struct KaartCheck {
    pub kaart: Option<PathBuf>,
    pub flow: Option<PathBuf>,
    pub layout: Layout,
    pub json: bool,
    /// Entries checked longer ago than this many months are warned about.
    pub months: u32,
}

/// `zorgpad kaart sjabloon`.
#[derive(Debug)]
pub struct KaartTemplate {
    pub output: PathBuf,
    pub overwrite: bool,
}

/// Check the template's output before writing: an .xlsx name, a directory that exists, and
/// no file there unless `--overschrijf`.
fn kaart_template(a: crate::cli::KaartTemplateArgs) -> Result<Config> {
    let ext = a
        .uitvoer
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .unwrap_or_default();
    if ext != "xlsx" {
        return Err(Error::input(format!(
            "het sjabloon '{}' moet eindigen op .xlsx (een Excel-werkmap)",
            a.uitvoer.display()
        ))
        .hint(
            "Bijvoorbeeld: zorgpad kaart sjabloon -o sociale-kaart.xlsx
LibreOffice en Google Spreadsheets openen .xlsx ook; sla daar op als .xlsx of .ods.",
        ));
    }
    check_target(&a.uitvoer, "het sjabloon")?;
    if !a.overschrijf && std::fs::symlink_metadata(&a.uitvoer).is_ok() {
        return Err(Error::input(format!(
            "'{}' bestaat al; zorgpad overschrijft het niet",
            a.uitvoer.display()
        ))
        .hint("Kies een andere naam, of geef --overschrijf als het bestaande bestand weg mag (een ingevuld sjabloon gaat dan verloren)."));
    }
    Ok(Config::KaartTemplate(KaartTemplate {
        output: a.uitvoer,
        overwrite: a.overschrijf,
    }))
}

/// `zorgpad kaart toon`.
#[derive(Debug)]
pub struct KaartShow {
    pub kaart: Option<PathBuf>,
    pub categorie: Option<String>,
    pub gemeente: Option<String>,
    pub layout: Layout,
    pub json: bool,
}

/// `zorgpad kaart importeer`.
#[derive(Debug)]
pub struct KaartImport {
    pub input: PathBuf,
    pub output: Option<PathBuf>,
    /// The `kaart:` fields given on the command line; they go before the sheet `kaart`.
    pub meta: crate::kaart::RawMeta,
}

/// Check the import's input and output before reading anything.
fn kaart_import(a: crate::cli::KaartImportArgs) -> Result<Config> {
    let ext = a
        .bestand
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .unwrap_or_default();
    if !["xlsx", "xlsm", "ods", "csv"].contains(&ext.as_str()) {
        return Err(Error::input(format!(
            "'{}' kan niet worden geïmporteerd: de naam moet eindigen op .xlsx, .ods of .csv",
            a.bestand.display()
        ))
        .hint("Sla de spreadsheet op als Excel-werkmap (.xlsx), OpenDocument (.ods) of CSV (.csv).\nEen sjabloon maakt u met: zorgpad kaart sjabloon -o sjabloon.xlsx"));
    }
    if let Some(out) = &a.uitvoer {
        let ext = out
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_lowercase)
            .unwrap_or_default();
        if ext != "yaml" && ext != "yml" {
            return Err(Error::input(format!(
                "de uitvoer '{}' moet eindigen op .yaml (de kaart wordt als YAML geschreven)",
                out.display()
            ))
            .hint("Bijvoorbeeld: -o kaart.yaml"));
        }
        check_target(out, "de kaart")?;
    }
    let gemeenten = a.gemeenten.map(|g| {
        g.split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
    });
    let text = |v: Option<String>| v.map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    Ok(Config::KaartImport(KaartImport {
        input: a.bestand,
        output: a.uitvoer,
        meta: crate::kaart::RawMeta {
            naam: text(a.naam),
            vsv: text(a.vsv),
            regio: text(a.regio),
            versie: text(a.versie),
            bijgewerkt: text(a.bijgewerkt),
            gemeenten,
        },
    }))
}

/// `zorgpad kaart controleer|toon|importeer|sjabloon`.
pub(crate) fn resolve(k: KaartArgs, env: Env) -> Result<Config> {
    let layout = env.layout;
    match k.action {
        None => Err(Error::input("geef een opdracht voor de kaart: controleer, toon, importeer of sjabloon")
            .hint("Bijvoorbeeld: zorgpad kaart controleer --kaart kaart.yaml\nAlle opties: zorgpad kaart --help")),
        Some(KaartAction::Controleer(a)) => Ok(Config::KaartCheck(KaartCheck {
            kaart: a.kaart,
            flow: a.flow,
            layout,
            json: a.json,
            months: a.maanden.unwrap_or(crate::kaart::DEFAULT_MONTHS),
        })),
        Some(KaartAction::Toon(a)) => Ok(Config::KaartShow(KaartShow {
            kaart: a.kaart,
            categorie: a.categorie.map(|c| c.trim().to_string()),
            gemeente: a.gemeente.map(|g| g.trim().to_string()),
            layout,
            json: a.json,
        })),
        Some(KaartAction::Importeer(a)) => kaart_import(a),
        Some(KaartAction::Sjabloon(a)) => kaart_template(a),
    }
}
