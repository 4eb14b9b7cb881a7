//! `toasoan media rebuild`: makes the copies of every picture waiting for them — after
//! the upgrade that brought copies, every picture stored before, whose original is
//! cleaned of its metadata on the way — reporting its progress. Stopped, it resumes
//! where it was: what is done is marked in the database. `--all` makes every picture's
//! copies again (after the widths changed).

use std::path::Path;

use sqlx::AnyPool;
use toasoan_app::features::media;

use super::{MediaError, PageChanges, prepare_waiting};

/// Pictures prepared per round (each round is written before the next starts).
const BATCH: i64 = 8;

/// Prepares every waiting picture (all of them with `all`), calling `progress(done,
/// total)` after each round; returns how many this run prepared.
pub async fn rebuild(
    pool: &AnyPool,
    media_dir: &Path,
    all: bool,
    mut progress: impl FnMut(u64, u64),
) -> Result<u64, MediaError> {
    if all {
        media::remake_all(pool).await?;
    }
    let total = media::count_waiting(pool).await?;
    let mut shown = None;
    let mut report = |done: u64| {
        if shown != Some(done) {
            shown = Some(done);
            progress(done, total);
        }
    };
    report(0);
    let mut prepared = 0;
    let mut changes = PageChanges::new();
    loop {
        let round = prepare_waiting(pool, media_dir, BATCH).await?;
        if round.prepared == 0 {
            break;
        }
        changes.after(pool, round).await?;
        prepared += round.prepared as u64;
        // counted again: a running server's preparer may take some too
        let waiting = media::count_waiting(pool).await?;
        report(total.saturating_sub(waiting));
    }
    changes.finish(pool).await?;
    report(total);
    Ok(prepared)
}

/// A progress line for a terminal: `[#######.............] 35/100`, rewritten in place.
pub fn progress_line(done: u64, total: u64) -> String {
    const WIDTH: u64 = 30;
    let filled = (done.min(total) * WIDTH)
        .checked_div(total)
        .unwrap_or(WIDTH);
    format!(
        "[{}{}] {done}/{total}",
        "#".repeat(filled as usize),
        ".".repeat((WIDTH - filled) as usize)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_progress_line_fills_with_the_work() {
        assert_eq!(progress_line(0, 10), format!("[{}] 0/10", ".".repeat(30)));
        assert_eq!(
            progress_line(5, 10),
            format!("[{}{}] 5/10", "#".repeat(15), ".".repeat(15))
        );
        assert_eq!(progress_line(10, 10), format!("[{}] 10/10", "#".repeat(30)));
        assert_eq!(
            progress_line(0, 0),
            format!("[{}] 0/0", "#".repeat(30)),
            "nothing to do"
        );
    }
}
