//! The order of results, the same on both databases: what a query asks the index, in
//! which groups, and how the groups' answers make one ranked list.
//!
//! A result's place is decided by, in turn:
//! 1. for a query typed with tones, whether the words are there as typed ("Đảng"
//!    before "đang");
//! 2. where the words are: all in the title as one phrase, all in the title, all in
//!    the title or the lead (sapo), or anywhere;
//! 3. recency: among equals the newest first.
//!
//! Each step is a group the index answers newest first ("the newest N that match"),
//! which both engines do without reading every match (SQLite's FTS5 in rowid order,
//! PostgreSQL along the primary key), so ranking costs the same with 100 entries or
//! 100,000.

use std::collections::HashSet;
use std::future::Future;

use super::terms::Terms;

/// One condition on an entry's terms: every atom must be there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Atom {
    /// A whole term (`tdang`).
    Term(String),
    /// Terms one after another (`txay tdung tdang`).
    Phrase(Vec<String>),
    /// A term beginning with this (the word being typed).
    Prefix(String),
}

/// Where the folded words must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    TitlePhrase,
    Title,
    Head,
    Anywhere,
}

/// A group of results: the words as typed (or not asked) and where they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Group {
    pub exact: bool,
    pub field: Field,
}

/// The groups of a query, best first.
pub fn groups(terms: &Terms) -> Vec<Group> {
    let mut fields = vec![Field::Title, Field::Head, Field::Anywhere];
    if terms.words.len() > 1 {
        fields.insert(0, Field::TitlePhrase);
    }
    let exact: &[bool] = if terms.toned {
        &[true, false]
    } else {
        &[false]
    };
    exact
        .iter()
        .flat_map(|&exact| fields.iter().map(move |&field| Group { exact, field }))
        .collect()
}

/// What the index is asked for group `g` of `terms`.
pub fn atoms(terms: &Terms, g: Group) -> Vec<Atom> {
    let marked = |mark: char| -> Vec<String> {
        terms
            .words
            .iter()
            .map(|w| format!("{mark}{}", w.folded))
            .collect()
    };
    let mut out: Vec<Atom> = match g.field {
        Field::TitlePhrase => vec![Atom::Phrase(marked('t'))],
        Field::Title => marked('t').into_iter().map(Atom::Term).collect(),
        Field::Head => marked('h').into_iter().map(Atom::Term).collect(),
        Field::Anywhere => marked('a').into_iter().map(Atom::Term).collect(),
    };
    if g.exact {
        out.extend(terms.words.iter().map(|w| Atom::Term(w.exact.clone())));
    }
    out
}

/// What every result matches (counting them): the folded words anywhere.
pub fn any_atoms(terms: &Terms) -> Vec<Atom> {
    atoms(
        terms,
        Group {
            exact: false,
            field: Field::Anywhere,
        },
    )
}

/// What suggestions match: the words before the last in the title, and a title word
/// that begins with the last.
pub fn suggestion_atoms(terms: &Terms) -> Vec<Atom> {
    let n = terms.words.len();
    terms
        .words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let term = format!("t{}", w.folded);
            if i + 1 == n {
                Atom::Prefix(term)
            } else {
                Atom::Term(term)
            }
        })
        .collect()
}

/// The first `need` entries in rank order. `newest(atoms, limit)` gives the newest
/// `limit` entries matching the atoms (and the page's filters), newest first.
///
/// Asking each group for `need + taken` is enough: when a group is asked, every group
/// before it was read to its end (else `need` were already taken), so at most `taken`
/// of its answers are ones already placed.
pub async fn ranked<F, Fut, E>(terms: &Terms, need: usize, mut newest: F) -> Result<Vec<i64>, E>
where
    F: FnMut(Vec<Atom>, usize) -> Fut,
    Fut: Future<Output = Result<Vec<i64>, E>>,
{
    let mut out = Vec::new();
    let mut placed = HashSet::new();
    for g in groups(terms) {
        if out.len() >= need {
            break;
        }
        let ids = newest(atoms(terms, g), need + out.len()).await?;
        for id in ids {
            if placed.insert(id) {
                out.push(id);
            }
        }
    }
    out.truncate(need);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// An entry of a made-up index: its id (newer is larger) and its terms.
    fn index() -> Vec<(i64, BTreeSet<String>, String)> {
        let e = |id, title: &str, lead: &str, body: &str| {
            let terms = super::super::terms::index_terms(title, lead, body);
            (id, terms.split(' ').map(String::from).collect(), terms)
        };
        vec![
            e(1, "Xây dựng Đảng vững mạnh", "", ""),
            e(2, "Đảng bộ tỉnh xây dựng nông thôn", "", ""),
            e(3, "Tin ngắn", "Xây dựng Đảng trong sạch", ""),
            e(4, "Tin khác", "", "Bàn về xây dựng Đảng"),
            e(5, "Đang xây dựng cầu", "", ""),
            e(6, "Không liên quan", "", "nông nghiệp"),
        ]
    }

    fn matches(entry: &(i64, BTreeSet<String>, String), atoms: &[Atom]) -> bool {
        atoms.iter().all(|a| match a {
            Atom::Term(t) => entry.1.contains(t),
            Atom::Prefix(p) => entry.1.iter().any(|t| t.starts_with(p.as_str())),
            Atom::Phrase(p) => entry.2.contains(&p.join(" ")),
        })
    }

    async fn run(q: &str, need: usize) -> Vec<i64> {
        let idx = index();
        let terms = Terms::parse(q);
        ranked(&terms, need, |atoms, limit| {
            let mut ids: Vec<i64> = idx
                .iter()
                .filter(|e| matches(e, &atoms))
                .map(|e| e.0)
                .collect();
            ids.sort_by(|a, b| b.cmp(a));
            ids.truncate(limit);
            async move { Ok::<_, ()>(ids) }
        })
        .await
        .unwrap()
    }

    fn block_on<F: Future>(f: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(f)
    }

    #[test]
    fn title_phrase_then_title_then_lead_then_body_newest_first() {
        // 1: the phrase in the title; 5 and 2: all words in the title (newest first);
        // 3: in the lead; 4: in the body
        assert_eq!(block_on(run("xay dung dang", 10)), [1, 5, 2, 3, 4]);
    }

    #[test]
    fn with_tones_the_words_as_typed_come_first() {
        // 5 has "Đang", not "Đảng": it drops behind every entry with "Đảng"
        assert_eq!(block_on(run("Xây dựng Đảng", 10)), [1, 2, 3, 4, 5]);
        // "đang" as typed only in 5; then "dang" in titles (2, 1), the lead (3), the body (4)
        assert_eq!(block_on(run("đang", 10)), [5, 2, 1, 3, 4]);
    }

    #[test]
    fn asking_for_fewer_gives_the_same_beginning() {
        let all = block_on(run("xay dung dang", 10));
        for need in 1..all.len() {
            assert_eq!(block_on(run("xay dung dang", need)), all[..need]);
        }
    }

    #[test]
    fn groups_of_a_one_word_query_have_no_phrase() {
        let g = groups(&Terms::parse("dang"));
        assert_eq!(g.len(), 3);
        assert_eq!(groups(&Terms::parse("Đảng bộ")).len(), 8);
        let s = suggestion_atoms(&Terms::parse("xay dun"));
        assert_eq!(s, [Atom::Term("txay".into()), Atom::Prefix("tdun".into())]);
    }
}
