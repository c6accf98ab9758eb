//! The command line's syntax, and only its syntax (clap derive). What the arguments mean is
//! resolved in [`crate::cli::config`]. Help texts and clap's own messages are Dutch: clap's errors
//! are caught here and said again in Dutch.

pub mod config;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgAction, Parser, Subcommand};

const TEMPLATE: &str = "\
{before-help}{name} {version} — {about}

Gebruik: {usage}

{all-args}{after-help}";

const SUB_TEMPLATE: &str = "\
{before-help}{about}

Gebruik: {usage}

{all-args}{after-help}";

const AFTER: &str = "\
Meer uitleg: README.md, flows/README.md. Afsluitcodes: 0 in orde, 1 bevindingen,
2 verkeerd gebruik of onleesbare invoer, 130 afgebroken.";

/// zorgpad: psychosociale zorg in de geboortezorg, stap voor stap.
#[derive(Debug, Parser)]
#[command(
    name = "zorgpad",
    version,
    about = "beslisondersteuning voor de Blauwdruk Psychosociale zorg en samenwerking met Veilig Thuis",
    help_template = TEMPLATE,
    after_help = AFTER,
    override_usage = "zorgpad <OPDRACHT> [OPTIES]",
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    subcommand_help_heading = "Opdrachten",
    next_help_heading = "Opties"
)]
pub struct Args {
    #[arg(short = 'h', long = "help", action = ArgAction::Help, global = true, help = "Toon deze hulp")]
    help: Option<bool>,

