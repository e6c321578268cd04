#!/usr/bin/env python3
"""Writes a synthetic but varied news corpus for load benchmarks: many stories, each a folder of 10-50 reports
about one event from outlets that disagree (state media, opposition sites, wire copy, local papers, a German
paper, social posts), as Markdown with front matter, HTML pages with boilerplate, and short text posts.

Every story draws its own event kind, invented place, country, people, organisations, date and casualty
figures; each outlet quotes the side it leans to, so numbers conflict and denials appear, as in real coverage.
Deterministic for a given --seed.

Usage: bench/gen_reports.py OUTDIR [--docs 10000] [--min 10] [--max 50] [--seed 7]
"""
import argparse
import datetime
import html
import json
import os
import random

SYL = ["ka", "ro", "mel", "dan", "vi", "tor", "sa", "len", "bri", "os", "ta", "mir", "gal", "ve", "nor", "pa",
       "lu", "sk", "ar", "hel", "do", "zan", "ber", "ti", "ol", "fen", "ra", "ku", "est", "lin"]
FIRST = ["Ana", "Tomas", "Idris", "Lucia", "Marek", "Helena", "Samir", "Ilse", "Jonas", "Amara", "Pavel", "Noor",
         "Elena", "Viktor", "Rosa", "Karim", "Greta", "Mateo", "Zofia", "Daniel", "Leila", "Oskar", "Mira", "Emil",
         "Farah", "Henrik", "Yara", "Bruno", "Ines", "Aleksander", "Sofia", "Omar", "Clara", "Nikolai", "Lena"]
LAST = ["Ruiz", "Reinholt", "Halloran", "Ferran", "Novak", "Voss", "Okonjo", "Varga", "Lindqvist", "Haddad",
        "Petrov", "Castell", "Marsh", "Brandt", "Kowalski", "Moreau", "Santos", "Eriksen", "Demir", "Albescu",
        "Tanaka", "Mendez", "Horvat", "Keller", "Baptiste", "Osei", "Nieminen", "Costa", "Weber", "Duarte"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MONATE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember"]
WIRES = ["Continental Press Agency", "Global Wire Service", "Meridian News Agency"]
FOREIGN_DE = ["Nordtal Rundschau", "Alpenländische Zeitung", "Westfälischer Bote"]
LOADED_GOV = ["rioters", "agitators", "foreign-funded provocateurs", "extremists"]
LOADED_OPP = ["massacre", "brutal crackdown", "regime thugs", "cover-up"]

# Event kinds: what happened, who is hurt, who answers for it, and the verbs each side uses.
KINDS = [
    dict(kind="protest", what="police cleared the protest camp at {place}", head="Police clear protest camp at {place}",
         victims="protesters", authority="police", actor="the police", dead_verb="were killed",
         deny="no force beyond what was necessary was used", units="officers", unit_range=(200, 900)),
    dict(kind="fire", what="a fire swept through the {company} plant in {place}", head="Fire at {company} plant in {place}",
         victims="workers", authority="fire brigade", actor="{company}", dead_verb="died",
         deny="all safety inspections had been passed", units="firefighters", unit_range=(40, 300)),
    dict(kind="flood", what="the river burst its banks in {place}", head="Floods hit {place}",
         victims="residents", authority="civil protection agency", actor="the regional government",
         dead_verb="drowned", deny="the warnings had been issued in time", units="rescue workers", unit_range=(100, 1500)),
    dict(kind="derailment", what="a passenger train derailed near {place}", head="Train derails near {place}",
         victims="passengers", authority="rail operator", actor="{company}", dead_verb="were killed",
         deny="the track had been maintained on schedule", units="rescuers", unit_range=(50, 400)),
    dict(kind="mine", what="a tunnel collapsed at the {company} mine near {place}", head="Mine collapse near {place}",
         victims="miners", authority="mining inspectorate", actor="{company}", dead_verb="died",
         deny="the mine met every safety standard", units="rescuers", unit_range=(30, 250)),
    dict(kind="border", what="soldiers clashed at the border crossing near {place}", head="Deadly clash at {place} border crossing",
         victims="soldiers", authority="army", actor="the army", dead_verb="were killed",
         deny="its troops had fired first", units="troops", unit_range=(300, 3000)),
    dict(kind="strike", what="dock workers walked out at the port of {place}", head="Strike shuts port of {place}",
         victims="strikers", authority="port authority", actor="{company}", dead_verb="were hurt",
         deny="any worker had been threatened", units="police officers", unit_range=(50, 600)),
]
COMPANIES = ["Norvale Chemicals", "Astra Rail", "Keldor Mining", "Baltrix Logistics", "Helion Steel", "Varn Energy",
             "Oskaro Textiles", "Lumen Plastics"]


def name(rng):
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def word(rng, n):
    return "".join(rng.choice(SYL) for _ in range(n)).capitalize()


def story_world(rng):
    """The facts of one invented event and the people and bodies who speak about it."""
    k = dict(rng.choice(KINDS))
    country = word(rng, 2) + rng.choice(["ia", "and", "istan", "ovia", "ria"])
    place = word(rng, rng.randint(2, 3))
    company = rng.choice(COMPANIES)
    date = datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randrange(6 * 365))
    dead = rng.choice([0, 1, 2, 3, 4, 7, 12, 19, 31])
    injured = dead * rng.randint(2, 6) + rng.randint(3, 40)
    w = dict(
        k=k, country=country, place=place, company=company, date=date, dead=dead, injured=injured,
        units=rng.randint(*k["unit_range"]) // 10 * 10,
        ministry=f"Ministry of the Interior of {country}",
        minister=name(rng), official=name(rng), spokesman=name(rng), doctor=name(rng), witness=name(rng),
        group=f"{rng.choice(['Movement', 'Alliance', 'Committee', 'Union'])} for "
              f"{rng.choice(['Justice', 'Land and Dignity', 'Workers Rights', 'Truth', 'Safe Work', 'Free Elections'])}"
              f" in {place}",
        hospital=f"{place} General Hospital",
    )
    for key in ("what", "head", "actor"):
        w[key] = k[key].format(place=place, company=company)
    return w


