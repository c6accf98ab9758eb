//! `zorgpad --versie`: the program's version and what is built into it — the flows, the
//! example map, the questionnaire, and the versions of every file format it writes — so that a
//! coordinator can say exactly which blueprint a session was walked with.

use crate::flow::set::FlowSet;
use crate::kaart::Kaart;
use crate::scan::questionnaire::Questionnaire;

/// The text of `--versie`.
pub(crate) fn text() -> String {
    let mut out = format!("zorgpad {}\n\nIngebouwd:\n", env!("CARGO_PKG_VERSION"));
    match FlowSet::load(None) {
        Ok(set) => {
            for flow in &set.flows {
                out.push_str(&format!(
                    "  flow         {} — versie {} ({})\n",
                    flow.name, flow.version, flow.id
                ));
            }
        }
        Err(e) => out.push_str(&format!("  flow         niet te lezen: {}\n", e.message)),
    }
    match Kaart::load(None) {
        Ok(kaart) => out.push_str(&format!(
            "  kaart        {} — versie {} (voorbeeld, verzonnen aanbieders)\n",
            kaart.name, kaart.version
        )),
        Err(e) => out.push_str(&format!("  kaart        niet te lezen: {}\n", e.message)),
    }
    match Questionnaire::load(None) {
        Ok(q) => out.push_str(&format!(
            "  vragenlijst  {} — versie {}\n",
            q.name, q.version
        )),
        Err(e) => out.push_str(&format!("  vragenlijst  niet te lezen: {}\n", e.message)),
    }
    out.push_str("\nBestandsformaten:\n");
    for (what, schema) in [
        ("sessie", crate::store::SCHEMA),
        ("samenvatting (export json)", crate::report::summary::SCHEMA),
        ("scan", crate::scan::SCHEMA),
        ("vragenlijst", crate::scan::questionnaire::SCHEMA),
        ("oefenresultaat", crate::training::RESULT_SCHEMA),
    ] {
        out.push_str(&format!("  {what:<27} {schema}\n"));
    }
    out
}
