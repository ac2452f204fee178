//! The report as a document: sentences, numbered tables and charts, in one language. Every
//! format (text, CSV, Markdown, HTML, Word, Excel) is a thin writer of this model, so they all
//! say the same thing with the same numbers. JSON stays the serde form of `Report`.

use pijat_content::Lang;

#[derive(Clone, Debug)]
pub struct Doc {
    pub lang: Lang,
    pub title: String,
    /// `(label, value)`: activity, place, dates, trainer, participants.
    pub facts: Vec<(String, String)>,
    /// The plain sentences a laporan opens with.
    pub lead: Vec<String>,
    /// Cautions: few participants, answers graded by an earlier key.
    pub notes: Vec<String>,
    pub sections: Vec<Section>,
}

#[derive(Clone, Debug)]
pub struct Section {
    pub heading: String,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug)]
pub enum Block {
    Para(String),
    Table(Table),
    Chart(Chart),
}

/// Which sheet of a workbook (and block of a CSV) a table belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sheet {
    Participants,
    Summary,
    Items,
    Monitoring,
}

#[derive(Clone, Debug)]
pub struct Column {
    pub title: String,
    /// The CSV header; empty for a column only documents show (the row number).
    pub key: String,
    /// Shown in documents; `false` for a column only CSV carries (a question's id).
    pub shown: bool,
}

impl Column {
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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Plain,
    /// `+20,0` for a rise.
    Signed,
    /// A share in % (the value is 0–100).
    Percent,
    /// A p-value: 3 decimals, `< 0,001` when tiny.
    P,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    /// A person's name: printed without control characters, never a spreadsheet formula.
    Name(String),
    Count(usize),
    Num {
        value: f64,
        decimals: usize,
        style: Style,
    },
    /// No figure; the reason, when there is one, for people.
    Missing(Option<String>),
}

impl Cell {
    pub fn num(value: f64, decimals: usize) -> Cell {
        Cell::Num {
            value,
            decimals,
            style: Style::Plain,
        }
    }

    pub fn styled(value: Option<f64>, decimals: usize, style: Style) -> Cell {
        value.map_or(Cell::Missing(None), |value| Cell::Num {
            value,
            decimals,
            style,
        })
    }

    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
}

#[derive(Clone, Debug)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// A total or summary row, set in bold.
    pub strong: bool,
}

#[derive(Clone, Debug)]
pub struct Table {
    pub sheet: Sheet,
    /// Numbered: `Tabel 1. …`.
    pub caption: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// Plain notes printed under the table.
    pub notes: Vec<String>,
}

impl Table {
    pub fn push(&mut self, cells: Vec<Cell>) {
        self.rows.push(Row {
            cells,
            strong: false,
        });
    }
}

/// A value with its 95 % interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    pub value: f64,
    pub ci: Option<(f64, f64)>,
}

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

#[derive(Clone, Debug)]
pub struct Chart {
    /// Numbered: `Gambar 1. …`.
    pub caption: String,
    pub kind: ChartKind,
    /// The two series' names (pre, post); the one series of `Bars` uses the second (solid).
    pub legend: (String, String),
    /// What the text-only formats say instead of drawing the chart.
    pub alt: String,
}

/// Numbers tables and figures in the order they appear.
#[derive(Default)]
pub struct Counter {
    tables: usize,
    charts: usize,
}

impl Counter {
    pub fn table(&mut self, lang: &Lang, what: &str) -> String {
        self.tables += 1;
        let word = pijat_core::strings::report::tr(lang).table_word;
        format!("{word} {}. {what}", self.tables)
    }

    pub fn chart(&mut self, lang: &Lang, what: &str) -> String {
        self.charts += 1;
        let word = pijat_core::strings::report::tr(lang).figure_word;
        format!("{word} {}. {what}", self.charts)
    }
}

impl Cell {
    /// The cell as people read it in a document: `40%`, `+20`, `0,012`, `< 0,001`, `–`.
    pub fn shown(&self, lang: &Lang) -> String {
        use super::words::{num, p_text, short};
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
                Style::Percent => format!("{}%", short(*value, *decimals, lang)),
                Style::Signed => {
                    let s = num(*value, *decimals, lang);
                    if s.starts_with('-') || s.trim_start_matches(['0', ',', '.']).is_empty() {
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
