-- Articles for members only (internal bulletins): listed to everyone by title, read
-- only by signed-in members and staff; their pages never enter a shared cache.
ALTER TABLE articles ADD COLUMN members_only INTEGER NOT NULL DEFAULT 0;
