//! The client's files in the page head: the stylesheet, the module preload, the WASM
//! preload, the script that wakes the page's islands, and the preloads of a lazily
//! loaded island's part on the pages that have one. There are two clients: the
//! reader's (every public page) and the staff's (the admin area's pages, `src/staff`),
//! so a reader never downloads the admin area. Their content-hashed names
//! (cargo-leptos' `hash.txt` beside the server binary, the staff client's `staff.json`)
//! and the split manifest of the lazily loaded parts are read once per process, not on
//! every render as Leptos' own `HashedStylesheet` and `HydrationScripts` do.
//!
//! The preloads say `crossorigin="anonymous"`: the fetch that instantiates the WASM and
//! the module import are CORS requests with same-origin credentials, so only a preload
//! in that mode is claimed by them. (Leptos 0.8.23 writes the CSP nonce, when there is
//! one, into `crossorigin`, leptos-rs/leptos#4843; here it goes on the script only.)

use leptos::prelude::*;

/// Where the client's files are, as the page links them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClientFiles {
    /// e.g. `/pkg/toasoan.Ab12.js`
    pub js: String,
    /// e.g. `/pkg/toasoan.Cd34.wasm`
    pub wasm: String,
    /// e.g. `/pkg/toasoan.Ef56.css`
    pub css: String,
    /// The split manifest (lazy part → the WASM files it needs) and the split loader's
    /// file name, when the client was built with `--split`.
    pub split: Option<(std::collections::HashMap<String, Vec<String>>, String)>,
    /// The staff's client, when it was built (scripts/staff-client.sh).
    pub staff: Option<StaffFiles>,
}

/// The staff's client, in its folder of the pkg folder: its module and its WASM
/// (`staff.<hash>/toasoan-staff.js`, …) and the WASM files of its lazily loaded part
/// (the block editor's, fetched on the editor's pages only).
#[derive(Clone, Debug, Default, PartialEq, serde::Deserialize)]
pub struct StaffFiles {
    pub js: String,
    pub wasm: String,
    #[serde(default)]
    pub parts: Vec<String>,
}

/// The file naming the staff client's files, in the pkg folder.
pub const STAFF_MANIFEST: &str = "staff.json";

/// True on the admin area's pages: their own frame, and the staff's client.
pub fn in_admin(path: &str) -> bool {
    path == "/quan-tri" || path.starts_with("/quan-tri/")
}

impl ClientFiles {
    /// The names for a build: `hashes` is the content of `hash.txt` (None when the
    /// names are plain), `manifest` reads a file of the pkg folder by name.
    pub fn new(
        output: &str,
        pkg: &str,
        hashes: Option<&str>,
        manifest: impl Fn(&str) -> Option<String>,
    ) -> Self {
        let hash = |kind: &str| {
            hashes.and_then(|text| {
                text.lines().find_map(|line| {
                    let (k, v) = line.split_once(':')?;
                    (k.trim() == kind).then(|| v.trim().to_string())
                })
            })
        };
        let named = |kind: &str, ext: &str| match hash(kind) {
            Some(h) => format!("/{pkg}/{output}.{h}.{ext}"),
            None if ext == "wasm" => format!("/{pkg}/{output}_bg.wasm"),
            None => format!("/{pkg}/{output}.{ext}"),
        };
        let manifest_name = match hash("manifest") {
            Some(h) => format!("__wasm_split_manifest.{h}.json"),
            None => "__wasm_split_manifest.json".to_string(),
        };
        let loader = match hash("split") {
            Some(h) => format!("__wasm_split.{h}.js"),
            None => "__wasm_split.______________________.js".to_string(),
        };
        let split = manifest(&manifest_name)
            .and_then(|text| serde_json::from_str(&text).ok())
            .map(|parts| (parts, loader));
        let staff = manifest(STAFF_MANIFEST)
            .and_then(|text| serde_json::from_str::<StaffFiles>(&text).ok())
            .map(|files| StaffFiles {
                js: format!("/{pkg}/{}", files.js),
                wasm: format!("/{pkg}/{}", files.wasm),
                parts: files.parts.iter().map(|p| format!("/{pkg}/{p}")).collect(),
            });
        Self {
            js: named("js", "js"),
            wasm: named("wasm", "wasm"),
            css: named("css", "css"),
            split,
            staff,
        }
    }

