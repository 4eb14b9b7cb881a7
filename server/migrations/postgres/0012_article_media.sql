-- Which article shows which picture (its body's figures and its cover): the media
-- library's "where it is used", and what keeps a used file from being deleted. The
-- writer of articles keeps it; here it is filled from the bodies stored before.
CREATE TABLE article_media (
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    media_id   BIGINT NOT NULL REFERENCES media(id),
    PRIMARY KEY (article_id, media_id)
);
CREATE INDEX article_media_by_media ON article_media(media_id, article_id);

INSERT INTO article_media (article_id, media_id)
SELECT DISTINCT a.id, (m.value #>> '{}')::BIGINT
FROM articles a, jsonb_path_query(a.body_json::jsonb, 'strict $.**.media_id') AS m(value)
WHERE (m.value #>> '{}')::BIGINT IN (SELECT id FROM media)
ON CONFLICT DO NOTHING;

INSERT INTO article_media (article_id, media_id)
SELECT id, cover_media_id FROM articles WHERE cover_media_id IS NOT NULL
ON CONFLICT DO NOTHING;
