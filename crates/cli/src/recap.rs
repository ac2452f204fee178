//! `pijat report --recap [--from YYYY-MM] [--to YYYY-MM]`: the puskesmas recap of every class on
//! this laptop in the report's formats.

use pijat_app::Records;
use pijat_content::{Lang, Quiz, Routine};
use pijat_core::dates::parse_month;
use pijat_core::strings::recap::tr;
use pijat_engine::report::recap::recap;
use pijat_engine::report::render::{self, TextFormat};

use super::report::{Args, Format, system_fonts};
use super::{EXIT_INPUT, EXIT_USAGE};

/// The recap in the format asked, or the exit code and what to say.
pub(crate) fn bytes(
    records: &Records,
    quiz: &Quiz,
    routine: Option<&Routine>,
    lang: &Lang,
    (from, to): (Option<&str>, Option<&str>),
    a: &Args,
) -> Result<Vec<u8>, (u8, String)> {
    let t = tr(lang);
    let month = |what: &str, typed: Option<&str>| match typed {
        None => Ok(None),
        Some(v) => parse_month(v).map(Some).ok_or_else(|| {
            let m = pijat_core::fill!(recap, t, month_not_valid, what = what, v = v);
            (EXIT_USAGE, m)
        }),
    };
    let (from, to) = (month("--from", from)?, month("--to", to)?);
    if let (Some(f), Some(t2)) = (&from, &to)
        && f > t2
    {
        return Err((
            EXIT_USAGE,
            pijat_core::fill!(recap, t, from_after_to, from = f, to = t2),
        ));
    }
    let mut input =
        pijat_app::recap::recap_input(records, quiz, routine, lang, from.as_deref(), to.as_deref())
            .map_err(|e| (EXIT_INPUT, e.message().get(lang.code()).to_string()))?;
    if let Some(target) = a.ebf_target {
        input.ebf_target = target;
    }
    let r = recap(&input);
    let text = |f| Ok(render::recap_text(&r, lang, f).into_bytes());
    match a.format {
        Format::Text => text(TextFormat::Text),
        Format::Csv => text(TextFormat::Csv),
        Format::Md => text(TextFormat::Markdown),
        Format::Html => text(TextFormat::Html),
        Format::Json => Ok(render::recap_json(&r).into_bytes()),
        Format::Docx => {
            let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
            render::recap_docx(&r, lang, &system_fonts(), &now)
        }
        Format::Xlsx => render::recap_xlsx(&r, lang),
    }
    .map_err(|e: String| (EXIT_INPUT, format!("pijat: {e}")))
}