    #[arg(short = 'V', long = "versie", visible_alias = "version", action = ArgAction::Version, help = "Toon de versie")]
    version: Option<bool>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Doorloop de blauwdruk stap voor stap (een begeleide sessie)
    #[command(
        help_template = SUB_TEMPLATE,
        override_usage = "zorgpad start [OPTIES]",
        next_help_heading = "Opties"
    )]
    Start(StartArgs),

    /// Ga verder met een bewaarde sessie, bijvoorbeeld na een afspraak of de bevalling (alias: resume)
    #[command(
        alias = "resume",
        help_template = SUB_TEMPLATE,
        override_usage = "zorgpad hervat ID [OPTIES]",
        next_help_heading = "Opties"
    )]
    Hervat(ResumeArgs),

    /// Toon de bewaarde sessies als tabel, of verwijder er een (alias: sessions)
    #[command(
        alias = "sessions",
        help_template = SUB_TEMPLATE,
        override_usage = "zorgpad sessies [--data-dir MAP]\n       zorgpad sessies verwijder ID [--ja]",
        subcommand_help_heading = "Opdrachten",
        subcommand_value_name = "OPDRACHT",
        next_help_heading = "Opties"
    )]
    Sessies(SessionsArgs),

    /// Schrijf de samenvatting van een sessie voor het dossier: Markdown, JSON of HTML
    #[command(
        help_template = SUB_TEMPLATE,
        override_usage = "zorgpad export ID [--formaat md|json|html] [-o BESTAND]",
        next_help_heading = "Opties"
    )]
    Export(ExportArgs),

    /// Controleer een flowbestand op fouten (alias: check)
    #[command(
        alias = "check",
        help_template = SUB_TEMPLATE,
        override_usage = "zorgpad controleer [--flow BESTAND]",
        next_help_heading = "Opties"
    )]
    Controleer(CheckArgs),

    /// Toon het hele zorgpad: stappen, rollen, boxen met acties, beslissingen met elke tak (alias: show)
    #[command(
        alias = "show",
        help_template = SUB_TEMPLATE,
        override_usage = "zorgpad toon [--flow BESTAND] [--stap N|ID]",
        next_help_heading = "Opties"
    )]
    Toon(ShowArgs),

    /// Het zorgpad als diagram voor dia's en hand-outs: Mermaid of Graphviz (alias: graph)
    #[command(
        alias = "graph",
        help_template = SUB_TEMPLATE,
        override_usage = "zorgpad graaf [--formaat mermaid|dot] [-o BESTAND] [--flow BESTAND]",
        after_help = "Een plaatje maken van DOT: dot -Tsvg zorgpad.dot -o zorgpad.svg (Graphviz).\nMermaid: plak de tekst in een Markdown-blok ```mermaid of in mermaid.live.",
        next_help_heading = "Opties"
    )]
    Graaf(GraphArgs),

    /// Oefen met casussen: doorloop een casus en vergelijk elke beslissing met het model (alias: practice)
    #[command(
        alias = "practice",
        help_template = SUB_TEMPLATE,
        override_usage = "zorgpad oefen                       (de lijst met casussen)\n       zorgpad oefen CASUS [--antwoorden BESTAND] [--resultaten MAP] [--uitleg]\n       zorgpad oefen --overzicht MAP",
        after_help = "De casussen en hun opbouw: flows/casussen/README.md. Een oefening wordt niet als sessie bewaard.",
        next_help_heading = "Opties"
    )]
    Oefen(PracticeArgs),

    /// De Sociale Kaart: controleren, tonen, importeren uit een spreadsheet
    #[command(
        help_template = SUB_TEMPLATE,
        override_usage = "zorgpad kaart controleer [--kaart BESTAND] [--flow BESTAND]\n       zorgpad kaart toon [--kaart BESTAND] [--categorie C] [--gemeente G]\n       zorgpad kaart importeer BESTAND [-o BESTAND]",
        after_help = "De opbouw van een kaart, de categorieën en het sjabloon voor een spreadsheet:\nsociale-kaart/README.md.",
        subcommand_help_heading = "Opdrachten",
        subcommand_value_name = "OPDRACHT",
        next_help_heading = "Opties"
    )]
    Kaart(KaartArgs),

    /// De VSV-samenwerkingsscan invullen (9 aspecten, 4 niveaus), of het groepsrapport maken
    #[command(
        help_template = SUB_TEMPLATE,
        override_usage = "zorgpad scan [--antwoorden BESTAND] [--map MAP | -o BESTAND] [--vragenlijst BESTAND]\n       zorgpad scan rapport BESTANDEN|MAP [--formaat md|html] [-o BESTAND]",
        after_help = "De vragenlijst, het antwoordenbestand en het scanbestand: flows/vragenlijst.md.",
        subcommand_help_heading = "Opdrachten",
        subcommand_value_name = "OPDRACHT",
        next_help_heading = "Opties"
    )]
    Scan(ScanArgs),

    /// Anonieme cijfers over de bewaarde sessies, per gemeente en voor de regio (alias: stats)
    #[command(
        alias = "stats",
        help_template = SUB_TEMPLATE,
        override_usage = "zorgpad statistiek [--data-dir MAP] [--van DATUM] [--tot DATUM] [--formaat csv|md]",
        after_help = "Groepen van minder dan 5 sessies staan er als '<5': zo is geen cliënt te herkennen.",
        next_help_heading = "Opties"
    )]
    Statistiek(StatsArgs),
}

#[derive(Debug, clap::Args)]
pub struct StartArgs {
    /// Flowbestand (YAML) in plaats van de ingebouwde blauwdruk; sub-flows worden ernaast gezocht
    #[arg(long, value_name = "BESTAND")]
    pub flow: Option<PathBuf>,

    /// Antwoordenbestand (YAML): doorloop de sessie zonder terminal, met deze antwoorden
    #[arg(long, value_name = "BESTAND")]
    pub antwoorden: Option<PathBuf>,

    /// Toon bij elke stap de uitleg (voor demonstratie en scholing)
    #[arg(long)]
    pub uitleg: bool,

    /// Schrijf de samenvatting ook naar dit bestand: .md (Markdown), .json of .html
    #[arg(long, value_name = "BESTAND")]
    pub export: Option<PathBuf>,

