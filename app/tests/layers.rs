//! The layering check (lib.rs, docs/architecture.md): reads every module of `src/`,
//! follows its `crate::…` and `super::…` paths outside tests and comments, and fails
//! when:
//!
//! - a module uses a layer above its own (core ← content ← features ← pages),
//! - a feature reaches another feature's store,
//! - the features import each other in a cycle,
//! - two or more modules import each other (a cycle between files).
//!
//! A `mod.rs` re-exporting its own submodules is its facade, not a dependency.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module: its path below the crate root, e.g. ["features", "accounts", "auth"].
type ModPath = Vec<String>;

struct Module {
    path: ModPath,
    file: PathBuf,
    code: String,
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file before its test module, without comments and string contents.
fn code_of(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        if line.trim_start().starts_with("#[cfg(test)]")
            || line.trim_start().starts_with("#[cfg(all(test")
        {
            break;
        }
        let mut in_str = false;
        let mut prev = ' ';
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if !in_str && c == '/' && chars.peek() == Some(&'/') {
                break;
            }
            if c == '"' && prev != '\\' {
                in_str = !in_str;
                out.push('"');
            } else if !in_str {
                out.push(c);
            }
            prev = if prev == '\\' && c == '\\' { ' ' } else { c };
        }
        out.push('\n');
    }
    out
}

fn load(src: &Path) -> Vec<Module> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|file| {
            let rel = file.strip_prefix(src).expect("below src");
            let mut path: ModPath = rel
                .with_extension("")
                .iter()
                .map(|s| s.to_string_lossy().into_owned())
                .collect();
            if matches!(path.last().map(String::as_str), Some("mod" | "lib")) {
                path.pop();
            }
            let code = code_of(&std::fs::read_to_string(&file).expect("readable"));
            Module { path, file, code }
        })
        .collect()
}

/// Every path the code names from `start` ("crate::" or "super::"), with `{a, b}`
/// groups expanded one level: "crate::features::{tags, topics}" gives both.
fn paths_from(code: &str, start: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find(start) {
        let before = rest[..i].chars().last();
        rest = &rest[i + start.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let mut segs = vec![start.trim_end_matches("::").to_string()];
        let mut s = rest;
        loop {
            if let Some(group) = s.strip_prefix('{') {
                let end = group.find('}').unwrap_or(group.len());
                for item in group[..end].split(',') {
                    let item: Vec<String> = item
                        .trim()
                        .split("::")
                        .map(|p| p.split_whitespace().next().unwrap_or("").to_string())
                        .filter(|p| !p.is_empty() && p != "self")
                        .collect();
                    let mut p = segs.clone();
                    p.extend(item);
                    out.push(p);
                }
                break;
            }
            let len = s
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(s.len());
            if len == 0 {
                out.push(segs);
                break;
            }
            segs.push(s[..len].to_string());
            s = &s[len..];
            match s.strip_prefix("::") {
                Some(next) => s = next,
                None => {
                    out.push(segs);
                    break;
                }
            }
        }
    }
    out
}

/// The module a named path lands in: the longest prefix that is a module.
fn target(modules: &BTreeSet<ModPath>, from: &ModPath, path: &[String]) -> Option<ModPath> {
    let (mut cur, rest): (ModPath, &[String]) = if path.first().map(String::as_str) == Some("crate")
    {
        (Vec::new(), &path[1..])
    } else {
        // `super` of a module is its parent (for a mod.rs, the folder's parent)
        let mut base = from.clone();
        let mut rest = path;
        while rest.first().map(String::as_str) == Some("super") {
            base.pop();
            rest = &rest[1..];
        }
        (base, rest)
    };
    let mut best = modules.contains(&cur).then(|| cur.clone());
    for seg in rest {
        cur.push(seg.clone());
        if !modules.contains(&cur) {
            break;
        }
        best = Some(cur.clone());
    }
    best
}

fn layer(path: &ModPath) -> usize {
    match path.first().map(String::as_str) {
        Some("core" | "i18n" | "components") => 0,
        Some("content") => 1,
        Some("features") => 2,
        Some("pages") => 3,
        _ => 4,
    }
}

fn feature(path: &ModPath) -> Option<&str> {
    (path.first().map(String::as_str) == Some("features"))
        .then(|| path.get(1).map(String::as_str))
        .flatten()
}

/// Strongly connected components with more than one member.
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct Tarjan<'a> {
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on: BTreeSet<&'a str>,
        out: Vec<Vec<String>>,
    }
    impl<'a> Tarjan<'a> {
        fn visit(&mut self, v: &'a str) {
            let n = self.index.len();
            self.index.insert(v, n);
            self.low.insert(v, n);
            self.stack.push(v);
            self.on.insert(v);
            for w in self.graph.get(v).into_iter().flatten() {
                let w = w.as_str();
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let lw = self.low[w];
                    let lv = self.low[v];
                    self.low.insert(v, lv.min(lw));
                } else if self.on.contains(w) {
                    let iw = self.index[w];
                    let lv = self.low[v];
                    self.low.insert(v, lv.min(iw));
                }
            }
            if self.low[v] == self.index[v] {
                let mut comp = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on.remove(w);
                    comp.push(w.to_string());
                    if w == v {
                        break;
                    }
                }
                if comp.len() > 1 {
                    comp.sort();
                    self.out.push(comp);
                }
            }
        }
    }
    let mut t = Tarjan {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in graph.keys() {
        if !t.index.contains_key(v.as_str()) {
            t.visit(v);
        }
    }
    t.out
}

