//! Where the built client (WASM, JS, CSS, public files) is: `--site-root`, else
//! `LEPTOS_SITE_ROOT` when it holds a build, else beside the executable (cargo-leptos
//! puts the binary in target/<profile>/ and the site in target/site), else
//! `target/site`. So `toasoan` works when started from any folder.

use std::path::{Path, PathBuf};

/// True when `dir` holds a built client.
pub fn has_build(dir: &Path) -> bool {
    dir.join("pkg").is_dir()
}

/// True when `dir` holds the staff's client too (scripts/staff-client.sh, which
/// `make build` runs after `cargo leptos build`).
pub fn has_staff_client(dir: &Path) -> bool {
    dir.join("pkg")
        .join(toasoan_app::components::client::STAFF_MANIFEST)
        .is_file()
}

/// Picks the site root from the candidates, in order.
pub fn resolve_site_root(
    explicit: Option<PathBuf>,
    env: Option<PathBuf>,
    exe: Option<PathBuf>,
) -> PathBuf {
    if let Some(dir) = explicit {
        return dir;
    }
    let mut candidates: Vec<PathBuf> = Vec::new();
    candidates.extend(env.clone());
    if let Some(exe_dir) = exe.as_deref().and_then(Path::parent) {
        candidates.push(exe_dir.join("site"));
        if let Some(up) = exe_dir.parent() {
            candidates.push(up.join("site"));
        }
    }
    candidates.push(PathBuf::from("target/site"));
    candidates
        .iter()
        .find(|d| has_build(d))
        .cloned()
        .or(env)
        .unwrap_or_else(|| PathBuf::from("target/site"))
}

/// The site root of this process.
pub fn site_root(explicit: Option<PathBuf>) -> PathBuf {
    let env = std::env::var_os("LEPTOS_SITE_ROOT").map(PathBuf::from);
    let exe = std::env::current_exe()
        .ok()
        .and_then(|p| p.canonicalize().ok());
    resolve_site_root(explicit, env, exe)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_site_beside_the_executable() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target");
        std::fs::create_dir_all(target.join("release")).unwrap();
        std::fs::create_dir_all(target.join("site/pkg")).unwrap();
        let exe = target.join("release/toasoan");
        assert_eq!(
            resolve_site_root(None, None, Some(exe.clone())),
            target.join("site")
        );
        // an env value without a build does not hide the real one
        let empty = dir.path().join("empty");
        assert_eq!(
            resolve_site_root(None, Some(empty), Some(exe.clone())),
            target.join("site")
        );
        // an explicit value always wins
        assert_eq!(
            resolve_site_root(Some("/x".into()), None, Some(exe)),
            PathBuf::from("/x")
        );
    }
}
