//! Checklist and visit sheets typed in from paper: read, checked row by row, saved all or none.

use super::*;
use crate::roster::RosterPlan;
use crate::sheets::{SheetRules, roster_rows, where_text};
use pijat_core::Mode;
use pijat_store::{Result, Store};

/// A date as stored (`YYYY-MM-DD`), read from every way a person writes one.
pub use pijat_core::dates::parse_date;

pub(crate) fn bad_date(s: &str) -> Bilingual {
    let s = s.trim();
    pijat_core::both!(messages, date_not_valid_write_e, s = s)
}

/// The marks of one row: one token per step, separated by spaces or written together.
pub fn read_marks(field: &str, steps: usize) -> std::result::Result<Vec<Mark>, Bilingual> {
    let f = field.trim();
    let tokens: Vec<String> = if f.chars().any(char::is_whitespace) || f.contains(',') {
        f.split(|c: char| c.is_whitespace() || c == ',')
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect()
    } else {
        f.chars().map(|c| c.to_string()).collect()
    };
    if tokens.len() != steps {
        let k = tokens.len();
        return Err(pijat_core::both!(
            messages,
            marks_steps,
            k = k,
            steps = steps
        ));
    }
    tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            Mark::parse(t).ok_or_else(|| {
                let n = i + 1;
                pijat_core::both!(messages, sheet_mark_not_known, n = n, t = t)
            })
        })
        .collect()
}

pub(super) fn finish(
    errors: Vec<RowError>,
    shown: &str,
    lang: &str,
) -> std::result::Result<(), Vec<String>> {
    if errors.is_empty() {
        return Ok(());
    }
    let mut errors = errors;
    errors.sort_by_key(|e| e.line);
    Err(errors
        .iter()
        .map(|e| format!("{shown}:{}: {}", e.line, e.message.get(lang)))
        .collect())
}

/// A row's problems as one message.
pub(crate) fn joined(wrong: Vec<Bilingual>) -> Bilingual {
    Bilingual::new(
        wrong
            .iter()
            .map(|b| b.id.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        wrong
            .iter()
            .map(|b| b.en.as_str())
            .collect::<Vec<_>>()
            .join("; "),
    )
}

pub(super) fn duplicate_message(name: &str, replaceable: bool, place: &str) -> Bilingual {
    if replaceable {
        pijat_core::both!(messages, already_has_record_from_earlier, name = name, where = place)
    } else {
        pijat_core::both!(messages, already_has_record_made_pijat, name = name, where = place)
    }
}

pub(super) type Rows = Vec<(u64, Vec<String>)>;

/// The file's rows under the expected header, and the file's name as messages show it.
pub(super) fn read_sheet(
    file: &Path,
    header: &[(&str, &str)],
    optional: &[(&str, &str)],
    lang: &str,
) -> std::result::Result<(String, Rows), Vec<String>> {
    let shown = file.display().to_string();
    let bytes =
        super::super::sheet_file::read_limited(file).map_err(|m| vec![m.get(lang).to_string()])?;
    let rows = crate::sheets::read_csv_with(&bytes, header, optional)
        .map_err(|e| vec![format!("{shown}:{}: {}", e.line, e.message.get(lang))])?;
    Ok((shown, rows))
}

/// One kind of monitoring sheet: its columns, how a row is read, and how it is saved.
#[allow(
    unreachable_pub,
    reason = "sealed: the bound of `import_monitoring_sheet`, implemented only here"
)]
pub trait MonitoringSheet {
    /// A row read and checked.
    type Row;
    /// The columns, English and Indonesian names.
    const HEADER: &'static [(&'static str, &'static str)];
    /// Columns after them that an older sheet may lack (their cells then read as empty).
    const OPTIONAL: &'static [(&'static str, &'static str)] = &[];
    /// The row read from its cells, or what is wrong with it (every problem).
    fn read(&self, cells: &[String]) -> std::result::Result<Self::Row, Vec<Bilingual>>;
    /// The name on a row.
    fn name<'r>(&self, row: &'r Self::Row) -> &'r str;
    /// What makes two rows of one sheet the same record.
    fn key(&self, row: &Self::Row) -> String;
    /// The mode (`app`, `sheet`) and class of the record this row would repeat, if there is one
    /// here.
    fn earlier(
        &self,
        store: &Store,
        profile_id: &str,
        row: &Self::Row,
    ) -> Result<Option<(Mode, Option<String>)>>;
    /// Saves the rows in one transaction.
    fn save(
        &self,
        store: &mut Store,
        class: &str,
        good: &[Self::Row],
        rules: SheetRules,
    ) -> Result<usize>;
}

