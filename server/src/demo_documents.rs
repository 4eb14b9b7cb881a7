//! The demo's documents library: documents of several types and years, written for
//! the demo (none is a real document), each with a PDF made by `demo_pdf` and stored
//! through the media pipeline as an upload would be; one replaced by a newer one, two
//! for members only, several linked to the demo's articles.

use std::path::Path;

use sqlx::AnyPool;
use toasoan_app::features::documents::{self, input::DocumentInput};

use crate::demo_pdf::document_pdf;
use crate::import::ImportError;

/// One demo document.
struct Demo {
    number: &'static str,
    kind: &'static str,
    issuer: &'static str,
    signer: &'static str,
    issued_on: &'static str,
    effective_on: &'static str,
    summary: &'static str,
    status: &'static str,
    replaced_by: &'static str,
    members_only: bool,
    /// The demo articles (their files) about it.
    articles: &'static [&'static str],
    /// The PDF's paragraphs.
    body: &'static [&'static str],
}

const PARTY: &str = "ĐẢNG CỘNG SẢN VIỆT NAM";
const DEMO_NOTE: &str = "Văn bản viết cho bản trình diễn Tòa Soạn, không phải văn bản thật.";
const STANDING: &str = "Ban Thường vụ Tỉnh ủy";

/// The documents a bulletin issue gathers: (the issue, its documents' numbers).
const ISSUES: &[(&str, &[&str])] = &[("06-BT/BTGTU", &["02-HD/BTGTU", "2466-QĐ/TU"])];

