//! Pinned flows and maps: a session keeps exact copies of its flow set and its Sociale Kaart in
//! the data directory (`definities/`), so a map file that moves or a flow file that is edited
//! does not change what `hervat` offers or replays. Moving a session on purpose
//! (`hervat --flow` / `--kaart`) is checked first and journalled; a refusal leaves the session
//! file byte for byte as it was. A copy that was changed is refused.

use std::path::PathBuf;

use crate::common::{Workspace, D4_TO_MDO_PAUSE, TO_D4_PAUSE};
use serde_json::Value;

/// From the intake to the choice of problem area at B3 (as in `referral.rs`): a negative
/// Kindcheck without other signals, consent, single problems.
const TO_B3: &str = "
- intake
- alles
- geen
- ja
- alles
- alleen het ongeboren kind
- negatief
- nee
- alles
- ja
- alles
- ja
- alles
- nee
- [licht, voldoende-hulpbronnen]
- enkelvoudig
- psychosociaal
";

const OWN_MAP: &str = "kaart/eigen.yaml";
const MAIN: &str = "flows/blauwdruk-psychosociaal.yaml";
const MELDCODE: &str = "flows/meldcode.yaml";

fn original(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The example map made into "our own": another version, and Havendorp's social team is a
/// provider the example does not have (other id, other name).
fn own_map() -> String {
    let text = original("sociale-kaart/voorbeeld.yaml");
    assert_eq!(text.matches("versie: \"2026.1\"").count(), 1);
    text.replace("versie: \"2026.1\"", "versie: \"2026.2\"")
        .replace("id: sociaal-team-havendorp", "id: buurtzorgteam-de-kade")
        .replace(
            "naam: Sociaal Team Havendorp",
            "naam: Buurtzorgteam De Kade",
        )
}

/// A session walked with our own map, stopped at the referral of B3 by an answer that is not
/// on the map: the session is kept up to there.
fn at_referral() -> (Workspace, String) {
    let ws = Workspace::new();
    ws.write(OWN_MAP, own_map());
    ws.cmd(&format!("start --kaart {OWN_MAP} --gemeente havendorp"))
        .answers(&format!("{TO_B3}- Bestaat Niet\n"))
        .run()
        .code(2)
        .no_panic()
        .stderr_has("Buurtzorgteam De Kade");
    let id = ws.only_session();
    (ws, id)
}

fn pinned_files(ws: &Workspace) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(ws.data().join("definities"))
        .expect("definities/")
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

#[test]
fn a_moved_map_file_does_not_change_what_hervat_offers() {
    let (ws, id) = at_referral();
    std::fs::create_dir_all(ws.path().join("elders")).unwrap();
    std::fs::rename(ws.path().join(OWN_MAP), ws.path().join("elders/eigen.yaml")).unwrap();

    let out = ws
        .cmd(&format!("hervat {id}"))
        .answers("- Bestaat Niet\n")
        .run()
        .code(2)
        .no_panic()
        .stderr_has("Buurtzorgteam De Kade");
    for example in ["Sociaal Team Havendorp", "VOORBEELDKAART", "→"] {
        assert!(!out.stderr.contains(example), "{example}:\n{}", out.stderr);
    }
    // The own provider is chosen and lands in the export with its details.
    let out = ws
        .cmd(&format!("hervat {id} --export s.json"))
        .answers("- Buurtzorgteam De Kade\n- nee\n")
        .run()
        .code(0)
        .no_panic();
    assert!(!out.stderr.contains("VOORBEELDKAART"), "{}", out.stderr);
    let json: Value = serde_json::from_str(&ws.read("s.json")).unwrap();
    let referral = json["verwijzingen"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["categorie"] == "psychosociaal")
        .expect("psychosociaal referral")
        .clone();
    assert_eq!(referral["kaart"][0]["naam"], "Buurtzorgteam De Kade");
    assert_eq!(referral["kaart"][0]["telefoon"], "010-0000503");
}

#[test]
fn the_copies_are_private_and_shared_between_sessions() {
    let (ws, _) = at_referral();
    ws.cmd(&format!("start --kaart {OWN_MAP} --gemeente havendorp"))
        .answers(&format!("{TO_B3}- Bestaat Niet\n"))
        .run()
        .code(2);
    assert_eq!(ws.session_ids().len(), 2);
    let files = pinned_files(&ws);
    let names: Vec<String> = files
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names.iter().any(|n| n.ends_with(".flow.json")), "{names:?}");
    assert!(
        names.iter().any(|n| n.ends_with(".kaart.yaml")),
        "{names:?}"
    );
    let session = ws.session_json(&ws.session_ids()[0]);
    let sha = session["kaart"]["sha256"].as_str().unwrap();
    assert_eq!(
        std::fs::read_to_string(ws.data().join(format!("definities/{sha}.kaart.yaml"))).unwrap(),
        own_map()
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&ws.data().join("definities")), 0o700);
        for f in &files {
            assert_eq!(mode(f), 0o600, "{}", f.display());
        }
    }
}

