//! The home-visit sheet typed in from the paper form: its columns (the outcome's optional, so an
//! older sheet still reads), each row checked by the one visit rule.

use super::sheets::{MonitoringSheet, bad_date, incomplete};
use super::*;
use crate::sheets::SheetRules;
use pijat_core::Mode;
use pijat_core::records::VisitFindings;
use pijat_store::{Result, Store};

/// A sheet of follow-up home visits.
pub struct Visits;

impl MonitoringSheet for Visits {
    type Row = VisitSheetRow;
    #[rustfmt::skip]
    const HEADER: &'static [(&'static str, &'static str)] = &[("name", "nama"), ("date", "tanggal"), ("milk_flow", "asi_lancar"), ("comfort", "nyaman"), ("massages_per_day", "pijat_per_hari"), ("notes", "catatan"),];
    /// The outcome's columns (issue 27): a sheet from before them still reads.
    #[rustfmt::skip]
    const OPTIONAL: &'static [(&'static str, &'static str)] = &[("breast_milk", "asi"), ("water", "air_putih"), ("formula", "susu_formula"), ("other_milk", "susu_lain"), ("drinks", "minuman_lain"), ("food", "makanan"), ("medicine", "obat"), ("danger_mother", "bahaya_ibu"), ("danger_baby", "bahaya_bayi"), ("referred_to", "dirujuk_ke")];

    fn read(&self, f: &[String]) -> std::result::Result<VisitSheetRow, Vec<Bilingual>> {
        let [f0, f1, f2, f3, f4, f5, outcome @ ..] = f else {
            return Err(vec![incomplete(Self::HEADER)]);
        };
        let [b, w, fo, om, dr, fd, me, dm, db, rt] = outcome else {
            return Err(vec![incomplete(Self::HEADER)]);
        };
        let columns: Vec<&str> = Self::OPTIONAL.iter().map(|(_, id)| *id).collect();
        let [cb, cw, cfo, com, cdr, cfd, cme, cdm, cdb, _] = columns.as_slice() else {
            return Err(vec![incomplete(Self::HEADER)]);
        };
        let mut wrong = Vec::new();
        let name = clean_name(f0).map_err(|e| wrong.push(e.message())).ok();
        let today = chrono::Local::now().format("%Y-%m-%d").to_string();
        let date = parse_date(f1);
        if date.is_none() {
            wrong.push(bad_date(f1));
        }
        let date = date.filter(|d| {
            visit_rule::visit_day(None, d, &today)
                .map_err(|e| wrong.push(e))
                .is_ok()
        });
        let milk_flow = MilkFlow::parse(f2);
        if milk_flow.is_none() {
            let v = f2.trim();
            wrong.push(pijat_core::both!(
                messages,
                milk_flow_not_known_write,
                v = v
            ));
        }
        let comfort = visit_rule::comfort(f3);
        if comfort.is_none() {
            let v = f3.trim();
            wrong.push(pijat_core::both!(messages, comfort_must_number_1_5, v = v));
        }
        let massages = visit_rule::massages_per_day(f4)
            .map_err(|v| {
                wrong.push(pijat_core::both!(
                    messages,
                    massages_per_day_must_number,
                    v = v
                ))
            })
            .ok();
        let cells = [
            (*cb, b.as_str()),
            (*cw, w),
            (*cfo, fo),
            (*com, om),
            (*cdr, dr),
            (*cfd, fd),
            (*cme, me),
        ];
        let recall = visit_rule::recall(&cells).map_err(|e| wrong.extend(e)).ok();
        let danger = visit_rule::danger((cdm, dm), (cdb, db), rt)
            .map_err(|e| wrong.extend(e))
            .ok();
        match (name, date, milk_flow, comfort, massages, recall, danger) {
            (
                Some(name),
                Some(date),
                Some(milk_flow),
                Some(comfort),
                Some(massages_per_day),
                Some(recall),
                Some(danger),
            ) => Ok(VisitSheetRow {
                name,
                date,
                findings: VisitFindings {
                    milk_flow,
                    comfort,
                    massages_per_day,
                    notes: Some(f5.trim().to_string()).filter(|n| !n.is_empty()),
                    recall,
                    danger,
                },
            }),
            _ => Err(wrong),
        }
    }

    fn name<'r>(&self, row: &'r VisitSheetRow) -> &'r str {
        &row.name
    }

    fn key(&self, r: &VisitSheetRow) -> String {
        format!("{}\n{}", pijat_store::name_key(&r.name), r.date)
    }

    fn earlier(
        &self,
        store: &Store,
        profile_id: &str,
        r: &VisitSheetRow,
    ) -> Result<Option<(Mode, Option<String>)>> {
        Ok(store
            .same_visit(profile_id, &r.date)?
            .map(|v| (v.mode, v.class_id)))
    }

    fn save(
        &self,
        store: &mut Store,
        class: &str,
        good: &[VisitSheetRow],
        rules: SheetRules,
    ) -> Result<usize> {
        store.import_visits(class, good, rules.replace, rules.roster)
    }
}
