//! Output hygiene: text from a Sociale Kaart, a flow, a scan note, an argument or a session
//! file that holds escape sequences (`ESC [2J` clears the screen, `ESC ]8;;…` hides a link), a
//! lone carriage return or a bidi override is shown, never obeyed — on standard output, on
//! standard error and in the exported files. Every control character appears in its visible
//! form, `\u{1b}`.

use std::fs;
use std::path::Path;

use crate::common::{Output, Test, Workspace};

/// A provider's name with a hidden link (OSC 8) and a right-to-left override.
const NAME: &str = "Zorg\\x1b]8;;http://x\\x1b\\\\klik\\x1b]8;;\\x1b\\\\ \\u202eTeb";
const NAME_SHOWN: &str = "Zorg\\u{1b}]8;;http://x\\u{1b}\\klik\\u{1b}]8;;\\u{1b}\\ \\u{202e}Teb";
/// A gemeente that clears the screen.
const GEMEENTE: &str = "Cee\\x1b[2Jdorp";
const GEMEENTE_RAW: &str = "Cee\x1b[2Jdorp";
const GEMEENTE_SHOWN: &str = "Cee\\u{1b}[2Jdorp";

/// tests/fixtures/kaart/klein.yaml with a third gemeente and a provider for it, both full of
/// control characters (YAML escapes, as a map can hold them).
fn kaart() -> String {
    let base = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/kaart/klein.yaml"
    ))
    .expect("klein.yaml");
    let base = base.replace(
        "gemeenten: [Aadorp, Beedorp]",
        &format!("gemeenten: [Aadorp, Beedorp, \"{GEMEENTE}\"]"),
    );
    format!(
        "{base}  - id: kwaad
    naam: \"{NAME}\"
    categorieen: [psychosociaal]
    gemeenten: [\"{GEMEENTE}\"]
    domein: formeel
    niveau: 2
    telefoon: \"010-0000009\"
    toelichting: \"Geheim\\roverschreven \\x1b[31mrood\"
"
    )
}

/// A small flow whose name, title, question, option, explanation and outcome hold control
/// characters (a C1 CSI among them), with a referral to the map above.
const FLOW: &str = r#"naam: "Flow\x1b[2J"
versie: "1"
start: A
rollen:
  vz: Verloskundige
knopen:
  - id: A
    soort: beslissing
    stap: 1
    rol: vz
    titel: "Keuze \x1b]8;;http://x\x1b\\klik\x1b]8;;\x1b\\"
    uitleg: "Uitleg\roverschreven"
    vraag: "Ja \u202eof nee?"
    opties:
      - id: ja
        label: "Ja \x1b[31m"
        naar: V
      - id: nee
        label: Nee
        naar: E
  - id: V
    soort: verwijzing
    stap: 1
    rol: vz
    titel: "Verwijzing \u2066x\u2069"
    categorie: psychosociaal
    volgende: E
  - id: E
    soort: einde
    titel: "Klaar \x1b[2J"
    uitkomst: "Klaar \x9b31m."
"#;

/// The control characters (raw) that must never be written, and what they are called.
fn raw_controls(text: &str) -> Vec<String> {
    text.chars()
        .filter(|&c| {
            (c.is_control() && c != '\n')
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)
        })
        .map(|c| format!("{:?}", c))
        .collect()
}

/// Nothing raw in `text` (what `what` wrote), and each of `shown` is in it.
fn clean(what: &str, text: &str, shown: &[&str]) {
    let raw = raw_controls(text);
    assert!(
        raw.is_empty(),
        "{what}: raw control characters {raw:?} in\n{text}"
    );
    for s in shown {
        assert!(text.contains(s), "{what}: {s:?} is not shown in\n{text}");
    }
}

/// Nothing raw on stdout nor on stderr; `shown` on stdout, `on_stderr` on stderr.
fn both_clean(what: &str, out: &Output, shown: &[&str], on_stderr: &[&str]) {
    clean(&format!("{what} (stdout)"), &out.stdout, shown);
    clean(&format!("{what} (stderr)"), &out.stderr, on_stderr);
}

fn workspace() -> Workspace {
    let ws = Workspace::new();
    ws.write("kaart.yaml", kaart());
    ws.write("flow.yaml", FLOW);
    ws
}

