//! The caseload through the real binary: `zorgpad sessies` with its filters (`--wacht`,
//! `--te-laat`, `--kenmerk`, `--status`), in the order of the next expected date, overdue waits
//! flagged in the table and in `--json`; `hervat` and `export` by the client's kenmerk, unique
//! and ambiguous; and 200 sessions at 80 columns without a broken word.

use std::collections::HashSet;

use serde_json::Value;

use crate::common::{squash, SessionTable, Workspace, D4_TO_MDO_PAUSE, TO_D4_PAUSE};

/// The shortest route: the intake, no PPM; the session is finished.
const SHORT: &str = "- intake\n- alles\n- geen\n- nee\n";

/// Start a session with `kenmerk` at `now` from `answers`; the answers file may end early (exit 2).
fn start(ws: &Workspace, kenmerk: &str, now: &str, answers: &str, code: i32) -> String {
    let before: HashSet<String> = ws.session_ids().into_iter().collect();
    ws.cmd("start --kenmerk")
        .arg(kenmerk)
        .now(now)
        .answers(answers)
        .run()
        .code(code)
        .no_panic();
    let new: Vec<String> = ws
        .session_ids()
        .into_iter()
        .filter(|id| !before.contains(id))
        .collect();
    assert_eq!(new.len(), 1, "one new session: {new:?}");
    new[0].clone()
}

/// `zorgpad sessies ARGS --json` at `now`: the ids listed, in order, and the document.
fn listed(ws: &Workspace, args: &str, now: &str) -> (Vec<String>, Value) {
    let out = ws
        .cmd(&format!("sessies --json {args}"))
        .now(now)
        .run()
        .code(0)
        .no_panic();
    let json: Value = serde_json::from_str(&out.stdout).expect("sessies --json is JSON");
    let ids = json["sessies"]
        .as_array()
        .expect("sessies")
        .iter()
        .map(|s| s["id"].as_str().expect("id").to_string())
        .collect();
    (ids, json)
}

/// Four clients: A waits for 10-12-2026, B for 01-12-2026, C is finished, D is still going
/// (its answers file ended), and E waits without a date.
struct Caseload {
    ws: Workspace,
    a: String,
    b: String,
    c: String,
    d: String,
    e: String,
}

fn caseload() -> Caseload {
    let ws = Workspace::new();
    let a = start(&ws, "P-A", "2026-11-20T09:00:00Z", TO_D4_PAUSE, 0);
    let b = start(
        &ws,
        "P-B",
        "2026-11-21T09:00:00Z",
        &TO_D4_PAUSE.replace("10-12-2026", "01-12-2026"),
        0,
    );
    let c = start(&ws, "P-C", "2026-11-22T09:00:00Z", SHORT, 0);
    let d = start(&ws, "P-D", "2026-11-23T09:00:00Z", "- intake\n- alles\n", 2);
    let e = start(
        &ws,
        "P-E",
        "2026-11-24T09:00:00Z",
        &TO_D4_PAUSE.replace("later: 10-12-2026", "later"),
        0,
    );
    Caseload { ws, a, b, c, d, e }
}

const TODAY: &str = "2026-12-05T09:00:00Z";

