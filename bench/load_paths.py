#!/usr/bin/env python3
"""Writes the request paths bench/load.sh's wrk runs rotate over, from a running server's story list:
big.txt (the largest story's dossier), dossiers.txt (every story's), searches.txt (many different queries:
common and rare words, phrases, names, German, place names of the stories, one query without hits).

Usage: bench/load_paths.py WORKDIR BASE_URL
"""
import json
import sys
import urllib.parse
import urllib.request

QUERIES = ["police", "hospital treated", '"independent investigation"', "Reinholt", "water", "minister said",
           "nobody was hurt", "Verletzte", "strike port", "derailed train passengers", "massacre", "zzzyxq"]


def main():
    work, base = sys.argv[1], sys.argv[2]
    with urllib.request.urlopen(base + "/api/stories") as r:
        stories = json.load(r)
    big = max(stories, key=lambda s: s["documents"])
    with open(f"{work}/big.txt", "w") as f:
        f.write(f"/api/stories/{big['id']}\n")
    with open(f"{work}/dossiers.txt", "w") as f:
        f.writelines(f"/api/stories/{s['id']}\n" for s in stories)
    places = sorted({s["title"].split()[-1].strip(";,") for s in stories if s["title"]})[:12]
    queries = QUERIES + places
    with open(f"{work}/searches.txt", "w") as f:
        f.writelines(f"/api/search?q={urllib.parse.quote(q)}\n" for q in queries)
    with open(f"{work}/list.txt", "w") as f:
        f.write("/api/stories\n")
    print(f"{len(stories)} stories; largest {big['id']} with {big['documents']} documents; {len(queries)} queries")


if __name__ == "__main__":
    main()