    /// Eigen kenmerk van de cliënt (bijvoorbeeld het dossiernummer van de praktijk); nooit een BSN
    #[arg(long, value_name = "KENMERK")]
    pub kenmerk: Option<String>,

    /// Rol van wie de vragen beantwoordt (een rol-id van de flow, bijvoorbeeld verloskundig-zorgverlener)
    #[arg(long, value_name = "ROL")]
    pub rol: Option<String>,

    /// Sociale Kaart (YAML) van het eigen VSV; zonder deze optie de ingebouwde voorbeeldkaart
    #[arg(long, value_name = "BESTAND")]
    pub kaart: Option<PathBuf>,

    /// Gemeente van de cliënt, voor het aanbod op de Sociale Kaart (anders wordt ernaar gevraagd)
    #[arg(long, value_name = "GEMEENTE")]
    pub gemeente: Option<String>,

    #[command(flatten)]
    pub data: DataArgs,
}

/// Where the sessions are kept.
#[derive(Debug, clap::Args)]
pub struct DataArgs {
    /// Map met de sessies (anders ZORGPAD_DATA, anders de gegevensmap van het systeem)
    #[arg(long = "data-dir", value_name = "MAP")]
    pub data_dir: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct ResumeArgs {
    /// Id van de sessie (zie 'zorgpad sessies'); een uniek begin is genoeg
    #[arg(value_name = "ID", help_heading = "Argumenten")]
    pub id: String,

    /// Rol van wie nu verdergaat, bijvoorbeeld coordinerend-zorgverlener
    #[arg(long, value_name = "ROL")]
    pub rol: Option<String>,

    /// Antwoordenbestand (YAML): ga zonder terminal verder, met deze antwoorden
    #[arg(long, value_name = "BESTAND")]
    pub antwoorden: Option<PathBuf>,

    /// Toon bij elke stap de uitleg
    #[arg(long)]
    pub uitleg: bool,

    /// Schrijf de samenvatting ook naar dit bestand: .md, .json of .html
    #[arg(long, value_name = "BESTAND")]
    pub export: Option<PathBuf>,

    /// Flowbestand, als de sessie met een ander dan het opgeslagen bestand verder moet
    #[arg(long, value_name = "BESTAND")]
    pub flow: Option<PathBuf>,

    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(Debug, clap::Args)]
pub struct SessionsArgs {
    #[command(subcommand)]
    pub action: Option<SessionsAction>,

    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(Debug, Subcommand)]
pub enum SessionsAction {
    /// Verwijder een sessie definitief (vraagt om bevestiging)
    #[command(
        alias = "remove",
        help_template = SUB_TEMPLATE,
        override_usage = "zorgpad sessies verwijder ID [--ja]",
        next_help_heading = "Opties"
    )]
    Verwijder(RemoveArgs),
}

#[derive(Debug, clap::Args)]
pub struct RemoveArgs {
    /// Id van de sessie; een uniek begin is genoeg
    #[arg(value_name = "ID", help_heading = "Argumenten")]
    pub id: String,

    /// Niet om bevestiging vragen (nodig zonder terminal)
    #[arg(long)]
    pub ja: bool,

    #[command(flatten)]
    pub data: DataArgs,
}

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
    #[arg(long, value_name = "FORMAAT", value_enum)]
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
}