/// In the order they are stored: a replacing document before the one it replaces, a
/// bulletin's documents before the bulletin.
const DOCUMENTS: &[Demo] = &[
    Demo {
        number: "22-NQ/TU",
        kind: "nghi-quyet",
        issuer: "Ban Chấp hành Đảng bộ tỉnh",
        signer: "Nguyễn Văn An",
        issued_on: "2021-09-15",
        effective_on: "2021-09-15",
        summary: "Về chuyển đổi số tỉnh đến năm 2025, định hướng đến năm 2030",
        status: "con-hieu-luc",
        replaced_by: "",
        members_only: false,
        articles: &["22-van-phong-so.md", "24-dich-vu-cong-truc-tuyen.md"],
        body: &[
            "Chuyển đổi số là nhiệm vụ trọng tâm, thường xuyên của cả hệ thống chính trị, gắn với cải cách hành chính và xây dựng chính quyền số.",
            "Mục tiêu đến năm 2025: 100% văn bản giữa các cơ quan Đảng được gửi, nhận dưới dạng điện tử; 80% thủ tục hành chính được cung cấp trực tuyến toàn trình.",
            "Giao Ban Chỉ đạo chuyển đổi số của Tỉnh ủy theo dõi, đôn đốc và định kỳ báo cáo Ban Thường vụ Tỉnh ủy.",
        ],
    },
    Demo {
        number: "2466-QĐ/TU",
        kind: "quyet-dinh",
        issuer: STANDING,
        signer: "Trần Thị Bình",
        issued_on: "2021-10-04",
        effective_on: "2021-10-04",
        summary: "Về việc thành lập Ban Chỉ đạo chuyển đổi số của Tỉnh ủy",
        status: "con-hieu-luc",
        replaced_by: "",
        members_only: false,
        articles: &["22-van-phong-so.md"],
        body: &[
            "Điều 1. Thành lập Ban Chỉ đạo chuyển đổi số của Tỉnh ủy do đồng chí Phó Bí thư Thường trực Tỉnh ủy làm Trưởng ban.",
            "Điều 2. Ban Chỉ đạo giúp Ban Thường vụ Tỉnh ủy lãnh đạo, chỉ đạo việc thực hiện Nghị quyết số 22-NQ/TU.",
            "Điều 3. Quyết định có hiệu lực kể từ ngày ký.",
        ],
    },
    Demo {
        number: "07-CT/TU",
        kind: "chi-thi",
        issuer: STANDING,
        signer: "Trần Thị Bình",
        issued_on: "2021-12-20",
        effective_on: "",
        summary: "Về tăng cường bảo đảm an ninh, trật tự trước, trong và sau Tết Nguyên đán Nhâm Dần 2022",
        status: "het-hieu-luc",
        replaced_by: "",
        members_only: false,
        articles: &["17-an-ninh-trat-tu-tet.md"],
        body: &[
            "Các cấp ủy, tổ chức đảng lãnh đạo lực lượng công an, quân sự chủ động nắm chắc tình hình, không để bị động, bất ngờ.",
            "Tăng cường tuần tra, kiểm soát, bảo đảm trật tự an toàn giao thông và phòng, chống cháy, nổ dịp Tết.",
        ],
    },
    Demo {
        number: "02-HD/BTGTU",
        kind: "huong-dan",
        issuer: "Ban Tuyên giáo Tỉnh ủy",
        signer: "Lê Minh Châu",
        issued_on: "2022-03-10",
        effective_on: "",
        summary: "Hướng dẫn tổ chức học tập, quán triệt các nghị quyết của Trung ương khóa XIII",
        status: "con-hieu-luc",
        replaced_by: "",
        members_only: false,
        articles: &["05-quan-triet-nghi-quyet.md"],
        body: &[
            "Hội nghị được tổ chức trực tiếp kết hợp trực tuyến đến các điểm cầu cấp xã; báo cáo viên là đồng chí trong Ban Thường vụ Tỉnh ủy.",
            "Sau hội nghị, mỗi cán bộ, đảng viên viết bài thu hoạch; chi bộ xây dựng chương trình hành động sát với nhiệm vụ của đơn vị.",
        ],
    },
    Demo {
        number: "06-BT/BTGTU",
        kind: "ban-tin",
        issuer: "Ban Tuyên giáo Tỉnh ủy",
        signer: "",
        issued_on: "2022-06-01",
        effective_on: "",
        summary: "Bản tin sinh hoạt chi bộ số 06, tháng 6/2022",
        status: "con-hieu-luc",
        replaced_by: "",
        members_only: true,
        articles: &["28-ban-tin-sinh-hoat-chi-bo-thang-6.md"],
        body: &[
            "Định hướng nội dung sinh hoạt chi bộ tháng 6/2022: chuyên đề về trách nhiệm nêu gương của cán bộ, đảng viên.",
            "Thông tin nội bộ: kế hoạch kiểm tra, giám sát năm 2022; rà soát việc thu, nộp đảng phí trước ngày 30/6.",
        ],
    },
    Demo {
        number: "168-QĐi/TU",
        kind: "quy-dinh",
        issuer: "Tỉnh ủy",
        signer: "Nguyễn Văn An",
        issued_on: "2023-12-18",
        effective_on: "2024-01-01",
        summary: "Quy định về chế độ sinh hoạt định kỳ của chi bộ trong Đảng bộ tỉnh",
        status: "con-hieu-luc",
        replaced_by: "",
        members_only: false,
        articles: &["06-nang-cao-chat-luong-sinh-hoat-chi-bo.md"],
        body: &[
            "Chi bộ sinh hoạt định kỳ mỗi tháng một lần; sinh hoạt chuyên đề ít nhất mỗi quý một lần.",
            "Quy định này thay thế Quy định số 135-QĐi/TU và có hiệu lực từ ngày 01/01/2024.",
        ],
    },
    Demo {
        number: "135-QĐi/TU",
        kind: "quy-dinh",
        issuer: "Tỉnh ủy",
        signer: "Nguyễn Văn An",
        issued_on: "2020-11-20",
        effective_on: "2021-01-01",
        summary: "Quy định về chế độ sinh hoạt chi bộ và trách nhiệm của bí thư chi bộ",
        status: "bi-thay-the",
        replaced_by: "168-QĐi/TU",
        members_only: false,
        articles: &[],
        body: &[
            "Bí thư chi bộ chịu trách nhiệm chuẩn bị nội dung, chủ trì sinh hoạt và báo cáo cấp ủy cấp trên về chất lượng sinh hoạt.",
        ],
    },
    Demo {
        number: "15-KL/TU",
        kind: "ket-luan",
        issuer: STANDING,
        signer: "Trần Thị Bình",
        issued_on: "2023-05-22",
        effective_on: "",
        summary: "Kết luận về nâng cao chất lượng sinh hoạt chi bộ trong tình hình mới",
        status: "con-hieu-luc",
        replaced_by: "",
        members_only: false,
        articles: &["06-nang-cao-chat-luong-sinh-hoat-chi-bo.md"],
        body: &[
            "Ban Thường vụ Tỉnh ủy đánh giá chất lượng sinh hoạt chi bộ có chuyển biến; một số nơi còn hình thức, nội dung chưa thiết thực.",
            "Yêu cầu các cấp ủy chỉ đạo chi bộ chọn việc cụ thể để bàn, gắn sinh hoạt với kết quả thực hiện nhiệm vụ chính trị.",
        ],
    },
    Demo {
        number: "45-KH/TU",
        kind: "ke-hoach",
        issuer: STANDING,
        signer: "Phạm Quốc Dũng",
        issued_on: "2024-02-26",
        effective_on: "",
        summary: "Kế hoạch kiểm tra, giám sát năm 2024 của Ban Thường vụ Tỉnh ủy",
        status: "het-hieu-luc",
        replaced_by: "",
        members_only: false,
        articles: &["09-giam-sat-chuyen-de-dat-dai.md"],
        body: &[
            "Kiểm tra việc lãnh đạo thực hiện các nghị quyết chuyên đề tại 6 đảng bộ trực thuộc; giám sát chuyên đề về quản lý đất đai.",
        ],
    },
    Demo {
        number: "12-TB/TU",
        kind: "thong-bao",
        issuer: STANDING,
        signer: "Phạm Quốc Dũng",
        issued_on: "2024-08-12",
        effective_on: "",
        summary: "Thông báo kết luận của Thường trực Tỉnh ủy tại buổi làm việc với Ban Thường vụ Huyện ủy Tân Hòa",
        status: "con-hieu-luc",
        replaced_by: "",
        members_only: false,
        articles: &["02-thuong-truc-lam-viec-huyen.md"],
        body: &[
            "Thường trực Tỉnh ủy ghi nhận kết quả phát triển kinh tế - xã hội của huyện; đề nghị tập trung xây dựng nông thôn mới nâng cao.",
        ],
    },
    Demo {
        number: "3058/QĐ-UBND",
        kind: "quyet-dinh",
        issuer: "Ủy ban nhân dân tỉnh",
        signer: "Võ Thành Đông",
        issued_on: "2024-11-05",
        effective_on: "2024-11-05",
        summary: "Về việc ban hành Kế hoạch chuyển đổi số tỉnh năm 2025",
        status: "con-hieu-luc",
        replaced_by: "",
        members_only: false,
        articles: &["24-dich-vu-cong-truc-tuyen.md"],
        body: &[
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số tỉnh năm 2025.",
            "Điều 2. Các sở, ban, ngành và ủy ban nhân dân cấp huyện tổ chức thực hiện.",
        ],
    },
    Demo {
        number: "356-CV/TU",
        kind: "cong-van",
        issuer: "Văn phòng Tỉnh ủy",
        signer: "Hoàng Thị Giang",
        issued_on: "2025-04-03",
        effective_on: "",
        summary: "Về việc triển khai phần mềm quản lý hồ sơ đảng viên",
        status: "con-hieu-luc",
        replaced_by: "",
        members_only: false,
        articles: &["21-so-hoa-ho-so-dang-vien.md"],
        body: &[
            "Đề nghị các đảng bộ trực thuộc cử cán bộ tham dự tập huấn và hoàn thành cập nhật hồ sơ đảng viên trước ngày 30/6/2025.",
        ],
    },
    Demo {
        number: "30-BC/TU",
        kind: "bao-cao",
        issuer: STANDING,
        signer: "Nguyễn Văn An",
        issued_on: "2025-12-15",
        effective_on: "",
        summary: "Báo cáo tổng kết công tác xây dựng Đảng năm 2025, phương hướng nhiệm vụ năm 2026",
        status: "con-hieu-luc",
        replaced_by: "",
        members_only: true,
        articles: &[],
        body: &[
            "Năm 2025, toàn Đảng bộ kết nạp 2.150 đảng viên mới; 96% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên.",
            "Năm 2026, tập trung chuẩn bị và tổ chức thành công đại hội đảng bộ các cấp.",
        ],
    },
];

