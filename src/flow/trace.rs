//! Which route of [`crate::flow::routes`] a walk followed: the main-flow nodes it passed, matched
//! against a route (for the coverage of the practice cases in `zorgpad routes`).

use crate::flow::routes::{Loop, Route, Via};

/// The main-flow nodes a walk passed, in order (a sub-flow call once per call), as the
/// coverage sees them: loops taken out, so that a route is matched whatever loops the walk
/// went round first.
#[derive(Debug, Clone)]
pub struct Trace {
    /// As walked.
    raw: Vec<String>,
    /// Loops erased: when a node comes again, the part since its first visit is dropped.
    plain: Vec<String>,
}

impl Trace {
    pub fn new(raw: Vec<String>) -> Trace {
        let mut plain: Vec<String> = Vec::new();
        for id in &raw {
            match plain.iter().position(|p| p == id) {
                Some(k) => plain.truncate(k + 1),
                None => plain.push(id.clone()),
            }
        }
        Trace { raw, plain }
    }

    /// Whether the walk followed `route` from its start to its end.
    pub fn follows(&self, route: &Route) -> bool {
        let mut pos = 0;
        let Some(first) = route.passages.first() else {
            return false;
        };
        if self.plain.first() != Some(&first.node) {
            return false;
        }
        for p in &route.passages {
            let Some(next) = &p.next else {
                return self.plain.get(pos) == Some(&p.node);
            };
            match p.via {
                Via::Any => match self.plain[pos..].iter().position(|x| x == next) {
                    Some(k) => pos += k,
                    None => return false,
                },
                _ => {
                    if self.plain.get(pos + 1) != Some(next) {
                        return false;
                    }
                    pos += 1;
                }
            }
        }
        false
    }

    /// Whether the walk went round `l` (took the branch back from its start).
    pub fn goes_round(&self, l: &Loop) -> bool {
        self.raw.windows(2).any(|w| w[0] == l.from && w[1] == l.to)
    }
}
