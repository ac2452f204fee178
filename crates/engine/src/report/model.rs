//! The report as a document: sentences, numbered tables and charts, in one language. Every
//! format (text, CSV, Markdown, HTML, Word, Excel) is a thin writer of this model, so they all
//! say the same thing with the same numbers. JSON stays the serde form of `Report`.

use pijat_content::Lang;

/// A report as a document: sections of paragraphs, tables and charts, for every writer.
#[derive(Clone, Debug)]
pub struct Doc {
    /// Its language.
    pub lang: Lang,
    /// Its title.
    pub title: String,
    /// Who wrote it (the class's trainer), for a file's properties.
    pub author: Option<String>,
    /// `(label, value)`: activity, place, dates, trainer, participants.
    pub facts: Vec<(String, String)>,
    /// The plain sentences a laporan opens with.
    pub lead: Vec<String>,
    /// Cautions: few participants, answers graded by an earlier key.
    pub notes: Vec<String>,
    /// Its sections, in order.
    pub sections: Vec<Section>,
    /// Printed on A4 on its side (the recap's wide tables); upright otherwise.
    pub landscape: bool,
}

/// A section of the document.
#[derive(Clone, Debug)]
pub struct Section {
    /// Its heading.
    pub heading: String,
    /// What it holds.
    pub blocks: Vec<Block>,
}

/// What a section holds.
#[derive(Clone, Debug)]
pub enum Block {
    /// A paragraph.
    Para(String),
    /// A table.
    Table(Table),
    /// A chart.
    Chart(Chart),
}

/// Which sheet of a workbook (and block of a CSV) a table belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sheet {
    /// The participants sheet.
    Participants,
    /// The summary sheet.
    Summary,
    /// The items sheet.
    Items,
    /// The monitoring sheet.
    Monitoring,
}

/// A table column.
#[derive(Clone, Debug)]
pub struct Column {
    /// Its heading.
    pub title: String,
    /// The CSV header; empty for a column only documents show (the row number).
    pub key: String,
    /// Shown in documents; `false` for a column only CSV carries (a question's id).
    pub shown: bool,
}

impl Column {
    /// A column with a heading and its key in the JSON.
    pub fn new(title: &str, key: &str) -> Self {
        Column {
            title: title.to_string(),
            key: key.to_string(),
            shown: true,
        }
    }

    /// Only in documents (no CSV header).
    pub fn doc(title: &str) -> Self {
        Column::new(title, "")
    }

    /// Only in CSV.
    pub fn data(key: &str) -> Self {
        Column {
            shown: false,
            ..Column::new(key, key)
        }
    }
}

/// How a number is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// As it is.
    Plain,
    /// `+20,0` for a rise.
    Signed,
    /// A share in % (the value is 0–100).
    Percent,
    /// A p-value: 3 decimals, `< 0,001` when tiny.
    P,
}

/// A table cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A person's name: printed without control characters, never a spreadsheet formula.
    Name(String),
    /// A count.
    Count(usize),
    /// A number.
    Num {
        /// The value.
        value: f64,
        /// Decimals shown.
        decimals: usize,
        /// How it is shown.
        style: Style,
    },
    /// No figure; the reason, when there is one, for people.
    Missing(Option<String>),
}

impl Cell {
    /// A number with `decimals` decimals.
    pub fn num(value: f64, decimals: usize) -> Cell {
        Cell::Num {
            value,
            decimals,
            style: Style::Plain,
        }
    }

    /// A number in a style, or a dash when there is none.
    pub fn styled(value: Option<f64>, decimals: usize, style: Style) -> Cell {
        value.map_or(Cell::Missing(None), |value| Cell::Num {
            value,
            decimals,
            style,
        })
    }

    /// A text cell.
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
}

/// A table row.
#[derive(Clone, Debug)]
pub struct Row {
    /// Its cells.
    pub cells: Vec<Cell>,
    /// A total or summary row, set in bold.
    pub strong: bool,
}

/// A table.
#[derive(Clone, Debug)]
pub struct Table {
    /// The spreadsheet sheet it goes on.
    pub sheet: Sheet,
    /// Numbered: `Tabel 1. …`.
    pub caption: Caption,
    /// Its columns.
    pub columns: Vec<Column>,
    /// Its rows.
    pub rows: Vec<Row>,
    /// Plain notes printed under the table.
    pub notes: Vec<String>,
    /// How to read the table or change it (`--cutoffs`): for the trainer on the screen, never
    /// in a document that goes into a laporan.
    pub hints: Vec<String>,
}

impl Table {
    /// Adds a row.
    pub fn push(&mut self, cells: Vec<Cell>) {
        self.rows.push(Row {
            cells,
            strong: false,
        });
    }

    /// The columns documents show, with their places.
    pub fn shown_columns(&self) -> Vec<(usize, &Column)> {
        self.columns
            .iter()
            .enumerate()
            .filter(|(_, c)| c.shown)
            .collect()
    }

