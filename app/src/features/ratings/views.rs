//! The rating box under an article: the portals' summary line and five star buttons.
//! Each star is a submit button, so rating works as a plain form without JavaScript
//! (the server sends the reader back with `?danh-gia=N`); once hydrated the summary
//! updates in place and the reader's own stars are asked for after load.

use leptos::form::ActionForm;
use leptos::prelude::*;

use super::api::{RateArticle, get_my_rating};
use super::model::{RatingSummary, parse_stars};
use crate::components::browser::query_param;
use crate::components::form_error;
use crate::i18n::t;

/// "Tổng số điểm của bài viết là: 13 trong 3 đánh giá" (average 4,3).
fn summary_line(s: RatingSummary) -> String {
    if s.count == 0 {
        t().rating_none.to_string()
    } else {
        format!(
            "{} {} {} {} {} ({} {}/5)",
            t().rating_total,
            s.sum,
            t().rating_in,
            s.count,
            t().rating_votes,
            t().rating_average,
            s.average_text()
        )
    }
}

#[island]
pub fn RatingBox(slug: String, summary: RatingSummary, open: bool) -> impl IntoView {
    let action = ServerAction::<RateArticle>::new();
    let summary = RwSignal::new(summary);
    // the reader's stars: from the no-JavaScript round trip first, then the server
    let mine = RwSignal::new(query_param("danh-gia").as_deref().and_then(parse_stars));
    let came_back_rated = mine.get_untracked().is_some();
    let thanked = move || came_back_rated || matches!(action.value().get(), Some(Ok(_)));
    if open {
        let slug = slug.clone();
        Effect::new(move |_| {
            let slug = slug.clone();
            leptos::task::spawn_local(async move {
                if let Ok(Some(stars)) = get_my_rating(slug).await {
                    mine.set(Some(stars));
                }
            });
        });
    }
    Effect::new(move |_| {
        if let Some(Ok(rated)) = action.value().get() {
            summary.set(rated.summary);
            mine.set(Some(rated.stars));
        }
    });
    let stars = (1..=5u8)
        .map(|n| {
            let on = move || mine.get().is_some_and(|m| n <= m);
            let label = format!("{n} {}", t().stars);
            view! {
                <button type="submit" name="stars" value=n.to_string() class="star" class:on=on
                    aria-label=label aria-pressed=move || (mine.get() == Some(n)).to_string()>
                    <span aria-hidden="true">"★"</span>
                </button>
            }
        })
        .collect_view();
    let form = open.then(|| {
        view! {
            <ActionForm action attr:class="rating-form">
                <input type="hidden" name="slug" value=slug/>
                <div class="stars" role="group" aria-labelledby="danh-gia-moi">
                    <span id="danh-gia-moi" class="rating-prompt">{t().rating_prompt}</span>
                    {stars}
                </div>
                {form_error(action.value())}
                {move || thanked().then(|| {
                    let n = mine.get().unwrap_or_default();
                    view! { <p class="form-ok" role="status">{format!("{} {n} {}.", t().rating_thanks, t().stars)}</p> }
                })}
            </ActionForm>
        }
    });
    view! {
        <section class="rating" id="danh-gia" aria-labelledby="danh-gia-tieu-de">
            <h2 id="danh-gia-tieu-de" class="block-title">{t().rating_title}</h2>
            <p class="rating-summary" aria-live="polite">{move || summary_line(summary.get())}</p>
            {form}
            {(!open).then(|| view! { <p class="muted">{t().rating_closed}</p> })}
        </section>
    }
}
