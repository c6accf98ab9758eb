//! `zorgpad statistiek` over sessions run for real into one data directory: thirteen sessions
//! in three gemeenten (6, 2 and 5), five of them complex with a referral gap and an MDO after a
//! known number of days. Checks the figures and the rule that no group of fewer than five
//! sessions is shown, not even by subtraction from a total.

use crate::common::{Workspace, D4_TO_MDO_PAUSE, MDO_TO_END, TO_D4_PAUSE};

/// The shortest route: no PPM (end E0).
pub(crate) const SHORT: &str = "- intake\n- alles\n- geen\n- nee\n";

/// Start a session and return its id.
pub(crate) fn start(ws: &Workspace, gemeente: &str, at: &str, answers: &str) -> String {
    let before = ws.session_ids();
    ws.write("antwoorden.yaml", answers);
    ws.cmd(&format!(
        "start --antwoorden antwoorden.yaml --gemeente {gemeente}"
    ))
    .now(at)
    .run()
    .code(0)
    .no_panic();
    let ids: Vec<String> = ws
        .session_ids()
        .into_iter()
        .filter(|i| !before.contains(i))
        .collect();
    assert_eq!(ids.len(), 1, "{ids:?}");
    ids[0].clone()
}

pub(crate) fn resume(ws: &Workspace, id: &str, at: &str, answers: &str) {
    ws.write("verder.yaml", answers);
    ws.cmd(&format!("hervat {id} --antwoorden verder.yaml"))
        .now(at)
        .run()
        .code(0)
        .no_panic();
}

/// Days from the intake to the MDO of the five complex sessions in Polderwijk.
const MDO_DAYS: [u32; 5] = [10, 30, 14, 12, 20];

/// 6 short sessions in Voorbeeldstad and 2 in Havendorp on 22-11-2026; 5 complex sessions in
/// Polderwijk started 1 to 5 November, three of them without a fitting offer at B4.
fn region() -> Workspace {
    let ws = Workspace::new();
    for i in 0..6 {
        start(
            &ws,
            "Voorbeeldstad",
            &format!("2026-11-22T{:02}:00:00Z", 8 + i),
            SHORT,
        );
    }
    for i in 0..2 {
        start(
            &ws,
            "Havendorp",
            &format!("2026-11-22T{:02}:30:00Z", 8 + i),
            SHORT,
        );
    }
    for (n, days) in MDO_DAYS.iter().enumerate() {
        let answers = if n < 3 {
            TO_D4_PAUSE.replace("Centrum Kwetsbare Zwangeren  # B4", "geen passend aanbod")
        } else {
            TO_D4_PAUSE.to_string()
        };
        let day = n + 1;
        let id = start(
            &ws,
            "Polderwijk",
            &format!("2026-11-{day:02}T09:00:00Z"),
            &answers,
        );
        resume(
            &ws,
            &id,
            &format!("2026-11-{:02}T09:00:00Z", day + 5),
            D4_TO_MDO_PAUSE,
        );
        // The MDO: `days` days after the intake (the answer comes a minute after resuming).
        let mdo = jiff::civil::date(2026, 11, day as i8)
            .checked_add(jiff::Span::new().days(i64::from(*days)))
            .expect("date");
        resume(&ws, &id, &format!("{mdo}T08:59:00Z"), MDO_TO_END);
    }
    assert_eq!(ws.session_ids().len(), 13);
    ws
}

/// The rows of a Markdown table under `## {title}`, as cells.
pub(crate) fn md_table(md: &str, title: &str) -> Vec<Vec<String>> {
    let start = md
        .find(&format!("## {title}"))
        .unwrap_or_else(|| panic!("no table {title:?} in\n{md}"));
    md[start..]
        .lines()
        .skip(1)
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .map(|l| {
            l.trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().replace("\\<", "<"))
                .collect()
        })
        .collect()
}

