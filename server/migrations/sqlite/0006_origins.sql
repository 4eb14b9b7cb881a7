-- Every status change says what made it when no person did: 'import', 'demo' or
-- 'scheduler' (empty for a signed-in person, named by actor_id).
ALTER TABLE article_events ADD COLUMN origin TEXT NOT NULL DEFAULT '';
UPDATE article_events SET origin = 'scheduler' WHERE actor_id IS NULL AND reason = 'Đăng tự động theo lịch';
