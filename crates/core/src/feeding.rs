//! The programme's outcome as WHO and UNICEF (2021) measure it: what the baby had yesterday,
//! asked one kind of food or drink at a time (the 24-hour recall), whether that was exclusive
//! breastfeeding, and the baby's age in days; and the danger signs a home visit asks about.

use crate::dates::parse_day;

/// An answer of the recall: stored as `yes`, `no`, `unknown`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Recalled {
    /// The baby had it yesterday, day or night.
    Yes,
    /// The baby did not.
    No,
    /// The mother does not know.
    #[serde(rename = "unknown")]
    DontKnow,
}

impl Recalled {
    /// Every answer, in the order a form lists them.
    pub const ALL: [Recalled; 3] = [Recalled::Yes, Recalled::No, Recalled::DontKnow];

    /// The stored text.
    pub fn name(self) -> &'static str {
        match self {
            Recalled::Yes => "yes",
            Recalled::No => "no",
            Recalled::DontKnow => "unknown",
        }
    }

    /// The stored text read back exactly.
    pub fn from_name(s: &str) -> Option<Recalled> {
        Self::ALL.into_iter().find(|r| r.name() == s)
    }

    /// English or Indonesian as a person types it on paper, any case.
    pub fn parse(s: &str) -> Option<Recalled> {
        match s.trim().to_lowercase().as_str() {
            "yes" | "ya" | "y" | "1" => Some(Recalled::Yes),
            "no" | "tidak" | "t" | "n" | "0" => Some(Recalled::No),
            "unknown" | "tidak tahu" | "tt" | "?" | "don't know" | "dont know" => {
                Some(Recalled::DontKnow)
            }
            _ => None,
        }
    }
}

/// The kinds of food and drink the recall asks about, one question each, in the order asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Fed {
    /// Breast milk (from the breast or expressed).
    BreastMilk,
    /// Plain water.
    Water,
    /// Infant formula.
    Formula,
    /// Other milk: animal milk, tinned, powdered.
    OtherMilk,
    /// Juice, tea, sugar water, rice water (air tajin) and other drinks.
    Drinks,
    /// Porridge, mashed banana or any other food.
    Food,
    /// Oral rehydration salts, vitamin or mineral drops, medicines: allowed.
    Medicine,
}

impl Fed {
    /// Every question, in the order asked.
    pub const ALL: [Fed; 7] = [
        Fed::BreastMilk,
        Fed::Water,
        Fed::Formula,
        Fed::OtherMilk,
        Fed::Drinks,
        Fed::Food,
        Fed::Medicine,
    ];

    /// The name of its column in the data file, sheets and the JSON.
    pub fn name(self) -> &'static str {
        match self {
            Fed::BreastMilk => "breast_milk",
            Fed::Water => "water",
            Fed::Formula => "formula",
            Fed::OtherMilk => "other_milk",
            Fed::Drinks => "drinks",
            Fed::Food => "food",
            Fed::Medicine => "medicine",
        }
    }

    /// Whether a baby who had it yesterday was not exclusively breastfed.
    pub fn breaks_exclusive(self) -> bool {
        !matches!(self, Fed::BreastMilk | Fed::Medicine)
    }
}

/// What the baby had yesterday, one answer per [`Fed`] (the JSON keys are [`Fed::name`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recall {
    /// Breast milk.
    pub breast_milk: Recalled,
    /// Plain water.
    pub water: Recalled,
    /// Formula.
    pub formula: Recalled,
    /// Other milk.
    pub other_milk: Recalled,
    /// Juice, tea and other drinks.
    pub drinks: Recalled,
    /// Porridge or any food.
    pub food: Recalled,
    /// ORS, drops and medicines (allowed).
    pub medicine: Recalled,
}

impl Recall {
    /// Every answer the same: where a form starts.
    pub fn all(r: Recalled) -> Recall {
        Recall {
            breast_milk: r,
            water: r,
            formula: r,
            other_milk: r,
            drinks: r,
            food: r,
            medicine: r,
        }
    }

    /// The answer to one question.
    pub fn get(&self, f: Fed) -> Recalled {
        match f {
            Fed::BreastMilk => self.breast_milk,
            Fed::Water => self.water,
            Fed::Formula => self.formula,
            Fed::OtherMilk => self.other_milk,
            Fed::Drinks => self.drinks,
            Fed::Food => self.food,
            Fed::Medicine => self.medicine,
        }
    }