#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// Alleen sessies gestart op of na deze datum (dd-mm-jjjj of jjjj-mm-dd)
    #[arg(long, value_name = "DATUM")]
    pub van: Option<String>,

    /// Alleen sessies gestart op of voor deze datum (dd-mm-jjjj of jjjj-mm-dd)
    #[arg(long, value_name = "DATUM")]
    pub tot: Option<String>,

    /// Formaat: csv of md (Markdown); anders tabellen op het scherm
    #[arg(long, value_name = "FORMAAT", value_enum)]
    pub formaat: Option<StatsFormatArg>,

    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    Md,
    Json,
    Html,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Id van de sessie; een uniek begin is genoeg
    #[arg(value_name = "ID", help_heading = "Argumenten")]
    pub id: String,

    /// Formaat: md (Markdown), json of html; anders volgens de naam van -o, anders md
    #[arg(long, value_name = "FORMAAT", value_enum)]
    pub formaat: Option<FormatArg>,

    /// Schrijf naar dit bestand (rechten 0600) in plaats van naar het scherm
    #[arg(short = 'o', long = "uitvoer", value_name = "BESTAND")]
    pub uitvoer: Option<PathBuf>,

    /// Flowbestand, als de sessie met een ander dan het opgeslagen bestand moet worden nagespeeld
    #[arg(long, value_name = "BESTAND")]
    pub flow: Option<PathBuf>,

    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Flowbestand (YAML) om te controleren; zonder deze optie de ingebouwde flows
    #[arg(long, value_name = "BESTAND")]
    pub flow: Option<PathBuf>,
}

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
        override_usage = "zorgpad kaart controleer [--kaart BESTAND] [--flow BESTAND]",
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
}

#[derive(Debug, clap::Args)]
pub struct KaartCheckArgs {
    /// Sociale Kaart (YAML); zonder deze optie de ingebouwde voorbeeldkaart
    #[arg(long, value_name = "BESTAND")]
    pub kaart: Option<PathBuf>,

    /// Flow waarvan de verwijzingen gedekt moeten zijn; zonder deze optie de ingebouwde blauwdruk
    #[arg(long, value_name = "BESTAND")]
    pub flow: Option<PathBuf>,
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

/// What happened when the arguments did not parse: help, the version, or a usage error.
pub struct Usage {
    text: String,
    code: u8,
}

impl Usage {
    /// Print the text where it belongs and give the exit code.
    pub fn exit(self) -> ExitCode {
        if self.code == 0 {
            print!("{}", self.text);
        } else {
            eprint!("{}", self.text);
        }
        ExitCode::from(self.code)
    }
}

impl Args {
    /// Parse `std::env::args`, with every message in Dutch.
    pub fn parse_dutch() -> Result<Args, Usage> {
        Args::try_parse().map_err(translate)
    }

    /// Parse the given arguments (for tests).
    pub fn parse_from_dutch<I, T>(args: I) -> Result<Args, Usage>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        Args::try_parse_from(args).map_err(translate)
    }
}

fn context(error: &clap::Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        _ => None,
    }
}

