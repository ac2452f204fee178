//! The cadres' phone forms (ODK Collect) for one class: the daftar tilik of each routine and the
//! home-visit form, built from the content and the roster with a version that follows both;
//! the class's password; what each submission becomes (one transaction, once per instance id);
//! and what has arrived, for the trainer. Knows no HTTP: the web shell serves this.

mod arrivals;
mod export;
mod read;
mod submission;

use std::path::Path;
use std::sync::Mutex;

use blake2::{Blake2s256, Digest};
use md5::Md5;
use rand::RngExt;

use pijat_content::{Content, Routine};
use pijat_core::{Bilingual, Role};
use pijat_engine::odk::{self, Form, Member};
use pijat_store::{ClassRecord, Store};

pub use arrivals::{Arrival, Outcome};
pub use export::import_export;
pub use read::Record;
pub use submission::{Fields, MAX_SUBMISSION, parse_submission};

/// The user name every phone of a class signs in with.
pub const USER: &str = "kader";

/// One form as the server offers it.
#[derive(Clone, Debug)]
pub struct Served {
    /// The form (its questions, id and version).
    pub form: Form,
    /// The routine of a daftar tilik; `None` for the visit form.
    pub routine: Option<Routine>,
    /// The XForm document.
    pub xml: String,
    /// `md5:` and the hex MD5 of [`Served::xml`], as the form list gives it.
    pub hash: String,
}

/// Why a submission was not saved, and how the phone should be answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Not a form this class serves, or its answers do not hold: sending again will not help.
    Invalid(Bilingual),
    /// The same record is already here from elsewhere (a sheet, the app, another phone).
    Conflict(Bilingual),
    /// The laptop could not save (disk full, file locked): the phone keeps it and tries later.
    Unavailable(Bilingual),
}

impl Refusal {
    /// What the cadre reads.
    pub fn message(&self) -> &Bilingual {
        match self {
            Refusal::Invalid(m) | Refusal::Conflict(m) | Refusal::Unavailable(m) => m,
        }
    }
}

/// The forms of one class, and the door through which their submissions become records.
pub struct FormDesk {
    class: ClassRecord,
    password: String,
    forms: Vec<Served>,
    store: Mutex<Store>,
    /// What arrived, in order.
    pub arrivals: arrivals::Log,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The form with its version set from a hash of everything else in it, and its document.
fn served(mut form: Form, routine: Option<&Routine>) -> Served {
    let unversioned = odk::xform(&form);
    let digest = Blake2s256::digest(unversioned.as_bytes());
    form.version = hex(digest.get(..5).unwrap_or_default());
    let xml = odk::xform(&form);
    let hash = format!("md5:{}", hex(&Md5::digest(xml.as_bytes())));
    Served {
        form,
        routine: routine.cloned(),
        xml,
        hash,
    }
}

/// A password for a class's phones: 8 letters and digits that cannot be mistaken for each
/// other when read off the screen.
fn new_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut rng = rand::rng();
    (0..8)
        .filter_map(|_| ALPHABET.get(rng.random_range(0..ALPHABET.len())))
        .map(|b| char::from(*b))
        .collect()
}

/// A class by its name and its roster, which must not be empty: forms need someone to pick.
fn class_roster(
    store: &Store,
    name: &str,
) -> Result<(ClassRecord, Vec<(Member, Role)>), Bilingual> {
    let class = store
        .class_by_name(name)
        .map_err(|e| e.message())?
        .ok_or_else(|| pijat_core::both!(classroom, class_missing, n = name))?;
    let roster: Vec<(Member, Role)> = store
        .members(&class.id)
        .map_err(|e| e.message())?
        .into_iter()
        .map(|p| {
            (
                Member {
                    id: p.id,
                    name: p.name,
                },
                p.role,
            )
        })
        .collect();
    if roster.is_empty() {
        return Err(pijat_core::both!(odk, empty_roster, class = class.name));
    }
    Ok((class, roster))
}

