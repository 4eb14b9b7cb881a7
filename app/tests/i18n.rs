//! Every string a person sees comes from `src/i18n`: this fails on a Vietnamese
//! string literal anywhere else in `src/` — views, server functions, models, stores —
//! outside test modules (and their own files, `tests.rs`, `*_tests.rs`), comments and
//! log calls (`tracing::…!`, for operators).

use std::path::{Path, PathBuf};

/// Files whose Vietnamese literals are data, not interface text.
const DATA: &[(&str, &str)] = &[(
    "core/site.rs",
    "the demo identity a portal's toasoan.toml replaces (name, address, agency)",
)];

const VIETNAMESE: &str = "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùýĂÂĐÊÔƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸÁÀÃÉÈÍÌÓÒÕÚÙÝ";

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The string literals of a piece of code with the line each starts on: plain and raw
/// strings; comments, char literals and the arguments of `tracing::…!(…)` log calls
/// skipped.
fn literals(code: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = code.chars().collect();
    let (mut out, mut line, mut i) = (Vec::new(), 1, 0);
    let mut log_depth: Option<i32> = None;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                line += usize::from(chars[i] == '\n');
                i += 1;
            }
            i += 2;
        } else if c == '\'' {
            // a char literal ('"', '\'', 'a'); a lifetime has no closing quote
            if next == Some('\\') {
                i += 4;
            } else if chars.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
            }
        } else if c == '"'
            || (c == 'r'
                && matches!(next, Some('"' | '#'))
                && !chars[..i]
                    .last()
                    .is_some_and(|p| p.is_alphanumeric() || *p == '_'))
        {
            let raw = c == 'r';
            let mut hashes = 0;
            if raw {
                i += 1;
                while chars.get(i) == Some(&'#') {
                    hashes += 1;
                    i += 1;
                }
                if chars.get(i) != Some(&'"') {
                    continue;
                }
            }
            i += 1;
            let (start, mut text) = (line, String::new());
            while i < chars.len() {
                let ch = chars[i];
                if !raw && ch == '\\' {
                    if let Some(&n) = chars.get(i + 1) {
                        line += usize::from(n == '\n');
                        text.push(n);
                    }
                    i += 2;
                    continue;
                }
                if ch == '"' && (0..hashes).all(|k| chars.get(i + 1 + k) == Some(&'#')) {
                    i += 1 + hashes;
                    break;
                }
                line += usize::from(ch == '\n');
                text.push(ch);
                i += 1;
            }
            if log_depth.is_none() {
                out.push((start, text));
            }
        } else {
            if chars[i..].starts_with(&['t', 'r', 'a', 'c', 'i', 'n', 'g', ':', ':']) {
                log_depth = Some(0);
            }
            if let Some(d) = log_depth.as_mut() {
                if c == '(' {
                    *d += 1;
                } else if c == ')' {
                    *d -= 1;
                    if *d == 0 {
                        log_depth = None;
                    }
                }
            }
            i += 1;
        }
    }
    out
}

/// `file:line: "literal"` for each Vietnamese literal outside i18n.
fn findings(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let rel = file
            .strip_prefix(src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        // a test module's own file (`tests.rs`, `*_tests.rs`, included under
        // `#[cfg(test)]`): its sample texts are no interface
        let name = rel.rsplit('/').next().unwrap_or(&rel);
        let test_file = name == "tests.rs" || name.ends_with("_tests.rs");
        if rel.starts_with("i18n/") || test_file || DATA.iter().any(|(f, _)| *f == rel) {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        // the code before the file's test module
        let test_module = text.match_indices("#[cfg(").find(|(at, _)| {
            let rest = &text[*at..];
            let attr_end = rest.find(']').unwrap_or(0);
            // further attributes (`#[cfg(feature = "ssr")]`) may stand between
            let mut after = rest[attr_end + 1..].trim_start();
            while let Some(attr) = after.strip_prefix("#[") {
                after = attr.split_once(']').map_or("", |(_, r)| r).trim_start();
            }
            rest[..attr_end].contains("test") && after.starts_with("mod ")
        });
        let code = match test_module.map(|(at, _)| at) {
            Some(end) => &text[..end],
            None => &text[..],
        };
        for (line, lit) in literals(code) {
            if lit.chars().any(|c| VIETNAMESE.contains(c)) {
                out.push(format!("{rel}:{line}: \"{lit}\""));
            }
        }
    }
    out
}

#[test]
fn no_vietnamese_text_outside_i18n() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = findings(&src);
    assert!(
        found.is_empty(),
        "{} Vietnamese literals outside src/i18n (move them into its tables):\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_check_sees_literals_and_skips_what_is_not_interface_text() {
    let texts = |code: &str| {
        literals(code)
            .into_iter()
            .map(|(_, t)| t)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        texts(r#"view! { <p>"Đăng nhập"</p> } // "chú thích""#),
        ["Đăng nhập"]
    );
    assert_eq!(
        texts(r#"let q = '"'; let s = "Tin \"mới\"";"#),
        ["Tin \"mới\""]
    );
    assert_eq!(
        texts("let r = r#\"Bài \"x\"\"#; /* \"Ẩn\" */ 'a';"),
        ["Bài \"x\""]
    );
    assert_eq!(
        texts("tracing::info!(\"đã lưu {}\", f(\"x\"));\nlet s = \"Sau\";"),
        ["Sau"]
    );
    assert_eq!(
        literals("\n\"một\\\n hai\"\n\"ba\"")[1].0,
        4,
        "lines are counted across literals"
    );
    let dir = std::env::temp_dir().join(format!("toasoan-i18n-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("i18n")).unwrap();
    std::fs::write(dir.join("i18n/mod.rs"), "const A: &str = \"Trang chủ\";\n").unwrap();
    std::fs::write(
        dir.join("views.rs"),
        "fn a() -> &'static str { \"Bài viết\" }\n\
         // \"Ghi chú\"\n\
         fn b() { tracing::info!(\n    \"đã lưu {}\",\n    1\n); }\n\
         fn c() -> &'static str { \"plain\" }\n\
         #[cfg(test)]\n#[cfg(feature = \"ssr\")]\nmod tests { const T: &str = \"Thử\"; }\n",
    )
    .unwrap();
    std::fs::write(dir.join("views_tests.rs"), "const T: &str = \"Thử\";\n").unwrap();
    std::fs::create_dir_all(dir.join("html")).unwrap();
    std::fs::write(dir.join("html/tests.rs"), "const T: &str = \"Thử\";\n").unwrap();
    let found = findings(&dir);
    assert_eq!(found, ["views.rs:1: \"Bài viết\""], "{found:?}");
    let _ = std::fs::remove_dir_all(&dir);
}
