//! Letters per recipient (`zorgpad export ID --voor ONTVANGER`) and consent recorded later
//! (`zorgpad toestemming`): a letter shares only the parts the flow allows for that recipient,
//! only with the client's consent, and never the Kindcheck or the Meldcode; what it leaves out
//! it names. Through the real binary, with the fixed session of `golden.rs` (GP consent
//! refused at B2, consent for the referral given at D3).

use crate::common::{Workspace, D4_TO_MDO_PAUSE, TO_D4_PAUSE};
use crate::golden::{self, session};
use crate::golden_file;

const FORMATS: [&str; 4] = ["md", "html", "tekst", "json"];
const LATER: &str = "2026-12-11T08:00:00Z";

/// The letter for `to`, in `format`, on standard output.
fn letter(ws: &Workspace, id: &str, to: &str, format: &str) -> String {
    ws.cmd(&format!("export {id} --voor {to} --formaat {format}"))
        .now(LATER)
        .run()
        .code(0)
        .no_panic()
        .stdout
        .clone()
}

fn consent(ws: &Workspace, id: &str, to: &str, answer: &str, at: &str) {
    // A reason: replacing the refusal at B2 (the huisarts) needs one.
    ws.cmd(&format!("toestemming {id} --voor {to} {answer} --door JdV"))
        .arg("--reden")
        .arg("alsnog gegeven bij het huisbezoek")
        .now(at)
        .run()
        .code(0)
        .no_panic()
        .stdout_has("Vastgelegd in sessie");
}

/// What the golden session holds that only a letter with consent may say, and what no letter
/// may ever say (the Meldcode's steps and its talk with the aandachtsfunctionaris).
const SHARED: [&str; 4] = [
    "Centrum Kwetsbare Zwangeren",
    "VoorZorg Voorbeeldregio",
    "Jeugdverpleegkundige CKZ",
    "Wijkverpleegkundige CJG",
];
const NEVER: [&str; 6] = [
    "Aandachtsfunctionaris",
    "gemeld",
    "afwegingskader",
    "ongeboren kind",
    "Wijkteam",
    "partner aanwezig",
];

fn assert_never(text: &str, what: &str) {
    for word in NEVER {
        assert!(!text.contains(word), "{what} says {word:?}:\n{text}");
    }
    // The Meldcode is named once: as not shared.
    assert_eq!(
        text.matches("Meldcode").count(),
        2,
        "{what}: the Meldcode only in the line that leaves it out:\n{text}"
    );
}

