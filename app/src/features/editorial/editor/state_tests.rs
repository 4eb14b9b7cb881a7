//! Tests of the editor's commands, on Vietnamese text (the module is `state::tests`).

#[cfg(test)]
use super::*;
use crate::content::Inline;
use crate::content::edit::runs::Mark;
use crate::content::edit::table;
use crate::content::edit::testing::*;

fn at(block: usize, offset: usize) -> Caret {
    Caret::new(Place::text(block), offset)
}

fn sel(a: Caret, b: Caret) -> Sel {
    Sel {
        anchor: a,
        focus: b,
    }
}

fn bold(text: &str) -> Inline {
    Inline {
        text: text.into(),
        bold: true,
        ..Default::default()
    }
}

#[test]
fn typing_replaces_the_selection_and_takes_switched_on_marks() {
    let mut e = Editor::new(doc(vec![p("Hội nghị tỉnh")]));
    let c = e
        .type_text(sel(at(0, 9), at(0, 13)), "toàn quốc", 0.0)
        .unwrap();
    assert_eq!(said(&e.doc, Place::text(0)), "Hội nghị toàn quốc");
    assert_eq!(c, at(0, 18));
    e.moved();
    assert_eq!(
        e.toggle(Sel::caret(c), Mark::Bold, 10.0),
        None,
        "no change yet"
    );
    assert!(
        e.focus(Some(Sel::caret(c))).marks.bold,
        "the toolbar shows it on"
    );
    e.type_text(Sel::caret(c), " lần thứ nhất", 20.0).unwrap();
    let runs = text(&e.doc, Place::text(0)).unwrap();
    assert_eq!(runs.len(), 2);
    assert_eq!(runs[1], bold(" lần thứ nhất"));
    // what an IME hands over decomposed is stored composed
    let c = e
        .type_text(Sel::caret(at(0, 0)), "Tie\u{302}\u{301}ng ", 30.0)
        .unwrap();
    assert_eq!(c, at(0, 6));
    assert!(said(&e.doc, Place::text(0)).starts_with("Tiếng Hội"));
}

#[test]
fn unikey_backspaces_then_replaces_exactly_what_the_browser_deleted() {
    // Unikey, Telex: "tieng" then "s" arrives as four Backspaces and "iếng"
    let mut e = Editor::new(doc(vec![p("chữ tieng")]));
    let mut c = at(0, 9);
    for _ in 0..4 {
        // the browser's target range: the one character before the caret
        let range = sel(Caret::new(c.at, c.offset - 1), c);
        c = e.delete(Sel::caret(c), Some(range), true, 1.0).unwrap();
    }
    assert_eq!(said(&e.doc, Place::text(0)), "chữ t");
    let c = e.type_text(Sel::caret(c), "iếng", 2.0).unwrap();
    assert_eq!(said(&e.doc, Place::text(0)), "chữ tiếng");
    assert_eq!(c, at(0, 9));
    // undo: the word as it was before the replacement, in one or two steps
    while said(&e.doc, Place::text(0)) != "chữ tieng" {
        assert!(e.undo().is_some(), "undo reaches the word before");
    }
}

