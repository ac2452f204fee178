//! The report as text, CSV, Markdown and JSON, in Indonesian or English.

use std::fmt::Write as _;

use super::build::{Report, Val};
use super::stats::Undefined;
use crate::content::Lang;

fn t<'a>(lang: &Lang, id: &'a str, en: &'a str) -> &'a str {
    if lang.is_en() { en } else { id }
}

/// A number with `d` decimals; Indonesian uses a decimal comma.
pub fn num(x: f64, d: usize, lang: &Lang) -> String {
    let s = format!("{x:.d$}");
    if lang.is_en() { s } else { s.replace('.', ",") }
}

fn reason(u: Undefined, lang: &Lang) -> &'static str {
    match u {
        Undefined::TooFew => t(lang, "terlalu sedikit peserta", "too few people"),
        Undefined::NoVariation => t(lang, "tidak ada variasi", "no variation"),
        Undefined::AllZero => t(lang, "tidak ada yang berubah", "no one changed"),
        Undefined::NoDiscordant => t(
            lang,
            "tidak ada yang berubah pada butir ini",
            "no one changed on this item",
        ),
        Undefined::PerfectPre => t(lang, "tes awal sudah 100%", "the pre-test was already 100%"),
        Undefined::TooMany => t(
            lang,
            "terlalu banyak untuk uji eksak",
            "too many for the exact test",
        ),
    }
}

/// A figure, or "–" with the reason.
fn fig(v: Val, d: usize, lang: &Lang) -> String {
    match v.0 {
        Ok(x) => num(x, d, lang),
        Err(u) => format!("– ({})", reason(u, lang)),
    }
}

/// A p-value as reported: `< 0.001` when tiny.
fn pval(v: Val, lang: &Lang) -> String {
    match v.0 {
        Ok(p) if p < 0.001 => format!("< {}", num(0.001, 3, lang)),
        Ok(p) => format!("= {}", num(p, 3, lang)),
        Err(u) => format!("– ({})", reason(u, lang)),
    }
}

fn pct(x: Option<f64>, lang: &Lang) -> String {
    x.map_or("–".into(), |v| {
        format!(
            "{}%",
            num(v, 1, lang)
                .trim_end_matches(",0")
                .trim_end_matches(".0")
        )
    })
}

fn change(x: Option<f64>, lang: &Lang) -> String {
    match x {
        Some(v) if v > 0.0 => format!("+{}", num(v, 1, lang)),
        Some(v) => num(v, 1, lang),
        None => "–".into(),
    }
}

pub fn role_label(role: &str, lang: &Lang) -> String {
    crate::store::Role::parse(role)
        .map_or(role.to_string(), |r| r.label().get(lang.code()).to_string())
}

fn roles(r: &Report, lang: &Lang) -> String {
    r.roles
        .iter()
        .map(|(role, n)| format!("{} {n}", role_label(role, lang)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn small_n_warning(r: &Report, lang: &Lang) -> Option<&'static str> {
    (r.summary.n_paired < 10).then(|| {
        t(
            lang,
            "Catatan: kurang dari 10 peserta berpasangan, jadi nilai p hanya perkiraan kasar.",
            "Note: fewer than 10 paired participants, so the p-values are only rough.",
        )
    })
}

/// One plain sentence about a test's p-value.
fn verdict(p: Val, lang: &Lang) -> &'static str {
    match p.0 {
        Ok(p) if p < 0.05 => t(
            lang,
            "Perbedaan ini bermakna secara statistik (p < 0,05): kenaikan ini kecil kemungkinannya hanya kebetulan.",
            "This difference is statistically significant (p < 0.05): the rise is unlikely to be chance alone.",
        ),
        Ok(_) => t(
            lang,
            "Perbedaan ini tidak bermakna secara statistik (p ≥ 0,05): bisa jadi hanya kebetulan.",
            "This difference is not statistically significant (p ≥ 0.05): it could be chance.",
        ),
        Err(_) => t(
            lang,
            "Uji ini tidak dapat dihitung.",
            "This test cannot be computed.",
        ),
    }
}

/// An item as people read it: its number on the paper and the start of what it says.
fn item_label(r: &Report, i: usize, width: usize) -> String {
    let words = r
        .labels
        .get(i)
        .map_or(r.items[i].question.as_str(), String::as_str);
    let mut s = format!("{}. {words}", i + 1);
    if s.chars().count() > width {
        s = s.chars().take(width.saturating_sub(1)).collect::<String>() + "…";
    }
    s
}

fn has_monitoring(r: &Report) -> bool {
    r.participants
        .iter()
        .any(|p| p.checklist.observations > 0 || p.visits.count > 0)
}

fn competent_label(c: Option<bool>, lang: &Lang) -> &'static str {
    match c {
        Some(true) => t(lang, "kompeten", "competent"),
        Some(false) => t(lang, "belum kompeten", "not yet"),
        None => "–",
    }
}

