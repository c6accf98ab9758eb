//! Whom a box tells the professional to reach: for a node with `kaart: CATEGORIE` in the flow
//! (e.g. "Veilig Thuis koppelt terug", footnote 3 of the blueprint), the organisation of the
//! Sociale Kaart that was chosen at the latest referral of that category earlier in the walk
//! (the Veilig Thuis reported to in the Meldcode), or else every provider of the category for
//! the client's gemeente. The engine only names provider ids; the prompters and the summary
//! look them up on the map they hold.

use crate::engine::answer::Answer;
use crate::flow::model::{Body, Node};

/// The providers of the Sociale Kaart a box shows with its question.
#[derive(Debug, Clone)]
pub struct Contacts<'f> {
    /// The category of the Sociale Kaart (`kaart:` of the node).
    pub category: String,
    /// The ids chosen at the latest earlier referral of this category; empty when there was
    /// none, or it named no provider of the map: then every provider of the category for the
    /// client's gemeente is meant.
    pub providers: Vec<String>,
    /// Organisations typed by hand at that referral (not on the map): shown as they were
    /// typed, and instead of the map's list when the referral named nobody from the map.
    pub typed: Vec<String>,
    /// The referral the providers were chosen at, when `providers` or `typed` is not empty.
    pub chosen_at: Option<&'f Node>,
}

/// What `node` shows after the answers walked so far (each with the node it answered, in
/// order), if it has `kaart:` in the flow.
pub(crate) fn contacts<'f, 'a>(
    answered: impl DoubleEndedIterator<Item = (&'f Node, &'a Answer)>,
    node: &Node,
) -> Option<Contacts<'f>> {
    let category = node.contact_category.as_ref()?;
    let latest = answered
        .rev()
        .find_map(|(at, answer)| match (&at.body, answer) {
            (
                Body::Referral { category: c, .. },
                Answer::Verwijzing {
                    kaart, aanbieders, ..
                },
            ) if c == category => Some((at, kaart, aanbieders)),
            _ => None,
        });
    let (providers, typed, chosen_at) = match latest {
        Some((at, kaart, typed)) if !kaart.is_empty() || !typed.is_empty() => {
            (kaart.clone(), typed.clone(), Some(at))
        }
        _ => (Vec::new(), Vec::new(), None),
    };
    Some(Contacts {
        category: category.clone(),
        providers,
        typed,
        chosen_at,
    })
}