/// Stores the demo documents not stored yet (a document whose number is there for its
/// year is left as it is); how many were added.
pub async fn seed(pool: &AnyPool, media_dir: &Path, now: i64) -> Result<usize, ImportError> {
    let fail = |reason: String| ImportError::Db {
        file: "demo: văn bản".into(),
        reason,
    };
    let mut added = 0;
    for d in DOCUMENTS {
        let media = store_pdf(pool, media_dir, d, now).await.map_err(fail)?;
        let mut articles = Vec::new();
        for file in d.articles {
            let text = crate::demo::article_text(file)
                .ok_or_else(|| fail(format!("không có bài trình diễn {file}")))?;
            articles.push(crate::import::parse(file, text)?.slug);
        }
        let mut input = input_of(d);
        input.files = media.to_string();
        input.articles = articles.join("\n");
        input.parts = ISSUES
            .iter()
            .find(|(issue, _)| *issue == d.number)
            .map(|(_, parts)| parts.join("\n"))
            .unwrap_or_default();
        let mut tx = toasoan_app::core::state::begin_write(pool)
            .await
            .map_err(|e| fail(e.to_string()))?;
        match documents::write(&mut tx, &input, None, now).await {
            Ok(_) => {
                tx.commit().await.map_err(|e| fail(e.to_string()))?;
                added += 1;
            }
            Err(toasoan_app::core::error::AppError::Conflict(_)) => {}
            Err(e) => return Err(fail(format!("{}: {e}", d.number))),
        }
    }
    Ok(added)
}

