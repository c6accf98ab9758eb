//! One rule for the names of output files, for every command that writes one: the extension
//! picks the format; a format zorgpad does not write (PDF, Word, pictures) is refused with what
//! to do instead; a `--formaat` that contradicts the name is refused. Refused means exit 2 and
//! nothing written — for `start`, not even a session.

use crate::common::{Test, Workspace};

/// A stored session, paused at the appointment (D4), for `export` and `hervat`.
fn session(ws: &Workspace) -> String {
    ws.cmd("start --kenmerk P-1")
        .answers(&format!(
            "- intake\n- alles\n- geen\n- ja\n- alles\n- kinderloos\n- negatief\n- nee\n{}{}",
            crate::common::B2_CONSENT,
            crate::meldcode::AFTER_CRITERIA
        ))
        .run()
        .code(0)
        .no_panic();
    ws.only_session()
}

/// `args` is refused with exit 2, says `message`, and `file` is not written.
fn refused(ws: &Workspace, args: &str, message: &str, file: &str) {
    ws.cmd(args).run().code(2).no_panic().stderr_has(message);
    assert!(!ws.path().join(file).exists(), "{args}: {file} written");
}

#[test]
fn export_takes_the_format_from_the_name_and_refuses_pdf_and_a_contradiction() {
    let ws = Workspace::new();
    let id = session(&ws);
    ws.cmd(&format!("export {id} -o dossier.txt")).run().code(0);
    let txt = ws.read("dossier.txt");
    assert!(
        txt.starts_with("zorgpad psychosociaal · kenmerk P-1"),
        "{txt}"
    );
    ws.cmd(&format!("export {id} -o dossier.html"))
        .run()
        .code(0);
    assert!(ws.read("dossier.html").starts_with("<!DOCTYPE html>"));
    refused(
        &ws,
        &format!("export {id} -o dossier.pdf"),
        "zorgpad schrijft geen PDF; exporteer als HTML (-o dossier.html) en druk die af naar PDF vanuit de browser",
        "dossier.pdf",
    );
    refused(
        &ws,
        &format!("export {id} -o dossier.docx --formaat html"),
        "zorgpad schrijft geen Word-bestanden",
        "dossier.docx",
    );
    refused(
        &ws,
        &format!("export {id} --formaat tekst -o kort.md"),
        "--formaat tekst past niet bij de bestandsnaam 'kort.md' (die wijst op md)",
        "kort.md",
    );
    // A name that says nothing needs --formaat, which then decides.
    refused(
        &ws,
        &format!("export {id} -o dossier"),
        "zegt niet in welk formaat de export moet",
        "dossier",
    );
    ws.cmd(&format!("export {id} --formaat tekst -o dossier"))
        .run()
        .code(0);
    assert_eq!(ws.read("dossier"), txt);
}

#[test]
fn start_and_hervat_export_by_the_same_rule() {
    let ws = Workspace::new();
    refused(
        &ws,
        "start --export s.pdf --antwoorden weg.yaml",
        "zorgpad schrijft geen PDF; exporteer als HTML (--export dossier.html)",
        "s.pdf",
    );
    assert!(ws.session_ids().is_empty());
    let id = session(&ws);
    refused(
        &ws,
        &format!("hervat {id} --export s.docx --antwoorden weg.yaml"),
        "zorgpad schrijft geen Word-bestanden",
        "s.docx",
    );
    ws.cmd(&format!("hervat {id} --export s.txt"))
        .answers("- later\n")
        .run()
        .code(0)
        .no_panic();
    let txt = ws.read("s.txt");
    assert!(
        txt.contains("\nRoute: IN › B1 › D1 › B2 (Kindcheck en Meldcode)"),
        "{txt}"
    );
    assert!(txt.lines().all(|l| l.chars().count() <= 80), "{txt}");
}