    /// A table with no rows or notes yet.
    pub fn new(sheet: Sheet, caption: Caption, columns: Vec<Column>) -> Table {
        Table {
            sheet,
            caption,
            columns,
            rows: Vec::new(),
            notes: Vec::new(),
            hints: Vec::new(),
        }
    }

    /// Leaves out of documents each column `i` of `(i, keep)` whose `keep` is false (what no one
    /// took has no column of dashes); CSV keeps them, empty.
    pub fn hide(&mut self, columns: &[(usize, bool)]) {
        for (i, keep) in columns {
            if let (Some(c), false) = (self.columns.get_mut(*i), keep) {
                c.shown = false;
            }
        }
    }

    /// The shown columns' cells of every row, as people read them.
    pub fn shown_cells(&self, lang: &Lang) -> Vec<Vec<String>> {
        let shown = self.shown_columns();
        self.rows
            .iter()
            .map(|r| shown.iter().map(|(i, _)| r.cell(*i).shown(lang)).collect())
            .collect()
    }

    /// Whether every row has a number in column `i` (set to the right).
    pub fn numeric(&self, i: usize) -> bool {
        self.rows.iter().all(|r| r.cell(i).is_number())
    }
}

/// The cell of a row shorter than its table.
static EMPTY: Cell = Cell::Text(String::new());

impl Row {
    /// The cell in column `i`; an empty text where the row has none.
    pub fn cell(&self, i: usize) -> &Cell {
        self.cells.get(i).unwrap_or(&EMPTY)
    }
}

/// A value with its 95 % interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    /// Its value.
    pub value: f64,
    /// Its 95 % interval, when there is one.
    pub ci: Option<(f64, f64)>,
}

/// What a chart shows.
#[derive(Clone, Debug)]
pub enum ChartKind {
    /// Each participant's pre → post, one row each.
    Dumbbell(Vec<(String, f64, f64)>),
    /// Many participants: a line from pre to post per distinct pair, `count` people on it.
    Slope(Vec<(f64, f64, usize)>),
    /// The class mean before and after, with the 95 % intervals.
    Means(Option<Estimate>, Option<Estimate>),
    /// Per label, a bar before and after (share right per question).
    Pairs(Vec<(String, Option<f64>, Option<f64>)>),
    /// Per label, one bar (checklist steps done well).
    Bars(Vec<(String, Option<f64>)>),
}

/// A chart.
#[derive(Clone, Debug)]
pub struct Chart {
    /// Numbered: `Gambar 1. …`.
    pub caption: Caption,
    /// What it shows.
    pub kind: ChartKind,
    /// The two series' names (pre, post); the one series of `Bars` uses the second (solid).
    pub legend: (String, String),
    /// What the text-only formats say instead of drawing the chart.
    pub alt: String,
}

/// A numbered caption: "Tabel 3. Hasil uji" (Word numbers it with a field of its own).
#[derive(Clone, Debug, PartialEq)]
pub struct Caption {
    /// "Tabel" or "Gambar" in the document's language.
    pub word: &'static str,
    /// Its number among the tables (or the figures) of the document.
    pub number: usize,
    /// What follows the number.
    pub text: String,
}

impl std::fmt::Display for Caption {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}. {}", self.word, self.number, self.text)
    }
}

/// Numbers tables and figures in the order they appear.
#[derive(Default)]
pub struct Counter {
    tables: usize,
    charts: usize,
}

impl Counter {
    /// The next table's caption: "Tabel 3. …".
    pub fn table(&mut self, lang: &Lang, what: &str) -> Caption {
        self.tables += 1;
        Caption {
            word: pijat_core::strings::report::tr(lang).table_word,
            number: self.tables,
            text: what.to_string(),
        }
    }

    /// The next figure's caption: "Gambar 2. …".
    pub fn chart(&mut self, lang: &Lang, what: &str) -> Caption {
        self.charts += 1;
        Caption {
            word: pijat_core::strings::report::tr(lang).figure_word,
            number: self.charts,
            text: what.to_string(),
        }
    }
}

impl Cell {
    /// The cell as people read it in a document: `40%`, `+20`, `0,012`, `< 0,001`, `–`.
    pub fn shown(&self, lang: &Lang) -> String {
        use super::words::{num, p_text};
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Name(s) => pijat_core::printable(s),
            Cell::Count(n) => n.to_string(),
            Cell::Num {
                value,
                decimals,
                style,
            } => match style {
                Style::Plain => num(*value, *decimals, lang),
                Style::Percent => format!("{}%", num(*value, *decimals, lang)),
                Style::Signed => {
                    let s = num(*value, *decimals, lang);
                    if s.starts_with('−') || s.trim_start_matches(['0', ',', '.']).is_empty() {
                        s
                    } else {
                        format!("+{s}")
                    }
                }
                Style::P => p_text(*value, lang),
            },
            Cell::Missing(None) => "–".into(),
            Cell::Missing(Some(why)) => format!("– ({why})"),
        }
    }

    /// Numbers (and counts) line up on the right.
    pub fn is_number(&self) -> bool {
        matches!(self, Cell::Count(_) | Cell::Num { .. } | Cell::Missing(_))
    }
}
