//! The HTML writer: a document as one self-contained HTML file (no scripts, no links, the
//! style inline) that prints cleanly on A4. The one place for escaping and for the style.
//! [`esc`] is all that HTML text and double-quoted attributes need (`&`, `<`, `>`, `"`); control
//! characters are made visible as in every other format ([`Document::visible`]), so that the
//! file holds none (a browser would hide most of them, `cat` would not).

use crate::report::document::{Block, Chart, Document, Item, Table};

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
td { overflow-wrap: break-word; }
td.n { text-align: right; }
.d { white-space: nowrap; }
th.d { width: 1%; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
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
@page { size: A4; margin: 14mm 12mm 13mm 12mm; }
@media print {
body { margin: 0; font-size: 8.5pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h2 { margin-top: 0.8em; }
h3 { margin: 0.4em 0 0.2em 0; }
p, ul { margin: 0.3em 0; }
th, td { padding: 1px 4px; }
table.small { font-size: 7.5pt; }
h1, h2, h3 { page-break-after: avoid; break-after: avoid; }
li, blockquote, .chart, .letop, .closing { break-inside: avoid; }
}
";

/// The style of the text in the page margins (a margin box does not inherit the body's).
const MARGIN: &str = "font-family: 'Segoe UI', Arial, sans-serif; font-size: 8pt; color: #444;";

/// The text in the margin of every printed page, in the page's margin boxes (Chromium 131 and
/// later; a browser without them prints the pages without it): the page number, "pagina 2 van
/// 5", and the document's running line (the client's reference and the session id) when it has
/// one. A document without one gets no empty box.
fn page_margins(doc: &Document) -> String {
    let mut s = String::from("@page {\n");
    if let Some(running) = &doc.running {
        s.push_str(&format!(
            "@top-left {{ content: {}; {MARGIN} }}\n",
            css_string(running)
        ));
    }
    s.push_str(&format!(
        "@bottom-right {{ content: \"pagina \" counter(page) \" van \" counter(pages); {MARGIN} }}\n}}\n"
    ));
    s
}

/// Text as a CSS string in double quotes, safe inside a `<style>` element: the quotes, the
/// backslash, line breaks and other control characters, and `<` and `>` (so that no
/// `</style>` can end the element) as hex escapes. A hex escape always ends in a space, which
/// CSS takes as part of the escape, so that a hex digit after it stays text. NUL, which CSS
/// would show as U+FFFD anyway, is written as that.
fn css_string(text: &str) -> String {
    let mut s = String::with_capacity(text.len() + 2);
    s.push('"');
    for c in text.chars() {
        match c {
            '\0' => s.push_str("\\FFFD "),
            '"' | '\'' | '\\' | '<' | '>' | '&' => s.push_str(&format!("\\{:X} ", u32::from(c))),
            c if c.is_control() => s.push_str(&format!("\\{:X} ", u32::from(c))),
            c => s.push(c),
        }
    }
    s.push('"');
    s
}

/// The document as an HTML file.
pub(crate) fn write(doc: &Document) -> String {
    let doc = &doc.visible();
    let title = esc(&doc.title);
    let margins = page_margins(doc);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>{CSS}{margins}</style>\n</head>\n<body>\n<h1>{title}</h1>\n"
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
    let (class, mark) = if i.open {
        (" class=\"open\"", "☐ ")
    } else {
        ("", "")
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

/// A table: its header in `<thead>`, which a browser repeats on every printed page the table
/// runs over, its rows in `<tbody>`, none split over two pages. A date or time column is
/// kept whole in the header too.
fn table(t: &Table) -> String {
    // Beside columns kept narrow (dates, labels), the columns of text share the rest evenly,
    // so that a long answer does not squeeze its question into a column of single words.
    let share = t.columns.iter().any(|c| c.keep).then(|| {
        let text = t.columns.iter().filter(|c| !c.keep && !c.numeric).count();
        100 / text.max(1)
    });
    let mut s = String::from(if t.small {
        "<table class=\"small\">\n<thead><tr>"
    } else {
        "<table>\n<thead><tr>"
    });
    for c in &t.columns {
        let open = match share {
            _ if c.keep => "<th class=\"d\">".to_string(),
            Some(pct) if !c.numeric => format!("<th style=\"width: {pct}%\">"),
            _ => "<th>".to_string(),
        };
        s.push_str(&format!("{open}{}</th>", esc(&c.title)));
    }
    s.push_str("</tr></thead>\n<tbody>\n");
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
    s.push_str("</tbody>\n</table>\n");
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_css_string_escapes_quotes_backslashes_line_breaks_and_control_characters() {
        assert_eq!(
            css_string("Kenmerk P-1 · sessie 2026"),
            "\"Kenmerk P-1 · sessie 2026\""
        );
        assert_eq!(css_string("a\"b"), "\"a\\22 b\"");
        assert_eq!(css_string("a'b"), "\"a\\27 b\"");
        assert_eq!(css_string("a\\b"), "\"a\\5C b\"");
        assert_eq!(css_string("a\nb\r\tc"), "\"a\\A b\\D \\9 c\"");
        assert_eq!(css_string("a\u{1b}[31m"), "\"a\\1B [31m\"");
        assert_eq!(css_string("a\u{7f}\u{85}"), "\"a\\7F \\85 \"");
        assert_eq!(css_string("a\0b"), "\"a\\FFFD b\"");
        // Nothing can end the style element, or the string, or start a comment.
        let s = css_string("x\"; } </style><script>alert(1)</script> /* \\");
        assert!(!s.contains('<') && !s.contains('>'), "{s}");
        assert_eq!(s.matches('"').count(), 2, "{s}");
        assert!(!s.contains("\\\""), "{s}");
        // The space ends the escape, so a hex digit after it stays text: "\22 a" is `"a`.
        assert_eq!(css_string("\"a"), "\"\\22 a\"");
    }

    fn doc(running: Option<&str>) -> Document {
        let mut doc = Document::new("Titel", None);
        doc.running = running.map(str::to_string);
        let mut t = Table::of(vec![
            crate::report::document::Column::text("Stap"),
            crate::report::document::Column::kept("Tijd"),
        ]);
        t.row(["a", "22-11-2026 09:00"]);
        doc.push(Block::Table(t));
        doc
    }

    #[test]
    fn every_printed_page_carries_the_running_line_and_its_number() {
        let html = write(&doc(Some("Kenmerk \"P-1\" · sessie x</style>")));
        assert!(html.contains("size: A4"), "{html}");
        assert!(
            html.contains(
                "@top-left { content: \"Kenmerk \\22 P-1\\22  · sessie x\\3C /style\\3E \";"
            ),
            "{html}"
        );
        assert!(
            html.contains("content: \"pagina \" counter(page) \" van \" counter(pages);"),
            "{html}"
        );
        assert_eq!(html.matches("</style>").count(), 1, "{html}");
    }

    #[test]
    fn a_document_without_a_running_line_has_only_the_page_number_in_its_margin() {
        let html = write(&doc(None));
        assert!(!html.contains("@top-left"), "{html}");
        assert!(html.contains("counter(pages)"), "{html}");
    }

    #[test]
    fn a_table_has_a_header_to_repeat_keeps_dates_whole_and_gives_text_the_rest() {
        let html = write(&doc(None));
        assert!(
            html.contains("<table>\n<thead><tr><th style=\"width: 100%\">Stap</th><th class=\"d\">Tijd</th></tr></thead>\n<tbody>\n<tr><td>a</td><td class=\"d\">22-11-2026 09:00</td></tr>\n</tbody>\n</table>\n"),
            "{html}"
        );
    }
}