/// The one driver of every monitoring sheet: each row read and checked (repeats inside the sheet,
/// a record already here), every problem named at its line, then all rows saved or none.
/// `Checklists` reads `name,observer,date,marks` (or `nama,pengamat,tanggal,nilai`);
/// `Visits` reads `name,date,milk_flow,comfort,massages_per_day,notes` (or `nama,tanggal,
/// asi_lancar,nyaman,pijat_per_hari,catatan`).
pub fn import_monitoring_sheet<K: MonitoringSheet>(
    kind: &K,
    records: &mut Records,
    file: &Path,
    class: &str,
    rules: SheetRules,
    lang: &str,
) -> std::result::Result<(usize, RosterPlan), Vec<String>> {
    let replace = rules.replace;
    let store = records.store_mut();
    let (shown, rows) = read_sheet(file, K::HEADER, K::OPTIONAL, lang)?;
    let words = |e: pijat_store::StoreError| vec![e.message().get(lang).to_string()];
    let mut good = Vec::new();
    let mut errors = Vec::new();
    let mut seen: BTreeMap<String, u64> = BTreeMap::new();
    for (line, cells) in &rows {
        let line = *line;
        let mut problem = |m: Bilingual| errors.push(RowError { line, message: m });
        let row = match kind.read(cells) {
            Ok(row) => row,
            Err(wrong) => {
                problem(joined(wrong));
                continue;
            }
        };
        if let Some(first) = seen.insert(kind.key(&row), line) {
            problem(pijat_core::both!(messages, row_repeats_line, first = first));
            continue;
        }
        let name = kind.name(&row);
        if let Some(p) = store.profile_by_name(name).map_err(words)?
            && let Some((mode, class_id)) = kind.earlier(store, &p.id, &row).map_err(words)?
            && !(replace && mode == Mode::Sheet)
        {
            let place = where_text(store, class_id.as_deref());
            problem(duplicate_message(
                name,
                mode == Mode::Sheet,
                place.get(lang),
            ));
            continue;
        }
        good.push((line, row));
    }
    let lined: Vec<(u64, &str)> = good.iter().map(|(l, r)| (*l, kind.name(r))).collect();
    let plan = roster_rows(store, class, rules, &lined, &mut errors, lang)?;
    let good: Vec<K::Row> = good.into_iter().map(|(_, r)| r).collect();
    if rows.is_empty() {
        errors.push(RowError {
            line: 1,
            message: pijat_core::both!(messages, sheet_has_no_rows),
        });
    }
    finish(errors, &shown, lang)?;
    let n = kind.save(store, class, &good, rules).map_err(words)?;
    Ok((n, plan))
}

/// A checklist sheet of one routine.
pub struct Checklists<'a> {
    routine: &'a Routine,
    steps: Vec<&'a str>,
}

impl<'a> Checklists<'a> {
    /// The checklist sheet of a routine.
    pub fn of(routine: &'a Routine) -> Self {
        let steps = routine.steps.iter().map(|s| s.id.as_str()).collect();
        Checklists { routine, steps }
    }
}

impl MonitoringSheet for Checklists<'_> {
    type Row = ChecklistSheetRow;
    #[rustfmt::skip]
    const HEADER: &'static [(&'static str, &'static str)] = &[("name", "nama"), ("observer", "pengamat"), ("date", "tanggal"), ("marks", "nilai"),];

    fn read(&self, f: &[String]) -> std::result::Result<ChecklistSheetRow, Vec<Bilingual>> {
        let [f0, f1, f2, f3] = f else {
            return Err(vec![incomplete(Self::HEADER)]);
        };
        let mut wrong = Vec::new();
        let name = clean_name(f0).map_err(|e| wrong.push(e.message())).ok();
        let observer = clean_name(f1)
            .map_err(|_| wrong.push(pijat_core::both!(messages, observer_name_empty)))
            .ok();
        let date = parse_date(f2);
        if date.is_none() {
            wrong.push(bad_date(f2));
        }
        let marks = read_marks(f3, self.steps.len())
            .map_err(|e| wrong.push(e))
            .ok();
        match (name, observer, date, marks) {
            (Some(name), Some(observer), Some(date), Some(marks)) => Ok(ChecklistSheetRow {
                name,
                observer,
                date,
                marks: marks.iter().map(|m| m.stored()).collect(),
            }),
            _ => Err(wrong),
        }
    }

    fn name<'r>(&self, row: &'r ChecklistSheetRow) -> &'r str {
        &row.name
    }

    fn key(&self, r: &ChecklistSheetRow) -> String {
        let name = pijat_store::name_key(&r.name);
        format!("{name}\n{}\n{}", r.date, r.observer.to_lowercase())
    }

    fn earlier(
        &self,
        store: &Store,
        profile_id: &str,
        r: &ChecklistSheetRow,
    ) -> Result<Option<(Mode, Option<String>)>> {
        let same = store.same_observation(profile_id, &self.routine.id, &r.date, &r.observer)?;
        Ok(same.map(|o| (o.mode, o.class_id)))
    }

    fn save(
        &self,
        store: &mut Store,
        class: &str,
        good: &[ChecklistSheetRow],
        rules: SheetRules,
    ) -> Result<usize> {
        store.import_checklists(
            class,
            &self.routine.id,
            &self.steps,
            good,
            rules.replace,
            rules.roster,
        )
    }
}

/// A row with fewer cells than the sheet's columns (the reader pads rows, so only a mistake
/// here would make one).
pub(super) fn incomplete(header: &[(&str, &str)]) -> Bilingual {
    pijat_core::both!(messages, row_incomplete_columns, n = header.len())
}