#[test]
fn an_older_session_without_a_copy_never_falls_back_to_the_example_map() {
    let (ws, id) = at_referral();
    std::fs::remove_dir_all(ws.data().join("definities")).unwrap();
    std::fs::remove_file(ws.path().join(OWN_MAP)).unwrap();
    let before = std::fs::read(ws.session_file(&id)).unwrap();
    ws.cmd(&format!("hervat {id}"))
        .answers("- Bestaat Niet\n")
        .run()
        .code(2)
        .no_panic()
        .stderr_has("geen vastgelegde kopie van de Sociale Kaart")
        .stderr_has(&format!(
            "de Sociale Kaart van sessie {id} is niet te lezen"
        ))
        .stderr_has("zorgpad gebruikt dan niet de voorbeeldkaart")
        .stderr_has(&format!("zorgpad hervat {id} --kaart BESTAND"));
    assert_eq!(std::fs::read(ws.session_file(&id)).unwrap(), before);

    // Given on purpose, the map is pinned and the move journalled.
    ws.write("terug/eigen.yaml", own_map());
    ws.cmd(&format!("hervat {id} --kaart terug/eigen.yaml"))
        .answers("- Buurtzorgteam De Kade\n- nee\n")
        .run()
        .code(0)
        .no_panic();
    assert_eq!(pinned_files(&ws).len(), 2);
}

#[test]
fn moving_to_a_map_without_a_chosen_provider_is_refused_untouched() {
    let (ws, id) = at_referral();
    // Choose our own provider, then stop at the next question.
    ws.cmd(&format!("hervat {id}"))
        .answers("- Buurtzorgteam De Kade\n- geen-antwoord\n")
        .run()
        .code(2);
    let before = std::fs::read(ws.session_file(&id)).unwrap();
    ws.write("voorbeeld.yaml", original("sociale-kaart/voorbeeld.yaml"));
    ws.cmd(&format!("hervat {id} --kaart voorbeeld.yaml"))
        .answers("- nee\n")
        .run()
        .code(2)
        .no_panic()
        .stderr_has(
            "daarop ontbreken aanbieders die in de sessie zijn gekozen: buurtzorgteam-de-kade",
        )
        .stderr_has("De sessie is niet veranderd.");
    assert_eq!(std::fs::read(ws.session_file(&id)).unwrap(), before);

    // A newer version of our own map keeps the provider: the move is made and journalled.
    ws.write(
        "kaart/eigen-2026.3.yaml",
        own_map().replace("versie: \"2026.2\"", "versie: \"2026.3\""),
    );
    ws.cmd(&format!("hervat {id} --kaart kaart/eigen-2026.3.yaml"))
        .answers("- nee\n")
        .run()
        .code(0)
        .no_panic()
        .stderr_has(&format!("Sessie {id} is overgezet op de Sociale Kaart Sociale Kaart VSV Voorbeeld versie 2026.3 (sha256 "));
    let stored = ws.session_json(&id);
    assert_eq!(stored["kaart"]["versie"], "2026.3");
    let moved = stored["journaal"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["gebeurtenis"] == "overgezet")
        .expect("overgezet event")
        .clone();
    assert_eq!(moved["soort"], "kaart");
    assert!(moved["van"].as_str().unwrap().contains("versie 2026.2"));
}

