//! The command line's syntax, and only its syntax (clap derive). What the arguments mean is
//! resolved in [`crate::cli::config`]. Help texts and clap's own messages are Dutch: clap's errors
//! are caught here and said again in Dutch.

pub mod config;
mod dutch;
mod kaart;
mod session;
mod training;
mod version;

use clap::{ArgAction, Parser, Subcommand};

pub use dutch::Usage;
pub use kaart::*;
pub use session::*;
pub use training::*;

const TEMPLATE: &str = "\
{before-help}{name} {version} — {about}

Gebruik: {usage}

{all-args}{after-help}";

pub(crate) const SUB_TEMPLATE: &str = "\
{before-help}{about}

Gebruik: {usage}

{all-args}{after-help}";

const AFTER: &str = "\
Meer uitleg: README.md, flows/README.md. Afsluitcodes: 0 in orde, 1 bevindingen,
2 verkeerd gebruik of onleesbare invoer, 3 kon niet schrijven, 130 afgebroken.";

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

    #[arg(short = 'V', long = "versie", alias = "version", action = ArgAction::Version, help = "Toon de versie en de ingebouwde flow, kaart en formaten (ook --version)")]
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

    /// Beantwoord een opvolging van een sessie: een vraag die naast het pad open staat, zoals vraag 5 van het afwegingskader (alias: follow-up)
    #[command(
        alias = "follow-up",
        help_template = SUB_TEMPLATE,
        override_usage = "zorgpad opvolgen ID [--opvolging OPVOLGING] [OPTIES]",
        next_help_heading = "Opties"
    )]
    Opvolgen(FollowUpArgs),

    /// Toon de bewaarde sessies als tabel, of verwijder er een (alias: sessions)
    #[command(
        alias = "sessions",
        help_template = SUB_TEMPLATE,
        override_usage = "zorgpad sessies [--wacht] [--te-laat] [--kenmerk KENMERK] [--status STATUS] [--json]\n       zorgpad sessies verwijder ID [--ja]",
        subcommand_help_heading = "Opdrachten",
        subcommand_value_name = "OPDRACHT",
        next_help_heading = "Opties"
    )]
    Sessies(SessionsArgs),

    /// Schrijf de samenvatting van een sessie voor het dossier (Markdown, JSON, HTML of korte tekst), of met --voor een brief aan één ontvanger
    #[command(
        help_template = SUB_TEMPLATE,
        override_usage = "zorgpad export ID [--voor ONTVANGER] [--formaat md|json|html|tekst] [-o BESTAND]",
        next_help_heading = "Opties"
    )]
    Export(ExportArgs),

    /// Leg vast of de cliënt toestemming geeft om te delen met een ontvanger van brieven (alias: consent)
    #[command(
        alias = "consent",
        help_template = SUB_TEMPLATE,
        override_usage = "zorgpad toestemming ID --voor ONTVANGER ja|nee [--rol ROL] [--door INITIALEN] [--reden TEKST]",
        after_help = "De laatst vastgelegde toestemming geldt, ook boven het antwoord op de toestemmingsvraag van de flow.\nEen brief maken: zorgpad export ID --voor ONTVANGER.",
        next_help_heading = "Opties"
    )]
    Toestemming(ConsentArgs),

    /// Controleer een flowbestand op fouten (alias: check)
    #[command(
        alias = "check",
        help_template = SUB_TEMPLATE,
        override_usage = "zorgpad controleer [--flow BESTAND] [--sessies [--data-dir MAP]]",
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

    /// Het zorgpad als diagram voor dia's en hand-outs: Mermaid, Graphviz, of een plaatje (SVG, PNG, PDF) (alias: graph)
    #[command(
        alias = "graph",
        help_template = SUB_TEMPLATE,
        override_usage = "zorgpad graaf [--formaat mermaid|dot] [-o BESTAND] [--flow BESTAND]",
        after_help = "Een plaatje: zorgpad graaf -o zorgpad.svg (of .png, .pdf); daarvoor is Graphviz (dot) nodig.\nZonder Graphviz: zorgpad graaf -o zorgpad.dot, en op een computer met Graphviz: dot -Tsvg zorgpad.dot -o zorgpad.svg.\nMermaid: plak de tekst in een Markdown-blok ```mermaid of in mermaid.live.",
        next_help_heading = "Opties"
    )]
    Graaf(GraphArgs),

    /// Elke route van het zorgpad, van het begin tot elk einde, en welke oefencasussen welke route volgen
    #[command(
        help_template = SUB_TEMPLATE,
        override_usage = "zorgpad routes [--flow BESTAND] [--formaat md|tekst] [-o BESTAND]",
        after_help = "Voor het toetsen van een (lokaal) zorgpad op volledigheid: elke route genummerd, met de\nbeslissingen die erheen leiden, lussen één keer, en de dekking door de casussen in procenten.\nEen route die geen casus volgt, is gemarkeerd. Voor het overleg: --formaat md -o routes.md.",
        next_help_heading = "Opties"
    )]
    Routes(RoutesArgs),

    /// Oefen met casussen: doorloop een casus en vergelijk elke beslissing en elk criterium met het model (alias: practice)
    #[command(
        alias = "practice",
        help_template = SUB_TEMPLATE,
        override_usage = "zorgpad oefen                       (de lijst: nummer, titel en inleiding)\n       zorgpad oefen NUMMER [--antwoorden BESTAND] [--resultaten MAP] [--uitleg]\n       zorgpad oefen --overzicht MAP",
        after_help = "De casussen en hun opbouw: flows/casussen/README.md. Een oefening wordt niet als sessie bewaard.",
        next_help_heading = "Opties"
    )]
    Oefen(PracticeArgs),

    /// De Sociale Kaart: controleren, tonen, importeren uit een spreadsheet, het sjabloon schrijven
    #[command(
        help_template = SUB_TEMPLATE,
        override_usage = "zorgpad kaart controleer [--kaart BESTAND] [--flow BESTAND] [--maanden N]\n       zorgpad kaart toon [--kaart BESTAND] [--categorie C] [--gemeente G]\n       zorgpad kaart importeer BESTAND [-o BESTAND]\n       zorgpad kaart sjabloon -o BESTAND.xlsx [--overschrijf]",
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
        subcommand_help_heading = "Opdrachten",
        subcommand_value_name = "OPDRACHT",
        override_usage = "zorgpad statistiek [--data-dir MAP] [--van DATUM] [--tot DATUM] [--formaat csv|md|json] [--csv-scheiding komma] [-o BESTAND]\n       zorgpad statistiek samenvoegen BESTANDEN…|MAP [--formaat md|csv|json|tekst] [-o BESTAND]",
        after_help = "Groepen van minder dan 5 sessies staan er als '<5': zo is geen cliënt te herkennen.\n-o praktijk.json (of --formaat json) schrijft de praktijkcijfers: exacte aantallen, alleen voor de regiocoördinator,\ndie ze samenvoegt met 'zorgpad statistiek samenvoegen'.\nDe CSV opent zo in Excel met Nederlandse instellingen; een tekst die met =, +, - of @ begint, krijgt er een ' voor, zodat een spreadsheet haar niet als formule uitvoert.",
        next_help_heading = "Opties"
    )]
    Statistiek(StatsArgs),

    /// Toon de hulp bij zorgpad, of bij een opdracht
    #[command(
        help_template = SUB_TEMPLATE,
        override_usage = "zorgpad help [OPDRACHT] [SUBOPDRACHT]",
        next_help_heading = "Opties"
    )]
    Help(HelpArgs),

    /// Aanvulling met Tab voor de shell: opdrachten en opties (bash, zsh of fish)
    #[command(
        help_template = SUB_TEMPLATE,
        override_usage = "zorgpad aanvulling bash|zsh|fish",
        after_help = "Bijvoorbeeld (bash): zorgpad aanvulling bash > ~/.local/share/bash-completion/completions/zorgpad",
        alias = "completions",
        next_help_heading = "Opties"
    )]
    Aanvulling(CompletionArgs),

    /// Schrijf de handleiding als man-pagina (roff)
    #[command(
        help_template = SUB_TEMPLATE,
        override_usage = "zorgpad man [-o BESTAND]",
        after_help = "Bijvoorbeeld: zorgpad man -o zorgpad.1 && man ./zorgpad.1",
        next_help_heading = "Opties"
    )]
    Man(ManArgs),
}
