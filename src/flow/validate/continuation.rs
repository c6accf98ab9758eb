//! `vervolg:` of an end: where a finished session may go on later.

use super::Checked;
use crate::finding::Finding;
use crate::flow::model::{Body, Node};

/// `vervolg:` of an end: a node of the same flow, and only at an end of the main flow (the
/// walk goes on after the end of the whole walk, never out of a sub-flow).
pub(super) fn check_continuation(c: &Checked, node: &Node, findings: &mut Vec<Finding>) {
    let Body::End {
        continuation: Some(continuation),
        ..
    } = &node.body
    else {
        return;
    };
    let file = c.flow.file.as_str();
    let here = Some(node.id.as_str());
    let target = continuation.target.as_str();
    if c.flow.id != c.set.main().id {
        findings.push(Finding::error(
            file,
            node.line,
            here,
            "'vervolg' staat bij een einde van een sub-flow; een sessie gaat alleen verder na een einde van de hoofdflow".to_string(),
            "haal 'vervolg' weg, of zet het bij het einde van de hoofdflow".to_string(),
        ));
    }
    if !c.declared.contains(target) {
        findings.push(Finding::error(
            file,
            node.line,
            here,
            format!("'vervolg' gaat naar '{target}', maar die knoop bestaat niet"),
            c.suggest_node(
                target,
                "gebruik in 'naar:' de id van een knoop van deze flow",
            ),
        ));
    } else if target == node.id {
        findings.push(Finding::error(
            file,
            node.line,
            here,
            "'vervolg' gaat naar dit einde zelf".to_string(),
            "laat 'naar:' wijzen naar de knoop waar het pad later verdergaat".to_string(),
        ));
    }
}
