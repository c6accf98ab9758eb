//! The syntax of the session commands: `start`, `hervat`, `sessies`, `export`, `controleer`.

use std::path::PathBuf;

use clap::Subcommand;

use crate::cli::SUB_TEMPLATE;

#[derive(Debug, clap::Args)]
pub struct StartArgs {
    /// Flowbestand (YAML) in plaats van de ingebouwde blauwdruk; sub-flows worden ernaast gezocht
    #[arg(long, value_name = "BESTAND")]
    pub flow: Option<PathBuf>,

    /// Antwoordenbestand (YAML): doorloop de sessie zonder terminal, met deze antwoorden
    #[arg(long, value_name = "BESTAND")]
    pub antwoorden: Option<PathBuf>,

    /// Toon bij elke stap de uitleg (voor scholing; met --demo wordt er niets bewaard)
    #[arg(long)]
    pub uitleg: bool,

    /// Demonstratie: elk scherm is gemarkeerd en er wordt niets bewaard (geen sessie, geen export, niet in de statistiek)
    #[arg(long, conflicts_with_all = ["export", "kenmerk"])]
    pub demo: bool,
    /// Eenvoudige regels voor een schermlezer: genummerde keuzes, één regel per vraag, geen kleur (ook: ZORGPAD_TOEGANKELIJK=1)
    #[arg(long)]
    pub toegankelijk: bool,

    /// Schrijf de samenvatting ook naar dit bestand: .md (Markdown), .json, .html of .txt (korte tekst voor het EPD)
    #[arg(long, value_name = "BESTAND")]
    pub export: Option<PathBuf>,

    /// Eigen kenmerk van de cliënt (bijvoorbeeld het dossiernummer van de praktijk); nooit een BSN
    #[arg(long, value_name = "KENMERK")]
    pub kenmerk: Option<String>,

    /// Rol van wie de vragen beantwoordt (een rol-id van de flow, bijvoorbeeld verloskundig-zorgverlener)
    #[arg(long, value_name = "ROL")]
    pub rol: Option<String>,

    /// Initialen van wie de vragen beantwoordt (hooguit 10 tekens, bijvoorbeeld "JdV"); staat bij elke gebeurtenis in het journaal
    #[arg(long, value_name = "INITIALEN")]
    pub door: Option<String>,

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
    /// Id van de sessie (zie 'zorgpad sessies'), een uniek begin ervan, of het kenmerk van de cliënt
    #[arg(value_name = "ID", help_heading = "Argumenten")]
    pub id: String,

    /// Rol van wie nu verdergaat, bijvoorbeeld coordinerend-zorgverlener
    #[arg(long, value_name = "ROL")]
    pub rol: Option<String>,

    /// Initialen van wie de vragen beantwoordt (hooguit 10 tekens, bijvoorbeeld "JdV"); staat bij elke gebeurtenis in het journaal
    #[arg(long, value_name = "INITIALEN")]
    pub door: Option<String>,

    /// Antwoordenbestand (YAML): ga zonder terminal verder, met deze antwoorden
    #[arg(long, value_name = "BESTAND")]
    pub antwoorden: Option<PathBuf>,

    /// Toon bij elke stap de uitleg
    #[arg(long)]
    pub uitleg: bool,
    /// Eenvoudige regels voor een schermlezer: genummerde keuzes, één regel per vraag, geen kleur (ook: ZORGPAD_TOEGANKELIJK=1)
    #[arg(long)]
    pub toegankelijk: bool,

    /// Schrijf de samenvatting ook naar dit bestand: .md, .json, .html of .txt (korte tekst voor het EPD)
    #[arg(long, value_name = "BESTAND")]
    pub export: Option<PathBuf>,

    /// Zet de sessie bewust over op deze flow (eerst wordt gecontroleerd of de antwoorden erin passen)
    #[arg(long, value_name = "BESTAND")]
    pub flow: Option<PathBuf>,

    /// Zet de sessie bewust over op deze Sociale Kaart (de gekozen aanbieders moeten erop staan)
    #[arg(long, value_name = "BESTAND")]
    pub kaart: Option<PathBuf>,

    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(Debug, clap::Args)]
pub struct FollowUpArgs {
    /// Welke opvolging (zoals 'zorgpad sessies' en de samenvatting haar noemen, bijvoorbeeld B2-meldcode/AK5); zonder deze optie: de enige die open staat, of een keuze
    #[arg(long, value_name = "OPVOLGING")]
    pub opvolging: Option<String>,

