//! The connections of one [`super::PostgresStore`]: a few kept open between calls, more opened while more
//! calls run at once (an ingest holds one for its whole transaction, and readers must not wait for it), up to
//! a cap that keeps a busy web app from using up the server's connection slots.

use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

use postgres::{Client, Config, NoTls};

use crate::StoreError;

/// Idle connections kept open for reuse.
const IDLE: usize = 4;
/// Connections open at once, at most.
const MAX_OPEN: usize = 16;
/// How long a call waits for a connection when all of them are in use.
const WAIT: Duration = Duration::from_secs(30);

pub(super) struct Pool {
    config: Config,
    state: Mutex<State>,
    /// Signalled whenever a connection is returned or closed.
    freed: Condvar,
}

struct State {
    idle: Vec<Client>,
    /// Connections open, idle or in use.
    open: usize,
}

impl Pool {
    pub fn new(config: Config) -> Self {
        Pool {
            config,
            state: Mutex::new(State {
                idle: Vec::new(),
                open: 0,
            }),
            freed: Condvar::new(),
        }
    }

    /// Runs `f` on a connection and returns it to the pool, unless it broke.
    pub fn with_client<T>(
        &self,
        f: impl FnOnce(&mut Client) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let mut client = self.checkout()?;
        let out = f(&mut client);
        // Any failure but an error the server reported may have left the connection unusable.
        let broken = client.is_closed()
            || matches!(&out, Err(StoreError::Postgres(e)) if e.as_db_error().is_none());
        self.checkin(client, broken);
        out
    }

    fn lock(&self) -> Result<MutexGuard<'_, State>, StoreError> {
        self.state.lock().map_err(|_| StoreError::Poisoned)
    }

    fn checkout(&self) -> Result<Client, StoreError> {
        let mut state = self.lock()?;
        loop {
            if let Some(client) = state.idle.pop() {
                if !client.is_closed() {
                    return Ok(client);
                }
                // Closed by the server meanwhile: forget it (dropping a closed client sends nothing).
                state.open -= 1;
                continue;
            }
            if state.open < MAX_OPEN {
                state.open += 1;
                break;
            }
            let (next, timeout) = self
                .freed
                .wait_timeout(state, WAIT)
                .map_err(|_| StoreError::Poisoned)?;
            state = next;
            if timeout.timed_out() && state.idle.is_empty() && state.open >= MAX_OPEN {
                return Err(StoreError::Busy(MAX_OPEN));
            }
        }
        drop(state);
        self.config.connect(NoTls).map_err(|e| {
            if let Ok(mut state) = self.lock() {
                state.open -= 1;
            }
            self.freed.notify_one();
            StoreError::from(e)
        })
    }

    fn checkin(&self, client: Client, broken: bool) {
        let surplus = match self.lock() {
            Ok(mut state) if !broken && state.idle.len() < IDLE => {
                state.idle.push(client);
                None
            }
            Ok(mut state) => {
                state.open -= 1;
                Some(client)
            }
            Err(_) => Some(client),
        };
        self.freed.notify_one();
        // Closed outside the lock: closing talks to the server.
        drop(surplus);
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        let idle = std::mem::take(match self.state.get_mut() {
            Ok(state) => &mut state.idle,
            Err(poisoned) => &mut poisoned.into_inner().idle,
        });
        // Closing a connection runs the client's own runtime, which panics on a thread that drives another one
        // (the server's state is dropped on one). A short-lived plain thread drives none.
        if !idle.is_empty() {
            let _ = std::thread::spawn(move || drop(idle)).join();
        }
    }
}