    /// The recall with one answer changed.
    pub fn with(mut self, f: Fed, r: Recalled) -> Recall {
        *match f {
            Fed::BreastMilk => &mut self.breast_milk,
            Fed::Water => &mut self.water,
            Fed::Formula => &mut self.formula,
            Fed::OtherMilk => &mut self.other_milk,
            Fed::Drinks => &mut self.drinks,
            Fed::Food => &mut self.food,
            Fed::Medicine => &mut self.medicine,
        } = r;
        self
    }

    /// Exclusively breastfed yesterday: breast milk, and nothing else but ORS, drops or
    /// medicines. `Some(false)` as soon as one answer rules it out (no breast milk, or anything
    /// else given); `None` when a "don't know" leaves it open.
    pub fn exclusive(&self) -> Option<bool> {
        let breaks = Fed::ALL.into_iter().filter(|f| f.breaks_exclusive());
        if self.breast_milk == Recalled::No || breaks.clone().any(|f| self.get(f) == Recalled::Yes)
        {
            return Some(false);
        }
        let known = self.breast_milk == Recalled::Yes
            && breaks.into_iter().all(|f| self.get(f) == Recalled::No);
        known.then_some(true)
    }
}

/// A baby is "under six months" from day 0 to day 179 of life (WHO/UNICEF 2021).
pub const UNDER_SIX_MONTHS_DAYS: i64 = 180;

/// The baby's age in days on a day, both stored dates; `None` when either is not a date or the
/// day is before the birth.
pub fn age_days(born: &str, on: &str) -> Option<i64> {
    let age = (parse_day(on)? - parse_day(born)?).num_days();
    (age >= 0).then_some(age)
}

/// Where one visit's baby stands in the indicator "exclusive breastfeeding under six months".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ebf {
    /// Under six months and exclusively breastfed yesterday: in the numerator.
    Exclusive,
    /// Under six months and not exclusively breastfed: in the denominator only.
    NotExclusive,
    /// Under six months, but a "don't know" leaves the recall open: left out, counted.
    Unknown,
    /// Six months or older at the visit: left out of the denominator, counted.
    SixMonthsOrOlder,
    /// No birth date, so no age: left out, counted.
    NoBirthDate,
    /// The visit did not ask the recall (made before pijat asked it): left out, counted.
    NotAsked,
}

impl Ebf {
    /// A visit's place in the indicator from the baby's birth date, the visit's day and its
    /// recall.
    pub fn of(born: Option<&str>, visited_on: &str, recall: Option<&Recall>) -> Ebf {
        let Some(recall) = recall else {
            return Ebf::NotAsked;
        };
        let Some(age) = born.and_then(|b| age_days(b, visited_on)) else {
            return Ebf::NoBirthDate;
        };
        if age >= UNDER_SIX_MONTHS_DAYS {
            return Ebf::SixMonthsOrOlder;
        }
        match recall.exclusive() {
            Some(true) => Ebf::Exclusive,
            Some(false) => Ebf::NotExclusive,
            None => Ebf::Unknown,
        }
    }

    /// In the denominator (a baby under six months whose recall settles it).
    pub fn counted(self) -> bool {
        matches!(self, Ebf::Exclusive | Ebf::NotExclusive)
    }
}

/// The danger signs a visit asks about, and the referral.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Danger {
    /// The mother shows a danger sign (heavy bleeding, fainting, severe headache or blurred
    /// vision, breathlessness: content-facts §3a, after Buku KIA).
    pub mother: bool,
    /// The baby shows a danger sign (feeds poorly, convulsions, fast breathing, hot or cold,
    /// yellow palms and soles…).
    pub baby: bool,
    /// Where they were referred (the midwife, the puskesmas…); `None` when not referred.
    pub referred_to: Option<String>,
}

impl Danger {
    /// Neither shows a sign, nobody referred.
    pub const NONE: Danger = Danger {
        mother: false,
        baby: false,
        referred_to: None,
    };

    /// A sign in mother or baby.
    pub fn any(&self) -> bool {
        self.mother || self.baby
    }

    /// A sign that was not referred: the visit list's red flag.
    pub fn unreferred(&self) -> bool {
        self.any() && self.referred_to.is_none()
    }
}

#[cfg(test)]
mod tests;
