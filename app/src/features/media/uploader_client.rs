//! The uploader's browser side: the files kept for a retry, one XMLHttpRequest per
//! file with its progress events, and the end of a batch.

use std::collections::HashMap;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Event, File, FormData, ProgressEvent, XmlHttpRequest};

use super::{Job, Stage, UPLOAD_FIELD, UPLOAD_PATH};
use crate::features::media::model::{MediaLimits, picture_head};
use crate::i18n::{fill, tmd};

/// A request on its way, and its handlers (dropped with it).
struct Sending {
    xhr: XmlHttpRequest,
    _handlers: Vec<Closure<dyn FnMut(Event)>>,
}

#[derive(Clone, Copy)]
pub struct Client {
    jobs: RwSignal<Vec<Job>>,
    limits: StoredValue<MediaLimits>,
    uploaded: Callback<()>,
    /// A file was stored since `uploaded` last ran.
    stored: StoredValue<bool>,
    files: StoredValue<HashMap<u32, File>, LocalStorage>,
    sending: StoredValue<HashMap<u32, Sending>, LocalStorage>,
    next: StoredValue<u32>,
    /// Where the queue was made (its files' signals live there).
    owner: StoredValue<Owner, LocalStorage>,
}

/// How a request ended.
enum End {
    Answered(u16, String),
    Lost,
    Cancelled,
}

impl Client {
    pub fn new(jobs: RwSignal<Vec<Job>>, uploaded: Callback<()>) -> Self {
        Client {
            jobs,
            limits: StoredValue::new(MediaLimits::default()),
            uploaded,
            stored: StoredValue::new(false),
            files: StoredValue::new_local(HashMap::new()),
            sending: StoredValue::new_local(HashMap::new()),
            next: StoredValue::new(0),
            owner: StoredValue::new_local(Owner::current().unwrap_or_default()),
        }
    }

    /// What the server takes (the uploader knows it once its page has loaded).
    pub fn set_limits(self, limits: MediaLimits) {
        self.limits.set_value(limits);
    }

    /// The files chosen in the file field (which is emptied for the next choice).
    pub fn take_input(self, ev: &leptos::ev::Event) {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(list) = input.files() {
            self.add_all(&list);
        }
        input.set_value("");
    }

    /// The files dropped on the form.
    pub fn take_drop(self, ev: &leptos::ev::DragEvent) {
        if let Some(list) = ev.data_transfer().and_then(|d| d.files()) {
            self.add_all(&list);
        }
    }

    fn add_all(self, list: &web_sys::FileList) {
        for i in 0..list.length() {
            if let Some(file) = list.item(i) {
                self.add(file);
            }
        }
    }

    fn add(self, file: File) {
        let key = self.next.get_value();
        self.next.set_value(key + 1);
        // owned by the queue's page, not by the uploader that is made again
        let job = self.owner.with_value(|owner| {
            owner.with(|| Job {
                key,
                name: StoredValue::new(file.name()),
                size: file.size(),
                sent: RwSignal::new(0.0),
                stage: RwSignal::new(Stage::Checking),
            })
        });
        self.files.update_value(|f| {
            f.insert(key, file);
        });
        self.jobs.update(|j| j.push(job));
        self.start(key);
    }

    fn job(self, key: u32) -> Option<Job> {
        self.jobs
            .with_untracked(|j| j.iter().find(|j| j.key == key).copied())
    }

    /// Sends file `key` (again).
    pub fn start(self, key: u32) {
        let (Some(job), Some(file)) = (
            self.job(key),
            self.files.with_value(|f| f.get(&key).cloned()),
        ) else {
            return;
        };
        job.sent.set(0.0);
        job.stage.set(Stage::Checking);
        leptos::task::spawn_local(async move {
            let head = first_bytes(&file).await;
            if job.stage.get_untracked() != Stage::Checking {
                // cancelled meanwhile
                return;
            }
            let picture = picture_head(&head);
            let max = self.limits.get_value().max_bytes(picture);
            if file.size() > max as f64 {
                let mb = max / (1024 * 1024);
                job.stage.set(Stage::Failed(fill(tmd().too_big, &[&mb])));
                self.settle();
                return;
            }
            job.stage.set(Stage::Sending);
            match self.send(key, job, &file) {
                Ok(sending) => self.sending.update_value(|s| {
                    s.insert(key, sending);
                }),
                Err(_) => job.stage.set(Stage::Failed(tmd().network_failed.into())),
            }
        });
    }

    /// Stops file `key`'s request.
    pub fn cancel(self, key: u32) {
        self.sending.with_value(|s| {
            if let Some(sending) = s.get(&key) {
                let _ = sending.xhr.abort();
            }
        });
        if let Some(job) = self.job(key)
            && job.stage.get_untracked() == Stage::Checking
        {
            job.stage.set(Stage::Cancelled);
        }
    }

