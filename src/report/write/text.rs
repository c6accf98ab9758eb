//! The terminal writer: a document as text for the screen, with tables in the house style
//! (comfy-table, UTF-8 borders). The [`Layout`] is given, never asked of the terminal: free
//! text is wrapped at word boundaries only when `layout.wrap`, so the same document gives the
//! same text in a pipe or a test wherever it is written.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ColumnConstraint, ContentArrangement, Table as Grid, Width};

use crate::report::document::{Block, Chart, Document, Item, Table};
use crate::report::Layout;

/// A table in the house style, `layout.width` wide; also for the tables other rooms print.
pub(crate) fn table(layout: Layout, header: &[&str]) -> Grid {
    let mut t = Grid::new();
    t.load_preset(UTF8_FULL_CONDENSED);
    t.set_content_arrangement(ContentArrangement::Dynamic);
    t.force_no_tty();
    t.set_width(layout.width);
    t.set_header(header.to_vec());
    t
}

/// The widest a bar of a [`Chart`] gets, in characters.
pub(crate) const BAR_WIDTH: usize = 24;

/// The document as text for the screen: the screen title, then the blocks; headings, charts,
/// remarks and the closing words are set off by a blank line, the rest follows directly.
/// Control characters in the text are made visible first ([`Document::visible`]).
pub(crate) fn write(doc: &Document, layout: Layout) -> String {
    let doc = &doc.visible();
    let mut out = String::new();
    let free = |text: &str| {
        if layout.wrap {
            crate::text::wrap(text, usize::from(layout.width))
        } else {
            text.to_string()
        }
    };
    if let Some(title) = &doc.screen_title {
        out.push_str(&free(title));
        out.push('\n');
    }
    let line = |out: &mut String, text: &str| {
        out.push_str(&free(text));
        out.push('\n');
    };
    for block in &doc.blocks {
        match block {
            Block::Facts(lines) => lines.iter().for_each(|l| line(&mut out, l)),
            Block::Heading { text, .. } | Block::Closing(text) => {
                out.push('\n');
                line(&mut out, text);
            }
            Block::Paragraph(text) => line(&mut out, text),
            Block::List(items) => {
                for item in items {
                    let prefix = format!("  - {}", mark(item));
                    let under = " ".repeat(prefix.chars().count());
                    out.push_str(&hanging(&prefix, &under, &item.text, layout));
                    for s in &item.sub {
                        out.push_str(&hanging("      - ", "        ", s, layout));
                    }
                }
            }
            Block::Notice { title, items } => {
                if let Some(title) = title {
                    out.push_str(&format!("\n!! {}\n", title.to_uppercase()));
                }
                for item in items {
                    // Every line of a notice is marked, so that none can be missed.
                    out.push_str(&hanging("!! ", "!! ", item, layout));
                }
            }
            Block::Table(t) if fits(t, layout) => {
                out.push_str(&grid(t, layout).to_string());
                out.push('\n');
            }
            Block::Table(t) => out.push_str(&as_list(t, layout)),
            Block::Quote(paragraphs) => paragraphs
                .iter()
                .for_each(|p| line(&mut out, &format!("  {p}"))),
            Block::Charts(charts) => charts.iter().for_each(|c| {
                out.push('\n');
                out.push_str(&chart(c));
            }),
            Block::Remarks(lines) => {
                out.push('\n');
                lines.iter().for_each(|l| line(&mut out, l));
            }
        }
    }
    out
}

/// `text` on a line of its own behind `first`, its further lines behind `next` (as wide), so
/// that they stand under the text; wrapped to the rest of the width when the layout wraps.
fn hanging(first: &str, next: &str, text: &str, layout: Layout) -> String {
    let body = if layout.wrap {
        let indent = first.chars().count().max(next.chars().count());
        let width = usize::from(layout.width).saturating_sub(indent);
        crate::text::wrap(text, width.max(20))
    } else {
        text.to_string()
    };
    format!("{first}{}\n", body.replace('\n', &format!("\n{next}")))
}

/// The box of a list item, as on a paper form.
pub(crate) fn mark(item: &Item) -> &'static str {
    if item.open {
        "[ ] "
    } else {
        ""
    }
}

