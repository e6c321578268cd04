#!/usr/bin/env python3
"""Peer benchmark: trafilatura's extract() on the article-extraction pages, the same pages and rounds that
`corroborate-eval bench-ingest` uses. Prints one JSON line. Run by bench/compare_ingest.sh, which installs
trafilatura in a throwaway virtualenv."""
import argparse
import gzip
import json
import statistics
import sys
import time
from pathlib import Path

import trafilatura


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path, help="the article-extraction folder (with html/*.html.gz)")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    paths = sorted((args.data / "html").glob("*.html.gz"))
    if not paths:
        print(f"no pages under {args.data / 'html'}", file=sys.stderr)
        return 2
    pages = [gzip.decompress(p.read_bytes()) for p in paths]
    megabytes = sum(len(p) for p in pages) / 1e6

    def one_round() -> float:
        start = time.perf_counter()
        for page in pages:
            trafilatura.extract(page)
        return time.perf_counter() - start

    one_round()  # warm-up
    t = statistics.median(one_round() for _ in range(max(1, args.rounds)))
    print(json.dumps({"tool": f"trafilatura {trafilatura.__version__}", "pages": len(pages),
                      "megabytes": megabytes, "pages_per_s": len(pages) / t, "mb_per_s": megabytes / t}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
