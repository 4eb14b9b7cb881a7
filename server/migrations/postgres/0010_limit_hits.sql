-- Rate limits counted in the database, so that the servers sharing one PostgreSQL add
-- up (core::rate_limit::Tally): the hits of each limiter's key per fixed window
-- (`bucket`, the window's first second); the previous window counts in part, so the
-- limit slides. Old windows are deleted by the scheduler's holder.
-- UNLOGGED: counts need no crash safety, and writing them skips the WAL.
CREATE UNLOGGED TABLE limit_hits (
    limiter TEXT NOT NULL,
    key     TEXT NOT NULL,
    bucket  BIGINT NOT NULL,
    hits    BIGINT NOT NULL,
    PRIMARY KEY (limiter, key, bucket)
);
CREATE INDEX limit_hits_bucket ON limit_hits(bucket);
