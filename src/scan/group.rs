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
    pub fn spread(&self) -> Option<u8> {
        Some(self.max? - self.min?)
    }

    /// Members differ by two levels or more: worth discussing.
    pub fn flagged(&self) -> bool {
        self.spread().is_some_and(|s| s >= 2)
    }
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