#[test]
fn a_map_full_of_escape_sequences_is_shown_not_obeyed() {
    let ws = workspace();
    let out = ws
        .cmd("kaart toon --kaart kaart.yaml")
        .run()
        .code(0)
        .no_panic();
    // The table breaks long names inside the visible form; the gemeente fits.
    both_clean(
        "kaart toon",
        &out,
        &[GEMEENTE_SHOWN, "\\u{d}", "\\u{1b}[31mrood", "\\u{202e}Teb"],
        &[],
    );
    let out = ws
        .cmd("kaart toon --kaart kaart.yaml --categorie psychosociaal")
        .arg("--gemeente")
        .arg(GEMEENTE_RAW)
        .run()
        .code(0)
        .no_panic();
    both_clean("kaart toon --gemeente", &out, &[GEMEENTE_SHOWN], &[]);

    // The gemeente has gaps: the table of gaps names it (exit 1).
    let out = ws
        .cmd("kaart controleer --kaart kaart.yaml")
        .run()
        .code(1)
        .no_panic();
    both_clean("kaart controleer", &out, &[GEMEENTE_SHOWN], &["gaten"]);

    // An error that quotes the argument and the map's gemeenten.
    let out = ws
        .cmd("kaart toon --kaart kaart.yaml")
        .arg("--gemeente")
        .arg("X\x1b[2J\ry")
        .run()
        .code(2)
        .no_panic();
    both_clean(
        "kaart toon, unknown gemeente",
        &out,
        &[],
        &["'X\\u{1b}[2J\\u{d}y'", GEMEENTE_SHOWN],
    );
}

#[test]
fn an_error_that_quotes_a_file_shows_its_control_characters() {
    let ws = workspace();
    // A map with an error in a provider whose id clears the screen: the findings are printed
    // above the message.
    ws.write(
        "kapot.yaml",
        kaart()
            .replace("- id: kwaad", "- id: \"kw\\x1b[2Jaad\"")
            .replace(
                "niveau: 2\n    telefoon: \"010-0000009\"",
                "niveau: 9\n    telefoon: \"010-0000009\"",
            ),
    );
    ws.write("antwoorden.yaml", "- ja\n- kwaad\n");
    let out = ws
        .cmd("start --flow flow.yaml --kaart kapot.yaml --antwoorden antwoorden.yaml")
        .run()
        .code(1)
        .no_panic();
    both_clean(
        "start with a broken map",
        &out,
        &[],
        &["aanbieder 'kw\\u{1b}[2Jaad'", "bevat 1 fout"],
    );
    // A file name from the command line.
    let out = Test::new()
        .args("toon --flow")
        .arg("fl\x1b[2J\u{202e}")
        .run()
        .code(2);
    both_clean(
        "toon, missing flow",
        &out,
        &[],
        &["'fl\\u{1b}[2J\\u{202e}'"],
    );
    // An argument that clap refuses.
    let out = Test::new()
        .args("statistiek --formaat")
        .arg("c\x1bsv")
        .run()
        .code(2);
    both_clean("clap", &out, &[], &["'c\\u{1b}sv'"]);
}

#[test]
fn a_flow_full_of_escape_sequences_in_toon_and_graaf() {
    let ws = workspace();
    let title = "Keuze \\u{1b}]8;;http://x\\u{1b}\\klik\\u{1b}]8;;\\u{1b}\\";
    let out = ws.cmd("toon --flow flow.yaml").run().code(0).no_panic();
    both_clean(
        "toon",
        &out,
        &[
            "Flow\\u{1b}[2J",
            title,
            "Ja \\u{202e}of nee?",
            "Ja \\u{1b}[31m",
            "Verwijzing \\u{2066}x\\u{2069}",
            "Klaar \\u{9b}31m.",
        ],
        &[],
    );
    let out = ws
        .cmd("toon --flow flow.yaml --stap A")
        .run()
        .code(0)
        .no_panic();
    both_clean("toon --stap", &out, &["Uitleg\\u{d}overschreven"], &[]);
    let out = ws
        .cmd("graaf --flow flow.yaml --formaat mermaid")
        .run()
        .code(0)
        .no_panic();
    both_clean(
        "graaf mermaid",
        &out,
        &["%% Flow\\u{1b}[2J (versie 1)", "\"Ja \\u{1b}[31m\""],
        &[],
    );
    // In DOT a backslash is doubled, so that Graphviz shows the visible form as it is.
    let out = ws
        .cmd("graaf --flow flow.yaml --formaat dot")
        .run()
        .code(0)
        .no_panic();
    both_clean(
        "graaf dot",
        &out,
        &[
            "label=\"Flow\\\\u{1b}[2J (versie 1)\"",
            "E · Klaar \\\\u{1b}[2J",
        ],
        &[],
    );
    // Written to a file, the same.
    ws.cmd("graaf --flow flow.yaml -o flow.mmd")
        .run()
        .code(0)
        .no_panic();
    clean("graaf -o", &ws.read("flow.mmd"), &["Flow\\u{1b}[2J"]);
}

