//! `pijat sheets import`: typed-in paper forms, all rows or none, every bad row reported.

use super::{EXIT_INPUT, EXIT_USAGE, SheetsCommand, Shell};
use pijat_app::monitoring::{Checklists, Visits, import_monitoring_sheet};
use pijat_app::roster::{RosterPlan, added_line};
use pijat_app::sheets::{SheetRules, import_answer_sheet};
use pijat_core::strings::cli::tr;
use pijat_engine::quiz::Score;

pub(crate) fn run(shell: &Shell, command: SheetsCommand) -> u8 {
    let lang = &shell.lang;
    let content = match shell.content_or_exit() {
        Ok(c) => c,
        Err(code) => return code,
    };
    let SheetsCommand::Import {
        file,
        class,
        phase,
        quiz,
        checklist,
        visits,
        odk,
        replace,
        new_class,
        add_new,
    } = command;
    let rules = SheetRules {
        replace,
        roster: pijat_app::Roster { new_class, add_new },
    };
    let added = |plan: &RosterPlan| {
        if let Some(line) = added_line(plan, &class) {
            crate::outln!("{}", line.get(lang.code()));
        }
    };
    let mut store = match shell.store() {
        Ok(s) => s,
        Err(m) => {
            crate::errln!("{m}");
            return EXIT_INPUT;
        }
    };
    let shown = file.display().to_string();
    let failed = |errors: Vec<String>| {
        for e in &errors {
            crate::errln!("{e}");
        }
        // Rows to fix are named by their line; a problem of the command itself is not.
        let rows = errors.iter().any(|e| e.starts_with(&shown));
        let s = tr(lang);
        let end = if rows {
            s.nothing_was_saved_fix
        } else {
            s.nothing_was_saved
        };
        crate::errln!("{end}");
        EXIT_INPUT
    };
    if odk {
        return match pijat_app::forms::import_export(
            &mut store,
            &content,
            &file,
            &class,
            lang.code(),
        ) {
            Ok((saved, already)) => {
                let b = pijat_core::both!(odk, odk_import_done, saved = saved, already = already);
                crate::outln!("{}", b.get(lang.code()));
                0
            }
            Err(e) => failed(e),
        };
    }
    let monitoring = if let Some(routine_id) = checklist {
        let Some(routine) = content.routine(&routine_id) else {
            let ids: Vec<&str> = content.routines().map(|r| r.id.as_str()).collect();
            crate::errln!("{} `{routine_id}`: {}", tr(lang).no_routine, ids.join(", "));
            return EXIT_USAGE;
        };
        let kind = Checklists::of(routine);
        Some(
            import_monitoring_sheet(&kind, &mut store, &file, &class, rules, lang.code()).map(
                |(n, plan)| {
                    let s = tr(lang);
                    (
                        pijat_core::fill!(cli, s, checklists_saved, n = n, class = class),
                        plan,
                    )
                },
            ),
        )
    } else if visits {
        Some(
            import_monitoring_sheet(&Visits, &mut store, &file, &class, rules, lang.code()).map(
                |(n, plan)| {
                    let s = tr(lang);
                    (
                        pijat_core::fill!(cli, s, visits_saved, n = n, class = class),
                        plan,
                    )
                },
            ),
        )
    } else {
        None
    };
    if let Some(saved) = monitoring {
        return match saved {
            Ok((line, plan)) => {
                added(&plan);
                crate::outln!("{line}");
                0
            }
            Err(e) => failed(e),
        };
    }
    let Some(phase) = phase else {
        return EXIT_USAGE;
    };
    let quiz = match quiz.as_deref() {
        Some(id) => content.quiz(id),
        None => content.prepost_quiz(),
    };
    let Some(quiz) = quiz else {
        crate::errln!("{}", tr(lang).no_such_quiz);
        return EXIT_USAGE;
    };
    match import_answer_sheet(
        &mut store,
        quiz,
        &content.version,
        &file,
        &class,
        phase,
        rules,
        lang.code(),
    ) {
        Ok(done) => {
            added(&done.roster);
            let label = super::quiz::phase_label(phase, lang);
            let n = done.rows.len();
            let title = quiz.title.get(lang);
            let s = tr(lang);
            crate::outln!(
                "{}",
                if n == 1 {
                    pijat_core::fill!(
                        cli,
                        s,
                        answer_sheet_saved,
                        n = n,
                        label = label,
                        title = title,
                        class = class
                    )
                } else {
                    pijat_core::fill!(
                        cli,
                        s,
                        answer_sheets_saved,
                        n = n,
                        label = label,
                        title = title,
                        class = class
                    )
                }
            );
            for r in &done.rows {
                let s = Score {
                    right: r.right,
                    total: done.total,
                };
                crate::outln!(
                    "  {:<30} {}/{} ({}%)",
                    r.name,
                    s.right,
                    s.total,
                    s.display_in(lang)
                );
            }
            0
        }
        Err(errors) => failed(errors),
    }
}
