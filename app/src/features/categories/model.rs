//! Category types shared by server and client, and the tree helpers.

use serde::{Deserialize, Serialize};

/// A category as links show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryRef {
    pub id: i64,
    pub slug: String,
    pub name: String,
}

impl CategoryRef {
    pub fn href(&self) -> String {
        format!("/chuyen-muc/{}", self.slug)
    }
}

/// A stored category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryNode {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub sort_order: i64,
}

impl CategoryNode {
    pub fn to_ref(&self) -> CategoryRef {
        CategoryRef {
            id: self.id,
            slug: self.slug.clone(),
            name: self.name.clone(),
        }
    }
}

pub use crate::core::site::MenuItem;

/// All categories, in menu order (parents before children, by sort order).
#[derive(Debug, Clone, Default)]
pub struct CategoryTree {
    pub nodes: Vec<CategoryNode>,
}

impl CategoryTree {
    pub fn new(mut nodes: Vec<CategoryNode>) -> Self {
        nodes.sort_by_key(|n| (n.sort_order, n.id));
        CategoryTree { nodes }
    }

    pub fn get(&self, id: i64) -> Option<&CategoryNode> {
        self.nodes.iter().find(|n| n.id == id)
    }

    pub fn by_slug(&self, slug: &str) -> Option<&CategoryNode> {
        self.nodes.iter().find(|n| n.slug == slug)
    }

    pub fn children(&self, id: Option<i64>) -> impl Iterator<Item = &CategoryNode> {
        self.nodes.iter().filter(move |n| n.parent_id == id)
    }

    /// The category's ancestors from the top down, then the category itself.
    pub fn path(&self, id: i64) -> Vec<CategoryRef> {
        let mut out = Vec::new();
        let mut cur = self.get(id);
        while let Some(node) = cur {
            if out.iter().any(|r: &CategoryRef| r.id == node.id) {
                break; // a cycle: stop rather than loop
            }
            out.push(node.to_ref());
            cur = node.parent_id.and_then(|p| self.get(p));
        }
        out.reverse();
        out
    }

    /// The category and everything below it.
    pub fn subtree_ids(&self, id: i64) -> Vec<i64> {
        let mut out = vec![id];
        let mut i = 0;
        while i < out.len() {
            let cur = out[i];
            for child in self.children(Some(cur)) {
                if !out.contains(&child.id) {
                    out.push(child.id);
                }
            }
            i += 1;
        }
        out
    }

    /// The top-level category a category belongs to.
    pub fn root_of(&self, id: i64) -> i64 {
        self.path(id).first().map(|r| r.id).unwrap_or(id)
    }

    /// Every category depth-first, parents before their children, with its depth
    /// (0 for top level): the order of select lists and the admin tree.
    pub fn in_order(&self) -> Vec<(usize, &CategoryNode)> {
        fn walk<'a>(
            tree: &'a CategoryTree,
            parent: Option<i64>,
            depth: usize,
            out: &mut Vec<(usize, &'a CategoryNode)>,
        ) {
            if depth > 8 {
                return;
            }
            for n in tree.children(parent) {
                out.push((depth, n));
                walk(tree, Some(n.id), depth + 1, out);
            }
        }
        let mut out = Vec::new();
        walk(self, None, 0, &mut out);
        out
    }

    /// The menu: top-level categories with their subcategories.
    pub fn menu(&self) -> Vec<MenuItem> {
        fn build(tree: &CategoryTree, parent: Option<i64>, depth: usize) -> Vec<MenuItem> {
            if depth > 4 {
                return Vec::new();
            }
            tree.children(parent)
                .map(|n| MenuItem {
                    href: n.to_ref().href(),
                    name: n.name.clone(),
                    children: build(tree, Some(n.id), depth + 1),
                })
                .collect()
        }
        build(self, None, 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(id: i64, parent: Option<i64>, order: i64) -> CategoryNode {
        CategoryNode {
            id,
            parent_id: parent,
            slug: format!("c{id}"),
            name: format!("C{id}"),
            description: String::new(),
            sort_order: order,
        }
    }

    #[test]
    fn tree_paths_subtrees_and_menu() {
        let tree = CategoryTree::new(vec![
            node(3, Some(1), 0),
            node(1, None, 2),
            node(2, None, 1),
            node(4, Some(3), 0),
        ]);
        assert_eq!(
            tree.path(4).iter().map(|r| r.id).collect::<Vec<_>>(),
            vec![1, 3, 4]
        );
        assert_eq!(tree.subtree_ids(1), vec![1, 3, 4]);
        assert_eq!(tree.root_of(4), 1);
        assert_eq!(
            tree.in_order()
                .iter()
                .map(|(d, n)| (*d, n.id))
                .collect::<Vec<_>>(),
            vec![(0, 2), (0, 1), (1, 3), (2, 4)]
        );
        let menu = tree.menu();
        assert_eq!(
            menu.iter().map(|m| m.href.as_str()).collect::<Vec<_>>(),
            vec!["/chuyen-muc/c2", "/chuyen-muc/c1"]
        );
        assert_eq!(menu[1].children[0].children[0].name, "C4");
    }

    #[test]
    fn a_cycle_does_not_hang() {
        let tree = CategoryTree::new(vec![node(1, Some(2), 0), node(2, Some(1), 0)]);
        assert_eq!(tree.path(1).len(), 2);
        assert_eq!(tree.subtree_ids(1).len(), 2);
    }
}
