//! The per-question table (full texts, McNemar with Holm beside it, a plain note on reading it)
//! and the monitoring section (observation checklist and home visits).

use super::compose::legend;
use super::model::{Block, Cell, Chart, ChartKind, Column, Counter, Section, Sheet, Style, Table};
use super::names::name_heading;
use super::types::{ItemFlag, Report, Val};
use super::words::competent_label;
use pijat_content::Lang;
use pijat_core::strings::report::tr;

fn label(r: &Report, i: usize) -> String {
    r.labels
        .get(i)
        .cloned()
        .or_else(|| r.items.get(i).map(|it| it.question.clone()))
        .unwrap_or_default()
}

/// An item's flags in plain words for the trainer (empty when there is nothing to revise).
fn flag_words(flags: &[ItemFlag], lang: &Lang) -> String {
    flags
        .iter()
        .map(|f| match f {
            ItemFlag::Ceiling => tr(lang).flag_ceiling,
            ItemFlag::NegativeDiscrimination => tr(lang).flag_negative_discrimination,
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn v(x: Val, d: usize, style: Style) -> Cell {
    Cell::styled(x.0.ok(), d, style)
}

pub(super) fn items(r: &Report, lang: &Lang, n: &mut Counter) -> Option<Section> {
    if r.items.is_empty() {
        return None;
    }
    let mut table = Table::new(
        Sheet::Items,
        n.table(lang, tr(lang).each_question_s_results),
        vec![
            Column::doc("No"),
            Column::data(tr(lang).item),
            Column::new(tr(lang).question, tr(lang).key_question),
            Column::new(tr(lang).right_pre_test, tr(lang).pre_facility),
            Column::new(tr(lang).right_post_test, tr(lang).post_facility),
            Column::new(
                tr(lang).discrimination_pre_test,
                tr(lang).pre_discrimination,
            ),
            Column::new("McNemar p", "mcnemar_p"),
            Column::new(tr(lang).p_holm, "mcnemar_p_holm"),
            Column::new(tr(lang).to_revise, tr(lang).key_flags),
        ],
    );
    for (i, item) in r.items.iter().enumerate() {
        table.push(vec![
            Cell::Count(i + 1),
            Cell::Text(item.question.clone()),
            Cell::Text(label(r, i)),
            v(item.pre_facility, 0, Style::Percent),
            v(item.post_facility, 0, Style::Percent),
            v(item.pre_discrimination, 0, Style::Plain),
            v(item.mcnemar_p, 3, Style::P),
            v(item.mcnemar_p_holm, 3, Style::P),
            Cell::text(flag_words(&item.flags, lang)),
        ]);
    }
    let (pre, post) = (r.summary.pre.n > 0, r.summary.post.n > 0);
    table.hide(&[
        (3, pre),
        (4, post),
        (5, pre),
        (6, pre && post),
        (7, pre && post),
    ]);
    table.hints.push(tr(lang).how_read_right_share.into());
    // What each short flag in the table means, for the flags it shows.
    for (flag, note) in [
        (ItemFlag::Ceiling, tr(lang).flag_ceiling_note),
        (
            ItemFlag::NegativeDiscrimination,
            tr(lang).flag_negative_note,
        ),
    ] {
        if r.items.iter().any(|i| i.flags.contains(&flag)) {
            table.notes.push(note.into());
        }
    }
    let flagged = r.items.iter().filter(|i| !i.flags.is_empty()).count();
    if flagged > 0 {
        table.notes.push(pijat_core::fill!(
            report,
            tr(lang),
            items_to_revise_note,
            n = flagged
        ));
    }
    let takers = r.summary.pre.n;
    if takers < 10 {
        table.notes.push(pijat_core::fill!(
            report,
            pijat_core::strings::report::tr(lang),
            fewer_than_10_takers,
            takers = takers
        ));
    }
    let chart = Chart {
        caption: n.chart(lang, tr(lang).share_right_per_question),
        kind: ChartKind::Pairs(
            r.items
                .iter()
                .enumerate()
                .map(|(i, it)| {
                    (
                        format!("{}", i + 1),
                        it.pre_facility.0.ok(),
                        it.post_facility.0.ok(),
                    )
                })
                .collect(),
        ),
        legend: legend(lang),
        alt: String::new(),
    };
    let mut blocks = vec![Block::Table(table), Block::Chart(chart)];
    if r.summary.pre.n > 0 {
        let analysis = super::compose_journal::item_analysis(r, lang, n);
        blocks.push(Block::Table(analysis));
    }
    Some(Section {
        heading: tr(lang).questions.into(),
        blocks,
    })
}

fn has_monitoring(r: &Report) -> bool {
    r.participants
        .iter()
        .any(|p| p.checklist.observations > 0 || p.visits.count > 0)
}

/// Everyone observed or visited, a row each; a note counts the others.
fn people(r: &Report, lang: &Lang, n: &mut Counter) -> Table {
    let mut people = Table::new(
        Sheet::Monitoring,
        n.table(lang, tr(lang).each_participant_s_observations),
        vec![
            Column::doc("No"),
            Column::new(name_heading(r.names, lang), tr(lang).key_name),
            Column::new(tr(lang).observations, tr(lang).key_observations),
            Column::new(tr(lang).latest_score, tr(lang).latest_checklist_percent),
            Column::new(tr(lang).verdict, tr(lang).competent),
            Column::new(tr(lang).visits, tr(lang).key_visits),
            Column::new(tr(lang).milk_flowed, tr(lang).milk_flow_yes_percent),
            Column::new(tr(lang).comfort_heading, tr(lang).mean_comfort),
        ],
    );
    // Only those observed or visited: no rows of dashes for the rest.
    let seen: Vec<_> = r
        .participants
        .iter()
        .filter(|p| p.checklist.observations > 0 || p.visits.count > 0)
        .collect();
    let unseen = r.participants.len() - seen.len();
    let t = tr(lang);
    people.notes.extend(
        (unseen > 0).then(|| pijat_core::fill!(report, t, not_observed_left_out, k = unseen)),
    );
    if r.participants.iter().any(|p| p.visits.count > 0) {
        let o = pijat_core::strings::outcome::tr(lang);
        people.notes.push(o.seed_evaluation_note.into());
    }
    for (i, p) in seen.into_iter().enumerate() {
        people.push(vec![
            Cell::Count(i + 1),
            Cell::Name(p.name.clone()),
            Cell::Count(p.checklist.observations),
            Cell::styled(p.checklist.latest_percent, 0, Style::Percent),
            Cell::text(competent_label(p.checklist.competent, lang)),
            Cell::Count(p.visits.count),
            Cell::styled(p.visits.milk_flow_yes_percent, 0, Style::Percent),
            Cell::styled(p.visits.mean_comfort, 1, Style::Plain),
        ]);
    }
    people
}

pub(super) fn monitoring(r: &Report, lang: &Lang, n: &mut Counter) -> Option<Section> {
    if !has_monitoring(r) {
        return None;
    }
    let people = people(r, lang, n);
    let competent = r
        .participants
        .iter()
        .filter(|p| p.checklist.competent == Some(true))
        .count();
    let observed = r
        .participants
        .iter()
        .filter(|p| p.checklist.observations > 0)
        .count();
    let said = pijat_core::fill!(
        report,
        pijat_core::strings::report::tr(lang),
        their_latest_observation_observed,
        competent = competent,
        observed = observed
    );
    let mut blocks = vec![Block::Para(said), Block::Table(people)];
    if r.checklist_steps
        .iter()
        .any(|s| s.done_well_percent.is_some())
    {
        let step = |i: usize| {
            let words = r
                .step_labels
                .get(i)
                .or_else(|| r.checklist_steps.get(i).map(|s| &s.step))
                .map_or("", String::as_str);
            format!("{}. {words}", i + 1)
        };
        let mut steps = Table {
            sheet: Sheet::Monitoring,
            caption: n.table(lang, tr(lang).steps_done_well),
            columns: vec![
                Column::data(tr(lang).step),
                Column::new(tr(lang).step_heading, tr(lang).step_name),
                Column::new(tr(lang).done_well, tr(lang).done_well_percent),
            ],
            rows: Vec::new(),
            notes: vec![tr(lang).shares_each_participant_s.into()],
            hints: Vec::new(),
        };
        for (i, st) in r.checklist_steps.iter().enumerate() {
            steps.push(vec![
                Cell::Text(st.step.clone()),
                Cell::Text(step(i)),
                Cell::styled(st.done_well_percent, 0, Style::Percent),
            ]);
        }
        let bars = (r.checklist_steps.iter().enumerate())
            .map(|(i, s)| (step(i), s.done_well_percent))
            .collect();
        let chart = Chart {
            caption: n.chart(lang, tr(lang).checklist_steps_done_well),
            kind: ChartKind::Bars(bars),
            legend: (String::new(), tr(lang).done_well_heading.into()),
            alt: String::new(),
        };
        blocks.push(Block::Table(steps));
        blocks.push(Block::Chart(chart));
    }
    Some(Section {
        heading: tr(lang).observation_checklist_home_visits.into(),
        blocks,
    })
}
