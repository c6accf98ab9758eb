//! The command line as the good tools have it: `zorgpad help`, help without a word of English
//! for every command, shell completions and a man page generated from the same description,
//! `--versie` saying what is built in, and the small courtesies of the data directory.

use std::collections::BTreeSet;

use crate::common::{Test, Workspace};

/// Every command path, as `zorgpad help` lists them (the top level and each subcommand).
const COMMANDS: &[&str] = &[
    "",
    "start",
    "hervat",
    "sessies",
    "sessies verwijder",
    "sessies overdragen",
    "sessies ontvangen",
    "export",
    "controleer",
    "toon",
    "graaf",
    "routes",
    "oefen",
    "kaart",
    "kaart controleer",
    "kaart toon",
    "kaart importeer",
    "scan",
    "scan rapport",
    "statistiek",
    "help",
    "aanvulling",
    "man",
];

/// Words of clap's (or any) English that must not reach a Dutch user in help texts.
const ENGLISH: &[&str] = &[
    "Usage",
    "Options",
    "Commands",
    "Arguments",
    "possible values",
    "[alias",
    "[aliases",
    "[default",
    "Print help",
    "Print version",
    "subcommand",
    "error:",
];

fn assert_dutch(what: &str, text: &str) {
    for word in ENGLISH {
        assert!(!text.contains(word), "English {word:?} in {what}:\n{text}");
    }
}

#[test]
fn the_help_of_every_command_is_dutch() {
    for command in COMMANDS {
        let out = Test::new().args(&format!("{command} --help")).run().code(0);
        assert!(
            out.stdout.contains("Gebruik: "),
            "zorgpad {command} --help:\n{}",
            out.stdout
        );
        assert_dutch(&format!("zorgpad {command} --help"), &out.stdout);
    }
}

#[test]
fn zorgpad_help_gives_the_same_text_as_dash_dash_help() {
    for command in COMMANDS.iter().filter(|c| !c.is_empty()) {
        let help = Test::new().args(&format!("help {command}")).run().code(0);
        let flag = Test::new().args(&format!("{command} --help")).run().code(0);
        assert_eq!(help.stdout, flag.stdout, "zorgpad help {command}");
    }
    let top = Test::new().args("help").run().code(0);
    assert_eq!(top.stdout, Test::new().args("--help").run().code(0).stdout);
}

#[test]
fn zorgpad_help_of_an_unknown_command_suggests_the_dutch_one() {
    Test::new()
        .args("help kart")
        .run()
        .code(2)
        .stderr_has("'zorgpad' heeft geen opdracht 'kart'")
        .stderr_has("bedoelt u 'kaart'?");
    Test::new()
        .args("help kaart tonn")
        .run()
        .code(2)
        .stderr_has("'zorgpad kaart' heeft geen opdracht 'tonn'")
        .stderr_has("bedoelt u 'toon'?");
}

#[test]
fn a_typo_is_answered_with_the_dutch_command_not_its_english_alias() {
    Test::new()
        .args("scan raport")
        .run()
        .code(2)
        .stderr_has("onbekende opdracht 'raport'; bedoelt u 'rapport'?");
    Test::new()
        .args("chek")
        .run()
        .code(2)
        .stderr_has("bedoelt u 'controleer'?");
}

#[test]
fn completions_are_generated_for_bash_zsh_and_fish() {
    let commands: BTreeSet<&str> = ["start", "hervat", "sessies", "kaart", "statistiek"].into();
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef zorgpad"),
        ("fish", "complete -c zorgpad"),
    ] {
        let out = Test::new()
            .args(&format!("aanvulling {shell}"))
            .run()
            .code(0);
        assert!(out.stdout.contains(marker), "{shell}:\n{}", out.stdout);
        for command in &commands {
            assert!(out.stdout.contains(command), "{shell} lacks {command}");
        }
        assert!(
            out.stdout.contains("kenmerk"),
            "{shell} lacks the option --kenmerk"
        );
    }
    // The English name works too, as an alias.
    Test::new()
        .args("completions bash")
        .run()
        .code(0)
        .stdout_has("complete -F");
    Test::new()
        .args("aanvulling powershell")
        .run()
        .code(2)
        .stderr_has("zorgpad: fout: ");
}

