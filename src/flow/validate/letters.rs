//! The checks of `brieven:` (letters per recipient): every recipient once, with a name and an
//! id that can be typed after `--voor`; a consent question that is a decision of this flow with
//! an option `ja`; only known parts; actions `KNOOP/ACTIE` of a checklist of this flow; and
//! nodes for the outcome, the coordination and the own file that exist (the first two never in
//! the own file). Every finding names the line in the file.

use std::collections::BTreeSet;

use crate::finding::Finding;
use crate::flow::letters::{Part, Recipient, CONSENT_YES};
use crate::flow::lines::{line_of_from, line_with_from, top_level};
use crate::flow::model::Body;

use super::Checked;

pub(super) fn check_letters(c: &Checked, findings: &mut Vec<Finding>) {
    let Some(letters) = &c.flow.letters else {
        return;
    };
    let file = c.flow.file.as_str();
    let start = top_level(c.text, "brieven").unwrap_or(1);
    let mut error = |line: Option<usize>, node: Option<&str>, problem: String, fix: String| {
        findings.push(Finding::error(file, line, node, problem, fix));
    };
    let known = |id: &str| c.flow.node(id).is_some();
    let suggest = |id: &str, otherwise: &str| c.suggest_node(id, otherwise);

    // The node lists of the section.
    for (key, ids) in [
        ("uitkomst", &letters.outcome),
        ("coordinatie", &letters.coordination),
        ("eigen-dossier", &letters.own_file),
    ] {
        for id in ids {
            let line = line_with_from(c.text, start, id).or(Some(start));
            if !known(id) {
                error(
                    line,
                    None,
                    format!("'brieven: {key}' noemt '{id}', maar dat is geen knoop van deze flow"),
                    suggest(id, "noem een bestaande knoop, of haal de naam weg"),
                );
            } else if key != "eigen-dossier" && letters.is_own_file(id) {
                error(
                    line,
                    Some(id),
                    format!("'{id}' staat onder 'brieven: {key}' én onder 'eigen-dossier'"),
                    "wat in het eigen dossier blijft, komt in geen brief; haal de knoop bij een van beide weg".to_string(),
                );
            } else if key != "eigen-dossier" && !answers(c, id) {
                error(
                    line,
                    Some(id),
                    format!("'brieven: {key}' noemt '{id}', maar die knoop vraagt geen antwoord voor een brief"),
                    "noem een beslissing, wachtmoment of open vraag (soort tekst)".to_string(),
                );
            }
        }
    }

    let mut seen = BTreeSet::new();
    for recipient in &letters.recipients {
        let line = line_of_from(c.text, start, "id", &recipient.id);
        if !seen.insert(recipient.id.to_lowercase()) {
            // The second one, not the first.
            let again = line
                .and_then(|l| line_of_from(c.text, l + 1, "id", &recipient.id))
                .or(line);
            error(
                again,
                None,
                format!("de ontvanger '{}' staat er twee keer", recipient.id),
                "geef elke ontvanger één keer, met alles wat met haar gedeeld mag worden"
                    .to_string(),
            );
            continue;
        }
        check_recipient(c, recipient, line, &mut error);
    }
}

type Report<'r> = dyn FnMut(Option<usize>, Option<&str>, String, String) + 'r;

fn check_recipient(c: &Checked, r: &Recipient, line: Option<usize>, error: &mut Report<'_>) {
    let from = line.unwrap_or(1);
    let plain = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
    };
    if !plain(&r.id) {
        error(
            line,
            None,
            format!("de ontvanger '{}' heeft geen bruikbaar id", r.id),
            "gebruik kleine letters, cijfers en streepjes (bijvoorbeeld 'coordinator-pp'): het id wordt getypt na --voor".to_string(),
        );
    }
    if r.name.trim().is_empty() {
        error(
            line,
            None,
            format!("de ontvanger '{}' heeft een lege 'naam'", r.id),
            "geef de naam zoals de brief haar noemt, bijvoorbeeld 'Huisarts'".to_string(),
        );
    }
    if let Some(q) = &r.consent {
        let at = line_of_from(c.text, from, "toestemming", q).or(line);
        match c.flow.node(q).map(|n| &n.body) {
            None => error(
                at,
                None,
                format!("de toestemming van ontvanger '{}' noemt '{q}', maar dat is geen knoop van deze flow", r.id),
                c.suggest_node(q, "noem de beslissing waarin de cliënt toestemming geeft, of haal 'toestemming' weg (dan telt alleen 'zorgpad toestemming')"),
            ),
            Some(Body::Decision { options, .. }) => {
                if !options.iter().any(|o| o.id == CONSENT_YES) {
                    error(
                        at,
                        Some(q),
                        format!("de toestemmingsvraag '{q}' van ontvanger '{}' heeft geen optie 'ja'", r.id),
                        "een toestemmingsvraag heeft een optie met id 'ja' (toestemming gegeven); elk ander antwoord telt als geen toestemming".to_string(),
                    );
                }
            }
            Some(_) => error(
                at,
                Some(q),
                format!("de toestemming van ontvanger '{}' noemt '{q}', maar dat is geen beslissing", r.id),
                "noem een beslissing (soort beslissing) met een optie 'ja'".to_string(),
            ),
        }
    }
    if r.share.is_empty() {
        error(
            line,
            None,
            format!("ontvanger '{}' heeft een lege lijst 'delen'", r.id),
            format!(
                "noem de delen die met haar gedeeld mogen worden: {}",
                Part::names()
            ),
        );
    }
    for part in &r.share {
        if Part::parse(part).is_none() {
            error(
                line_with_from(c.text, from, part.trim()).or(line),
                None,
                format!(
                    "ontvanger '{}' noemt onder 'delen' het onbekende deel '{part}'",
                    r.id
                ),
                format!("mogelijke delen: {}", Part::names()),
            );
        }
    }
    for action in &r.actions {
        let at = line_with_from(c.text, from, action).or(line);
        let fix = "schrijf 'KNOOP/ACTIE': een actie van een checklist (soort actie) van deze flow, bijvoorbeeld 'B8/overdracht-betrokkenen'";
        let Some((node, id)) = action.split_once('/') else {
            error(
                at,
                None,
                format!("ontvanger '{}' noemt onder 'acties' '{action}'", r.id),
                fix.to_string(),
            );
            continue;
        };
        match c.flow.node(node).map(|n| &n.body) {
            Some(Body::Action { items, .. }) if items.iter().any(|a| a.id == id) => {}
            Some(Body::Action { .. }) => error(
                at,
                Some(node),
                format!("ontvanger '{}': de checklist '{node}' heeft geen actie '{id}'", r.id),
                fix.to_string(),
            ),
            Some(_) => error(
                at,
                Some(node),
                format!("ontvanger '{}': '{node}' is geen checklist (soort actie)", r.id),
                fix.to_string(),
            ),
            None => error(
                at,
                None,
                format!("ontvanger '{}' noemt onder 'acties' '{node}', maar dat is geen knoop van deze flow", r.id),
                c.suggest_node(node, fix),
            ),
        }
    }
}

/// Whether the node's answer can stand in a letter: a decision, a wait or a free text.
fn answers(c: &Checked, id: &str) -> bool {
    matches!(
        c.flow.node(id).map(|n| &n.body),
        Some(Body::Decision { .. } | Body::Wait { .. } | Body::Text { .. })
    )
}