    #[command(flatten)]
    pub resume: ResumeArgs,
}

#[derive(Debug, clap::Args)]
pub struct SessionsArgs {
    #[command(subcommand)]
    pub action: Option<SessionsAction>,

    #[command(flatten)]
    pub data: DataArgs,

    /// Alleen sessies die wachten (op een afspraak, de bevalling, het MDO, …)
    #[arg(long)]
    pub wacht: bool,

    /// Alleen sessies die wachten en waarvan de verwachte datum voorbij is (vóór vandaag)
    #[arg(long = "te-laat")]
    pub te_laat: bool,

    /// Alleen de sessies met dit kenmerk van de cliënt (precies, hoofdletters maken niet uit)
    #[arg(long, value_name = "KENMERK")]
    pub kenmerk: Option<String>,

    /// Alleen sessies met deze status: lopend, wacht of afgerond
    #[arg(long, value_name = "STATUS", value_enum, hide_possible_values = true)]
    pub status: Option<StatusArg>,

    /// Breedte van de tabel in tekens (40 tot 200; anders die van de terminal, in een pipe 100)
    #[arg(long, value_name = "TEKENS", value_parser = clap::value_parser!(u16).range(40..=200))]
    pub breedte: Option<u16>,

    /// Schrijf de uitvoer als JSON voor scripts (schema zorgpad.sessies/1; zie README)
    #[arg(long)]
    pub json: bool,
}

/// The statuses `sessies --status` filters on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatusArg {
    Lopend,
    Wacht,
    Afgerond,
}

impl StatusArg {
    /// The status as the list shows it.
    pub fn name(self) -> &'static str {
        match self {
            StatusArg::Lopend => "lopend",
            StatusArg::Wacht => "wacht",
            StatusArg::Afgerond => "afgerond",
        }
    }
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

    /// Schrijf een sessie met haar flow en kaart naar één bestand, voor de volgende zorgverlener
    #[command(
        alias = "hand-over",
        help_template = SUB_TEMPLATE,
        override_usage = "zorgpad sessies overdragen ID -o BESTAND [--wachtwoord]",
        next_help_heading = "Opties"
    )]
    Overdragen(HandOverArgs),

    /// Lees een overdrachtsbestand in: controleert het en voegt de sessie toe aan de gegevensmap
    #[command(
        alias = "receive",
        help_template = SUB_TEMPLATE,
        override_usage = "zorgpad sessies ontvangen BESTAND",
        next_help_heading = "Opties"
    )]
    Ontvangen(ReceiveArgs),
}

#[derive(Debug, clap::Args)]
pub struct HandOverArgs {
    /// Id van de sessie, een uniek begin ervan, of het kenmerk van de cliënt
    #[arg(value_name = "ID", help_heading = "Argumenten")]
    pub id: String,

    /// Schrijf het overdrachtsbestand hierheen (rechten 0600)
    #[arg(short = 'o', long = "uitvoer", value_name = "BESTAND", required = true)]
    pub uitvoer: PathBuf,

    /// Versleutel het bestand met een wachtwoord (age); gevraagd in de terminal, of uit ZORGPAD_WACHTWOORD
    #[arg(long)]
    pub wachtwoord: bool,

    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(Debug, clap::Args)]
pub struct ReceiveArgs {
    /// Het overdrachtsbestand (gemaakt met 'zorgpad sessies overdragen'); een versleuteld bestand
    /// vraagt om het wachtwoord (in de terminal, of uit ZORGPAD_WACHTWOORD)
    #[arg(value_name = "BESTAND", help_heading = "Argumenten")]
    pub bestand: PathBuf,

    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(Debug, clap::Args)]
pub struct RemoveArgs {
    /// Id van de sessie, een uniek begin ervan, of het kenmerk van de cliënt
    #[arg(value_name = "ID", help_heading = "Argumenten")]
    pub id: String,

    /// Niet om bevestiging vragen (nodig zonder terminal)
    #[arg(long)]
    pub ja: bool,

    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    Md,
    Json,
    Html,
    Tekst,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Id van de sessie, een uniek begin ervan, of het kenmerk van de cliënt
    #[arg(value_name = "ID", help_heading = "Argumenten")]
    pub id: String,

