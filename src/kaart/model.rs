//! The loaded Sociale Kaart and the questions asked of it.
//!
//! Why this exists: a session needs answers, not a file: the providers for a category in the
//! client's gemeente (light to heavy), a provider by id, the map's spelling of a gemeente, and
//! a fingerprint for the record. Loading is in [`super::load`], the lookup structure in
//! [`super::index`].

use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::finding::Finding;
use crate::store::Fingerprint;

use super::index::Index;
use super::{is_known_category, Provider, CATEGORIES};

/// A loaded Sociale Kaart.
#[derive(Debug, Clone)]
pub struct Kaart {
    /// How the file is named in messages: the path as given, or the embedded example's name.
    pub(crate) file: String,
    /// The path it was read from; `None` for the embedded example.
    pub(crate) path: Option<PathBuf>,
    /// `kaart.naam`; empty when missing (a finding says so).
    pub(crate) name: String,
    pub(crate) vsv: Option<String>,
    /// `kaart.regio`.
    pub(crate) region: Option<String>,
    /// `kaart.versie`; empty when missing (a finding says so).
    pub(crate) version: String,
    /// `kaart.bijgewerkt` as written (a finding says when it is not a date JJJJ-MM-DD).
    pub(crate) updated: Option<String>,
    /// The gemeenten of the region, in the file's order.
    pub gemeenten: Vec<String>,
    /// The exact text of the file, for the session's fingerprint.
    pub(crate) text: String,
    pub(super) providers: Vec<Provider>,
    pub(super) findings: Vec<Finding>,
    pub(super) index: Index,
}

impl Kaart {
    /// Every usable provider, in the file's order.
    pub fn all_providers(&self) -> &[Provider] {
        &self.providers
    }

    /// The problems found while reading (fields, duplicates, formats). [`super::check()`] adds the
    /// checks that need the flow: unknown categories and completeness.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// The providers of `category` that serve `gemeente` (case-insensitive), the region-wide
    /// ones included, ordered from light to heavy care: by `level` (providers without one
    /// last), then by name. With `None`, every provider of the category.
    pub fn providers_for(&self, category: &str, gemeente: Option<&str>) -> Vec<&Provider> {
        self.index
            .providers_for(&self.providers, category, gemeente)
    }

    /// The provider with this id.
    pub fn provider(&self, id: &str) -> Option<&Provider> {
        self.index.position(id).map(|i| &self.providers[i])
    }

    /// The gemeente of the map that `name` means (case and surrounding spaces ignored), in
    /// the map's spelling.
    pub fn gemeente(&self, name: &str) -> Option<&str> {
        let name = name.trim().to_lowercase();
        self.gemeenten
            .iter()
            .find(|g| g.to_lowercase() == name)
            .map(String::as_str)
    }

    /// The categories the providers use: known ones in the documented order, then the VSV's
    /// own, alphabetically.
    pub fn categories(&self) -> Vec<&str> {
        let used: BTreeSet<&str> = self.index.categories().collect();
        let mut out: Vec<&str> = CATEGORIES
            .iter()
            .map(|(c, _)| *c)
            .filter(|c| used.contains(c))
            .collect();
        out.extend(used.iter().filter(|c| !is_known_category(c)));
        out
    }

    /// Name, version and sha256 of the exact text, for the session record.
    pub fn fingerprint(&self) -> Fingerprint {
        crate::store::fingerprint::of_text(
            &self.name,
            &self.version,
            &self.text,
            self.path.as_deref(),
        )
    }

    pub fn is_embedded(&self) -> bool {
        self.path.is_none()
    }
}