    fn send(self, key: u32, job: Job, file: &File) -> Result<Sending, wasm_bindgen::JsValue> {
        let xhr = XmlHttpRequest::new()?;
        xhr.open_with_async("POST", UPLOAD_PATH, true)?;
        xhr.set_request_header("Accept", "application/json")?;
        let form = FormData::new()?;
        form.append_with_blob_and_filename(UPLOAD_FIELD, file, &file.name())?;

        let progress = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
            if let Some(p) = e.dyn_ref::<ProgressEvent>() {
                job.sent.set(p.loaded());
            }
        });
        xhr.upload()?
            .set_onprogress(Some(progress.as_ref().unchecked_ref()));
        let end = move |how: End| self.ended(key, job, how);
        let answered = {
            let xhr = xhr.clone();
            Closure::<dyn FnMut(Event)>::new(move |_| {
                let status = xhr.status().unwrap_or(0);
                let text = xhr.response_text().ok().flatten().unwrap_or_default();
                end(End::Answered(status, text));
            })
        };
        let lost = Closure::<dyn FnMut(Event)>::new(move |_| end(End::Lost));
        let cancelled = Closure::<dyn FnMut(Event)>::new(move |_| end(End::Cancelled));
        xhr.set_onload(Some(answered.as_ref().unchecked_ref()));
        xhr.set_onerror(Some(lost.as_ref().unchecked_ref()));
        xhr.set_onabort(Some(cancelled.as_ref().unchecked_ref()));
        xhr.send_with_opt_form_data(Some(&form))?;
        Ok(Sending {
            xhr,
            _handlers: vec![progress, answered, lost, cancelled],
        })
    }

    fn ended(self, key: u32, job: Job, how: End) {
        let stage = match how {
            End::Answered(status, text) if (200..300).contains(&status) => {
                job.sent.set(job.size);
                let again = serde_json::from_str::<Vec<serde_json::Value>>(&text)
                    .ok()
                    .and_then(|v| v.first()?.get("new")?.as_bool())
                    .is_some_and(|new| !new);
                self.stored.set_value(true);
                Stage::Done { again }
            }
            End::Answered(status, text) => Stage::Failed(
                serde_json::from_str::<serde_json::Value>(&text)
                    .ok()
                    .and_then(|v| v.get("error")?.as_str().map(str::to_string))
                    .unwrap_or_else(|| format!("{} (HTTP {status})", tmd().network_failed)),
            ),
            End::Lost => Stage::Failed(tmd().network_failed.into()),
            End::Cancelled => Stage::Cancelled,
        };
        job.stage.set(stage);
        self.settle();
        // the handlers are dropped once the one running now has returned
        let sending = self.sending;
        leptos::task::spawn_local(async move {
            sending.update_value(|s| {
                s.remove(&key);
            });
        });
    }
}

/// Sends one file on its own (a picture pasted or dropped into the editor): `done`
/// hears what was stored, or why not, in words for the editor.
pub fn send_one(
    file: &File,
    done: impl FnOnce(Result<crate::features::media::model::Uploaded, String>) + 'static,
) {
    let failed = || tmd().network_failed.to_string();
    let Ok(xhr) = XmlHttpRequest::new() else {
        return done(Err(failed()));
    };
    let form = FormData::new();
    let sent = form.and_then(|form| {
        form.append_with_blob_and_filename(UPLOAD_FIELD, file, &file.name())?;
        xhr.open_with_async("POST", UPLOAD_PATH, true)?;
        xhr.set_request_header("Accept", "application/json")?;
        Ok(form)
    });
    let Ok(form) = sent else {
        return done(Err(failed()));
    };
    // one of the two runs; both are freed with the request's end (`once`)
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let answer = {
        let (xhr, done) = (xhr.clone(), done.clone());
        Closure::once_into_js(move |_: Event| {
            let status = xhr.status().unwrap_or(0);
            let text = xhr.response_text().ok().flatten().unwrap_or_default();
            let result = if (200..300).contains(&status) {
                serde_json::from_str::<Vec<crate::features::media::model::Uploaded>>(&text)
                    .ok()
                    .and_then(|v| v.into_iter().next())
                    .ok_or_else(failed)
            } else {
                Err(serde_json::from_str::<serde_json::Value>(&text)
                    .ok()
                    .and_then(|v| v.get("error")?.as_str().map(str::to_string))
                    .unwrap_or_else(|| format!("{} (HTTP {status})", failed())))
            };
            if let Some(done) = done.borrow_mut().take() {
                done(result);
            }
        })
    };
    let lost = Closure::once_into_js(move |_: Event| {
        if let Some(done) = done.borrow_mut().take() {
            done(Err(failed()));
        }
    });
    xhr.set_onload(Some(answer.unchecked_ref()));
    xhr.set_onerror(Some(lost.unchecked_ref()));
    let _ = xhr.send_with_opt_form_data(Some(&form));
}

impl Client {
    /// Once no file is on its way any more and one was stored, the list shows them.
    fn settle(self) {
        let busy = self.jobs.with_untracked(|jobs| {
            jobs.iter()
                .any(|j| matches!(j.stage.get_untracked(), Stage::Checking | Stage::Sending))
        });
        if !busy && self.stored.get_value() {
            self.stored.set_value(false);
            self.uploaded.run(());
        }
    }
}

/// A file's first 16 bytes (empty when they cannot be read).
async fn first_bytes(file: &File) -> Vec<u8> {
    let Ok(head) = file.slice_with_i32_and_i32(0, 16) else {
        return Vec::new();
    };
    match wasm_bindgen_futures::JsFuture::from(head.array_buffer()).await {
        Ok(buf) => js_sys::Uint8Array::new(&buf).to_vec(),
        Err(_) => Vec::new(),
    }
}
