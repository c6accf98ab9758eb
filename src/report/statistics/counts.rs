//! The practice's figures as exact counts (`zorgpad.praktijkcijfers/1`): what `zorgpad
//! statistiek` writes as JSON, and what `zorgpad statistiek samenvoegen` adds up for the region.
//!
//! Only counts: no session id, no reference, no free text, no date finer than the month in
//! which a session started. The counts are exact, because rounded or hidden counts cannot be
//! added up (2 + 2 and 3 + 1 are both "<5 + <5"); small groups are hidden only in the figures
//! made from them, after merging. The file is therefore meant for the regional coordinator
//! only, and says so in `let_op`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

pub const SCHEMA: &str = "zorgpad.praktijkcijfers/1";
const SCHEMA_FAMILY: &str = "zorgpad.praktijkcijfers/";

pub const WARNING: &str = "Vertrouwelijk: exacte aantallen, ook groepen kleiner dan 5. Alleen voor de regiocoördinator, om samen te voegen met 'zorgpad statistiek samenvoegen'; niet publiceren of doorsturen.";

/// The largest count a file may hold: more is no practice's real figure.
const MAX_COUNT: u64 = 1_000_000;

/// One practice's counts, or the sum of several.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counts {
    pub schema: String,
    pub let_op: String,
    /// The first and last month (jjjj-mm) in which a counted session started.
    pub maanden: Option<Months>,
    /// Sessions per gemeente, over all versions.
    pub gemeenten: BTreeMap<String, u64>,
    /// The other figures per version of the flow and the Sociale Kaart.
    pub versies: Vec<Version>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Months {
    pub van: String,
    pub tot: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Named {
    pub naam: String,
    pub versie: String,
}

impl Named {
    pub fn text(&self) -> String {
        format!("{} versie {}", self.naam, self.versie)
    }
}

/// The figures of the sessions on one version of the flow and of the map.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Version {
    pub flow: Named,
    pub kaart: Option<Named>,
    pub sessies: u64,
    /// Sessions per end reached ("B8: Overdracht na de bevalling", "Nog niet afgerond").
    pub uitkomsten: BTreeMap<String, u64>,
    /// Sessions with a referral (or a gap) per category of the Sociale Kaart.
    pub verwijzingen: BTreeMap<String, u64>,
    /// Sessions with "geen passend aanbod" per category, per gemeente.
    pub geen_passend_aanbod: BTreeMap<String, BTreeMap<String, u64>>,
    /// Decisions with a proposal of zorgpad: what was proposed and what was chosen.
    pub voorstellen: Vec<ProposalCount>,
    /// Sessions per last answer in force at D4 ("Is de cliënt op de afspraak verschenen?").
    pub verschijnen: BTreeMap<String, u64>,
    /// Of those, sessions that answered D4 with an option that asks it again (a new
    /// appointment made).
    pub nieuwe_afspraak: u64,
    /// Runs of the Kindcheck/Meldcode per end reached in it.
    pub meldcode: BTreeMap<String, u64>,
    /// Sessions with a run of the Kindcheck/Meldcode: with and without a report to Veilig Thuis.
    pub melding_veilig_thuis: YesNo,
    /// Per stretch (`intake-verwijzing`, …): the whole days it took, one number per session,
    /// sorted.
    pub doorlooptijden: BTreeMap<String, Vec<u64>>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProposalCount {
    /// The decision, as a reader names it ("D2 Bepaal de complexiteit").
    pub beslissing: String,
    /// The option zorgpad proposed and the option chosen (labels of the flow, never free text).
    pub voorstel: String,
    pub gekozen: String,
    pub aantal: u64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YesNo {
    pub ja: u64,
    pub nee: u64,
}

/// The stretches of time measured, in order: key in the file, and how a reader names it.
pub const STRETCHES: [(&str, &str); 5] = [
    ("intake-verwijzing", "Intake tot verwijzing (B3/B4)"),
    ("verwijzing-mdo", "Verwijzing (B3/B4) tot MDO (B7)"),
    ("mdo-overdracht", "MDO (B7) tot overdracht (B8)"),
    ("intake-mdo", "Intake tot MDO (B7)"),
    ("intake-overdracht", "Intake tot overdracht (B8)"),
];

impl Counts {
    pub fn new() -> Counts {
        Counts {
            schema: SCHEMA.to_string(),
            let_op: WARNING.to_string(),
            ..Counts::default()
        }
    }

    /// The figures of this flow and map version, added when new.
    pub fn version(&mut self, flow: Named, kaart: Option<Named>) -> &mut Version {
        let i = match self
            .versies
            .iter()
            .position(|v| v.flow == flow && v.kaart == kaart)
        {
            Some(i) => i,
            None => {
                self.versies.push(Version {
                    flow,
                    kaart,
                    ..Version::default()
                });
                self.versies.len() - 1
            }
        };
        &mut self.versies[i]
    }

    /// A session started in this month (jjjj-mm).
    pub fn month(&mut self, month: String) {
        self.maanden = Some(match self.maanden.take() {
            None => Months {
                van: month.clone(),
                tot: month,
            },
            Some(m) => Months {
                van: m.van.min(month.clone()),
                tot: m.tot.max(month),
            },
        });
    }

    pub fn total(&self) -> u64 {
        self.gemeenten.values().sum()
    }

    /// Add another practice's counts to these.
    pub fn merge(&mut self, other: Counts) {
        if let Some(m) = other.maanden {
            self.month(m.van);
            self.month(m.tot);
        }
        add_map(&mut self.gemeenten, other.gemeenten);
        for v in other.versies {
            let mine = self.version(v.flow, v.kaart);
            mine.sessies += v.sessies;
            add_map(&mut mine.uitkomsten, v.uitkomsten);
            add_map(&mut mine.verwijzingen, v.verwijzingen);
            for (category, per) in v.geen_passend_aanbod {
                add_map(mine.geen_passend_aanbod.entry(category).or_default(), per);
            }
            for p in v.voorstellen {
                mine.proposal(p.beslissing, p.voorstel, p.gekozen, p.aantal);
            }
            add_map(&mut mine.verschijnen, v.verschijnen);
            mine.nieuwe_afspraak += v.nieuwe_afspraak;
            add_map(&mut mine.meldcode, v.meldcode);
            mine.melding_veilig_thuis.ja += v.melding_veilig_thuis.ja;
            mine.melding_veilig_thuis.nee += v.melding_veilig_thuis.nee;
            for (stretch, days) in v.doorlooptijden {
                let list = mine.doorlooptijden.entry(stretch).or_default();
                list.extend(days);
                list.sort_unstable();
            }
        }
        self.versies
            .sort_by(|a, b| (&a.flow, &a.kaart).cmp(&(&b.flow, &b.kaart)));
    }
}

impl Version {
    pub fn proposal(&mut self, beslissing: String, voorstel: String, gekozen: String, n: u64) {
        match self
            .voorstellen
            .iter_mut()
            .find(|p| p.beslissing == beslissing && p.voorstel == voorstel && p.gekozen == gekozen)
        {
            Some(p) => p.aantal += n,
            None => self.voorstellen.push(ProposalCount {
                beslissing,
                voorstel,
                gekozen,
                aantal: n,
            }),
        }
        self.voorstellen.sort();
    }
}

fn add_map(into: &mut BTreeMap<String, u64>, from: BTreeMap<String, u64>) {
    for (k, n) in from {
        *into.entry(k).or_default() += n;
    }
}

/// The practices' files named: files as given, folders as every `*.json` in them.
pub fn files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    crate::json_files::json_files(
        paths,
        "praktijkcijfers",
        "Een praktijk maakt haar bestand met 'zorgpad statistiek -o praktijk.json'.",
        crate::json_files::Copies::Refuse,
    )
}

const REMAKE: &str = "Laat de praktijk het bestand opnieuw maken met 'zorgpad statistiek -o praktijk.json', en verander het niet met de hand.";

/// Read one practice's file and check it: the schema and its version, the shape, no negative
/// or absurd count, and counts that agree with each other.
pub fn load(path: &Path) -> Result<Counts> {
    let text = crate::error::read_text("de praktijkcijfers", path)?;
    let bad = |what: String| {
        Error::input(format!(
            "'{}' is geen bruikbaar bestand met praktijkcijfers: {what}",
            path.display()
        ))
        .hint(REMAKE)
    };
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        bad(format!(
            "het is geen geldige JSON (regel {}, kolom {})",
            e.line(),
            e.column()
        ))
    })?;
    match value.get("schema").and_then(|s| s.as_str()) {
        Some(SCHEMA) => {}
        Some(s) if s.starts_with(SCHEMA_FAMILY) => {
            return Err(bad(format!(
                "het heeft schema '{s}', deze versie van zorgpad leest '{SCHEMA}'"
            ))
            .hint("Laat de praktijk het bestand opnieuw maken met 'zorgpad statistiek -o praktijk.json', met dezelfde versie van zorgpad als de uwe ('zorgpad --version' toont de versie)."))
        }
        Some(s) => {
            return Err(bad(format!(
                "het heeft schema '{s}' in plaats van '{SCHEMA}'"
            )))
        }
        None => return Err(bad(format!("het schema '{SCHEMA}' ontbreekt"))),
    }
    check_numbers(&value, "", &bad)?;
    let counts: Counts = serde_json::from_value(value)
        .map_err(|_| bad("de opbouw klopt niet met het schema (README, 'Statistiek')".into()))?;
    check_sums(&counts).map_err(bad)?;
    Ok(counts)
}

