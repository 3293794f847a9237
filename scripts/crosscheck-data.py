#!/usr/bin/env python3
"""Writes a force's whole history for the cross-check benchmark: a gifts register, an interests
register and a supplier file (CSV), with realistic names: suppliers' names varied as registers
write them, and decoys sharing their words. Deterministic for a seed.

    scripts/crosscheck-data.py OUT_DIR [GIFTS INTERESTS SUPPLIERS]
"""
import csv, os, random, sys

out = sys.argv[1]
gifts_n, interests_n, suppliers_n = (int(x) for x in (sys.argv[2:5] or (200_000, 20_000, 15_000)))
rng = random.Random(25)
syll = "zen tri cal dor vex lum qua nor bel sar tek mon rix pha gen ova tal kor vin sol dra fel mar ost pel bri cor dun ash".split()
surnames = [a.capitalize() + b for a in syll for b in ("ley", "ton", "worth", "by", "field", "son")]
places = [a.capitalize() + b for a in syll for b in ("moor", "bury", "dale", "ford")]
sectors = "Security Fleet Facilities Catering Uniforms Forensics Software Cleaning Vehicles Radio Training Recruitment Legal Print Furniture Custody Medical Interpreting Towing Locksmiths Glazing Roofing Electrical Plumbing Scaffolding Couriers Translation Telecoms Kennels".split()
generic = "Services Solutions Group Systems Consulting Management Associates Partners Holdings".split()
trades = "Bakery Florist Butchers Tearooms Brewery Dental Bookshop Hotel Inn Opticians Pharmacy".split()
suffixes = ["Ltd", "Limited", "PLC", "LLP", "(UK) Ltd"]

def brand():
    return "".join(rng.choice(syll) for _ in range(rng.randint(2, 3))).capitalize()

def supplier():
    k = rng.randrange(5)
    s = rng.choice(suffixes)
    if k == 0: return f"{rng.choice(surnames)} {rng.choice(sectors)} {s}"
    if k == 1: return f"{rng.choice(surnames)} {rng.choice(sectors)} {rng.choice(generic)} {s}"
    if k == 2: return f"{brand()} {rng.choice(generic)} {s}"
    if k == 3: return f"{rng.choice(surnames)} & {rng.choice(surnames)} {s}"
    return f"{rng.choice(places)} {rng.choice(sectors)} {rng.choice(generic)} {s}"

def variant(name):
    k = rng.randrange(6)
    if k == 0: return name.upper()
    if k == 1: return "The " + name
    if k == 2: return name.rsplit(" ", 1)[0]
    if k == 3: return name.replace(" & ", " and ")
    if k == 4:
        w = list(name); i = rng.randrange(1, max(2, len(w) - 2)); w[i], w[i + 1] = w[i + 1], w[i]; return "".join(w)
    return name

suppliers = []
seen = set()
while len(suppliers) < suppliers_n:
    n = supplier()
    if n not in seen:
        seen.add(n); suppliers.append(n)

def date():
    return f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2015, 2025)}"

def declared():
    k = rng.randrange(10)
    if k < 2: return variant(rng.choice(suppliers))
    if k < 4: return rng.choice(suppliers).split(" ")[0] + " " + rng.choice(trades)
    return f"{rng.choice(surnames)} {rng.choice(trades)}"

os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "suppliers.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["Payment date", "Supplier Name", "Expense type", "Amount"])
    for i in range(suppliers_n * 4):
        w.writerow([date(), suppliers[i % suppliers_n], rng.choice(sectors), rng.randint(500, 90000)])
with open(os.path.join(out, "gifts.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["Date received", "Name of officer", "Offered by", "Description", "Estimated value (£)", "Accepted or declined"])
    for _ in range(gifts_n):
        w.writerow([date(), f"PC {rng.choice(surnames)}", declared(), "Hospitality", rng.randint(5, 500), rng.choice(["Accepted", "Declined"])])
with open(os.path.join(out, "interests.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["Staff name", "Business or company", "Nature of interest", "Date declared"])
    for _ in range(interests_n):
        w.writerow([f"DC {rng.choice(surnames)}", declared(), "Director", date()])
