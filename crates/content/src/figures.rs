//! The figures the app can draw, and the regions of each that a page or step may highlight.
//! Content names them; the terminal shell draws them.

/// A figure content may show beside a page or a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Figure {
    /// The back seen from behind: where and which way the thumbs work.
    Back,
    /// Two loose fists with the thumbs pointing forward.
    Hands,
    /// The mother sitting, leaning forward on a table.
    Position,
    /// Suckling → brain → pituitary hormones → breast.
    Reflex,
    /// Alveoli, the cells around them, ducts, nipple.
    Breast,
    /// The interactive chart of supply adapting to milk removal.
    SupplyDemand,
}

impl Figure {
    /// Every figure.
    pub const ALL: [Figure; 6] = [
        Figure::Back,
        Figure::Hands,
        Figure::Position,
        Figure::Reflex,
        Figure::Breast,
        Figure::SupplyDemand,
    ];

    /// Its name in content files (`back`, `hands`…).
    pub fn name(self) -> &'static str {
        match self {
            Figure::Back => "back",
            Figure::Hands => "hands",
            Figure::Position => "position",
            Figure::Reflex => "reflex",
            Figure::Breast => "breast",
            Figure::SupplyDemand => "supply-demand",
        }
    }

    /// The figure a content file names.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The regions of the figure a page or step may highlight.
    pub fn regions(self) -> &'static [&'static str] {
        match self {
            Figure::Back => &[
                "head",
                "neck",
                "spine",
                "scapula",
                "costa-5-6",
                "thumb-lines",
                "strokes",
                "lower-back",
            ],
            Figure::Hands => &["fists", "thumbs", "circles"],
            Figure::Position => &["chair", "table", "arms", "towel"],
            Figure::Reflex => &[
                "hypothalamus",
                "posterior-pituitary",
                "anterior-pituitary",
                "breast",
                "baby",
            ],
            Figure::Breast => &["alveoli", "myoepithelial", "ducts", "nipple"],
            Figure::SupplyDemand => &["removal", "supply"],
        }
    }

    /// Every figure's name, for messages.
    pub fn names() -> String {
        Self::ALL.map(Figure::name).join(", ")
    }
}

/// How a timed step paces the hands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    /// A calm circle that grows and shrinks at the rhythm of the strokes.
    Circle,
}

impl Cue {
    /// One breath of the pacing rhythm: two seconds growing (a stroke up), two shrinking.
    pub const PACE: std::time::Duration = std::time::Duration::from_secs(4);

    /// The figure a content file names.
    pub fn from_name(name: &str) -> Option<Self> {
        (name == "circle").then_some(Cue::Circle)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_figure_round_trips_by_name_and_has_regions() {
        for f in Figure::ALL {
            assert_eq!(Figure::from_name(f.name()), Some(f));
            assert!(!f.regions().is_empty());
        }
        assert_eq!(Figure::from_name("front"), None);
    }
}
