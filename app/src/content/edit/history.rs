//! Undo and redo for the editor. Before each change the editor records the document as
//! it was and where the caret was; typing into one text goes into one step until a
//! pause, another kind of change, another text or a word's worth of steps, and an IME
//! composition (Telex, VNI, Gboard) is one step however many updates it took. Undo
//! gives back the document and the caret of before the step; redo the one after.

use super::Caret;
use crate::content::Doc;

/// What a change was, for grouping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Characters typed (not composed).
    Typing,
    /// Characters deleted one key at a time (Backspace, Delete).
    Deleting,
    /// An IME composition, from its start to its end.
    Composition,
    /// Anything else: Enter, paste, marks, blocks, tables. Always a step of its own.
    Other,
}

/// A pause in typing that ends a step, in milliseconds.
pub const PAUSE_MS: f64 = 1_000.0;

/// The most changes one typing step holds (about a word at a time).
pub const STEP_CHANGES: usize = 20;

/// The most steps kept.
pub const STEPS_KEPT: usize = 300;

#[derive(Debug, Clone)]
struct Step {
    before: Doc,
    caret_before: Option<Caret>,
    change: Change,
    caret_after: Option<Caret>,
    last_ms: f64,
    changes: usize,
}

/// The editor's history of changes.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<(Doc, Option<Caret>, Option<Caret>)>,
    /// The next change starts a step (a click, a save, a focus change).
    sealed: bool,
    /// Inside a composition: its updates are one step.
    composing: bool,
}

impl History {
    pub fn new() -> History {
        History::default()
    }

    /// Call before applying a change of kind `change` to `doc` (as it is now), with the
    /// caret before it, at `now_ms`.
    pub fn record(&mut self, doc: &Doc, caret: Option<Caret>, change: Change, now_ms: f64) {
        self.redo.clear();
        if let Some(last) = self.undo.last_mut() {
            let same_text = match (last.caret_after, caret) {
                (Some(a), Some(b)) => a.at == b.at,
                _ => false,
            };
            let goes_on = match change {
                Change::Composition => self.composing && last.change == Change::Composition,
                Change::Typing | Change::Deleting => {
                    last.change == change
                        && same_text
                        && now_ms - last.last_ms < PAUSE_MS
                        && last.changes < STEP_CHANGES
                }
                Change::Other => false,
            };
            if goes_on && !self.sealed {
                last.last_ms = now_ms;
                last.changes += 1;
                return;
            }
        }
        self.sealed = false;
        self.composing = change == Change::Composition;
        self.undo.push(Step {
            before: doc.clone(),
            caret_before: caret,
            change,
            caret_after: caret,
            last_ms: now_ms,
            changes: 1,
        });
        if self.undo.len() > STEPS_KEPT {
            self.undo.remove(0);
        }
    }

    /// Call after the change: where the caret went.
    pub fn moved_to(&mut self, caret: Option<Caret>) {
        if let Some(last) = self.undo.last_mut() {
            last.caret_after = caret;
        }
    }

    /// The composition ended (`compositionend`): the next change starts a step.
    pub fn composition_ended(&mut self) {
        self.composing = false;
        self.sealed = true;
    }

