//! The switch between the interface languages: a plain link to this page in the
//! other language (`?hl=en` / `?hl=vi`), loaded whole so every part of the page,
//! the server's and the browser's, speaks it; the server keeps the choice in a cookie.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::core::links::in_language;
use crate::i18n::{Lang, lang, strings};

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let location = use_location();
    let here = lang();
    let others = Lang::ALL.into_iter().filter(move |l| *l != here);
    let links = others
        .map(|other| {
            let href = move || {
                let path = location.pathname.get();
                match other {
                    Lang::Vi => format!("{path}?{}=vi", crate::i18n::LANG_PARAM),
                    _ => in_language(&path, other),
                }
            };
            // the name of a language in that language, marked as such for screen readers
            let name = strings(other).language_name;
            view! {
                <a href=href rel="external" hreflang=other.code() lang=other.code()>{name}</a>
            }
        })
        .collect_view();
    view! { <p class="language-switch">{links}</p> }
}
