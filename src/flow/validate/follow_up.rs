//! The checks of `opvolging:` on a wait: where the path goes on while the wait stays open
//! (`verder`, checked as a target with the others) must be another node than the wait itself,
//! and where an open follow-up is asked at the latest (`uiterlijk`) must be a node of the main
//! flow: that is the path the follow-up runs beside. (A sub-flow cannot know every main flow
//! that calls it, so there `uiterlijk` is not checked.)

use crate::finding::Finding;
use crate::flow::model::{Body, Node};

use super::Checked;

pub(super) fn check_follow_up(c: &Checked, node: &Node, findings: &mut Vec<Finding>) {
    let Body::Wait {
        follow_up: Some(rule),
        ..
    } = &node.body
    else {
        return;
    };
    let file = c.flow.file.as_str();
    let here = Some(node.id.as_str());
    if rule.resume == node.id {
        findings.push(Finding::error(
            file,
            node.line,
            here,
            "'opvolging: verder' verwijst naar de wachtknoop zelf".to_string(),
            "noem bij 'verder' de knoop waar het pad verder gaat zolang de opvolging open staat (in een sub-flow bijvoorbeeld een einde, in de hoofdflow de volgende box)".to_string(),
        ));
    }
    // In a sub-flow (the Meldcode), `uiterlijk` names a node of the main flow that calls it;
    // a VSV's own main flow may not have that node, and then simply never asks it by itself.
    let in_main = std::ptr::eq(c.flow, c.set.main());
    if let Some(latest) = rule.latest.as_ref().filter(|_| in_main) {
        let main = c.set.main();
        if main.node(latest).is_none() {
            let known: Vec<String> = main.nodes.iter().map(|n| n.id.clone()).collect();
            findings.push(Finding::error(
                file,
                node.line,
                here,
                format!(
                    "'opvolging: uiterlijk' noemt '{latest}', maar dat is geen knoop van de hoofdflow"
                ),
                crate::suggest::suggest(
                    latest,
                    &known,
                    "noem de knoop van de hoofdflow waar de opvolging uiterlijk gevraagd wordt (bijvoorbeeld 'B6-meldcode'), of haal 'uiterlijk' weg",
                ),
            ));
        }
    }
}
