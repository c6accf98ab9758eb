//! The document model: what a report says, before it is written for the screen or to a file.
//!
//! Every report (the session summary, the scan's group picture, the statistics, the kaart
//! check) builds one [`Document`] from its facts, and one writer per format in
//! [`crate::report::write`] turns any document into terminal text, Markdown, HTML or CSV. So
//! a report is composed once, and how a heading, a table or a "Let op" looks in a format is
//! decided in one place. The blocks are only those the reports use.

/// A report: its title and its blocks, in order.
#[derive(Debug, Clone)]
pub(crate) struct Document {
    /// The title of the file: the Markdown `#` heading, the HTML `<title>` and `<h1>`.
    pub title: String,
    /// The first line on the screen ("SAMENVATTING"), or none when the document is part of a
    /// command's output.
    pub screen_title: Option<String>,
    /// What every printed page carries in its margin (the client's reference and the session
    /// id), so that a loose page still says whose it is; none for documents that are not about
    /// one client.
    pub running: Option<String>,
    pub blocks: Vec<Block>,
}

/// One part of a report.
#[derive(Debug, Clone)]
pub(crate) enum Block {
    /// Facts about the report itself (session, flow, period), right under the title.
    Facts(Vec<String>),
    /// A section (level 2) or a part of one (level 3).
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(String),
    List(Vec<Item>),
    /// What must not be missed. With a title it stands on its own ("Let op"); without, it is
    /// the flagged items under a heading of their own.
    Notice {
        title: Option<String>,
        items: Vec<String>,
    },
    Table(Table),
    /// Quoted text (a description from the source), paragraph by paragraph.
    Quote(Vec<String>),
    /// Bar charts of counts, one per subject.
    Charts(Vec<Chart>),
    /// Remarks in small print on how to read what came before, one per line.
    Remarks(Vec<String>),
    /// The closing words, set off from the rest (the disclaimer).
    Closing(String),
}

/// An item of a list: text, perhaps with a box to tick, perhaps with items of its own.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    pub text: String,
    /// An action still to be done: a box to tick on paper in front of it.
    pub open: bool,
    pub sub: Vec<String>,
}

/// A table: its columns and its rows of cells.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// In small print where a format can (an appendix).
    pub small: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct Column {
    pub title: String,
    /// Right-aligned in files (counts, medians).
    pub numeric: bool,
    /// A date, a time or a short label: never broken over lines, and no wider than that.
    pub keep: bool,
}

/// The text of a table cell; `strong` when it is what the reader should see first.
#[derive(Debug, Clone, Default)]
pub(crate) struct Cell {
    pub text: String,
    pub strong: bool,
}

/// A bar chart: how many of `total` gave each answer.
#[derive(Debug, Clone)]
pub(crate) struct Chart {
    pub title: String,
    pub total: usize,
    pub bars: Vec<Bar>,
}

#[derive(Debug, Clone)]
pub(crate) struct Bar {
    /// The short label in front of the bar ("1").
    pub label: String,
    /// What the label stands for, where a format can show it on demand (an HTML tooltip).
    pub meaning: String,
    pub count: usize,
    /// The bar the chart is about (the median's), marked where a format can.
    pub marked: bool,
}

impl Document {
    pub(crate) fn new(title: impl Into<String>, screen_title: Option<String>) -> Document {
        Document {
            title: title.into(),
            screen_title,
            running: None,
            blocks: Vec::new(),
        }
    }

    pub(crate) fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    pub(crate) fn heading(&mut self, text: impl Into<String>) {
        self.push(Block::Heading {
            level: 2,
            text: text.into(),
        });
    }

    pub(crate) fn subheading(&mut self, text: impl Into<String>) {
        self.push(Block::Heading {
            level: 3,
            text: text.into(),
        });
    }

    pub(crate) fn paragraph(&mut self, text: impl Into<String>) {
        self.push(Block::Paragraph(text.into()));
    }

    /// The document with the control characters in all its text made visible
    /// ([`crate::visible`]): what every writer writes, so that text from a file (a provider's
    /// name, a note, a title in a flow) cannot reach a terminal or a file as an escape
    /// sequence. Done before layout, so that wrapping and tables count what is shown.
    pub(crate) fn visible(&self) -> Document {
        let mut doc = self.clone();
        doc.each_text(&mut |text| {
            if let std::borrow::Cow::Owned(shown) = crate::visible::text(text) {
                *text = shown;
            }
        });
        doc
    }

    /// Every piece of text in the document, the title and the screen title included.
    fn each_text(&mut self, f: &mut dyn FnMut(&mut String)) {
        f(&mut self.title);
        if let Some(t) = &mut self.screen_title {
            f(t);
        }
        if let Some(t) = &mut self.running {
            f(t);
        }
        for block in &mut self.blocks {
            match block {
                Block::Facts(lines) | Block::Quote(lines) | Block::Remarks(lines) => {
                    lines.iter_mut().for_each(&mut *f);
                }
                Block::Heading { text, .. } | Block::Paragraph(text) | Block::Closing(text) => {
                    f(text);
                }
                Block::List(items) => {
                    for item in items {
                        f(&mut item.text);
                        item.sub.iter_mut().for_each(&mut *f);
                    }
                }
                Block::Notice { title, items } => {
                    title.iter_mut().for_each(&mut *f);
                    items.iter_mut().for_each(&mut *f);
                }
                Block::Table(t) => {
                    t.columns.iter_mut().for_each(|c| f(&mut c.title));
                    t.rows.iter_mut().flatten().for_each(|c| f(&mut c.text));
                }
                Block::Charts(charts) => {
                    for c in charts {
                        f(&mut c.title);
                        for b in &mut c.bars {
                            f(&mut b.label);
                            f(&mut b.meaning);
                        }
                    }
                }
            }
        }
    }
}

impl Item {
    pub(crate) fn new(text: impl Into<String>) -> Item {
        Item {
            text: text.into(),
            open: false,
            sub: Vec::new(),
        }
    }
}

impl Table {
    /// A table with these column titles (plain text columns; see [`Column`] for the others).
    pub(crate) fn new<S: Into<String>>(titles: impl IntoIterator<Item = S>) -> Table {
        Table::of(titles.into_iter().map(Column::text).collect())
    }

    /// A table with these columns.
    pub(crate) fn of(columns: Vec<Column>) -> Table {
        Table {
            columns,
            rows: Vec::new(),
            small: false,
        }
    }

    pub(crate) fn row<S: Into<Cell>>(&mut self, cells: impl IntoIterator<Item = S>) {
        self.rows.push(cells.into_iter().map(Into::into).collect());
    }
}

impl Column {
    pub(crate) fn text(title: impl Into<String>) -> Column {
        Column {
            title: title.into(),
            numeric: false,
            keep: false,
        }
    }

    pub(crate) fn numeric(title: impl Into<String>) -> Column {
        Column {
            numeric: true,
            ..Column::text(title)
        }
    }

    /// A column kept whole on one line: dates, times, short labels.
    pub(crate) fn kept(title: impl Into<String>) -> Column {
        Column {
            keep: true,
            ..Column::text(title)
        }
    }
}

impl Cell {
    pub(crate) fn strong(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            strong: true,
        }
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell {
            text,
            strong: false,
        }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::from(text.to_string())
    }
}

impl From<&String> for Cell {
    fn from(text: &String) -> Cell {
        Cell::from(text.clone())
    }
}