fn step_label(r: &Report, i: usize, width: usize) -> String {
    let words = r
        .step_labels
        .get(i)
        .map_or(r.checklist_steps[i].step.as_str(), String::as_str);
    let mut s = format!("{}. {words}", i + 1);
    if s.chars().count() > width {
        s = s.chars().take(width.saturating_sub(1)).collect::<String>() + "…";
    }
    s
}

fn comfort(x: Option<f64>, lang: &Lang) -> String {
    x.map_or("–".into(), |v| num(v, 1, lang))
}

/// The observation checklist and home visits, for the text report.
fn monitoring_text(o: &mut String, r: &Report, lang: &Lang) {
    if !has_monitoring(r) {
        return;
    }
    let _ = writeln!(o);
    let _ = writeln!(
        o,
        "{}",
        t(
            lang,
            "Daftar tilik dan kunjungan rumah",
            "Observation checklist and home visits"
        )
    );
    let _ = writeln!(
        o,
        "{:<24} {:>4} {:>7} {:<14} {:>6} {:>6} {:>7}",
        t(lang, "Nama", "Name"),
        t(lang, "Obs", "Obs"),
        t(lang, "Akhir", "Latest"),
        t(lang, "Hasil", "Verdict"),
        t(lang, "Kunj.", "Visits"),
        t(lang, "ASI", "Milk"),
        t(lang, "Nyaman", "Comfort")
    );
    for p in &r.participants {
        let name: String = crate::core::printable(&p.name).chars().take(24).collect();
        let _ = writeln!(
            o,
            "{name:<24} {:>4} {:>7} {:<14} {:>6} {:>6} {:>7}",
            p.checklist.observations,
            pct(p.checklist.latest_percent, lang),
            competent_label(p.checklist.competent, lang),
            p.visits.count,
            pct(p.visits.milk_flow_yes_percent, lang),
            comfort(p.visits.mean_comfort, lang)
        );
    }
    let _ = writeln!(
        o,
        "{}",
        t(
            lang,
            "Akhir = skor pengamatan terakhir; ASI = kunjungan dengan ASI mengalir setelah pijat; Nyaman = rata-rata 1–5.",
            "Latest = score of the latest observation; Milk = visits where milk flowed after the massage; Comfort = mean of 1–5."
        )
    );
    if r.checklist_steps
        .iter()
        .any(|s| s.done_well_percent.is_some())
    {
        let _ = writeln!(o);
        let _ = writeln!(
            o,
            "{:<52} {:>10}",
            t(
                lang,
                "Langkah (pengamatan terakhir tiap peserta)",
                "Step (each participant's latest observation)"
            ),
            t(lang, "Baik", "Done well")
        );
        for (i, st) in r.checklist_steps.iter().enumerate() {
            let _ = writeln!(
                o,
                "{:<52} {:>10}",
                step_label(r, i, 52),
                pct(st.done_well_percent, lang)
            );
        }
    }
}

