-- An article's cover picture chosen by its editor (1), or the body's first picture,
-- as it was before this (0): a chosen cover stays when the body's pictures change.
ALTER TABLE articles ADD COLUMN cover_chosen INTEGER NOT NULL DEFAULT 0;