#[test]
fn a_composition_changes_only_what_differs_and_keeps_the_marks_around_it() {
    let mut e = Editor::new(doc(vec![Block::Paragraph {
        text: vec![bold("Đậm"), Inline::plain(" thường")],
    }]));
    // the browser shows "Đậm tiếng thường" after composing " tiếng" at offset 3
    let c = e
        .replace_text(
            Place::text(0),
            "Đậm tiếng thường",
            Some(3),
            Change::Composition,
            0.0,
        )
        .unwrap();
    e.history.composition_ended();
    assert_eq!(said(&e.doc, Place::text(0)), "Đậm tiếng thường");
    assert_eq!(c, at(0, 9), "the caret after what was composed");
    let runs = text(&e.doc, Place::text(0)).unwrap();
    assert_eq!(runs[0], bold("Đậm tiếng"), "typed at the bold's end: bold");
    // a composition cancelled leaves the text as it was: no step (the undo below
    // goes back past the composition at once)
    let same = e.replace_text(
        Place::text(0),
        "Đậm tiếng thường",
        Some(9),
        Change::Composition,
        1.0,
    );
    assert_eq!(same, Some(c));
    // without where it began, the same letters typed again would be put after the
    // common part: "Đậm " then "t…" — the text is right either way
    let mut f = Editor::new(doc(vec![p("Đậm thường")]));
    f.replace_text(Place::text(0), "Đậm tiếng thường", None, Change::Other, 0.0)
        .unwrap();
    assert_eq!(said(&f.doc, Place::text(0)), "Đậm tiếng thường");
    // one composition, one undo
    e.undo().unwrap();
    assert_eq!(said(&e.doc, Place::text(0)), "Đậm thường");
    // in an empty paragraph, replacing all of a text, with repeated letters
    let mut e = Editor::new(doc(vec![p("")]));
    e.replace_text(Place::text(0), "tiến", Some(0), Change::Composition, 0.0)
        .unwrap();
    assert_eq!(said(&e.doc, Place::text(0)), "tiến");
    let mut e = Editor::new(doc(vec![p("aa")]));
    let c = e
        .replace_text(Place::text(0), "aaa", None, Change::Other, 0.0)
        .unwrap();
    assert_eq!(c, at(0, 3));
}

#[test]
fn enter_splits_and_backspace_or_delete_joins() {
    let mut e = Editor::new(doc(vec![p("Một hai"), p("ba")]));
    let c = e.enter(Sel::caret(at(0, 3)), 0.0).unwrap();
    assert_eq!(c, at(1, 0));
    assert_eq!(said(&e.doc, Place::text(1)), " hai");
    let c = e.delete(Sel::caret(c), None, true, 1.0).unwrap();
    assert_eq!(
        (c, said(&e.doc, Place::text(0))),
        (at(0, 3), "Một hai".into())
    );
    let c = e.delete(Sel::caret(at(0, 7)), None, false, 2.0).unwrap();
    assert_eq!(
        (c, said(&e.doc, Place::text(0))),
        (at(0, 7), "Một haiba".into())
    );
    assert_eq!(e.doc.blocks.len(), 1);
    // a selection across blocks, deleted
    let mut e = Editor::new(doc(vec![p("Một"), h(2, "Hai"), p("Ba")]));
    let c = e.delete(sel(at(2, 1), at(0, 1)), None, true, 0.0).unwrap();
    assert_eq!((c, said(&e.doc, Place::text(0))), (at(0, 1), "Ma".into()));
}

#[test]
fn marks_go_over_every_text_a_selection_touches() {
    let mut e = Editor::new(doc(vec![
        p("Một hai"),
        list(false, &["ba", "bốn"]),
        p("năm"),
    ]));
    let s = sel(at(0, 4), Caret::new(Place::item(1, 1), 1));
    e.toggle(s, Mark::Bold, 0.0).unwrap();
    assert_eq!(text(&e.doc, Place::text(0)).unwrap()[1], bold("hai"));
    assert_eq!(text(&e.doc, Place::item(1, 0)).unwrap()[0], bold("ba"));
    assert_eq!(text(&e.doc, Place::item(1, 1)).unwrap()[0], bold("b"));
    assert_eq!(
        text(&e.doc, Place::text(2)).unwrap()[0],
        Inline::plain("năm")
    );
    // all of it bold: the same key takes it off
    e.toggle(s, Mark::Bold, 1.0).unwrap();
    assert!(
        e.doc
            .blocks
            .iter()
            .all(|b| !format!("{b:?}").contains("bold: true"))
    );
    let c = e.link(
        sel(at(2, 0), at(2, 3)),
        Some("https://dangcongsan.vn".into()),
        2.0,
    );
    assert!(c.is_some());
    assert_eq!(
        e.focus(Some(Sel::caret(at(2, 1)))).marks.link.as_deref(),
        Some("https://dangcongsan.vn")
    );
    e.link(sel(at(2, 0), at(2, 3)), None, 3.0).unwrap();
    assert_eq!(text(&e.doc, Place::text(2)).unwrap()[0].link, None);
}