def day_text(d):
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def english_report(rng, w, lean, outlet):
    """Paragraphs of one article as the outlet's side tells it."""
    k, d = w["k"], w["date"]
    wd = d.strftime("%A")
    gov_dead = 0 if w["dead"] < 3 else w["dead"] // 3
    opp_dead = w["dead"] + rng.randint(1, 6)
    paras = []
    lead = f"{w['place'].upper()}, {MONTHS[d.month - 1]} {d.day} ({outlet}) - " if lean == "wire" else ""
    paras.append(f"{lead}On {wd}, {w['what']}, {rng.choice(['officials', 'witnesses', 'residents'])} said. "
                 f"About {w['units']} {k['units']} were deployed, according to the {k['authority']}.")
    if lean in ("gov", "neutral", "wire"):
        if gov_dead == 0:
            paras.append(f"The {w['ministry']} said in a statement that nobody {k['dead_verb'].split()[-1]} and "
                         f"that {k['deny']}.")
        else:
            paras.append(f"The {w['ministry']} said {gov_dead} {k['victims']} {k['dead_verb']} and {w['injured'] // 2} "
                         f"were treated for minor injuries.")
        paras.append(f"Minister {w['minister']} told reporters: \"The situation is under control. "
                     f"We regret every injury, but {k['deny']}.\"")
    if lean in ("opp", "neutral", "wire", "social"):
        paras.append(f"The {w['group']} said more than {opp_dead} {k['victims']} {k['dead_verb']} and "
                     f"{rng.choice(['dozens', 'hundreds', 'scores'])} were injured. Its spokesman, {w['spokesman']}, "
                     f"accused {w['actor']} of lying about the toll.")
        paras.append(f"\"We saw it with our own eyes,\" {w['spokesman']} said. \"They are hiding the dead.\"")
    if lean in ("neutral", "wire", "local"):
        paras.append(f"Doctors at the {w['hospital']} said they had treated at least {w['injured']} people, "
                     f"{rng.randint(2, 9)} of them in serious condition. Dr. {w['doctor']} said the hospital "
                     f"was \"stretched to the limit\".")
    if lean == "local":
        paras.append(f"{w['witness']}, who lives nearby, said she heard {rng.choice(['shouting', 'sirens', 'explosions'])} "
                     f"from early morning. \"Nobody told us anything,\" she said.")
        paras.append(f"The regional official {w['official']} reportedly promised an inquiry, but gave no date.")
    if lean == "gov":
        paras.append(f"Officials blamed {rng.choice(LOADED_GOV)} for spreading false figures online and warned that "
                     f"spreading fabricated reports is a criminal offence.")
    if lean == "opp":
        paras.append(f"What happened on {day_text(d)} was a {rng.choice(LOADED_OPP)}, and the world must not look away.")
        paras.append(f"The group called on international observers to open an independent investigation.")
    if rng.random() < 0.5:
        paras.append(f"It was the {rng.choice(['worst', 'second', 'third'])} such incident in {w['country']} "
                     f"since {d.year - rng.randint(1, 12)}.")
    return paras


def german_report(rng, w):
    k, d = w["k"], w["date"]
    return [
        f"In {w['place']} ist es am {d.day}. {MONATE[d.month - 1]} {d.year} zu einem schweren Zwischenfall gekommen. "
        f"Nach Angaben der Behörden waren rund {w['units']} Einsatzkräfte vor Ort.",
        f"Das Innenministerium von {w['country']} erklärte, es sei niemand ernsthaft verletzt worden. "
        f"Minister {w['minister']} sagte, man habe rechtmäßig gehandelt.",
        f"Die Gruppe {w['group']} sprach dagegen von mindestens {w['dead'] + 2} Toten. "
        f"Das Krankenhaus in {w['place']} behandelte nach eigenen Angaben mindestens {w['injured']} Verletzte.",
    ]


