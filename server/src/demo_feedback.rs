//! The demo portal's Góp ý and Bình chọn: a few pieces of feedback at different steps
//! (received, forwarded, answered, closed, one overdue) and an open poll on the home
//! page, written for the demo (no real person's).

use sqlx::AnyPool;
use toasoan_app::features::feedback::{DemoFeedback, seed_demo};

use crate::import::ImportError;

fn items() -> Vec<DemoFeedback> {
    vec![
        DemoFeedback {
            subject: "Đề nghị sửa chữa đường liên thôn bị sạt lở",
            body: "Sau đợt mưa lớn vừa qua, đoạn đường liên thôn từ thôn 3 sang thôn 5 bị sạt lở khoảng 20 mét, xe máy đi lại rất nguy hiểm, nhất là học sinh đi học buổi sáng.\n\nĐề nghị cấp có thẩm quyền sớm khảo sát, sửa chữa.",
            sender: "Nguyễn Văn Bình",
            age_days: 2,
            unit: None,
            answer: None,
            closed: false,
        },
        DemoFeedback {
            subject: "Góp ý về việc niêm yết thủ tục hành chính tại bộ phận một cửa",
            body: "Tại bộ phận một cửa của xã, bảng niêm yết thủ tục hành chính đã cũ, nhiều thủ tục không còn đúng với quy định hiện hành. Đề nghị cập nhật và niêm yết thêm mã QR để người dân tra cứu.",
            sender: "Trần Thị Hoa",
            age_days: 21,
            unit: Some("Văn phòng UBND xã"),
            answer: None,
            closed: false,
        },
        DemoFeedback {
            subject: "Đề xuất mở lớp bồi dưỡng kỹ năng số cho đảng viên cao tuổi",
            body: "Nhiều đảng viên cao tuổi ở chi bộ chúng tôi chưa quen dùng điện thoại thông minh để đọc tài liệu sinh hoạt chi bộ. Đề xuất Đảng ủy phối hợp Đoàn Thanh niên mở lớp hướng dẫn ngắn vào cuối tuần.",
            sender: "Lê Văn Sơn",
            age_days: 9,
            unit: Some("Ban Tuyên giáo"),
            answer: Some(
                "Cảm ơn đồng chí đã đề xuất. Ban Tuyên giáo đã phối hợp với Đoàn Thanh niên xây dựng kế hoạch mở các lớp hướng dẫn kỹ năng số cho đảng viên cao tuổi, bắt đầu từ tháng tới tại các chi bộ thôn.\n\nLịch cụ thể sẽ được thông báo qua chi bộ.",
            ),
            closed: false,
        },
        DemoFeedback {
            subject: "Phản ánh tình trạng rác thải tại chợ trung tâm",
            body: "Khu vực phía sau chợ trung tâm thường xuyên có rác thải tồn đọng qua đêm, gây mùi hôi ảnh hưởng đến các hộ dân xung quanh. Đề nghị tăng số lần thu gom trong ngày.",
            sender: "",
            age_days: 30,
            unit: Some("Phòng Tài nguyên và Môi trường"),
            answer: Some(
                "Phòng Tài nguyên và Môi trường đã làm việc với đơn vị thu gom; từ ngày 01 tháng này rác tại chợ trung tâm được thu gom hai lần mỗi ngày, vào 11 giờ và 19 giờ.",
            ),
            closed: true,
        },
    ]
}

/// Seeds the demo's feedback; returns how many were added.
pub async fn seed(pool: &AnyPool, now: i64) -> Result<usize, ImportError> {
    seed_demo(pool, &items(), now)
        .await
        .map_err(|e| ImportError::Db {
            file: "demo: góp ý".into(),
            reason: e.to_string(),
        })
}

/// The demo's poll on the home page.
fn polls() -> Vec<toasoan_app::features::polls::DemoPoll> {
    vec![toasoan_app::features::polls::DemoPoll {
        question: "Bạn thường đọc tin tức của Cổng thông tin qua thiết bị nào?",
        options: &[
            "Điện thoại di động",
            "Máy tính để bàn, máy tính xách tay",
            "Máy tính bảng",
        ],
        multiple: false,
        opened_days_ago: 5,
        open_for_days: 25,
        votes: &[128, 54, 17],
    }]
}

/// Seeds the demo's poll; returns how many were added.
pub async fn seed_polls(pool: &AnyPool, now: i64) -> Result<usize, ImportError> {
    toasoan_app::features::polls::seed_demo(pool, &polls(), now)
        .await
        .map_err(|e| ImportError::Db {
            file: "demo: bình chọn".into(),
            reason: e.to_string(),
        })
}