#[test]
fn the_session_summary_exports_and_list_show_what_the_map_and_flow_hid() {
    let ws = workspace();
    ws.write("antwoorden.yaml", "- ja\n- kwaad\n");
    let out = ws
        .cmd("start --flow flow.yaml --kaart kaart.yaml --antwoorden antwoorden.yaml")
        .arg("--gemeente")
        .arg(GEMEENTE_RAW)
        .run()
        .code(0)
        .no_panic();
    both_clean(
        "the summary",
        &out,
        &[
            "Gemeente: Cee\\u{1b}[2Jdorp",
            "Flow: Flow\\u{1b}[2J (versie 1)",
            "Uitkomst: Klaar \\u{9b}31m.",
            NAME_SHOWN,
        ],
        &[],
    );
    let id = ws.only_session();

    let out = ws
        .cmd(&format!("export {id} --formaat md"))
        .run()
        .code(0)
        .no_panic();
    both_clean("export md", &out, &[NAME_SHOWN, GEMEENTE_SHOWN], &[]);
    ws.cmd(&format!("export {id} -o s.md")).run().code(0);
    clean("export md to a file", &ws.read("s.md"), &[NAME_SHOWN]);
    ws.cmd(&format!("export {id} -o s.html")).run().code(0);
    clean(
        "export html to a file",
        &ws.read("s.html"),
        &[GEMEENTE_SHOWN],
    );

    // JSON keeps the data: escaped the JSON way, read back the same.
    let out = ws
        .cmd(&format!("export {id} --formaat json"))
        .run()
        .code(0)
        .no_panic();
    both_clean("export json", &out, &["\\u001b", "\\u202e"], &[]);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(json["sessie"]["gemeente"], GEMEENTE_RAW);
    assert!(out.stdout.contains("\\u202eTeb"), "{}", out.stdout);

    let out = ws.cmd("sessies").run().code(0).no_panic();
    both_clean("sessies", &out, &["\\u{1b}["], &[]);
}

#[test]
fn a_scan_note_in_the_scan_and_the_report() {
    let ws = Workspace::new();
    ws.write(
        "scan.yaml",
        "- 1\n- {niveau: 2, notitie: \"Notitie \\x1b[2J \\u202eeb \\r klaar\"}\n- 3\n- 4\n- 1\n- 2\n- 3\n- 4\n- 1\n",
    );
    let out = ws
        .cmd("scan --antwoorden scan.yaml --map scans")
        .run()
        .code(0)
        .no_panic();
    both_clean("scan", &out, &["Notitie \\u{1b}[2J \\u{202e}eb"], &[]);
    // The group report shows notes from five scans on.
    ws.write(
        "plain.yaml",
        "- 1\n- 2\n- 3\n- 4\n- 1\n- 2\n- 3\n- 4\n- 1\n",
    );
    for _ in 0..4 {
        ws.cmd("scan --antwoorden plain.yaml --map scans")
            .run()
            .code(0);
    }
    let note = "Notitie \\u{1b}[2J \\u{202e}eb \\u{d} klaar";
    for format in ["", " --formaat md", " --formaat html"] {
        let out = ws
            .cmd(&format!("scan rapport scans{format}"))
            .run()
            .code(0)
            .no_panic();
        both_clean(&format!("scan rapport{format}"), &out, &[note], &[]);
    }
    ws.cmd("scan rapport scans -o rapport.md").run().code(0);
    clean("scan rapport -o", &ws.read("rapport.md"), &[note]);
}

