-- "Thống kê truy cập": what the servers counted in memory, added here in batches.
-- A day is YYYYMMDD in Vietnam time. A visit is a visitor's first page of a day.
CREATE TABLE visit_days (
    day            INTEGER PRIMARY KEY,
    visits         INTEGER NOT NULL DEFAULT 0,
    page_views     INTEGER NOT NULL DEFAULT 0,
    bot_views      INTEGER NOT NULL DEFAULT 0,
    phone_visits   INTEGER NOT NULL DEFAULT 0,
    desktop_visits INTEGER NOT NULL DEFAULT 0
);

-- Pages reached from outside, by the referring host.
CREATE TABLE visit_referrers (
    day   INTEGER NOT NULL,
    host  TEXT NOT NULL,
    views INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, host)
);

-- Articles' views per day (as "Số lần đọc" counts them), for the most read of a period.
CREATE TABLE visit_articles (
    day        INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    views      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, article_id)
);
CREATE INDEX visit_articles_by_article ON visit_articles (article_id);
