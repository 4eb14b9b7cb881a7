//! `toasoan demo`: seeds the demo portal: the categories the portals name (with
//! subcategories), topics, and articles written for the demo with pictures drawn by
//! `pictures`. Running it again changes nothing: what exists is left as it is.

use std::path::Path;

use sqlx::AnyPool;
use toasoan_app::core::time;
use toasoan_app::features::categories::{self, NewCategory};
use toasoan_app::features::topics;

use crate::import::{self, ImportError, ImportOptions, Outcome};
use crate::pictures::demo_svg;

/// The menu: (name, description, subcategories).
pub const CATEGORIES: &[(&str, &str, &[&str])] = &[
    (
        "Hoạt động cấp ủy",
        "Tin về hoạt động lãnh đạo, chỉ đạo của cấp ủy các cấp trong tỉnh.",
        &[],
    ),
    (
        "Xây dựng Đảng",
        "Công tác xây dựng Đảng về chính trị, tư tưởng, đạo đức, tổ chức và cán bộ.",
        &["Công tác tổ chức", "Kiểm tra, giám sát"],
    ),
    (
        "Thời sự",
        "Tin tức thời sự trong tỉnh và cả nước.",
        &["Kinh tế - Xã hội", "Quốc phòng - An ninh"],
    ),
    (
        "Nhân sự mới",
        "Thông tin bổ nhiệm, chuẩn y, điều động, luân chuyển cán bộ.",
        &[],
    ),
    (
        "Chuyển đổi số",
        "Ứng dụng công nghệ thông tin và chuyển đổi số trong hệ thống chính trị.",
        &[],
    ),
    (
        "Hỏi – Đáp công tác Đảng",
        "Giải đáp thắc mắc của cán bộ, đảng viên và Nhân dân về công tác Đảng.",
        &[],
    ),
];

/// Topics: (name, description).
pub const TOPICS: &[(&str, &str)] = &[
    (
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "Những tấm gương, mô hình hay, cách làm hiệu quả trong học tập và làm theo Bác.",
    ),
    (
        "Bảo vệ nền tảng tư tưởng của Đảng",
        "Tuyên truyền, giáo dục và đấu tranh phản bác các quan điểm sai trái, thù địch.",
    ),
    (
        "Chuyển đổi số trong cơ quan Đảng",
        "Ứng dụng công nghệ số trong quản lý đảng viên, văn phòng điện tử và dịch vụ công.",
    ),
];

