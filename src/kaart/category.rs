//! The categories of care a provider can belong to.
//!
//! Why this exists: a `verwijzing` node in the flow names a category, not a provider; the map
//! answers with the providers of that category. zorgpad knows a fixed list (documented in
//! `sociale-kaart/README.md`) so that a typo can be told from a VSV's own category, and the
//! Meldcode needs two of them in every map, whatever the flow refers to.

use crate::flow::model::Body;
use crate::flow::set::FlowSet;

/// The categories zorgpad knows, with a description for people. A VSV may add its own; those
/// are reported as a warning (a typo looks the same), never as an error.
pub const CATEGORIES: &[(&str, &str)] = &[
    (
        "veilig-thuis",
        "Veilig Thuis: advies en melding bij huiselijk geweld en kindermishandeling",
    ),
    (
        "aandachtsfunctionaris",
        "aandachtsfunctionaris kindermishandeling en huiselijk geweld",
    ),
    (
        "kwetsbare-zwangeren",
        "gespecialiseerde zorg voor kwetsbare zwangeren",
    ),
    (
        "voorzorg",
        "VoorZorg of een lokaal programma met huisbezoeken",
    ),
    ("ggz", "psychopathologie: (perinatale) ggz, POH-GGZ"),
    (
        "psychosociaal",
        "psychosociale problemen: maatschappelijk werk, wijkteam",
    ),
    ("verslavingszorg", "middelengebruik: verslavingszorg"),
    ("kraamzorg", "kraamzorg"),
    ("cjg", "Centrum voor Jeugd en Gezin"),
    ("jgz", "jeugdgezondheidszorg (consultatiebureau)"),
];

/// The number to call for Veilig Thuis anywhere in the Netherlands (free, day and night).
pub(crate) const VEILIG_THUIS_NATIONAL: &str = "0800-2000";

/// The categories the Meldcode needs in every map, whatever the flow refers to.
const MELDCODE_CATEGORIES: [&str; 2] = ["veilig-thuis", "aandachtsfunctionaris"];

/// Whether zorgpad knows this category.
pub(crate) fn is_known_category(category: &str) -> bool {
    CATEGORIES.iter().any(|(c, _)| *c == category)
}

/// The description of a known category.
pub(crate) fn category_description(category: &str) -> Option<&'static str> {
    CATEGORIES
        .iter()
        .find(|(c, _)| *c == category)
        .map(|(_, d)| *d)
}

/// The categories a map must cover for this flow set: every `verwijzing` category of every
/// flow in the set and every category a box shows (`kaart:`), then the Meldcode's (Veilig
/// Thuis and the aandachtsfunctionaris).
pub fn required_categories(set: &FlowSet) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for flow in &set.flows {
        for node in &flow.nodes {
            let referred = match &node.body {
                Body::Referral { category, .. } => Some(category),
                _ => None,
            };
            for category in referred.into_iter().chain(&node.contact_category) {
                if !out.contains(category) {
                    out.push(category.clone());
                }
            }
        }
    }
    for c in MELDCODE_CATEGORIES {
        if !out.iter().any(|o| o == c) {
            out.push(c.to_string());
        }
    }
    out
}
