//! What checking a secret found, and the shapes a secret must have.

/// What checking a PIN found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinCheck {
    /// The PIN is right.
    Right,
    /// Wrong: the next try is allowed after this many seconds.
    Wrong {
        /// Seconds before the next try.
        wait_seconds: u64,
    },
    /// Too soon after a wrong try: wait this many more seconds.
    Wait {
        /// Seconds to wait.
        seconds: u64,
    },
}

/// What trying a recovery code found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecoverCheck {
    /// The PIN is set; this is the new recovery code to write down.
    Right(String),
    /// Wrong: the next try must wait.
    Wrong {
        /// Seconds before the next try.
        wait_seconds: u64,
    },
    /// Too soon after a wrong try.
    Wait {
        /// Seconds to wait.
        seconds: u64,
    },
}

/// 4 to 12 digits.
pub fn valid_pin(pin: &str) -> bool {
    (4..=12).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit())
}

/// Exactly four digits.
pub fn valid_code(code: &str) -> bool {
    code.len() == 4 && code.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pins_are_four_to_twelve_digits_and_codes_exactly_four() {
        assert!(valid_pin("1234") && valid_pin("123456789012"));
        assert!(!valid_pin("123") && !valid_pin("12a4") && !valid_pin("1234567890123"));
        assert!(valid_code("0042") && !valid_code("042") && !valid_code("12a4"));
    }
}
