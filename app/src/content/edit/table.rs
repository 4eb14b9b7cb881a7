//! The editor's table operations: rows and columns added and removed (a table keeps at
//! least one cell and its rows the same width, within `validate::MAX_TABLE_CELLS`), the
//! header row switched, and Tab / Shift+Tab from cell to cell (Tab in the last cell
//! adds a row, as in a word processor).

use super::{Part, Place};
use crate::content::validate::MAX_TABLE_CELLS;
use crate::content::{Block, Doc, Inline};

/// The rows of the table at `block`.
fn rows_mut(doc: &mut Doc, block: usize) -> Option<&mut Vec<Vec<Vec<Inline>>>> {
    match doc.blocks.get_mut(block)? {
        Block::Table { rows, .. } => Some(rows),
        _ => None,
    }
}

/// A new table of `rows` × `cols` empty cells, with a header row.
pub fn new_table(rows: usize, cols: usize) -> Block {
    let (rows, cols) = (rows.max(1), cols.max(1));
    Block::Table {
        header: true,
        rows: vec![vec![Vec::new(); cols]; rows],
    }
}

/// The table's width (its widest row).
fn width(rows: &[Vec<Vec<Inline>>]) -> usize {
    rows.iter().map(Vec::len).max().unwrap_or(0)
}

/// Adds an empty row at `at` (at most after the last).
pub fn add_row(doc: &mut Doc, block: usize, at: usize) -> Option<Place> {
    let rows = rows_mut(doc, block)?;
    let cols = width(rows).max(1);
    if (rows.len() + 1) * cols > MAX_TABLE_CELLS {
        return None;
    }
    let at = at.min(rows.len());
    rows.insert(at, vec![Vec::new(); cols]);
    Some(Place::cell(block, at, 0))
}

/// Removes row `at`, unless it is the only one.
pub fn remove_row(doc: &mut Doc, block: usize, at: usize) -> Option<Place> {
    let rows = rows_mut(doc, block)?;
    if rows.len() < 2 || at >= rows.len() {
        return None;
    }
    rows.remove(at);
    Some(Place::cell(block, at.min(rows.len() - 1), 0))
}

/// Adds an empty column at `at` in every row.
pub fn add_column(doc: &mut Doc, block: usize, at: usize) -> Option<Place> {
    let rows = rows_mut(doc, block)?;
    let cols = width(rows);
    if rows.len() * (cols + 1) > MAX_TABLE_CELLS {
        return None;
    }
    let at = at.min(cols);
    for row in rows.iter_mut() {
        row.resize(cols, Vec::new());
        row.insert(at, Vec::new());
    }
    Some(Place::cell(block, 0, at))
}

/// Removes column `at` from every row, unless it is the only one.
pub fn remove_column(doc: &mut Doc, block: usize, at: usize) -> Option<Place> {
    let rows = rows_mut(doc, block)?;
    let cols = width(rows);
    if cols < 2 || at >= cols {
        return None;
    }
    for row in rows.iter_mut() {
        row.resize(cols, Vec::new());
        row.remove(at);
    }
    Some(Place::cell(block, 0, at.min(cols - 2)))
}

/// Switches the header row on or off.
pub fn set_header(doc: &mut Doc, block: usize, on: bool) -> Option<()> {
    match doc.blocks.get_mut(block)? {
        Block::Table { header, .. } => {
            *header = on;
            Some(())
        }
        _ => None,
    }
}