#[test]
fn a_paste_goes_into_the_text_or_between_its_halves() {
    let mut e = Editor::new(doc(vec![p("Đầu cuối")]));
    let one = Doc {
        blocks: vec![Block::Paragraph {
            text: vec![bold("giữa ")],
        }],
    };
    let c = e.paste(Sel::caret(at(0, 4)), one, 0.0).unwrap();
    assert_eq!(said(&e.doc, Place::text(0)), "Đầu giữa cuối");
    assert_eq!(c, at(0, 9));
    let many = doc(vec![h(2, "Mục một"), p("Đoạn"), list(true, &["a", "b"])]);
    let c = e.paste(Sel::caret(at(0, 9)), many.clone(), 1.0).unwrap();
    let kinds: Vec<String> = e
        .doc
        .blocks
        .iter()
        .map(|b| format!("{b:?}")[..4].to_string())
        .collect();
    assert_eq!(kinds, ["Para", "Head", "Para", "List", "Para"]);
    assert_eq!(said(&e.doc, Place::text(4)), "cuối");
    assert_eq!(c, Caret::new(Place::item(3, 1), 1));
    // at a text's end, no empty paragraph is left behind; at its start neither
    let mut e = Editor::new(doc(vec![p("Đầu"), p("Sau")]));
    e.paste(Sel::caret(at(0, 3)), many.clone(), 2.0).unwrap();
    assert_eq!(e.doc.blocks.len(), 5, "{:?}", e.doc.blocks);
    let mut e = Editor::new(doc(vec![p("")]));
    e.paste(Sel::caret(at(0, 0)), many, 3.0).unwrap();
    assert_eq!(e.doc.blocks.len(), 4, "{:?}", e.doc.blocks);
    assert!(matches!(e.doc.blocks[0], Block::Heading { .. }));
}

#[test]
fn blocks_added_replace_an_empty_paragraph_and_leave_one_to_type_in() {
    let mut e = Editor::new(Doc::default());
    assert_eq!(e.doc.blocks.len(), 1, "an empty document gets a paragraph");
    e.add_block(Some(0), Block::Divider, 0.0).unwrap();
    assert!(matches!(
        e.doc.blocks[..],
        [Block::Divider, Block::Paragraph { .. }]
    ));
    let c = e.add_block(Some(1), table::new_table(2, 2), 1.0).unwrap();
    assert_eq!(c, Caret::new(Place::cell(1, 0, 0), 0));
    assert_eq!(e.doc.blocks.len(), 3);
    // Tab goes from cell to cell; in the last it adds a row, one step to undo
    let c = e.tab(Place::cell(1, 1, 1), false, 2.0).unwrap();
    assert_eq!(c, Caret::new(Place::cell(1, 2, 0), 0));
    e.undo().unwrap();
    let Block::Table { rows, .. } = &e.doc.blocks[1] else {
        panic!("a table")
    };
    assert_eq!(rows.len(), 2);
}

#[test]
fn typing_in_a_field_is_one_step_per_field() {
    let mut e = Editor::new(doc(vec![Block::Quote {
        text: runs_of("Trích"),
        cite: String::new(),
    }]));
    let set = |v: &'static str| {
        move |b: &mut Block| match b {
            Block::Quote { cite, .. } => {
                *cite = v.into();
                true
            }
            _ => false,
        }
    };
    assert!(e.field(0, ("cite", None), 0.0, set("B")));
    assert!(e.field(0, ("cite", None), 1.0, set("Bá")));
    assert!(e.field(0, ("cite", None), 2.0, set("Bác")));
    assert!(
        !e.field(0, ("cite", None), 3.0, set("Bác")),
        "no change, no step"
    );
    e.undo().unwrap();
    assert_eq!(
        e.doc.blocks[0],
        Block::Quote {
            text: runs_of("Trích"),
            cite: String::new()
        }
    );
    assert!(e.undo().is_none(), "one step in all");
}