pub(crate) fn rows(cells: &[&[&str]]) -> Vec<Vec<String>> {
    cells
        .iter()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

#[test]
fn figures_per_gemeente_outcome_referral_gap_and_time_to_the_mdo() {
    let ws = region();
    let out = ws.cmd("statistiek --formaat md").run().code(0).no_panic();
    let md = out.stdout.clone();
    // Havendorp has 2: "<5". Polderwijk (5) is hidden too, or 13 − 6 − 5 would give Havendorp.
    assert_eq!(
        md_table(&md, "Sessies per gemeente"),
        rows(&[
            &["Havendorp", "<5"],
            &["Polderwijk", "x"],
            &["Voorbeeldstad", "6"],
            &["Regio (totaal)", "13"],
        ])
    );
    assert_eq!(
        md_table(&md, "Route en uitkomst"),
        rows(&[
            &["B8: Overdracht na de bevalling", "5"],
            &["E0: Geen actie op dit moment", "8"],
            &["Totaal", "13"],
        ])
    );
    assert_eq!(
        md_table(&md, "Verwijzingen per categorie"),
        rows(&[
            &["aandachtsfunctionaris", "5", "0"],
            &["kwetsbare-zwangeren", "5", "<5"],
        ])
    );
    assert_eq!(
        md_table(&md, "Geen passend aanbod per categorie en gemeente"),
        rows(&[&["kwetsbare-zwangeren", "0", "<5", "0", "<5"]])
    );
    // The referral (B4) on the day of the intake, the MDO 14 days later (the median of
    // 10, 30, 14, 12 and 20), the handover at the MDO's answers.
    assert_eq!(
        md_table(&md, "Doorlooptijden in dagen"),
        rows(&[
            &["Intake tot verwijzing (B3/B4)", "5", "0,0"],
            &["Verwijzing (B3/B4) tot MDO (B7)", "5", "14,0"],
            &["MDO (B7) tot overdracht (B8)", "5", "0,0"],
            &["Intake tot MDO (B7)", "5", "14,0"],
            &["Intake tot overdracht (B8)", "5", "14,0"],
        ])
    );
    // Zorgpad proposed "complex" at D2 in all five, and each followed it.
    assert_eq!(
        md_table(&md, "Voorstel van zorgpad"),
        rows(&[
            &[
                "D2 Problematiek — enkelvoudig of complex",
                "Complex",
                "Complex",
                "ja",
                "5"
            ],
            &[
                "D2 Problematiek — enkelvoudig of complex",
                "Totaal",
                "",
                "",
                "5"
            ],
        ])
    );
    assert!(
        md.contains("_Groepen van 1 tot en met 4 staan er als \\<5"),
        "{md}"
    );

    // The same in the terminal (alias stats) and as CSV.
    let text = ws.cmd("stats").run().code(0).no_panic();
    assert!(text
        .stdout
        .starts_with("STATISTIEK (anoniem)\nPeriode: alle sessies\n"));
    assert!(
        text.stdout.contains("│ Polderwijk     ┆ x       │"),
        "{}",
        text.stdout
    );
    // For Dutch Excel: a BOM, ';' and a decimal comma.
    let csv = ws
        .cmd("statistiek --formaat csv")
        .run()
        .code(0)
        .stdout
        .clone();
    let csv = csv.strip_prefix('\u{feff}').expect("a BOM");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "tabel;rij;kolom;waarde");
    assert!(
        lines.contains(&"Sessies per gemeente;Havendorp;Sessies;<5"),
        "{csv}"
    );
    assert!(
        lines.contains(&"Sessies per gemeente;Regio (totaal);Sessies;13"),
        "{csv}"
    );
    assert!(
        lines.contains(&"Geen passend aanbod per categorie en gemeente (sessies);kwetsbare-zwangeren;Polderwijk;<5"),
        "{csv}"
    );
    assert!(
        lines.contains(&"Doorlooptijden in dagen;Intake tot MDO (B7);Mediaan (dagen);14,0"),
        "{csv}"
    );
    // No number below five anywhere in the figures (0 is no group).
    for line in &lines[1..] {
        let value = line.rsplit(';').next().expect("value");
        if let Ok(n) = value.parse::<u32>() {
            assert!(n == 0 || n >= 5, "a small group shown: {line}");
        }
    }
    // For other programs: ',', a decimal point, no BOM.
    let plain = ws
        .cmd("statistiek --formaat csv --csv-scheiding komma")
        .run()
        .code(0)
        .stdout
        .clone();
    let lines: Vec<&str> = plain.lines().collect();
    assert_eq!(lines[0], "tabel,rij,kolom,waarde");
    assert!(
        lines.contains(&"Doorlooptijden in dagen,Intake tot MDO (B7),Mediaan (dagen),14.0"),
        "{plain}"
    );
}

#[test]
fn a_period_narrows_the_sessions_and_small_groups_stay_hidden() {
    let ws = region();
    // Only 22-11: 6 in Voorbeeldstad and 2 in Havendorp; Voorbeeldstad would give Havendorp away.
    let md = ws
        .cmd("statistiek --van 22-11-2026 --tot 2026-11-22 --formaat md")
        .run()
        .code(0)
        .no_panic()
        .stdout
        .clone();
    assert!(
        md.contains("Periode: gestart van 22-11-2026 tot en met 22-11-2026"),
        "{md}"
    );
    assert_eq!(
        md_table(&md, "Sessies per gemeente"),
        rows(&[
            &["Havendorp", "<5"],
            &["Voorbeeldstad", "x"],
            &["Regio (totaal)", "8"],
        ])
    );
    assert!(
        md_table(&md, "Doorlooptijden in dagen")
            .contains(&rows(&[&["Intake tot MDO (B7)", "0", "—"]])[0]),
        "{md}"
    );
    // The first two days of November: two complex sessions; no median over fewer than five.
    let md = ws
        .cmd("statistiek --tot 02-11-2026 --formaat md")
        .run()
        .code(0)
        .stdout
        .clone();
    assert_eq!(
        md_table(&md, "Sessies per gemeente"),
        rows(&[&["Polderwijk", "<5"], &["Regio (totaal)", "<5"]])
    );
    // No median over fewer than five.
    let times = md_table(&md, "Doorlooptijden in dagen");
    assert!(
        times.contains(&rows(&[&["Intake tot MDO (B7)", "<5", "—"]])[0]),
        "{md}"
    );
    assert!(times.iter().all(|r| r[2] == "—"), "{md}");
}

#[test]
fn bad_dates_are_usage_errors() {
    let ws = Workspace::new();
    ws.cmd("statistiek --van 31-02-2026")
        .run()
        .code(2)
        .no_panic()
        .stderr_has("--van '31-02-2026' is geen geldige datum");
    ws.cmd("statistiek --van 2026-12-01 --tot 2026-11-01")
        .run()
        .code(2)
        .stderr_has("ligt na --tot");
    ws.cmd("statistiek --formaat pdf")
        .run()
        .code(2)
        .stderr_has("ongeldige waarde 'pdf'");
    ws.cmd("statistiek --formaat csv --csv-scheiding tab")
        .run()
        .code(2)
        .stderr_has("ongeldige waarde 'tab'");
    ws.cmd("statistiek --formaat md --csv-scheiding komma")
        .run()
        .code(2)
        .stderr_has("--csv-scheiding hoort bij --formaat csv");
    // An empty data directory: zeros, no error.
    ws.cmd("statistiek")
        .run()
        .code(0)
        .stdout_has("│ Regio (totaal) ┆ 0       │");
}
