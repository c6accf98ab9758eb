//! The HTML writer: a document as one self-contained HTML file (no scripts, no links, the
//! style inline) that prints cleanly on A4. The one place for escaping and for the style.
//! [`esc`] is all that HTML text and double-quoted attributes need (`&`, `<`, `>`, `"`); control
//! characters are made visible as in every other format ([`Document::visible`]), so that the
//! file holds none (a browser would hide most of them, `cat` would not).

use crate::report::document::{Block, Chart, Document, Item, Mark, Table};

/// Text for HTML.
pub(crate) fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Text for HTML, its line breaks kept.
fn esc_lines(text: &str) -> String {
    esc(text).replace('\n', "<br>")
}

const CSS: &str = "
body { font-family: 'Segoe UI', Arial, sans-serif; font-size: 10.5pt; color: #111; margin: 2em; }
h1 { font-size: 16pt; margin-bottom: 0.2em; }
h2 { font-size: 12.5pt; margin-top: 1.4em; border-bottom: 1px solid #888; }
h3 { font-size: 11pt; margin-bottom: 0.3em; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0; }
th, td { border: 1px solid #999; padding: 3px 5px; text-align: left; vertical-align: top; }
th { background: #eee; }
td.n { text-align: right; }
td.d { white-space: nowrap; }
tr { page-break-inside: avoid; }
ul.meta { list-style: none; padding: 0; }
.open { font-weight: bold; }
.flag { color: #b00; font-weight: bold; }
.letop { border: 2px solid #b00; padding: 0 0.8em; margin: 1em 0; }
.letop h2 { color: #b00; border: none; }
.chart { margin: 0.3em 0 0.8em 0; }
.chart .row { display: flex; align-items: center; margin: 1px 0; }
.chart .lbl { width: 2em; }
.chart .track { flex: 1; max-width: 30em; background: #f2f2f2; }
.chart .bar { height: 0.9em; background: #3b6ea5; }
.chart .bar.med { background: #1d3f66; }
.chart .cnt { width: 2.5em; text-align: right; }
blockquote { margin: 0.3em 0 0.3em 1em; padding-left: 0.6em; border-left: 3px solid #3b6ea5; }
.closing { margin-top: 2em; font-style: italic; border-top: 1px solid #888; padding-top: 0.5em; }
@page { size: A4; margin: 18mm 15mm; }
@media print { body { margin: 0; font-size: 9.5pt; } h2 { page-break-after: avoid; } }
";

/// The document as an HTML file.
pub(crate) fn write(doc: &Document) -> String {
    let doc = &doc.visible();
    let title = esc(&doc.title);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<h1>{title}</h1>\n"
    );
    for block in &doc.blocks {
        match block {
            Block::Facts(lines) => out.push_str(&list(
                "<ul class=\"meta\">",
                lines.iter().map(|l| format!("<li>{}</li>", esc(l))),
            )),
            Block::Heading { level, text } => {
                out.push_str(&format!("<h{level}>{}</h{level}>\n", esc(text)));
            }
            Block::Paragraph(text) => out.push_str(&format!("<p>{}</p>\n", esc(text))),
            Block::List(items) => out.push_str(&list("<ul>", items.iter().map(item))),
            Block::Notice {
                title: Some(title),
                items,
            } => out.push_str(&format!(
                "<div class=\"letop\"><h2>{}</h2>\n{}</div>\n",
                esc(title),
                list("<ul>", items.iter().map(|i| format!("<li>{}</li>", esc(i)))).trim_end()
            )),
            Block::Notice { title: None, items } => out.push_str(&list(
                "<ul>",
                items
                    .iter()
                    .map(|i| format!("<li class=\"flag\">{}</li>", esc(i))),
            )),
            Block::Table(t) => out.push_str(&table(t)),
            Block::Quote(paragraphs) => out.push_str(&format!(
                "<blockquote>{}</blockquote>\n",
                paragraphs
                    .iter()
                    .map(|p| format!("<p>{}</p>", esc(p)))
                    .collect::<String>()
            )),
            Block::Charts(charts) => charts.iter().for_each(|c| out.push_str(&chart(c))),
            Block::Remarks(lines) => lines
                .iter()
                .for_each(|l| out.push_str(&format!("<p><em>{}</em></p>\n", esc(l)))),
            Block::Closing(text) => {
                out.push_str(&format!("<p class=\"closing\">{}</p>\n", esc(text)));
            }
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// A list: the opening tag, then one element a line.
fn list(open: &str, elements: impl Iterator<Item = String>) -> String {
    let mut s = format!("{open}\n");
    for e in elements {
        s.push_str(&e);
        s.push('\n');
    }
    s.push_str("</ul>\n");
    s
}

/// A list item; an open action in bold with a box to tick on paper.
fn item(i: &Item) -> String {
    let (class, mark) = match i.mark {
        None => ("", ""),
        Some(Mark::Open) => (" class=\"open\"", "☐ "),
        Some(Mark::Done) => ("", "☑ "),
        Some(Mark::NotApplicable) => ("", "– "),
    };
    let sub = if i.sub.is_empty() {
        String::new()
    } else {
        format!(
            "\n{}",
            list("<ul>", i.sub.iter().map(|s| format!("<li>{}</li>", esc(s)))).trim_end()
        )
    };
    format!("<li{class}>{mark}{}{sub}</li>", esc(&i.text))
}

fn table(t: &Table) -> String {
    let mut s = String::from("<table>\n<tr>");
    for c in &t.columns {
        s.push_str(&format!("<th>{}</th>", esc(&c.title)));
    }
    s.push_str("</tr>\n");
    for row in &t.rows {
        s.push_str("<tr>");
        for (column, cell) in t.columns.iter().zip(row) {
            let open = if column.numeric {
                "<td class=\"n\">"
            } else if column.keep {
                "<td class=\"d\">"
            } else {
                "<td>"
            };
            let text = esc_lines(&cell.text);
            if cell.strong && !text.is_empty() {
                s.push_str(&format!("{open}<span class=\"flag\">{text}</span></td>"));
            } else {
                s.push_str(&format!("{open}{text}</td>"));
            }
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</table>\n");
    s
}

/// A chart of bars as wide as their share, the marked one darker, with the meaning of each
/// label as a tooltip.
fn chart(c: &Chart) -> String {
    let mut s = format!("<h3>{}</h3>\n<div class=\"chart\">\n", esc(&c.title));
    for b in &c.bars {
        let pct = if c.total == 0 {
            0.0
        } else {
            b.count as f64 * 100.0 / c.total as f64
        };
        s.push_str(&format!(
            "<div class=\"row\"><span class=\"lbl\">{}</span><span class=\"track\"><div class=\"bar{}\" style=\"width: {pct:.1}%\" title=\"{}\"></div></span><span class=\"cnt\">{}</span></div>\n",
            esc(&b.label),
            if b.marked { " med" } else { "" },
            esc(&b.meaning),
            b.count
        ));
    }
    s.push_str("</div>\n");
    s
}
