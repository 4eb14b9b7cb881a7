//! The `toasoan` binary: `migrate`, `demo` and `import` from the command line, and
//! `serve` started from an unrelated folder still finds the built client, logs without
//! escape codes to a pipe and ends its start-up with the first-admin notice.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_toasoan");

fn run(cwd: &Path, args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .args(args)
        .current_dir(cwd)
        .env_remove("DATABASE_URL")
        .output()
        .expect("run toasoan")
}

#[test]
fn cli_commands_work_in_an_empty_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["migrate"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        dir.path().join("data/toasoan.db").exists(),
        "default database under data/"
    );

    let out = run(dir.path(), &["demo"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let first = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(first.contains("giữ nguyên 0"), "{first}");
    let out = run(dir.path(), &["demo"]);
    let second = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(second.contains("thêm 0 bài"), "{second}");
    assert!(
        dir.path().join("data/media").read_dir().unwrap().count() >= 8,
        "demo pictures stored"
    );

    std::fs::write(dir.path().join("hong.md"), "không có phần đầu").unwrap();
    std::fs::write(
        dir.path().join("tot.md"),
        "---\ntitle: Tin tốt\n---\nNội dung\n",
    )
    .unwrap();
    let out = run(dir.path(), &["import", "hong.md", "tot.md"]);
    assert!(
        !out.status.success(),
        "a failed file makes the exit status non-zero"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("hong.md:1:"), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("/bai-viet/tin-tot"), "{stdout}");

    let out = run(dir.path(), &["--database", "mysql://x/y", "migrate"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("không được hỗ trợ"));
}

#[test]
fn serve_from_any_folder_finds_the_site() {
    let dir = tempfile::tempdir().unwrap();
    let addr = free_addr();
    let mut child = Command::new(BIN)
        .args(["serve", "--addr", &addr, "--demo-if-empty"])
        .current_dir(dir.path())
        .env_remove("DATABASE_URL")
        .env_remove("LEPTOS_SITE_ROOT")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start toasoan serve");
    let result = std::panic::catch_unwind(|| {
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.block_on(async {
            let client = reqwest::Client::new();
            let deadline = Instant::now() + Duration::from_secs(60);
            let home = loop {
                if let Ok(res) = client.get(format!("http://{addr}/")).send().await {
                    break res;
                }
                assert!(Instant::now() < deadline, "server did not start");
                tokio::time::sleep(Duration::from_millis(200)).await;
            };
            assert_eq!(home.status().as_u16(), 200);
            let html = home.text().await.unwrap();
            assert!(html.contains("Tin nổi bật"), "demo seeded on first start");
            // the built client sits beside the executable (target/site) when cargo-leptos built it
            let exe_site = Path::new(BIN)
                .parent()
                .and_then(Path::parent)
                .map(|t| t.join("site/pkg"));
            if exe_site.as_deref().is_some_and(Path::is_dir) {
                // the exact client files the page names (content-hashed when cargo-leptos
                // hashed them), from another folder
                for ending in [".js", ".css"] {
                    let file = html
                        .split("href=\"/pkg/")
                        .find_map(|rest| {
                            let file = rest.split('"').next()?;
                            file.ends_with(ending).then(|| file.to_string())
                        })
                        .unwrap_or_else(|| panic!("the page names its {ending}"));
                    let res = client
                        .get(format!("http://{addr}/pkg/{file}"))
                        .send()
                        .await
                        .unwrap();
                    assert_eq!(
                        res.status().as_u16(),
                        200,
                        "/pkg/{file} from another folder"
                    );
                }
                // the exact WASM file the page asks for
                let wasm = html.split("href=\"/pkg/").find_map(|rest| {
                    let file = rest.split('"').next()?;
                    file.ends_with(".wasm").then(|| file.to_string())
                });
                let wasm = wasm.expect("the page preloads its WASM");
                let res = client
                    .get(format!("http://{addr}/pkg/{wasm}"))
                    .send()
                    .await
                    .unwrap();
                assert_eq!(res.status().as_u16(), 200, "/pkg/{wasm} is served");
                let emblem = client
                    .get(format!("http://{addr}/emblem.svg"))
                    .send()
                    .await
                    .unwrap();
                assert_eq!(
                    emblem.status().as_u16(),
                    200,
                    "public files from another folder"
                );
            } else {
                eprintln!("client check skipped: no cargo-leptos build beside {BIN}");
            }
        });
    });
    let _ = child.kill();
    let _ = child.wait();
    if let Err(e) = result {
        std::panic::resume_unwind(e);
    }
}

/// A free port on the loopback, as `host:port`.
fn free_addr() -> String {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    format!("127.0.0.1:{port}")
}

#[test]
fn serve_logs_plainly_to_a_pipe_and_names_the_first_admin_link_last() {
    use std::io::{BufRead, BufReader};
    let dir = tempfile::tempdir().unwrap();
    let addr = free_addr();
    let mut child = Command::new(BIN)
        .args(["serve", "--addr", &addr])
        .current_dir(dir.path())
        .env_remove("DATABASE_URL")
        .env_remove("NO_COLOR")
        .env_remove("RUST_LOG")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start toasoan serve");
    // read standard output until the notice's closing rule (or the deadline)
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut lines = Vec::new();
        let mut rules = 0;
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            rules += usize::from(line.starts_with("────"));
            lines.push(line);
            if rules == 2 {
                break;
            }
        }
        let _ = tx.send(lines);
    });
    let lines = rx.recv_timeout(Duration::from_secs(60));
    let _ = child.kill();
    let _ = child.wait();
    let lines = lines.expect("serve printed its start-up lines and the notice");
    let text = lines.join("\n");
    assert!(
        !text.contains('\u{1b}'),
        "no escape codes in a log written to a pipe:\n{text}"
    );
    let serving = lines
        .iter()
        .position(|l| l.contains("đang phục vụ tại"))
        .unwrap_or_else(|| panic!("the serving line:\n{text}"));
    let notice = lines.iter().position(|l| l.starts_with("────")).unwrap();
    assert!(
        serving < notice,
        "the notice comes after the start-up lines:\n{text}"
    );
    let link_line = lines[notice..]
        .iter()
        .find(|l| l.trim_start().starts_with("http://"))
        .unwrap_or_else(|| panic!("the link on a line of its own:\n{text}"));
    assert!(
        link_line
            .trim()
            .starts_with(&format!("http://{addr}/thiet-lap?ma=")),
        "{link_line}"
    );
    assert!(text.contains("24 giờ"), "{text}");
    assert!(text.contains("toasoan user add TÊN --role admin"), "{text}");
    // every log line is one event: a timestamp and a level, no line of a log event
    // without them before the notice
    for line in &lines[..notice] {
        if line.is_empty() {
            continue;
        }
        assert!(
            line.contains(" INFO ") || line.contains(" WARN ") || line.contains(" ERROR "),
            "one line per event: {line}"
        );
    }
}