/// Tab (`back`: Shift+Tab) from the cell at `at`: the next cell in reading order; Tab
/// in the last cell adds a row and goes to its first cell; Shift+Tab in the first
/// stays. None outside a table.
pub fn next_cell(doc: &mut Doc, at: Place, back: bool) -> Option<Place> {
    let Part::Cell { row, col } = at.part else {
        return None;
    };
    let rows = rows_mut(doc, at.block)?;
    let cols = width(rows);
    let (rows_n, index) = (rows.len(), row * cols + col);
    if back {
        let i = index.saturating_sub(1);
        return Some(Place::cell(at.block, i / cols, i % cols));
    }
    if index + 1 < rows_n * cols {
        let i = index + 1;
        return Some(Place::cell(at.block, i / cols, i % cols));
    }
    add_row(doc, at.block, rows_n).or(Some(at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::edit::testing::*;
    use crate::content::edit::text;

    fn table(cells: &[&[&str]]) -> Doc {
        doc(vec![Block::Table {
            header: true,
            rows: cells
                .iter()
                .map(|r| r.iter().map(|c| runs_of(c)).collect())
                .collect(),
        }])
    }

    fn cells(d: &Doc) -> Vec<Vec<String>> {
        let Block::Table { rows, .. } = &d.blocks[0] else {
            panic!()
        };
        rows.iter()
            .map(|r| r.iter().map(|c| crate::content::runs_text(c)).collect())
            .collect()
    }

    #[test]
    fn rows_and_columns_come_and_go_and_rows_stay_even() {
        let mut d = table(&[&["Tỉnh", "Dân số"], &["Bắc Ninh", "1,4 triệu"]]);
        assert_eq!(add_row(&mut d, 0, 1), Some(Place::cell(0, 1, 0)));
        assert_eq!(cells(&d)[1], vec!["", ""]);
        assert_eq!(add_column(&mut d, 0, 1), Some(Place::cell(0, 0, 1)));
        assert_eq!(cells(&d)[0], vec!["Tỉnh", "", "Dân số"]);
        assert_eq!(remove_column(&mut d, 0, 0), Some(Place::cell(0, 0, 0)));
        assert_eq!(cells(&d)[2], vec!["", "1,4 triệu"]);
        remove_row(&mut d, 0, 1).unwrap();
        assert_eq!(cells(&d), vec![vec!["", "Dân số"], vec!["", "1,4 triệu"]]);
        // the last row and the last column stay
        let mut one = table(&[&["ô"]]);
        assert!(remove_row(&mut one, 0, 0).is_none());
        assert!(remove_column(&mut one, 0, 0).is_none());
        // a ragged row (an imported table) is made even when a column is added
        let mut ragged = table(&[&["a", "b"], &["c"]]);
        add_column(&mut ragged, 0, 2).unwrap();
        assert_eq!(cells(&ragged), vec![vec!["a", "b", ""], vec!["c", "", ""]]);
        set_header(&mut ragged, 0, false).unwrap();
        assert!(matches!(
            ragged.blocks[0],
            Block::Table { header: false, .. }
        ));
        assert!(
            add_row(&mut doc(vec![p("x")]), 0, 0).is_none(),
            "not a table"
        );
    }

    #[test]
    fn tab_moves_between_cells_and_adds_a_row_at_the_end() {
        let mut d = table(&[&["a", "b"], &["c", "d"]]);
        assert_eq!(
            next_cell(&mut d, Place::cell(0, 0, 1), false),
            Some(Place::cell(0, 1, 0))
        );
        assert_eq!(
            next_cell(&mut d, Place::cell(0, 1, 0), true),
            Some(Place::cell(0, 0, 1))
        );
        assert_eq!(
            next_cell(&mut d, Place::cell(0, 0, 0), true),
            Some(Place::cell(0, 0, 0))
        );
        let last = next_cell(&mut d, Place::cell(0, 1, 1), false).unwrap();
        assert_eq!(last, Place::cell(0, 2, 0));
        assert!(text(&d, last).is_some_and(Vec::is_empty));
        assert!(next_cell(&mut d, Place::text(0), false).is_none());
    }

    #[test]
    fn a_table_stays_within_the_cell_limit() {
        let mut d = doc(vec![new_table(MAX_TABLE_CELLS / 2, 2)]);
        assert!(add_row(&mut d, 0, 0).is_none());
        assert!(add_column(&mut d, 0, 0).is_none());
        assert_eq!(
            new_table(0, 0),
            Block::Table {
                header: true,
                rows: vec![vec![Vec::new()]]
            }
        );
    }
}
