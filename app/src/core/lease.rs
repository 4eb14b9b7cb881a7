//! Job leases: one holder at a time for a background job across every process on the
//! database (several `toasoan serve` behind a load balancer). The equivalent of an
//! advisory lock that works the same on SQLite and PostgreSQL and survives a dead
//! holder: the lease lapses unless renewed, and then another server takes it.

/// Takes or renews the lease `name` for `holder` until `now + seconds`. True when
/// `holder` holds it now: it was free, lapsed, or already `holder`'s.
pub async fn take(
    pool: &sqlx::AnyPool,
    name: &str,
    holder: &str,
    now: i64,
    seconds: i64,
) -> Result<bool, sqlx::Error> {
    // one statement: the row's lock decides between servers taking it at once
    let taken = sqlx::query(
        "INSERT INTO job_leases (name, holder, expires_at) VALUES ($1, $2, $3) \
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at \
         WHERE job_leases.holder = excluded.holder OR job_leases.expires_at <= $4",
    )
    .bind(name)
    .bind(holder)
    .bind(now + seconds)
    .bind(now)
    .execute(pool)
    .await?;
    Ok(taken.rows_affected() == 1)
}

/// Gives the lease up (a server shutting down), so another need not wait for it to lapse.
pub async fn give_up(pool: &sqlx::AnyPool, name: &str, holder: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM job_leases WHERE name = $1 AND holder = $2")
        .bind(name)
        .bind(holder)
        .execute(pool)
        .await?;
    Ok(())
}

/// A name for this process among the servers: its host, process id and a random part.
pub fn holder_name() -> String {
    let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "host".into());
    format!(
        "{host}:{}:{}",
        std::process::id(),
        &crate::core::text::new_token()[..8]
    )
}
