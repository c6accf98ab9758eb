//! Whom a box with `kaart:` tells the professional to reach, as the summary records it: the
//! organisations of the Sociale Kaart (or typed by hand) at the referral of that category, or
//! every provider of the category for the client's gemeente. Apart from [`super`] so that each
//! file stays short.

use serde::Serialize;

use super::Contact;
use crate::kaart::Offer;

/// The organisations of the Sociale Kaart a box with `kaart:` shows: those chosen at the
/// earlier referral of the category, or else every provider of it for the client's gemeente.
#[derive(Debug, Clone, Serialize)]
pub struct RouteContact {
    pub categorie: String,
    /// The referral (its node id) the providers were chosen at; `None`: no referral of this
    /// category came before, so these are all providers of it for the client's gemeente.
    pub gekozen_bij: Option<String>,
    /// Empty when the map has none: [`RouteContact::lines`] then says so.
    pub aanbieders: Vec<Contact>,
    /// Organisations typed by hand at the referral (not on the map), by name (added later to
    /// `zorgpad.samenvatting/1`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub andere: Vec<String>,
    /// What to do when `aanbieders` is empty (the national number for Veilig Thuis).
    #[serde(skip)]
    none: String,
    /// The title of the referral at `gekozen_bij`, for people.
    #[serde(skip)]
    chosen_at_title: Option<String>,
}

impl RouteContact {
    /// What a box with `kaart:` shows, looked up on the map of the session; `None` without a
    /// map (nothing to look up) unless providers were chosen (then named by their id).
    pub(crate) fn of(
        contacts: &crate::engine::contact::Contacts<'_>,
        offer: Option<Offer<'_>>,
    ) -> Option<RouteContact> {
        let aanbieders: Vec<Contact> =
            if contacts.providers.is_empty() && !contacts.typed.is_empty() {
                Vec::new()
            } else if contacts.providers.is_empty() {
                offer?
                    .providers_for(&contacts.category)
                    .into_iter()
                    .map(Contact::from_provider)
                    .collect()
            } else {
                let kaart = offer.map(|o| o.kaart);
                contacts
                    .providers
                    .iter()
                    .map(|id| Contact::of(id, kaart))
                    .collect()
            };
        Some(RouteContact {
            categorie: contacts.category.clone(),
            gekozen_bij: contacts.chosen_at.map(|n| n.id.clone()),
            chosen_at_title: contacts.chosen_at.map(|n| n.title.clone()),
            aanbieders,
            andere: contacts.typed.clone(),
            none: crate::kaart::no_provider(&contacts.category, offer.and_then(|o| o.gemeente)),
        })
    }

    /// Where the organisations come from, for people: "gekozen bij 'Meldcode stap 5: …'", or
    /// "Sociale Kaart" (all of the category for the client's gemeente).
    pub fn whence(&self) -> String {
        match &self.chosen_at_title {
            Some(title) => format!("gekozen bij '{title}'"),
            None => "Sociale Kaart".to_string(),
        }
    }

    /// One line per organisation, "Naam · tel. … · e-mail · website", or that there is none.
    pub fn lines(&self) -> Vec<String> {
        if self.aanbieders.is_empty() && self.andere.is_empty() {
            return vec![self.none.clone()];
        }
        self.aanbieders
            .iter()
            .map(Contact::reach)
            .chain(
                self.andere
                    .iter()
                    .map(|a| format!("{a} (zelf ingevuld, niet op de Sociale Kaart)")),
            )
            .collect()
    }
}
