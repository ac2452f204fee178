//! A form as XLSForm, the spreadsheet KoboToolbox and ODK Central turn into an XForm: the
//! `survey`, `choices` and `settings` sheets, labels in Indonesian and English.

use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

use super::form::{Form, Item, Kind, Question};
use super::xform::DEFAULT_LANGUAGE;

const SURVEY: [&str; 13] = [
    "type",
    "name",
    "label::Bahasa Indonesia (id)",
    "label::English (en)",
    "hint::Bahasa Indonesia (id)",
    "hint::English (en)",
    "required",
    "relevant",
    "constraint",
    "constraint_message::Bahasa Indonesia (id)",
    "constraint_message::English (en)",
    "default",
    "appearance",
];

fn row(ws: &mut Worksheet, r: u32, cells: &[&str]) -> Result<(), XlsxError> {
    for (c, v) in cells.iter().enumerate() {
        if !v.is_empty() {
            ws.write_string(r, c as u16, *v)?;
        }
    }
    Ok(())
}

fn question_row(q: &Question) -> Vec<String> {
    let kind = match &q.kind {
        Kind::Text => "text".to_string(),
        Kind::Integer => "integer".to_string(),
        Kind::Today => "date".to_string(),
        Kind::Note => "note".to_string(),
        Kind::Select(list, _) => format!("select_one {list}"),
    };
    let (hid, hen) = q.hint.as_ref().map_or((String::new(), String::new()), |h| {
        (h.id.clone(), h.en.clone())
    });
    let (c, cid, cen) = q
        .constraint
        .as_ref()
        .map_or((String::new(), String::new(), String::new()), |(c, m)| {
            (c.clone(), m.id.clone(), m.en.clone())
        });
    vec![
        kind,
        q.name.clone(),
        q.label.id.clone(),
        q.label.en.clone(),
        hid,
        hen,
        if q.required {
            "yes".into()
        } else {
            String::new()
        },
        q.relevant.clone().unwrap_or_default(),
        c,
        cid,
        cen,
        if q.kind == Kind::Today {
            "today()".into()
        } else {
            String::new()
        },
        q.appearance.unwrap_or_default().to_string(),
    ]
}

fn survey(ws: &mut Worksheet, form: &Form) -> Result<(), XlsxError> {
    row(ws, 0, &SURVEY)?;
    let mut r = 1;
    let mut put = |ws: &mut Worksheet, cells: Vec<String>| -> Result<(), XlsxError> {
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        row(ws, r, &cells)?;
        r += 1;
        Ok(())
    };
    for item in &form.items {
        match item {
            Item::Question(q) => put(ws, question_row(q))?,
            Item::Group { name, label, items } => {
                let mut begin = vec![
                    "begin_group".to_string(),
                    name.clone(),
                    label.id.clone(),
                    label.en.clone(),
                ];
                begin.resize(SURVEY.len() - 1, String::new());
                begin.push("field-list".into());
                put(ws, begin)?;
                for q in items {
                    put(ws, question_row(q))?;
                }
                put(ws, vec!["end_group".to_string(), name.clone()])?;
            }
        }
    }
    Ok(())
}

fn choices(ws: &mut Worksheet, form: &Form) -> Result<(), XlsxError> {
    row(
        ws,
        0,
        &[
            "list_name",
            "name",
            "label::Bahasa Indonesia (id)",
            "label::English (en)",
        ],
    )?;
    let mut r = 1;
    let mut done: Vec<&str> = Vec::new();
    for (_, q) in form.questions() {
        if let Kind::Select(list, cs) = &q.kind {
            if done.contains(&list.as_str()) {
                continue;
            }
            done.push(list);
            for c in cs {
                row(ws, r, &[list, &c.value, &c.label.id, &c.label.en])?;
                r += 1;
            }
        }
    }
    Ok(())
}

/// The form as an XLSForm workbook (`.xlsx` bytes).
pub fn xlsform(form: &Form) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    survey(book.add_worksheet().set_name("survey")?, form)?;
    choices(book.add_worksheet().set_name("choices")?, form)?;
    let settings = book.add_worksheet().set_name("settings")?;
    let (who, day) = &form.instance_name;
    let name = format!("concat(jr:choice-name(${{{who}}}, '${{{who}}}'), ' ', ${{{day}}})");
    row(
        settings,
        0,
        &[
            "form_title",
            "form_id",
            "version",
            "default_language",
            "instance_name",
        ],
    )?;
    row(
        settings,
        1,
        &[
            &form.title.id,
            &form.id,
            &form.version,
            DEFAULT_LANGUAGE,
            &name,
        ],
    )?;
    book.save_to_buffer()
}
