//! `zorgpad graaf`: the flow as a Mermaid or Graphviz diagram, printed or written to a file; or,
//! for `-o NAME.svg|png|pdf`, a picture that Graphviz (`dot`) draws of the DOT text.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::cli::config::pathway::{Graph, GraphFormat, Picture};
use crate::error::{Error, Exit, Result};
use crate::flow::set::FlowSet;
use crate::out::{errln, out};
use crate::report::graph::{dot, mermaid};

/// How long Graphviz may take before zorgpad stops it (the blueprint takes well under a second).
const DOT_TIMEOUT: Duration = Duration::from_secs(60);

/// `zorgpad graaf`.
pub fn graph(config: &Graph) -> Result<Exit> {
    // Decided before any work: without Graphviz no picture, and nothing is written.
    let graphviz = match (config.format, &config.output) {
        (GraphFormat::Picture(_), Some(path)) => Some(find_dot().ok_or_else(|| no_graphviz(path))?),
        _ => None,
    };
    let set = FlowSet::load(config.flow.as_deref())?;
    crate::flow::validate::refuse_broken(&set, "er is geen diagram gemaakt")?;
    let text = match config.format {
        GraphFormat::Mermaid => mermaid(&set),
        GraphFormat::Dot | GraphFormat::Picture(_) => dot(&set),
    };
    match (&config.output, config.format, graphviz) {
        (Some(path), GraphFormat::Picture(picture), Some(program)) => {
            let bytes = draw(&program, picture, &text, path)?;
            crate::store::private_file::write("het plaatje", path, &bytes)?;
            errln!(
                "Plaatje ({}, gemaakt met Graphviz) geschreven naar {}.",
                picture.graphviz().to_uppercase(),
                path.display()
            );
        }
        (None, _, _) => out!("{text}")?,
        (Some(path), format, _) => {
            crate::store::private_file::write("het diagram", path, text.as_bytes())?;
            errln!(
                "Diagram ({}) geschreven naar {}.",
                match format {
                    GraphFormat::Mermaid => "Mermaid",
                    _ => "Graphviz DOT; maak er een plaatje van met: zorgpad graaf -o zorgpad.svg, of dot -Tsvg BESTAND -o zorgpad.svg",
                },
                path.display()
            );
        }
    }
    Ok(Exit::Ok)
}

/// The refusal when Graphviz is not installed.
fn no_graphviz(path: &Path) -> Error {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "zorgpad".to_string());
    Error::input(format!(
        "voor een plaatje ('{}') is Graphviz nodig, en het programma 'dot' is niet gevonden; er is niets geschreven",
        path.display()
    ))
    .hint(format!(
        "Installeer Graphviz (bijvoorbeeld: apt-get install graphviz, brew install graphviz, of graphviz.org), of schrijf DOT en maak het plaatje zelf:\n  zorgpad graaf -o {stem}.dot\n  dot -T{} {stem}.dot -o {}",
        path.extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_else(|| "svg".to_string()),
        path.display()
    ))
}

/// `dot` on the PATH, as a full path (no shell looks it up).
fn find_dot() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .filter(|dir| !dir.as_os_str().is_empty())
        .map(|dir| dir.join(if cfg!(windows) { "dot.exe" } else { "dot" }))
        .find(|p| p.is_file())
}

/// Let Graphviz draw the DOT text: `dot -T<format>`, the text on standard input, the picture
/// from standard output. Stopped after [`DOT_TIMEOUT`].
fn draw(program: &Path, picture: Picture, text: &str, path: &Path) -> Result<Vec<u8>> {
    let failed = |why: String| {
        Error::input(format!(
            "Graphviz kon van het diagram geen plaatje maken ({why}); er is niets naar '{}' geschreven",
            path.display()
        ))
        .hint("Schrijf DOT (zorgpad graaf -o zorgpad.dot) en probeer het met dot zelf, of controleer de installatie van Graphviz (dot -V).")
    };
    let mut child = Command::new(program)
        .arg(format!("-T{}", picture.graphviz()))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            failed(format!(
                "'dot' start niet: {}",
                crate::error::describe_io(&e)
            ))
        })?;
    let (Some(mut stdin), Some(mut stdout), Some(mut stderr)) =
        (child.stdin.take(), child.stdout.take(), child.stderr.take())
    else {
        let _ = child.kill();
        let _ = child.wait();
        return Err(failed("geen verbinding met 'dot'".to_string()));
    };
    let input = text.as_bytes().to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        stdout.read_to_end(&mut bytes).map(|_| bytes)
    });
    let errors = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stderr.read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > DOT_TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(failed(format!(
                    "'dot' was na {} seconden nog niet klaar en is gestopt",
                    DOT_TIMEOUT.as_secs()
                )));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(failed(crate::error::describe_io(&e))),
        }
    };
    let written = writer.join().ok().and_then(|r| r.ok());
    let bytes = reader.join().ok().and_then(|r| r.ok()).unwrap_or_default();
    let said = errors.join().unwrap_or_default();
    let said = said.trim();
    if !status.success() || written.is_none() || bytes.is_empty() {
        let code = status
            .code()
            .map_or("afgebroken".to_string(), |c| format!("afsluitcode {c}"));
        return Err(failed(if said.is_empty() {
            format!("'dot' stopte met {code}")
        } else {
            format!(
                "'dot' stopte met {code} en meldde: {}",
                crate::visible::text(&said.lines().map(str::trim).collect::<Vec<_>>().join(" "))
            )
        }));
    }
    Ok(bytes)
}
