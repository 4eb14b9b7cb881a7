//! `toasoan sample`: a large generated portal for load tests (bench/). On top of the
//! demo (its categories, topics and articles), N articles written through the one
//! article writer: Vietnamese-like titles, leads and bodies in the real document model
//! (paragraphs, headings, quotes, lists), tags from a pool, a topic for some, dates
//! spread over ten years; comments and ratings on a share of them. The same seed makes
//! the same portal.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sqlx::AnyPool;
use toasoan_app::content::{Block, Doc, Inline};
use toasoan_app::core::text::slugify;
use toasoan_app::core::time;
use toasoan_app::features::articles::{self, Author, Content, Settings, Write};
use toasoan_app::features::{categories, comments, ratings, topics};

/// The generated articles' newest date (2026-09-21, UTC): fixed, so a seed gives the
/// same dates whenever it runs.
const NEWEST: i64 = 1_790_000_000;
/// Ten years of dates before it.
const SPAN: i64 = 10 * 365 * 24 * 3600;
/// Articles per transaction.
const BATCH: usize = 500;

/// Words of the portals' own news (the corpus), drawn from to make text.
const WORDS: &[&str] = &[
    "Ban Thường vụ",
    "Tỉnh ủy",
    "Hội đồng nhân dân",
    "Ủy ban nhân dân",
    "Mặt trận Tổ quốc",
    "đồng chí",
    "Bí thư",
    "Phó Bí thư",
    "Chủ tịch",
    "cán bộ",
    "đảng viên",
    "chi bộ",
    "Đảng bộ",
    "nghị quyết",
    "chỉ thị",
    "kết luận",
    "kế hoạch",
    "chương trình",
    "đề án",
    "hội nghị",
    "sơ kết",
    "tổng kết",
    "quán triệt",
    "triển khai",
    "thực hiện",
    "lãnh đạo",
    "chỉ đạo",
    "kiểm tra",
    "giám sát",
    "đánh giá",
    "xếp loại",
    "phát triển",
    "kinh tế",
    "xã hội",
    "quốc phòng",
    "an ninh",
    "văn hóa",
    "giáo dục",
    "y tế",
    "nông thôn mới",
    "chuyển đổi số",
    "cải cách hành chính",
    "dịch vụ công",
    "trực tuyến",
    "doanh nghiệp",
    "nhân dân",
    "địa phương",
    "huyện",
    "thị xã",
    "thành phố",
    "xã",
    "phường",
    "thôn",
    "năm 2025",
    "nhiệm kỳ",
    "giai đoạn",
    "mục tiêu",
    "nhiệm vụ",
    "giải pháp",
    "kết quả",
    "tích cực",
    "hiệu quả",
    "đồng bộ",
    "quyết liệt",
    "trọng tâm",
    "then chốt",
    "bền vững",
    "nâng cao",
    "chất lượng",
    "sinh hoạt",
    "tư tưởng",
    "đạo đức",
    "phong cách",
    "Hồ Chí Minh",
    "học tập",
    "làm theo",
    "tấm gương",
    "điển hình",
    "tiên tiến",
    "khen thưởng",
    "thi đua",
    "đầu tư",
    "hạ tầng",
    "giao thông",
    "đất đai",
    "môi trường",
    "thiên tai",
    "mưa bão",
    "an sinh",
    "hộ nghèo",
    "việc làm",
    "thu nhập",
    "người dân",
    "thanh niên",
    "phụ nữ",
    "cựu chiến binh",
    "nông dân",
    "công đoàn",
    "tổ chức",
    "bộ máy",
    "tinh gọn",
    "biên chế",
    "công tác",
    "tuyên truyền",
    "vận động",
    "dân vận",
    "khéo",
    "đối thoại",
    "tiếp công dân",
    "phòng, chống",
    "tham nhũng",
    "lãng phí",
    "tiêu cực",
    "kỷ luật",
    "kỷ cương",
    "trách nhiệm",
    "người đứng đầu",
    "đoàn công tác",
    "làm việc",
    "thăm",
    "tặng quà",
    "chúc mừng",
    "kỷ niệm",
];

/// Tag names the generated articles draw from.
const TAG_WORDS: &[&str] = &[
    "chuyển đổi số",
    "nông thôn mới",
    "xây dựng Đảng",
    "cải cách hành chính",
    "an sinh xã hội",
    "phòng chống tham nhũng",
    "đại hội Đảng",
    "thi đua yêu nước",
    "bảo vệ môi trường",
    "giảm nghèo bền vững",
    "phát triển kinh tế",
    "quốc phòng toàn dân",
    "giáo dục đào tạo",
    "y tế cơ sở",
    "du lịch",
    "văn hóa truyền thống",
    "công tác dân vận",
    "tiếp công dân",
];

