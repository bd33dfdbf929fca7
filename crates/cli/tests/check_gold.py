#!/usr/bin/env python3
"""Sanity check for a held-out set's gold.json: titles, surface forms and zones against its
articles/*.txt. Usage: check_gold.py DIR (e.g. crates/cli/tests/heldout2)."""
import json, os, re, sys

if len(sys.argv) != 2:
    sys.exit(__doc__)
D = os.path.abspath(sys.argv[1])
gold = json.load(open(os.path.join(D, "gold.json"), encoding="utf-8"))
errors = []

def occurs(form, text):
    # exact substring, not glued to letters/digits on either side (hyphen, apostrophe, slash are fine)
    return re.search(r"(?<![\w])" + re.escape(form) + r"(?![\w])", text) is not None

files = sorted(f for f in os.listdir(os.path.join(D, "articles")) if f.endswith(".txt"))
keys = sorted(k for k in gold if k.endswith(".txt"))
if files != keys:
    errors.append(f"file list mismatch: {files} vs {keys}")
for f in keys:
    text = open(os.path.join(D, "articles", f), encoding="utf-8").read()
    lines = text.split("\n")
    if text.endswith("\n"):
        errors.append(f"{f}: ends with newline")
    if len(lines) < 3 or lines[1] != "":
        errors.append(f"{f}: line 2 must be blank")
    title, body = lines[0], "\n".join(lines[2:])
    words = len(text.split())
    if not 250 <= words <= 450:
        errors.append(f"{f}: {words} words")
    arts = gold[f]
    if len(arts) != 1 or arts[0]["index"] != 0 or arts[0]["duplicate_of"] is not None:
        errors.append(f"{f}: expected one article, index 0, duplicate_of null")
    a = arts[0]
    if a["title"] != title:
        errors.append(f"{f}: title mismatch {a['title']!r} != {title!r}")
    names = [e["name"] for e in a["entities"]]
    if len(names) != len(set(names)):
        errors.append(f"{f}: duplicate entity names")
    if not 8 <= len(names) <= 20:
        errors.append(f"{f}: {len(names)} entities")
    for e in a["entities"]:
        if e["type"] not in ("PERSON", "ORG", "PLACE"):
            errors.append(f"{f}: bad type {e}")
        if len(e["surface_forms"]) != len(set(e["surface_forms"])):
            errors.append(f"{f}: repeated surface form in {e['name']}")
        zones = set()
        for s in e["surface_forms"]:
            if s not in text:
                errors.append(f"{f}: {e['name']}: {s!r} not a substring")
            elif not occurs(s, text):
                errors.append(f"{f}: {e['name']}: {s!r} only inside a longer word")
            if occurs(s, title): zones.add("title")
            if occurs(s, body): zones.add("body")
        if zones != set(e["zones"]):
            errors.append(f"{f}: {e['name']}: zones {e['zones']} but found {sorted(zones)}")
    for d in a.get("demonyms", []):
        if not occurs(d["form"], text):
            errors.append(f"{f}: demonym {d['form']!r} not found")
        if any(d["form"] in e["surface_forms"] for e in a["entities"]):
            errors.append(f"{f}: demonym {d['form']!r} listed as surface form")

for grp in gold.get("cross_file_aliases", []):
    for o in grp["occurrences"]:
        e = [x for x in gold[o["file"]][o["index"]]["entities"] if x["name"] == grp["canonical"]]
        if len(e) != 1 or e[0]["surface_forms"] != o["surface_forms"] or e[0]["type"] != grp["type"]:
            errors.append(f"alias {grp['canonical']}: occurrence in {o['file']} inconsistent")
    allf = {s for o in grp["occurrences"] for s in o["surface_forms"]}
    if allf != set(grp["variants"]):
        errors.append(f"alias {grp['canonical']}: variants != union of surface forms")
for grp in gold.get("distinct_lookalikes", []):
    allnames = {e["name"] for f in keys for e in gold[f][0]["entities"]}
    for n in grp["names"]:
        if n not in allnames:
            errors.append(f"lookalike {n!r} is not a canonical name")
# a canonical name must have one type corpus-wide
types = {}
for f in keys:
    for e in gold[f][0]["entities"]:
        types.setdefault(e["name"], set()).add(e["type"])
errors += [f"{n}: several types {t}" for n, t in types.items() if len(t) > 1]
if gold.get("unique_articles") != len(keys):
    errors.append("unique_articles mismatch")

print("\n".join(errors) if errors else f"OK: {len(keys)} files, {sum(len(gold[f][0]['entities']) for f in keys)} entity entries")
sys.exit(1 if errors else 0)
