//! `pijat history [--profile NAME]`: attempts, the pre → post change, and where the data is.

use pijat_core::strings::cli::tr;
use std::io::Write;

use super::quiz::phase_label;
use super::{EXIT_INPUT, Shell, local_date};
use pijat_app::monitoring::{main_routine, monitoring};
use pijat_app::progress::prepost_from;
use pijat_app::progress::score_of;
use pijat_app::{Profile, Records};
use pijat_content::{Content, Lang};
use pijat_engine::quiz::format_change_in;

pub(crate) fn run(shell: &Shell, profile: Option<&str>) -> u8 {
    let mut out = std::io::stdout();
    let mut err = std::io::stderr();
    match report(shell, profile, &mut err) {
        Ok(text) => {
            let _ = out.write_all(text.as_bytes());
            0
        }
        Err(m) => {
            let _ = writeln!(err, "{m}");
            EXIT_INPUT
        }
    }
}

pub(crate) fn report(
    shell: &Shell,
    profile: Option<&str>,
    err: &mut dyn Write,
) -> Result<String, String> {
    let lang = &shell.lang;
    let content = shell.content(err)?;
    let store = shell.store_to_read()?;
    let se = |e: pijat_app::Error| e.message().get(lang.code()).to_string();
    let mut out = format!("{} {}\n", tr(lang).data_file, store.path().display());
    let profiles: Vec<Profile> = match profile {
        Some(name) => match store.profile_by_name(name).map_err(se)? {
            Some(p) => vec![p],
            None => {
                let names: Vec<String> = store
                    .profiles_recent()
                    .map_err(se)?
                    .into_iter()
                    .map(|p| p.name)
                    .collect();
                let list = if names.is_empty() {
                    "–".to_string()
                } else {
                    names.join(", ")
                };
                return Err(pijat_core::fill!(
                    cli,
                    pijat_core::strings::cli::tr(lang),
                    no_trainee_named_trainees,
                    name = name,
                    list = list
                ));
            }
        },
        None => store.profiles_recent().map_err(se)?,
    };
    if profiles.is_empty() {
        out.push_str(tr(lang).no_records_yet_n);
    }
    for p in &profiles {
        out.push('\n');
        out.push_str(&profile_block(&store, &content, p, lang).map_err(se)?);
    }
    Ok(out)
}

fn profile_block(
    store: &Records,
    content: &Content,
    p: &Profile,
    lang: &Lang,
) -> pijat_app::Result<String> {
    let mut out = format!(
        "{} ({})\n",
        pijat_core::printable(&p.name),
        p.role.label().get(lang.code())
    );
    let attempts = store.attempts_of(&p.id)?;
    if attempts.is_empty() {
        out.push_str(&format!("  {}\n", tr(lang).no_tests_yet));
    }
    let title = |id: &str| {
        content
            .quiz(id)
            .map_or(id.to_string(), |q| q.title.get(lang).to_string())
    };
    for a in &attempts {
        let result = match score_of(a) {
            Some(s) => format!("{}% ({}/{})", s.display_in(lang), s.right, s.total),
            None => {
                let word = tr(lang).unfinished;
                format!("{word} ({}/{})", a.answered, a.question_count)
            }
        };
        // The title goes last: it is the one column that may wrap at 80 characters.
        out.push_str(&format!(
            "  {}  {:<21}  {:<22}  {}\n",
            local_date(&a.started),
            phase_label(a.phase, lang),
            result,
            title(&a.quiz_id),
        ));
    }
    let mut quiz_ids: Vec<&str> = attempts.iter().map(|a| a.quiz_id.as_str()).collect();
    quiz_ids.sort_unstable();
    quiz_ids.dedup();
    for id in quiz_ids {
        let pp = prepost_from(&attempts, id);
        let line = match (pp.pre, pp.post, pp.change()) {
            (Some(pre), Some(post), Some(change)) => Some(format!(
                "{}: {} {}% → {} {}% ({} {})",
                title(id),
                tr(lang).pre_test,
                pre.display_in(lang),
                tr(lang).post_test,
                post.display_in(lang),
                format_change_in(change, lang),
                tr(lang).points,
            )),
            (Some(pre), None, _) => Some(format!(
                "{}: {} {}%; {}",
                title(id),
                tr(lang).pre_test,
                pre.display_in(lang),
                tr(lang).no_post_test_yet,
            )),
            _ => None,
        };
        if let Some(line) = line {
            out.push_str(&format!("  {line}\n"));
        }
    }
    out.push_str(&observation_lines(store, content, p, lang)?);
    let runs = store.practice_runs_of(&p.id)?;
    if !runs.is_empty() {
        out.push_str(&format!("  {}\n", tr(lang).massage_practice));
    }
    for r in &runs {
        let routine = content
            .routine(&r.routine_id)
            .map_or(r.routine_id.clone(), |x| x.title.get(lang).to_string());
        let status = match &r.finished {
            Some(_) => pijat_core::fill!(
                cli,
                tr(lang),
                steps_done_well_of,
                k = r.done_well,
                n = r.steps
            ),
            None => tr(lang).practice_unfinished.to_string(),
        };
        let speed = if r.speed == 1.0 {
            String::new()
        } else {
            format!(" ({}×)", r.speed)
        };
        out.push_str(&format!(
            "  {}  {:>5.1} {}{speed}  {:<22}  {routine}\n",
            local_date(&r.started),
            r.spent_seconds / 60.0,
            tr(lang).min,
            status,
        ));
    }
    Ok(out)
}

/// The observation checklist, first to latest, with what improved. Visits are health data and
/// stay in trainer mode (behind the PIN); only their number is said here.
fn observation_lines(
    store: &Records,
    content: &Content,
    p: &Profile,
    lang: &Lang,
) -> pijat_app::Result<String> {
    let mut out = String::new();
    let m = monitoring(store, content, &p.id)?;
    let Some(routine) = main_routine(content) else {
        return Ok(out);
    };
    let step = |i: usize| routine.step_label(i, lang);
    if !m.observations.is_empty() {
        out.push_str(&format!(
            "  {} ({}):\n",
            tr(lang).observation_checklist,
            routine.title.get(lang)
        ));
    }
    for o in &m.observations {
        let verdict = if o.verdict.competent {
            tr(lang).competent.to_string()
        } else {
            let coach: Vec<String> = o
                .verdict
                .to_coach
                .iter()
                .map(|i| (i + 1).to_string())
                .collect();
            format!(
                "{}; {} {}",
                tr(lang).not_yet_competent,
                tr(lang).coach_steps,
                coach.join(", ")
            )
        };
        out.push_str(&format!(
            "  {}  {:>6}  {verdict}  ({} {})\n",
            o.row.observed_on,
            o.verdict.percent_text(lang),
            tr(lang).observer,
            o.row.observer
        ));
    }
    let app = pijat_core::strings::tr(lang);
    if let Some(line) = m.improved_text(step, app.none_improved) {
        out.push_str(&format!("  {} {line}\n", app.improved_since));
    }
    if !m.visits.is_empty() {
        out.push_str(&format!(
            "  {}: {} ({})\n",
            tr(lang).home_visits,
            m.visits.len(),
            tr(lang).details_trainer_mode
        ));
    }
    Ok(out)
}
