//! The demo portal's Hỏi – Đáp: questions in several fields, answered and published,
//! written for the demo (no real person's question).

use sqlx::AnyPool;
use toasoan_app::features::questions::{DemoQuestion, seed_demo};

use crate::import::ImportError;

const DAY: i64 = 86_400;

fn questions() -> Vec<DemoQuestion> {
    vec![
        DemoQuestion {
            topic_slug: "cong-tac-dang-vien",
            topic: "Công tác đảng viên",
            asker: "Nguyễn Văn Hùng",
            text: "Tôi là đảng viên, chuyển công tác sang huyện khác trong tỉnh. Thủ tục chuyển sinh hoạt đảng chính thức gồm những gì và mất bao lâu?\n\nXin cảm ơn.",
            answer: "Theo hướng dẫn về thủ tục chuyển sinh hoạt đảng, đảng viên chuyển sinh hoạt đảng chính thức trong đảng bộ tỉnh cần:\n\n- giấy giới thiệu sinh hoạt đảng do cấp ủy nơi đi cấp;\n- hồ sơ đảng viên được niêm phong, do đảng viên trực tiếp mang đến nơi sinh hoạt mới;\n- phiếu báo chuyển sinh hoạt đảng.\n\nTrong 30 ngày làm việc kể từ ngày giới thiệu, đảng viên phải xuất trình giấy giới thiệu với chi bộ nơi đến. Đồng chí liên hệ văn phòng cấp ủy nơi đang sinh hoạt để được hướng dẫn cụ thể.",
            age: 20 * DAY,
        },
        DemoQuestion {
            topic_slug: "cong-tac-dang-vien",
            topic: "Công tác đảng viên",
            asker: "Trần Thị Mai",
            text: "Đảng viên đã nghỉ hưu, tuổi cao, sức khỏe yếu có được miễn công tác và sinh hoạt đảng không? Cần làm đơn gửi ai?",
            answer: "Đảng viên tuổi cao, sức khỏe yếu có thể làm đơn xin miễn công tác và sinh hoạt đảng, gửi chi bộ nơi đang sinh hoạt. Chi bộ xem xét, quyết định và báo cáo lên đảng ủy cấp trên.\n\nĐảng viên được miễn vẫn được dự các buổi sinh hoạt khi có điều kiện, và vẫn phải gương mẫu chấp hành chủ trương, đường lối của Đảng.",
            age: 12 * DAY,
        },
        DemoQuestion {
            topic_slug: "hoc-tap-nghi-quyet",
            topic: "Học tập, quán triệt nghị quyết",
            asker: "Lê Minh Tuấn",
            text: "Chi bộ thôn chúng tôi muốn tổ chức học tập nghị quyết Đại hội Đảng bộ tỉnh. Có tài liệu hướng dẫn nào để chi bộ dùng không?",
            answer: "Ban Tuyên giáo Tỉnh ủy đã phát hành tài liệu học tập, quán triệt nghị quyết, gửi về các đảng bộ huyện. Chi bộ có thể:\n\n- nhận tài liệu in tại đảng ủy xã;\n- tải bản điện tử trong mục Văn bản của Cổng thông tin;\n- mời báo cáo viên của huyện về trao đổi.\n\nSau buổi học tập, chi bộ báo cáo kết quả về đảng ủy xã theo mẫu chung.",
            age: 9 * DAY,
        },
        DemoQuestion {
            topic_slug: "thu-tuc-hanh-chinh",
            topic: "Thủ tục hành chính",
            asker: "Phạm Thị Lan",
            text: "Gia đình tôi muốn đăng ký hộ kinh doanh nhỏ tại nhà. Có thể nộp hồ sơ trực tuyến được không, và cần những giấy tờ gì?",
            answer: "Hồ sơ đăng ký hộ kinh doanh nộp được trực tuyến qua Cổng dịch vụ công của tỉnh. Hồ sơ gồm:\n\n- giấy đề nghị đăng ký hộ kinh doanh;\n- bản sao giấy tờ tùy thân của chủ hộ;\n- bản sao hợp đồng thuê nhà (nếu địa điểm kinh doanh là nhà thuê).\n\nKết quả được trả trong 3 ngày làm việc kể từ khi hồ sơ hợp lệ.",
            age: 5 * DAY,
        },
        DemoQuestion {
            topic_slug: "an-sinh-xa-hoi",
            topic: "An sinh xã hội",
            asker: "Hoàng Văn Nam",
            text: "Người có công với cách mạng ở xã tôi được hỗ trợ sửa chữa nhà ở theo chính sách nào? Ai lập danh sách đề nghị?",
            answer: "Người có công với cách mạng có khó khăn về nhà ở được hỗ trợ theo chính sách của Nhà nước và của tỉnh. Ủy ban nhân dân xã rà soát, lập danh sách đề nghị, niêm yết công khai tại trụ sở và gửi Phòng Lao động – Thương binh và Xã hội huyện thẩm định.\n\nGia đình liên hệ cán bộ chính sách của xã để được hướng dẫn.",
            age: 3 * DAY,
        },
    ]
}

/// Seeds the demo's published questions; returns how many were added.
pub async fn seed(pool: &AnyPool, now: i64) -> Result<usize, ImportError> {
    seed_demo(pool, &questions(), now)
        .await
        .map_err(|e| ImportError::Db {
            file: "demo: hỏi – đáp".into(),
            reason: e.to_string(),
        })
}
