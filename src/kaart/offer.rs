//! The Sociale Kaart as one session sees it: the VSV's map and the client's gemeente. The
//! front ends use it to offer, at each referral, the providers of that category that serve the
//! client's gemeente (region-wide ones included), ordered from light to heavy care; and to
//! show, at a box with `kaart:` in the flow, whom to reach ([`Offer::contacts`]).

use super::category::VEILIG_THUIS_NATIONAL;
use super::{Kaart, Provider};
use crate::engine::contact::Contacts;

#[derive(Debug, Clone, Copy)]
pub struct Offer<'k> {
    pub(crate) kaart: &'k Kaart,
    /// The map's spelling of the client's gemeente; `None` when unknown (all are offered).
    pub(crate) gemeente: Option<&'k str>,
}

impl<'k> Offer<'k> {
    pub(crate) fn providers_for(&self, category: &str) -> Vec<&'k Provider> {
        self.kaart.providers_for(category, self.gemeente)
    }

    /// The providers a box with `kaart:` shows: those chosen at the earlier referral of the
    /// category, else every provider of the category for the client's gemeente (light to
    /// heavy). Second: the chosen ids that are no longer on the map.
    pub(crate) fn contacts<'c>(
        &self,
        contacts: &'c Contacts<'_>,
    ) -> (Vec<&'k Provider>, Vec<&'c str>) {
        if contacts.providers.is_empty() {
            // Reported to an organisation typed by hand: that one, not the map's list.
            if !contacts.typed.is_empty() {
                return (Vec::new(), Vec::new());
            }
            return (self.providers_for(&contacts.category), Vec::new());
        }
        let mut found = Vec::new();
        let mut gone = Vec::new();
        for id in &contacts.providers {
            match self.kaart.provider(id) {
                Some(p) => found.push(p),
                None => gone.push(id.as_str()),
            }
        }
        (found, gone)
    }

    /// "Geen organisatie in de categorie 'veilig-thuis' voor Havendorp op de Sociale Kaart;
    /// landelijk: 0800-2000." — what a box with `kaart:` says when the map has no provider.
    pub(crate) fn none_for(&self, category: &str) -> String {
        no_provider(category, self.gemeente)
    }

    /// "Wijkteam Voorbeeldstad · formeel · niveau 2 · 010-0000301" — one line for a list.
    pub(crate) fn line(provider: &Provider) -> String {
        let mut parts = vec![provider.name.clone()];
        if let Some(d) = provider.domain {
            parts.push(d.label().to_string());
        }
        if let Some(n) = provider.level {
            parts.push(format!("niveau {n}"));
        }
        if let Some(c) = provider.contact().first() {
            parts.push((*c).to_string());
        }
        parts.join(" · ")
    }
}

/// That the map has no provider of `category` (for `gemeente`), with what to do instead: the
/// national number for Veilig Thuis, else the coordinator of the map.
pub(crate) fn no_provider(category: &str, gemeente: Option<&str>) -> String {
    let place = gemeente.map(|g| format!(" voor {g}")).unwrap_or_default();
    let instead = if category == "veilig-thuis" {
        format!("landelijk: {VEILIG_THUIS_NATIONAL}")
    } else {
        "vraag de coördinator van de Sociale Kaart van uw VSV naar de juiste organisatie"
            .to_string()
    };
    format!("Geen organisatie in de categorie '{category}'{place} op de Sociale Kaart; {instead}.")
}
