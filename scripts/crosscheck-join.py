#!/usr/bin/env python3
"""The baseline for the cross-check benchmark: a plain exact-name join in Python over the same
files (names lower-cased and stripped, nothing else), writing the matches as JSON.

    scripts/crosscheck-join.py GIFTS INTERESTS SUPPLIERS OUT
"""
import csv, json, sys

gifts, interests, suppliers, out = sys.argv[1:5]
with open(suppliers, newline="", encoding="utf-8") as f:
    r = csv.DictReader(f)
    by_name = {}
    for row in r:
        by_name.setdefault(row["Supplier Name"].strip().lower(), []).append(row)
matches = []
for register, path, column in (("gifts", gifts, "Offered by"), ("interests", interests, "Business or company")):
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for s in by_name.get(row[column].strip().lower(), ()):
                matches.append({"register": register, "declared": row[column], "supplier": s["Supplier Name"], "entry": row, "award": s})
with open(out, "w") as f:
    json.dump({"matches": matches}, f)