    /// Formaat: md (Markdown), json, html of tekst (kort, voor het EPD); anders volgens de naam van -o, anders md
    #[arg(long, value_name = "FORMAAT", value_enum, hide_possible_values = true)]
    pub formaat: Option<FormatArg>,

    /// Schrijf naar dit bestand (rechten 0600) in plaats van naar het scherm
    #[arg(short = 'o', long = "uitvoer", value_name = "BESTAND")]
    pub uitvoer: Option<PathBuf>,

    /// Flowbestand, als de sessie met een ander dan het opgeslagen bestand moet worden nagespeeld
    #[arg(long, value_name = "BESTAND")]
    pub flow: Option<PathBuf>,

    /// Schrijf een brief voor deze ontvanger in plaats van de samenvatting: alleen wat haar aangaat en waarvoor de cliënt toestemming gaf (huisarts, kraamzorg, jgz, cjg, coordinator-pp; zie 'brieven' in de flow)
    #[arg(long, value_name = "ONTVANGER")]
    pub voor: Option<String>,

    #[command(flatten)]
    pub data: DataArgs,
}

/// `ja` or `nee` for `zorgpad toestemming`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum YesNo {
    Ja,
    Nee,
}

/// `zorgpad toestemming ID --voor ONTVANGER ja|nee`.
#[derive(Debug, clap::Args)]
pub struct ConsentArgs {
    /// Id van de sessie, een uniek begin ervan, of het kenmerk van de cliënt
    #[arg(value_name = "ID", help_heading = "Argumenten", display_order = 0)]
    pub id: String,

    /// ja: de cliënt geeft toestemming; nee: zij weigert, of trekt haar toestemming in
    #[arg(
        value_name = "JA|NEE",
        value_enum,
        hide_possible_values = true,
        help_heading = "Argumenten"
    )]
    pub antwoord: YesNo,

    /// De ontvanger van brieven (zie 'brieven' in de flow), bijvoorbeeld kraamzorg
    #[arg(long, value_name = "ONTVANGER", required = true)]
    pub voor: String,

    /// Rol van wie de toestemming vastlegt (een rol-id van de flow); anders de rol van daarvoor
    #[arg(long, value_name = "ROL")]
    pub rol: Option<String>,

    /// Initialen van wie de toestemming vastlegt (hooguit 10 tekens, bijvoorbeeld "JdV")
    #[arg(long, value_name = "INITIALEN")]
    pub door: Option<String>,

    /// Waarom, of hoe de cliënt het zei (kort; nooit een BSN); komt in het journaal, niet in de brief
    #[arg(long, value_name = "TEKST")]
    pub reden: Option<String>,

    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Flowbestand (YAML) om te controleren; zonder deze optie de ingebouwde flows
    #[arg(long, value_name = "BESTAND")]
    pub flow: Option<PathBuf>,

    /// Schrijf de uitvoer als JSON voor scripts (schema zorgpad.controle/1; zie README)
    #[arg(long)]
    pub json: bool,

    /// Noem ook de bewaarde sessies van deze flow die er niet mee verder kunnen, en waarom
    #[arg(long, conflicts_with = "json")]
    pub sessies: bool,

    #[command(flatten)]
    pub data: DataArgs,
}

/// `zorgpad help [OPDRACHT] [SUBOPDRACHT]`.
#[derive(Debug, clap::Args)]
pub struct HelpArgs {
    /// De opdracht (en eventueel de subopdracht) waarover u hulp wilt, bijvoorbeeld: kaart toon
    #[arg(value_name = "OPDRACHT", help_heading = "Argumenten")]
    pub opdracht: Vec<String>,
}

/// The shells zorgpad writes completions for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ShellArg {
    Bash,
    Zsh,
    Fish,
}

/// `zorgpad aanvulling bash|zsh|fish`.
#[derive(Debug, clap::Args)]
pub struct CompletionArgs {
    /// De shell: bash, zsh of fish
    #[arg(
        value_name = "SHELL",
        value_enum,
        hide_possible_values = true,
        help_heading = "Argumenten"
    )]
    pub shell: ShellArg,
}

/// `zorgpad man`.
#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// Schrijf de man-pagina naar dit bestand in plaats van naar het scherm
    #[arg(short = 'o', long = "uitvoer", value_name = "BESTAND")]
    pub uitvoer: Option<PathBuf>,
}
