//! What the Word writer cannot say itself, added to the parts of the file it wrote: every
//! table's first row repeats as a header on each page (`w:tblHeader`); every picture has its own
//! id and name (Word may call a file with two pictures of one id unreadable); the text's language
//! (`id-ID` or `en-US`, so Word checks the spelling in the right one); the title and author in
//! the file's properties. The parts are the writer's own, so each change is made at a place its
//! output always has; a part without that place is an error, never a file half-changed.

use std::io::{Read, Write};

use quick_xml::escape::escape;
use zip::write::SimpleFileOptions;

/// What goes in the file's properties.
pub(super) struct Meta<'a> {
    /// The document's title.
    pub title: &'a str,
    /// Who wrote it: the class's trainer, when known.
    pub author: Option<&'a str>,
    /// `id` or `en`.
    pub lang: &'a str,
}

fn missing(part: &str, what: &str) -> String {
    format!("docx: {part} has no {what}")
}

/// Repeats each table's first row on every page.
fn headers(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len() + 64);
    let mut rest = xml;
    while let Some(at) = rest.find("<w:tbl>") {
        let (before, table) = rest.split_at(at);
        out.push_str(before);
        match table.find("</w:trPr>") {
            Some(end) => {
                out.push_str(&table[..end]);
                out.push_str("<w:tblHeader />");
                rest = &table[end..];
            }
            None => rest = table,
        }
        // Past this table's opening tag, to find the next table.
        let skip = rest
            .find("</w:tr>")
            .map_or(rest.len(), |e| e + "</w:tr>".len());
        out.push_str(&rest[..skip]);
        rest = &rest[skip..];
    }
    out.push_str(rest);
    out
}

/// Numbers the pictures 1, 2, … and names them so.
fn pictures(xml: &str, word: &str) -> String {
    let mark = "<wp:docPr id=\"1\" name=\"Figure\"";
    let mut out = String::with_capacity(xml.len());
    for (i, part) in xml.split(mark).enumerate() {
        if i > 0 {
            out.push_str(&format!("<wp:docPr id=\"{i}\" name=\"{word} {i}\""));
        }
        out.push_str(part);
    }
    out
}

fn document(xml: &str, lang: &str) -> String {
    let word = if lang == "id" { "Gambar" } else { "Figure" };
    pictures(&headers(xml), word)
}

fn language(lang: &str) -> &'static str {
    if lang == "id" { "id-ID" } else { "en-US" }
}

fn styles(xml: &str, lang: &str) -> Result<String, String> {
    let at = xml
        .find("<w:rPrDefault><w:rPr>")
        .ok_or_else(|| missing("styles.xml", "default run properties"))?
        + "<w:rPrDefault><w:rPr>".len();
    let l = language(lang);
    Ok(format!(
        "{}<w:lang w:val=\"{l}\" w:eastAsia=\"{l}\" w:bidi=\"ar-SA\" />{}",
        &xml[..at],
        &xml[at..]
    ))
}

fn core(xml: &str, meta: &Meta) -> Result<String, String> {
    let author = escape(meta.author.unwrap_or("pijat"));
    let xml = xml
        .replacen(
            "<dc:creator>unknown</dc:creator>",
            &format!("<dc:creator>{author}</dc:creator>"),
            1,
        )
        .replacen(
            "<cp:lastModifiedBy>unknown</cp:lastModifiedBy>",
            &format!("<cp:lastModifiedBy>{author}</cp:lastModifiedBy>"),
            1,
        );
    let end = xml
        .rfind("</cp:coreProperties>")
        .ok_or_else(|| missing("core.xml", "end"))?;
    Ok(format!(
        "{}<dc:title>{}</dc:title><dc:language>{}</dc:language>{}",
        &xml[..end],
        escape(meta.title),
        language(meta.lang),
        &xml[end..]
    ))
}

/// The Word file `bytes` with its header rows, picture ids, language and properties set.
pub(super) fn finish(bytes: &[u8], meta: &Meta) -> Result<Vec<u8>, String> {
    let bad = |e: zip::result::ZipError| format!("docx: {e}");
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(bad)?;
    let mut zout = zip::ZipWriter::new(std::io::Cursor::new(Vec::with_capacity(bytes.len())));
    // A fast deflate: a class of 10,000 makes a large document part.
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    for i in 0..zin.len() {
        let name = zin
            .by_index_raw(i)
            .map_err(bad)?
            .name()
            .map_err(bad)?
            .to_string();
        if !matches!(
            name.as_str(),
            "word/document.xml" | "word/styles.xml" | "docProps/core.xml"
        ) {
            // Pictures and the other parts as they are, not inflated and deflated again.
            zout.raw_copy_file(zin.by_index_raw(i).map_err(bad)?)
                .map_err(bad)?;
            continue;
        }
        let mut data = Vec::new();
        zin.by_index(i)
            .map_err(bad)?
            .read_to_end(&mut data)
            .map_err(|e| format!("docx: {e}"))?;
        let text = String::from_utf8_lossy(&data);
        let changed = match name.as_str() {
            "word/document.xml" => document(&text, meta.lang),
            "word/styles.xml" => styles(&text, meta.lang)?,
            _ => core(&text, meta)?,
        };
        zout.start_file(name, options).map_err(bad)?;
        zout.write_all(changed.as_bytes())
            .map_err(|e| format!("docx: {e}"))?;
    }
    Ok(zout.finish().map_err(bad)?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_tables_first_row_and_only_it_becomes_a_header() {
        let xml = "<w:body><w:tbl><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr>\
                   <w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr></w:tbl><w:p/>\
                   <w:tbl><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr></w:tbl></w:body>";
        let out = headers(xml);
        assert_eq!(out.matches("<w:tblHeader />").count(), 2, "{out}");
        assert!(out.starts_with(
            "<w:body><w:tbl><w:tr><w:trPr><w:cantSplit /><w:tblHeader /></w:trPr></w:tr><w:tr><w:trPr><w:cantSplit /></w:trPr>"
        ));
    }

    #[test]
    fn pictures_get_ids_of_their_own() {
        let m = "<wp:docPr id=\"1\" name=\"Figure\" />";
        let out = pictures(&format!("a{m}b{m}c"), "Gambar");
        assert_eq!(
            out,
            "a<wp:docPr id=\"1\" name=\"Gambar 1\" />b<wp:docPr id=\"2\" name=\"Gambar 2\" />c"
        );
    }

    #[test]
    fn the_author_is_written_as_text() {
        let xml = "<cp:coreProperties><dc:creator>unknown</dc:creator></cp:coreProperties>";
        let meta = Meta {
            title: "Hasil <tes>",
            author: Some("Bu Rina & tim"),
            lang: "id",
        };
        let out = core(xml, &meta).unwrap();
        assert!(
            out.contains("<dc:creator>Bu Rina &amp; tim</dc:creator>"),
            "{out}"
        );
        assert!(
            out.contains("<dc:title>Hasil &lt;tes&gt;</dc:title>"),
            "{out}"
        );
        assert!(out.contains("<dc:language>id-ID</dc:language>"), "{out}");
    }
}
