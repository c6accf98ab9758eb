//! The syntax of the commands for trainers and coordinators: `toon`, `graaf`, `routes`, `oefen`,
//! `scan`, `statistiek`.

use std::path::PathBuf;

use clap::Subcommand;

use crate::cli::{DataArgs, SUB_TEMPLATE};

#[derive(Debug, clap::Args)]
pub struct ScanArgs {
    #[command(subcommand)]
    pub action: Option<ScanAction>,

    /// Antwoordenbestand (YAML): vul de scan in zonder terminal (zie flows/vragenlijst.md)
    #[arg(long, value_name = "BESTAND")]
    pub antwoorden: Option<PathBuf>,

    /// Map waarin de scan als nieuw bestand komt (scan-….json); standaard de huidige map
    #[arg(long, value_name = "MAP")]
    pub map: Option<PathBuf>,

    /// Schrijf de scan naar precies dit bestand (.json, rechten 0600)
    #[arg(short = 'o', long = "uitvoer", value_name = "BESTAND")]
    pub uitvoer: Option<PathBuf>,

    /// Vragenlijst (YAML) in plaats van de ingebouwde VSV-samenwerkingsscan
    #[arg(long, value_name = "BESTAND")]
    pub vragenlijst: Option<PathBuf>,

    /// Eenvoudige regels voor een schermlezer: genummerde keuzes, één regel per vraag, geen kleur (ook: ZORGPAD_TOEGANKELIJK=1)
    #[arg(long)]
    pub toegankelijk: bool,
}

#[derive(Debug, Subcommand)]
pub enum ScanAction {
    /// Het groepsbeeld van de ingevulde scans: verdeling, mediaan, spreiding, volgende stap (alias: report)
    #[command(
        alias = "report",
        help_template = SUB_TEMPLATE,
        override_usage = "zorgpad scan rapport BESTANDEN|MAP [--formaat md|html] [-o BESTAND] [--vragenlijst BESTAND]",
        next_help_heading = "Opties"
    )]
    Rapport(ScanReportArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ScanFormatArg {
    Md,
    Html,
}

#[derive(Debug, clap::Args)]
pub struct ScanReportArgs {
    /// Scanbestanden (.json), of een map met scanbestanden
    #[arg(value_name = "BESTANDEN|MAP", help_heading = "Argumenten", required = true, num_args = 1..)]
    pub paden: Vec<PathBuf>,

    /// Formaat: md (Markdown) of html; anders volgens de naam van -o, anders tabellen op het scherm
    #[arg(long, value_name = "FORMAAT", value_enum, hide_possible_values = true)]
    pub formaat: Option<ScanFormatArg>,

    /// Schrijf naar dit bestand in plaats van naar het scherm
    #[arg(short = 'o', long = "uitvoer", value_name = "BESTAND")]
    pub uitvoer: Option<PathBuf>,

    /// De vragenlijst waarmee de scans zijn ingevuld, als het niet de ingebouwde is
    #[arg(long, value_name = "BESTAND")]
    pub vragenlijst: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatsFormatArg {
    Csv,
    Md,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CsvSeparatorArg {
    Puntkomma,
    Komma,
}

#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    #[command(subcommand)]
    pub action: Option<StatsAction>,

    /// Alleen sessies gestart op of na deze datum (dd-mm-jjjj of jjjj-mm-dd)
    #[arg(long, value_name = "DATUM")]
    pub van: Option<String>,

    /// Alleen sessies gestart op of voor deze datum (dd-mm-jjjj of jjjj-mm-dd)
    #[arg(long, value_name = "DATUM")]
    pub tot: Option<String>,

    /// Formaat: csv, md (Markdown) of json (de praktijkcijfers om samen te voegen, exacte aantallen: alleen voor de regiocoördinator); anders tabellen op het scherm
    #[arg(long, value_name = "FORMAAT", value_enum, hide_possible_values = true)]
    pub formaat: Option<StatsFormatArg>,

    /// Bij csv: puntkomma (standaard: ; met decimale komma en BOM, voor Excel met Nederlandse instellingen) of komma (, met decimale punt, zonder BOM: voor andere programma's)
    #[arg(
        long,
        value_name = "SCHEIDING",
        value_enum,
        hide_possible_values = true
    )]
    pub csv_scheiding: Option<CsvSeparatorArg>,

    #[command(flatten)]
    pub data: DataArgs,

    /// Schrijf de praktijkcijfers als JSON, zoals --formaat json (schema zorgpad.praktijkcijfers/1; zie README)
    #[arg(long)]
    pub json: bool,

    /// Schrijf naar dit bestand in plaats van naar het scherm: .csv, .md, .json of .txt
    #[arg(short = 'o', long = "uitvoer", value_name = "BESTAND")]
    pub uitvoer: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum StatsAction {
    /// Voeg de praktijkcijfers van praktijken samen tot cijfers per gemeente en voor de regio
    #[command(
        alias = "merge",
        help_template = SUB_TEMPLATE,
        override_usage = "zorgpad statistiek samenvoegen BESTANDEN…|MAP [--formaat md|csv|json|tekst] [--csv-scheiding komma] [-o BESTAND]",
        after_help = "Elke praktijk maakt haar bestand met 'zorgpad statistiek -o praktijk.json'. Pas na het samenvoegen\nstaan groepen van minder dan 5 sessies er als '<5'.",
        next_help_heading = "Opties"
    )]
    Samenvoegen(StatsMergeArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatsMergeFormatArg {
    Md,
    Csv,
    Json,
    Tekst,
}

#[derive(Debug, clap::Args)]
pub struct StatsMergeArgs {
    /// Bestanden met praktijkcijfers (.json), of een map met zulke bestanden
    #[arg(value_name = "BESTANDEN|MAP", help_heading = "Argumenten", required = true, num_args = 1..)]
    pub paden: Vec<PathBuf>,

    /// Formaat: md (Markdown), csv, json (de tabellen, schema zorgpad.statistiek/1) of tekst; anders volgens de naam van -o, anders tabellen op het scherm
    #[arg(long, value_name = "FORMAAT", value_enum, hide_possible_values = true)]
    pub formaat: Option<StatsMergeFormatArg>,

    /// Bij csv: puntkomma (standaard, voor Excel met Nederlandse instellingen) of komma
    #[arg(
        long,
        value_name = "SCHEIDING",
        value_enum,
        hide_possible_values = true
    )]
    pub csv_scheiding: Option<CsvSeparatorArg>,

    /// Schrijf naar dit bestand in plaats van naar het scherm: .csv, .md, .json of .txt
    #[arg(short = 'o', long = "uitvoer", value_name = "BESTAND")]
    pub uitvoer: Option<PathBuf>,
}