/// The class's forms: a daftar tilik per routine (every member), then the visit form (the
/// fathers).
pub fn forms_of(content: &Content, roster: &[(Member, Role)]) -> Vec<Served> {
    let everyone: Vec<Member> = roster.iter().map(|(m, _)| m.clone()).collect();
    let fathers: Vec<Member> = roster
        .iter()
        .filter(|(_, r)| *r == Role::Father)
        .map(|(m, _)| m.clone())
        .collect();
    let mut out: Vec<Served> = content
        .routines()
        .map(|r| served(odk::tilik(r, &everyone), Some(r)))
        .collect();
    if !fathers.is_empty() {
        out.push(served(odk::visit(&fathers), None));
    }
    out
}

impl FormDesk {
    /// The forms of a class as its roster stands now, with its own connection to the data
    /// file. A class with nobody on its roster has nothing to serve.
    pub fn open(content: &Content, data_dir: &Path, class: &str) -> Result<FormDesk, Bilingual> {
        let store = Store::open(data_dir).map_err(|e| e.message())?;
        let (class, roster) = class_roster(&store, class)?;
        let password = store
            .forms_password(&class.id, &new_password())
            .map_err(|e| e.message())?;
        Ok(FormDesk {
            forms: forms_of(content, &roster),
            class,
            password,
            store: Mutex::new(store),
            arrivals: arrivals::Log::default(),
        })
    }

    /// The class's name.
    pub fn class_name(&self) -> &str {
        &self.class.name
    }

    /// The password the class's phones sign in with (user [`USER`]).
    pub fn password(&self) -> &str {
        &self.password
    }

    /// The forms served.
    pub fn forms(&self) -> &[Served] {
        &self.forms
    }

    /// One served form by its id.
    pub fn form(&self, id: &str) -> Option<&Served> {
        self.forms.iter().find(|f| f.form.id == id)
    }

    /// What ODK Collect's "Configure with QR code" reads: this server, the user, the password,
    /// and forms kept exactly as the server lists them (a new version replaces the old one on
    /// the phone). Nothing more, so the code stays small enough for a 120×30 console; the
    /// forms open in Indonesian, their default, and Collect's menu switches them to English.
    pub fn collect_settings(&self, url: &str) -> String {
        use collect_settings::{FormUpdateMode, General, Settings};
        let settings = Settings {
            general: General {
                server_url: Some(url.trim_end_matches('/').to_string()),
                username: Some(USER.to_string()),
                password: Some(self.password.clone()),
                form_update_mode: Some(FormUpdateMode::MatchExactly),
                ..General::default()
            },
            admin: collect_settings::Admin::default(),
            project: None,
        };
        settings.encode().unwrap_or_default()
    }

    /// A submission (the XForm instance document) made a record, or why not. Each outcome is
    /// also logged for the trainer.
    pub fn receive(&self, xml: &[u8]) -> Result<Arrival, Refusal> {
        let got = self.receive_quietly(xml);
        let arrival = match &got {
            Ok(a) => a.clone(),
            Err(r) => Arrival::refused(r.message().clone()),
        };
        self.arrivals.push(arrival);
        got
    }

    fn receive_quietly(&self, xml: &[u8]) -> Result<Arrival, Refusal> {
        let fields = parse_submission(xml).map_err(Refusal::Invalid)?;
        let form_id = fields.form_id.clone();
        let served = self.form(&form_id).ok_or_else(|| {
            Refusal::Invalid(pijat_core::both!(odk, unknown_form, form = form_id))
        })?;
        let class = (self.class.id.as_str(), self.class.name.as_str());
        let record = read::record(served, &fields, class)?;
        let store = self.store.lock().unwrap_or_else(|p| p.into_inner());
        read::save(&store, &record)
    }
}

/// A class's forms as XLSForm workbooks (`.xlsx` bytes), each with its form id: for a
/// puskesmas that runs its own KoboToolbox or ODK Central.
pub fn xlsforms(
    records: &crate::Records,
    content: &Content,
    class: &str,
) -> Result<Vec<(String, Vec<u8>)>, Bilingual> {
    let (_, roster) = class_roster(records.store(), class)?;
    forms_of(content, &roster)
        .into_iter()
        .map(|s| {
            odk::xlsform(&s.form)
                .map(|bytes| (s.form.id.clone(), bytes))
                .map_err(|e| {
                    let m = e.to_string();
                    pijat_core::both!(classroom, server_failed, m = m)
                })
        })
        .collect()
}

#[cfg(test)]
mod tests;
