#!/usr/bin/env python3
"""Checks a printed PDF page by page, reading it back with poppler's pdftotext:

- the protective marking appears at the top and at the foot of every page;
- every page says "Page n of N" with its own number and the right total;
- no word lies outside the page;
- each text given after the marking appears whole: Chromium clips text that would run off the
  edge, so a clipped answer shows up as a missing part of it.

Usage: check-print.py FILE.pdf PAGES MARKING [TEXT...]
"""

import subprocess
import sys
import xml.etree.ElementTree as ET


def pages(pdf):
    """Each page's size and its words with their boxes, from pdftotext's bounding-box output."""
    xhtml = subprocess.run(
        ["pdftotext", "-bbox", pdf, "-"], check=True, capture_output=True, text=True
    ).stdout
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    for page in ET.fromstring(xhtml).iter("{http://www.w3.org/1999/xhtml}page"):
        width, height = float(page.get("width")), float(page.get("height"))
        words = [
            (w.text or "", float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")))
            for w in page.findall("x:word", ns)
        ]
        yield width, height, words


def main():
    pdf, expected, marking = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    whole = sys.argv[4:]
    problems = []
    found = list(pages(pdf))
    if len(found) != expected:
        problems.append(f"{len(found)} pages read, {expected} expected")
    for number, (width, height, words) in enumerate(found, start=1):
        marks = [y for text, _, y, _ in words if text == marking]
        if not any(y < height * 0.1 for y in marks):
            problems.append(f"page {number}: no marking at the top")
        if not any(y > height * 0.9 for y in marks):
            problems.append(f"page {number}: no marking at the foot")
        text = " ".join(t for t, *_ in words)
        if f"Page {number} of {len(found)}" not in text:
            problems.append(f"page {number}: no 'Page {number} of {len(found)}'")
        for word, x_min, _, x_max in words:
            if x_min < 0 or x_max > width + 0.5:
                problems.append(f"page {number}: {word[:40]!r} runs off the page")
    # A line break splits a long word into pieces that follow each other in the text; joining
    # the words without spaces undoes that. Words of a table cell may be interleaved with other
    # cells', so each space-separated part of a text is looked for on its own.
    joined = "".join(text for _, _, words in found for text, *_ in words)
    for text in whole:
        if any(part not in joined for part in text.split()):
            problems.append(f"{text[:40]!r}… is not printed whole")
    for p in problems:
        print(f"check-print: {pdf}: {p}", file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
