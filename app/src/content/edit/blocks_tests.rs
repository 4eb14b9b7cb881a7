//! Tests of the block operations, on Vietnamese text.

use super::*;
use crate::content::Figure;
use crate::content::edit::testing::*;

fn picture() -> Block {
    Block::Image(Figure {
        media_id: 3,
        src: "/media/anh.jpg".into(),
        width: 800,
        height: 600,
        alt: "Quang cảnh".into(),
        caption: String::new(),
        credit: String::new(),
    })
}

fn at(block: usize, offset: usize) -> Caret {
    Caret::new(Place::text(block), offset)
}

#[test]
fn typing_takes_the_marks_before_or_the_ones_switched_on() {
    let mut d = doc(vec![p("Tiếng Việt")]);
    let c = insert_text(&mut d, at(0, 5), " nói", None).unwrap();
    assert_eq!(c, at(0, 9));
    assert_eq!(said(&d, Place::text(0)), "Tiếng nói Việt");
    let bold = Marks {
        bold: true,
        ..Default::default()
    };
    insert_text(&mut d, c, "!", Some(&bold)).unwrap();
    let Block::Paragraph { text } = &d.blocks[0] else {
        panic!()
    };
    assert_eq!(text.len(), 3);
    assert!(text[1].bold && text[1].text == "!");
    assert!(
        insert_text(&mut d, at(5, 0), "x", None).is_none(),
        "no such text"
    );
}

#[test]
fn enter_splits_and_a_heading_goes_on_with_a_paragraph() {
    let mut d = doc(vec![p("Hội nghịlần thứ 12"), h(2, "Kết luận")]);
    let c = split(&mut d, at(0, 8)).unwrap();
    assert_eq!(c, at(1, 0));
    assert_eq!(said(&d, Place::text(0)), "Hội nghị");
    assert_eq!(said(&d, Place::text(1)), "lần thứ 12");
    let c = split(&mut d, at(2, 8)).unwrap();
    assert!(
        matches!(d.blocks[3], Block::Paragraph { .. }),
        "{:?}",
        d.blocks[3]
    );
    assert_eq!(c, at(3, 0));
    // in the middle, a heading stays a heading
    split(&mut d, at(2, 3)).unwrap();
    assert!(matches!(&d.blocks[3], Block::Heading { level: 2, .. }));
    assert_eq!(said(&d, Place::text(3)), " luận");
}

#[test]
fn enter_in_a_quote_keeps_its_source_at_its_end() {
    let mut d = doc(vec![Block::Quote {
        text: runs_of("Không có gì quý hơn độc lập tự do"),
        cite: "Hồ Chí Minh".into(),
    }]);
    split(&mut d, at(0, 11)).unwrap();
    let Block::Quote { cite, .. } = &d.blocks[0] else {
        panic!()
    };
    assert!(cite.is_empty());
    let Block::Quote { cite, .. } = &d.blocks[1] else {
        panic!()
    };
    assert_eq!(cite, "Hồ Chí Minh");
}

#[test]
fn enter_in_a_list_adds_an_item_and_an_empty_item_ends_the_list() {
    let mut d = doc(vec![list(false, &["một", "hai", "ba"])]);
    let c = split(&mut d, Caret::new(Place::item(0, 1), 3)).unwrap();
    assert_eq!(c, Caret::new(Place::item(0, 2), 0));
    // the new empty item, Enter again: the list is cut, the item a paragraph
    let c = split(&mut d, c).unwrap();
    assert_eq!(c, at(1, 0));
    assert_eq!(d.blocks.len(), 3);
    assert_eq!(d.blocks[0], list(false, &["một", "hai"]));
    assert_eq!(d.blocks[1], p(""));
    assert_eq!(d.blocks[2], list(false, &["ba"]));
    // no newline inside a table cell
    let mut t = doc(vec![Block::Table {
        header: false,
        rows: vec![vec![runs_of("ô")]],
    }]);
    assert!(split(&mut t, Caret::new(Place::cell(0, 0, 0), 1)).is_none());
}

#[test]
fn backspace_at_the_start_joins_the_text_before() {
    let mut d = doc(vec![h(2, "Đại hội "), p("Đảng bộ tỉnh")]);
    let c = merge_back(&mut d, Place::text(1)).unwrap();
    assert_eq!(c, at(0, 8));
    assert_eq!(d.blocks, vec![h(2, "Đại hội Đảng bộ tỉnh")]);
    // the first block: a heading becomes a paragraph, a paragraph stays
    let c = merge_back(&mut d, Place::text(0)).unwrap();
    assert_eq!(c, at(0, 0));
    assert_eq!(d.blocks, vec![p("Đại hội Đảng bộ tỉnh")]);
    assert!(merge_back(&mut d, Place::text(0)).is_none());
    // into the last item of a list
    let mut d = doc(vec![list(true, &["một", "hai"]), p(" rưỡi")]);
    let c = merge_back(&mut d, Place::text(1)).unwrap();
    assert_eq!(c, Caret::new(Place::item(0, 1), 3));
    assert_eq!(d.blocks, vec![list(true, &["một", "hai rưỡi"])]);
    // not into a picture: the editor selects it instead
    let mut d = doc(vec![picture(), p("chú thích")]);
    assert!(merge_back(&mut d, Place::text(1)).is_none());
    assert_eq!(d.blocks.len(), 2);
}

