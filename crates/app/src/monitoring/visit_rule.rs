//! What a home visit may record: one rule for the visit form, the sheet import and the phone
//! form.

use std::ops::RangeInclusive;

/// Comfort is scored from 1 (not comfortable) to 5 (very comfortable).
pub const COMFORT: RangeInclusive<u8> = 1..=5;

/// The most massages a day a visit may record.
pub const MAX_MASSAGES_PER_DAY: u32 = 24;

/// The massages-a-day field as typed: empty means not asked (`Ok(None)`); otherwise a whole
/// number from 0 to [`MAX_MASSAGES_PER_DAY`]. `Err` carries what was typed, trimmed.
pub fn massages_per_day(typed: &str) -> Result<Option<u32>, &str> {
    match typed.trim() {
        "" => Ok(None),
        v => match v.parse::<u32>() {
            Ok(n) if n <= MAX_MASSAGES_PER_DAY => Ok(Some(n)),
            _ => Err(v),
        },
    }
}

/// The comfort field as typed, when it is a score from 1 to 5.
pub fn comfort(typed: &str) -> Option<u8> {
    typed.trim().parse().ok().filter(|c| COMFORT.contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn massages_are_none_or_0_to_24_and_comfort_1_to_5() {
        assert_eq!(massages_per_day(" "), Ok(None));
        assert_eq!(massages_per_day("0"), Ok(Some(0)));
        assert_eq!(massages_per_day(" 24 "), Ok(Some(24)));
        assert_eq!(massages_per_day("25"), Err("25"));
        assert_eq!(massages_per_day("-1"), Err("-1"));
        assert_eq!(massages_per_day("dua"), Err("dua"));
        assert_eq!(comfort("1"), Some(1));
        assert_eq!(comfort(" 5"), Some(5));
        assert_eq!(comfort("0"), None);
        assert_eq!(comfort("6"), None);
        assert_eq!(comfort("4,5"), None);
    }
}
