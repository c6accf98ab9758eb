//! The meaning of `zorgpad toon` and `zorgpad graaf`'s arguments.

use std::path::PathBuf;

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

/// The meaning of `zorgpad graaf`'s arguments: the format from `--formaat`, else from the name
/// of `-o`, else Mermaid; the target's directory must exist.
pub fn graph_config(a: GraphArgs) -> Result<Graph> {
    let from_name = a.uitvoer.as_ref().and_then(|p| {
        match p
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_lowercase)
            .as_deref()
        {
            Some("dot") | Some("gv") => Some(GraphFormat::Dot),
            Some("mmd") | Some("mermaid") => Some(GraphFormat::Mermaid),
            _ => None,
        }
    });
    let format = match a.formaat {
        Some(GraphFormatArg::Mermaid) => GraphFormat::Mermaid,
        Some(GraphFormatArg::Dot) => GraphFormat::Dot,
        None => from_name.unwrap_or(GraphFormat::Mermaid),
    };
    if let Some(out) = &a.uitvoer {
        crate::cli::config::check_target(out, "het diagram")?;
    }
    Ok(Graph {
        flow: a.flow,
        format,
        output: a.uitvoer,
    })
}
