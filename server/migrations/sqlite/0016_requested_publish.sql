-- The time the article's writer asks for it to go out (Unix seconds, or none): the
-- schedule form of whoever approves it starts from it. Not a publication date.
ALTER TABLE articles ADD COLUMN requested_publish_at INTEGER;
