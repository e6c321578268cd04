#!/usr/bin/env python3
"""How far a learned layer over our attribution rules gets on PolNeAR's cues (research only; nothing ships).

The rules miss about a third of PolNeAR's cues and the misses are a long tail. This script asks whether a
statistical model trained on PolNeAR train, with the rules' own output as features, would close the gap to the
issue's 0.80 cue F1. It labels every word token of an article "inside a gold cue" or not, trains a logistic
regression on hashed context features plus the rules' source/cue/content marks, and scores the runs of tokens it
predicts as cue spans on dev, with the same overlap matching as `corroborate-eval attribution` (a gold cue is found
when a predicted span shares a character with it, one-to-one).

Usage (needs scikit-learn):
    corroborate-eval attribution DATA --split train --write-predictions /tmp/train.tsv
    corroborate-eval attribution DATA --split dev --write-predictions /tmp/dev.tsv
    python3 scripts/attribution_ceiling.py DATA /tmp/train.tsv /tmp/dev.tsv
"""

import collections
import os
import re
import sys

from sklearn.feature_extraction import FeatureHasher
from sklearn.linear_model import LogisticRegression

TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
PRONOUNS = {"he", "she", "they", "i", "we", "who", "it", "you"}


def read_predictions(path):
    """article -> [(role, start byte, end byte)]"""
    out = collections.defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for line in f:
            article, _, role, start, end = line.rstrip("\n").split("\t")
            out[article].append((role, int(start), int(end)))
    return out


def load(data, split, predictions):
    """Articles of a split: (tokens, gold cue spans, our spans by role), all in character offsets."""
    base = os.path.join(data, "data", split)
    ours = read_predictions(predictions)
    articles, seen = [], set()
    for name in sorted(os.listdir(os.path.join(base, "attributions"))):
        article = name[: -len(".ann")].rsplit("_", 1)[0]
        text_path = os.path.join(base, "text", article + ".txt")
        if article in seen or not os.path.exists(text_path):
            continue
        seen.add(article)
        with open(text_path, encoding="utf-8") as f:
            text = f.read()
        char_at, b = {}, 0
        for c, ch in enumerate(text):
            char_at[b] = c
            b += len(ch.encode("utf-8"))
        char_at[b] = len(text)
        gold = []
        with open(os.path.join(base, "attributions", name), encoding="utf-8") as f:
            for line in f:
                fields = line.split("\t")
                if len(fields) >= 2 and fields[1].startswith("Cue "):
                    frags = [tuple(map(int, r.split())) for r in fields[1][4:].split(";")]
                    gold.append((frags[0][0], frags[-1][1]))
        spans = collections.defaultdict(list)
        for role, start, end in ours.get(article, []):
            spans[role].append((char_at[start], char_at[end]))
        tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]
        articles.append((tokens, gold, spans))
    return articles


def inside(token, spans):
    return any(token[0] < b and token[1] > a for a, b in spans)


def features(articles):
    rows, labels, where = [], [], []
    for ai, (tokens, gold, spans) in enumerate(articles):
        marks = {r: [inside(t, spans[r]) for t in tokens] for r in ("source", "cue", "content")}
        words = [t[2] for t in tokens]
        low = [w.lower() for w in words]
        n = len(tokens)

        def w(k):
            return low[k] if 0 <= k < n else "<>"

        for i, token in enumerate(tokens):
            cue, src, con = marks["cue"], marks["source"], marks["content"]
            suffix = next((s for s in ("ing", "ed", "s") if low[i].endswith(s)), "-")
            rows.append({
                "w=" + low[i]: 1, "p=" + w(i - 1): 1, "n=" + w(i + 1): 1, "pp=" + w(i - 2): 1,
                "nn=" + w(i + 2): 1, "wn=" + low[i] + "|" + w(i + 1): 1, "pw=" + w(i - 1) + "|" + low[i]: 1,
                "ppw=" + w(i - 2) + "|" + w(i - 1) + "|" + low[i]: 1, "s3=" + low[i][-3:]: 1,
                "suffix=" + suffix: 1, "cap": int(words[i][:1].isupper()),
                "prev_cap": int(i > 0 and words[i - 1][:1].isupper()),
                "prev_pronoun": int(w(i - 1) in PRONOUNS),
                "that_within_3": int("that" in (w(i + 1), w(i + 2), w(i + 3))), "to_next": int(w(i + 1) == "to"),
                "quote_or_colon_within_3": int(any(w(k) in ("“", '"', ":") for k in range(i + 1, i + 4))),
                "rule_cue": int(cue[i]), "rule_source": int(src[i]), "rule_content": int(con[i]),
                "rule_cue_prev": int(i > 0 and cue[i - 1]), "rule_cue_next": int(i + 1 < n and cue[i + 1]),
                "rule_source_prev": int(i > 0 and src[i - 1]), "rule_content_next": int(i + 1 < n and con[i + 1]),
                "rule_source_within_4": int(any(src[max(0, i - 4):i])),
                "rule_cue_within_6": int(any(cue[max(0, i - 6):i + 7])),
                "rule_cue_word=" + str(cue[i]) + low[i]: 1,
            })
            labels.append(int(inside(token, gold)))
            where.append((ai, i))
    return rows, labels, where


def spans_of(articles, where, predicted):
    """Runs of consecutive predicted tokens, per article."""
    out = collections.defaultdict(list)
    run = None
    for (ai, i), yes in zip(where, predicted):
        start, end, _ = articles[ai][0][i]
        if yes and run and run[0] == ai and run[3] == i - 1:
            run = (ai, run[1], end, i)
            continue
        if run:
            out[run[0]].append((run[1], run[2]))
        run = (ai, start, end, i) if yes else None
    if run:
        out[run[0]].append((run[1], run[2]))
    return out


def score(articles, spans):
    found = predicted = gold_total = 0
    for ai, (_, gold, _) in enumerate(articles):
        ours = spans.get(ai, [])
        predicted += len(ours)
        gold_total += len(gold)
        used = set()
        for a, b in gold:
            k = next((k for k, (c, d) in enumerate(ours) if k not in used and c < b and d > a), None)
            if k is not None:
                used.add(k)
                found += 1
    p, r = found / max(predicted, 1), found / max(gold_total, 1)
    return p, r, 2 * p * r / max(p + r, 1e-9)


def main():
    data, train_pred, dev_pred = sys.argv[1:4]
    train, dev = load(data, "train", train_pred), load(data, "dev", dev_pred)
    rules = {ai: a[2]["cue"] for ai, a in enumerate(dev)}
    print("rules alone, dev cue overlap P/R/F1: %.3f / %.3f / %.3f" % score(dev, rules))
    hasher = FeatureHasher(2**20)
    x_train, y_train, _ = features(train)
    x_dev, _, where = features(dev)
    for c in (0.15, 0.5, 2.0):
        model = LogisticRegression(C=c, max_iter=300).fit(hasher.transform(x_train), y_train)
        prob = model.predict_proba(hasher.transform(x_dev))[:, 1]
        for threshold in (0.3, 0.4, 0.5, 0.6):
            got = score(dev, spans_of(dev, where, prob > threshold))
            print("learned layer C=%.2f threshold %.1f: %.3f / %.3f / %.3f" % ((c, threshold) + got))


if __name__ == "__main__":
    main()