#[test]
fn the_man_page_is_generated_in_dutch_with_every_command() {
    let out = Test::new().args("man").run().code(0);
    let page = &out.stdout;
    assert!(
        page.starts_with(".ie") || page.starts_with(".TH"),
        "not roff:\n{page}"
    );
    for title in [
        ".SH NAAM",
        ".SH OVERZICHT",
        ".SH BESCHRIJVING",
        ".SH OPTIES",
        ".SH OPDRACHTEN",
    ] {
        assert!(page.contains(title), "{title} missing");
    }
    for command in COMMANDS.iter().filter(|c| !c.is_empty()) {
        let section = format!(".SH \"ZORGPAD {}\"", command.to_uppercase());
        assert!(page.contains(&section), "{section} missing");
    }
    for english in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH OPTIONS",
        "possible values",
        "(1)",
    ] {
        assert!(!page.contains(english), "{english:?} in the man page");
    }
    // Written to a file, readable by others (it holds no client data).
    let out = Test::new().args("man -o zorgpad.1").run().code(0);
    assert_eq!(out.read("zorgpad.1"), *page);
}

#[test]
fn versie_names_the_built_in_flows_map_and_formats() {
    let out = Test::new().args("--versie").run().code(0);
    for text in [
        concat!("zorgpad ", env!("CARGO_PKG_VERSION")),
        "(blauwdruk-psychosociaal)",
        "(meldcode)",
        "(voorbeeld, verzonnen aanbieders)",
        "zorgpad.sessie/1",
        "zorgpad.samenvatting/2",
        "zorgpad.scan/1",
    ] {
        assert!(
            out.stdout.contains(text),
            "--versie lacks {text:?}:\n{}",
            out.stdout
        );
    }
    assert_eq!(
        out.stdout,
        Test::new().args("--version").run().code(0).stdout
    );
}

