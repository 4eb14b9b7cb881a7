//! Never losing work: every change is kept in this browser within a quarter second,
//! and at once when the page goes (a local copy that
//! survives a reload, a crash, a lost connection or an ended session, offered back when
//! the editor opens again) and saved to the server two seconds after the last change,
//! and at least every 30 seconds while changes go on. The state is always shown:
//! "Đã lưu lúc 10:42", saving, offline, refused (and why), or a conflict with a
//! newer revision saved by someone else, which stops the saving until it is settled.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::time::Duration;

use crate::core::error::AppError;
use crate::features::editorial::lock::{Lock, hold_lock};
use crate::features::editorial::model::{Draft, Saved};
use crate::features::editorial::save::save_draft;

/// A pause in changes after which they are saved.
pub const QUIET_MS: u64 = 2_000;
/// The longest changes wait while they go on.
pub const AT_MOST_MS: f64 = 30_000.0;
/// How long after the last change the local copy is written.
pub const KEEP_MS: u64 = 250;
/// A save that failed for the connection is tried again after this long.
pub const RETRY_MS: u64 = 10_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing changed since the article was opened.
    Opened,
    Changed,
    Saving,
    Saved {
        hour: u8,
        minute: u8,
    },
    /// No connection: kept in this browser, tried again.
    Offline,
    /// The server said no (a missing title, an ended session): kept in this browser.
    Refused(String),
    /// Someone saved a newer revision: nothing is saved until the editor chooses.
    Conflict,
    /// Someone else holds the article's lock: kept here, saved once it is ours.
    Locked,
}

/// What the browser keeps of an article being written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocalCopy {
    pub draft: Draft,
}

