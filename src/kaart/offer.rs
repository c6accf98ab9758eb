//! The Sociale Kaart as one session sees it: the VSV's map and the client's gemeente. The
//! front ends use it to offer, at each referral, the providers of that category that serve the
//! client's gemeente (region-wide ones included), ordered from light to heavy care.

use super::{Kaart, Provider};

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