#[test]
fn graaf_writes_dot_and_mermaid_and_refuses_pictures_it_cannot_draw() {
    let ws = Workspace::new();
    ws.cmd("graaf -o zorgpad.dot").run().code(0);
    assert!(ws.read("zorgpad.dot").contains("\ndigraph zorgpad {"));
    ws.cmd("graaf -o zorgpad.mmd").run().code(0);
    assert!(ws.read("zorgpad.mmd").contains("\nflowchart TD"));
    // A picture needs Graphviz: without 'dot' on the PATH, refused and nothing written.
    ws.cmd("graaf -o zorgpad.svg")
        .env("PATH", "")
        .run()
        .code(2)
        .no_panic()
        .stderr_has("voor een plaatje ('zorgpad.svg') is Graphviz nodig, en het programma 'dot' is niet gevonden; er is niets geschreven")
        .stderr_has("Installeer Graphviz")
        .stderr_has("zorgpad graaf -o zorgpad.dot")
        .stderr_has("dot -Tsvg zorgpad.dot -o zorgpad.svg");
    assert!(!ws.path().join("zorgpad.svg").exists());
    refused(
        &ws,
        "graaf -o zorgpad.jpg",
        "zorgpad schrijft geen plaatjes (JPEG); met Graphviz maakt zorgpad een plaatje als .svg, .png of .pdf",
        "zorgpad.jpg",
    );
    refused(
        &ws,
        "graaf --formaat mermaid -o z.dot",
        "--formaat mermaid past niet bij de bestandsnaam 'z.dot' (die wijst op dot)",
        "z.dot",
    );
    refused(
        &ws,
        "graaf --formaat mermaid -o z.png",
        "--formaat mermaid past niet bij de bestandsnaam 'z.png' (die wijst op png)",
        "z.png",
    );
}

#[test]
fn scan_rapport_writes_by_the_name_and_refuses_pdf_and_a_contradiction() {
    let ws = Workspace::new();
    crate::scan::training_group(&ws);
    ws.cmd("scan rapport scans -o groep.txt").run().code(0);
    assert!(
        ws.read("groep.txt").contains("GROEPSBEELD"),
        "{}",
        ws.read("groep.txt")
    );
    refused(
        &ws,
        "scan rapport scans -o groep.pdf",
        "zorgpad schrijft geen PDF; schrijf HTML (-o groepsbeeld.html) en druk die af naar PDF vanuit de browser",
        "groep.pdf",
    );
    refused(
        &ws,
        "scan rapport scans --formaat html -o groep.md",
        "--formaat html past niet bij de bestandsnaam 'groep.md' (die wijst op md)",
        "groep.md",
    );
}

#[test]
fn statistiek_writes_a_file_by_its_name_and_refuses_pdf_and_a_contradiction() {
    let ws = Workspace::new();
    session(&ws);
    ws.cmd("statistiek -o cijfers.csv").run().code(0);
    let csv = ws.read("cijfers.csv");
    let screen = ws.cmd("statistiek --formaat csv").run().code(0);
    assert_eq!(csv, screen.stdout);
    ws.cmd("statistiek -o cijfers.json").run().code(0);
    let json: serde_json::Value = serde_json::from_str(&ws.read("cijfers.json")).expect("json");
    assert_eq!(json["schema"], "zorgpad.praktijkcijfers/1");
    refused(
        &ws,
        "statistiek -o cijfers.pdf",
        "zorgpad schrijft geen PDF; schrijf CSV (-o statistiek.csv)",
        "cijfers.pdf",
    );
    refused(
        &ws,
        "statistiek --formaat md -o andere.csv",
        "--formaat md past niet bij de bestandsnaam 'andere.csv' (die wijst op csv)",
        "andere.csv",
    );
    refused(&ws, "statistiek --json -o c.md", "Laat --json weg", "c.md");
}

#[test]
fn without_a_file_the_format_flag_still_decides() {
    Test::new()
        .args("graaf --formaat dot")
        .run()
        .code(0)
        .stdout_has("\ndigraph zorgpad {");
}