#[test]
fn an_imported_map_keeps_a_bidi_override_as_an_escape() {
    let ws = Workspace::new();
    ws.write(
        "k.csv",
        "id;naam;categorie;gemeenten;domein;niveau;telefoon\nx;Naam \u{202e}rev\x1b[2J;psychosociaal;;formeel;2;010-0000001\n",
    );
    let out = ws
        .cmd("kaart importeer k.csv --naam K --versie 1")
        .run()
        .code(0)
        .no_panic();
    both_clean("kaart importeer", &out, &["\\u202erev\\u001b[2J"], &[]);
    ws.cmd("kaart importeer k.csv --naam K --versie 1 -o k.yaml")
        .run()
        .code(0);
    // The YAML reads back as the same text, which is shown, not obeyed.
    let out = ws.cmd("kaart toon --kaart k.yaml").run().code(0).no_panic();
    both_clean("kaart toon", &out, &["Naam \\u{202e}rev\\u{1b}[2J"], &[]);
}

/// A gemeente that a spreadsheet would run as a formula.
const FORMULA: &str = "=HYPERLINK(\"http://x\",\"klik\")";

#[test]
fn statistics_as_csv_open_in_dutch_excel_without_running_a_formula() {
    let ws = Workspace::new();
    let kaart = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/kaart/klein.yaml"
    ))
    .expect("klein.yaml")
    .replace(
        "gemeenten: [Aadorp, Beedorp]",
        "gemeenten: [Aadorp, '=HYPERLINK(\"http://x\",\"klik\")', '@SUM(A1)']",
    );
    ws.write("kaart.yaml", kaart);
    // The shortest route (no PPM); five sessions, so that the group is shown as a number.
    ws.write("antwoorden.yaml", "- intake\n- alles\n- geen\n- nee\n");
    for (hour, gemeente) in [FORMULA; 5].into_iter().chain(["@SUM(A1)"]).enumerate() {
        ws.cmd("start --kaart kaart.yaml --antwoorden antwoorden.yaml")
            .arg("--gemeente")
            .arg(gemeente)
            .now(&format!("2026-11-22T{:02}:00:00Z", 8 + hour))
            .run()
            .code(0)
            .no_panic();
    }
    let out = ws.cmd("statistiek --formaat csv").run().code(0).no_panic();
    let csv = out
        .stdout
        .strip_prefix('\u{feff}')
        .unwrap_or_else(|| panic!("no BOM:\n{}", out.stdout));
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "tabel;rij;kolom;waarde");
    // Quoted (it holds a ',' and quotes), with a ' in front: text, not a formula.
    let neutral = "\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\"";
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with(&format!("Sessies per gemeente;{neutral};Sessies;"))),
        "{csv}"
    );
    assert!(
        lines.contains(&"Sessies per gemeente;'@SUM(A1);Sessies;<5"),
        "{csv}"
    );
    // Read as a spreadsheet reads it: no cell starts a formula, and each line has 4 cells.
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(csv.as_bytes());
    let mut gemeenten = Vec::new();
    for record in reader.records() {
        let record = record.expect("a CSV record");
        assert_eq!(record.len(), 4, "{record:?}");
        for cell in &record {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']) || cell.parse::<f64>().is_ok(),
                "a formula: {cell:?}"
            );
        }
        if &record[0] == "Sessies per gemeente" {
            gemeenten.push(record[1].to_string());
        }
    }
    assert!(gemeenten.contains(&format!("'{FORMULA}")), "{gemeenten:?}");
    // Plain CSV for other programs: the same protection.
    let plain = ws
        .cmd("statistiek --formaat csv --csv-scheiding komma")
        .run()
        .code(0)
        .stdout
        .clone();
    assert!(plain.starts_with("tabel,rij,kolom,waarde\n"), "{plain}");
    assert!(
        plain.contains(&format!("Sessies per gemeente,{neutral},Sessies,")),
        "{plain}"
    );
    // On the screen and in Markdown the name is shown as it is: there it is only text.
    ws.cmd("statistiek --formaat md")
        .run()
        .code(0)
        .stdout_has(FORMULA);
}

