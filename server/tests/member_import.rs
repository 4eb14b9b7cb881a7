//! Members in bulk against the real application, on SQLite and PostgreSQL: the admin
//! imports a CSV with good, duplicate and malformed rows; the report says what became
//! of each row; the new members get one-time links that set their password; a bad row
//! leaves nothing behind; units are kept once and counted; only the admin may import;
//! `toasoan user import` does the same from a file.

mod common;

use common::{CHROME, TestServer, backends, browser, call_as};
use leptos::server_fn::ServerFn;
use toasoan_app::features::accounts::admin_api::{GetUnits, ImportMembersCsv};
use toasoan_app::features::accounts::api::SignIn;

const PASSWORD: &str = "quan-tri-nhap-2026";

const CSV: &str = "Họ và tên,Tên đăng nhập,E-mail,Đơn vị\n\
Nguyễn Văn An,nvan,an@tinhuy.vn,\"Chi bộ 1, Văn phòng\"\n\
Trần Thị Bình,ttbinh,,Chi bộ 2\n\
Lê Văn Cường,nvan,cuong@tinhuy.vn,Chi bộ 2\n\
Phạm Dũng,Phạm Dũng,dung@tinhuy.vn,Chi bộ 2\n\
,hoang,hoang@tinhuy.vn,Chi bộ 3\n\
Võ Thị Giang,vtgiang,khong-phai-email,Chi bộ 3\n\
Đặng Hà,quantri,,Chi bộ 1\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn members_are_imported_row_by_row() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        let users_before = s.scalar("SELECT COUNT(*) FROM users").await;
        // only the admin imports
        let res = s
            .call(<ImportMembersCsv as ServerFn>::PATH, &[("text", CSV)])
            .await;
        assert_eq!(res.status().as_u16(), 401, "{backend:?}");
        s.sign_in_as("truongban", "editor_in_chief", PASSWORD).await;
        let res = s
            .call(<ImportMembersCsv as ServerFn>::PATH, &[("text", CSV)])
            .await;
        assert_eq!(res.status().as_u16(), 403, "{backend:?}");
        assert_eq!(
            s.scalar("SELECT COUNT(*) FROM users").await,
            users_before + 1
        );

        s.sign_in_as("quantri", "admin", PASSWORD).await;
        let res = s
            .call(<ImportMembersCsv as ServerFn>::PATH, &[("text", CSV)])
            .await;
        assert_eq!(res.status().as_u16(), 200, "{backend:?}");
        let report: serde_json::Value = serde_json::from_str(&res.text().await.unwrap()).unwrap();
        let rows = report["rows"].as_array().unwrap();
        let outcome = |line: u64| {
            let row = rows.iter().find(|r| r["line"] == line).unwrap();
            row["outcome"].clone()
        };
        assert_eq!(rows.len(), 7, "{backend:?} {report}");
        let link = outcome(2)["Created"]["link"].as_str().unwrap().to_string();
        assert!(link.contains("/dat-mat-khau?ma="), "{backend:?} {link}");
        assert!(outcome(3)["Created"]["link"].is_string(), "{backend:?}");
        assert_eq!(outcome(4), "Exists", "{backend:?}: nvan twice in the file");
        assert_eq!(outcome(8), "Exists", "{backend:?}: the admin's own account");
        for line in [5, 6, 7] {
            let reason = outcome(line)["Refused"]["reason"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            assert!(!reason.is_empty(), "{backend:?} line {line}: {report}");
        }
        // created as members, in their units; the refused rows left nothing
        assert_eq!(
            s.scalar("SELECT COUNT(*) FROM users WHERE username IN ('nvan', 'ttbinh') AND role = 'member'")
                .await,
            2,
            "{backend:?}"
        );
        assert_eq!(
            s.scalar("SELECT COUNT(*) FROM users WHERE username IN ('hoang', 'vtgiang') OR display_name = 'Phạm Dũng'")
                .await,
            0,
            "{backend:?}"
        );
        assert_eq!(
            s.scalar("SELECT COUNT(*) FROM units").await,
            2,
            "{backend:?}: the refused rows' units were not kept"
        );
        let (status, units) = s.query(<GetUnits as ServerFn>::PATH, &[]).await;
        assert_eq!(status, 200, "{backend:?}");
        let units: serde_json::Value = serde_json::from_str(&units).unwrap();
        assert_eq!(
            units[0]["name"], "Chi bộ 1, Văn phòng",
            "{backend:?} {units}"
        );
        assert_eq!(units[0]["members"], 1);
        assert_eq!(units[1]["name"], "Chi bộ 2");
        assert_eq!(
            s.scalar("SELECT COUNT(*) FROM audit_events WHERE action = 'user.import'")
                .await,
            2,
            "{backend:?}"
        );

        // the link sets the member's password, once; then they sign in
        let token = link.split("ma=").nth(1).unwrap().to_string();
        let member = browser(CHROME);
        let new_password = "mat-khau-thanh-vien-2026";
        let set = toasoan_app::features::accounts::admin_api::SetPasswordByLink::PATH;
        let form = [
            ("token", token.as_str()),
            ("password", new_password),
            ("confirm", new_password),
        ];
        let set_password = || call_as(&s, &member, set, &form);
        let (status, body) = set_password().await;
        assert!(
            status == 200 || (300..400).contains(&status),
            "{backend:?} {status} {body}"
        );
        let (status, _) = set_password().await;
        assert_eq!(status, 400, "{backend:?}: a link is used once");
        let (status, body) = call_as(
            &s,
            &member,
            <SignIn as ServerFn>::PATH,
            &[
                ("username", "nvan"),
                ("password", new_password),
                ("next", "/"),
            ],
        )
        .await;
        assert_eq!(status, 200, "{backend:?} {body}");

        // a file the reader cannot take at all: refused whole, nothing stored
        let before = s.scalar("SELECT COUNT(*) FROM users").await;
        let res = s
            .call(
                <ImportMembersCsv as ServerFn>::PATH,
                &[("text", "E-mail,Đơn vị\na@b.vn,X\n")],
            )
            .await;
        assert_eq!(res.status().as_u16(), 400, "{backend:?}");
        assert_eq!(s.scalar("SELECT COUNT(*) FROM users").await, before);

        // the command line: the same rows, from a file; what exists is kept
        let file = s.dir.path().join("thanh-vien.csv");
        std::fs::write(
            &file,
            "Ngô Thị Hạnh;nthanh;;Chi bộ 3\nNguyễn Văn An;nvan;;Chi bộ 1\n",
        )
        .unwrap();
        let report = toasoan_server::user_admin::import(&s.pool, "https://tinhuy.example", &file)
            .await
            .unwrap();
        assert_eq!(report.counts(), (1, 1, 0), "{backend:?}");
        let lines = toasoan_server::user_admin::report_lines(&report);
        assert!(
            lines[0].contains("https://tinhuy.example/dat-mat-khau?ma="),
            "{lines:?}"
        );
        assert!(lines[1].contains("đã có"), "{lines:?}");
        assert_eq!(
            s.scalar("SELECT COUNT(*) FROM units").await,
            3,
            "{backend:?}"
        );
    }
}
