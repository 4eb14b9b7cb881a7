//! Cuộc thi trắc nghiệm against the real application, on SQLite and PostgreSQL: an
//! entrant's checks and the guard, the sheet in an order of its own with nothing of
//! the answers in any page or server function's answer before the entry is in (the
//! same bytes whichever choices are correct), scoring on the server, one entry per
//! phone (attempts counted, an unfinished one taken up again), the time limit kept by
//! the server, ranking by score then prediction then time, the published winners, the
//! CSV export, the organisers' permission and their audit events.

mod common;

use std::collections::HashMap;

use common::{CHROME, FIREFOX, TestServer, backends, browser, call_as, header, page_text, relaxed};
use leptos::server_fn::ServerFn;
use toasoan_app::core::time::{local_input, now};
use toasoan_app::features::contests::admin_api::{
    AddBankQuestions, CreateRound, PublishRound, SaveContest,
};
use toasoan_app::features::contests::api::{GetSheet, StartQuiz, SubmitQuiz};
use toasoan_app::features::contests::model::{Sheet, SheetState};

const PASSWORD: &str = "to-chuc-2026";

/// The entry form's time token ("" for a page without the form).
fn token_of(html: &str) -> String {
    let Some(at) = html.find("name=\"started\" value=\"") else {
        return String::new();
    };
    html[at + 22..].split('"').next().unwrap().to_string()
}

/// Starts an attempt as the entry form does; (status, body).
async fn start(
    s: &TestServer,
    client: &reqwest::Client,
    slug: &str,
    fields: &[(&str, &str)],
) -> (u16, String) {
    let (_, html) = s.get(&format!("/cuoc-thi/{slug}")).await;
    let token = token_of(&html);
    let mut form: Vec<(&str, &str)> = vec![
        ("contest", slug),
        ("name", "Nguyễn Thị Hoa"),
        ("birth", "1990-05-17"),
        ("phone", "0912 345 678"),
        ("unit", "Xã Hòa Bình, huyện Châu Thành"),
        ("website", ""),
        ("started", &token),
    ];
    for (k, v) in fields {
        match form.iter_mut().find(|(name, _)| name == k) {
            Some(f) => f.1 = v,
            None => form.push((k, v)),
        }
    }
    call_as(s, client, <StartQuiz as ServerFn>::PATH, &form).await
}

async fn started(s: &TestServer, client: &reqwest::Client, slug: &str, phone: &str) -> String {
    let (status, body) = start(s, client, slug, &[("phone", phone)]).await;
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).unwrap()
}

async fn sheet(s: &TestServer, token: &str) -> (String, Sheet) {
    let (status, body) = s
        .query(<GetSheet as ServerFn>::PATH, &[("ma", token)])
        .await;
    assert_eq!(status, 200, "{body}");
    let sheet = serde_json::from_str(&body).unwrap();
    (body, sheet)
}

/// The correct choice's label of each bank question, by prompt.
async fn answer_key(s: &TestServer) -> HashMap<String, String> {
    let rows = sqlx::query("SELECT prompt, choices, answer FROM contest_questions")
        .fetch_all(&s.pool)
        .await
        .unwrap();
    rows.iter()
        .map(|r| {
            use sqlx::Row;
            let choices: Vec<String> = serde_json::from_str(&r.get::<String, _>(1)).unwrap();
            (r.get(0), choices[r.get::<i64, _>(2) as usize].clone())
        })
        .collect()
}

/// Answers the sheet of `token`: the first `right` questions as shown correctly, the
/// rest wrongly; then submits with `prediction`. (status, body).
async fn answer(
    s: &TestServer,
    client: &reqwest::Client,
    token: &str,
    right: usize,
    prediction: &str,
) -> (u16, String) {
    let key = answer_key(s).await;
    let (_, sheet) = sheet(s, token).await;
    // a sheet no longer open is sent back with no answers
    let questions = match sheet.state {
        SheetState::Open { questions, .. } => questions,
        _ => Vec::new(),
    };
    let mut fields: Vec<(String, String)> = vec![
        ("ma".into(), token.into()),
        ("prediction".into(), prediction.into()),
    ];
    for (i, q) in questions.iter().enumerate() {
        let correct = q.choices.iter().position(|c| *c == key[&q.prompt]).unwrap();
        let pick = if i < right {
            correct
        } else {
            (correct + 1) % q.choices.len()
        };
        fields.push((format!("answers[{i}]"), pick.to_string()));
    }
    let form: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    call_as(s, client, <SubmitQuiz as ServerFn>::PATH, &form).await
}

