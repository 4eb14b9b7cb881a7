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

/// Sends one file on its own, outside any uploader (a picture pasted or dropped into
/// the editor): `done` hears what was stored, or why not. In the browser only.
pub fn send_one(
    file: &web_sys::File,
    done: impl FnOnce(Result<super::model::Uploaded, String>) + 'static,
) {
    #[cfg(feature = "hydrate")]
    client::send_one(file, done);
    #[cfg(not(feature = "hydrate"))]
    let _ = (file, done);
}

#[cfg(feature = "hydrate")]
#[path = "uploader_client.rs"]
mod client;
