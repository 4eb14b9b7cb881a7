//! `toasoan`: the Tòa Soạn server and its tools.
#![recursion_limit = "256"]

use std::process::ExitCode;

use clap::Parser;
use toasoan_server::cli::{Cli, Command, MediaCommand, UserCommand};
use toasoan_server::config::Config;
use toasoan_server::{db, demo, import, jobs, logging, site, user_admin, web};

#[tokio::main]
async fn main() -> ExitCode {
    logging::init();
    let cli = Cli::parse();
    let config = match cli.config() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("lỗi: {e}");
            return ExitCode::from(2);
        }
    };
    match run(cli.command, config).await {
        Ok(code) => code,
        Err(e) => {
            eprintln!("lỗi: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Command, config: Config) -> Result<ExitCode, Box<dyn std::error::Error>> {
    match command {
        Command::Migrate => {
            db::open(&config.database_url).await?;
            println!("Cơ sở dữ liệu đã được cập nhật.");
        }
        Command::Demo => {
            let pool = db::open(&config.database_url).await?;
            let r = demo::seed(&pool, &config.media_dir).await?;
            println!(
                "Nội dung trình diễn: thêm {} bài, giữ nguyên {} bài đã có; thêm {} văn bản, {} câu hỏi đã trả lời, {} góp ý, {} cuộc bình chọn, {} cuộc thi trắc nghiệm, {} ngày thống kê truy cập.",
                r.created,
                r.kept,
                r.documents,
                r.questions,
                r.feedback,
                r.polls,
                r.contests,
                r.stats_days
            );
            if let Some((name, password)) = r.member {
                println!(
                    "Tài khoản thành viên trình diễn (đọc tin nội bộ): {name}, mật khẩu: {password}"
                );
            }
        }
        Command::Sample { articles, seed } => {
            let pool = db::open(&config.database_url).await?;
            let started = std::time::Instant::now();
            let r =
                toasoan_server::sample::generate(&pool, &config.media_dir, articles, seed).await?;
            println!(
                "Dữ liệu mẫu: {} bài, {} ý kiến, {} lượt đánh giá ({:.0} giây).",
                r.articles,
                r.comments,
                r.ratings,
                started.elapsed().as_secs_f64()
            );
        }
        Command::Import { paths } => {
            let pool = db::open(&config.database_url).await?;
            let report = import::import_paths(&pool, &paths, &config.media_dir).await;
            for (file, outcome) in &report.done {
                let (what, slug) = match outcome {
                    import::Outcome::Created { slug } => ("đã nhập", slug),
                    import::Outcome::Updated { slug } => ("đã cập nhật", slug),
                    import::Outcome::Kept { slug } => ("giữ nguyên", slug),
                };
                println!("{}: {what} /bai-viet/{slug}", file.display());
            }
            for e in &report.failed {
                eprintln!("lỗi: {e}");
            }
            println!(
                "Xong: {} tệp thành công, {} tệp lỗi.",
                report.done.len(),
                report.failed.len()
            );
            if !report.failed.is_empty() {
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::User(cmd) => {
            let pool = db::open(&config.database_url).await?;
            match cmd {
                UserCommand::Add {
                    name,
                    role,
                    display_name,
                    email,
                } => {
                    let (password, generated) = user_admin::read_or_generate_password()?;
                    user_admin::add(
                        &pool,
                        &name,
                        &role,
                        display_name.as_deref(),
                        &email,
                        &password,
                    )
                    .await?;
                    println!("Đã tạo tài khoản {name} ({role}).");
                    if generated {
                        println!("Mật khẩu (chỉ hiện một lần): {password}");
                    }
                }
                UserCommand::List => {
                    for line in user_admin::list(&pool).await? {
                        println!("{line}");
                    }
                }
                UserCommand::ResetLink { name, .. } => {
                    let link = user_admin::reset_link(&pool, &config.site.base_url, &name).await?;
                    println!("Liên kết đặt mật khẩu mới cho {name} (dùng một lần, trong 24 giờ):");
                    println!("{link}");
                }
                UserCommand::Import { file, .. } => {
                    let report = user_admin::import(&pool, &config.site.base_url, &file).await?;
                    for line in user_admin::report_lines(&report) {
                        println!("{line}");
                    }
                }
                UserCommand::Units => {
                    for unit in toasoan_app::features::accounts::units(&pool).await? {
                        println!("{:<50} {}", unit.name, unit.members);
                    }
                }
                UserCommand::Disable { name } => {
                    user_admin::disable(&pool, &name).await?;
                    println!("Đã khóa tài khoản {name} và kết thúc các phiên đăng nhập.");
                }
            }
        }
        Command::Media(MediaCommand::Rebuild { all }) => {
            use std::io::{IsTerminal, Write};
            let pool = db::open(&config.database_url).await?;
            let terminal = std::io::stderr().is_terminal();
            let mut shown = 0;
            let prepared = toasoan_server::media::rebuild::rebuild(
                &pool,
                &config.media_dir,
                all,
                |done, total| {
                    let line = toasoan_server::media::rebuild::progress_line(done, total);
                    if terminal {
                        eprint!("\r{line}");
                        let _ = std::io::stderr().flush();
                    } else if done == 0 || done == total || done >= shown + total.div_ceil(10) {
                        eprintln!("{line}");
                        shown = done;
                    }
                },
            )
            .await?;
            if terminal {
                eprintln!();
            }
            println!("Đã làm bản thu nhỏ của {prepared} ảnh.");
        }
        Command::Serve { demo_if_empty, .. } => {
            let pool = db::open_as(&config.database_url, db::Opener::Server).await?;
            if demo_if_empty {
                let count: i64 = sqlx::Row::try_get(
                    &sqlx::query("SELECT COUNT(*) FROM articles")
                        .fetch_one(&pool)
                        .await?,
                    0,
                )?;
                if count == 0 {
                    let r = demo::seed(&pool, &config.media_dir).await?;
                    tracing::info!(
                        "đã nạp {} bài và {} văn bản trình diễn",
                        r.created,
                        r.documents
                    );
                    if let Some((name, password)) = r.member {
                        tracing::info!(
                            "tài khoản thành viên trình diễn: {name}, mật khẩu: {password}"
                        );
                    }
                }
            }
            let site_root = site::site_root(config.site_root.clone());
            if !site::has_build(&site_root) {
                tracing::warn!(
                    "không thấy bản dựng giao diện trong {} (chạy cargo leptos build)",
                    site_root.display()
                );
            } else if !site::has_staff_client(&site_root) {
                tracing::warn!(
                    "chưa dựng phần giao diện của khu quản trị (chạy scripts/staff-client.sh, hoặc make build)"
                );
            }
            let setup_link =
                user_admin::setup_link_if_no_admin(&pool, &config.site.base_url).await?;
            let listener = tokio::net::TcpListener::bind(config.addr).await?;
            tracing::info!(
                "Tòa Soạn đang phục vụ tại http://{} (giao diện: {})",
                config.addr,
                site_root.display()
            );
            if let Some(link) = setup_link {
                tracing::warn!("chưa có tài khoản quản trị: liên kết tạo tài khoản ở dưới");
                println!(
                    "{}",
                    logging::first_admin_notice(&link, toasoan_app::core::time::now())
                );
            }
            let app = web::app(web::WebConfig {
                pool: pool.clone(),
                site: config.site,
                participation: config.participation,
                media_dir: config.media_dir,
                media_limits: config.media_limits,
                site_root,
                addr: config.addr,
                trusted_proxies: config.trusted_proxies,
            });
            let holder = toasoan_app::core::lease::holder_name();
            jobs::spawn_scheduler(pool.clone(), app.pages.clone(), holder.clone());
            web::serve(listener, app).await?;
            // another server need not wait for the lease to lapse
            let _ = toasoan_app::core::lease::give_up(&pool, jobs::SCHEDULER_LEASE, &holder).await;
        }
    }
    Ok(ExitCode::SUCCESS)
}