pub fn local_key(id: Option<i64>) -> String {
    match id {
        Some(id) => format!("toasoan-ban-sua-{id}"),
        None => "toasoan-ban-sua-moi".into(),
    }
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The copy this browser kept of the article, if any.
pub fn kept(id: Option<i64>) -> Option<LocalCopy> {
    let text = storage()?.get_item(&local_key(id)).ok()??;
    serde_json::from_str(&text).ok()
}

pub fn forget_kept(id: Option<i64>) {
    if let Some(s) = storage() {
        let _ = s.remove_item(&local_key(id));
    }
}

fn keep(draft: &Draft) {
    if let (Some(s), Ok(text)) = (
        storage(),
        serde_json::to_string(&LocalCopy {
            draft: draft.clone(),
        }),
    ) {
        let _ = s.set_item(&local_key(draft.id), &text);
    }
}

/// The saving of one editor: give it each draft as it changes.
#[derive(Clone, Copy)]
pub struct Saver {
    pub state: RwSignal<SaveState>,
    /// The article's id (once saved) and the revision the next save starts from.
    pub base: RwSignal<(Option<i64>, i64)>,
    /// The draft as the server has it.
    stored: StoredValue<Draft>,
    /// The latest draft, and since when it differs from the stored one.
    latest: StoredValue<Option<(Draft, f64)>>,
    /// Goes up with every change: a timer that finds it moved on does nothing.
    generation: StoredValue<u64>,
    in_flight: StoredValue<bool>,
    /// Who has the article (a save refused for the lock says so here).
    lock: RwSignal<Option<Lock>>,
}

fn now() -> f64 {
    super::surface::now_ms()
}

impl Saver {
    pub fn new(opened: Draft, lock: RwSignal<Option<Lock>>) -> Saver {
        Saver {
            state: RwSignal::new(SaveState::Opened),
            base: RwSignal::new((opened.id, opened.base_revision)),
            stored: StoredValue::new(opened),
            latest: StoredValue::new(None),
            generation: StoredValue::new(0),
            in_flight: StoredValue::new(false),
            lock,
        }
    }

    /// True while something is not on the server yet.
    pub fn unsaved(&self) -> bool {
        self.latest.with_value(|l| {
            l.as_ref()
                .is_some_and(|(d, _)| d.differs(&self.stored.get_value()))
        })
    }

    /// The editor's draft now (after a change, or on opening with a restored copy).
    pub fn changed(&self, draft: Draft) {
        if !self.stored.with_value(|s| draft.differs(s)) {
            self.latest.set_value(None);
            forget_kept(draft.id);
            return;
        }
        let since = self
            .latest
            .with_value(|l| l.as_ref().map(|(_, t)| *t))
            .unwrap_or_else(now);
        self.latest.set_value(Some((draft, since)));
        self.generation.update_value(|g| *g += 1);
        self.keep_soon();
        if matches!(
            self.state.get_untracked(),
            SaveState::Conflict | SaveState::Locked
        ) {
            return;
        }
        if !matches!(self.state.get_untracked(), SaveState::Saving) {
            self.state.set(SaveState::Changed);
        }
        if now() - since >= AT_MOST_MS {
            self.save(None);
        } else {
            self.later(QUIET_MS);
        }
    }

    /// The local copy written a moment after the last change (a whole long article
    /// at every key would cost the typing), and at once when the page goes (`flush`).
    fn keep_soon(&self) {
        let me = *self;
        let generation = self.generation.get_value();
        set_timeout(
            move || {
                if me.generation.try_get_value() == Some(generation) {
                    me.flush();
                }
            },
            Duration::from_millis(KEEP_MS),
        );
    }

    /// Writes the local copy of what is not on the server yet, now.
    pub fn flush(&self) {
        if let Some(Some((d, _))) = self.latest.try_get_value() {
            keep(&d);
        }
    }

    fn later(&self, ms: u64) {
        let me = *self;
        let generation = self.generation.get_value();
        set_timeout(
            move || {
                if me.generation.get_value() == generation {
                    me.save(None);
                }
            },
            Duration::from_millis(ms),
        );
    }

    /// Saves the latest draft now; `done` hears how it went (the Save button's).
    pub fn save(&self, done: Option<Callback<Result<Saved, AppError>>>) {
        let Some((mut draft, _)) = self.latest.get_value() else {
            if let Some(done) = done {
                let (id, revision) = self.base.get_untracked();
                match id {
                    Some(id) => done.run(Ok(Saved {
                        id,
                        revision,
                        changed: false,
                        hour: 0,
                        minute: 0,
                    })),
                    None => self.send(self.stored.get_value(), Some(done)),
                }
            }
            return;
        };
        if self.in_flight.get_value() {
            // saved again when the one under way is back
            return;
        }
        let (id, base) = self.base.get_untracked();
        draft.id = id;
        draft.base_revision = base;
        self.send(draft, done);
    }

    fn send(&self, draft: Draft, done: Option<Callback<Result<Saved, AppError>>>) {
        let me = *self;
        self.in_flight.set_value(true);
        self.state.set(SaveState::Saving);
        leptos::task::spawn_local(async move {
            let result = save_draft(draft.clone()).await;
            me.in_flight.set_value(false);
            match &result {
                Ok(saved) => {
                    let was_new = draft.id.is_none();
                    me.base.set((Some(saved.id), saved.revision));
                    me.stored.set_value(Draft {
                        id: Some(saved.id),
                        base_revision: saved.revision,
                        ..draft.clone()
                    });
                    if was_new {
                        forget_kept(None);
                        moved_to(saved.id);
                    }
                    me.state.set(SaveState::Saved {
                        hour: saved.hour,
                        minute: saved.minute,
                    });
                    // what changed while it was on its way
                    match me.latest.get_value() {
                        Some((mut d, since)) => {
                            d.id = Some(saved.id);
                            if d.differs(&me.stored.get_value()) {
                                me.latest.set_value(Some((d.clone(), since)));
                                keep(&d);
                                me.state.set(SaveState::Changed);
                                me.later(QUIET_MS);
                            } else {
                                me.latest.set_value(None);
                                forget_kept(Some(saved.id));
                            }
                        }
                        None => forget_kept(Some(saved.id)),
                    }
                }
                Err(AppError::Conflict(_)) => {
                    // the lock, or a newer revision?
                    let held = match draft.id {
                        Some(id) => hold_lock(id, false).await.ok(),
                        None => None,
                    };
                    match held {
                        Some(l @ Lock::Held { .. }) => {
                            me.lock.set(Some(l));
                            me.state.set(SaveState::Locked);
                        }
                        _ => me.state.set(SaveState::Conflict),
                    }
                }
                Err(AppError::Network) => {
                    me.state.set(SaveState::Offline);
                    me.later(RETRY_MS);
                }
                Err(e) => me.state.set(SaveState::Refused(e.to_string())),
            }
            if let Some(done) = done {
                done.run(result);
            }
        });
    }

    /// The lock is ours again: what waited is saved.
    pub fn resume(&self) {
        if self.state.get_untracked() == SaveState::Locked {
            self.state.set(SaveState::Changed);
            if let Some((d, _)) = self.latest.get_value() {
                self.changed(d);
            }
        }
    }

    /// The conflict settled: the next save starts from revision `base` (the editor
    /// keeps its own text over the newer one, or has taken the newer one).
    pub fn settled(&self, stored: Draft) {
        self.base.set((stored.id, stored.base_revision));
        self.stored.set_value(stored);
        self.state.set(SaveState::Changed);
        if let Some((d, _)) = self.latest.get_value() {
            self.changed(d);
        } else {
            self.state.set(SaveState::Opened);
        }
    }
}

/// A new article saved for the first time: the address becomes its editing page's
/// (a reload opens it again), and its kept copy goes under its id.
fn moved_to(id: i64) {
    let href = crate::core::links::edit_href(id);
    if let Ok(h) = window().history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href));
    }
}
