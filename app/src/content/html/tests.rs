//! Tests of the HTML converter, on pastes made for them (app/tests/fixtures/paste): Word,
//! LibreOffice, Google Docs, a news page and malicious HTML, all in Vietnamese.

use super::*;
use crate::content::runs_text;

fn fixture(name: &str) -> Converted {
    let path = format!("{}/tests/fixtures/paste/{name}", env!("CARGO_MANIFEST_DIR"));
    doc_from_html(&std::fs::read_to_string(&path).expect("the fixture"))
}

fn plain(t: &str) -> Inline {
    Inline::plain(t)
}

fn marked(t: &str, f: impl FnOnce(&mut Inline)) -> Inline {
    let mut run = Inline::plain(t);
    f(&mut run);
    run
}

fn para(runs: Vec<Inline>) -> Block {
    Block::Paragraph { text: runs }
}

fn items(list: &Block) -> (bool, Vec<String>) {
    let Block::List { ordered, items } = list else {
        panic!("not a list: {list:?}")
    };
    (*ordered, items.iter().map(|i| runs_text(i)).collect())
}

#[test]
fn word_keeps_paragraphs_marks_lists_and_tables_and_drops_its_noise() {
    let c = fixture("word.html");
    let b = &c.doc.blocks;
    assert_eq!(b.len(), 6, "{b:#?}");
    assert_eq!(
        b[0],
        Block::Heading {
            level: 2,
            text: vec![plain("Kết quả thực hiện nhiệm vụ năm 2025")]
        }
    );
    assert_eq!(
        b[1],
        para(vec![
            plain("Năm 2025, Ban Thường vụ Huyện ủy đã "),
            marked("lãnh đạo, chỉ đạo", |r| r.bold = true),
            plain(" thực hiện đạt "),
            marked("nhiều kết quả", |r| r.italic = true),
            plain(" quan trọng."),
        ])
    );
    assert_eq!(
        items(&b[2]),
        (
            false,
            vec![
                "Tổng giá trị sản xuất tăng 8,5%;".into(),
                "Thu ngân sách vượt dự toán.".into()
            ]
        ),
        "Word's bullet paragraphs, their markers gone"
    );
    assert_eq!(
        b[3],
        para(vec![marked("Nhiệm vụ năm 2026:", |r| r.bold = true)])
    );
    assert_eq!(
        items(&b[4]),
        (
            true,
            vec![
                "Đẩy mạnh chuyển đổi số;".into(),
                "Xây dựng nông thôn mới nâng cao.".into()
            ]
        )
    );
    let Block::List {
        items: numbered, ..
    } = &b[4]
    else {
        panic!()
    };
    assert!(
        numbered[1]
            .iter()
            .any(|r| r.underline && r.text == "nâng cao")
    );
    let Block::Table { header, rows } = &b[5] else {
        panic!("{:?}", b[5])
    };
    assert!(!header, "Word's first row is made of td");
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| runs_text(c)).collect())
        .collect();
    assert_eq!(
        cells,
        vec![
            vec!["Chỉ tiêu", "Kết quả", ""],
            vec!["Tăng trưởng", "8,5%", "Vượt"]
        ],
        "a merged cell keeps its text, its other place left empty"
    );
    assert_eq!(
        (c.pictures, c.other),
        (1, 0),
        "the clipboard's picture counted, not kept"
    );
}

#[test]
fn libreoffice_fonts_go_marks_and_links_stay() {
    let c = fixture("libreoffice.html");
    let b = &c.doc.blocks;
    assert_eq!(b.len(), 5, "{b:#?}");
    assert!(matches!(&b[0], Block::Heading { level: 2, .. }));
    assert_eq!(
        b[1],
        para(vec![
            plain("Ngày 15/3, đồng chí Bí thư Tỉnh ủy "),
            marked("chủ trì", |r| r.bold = true),
            plain(" buổi làm việc với "),
            marked("Sở Nội vụ", |r| r.italic = true),
            plain(" về công tác "),
            marked("cán bộ", |r| r.underline = true),
            plain("."),
        ])
    );
    assert_eq!(
        items(&b[2]),
        (
            true,
            vec![
                "Rà soát quy hoạch cán bộ;".into(),
                "Hoàn thành trước ngày 30/6.".into()
            ]
        )
    );
    assert!(matches!(&b[3], Block::Table { header: true, rows } if rows.len() == 2));
    assert_eq!(
        b[4],
        para(vec![
            plain("Chi tiết xem tại "),
            marked("cổng thông tin", |r| r.link =
                Some("https://bacninh.gov.vn/thong-bao".into())),
            plain("."),
        ])
    );
}

#[test]
fn google_docs_wrapper_is_not_bold_and_its_redirects_are_unwrapped() {
    let c = fixture("gdocs.html");
    let b = &c.doc.blocks;
    assert_eq!(b.len(), 3, "{b:#?}");
    assert_eq!(
        b[0],
        Block::Heading {
            level: 2,
            text: vec![plain("Hội thi tìm hiểu Nghị quyết")]
        },
        "the <b style=font-weight:normal> around everything makes nothing bold"
    );
    assert_eq!(
        b[1],
        para(vec![
            marked("Thể lệ:", |r| r.bold = true),
            plain(" mỗi thí sinh trả lời "),
            marked("20 câu hỏi", |r| r.italic = true),
            plain(", xem "),
            marked("thể lệ đầy đủ", |r| r.link =
                Some("https://tinhuy.example.vn/the-le".into())),
            plain("."),
        ])
    );
    assert_eq!(
        items(&b[2]),
        (
            false,
            vec!["Tuần 1: từ 01/4".into(), "Tuần 2: từ 08/4".into()]
        )
    );
}

