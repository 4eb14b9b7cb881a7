//! The SQLite and PostgreSQL migrations keep the same schema: both are migrated from
//! scratch and compared table by table — columns (kind and nullability), primary
//! keys, indexes (columns in order, unique, partial), foreign keys (with their
//! delete rule) and the number of CHECK constraints. Defaults are written per
//! backend (`0` against `FALSE`…) and not compared.

mod common;

use std::collections::BTreeSet;

use common::{Backend, fresh_database};
use sqlx::{AnyPool, Row};

/// A column type reduced to what both backends mean by it.
fn kind(declared: &str) -> &'static str {
    let t = declared.to_ascii_lowercase();
    if t.contains("int") {
        "integer"
    } else if t.contains("char") || t.contains("text") || t.contains("clob") {
        "text"
    } else if t.contains("real")
        || t.contains("floa")
        || t.contains("doub")
        || t.contains("numeric")
    {
        "real"
    } else if t.contains("blob") || t.contains("bytea") {
        "blob"
    } else if t.contains("bool") {
        "boolean"
    } else {
        "other"
    }
}

const SKIP: &[&str] = &["_sqlx_migrations", "sqlite_sequence"];

async fn strings(pool: &AnyPool, sql: &str, cols: usize) -> Vec<Vec<String>> {
    sqlx::query(sql)
        .fetch_all(pool)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .iter()
        .map(|r| {
            (0..cols)
                .map(|i| {
                    r.try_get::<Option<String>, _>(i)
                        .ok()
                        .flatten()
                        .or_else(|| r.try_get::<i64, _>(i).ok().map(|n| n.to_string()))
                        .or_else(|| r.try_get::<bool, _>(i).ok().map(|b| (b as i64).to_string()))
                        .unwrap_or_default()
                })
                .collect()
        })
        .collect()
}

fn q(name: &str) -> String {
    name.replace('\'', "''")
}

async fn sqlite_schema(pool: &AnyPool) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let tables = strings(
        pool,
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name",
        2,
    )
    .await;
    for t in tables {
        let (table, sql) = (&t[0], &t[1]);
        if SKIP.contains(&table.as_str()) {
            continue;
        }
        out.insert(format!("table {table}"));
        let cols = strings(
            pool,
            &format!(
                "SELECT name, type, \"notnull\", pk FROM pragma_table_info('{}') ORDER BY cid",
                q(table)
            ),
            4,
        )
        .await;
        let mut pk: Vec<(i64, String)> = Vec::new();
        for c in &cols {
            let pk_pos: i64 = c[3].parse().unwrap_or(0);
            let not_null = c[2] == "1" || pk_pos > 0;
            out.insert(format!(
                "column {table}.{} {}{}",
                c[0],
                kind(&c[1]),
                if not_null { " not null" } else { "" }
            ));
            if pk_pos > 0 {
                pk.push((pk_pos, c[0].clone()));
            }
        }
        pk.sort();
        let pk: Vec<String> = pk.into_iter().map(|(_, c)| c).collect();
        out.insert(format!("primary key {table}({})", pk.join(",")));
        let indexes = strings(
            pool,
            &format!(
                "SELECT name, \"unique\", origin, partial FROM pragma_index_list('{}')",
                q(table)
            ),
            4,
        )
        .await;
        for i in indexes {
            if i[2] == "pk" {
                continue;
            }
            let cols = strings(
                pool,
                &format!(
                    "SELECT name FROM pragma_index_info('{}') ORDER BY seqno",
                    q(&i[0])
                ),
                1,
            )
            .await;
            let cols: Vec<String> = cols
                .into_iter()
                .map(|c| {
                    if c[0].is_empty() {
                        "<expr>".into()
                    } else {
                        c[0].clone()
                    }
                })
                .collect();
            out.insert(format!(
                "index {table}({}) unique={} partial={}",
                cols.join(","),
                i[1],
                i[3]
            ));
        }
        for fk in strings(
            pool,
            &format!(
                "SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{}')",
                q(table)
            ),
            4,
        )
        .await
        {
            let to = if fk[2].is_empty() {
                "id"
            } else {
                fk[2].as_str()
            };
            out.insert(format!(
                "foreign key {table}.{} -> {}.{to} on delete {}",
                fk[1],
                fk[0],
                fk[3].to_ascii_uppercase()
            ));
        }
        let checks = sql.to_ascii_uppercase().matches("CHECK").count();
        out.insert(format!("checks {table} {checks}"));
    }
    out
}