/// The observation checklist and home visits, for the Markdown report.
fn monitoring_markdown(o: &mut String, r: &Report, lang: &Lang) {
    if !has_monitoring(r) {
        return;
    }
    let _ = writeln!(
        o,
        "### {}
",
        t(
            lang,
            "Pengamatan (daftar tilik) dan kunjungan rumah",
            "Observation (checklist) and home visits"
        )
    );
    let _ = writeln!(
        o,
        "| No | {} | {} | {} | {} | {} | {} | {} |",
        t(lang, "Nama", "Name"),
        t(lang, "Pengamatan", "Observations"),
        t(lang, "Skor terakhir", "Latest score"),
        t(lang, "Hasil", "Verdict"),
        t(lang, "Kunjungan", "Visits"),
        t(lang, "ASI mengalir", "Milk flowed"),
        t(lang, "Kenyamanan ibu (1–5)", "Mother's comfort (1–5)")
    );
    let _ = writeln!(o, "| ---: | --- | ---: | ---: | --- | ---: | ---: | ---: |");
    for (i, p) in r.participants.iter().enumerate() {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            i + 1,
            crate::core::printable(&p.name).replace('|', "/"),
            p.checklist.observations,
            pct(p.checklist.latest_percent, lang),
            competent_label(p.checklist.competent, lang),
            p.visits.count,
            pct(p.visits.milk_flow_yes_percent, lang),
            comfort(p.visits.mean_comfort, lang)
        );
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
    let _ = writeln!(
        o,
        "\n{} {competent} {} {observed} {}\n",
        t(
            lang,
            "Pada pengamatan terakhir,",
            "At their latest observation,"
        ),
        t(lang, "dari", "of"),
        t(
            lang,
            "peserta yang diamati dinilai kompeten.",
            "observed participants were competent."
        )
    );
    if r.checklist_steps
        .iter()
        .any(|s| s.done_well_percent.is_some())
    {
        let _ = writeln!(
            o,
            "| {} | {} |",
            t(lang, "Langkah", "Step"),
            t(lang, "Dilakukan dengan baik", "Done well")
        );
        let _ = writeln!(o, "| --- | ---: |");
        for (i, st) in r.checklist_steps.iter().enumerate() {
            let _ = writeln!(
                o,
                "| {} | {} |",
                step_label(r, i, 60).replace('|', "/"),
                pct(st.done_well_percent, lang)
            );
        }
        let _ = writeln!(
            o,
            "\n{}\n",
            t(
                lang,
                "Persentase dihitung dari pengamatan terakhir tiap peserta; langkah yang tidak diamati tidak dihitung.",
                "Shares are of each participant's latest observation; steps not observed are left out."
            )
        );
    }
}

/// The note on answers graded by an earlier key, when there are any.
fn regraded_note(r: &Report, lang: &Lang) -> Option<String> {
    let n = r.answers_graded_by_earlier_key;
    (n > 0).then(|| {
        if lang.is_en() {
            format!("Note: {n} answers were given before their question's key was changed; they are counted by the key that held when they were given.")
        } else {
            format!("Catatan: {n} jawaban diberikan sebelum kunci soalnya diubah; jawaban itu dinilai dengan kunci yang berlaku saat dijawab.")
        }
    })
}

