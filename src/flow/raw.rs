//! The flow file as a VSV coordinator writes it, with Dutch keys. Unknown keys are refused by
//! serde, so that a typo surfaces at once instead of being silently ignored; missing pieces are
//! left for [`crate::flow::convert`] to report, all of them in one run.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::flow::model::Kind;

/// The flow file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFlow {
    pub naam: String,
    pub versie: String,
    #[serde(default)]
    pub bron: Option<String>,
    #[serde(default)]
    pub datum: Option<String>,
    #[serde(default)]
    pub omschrijving: Option<String>,
    pub start: String,
    #[serde(default, deserialize_with = "crate::yaml::unique_keys")]
    pub rollen: BTreeMap<String, String>,
    #[serde(default, deserialize_with = "crate::yaml::unique_keys")]
    pub voetnoten: BTreeMap<u32, String>,
    pub knopen: Vec<RawNode>,
    /// Letters per recipient (`zorgpad export ID --voor ONTVANGER`).
    #[serde(default)]
    pub brieven: Option<RawLetters>,
}

/// `brieven:` as written: which answers make the outcome and the coordination, which nodes stay
/// in the own file, and the recipients.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLetters {
    #[serde(default)]
    pub uitkomst: Vec<String>,
    #[serde(default)]
    pub coordinatie: Vec<String>,
    #[serde(default, rename = "eigen-dossier")]
    pub eigen_dossier: Vec<String>,
    pub ontvangers: Vec<RawRecipient>,
}

/// One recipient as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRecipient {
    pub id: String,
    pub naam: String,
    #[serde(default)]
    pub toestemming: Option<String>,
    pub delen: Vec<String>,
    #[serde(default)]
    pub acties: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNode {
    pub id: String,
    pub soort: Kind,
    #[serde(default)]
    pub stap: Option<u8>,
    #[serde(default)]
    pub rol: Option<String>,
    pub titel: String,
    #[serde(default)]
    pub uitleg: Option<String>,
    #[serde(default)]
    pub blauwdruk: Option<String>,
    #[serde(default)]
    pub voetnoten: Vec<u32>,
    #[serde(default)]
    pub tekst: Option<String>,
    /// The question may be answered later: the session can pause here (e.g. the MDO).
    #[serde(default)]
    pub pauzeerbaar: bool,
    /// A weighty question (PPM, the Kindcheck, the Meldcode, a report): Enter alone on the
    /// option under the cursor never records its answer.
    #[serde(default)]
    pub zwaarwegend: bool,
    /// Shown prominently in the summary ("Let op") when the walk passes this node.
    #[serde(default)]
    pub letop: Option<String>,
    /// A category of the Sociale Kaart whose organisation the box shows with its contact
    /// details (e.g. `veilig-thuis` where Veilig Thuis reports back).
    #[serde(default)]
    pub kaart: Option<String>,
    #[serde(default)]
    pub acties: Option<Vec<RawAction>>,
    #[serde(default)]
    pub vraag: Option<String>,
    #[serde(default)]
    pub opties: Option<Vec<RawOption>>,
    #[serde(default)]
    pub categorie: Option<String>,
    #[serde(default)]
    pub flow: Option<String>,
    #[serde(default)]
    pub uitkomst: Option<String>,
    #[serde(default)]
    pub criteria: Option<Vec<RawAction>>,
    #[serde(default)]
    pub voorstel: Option<RawProposal>,
    #[serde(default)]
    pub volgende: Option<String>,
    /// A sub-flow call that enters the sub-flow at this node instead of its start.
    #[serde(default)]
    pub ingang: Option<String>,
    /// A sub-flow call: per end id of the sub-flow, the node to go on at.
    #[serde(default, deserialize_with = "crate::yaml::unique_keys")]
    pub uitgangen: BTreeMap<String, String>,
    /// An end: sentences of the outcome that depend on what was done.
    #[serde(default, rename = "uitkomst-als")]
    pub uitkomst_als: Option<Vec<RawOutcomePart>>,
    /// An end after which the session may go on later: where, and in which words.
    #[serde(default)]
    pub vervolg: Option<RawContinuation>,
    /// A referral counts as carried out only when these conditions hold (e.g. consent).
    #[serde(default, rename = "uitgevoerd-als")]
    pub uitgevoerd_als: Option<Vec<String>>,
    /// A wait that may be answered later while the path goes on (a follow-up).
    #[serde(default)]
    pub opvolging: Option<RawFollowUp>,
}

/// `opvolging:` on a wait: answered "later", the wait becomes a follow-up beside the path and
/// the path goes on at `verder`; `uiterlijk` names a node of the main flow where an open
/// follow-up is asked at the latest.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFollowUp {
    pub verder: String,
    #[serde(default)]
    pub uiterlijk: Option<String>,
}

/// `vervolg: {naar: KNOOP, label: ...}` of an end.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawContinuation {
    pub naar: String,
    pub label: String,
}

/// `- als: [KNOOP = ID, ...]` (all must hold) `tekst: ...` `anders: ...`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOutcomePart {
    pub als: Vec<String>,
    pub tekst: String,
    #[serde(default)]
    pub anders: Option<String>,
}

/// A decision's proposal, computed from earlier answers: the first rule that holds names the
/// proposed option, otherwise `anders`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProposal {
    pub regels: Vec<RawRule>,
    pub anders: String,
}

/// `dan: complex` with `een-van: [...]` (any condition holds) or `alle: [...]` (all hold).
/// A condition is `NODE = ID`: the option chosen at NODE, or a criterion ticked at NODE.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    pub dan: String,
    #[serde(default, rename = "een-van")]
    pub een_van: Option<Vec<String>>,
    #[serde(default)]
    pub alle: Option<Vec<String>>,
    /// The proposal of this rule cannot be overruled (e.g. doubt always takes the complex route).
    #[serde(default)]
    pub dwingend: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAction {
    pub id: String,
    pub tekst: String,
    #[serde(default)]
    pub rol: Option<String>,
    /// An action that cannot be n.v.t.
    #[serde(default)]
    pub verplicht: bool,
    /// A criterion ticked in advance when one of these conditions holds.
    #[serde(default, rename = "voorgevinkt-als")]
    pub voorgevinkt_als: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOption {
    pub id: String,
    pub label: String,
    pub naar: String,
    #[serde(default)]
    pub toelichting: Option<String>,
    /// Shown prominently in the summary ("Let op") when this option is chosen.
    #[serde(default)]
    pub letop: Option<String>,
    /// This option is recorded only with a reason (e.g. skipping the talk with the client).
    #[serde(default, rename = "toelichting-verplicht")]
    pub toelichting_verplicht: bool,
}
