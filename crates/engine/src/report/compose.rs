//! From the report's figures to the document a laporan PkM needs: the plain sentence first, the
//! participants, the paired summary, pass counts and knowledge categories. The tests, items and
//! monitoring sections are in the files beside this one.

use super::model::{
    Block, Cell, Chart, ChartKind, Column, Counter, Doc, Section, Sheet, Style, Table,
};
use super::names::{Names, name_heading};
use super::types::Report;
use super::words::{category, num, role_label};
use pijat_content::Lang;
use pijat_core::strings::report::tr;

/// Above this many participants the pre → post chart draws one line per distinct pair of
/// scores instead of one row per person.
pub const DUMBBELL_MAX: usize = 40;

/// The report as a document in `lang`.
pub fn compose(r: &Report, quiz_title: &str, lang: &Lang) -> Doc {
    let mut n = Counter::default();
    let s = &r.summary;
    let mut doc = Doc {
        lang: lang.clone(),
        title: format!("{}: {quiz_title}", tr(lang).pre_test_post_test),
        author: r.class_info.as_ref().and_then(|c| c.trainer.clone()),
        facts: facts(r, lang),
        lead: Vec::new(),
        notes: notes(r, lang),
        sections: Vec::new(),
        landscape: false,
    };
    if s.pre.n == 0 && s.post.n == 0 {
        doc.lead.push(tr(lang).no_test_results_yet.to_string());
        doc.notes.clear();
        return after_the_tests(doc, r, lang, &mut n);
    }
    doc.lead.push(lead_sentence(r, lang));
    doc.lead
        .extend(super::compose_stats::test_sentence(r, lang));
    doc.lead.extend(pass_sentence(r, lang));
    doc.sections.push(participants(r, lang, &mut n));
    doc.sections
        .push(super::compose_scores::summary(r, lang, &mut n));
    doc.sections
        .push(super::compose_scores::pass_and_categories(r, lang, &mut n));
    if s.n_paired > 0 {
        doc.sections
            .push(super::compose_stats::tests(r, lang, &mut n));
    } else {
        doc.sections
            .push(super::compose_stats::reliability_only(r, lang, &mut n));
    }
    doc.sections
        .extend(super::compose_items::items(r, lang, &mut n));
    after_the_tests(doc, r, lang, &mut n)
}

/// What every report ends with, tests or none: monitoring, the outcome, each table's source and
/// the works cited.
fn after_the_tests(mut doc: Doc, r: &Report, lang: &Lang, n: &mut Counter) -> Doc {
    doc.sections
        .extend(super::compose_items::monitoring(r, lang, n));
    doc.sections
        .extend(super::compose_outcome::outcome(r, lang, n));
    sources(&mut doc, r, lang);
    doc.sections.extend(references(r, lang));
    doc
}

/// "Sumber: data primer, 2026." under every table, as journals print it.
fn sources(doc: &mut Doc, r: &Report, lang: &Lang) {
    let source = match r.year {
        Some(year) => pijat_core::fill!(report, tr(lang), source_primary_data, year = year),
        None => tr(lang).source_primary_data_no_year.to_string(),
    };
    for b in doc.sections.iter_mut().flat_map(|s| s.blocks.iter_mut()) {
        if let Block::Table(t) = b {
            t.notes.push(source.clone());
        }
    }
}

/// The works the report's sentences and notes cite.
/// The works the report's sentences cite, in alphabetical order: the tests' when there are
/// test results, the outcome's when the report shows the outcome; none, no section.
fn references(r: &Report, lang: &Lang) -> Option<Section> {
    let mut works: Vec<&str> = Vec::new();
    if r.summary.pre.n > 0 || r.summary.post.n > 0 {
        works.extend(super::words::REFERENCES);
    }
    if super::compose_outcome::shown(r) {
        works.extend(super::words::OUTCOME_REFERENCES);
    }
    works.sort_unstable();
    (!works.is_empty()).then(|| Section {
        heading: tr(lang).references.into(),
        blocks: works
            .into_iter()
            .map(|w| Block::Para(w.to_string()))
            .collect(),
    })
}

