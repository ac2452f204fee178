//! Every form pijat serves passes ODK Validate (JavaRosa, the engine inside ODK Collect, shipped
//! in pyxform as `ODK_Validate.jar`, run with Debian's Java), and `pijat forms xlsform` writes
//! workbooks pyxform converts into forms that pass it too. The tools are required under CI.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::CLASS;
use super::common;
use super::common::classroom::class_with;
use super::common::collect::FormServer;

/// `ODK_Validate.jar` inside the installed pyxform, when Java and pyxform are both here.
fn validator() -> Option<PathBuf> {
    let java = Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !java {
        common::skip::skip("no Java runtime (Debian: default-jre-headless)");
        return None;
    }
    let out = Command::new("python3")
        .args([
            "-c",
            "import pyxform, os; print(os.path.dirname(pyxform.__file__))",
        ])
        .output()
        .ok()
        .filter(|o| o.status.success());
    let Some(out) = out else {
        common::skip::skip("no pyxform (pip install pyxform)");
        return None;
    };
    let dir = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let jar = Path::new(&dir).join("validators/odk_validate/bin/ODK_Validate.jar");
    if !jar.is_file() {
        common::skip::skip(&format!("pyxform has no {}", jar.display()));
        return None;
    }
    Some(jar)
}

fn odk_validate(jar: &Path, form: &Path) {
    let out = Command::new("java")
        .arg("-jar")
        .arg(jar)
        .arg(form)
        .output()
        .unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.status.success() && said.contains("Xform is valid"),
        "{}: {said}",
        form.display()
    );
}

#[test]
fn every_served_form_passes_odk_validate_and_the_xlsform_converts_with_pyxform() {
    let Some(jar) = validator() else { return };
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    class_with(
        &data,
        CLASS,
        &["Budi Santoso", "Agus <&> \"Wijaya\"", "Dewi"],
    );
    let s = FormServer::start(&data, CLASS);
    let mut phone = s.phone();
    let mut served = 0;
    for f in s.desk.forms() {
        let got = phone.get(&format!("/forms/{}.xml", f.form.id));
        assert_eq!(got.status, 200);
        let file = dir.path().join(format!("{}.xml", f.form.id));
        std::fs::write(&file, &got.body).unwrap();
        odk_validate(&jar, &file);
        served += 1;
    }
    assert_eq!(served, 2);

    let out = common::cli::run(
        &data,
        &[
            "forms",
            "xlsform",
            "--class",
            CLASS,
            "-o",
            dir.path().join("kelas.xlsx").to_str().unwrap(),
        ],
        "",
    );
    assert!(out.status.success(), "{}", common::cli::both(&out));
    for f in s.desk.forms() {
        let book = dir.path().join(format!("kelas-{}.xlsx", f.form.id));
        assert!(book.is_file(), "{}", common::cli::both(&out));
        let xml = dir.path().join(format!("from-xlsform-{}.xml", f.form.id));
        let conv = Command::new("python3")
            .args(["-m", "pyxform.xls2xform"])
            .arg(&book)
            .arg(&xml)
            .output()
            .unwrap();
        assert!(
            conv.status.success(),
            "{}",
            String::from_utf8_lossy(&conv.stderr)
        );
        odk_validate(&jar, &xml);
        let text = std::fs::read_to_string(&xml).unwrap();
        assert!(
            text.contains(&format!("id=\"{}\"", f.form.id)),
            "the form id travels"
        );
        assert!(text.contains(&f.form.version), "the version travels");
        assert!(
            text.contains("Agus &lt;&amp;&gt; \"Wijaya\"")
                || text.contains("Agus &lt;&amp;&gt; &quot;Wijaya&quot;"),
            "names are escaped, not broken"
        );
    }
}
