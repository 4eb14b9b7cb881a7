//! The tags field with suggestions: as the writer types a tag (after the last comma),
//! the portal's most used tags that match it, diacritics optional ("xay dung" finds
//! "Xây dựng Đảng"), are listed under the field (a combobox: ↑/↓ to choose, Enter to
//! take, Esc to close); the field stays free text, so a new tag is typed as before.

use leptos::prelude::*;

use crate::features::editorial::model::Draft;
use crate::i18n::{ta, te};

/// How many suggestions show at once.
const SHOWN: usize = 8;

/// Lower case without diacritics (the staff's client and the server have the tables;
/// the reader's client never shows the editor).
fn key(s: &str) -> String {
    #[cfg(any(feature = "ssr", feature = "staff"))]
    {
        crate::core::fold::fold_vietnamese(s).to_lowercase()
    }
    #[cfg(not(any(feature = "ssr", feature = "staff")))]
    {
        s.to_lowercase()
    }
}

/// The tags already in `field`, and the one being typed (after the last comma).
fn split(field: &str) -> (Vec<&str>, &str) {
    let mut parts: Vec<&str> = field.split(',').collect();
    let typing = parts.pop().unwrap_or("").trim_start();
    (parts.into_iter().map(str::trim).collect(), typing)
}

/// The known tags that match what is being typed: those starting with it first, then
/// those holding it; none already in the field.
pub fn suggestions(field: &str, known: &[String]) -> Vec<String> {
    let (taken, typing) = split(field);
    let typed = key(typing.trim());
    if typed.is_empty() {
        return Vec::new();
    }
    let taken: Vec<String> = taken.iter().map(|t| key(t)).collect();
    let mut starts = Vec::new();
    let mut holds = Vec::new();
    for tag in known {
        let k = key(tag);
        if taken.contains(&k) || k == typed {
            continue;
        }
        if k.starts_with(&typed) {
            starts.push(tag.clone());
        } else if k.contains(&typed) {
            holds.push(tag.clone());
        }
    }
    starts.extend(holds);
    starts.truncate(SHOWN);
    starts
}

/// `field` with the tag being typed replaced by `tag`, ready for the next one.
pub fn take(field: &str, tag: &str) -> String {
    let (taken, _) = split(field);
    let mut all: Vec<&str> = taken.into_iter().filter(|t| !t.is_empty()).collect();
    all.push(tag);
    format!("{}, ", all.join(", "))
}

#[component]
pub fn TagsField(fields: RwSignal<Draft>, known: Vec<String>) -> impl IntoView {
    let known = StoredValue::new(known);
    // the list shows while the field has focus and something matches
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let listed = Memo::new(move |_| fields.with(|f| known.with_value(|k| suggestions(&f.tags, k))));
    let shown = move || open.get() && !listed.with(Vec::is_empty);
    let pick = move |n: usize| {
        if let Some(tag) = listed.with_untracked(|l| l.get(n).cloned()) {
            fields.update(|f| f.tags = take(&f.tags, &tag));
            active.set(None);
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let count = listed.with_untracked(Vec::len);
        if count == 0 || !open.get_untracked() {
            return;
        }
        let now = active.get_untracked();
        match ev.key().as_str() {
            "ArrowDown" => {
                ev.prevent_default();
                active.set(Some(now.map_or(0, |n| (n + 1) % count)));
            }
            "ArrowUp" => {
                ev.prevent_default();
                active.set(Some(now.map_or(count - 1, |n| (n + count - 1) % count)));
            }
            "Enter" => {
                if let Some(n) = now {
                    ev.prevent_default();
                    pick(n);
                }
            }
            "Escape" => {
                ev.prevent_default();
                open.set(false);
                active.set(None);
            }
            _ => {}
        }
    };
    let option_id = |n: usize| format!("the-goi-y-{n}");
    view! {
        <label for="the">{ta().form_tags}</label>
        <div class="tags-field">
            <input id="the" type="text" autocomplete="off" role="combobox"
                aria-autocomplete="list" aria-controls="the-goi-y"
                aria-expanded=move || shown().to_string()
                aria-activedescendant=move || active.get().filter(|_| shown()).map(option_id)
                prop:value=move || fields.with(|f| f.tags.clone())
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    fields.update(|f| f.tags = v);
                    open.set(true);
                    active.set(None);
                }
                on:focus=move |_| open.set(true)
                on:blur=move |_| open.set(false)
                on:keydown=on_key/>
            <ul id="the-goi-y" role="listbox" class="tags-suggest" aria-label=te().tag_suggestions
                hidden=move || !shown()>
                {move || listed.get().into_iter().enumerate().map(|(n, tag)| view! {
                    <li role="option" id=option_id(n)
                        aria-selected=move || (active.get() == Some(n)).to_string()
                        // mousedown, not click: the field keeps its focus
                        on:mousedown=move |ev| { ev.prevent_default(); pick(n); }>
                        {tag}
                    </li>
                }).collect_view()}
            </ul>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> Vec<String> {
        [
            "Xây dựng Đảng",
            "Nông thôn mới",
            "Chuyển đổi số",
            "Đại hội Đảng",
            "Dân vận",
        ]
        .map(String::from)
        .to_vec()
    }

    #[test]
    fn suggests_by_the_tag_being_typed_diacritics_optional() {
        assert_eq!(suggestions("xay", &known()), vec!["Xây dựng Đảng"]);
        // starting with it before holding it
        assert_eq!(
            suggestions("Nông thôn mới, d", &known()),
            vec!["Đại hội Đảng", "Dân vận", "Xây dựng Đảng", "Chuyển đổi số"]
        );
        assert_eq!(
            suggestions("dang", &known()),
            vec!["Xây dựng Đảng", "Đại hội Đảng"]
        );
    }

    #[test]
    fn leaves_out_what_is_taken_and_needs_something_typed() {
        assert!(suggestions("", &known()).is_empty());
        assert!(suggestions("Dân vận, ", &known()).is_empty());
        assert_eq!(
            suggestions("Dân vận, dan", &known()),
            vec!["Xây dựng Đảng", "Đại hội Đảng"]
        );
        assert_eq!(
            suggestions("Đại hội Đảng, dan", &known()),
            vec!["Dân vận", "Xây dựng Đảng"]
        );
        // the whole tag typed already: nothing to offer
        assert!(suggestions("dân vận", &known()).is_empty());
    }

    #[test]
    fn taking_replaces_the_tag_being_typed() {
        assert_eq!(take("chuyen", "Chuyển đổi số"), "Chuyển đổi số, ");
        assert_eq!(
            take("Dân vận,  xay", "Xây dựng Đảng"),
            "Dân vận, Xây dựng Đảng, "
        );
        assert_eq!(take(", x", "Xây dựng Đảng"), "Xây dựng Đảng, ");
    }
}
