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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::routes::routes;
    use crate::flow::set::FlowSet;

    fn trace(ids: &str) -> Trace {
        Trace::new(ids.split_whitespace().map(str::to_string).collect())
    }

    #[test]
    fn a_walk_round_a_loop_still_follows_its_route_and_goes_round_the_loop() {
        let set = FlowSet::load(None).expect("embedded flows");
        let map = routes(&set);
        assert_eq!(map.routes.len(), 23);
        // Route 9: complex, consent, not at the appointment twice, the Meldcode reports.
        let walk = trace(
            "IN B1 B1-instrument D1 B2-meldcode B2 B2-toestemming B2-contact-hulpverlening \
             B2-toestemming-huisarts B2-voorzorg D2-criteria D2 B4 D3 B5 B5-coordinator D4 D4 M1 \
             VT VT-terugkoppeling E-veilig-thuis",
        );
        let followed: Vec<usize> = map
            .routes
            .iter()
            .enumerate()
            .filter(|(_, r)| walk.follows(r))
            .map(|(i, _)| i + 1)
            .collect();
        assert_eq!(followed, [9]);
        let d4 = map
            .loops
            .iter()
            .find(|l| l.from == "D4")
            .expect("loop at D4");
        assert!(walk.goes_round(d4));
        let m1 = map.loops.iter().find(|l| l.to == "B4").expect("loop to B4");
        assert!(!walk.goes_round(m1));
    }

    #[test]
    fn a_walk_that_stops_short_of_an_end_follows_no_route() {
        let set = FlowSet::load(None).expect("embedded flows");
        let map = routes(&set);
        let walk = trace("IN B1 B1-instrument D1 B2-meldcode B2");
        assert!(map.routes.iter().all(|r| !walk.follows(r)));
    }
}