#[test]
fn backspace_in_a_list_joins_items_and_the_first_leaves_the_list() {
    let mut d = doc(vec![list(false, &["một", "hai", "ba"])]);
    let c = merge_back(&mut d, Place::item(0, 1)).unwrap();
    assert_eq!(c, Caret::new(Place::item(0, 0), 3));
    assert_eq!(d.blocks, vec![list(false, &["mộthai", "ba"])]);
    let c = merge_back(&mut d, Place::item(0, 0)).unwrap();
    assert_eq!(c, at(0, 0));
    assert_eq!(d.blocks, vec![p("mộthai"), list(false, &["ba"])]);
}

#[test]
fn deleting_across_blocks_joins_the_ends() {
    let mut d = doc(vec![
        p("Sáng nay, "),
        picture(),
        h(2, "Hội nghị"),
        p("khai mạc trọng thể"),
    ]);
    let c = delete(&mut d, at(3, 9), at(0, 10)).unwrap();
    assert_eq!(c, at(0, 10));
    assert_eq!(d.blocks, vec![p("Sáng nay, trọng thể")]);
    // from a paragraph into a list's second item: the items before it go too
    let mut d = doc(vec![p("Gồm: "), list(false, &["một", "hai", "ba"])]);
    delete(&mut d, at(0, 5), Caret::new(Place::item(1, 1), 1)).unwrap();
    assert_eq!(d.blocks, vec![p("Gồm: ai"), list(false, &["ba"])]);
    // two items of one list
    let mut d = doc(vec![list(false, &["một", "hai", "ba"])]);
    delete(
        &mut d,
        Caret::new(Place::item(0, 0), 2),
        Caret::new(Place::item(0, 2), 1),
    )
    .unwrap();
    assert_eq!(d.blocks, vec![list(false, &["mộa"])]);
    // from a list's item to the end of the list's last item and into a paragraph
    let mut d = doc(vec![list(false, &["một", "hai"]), p("sau")]);
    delete(&mut d, Caret::new(Place::item(0, 0), 1), at(1, 1)).unwrap();
    assert_eq!(d.blocks, vec![list(false, &["mau"])]);
}

#[test]
fn converting_keeps_the_text() {
    let mut d = doc(vec![p("Tin vắn")]);
    convert(&mut d, 0, TextKind::Heading(3)).unwrap();
    assert_eq!(d.blocks, vec![h(3, "Tin vắn")]);
    convert(&mut d, 0, TextKind::List { ordered: true }).unwrap();
    assert_eq!(d.blocks, vec![list(true, &["Tin vắn"])]);
    let mut d = doc(vec![list(false, &["một", "hai"])]);
    convert(&mut d, 0, TextKind::Paragraph).unwrap();
    assert_eq!(d.blocks, vec![p("một"), p("hai")]);
    convert(&mut d, 1, TextKind::Quote).unwrap();
    assert!(matches!(&d.blocks[1], Block::Quote { cite, .. } if cite.is_empty()));
    convert(&mut d, 0, TextKind::Heading(9)).unwrap();
    assert_eq!(d.blocks[0], h(3, "một"), "levels 2 and 3 only");
    let mut d = doc(vec![picture()]);
    assert!(convert(&mut d, 0, TextKind::Paragraph).is_none());
}

#[test]
fn moving_adding_and_removing_blocks() {
    let mut d = doc(vec![p("a"), p("b"), p("c")]);
    assert_eq!(move_block(&mut d, 0, 2), Some(2));
    assert_eq!(d.blocks, vec![p("b"), p("c"), p("a")]);
    assert!(move_block(&mut d, 0, 3).is_none());
    insert_block(&mut d, 99, Block::Divider);
    assert_eq!(d.blocks[3], Block::Divider);
    assert_eq!(remove_block(&mut d, 3), Some(at(2, 1)));
    let mut d = doc(vec![picture(), p("sau")]);
    assert_eq!(remove_block(&mut d, 0), Some(at(0, 0)));
    let mut d = doc(vec![picture()]);
    assert_eq!(remove_block(&mut d, 0), Some(at(0, 0)));
    assert_eq!(d.blocks, vec![p("")], "never an empty document");
}
