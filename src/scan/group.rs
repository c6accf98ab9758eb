//! The group picture of a set of scans: per aspect the distribution over the levels, the
//! median and the spread, and the same per discipline. Figures only; the report room renders
//! them.

use crate::scan::questionnaire::Questionnaire;
use crate::scan::*;

/// The figures of one aspect.
#[derive(Debug, Clone)]
pub struct ItemStats {
    pub title: String,
    /// Members per level (index 0 is level 1).
    pub counts: Vec<usize>,
    /// Members who answered "weet ik niet" or left the aspect out.
    pub unknown: usize,
    pub median: Option<f64>,
    pub min: Option<u8>,
    pub max: Option<u8>,
    /// The next level above the median, with its description (`None` at the top level).
    pub next: Option<(u8, String)>,
    /// The notes, sorted (so that their order tells nothing about who wrote them).
    pub notes: Vec<String>,
}

impl ItemStats {
    /// Worth discussing: the group is split, not merely stretched by an outlier (see
    /// [`ItemStats::split`]).
    pub fn flagged(&self) -> bool {
        self.split().is_some()
    }

    /// The split of the members who gave a level, when there is one: at least a quarter of
    /// them (and at least [`SPLIT_MIN`]) chose level `low` or lower, and as many chose level
    /// `high` or higher, two levels or more above `low`. One or two outliers in a small group
    /// do not make a split; half the group against the other half does.
    pub fn split(&self) -> Option<Split> {
        let n: usize = self.counts.iter().sum();
        let k = SPLIT_MIN.max(n.div_ceil(4));
        if 2 * k > n {
            return None;
        }
        // The level of the k-th lowest and of the k-th highest answer.
        let kth = |levels: &mut dyn Iterator<Item = (usize, &usize)>| -> Option<usize> {
            let mut seen = 0;
            for (i, c) in levels {
                seen += c;
                if seen >= k {
                    return Some(i + 1);
                }
            }
            None
        };
        let low = kth(&mut self.counts.iter().enumerate())?;
        let high = kth(&mut self.counts.iter().enumerate().rev())?;
        if high < low + 2 {
            return None;
        }
        Some(Split {
            low: low as u8,
            at_or_below: self.counts[..low].iter().sum(),
            high: high as u8,
            at_or_above: self.counts[high - 1..].iter().sum(),
        })
    }
}

/// The fewest members on each side of a split.
pub const SPLIT_MIN: usize = 2;

/// A group split over an aspect: `at_or_below` members chose level `low` or lower,
/// `at_or_above` chose `high` or higher.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split {
    pub low: u8,
    pub at_or_below: usize,
    pub high: u8,
    pub at_or_above: usize,
}

/// The medians of one discipline.
#[derive(Debug, Clone)]
pub struct DisciplineStats {
    pub label: String,
    pub members: usize,
    pub medians: Vec<Option<f64>>,
}

#[derive(Debug, Clone)]
pub struct Group {
    pub members: usize,
    pub items: Vec<ItemStats>,
    pub disciplines: Vec<DisciplineStats>,
}

pub(crate) fn median(values: &mut [u8]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let n = values.len();
    Some(if n % 2 == 1 {
        f64::from(values[n / 2])
    } else {
        (f64::from(values[n / 2 - 1]) + f64::from(values[n / 2])) / 2.0
    })
}

impl Group {
    pub fn of(q: &Questionnaire, scans: &[ScanFile]) -> Group {
        let levels_of = |scans: &[&ScanFile], id: &str| -> Vec<u8> {
            scans
                .iter()
                .filter_map(|s| s.antwoorden.iter().find(|a| a.onderdeel == id)?.niveau)
                .collect()
        };
        let all: Vec<&ScanFile> = scans.iter().collect();
        let items = q
            .items
            .iter()
            .map(|item| {
                let mut values = levels_of(&all, &item.id);
                let mut counts = vec![0; q.levels.len()];
                for v in &values {
                    counts[usize::from(*v) - 1] += 1;
                }
                let min = values.iter().copied().min();
                let max = values.iter().copied().max();
                let unknown = scans.len() - values.len();
                let med = median(&mut values);
                let next = med.and_then(|m| {
                    let level = m.floor() as usize + 1;
                    item.levels.get(level - 1).map(|d| (level as u8, d.clone()))
                });
                let mut notes: Vec<String> = scans
                    .iter()
                    .filter_map(|s| {
                        s.antwoorden
                            .iter()
                            .find(|a| a.onderdeel == item.id)?
                            .notitie
                            .clone()
                    })
                    .collect();
                notes.sort();
                ItemStats {
                    title: item.title.clone(),
                    counts,
                    unknown,
                    median: med,
                    min,
                    max,
                    next,
                    notes,
                }
            })
            .collect();
        let mut groups: Vec<(String, Vec<&ScanFile>)> = Vec::new();
        for (id, label) in DISCIPLINES {
            let members: Vec<&ScanFile> = scans
                .iter()
                .filter(|s| s.discipline.as_deref() == Some(id))
                .collect();
            if !members.is_empty() {
                groups.push((label.to_string(), members));
            }
        }
        let other: Vec<&ScanFile> = scans
            .iter()
            .filter(|s| {
                !s.discipline
                    .as_deref()
                    .is_some_and(|d| DISCIPLINES.iter().any(|(id, _)| *id == d))
            })
            .collect();
        if !other.is_empty() {
            groups.push(("Niet opgegeven".to_string(), other));
        }
        let disciplines = groups
            .into_iter()
            .map(|(label, members)| DisciplineStats {
                label,
                medians: q
                    .items
                    .iter()
                    .map(|i| median(&mut levels_of(&members, &i.id)))
                    .collect(),
                members: members.len(),
            })
            .collect();
        Group {
            members: scans.len(),
            items,
            disciplines,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(counts: &[usize]) -> ItemStats {
        ItemStats {
            title: "x".to_string(),
            counts: counts.to_vec(),
            unknown: 0,
            median: None,
            min: None,
            max: None,
            next: None,
            notes: Vec::new(),
        }
    }

    #[test]
    fn one_or_two_outliers_are_no_split_a_real_split_is() {
        // Six members, one outlier two or three levels away: no split.
        assert_eq!(item(&[0, 5, 0, 1]).split(), None);
        assert_eq!(item(&[1, 0, 0, 5]).split(), None);
        // Two outliers on either side of a group of six: no side holds two members.
        assert_eq!(item(&[1, 4, 0, 1]).split(), None);
        // Two of six low, four high: a split.
        assert_eq!(
            item(&[2, 0, 4, 0]).split(),
            Some(Split {
                low: 1,
                at_or_below: 2,
                high: 3,
                at_or_above: 4
            })
        );
        // Twelve: a quarter is three.
        assert_eq!(item(&[2, 0, 0, 10]).split(), None);
        assert!(item(&[2, 3, 4, 3]).split().is_some());
        assert!(item(&[4, 4, 4, 0]).split().is_some());
        assert_eq!(item(&[1, 11, 0, 0]).split(), None);
        // Too few answers for two sides of two.
        assert_eq!(item(&[1, 0, 0, 2]).split(), None);
    }
}
