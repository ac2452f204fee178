//! The per-question table (full texts, McNemar with Holm beside it, a plain note on reading it)
//! and the monitoring section (observation checklist and home visits).

use super::compose::legend;
use super::model::{Block, Cell, Chart, ChartKind, Column, Counter, Section, Sheet, Style, Table};
use super::types::{Report, Val};
use super::words::{competent_label, t};
use crate::content::Lang;

fn label(r: &Report, i: usize) -> String {
    r.labels
        .get(i)
        .cloned()
        .unwrap_or_else(|| r.items[i].question.clone())
}

fn v(x: Val, d: usize, style: Style) -> Cell {
    Cell::styled(x.0.ok(), d, style)
}

pub fn items(r: &Report, lang: &Lang, n: &mut Counter) -> Option<Section> {
    if r.items.is_empty() {
        return None;
    }
    let mut table = Table {
        sheet: Sheet::Items,
        caption: n.table(
            lang,
            t(lang, "Hasil tiap butir soal", "Each question's results"),
        ),
        columns: vec![
            Column::doc("No"),
            Column::data(t(lang, "butir", "item")),
            Column::new(t(lang, "Soal", "Question"), t(lang, "soal", "question")),
            Column::new(
                t(lang, "Benar, tes awal (%)", "Right, pre-test (%)"),
                t(lang, "awal_benar_persen", "pre_facility"),
            ),
            Column::new(
                t(lang, "Benar, tes akhir (%)", "Right, post-test (%)"),
                t(lang, "akhir_benar_persen", "post_facility"),
            ),
            Column::new(
                t(lang, "Daya beda (tes awal)", "Discrimination (pre-test)"),
                t(lang, "daya_beda_awal", "pre_discrimination"),
            ),
            Column::new("McNemar p", "mcnemar_p"),
            Column::new(t(lang, "p (Holm)", "p (Holm)"), "mcnemar_p_holm"),
        ],
        rows: Vec::new(),
        notes: Vec::new(),
    };
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
        ]);
    }
    table.notes.push(t(
        lang,
        "Cara membaca: \"Benar\" adalah persentase peserta yang menjawab benar (tingkat kemudahan butir). Daya beda menunjukkan seberapa baik butir membedakan peserta yang skornya tinggi dari yang rendah pada tes awal (korelasi butir dengan sisa soal, × 100): 30 ke atas baik, di bawah 20 lemah, dan nilai negatif berarti peserta yang skornya tinggi justru salah pada butir itu, jadi periksa kunci dan kalimat soalnya; – berarti semua menjawab sama. McNemar p menguji apakah jawaban butir itu berubah dari tes awal ke tes akhir pada orang yang sama; p (Holm) sudah disesuaikan karena banyak butir diuji sekaligus. KR-20 (tabel uji di atas) adalah keandalan seluruh tes. Butir dengan persentase benar rendah pada tes akhir perlu dibahas lagi dengan peserta.",
        "How to read it: \"Right\" is the share of participants who answered correctly (how easy the item is). Discrimination shows how well the item separates participants with high and low pre-test scores (the item's correlation with the rest of the test, × 100): 30 or more is good, below 20 weak, and a negative value means that high scorers got this item wrong, so check its key and its wording; – means everyone answered alike. McNemar p tests whether answers to the item changed from the pre-test to the post-test in the same people; p (Holm) is adjusted because many items are tested at once. KR-20 (in the tests table above) is the reliability of the whole test. Items with a low share right in the post-test are worth going over again with the participants.",
    )
    .into());
    let takers = r.summary.pre.n;
    if takers < 10 {
        table.notes.push(if lang.is_en() {
            format!("With fewer than 10 takers (here {takers} in the pre-test), discrimination and KR-20 are too unstable to read: a single answer swings them widely.")
        } else {
            format!("Dengan kurang dari 10 peserta (di sini {takers} pada tes awal), daya beda dan KR-20 terlalu tidak stabil untuk dibaca: satu jawaban saja bisa mengubahnya jauh.")
        });
    }
    let chart = Chart {
        caption: n.chart(
            lang,
            t(
                lang,
                "Persentase benar tiap butir, tes awal dan tes akhir",
                "Share right per question, pre-test and post-test",
            ),
        ),
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
    Some(Section {
        heading: t(lang, "Butir soal", "Questions").into(),
        blocks: vec![Block::Table(table), Block::Chart(chart)],
    })
}