/// The demo articles: (file name, Markdown with front matter).
pub const ARTICLES: &[(&str, &str)] = &[
    (
        "01-hoi-nghi-tinh-uy-quy-iv.md",
        include_str!("../demo/01-hoi-nghi-tinh-uy-quy-iv.md"),
    ),
    (
        "02-thuong-truc-lam-viec-huyen.md",
        include_str!("../demo/02-thuong-truc-lam-viec-huyen.md"),
    ),
    (
        "03-ban-thuong-vu-cho-y-kien-de-an.md",
        include_str!("../demo/03-ban-thuong-vu-cho-y-kien-de-an.md"),
    ),
    (
        "04-so-ket-nghi-quyet-chuyen-de.md",
        include_str!("../demo/04-so-ket-nghi-quyet-chuyen-de.md"),
    ),
    (
        "05-quan-triet-nghi-quyet.md",
        include_str!("../demo/05-quan-triet-nghi-quyet.md"),
    ),
    (
        "06-nang-cao-chat-luong-sinh-hoat-chi-bo.md",
        include_str!("../demo/06-nang-cao-chat-luong-sinh-hoat-chi-bo.md"),
    ),
    (
        "07-phat-trien-dang-vien-doanh-nghiep.md",
        include_str!("../demo/07-phat-trien-dang-vien-doanh-nghiep.md"),
    ),
    (
        "08-danh-gia-xep-loai-can-bo.md",
        include_str!("../demo/08-danh-gia-xep-loai-can-bo.md"),
    ),
    (
        "09-giam-sat-chuyen-de-dat-dai.md",
        include_str!("../demo/09-giam-sat-chuyen-de-dat-dai.md"),
    ),
    (
        "10-thi-hanh-ky-luat.md",
        include_str!("../demo/10-thi-hanh-ky-luat.md"),
    ),
    (
        "11-tinh-hinh-kinh-te-xa-hoi.md",
        include_str!("../demo/11-tinh-hinh-kinh-te-xa-hoi.md"),
    ),
    (
        "12-mua-mua-bao.md",
        include_str!("../demo/12-mua-mua-bao.md"),
    ),
    (
        "13-xay-dung-nong-thon-moi.md",
        include_str!("../demo/13-xay-dung-nong-thon-moi.md"),
    ),
    (
        "14-chinh-sach-an-sinh.md",
        include_str!("../demo/14-chinh-sach-an-sinh.md"),
    ),
    (
        "15-mua-vu-thang-loi.md",
        include_str!("../demo/15-mua-vu-thang-loi.md"),
    ),
    (
        "16-dien-tap-khu-vuc-phong-thu.md",
        include_str!("../demo/16-dien-tap-khu-vuc-phong-thu.md"),
    ),
    (
        "17-an-ninh-trat-tu-tet.md",
        include_str!("../demo/17-an-ninh-trat-tu-tet.md"),
    ),
    (
        "18-bo-nhiem-giam-doc-so.md",
        include_str!("../demo/18-bo-nhiem-giam-doc-so.md"),
    ),
    (
        "19-chuan-y-pho-bi-thu-huyen-uy.md",
        include_str!("../demo/19-chuan-y-pho-bi-thu-huyen-uy.md"),
    ),
    (
        "20-dieu-dong-can-bo.md",
        include_str!("../demo/20-dieu-dong-can-bo.md"),
    ),
    (
        "21-so-hoa-ho-so-dang-vien.md",
        include_str!("../demo/21-so-hoa-ho-so-dang-vien.md"),
    ),
    (
        "22-van-phong-so.md",
        include_str!("../demo/22-van-phong-so.md"),
    ),
    (
        "23-an-toan-thong-tin.md",
        include_str!("../demo/23-an-toan-thong-tin.md"),
    ),
    (
        "24-dich-vu-cong-truc-tuyen.md",
        include_str!("../demo/24-dich-vu-cong-truc-tuyen.md"),
    ),
    (
        "25-hoi-dap-chuyen-sinh-hoat-dang.md",
        include_str!("../demo/25-hoi-dap-chuyen-sinh-hoat-dang.md"),
    ),
    (
        "26-hoi-dap-dang-phi.md",
        include_str!("../demo/26-hoi-dap-dang-phi.md"),
    ),
    (
        "27-hoi-dap-ket-nap-dang.md",
        include_str!("../demo/27-hoi-dap-ket-nap-dang.md"),
    ),
    (
        "28-ban-tin-sinh-hoat-chi-bo-thang-6.md",
        include_str!("../demo/28-ban-tin-sinh-hoat-chi-bo-thang-6.md"),
    ),
];

/// The text of demo article `file` (its file name under server/demo).
pub fn article_text(file: &str) -> Option<&'static str> {
    ARTICLES
        .iter()
        .find(|(name, _)| *name == file)
        .map(|(_, text)| *text)
}

/// What a demo run did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct DemoReport {
    pub created: usize,
    pub kept: usize,
    /// Documents added to the library.
    pub documents: usize,
    /// Published questions added to Hỏi – Đáp.
    pub questions: usize,
    /// Pieces of feedback added to Góp ý.
    pub feedback: usize,
    /// Polls added.
    pub polls: usize,
    /// Quiz contests added (each with an open round).
    pub contests: usize,
    /// Days of visitor statistics written.
    pub stats_days: usize,
    /// The demo member made by this run: (username, password).
    pub member: Option<(String, String)>,
}

/// The demo's member account (a reader of internal bulletins).
pub const DEMO_MEMBER: &str = "thanhvien";