    /// This server's client, read once from beside the binary and the site folder.
    #[cfg(feature = "ssr")]
    pub fn current(options: &LeptosOptions) -> &'static ClientFiles {
        static FILES: std::sync::OnceLock<ClientFiles> = std::sync::OnceLock::new();
        FILES.get_or_init(|| {
            let hashes = options
                .hash_files
                .then(|| {
                    let exe = std::env::current_exe().ok()?;
                    std::fs::read_to_string(exe.parent()?.join(options.hash_file.as_ref())).ok()
                })
                .flatten();
            let pkg_dir = std::path::Path::new(options.site_root.as_ref())
                .join(options.site_pkg_dir.as_ref());
            ClientFiles::new(
                &options.output_name,
                &options.site_pkg_dir,
                hashes.as_deref(),
                |name| std::fs::read_to_string(pkg_dir.join(name)).ok(),
            )
        })
    }
}

/// Preloads the part of a lazily loaded island (`prefix` begins its name in the split
/// manifest, e.g. `"account_app_loader_"`) from the page's head, while the server renders
/// a page that has it: the part downloads beside the main WASM instead of after it.
/// Registered with the head directly, so nothing stands in the island's own HTML.
pub fn preload_part(prefix: &str) {
    #[cfg(feature = "ssr")]
    {
        use leptos_meta::Link;
        let Some(options) = use_context::<LeptosOptions>() else {
            return;
        };
        let files = ClientFiles::current(&options);
        let Some((parts, loader)) = &files.split else {
            return;
        };
        let pkg = options.site_pkg_dir.to_string();
        let mut modules: Vec<&String> = parts
            .iter()
            .filter(|(name, _)| name.starts_with(prefix))
            .flat_map(|(_, modules)| modules)
            .collect();
        modules.sort();
        modules.dedup();
        for module in modules {
            let href = format!("/{pkg}/{module}.wasm");
            let _registered = view! {
                <Link rel="preload" href=href as_="fetch" type_="application/wasm" crossorigin="anonymous"/>
            }
            .to_html();
        }
        let href = format!("/{pkg}/{loader}");
        let _registered =
            view! { <Link rel="modulepreload" href=href crossorigin="anonymous"/> }.to_html();
    }
    #[cfg(not(feature = "ssr"))]
    let _ = prefix;
}

/// Preloads the staff client's lazily loaded part (the block editor's) from the head of
/// an admin page the server renders with it, so it downloads beside the main WASM;
/// the staff client's start waits for it before waking the page (`crate::hydrate`).
pub fn preload_staff_parts() {
    #[cfg(feature = "ssr")]
    {
        use leptos_meta::Link;
        let Some(options) = use_context::<LeptosOptions>() else {
            return;
        };
        let files = ClientFiles::current(&options);
        let Some(staff) = &files.staff else {
            return;
        };
        for part in &staff.parts {
            let href = part.clone();
            let _registered = view! {
                <Link rel="preload" href=href as_="fetch" type_="application/wasm" crossorigin="anonymous"/>
            }
            .to_html();
        }
    }
}

/// The start both clients share, called by the crate's `hydrate` (both entry crates,
/// `src` and `src/staff`, only link this crate).
#[cfg(feature = "hydrate")]
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}

/// Wakes the page's islands (`<leptos-island data-component=…>`) once the WASM has
/// started, outermost first: an island inside another's children first enters that
/// island's owner (`$$on_hydrate`), so it finds its contexts. Lazily loaded islands
/// return a promise (their part is fetched first); when every island is awake,
/// `<html data-hydrated="true">` says so, for the tests and the styles that wait for
/// the client.
const ISLANDS: &str = "const w=async(n,o)=>{for(const c of n.children){const t=c.tagName;\
if(t==='LEPTOS-ISLAND'){const f=m[c.dataset.component];\
if(f){if(o)o();await f(c);}else console.warn('no island',c.dataset.component);await w(c,o);}\
else if(t==='LEPTOS-CHILDREN'){await w(c,c.$$on_hydrate||o);}else await w(c,o);}};\
w(document.body).then(()=>document.documentElement.dataset.hydrated='true');";

/// The stylesheet and the client's scripts, for the document's head: the staff's
/// client on the admin area's pages (when it was built), the reader's elsewhere.
#[component]
pub fn ClientHead(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    let files = ClientFiles::current(&options).clone();
    #[cfg(not(feature = "ssr"))]
    let files = ClientFiles::new(&options.output_name, &options.site_pkg_dir, None, |_| None);
    #[cfg(feature = "ssr")]
    let staff_page = use_context::<http::request::Parts>().is_some_and(|p| in_admin(p.uri.path()));
    #[cfg(not(feature = "ssr"))]
    let staff_page = false;
    // the rest of the page is rendered for the server only, but for its islands
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    client_files_view(&files, staff_page)
}

