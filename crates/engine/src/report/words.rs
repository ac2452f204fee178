//! The words and number forms the report uses, in Indonesian or English.

use super::stats::Undefined;
use super::types::{Category, GainCategory, Val};
use pijat_content::Lang;
use pijat_core::strings::report::tr;

/// A number with `d` decimals; Indonesian uses a decimal comma. A value that rounds to zero is
/// `0`, never `-0`.
pub fn num(x: f64, d: usize, lang: &Lang) -> String {
    let mut s = format!("{x:.d$}");
    if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') {
        s.remove(0);
    }
    lang.decimal_mark(s)
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
        assert_eq!(num(-1.5, 1, &id), "-1,5");
        assert_eq!(short(52.0, 1, &id), "52");
        assert_eq!(short(52.5, 1, &id), "52,5");
        assert_eq!(short(-0.04, 1, &id), "0");
        assert_eq!(p_is(0.0004, &id), "p < 0,001");
        assert_eq!(p_is(0.0123, &Lang::en()), "p = 0.012");
    }
}
