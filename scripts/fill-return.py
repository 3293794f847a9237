#!/usr/bin/env python3
"""Fills a probity return in LibreOffice Calc, as a contributor would, and saves it.

Runs inside a headless LibreOffice through its Python bridge (UNO): opens RETURN.xlsx, types
into the entry cells of the "Questions" sheet as text a person would type (lower-case words,
a date in ISO form, a number), and saves it as OUT (.xlsx or .ods, by its extension).

Usage: fill-return.py PORT RETURN.xlsx OUT CELL=TEXT...
"""
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(port):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(100):
        try:
            return resolver.resolve(
                f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
        except Exception:
            time.sleep(0.2)
    sys.exit(f"fill-return: LibreOffice did not answer on port {port}")


def main():
    port, source, out, *typed = sys.argv[1:]
    ctx = connect(port)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL(
        uno.systemPathToFileUrl(source), "_blank", 0, (prop("Hidden", True),))
    sheet = doc.Sheets.getByName("Questions")
    for entry in typed:
        cell, text = entry.split("=", 1)
        # setFormula reads the text as Calc reads typing: numbers and dates become values.
        sheet.getCellRangeByName(cell).setFormula(text)
    flt = "calc8" if out.endswith(".ods") else "Calc MS Excel 2007 XML"
    doc.storeToURL(uno.systemPathToFileUrl(out), (prop("FilterName", flt),))
    doc.close(True)


main()