/// Every number in the file: a whole number from 0 up to [`MAX_COUNT`].
fn check_numbers(value: &serde_json::Value, at: &str, bad: &dyn Fn(String) -> Error) -> Result<()> {
    match value {
        serde_json::Value::Number(n) => match n.as_u64() {
            Some(n) if n <= MAX_COUNT => Ok(()),
            _ if n.as_i64().is_some_and(|n| n < 0) || n.as_f64().is_some_and(|f| f < 0.0) => {
                Err(bad(format!("een negatief aantal ({n}) bij '{at}'")))
            }
            _ => Err(bad(format!("'{n}' bij '{at}' is geen geldig aantal"))),
        },
        serde_json::Value::Array(items) => items
            .iter()
            .enumerate()
            .try_for_each(|(i, v)| check_numbers(v, &format!("{at}[{i}]"), bad)),
        serde_json::Value::Object(map) => map.iter().try_for_each(|(k, v)| {
            let at = if at.is_empty() {
                k.clone()
            } else {
                format!("{at}.{k}")
            };
            check_numbers(v, &at, bad)
        }),
        _ => Ok(()),
    }
}

/// Counts that must agree: the gemeenten and the versions, each version's ends and sessions.
fn check_sums(c: &Counts) -> std::result::Result<(), String> {
    if let Some(m) = &c.maanden {
        let month = |ym: &str| {
            let b = ym.as_bytes();
            b.len() == 7
                && b[4] == b'-'
                && b[..4].iter().chain(&b[5..]).all(u8::is_ascii_digit)
                && ("01"..="12").contains(&&ym[5..])
        };
        if !month(&m.van) || !month(&m.tot) || m.van > m.tot {
            return Err(format!(
                "de maanden '{}' tot '{}' zijn geen geldige periode (jjjj-mm)",
                m.van, m.tot
            ));
        }
    }
    let per_version: u64 = c.versies.iter().map(|v| v.sessies).sum();
    if c.total() != per_version {
        return Err(format!(
            "de sessies per gemeente ({}) en per versie ({per_version}) tellen niet op tot hetzelfde",
            c.total()
        ));
    }
    for v in &c.versies {
        let ends: u64 = v.uitkomsten.values().sum();
        let d4: u64 = v.verschijnen.values().sum();
        let melding = v.melding_veilig_thuis.ja + v.melding_veilig_thuis.nee;
        let longest = v
            .doorlooptijden
            .values()
            .map(|d| d.len() as u64)
            .max()
            .unwrap_or(0);
        let gap_above = v.geen_passend_aanbod.iter().any(|(cat, per)| {
            per.values().sum::<u64>() > v.verwijzingen.get(cat).copied().unwrap_or(0)
        });
        if ends != v.sessies
            || d4 > v.sessies
            || v.nieuwe_afspraak > d4
            || melding > v.sessies
            || longest > v.sessies
            || gap_above
            || v.verwijzingen.values().any(|&n| n > v.sessies)
        {
            return Err(format!(
                "de aantallen van {} kloppen niet met de {} sessies",
                v.flow.text(),
                v.sessies
            ));
        }
    }
    Ok(())
}
