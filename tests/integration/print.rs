//! The HTML export printed by a real browser: headless Chromium prints the fixed complex
//! session (`golden::session`) to PDF, and Poppler (`pdfinfo`, `pdftotext`) reads it back page
//! by page. Every page must say whose it is (the client's reference and the session id) and
//! which page it is ("pagina 2 van 3"), and the whole summary must fit on three pages.
//!
//! Ignored by a plain `cargo test` (Chromium and Poppler are not Rust dependencies); `.ci/run`
//! installs them when needed and runs this test explicitly. Without them it fails, never passes.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::Workspace;

/// How long Chromium may take to print before the test gives up on it (and ends it).
const CHROMIUM_TIMEOUT: Duration = Duration::from_secs(120);

/// The reference the fixed session was started with.
const KENMERK: &str = "P-2026-0042";

/// Whether a tool runs at all (`tool arg`), else why not.
fn tool(name: &str, arg: &str) -> Result<(), String> {
    match Command::new(name)
        .arg(arg)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
    {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(format!("{name} {arg}: {status}")),
        Err(e) => Err(format!("{name}: {e}")),
    }
}

/// A local path as a `file://` URL, every byte outside the unreserved set and `/`
/// percent-encoded.
fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            url.push(char::from(b));
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

/// Print `html` to `pdf` with headless Chromium (a fresh profile, nothing from the network),
/// ended when it takes longer than [`CHROMIUM_TIMEOUT`].
fn print_to_pdf(html: &Path, pdf: &Path) {
    let profile = tempfile::tempdir().expect("temp dir for the Chromium profile");
    let log = profile.path().join("chromium.log");
    let log_file = std::fs::File::create(&log).expect("Chromium log");
    let mut child = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!(
            "--user-data-dir={}",
            profile.path().join("p").display()
        ))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(file_url(html))
        .env("HOME", profile.path())
        .stdin(Stdio::null())
        .stdout(log_file.try_clone().expect("log"))
        .stderr(log_file)
        .spawn()
        .expect("start chromium");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for chromium") {
            break status;
        }
        if start.elapsed() > CHROMIUM_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "chromium did not print within {CHROMIUM_TIMEOUT:?}; its output:\n{}",
                std::fs::read_to_string(&log).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(
        status.success() && pdf.is_file(),
        "chromium did not print ({status}); its output:\n{}",
        std::fs::read_to_string(&log).unwrap_or_default()
    );
}

/// The output of a Poppler tool, which must succeed.
fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(pdf)
        .args(if tool == "pdftotext" { &["-"][..] } else { &[] })
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("{tool}: {e}"));
    assert!(
        out.status.success(),
        "{tool} {args:?}: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
#[ignore = "needs Chromium and Poppler (pdftotext); .ci/run runs it"]
fn the_html_export_prints_on_a4_with_reference_and_page_number_on_every_page() {
    for (name, arg) in [
        ("chromium", "--version"),
        ("pdfinfo", "-v"),
        ("pdftotext", "-v"),
    ] {
        if let Err(why) = tool(name, arg) {
            panic!(
                "Chromium and Poppler are needed for this test and {name} is not usable ({why}); install them (e.g. apt-get install chromium poppler-utils) or run .ci/run"
            );
        }
    }
    let ws = Workspace::new();
    let id = crate::golden::session(&ws);
    ws.cmd(&format!("export {id} --formaat html -o sessie.html"))
        .now("2026-12-11T08:00:00Z")
        .run()
        .code(0)
        .no_panic();
    let html = ws.path().join("sessie.html");
    let pdf = ws.path().join("sessie.pdf");
    print_to_pdf(&html, &pdf);

    let info = poppler("pdfinfo", &[], &pdf);
    let size = info
        .lines()
        .find_map(|l| l.strip_prefix("Page size:"))
        .unwrap_or_else(|| panic!("no page size in pdfinfo:\n{info}"));
    // A4 is 595.28 x 841.89 pt; Chromium rounds to its own units (594.96 x 841.92). Its
    // default paper, without `@page { size: A4 }`, is Letter (612 x 792).
    let points: Vec<f64> = size
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    assert!(
        matches!(points[..], [w, h] if (w - 595.28).abs() < 2.0 && (h - 841.89).abs() < 2.0),
        "not A4: {size}"
    );
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count in pdfinfo:\n{info}"));
    assert!(pages >= 1, "no pages:\n{info}");

    for n in 1..=pages {
        let page = n.to_string();
        let text = poppler("pdftotext", &["-layout", "-f", &page, "-l", &page], &pdf);
        for want in [
            KENMERK.to_string(),
            id.clone(),
            format!("pagina {n} van {pages}"),
        ] {
            assert!(
                text.contains(&want),
                "page {n} of {pages} lacks {want:?}:\n{text}"
            );
        }
    }
    assert!(
        pages <= 3,
        "the summary of the complex session prints on {pages} pages, more than 3"
    );
}
