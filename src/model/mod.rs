//! Small pure models behind interactive illustrations.

pub mod supply_demand;
