//! A bounded pool of reader connections.
//!
//! At most `max` connections are ever open; a reader that finds them all busy waits for one rather than
//! opening another. Opening one per request beyond the pool (what an unbounded pool does under load) costs a
//! file open, the pragmas and a schema parse each time, and starts from a cold page cache: under 32
//! concurrent HTTP clients that cost about a sixth of the server's dossier-read throughput (BENCHMARKS.md).

use std::sync::{Condvar, Mutex};

use rusqlite::Connection;

use crate::StoreError;

pub(crate) struct ReaderPool {
    state: Mutex<PoolState>,
    freed: Condvar,
    max: usize,
}

struct PoolState {
    idle: Vec<Connection>,
    /// Connections that exist, idle or lent out.
    open: usize,
}

impl ReaderPool {
    pub(crate) fn new(max: usize) -> Self {
        ReaderPool {
            state: Mutex::new(PoolState {
                idle: Vec::new(),
                open: 0,
            }),
            freed: Condvar::new(),
            max: max.max(1),
        }
    }

    /// Runs `f` on an idle connection, on a new one (made by `open`) while fewer than `max` exist, or on the
    /// first one handed back.
    pub(crate) fn with<T>(
        &self,
        open: impl FnOnce() -> Result<Connection, StoreError>,
        f: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let conn = {
            let mut state = self.state.lock().map_err(|_| StoreError::Poisoned)?;
            loop {
                if let Some(c) = state.idle.pop() {
                    break Some(c);
                }
                if state.open < self.max {
                    state.open += 1;
                    break None;
                }
                state = self.freed.wait(state).map_err(|_| StoreError::Poisoned)?;
            }
        };
        // Opened outside the lock: other readers keep using the idle connections meanwhile.
        let conn = match conn {
            Some(c) => c,
            None => match open() {
                Ok(c) => c,
                Err(e) => {
                    self.give_back(None);
                    return Err(e);
                }
            },
        };
        let out = f(&conn);
        self.give_back(Some(conn));
        out
    }

    /// Returns a connection to the pool (`None`: one that could not be opened no longer counts) and wakes a
    /// waiting reader.
    fn give_back(&self, conn: Option<Connection>) {
        // A poisoned lock means another reader panicked holding it; the pool's two fields are still
        // consistent (each is updated in one statement), so the connection is returned anyway.
        let mut state = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match conn {
            Some(c) => state.idle.push(c),
            None => state.open -= 1,
        }
        drop(state);
        self.freed.notify_one();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::ReaderPool;
    use crate::StoreError;

    #[test]
    fn never_opens_more_than_max_and_reuses() {
        let pool = Arc::new(ReaderPool::new(2));
        let opened = Arc::new(AtomicUsize::new(0));
        let busy = Arc::new(AtomicUsize::new(0));
        let peak = Arc::new(AtomicUsize::new(0));
        let threads: Vec<_> = (0..8)
            .map(|_| {
                let (pool, opened, busy, peak) =
                    (pool.clone(), opened.clone(), busy.clone(), peak.clone());
                std::thread::spawn(move || {
                    for _ in 0..20 {
                        pool.with(
                            || {
                                opened.fetch_add(1, Ordering::SeqCst);
                                Ok(rusqlite::Connection::open_in_memory()?)
                            },
                            |c| {
                                let now = busy.fetch_add(1, Ordering::SeqCst) + 1;
                                peak.fetch_max(now, Ordering::SeqCst);
                                let one: i64 = c.query_row("SELECT 1", [], |r| r.get(0))?;
                                std::thread::sleep(std::time::Duration::from_micros(200));
                                busy.fetch_sub(1, Ordering::SeqCst);
                                assert_eq!(one, 1);
                                Ok(())
                            },
                        )
                        .expect("read");
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().expect("thread");
        }
        assert!(opened.load(Ordering::SeqCst) <= 2, "opened more than max");
        assert!(
            peak.load(Ordering::SeqCst) <= 2,
            "more readers than connections"
        );
    }

    #[test]
    fn a_failed_open_frees_its_place() {
        let pool = ReaderPool::new(1);
        let err = pool.with(|| Err(StoreError::Poisoned), |_| Ok(()));
        assert!(err.is_err());
        // The failed attempt must not hold the only place: the next reader opens and runs.
        let v = pool.with(
            || Ok(rusqlite::Connection::open_in_memory()?),
            |c| Ok(c.query_row("SELECT 41 + 1", [], |r| r.get::<_, i64>(0))?),
        );
        assert_eq!(v.expect("second reader"), 42);
    }
}