#[test]
fn a_news_page_keeps_its_text_a_youtube_frame_and_drops_the_rest() {
    let c = fixture("news.html");
    let b = &c.doc.blocks;
    let kinds: Vec<&str> = b
        .iter()
        .map(|b| match b {
            Block::Heading { .. } => "h",
            Block::Paragraph { .. } => "p",
            Block::Embed { .. } => "embed",
            Block::Quote { .. } => "quote",
            Block::Divider => "hr",
            _ => "?",
        })
        .collect();
    assert_eq!(
        kinds,
        vec!["h", "p", "p", "p", "p", "embed", "quote", "hr"],
        "{b:#?}"
    );
    assert!(matches!(&b[5], Block::Embed { id, .. } if id == "dQw4w9WgXcQ"));
    let Block::Paragraph { text } = &b[4] else {
        panic!()
    };
    assert_eq!(text[1].link.as_deref(), Some("https://dangcongsan.vn/"));
    assert_eq!(
        runs_text(text),
        "Dự Đại hội có đồng chí Ủy viên Bộ Chính trị."
    );
    assert_eq!(
        (c.pictures, c.other),
        (1, 4),
        "button, advert frame, script, form"
    );
}

#[test]
fn malicious_html_leaves_only_text() {
    let c = fixture("malicious.html");
    let b = &c.doc.blocks;
    assert_eq!(b.len(), 4, "{b:#?}");
    assert_eq!(b[0], para(vec![plain("Nội dung an toàn")]));
    assert_eq!(
        b[1],
        para(vec![plain("liên kết độc thứ hai thứ ba thứ tư")]),
        "no unsafe link kept"
    );
    assert!(matches!(&b[2], Block::Table { .. }));
    assert_eq!(
        b[3],
        para(vec![plain("<script>alert(14)</script>")]),
        "escaped text stays text"
    );
    let json = serde_json::to_string(&c.doc).unwrap();
    for bad in [
        "alert(1)",
        "alert(3)",
        "alert(5)",
        "javascript",
        "onerror",
        "evil",
        "ẩn",
        "color",
    ] {
        assert!(!json.contains(bad), "{bad} in {json}");
    }
    assert_eq!(c.pictures, 1);
    assert_eq!(
        c.other, 7,
        "svg, frame, object, embed, math, template, noscript"
    );
}

#[test]
fn plain_text_is_a_paragraph_per_line_in_nfc() {
    let doc = doc_from_text(
        "Dòng một\r\n\r\n  Dòng \u{a0}\u{a0} hai\nTie\u{302}\u{301}ng Vie\u{323}\u{302}t\n",
    )
    .doc;
    assert_eq!(
        doc.blocks,
        vec![
            para(vec![plain("Dòng một")]),
            para(vec![plain("Dòng hai")]),
            para(vec![plain("Tiếng Việt")])
        ]
    );
    let c = doc_from_html("<p>Tie\u{302}\u{301}ng <b>Vie\u{323}\u{302}t</b></p>");
    assert_eq!(
        runs_text(match &c.doc.blocks[0] {
            Block::Paragraph { text } => text,
            _ => panic!(),
        }),
        "Tiếng Việt"
    );
    assert!(doc_from_html("").doc.blocks.is_empty());
}

#[test]
fn text_in_tcvn3_or_vni_fonts_becomes_unicode_and_unicode_text_stays() {
    let c = fixture("word-tcvn3.html");
    assert_eq!(c.legacy, Some(Legacy::Tcvn3));
    let texts: Vec<String> = c
        .doc
        .blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph { text } => runs_text(text),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        texts,
        [
            "Đảng bộ tỉnh Bắc Giang",
            "Cộng hoà xã hội chủ nghĩa Việt Nam. Trường học và nhân dân đều đồng lòng.",
            "Đoạn này đã là Unicode: giữ nguyên.",
        ]
    );
    let c = fixture("libreoffice-vni.html");
    assert_eq!(c.legacy, Some(Legacy::Vni));
    let Block::Paragraph { text } = &c.doc.blocks[0] else {
        panic!()
    };
    assert_eq!(text[0].text, "Độc lập - Tự do - Hạnh phúc");
    assert!(text[0].bold);
    let Block::Paragraph { text } = &c.doc.blocks[1] else {
        panic!()
    };
    assert_eq!(
        runs_text(text),
        "Cộng hòa xã hội chủ nghĩa Việt Nam; trường học."
    );
    // plain text known by its letters
    let c = doc_from_text("Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc");
    assert_eq!(c.legacy, Some(Legacy::Tcvn3));
    assert_eq!(
        c.doc.plain_text(),
        "Cộng hoà xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc"
    );
    assert_eq!(doc_from_text("Cộng hòa xã hội").legacy, None);
}
