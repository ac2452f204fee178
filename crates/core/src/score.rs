//! A score: right answers out of the questions of an attempt, and the ways it is written. The
//! engine's `grade` is the one place a score is summed ([`Score::of`]); everything else carries
//! it as this type.

/// Right answers out of the questions of the attempt; the percentage is kept exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Score {
    /// Right answers.
    pub right: u32,
    /// Questions.
    pub total: u32,
}

impl Score {
    /// The one sum every score is made by: one point per right answer out of `total`
    /// questions. `rights` says of each answer whether it was right, by today's key (the engine's `grade`)
    /// or by the key it was given under (an attempt that goes on after the set changed).
    pub fn of(total: usize, rights: impl IntoIterator<Item = bool>) -> Score {
        let right = rights.into_iter().filter(|r| *r).count();
        Score {
            right: right as u32,
            total: total as u32,
        }
    }

    /// The exact percentage.
    pub fn percent(self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            100.0 * f64::from(self.right) / f64::from(self.total)
        }
    }

    /// The percentage rounded to a whole number (half up), as in `score 7/9 (78%)`.
    pub fn whole_percent(self) -> u32 {
        if self.total == 0 {
            return 0;
        }
        (200 * self.right + self.total) / (2 * self.total)
    }

    /// The percentage with at most one decimal: `70`, `66.7`.
    pub fn display(self) -> String {
        format_percent(self.percent())
    }

    /// The percentage as the reader's language writes it (`66,7` in Indonesian).
    pub fn display_in(self, lang: &crate::Lang) -> String {
        format_percent_in(self.percent(), lang)
    }

    /// Compared exactly, so 69.95% does not pass a 70% bar.
    pub fn passes(self, pass_percent: u8) -> bool {
        u64::from(self.right) * 100 >= u64::from(pass_percent) * u64::from(self.total)
    }
}

/// A percentage with at most one decimal, without a trailing `.0`.
pub fn format_percent(p: f64) -> String {
    let s = format!("{:.1}", p);
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// A percentage as the reader's language writes it: a decimal comma in Indonesian (`92,3`).
pub fn format_percent_in(p: f64, lang: &crate::Lang) -> String {
    decimal_for(format_percent(p), lang)
}

/// A change in points as the reader's language writes it (`+12,5` in Indonesian).
pub fn format_change_in(points: f64, lang: &crate::Lang) -> String {
    decimal_for(format_change(points), lang)
}

fn decimal_for(s: String, lang: &crate::Lang) -> String {
    lang.decimal_mark(s)
}

/// A change in percentage points with its sign: `+30`, `-12.5`, `0`.
pub fn format_change(points: f64) -> String {
    let s = format_percent(points);
    if points > 0.0 && s != "0" {
        format!("+{s}")
    } else {
        s
    }
}