async fn demo_slug(s: &TestServer) -> String {
    let row = sqlx::query("SELECT slug FROM contests ORDER BY id LIMIT 1")
        .fetch_one(&s.pool)
        .await
        .unwrap();
    sqlx::Row::get(&row, 0)
}

/// A sheet without the seconds left (which change as the clock runs).
fn without_clock(state: SheetState) -> SheetState {
    match state {
        SheetState::Open {
            questions,
            deadline,
            deadline_iso,
            ..
        } => SheetState::Open {
            questions,
            deadline,
            deadline_iso,
            seconds_left: 0,
        },
        other => other,
    }
}

/// A page with what changes between two answers of the same (the CSP nonce, the
/// minutes left, the form's time token) taken out.
fn settled(html: &str) -> String {
    let mut out = html.to_string();
    for (from, to) in [
        ("nonce=\"", "\""),
        ("(còn khoảng ", ")"),
        ("name=\"started\" value=\"", "\""),
    ] {
        let mut done = String::new();
        let mut rest = out.as_str();
        while let Some(at) = rest.find(from) {
            done.push_str(&rest[..at + from.len()]);
            rest = &rest[at + from.len()..];
            let end = rest.find(to).unwrap_or(0);
            rest = &rest[end..];
        }
        done.push_str(rest);
        out = done;
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_entrant_is_scored_on_the_server_and_no_page_tells_the_answers_before() {
    for backend in backends() {
        let s = TestServer::start_with(backend, relaxed()).await;
        s.seed_demo().await;
        let slug = demo_slug(&s).await;
        let (status, html) = s.get("/cuoc-thi").await;
        assert_eq!(status, 200);
        assert!(page_text(&html).contains("Cuộc thi trắc nghiệm tìm hiểu lịch sử Đảng"));
        let (status, html) = s.get(&format!("/cuoc-thi/{slug}")).await;
        assert_eq!(status, 200);
        assert!(
            page_text(&html).contains("0 người đã dự thi vòng này"),
            "the live count"
        );
        assert_eq!(s.get("/cuoc-thi/khong-co").await.0, 404);

        // the entrant's checks and the guard
        let a = browser(CHROME);
        for (field, value) in [
            ("phone", "09123"),
            ("birth", "2030-01-01"),
            ("birth", "17/05/1990"),
            ("name", "x"),
            ("unit", ""),
            ("website", "http://spam.example"),
        ] {
            let (status, body) = start(&s, &a, &slug, &[(field, value)]).await;
            assert_eq!(status, 400, "{field}={value}: {body}");
        }
        assert_eq!(
            start(&s, &a, &slug, &[("contest", "khong-co")]).await.0,
            404
        );
        assert_eq!(s.scalar("SELECT COUNT(*) FROM contest_attempts").await, 0);

        // the sheet: ten questions, in this attempt's order, private
        let token = started(&s, &a, &slug, "0912345678").await;
        let (json, first) = sheet(&s, &token).await;
        let SheetState::Open { questions, .. } = &first.state else {
            panic!("open");
        };
        assert_eq!(questions.len(), 10);
        let path = format!("/cuoc-thi/{slug}/lam-bai?ma={token}");
        let res = s.client.get(s.url(&path)).send().await.unwrap();
        assert!(header(&res, "cache-control").contains("no-store"));
        let html = res.text().await.unwrap();
        assert!(html.contains("name=\"answers[9]\""), "a plain form");
        let contest_page = s.get(&format!("/cuoc-thi/{slug}")).await.1;
        assert!(
            !questions.iter().any(|q| contest_page.contains(&q.prompt)),
            "the contest page shows no question"
        );
        // the same sheet whatever the correct choices are: nothing tells them
        let stored: Vec<(i64, i64)> = sqlx::query("SELECT id, answer FROM contest_questions")
            .fetch_all(&s.pool)
            .await
            .unwrap()
            .iter()
            .map(|r| (sqlx::Row::get(r, 0), sqlx::Row::get(r, 1)))
            .collect();
        sqlx::query("UPDATE contest_questions SET answer = (answer + 1) % 3")
            .execute(&s.pool)
            .await
            .unwrap();
        let (json_after, after) = sheet(&s, &token).await;
        assert_eq!(
            without_clock(first.state.clone()),
            without_clock(after.state)
        );
        assert_eq!(
            json.split("\"seconds_left\"").next(),
            json_after.split("\"seconds_left\"").next(),
            "the server function's answer"
        );
        let html_after = s
            .client
            .get(s.url(&path))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(settled(&html), settled(&html_after), "the page's bytes");
        for (id, answer) in stored {
            sqlx::query("UPDATE contest_questions SET answer = $1 WHERE id = $2")
                .bind(answer)
                .bind(id)
                .execute(&s.pool)
                .await
                .unwrap();
        }
        // another attempt has its own order
        let b = browser(FIREFOX);
        let other = started(&s, &b, &slug, "0987654321").await;
        let mut orders = vec![
            questions
                .iter()
                .map(|q| q.prompt.clone())
                .collect::<Vec<_>>(),
        ];
        let (_, second) = sheet(&s, &other).await;
        if let SheetState::Open { questions, .. } = second.state {
            orders.push(questions.iter().map(|q| q.prompt.clone()).collect());
        }
        assert_ne!(orders[0], orders[1], "each attempt its own order");

        // scored here
        assert_eq!(
            answer(&s, &a, &token, 7, "nhiều").await.0,
            400,
            "a prediction is a number"
        );
        let (status, body) = answer(&s, &a, &token, 7, "1.500").await;
        assert_eq!(status, 200, "{body}");
        let result: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(result["score"], 7);
        assert_eq!(result["of"], 10);
        assert_eq!(result["prediction"], 1500);
        assert_eq!(answer(&s, &a, &token, 10, "1").await.0, 409, "in already");
        let html = s
            .client
            .get(s.url(&path))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            page_text(&html).contains("7/10 câu đúng"),
            "the result on its page"
        );
        assert_eq!(
            s.scalar("SELECT entrants FROM contest_rounds").await,
            1,
            "the live count"
        );
        let (_, html) = s.get(&format!("/cuoc-thi/{slug}")).await;
        assert!(page_text(&html).contains("1 người đã dự thi vòng này"));
        // the answers are out only once the round has closed
        let (_, html) = s.get(&format!("/cuoc-thi/{slug}/vong/1")).await;
        let key = answer_key(&s).await;
        assert!(
            !key.keys().any(|p| html.contains(p.as_str())),
            "no answers while open"
        );
        let early = token_of(&s.get(&format!("/cuoc-thi/{slug}")).await.1);
        sqlx::query("UPDATE contest_rounds SET closes_at = $1")
            .bind(now() - 60)
            .execute(&s.pool)
            .await
            .unwrap();
        let (_, html) = s.get(&format!("/cuoc-thi/{slug}/vong/1")).await;
        assert!(page_text(&html).contains("Đáp án"));
        assert!(
            page_text(&html).contains("03/02/1930"),
            "the answers once closed"
        );
        // the round closed: no new attempt, and the one in progress is past its time
        let late = [("phone", "0911111111"), ("started", early.as_str())];
        assert_eq!(start(&s, &browser(CHROME), &slug, &late).await.0, 409);
        let (_, html) = s.get(&format!("/cuoc-thi/{slug}")).await;
        assert!(
            !html.contains("name=\"started\""),
            "no entry form once closed"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_time_limit_and_the_attempts_are_kept_by_the_server() {
    for backend in backends() {
        let s = TestServer::start_with(backend, relaxed()).await;
        s.seed_demo().await;
        let slug = demo_slug(&s).await;
        let a = browser(CHROME);
        let token = started(&s, &a, &slug, "0912345678").await;
        // the same entrant again while it runs: the same attempt
        assert_eq!(started(&s, &a, &slug, "+84 912 345 678").await, token);
        sqlx::query("UPDATE contest_attempts SET deadline_ms = deadline_ms - 3600000")
            .execute(&s.pool)
            .await
            .unwrap();
        let late = format!("/cuoc-thi/{slug}/lam-bai?ma={token}");
        let (_, html) = s.get(&late).await;
        assert!(page_text(&html).contains("Đã hết thời gian làm bài"));
        assert!(
            !html.contains("name=\"answers[0]\""),
            "no sheet past the time"
        );
        let form = [
            ("ma", token.as_str()),
            ("prediction", "100"),
            ("answers[0]", "1"),
        ];
        let (status, body) = call_as(&s, &a, <SubmitQuiz as ServerFn>::PATH, &form).await;
        assert_eq!(status, 409, "{body}");
        assert!(body.contains("hết thời gian"), "{body}");
        assert_eq!(s.scalar("SELECT COUNT(*) FROM contest_entrants").await, 0);
        assert_eq!(
            s.scalar("SELECT COUNT(*) FROM contest_attempts WHERE submitted_ms IS NOT NULL")
                .await,
            0
        );
        // the demo allows two attempts a phone: the late one counted
        let second = started(&s, &a, &slug, "0912345678").await;
        assert_ne!(second, token);
        assert_eq!(answer(&s, &a, &second, 4, "90").await.0, 200);
        let (status, body) = start(&s, &a, &slug, &[("phone", "0912345678")]).await;
        assert_eq!(status, 409, "attempts used: {body}");
        // at once: three starts of one phone (two allowed) make two attempts, and its two
        // attempts sent at once make one entrant with both counted
        let names = ["Lê Văn Một", "Lê Văn Hai", "Lê Văn Ba"];
        let clients: Vec<_> = names.iter().map(|_| browser(CHROME)).collect();
        let phone = |name| [("phone", "0977000111"), ("name", name)];
        let (p1, p2, p3) = (phone(names[0]), phone(names[1]), phone(names[2]));
        let (r1, r2, r3) = tokio::join!(
            start(&s, &clients[0], &slug, &p1),
            start(&s, &clients[1], &slug, &p2),
            start(&s, &clients[2], &slug, &p3)
        );
        let results = [r1, r2, r3];
        let tokens: Vec<String> = results
            .iter()
            .filter(|(status, _)| *status == 200)
            .map(|(_, body)| serde_json::from_str(body).unwrap())
            .collect();
        assert_eq!(tokens.len(), 2, "{results:?}");
        assert!(results.iter().any(|(status, _)| *status == 409));
        let (one, two) = tokio::join!(
            answer(&s, &clients[0], &tokens[0], 3, "10"),
            answer(&s, &clients[1], &tokens[1], 6, "10")
        );
        assert_eq!((one.0, two.0), (200, 200), "{one:?} {two:?}");
        let kept = s
            .scalar("SELECT score * 10 + attempts FROM contest_entrants WHERE phone = '0977000111'")
            .await;
        assert_eq!(kept, 62, "the better attempt kept, both counted");
        assert_eq!(s.scalar("SELECT entrants FROM contest_rounds").await, 2);
        // a forged secret is no attempt
        let (status, _) = s
            .query(<GetSheet as ServerFn>::PATH, &[("ma", "0000")])
            .await;
        assert_eq!(status, 404);
    }
}

/// Makes a contest with a bank of `n` questions and a round open now, as organisers do.
async fn organised(s: &TestServer, n: usize) -> (i64, String) {
    let (status, body) = {
        let res = s
            .call(
                <SaveContest as ServerFn>::PATH,
                &[
                    ("id", "0"),
                    ("contest[title]", "Tìm hiểu Luật Thi đua, khen thưởng"),
                    ("contest[intro]", "Thể lệ cuộc thi."),
                    ("contest[period]", "month"),
                    ("contest[questions]", &n.to_string()),
                    ("contest[limit_minutes]", "10"),
                    ("contest[attempts]", "3"),
                ],
            )
            .await;
        (res.status().as_u16(), res.text().await.unwrap())
    };
    assert_eq!(status, 200, "{body}");
    let id: i64 = serde_json::from_str(&body).unwrap();
    let bank: String = (1..=n)
        .map(|i| format!("Câu hỏi số {i} về thi đua?\n*Đúng {i}\nSai {i}\nCó lẽ {i}\n"))
        .collect::<Vec<_>>()
        .join("\n");
    let id_s = id.to_string();
    let res = s
        .call(
            <AddBankQuestions as ServerFn>::PATH,
            &[("contest", &id_s), ("text", &bank)],
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let (opens, closes) = (local_input(now() - 3600), local_input(now() + 3600));
    let res = s
        .call(
            <CreateRound as ServerFn>::PATH,
            &[
                ("contest", &id_s),
                ("round[opens]", &opens),
                ("round[closes]", &closes),
                ("round[prizes]", "Giải Nhất: 1\nGiải Nhì: 2"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let row = sqlx::query("SELECT slug FROM contests WHERE id = $1")
        .bind(id)
        .fetch_one(&s.pool)
        .await
        .unwrap();
    (id, sqlx::Row::get(&row, 0))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn results_rank_by_score_then_prediction_then_time_and_go_out_as_csv() {
    for backend in backends() {
        let s = TestServer::start_with(backend, relaxed()).await;
        // readers and moderators do not organise
        let form = [
            ("id", "0"),
            ("contest[title]", "Cuộc thi của người đọc"),
            ("contest[period]", "week"),
            ("contest[questions]", "3"),
            ("contest[limit_minutes]", "10"),
            ("contest[attempts]", "1"),
        ];
        assert_eq!(
            s.call(<SaveContest as ServerFn>::PATH, &form)
                .await
                .status()
                .as_u16(),
            401
        );
        s.sign_in_as("kiemduyet", "moderator", PASSWORD).await;
        let res = s
            .call(
                <AddBankQuestions as ServerFn>::PATH,
                &[("contest", "1"), ("text", "x")],
            )
            .await;
        assert_eq!(res.status().as_u16(), 403);
        s.sign_in_as("tochuc", "editor", PASSWORD).await;
        let (id, slug) = organised(&s, 3).await;
        let id_s = id.to_string();
        // the bank's blocks are checked; a round needs enough questions and its own time
        let res = s
            .call(
                <AddBankQuestions as ServerFn>::PATH,
                &[("contest", &id_s), ("text", "Hỏi?\nA\nB")],
            )
            .await;
        assert_eq!(res.status().as_u16(), 400);
        let (opens, closes) = (local_input(now()), local_input(now() + 1800));
        let round = [
            ("contest", id_s.as_str()),
            ("round[opens]", opens.as_str()),
            ("round[closes]", closes.as_str()),
            ("round[prizes]", ""),
        ];
        let res = s.call(<CreateRound as ServerFn>::PATH, &round).await;
        assert_eq!(res.status().as_u16(), 409, "overlaps the open round");
        // a round draws only questions no round drew (their answers are public)
        let (later, after) = (local_input(now() + 7200), local_input(now() + 9000));
        let next = [
            ("contest", id_s.as_str()),
            ("round[opens]", later.as_str()),
            ("round[closes]", after.as_str()),
            ("round[prizes]", ""),
        ];
        let res = s.call(<CreateRound as ServerFn>::PATH, &next).await;
        assert_eq!(
            res.status().as_u16(),
            409,
            "the bank has no unused question"
        );

        // four entrants: (phone, right answers, prediction, seconds taken)
        let entrants = [
            ("0901000001", 2, "100", 50),
            ("0901000002", 2, "5", 90),
            ("0901000003", 3, "900", 200),
            ("0901000004", 2, "3", 120),
        ];
        for (phone, right, prediction, seconds) in entrants {
            let c = browser(CHROME);
            let token = started(&s, &c, &slug, phone).await;
            sqlx::query(
                "UPDATE contest_attempts SET started_ms = started_ms - $1 WHERE token = $2",
            )
            .bind(seconds * 1000_i64)
            .bind(&token)
            .execute(&s.pool)
            .await
            .unwrap();
            let (status, body) = answer(&s, &c, &token, right, prediction).await;
            assert_eq!(status, 200, "{body}");
        }
        // an attempt still running when the results come out
        let running = browser(FIREFOX);
        let pending = started(&s, &running, &slug, "0901000009").await;
        let round_id = s
            .scalar(&format!(
                "SELECT id FROM contest_rounds WHERE contest_id = {id}"
            ))
            .await
            .to_string();
        let publish = [("round", round_id.as_str())];
        let res = s.call(<PublishRound as ServerFn>::PATH, &publish).await;
        assert_eq!(res.status().as_u16(), 409, "not while open");
        sqlx::query("UPDATE contest_rounds SET closes_at = $1")
            .bind(now() - 60)
            .execute(&s.pool)
            .await
            .unwrap();
        let res = s.call(<PublishRound as ServerFn>::PATH, &publish).await;
        assert_eq!(
            res.text().await.unwrap(),
            "3",
            "one first and two second prizes"
        );
        let (status, body) = answer(&s, &running, &pending, 3, "4").await;
        assert_eq!(status, 409, "no entry once the results are out: {body}");

        // 4 entrants: 3 right first; then 2 right with the prediction nearest to 4 (5
        // and 3 are as near), the shorter time first; then the farther prediction
        // (whose time was the shortest of all)
        let order: Vec<String> =
            sqlx::query("SELECT phone FROM contest_entrants WHERE rank IS NOT NULL ORDER BY rank")
                .fetch_all(&s.pool)
                .await
                .unwrap()
                .iter()
                .map(|r| sqlx::Row::get(r, 0))
                .collect();
        assert_eq!(order, vec!["0901000003", "0901000002", "0901000004"]);
        let (_, html) = s.get(&format!("/cuoc-thi/{slug}/vong/1")).await;
        let text = page_text(&html);
        assert!(
            text.contains("Giải Nhất") && text.contains("Giải Nhì"),
            "{text}"
        );
        assert!(text.contains("•••••••003"), "phones masked");
        assert!(!html.contains("0901000003"), "never a whole phone");
        assert!(!text.contains("1990-05-17"), "never a date of birth");

        // the CSV: every entrant in results' order, for organisers only
        let path = format!("/quan-tri/cuoc-thi/vong/{round_id}/bai-thi.csv");
        assert_eq!(
            browser(CHROME)
                .get(s.url(&path))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16(),
            401
        );
        let res = s.client.get(s.url(&path)).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 200);
        assert!(header(&res, "content-type").starts_with("text/csv"));
        assert!(header(&res, "cache-control").contains("no-store"));
        assert!(header(&res, "content-disposition").contains("vong-1.csv"));
        let csv = res.text().await.unwrap();
        let lines: Vec<&str> = csv.lines().collect();
        assert!(lines[0].starts_with("\u{feff}Hạng,Họ và tên,Ngày sinh,Số điện thoại"));
        assert_eq!(lines.len(), 5);
        let phones: Vec<&str> = lines[1..]
            .iter()
            .map(|l| l.split(',').nth(3).unwrap())
            .collect();
        assert_eq!(
            phones,
            vec!["0901000003", "0901000002", "0901000004", "0901000001"]
        );
        assert!(lines[1].ends_with(",Giải Nhất"), "{csv}");
        assert!(
            lines[3].ends_with(",Giải Nhì") && lines[4].ends_with(','),
            "{csv}"
        );

        for action in [
            "contest.create",
            "contest.questions_add",
            "contest.round_create",
            "contest.publish",
            "contest.export",
        ] {
            let n = s
                .scalar(&format!(
                    "SELECT COUNT(*) FROM audit_events WHERE action = '{action}'"
                ))
                .await;
            assert!(n >= 1, "{action} in the audit log");
        }
        // the dashboard counts the round awaiting nothing now, and the open ones
        let (status, body) = s
            .query(
                <toasoan_app::features::editorial::dashboard::GetDashboard as ServerFn>::PATH,
                &[],
            )
            .await;
        assert_eq!(status, 200, "{body}");
        assert!(body.contains("\"contests\":{\"open_rounds\":0"), "{body}");
    }
}
