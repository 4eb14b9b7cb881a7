-- The public lists' indexes cover what makes an article public (expire_at too), so a
-- deep page (category page 2,000) skips index entries without reading the rows.
DROP INDEX articles_public;
CREATE INDEX articles_public ON articles(status, publish_at DESC, id DESC, expire_at);
DROP INDEX articles_category;
CREATE INDEX articles_category ON articles(category_id, status, publish_at DESC, id DESC, expire_at);
DROP INDEX articles_featured;
CREATE INDEX articles_featured ON articles(featured, status, publish_at DESC, id DESC, expire_at);
