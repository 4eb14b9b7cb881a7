-- Rights of one staff member in one category and its subcategories, as NukeViet
-- portals grant them: add articles, edit anyone's, approve (or reject), publish (or
-- schedule, unpublish). Where a member has a grant, it decides these four rights in
-- that subtree (the nearest grant up the tree wins); elsewhere the role's rights apply.
CREATE TABLE category_grants (
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    category_id INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
    can_add     INTEGER NOT NULL DEFAULT 0,
    can_edit    INTEGER NOT NULL DEFAULT 0,
    can_approve INTEGER NOT NULL DEFAULT 0,
    can_publish INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, category_id)
);
CREATE INDEX category_grants_category ON category_grants(category_id);
