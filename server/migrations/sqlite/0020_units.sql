-- The units (đơn vị, chi bộ) members belong to: named once, listed with their members;
-- a member imported in bulk comes with theirs.
CREATE TABLE units (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);
ALTER TABLE users ADD COLUMN unit_id INTEGER REFERENCES units(id);
CREATE INDEX users_by_unit ON users(unit_id);
