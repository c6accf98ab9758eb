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
    by_id: HashMap<String, usize>,
    /// The position of each provider in the order light → heavy.
    rank: Vec<usize>,
    categories: HashMap<String, CategoryIndex>,
}

#[derive(Debug, Clone, Default)]
struct CategoryIndex {
    all: Vec<usize>,
    region_wide: Vec<usize>,
    /// Keyed by the lower-cased gemeente.
    by_gemeente: HashMap<String, Vec<usize>>,
}

impl Index {
    /// The index of `providers` (positions in that slice).
    pub(super) fn build(providers: &[Provider]) -> Index {
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

    /// The providers of `category` that serve `gemeente` (region-wide ones included), light to
    /// heavy; with `None`, every provider of the category. See [`super::Kaart::providers_for`].
    pub(super) fn providers_for<'p>(
        &self,
        providers: &'p [Provider],
        category: &str,
        gemeente: Option<&str>,
    ) -> Vec<&'p Provider> {
        let Some(cat) = self.categories.get(category) else {
            return Vec::new();
        };
        let Some(gemeente) = gemeente else {
            return cat.all.iter().map(|&i| &providers[i]).collect();
        };
        let local: &[usize] = cat
            .by_gemeente
            .get(&gemeente.trim().to_lowercase())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let rank = &self.rank;
        let (mut a, mut b) = (0, 0);
        let regional = &cat.region_wide;
        let mut out = Vec::with_capacity(regional.len() + local.len());
        while a < regional.len() || b < local.len() {
            let take_regional = match (regional.get(a), local.get(b)) {
                (Some(&r), Some(&l)) => rank[r] < rank[l],
                (Some(_), None) => true,
                _ => false,
            };
            if take_regional {
                out.push(&providers[regional[a]]);
                a += 1;
            } else {
                out.push(&providers[local[b]]);
                b += 1;
            }
        }
        out
    }

    /// The position of the provider with this id.
    pub(super) fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The categories that have a provider, in no particular order.
    pub(super) fn categories(&self) -> impl Iterator<Item = &str> {
        self.categories.keys().map(String::as_str)
    }

    /// Whether `category` has a provider for `gemeente` (as the map spells it), local or
    /// region-wide.
    pub(super) fn covers(&self, category: &str, gemeente: &str) -> bool {
        self.categories.get(category).is_some_and(|c| {
            !c.region_wide.is_empty()
                || c.by_gemeente
                    .get(&gemeente.to_lowercase())
                    .is_some_and(|v| !v.is_empty())
        })
    }
}
