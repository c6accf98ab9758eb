//! `brieven:` in a flow file: the letters zorgpad writes per recipient (`zorgpad export ID
//! --voor ONTVANGER`). The flow names each recipient, the consent question that allows sharing
//! with it (if the blueprint asks one), and the parts of a letter it may receive; it also names
//! the nodes whose answers make up the outcome and the coordination, and the nodes that stay in
//! the own file (with everything inside a sub-flow: the Kindcheck and the Meldcode). This is
//! the typed form; `flow/validate/letters.rs` checks it.

/// The parts a letter can share, as the flow file names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The problem as decided (the answers of the `uitkomst` nodes) and where the path stands.
    Outcome,
    /// The referrals carried out, with whom to reach and how.
    Referrals,
    /// Who coordinates the care (the answers of the `coordinatie` nodes).
    Coordination,
    /// The actions still open that concern this recipient (`acties` of the recipient).
    OpenActions,
    /// What the path waits for (an appointment, the birth), with the expected date.
    Waits,
}

impl Part {
    /// Every part, in the order a letter shows them.
    pub const ALL: [Part; 5] = [
        Part::Outcome,
        Part::Referrals,
        Part::Coordination,
        Part::OpenActions,
        Part::Waits,
    ];

    /// The name in the flow file.
    pub fn name(self) -> &'static str {
        match self {
            Part::Outcome => "uitkomst",
            Part::Referrals => "verwijzingen",
            Part::Coordination => "coordinatie",
            Part::OpenActions => "open-acties",
            Part::Waits => "wachten",
        }
    }

    pub fn parse(name: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|p| p.name() == name.trim())
    }

    /// "uitkomst, verwijzingen, …", for messages.
    pub fn names() -> String {
        Part::ALL.map(Part::name).join(", ")
    }
}

/// `brieven:` of a flow.
#[derive(Debug, Clone, Default)]
pub struct Letters {
    /// `uitkomst`: the nodes whose answers say what the problem is (enkelvoudig/complex).
    pub outcome: Vec<String>,
    /// `coordinatie`: the nodes whose answers name who coordinates.
    pub coordination: Vec<String>,
    /// `eigen-dossier`: nodes of this flow that no letter mentions (besides every sub-flow
    /// call and everything inside one).
    pub own_file: Vec<String>,
    pub recipients: Vec<Recipient>,
}

/// One recipient of letters.
#[derive(Debug, Clone)]
pub struct Recipient {
    /// As typed after `--voor` (e.g. `huisarts`).
    pub id: String,
    /// As the letter names it ("Huisarts").
    pub name: String,
    /// `toestemming`: the decision that asks the client's consent to share with this
    /// recipient: its option `ja` is consent, any other answer a refusal.
    pub consent: Option<String>,
    /// `delen`: the names of the parts this recipient may receive (checked by the validator;
    /// [`Recipient::parts`] keeps the known ones).
    pub share: Vec<String>,
    /// `acties`: `KNOOP/ACTIE` of the checklist actions that concern this recipient.
    pub actions: Vec<String>,
}

/// The option of a consent question that means "consent given".
pub const CONSENT_YES: &str = "ja";

impl Letters {
    pub fn recipient(&self, id: &str) -> Option<&Recipient> {
        let id = id.trim();
        self.recipients
            .iter()
            .find(|r| r.id.eq_ignore_ascii_case(id))
    }

    /// The recipients' ids, for messages ("huisarts, kraamzorg, …").
    pub fn ids(&self) -> String {
        self.recipients
            .iter()
            .map(|r| r.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Whether the node `id` of the main flow stays in the own file.
    pub fn is_own_file(&self, id: &str) -> bool {
        self.own_file.iter().any(|n| n == id)
    }
}

impl Recipient {
    /// The parts this recipient may receive, in the order a letter shows them.
    pub fn parts(&self) -> Vec<Part> {
        Part::ALL
            .into_iter()
            .filter(|p| self.share.iter().any(|s| Part::parse(s) == Some(*p)))
            .collect()
    }

    /// The actions that concern this recipient, as (node, action).
    pub fn action_pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.actions.iter().filter_map(|a| a.split_once('/'))
    }
}