/// The admin form's fields of a demo document (its files and links apart).
fn input_of(d: &Demo) -> DocumentInput {
    DocumentInput {
        id: 0,
        number: d.number.into(),
        kind: d.kind.into(),
        issuer: d.issuer.into(),
        signer: d.signer.into(),
        issued_on: d.issued_on.into(),
        effective_on: d.effective_on.into(),
        summary: d.summary.into(),
        status: d.status.into(),
        replaced_by: d.replaced_by.into(),
        members_only: d.members_only.then(|| "on".into()),
        ..Default::default()
    }
}

/// The document's PDF, made and stored as an upload is (the same bytes give the same
/// entry); its media id.
async fn store_pdf(pool: &AnyPool, media_dir: &Path, d: &Demo, now: i64) -> Result<i64, String> {
    let kind = toasoan_app::features::documents::DocKind::parse(d.kind)
        .map(|k| k.label().to_uppercase())
        .unwrap_or_default();
    let issuer = d.issuer.to_uppercase();
    let number = format!("Số {}", d.number);
    let heading = [
        PARTY,
        issuer.as_str(),
        number.as_str(),
        "",
        kind.as_str(),
        d.summary,
    ];
    let mut body = d.body.to_vec();
    body.push(DEMO_NOTE);
    let pdf = document_pdf(&heading, &body);
    let name = format!(
        "{}.pdf",
        toasoan_app::core::text::slugify(&format!("{kind} {}", d.number))
    );
    // where an upload would wait: ingest removes it once stored
    let token = toasoan_app::features::accounts::auth::new_token();
    let path = std::env::temp_dir().join(format!("toasoan-demo-{}-{name}", &token[..12]));
    std::fs::write(&path, pdf).map_err(|e| e.to_string())?;
    let upload = crate::media::ingest::Upload {
        path: &path,
        name: &name,
        uploader: None,
        now,
    };
    let stored = crate::media::ingest::ingest(pool, media_dir, upload)
        .await
        .map_err(|e| e.to_string())?;
    Ok(stored.stored.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_documents_pass_the_checks() {
        for d in DOCUMENTS {
            let input = input_of(d);
            documents::input::check(&input, "2026-01-01")
                .unwrap_or_else(|e| panic!("{}: {e}", d.number));
            for file in d.articles {
                assert!(crate::demo::article_text(file).is_some(), "{file}");
            }
        }
        assert!(DOCUMENTS.len() >= 12);
    }
}