pub fn text(r: &Report, quiz_title: &str, lang: &Lang) -> String {
    let s = &r.summary;
    let mut o = String::new();
    if let Some(note) = regraded_note(r, lang) {
        let _ = writeln!(o, "{note}");
    }
    let class = r
        .class
        .clone()
        .unwrap_or_else(|| t(lang, "semua peserta", "everyone").into());
    let _ = writeln!(
        o,
        "{}: {class} — {quiz_title} ({})",
        t(lang, "Laporan", "Report"),
        r.quiz
    );
    let _ = writeln!(
        o,
        "{}: {} ({}) · {}: {}",
        t(lang, "Peserta", "Participants"),
        r.participants.len(),
        roles(r, lang),
        t(
            lang,
            "berpasangan (tes awal dan akhir)",
            "paired (pre and post)"
        ),
        s.n_paired
    );
    if let Some(w) = small_n_warning(r, lang) {
        let _ = writeln!(o, "! {w}");
    }
    let _ = writeln!(o);
    let _ = writeln!(
        o,
        "{:<28} {:<9} {:>7} {:>7} {:>8}",
        t(lang, "Nama", "Name"),
        t(lang, "Peran", "Role"),
        t(lang, "Awal", "Pre"),
        t(lang, "Akhir", "Post"),
        t(lang, "Ubah", "Change")
    );
    for p in &r.participants {
        let name: String = crate::core::printable(&p.name).chars().take(28).collect();
        let _ = writeln!(
            o,
            "{name:<28} {:<9} {:>7} {:>7} {:>8}",
            role_label(&p.role, lang),
            pct(p.pre, lang),
            pct(p.post, lang),
            change(p.change, lang)
        );
    }
    let _ = writeln!(o);
    let _ = writeln!(o, "{}", t(lang, "Ringkasan", "Summary"));
    for (label, g) in [
        (t(lang, "Tes awal", "Pre-test"), &s.pre),
        (t(lang, "Tes akhir", "Post-test"), &s.post),
    ] {
        let _ = writeln!(
            o,
            "  {label}: n = {}, {} {}, SD {}",
            g.n,
            t(lang, "rata-rata", "mean"),
            fig(g.mean, 1, lang),
            fig(g.sd, 1, lang)
        );
    }
    let ci = match s.diff.ci95.0 {
        Ok((lo, hi)) => format!("{} – {}", num(lo, 1, lang), num(hi, 1, lang)),
        Err(u) => format!("– ({})", reason(u, lang)),
    };
    let _ = writeln!(
        o,
        "  {} (n = {}): {} {}, SD {}, 95% CI {ci}",
        t(lang, "Selisih berpasangan", "Paired difference"),
        s.n_paired,
        t(lang, "rata-rata", "mean"),
        fig(s.diff.mean, 1, lang),
        fig(s.diff.sd, 1, lang)
    );
    let df = s
        .paired_t
        .df
        .0
        .map_or("–".to_string(), |d| format!("{d:.0}"));
    let _ = writeln!(
        o,
        "  {}: t({df}) = {}, p {}",
        t(lang, "Uji t berpasangan", "Paired t-test"),
        fig(s.paired_t.t, 2, lang),
        pval(s.paired_t.p, lang)
    );
    let _ = writeln!(
        o,
        "  Wilcoxon: z = {}, p {}",
        fig(s.wilcoxon.z, 2, lang),
        pval(s.wilcoxon.p, lang)
    );
    let _ = writeln!(
        o,
        "  {}: {}",
        t(lang, "Ukuran efek dz", "Effect size dz"),
        fig(s.effect_size_dz, 2, lang)
    );
    let _ = writeln!(
        o,
        "  {}: {}",
        t(lang, "N-gain (Hake)", "Normalised gain (Hake)"),
        fig(s.normalized_gain, 2, lang)
    );
    let _ = writeln!(
        o,
        "  {}: {} {}, {} {}",
        t(lang, "Reliabilitas (KR-20)", "Reliability (KR-20)"),
        t(lang, "awal", "pre"),
        fig(r.reliability.pre_alpha, 2, lang),
        t(lang, "akhir", "post"),
        fig(r.reliability.post_alpha, 2, lang)
    );
    if !r.items.is_empty() {
        let _ = writeln!(o);
        let _ = writeln!(
            o,
            "{:<28} {:>8} {:>8} {:>10} {:>10}",
            t(lang, "Butir soal", "Item"),
            t(lang, "Awal%", "Pre%"),
            t(lang, "Akhir%", "Post%"),
            t(lang, "Daya beda", "Discrim."),
            "McNemar p"
        );
        for (n, i) in r.items.iter().enumerate() {
            let short = |v: Val, d| v.0.map_or("–".to_string(), |x| num(x, d, lang));
            let _ = writeln!(
                o,
                "{:<28} {:>8} {:>8} {:>10} {:>10}",
                item_label(r, n, 28),
                short(i.pre_facility, 0),
                short(i.post_facility, 0),
                short(i.pre_discrimination, 0),
                short(i.mcnemar_p, 3)
            );
        }
        let _ = writeln!(
            o,
            "{}",
            t(
                lang,
                "– = tidak dapat dihitung (terlalu sedikit peserta, tidak ada variasi, atau tidak ada yang berubah).",
                "– = cannot be computed (too few people, no variation, or no one changed)."
            )
        );
    }
    monitoring_text(&mut o, r, lang);
    o
}

