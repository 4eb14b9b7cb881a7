//! Type sniffing on files made here with the real encoders and writers (and the
//! corpus' own PNG), each written to disk and read back as an upload is.

use super::*;
use std::io::Write;

/// A picture from the corpus, in every picture format.
fn corpus_picture() -> image::DynamicImage {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/images/hoi-nghi.png");
    match image::open(&path) {
        Ok(p) => p,
        // a checkout without ../shared: a picture of its own
        Err(_) => image::DynamicImage::ImageRgb8(image::RgbImage::from_fn(64, 36, |x, y| {
            image::Rgb([(x * 4) as u8, (y * 7) as u8, 90])
        })),
    }
}

pub(crate) fn encoded(format: image::ImageFormat) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let picture = corpus_picture();
    let picture = if format == image::ImageFormat::Jpeg {
        image::DynamicImage::ImageRgb8(picture.to_rgb8())
    } else {
        image::DynamicImage::ImageRgba8(picture.to_rgba8())
    };
    picture.write_to(&mut out, format).unwrap();
    out.into_inner()
}

fn zip_of(entries: &[(&str, &str)]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    for (name, content) in entries {
        let options =
            zip::write::SimpleFileOptions::default().compression_method(if *name == "mimetype" {
                zip::CompressionMethod::Stored
            } else {
                zip::CompressionMethod::Deflated
            });
        zip.start_file(*name, options).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

fn docx() -> Vec<u8> {
    zip_of(&[
        ("[Content_Types].xml", "<Types/>"),
        ("_rels/.rels", "<Relationships/>"),
        ("word/document.xml", "<w:document>Nghị quyết</w:document>"),
    ])
}

fn sniffed(bytes: &[u8]) -> Result<Kind, MediaRefusal> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("upload");
    std::fs::write(&path, bytes).unwrap();
    sniff(&path)
}

#[test]
fn pictures_and_documents_are_known_by_their_bytes() {
    assert_eq!(
        sniffed(&encoded(image::ImageFormat::Jpeg)).unwrap(),
        Kind::Jpeg
    );
    assert_eq!(
        sniffed(&encoded(image::ImageFormat::Png)).unwrap(),
        Kind::Png
    );
    assert_eq!(
        sniffed(&encoded(image::ImageFormat::WebP)).unwrap(),
        Kind::WebP
    );
    assert_eq!(
        sniffed(&encoded(image::ImageFormat::Gif)).unwrap(),
        Kind::Gif
    );
    let pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
    assert_eq!(sniffed(pdf).unwrap(), Kind::Pdf);
    assert_eq!(sniffed(&docx()).unwrap(), Kind::Docx);
    let xlsx = zip_of(&[
        ("[Content_Types].xml", "<Types/>"),
        ("xl/workbook.xml", "<workbook/>"),
    ]);
    assert_eq!(sniffed(&xlsx).unwrap(), Kind::Xlsx);
    let odt = zip_of(&[
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("content.xml", "<office:document-content/>"),
    ]);
    assert_eq!(sniffed(&odt).unwrap(), Kind::Odt);
}

#[test]
fn anything_else_is_refused_with_its_reason() {
    assert!(matches!(
        sniffed("Đây là một tệp văn bản.\n".as_bytes()),
        Err(MediaRefusal::UnknownType)
    ));
    let svg = br#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#;
    assert!(matches!(sniffed(svg), Err(MediaRefusal::Svg)));
    assert!(matches!(
        sniffed(b"  <SVG onload=\"x()\">"),
        Err(MediaRefusal::Svg)
    ));
    // a zip that is no office document, and an OpenDocument spreadsheet
    assert!(matches!(
        sniffed(&zip_of(&[("a.txt", "x")])),
        Err(MediaRefusal::UnknownType)
    ));
    let ods = zip_of(&[("mimetype", "application/vnd.oasis.opendocument.spreadsheet")]);
    assert!(matches!(sniffed(&ods), Err(MediaRefusal::UnknownType)));
    assert!(matches!(sniffed(b""), Err(MediaRefusal::UnknownType)));
    // an HTML page named like a PDF is still HTML
    assert!(matches!(
        sniffed(b"<!doctype html><title>PDF</title>"),
        Err(MediaRefusal::UnknownType)
    ));
}

#[test]
fn a_jpeg_cut_short_is_damaged_and_data_after_its_end_is_allowed() {
    let whole = encoded(image::ImageFormat::Jpeg);
    assert!(jpeg_is_whole(&whole));
    let cut = &whole[..whole.len() * 2 / 3];
    assert!(matches!(sniffed(cut), Err(MediaRefusal::Damaged)));
    assert!(matches!(sniffed(&whole[..3]), Err(MediaRefusal::Damaged)));
    let mut with_trailer = whole.clone();
    with_trailer.extend_from_slice(b"SEFT motion photo data after the end of the image");
    assert_eq!(sniffed(&with_trailer).unwrap(), Kind::Jpeg);
}

#[test]
fn a_name_must_say_what_the_bytes_are() {
    // a PNG named .jpg, a text named .png (refused by its bytes first)
    let png = sniffed(&encoded(image::ImageFormat::Png)).unwrap();
    let err = check_name("anh-hoi-nghi.jpg", png).unwrap_err();
    assert!(matches!(err, MediaRefusal::NameMismatch { .. }));
    assert!(
        err.to_string().contains(".jpg") && err.to_string().contains("PNG"),
        "{err}"
    );
    assert!(check_name("ẢNH HỘI NGHỊ.PNG", png).is_ok());
    assert!(check_name("Ảnh.jpeg", Kind::Jpeg).is_ok());
    assert!(check_name("không-đuôi", Kind::Pdf).is_ok());
    assert!(check_name("nghi-quyet.pdf", Kind::Docx).is_err());
}

#[test]
fn names_stay_in_the_media_folder() {
    assert_eq!(
        safe_name("C:\\Ảnh\\Hội nghị tổng kết.jpg").unwrap(),
        "Hội nghị tổng kết.jpg"
    );
    assert_eq!(safe_name("thu-muc/anh.png").unwrap(), "anh.png");
    for bad in [
        "../../etc/passwd",
        "..",
        "anh\0.png",
        "",
        "   ",
        ".htaccess",
        "a/",
    ] {
        assert!(
            matches!(safe_name(bad), Err(MediaRefusal::BadName)),
            "{bad:?}"
        );
    }
}