async fn postgres_schema(pool: &AnyPool) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let tables = strings(
        pool,
        "SELECT table_name::text FROM information_schema.tables \
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
        1,
    )
    .await;
    for t in tables {
        let table = &t[0];
        if SKIP.contains(&table.as_str()) {
            continue;
        }
        out.insert(format!("table {table}"));
        for c in strings(
            pool,
            &format!(
                "SELECT column_name::text, data_type::text, is_nullable::text FROM information_schema.columns \
                 WHERE table_schema = 'public' AND table_name = '{}' ORDER BY ordinal_position",
                q(table)
            ),
            3,
        )
        .await
        {
            out.insert(format!(
                "column {table}.{} {}{}",
                c[0],
                kind(&c[1]),
                if c[2] == "NO" { " not null" } else { "" }
            ));
        }
        let pk = strings(
            pool,
            &format!(
                "SELECT a.attname::text FROM pg_index ix \
                 JOIN pg_class t ON t.oid = ix.indrelid \
                 JOIN LATERAL unnest(ix.indkey::int2[]) WITH ORDINALITY k(attnum, ord) ON TRUE \
                 JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum \
                 WHERE ix.indisprimary AND t.relname = '{}' AND t.relnamespace = 'public'::regnamespace \
                 ORDER BY k.ord",
                q(table)
            ),
            1,
        )
        .await;
        let pk: Vec<String> = pk.into_iter().map(|c| c[0].clone()).collect();
        out.insert(format!("primary key {table}({})", pk.join(",")));
        for i in strings(
            pool,
            &format!(
                "SELECT i.relname::text, \
                   CASE WHEN ix.indisunique THEN '1' ELSE '0' END, \
                   CASE WHEN ix.indpred IS NULL THEN '0' ELSE '1' END, \
                   array_to_string(ARRAY( \
                     SELECT COALESCE(a.attname::text, '<expr>') \
                     FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(attnum, ord) \
                     LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum \
                     ORDER BY k.ord), ',') \
                 FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid \
                 WHERE NOT ix.indisprimary AND t.relname = '{}' AND t.relnamespace = 'public'::regnamespace",
                q(table)
            ),
            4,
        )
        .await
        {
            out.insert(format!(
                "index {table}({}) unique={} partial={}",
                i[3], i[1], i[2]
            ));
        }
        for fk in strings(
            pool,
            &format!(
                "SELECT a.attname::text, rt.relname::text, ra.attname::text, \
                   CASE c.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' \
                     WHEN 'd' THEN 'SET DEFAULT' WHEN 'r' THEN 'RESTRICT' ELSE 'NO ACTION' END \
                 FROM pg_constraint c \
                 JOIN pg_class t ON t.oid = c.conrelid \
                 JOIN pg_class rt ON rt.oid = c.confrelid \
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] \
                 JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = c.confkey[1] \
                 WHERE c.contype = 'f' AND t.relname = '{}' AND t.relnamespace = 'public'::regnamespace",
                q(table)
            ),
            4,
        )
        .await
        {
            out.insert(format!(
                "foreign key {table}.{} -> {}.{} on delete {}",
                fk[0], fk[1], fk[2], fk[3]
            ));
        }
        let checks = strings(
            pool,
            &format!(
                "SELECT COUNT(*)::text FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid \
                 WHERE c.contype = 'c' AND t.relname = '{}' AND t.relnamespace = 'public'::regnamespace",
                q(table)
            ),
            1,
        )
        .await;
        out.insert(format!("checks {table} {}", checks[0][0]));
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_and_postgres_schemas_are_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let (_, sqlite) = fresh_database(Backend::Sqlite, &dir).await;
    let lite = sqlite_schema(&sqlite).await;
    assert!(
        lite.iter().filter(|l| l.starts_with("table ")).count() >= 10,
        "the comparison reads the tables: {lite:?}"
    );
    assert!(
        lite.iter().any(|l| l.starts_with("index ")),
        "and the indexes"
    );
    assert!(
        lite.iter().any(|l| l.starts_with("foreign key ")),
        "and the foreign keys"
    );
    if std::env::var(common::POSTGRES_ENV).is_err() {
        eprintln!("no PostgreSQL for this run: only the SQLite side was read");
        return;
    }
    let (_, postgres) = fresh_database(Backend::Postgres, &dir).await;
    let mut pg = postgres_schema(&postgres).await;
    // the one place the two differ by design: each engine's own full-text index of
    // search_entries (FTS5's virtual table and its shadow tables; a GIN-indexed
    // tsvector column), both over the same terms (features/search/terms.rs)
    let lite_fts: Vec<String> = lite
        .iter()
        .filter(|l| l.split_whitespace().any(|t| t.starts_with("search_fts")))
        .cloned()
        .collect();
    assert!(
        lite_fts.contains(&"table search_fts".to_string()),
        "{lite_fts:?}"
    );
    let lite: BTreeSet<String> = lite.into_iter().filter(|l| !lite_fts.contains(l)).collect();
    let pg_fts: Vec<String> = pg
        .iter()
        .filter(|l| {
            l.starts_with("column search_entries.terms ")
                || l.starts_with("index search_entries(terms)")
        })
        .cloned()
        .collect();
    assert_eq!(pg_fts.len(), 2, "PostgreSQL's search index: {pg_fts:?}");
    pg.retain(|l| !pg_fts.contains(l));
    let only_sqlite: Vec<&String> = lite.difference(&pg).collect();
    let only_postgres: Vec<&String> = pg.difference(&lite).collect();
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "the migrations drifted apart.\nonly in SQLite:\n  {}\nonly in PostgreSQL:\n  {}",
        only_sqlite
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n  "),
        only_postgres
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n  ")
    );
}
