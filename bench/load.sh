#!/usr/bin/env bash
# HTTP load benchmark of `corroborate serve` on loopback with wrk: a store of 10,000 generated reports
# (bench/gen_reports.py, ~340 stories of 10-50 reports), then requests/s and latency percentiles for the story
# list, dossier reads (one large story, and rotating over every story), and searches rotating over many queries.
#
# Usage: bench/load.sh [WORKDIR] [DURATION] [CONNECTIONS]
#   WORKDIR      where the reports and the store go (default $TMPDIR/corroborate-load; reused when present)
#   DURATION     of each wrk run (default 20s)
#   CONNECTIONS  concurrent connections (default 32; wrk uses 2 threads)
#   CORROBORATE_BIN (environment) the corroborate binary to measure (default: a release build of this tree)
# Needs wrk (Debian: apt-get install wrk), python3 and curl. Not part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-${TMPDIR:-/tmp}/corroborate-load}
duration=${2:-20s}
conns=${3:-32}
command -v wrk >/dev/null || { echo "bench/load.sh: needs wrk (apt-get install wrk)" >&2; exit 1; }
mkdir -p "$work"

# CORROBORATE_BIN runs another build (e.g. an older commit's, for a before/after comparison).
if [ -n "${CORROBORATE_BIN:-}" ]; then
  bin=$CORROBORATE_BIN
else
  cargo build -q --release -p corroborate-cli
  bin=$PWD/target/release/corroborate
fi
db=$work/store.db

if [ ! -s "$db" ]; then
  rm -rf "$work/reports" "$db" "$db-wal" "$db-shm"
  python3 bench/gen_reports.py "$work/reports" --docs 10000
  echo "== ingest: one 'corroborate ingest' per story folder"
  start=$(date +%s.%N)
  for dir in "$work"/reports/story-*; do
    "$bin" ingest "$dir" --db "$db" >/dev/null
  done
  end=$(date +%s.%N)
  docs=$(find "$work/reports" -type f | wc -l)
  python3 -c "import sys; s = float(sys.argv[2]) - float(sys.argv[1]); n = int(sys.argv[3]); \
print(f'ingested {n} reports in {s:.1f} s: {n / s:.0f} reports/s')" "$start" "$end" "$docs"
fi
ls -l "$db"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port
# Request logging at info (the default) writes one line per request; the load runs measure the server, not
# its log, so they use warn. Set RUST_LOG=info to include it.
RUST_LOG=${RUST_LOG:-warn} "$bin" serve --db "$db" --addr "127.0.0.1:$port" 2>"$work/serve.log" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf "$base/api/stories" >/dev/null && break; sleep 0.1; done

# The paths each run rotates over.
python3 bench/load_paths.py "$work" "$base"
big=$(cat "$work/big.txt")
printf '%s bytes in the largest dossier\n' "$(curl -sf "$base$big" | wc -c)"

run() {
  local name=$1 paths=$2
  echo "== $name"
  wrk -t2 -c"$conns" -d"$duration" --latency -s bench/rotate.lua "$base" -- "$paths" | tee "$work/wrk-$name.txt" |
    grep -E "Requests/sec|Transfer/sec|^ +(50|90|99)%|Non-2xx|Socket errors"
}
echo "$(nproc) cores; wrk -t2 -c$conns -d$duration on the same machine"
run story-list "$work/list.txt"
run dossier-largest "$work/big.txt"
run dossier-rotating "$work/dossiers.txt"
run search-rotating "$work/searches.txt"
