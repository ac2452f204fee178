//! A submission read strictly: a size bound, UTF-8, no document type (so no entity of any kind,
//! internal or external), a bound on nodes, the form's id and version from the root, each answer
//! by its field name, and the instance id that makes a resend the same record.

use std::collections::BTreeMap;

use pijat_core::Bilingual;

/// The largest submission read, in bytes: these forms hold text and numbers, no photos.
pub const MAX_SUBMISSION: usize = 256 * 1024;
/// The most XML nodes a submission may hold (a daftar tilik of 30 steps has under 300).
const MAX_NODES: u32 = 20_000;

/// A submission's answers by field name (groups opened: a field's name is unique in a form).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fields {
    /// The root's `id`: which form.
    pub form_id: String,
    /// The root's `version`: which version of it the phone filled.
    pub version: String,
    /// The instance id's UUID, lower case: the record's id.
    pub instance_id: String,
    /// Each answer, by field name.
    pub values: BTreeMap<String, String>,
}

fn wrong(why: impl std::fmt::Display) -> Bilingual {
    let why = why.to_string();
    pijat_core::both!(odk, not_a_submission, why = why)
}

/// `uuid:` and a UUID (any case) as its lower-case UUID; anything else is `None`.
pub(super) fn instance_uuid(v: &str) -> Option<String> {
    let u = v.trim();
    let u = u.strip_prefix("uuid:").unwrap_or(u).to_ascii_lowercase();
    let groups: Vec<&str> = u.split('-').collect();
    let lens: Vec<usize> = groups.iter().map(|g| g.len()).collect();
    let hex = groups
        .iter()
        .all(|g| g.chars().all(|c| c.is_ascii_hexdigit()));
    (lens == [8, 4, 4, 4, 12] && hex).then_some(u)
}

/// The answers of a submission, or what makes it not one.
pub fn parse_submission(bytes: &[u8]) -> Result<Fields, Bilingual> {
    if bytes.len() > MAX_SUBMISSION {
        let n = MAX_SUBMISSION / 1024;
        return Err(pijat_core::both!(odk, too_big, n = n));
    }
    let text = std::str::from_utf8(bytes).map_err(wrong)?;
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_NODES,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = roxmltree::Document::parse_with_options(text, options).map_err(wrong)?;
    let root = doc.root_element();
    let form_id = root
        .attribute("id")
        .ok_or_else(|| wrong("no form id"))?
        .to_string();
    let mut values = BTreeMap::new();
    for node in root.descendants().filter(|n| n.is_element() && *n != root) {
        if node.children().any(|c| c.is_element()) {
            continue;
        }
        let name = node.tag_name().name().to_string();
        let value: String = node
            .children()
            .filter(|c| c.is_text())
            .filter_map(|c| c.text())
            .collect();
        if values.insert(name.clone(), value).is_some() {
            return Err(wrong(format!("{name} twice")));
        }
    }
    let instance_id = values
        .get("instanceID")
        .and_then(|v| instance_uuid(v))
        .ok_or_else(|| pijat_core::both!(odk, no_instance_id))?;
    Ok(Fields {
        form_id,
        version: root.attribute("version").unwrap_or_default().to_string(),
        instance_id,
        values,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "uuid:0F8fad5b-d9cb-469f-a165-70867728950e";

    #[test]
    fn answers_are_read_by_name_through_groups() {
        let xml = format!(
            "<data id=\"pijat_visit\" version=\"abc\"><family>p1</family><recall><fed_water>no</fed_water></recall><notes/><meta><instanceID>{ID}</instanceID></meta></data>"
        );
        let f = parse_submission(xml.as_bytes()).unwrap();
        assert_eq!(f.form_id, "pijat_visit");
        assert_eq!(f.version, "abc");
        assert_eq!(f.instance_id, "0f8fad5b-d9cb-469f-a165-70867728950e");
        assert_eq!(f.values["fed_water"], "no");
        assert_eq!(f.values["notes"], "");
    }

    #[test]
    fn entities_doctypes_and_garbage_are_refused() {
        let bomb = format!(
            "<!DOCTYPE d [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]><data id=\"x\"><n>&b;</n><meta><instanceID>{ID}</instanceID></meta></data>"
        );
        let external = "<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><data id=\"x\"><n>&x;</n></data>";
        for bad in [
            bomb.as_str(),
            external,
            "<data id=\"x\"><n>",
            "not xml",
            "<data><meta/></data>",
        ] {
            let e = parse_submission(bad.as_bytes()).unwrap_err();
            assert!(
                e.en.contains("not a whole form") || e.en.contains("instanceID"),
                "{bad}: {e:?}"
            );
        }
        let twice = format!(
            "<data id=\"x\"><n>1</n><g><n>2</n></g><meta><instanceID>{ID}</instanceID></meta></data>"
        );
        assert!(
            parse_submission(twice.as_bytes())
                .unwrap_err()
                .en
                .contains("n twice")
        );
        let no_id = "<data id=\"x\"><meta><instanceID>uuid:nope</instanceID></meta></data>";
        assert!(
            parse_submission(no_id.as_bytes())
                .unwrap_err()
                .en
                .contains("instanceID")
        );
        let big = vec![b' '; MAX_SUBMISSION + 1];
        assert!(parse_submission(&big).unwrap_err().en.contains("too big"));
    }
}
