//! The words and number forms the report uses, in Indonesian or English.

use super::stats::Undefined;
use super::types::{Category, GainCategory, Val};
use pijat_content::Lang;
use pijat_core::strings::report::tr;

/// The works the report cites (APA style, as Indonesian journals print them), in order.
pub const REFERENCES: [&str; 7] = [
    "Arikunto, S. (2010). Prosedur penelitian: Suatu pendekatan praktik (Ed. revisi). Jakarta: Rineka Cipta.",
    "Cohen, J. (1988). Statistical power analysis for the behavioral sciences (2nd ed.). Hillsdale, NJ: Lawrence Erlbaum Associates.",
    "Hake, R. R. (1998). Interactive-engagement versus traditional methods: A six-thousand-student survey of mechanics test data for introductory physics courses. American Journal of Physics, 66(1), 64–74.",
    "Holm, S. (1979). A simple sequentially rejective multiple test procedure. Scandinavian Journal of Statistics, 6(2), 65–70.",
    "Kuder, G. F., & Richardson, M. W. (1937). The theory of the estimation of test reliability. Psychometrika, 2(3), 151–160.",
    "Shapiro, S. S., & Wilk, M. B. (1965). An analysis of variance test for normality (complete samples). Biometrika, 52(3–4), 591–611.",
    "Wilcoxon, F. (1945). Individual comparisons by ranking methods. Biometrics Bulletin, 1(6), 80–83.",
];

/// Cited only where the report shows the programme's outcome (exclusive breastfeeding).
pub const OUTCOME_REFERENCES: [&str; 2] = [
    "WHO & UNICEF. (2021). Indicators for assessing infant and young child feeding practices: Definitions and measurement methods. Geneva: World Health Organization and the United Nations Children's Fund.",
    "Wilson, E. B. (1927). Probable inference, the law of succession, and statistical inference. Journal of the American Statistical Association, 22(158), 209–212.",
];

/// A number with `d` decimals for data (CSV): a point and a hyphen-minus, rounded as SPSS and
/// Excel round: the value to 15 significant digits, then half away from zero (61,25 → 61,3;
/// −11,25 → −11,3; 1,005 → 1,01). A value that rounds to zero is `0`, never `-0`.
pub fn fixed(x: f64, d: usize) -> String {
    if !x.is_finite() {
        return format!("{x}");
    }
    let scale = 10f64.powi(i32::try_from(d).unwrap_or(i32::MAX));
    // 15 significant digits take off the binary noise of the scaling (61.25 × 10 is 612.5).
    let scaled: f64 = format!("{:.14e}", x * scale).parse().unwrap_or(x * scale);
    let rounded = scaled.round() / scale;
    let s = format!("{rounded:.d$}");
    match s.strip_prefix('-') {
        Some(rest) if rest.chars().all(|c| c == '0' || c == '.') => rest.to_string(),
        _ => s,
    }
}

/// A number with `d` decimals for people: Indonesian uses a decimal comma, and a negative
/// number the minus sign (−3,59), as [`fixed`] rounds it.
pub fn num(x: f64, d: usize, lang: &Lang) -> String {
    lang.decimal_mark(fixed(x, d)).replacen('-', "−", 1)
}

/// Like [`num`] with trailing zero decimals dropped: `52`, `52,5`.
pub fn short(x: f64, d: usize, lang: &Lang) -> String {
    let s = num(x, d, lang);
    if s.contains([',', '.']) {
        s.trim_end_matches('0')
            .trim_end_matches([',', '.'])
            .to_string()
    } else {
        s
    }
}

/// A p-value as reports give it: `0,012`, or `< 0,001`.
pub fn p_text(p: f64, lang: &Lang) -> String {
    if p < 0.001 {
        format!("< {}", num(0.001, 3, lang))
    } else {
        num(p, 3, lang)
    }
}

/// `p = 0,012` or `p < 0,001`.
pub fn p_is(p: f64, lang: &Lang) -> String {
    if p < 0.001 {
        format!("p {}", p_text(p, lang))
    } else {
        format!("p = {}", p_text(p, lang))
    }
}

