//! The meaning of `zorgpad toon` and `zorgpad graaf`'s arguments.

use std::path::PathBuf;

use crate::cli::config::file_name::{self, Names};
use crate::cli::{GraphArgs, GraphFormatArg, ShowArgs};
use crate::error::Result;

/// `zorgpad toon`.
#[derive(Debug)]
pub struct Show {
    pub flow: Option<PathBuf>,
    pub stap: Option<String>,
}

/// The diagram formats of `zorgpad graaf`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GraphFormat {
    Mermaid,
    Dot,
}

/// `zorgpad graaf`.
#[derive(Debug)]
pub struct Graph {
    pub flow: Option<PathBuf>,
    pub format: GraphFormat,
    pub output: Option<PathBuf>,
}

/// The meaning of `zorgpad toon`'s arguments.
pub fn show_config(a: ShowArgs) -> Show {
    Show {
        flow: a.flow,
        stap: a.stap.map(|s| s.trim().to_string()),
    }
}

/// The names of a diagram: the extension picks the format.
const GRAPH_NAMES: &[(&str, GraphFormat)] = &[
    ("dot", GraphFormat::Dot),
    ("gv", GraphFormat::Dot),
    ("mmd", GraphFormat::Mermaid),
    ("mermaid", GraphFormat::Mermaid),
];

/// The meaning of `zorgpad graaf`'s arguments: the format from the name of `-o` (which
/// `--formaat` must not contradict), else from `--formaat`, else Mermaid. zorgpad does not draw
/// pictures itself: Graphviz makes one of the DOT text.
pub fn graph_config(a: GraphArgs) -> Result<Graph> {
    let flag = a.formaat.map(|f| match f {
        GraphFormatArg::Mermaid => (GraphFormat::Mermaid, "--formaat mermaid"),
        GraphFormatArg::Dot => (GraphFormat::Dot, "--formaat dot"),
    });
    let format = match (&a.uitvoer, flag) {
        (Some(out), _) => file_name::format_of(
            out,
            &Names {
                what: "het diagram",
                formats: GRAPH_NAMES,
                instead: "schrijf DOT (-o zorgpad.dot) en maak er met Graphviz een plaatje van: dot -Tsvg zorgpad.dot -o zorgpad.svg (of -Tpng, -Tpdf)",
                choices: ".dot (Graphviz) of .mmd (Mermaid)",
                flag: true,
            },
            flag,
        )?,
        (None, Some((f, _))) => f,
        (None, None) => GraphFormat::Mermaid,
    };
    Ok(Graph {
        flow: a.flow,
        format,
        output: a.uitvoer,
    })
}
