//! Breadcrumbs, pagination and the lock mark of what is for members only.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::t;

/// "Trang chủ › Xây dựng Đảng › …": (label, href) pairs; the last is the current page.
#[component]
pub fn Breadcrumb(items: Vec<(String, String)>) -> impl IntoView {
    let last = items.len().saturating_sub(1);
    view! {
        <nav class="breadcrumb" aria-label=t().breadcrumb>
            <ol>
                <li><A href="/">{t().home}</A></li>
                {items
                    .into_iter()
                    .enumerate()
                    .map(|(i, (label, href))| {
                        if i == last {
                            view! { <li><a href=href aria-current="page">{label}</a></li> }.into_any()
                        } else {
                            view! { <li><A href=href>{label}</A></li> }.into_any()
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}

/// Page numbers to show: first, last, and the two around the current page; 0 is a gap.
pub fn page_numbers(page: u32, pages: u32) -> Vec<u32> {
    let mut out = Vec::new();
    for p in 1..=pages {
        if p == 1 || p == pages || p.abs_diff(page) <= 2 {
            out.push(p);
        } else if out.last() != Some(&0) {
            out.push(0);
        }
    }
    out
}

/// Links to the other pages of a list at `base` (`?trang=N`, or `&trang=N` when
/// `base` already has a query).
#[component]
pub fn Pagination(base: String, page: u32, pages: u32) -> impl IntoView {
    if pages <= 1 {
        return ().into_any();
    }
    let sep = if base.contains('?') { '&' } else { '?' };
    let href = move |p: u32| {
        if p <= 1 {
            base.clone()
        } else {
            format!("{base}{sep}trang={p}")
        }
    };
    let prev = (page > 1).then(|| {
        let h = href(page - 1);
        view! { <A href=h attr:class="page-prev" attr:rel="prev">{format!("‹ {}", t().previous_page)}</A> }
    });
    let next = (page < pages).then(|| {
        let h = href(page + 1);
        view! { <A href=h attr:class="page-next" attr:rel="next">{format!("{} ›", t().next_page)}</A> }
    });
    let numbers = page_numbers(page, pages)
        .into_iter()
        .map(|p| match p {
            0 => view! { <span class="page-gap">"…"</span> }.into_any(),
            p if p == page => {
                view! { <span class="page-current" aria-current="page">{p}</span> }.into_any()
            }
            p => {
                let h = href(p);
                let label = format!("{} {p}", t().page);
                view! { <A href=h attr:aria-label=label>{p}</A> }.into_any()
            }
        })
        .collect_view();
    view! { <nav class="pagination" aria-label=t().pagination>{prev}{numbers}{next}</nav> }
        .into_any()
}

/// The lock mark of an article for members only.
pub fn members_mark() -> impl IntoView {
    view! {
        <span class="members-mark">
            <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
                <path d="M4 7V5a4 4 0 0 1 8 0v2h1v8H3V7zm2 0h4V5a2 2 0 0 0-4 0z" fill="currentColor"/>
            </svg>
            {t().members_only}
        </span>
    }
}

#[cfg(test)]
mod tests {
    use super::page_numbers;

    #[test]
    fn page_numbers_have_gaps() {
        assert_eq!(page_numbers(1, 1), vec![1]);
        assert_eq!(page_numbers(1, 3), vec![1, 2, 3]);
        assert_eq!(page_numbers(5, 10), vec![1, 0, 3, 4, 5, 6, 7, 0, 10]);
        assert_eq!(page_numbers(1, 10), vec![1, 2, 3, 0, 10]);
    }
}
