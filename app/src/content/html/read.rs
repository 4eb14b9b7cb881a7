//! What the converter reads off elements and text: inline styles, the marks they make,
//! Word's list paragraphs and their markers, Google's redirects, YouTube frames, and
//! runs of white space.

use scraper::ElementRef;

use crate::content::edit::runs::Marks;
use crate::content::validate::is_safe_link;

/// Whitespace and no-break spaces, any number, as one space.
pub(super) fn clean_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() || c == '\u{a0}' {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// The CSS declarations of an element's `style`, lower case.
pub(super) fn style_of(e: &ElementRef) -> Vec<(String, String)> {
    e.value()
        .attr("style")
        .unwrap_or("")
        .split(';')
        .filter_map(|d| {
            let (k, v) = d.split_once(':')?;
            Some((k.trim().to_ascii_lowercase(), v.trim().to_ascii_lowercase()))
        })
        .collect()
}

/// The marks inside `e`, from its tag and its style.
pub(super) fn marks_in(e: &ElementRef, outer: &Marks) -> Marks {
    let mut m = outer.clone();
    match e.value().name() {
        "b" | "strong" => m.bold = true,
        "i" | "em" | "cite" => m.italic = true,
        "u" | "ins" => m.underline = true,
        "a" => {
            let href = unwrap_redirect(e.value().attr("href").unwrap_or("").trim());
            m.link = is_safe_link(href).then(|| href.to_string());
        }
        _ => {}
    }
    for (k, v) in style_of(e) {
        match k.as_str() {
            "font-weight" => {
                m.bold = v == "bold" || v == "bolder" || v.parse::<u32>().is_ok_and(|w| w >= 600)
            }
            "font-style" => m.italic = v.contains("italic") || v.contains("oblique"),
            "text-decoration" | "text-decoration-line" => m.underline = v.contains("underline"),
            _ => {}
        }
    }
    // a link is shown as one: its own underline is the page's style, not a mark
    if m.link.is_some() {
        m.underline = false;
    }
    m
}

/// A link through Google's redirect (Google Docs writes them so): the address it leads
/// to, when written plainly.
pub(super) fn unwrap_redirect(href: &str) -> &str {
    href.strip_prefix("https://www.google.com/url?q=")
        .map(|rest| rest.split('&').next().unwrap_or(rest))
        .filter(|to| !to.contains('%') && is_safe_link(to))
        .unwrap_or(href)
}

/// Word's list paragraph: its marker ("1.", "a)", "·") when it has one.
pub(super) fn word_list_marker(e: &ElementRef) -> Option<String> {
    let in_list = style_of(e).iter().any(|(k, _)| k == "mso-list")
        || e.value()
            .attr("class")
            .is_some_and(|c| c.starts_with("MsoListParagraph"));
    if !in_list {
        return None;
    }
    let marker = e
        .descendent_elements()
        .find(|d| {
            style_of(d)
                .iter()
                .any(|(k, v)| k == "mso-list" && v == "ignore")
        })
        .map(|d| d.text().collect::<String>())
        .unwrap_or_default();
    Some(clean_spaces(&marker).trim().to_string())
}

/// True when a list marker counts ("1.", "2)", "a.", "iv)").
pub(super) fn ordered_marker(marker: &str) -> bool {
    let body = marker.trim_end_matches(['.', ')']);
    body.len() < marker.len() && !body.is_empty() && body.chars().all(|c| c.is_alphanumeric())
}