/// What `generate` did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SampleReport {
    pub articles: usize,
    pub comments: usize,
    pub ratings: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum SampleError {
    #[error(transparent)]
    Demo(#[from] crate::import::ImportError),
    #[error(transparent)]
    Write(#[from] articles::WriteError),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// Words `n` from the pool, as one run of text.
fn words(rng: &mut ChaCha8Rng, n: usize) -> String {
    let mut out = String::new();
    for i in 0..n {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(WORDS[rng.random_range(0..WORDS.len())]);
    }
    out
}

/// A sentence: capitalised, ended with a full stop.
fn sentence(rng: &mut ChaCha8Rng, min: usize, max: usize) -> String {
    let n = rng.random_range(min..=max);
    let text = words(rng, n);
    let mut chars = text.chars();
    let first = chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>())
        .unwrap_or_default();
    format!("{first}{}.", chars.as_str())
}

fn paragraph(rng: &mut ChaCha8Rng) -> Vec<Inline> {
    let n = rng.random_range(3..=6);
    let text: Vec<String> = (0..n).map(|_| sentence(rng, 6, 14)).collect();
    vec![Inline::plain(text.join(" "))]
}

/// A body of 4–9 paragraphs, with a heading, a quote or a list now and then.
fn body(rng: &mut ChaCha8Rng) -> Doc {
    let mut blocks = Vec::new();
    for i in 0..rng.random_range(4..=9) {
        match rng.random_range(0..10) {
            0 if i > 0 => blocks.push(Block::Heading {
                level: 2,
                text: vec![Inline::plain(
                    sentence(rng, 4, 8).trim_end_matches('.').to_string(),
                )],
            }),
            1 => blocks.push(Block::Quote {
                text: vec![Inline::plain(sentence(rng, 8, 16))],
                cite: words(rng, 2),
            }),
            2 => blocks.push(Block::List {
                ordered: false,
                items: (0..rng.random_range(2..=4))
                    .map(|_| vec![Inline::plain(sentence(rng, 4, 9))])
                    .collect(),
            }),
            _ => {}
        }
        blocks.push(Block::Paragraph {
            text: paragraph(rng),
        });
    }
    Doc { blocks }
}

/// Seeds the demo, then writes `count` generated articles (from `seed`) and comments
/// and ratings on about one in ten of them.
pub async fn generate(
    pool: &AnyPool,
    media_dir: &std::path::Path,
    count: usize,
    seed: u64,
) -> Result<SampleReport, SampleError> {
    crate::demo::seed(pool, media_dir).await?;
    let tree = categories::load_tree(pool).await?;
    let category_ids: Vec<i64> = tree.in_order().into_iter().map(|(_, c)| c.id).collect();
    let topic_names: Vec<String> = topics::all(pool)
        .await?
        .into_iter()
        .map(|t| t.name)
        .collect();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut report = SampleReport::default();
    let now = time::now();
    let mut done = 0;
    while done < count {
        let mut tx = toasoan_app::core::state::begin_write(pool).await?;
        for i in done..(done + BATCH).min(count) {
            let title = sentence(&mut rng, 7, 13).trim_end_matches('.').to_string();
            let mut slug = slugify(&title);
            slug.truncate(80);
            let slug = format!("{}-{i}", slug.trim_end_matches('-'));
            let tags = (0..rng.random_range(1..=3))
                .map(|_| TAG_WORDS[rng.random_range(0..TAG_WORDS.len())].to_string())
                .collect();
            let content = Content {
                title,
                sapo: format!(
                    "{} {}",
                    sentence(&mut rng, 10, 18),
                    sentence(&mut rng, 8, 14)
                ),
                category_id: category_ids[rng.random_range(0..category_ids.len())],
                tags,
                byline: words(&mut rng, 2),
                source: String::new(),
                body: body(&mut rng),
                seo: Default::default(),
            };
            let settings = Settings {
                featured: Some(rng.random_bool(0.02)),
                ..Settings::default()
            };
            let publish_at = NEWEST - rng.random_range(0..SPAN);
            let written = articles::write(
                &mut tx,
                Write::Publish {
                    slug: &slug,
                    publish_at,
                },
                &content,
                &settings,
                Author::Import { file: "sample" },
                now,
            )
            .await?;
            if !topic_names.is_empty() && rng.random_bool(0.1) {
                let topic = topic_names[rng.random_range(0..topic_names.len())].clone();
                topics::set_for_article(&mut tx, written.id, &[topic], now).await?;
            }
            if rng.random_bool(0.1) {
                for c in 0..rng.random_range(1..=5) {
                    let at = publish_at + 3600 * (c + 1);
                    comments::import_approved(
                        &mut tx,
                        written.id,
                        &words(&mut rng, 2),
                        &sentence(&mut rng, 8, 20),
                        at,
                    )
                    .await?;
                    report.comments += 1;
                }
                for r in 0..rng.random_range(1..=20) {
                    let stars = rng.random_range(3..=5);
                    ratings::import(
                        &mut tx,
                        written.id,
                        &format!("mau-{i}-{r}"),
                        stars,
                        publish_at + 60,
                    )
                    .await?;
                    report.ratings += 1;
                }
            }
            report.articles += 1;
        }
        tx.commit().await?;
        done = (done + BATCH).min(count);
        tracing::info!("sample: {done}/{count}");
    }
    let mut conn = pool.acquire().await?;
    toasoan_app::core::state::bump_content_version(&mut conn).await?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_makes_the_same_text() {
        let a = body(&mut ChaCha8Rng::seed_from_u64(7));
        let b = body(&mut ChaCha8Rng::seed_from_u64(7));
        let c = body(&mut ChaCha8Rng::seed_from_u64(8));
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert!(a.validate().is_ok(), "a valid document");
        assert!(a.blocks.len() >= 4);
    }

    #[test]
    fn sentences_begin_with_a_capital_and_end_with_a_stop() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        for _ in 0..50 {
            let s = sentence(&mut rng, 3, 6);
            assert!(s.ends_with('.'), "{s}");
            assert!(s.chars().next().unwrap().is_uppercase(), "{s}");
        }
    }
}
