//! Printing a question's options and the feedback after an answer.

use super::*;
use pijat_core::strings::cli::tr;

pub(super) fn print_options(
    out: &mut dyn Write,
    options: &[pijat_content::Text],
    shown: &Shown,
    kind: &QuestionKind,
    lang: &Lang,
) -> Result<(), String> {
    let shown_options = shown.options.iter().filter_map(|f| options.get(*f));
    for (place, option) in shown_options.enumerate() {
        let label = match kind {
            QuestionKind::Order { .. } => format!("{}", place + 1),
            _ => ((b'a' + place as u8) as char).to_string(),
        };
        writeln!(out, "  {label}) {}", option.get(lang)).map_err(|e| e.to_string())?;
    }
    Ok(())
}

pub(super) fn print_feedback(
    out: &mut dyn Write,
    run: &QuizRun,
    shown: &Shown,
    lang: &Lang,
) -> Result<(), String> {
    let q = run.question(shown);
    let r = run.response(&q.id).cloned().unwrap_or(Response::Skipped);
    let mut lines = Vec::new();
    if r.is_right(&q.kind) {
        lines.push(format!("   ✓ {}", tr(lang).right));
    } else {
        lines.push(format!(
            "   ✗ {} {}",
            tr(lang).not_right_answer,
            response_text(q, &r, lang)
        ));
        lines.push(format!(
            "     {} {}",
            tr(lang).right_answer,
            answer_text(q, lang)
        ));
    }
    if let Some(e) = &q.explain {
        lines.push(format!("     {}", e.get(lang)));
    }
    for l in lines {
        writeln!(out, "{l}").map_err(|e| e.to_string())?;
    }
    Ok(())
}
