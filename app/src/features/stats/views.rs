//! Statistics' views: the "Thống kê truy cập" block (an island that asks for its
//! numbers once the page has hydrated: a cached page carries none), and the admin's
//! `/quan-tri/thong-ke`, a period's visits and page views per day as a chart drawn on
//! the server (SVG, readable without JavaScript) with the numbers in a table beside
//! it, the most read articles and categories, referrers, phones and desktops.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::api::get_stats_report;
use super::model::{ADMIN_STATS_PATH, DayRow, FRAGMENT_PATH, Ranked, StatsReport};
use crate::components::admin::page_data;
use crate::components::admin_content;
use crate::i18n::{fill, tst};

/// Thousands apart with dots, as Vietnamese writes them: 12.345.
pub fn grouped(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// The block's numbers, by the ids of their places in the fragment.
#[cfg(feature = "ssr")]
const PLACES: [&str; 6] = [
    "tk-dang-truy-cap",
    "tk-may-tim-kiem",
    "tk-khach",
    "tk-hom-nay",
    "tk-thang",
    "tk-tong",
];

/// The block: its heading, and its numbers in a small frame of their own
/// (`FRAGMENT_PATH`, never cached) that the server fills in for each page shown, so
/// cached pages stay the same for everyone, no code reaches the reader's client, and
/// the numbers show without JavaScript too.
#[component]
pub fn VisitStats() -> impl IntoView {
    let s = tst();
    view! {
        <section class="visit-stats" aria-labelledby="thong-ke-truy-cap">
            <h2 id="thong-ke-truy-cap">{s.block_title}</h2>
            <iframe class="visit-frame" src=FRAGMENT_PATH title=s.block_title></iframe>
        </section>
    }
}

/// The fragment's page: the numbers as a list of terms, in `lang`, styled for the
/// footer it is framed in. Made of the portal's own strings and numbers only.
#[cfg(feature = "ssr")]
pub fn fragment(b: super::model::VisitBlock, lang: crate::i18n::Lang) -> String {
    let s = crate::i18n::stats::strings(lang);
    let rows = [
        ("visit-online", s.online, b.online),
        ("visit-sub", s.bots, b.bots),
        ("visit-sub", s.visitors, b.visitors()),
        ("", s.today, b.today),
        ("", s.month, b.month),
        ("", s.total, b.total),
    ];
    let items: String = rows
        .iter()
        .zip(PLACES)
        .map(|((class, label, n), id)| {
            format!(
                "<div class=\"{class}\"><dt>{label}</dt><dd id=\"{id}\">{}</dd></div>",
                grouped(*n)
            )
        })
        .collect();
    format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"robots\" content=\"noindex\">\
         <title>{}</title><style>{FRAGMENT_STYLE}</style></head><body><dl>{items}</dl></body></html>",
        lang.code(),
        s.block_title
    )
}

/// The fragment's look: the footer's colours and type.
#[cfg(feature = "ssr")]
const FRAGMENT_STYLE: &str = "html{color-scheme:dark}body{margin:0;background:transparent;color:#fff;\
font:.92rem/1.4 'Noto Sans','Segoe UI',Roboto,Arial,sans-serif}dl{margin:0}dl>div{display:flex;\
justify-content:space-between;gap:12px;padding:3px 0;border-bottom:1px dotted rgba(255,255,255,.25)}\
dt{color:#f3d9d9}dd{margin:0;font-weight:700;font-variant-numeric:tabular-nums}.visit-sub{font-size:.88rem}\
.visit-sub dt{padding-left:14px}";

/// A round top for the chart's scale: 1, 2 or 5 times a power of ten.
fn nice_top(max: i64) -> i64 {
    let mut step = 1;
    loop {
        for m in [1, 2, 5] {
            if m * step >= max.max(1) {
                return m * step;
            }
        }
        step *= 10;
    }
}

/// Visits as bars and page views as a line, per day.
pub fn chart(days: &[DayRow]) -> impl IntoView + use<> {
    let s = tst();
    let (w, h, left, bottom, top) = (720.0f64, 260.0f64, 56.0f64, 28.0f64, 12.0f64);
    let plot_w = w - left - 8.0;
    let plot_h = h - top - bottom;
    let max = nice_top(
        days.iter()
            .map(|d| d.visits.max(d.page_views))
            .max()
            .unwrap_or(0),
    );
    let n = days.len().max(1) as f64;
    let slot = plot_w / n;
    let y = move |v: i64| top + plot_h - (v as f64 / max as f64) * plot_h;
    let bars = days
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let x = left + i as f64 * slot + slot * 0.15;
            let bh = (v_h(d.visits, max, plot_h)).max(0.0);
            view! { <rect class="chart-bar" x=format!("{x:.1}") y=format!("{:.1}", top + plot_h - bh) width=format!("{:.1}", slot * 0.7) height=format!("{bh:.1}")/> }
        })
        .collect_view();
    let line: Vec<String> = days
        .iter()
        .enumerate()
        .map(|(i, d)| {
            format!(
                "{:.1},{:.1}",
                left + (i as f64 + 0.5) * slot,
                y(d.page_views)
            )
        })
        .collect();
    let grid = [0, max / 2, max]
        .into_iter()
        .map(|v| {
            let gy = format!("{:.1}", y(v));
            view! {
                <line class="chart-grid" x1=left x2=w - 8.0 y1=gy.clone() y2=gy.clone()/>
                <text class="chart-label" x=left - 6.0 y=gy text-anchor="end" dominant-baseline="middle">{grouped(v)}</text>
            }
        })
        .collect_view();
    let every = (days.len() / 8).max(1);
    let ticks = days
        .iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0)
        .map(|(i, d)| {
            let x = format!("{:.1}", left + (i as f64 + 0.5) * slot);
            view! { <text class="chart-label" x=x y=h - 8.0 text-anchor="middle">{d.short()}</text> }
        })
        .collect_view();
    view! {
        <svg class="stats-chart" viewBox=format!("0 0 {w} {h}") role="img" aria-labelledby="bieu-do-tieu-de bieu-do-mo-ta">
            <title id="bieu-do-tieu-de">{s.chart_title}</title>
            <desc id="bieu-do-mo-ta">{s.chart_desc}</desc>
            {grid}
            {bars}
            <polyline class="chart-line" points=line.join(" ")/>
            {ticks}
        </svg>
    }
}