/// `zorgpad toon`.
#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// Flowbestand (YAML) in plaats van de ingebouwde blauwdruk
    #[arg(long, value_name = "BESTAND")]
    pub flow: Option<PathBuf>,

    /// Toon één stap (1–5) of één knoop (bijvoorbeeld D2), met uitleg en voetnoten
    #[arg(long, value_name = "N|ID")]
    pub stap: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GraphFormatArg {
    Mermaid,
    Dot,
}

/// `zorgpad graaf`.
#[derive(Debug, clap::Args)]
pub struct GraphArgs {
    /// Formaat: mermaid of dot (Graphviz); anders volgens de naam van -o (.mmd, .dot), anders mermaid
    #[arg(long, value_name = "FORMAAT", value_enum, hide_possible_values = true)]
    pub formaat: Option<GraphFormatArg>,

    /// Schrijf naar dit bestand in plaats van naar het scherm: .mmd, .dot, of met Graphviz een plaatje (.svg, .png, .pdf)
    #[arg(short = 'o', long = "uitvoer", value_name = "BESTAND")]
    pub uitvoer: Option<PathBuf>,

    /// Flowbestand (YAML) in plaats van de ingebouwde blauwdruk
    #[arg(long, value_name = "BESTAND")]
    pub flow: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RoutesFormatArg {
    Md,
    Tekst,
}

/// `zorgpad routes`.
#[derive(Debug, clap::Args)]
pub struct RoutesArgs {
    /// Flowbestand (YAML) in plaats van de ingebouwde blauwdruk, bijvoorbeeld het (concept) lokale zorgpad
    #[arg(long, value_name = "BESTAND")]
    pub flow: Option<PathBuf>,

    /// Formaat: md (Markdown, voor het overleg) of tekst; anders volgens de naam van -o, anders tekst
    #[arg(long, value_name = "FORMAAT", value_enum, hide_possible_values = true)]
    pub formaat: Option<RoutesFormatArg>,

    /// Schrijf naar dit bestand in plaats van naar het scherm: .md of .txt
    #[arg(short = 'o', long = "uitvoer", value_name = "BESTAND")]
    pub uitvoer: Option<PathBuf>,
}

/// `zorgpad oefen`.
#[derive(Debug, clap::Args)]
pub struct PracticeArgs {
    /// Nummer van de casus (zie 'zorgpad oefen'), of een eigen casusbestand (.yaml)
    #[arg(value_name = "NUMMER", help_heading = "Argumenten")]
    pub casus: Option<String>,

    /// Antwoordenbestand (YAML): doorloop de casus zonder terminal, bijvoorbeeld om de antwoorden van een deelnemer na te spelen
    #[arg(long, value_name = "BESTAND")]
    pub antwoorden: Option<PathBuf>,

    /// Toon bij elke stap de uitleg, en bij elke beslissing 'Wat als…?'
    #[arg(long)]
    pub uitleg: bool,
    /// Eenvoudige regels voor een schermlezer: genummerde keuzes, één regel per vraag, geen kleur (ook: ZORGPAD_TOEGANKELIJK=1)
    #[arg(long)]
    pub toegankelijk: bool,

    /// Bewaar het resultaat (zonder namen) als bestand in deze map, voor het groepsoverzicht
    #[arg(long, value_name = "MAP")]
    pub resultaten: Option<PathBuf>,

    /// Toon welke beslissingen en criteria een groep het vaakst anders nam dan het model (de resultaten in MAP)
    #[arg(long, value_name = "MAP", conflicts_with_all = ["casus", "antwoorden", "resultaten", "uitleg"])]
    pub overzicht: Option<PathBuf>,
}