#[test]
fn the_caseload_is_sorted_by_the_next_expected_date_and_filtered() {
    let Caseload { ws, a, b, c, d, e } = caseload();

    // With an expected date first, the earliest first (B before A); then the latest change first.
    let (all, json) = listed(&ws, "", TODAY);
    assert_eq!(
        all,
        [b.as_str(), a.as_str(), e.as_str(), d.as_str(), c.as_str()]
    );
    let row = |id: &str| {
        json["sessies"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(row(&b)["te_laat"], true);
    assert_eq!(row(&b)["wacht_op"]["verwacht"], "2026-12-01");
    for id in [&a, &c, &d, &e] {
        assert_eq!(row(id)["te_laat"], false, "{id}");
    }
    assert_eq!(row(&c)["status"], "afgerond");
    assert_eq!(row(&d)["status"], "lopend");
    assert_eq!(row(&e)["status"], "wacht");

    assert_eq!(
        listed(&ws, "--wacht", TODAY).0,
        [b.as_str(), a.as_str(), e.as_str()]
    );
    assert_eq!(listed(&ws, "--te-laat", TODAY).0, [b.as_str()]);
    assert_eq!(listed(&ws, "--kenmerk p-a", TODAY).0, [a.as_str()]);
    assert_eq!(listed(&ws, "--kenmerk P-", TODAY).0, Vec::<String>::new());
    assert_eq!(listed(&ws, "--status afgerond", TODAY).0, [c.as_str()]);
    assert_eq!(listed(&ws, "--status lopend", TODAY).0, [d.as_str()]);
    assert_eq!(
        listed(&ws, "--status wacht", TODAY).0,
        [b.as_str(), a.as_str(), e.as_str()]
    );
    assert_eq!(listed(&ws, "--wacht --kenmerk P-B", TODAY).0, [b.as_str()]);
    assert_eq!(
        listed(&ws, "--te-laat --kenmerk P-A", TODAY).0,
        Vec::<String>::new()
    );
    // Days later A is overdue too; on the day itself it is not.
    assert_eq!(
        listed(&ws, "--te-laat", "2026-12-10T23:00:00Z").0,
        [b.as_str()]
    );
    assert_eq!(
        listed(&ws, "--te-laat", "2026-12-11T08:00:00Z").0,
        [b.as_str(), a.as_str()]
    );

    // The table flags the overdue wait in the status, and lists in the same order.
    let out = ws.cmd("sessies").now(TODAY).run().code(0).no_panic();
    let table = SessionTable::parse(&out.stdout);
    assert_eq!(
        table.ids(),
        [b.as_str(), a.as_str(), e.as_str(), d.as_str(), c.as_str()]
    );
    table.assert_cell(&b, "Status", "wacht · te laat");
    table.assert_cell(&a, "Status", "wacht");
    table.assert_cell(&c, "Status", "afgerond");
    table.assert_cell(&d, "Status", "lopend");

    let out = ws.cmd("sessies --te-laat").now(TODAY).run().code(0);
    assert_eq!(SessionTable::parse(&out.stdout).ids(), [b.as_str()]);

    // Nothing matches: said in Dutch, not an empty table.
    ws.cmd("sessies --te-laat --status afgerond")
        .now(TODAY)
        .run()
        .code(0)
        .stdout_has("Geen sessies die aan de filters voldoen (5 sessies in ")
        .stdout_lacks("│");

    // A status that does not exist is refused in Dutch.
    ws.cmd("sessies --status klaar")
        .now(TODAY)
        .run()
        .code(2)
        .stderr_has("klaar");
}

#[test]
fn hervat_and_export_take_a_unique_kenmerk_and_list_an_ambiguous_one() {
    let Caseload { ws, a, b, c, .. } = caseload();

    // Unique, in other letters: the session of that client.
    ws.cmd("export p-c --formaat json -o c.json")
        .now(TODAY)
        .run()
        .code(0)
        .no_panic();
    let json: Value = serde_json::from_str(&ws.read("c.json")).expect("export");
    assert_eq!(json["sessie"]["id"], c.as_str());

    ws.cmd("hervat P-A")
        .now(TODAY)
        .answers(D4_TO_MDO_PAUSE)
        .run()
        .code(0)
        .no_panic()
        .stderr_has("wacht bij B7");
    let (_, json) = listed(&ws, "--kenmerk P-A", TODAY);
    assert_eq!(json["sessies"][0]["id"], a.as_str());
    assert_eq!(json["sessies"][0]["wacht_op"]["vraag"], "B7");

    // A second client with the same kenmerk: the reference is ambiguous.
    let b2 = start(&ws, "p-b", "2026-11-25T09:00:00Z", "- intake\n- alles\n", 2);
    let before: Vec<Vec<u8>> = [&b, &b2]
        .iter()
        .map(|id| std::fs::read(ws.session_file(id)).unwrap())
        .collect();
    for command in ["export P-B", "hervat P-B --antwoorden antwoorden.yaml"] {
        ws.write("antwoorden.yaml", D4_TO_MDO_PAUSE);
        let out = ws
            .cmd(command)
            .now(TODAY)
            .run()
            .code(2)
            .no_panic()
            .stderr_has("'P-B' past bij 2 sessies (id, kenmerk, status):")
            .stderr_has("Geef het hele id");
        let line = |id: &str| {
            out.stderr
                .lines()
                .find(|l| l.trim_start().starts_with(id))
                .unwrap_or_else(|| panic!("{id} listed:\n{}", out.stderr))
                .split_whitespace()
                .collect::<Vec<_>>()
        };
        assert_eq!(line(&b), [b.as_str(), "P-B", "wacht"]);
        assert_eq!(line(&b2), [b2.as_str(), "p-b", "lopend"]);
    }
    let after: Vec<Vec<u8>> = [&b, &b2]
        .iter()
        .map(|id| std::fs::read(ws.session_file(id)).unwrap())
        .collect();
    assert_eq!(before, after, "an ambiguous reference changes nothing");

    // The id still works, and a kenmerk no session has is said as such.
    ws.cmd(&format!("export {b}")).now(TODAY).run().code(0);
    ws.cmd("export P-Z")
        .now(TODAY)
        .run()
        .code(2)
        .stderr_has("er is geen sessie 'P-Z' in ");
    ws.cmd("export")
        .arg("Mevrouw X")
        .now(TODAY)
        .run()
        .code(2)
        .stderr_has("'Mevrouw X' is geen sessie-id en geen kenmerk van een sessie");
}

/// Long gemeente names, as in the Netherlands.
const GEMEENTEN: [&str; 6] = [
    "Súdwest-Fryslân",
    "'s-Hertogenbosch",
    "Hardinxveld-Giessendam",
    "Sint-Michielsgestel",
    "Alphen-Chaam",
    "Bergen op Zoom",
];

/// 200 sessions made from two real ones (waiting at D4, and finished), each with its own id,
/// kenmerk (`reference(n)`) and gemeente; half of the waits overdue.
fn two_hundred(reference: impl Fn(usize) -> String) -> Workspace {
    let ws = Workspace::new();
    let waiting = start(&ws, "x", "2026-11-20T09:00:00Z", TO_D4_PAUSE, 0);
    let done = start(&ws, "y", "2026-11-20T10:00:00Z", SHORT, 0);
    let templates: Vec<Value> = [&waiting, &done]
        .iter()
        .map(|id| ws.session_json(id))
        .collect();
    for id in [&waiting, &done] {
        std::fs::remove_file(ws.session_file(id)).unwrap();
    }
    for n in 0..200 {
        let mut s = templates[n % 2].clone();
        let id = format!("20261120-{:04}-{:04x}", n, n);
        s["id"] = Value::from(id.clone());
        s["kenmerk"] = Value::from(reference(n));
        s["gemeente"] = Value::from(GEMEENTEN[n % GEMEENTEN.len()]);
        if n % 4 == 0 {
            let text = s.to_string().replace("2026-12-10", "2026-12-01");
            s = serde_json::from_str(&text).unwrap();
        }
        std::fs::write(ws.session_file(&id), s.to_string()).unwrap();
    }
    ws
}

/// Every word the caseload may show: those of the JSON's texts, the headings, and the fixed
/// words; a date or a time is recognised by its form.
fn vocabulary(json: &Value) -> HashSet<String> {
    let mut words: HashSet<String> = HashSet::new();
    for s in json["sessies"].as_array().unwrap() {
        for key in ["id", "kenmerk", "gemeente", "status", "stap"] {
            if let Some(text) = s[key].as_str() {
                words.extend(text.split_whitespace().map(str::to_string));
            }
        }
        if let Some(vraag) = s["wacht_op"]["vraag"].as_str() {
            words.insert(format!("{vraag},"));
        }
    }
    for word in [
        "Id",
        "Id:",
        "Kenmerk",
        "Kenmerk:",
        "Gemeente",
        "Gemeente:",
        "Status",
        "Status:",
        "Huidige",
        "stap",
        "stap:",
        "Wacht",
        "op",
        "op:",
        "Laatst",
        "gewijzigd",
        "gewijzigd:",
        "sinds",
        "verwacht",
        "te",
        "laat",
        "·",
        "—",
        "•",
    ] {
        words.insert(word.to_string());
    }
    words
}

fn is_date_or_time(word: &str) -> bool {
    let w = word.trim_end_matches(',');
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = w.split('-').collect();
    (parts.len() == 3
        && parts[0].len() == 2
        && parts[1].len() == 2
        && parts[2].len() == 4
        && parts.iter().all(|p| digits(p)))
        || (w.len() == 5 && w.as_bytes()[2] == b':' && digits(&w[..2]) && digits(&w[3..]))
}

/// `sessies --breedte WIDTH`: no line wider, every word whole, every session listed once.
fn no_word_broken(ws: &Workspace, width: usize) -> String {
    let (ids, json) = listed(ws, "", TODAY);
    assert_eq!(ids.len(), 200);
    let out = ws
        .cmd(&format!("sessies --breedte {width}"))
        .now(TODAY)
        .run()
        .code(0)
        .no_panic();
    let words = vocabulary(&json);
    for line in out.stdout.lines() {
        assert!(
            line.chars().count() <= width,
            "wider than {width}: {line:?}"
        );
        let cells = line.split(|c: char| "│┆╞╪╡═─┌┐└┘├┤┬┴┼╭╮╰╯┄┈".contains(c) || c.is_whitespace());
        for word in cells.filter(|w| !w.is_empty()) {
            assert!(
                words.contains(word) || is_date_or_time(word),
                "a broken or unknown word {word:?} at {width} columns in line {line:?}\n{}",
                out.stdout
            );
        }
    }
    let tokens: Vec<&str> = out.stdout.split_whitespace().collect();
    for s in json["sessies"].as_array().unwrap() {
        for key in ["id", "kenmerk"] {
            let text = s[key].as_str().unwrap();
            assert_eq!(
                tokens.iter().filter(|t| **t == text).count(),
                1,
                "{key} {text} once and whole at {width} columns"
            );
        }
        let status = s["status"].as_str().unwrap();
        assert!(tokens.contains(&status), "{status}");
    }
    // Where the gemeente is shown (it is the second column to go), it is whole.
    for g in GEMEENTEN.iter().filter(|_| out.stdout.contains("Gemeente")) {
        for word in g.split_whitespace() {
            assert!(tokens.contains(&word), "{g} whole");
        }
    }
    out.stdout.clone()
}

#[test]
fn two_hundred_sessions_at_80_columns_break_no_word() {
    // Practice numbers: the table fits at 80 columns, with fewer columns.
    let ws = two_hundred(|n| format!("PRAKTIJK-2026-{n:05}"));
    let text = no_word_broken(&ws, 80);
    let table = SessionTable::parse(&text);
    assert_eq!(table.rows.len(), 200, "{text}");
    assert_eq!(table.header, ["Id", "Kenmerk", "Status", "Wacht op"]);
    // The overdue ones first, flagged; the finished ones last.
    assert_eq!(squash(&table.rows[0][2]), squash("wacht · te laat"));
    assert_eq!(squash(&table.rows[199][2]), "afgerond");
    let overdue = table
        .rows
        .iter()
        .filter(|r| squash(&r[2]) == squash("wacht · te laat"))
        .count();
    assert_eq!(overdue, 50);
    // At 100 columns (a pipe) the step comes back; the long gemeente names still do not fit.
    let wide = no_word_broken(&ws, 100);
    let table = SessionTable::parse(&wide);
    assert_eq!(
        table.header,
        ["Id", "Kenmerk", "Status", "Huidige stap", "Wacht op"]
    );
    // At 200 everything fits.
    let widest = no_word_broken(&ws, 200);
    assert_eq!(SessionTable::parse(&widest).header.len(), 7);

    // Very long references: still no word broken (as a list when no table fits).
    let ws = two_hundred(|n| format!("VERLOSKUNDIGENPRAKTIJK-DE-WADDEN-2026-{n:05}"));
    let list = no_word_broken(&ws, 80);
    assert!(!list.contains('│'), "no table fits: a list\n{list}");
    assert_eq!(list.matches("• Id: ").count(), 200);
    no_word_broken(&ws, 100);
    let out = ws
        .cmd("sessies --te-laat --breedte 80")
        .now(TODAY)
        .run()
        .code(0);
    assert_eq!(out.stdout.matches("te laat").count(), 50, "{}", out.stdout);
}