/// The guided session in a terminal: the gemeente list, the head of a question, the question
/// and its options are shown, not obeyed. inquire draws with escape sequences of its own, so
/// only the ones planted in the files are looked for.
#[cfg(unix)]
#[test]
fn the_terminal_prompts_show_the_flow_and_the_map_not_obey_them() {
    use crate::pty::*;
    let ws = workspace();
    let mut tty = Tty::spawn(&ws, "start --flow flow.yaml --kaart kaart.yaml");
    tty.prompt("In welke gemeente woont de cliënt?", SELECT_READY);
    tty.send(&format!("{DOWN}{DOWN}"));
    tty.expect(&format!("> {GEMEENTE_SHOWN}"));
    tty.send(ENTER);
    tty.prompt("Ja \\u{202e}of nee?", SELECT_READY);
    tty.send(CTRL_C);
    tty.expect("gestopt met Ctrl-C");
    assert_eq!(tty.finish(), 130, "{}", tty.screen());
    let screen = tty.screen();
    for shown in [
        "Keuze \\u{1b}]8;;http://x\\u{1b}\\klik",
        "Ja \\u{1b}[31m",
        "── Stap 1 van 1 — Verloskundige ──",
    ] {
        assert!(screen.contains(shown), "{shown:?} not on screen:\n{screen}");
    }
    let bytes = tty.bytes();
    let planted: [(&str, &[u8]); 5] = [
        ("ESC [2J", b"\x1b[2J"),
        ("OSC 8", b"\x1b]8"),
        ("ESC [31m", b"\x1b[31m"),
        ("U+202E", "\u{202e}".as_bytes()),
        ("C1 CSI", "\u{9b}".as_bytes()),
    ];
    for (name, seq) in planted {
        assert!(
            !bytes.windows(seq.len()).any(|w| w == seq),
            "{name} reached the terminal:\n{screen}"
        );
    }
}

/// The commands print through `out!`, `outln!` and `errln!` (src/out.rs), which make control
/// characters visible. Only these files write to the terminal another way, each for a reason.
const WRITES_DIRECTLY: &[(&str, &str)] = &[
    ("out.rs", "the net itself"),
    ("main.rs", "prints Error::render, which makes text visible"),
    (
        "prompt/terminal/style.rs",
        "say() makes text visible before it is made bold",
    ),
    (
        "prompt/terminal/widgets.rs",
        "clears the abandoned prompt after Ctrl-C (a fixed sequence)",
    ),
    (
        "prompt/plain/io.rs",
        "say() makes text visible and writes whole lines, unwrapped, for a screen reader",
    ),
    (
        "prompt/scan_plain.rs",
        "say() makes text visible and writes whole lines, unwrapped, for a screen reader (as prompt/plain/io.rs)",
    ),
    (
        "prompt/scan.rs",
        "clears the abandoned prompt after Ctrl-C (a fixed sequence)",
    ),
];

#[test]
fn nothing_prints_past_the_net() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let mut dirs = vec![src.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(dir).expect("read src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    let needles = [
        "print!(",
        "println!(",
        "eprint!(",
        "eprintln!(",
        "io::stdout()",
        "io::stderr()",
    ];
    let mut wrong = Vec::new();
    for path in files {
        let rel = path
            .strip_prefix(&src)
            .expect("under src")
            .to_string_lossy()
            .replace('\\', "/");
        if WRITES_DIRECTLY.iter().any(|(f, _)| *f == rel) {
            continue;
        }
        let text = fs::read_to_string(&path).expect("read");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for needle in needles {
                let hit = code.match_indices(needle).any(|(at, _)| {
                    at == 0 || !code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_')
                });
                // Asking whether a stream is a terminal writes nothing.
                if hit && !code.contains("is_terminal") {
                    wrong.push(format!("src/{rel}:{}: {}", n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "output that does not pass src/out.rs (use out!, outln! or errln!):\n{}",
        wrong.join("\n")
    );
}

/// `--json` keeps the data exactly (escaped the JSON way) and sends nothing raw.
#[test]
fn json_for_scripts_escapes_control_characters_and_keeps_the_data() {
    let ws = workspace();
    for args in [
        "kaart toon --json --kaart kaart.yaml",
        "kaart controleer --json --kaart kaart.yaml",
    ] {
        let out = ws.cmd(args).run();
        both_clean(args, &out, &[], &[]);
        let value: serde_json::Value = serde_json::from_str(&out.stdout)
            .unwrap_or_else(|e| panic!("{args}: not JSON ({e}):\n{}", out.stdout));
        assert_eq!(
            value["kaart"]["gemeenten"][2], GEMEENTE_RAW,
            "{args}: the gemeente changed"
        );
    }
}