fn has_monitoring(r: &Report) -> bool {
    r.participants
        .iter()
        .any(|p| p.checklist.observations > 0 || p.visits.count > 0)
}

pub fn monitoring(r: &Report, lang: &Lang, n: &mut Counter) -> Option<Section> {
    if !has_monitoring(r) {
        return None;
    }
    let mut people = Table {
        sheet: Sheet::Monitoring,
        caption: n.table(
            lang,
            t(
                lang,
                "Pengamatan (daftar tilik) dan kunjungan rumah tiap peserta",
                "Each participant's observations (checklist) and home visits",
            ),
        ),
        columns: vec![
            Column::doc("No"),
            Column::new(t(lang, "Nama", "Name"), t(lang, "nama", "name")),
            Column::new(
                t(lang, "Pengamatan", "Observations"),
                t(lang, "pengamatan", "observations"),
            ),
            Column::new(
                t(lang, "Skor terakhir (%)", "Latest score (%)"),
                t(lang, "skor_pengamatan_terakhir", "latest_checklist_percent"),
            ),
            Column::new(
                t(lang, "Hasil", "Verdict"),
                t(lang, "kompeten", "competent"),
            ),
            Column::new(
                t(lang, "Kunjungan", "Visits"),
                t(lang, "kunjungan", "visits"),
            ),
            Column::new(
                t(lang, "ASI mengalir (%)", "Milk flowed (%)"),
                t(lang, "asi_mengalir_persen", "milk_flow_yes_percent"),
            ),
            Column::new(
                t(lang, "Kenyamanan ibu (1–5)", "Mother's comfort (1–5)"),
                t(lang, "rata_kenyamanan", "mean_comfort"),
            ),
        ],
        rows: Vec::new(),
        notes: Vec::new(),
    };
    for (i, p) in r.participants.iter().enumerate() {
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
    let said = if lang.is_en() {
        format!(
            "At their latest observation, {competent} of {observed} observed participants were competent."
        )
    } else {
        format!(
            "Pada pengamatan terakhir, {competent} dari {observed} peserta yang diamati dinilai kompeten."
        )
    };
    let mut blocks = vec![Block::Para(said), Block::Table(people)];
    if r.checklist_steps
        .iter()
        .any(|s| s.done_well_percent.is_some())
    {
        let step = |i: usize| {
            let words = r
                .step_labels
                .get(i)
                .map_or(r.checklist_steps[i].step.as_str(), String::as_str);
            format!("{}. {words}", i + 1)
        };
        let mut steps = Table {
            sheet: Sheet::Monitoring,
            caption: n.table(lang, t(lang, "Langkah yang dilakukan dengan baik", "Steps done well")),
            columns: vec![
                Column::data(t(lang, "langkah", "step")),
                Column::new(t(lang, "Langkah", "Step"), t(lang, "nama_langkah", "step_name")),
                Column::new(t(lang, "Dilakukan dengan baik (%)", "Done well (%)"), t(lang, "baik_persen", "done_well_percent")),
            ],
            rows: Vec::new(),
            notes: vec![t(
                lang,
                "Persentase dihitung dari pengamatan terakhir tiap peserta; langkah yang tidak diamati tidak dihitung.",
                "Shares are of each participant's latest observation; steps not observed are left out.",
            )
            .into()],
        };
        for (i, st) in r.checklist_steps.iter().enumerate() {
            steps.push(vec![
                Cell::Text(st.step.clone()),
                Cell::Text(step(i)),
                Cell::styled(st.done_well_percent, 0, Style::Percent),
            ]);
        }
        let chart = Chart {
            caption: n.chart(
                lang,
                t(
                    lang,
                    "Langkah daftar tilik yang dilakukan dengan baik",
                    "Checklist steps done well",
                ),
            ),
            kind: ChartKind::Bars(
                r.checklist_steps
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (step(i), s.done_well_percent))
                    .collect(),
            ),
            legend: (
                String::new(),
                t(lang, "Dilakukan dengan baik", "Done well").into(),
            ),
            alt: String::new(),
        };
        blocks.push(Block::Table(steps));
        blocks.push(Block::Chart(chart));
    }
    Some(Section {
        heading: t(
            lang,
            "Pengamatan (daftar tilik) dan kunjungan rumah",
            "Observation (checklist) and home visits",
        )
        .into(),
        blocks,
    })
}