/// Why a figure is missing, in words.
pub fn reason(u: Undefined, lang: &Lang) -> &'static str {
    match u {
        Undefined::TooFew => tr(lang).too_few_people,
        Undefined::NoVariation => tr(lang).no_variation,
        Undefined::AllZero => tr(lang).no_one_changed,
        Undefined::NoDiscordant => tr(lang).no_one_changed_item,
        Undefined::PerfectPre => tr(lang).pre_test_was_already,
        Undefined::TooMany => tr(lang).more_than_25_differences,
    }
}

/// A figure, or "–" with the reason.
pub fn fig(v: Val, d: usize, lang: &Lang) -> String {
    match v.0 {
        Ok(x) => num(x, d, lang),
        Err(u) => format!("– ({})", reason(u, lang)),
    }
}

/// A role as the reader's language names it.
pub fn role_label(role: &str, lang: &Lang) -> String {
    pijat_core::Role::parse(role)
        .map_or(role.to_string(), |r| r.label().get(lang.code()).to_string())
}

/// A category in words.
pub fn category(c: Category, lang: &Lang) -> &'static str {
    match c {
        Category::Good => tr(lang).key_good,
        Category::Fair => tr(lang).key_fair,
        Category::Poor => tr(lang).key_poor,
    }
}

/// A gain category in words.
pub fn gain_category(c: Option<GainCategory>, lang: &Lang) -> &'static str {
    match c {
        Some(GainCategory::High) => tr(lang).high,
        Some(GainCategory::Medium) => tr(lang).medium,
        Some(GainCategory::Low) => tr(lang).low,
        None => tr(lang).no_category_fall,
    }
}

/// Cohen's conventional sizes of an effect.
pub fn cohen(dz: f64, lang: &Lang) -> &'static str {
    let a = dz.abs();
    if a >= 0.8 {
        tr(lang).large
    } else if a >= 0.5 {
        tr(lang).medium
    } else if a >= 0.2 {
        tr(lang).small
    } else {
        tr(lang).very_small
    }
}

/// Competent, not yet, or not observed, in words.
pub fn competent_label(c: Option<bool>, lang: &Lang) -> &'static str {
    match c {
        Some(true) => tr(lang).competent,
        Some(false) => tr(lang).not_yet_competent,
        None => "–",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_negative_zero_and_short_forms() {
        let id = Lang::id();
        assert_eq!(num(-0.001, 2, &id), "0,00");
        assert_eq!(num(-0.4, 0, &Lang::en()), "0");
        assert_eq!(num(-1.5, 1, &id), "−1,5");
        assert_eq!(short(52.0, 1, &id), "52");
        assert_eq!(short(52.5, 1, &id), "52,5");
        assert_eq!(short(-0.04, 1, &id), "0");
        assert_eq!(p_is(0.0004, &id), "p < 0,001");
        assert_eq!(p_is(0.0123, &Lang::en()), "p = 0.012");
    }
}

#[cfg(test)]
mod rounding_tests {
    use super::*;

    /// As SPSS and Excel show them (Excel: =ROUND(x; d)).
    #[test]
    fn halves_round_away_from_zero_as_spss_and_excel_do() {
        let id = Lang::id();
        for (x, d, shown) in [
            (61.25, 1, "61,3"),
            (-11.25, 1, "−11,3"),
            (36.25, 1, "36,3"),
            (90.625, 2, "90,63"),
            (1.005, 2, "1,01"),
            (2.5, 0, "3"),
            (-0.04, 1, "0,0"),
            (0.0005, 3, "0,001"),
            (54.375, 1, "54,4"),
        ] {
            assert_eq!(num(x, d, &id), shown, "{x}");
        }
        assert_eq!(fixed(-3.594, 2), "-3.59", "data keep the hyphen-minus");
        assert_eq!(num(-3.594, 2, &Lang::en()), "−3.59");
    }
}
