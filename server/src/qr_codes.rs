//! `/qr/bai-viet/{slug}.svg` and `/qr/van-ban/{slug}.svg`: the QR code of a public
//! article's or a document's address, drawn as SVG on the server (so phones scanning
//! a printed or on-screen page open it).

use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use qrcode::QrCode;
use qrcode::render::svg;
use toasoan_app::core::links::article_href;
use toasoan_app::core::state::AppContext;
use toasoan_app::features::articles::participation;
use toasoan_app::features::documents;

/// The SVG of a QR code for `text`, black on white with the standard quiet zone.
pub fn svg_for(text: &str) -> Result<String, qrcode::types::QrError> {
    let code = QrCode::new(text.as_bytes())?;
    Ok(code
        .render::<svg::Color<'_>>()
        .min_dimensions(200, 200)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .quiet_zone(true)
        .build())
}

pub async fn article_qr(State(ctx): State<AppContext>, Path(file): Path<String>) -> Response {
    let Some(slug) = file.strip_suffix(".svg") else {
        return not_found();
    };
    match participation(&ctx, toasoan_app::core::time::now(), slug).await {
        Ok(Some(_)) => qr_answer(&format!("{}{}", ctx.site.base_url, article_href(slug))),
        Ok(None) => not_found(),
        Err(e) => {
            tracing::error!("mã QR: {e}");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

pub async fn document_qr(State(ctx): State<AppContext>, Path(file): Path<String>) -> Response {
    let Some(slug) = file.strip_suffix(".svg") else {
        return not_found();
    };
    match documents::slug_exists(&ctx.pool, slug).await {
        Ok(true) => qr_answer(&format!(
            "{}{}",
            ctx.site.base_url.trim_end_matches('/'),
            documents::document_href(slug)
        )),
        Ok(false) => not_found(),
        Err(e) => {
            tracing::error!("mã QR: {e}");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        toasoan_app::i18n::t().not_found_title,
    )
        .into_response()
}

/// The QR code of `url` as an SVG answer, kept a day.
fn qr_answer(url: &str) -> Response {
    match svg_for(url) {
        Ok(svg) => (
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("image/svg+xml"),
                ),
                (
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("public, max-age=86400"),
                ),
            ],
            svg,
        )
            .into_response(),
        Err(e) => {
            tracing::error!("mã QR: {e}");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_an_svg() {
        let svg = svg_for("https://a.vn/bai-viet/hoi-nghi-tinh-uy").unwrap();
        assert!(svg.starts_with("<?xml") || svg.starts_with("<svg"));
        assert!(svg.contains("<svg") && svg.contains("#000000"));
    }
}