/// A session walked with copies of the flows, paused at D4.
fn paused_with_own_flow() -> (Workspace, String) {
    let ws = Workspace::new();
    ws.write(MAIN, original(MAIN));
    ws.write(MELDCODE, original(MELDCODE));
    ws.cmd(&format!("start --flow {MAIN} --kenmerk P-7"))
        .answers(TO_D4_PAUSE)
        .run()
        .code(0)
        .no_panic();
    let id = ws.only_session();
    (ws, id)
}

#[test]
fn an_option_id_renamed_in_the_flow_file_leaves_the_session_on_its_own_copy() {
    let (ws, id) = paused_with_own_flow();
    let text = ws.read(MAIN);
    assert_eq!(text.matches("      - id: r4u\n").count(), 1);
    ws.write(
        MAIN,
        text.replace("      - id: r4u\n", "      - id: r4u-instrument\n"),
    );
    // The flow on its own is fine ...
    ws.cmd(&format!("controleer --flow {MAIN}"))
        .run()
        .code(0)
        .stdout_has("In orde");
    // ... but it breaks the stored session, and says so.
    let out = ws
        .cmd(&format!("controleer --flow {MAIN} --sessies"))
        .run()
        .code(1)
        .no_panic()
        .stdout_has("Sessies met de flow 'Blauwdruk Psychosociale zorg en samenwerking met Veilig Thuis' in ")
        .stdout_has(&format!("  sessie {id} (versie 3.1, kenmerk P-7): "))
        .stderr_has("1 sessie kan niet verder met deze flow.");
    assert!(out.stdout.contains("'r4u'"), "{}", out.stdout);

    // Moving the session to it is refused, the file byte for byte as it was.
    let before = std::fs::read(ws.session_file(&id)).unwrap();
    ws.cmd(&format!("hervat {id} --flow {MAIN}"))
        .answers(D4_TO_MDO_PAUSE)
        .run()
        .code(2)
        .no_panic()
        .stderr_has(&format!("sessie {id} kan niet verder met deze flow"))
        .stderr_has("De sessie is niet veranderd.");
    assert_eq!(std::fs::read(ws.session_file(&id)).unwrap(), before);

    // Without --flow the session goes on with its pinned copy, and exports.
    ws.cmd(&format!("hervat {id}"))
        .answers(D4_TO_MDO_PAUSE)
        .run()
        .code(0)
        .no_panic()
        .stderr_has("wacht bij B7");
    ws.cmd(&format!("export {id}")).run().code(0);
}

#[test]
fn a_changed_copy_is_refused() {
    let (ws, id) = paused_with_own_flow();
    let copy = pinned_files(&ws)
        .into_iter()
        .find(|p| p.to_string_lossy().ends_with(".flow.json"))
        .unwrap();
    let text = std::fs::read_to_string(&copy).unwrap();
    let changed = text.replacen("Is de cliënt op de afspraak verschenen?", "Gewijzigd?", 1);
    assert_ne!(text, changed);
    std::fs::write(&copy, changed).unwrap();
    let before = std::fs::read(ws.session_file(&id)).unwrap();
    ws.cmd(&format!("hervat {id}"))
        .answers(D4_TO_MDO_PAUSE)
        .run()
        .code(2)
        .no_panic()
        .stderr_has("de vastgelegde kopie van de flow van deze sessie (")
        .stderr_has("is veranderd: de inhoud past niet bij de vingerafdruk in de naam")
        .stderr_has("zorgpad gebruikt een veranderde kopie niet");
    assert_eq!(std::fs::read(ws.session_file(&id)).unwrap(), before);
}

#[test]
fn a_changed_map_copy_is_refused() {
    let (ws, id) = at_referral();
    let copy = pinned_files(&ws)
        .into_iter()
        .find(|p| p.to_string_lossy().ends_with(".kaart.yaml"))
        .unwrap();
    let text = std::fs::read_to_string(&copy).unwrap();
    std::fs::write(
        &copy,
        text.replace("Buurtzorgteam De Kade", "Iemand Anders"),
    )
    .unwrap();
    ws.cmd(&format!("hervat {id}"))
        .answers("- Iemand Anders\n")
        .run()
        .code(2)
        .no_panic()
        .stderr_has("de vastgelegde kopie van de Sociale Kaart van deze sessie (");
}