#[test]
fn letters_to_the_gp_of_the_golden_session_share_nothing_consent_was_refused() {
    let ws = Workspace::new();
    let id = session(&ws);
    for format in FORMATS {
        let text = letter(&ws, &id, "huisarts", format);
        assert!(text.contains("geen toestemming"), "{format}:\n{text}");
        assert!(
            !text.contains("geen toestemming vastgelegd"),
            "{format}:\n{text}"
        );
        for word in SHARED {
            assert!(!text.contains(word), "{format} shares {word:?}:\n{text}");
        }
        assert_never(&text, format);
    }
    let md = letter(&ws, &id, "huisarts", "md");
    assert!(md.contains("Brief aan: de huisarts"), "{md}");
    assert!(
        md.contains("Toestemming van de cliënt om te delen met de huisarts: nee"),
        "{md}"
    );
    assert!(
        md.contains("Verwijzingen — niet gedeeld: geen toestemming"),
        "{md}"
    );
    assert!(
        md.contains("Coördinatie — niet gedeeld: geen toestemming"),
        "{md}"
    );
    assert!(
        md.contains(&format!(
            "Geeft de cliënt later alsnog toestemming, leg dat dan vast met de reden: zorgpad toestemming {id} --voor huisarts ja --reden"
        )),
        "{md}"
    );
    assert!(
        md.contains("Kindcheck en Meldcode — niet gedeeld: blijft in het eigen dossier"),
        "{md}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&letter(&ws, &id, "huisarts", "json")).expect("json");
    assert_eq!(json["schema"], "zorgpad.brief/1");
    assert_eq!(json["toestemming"]["status"], "geweigerd");
    assert!(json["delen"]
        .as_array()
        .expect("delen")
        .iter()
        .all(|d| d["gedeeld"] == false && d["regels"].as_array().is_some_and(Vec::is_empty)));
}

#[test]
fn with_gp_consent_the_gp_letter_shares_outcome_and_referrals_but_no_meldcode() {
    let ws = Workspace::new();
    ws.cmd("start --rol verloskundig-zorgverlener --kenmerk P-7")
        .answers(TO_D4_PAUSE)
        .run()
        .code(0);
    let id = ws.only_session();
    for format in FORMATS {
        // The plain text wraps its lines at 80 columns.
        let text = letter(&ws, &id, "huisarts", format).replace("\n  ", " ");
        assert!(
            !text.contains("niet gedeeld: geen toestemming"),
            "{format}:\n{text}"
        );
        for word in [
            "Complex",
            "Centrum Kwetsbare Zwangeren",
            "Jeugdverpleegkundige van het Centrum",
        ] {
            assert!(text.contains(word), "{format} lacks {word:?}:\n{text}");
        }
        for word in [
            "Aandachtsfunctionaris",
            "gemeld",
            "ongeboren kind",
            "afwegingskader",
        ] {
            assert!(!text.contains(word), "{format} says {word:?}:\n{text}");
        }
    }
    let text = letter(&ws, &id, "huisarts", "tekst").replace("\n  ", " ");
    assert!(
        text.contains("Toestemming van de cliënt om te delen met de huisarts: ja"),
        "{text}"
    );
    assert!(
        text.contains("verwacht 10-12-2026"),
        "the wait for the appointment:\n{text}"
    );
    assert!(
        text.contains("Geen openstaande acties voor de huisarts."),
        "{text}"
    );
}

#[test]
fn kraamzorg_needs_a_recorded_consent_and_a_withdrawal_stops_sharing() {
    let ws = Workspace::new();
    let id = session(&ws);
    let before = letter(&ws, &id, "kraamzorg", "tekst");
    assert!(
        before.contains("om te delen met de kraamzorg: niet vastgelegd"),
        "{before}"
    );
    assert!(
        before.contains("Coördinatie — niet gedeeld: geen toestemming vastgelegd"),
        "{before}"
    );
    assert!(!before.contains("Jeugdverpleegkundige CKZ"), "{before}");

    consent(&ws, &id, "kraamzorg", "ja", "2026-12-12T09:00:00Z");
    let given = letter(&ws, &id, "kraamzorg", "tekst");
    assert!(
        given.contains("om te delen met de kraamzorg: ja (vastgelegd door"),
        "{given}"
    );
    assert!(given.contains("Jeugdverpleegkundige CKZ"), "{given}");
    assert!(!given.contains("niet gedeeld: geen toestemming"), "{given}");
    // The kraamzorg's parts only: no referrals.
    assert!(!given.contains("Centrum Kwetsbare Zwangeren"), "{given}");
    assert_never(&given, "kraamzorg");

    ws.cmd(&format!(
        "toestemming {id} --voor kraamzorg nee --rol coordinerend-zorgverlener"
    ))
    .arg("--reden")
    .arg("cliënt trekt toestemming in")
    .now("2026-12-14T09:00:00Z")
    .run()
    .code(0);
    let withdrawn = letter(&ws, &id, "kraamzorg", "tekst");
    assert!(
        withdrawn.contains("om te delen met de kraamzorg: nee"),
        "{withdrawn}"
    );
    assert!(
        withdrawn.contains("Coördinatie — niet gedeeld: geen toestemming\n"),
        "{withdrawn}"
    );
    assert!(
        !withdrawn.contains("Jeugdverpleegkundige CKZ"),
        "{withdrawn}"
    );
    // The reason stays in the journal, not in the letter.
    assert!(!withdrawn.contains("trekt"), "{withdrawn}");

    let journal = ws.session_json(&id)["journaal"].clone();
    let events: Vec<&serde_json::Value> = journal
        .as_array()
        .expect("journaal")
        .iter()
        .filter(|e| e["gebeurtenis"] == "toestemming")
        .collect();
    assert_eq!(events.len(), 2);
    assert_eq!(events[0]["ontvanger"], "kraamzorg");
    assert_eq!(events[0]["gegeven"], true);
    assert_eq!(events[0]["door"], "JdV");
    assert_eq!(events[1]["gegeven"], false);
    assert_eq!(events[1]["rol"], "coordinerend-zorgverlener");
    assert_eq!(events[1]["reden"], "cliënt trekt toestemming in");
    // The walk does not change: the session is still finished, with the same outcome.
    let summary: serde_json::Value = serde_json::from_str(
        &ws.cmd(&format!("export {id} --formaat json"))
            .run()
            .code(0)
            .stdout
            .clone(),
    )
    .expect("json");
    assert_eq!(summary["afgerond"], true);
    assert!(summary["uitkomst"]
        .as_str()
        .is_some_and(|u| u.contains("overgedragen aan de coördinerend zorgverlener post partum")));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(ws.session_file(&id))
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn a_consent_recorded_later_wins_over_the_refusal_at_b2() {
    let ws = Workspace::new();
    let id = session(&ws);
    // The client said no at B2: a later yes needs its reason, and without one nothing changes.
    let before = std::fs::read(ws.session_file(&id)).expect("read");
    ws.cmd(&format!("toestemming {id} --voor huisarts ja"))
        .run()
        .code(2)
        .no_panic()
        .stderr_has("de cliënt gaf eerder geen toestemming om te delen met de huisarts (gevraagd bij B2 — Toestemming voor gegevensuitwisseling met de huisarts, 22-11-2026)")
        .stderr_has("--reden");
    assert_eq!(std::fs::read(ws.session_file(&id)).expect("read"), before);
    ws.cmd(&format!("toestemming {id} --voor huisarts ja --door JdV"))
        .arg("--reden")
        .arg("alsnog gegeven bij het huisbezoek")
        .now("2026-12-12T09:00:00Z")
        .run()
        .code(0)
        .stdout_has("Dit vervangt de eerdere weigering (gevraagd bij B2");
    // The dossier says both, in order: the refusal at B2 and the consent recorded later.
    let md = ws.cmd(&format!("export {id}")).run().code(0).stdout.clone();
    let refused = md
        .find("Geen toestemming voor gegevensuitwisseling met de huisarts")
        .expect("the refusal");
    let later = md
        .find("Toestemming om te delen met de huisarts later vastgelegd: ja, door Coördinerend zorgverlener (JdV); reden: alsnog gegeven bij het huisbezoek")
        .expect("the consent recorded later");
    assert!(refused < later, "{md}");
    let text = letter(&ws, &id, "huisarts", "md");
    assert!(
        text.contains("om te delen met de huisarts: ja (vastgelegd door"),
        "{text}"
    );
    assert!(text.contains("Centrum Kwetsbare Zwangeren"), "{text}");
    assert_never(&text, "huisarts after consent");
}

#[test]
fn an_unknown_recipient_is_refused_with_the_valid_ones() {
    let ws = Workspace::new();
    let id = session(&ws);
    let file = std::fs::read(ws.session_file(&id)).expect("read");
    let out = ws
        .cmd(&format!("export {id} --voor tandarts"))
        .run()
        .code(2)
        .no_panic()
        .stderr_has("onbekende ontvanger 'tandarts'")
        .stderr_has("huisarts, coordinator-pp, kraamzorg, jgz, cjg");
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    ws.cmd(&format!("toestemming {id} --voor tandarts ja"))
        .run()
        .code(2)
        .no_panic()
        .stderr_has("onbekende ontvanger 'tandarts'");
    ws.cmd(&format!("toestemming {id} --voor kraamzorg misschien"))
        .run()
        .code(2)
        .no_panic();
    ws.cmd(&format!(
        "toestemming {id} --voor kraamzorg ja --rol tandarts"
    ))
    .run()
    .code(2)
    .no_panic()
    .stderr_has("onbekende rol");
    ws.cmd(&format!("toestemming {id} --voor kraamzorg ja"))
        .arg("--reden")
        .arg("BSN 123456782")
        .run()
        .code(2)
        .no_panic()
        .stderr_has("BSN");
    assert_eq!(
        std::fs::read(ws.session_file(&id)).expect("read"),
        file,
        "a refused command leaves the session file as it was"
    );
}

#[test]
fn toestemming_on_an_unknown_session_is_refused() {
    let ws = Workspace::new();
    session(&ws);
    ws.cmd("toestemming 19990101-0000-abcd --voor kraamzorg ja")
        .run()
        .code(2)
        .no_panic()
        .stderr_has("19990101-0000-abcd");
}

#[test]
fn controleer_names_the_line_of_a_broken_brieven_section() {
    let flow = include_str!("../../flows/blauwdruk-psychosociaal.yaml")
        .replace("toestemming: D3", "toestemming: B5")
        .replace(
            "delen: [uitkomst, coordinatie, open-acties, wachten]",
            "delen: [uitkomst, geheimen]",
        )
        .replace("    - E-veilig-thuis\n", "    - E-veilig-thuiss\n")
        .replacen(
            "    - id: jgz\n",
            "    - id: huisarts\n      naam: de huisarts\n      delen: [uitkomst]\n    - id: jgz\n",
            1,
        );
    let line = |needle: &str| {
        flow.lines()
            .position(|l| l.contains(needle))
            .map(|i| i + 1)
            .expect("line")
    };
    let out = crate::common::Test::new()
        .file("mijn.yaml", &flow)
        .file("meldcode.yaml", include_str!("../../flows/meldcode.yaml"))
        .args("controleer --flow mijn.yaml")
        .run()
        .code(1)
        .no_panic();
    let all = format!("{}{}", out.stdout, out.stderr);
    for (needle, problem) in [
        (
            "E-veilig-thuiss",
            "'E-veilig-thuiss', maar dat is geen knoop",
        ),
        ("toestemming: B5", "maar dat is geen beslissing"),
        ("geheimen", "het onbekende deel 'geheimen'"),
    ] {
        let at = format!("mijn.yaml:{}:", line(needle));
        assert!(
            all.lines().any(|l| l.contains(&at) && l.contains(problem)),
            "{at} {problem}:\n{all}"
        );
    }
    let second = flow
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == "- id: huisarts")
        .nth(1)
        .map(|(i, _)| i + 1)
        .expect("second huisarts");
    assert!(
        all.contains(&format!(
            "mijn.yaml:{second}: fout: de ontvanger 'huisarts' staat er twee keer"
        )),
        "{all}"
    );
}

#[test]
fn letters_match_the_golden_files() {
    let ws = Workspace::new();
    let id = session(&ws);
    golden_file::check(
        "brief-huisarts.md",
        &letter(&ws, &id, "huisarts", "md").replace(&id, golden::PLACEHOLDER),
    );
    golden_file::check(
        "brief-coordinator-pp.txt",
        &letter(&ws, &id, "coordinator-pp", "tekst").replace(&id, golden::PLACEHOLDER),
    );
}

#[test]
fn the_letter_file_follows_the_file_name_rule() {
    let ws = Workspace::new();
    let id = session(&ws);
    ws.cmd(&format!("export {id} --voor coordinator-pp -o brief.txt"))
        .now(LATER)
        .run()
        .code(0)
        .stderr_has("Brief aan de coördinerend zorgverlener post partum");
    assert_eq!(
        ws.read("brief.txt"),
        letter(&ws, &id, "coordinator-pp", "tekst")
    );
    ws.cmd(&format!("export {id} --voor huisarts -o brief.pdf"))
        .run()
        .code(2)
        .no_panic();
    assert!(!ws.path().join("brief.pdf").exists());
}

/// Node ids of both flows that are not also a blueprint label (B2, D3, …, which may stand
/// beside a title): none of them may appear in a letter.
fn internal_ids() -> Vec<String> {
    let mut ids = Vec::new();
    let mut labels = Vec::new();
    for text in [
        include_str!("../../flows/blauwdruk-psychosociaal.yaml"),
        include_str!("../../flows/meldcode.yaml"),
    ] {
        let knopen = text.split("\nknopen:").nth(1).expect("knopen");
        for line in knopen.lines() {
            if let Some(id) = line.strip_prefix("  - id: ") {
                ids.push(id.trim().to_string());
            }
            if let Some(label) = line.trim().strip_prefix("blauwdruk: ") {
                labels.push(label.trim().to_string());
            }
        }
    }
    ids.retain(|id| !labels.contains(id));
    assert!(
        ids.contains(&"B2-toestemming-huisarts".to_string()) && ids.contains(&"MC2".to_string())
    );
    ids
}

fn has_word(text: &str, word: &str) -> bool {
    let part = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(part) && !after.is_some_and(part)
    })
}

