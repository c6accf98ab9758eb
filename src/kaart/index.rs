//! The lookup structure built when a map is loaded.
//!
//! Why this exists: a national map has hundreds of gemeenten and thousands of providers, and a
//! referral must still be answered in microseconds. The index keeps, per category, the
//! providers already ordered light → heavy, region-wide ones apart from those per gemeente, so
//! that a lookup merges two short sorted lists.

use std::collections::HashMap;

use super::Provider;

/// Provider positions by id and by (category, gemeente), each list already in the order
/// light → heavy, so that a lookup is a merge of two short sorted lists.
#[derive(Debug, Clone, Default)]
pub(super) struct Index {
    pub(super) by_id: HashMap<String, usize>,
    /// The position of each provider in the order light → heavy.
    pub(super) rank: Vec<usize>,
    pub(super) categories: HashMap<String, CategoryIndex>,
}

#[derive(Debug, Clone, Default)]
pub(super) struct CategoryIndex {
    pub(super) all: Vec<usize>,
    pub(super) region_wide: Vec<usize>,
    /// Keyed by the lower-cased gemeente.
    pub(super) by_gemeente: HashMap<String, Vec<usize>>,
}

pub(super) fn build_index(providers: &[Provider]) -> Index {
    let mut keys: Vec<(u8, String, &str, usize)> = providers
        .iter()
        .enumerate()
        .map(|(i, p)| {
            (
                p.level.unwrap_or(u8::MAX),
                p.name.to_lowercase(),
                p.id.as_str(),
                i,
            )
        })
        .collect();
    keys.sort_unstable();
    let mut rank = vec![0; providers.len()];
    for (r, k) in keys.iter().enumerate() {
        rank[k.3] = r;
    }
    let mut categories: HashMap<String, CategoryIndex> = HashMap::new();
    for &(_, _, _, i) in &keys {
        let p = &providers[i];
        for c in &p.categories {
            if !categories.contains_key(c) {
                categories.insert(c.clone(), CategoryIndex::default());
            }
            let Some(cat) = categories.get_mut(c) else {
                continue;
            };
            if cat.all.last() == Some(&i) {
                continue; // the category is listed twice
            }
            cat.all.push(i);
            if p.gemeenten.is_empty() {
                cat.region_wide.push(i);
            }
            for g in &p.gemeenten {
                let list = cat.by_gemeente.entry(g.trim().to_lowercase()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
    }
    Index {
        by_id: providers
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect(),
        rank,
        categories,
    }
}