/// Participants (and with items, a second section) as CSV that spreadsheets open as numbers:
/// English with `,` and a decimal point; Indonesian with `;` and a decimal comma, as Excel and
/// LibreOffice in that language expect. UTF-8 with a byte-order mark, so names keep their letters.
pub fn csv(r: &Report, lang: &Lang) -> String {
    use crate::core::cell::text_cell;
    let (delim, lang_num) = if lang.is_en() {
        (b',', Lang::en())
    } else {
        (b';', Lang::id())
    };
    let mut w = csv::WriterBuilder::new()
        .delimiter(delim)
        .flexible(true)
        .from_writer(Vec::new());
    let n = |x: Option<f64>| x.map_or(String::new(), |v| num(v, 2, &lang_num));
    let v = |x: Val| x.0.map_or(String::new(), |v| num(v, 4, &lang_num));
    let _ = w.write_record([
        t(lang, "nama", "name"),
        t(lang, "peran", "role"),
        t(lang, "awal", "pre"),
        t(lang, "akhir", "post"),
        t(lang, "perubahan", "change"),
        t(lang, "pengamatan", "observations"),
        t(lang, "skor_pengamatan_terakhir", "latest_checklist_percent"),
        t(lang, "kompeten", "competent"),
        t(lang, "kunjungan", "visits"),
        t(lang, "asi_mengalir_persen", "milk_flow_yes_percent"),
        t(lang, "rata_kenyamanan", "mean_comfort"),
    ]);
    let yes_no = |c: Option<bool>| match c {
        Some(true) => t(lang, "ya", "yes").to_string(),
        Some(false) => t(lang, "tidak", "no").to_string(),
        None => String::new(),
    };
    for p in &r.participants {
        let _ = w.write_record([
            text_cell(&p.name),
            text_cell(&role_label(&p.role, lang)),
            n(p.pre),
            n(p.post),
            n(p.change),
            p.checklist.observations.to_string(),
            n(p.checklist.latest_percent),
            yes_no(p.checklist.competent),
            p.visits.count.to_string(),
            n(p.visits.milk_flow_yes_percent),
            n(p.visits.mean_comfort),
        ]);
    }
    if !r.items.is_empty() {
        let _ = w.write_record([""; 5]);
        let _ = w.write_record([
            t(lang, "butir", "item"),
            t(lang, "awal_benar_persen", "pre_facility"),
            t(lang, "akhir_benar_persen", "post_facility"),
            t(lang, "daya_beda_awal", "pre_discrimination"),
            "mcnemar_p",
        ]);
        for i in &r.items {
            let _ = w.write_record([
                text_cell(&i.question),
                v(i.pre_facility),
                v(i.post_facility),
                v(i.pre_discrimination),
                v(i.mcnemar_p),
            ]);
        }
    }
    if has_monitoring(r) && !r.checklist_steps.is_empty() {
        let _ = w.write_record(["", ""]);
        let _ = w.write_record([
            t(lang, "langkah", "step"),
            t(lang, "baik_persen", "done_well_percent"),
        ]);
        for st in &r.checklist_steps {
            let _ = w.write_record([text_cell(&st.step), n(st.done_well_percent)]);
        }
    }
    let body = String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
    format!("\u{feff}{body}")
}