/// The head's links and the starting script for `files`, the staff's client when
/// `staff_page` and it was built.
fn client_files_view(files: &ClientFiles, staff_page: bool) -> impl IntoView + use<> {
    let (js, wasm) = match (&files.staff, staff_page) {
        (Some(staff), true) => (staff.js.clone(), staff.wasm.clone()),
        _ => (files.js.clone(), files.wasm.clone()),
    };
    let nonce = leptos::nonce::use_nonce();
    let start = format!(
        "import({js:?}).then(m=>m.default({{module_or_path:{wasm:?}}}).then(()=>m.hydrate()).then(()=>{{{ISLANDS}}}))"
    );
    view! {
        <link rel="stylesheet" id="leptos" href=files.css.clone()/>
        <link rel="modulepreload" href=js crossorigin="anonymous"/>
        <link rel="preload" href=wasm r#as="fetch" r#type="application/wasm" crossorigin="anonymous"/>
        <script type="module" nonce=nonce>{start}</script>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_come_from_the_hash_list() {
        let hashes = "js: AAA\nwasm: BBB\ncss: CCC\nmanifest: MMM\nsplit: SSS\n";
        let files = ClientFiles::new("toasoan", "pkg", Some(hashes), |name| {
            (name == "__wasm_split_manifest.MMM.json")
                .then(|| r#"{"AdminFrame_1":["split_a","split_b"]}"#.to_string())
        });
        assert_eq!(files.js, "/pkg/toasoan.AAA.js");
        assert_eq!(files.wasm, "/pkg/toasoan.BBB.wasm");
        assert_eq!(files.css, "/pkg/toasoan.CCC.css");
        let (parts, loader) = files.split.expect("a split build");
        assert_eq!(parts["AdminFrame_1"], vec!["split_a", "split_b"]);
        assert_eq!(loader, "__wasm_split.SSS.js");
        assert!(files.staff.is_none(), "no staff client built");
    }

    #[test]
    fn the_admin_pages_start_the_staff_client() {
        let files = ClientFiles::new("toasoan", "pkg", Some("js: AAA\nwasm: BBB\n"), |name| {
            (name == STAFF_MANIFEST).then(|| {
                r#"{"js":"staff.S1/toasoan-staff.js","wasm":"staff.S1/toasoan-staff_bg.wasm","parts":["staff.S1/split_editor.wasm"]}"#.to_string()
            })
        });
        let parts = &files.staff.as_ref().expect("the staff client").parts;
        assert_eq!(parts, &vec!["/pkg/staff.S1/split_editor.wasm".to_string()]);
        let owner = Owner::new();
        owner.set();
        let staff = client_files_view(&files, true).to_html();
        assert!(
            staff.contains(r#"import("/pkg/staff.S1/toasoan-staff.js")"#),
            "{staff}"
        );
        assert!(
            staff.contains(r#"rel="preload" href="/pkg/staff.S1/toasoan-staff_bg.wasm""#),
            "{staff}"
        );
        assert!(!staff.contains("toasoan.BBB.wasm"), "{staff}");
        let reader = client_files_view(&files, false).to_html();
        assert!(
            reader.contains(r#"import("/pkg/toasoan.AAA.js")"#),
            "{reader}"
        );
        assert!(!reader.contains("staff.S1"), "{reader}");
        // not built: the admin pages fall back to the reader's client
        let plain = ClientFiles::new("toasoan", "pkg", None, |_| None);
        let fallback = client_files_view(&plain, true).to_html();
        assert!(
            fallback.contains(r#"import("/pkg/toasoan.js")"#),
            "{fallback}"
        );
        assert!(in_admin("/quan-tri") && in_admin("/quan-tri/thu-vien"));
        assert!(!in_admin("/quan-tri-vien") && !in_admin("/"));
    }

    #[test]
    fn plain_names_without_a_hash_list() {
        let files = ClientFiles::new("toasoan", "pkg", None, |_| None);
        assert_eq!(files.js, "/pkg/toasoan.js");
        assert_eq!(files.wasm, "/pkg/toasoan_bg.wasm");
        assert_eq!(files.css, "/pkg/toasoan.css");
        assert!(files.split.is_none(), "no manifest, no split");
    }

    #[test]
    fn the_preloads_are_cors_requests_the_fetches_claim() {
        let owner = Owner::new();
        owner.set();
        let options = LeptosOptions::builder().output_name("toasoan").build();
        let html = view! { <ClientHead options/> }.to_html();
        assert!(
            html.contains(r#"rel="preload" href="/pkg/toasoan_bg.wasm""#),
            "{html}"
        );
        assert!(
            html.contains(r#"rel="modulepreload" href="/pkg/toasoan.js""#),
            "{html}"
        );
        assert_eq!(
            html.matches(r#"crossorigin="anonymous""#).count(),
            2,
            "{html}"
        );
        assert!(
            html.contains(r#"module_or_path:"/pkg/toasoan_bg.wasm""#),
            "{html}"
        );
    }
}