/// A table for the screen.
fn grid(t: &Table, layout: Layout) -> Grid {
    let header: Vec<&str> = t.columns.iter().map(|c| c.title.as_str()).collect();
    let mut g = table(layout, &header);
    for row in &t.rows {
        g.add_row(row.iter().map(|c| c.text.clone()).collect::<Vec<_>>());
    }
    keep_words(&mut g);
    g
}

/// The longest word of each column, its title included.
fn longest_words(t: &Table) -> Vec<usize> {
    let word = |text: &str| {
        text.split_whitespace()
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0)
    };
    t.columns
        .iter()
        .enumerate()
        .map(|(i, column)| {
            t.rows
                .iter()
                .filter_map(|row| row.get(i))
                .map(|cell| word(&cell.text))
                .fold(word(&column.title), usize::max)
        })
        .collect()
}

/// Whether the table fits the width without breaking a word: every column as wide as its
/// longest word, plus the borders and padding (three characters a column, and one).
fn fits(t: &Table, layout: Layout) -> bool {
    let longest = longest_words(t);
    let needed: usize = longest.iter().sum::<usize>() + 3 * longest.len() + 1;
    needed <= usize::from(layout.width)
}

/// A table too wide for the screen, as a list: per row its first cell, then the others as
/// "Kolom: waarde" under it — every word whole, at any width.
fn as_list(t: &Table, layout: Layout) -> String {
    let mut out = String::new();
    for row in &t.rows {
        let mut cells = t.columns.iter().zip(row);
        if let Some((column, first)) = cells.next() {
            let text = format!("{}: {}", column.title, first.text.replace('\n', " · "));
            out.push_str(&hanging("• ", "    ", &text, layout));
        }
        for (column, cell) in cells {
            if cell.text.is_empty() {
                continue;
            }
            let text = format!("{}: {}", column.title, cell.text.replace('\n', " · "));
            out.push_str(&hanging("  ", "    ", &text, layout));
        }
    }
    out
}

/// No word is broken over two lines: a phone number, an e-mail address or a web address cut
/// in two is one that cannot be used (or, worse, a wrong number). Each column is at least as
/// wide as its longest word; where that does not fit, the table grows wider than asked and
/// the terminal wraps whole lines — less tidy, but nothing misread.
fn keep_words(grid: &mut Grid) {
    let mut longest: Vec<usize> = Vec::new();
    let header = grid
        .header()
        .map(|h| h.cell_iter().map(|c| c.content()).collect::<Vec<_>>());
    let rows = grid
        .row_iter()
        .map(|r| r.cell_iter().map(|c| c.content()).collect::<Vec<_>>());
    for cells in header.into_iter().chain(rows) {
        for (i, text) in cells.iter().enumerate() {
            let word = text
                .split_whitespace()
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0);
            if longest.len() <= i {
                longest.resize(i + 1, 0);
            }
            longest[i] = longest[i].max(word);
        }
    }
    for (i, width) in longest.into_iter().enumerate() {
        if let Some(column) = grid.column_mut(i) {
            // comfy-table counts the padding (one space each side) in a column's width.
            let width = u16::try_from(width + 2).unwrap_or(u16::MAX);
            // A column that never wraps keeps that; others get the longest word as minimum.
            if column.constraint().is_none() {
                column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(width)));
            }
        }
    }
}

/// A chart as lines of text: the title, then per bar its label, the bar and the count.
pub(crate) fn chart(c: &Chart) -> String {
    let mut s = format!("{}\n", c.title);
    for b in &c.bars {
        s.push_str(&format!(
            "  {} │{:<width$} {}\n",
            b.label,
            bar(b.count, c.total),
            b.count,
            width = BAR_WIDTH
        ));
    }
    s
}

/// A bar of `count` out of `total`, in Unicode blocks (eighths), `BAR_WIDTH` wide at most.
pub(crate) fn bar(count: usize, total: usize) -> String {
    if total == 0 || count == 0 {
        return String::new();
    }
    let eighths = (count * BAR_WIDTH * 8 + total / 2) / total;
    let mut s = "█".repeat(eighths / 8);
    const PARTS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    s.push_str(PARTS[eighths % 8]);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_group() {
        assert_eq!(bar(12, 12).chars().count(), BAR_WIDTH);
        assert_eq!(bar(6, 12), "█".repeat(12));
        assert_eq!(bar(0, 12), "");
        assert_eq!(bar(1, 12), "██");
    }
}
