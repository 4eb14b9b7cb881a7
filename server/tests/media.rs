//! The media pipeline against a real database (SQLite and PostgreSQL) and media folder:
//! an upload stored once however often it is sent, refused files leave nothing behind,
//! a picture's copies made afterwards by the preparer (and the pictures stored before
//! uploads cleaned and given copies too).

mod common;

use common::{TestServer, backends, png, post_files};
use toasoan_server::media::{self, Kind, MediaError, MediaRefusal};

/// Writes `bytes` where the upload handler would, and ingests them as `name`.
async fn upload(s: &TestServer, bytes: &[u8], name: &str) -> Result<media::Ingested, MediaError> {
    let incoming = s.dir.path().join(format!("incoming-{}", rand_suffix()));
    std::fs::write(&incoming, bytes).unwrap();
    let upload = media::Upload {
        path: &incoming,
        name,
        uploader: None,
        now: 1_700_000_000,
    };
    let done = media::ingest(&s.pool, &s.media_dir, upload).await;
    assert!(!incoming.exists(), "the upload's own file is removed");
    done
}

fn rand_suffix() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    N.fetch_add(1, Ordering::SeqCst)
}

fn files_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_upload_is_stored_once_and_its_copies_follow() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        let before = s.scalar("SELECT COUNT(*) FROM media").await;
        let bytes = png(1300, 700);
        let first = upload(&s, &bytes, "C:\\Ảnh\\Hội nghị tổng kết.png")
            .await
            .unwrap();
        assert!(first.new, "{backend:?}");
        assert_eq!(first.kind, Kind::Png);
        assert_eq!((first.stored.width, first.stored.height), (1300, 700));
        assert!(s.media_dir.join(&first.stored.file_name).exists());
        let again = upload(&s, &bytes, "ban-sao.png").await.unwrap();
        assert!(!again.new, "{backend:?}: the same bytes again");
        assert_eq!(again.stored, first.stored);
        assert_eq!(s.scalar("SELECT COUNT(*) FROM media").await, before + 1);
        let row = format!(
            "SELECT COUNT(*) FROM media WHERE id = {} AND kind = 'picture' AND original_name = 'Hội nghị tổng kết.png' AND search_text LIKE '%hoi nghi tong ket%'",
            first.stored.id
        );
        assert_eq!(
            s.scalar(&row).await,
            1,
            "{backend:?}: name kept, folded for search"
        );

        // the copies come after the answer, from the server's preparer: 320, 640 and
        // 1024 wide (1600 would be wider)
        let variants = format!(
            "SELECT COUNT(*) FROM media_variants WHERE media_id = {}",
            first.stored.id
        );
        let prepared = format!("SELECT prepared FROM media WHERE id = {}", first.stored.id);
        assert_eq!(
            s.scalar_settled(&prepared, 1).await,
            1,
            "{backend:?}: the preparer ran"
        );
        let own = format!("{variants} AND mime = 'image/png'");
        assert_eq!(s.scalar(&own).await, 3);
        let copies = toasoan_app::features::media::variants(&s.pool, first.stored.id)
            .await
            .unwrap();
        let widths: Vec<(u32, u32)> = copies
            .iter()
            .filter(|v| v.mime == "image/png")
            .map(|v| (v.width, v.height))
            .collect();
        assert_eq!(widths, [(320, 172), (640, 345), (1024, 551)], "{backend:?}");
        for copy in &copies {
            let file = s.media_dir.join(&copy.file_name);
            let decoded = image::open(&file).unwrap();
            assert_eq!(decoded.width(), copy.width);
            assert!(["image/png", "image/webp"].contains(&copy.mime.as_str()));
            assert_eq!(
                std::fs::metadata(&file).unwrap().len() as i64,
                copy.size_bytes
            );
            // a WebP is kept beside a copy only when it is the smaller
            if copy.mime == "image/webp" {
                let png = copies
                    .iter()
                    .find(|c| c.width == copy.width && c.mime == "image/png")
                    .unwrap();
                assert!(
                    copy.size_bytes < png.size_bytes,
                    "{backend:?} {}",
                    copy.width
                );
            }
        }
        assert_eq!(
            s.scalar("SELECT COUNT(*) FROM media WHERE prepared <> 1 AND kind = 'picture'")
                .await,
            0,
            "{backend:?}: the demo's own pictures are prepared too (SVG: no copies)"
        );
    }
}