fn facts(r: &Report, lang: &Lang) -> Vec<(String, String)> {
    let mut f = Vec::new();
    if let Some(c) = &r.class_info {
        let place = c.place.as_ref().map_or(String::new(), |p| format!(", {p}"));
        f.push((
            tr(lang).activity.into(),
            pijat_core::printable(&format!("{}{place}", c.name)),
        ));
        let when = match (&c.starts, &c.ends) {
            (Some(a), Some(b)) => Some(pijat_core::dates::show_span(a, b, lang)),
            (Some(d), None) | (None, Some(d)) => Some(pijat_core::dates::show_day(d, lang)),
            (None, None) => None,
        };
        if let Some(when) = when {
            f.push((tr(lang).when.into(), pijat_core::printable(&when)));
        }
        if let Some(name) = &c.trainer {
            f.push((tr(lang).trainer.into(), pijat_core::printable(name)));
        }
    }
    let roles: Vec<String> = r
        .roles
        .iter()
        .map(|(role, n)| format!("{} {n}", role_label(role, lang)))
        .collect();
    let who = if roles.is_empty() {
        r.participants.len().to_string()
    } else {
        format!("{} ({})", r.participants.len(), roles.join(", "))
    };
    f.push((
        tr(lang).participants.into(),
        format!(
            "{who}; {} {}",
            r.summary.n_paired,
            tr(lang).took_both_pre_test
        ),
    ));
    f
}

fn notes(r: &Report, lang: &Lang) -> Vec<String> {
    let mut v = Vec::new();
    let k = r.answers_graded_by_earlier_key;
    if k > 0 {
        v.push(pijat_core::fill!(
            report,
            pijat_core::strings::report::tr(lang),
            note_answers_were_given,
            k = k
        ));
    }
    if (1..10).contains(&r.summary.n_paired) {
        v.push(tr(lang).note_fewer_than_10.to_string());
    }
    v
}

/// "Rata-rata skor pengetahuan naik dari 52 menjadi 74 (n = 16 peserta yang mengikuti keduanya)."
fn lead_sentence(r: &Report, lang: &Lang) -> String {
    let s = &r.summary;
    let (Ok(a), Ok(b)) = (s.paired_pre.mean.0, s.paired_post.mean.0) else {
        let (g, which) = if s.pre.n > 0 {
            (&s.pre, tr(lang).pre_test)
        } else {
            (&s.post, tr(lang).post_test)
        };
        let m = g
            .mean
            .0
            .map_or("–".into(), |m| format!("{}%", num(m, 1, lang)));
        return pijat_core::fill!(
            report,
            tr(lang),
            only_one_test_so_far,
            which = which,
            m = m,
            n = g.n
        );
    };
    let (sa, sb) = (num(a, 1, lang), num(b, 1, lang));
    let n = s.n_paired;
    let s = tr(lang);
    // The change in points, and as a share of where the class started.
    let points = num((b - a).abs(), 1, lang);
    let change = if a > 0.0 {
        let relative = num(100.0 * (b - a).abs() / a, 1, lang);
        pijat_core::fill!(
            report,
            s,
            points_change,
            points = points,
            relative = relative
        )
    } else {
        pijat_core::fill!(report, s, points_only, points = points)
    };
    let how = if sa == sb {
        pijat_core::fill!(report, s, score_stayed_at, a = sa)
    } else if b > a {
        pijat_core::fill!(report, s, score_rose_from, a = sa, b = sb, change = change)
    } else {
        pijat_core::fill!(report, s, score_fell_from, a = sa, b = sb, change = change)
    };
    pijat_core::fill!(report, s, mean_score_how, how = how, n = n)
}

fn pass_sentence(r: &Report, lang: &Lang) -> Option<String> {
    let p = &r.pass;
    if r.summary.n_paired == 0 {
        return None;
    }
    let (a, b, n) = (p.paired_pre.passed, p.paired_post.passed, p.paired_pre.n);
    let share = |k: usize| format!("{}%", num(100.0 * k as f64 / n.max(1) as f64, 1, lang));
    let (ap, bp) = (share(a), share(b));
    let (mark, s) = (p.pass_percent, pijat_core::strings::report::tr(lang));
    Some(pijat_core::fill!(
        report,
        s,
        reached_pass_mark_pre,
        a = a,
        ap = ap,
        n = n,
        mark = mark,
        b = b,
        bp = bp
    ))
}

