//! The demo documents' PDF files, written here (no PDF library: a one-page PDF 1.4 is
//! a few objects and a cross-reference table). The text is set in the PDF's built-in
//! Times and Helvetica, which cover no Vietnamese letters: it is written without
//! diacritics, as the banner at its head says. Real documents are uploaded as the
//! issuing body made them.

use std::fmt::Write;

/// Characters per line of body text (Times 11 pt on an A4 page's text width).
const LINE: usize = 88;

/// A one-page A4 PDF: `heading` lines centred in bold, then `body` paragraphs.
pub fn document_pdf(heading: &[&str], body: &[&str]) -> Vec<u8> {
    let plain = |s: &str| escape(&toasoan_app::core::text::fold_vietnamese(s));
    let mut content = String::new();
    let mut y = 790.0_f32;
    for line in heading {
        let text = plain(line);
        // Helvetica-Bold 13 pt is about 0.6 em a character: centred on 595 pt
        let x = (595.0 - text.chars().count() as f32 * 13.0 * 0.58) / 2.0;
        let _ = writeln!(
            content,
            "BT /F2 13 Tf {:.1} {y:.1} Td ({text}) Tj ET",
            x.max(56.0)
        );
        y -= 20.0;
    }
    y -= 14.0;
    for paragraph in body {
        for line in wrap(&toasoan_app::core::text::fold_vietnamese(paragraph), LINE) {
            if y < 60.0 {
                break;
            }
            let _ = writeln!(
                content,
                "BT /F1 11 Tf 56 {y:.1} Td ({}) Tj ET",
                escape(&line)
            );
            y -= 15.0;
        }
        y -= 8.0;
    }
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}endstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>".to_string(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>".to_string(),
    ];
    let mut out = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        let _ = write!(out, "{} 0 obj\n{object}\nendobj\n", i + 1);
    }
    let xref = out.len();
    let _ = write!(out, "xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for offset in offsets {
        let _ = writeln!(out, "{offset:010} 00000 n ");
    }
    let _ = write!(
        out,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    );
    out.into_bytes()
}

/// A PDF string's text: its delimiters escaped, anything outside ASCII dropped.
fn escape(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii() && !c.is_ascii_control())
        .flat_map(|c| match c {
            '(' | ')' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect()
}

/// `text` in lines of at most `width` characters, broken between words.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.len() + 1 + word.len() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pdf_with_its_cross_references() {
        let pdf = document_pdf(&["TỈNH ỦY (demo)"], &["Điều 1. Thành lập (Ban) chỉ đạo."]);
        let text = String::from_utf8(pdf).unwrap();
        assert!(text.starts_with("%PDF-1.4\n"));
        assert!(text.ends_with("%%EOF\n"));
        assert!(text.contains("(TINH UY \\(demo\\)) Tj"));
        assert!(text.contains("(Dieu 1. Thanh lap \\(Ban\\) chi dao.) Tj"));
        // each object where the table says it is
        let xref = text.rfind("\nxref\n").unwrap() + 1;
        let table: Vec<usize> = text[xref..]
            .lines()
            .skip(3)
            .take(6)
            .map(|l| l[..10].parse().unwrap())
            .collect();
        for (i, offset) in table.iter().enumerate() {
            assert!(text[*offset..].starts_with(&format!("{} 0 obj", i + 1)));
        }
        let start: usize = text.lines().rev().nth(1).unwrap().parse().unwrap();
        assert_eq!(start, xref);
    }

    #[test]
    fn long_paragraphs_are_wrapped() {
        let lines = wrap(&"chuyen doi so ".repeat(30), 40);
        assert!(lines.len() > 5 && lines.iter().all(|l| l.len() <= 40));
    }
}