/// What a refusal must be.
type Expected = fn(&MediaRefusal) -> bool;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refused_files_say_why_and_leave_nothing() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        let rows = s.scalar("SELECT COUNT(*) FROM media").await;
        let files = files_in(&s.media_dir);
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>"#;
        let cases: Vec<(&[u8], &str, Expected)> = vec![
            (b"Bien ban hop.\n", "bien-ban.png", |e| {
                matches!(e, MediaRefusal::UnknownType)
            }),
            (svg, "logo.svg", |e| matches!(e, MediaRefusal::Svg)),
            (b"%PDF-1.7\n%%EOF\n", "nghi-quyet.docx", |e| {
                matches!(e, MediaRefusal::NameMismatch { .. })
            }),
            (b"%PDF-1.7\n%%EOF\n", "../../thoat-ra.pdf", |e| {
                matches!(e, MediaRefusal::BadName)
            }),
        ];
        for (bytes, name, expected) in cases {
            match upload(&s, bytes, name).await {
                Err(MediaError::Refused(e)) => {
                    assert!(expected(&e), "{backend:?} {name}: {e:?}");
                    assert!(!e.to_string().is_empty());
                    assert!(e.status().is_client_error(), "{name}: {}", e.status());
                }
                other => panic!("{backend:?} {name}: {other:?}"),
            }
        }
        assert_eq!(
            s.scalar("SELECT COUNT(*) FROM media").await,
            rows,
            "{backend:?}"
        );
        assert_eq!(files_in(&s.media_dir), files, "{backend:?}: no file left");
        // a document is stored as sent, with no copies to wait for
        let pdf = upload(
            &s,
            b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n",
            "Nghị quyết 12.pdf",
        )
        .await
        .unwrap();
        assert_eq!(pdf.kind, Kind::Pdf);
        assert_eq!(pdf.stored.mime, "application/pdf");
        assert!(pdf.stored.file_name.ends_with(".pdf"));
        let prepared = format!("SELECT prepared FROM media WHERE id = {}", pdf.stored.id);
        assert_eq!(s.scalar(&prepared).await, 1);

        // the database refuses the entry: its file does not stay behind either
        let refuse: &[&str] = match s.backend {
            common::Backend::Sqlite => &[
                "CREATE TRIGGER refuse_media BEFORE INSERT ON media BEGIN SELECT RAISE(ABORT, 'refused'); END",
            ],
            common::Backend::Postgres => &[
                "CREATE FUNCTION refuse_media() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$ LANGUAGE plpgsql",
                "CREATE TRIGGER refuse_media BEFORE INSERT ON media FOR EACH ROW EXECUTE FUNCTION refuse_media()",
            ],
        };
        for statement in refuse {
            sqlx::query(statement).execute(&s.pool).await.unwrap();
        }
        let files = files_in(&s.media_dir);
        let refused = upload(&s, b"%PDF-1.7\n2 0 obj <<>> endobj\n%%EOF\n", "mat.pdf").await;
        assert!(
            matches!(refused, Err(MediaError::Db(_))),
            "{backend:?}: {refused:?}"
        );
        assert_eq!(
            files_in(&s.media_dir),
            files,
            "{backend:?}: no file without its entry"
        );
    }
}

const PASSWORD: &str = "mat-khau-thu-nghiem-2026";

