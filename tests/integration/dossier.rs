//! The summary as a dossier document: the Meldcode-report route's exports against golden files
//! (the complex route's are in `golden.rs`), no internal node id in any document a colleague
//! reads, and the sections in the order a colleague reads them. The summary at the end of a
//! session on an 80-column terminal: `terminal_dossier.rs`.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::common::Workspace;
use crate::golden;

/// The golden documents people read, and the JSON exports (read with their id fields left out).
const READ: &[&str] = &[
    "sessie.md",
    "sessie.html",
    "sessie-kort.txt",
    "meldcode.md",
    "meldcode.html",
    "meldcode-kort.txt",
    "brief-huisarts.md",
    "brief-coordinator-pp.txt",
];
const JSON: &[&str] = &["sessie.json", "meldcode.json"];

/// The JSON fields that hold ids by design (documented in the README): the rest is text.
const ID_FIELDS: &[&str] = &[
    "knoop",
    "id",
    "huidige_knoop",
    "gekozen_bij",
    "soort",
    "schema",
];

/// The engine's words for its machinery, which no reader should meet.
const ENGINE_WORDS: &[&str] = &["sub-flow", "subflow", "knoop"];

#[test]
fn the_exports_of_a_report_to_veilig_thuis_match_their_golden_files() {
    let ws = Workspace::new();
    let id = crate::short_text::reported(&ws);
    golden::check_exports(&ws, &id, "meldcode");
}

/// Every node id of the shipped flows that is not also a label of the blueprint (B2, D4, VT…):
/// `B2-meldcode`, `AK5`, `MC2`, `KC-uitkomst`, …
fn internal_ids() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let mut labels = BTreeSet::new();
    for file in ["flows/blauwdruk-psychosociaal.yaml", "flows/meldcode.yaml"] {
        let text = std::fs::read_to_string(file).expect(file);
        for line in text.lines() {
            if let Some(id) = line.strip_prefix("  - id: ") {
                ids.insert(id.trim().to_string());
            }
            if let Some(label) = line.trim_start().strip_prefix("blauwdruk: ") {
                labels.insert(label.trim().to_string());
            }
        }
    }
    assert!(ids.len() > 40, "too few node ids read: {ids:?}");
    assert!(ids.contains("AK5") && ids.contains("B3-vervolg"), "{ids:?}");
    ids.difference(&labels).cloned().collect()
}

/// The ids and engine words in `text`, each as a word of its own (not inside another word).
fn found(text: &str, ids: &BTreeSet<String>) -> Vec<String> {
    let part = |c: char| c.is_alphanumeric() || c == '-' || c == '/' || c == '_';
    let words: BTreeSet<&str> = text.split(|c: char| !part(c)).collect();
    let mut hits: Vec<String> = ids
        .iter()
        .filter(|id| words.contains(id.as_str()))
        .cloned()
        .collect();
    hits.extend(
        ENGINE_WORDS
            .iter()
            .filter(|w| text.to_lowercase().contains(*w))
            .map(|w| (*w).to_string()),
    );
    // A key inside a sub-flow, "B2-meldcode/AK5", is two ids joined.
    hits.extend(
        words
            .iter()
            .filter(|w| w.split('/').count() > 1 && w.split('/').all(|p| ids.contains(p)))
            .map(|w| (*w).to_string()),
    );
    hits
}

/// Every text of a JSON value but those under the id fields.
fn texts(value: &Value, out: &mut String) {
    match value {
        Value::String(s) => {
            out.push_str(s);
            out.push('\n');
        }
        Value::Array(items) => items.iter().for_each(|v| texts(v, out)),
        Value::Object(map) => map
            .iter()
            .filter(|(k, _)| !ID_FIELDS.contains(&k.as_str()))
            .for_each(|(_, v)| texts(v, out)),
        _ => {}
    }
}

#[test]
fn no_internal_id_or_engine_word_in_any_document() {
    let ids = internal_ids();
    let read = |name: &str| {
        std::fs::read_to_string(format!("tests/golden/{name}"))
            .unwrap_or_else(|e| panic!("tests/golden/{name}: {e}"))
    };
    for name in READ {
        let hits = found(&read(name), &ids);
        assert!(hits.is_empty(), "{name}: {hits:?}");
    }
    for name in JSON {
        let json: Value = serde_json::from_str(&read(name)).expect(name);
        let mut text = String::new();
        texts(&json, &mut text);
        let hits = found(&text, &ids);
        assert!(hits.is_empty(), "{name}: {hits:?}");
        // The ids are still there, where a program looks for them.
        assert!(json["route"][0]["knoop"].is_string(), "{name}");
    }
    // The check itself finds what it looks for.
    assert_eq!(
        found("zie B2-meldcode/AK5 en MC2; een sub-flow", &ids),
        ["MC2", "sub-flow", "B2-meldcode/AK5"]
    );
    assert!(found("B2 Volg stappen Kindcheck/Meldcode; VT; D4", &ids).is_empty());
}

#[test]
fn the_sections_come_in_the_order_a_colleague_reads_them() {
    let ws = Workspace::new();
    let id = golden::session(&ws);
    let md = ws.cmd(&format!("export {id}")).run().code(0).stdout.clone();
    let order = [
        "- Kenmerk: P-2026-0042 · sessie ",
        "## Let op",
        "## Openstaande acties per rol",
        "## Verwijzingen",
        "## Beslissingen en antwoorden",
        "## Kindcheck en Meldcode — vanuit B2 Volg stappen Kindcheck/Meldcode\n",
        "## Kindcheck en Meldcode — vanuit B6 Volg stappen Kindcheck/Meldcode (opnieuw)",
        "## Checklists",
        "## Gewijzigde antwoorden",
        "## Bijlage: verloop van de sessie",
        "_zorgpad ondersteunt de professional",
    ];
    let at: Vec<usize> = order
        .iter()
        .map(|h| md.find(h).unwrap_or_else(|| panic!("{h}:\n{md}")))
        .collect();
    assert!(
        at.windows(2).all(|w| w[0] < w[1]),
        "{order:?} at {at:?}:\n{md}"
    );
    // Each section once; the Kindcheck is not told again under "Checklists".
    for h in order {
        assert_eq!(md.matches(h).count(), 1, "{h}");
    }
    let checklists = &md[md.find("## Checklists").unwrap()..md.find("## Gewijzigde").unwrap()];
    assert!(!checklists.contains("Kindcheck"), "{checklists}");
    // A session that waits says for what, right after what is to be done.
    let ws = Workspace::new();
    let waiting = crate::short_text::reported(&ws);
    let md = ws
        .cmd(&format!("export {waiting}"))
        .run()
        .code(0)
        .stdout
        .clone();
    let open = md
        .find("## Openstaande acties per rol")
        .expect("open actions");
    let wait = md.find("## Wacht op").expect("waiting");
    let referrals = md.find("## Verwijzingen").expect("referrals");
    assert!(open < wait && wait < referrals, "{md}");
    assert!(
        md.contains("- D4 Cliënt verschijnt op afspraak: sinds 22-11-2026 09:"),
        "{md}"
    );
}