#[test]
fn no_internal_node_id_appears_in_any_letter() {
    let ws = Workspace::new();
    let id = session(&ws);
    for to in ["huisarts", "coordinator-pp", "kraamzorg", "jgz", "cjg"] {
        consent(&ws, &id, to, "ja", "2026-12-12T09:00:00Z");
    }
    let ids = internal_ids();
    for to in ["huisarts", "coordinator-pp", "kraamzorg", "jgz", "cjg"] {
        for format in FORMATS {
            let text = letter(&ws, &id, to, format);
            // JSON keys are the schema's, not the flow's; the recipient's id is its own.
            for node in &ids {
                assert!(
                    !has_word(&text, node),
                    "{to} {format} names {node}:\n{text}"
                );
            }
            assert_never(&text, &format!("{to} {format}"));
            if format == "tekst" {
                for line in text.lines() {
                    assert!(line.chars().count() <= 80, "{to}: line over 80: {line:?}");
                }
            }
        }
    }
}

#[test]
fn a_consent_does_not_change_the_walk_of_an_unfinished_session() {
    let ws = Workspace::new();
    ws.cmd("start --rol verloskundig-zorgverlener")
        .answers(TO_D4_PAUSE)
        .run()
        .code(0);
    let id = ws.only_session();
    consent(&ws, &id, "jgz", "ja", "2026-11-23T09:00:00Z");
    // The session still waits at the appointment and goes on from there.
    ws.cmd(&format!("hervat {id}"))
        .now("2026-12-10T14:00:00Z")
        .answers(D4_TO_MDO_PAUSE)
        .run()
        .code(0)
        .no_panic();
    let text = letter(&ws, &id, "jgz", "tekst");
    assert!(
        text.contains("om te delen met de jeugdgezondheidszorg (JGZ): ja"),
        "{text}"
    );
    assert!(text.contains("Het pad loopt nog"), "{text}");
}

#[test]
fn a_flow_without_brieven_has_no_letters() {
    let ws = Workspace::new();
    let full = include_str!("../../flows/blauwdruk-psychosociaal.yaml");
    let start = full.find("# Brieven per ontvanger").expect("section");
    let end = full.find("\nknopen:").expect("knopen");
    ws.write(
        "eigen.yaml",
        format!("{}{}", &full[..start], &full[end + 1..]),
    );
    ws.write("meldcode.yaml", include_str!("../../flows/meldcode.yaml"));
    ws.cmd("controleer --flow eigen.yaml").run().code(0);
    ws.cmd("start --flow eigen.yaml")
        .answers(TO_D4_PAUSE)
        .run()
        .code(0);
    let id = ws.only_session();
    ws.cmd(&format!("export {id} --voor huisarts"))
        .run()
        .code(2)
        .no_panic()
        .stderr_has("noemt geen ontvangers van brieven");
    ws.cmd(&format!("toestemming {id} --voor huisarts ja"))
        .run()
        .code(2)
        .stderr_has("noemt geen ontvangers van brieven");
    // The summary itself is unchanged.
    ws.cmd(&format!("export {id}")).run().code(0);
}