fn translate(error: clap::Error) -> Usage {
    let invalid = context(&error, ContextKind::InvalidArg);
    let value = context(&error, ContextKind::InvalidValue);
    let message = match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            return Usage {
                text: error.render().to_string(),
                code: 0,
            }
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
            return Usage {
                text: "zorgpad: fout: geef een opdracht, bijvoorbeeld 'zorgpad start'.\n  Alle opdrachten en opties: 'zorgpad --help'.\n".to_string(),
                code: 2,
            }
        }
        ErrorKind::InvalidSubcommand => {
            let mut m = format!(
                "onbekende opdracht '{}'",
                context(&error, ContextKind::InvalidSubcommand).unwrap_or_default()
            );
            if let Some(ContextValue::Strings(list)) = error.get(ContextKind::SuggestedSubcommand) {
                // clap lists every close name; the closest, by edit distance, is the suggestion.
                let wrong = context(&error, ContextKind::InvalidSubcommand).unwrap_or_default();
                if let Some(best) = list.iter().min_by_key(|s| crate::suggest::distance(&wrong, s)) {
                    m.push_str(&format!("; bedoelt u '{best}'?"));
                }
            } else if let Some(s) = context(&error, ContextKind::SuggestedSubcommand) {
                m.push_str(&format!("; bedoelt u '{s}'?"));
            }
            m
        }
        ErrorKind::UnknownArgument => {
            let invalid = invalid.unwrap_or_default();
            let mut m = if invalid.starts_with('-') {
                format!("onbekende optie '{invalid}'")
            } else {
                format!("onverwacht argument '{invalid}'")
            };
            if let Some(s) = context(&error, ContextKind::SuggestedArg) {
                m.push_str(&format!("; bedoelt u '{s}'?"));
            }
            m
        }
        ErrorKind::MissingRequiredArgument => format!("er ontbreekt een verplicht argument: {}", invalid.unwrap_or_default()),
        ErrorKind::InvalidValue if value.as_deref() == Some("") => {
            format!("de optie '{}' heeft een waarde nodig", invalid.unwrap_or_default())
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let mut m = format!(
                "ongeldige waarde '{}' voor '{}'",
                value.unwrap_or_default(),
                invalid.unwrap_or_default()
            );
            if let Some(valid) = context(&error, ContextKind::ValidValue) {
                m.push_str(&format!("; kies uit: {valid}"));
            }
            m
        }
        ErrorKind::ArgumentConflict
            if invalid.is_some() && invalid == context(&error, ContextKind::PriorArg) =>
        {
            format!(
                "de optie '{}' is meer dan eens gegeven; geef haar één keer",
                invalid.unwrap_or_default()
            )
        }
        ErrorKind::ArgumentConflict => format!("'{}' gaat niet samen met een andere gegeven optie", invalid.unwrap_or_default()),
        ErrorKind::TooManyValues if value.is_some() => format!(
            "onverwachte waarde '{}' bij '{}'; deze optie neemt geen (extra) waarde",
            value.unwrap_or_default(),
            invalid.unwrap_or_default()
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!("verkeerd aantal waarden voor '{}'", invalid.unwrap_or_default())
        }
        ErrorKind::InvalidUtf8 => "een argument is geen geldige tekst (UTF-8)".to_string(),
        _ => "de opdracht is niet goed gegeven".to_string(),
    };
    let end = if message.ends_with('?') { "" } else { "." };
    Usage {
        text: format!(
            "zorgpad: fout: {message}{end}\n  Zie 'zorgpad --help' voor de opdrachten en hun opties.\n"
        ),
        code: 2,
    }
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
    #[arg(long, value_name = "FORMAAT", value_enum)]
    pub formaat: Option<GraphFormatArg>,

    /// Schrijf naar dit bestand in plaats van naar het scherm
    #[arg(short = 'o', long = "uitvoer", value_name = "BESTAND")]
    pub uitvoer: Option<PathBuf>,

    /// Flowbestand (YAML) in plaats van de ingebouwde blauwdruk
    #[arg(long, value_name = "BESTAND")]
    pub flow: Option<PathBuf>,
}

/// `zorgpad oefen`.
#[derive(Debug, clap::Args)]
pub struct PracticeArgs {
    /// Id van de casus (zie 'zorgpad oefen'), of een eigen casusbestand (.yaml)
    #[arg(value_name = "CASUS", help_heading = "Argumenten")]
    pub casus: Option<String>,

    /// Antwoordenbestand (YAML): doorloop de casus zonder terminal, bijvoorbeeld om de antwoorden van een deelnemer na te spelen
    #[arg(long, value_name = "BESTAND")]
    pub antwoorden: Option<PathBuf>,

    /// Toon bij elke stap de uitleg, en bij elke beslissing 'Wat als…?'
    #[arg(long)]
    pub uitleg: bool,

    /// Bewaar het resultaat (zonder namen) als bestand in deze map, voor het groepsoverzicht
    #[arg(long, value_name = "MAP")]
    pub resultaten: Option<PathBuf>,

    /// Toon welke beslissingen een groep het vaakst anders nam dan het model (de resultaten in MAP)
    #[arg(long, value_name = "MAP", conflicts_with_all = ["casus", "antwoorden", "resultaten", "uitleg"])]
    pub overzicht: Option<PathBuf>,
}
