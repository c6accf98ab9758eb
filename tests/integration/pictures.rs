//! `zorgpad graaf -o NAME.svg|png|pdf`: a picture drawn by Graphviz, through the real binary.
//!
//! The tests with the real Graphviz are ignored by a plain `cargo test` (Graphviz is not a Rust
//! dependency); `.ci/run` installs it when needed and runs them by name. Without Graphviz they
//! fail, never pass. The refusal without Graphviz is in `file_names.rs`.

use crate::common::{Output, Test, Workspace};

/// Assert that Graphviz is installed, with what to do when it is not.
fn needs_graphviz() {
    let version = std::process::Command::new("dot").arg("-V").output();
    assert!(
        version.as_ref().is_ok_and(|o| o.status.success()),
        "Graphviz ('dot') is needed for this test and is not installed; install it (e.g. apt-get install graphviz) or run .ci/run"
    );
}

fn bytes(out: &Output, name: &str) -> Vec<u8> {
    std::fs::read(out.dir.join(name)).expect("the picture is written")
}

#[cfg(unix)]
fn mode(out: &Output, name: &str) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(out.dir.join(name))
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}

#[test]
#[ignore = "needs Graphviz (dot); .ci/run runs it"]
fn graaf_draws_svg_png_and_pdf_with_graphviz() {
    needs_graphviz();
    let out = Test::new()
        .args("graaf -o zorgpad.svg")
        .run()
        .code(0)
        .no_panic()
        .stderr_has("Plaatje (SVG, gemaakt met Graphviz) geschreven naar zorgpad.svg");
    let svg = String::from_utf8(bytes(&out, "zorgpad.svg")).expect("svg is text");
    assert!(
        svg.starts_with("<svg") || svg.starts_with("<?xml"),
        "{svg:.200}"
    );
    assert!(svg.contains("<svg") && svg.contains("Problematiek"));
    assert!(out.stdout.is_empty());
    #[cfg(unix)]
    assert_eq!(mode(&out, "zorgpad.svg"), 0o600);

    let out = Test::new().args("graaf -o Zorgpad.PNG").run().code(0);
    assert!(bytes(&out, "Zorgpad.PNG").starts_with(b"\x89PNG\r\n\x1a\n"));
    #[cfg(unix)]
    assert_eq!(mode(&out, "Zorgpad.PNG"), 0o600);

    // --formaat dot with a picture's name: the picture is drawn of DOT.
    let out = Test::new()
        .args("graaf --formaat dot -o z.pdf")
        .run()
        .code(0);
    assert!(bytes(&out, "z.pdf").starts_with(b"%PDF-"));
}

/// A `dot` that fails: the failure is said in Dutch (with what dot said), exit 2, nothing
/// written. A stand-in script, so this runs without Graphviz.
#[cfg(unix)]
#[test]
fn a_failing_graphviz_is_reported_in_dutch_and_nothing_is_written() {
    use std::os::unix::fs::PermissionsExt;
    let ws = Workspace::new();
    let dot = ws.write(
        "bin/dot",
        "#!/bin/sh\ncat >/dev/null\necho 'Error: syntax error in line 1' >&2\nexit 3\n",
    );
    std::fs::set_permissions(&dot, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    ws.cmd("graaf -o zorgpad.png")
        .env("PATH", &format!("{}:/bin:/usr/bin", ws.path().join("bin").display()))
        .run()
        .code(2)
        .no_panic()
        .stderr_has("Graphviz kon van het diagram geen plaatje maken ('dot' stopte met afsluitcode 3 en meldde: Error: syntax error in line 1); er is niets naar 'zorgpad.png' geschreven")
        .stderr_has("dot -V");
    assert!(!ws.path().join("zorgpad.png").exists());
}