pub fn json(r: &Report) -> String {
    serde_json::to_string_pretty(r).unwrap_or_else(|_| "{}".into()) + "\n"
}

fn cohen(dz: f64, lang: &Lang) -> &'static str {
    let a = dz.abs();
    if a >= 0.8 {
        t(lang, "besar", "large")
    } else if a >= 0.5 {
        t(lang, "sedang", "medium")
    } else if a >= 0.2 {
        t(lang, "kecil", "small")
    } else {
        t(lang, "sangat kecil", "very small")
    }
}

fn hake(g: f64, lang: &Lang) -> &'static str {
    if g >= 0.7 {
        t(lang, "tinggi", "high")
    } else if g >= 0.3 {
        t(lang, "sedang", "medium")
    } else {
        t(lang, "rendah", "low")
    }
}

/// A section ready for a community-service report (pengabdian masyarakat).
pub fn markdown(r: &Report, quiz_title: &str, lang: &Lang) -> String {
    let s = &r.summary;
    let mut o = String::new();
    if let Some(note) = regraded_note(r, lang) {
        let _ = writeln!(o, "> {note}\n");
    }
    let _ = writeln!(
        o,
        "## {}: {quiz_title}\n",
        t(
            lang,
            "Hasil tes awal dan tes akhir",
            "Pre-test and post-test results"
        )
    );
    if let Some(c) = &r.class_info {
        let mut when = Vec::new();
        when.extend(c.starts.clone());
        when.extend(c.ends.clone());
        let _ = writeln!(
            o,
            "- **{}:** {}{}",
            t(lang, "Kegiatan", "Activity"),
            c.name,
            c.place.as_ref().map_or(String::new(), |p| format!(", {p}"))
        );
        if !when.is_empty() {
            let _ = writeln!(
                o,
                "- **{}:** {}",
                t(lang, "Waktu", "When"),
                when.join(" – ")
            );
        }
        if let Some(tr) = &c.trainer {
            let _ = writeln!(o, "- **{}:** {tr}", t(lang, "Pelatih", "Trainer"));
        }
    }
    let _ = writeln!(
        o,
        "- **{}:** {} ({}); {} {}\n",
        t(lang, "Peserta", "Participants"),
        r.participants.len(),
        roles(r, lang),
        s.n_paired,
        t(
            lang,
            "mengikuti tes awal dan tes akhir",
            "took both the pre-test and the post-test"
        )
    );
    let _ = writeln!(
        o,
        "| No | {} | {} | {} | {} | {} |",
        t(lang, "Nama", "Name"),
        t(lang, "Peran", "Role"),
        t(lang, "Tes awal", "Pre-test"),
        t(lang, "Tes akhir", "Post-test"),
        t(lang, "Perubahan", "Change")
    );
    let _ = writeln!(o, "| ---: | --- | --- | ---: | ---: | ---: |");
    for (i, p) in r.participants.iter().enumerate() {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} | {} |",
            i + 1,
            crate::core::printable(&p.name).replace('|', "/"),
            role_label(&p.role, lang),
            pct(p.pre, lang),
            pct(p.post, lang),
            change(p.change, lang)
        );
    }
    let _ = writeln!(
        o,
        "| | **{}** | | **{}** | **{}** | **{}** |\n",
        t(lang, "Rata-rata (SD)", "Mean (SD)"),
        format_args!("{} ({})", fig(s.pre.mean, 1, lang), fig(s.pre.sd, 1, lang)),
        format_args!(
            "{} ({})",
            fig(s.post.mean, 1, lang),
            fig(s.post.sd, 1, lang)
        ),
        fig(s.diff.mean, 1, lang)
    );
    let _ = writeln!(o, "### {}\n", t(lang, "Uji statistik", "Statistical tests"));
    if let Some(w) = small_n_warning(r, lang) {
        let _ = writeln!(o, "> {w}\n");
    }
    let df = s
        .paired_t
        .df
        .0
        .map_or("–".to_string(), |d| format!("{d:.0}"));
    let _ = writeln!(
        o,
        "- **{}:** t({df}) = {}, p {}. {}",
        t(lang, "Uji t berpasangan", "Paired t-test"),
        fig(s.paired_t.t, 2, lang),
        pval(s.paired_t.p, lang),
        verdict(s.paired_t.p, lang)
    );
    let _ = writeln!(
        o,
        "- **{}:** z = {}, p {}. {}",
        t(
            lang,
            "Uji Wilcoxon (peringkat bertanda)",
            "Wilcoxon signed-rank test"
        ),
        fig(s.wilcoxon.z, 2, lang),
        pval(s.wilcoxon.p, lang),
        t(
            lang,
            "Uji ini tidak menganggap nilai berdistribusi normal, jadi cocok untuk kelompok kecil.",
            "This test does not assume normally distributed scores, so it suits small groups."
        )
    );
    let _ = writeln!(o, "  {}", verdict(s.wilcoxon.p, lang));
    match s.effect_size_dz.0 {
        Ok(dz) => {
            let _ = writeln!(
                o,
                "- **{}:** dz = {} ({} {}).",
                t(lang, "Ukuran efek", "Effect size"),
                num(dz, 2, lang),
                t(lang, "efek", "a"),
                cohen(dz, lang)
            );
        }
        Err(u) => {
            let _ = writeln!(
                o,
                "- **{}:** – ({}).",
                t(lang, "Ukuran efek", "Effect size"),
                reason(u, lang)
            );
        }
    }
    match s.normalized_gain.0 {
        Ok(g) => {
            let _ = writeln!(
                o,
                "- **N-gain:** {} ({} {}).",
                num(g, 2, lang),
                t(lang, "kategori", "category"),
                hake(g, lang)
            );
        }
        Err(u) => {
            let _ = writeln!(o, "- **N-gain:** – ({}).", reason(u, lang));
        }
    }
    let _ = writeln!(
        o,
        "- **{}:** {} {}, {} {}.\n",
        t(lang, "Reliabilitas KR-20", "KR-20 reliability"),
        t(lang, "tes awal", "pre-test"),
        fig(r.reliability.pre_alpha, 2, lang),
        t(lang, "tes akhir", "post-test"),
        fig(r.reliability.post_alpha, 2, lang)
    );
    if !r.items.is_empty() {
        let _ = writeln!(o, "### {}\n", t(lang, "Butir soal", "Items"));
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | McNemar p |",
            t(lang, "Butir", "Item"),
            t(lang, "Benar awal", "Right, pre"),
            t(lang, "Benar akhir", "Right, post"),
            t(lang, "Daya beda", "Discrimination")
        );
        let _ = writeln!(o, "| --- | ---: | ---: | ---: | ---: |");
        for (n, i) in r.items.iter().enumerate() {
            let short = |v: Val, d| v.0.map_or("–".to_string(), |x| num(x, d, lang));
            let _ = writeln!(
                o,
                "| {} | {}% | {}% | {} | {} |",
                item_label(r, n, 60).replace('|', "/"),
                short(i.pre_facility, 0),
                short(i.post_facility, 0),
                short(i.pre_discrimination, 0),
                short(i.mcnemar_p, 3)
            );
        }
        let _ = writeln!(
            o,
            "\n{}",
            t(
                lang,
                "Butir dengan persentase benar rendah pada tes akhir perlu dibahas lagi dengan peserta.",
                "Items with a low share right in the post-test are worth going over again with the participants."
            )
        );
        let _ = writeln!(o);
    }
    monitoring_markdown(&mut o, r, lang);
    o
}