def front_matter(meta):
    lines = ["---"] + [f"{k}: {v}" for k, v in meta.items() if v] + ["---", ""]
    return "\n".join(lines)


def html_page(meta, paras):
    nav = "".join(f'<li><a href="/{s}">{s.title()}</a></li>' for s in ["world", "politics", "business", "sport"])
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paras)
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(meta['title'])} | "
            f"{html.escape(meta['source'])}</title>"
            f"<meta property='og:site_name' content='{html.escape(meta['source'])}'>"
            f"<meta property='article:published_time' content='{meta['published']}'></head><body>"
            f"<header><nav><ul>{nav}</ul></nav></header><main><article><h1>{html.escape(meta['title'])}</h1>"
            f"<p class='byline'>By {html.escape(meta['author'])}</p>{body}</article></main>"
            f"<aside><h2>Most read</h2><ul><li><a href='/x'>Weather warning for the weekend</a></li></ul></aside>"
            f"<footer><p>Share on Facebook · Share on X · Subscribe to our newsletter</p>"
            f"<p>© {meta['source']}</p></footer></body></html>")


def write_story(rng, root, index, n_docs):
    w = story_world(rng)
    folder = os.path.join(root, f"story-{index:04d}")
    os.makedirs(folder, exist_ok=True)
    slug = w["place"].lower()
    outlets = [
        ("gov", f"{w['country']} State Television"), ("gov", f"The {w['country']} Herald"),
        ("opp", f"Free {w['country']} Voice"), ("opp", f"{w['country']} Opposition Daily"),
        ("local", f"The {w['place']} Courier"), ("neutral", "The Evening Ledger"), ("neutral", "Lakeside Daily"),
    ] + [("wire", x) for x in WIRES]
    for i in range(n_docs):
        published = datetime.datetime.combine(w["date"], datetime.time(rng.randint(6, 22), rng.choice([0, 15, 30, 45])))
        published += datetime.timedelta(days=rng.choice([0, 0, 0, 1, 1, 2]))
        roll = rng.random()
        if roll < 0.12:
            handle = f"@{rng.choice(FIRST).lower()}_{rng.choice(LAST).lower()}{rng.randint(1, 99)}"
            text = rng.choice([
                f"Right now in {w['place']}: {w['what']}. At least {w['dead'] + rng.randint(0, 3)} dead, I saw it myself.",
                f"Officials say nobody was hurt in {w['place']}. That is a lie. The {w['hospital']} is full.",
                f"Thoughts with everyone in {w['place']} today. Stay safe and follow the {w['k']['authority']}.",
            ])
            meta = dict(source=handle, published=published.date().isoformat(),
                        url=f"https://social.example/{handle[1:]}/status/{rng.randrange(10**12)}")
            path = os.path.join(folder, f"{i:02d}-post.txt")
            content = front_matter(meta) + text + "\n"
        elif roll < 0.17:
            source = rng.choice(FOREIGN_DE)
            meta = dict(source=source, title=f"Zwischenfall in {w['place']}: Angaben widersprechen sich",
                        published=published.date().isoformat(),
                        url=f"https://{source.split()[0].lower()}.example/{slug}-{i}")
            path = os.path.join(folder, f"{i:02d}-de.md")
            content = front_matter(meta) + "\n\n".join(german_report(rng, w)) + "\n"
        else:
            lean, source = rng.choice(outlets)
            title = rng.choice([w["head"], f"{w['head']}; toll disputed", f"{w['head']}, {w['group']} says",
                                f"Questions mount after {w['what'].split(' at ')[0].split(' in ')[0]}"])
            meta = dict(source=source, title=title[0].upper() + title[1:], published=published.isoformat() + "Z",
                        author=name(rng), url=f"https://{source.lower().replace(' ', '')[:20]}.example/{slug}/{i}")
            paras = english_report(rng, w, lean, source)
            if rng.random() < 0.3:
                path = os.path.join(folder, f"{i:02d}-article.html")
                content = html_page(meta, paras)
            else:
                path = os.path.join(folder, f"{i:02d}-article.md")
                content = front_matter(meta) + "\n\n".join(paras) + "\n"
        with open(path, "w", encoding="utf-8") as f:
            f.write(content)
    return folder


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir")
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--min", type=int, default=10)
    ap.add_argument("--max", type=int, default=50)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.outdir, exist_ok=True)
    left, index, sizes = args.docs, 0, []
    while left > 0:
        n = min(left, rng.randint(args.min, args.max))
        write_story(rng, args.outdir, index, n)
        sizes.append(n)
        left -= n
        index += 1
    print(json.dumps({"stories": len(sizes), "documents": sum(sizes), "largest": max(sizes), "outdir": args.outdir}))


if __name__ == "__main__":
    main()
