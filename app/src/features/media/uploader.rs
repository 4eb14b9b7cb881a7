//! The uploader: files picked or dropped go up one request each, so each has its own
//! progress bar (the bytes sent, from the request's progress events), can be
//! cancelled, and when refused says why and can be tried again while the others go
//! on. Before sending, a file's first bytes tell whether the pictures' or the
//! documents' limit applies, so one too large is refused at once (the server checks
//! again, and decides the type from the whole file). Without JavaScript the same form
//! posts the chosen files as a plain multipart form and the server answers with the
//! library page.

use leptos::prelude::*;

use super::model::MediaLimits;
use crate::i18n::{fill, tmd};

/// Where files are sent (the server's upload endpoint), and the field they go in.
pub const UPLOAD_PATH: &str = "/quan-tri/thu-vien/tai-len";
pub const UPLOAD_FIELD: &str = "tep";

/// Where one upload is (the browser's side moves it on; the server renders none).
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
#[derive(Debug, Clone, PartialEq, Eq)]
enum Stage {
    Checking,
    Sending,
    /// Stored; `again` when the same file was in the library already.
    Done {
        again: bool,
    },
    Failed(String),
    Cancelled,
}

/// One file the uploader was given.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
#[derive(Debug, Clone, Copy)]
struct Job {
    key: u32,
    name: StoredValue<String>,
    size: f64,
    sent: RwSignal<f64>,
    stage: RwSignal<Stage>,
}

/// The files given to an uploader and where each is: made by the page, so they stay
/// while the page around the uploader is made again (after its list reloads).
#[derive(Clone, Copy)]
pub struct UploadQueue {
    jobs: RwSignal<Vec<Job>>,
    #[cfg(feature = "hydrate")]
    client: client::Client,
}

impl UploadQueue {
    /// `uploaded` runs when the files sent last have all ended and one was stored.
    pub fn new(uploaded: impl Fn() + Send + Sync + 'static) -> Self {
        let jobs = RwSignal::new(Vec::new());
        #[cfg(not(feature = "hydrate"))]
        let _ = uploaded;
        UploadQueue {
            jobs,
            #[cfg(feature = "hydrate")]
            client: client::Client::new(jobs, Callback::new(move |()| uploaded())),
        }
    }
}

/// The uploader's form, sending into `queue`.
#[component]
pub fn Uploader(queue: UploadQueue, limits: MediaLimits) -> impl IntoView {
    let jobs = queue.jobs;
    let dragging = RwSignal::new(false);
    // the browser's side is running (effects run only there)
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    let hint = fill(
        tmd().upload_limits,
        &[&limits.max_picture_mb, &limits.max_document_mb],
    );
    #[cfg(feature = "hydrate")]
    let client = queue.client;
    #[cfg(feature = "hydrate")]
    client.set_limits(limits);

    let on_change = move |_ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        client.take_input(&_ev);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        #[cfg(feature = "hydrate")]
        client.take_drop(&ev);
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        // with the uploader running, files go as soon as they are chosen
        ev.prevent_default();
    };
    let rows = move || {
        jobs.get()
            .into_iter()
            .map(|job| {
                #[cfg(feature = "hydrate")]
                {
                    job_row(job, client)
                }
                #[cfg(not(feature = "hydrate"))]
                {
                    job_row(job)
                }
            })
            .collect_view()
    };
    view! {
        <section class="uploader" aria-labelledby="tai-len">
            <h2 id="tai-len">{tmd().upload_heading}</h2>
            <form method="post" action=UPLOAD_PATH enctype="multipart/form-data" on:submit=on_submit
                class=move || if dragging.get() { "drop-zone dragging" } else { "drop-zone" }
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop>
                <label for="chon-tep">{tmd().drop_hint}</label>
                <input id="chon-tep" type="file" name=UPLOAD_FIELD multiple
                    accept="image/jpeg,image/png,image/webp,image/gif,.pdf,.docx,.xlsx,.odt"
                    aria-describedby="gioi-han-tep" on:change=on_change/>
                <p id="gioi-han-tep" class="muted">{hint}</p>
                // without JavaScript the form is sent as it is; with it files go when chosen
                <button type="submit" class="button-primary" hidden=move || ready.get()>{tmd().upload_submit}</button>
            </form>
            <ul class="uploads" aria-label=tmd().uploads_label aria-live="polite">{rows}</ul>
        </section>
    }
}

fn job_row(job: Job, #[cfg(feature = "hydrate")] client: client::Client) -> impl IntoView {
    let name = job.name.get_value();
    let label = fill(tmd().progress_label, &[&name]);
    let cancel_label = fill(tmd().cancel_label, &[&name]);
    let retry_label = fill(tmd().retry_label, &[&name]);
    let percent = move || {
        if job.size <= 0.0 {
            100
        } else {
            ((job.sent.get() / job.size) * 100.0).round().min(100.0) as u32
        }
    };
    let status = move || match job.stage.get() {
        Stage::Checking => tmd().checking.to_string(),
        Stage::Sending => fill(tmd().sending, &[&percent()]),
        Stage::Done { again: false } => tmd().done.to_string(),
        Stage::Done { again: true } => tmd().done_again.to_string(),
        Stage::Failed(why) => why,
        Stage::Cancelled => tmd().cancelled.to_string(),
    };
    let class = move || match job.stage.get() {
        Stage::Done { .. } => "upload upload-done",
        Stage::Failed(_) => "upload upload-failed",
        Stage::Cancelled => "upload upload-cancelled",
        _ => "upload",
    };
    let sending = move || matches!(job.stage.get(), Stage::Checking | Stage::Sending);
    let stopped = move || matches!(job.stage.get(), Stage::Failed(_) | Stage::Cancelled);
    let cancel = move |_| {
        #[cfg(feature = "hydrate")]
        client.cancel(job.key);
    };
    let retry = move |_| {
        #[cfg(feature = "hydrate")]
        client.start(job.key);
    };
    view! {
        <li class=class>
            <span class="upload-name">{name}</span>
            <progress max=job.size.max(1.0) value=move || job.sent.get() aria-label=label></progress>
            <span class="upload-status" role=move || stopped().then_some("alert")>{status}</span>
            <Show when=sending>
                <button type="button" class="button-secondary" aria-label=cancel_label.clone() on:click=cancel>
                    {tmd().cancel}
                </button>
            </Show>
            <Show when=stopped>
                <button type="button" class="button-secondary" aria-label=retry_label.clone() on:click=retry>
                    {tmd().retry}
                </button>
            </Show>
        </li>
    }
}

#[cfg(feature = "hydrate")]
mod client {
    //! The browser's side: the files kept for a retry, one request per file.

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
}