fn v_h(v: i64, max: i64, plot_h: f64) -> f64 {
    v as f64 / max as f64 * plot_h
}

/// A "most" table.
fn ranked_table(
    caption: &'static str,
    what: &'static str,
    count: &'static str,
    rows: Vec<Ranked>,
) -> impl IntoView {
    let body = if rows.is_empty() {
        view! { <tr><td colspan="2">{tst().nothing}</td></tr> }.into_any()
    } else {
        rows.into_iter()
            .map(|r| {
                let label = match r.href {
                    Some(href) => view! { <a href=href>{r.label}</a> }.into_any(),
                    None => r.label.into_any(),
                };
                view! { <tr><td>{label}</td><td class="num">{grouped(r.count)}</td></tr> }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <div class="table-wrap"><table class="desk-table stats-table">
            <caption>{caption}</caption>
            <thead><tr><th scope="col">{what}</th><th scope="col" class="num">{count}</th></tr></thead>
            <tbody>{body}</tbody>
        </table></div>
    }
}

fn report_view(r: StatsReport) -> impl IntoView {
    let s = tst();
    let days_table = r
        .days
        .iter()
        .rev()
        .map(|d| {
            view! {
                <tr><th scope="row">{d.long()}</th><td class="num">{grouped(d.visits)}</td><td class="num">{grouped(d.page_views)}</td></tr>
            }
        })
        .collect_view();
    let devices = r.phone_visits + r.desktop_visits;
    let share = move |n: i64| {
        if devices == 0 {
            "0%".to_string()
        } else {
            format!("{}%", (n * 100 + devices / 2) / devices)
        }
    };
    view! {
        <h1>{s.title}</h1>
        <p class="hint">{s.intro}</p>
        <form class="filters" method="get" action=ADMIN_STATS_PATH>
            <p class="field"><label for="tk-tu">{s.from}</label><input id="tk-tu" type="date" name="tu" value=r.from.clone()/></p>
            <p class="field"><label for="tk-den">{s.to}</label><input id="tk-den" type="date" name="den" value=r.to.clone()/></p>
            <p><button type="submit" class="button-secondary">{s.show}</button></p>
        </form>
        {r.error.clone().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
        <p class="stats-period">{fill(s.period, &[&r.days.first().map(DayRow::long).unwrap_or_default(), &r.days.last().map(DayRow::long).unwrap_or_default()])}</p>
        <dl class="stats-totals">
            <div><dt>{s.visits}</dt><dd>{grouped(r.visits)}</dd></div>
            <div><dt>{s.page_views}</dt><dd>{grouped(r.page_views)}</dd></div>
            <div><dt>{s.phones}</dt><dd>{format!("{} ({})", grouped(r.phone_visits), share(r.phone_visits))}</dd></div>
            <div><dt>{s.desktops}</dt><dd>{format!("{} ({})", grouped(r.desktop_visits), share(r.desktop_visits))}</dd></div>
            <div><dt>{s.robots}</dt><dd>{grouped(r.bot_views)}</dd></div>
        </dl>
        <div class="stats-chart-row">
            <figure class="stats-figure">{chart(&r.days)}</figure>
            <div class="table-wrap stats-days" tabindex="0" role="region" aria-label=s.per_day><table class="desk-table stats-table">
                <caption>{s.per_day}</caption>
                <thead><tr><th scope="col">{s.day}</th><th scope="col" class="num">{s.visits}</th><th scope="col" class="num">{s.page_views}</th></tr></thead>
                <tbody>{days_table}</tbody>
            </table></div>
        </div>
        <div class="stats-tops">
            {ranked_table(s.top_articles, s.article, s.reads, r.articles)}
            {ranked_table(s.top_categories, s.category, s.reads, r.categories)}
            {ranked_table(s.referrers, s.host, s.pages_sent, r.referrers)}
        </div>
    }
}

/// `/quan-tri/thong-ke?tu=…&den=…`.
#[component]
pub fn StatsAdminPage() -> impl IntoView {
    let query = use_query_map();
    let source = move || {
        let q = query.read();
        (
            q.get("tu").unwrap_or_default(),
            q.get("den").unwrap_or_default(),
        )
    };
    let data = page_data(module_path!(), source, |(from, to)| {
        get_stats_report(from, to)
    });
    admin_content(tst().title, data, report_view)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1.000");
        assert_eq!(grouped(1234567), "1.234.567");
        assert_eq!(nice_top(0), 1);
        assert_eq!(nice_top(7), 10);
        assert_eq!(nice_top(1500), 2000);
        assert_eq!(nice_top(4100), 5000);
    }
}
