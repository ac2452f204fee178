//! Whether milk flowed after the massage, as a home visit records it.

/// The answer to "did milk flow after the massage?": stored as `yes`, `no`, `unsure`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MilkFlow {
    /// Milk flowed.
    Yes,
    /// It did not.
    No,
    /// The mother could not tell.
    Unsure,
}

impl MilkFlow {
    /// Every answer, in the order a form lists them.
    pub const ALL: [MilkFlow; 3] = [MilkFlow::Yes, MilkFlow::No, MilkFlow::Unsure];

    /// The stored text: `yes`, `no`, `unsure`.
    pub fn name(self) -> &'static str {
        match self {
            MilkFlow::Yes => "yes",
            MilkFlow::No => "no",
            MilkFlow::Unsure => "unsure",
        }
    }

    /// English or Indonesian, any case.
    pub fn parse(s: &str) -> Option<MilkFlow> {
        match s.trim().to_lowercase().as_str() {
            "yes" | "ya" | "y" => Some(MilkFlow::Yes),
            "no" | "tidak" | "n" => Some(MilkFlow::No),
            "unsure" | "ragu" | "ragu-ragu" | "tidak tahu" | "?" => Some(MilkFlow::Unsure),
            _ => None,
        }
    }
}
