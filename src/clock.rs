//! The time of every answer. Real sessions use the system clock; tests and training
//! demonstrations can fix it with `ZORGPAD_NU` (an RFC 3339 time, e.g. 2026-11-22T09:00:00Z),
//! after which every reading moves one minute on, so that output is reproducible.

use std::cell::Cell;

use jiff::{tz::TimeZone, Timestamp, ToSpan};

use crate::error::{Error, Result};

#[derive(Debug)]
pub struct Clock {
    fixed: Option<Cell<Timestamp>>,
    zone: TimeZone,
}

impl Clock {
    /// The system clock, or the fixed clock of `ZORGPAD_NU` when it is set.
    pub fn from_env() -> Result<Clock> {
        let zone = TimeZone::try_system().unwrap_or(TimeZone::UTC);
        match std::env::var("ZORGPAD_NU") {
            Ok(text) if !text.trim().is_empty() => {
                let at: Timestamp = text.trim().parse().map_err(|_| {
                    Error::input(format!("ZORGPAD_NU='{text}' is geen geldig tijdstip"))
                        .hint("Gebruik de vorm 2026-11-22T09:00:00Z, of laat ZORGPAD_NU weg.")
                })?;
                Ok(Clock {
                    fixed: Some(Cell::new(at)),
                    zone,
                })
            }
            _ => Ok(Clock { fixed: None, zone }),
        }
    }

    pub fn now(&self) -> Timestamp {
        match &self.fixed {
            Some(cell) => {
                let at = cell.get();
                cell.set(at.checked_add(1.minute()).unwrap_or(at));
                at
            }
            None => Timestamp::now(),
        }
    }

    pub fn zone(&self) -> &TimeZone {
        &self.zone
    }

    /// Today's date in the clock's zone (a reading of the clock).
    pub fn today(&self) -> jiff::civil::Date {
        self.now().to_zoned(self.zone.clone()).date()
    }
}

/// "22-11-2026 09:14", in the given zone.
pub fn date_time(at: Timestamp, zone: &TimeZone) -> String {
    at.to_zoned(zone.clone())
        .strftime("%d-%m-%Y %H:%M")
        .to_string()
}

/// A date as people type it here: 20-12-2026, or 2026-12-20. Years outside 2000–2100 are
/// refused (a two-digit year is a typo, not the first century).
pub fn parse_date(text: &str) -> Option<jiff::civil::Date> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    jiff::civil::Date::strptime("%d-%m-%Y", t)
        .or_else(|_| jiff::civil::Date::strptime("%Y-%m-%d", t))
        .ok()
        .filter(|d| (2000..=2100).contains(&d.year()))
}

/// A name for something new made at `at`: date, time (UTC) and four random hex digits, e.g.
/// `20261122-0914-3fa2`. The caller tries again while the name is taken.
pub fn random_stamp(at: Timestamp) -> String {
    use std::hash::{BuildHasher, Hasher};
    let stamp = at.to_zoned(TimeZone::UTC).strftime("%Y%m%d-%H%M");
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(at.as_nanosecond() as u128);
    format!("{stamp}-{:04x}", h.finish() & 0xffff)
}