struct Findings {
    problems: Vec<String>,
    features: BTreeMap<String, BTreeSet<String>>,
}

fn check(src: &Path) -> Findings {
    let modules = load(src);
    let known: BTreeSet<ModPath> = modules.iter().map(|m| m.path.clone()).collect();
    let mut problems = Vec::new();
    let mut files: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut features: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for m in &modules {
        let is_dir = m
            .file
            .file_name()
            .is_some_and(|f| f == "mod.rs" || f == "lib.rs");
        let name = m.path.join("::");
        files.entry(name.clone()).or_default();
        if let Some(f) = feature(&m.path) {
            features.entry(f.to_string()).or_default();
        }
        let mut named = paths_from(&m.code, "crate::");
        named.extend(paths_from(&m.code, "super::"));
        for p in named {
            let Some(to) = target(&known, &m.path, &p) else {
                continue;
            };
            // a module re-exporting its own submodules is its facade
            if to == m.path || (is_dir && to.starts_with(&m.path)) {
                continue;
            }
            if layer(&to) > layer(&m.path) {
                problems.push(format!("{name} uses {} (a higher layer)", to.join("::")));
            }
            let (from_f, to_f) = (feature(&m.path), feature(&to));
            if let (Some(a), Some(b)) = (from_f, to_f)
                && a != b
            {
                features
                    .entry(a.to_string())
                    .or_default()
                    .insert(b.to_string());
            }
            if to.get(2).map(String::as_str) == Some("store") && from_f != to_f {
                problems.push(format!("{name} reaches {}", to.join("::")));
            }
            files.entry(name.clone()).or_default().insert(to.join("::"));
        }
    }
    for c in cycles(&features) {
        problems.push(format!("features import each other: {}", c.join(" ↔ ")));
    }
    for c in cycles(&files) {
        problems.push(format!("modules import each other: {}", c.join(" ↔ ")));
    }
    Findings { problems, features }
}

#[test]
fn layers_point_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = check(&src);
    for (f, deps) in &found.features {
        eprintln!(
            "{f} → {}",
            deps.iter().cloned().collect::<Vec<_>>().join(", ")
        );
    }
    assert!(
        found.features.len() >= 10,
        "the check must see the features: {:?}",
        found.features.keys()
    );
    assert!(
        found.features.values().any(|deps| !deps.is_empty()),
        "the check must see imports between features"
    );
    assert!(found.problems.is_empty(), "{}", found.problems.join("\n"));
}

/// The check itself finds what it is for, on a small tree written for it.
#[test]
fn the_check_finds_cycles_reaches_and_upward_imports() {
    let dir = std::env::temp_dir().join(format!("toasoan-layers-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let write = |rel: &str, text: &str| {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    write("lib.rs", "pub mod core; pub mod features; pub mod pages;");
    write("core/mod.rs", "pub mod error;");
    write("core/error.rs", "use crate::features::a::Thing;\n");
    write("features/mod.rs", "pub mod a; pub mod b;");
    write(
        "features/a/mod.rs",
        "mod store;\npub use store::x;\nuse crate::features::b::model::Y;\n",
    );
    write(
        "features/a/store.rs",
        "use super::model::Z; // crate::features::b\n",
    );
    write("features/a/model.rs", "pub struct Z;\n");
    write("features/b/mod.rs", "pub mod model;\nmod store;\n");
    write(
        "features/b/model.rs",
        "use crate::features::{a, b};\nuse crate::pages::home;\n",
    );
    write(
        "features/b/store.rs",
        "fn f() { crate::features::a::store::x(); }\n",
    );
    write("pages/mod.rs", "pub mod home;");
    write(
        "pages/home.rs",
        "use crate::features::a;\n#[cfg(test)]\nuse crate::pages::home;\n",
    );
    let found = check(&dir);
    let all = found.problems.join("\n");
    assert!(
        all.contains("core::error uses features::a (a higher layer)"),
        "{all}"
    );
    assert!(
        all.contains("features::b::model uses pages::home (a higher layer)"),
        "{all}"
    );
    assert!(
        all.contains("features::b::store reaches features::a::store"),
        "{all}"
    );
    assert!(all.contains("features import each other: a ↔ b"), "{all}");
    assert!(all.contains("modules import each other"), "{all}");
    assert!(
        !all.contains("features::a reaches"),
        "a feature's own store is its own: {all}"
    );
    assert!(
        !all.contains("features::a::store uses features::b"),
        "comments are skipped: {all}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
