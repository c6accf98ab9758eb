//! The Sociale Kaart as written in its YAML file: Dutch keys, every field optional.
//!
//! Why this exists: the file is written by hand, so every mistake in it should be reported at
//! once, with its line, rather than stop at the first serde error. The raw form accepts
//! anything of the right shape (unknown keys are refused); [`super::convert`] then checks it
//! and builds the [`super::Kaart`]. The importer produces this form too, and
//! [`super::write`] writes it back as YAML. Field names are the file's keys: do not rename them.

use serde::{Deserialize, Serialize};

/// The fields of a provider, in the order of the file format (and of the importer's columns).
pub(super) const PROVIDER_FIELDS: [&str; 14] = [
    "id",
    "naam",
    "categorieen",
    "gemeenten",
    "domein",
    "niveau",
    "telefoon",
    "email",
    "website",
    "adres",
    "aanmelden",
    "toelichting",
    "gecontroleerd",
    "beheerder",
];

/// The fields of the `kaart:` block.
pub(super) const META_FIELDS: [&str; 6] =
    ["naam", "vsv", "regio", "versie", "bijgewerkt", "gemeenten"];

/// The map file as written. Every field is optional here so that a missing one is reported
/// with all the others, not as the first serde error.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawKaart {
    pub kaart: RawMeta,
    #[serde(default)]
    pub aanbieders: Vec<RawProvider>,
}

/// The `kaart:` block.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeta {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub naam: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vsv: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regio: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub versie: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bijgewerkt: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gemeenten: Option<Vec<String>>,
}

/// One entry under `aanbieders:`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProvider {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub naam: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub categorieen: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gemeenten: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domein: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub niveau: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub telefoon: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adres: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aanmelden: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toelichting: Option<String>,
    /// The day the entry was last checked with the provider: dd-mm-jjjj or jjjj-mm-dd.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gecontroleerd: Option<String>,
    /// Who keeps the entry up to date (a name or role in the VSV, not a client).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beheerder: Option<String>,
}
