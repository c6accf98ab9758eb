//! The meaning of `zorgpad oefen`'s arguments: list the cases, practise one, or show a group's
//! results.

use std::io::IsTerminal;
use std::path::PathBuf;

use crate::cli::PracticeArgs;
use crate::error::{Error, Result};
use crate::report::Layout;

/// `zorgpad oefen`.
#[derive(Debug)]
pub struct Practice {
    pub action: PracticeAction,
    pub layout: Layout,
    pub color: bool,
    /// Plain lines for a screen reader (`--toegankelijk`, `ZORGPAD_TOEGANKELIJK`).
    pub plain: bool,
}

#[derive(Debug)]
pub enum PracticeAction {
    /// The list of cases.
    List,
    /// Walk one case.
    Run {
        casus: String,
        answers: Option<PathBuf>,
        explain: bool,
        results: Option<PathBuf>,
    },
    /// The group's results.
    Overview { dir: PathBuf },
}

/// The meaning of `zorgpad oefen`'s arguments.
pub fn config(a: PracticeArgs, env: super::Env) -> Result<Practice> {
    let plain = a.toegankelijk || env.plain;
    let (layout, color) = (env.layout, env.color && !plain);
    let action = match (a.overzicht, a.casus) {
        (Some(dir), _) => {
            if !dir.is_dir() {
                return Err(Error::input(format!(
                    "de map '{}' met oefenresultaten bestaat niet",
                    dir.display()
                ))
                .hint("Geef de map die de deelnemers met --resultaten MAP gebruikten."));
            }
            PracticeAction::Overview { dir }
        }
        (None, None) => {
            if a.antwoorden.is_some() || a.resultaten.is_some() {
                return Err(Error::input("geef de casus die u wilt oefenen").hint(
                    "Bijvoorbeeld: zorgpad oefen geen-toestemming --antwoorden antwoorden.yaml\nDe casussen: zorgpad oefen",
                ));
            }
            PracticeAction::List
        }
        (None, Some(casus)) => {
            if a.antwoorden.is_none()
                && !plain
                && !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal())
            {
                return Err(Error::input(
                    "er is geen terminal: een oefening stelt vragen en heeft een terminal nodig",
                )
                .hint(format!(
                    "Start zorgpad in een terminal, of geef de antwoorden in een bestand mee:\n  zorgpad oefen {casus} --antwoorden antwoorden.yaml"
                )));
            }
            if let Some(dir) = &a.resultaten {
                if dir.exists() && !dir.is_dir() {
                    return Err(Error::input(format!(
                        "'{}' is geen map; --resultaten wil een map",
                        dir.display()
                    )));
                }
            }
            PracticeAction::Run {
                casus,
                answers: a.antwoorden,
                explain: a.uitleg,
                results: a.resultaten,
            }
        }
    };
    Ok(Practice {
        action,
        layout,
        color,
        plain,
    })
}
