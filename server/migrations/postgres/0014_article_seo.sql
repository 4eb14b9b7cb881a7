-- What search engines and shared links show of an article when its editor writes it
-- apart from the title and the sapo (empty: those). Each revision keeps them.
ALTER TABLE articles ADD COLUMN seo_title TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN seo_description TEXT NOT NULL DEFAULT '';
ALTER TABLE article_revisions ADD COLUMN seo_title TEXT NOT NULL DEFAULT '';
ALTER TABLE article_revisions ADD COLUMN seo_description TEXT NOT NULL DEFAULT '';
