//! The Markdown writer: a document as a Markdown file for the client's dossier or the VSV.
//! Text is escaped so that a note typed by a professional cannot turn into HTML or break a
//! table, and its control characters are made visible ([`Document::visible`]), so that the
//! file cannot carry an escape sequence to whoever prints it with `cat`.

use crate::report::document::{Block, Document, Table};
use crate::report::write::text::{chart, mark};

/// The document as Markdown: the title as `#`, then the blocks, each after a blank line.
pub(crate) fn write(doc: &Document) -> String {
    let doc = &doc.visible();
    let mut out = format!("# {}\n", md(&doc.title));
    for block in &doc.blocks {
        out.push('\n');
        match block {
            Block::Facts(lines) => lines
                .iter()
                .for_each(|l| out.push_str(&format!("- {}\n", md(l)))),
            Block::Heading { level, text } => out.push_str(&format!(
                "{} {}\n",
                "#".repeat(usize::from(*level)),
                md(text)
            )),
            Block::Paragraph(text) => out.push_str(&format!("{}\n", md(text))),
            Block::List(items) => {
                for item in items {
                    out.push_str(&format!("- {}{}\n", mark(item), md(&item.text)));
                    for s in &item.sub {
                        out.push_str(&format!("  - {}\n", md(s)));
                    }
                }
            }
            Block::Notice { title, items } => {
                if let Some(title) = title {
                    out.push_str(&format!("## {}\n\n", md(title)));
                }
                items
                    .iter()
                    .for_each(|i| out.push_str(&format!("- **{}**\n", md(i))));
            }
            Block::Table(t) => out.push_str(&table(t)),
            Block::Quote(paragraphs) => out.push_str(
                &paragraphs
                    .iter()
                    .map(|p| format!("> {}\n", md(p)))
                    .collect::<Vec<_>>()
                    .join(">\n"),
            ),
            Block::Charts(charts) => {
                let text: Vec<String> = charts.iter().map(chart).collect();
                out.push_str(&format!("```text\n{}```\n", text.join("\n")));
            }
            Block::Remarks(lines) => lines
                .iter()
                .for_each(|l| out.push_str(&format!("_{}_\n", md(l)))),
            Block::Closing(text) => out.push_str(&format!("---\n\n_{}_\n", md(text))),
        }
    }
    out
}

fn table(t: &Table) -> String {
    let header: Vec<String> = t.columns.iter().map(|c| cell(&c.title)).collect();
    let rule: String = t
        .columns
        .iter()
        .map(|c| if c.numeric { "---:|" } else { "---|" })
        .collect();
    let mut s = format!("| {} |\n|{rule}\n", header.join(" | "));
    for row in &t.rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| match (c.strong, c.text.is_empty()) {
                (true, false) => format!("**{}**", cell(&c.text)),
                _ => cell(&c.text),
            })
            .collect();
        s.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    s
}

/// Text for Markdown: `<` and `>` escaped so that a note cannot turn into HTML.
fn md(text: &str) -> String {
    text.replace('<', "\\<").replace('>', "\\>")
}

/// Text for a Markdown table cell: on one line, and no `|` that would end the cell.
fn cell(text: &str) -> String {
    md(text).replace('|', "\\|").replace('\n', "<br>")
}
