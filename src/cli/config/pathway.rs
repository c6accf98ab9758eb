//! The meaning of `zorgpad toon`, `zorgpad graaf` and `zorgpad routes`'s arguments.

use std::path::PathBuf;

use crate::cli::config::file_name::{self, Names};
use crate::cli::{GraphArgs, GraphFormatArg, RoutesArgs, RoutesFormatArg, ShowArgs};
use crate::error::Result;
use crate::report::{Layout, FIXED_WIDTH};

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
    /// A picture that Graphviz draws of the DOT text.
    Picture(Picture),
}

/// The pictures Graphviz makes for `zorgpad graaf -o NAME.svg|png|pdf`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Picture {
    Svg,
    Png,
    Pdf,
}

impl Picture {
    /// Graphviz's name of the format (`dot -Tsvg`).
    pub fn graphviz(self) -> &'static str {
        match self {
            Picture::Svg => "svg",
            Picture::Png => "png",
            Picture::Pdf => "pdf",
        }
    }
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
    ("svg", GraphFormat::Picture(Picture::Svg)),
    ("png", GraphFormat::Picture(Picture::Png)),
    ("pdf", GraphFormat::Picture(Picture::Pdf)),
];

/// The meaning of `zorgpad graaf`'s arguments: the format from the name of `-o` (which
/// `--formaat` must not contradict), else from `--formaat`, else Mermaid. zorgpad does not draw
/// pictures itself: for .svg, .png and .pdf Graphviz makes one of the DOT text (`cmd::graph`).
/// `--formaat dot` with a picture's name is not a contradiction: the picture is drawn of DOT.
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
                instead: "met Graphviz maakt zorgpad een plaatje als .svg, .png of .pdf (zorgpad graaf -o zorgpad.png)",
                choices: ".dot (Graphviz), .mmd (Mermaid), of met Graphviz een plaatje: .svg, .png, .pdf",
                flag: true,
            },
            match (flag, picture_name(out)) {
                (Some((GraphFormat::Dot, _)), true) => None,
                (flag, _) => flag,
            },
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

/// Whether the name is one of a picture (.svg, .png, .pdf).
fn picture_name(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .is_some_and(|e| {
            GRAPH_NAMES
                .iter()
                .any(|(n, f)| *n == e && matches!(f, GraphFormat::Picture(_)))
        })
}

/// The formats of `zorgpad routes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoutesFormat {
    Text,
    Markdown,
}

/// `zorgpad routes`.
#[derive(Debug)]
pub struct Routes {
    pub flow: Option<PathBuf>,
    pub format: RoutesFormat,
    pub output: Option<PathBuf>,
    pub layout: Layout,
}

const ROUTES_NAMES: &[(&str, RoutesFormat)] = &[
    ("md", RoutesFormat::Markdown),
    ("markdown", RoutesFormat::Markdown),
    ("txt", RoutesFormat::Text),
];

/// The meaning of `zorgpad routes`'s arguments: the format from the name of `-o` (which
/// `--formaat` must not contradict), else from `--formaat`, else text. In a file, the fixed
/// width.
pub fn routes_config(a: RoutesArgs, layout: Layout) -> Result<Routes> {
    let flag = a.formaat.map(|f| match f {
        RoutesFormatArg::Md => (RoutesFormat::Markdown, "--formaat md"),
        RoutesFormatArg::Tekst => (RoutesFormat::Text, "--formaat tekst"),
    });
    let format = match (&a.uitvoer, flag) {
        (Some(out), _) => file_name::format_of(
            out,
            &Names {
                what: "het overzicht van de routes",
                formats: ROUTES_NAMES,
                instead: "schrijf Markdown (-o routes.md) en zet die om, of druk haar af",
                choices: ".md (Markdown) of .txt (tekst)",
                flag: true,
            },
            flag,
        )?,
        (None, Some((f, _))) => f,
        (None, None) => RoutesFormat::Text,
    };
    let layout = match &a.uitvoer {
        Some(_) => Layout {
            width: FIXED_WIDTH,
            wrap: false,
        },
        None => layout,
    };
    Ok(Routes {
        flow: a.flow,
        format,
        output: a.uitvoer,
        layout,
    })
}