/// Seeds the demo. Articles are spread over the last weeks, newest first in file order.
pub async fn seed(pool: &AnyPool, media_dir: &Path) -> Result<DemoReport, ImportError> {
    let now = time::now();
    let db = |e: sqlx::Error| ImportError::Db {
        file: "demo".into(),
        reason: e.to_string(),
    };
    let mut conn = pool.acquire().await.map_err(db)?;
    for (i, (name, description, children)) in CATEGORIES.iter().enumerate() {
        let new = NewCategory {
            name,
            slug: None,
            parent_id: None,
            description,
            sort_order: i as i64 + 1,
        };
        let id = categories::ensure(&mut conn, new, now).await.map_err(db)?;
        for (j, child) in children.iter().enumerate() {
            let new = NewCategory {
                name: child,
                slug: None,
                parent_id: Some(id),
                description: "",
                sort_order: j as i64 + 1,
            };
            categories::ensure(&mut conn, new, now).await.map_err(db)?;
        }
    }
    for (name, description) in TOPICS {
        topics::ensure(&mut conn, name, description, now)
            .await
            .map_err(db)?;
    }
    drop(conn);

    let images = |url: &str| -> Result<(Vec<u8>, String), String> {
        let name = url
            .strip_prefix("demo:")
            .ok_or_else(|| format!("không phải ảnh trình diễn: {url}"))?;
        Ok((demo_svg(name).into_bytes(), format!("{name}.svg")))
    };
    let mut report = DemoReport::default();
    for (i, (file, text)) in ARTICLES.iter().enumerate() {
        // one article every 7 hours 13 minutes, going back from now
        let opts = ImportOptions {
            media_dir,
            only_new: true,
            default_published: now - 600 - i as i64 * 26_000,
            demo: true,
        };
        let parsed = import::parse(file, text)?;
        match import::store(pool, file, parsed, &images, &opts).await? {
            Outcome::Kept { .. } => report.kept += 1,
            Outcome::Created { .. } | Outcome::Updated { .. } => report.created += 1,
        }
    }
    report.documents = crate::demo_documents::seed(pool, media_dir, now).await?;
    report.questions = crate::demo_questions::seed(pool, now).await?;
    report.feedback = crate::demo_feedback::seed(pool, now).await?;
    report.polls = crate::demo_feedback::seed_polls(pool, now).await?;
    report.contests = crate::demo_contests::seed(pool, now).await?;
    report.stats_days = crate::demo_stats::seed(pool, now).await?;
    report.member = demo_member(pool).await.map_err(|e| ImportError::Db {
        file: "demo: thành viên".into(),
        reason: e.to_string(),
    })?;
    Ok(report)
}

/// Makes the demo member, with a new password, unless the account exists.
async fn demo_member(
    pool: &AnyPool,
) -> Result<Option<(String, String)>, crate::user_admin::UserError> {
    let users = toasoan_app::features::accounts::list_users(pool).await?;
    if users.iter().any(|u| u.username == DEMO_MEMBER) {
        return Ok(None);
    }
    let password = format!(
        "Tv-{}",
        &toasoan_app::features::accounts::auth::new_token()[..16]
    );
    crate::user_admin::add(
        pool,
        DEMO_MEMBER,
        "member",
        Some("Đảng viên trình diễn"),
        "",
        &password,
    )
    .await?;
    Ok(Some((DEMO_MEMBER.to_string(), password)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_articles_parse_and_cover_every_category() {
        assert!(ARTICLES.len() >= 24);
        let mut names: Vec<&str> = CATEGORIES
            .iter()
            .flat_map(|(n, _, c)| std::iter::once(*n).chain(c.iter().copied()))
            .collect();
        names.sort();
        let mut featured = 0;
        for (file, text) in ARTICLES {
            let p = import::parse(file, text).unwrap_or_else(|e| panic!("{e}"));
            assert!(
                names.binary_search(&p.category.as_str()).is_ok(),
                "{file}: {}",
                p.category
            );
            assert!(!p.lead.is_empty(), "{file}");
            featured += p.featured as usize;
        }
        assert!(featured >= 3);
        let used: std::collections::HashSet<String> = ARTICLES
            .iter()
            .map(|(f, t)| import::parse(f, t).unwrap().category)
            .collect();
        for (name, _, _) in CATEGORIES {
            assert!(used.contains(*name), "no demo article in {name}");
        }
    }
}