fn participants(r: &Report, lang: &Lang, n: &mut Counter) -> Section {
    let cut = &r.categories.cutoffs;
    let cat = |x: Option<f64>| x.map_or("–".to_string(), |v| category(cut.of(v), lang).into());
    // Numbered first, shown first: who took part, then their scores.
    let characteristics = super::compose_journal::characteristics(r, lang, n);
    let mut table = Table {
        sheet: Sheet::Participants,
        caption: n.table(lang, tr(lang).each_participant_s_pre),
        columns: vec![
            Column::doc("No"),
            Column::new(name_heading(r.names, lang), tr(lang).key_name),
            Column::new(tr(lang).role, tr(lang).key_role),
            Column::new(tr(lang).pre_test_heading, tr(lang).pre),
            Column::new(tr(lang).post_test_heading, tr(lang).post),
            Column::new(tr(lang).change, tr(lang).key_change),
            Column::new("N-gain", "n_gain"),
            Column::new(tr(lang).category_pre_post, tr(lang).key_category),
        ],
        rows: Vec::new(),
        notes: Vec::new(),
        hints: Vec::new(),
    };
    for (i, p) in r.participants.iter().enumerate() {
        table.push(vec![
            Cell::Count(i + 1),
            Cell::Name(p.name.clone()),
            Cell::text(role_label(&p.role, lang)),
            Cell::styled(p.pre, 1, Style::Percent),
            Cell::styled(p.post, 1, Style::Percent),
            Cell::styled(p.change, 1, Style::Signed),
            Cell::styled(p.n_gain, 2, Style::Plain),
            Cell::text(match (r.summary.pre.n, r.summary.post.n) {
                (_, 0) => cat(p.pre),
                (0, _) => cat(p.post),
                _ => format!("{} → {}", cat(p.pre), cat(p.post)),
            }),
        ]);
    }
    // A test no one took has no columns here, nor what needs both (change, N-gain).
    let (pre, post) = (r.summary.pre.n > 0, r.summary.post.n > 0);
    table.hide(&[(3, pre), (4, post), (5, pre && post), (6, pre && post)]);
    let mut blocks: Vec<Block> = names_sentence(r, lang)
        .map(Block::Para)
        .into_iter()
        .collect();
    blocks.push(Block::Table(characteristics));
    blocks.push(Block::Table(table));
    blocks.extend(participants_chart(r, lang, n).map(Block::Chart));
    Section {
        heading: tr(lang).each_participant_s_results.into(),
        blocks,
    }
}

/// How the participants are named, and why: the sentence on confidentiality and consent.
fn names_sentence(r: &Report, lang: &Lang) -> Option<String> {
    let s = tr(lang);
    Some(match r.names {
        Names::Codes => {
            let last = super::names::code(r.participants.len().saturating_sub(1));
            pijat_core::fill!(report, s, shown_by_code, last = last)
        }
        Names::Initials => s.shown_by_initials.into(),
        Names::Full => s.shown_by_name.into(),
        Names::AsWritten => return None,
    })
}

/// Each participant's pre → post; none when nobody took both tests.
fn participants_chart(r: &Report, lang: &Lang, n: &mut Counter) -> Option<Chart> {
    let pairs: Vec<(String, f64, f64)> = r
        .participants
        .iter()
        .filter_map(|p| Some((pijat_core::printable(&p.name), p.pre?, p.post?)))
        .collect();
    if pairs.is_empty() {
        return None;
    }
    let kind = if pairs.len() <= DUMBBELL_MAX {
        ChartKind::Dumbbell(pairs)
    } else {
        let mut lines: Vec<(f64, f64, usize)> = Vec::new();
        let mut sorted: Vec<(i64, i64)> = pairs
            .iter()
            .map(|(_, a, b)| ((a * 10.0).round() as i64, (b * 10.0).round() as i64))
            .collect();
        sorted.sort_unstable();
        for (a, b) in sorted {
            match lines.last_mut() {
                Some(l) if (l.0, l.1) == (a as f64 / 10.0, b as f64 / 10.0) => l.2 += 1,
                _ => lines.push((a as f64 / 10.0, b as f64 / 10.0, 1)),
            }
        }
        ChartKind::Slope(lines)
    };
    Some(Chart {
        caption: n.chart(lang, tr(lang).each_participant_s_score),
        kind,
        legend: legend(lang),
        alt: tr(lang).figure_each_participant_s.into(),
    })
}

/// What the report's marks mean.
pub fn legend(lang: &Lang) -> (String, String) {
    (
        tr(lang).pre_test_heading.into(),
        tr(lang).post_test_heading.into(),
    )
}
