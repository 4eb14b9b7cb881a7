-- Who runs each background job (scheduled publishing) when several servers share one
-- database: a server holds a job's lease until `expires_at` (Unix seconds) and renews
-- it while alive; another takes it over once it has expired.
CREATE TABLE job_leases (
    name       TEXT PRIMARY KEY,
    holder     TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
