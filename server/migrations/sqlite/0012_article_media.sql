-- Which article shows which picture (its body's figures and its cover): the media
-- library's "where it is used", and what keeps a used file from being deleted. The
-- writer of articles keeps it; here it is filled from the bodies stored before.
CREATE TABLE article_media (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    media_id   INTEGER NOT NULL REFERENCES media(id),
    PRIMARY KEY (article_id, media_id)
);
CREATE INDEX article_media_by_media ON article_media(media_id, article_id);

INSERT OR IGNORE INTO article_media (article_id, media_id)
SELECT a.id, j.value FROM articles a, json_tree(a.body_json) j
WHERE j.key = 'media_id' AND j.value IN (SELECT id FROM media);

INSERT OR IGNORE INTO article_media (article_id, media_id)
SELECT id, cover_media_id FROM articles WHERE cover_media_id IS NOT NULL;
