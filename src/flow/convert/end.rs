//! Converting an end: its outcome, the sentences that depend on what was done
//! (`uitkomst-als`), and where a finished session may go on later (`vervolg`).

use super::{conditions, At};
use crate::flow::model::{Body, Continuation, OutcomePart};
use crate::flow::raw::RawNode;

pub(super) fn end(at: &mut At<'_>, raw: &mut RawNode) -> Option<Body> {
    let parts: Vec<OutcomePart> = raw
        .uitkomst_als
        .take()
        .unwrap_or_default()
        .into_iter()
        .map(|p| {
            if p.als.is_empty() {
                at.error(
                    "een deel van 'uitkomst-als' heeft geen voorwaarden ('als:')".to_string(),
                    "geef minstens één voorwaarde 'KNOOP = ID' onder 'als:'".to_string(),
                );
            }
            OutcomePart {
                conditions: conditions(at, p.als),
                text: p.tekst,
                otherwise: p.anders,
            }
        })
        .collect();
    let continuation = raw.vervolg.take().map(|v| {
        if v.label.trim().is_empty() {
            at.error(
                "'vervolg' heeft een leeg 'label'".to_string(),
                "zeg in 'label:' in een zin wanneer en waar de sessie verdergaat, bijvoorbeeld 'Later toch signalen: verder bij de Meldcode (PPM = ja)'".to_string(),
            );
        }
        Continuation {
            target: v.naar,
            label: v.label.trim().to_string(),
        }
    });
    match raw.uitkomst.take() {
        Some(outcome) => Some(Body::End {
            outcome,
            parts,
            continuation,
        }),
        None => {
            at.missing("uitkomst", "de uitkomst van dit einde, in een zin");
            None
        }
    }
}
