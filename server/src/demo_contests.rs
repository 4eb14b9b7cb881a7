//! The demo portal's quiz contest: a weekly contest on the Party's history and the
//! Constitution, its bank of twelve questions written for the demo, and a round open
//! now that draws ten of them.

use sqlx::AnyPool;
use toasoan_app::features::contests::{DemoContest, seed_demo};

use crate::import::ImportError;

/// The demo's bank, as organisers type it (the correct choice marked with `*`).
pub const BANK: &str = "\
Đảng Cộng sản Việt Nam được thành lập vào ngày, tháng, năm nào?
*03/02/1930
19/5/1930
02/9/1945
03/02/1945

Ai là người sáng lập Đảng Cộng sản Việt Nam?
*Nguyễn Ái Quốc
Trần Phú
Lê Hồng Phong
Hà Huy Tập

Đại hội đại biểu toàn quốc lần thứ XIII của Đảng diễn ra vào năm nào?
*Năm 2021
Năm 2016
Năm 2020
Năm 2011

Theo Hiến pháp năm 2013, cơ quan đại biểu cao nhất của Nhân dân, cơ quan quyền lực nhà nước cao nhất là cơ quan nào?
*Quốc hội
Chính phủ
Tòa án nhân dân tối cao
Chủ tịch nước

Nhiệm kỳ của mỗi khóa Quốc hội là bao nhiêu năm?
*5 năm
4 năm
6 năm
7 năm

Bản Tuyên ngôn Độc lập khai sinh nước Việt Nam Dân chủ Cộng hòa được đọc vào ngày nào?
*Ngày 02/9/1945
Ngày 19/8/1945
Ngày 30/4/1975
Ngày 23/9/1945

Ngày truyền thống của Mặt trận Tổ quốc Việt Nam là ngày nào?
*Ngày 18/11
Ngày 20/10
Ngày 26/3
Ngày 22/12

Quân đội nhân dân Việt Nam được thành lập vào ngày nào?
*Ngày 22/12/1944
Ngày 19/8/1945
Ngày 27/7/1947
Ngày 07/5/1954

Hiến pháp năm 2013 được Quốc hội khóa nào thông qua?
*Quốc hội khóa XIII
Quốc hội khóa XII
Quốc hội khóa XIV
Quốc hội khóa XI

Đoàn Thanh niên Cộng sản Hồ Chí Minh được thành lập vào ngày nào?
*Ngày 26/3/1931
Ngày 20/10/1930
Ngày 15/5/1941
Ngày 01/6/1950

Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam là ngày nào?
*Ngày 09/11
Ngày 02/9
Ngày 19/5
Ngày 03/02

Chủ tịch Hồ Chí Minh sinh ngày, tháng, năm nào?
*19/5/1890
02/9/1890
19/5/1900
03/02/1890
";

fn contests() -> Vec<DemoContest> {
    vec![DemoContest {
        title: "Cuộc thi trắc nghiệm tìm hiểu lịch sử Đảng và Hiến pháp",
        intro: "Cuộc thi do Ban Tuyên giáo Tỉnh ủy tổ chức hằng tuần, dành cho cán bộ, đảng viên \
                và Nhân dân trong tỉnh.\n\nMỗi vòng thi gồm 10 câu hỏi trắc nghiệm rút từ ngân \
                hàng câu hỏi, làm trong 15 phút, và một câu hỏi phụ dự đoán số người tham gia. \
                Kết quả được công bố sau khi vòng thi kết thúc.",
        questions: 10,
        limit_minutes: 15,
        attempts: 2,
        bank: BANK,
        opened_days_ago: 2,
        open_for_days: 5,
        prizes: "Giải Nhất: 1\nGiải Nhì: 2\nGiải Ba: 3\nGiải Khuyến khích: 10",
    }]
}

/// Seeds the demo's contest; returns how many were added.
pub async fn seed(pool: &AnyPool, now: i64) -> Result<usize, ImportError> {
    seed_demo(pool, &contests(), now)
        .await
        .map_err(|e| ImportError::Db {
            file: "demo: cuộc thi".into(),
            reason: e.to_string(),
        })
}
