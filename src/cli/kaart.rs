//! The syntax of `zorgpad kaart` (controleer, toon, importeer): the Sociale Kaart commands.

use std::path::PathBuf;

use clap::Subcommand;

use crate::cli::SUB_TEMPLATE;

#[derive(Debug, clap::Args)]
pub struct KaartArgs {
    #[command(subcommand)]
    pub action: Option<KaartAction>,
}

#[derive(Debug, Subcommand)]
pub enum KaartAction {
    /// Controleer een Sociale Kaart: fouten, en of elke categorie van de flow in elke gemeente een aanbieder heeft (alias: check)
    #[command(
        alias = "check",
        help_template = SUB_TEMPLATE,
        override_usage = "zorgpad kaart controleer [--kaart BESTAND] [--flow BESTAND] [--maanden N]",
        next_help_heading = "Opties"
    )]
    Controleer(KaartCheckArgs),

    /// Toon de aanbieders als tabel, van lichte naar zware zorg (alias: show)
    #[command(
        alias = "show",
        help_template = SUB_TEMPLATE,
        override_usage = "zorgpad kaart toon [--kaart BESTAND] [--categorie C] [--gemeente G]",
        next_help_heading = "Opties"
    )]
    Toon(KaartShowArgs),

    /// Zet een spreadsheet (.xlsx, .ods) of .csv om in een Sociale Kaart in YAML (alias: import)
    #[command(
        alias = "import",
        help_template = SUB_TEMPLATE,
        override_usage = "zorgpad kaart importeer BESTAND [-o BESTAND] [--naam N] [--versie V] ...",
        next_help_heading = "Opties"
    )]
    Importeer(KaartImportArgs),
    /// Schrijf het sjabloon voor een spreadsheet (.xlsx): een blad uitleg, het blad kaart en een blad per categorie, zonder aanbieders (alias: template)
    #[command(
        alias = "template",
        help_template = SUB_TEMPLATE,
        override_usage = "zorgpad kaart sjabloon -o BESTAND.xlsx [--overschrijf]",
        next_help_heading = "Opties"
    )]
    Sjabloon(KaartTemplateArgs),
}

#[derive(Debug, clap::Args)]
pub struct KaartTemplateArgs {
    /// Schrijf het sjabloon naar dit bestand (.xlsx)
    #[arg(short = 'o', long = "uitvoer", value_name = "BESTAND", required = true)]
    pub uitvoer: PathBuf,

    /// Vervang een bestaand bestand (anders weigert zorgpad, zodat een ingevuld sjabloon niet verloren gaat)
    #[arg(long)]
    pub overschrijf: bool,
}

#[derive(Debug, clap::Args)]
pub struct KaartCheckArgs {
    /// Sociale Kaart (YAML); zonder deze optie de ingebouwde voorbeeldkaart
    #[arg(long, value_name = "BESTAND")]
    pub kaart: Option<PathBuf>,

    /// Flow waarvan de verwijzingen gedekt moeten zijn; zonder deze optie de ingebouwde blauwdruk
    #[arg(long, value_name = "BESTAND")]
    pub flow: Option<PathBuf>,

    /// Schrijf de uitvoer als JSON voor scripts (schema zorgpad.kaartcontrole/1; zie README)
    #[arg(long)]
    pub json: bool,

    /// Waarschuw voor aanbieders die langer dan N maanden niet zijn gecontroleerd (standaard 12)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=120))]
    pub maanden: Option<u32>,
}

#[derive(Debug, clap::Args)]
pub struct KaartShowArgs {
    /// Sociale Kaart (YAML); zonder deze optie de ingebouwde voorbeeldkaart
    #[arg(long, value_name = "BESTAND")]
    pub kaart: Option<PathBuf>,

    /// Alleen deze categorie, bijvoorbeeld kwetsbare-zwangeren
    #[arg(long, value_name = "CATEGORIE")]
    pub categorie: Option<String>,

    /// Alleen de aanbieders voor deze gemeente (en die voor de hele regio)
    #[arg(long, value_name = "GEMEENTE")]
    pub gemeente: Option<String>,

    /// Schrijf de uitvoer als JSON voor scripts (schema zorgpad.kaart/1; zie README)
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct KaartImportArgs {
    /// Spreadsheet (.xlsx, .ods) met een blad per categorie, of .csv met een kolom 'categorie'
    #[arg(value_name = "BESTAND", help_heading = "Argumenten")]
    pub bestand: PathBuf,

    /// Schrijf de kaart naar dit bestand (.yaml) in plaats van naar het scherm
    #[arg(short = 'o', long = "uitvoer", value_name = "BESTAND")]
    pub uitvoer: Option<PathBuf>,

    /// Naam van de kaart (gaat voor het blad 'kaart')
    #[arg(long, value_name = "NAAM")]
    pub naam: Option<String>,

    /// Het VSV van de kaart
    #[arg(long, value_name = "VSV")]
    pub vsv: Option<String>,

    /// De regio van de kaart
    #[arg(long, value_name = "REGIO")]
    pub regio: Option<String>,

    /// Versie van de kaart, bijvoorbeeld 2026.1
    #[arg(long, value_name = "VERSIE")]
    pub versie: Option<String>,

    /// Datum van bijwerken, JJJJ-MM-DD
    #[arg(long, value_name = "DATUM")]
    pub bijgewerkt: Option<String>,

    /// Gemeenten van de regio, met komma's gescheiden
    #[arg(long, value_name = "GEMEENTEN")]
    pub gemeenten: Option<String>,
}