#[cfg(unix)]
#[test]
fn a_data_directory_open_to_others_is_named_and_closed() {
    use std::os::unix::fs::PermissionsExt;
    let ws = Workspace::new();
    std::fs::create_dir_all(ws.data()).expect("mkdir");
    std::fs::set_permissions(ws.data(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    ws.cmd("sessies")
        .run()
        .code(0)
        .stderr_has("was toegankelijk voor anderen (rechten 0755)")
        .stderr_has("beperkt tot 0700");
    let mode = std::fs::metadata(ws.data())
        .expect("stat")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o700);
    // Once closed, nothing more is said.
    let again = ws.cmd("sessies").run().code(0);
    assert!(!again.stderr.contains("toegankelijk"), "{}", again.stderr);
}

#[test]
fn an_ambiguous_prefix_lists_ten_ids_and_a_count() {
    let ws = Workspace::new();
    std::fs::create_dir_all(ws.data()).expect("mkdir");
    // One real session, copied 14 times under ids that share a prefix.
    ws.cmd("start")
        .answers("- intake\n- alles\n- geen\n- nee\n")
        .run()
        .code(0);
    let id = ws.only_session();
    let template = std::fs::read_to_string(ws.session_file(&id)).expect("session");
    let value: serde_json::Value = serde_json::from_str(&template).expect("json");
    let old_id = value["id"].as_str().expect("id").to_string();
    for n in 0..14 {
        let id = format!("20261122-0900-a{n:03x}");
        let text = template.replace(&old_id, &id);
        std::fs::write(ws.data().join(format!("{id}.json")), text).expect("write");
    }
    let out = ws.cmd("export 20261122-0900-a").run().code(2);
    assert!(out.stderr.contains("past bij"), "{}", out.stderr);
    let listed = out
        .stderr
        .lines()
        .filter(|l| l.trim_start().starts_with("20261122-0900-a"))
        .count();
    assert_eq!(listed, 10, "{}", out.stderr);
    assert!(out.stderr.contains("… en nog "), "{}", out.stderr);
}

fn json_of(out: &crate::common::Output) -> serde_json::Value {
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", out.stdout))
}

#[test]
fn json_for_scripts_names_its_schema() {
    let check = json_of(&Test::new().args("controleer --json").run().code(0));
    assert_eq!(check["schema"], "zorgpad.controle/1");
    assert_eq!(check["in_orde"], true);
    assert_eq!(check["flows"][0]["id"], "blauwdruk-psychosociaal");

    let kaart = json_of(&Test::new().args("kaart controleer --json").run().code(0));
    assert_eq!(kaart["schema"], "zorgpad.kaartcontrole/1");
    assert_eq!(kaart["kaart"]["voorbeeld"], true);
    assert_eq!(kaart["gaten"].as_array().map(Vec::len), Some(0));

    let shown = json_of(
        &Test::new()
            .args("kaart toon --json --categorie veilig-thuis --gemeente Havendorp")
            .run()
            .code(0),
    );
    assert_eq!(shown["schema"], "zorgpad.kaart/1");
    assert_eq!(shown["gemeente"], "Havendorp");
    assert_eq!(shown["categorieen"][0]["id"], "veilig-thuis");
    assert_eq!(
        shown["categorieen"][0]["aanbieders"][0]["telefoon"],
        "0800-2000"
    );

    let ws = Workspace::new();
    ws.cmd("start")
        .answers("- intake\n- alles\n- geen\n- nee\n")
        .run()
        .code(0);
    let sessions = json_of(&ws.cmd("sessies --json").run().code(0));
    assert_eq!(sessions["schema"], "zorgpad.sessies/1");
    assert_eq!(sessions["sessies"][0]["id"], ws.only_session());
    assert_eq!(sessions["sessies"][0]["status"], "afgerond");

    // The practice's JSON holds exact counts, to be merged; the merged tables hide a group
    // under five, in JSON as on the screen.
    let counts = json_of(&ws.cmd("statistiek --json").run().code(0));
    assert_eq!(counts["schema"], "zorgpad.praktijkcijfers/1");
    assert_eq!(counts["gemeenten"]["Onbekend"], 1);
    ws.cmd("statistiek -o praktijk.json").run().code(0);
    let stats = json_of(
        &ws.cmd("statistiek samenvoegen praktijk.json --formaat json")
            .run()
            .code(0),
    );
    assert_eq!(stats["schema"], "zorgpad.statistiek/1");
    assert_eq!(stats["tabellen"][0]["kolommen"][0], "Gemeente");
    let text = stats.to_string();
    assert!(text.contains("<5"), "{text}");
    ws.cmd("statistiek --json --formaat csv")
        .run()
        .code(2)
        .stderr_has("geef --formaat of --json, niet allebei");
}

#[test]
fn json_of_a_broken_flow_lists_the_findings_and_exits_1() {
    let flow = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/kapot/onbekend-naar.yaml"
    ))
    .expect("fixture");
    let out = Test::new()
        .file("kapot.yaml", flow)
        .args("controleer --json --flow kapot.yaml")
        .run()
        .code(1);
    let check = json_of(&out);
    assert_eq!(check["in_orde"], false);
    let first = &check["bevindingen"][0];
    assert_eq!(first["ernst"], "fout");
    assert!(first["regel"].is_u64(), "{check:#}");
    assert!(
        first["probleem"]
            .as_str()
            .is_some_and(|p| p.contains("onbekende knoop")),
        "{check:#}"
    );
}

#[test]
fn a_broken_flow_is_refused_with_what_was_not_done() {
    let flow = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/kapot/onbekend-naar.yaml"
    ))
    .expect("fixture");
    for (args, refused) in [
        ("toon --flow kapot.yaml", "zorgpad toont hem niet"),
        ("graaf --flow kapot.yaml", "er is geen diagram gemaakt"),
        (
            "routes --flow kapot.yaml",
            "zorgpad zoekt er geen routes in",
        ),
    ] {
        let out = Test::new()
            .file("kapot.yaml", &flow)
            .args(args)
            .run()
            .code(1);
        assert!(out.stderr.contains(refused), "{args}:\n{}", out.stderr);
        assert!(!out.stderr.contains("sessie"), "{args}:\n{}", out.stderr);
    }
    Test::new()
        .args("help kaart toon extra")
        .run()
        .code(2)
        .stderr_has("'zorgpad kaart toon' heeft geen subopdrachten");
}
