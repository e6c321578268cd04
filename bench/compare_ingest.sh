#!/usr/bin/env bash
# Ingest+clean+segment throughput of corroborate next to trafilatura's extraction, same pages, same run.
# Usage: bench/compare_ingest.sh [DATA_DIR] [ROUNDS]   (DATA_DIR defaults to ../shared/data/article-extraction)
# trafilatura goes into a throwaway virtualenv under $TMPDIR; nothing is installed into the project.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data/article-extraction}
rounds=${2:-3}
venv=${TMPDIR:-/tmp}/corroborate-bench-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q trafilatura lxml_html_clean
fi
cargo build -q --release -p corroborate-eval
ours=$(./target/release/corroborate-eval bench-ingest "$data" --rounds "$rounds" --json)
peer=$("$venv/bin/python" bench/trafilatura_ingest.py "$data" --rounds "$rounds")
python3 - "$ours" "$peer" <<'PY'
import json, sys
ours, peer = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"pages: {ours['pages']} ({ours['megabytes']:.1f} MB)")
print(f"{'tool':<44} {'pages/s':>9} {'MB/s':>8} {'x peer':>8}")
rows = [("corroborate ingest+clean+text, 1 thread", ours["single_thread_pages_per_s"], ours["single_thread_mb_per_s"]),
        ("corroborate ingest+clean+text, all cores", ours["all_cores_pages_per_s"], ours["all_cores_mb_per_s"]),
        (f"{peer['tool']} extract(), 1 thread", peer["pages_per_s"], peer["mb_per_s"])]
for name, pps, mbs in rows:
    print(f"{name:<44} {pps:>9.1f} {mbs:>8.2f} {pps / peer['pages_per_s']:>8.1f}")
PY