/// Uploads `bytes` as `name` the way a phone on slow data sends it: in 64 KB pieces,
/// a few milliseconds apart, as the signed-in client of `s`.
async fn post_paced(s: &TestServer, name: &str, bytes: Vec<u8>) -> (u16, serde_json::Value) {
    use futures_util::StreamExt;
    let pieces: Vec<Vec<u8>> = bytes.chunks(64 * 1024).map(<[u8]>::to_vec).collect();
    let stream = futures_util::stream::iter(pieces).then(|piece| async move {
        tokio::time::sleep(std::time::Duration::from_millis(4)).await;
        Ok::<_, std::io::Error>(piece)
    });
    let part = reqwest::multipart::Part::stream(reqwest::Body::wrap_stream(stream))
        .file_name(name.to_string());
    let res = s
        .client
        .post(format!("{}{}", s.base, media::upload::PATH))
        .header("Origin", &s.base)
        .multipart(reqwest::multipart::Form::new().part(media::upload::FIELD, part))
        .send()
        .await
        .expect("the answer, not a connection closed mid-upload");
    common::status_and_json(res).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_upload_through_the_server_and_the_limits_hold_while_streaming() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        let picture = png(400, 300);
        // not signed in, signed in without the right, from another site
        let anonymous = common::browser(common::CHROME);
        let (status, body) = post_files(&s, &anonymous, &[("a.png", picture.clone())]).await;
        assert_eq!(status, 401, "{backend:?} {body}");
        s.sign_in_as("thanh-vien", "member", PASSWORD).await;
        let (status, body) = post_files(&s, &s.client, &[("a.png", picture.clone())]).await;
        assert_eq!(status, 403, "{backend:?} {body}");
        assert!(
            body["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{body}"
        );
        s.sign_in_as("btv", "editor", PASSWORD).await;
        let cross_site = s
            .client
            .post(format!("{}{}", s.base, media::upload::PATH))
            .header("Origin", "https://trang-khac.example")
            .multipart(reqwest::multipart::Form::new().part(
                media::upload::FIELD,
                reqwest::multipart::Part::bytes(picture.clone()).file_name("a.png"),
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(cross_site.status().as_u16(), 403, "{backend:?}: CSRF");
        let rows = s.scalar("SELECT COUNT(*) FROM media").await;

        // an editor's picture: stored, served with long-lived, never-sniffed headers
        let (status, body) =
            post_files(&s, &s.client, &[("Ảnh hội nghị.png", picture.clone())]).await;
        assert_eq!(status, 200, "{backend:?} {body}");
        let first = &body[0];
        assert_eq!(first["name"], "Ảnh hội nghị.png");
        assert_eq!(
            (first["width"].as_u64(), first["height"].as_u64()),
            (Some(400), Some(300))
        );
        assert_eq!(first["new"], true);
        let src = first["src"].as_str().unwrap().to_string();
        let served = s
            .client
            .get(format!("{}{src}", s.base))
            .send()
            .await
            .unwrap();
        assert_eq!(served.status().as_u16(), 200);
        let header = |name: &str| {
            served
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_string()
        };
        assert_eq!(header("content-type"), "image/png");
        assert_eq!(header("x-content-type-options"), "nosniff");
        assert!(
            header("cache-control").contains("immutable"),
            "{}",
            header("cache-control")
        );
        let uploader = format!(
            "SELECT COUNT(*) FROM media WHERE id = {} AND uploaded_by IS NOT NULL",
            first["id"]
        );
        assert_eq!(s.scalar(&uploader).await, 1);
        // the same picture again is the same entry
        let (status, body) = post_files(&s, &s.client, &[("ban-sao.png", picture.clone())]).await;
        assert_eq!(status, 200);
        assert_eq!(body[0]["id"], first["id"]);
        assert_eq!(body[0]["new"], false);

        // over the picture limit (1 MB in the tests): cut off with 413, nothing kept;
        // sent slowly, as a phone sends it: the server reads the rest before answering,
        // so the sender gets the 413, not a connection closed while it still sends
        let mut big = picture.clone();
        big.resize(3 * 1024 * 1024, 0);
        let (status, body) = post_paced(&s, "lon.png", big).await;
        assert_eq!(status, 413, "{backend:?} {body}");
        assert!(body["error"].as_str().unwrap().contains("1 MB"), "{body}");
        // a document may be larger (2 MB): the limit follows the bytes, not the name
        let mut pdf = b"%PDF-1.7\n".to_vec();
        pdf.resize(1536 * 1024, b' ');
        pdf.extend_from_slice(b"\n%%EOF\n");
        let (status, body) = post_files(&s, &s.client, &[("bao-cao.pdf", pdf)]).await;
        assert_eq!(status, 200, "{backend:?} {body}");
        assert_eq!(body[0]["mime"], "application/pdf");
        let pdf_src = body[0]["src"].as_str().unwrap();
        let served = s
            .client
            .get(format!("{}{pdf_src}", s.base))
            .send()
            .await
            .unwrap();
        assert_eq!(served.status().as_u16(), 200);
        assert_eq!(
            served
                .headers()
                .get("content-disposition")
                .and_then(|v| v.to_str().ok()),
            Some("attachment"),
            "{backend:?}: a document is a download, never a page"
        );
        // a refused type says why; an empty form is refused
        let (status, body) =
            post_files(&s, &s.client, &[("ghi-chu.png", b"ghi chu".to_vec())]).await;
        assert_eq!(status, 415, "{body}");
        let (status, _) = post_files(&s, &s.client, &[]).await;
        assert_eq!(status, 400);
        assert_eq!(
            s.scalar("SELECT COUNT(*) FROM media").await,
            rows + 2,
            "{backend:?}"
        );
        let incoming = s.media_dir.join(".incoming");
        assert!(
            files_in(&incoming).is_empty(),
            "{backend:?}: {:?}",
            files_in(&incoming)
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rebuild_prepares_the_pictures_stored_before_and_can_start_again() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        // pictures stored as the importer stores them (metadata and all, no copies yet)
        let mut conn = s.pool.acquire().await.unwrap();
        let mut ids = Vec::new();
        for (i, width) in [900u32, 700, 300].into_iter().enumerate() {
            let stored = toasoan_app::features::media::store(
                &mut conn,
                &s.media_dir,
                &png(width, 200 + i as u32),
                &format!("cu-{i}.png"),
                "",
                1_600_000_000,
            )
            .await
            .unwrap();
            ids.push(stored.media_id);
        }
        drop(conn);
        let mut seen = Vec::new();
        media::rebuild::rebuild(&s.pool, &s.media_dir, false, |done, total| {
            seen.push((done, total))
        })
        .await
        .unwrap();
        let (done, total) = *seen.last().unwrap();
        assert_eq!(done, total, "{backend:?}: {seen:?}");
        assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0), "{seen:?}");
        let copies = |id: i64| {
            format!(
                "SELECT COUNT(*) FROM media_variants WHERE media_id = {id} AND mime = 'image/png'"
            )
        };
        assert_eq!(
            s.scalar(&copies(ids[0])).await,
            2,
            "{backend:?}: 900 px: 320 and 640"
        );
        assert_eq!(s.scalar(&copies(ids[1])).await, 2);
        assert_eq!(s.scalar(&copies(ids[2])).await, 0, "300 px: none");
        // run again: nothing waits; --all makes them again, the same
        let again = media::rebuild::rebuild(&s.pool, &s.media_dir, false, |_, _| {})
            .await
            .unwrap();
        assert_eq!(again, 0);
        media::rebuild::rebuild(&s.pool, &s.media_dir, true, |_, _| {})
            .await
            .unwrap();
        assert_eq!(
            s.scalar(&copies(ids[0])).await,
            2,
            "{backend:?}: replaced, not added"
        );
        assert_eq!(
            s.scalar("SELECT COUNT(*) FROM media WHERE prepared <> 1 AND kind = 'picture'")
                .await,
            0
        );
    }
}