    /// The next change starts a step, whatever it is.
    pub fn seal(&mut self) {
        self.sealed = true;
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Undoes the last step on `doc`: the caret to put back (None: nothing to undo).
    pub fn undo(&mut self, doc: &mut Doc) -> Option<Option<Caret>> {
        let step = self.undo.pop()?;
        let after = std::mem::replace(doc, step.before);
        self.redo.push((after, step.caret_before, step.caret_after));
        self.sealed = true;
        Some(step.caret_before)
    }

    /// Does again the last step undone: the caret to put back.
    pub fn redo(&mut self, doc: &mut Doc) -> Option<Option<Caret>> {
        let (after, caret_before, caret_after) = self.redo.pop()?;
        let before = std::mem::replace(doc, after);
        self.undo.push(Step {
            before,
            caret_before,
            change: Change::Other,
            caret_after,
            last_ms: f64::NEG_INFINITY,
            changes: 1,
        });
        self.sealed = true;
        Some(caret_after)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::edit::blocks::{insert_text, split};
    use crate::content::edit::testing::*;
    use crate::content::edit::{Place, text_mut};

    /// Types `s` one character at a time, `gap` ms apart, from `t0`.
    fn type_in(h: &mut History, d: &mut Doc, caret: &mut Caret, s: &str, t0: f64, gap: f64) {
        for (i, ch) in s.chars().enumerate() {
            h.record(d, Some(*caret), Change::Typing, t0 + i as f64 * gap);
            *caret = insert_text(d, *caret, &ch.to_string(), None).unwrap();
            h.moved_to(Some(*caret));
        }
    }

    #[test]
    fn typing_is_grouped_until_a_pause_and_undo_restores_the_caret() {
        let mut d = doc(vec![p("")]);
        let mut h = History::new();
        let mut c = Caret::new(Place::text(0), 0);
        type_in(&mut h, &mut d, &mut c, "Xin ", 0.0, 100.0);
        type_in(&mut h, &mut d, &mut c, "chào", 5_000.0, 100.0);
        assert_eq!(said(&d, Place::text(0)), "Xin chào");
        assert_eq!(h.undo(&mut d), Some(Some(Caret::new(Place::text(0), 4))));
        assert_eq!(said(&d, Place::text(0)), "Xin ");
        assert_eq!(h.undo(&mut d), Some(Some(Caret::new(Place::text(0), 0))));
        assert_eq!(d, doc(vec![p("")]));
        assert_eq!(h.undo(&mut d), None);
        assert_eq!(h.redo(&mut d), Some(Some(Caret::new(Place::text(0), 4))));
        assert_eq!(h.redo(&mut d), Some(Some(Caret::new(Place::text(0), 8))));
        assert_eq!(said(&d, Place::text(0)), "Xin chào");
        assert!(!h.can_redo());
    }

    #[test]
    fn a_long_run_of_typing_is_several_steps_and_enter_is_one_of_its_own() {
        let mut d = doc(vec![p("")]);
        let mut h = History::new();
        let mut c = Caret::new(Place::text(0), 0);
        let text = "Nghị quyết Đại hội đại biểu"; // 27 characters: two steps
        type_in(&mut h, &mut d, &mut c, text, 0.0, 50.0);
        h.record(&d, Some(c), Change::Other, 2_000.0);
        c = split(&mut d, c).unwrap();
        h.moved_to(Some(c));
        assert_eq!(d.blocks.len(), 2);
        h.undo(&mut d).unwrap();
        assert_eq!(d.blocks.len(), 1, "Enter undone alone");
        h.undo(&mut d).unwrap();
        assert_eq!(said(&d, Place::text(0)).chars().count(), STEP_CHANGES);
        h.undo(&mut d).unwrap();
        assert_eq!(said(&d, Place::text(0)), "");
    }

    #[test]
    fn a_composition_is_one_step_and_a_new_change_drops_the_redo() {
        // Telex: t, ti, tiê, tiế, tiến, tiếng — the browser rewrites the word as it goes
        let mut d = doc(vec![p("Tiếng ")]);
        let mut h = History::new();
        let start = Caret::new(Place::text(0), 6);
        for (i, word) in ["t", "ti", "tiê", "tiế", "tiến", "tiếng"]
            .iter()
            .enumerate()
        {
            h.record(&d, Some(start), Change::Composition, i as f64 * 3_000.0);
            let runs = text_mut(&mut d, Place::text(0)).unwrap();
            *runs = runs_of(&format!("Tiếng {word}"));
            h.moved_to(Some(Caret::new(Place::text(0), 6 + word.chars().count())));
        }
        h.composition_ended();
        assert_eq!(said(&d, Place::text(0)), "Tiếng tiếng");
        // the next composition is a step of its own
        h.record(&d, Some(start), Change::Composition, 20_000.0);
        *text_mut(&mut d, Place::text(0)).unwrap() = runs_of("Tiếng tiếng V");
        h.composition_ended();
        h.undo(&mut d).unwrap();
        assert_eq!(said(&d, Place::text(0)), "Tiếng tiếng");
        h.undo(&mut d).unwrap();
        assert_eq!(
            said(&d, Place::text(0)),
            "Tiếng ",
            "one step for the whole word"
        );
        assert!(h.can_redo());
        h.record(&d, Some(start), Change::Typing, 30_000.0);
        assert!(
            !h.can_redo(),
            "a new change after an undo drops what could be redone"
        );
    }

    #[test]
    fn typing_in_another_text_or_after_a_seal_starts_a_step() {
        let mut d = doc(vec![p(""), p("")]);
        let mut h = History::new();
        let mut a = Caret::new(Place::text(0), 0);
        let mut b = Caret::new(Place::text(1), 0);
        type_in(&mut h, &mut d, &mut a, "một", 0.0, 10.0);
        type_in(&mut h, &mut d, &mut b, "hai", 100.0, 10.0);
        h.seal();
        type_in(&mut h, &mut d, &mut b, "ba", 200.0, 10.0);
        h.undo(&mut d).unwrap();
        assert_eq!(said(&d, Place::text(1)), "hai");
        h.undo(&mut d).unwrap();
        assert_eq!(said(&d, Place::text(1)), "");
        assert_eq!(said(&d, Place::text(0)), "một");
    }
}
