#!/usr/bin/env python3
"""gen_ontology.py - compiles data/cameo-events.tsv, data/cameo-actors.tsv and data/modality-map.tsv
into C tables.

Usage: python3 tools/gen_ontology.py DATA_DIR OUTPUT        (make ontology)

Reads the two tab-separated files of DATA_DIR, checks every line, and writes OUTPUT (normally
src/ontology_data.inc, which src/ontology.c #includes) with two static const arrays:
`dy_cameo_table` (dyad_cameo, sorted by code) and `dy_actor_table` (dyad_actor_code, sorted by
code), and their lengths DY_CAMEO_COUNT and DY_ACTOR_COUNT.

Algorithm: each file is read line by line; '#' lines and blank lines are skipped, every other line
is split on tabs and validated (column count, code shape, unique code, Goldstein a number in
[-10, 10], known kind, printable ASCII names). The root, QuadClass and PentaClass of an event code
are derived from its first two digits rather than stored. The tables are then sorted by code in
byte order (the order strcmp gives, so the C side can binary-search) and checked for whole-table
rules (every code's root and 3-digit parent exist). Any error is reported as file:line and the
output is left untouched; the output is written to a temporary file and renamed into place.
Standard library only.
"""

import os
import re
import sys

EVENTS_FILE = "cameo-events.tsv"
ACTORS_FILE = "cameo-actors.tsv"
MODALITY_FILE = "modality-map.tsv"

KINDS = {"country": 0, "region": 1, "agent": 2, "igo": 3}

EVENT_CODE = re.compile(r"^[0-9]{2,4}$")
PLOVER_TYPE = re.compile(r"^[A-Z]+$")
PLOVER_MODE = re.compile(r"^[a-z][a-z_-]*$")
GOLDSTEIN = re.compile(r"^-?[0-9]{1,2}(?:\.[0-9]+)?$")
ACTOR_CODE = re.compile(r"^[A-Z]{3}$")
IGO_CODE = re.compile(r"^IGO(?:[A-Z]{3}){1,4}$")


class DataError(Exception):
    """A problem in an input file, located as path:line."""


def fail(path, line, msg):
    raise DataError("%s:%d: %s" % (path, line, msg))


def quad_class(root):
    """QuadClass of a root 1..20: verbal coop, material coop, verbal conflict, material conflict."""
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def penta_class(root):
    """PentaClass (Phoenix) of a root 1..20: 0 statements .. 4 material conflict."""
    if root <= 2:
        return 0
    if root <= 4:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def read_rows(path, ncols):
    """Yields (line number, columns) for every data line of a TSV file."""
    try:
        with open(path, encoding="ascii", newline="") as f:
            lines = f.read().split("\n")
    except UnicodeDecodeError as e:
        raise DataError("%s: not plain ASCII (%s)" % (path, e))
    except OSError as e:
        raise DataError("%s: %s" % (path, e.strerror or e))
    for num, raw in enumerate(lines, 1):
        line = raw.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != ncols:
            fail(path, num, "expected %d tab-separated columns, found %d" % (ncols, len(cols)))
        for c in cols:
            if c != c.strip():
                fail(path, num, "leading or trailing space in %r" % c)
            if any(ord(ch) < 0x20 or ord(ch) > 0x7e for ch in c):
                fail(path, num, "control character in %r" % c)
        yield num, cols


def read_events(path):
    events, seen = [], {}
    for num, (code, name, gold, ptype, pmode) in read_rows(path, 5):
        if not EVENT_CODE.match(code):
            fail(path, num, "bad event code %r (2 to 4 digits)" % code)
        root = int(code[:2])
        if not 1 <= root <= 20:
            fail(path, num, "event code %r: root %02d is not 01..20" % (code, root))
        if code in seen:
            fail(path, num, "duplicate event code %s (first on line %d)" % (code, seen[code]))
        seen[code] = num
        if not name:
            fail(path, num, "event code %s has no name" % code)
        if not GOLDSTEIN.match(gold):
            fail(path, num, "Goldstein value %r is not a decimal number" % gold)
        if not -10.0 <= float(gold) <= 10.0:
            fail(path, num, "Goldstein value %s out of [-10, 10]" % gold)
        if ptype and not PLOVER_TYPE.match(ptype):
            fail(path, num, "bad PLOVER type %r (upper-case letters)" % ptype)
        if pmode and not ptype:
            fail(path, num, "PLOVER mode %r without a PLOVER type" % pmode)
        if pmode and not PLOVER_MODE.match(pmode):
            fail(path, num, "bad PLOVER mode %r (lower-case word)" % pmode)
        events.append({"line": num, "code": code, "name": name, "goldstein": gold,
                       "root": code[:2], "quad": quad_class(root), "penta": penta_class(root),
                       "plover": ptype, "mode": pmode})
    if not events:
        raise DataError("%s: no event codes" % path)
    events.sort(key=lambda e: e["code"])
    for e in events:
        if e["root"] not in seen:
            fail(path, e["line"], "event code %s: its root %s is not listed"
                 % (e["code"], e["root"]))
        if len(e["code"]) == 4 and e["code"][:3] not in seen:
            fail(path, e["line"], "event code %s: its parent %s is not listed"
                 % (e["code"], e["code"][:3]))
    return events


def read_actors(path):
    actors, seen = [], {}
    for num, (code, kind, name) in read_rows(path, 3):
        if kind not in KINDS:
            fail(path, num, "unknown kind %r (country, region, agent or igo)" % kind)
        shape = IGO_CODE if kind == "igo" else ACTOR_CODE
        if not shape.match(code):
            fail(path, num, "bad %s code %r" % (kind, code))
        if code in seen:
            fail(path, num, "duplicate actor code %s (first on line %d)" % (code, seen[code]))
        seen[code] = num
        if not name:
            fail(path, num, "actor code %s has no name" % code)
        actors.append({"code": code, "kind": KINDS[kind], "name": name})
    if not actors:
        raise DataError("%s: no actor codes" % path)
    actors.sort(key=lambda a: a["code"])
    return actors


def c_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def c_double(text):
    """The Goldstein value as a C double literal, keeping the file's digits ("1.9", "-10.0")."""
    return text if "." in text else text + ".0"


def read_modality(path, event_codes):
    rows, seen = [], set()
    for num, (action, intent, refusal) in read_rows(path, 3):
        if not EVENT_CODE.match(action) or action in seen:
            fail(path, num, "bad or repeated action code %r" % action)
        seen.add(action)
        for c in (intent, refusal):
            if c != "-" and c not in event_codes:
                fail(path, num, "unknown event code %r" % c)
        rows.append({"action": action, "intent": "" if intent == "-" else intent,
                     "refusal": "" if refusal == "-" else refusal})
    rows.sort(key=lambda r: r["action"].encode("ascii"))
    return rows


def render(events, actors, modality):
    out = []
    w = out.append
    w("/*\n")
    w(" * ontology_data.inc - the CAMEO event and actor code tables, included by ontology.c.\n")
    w(" *\n")
    w(" * generated by tools/gen_ontology.py, do not edit: change data/%s or\n" % EVENTS_FILE)
    w(" * data/%s and run `make ontology`. Both arrays are sorted by code in strcmp\n"
      % ACTORS_FILE)
    w(" * order. Event fields: code, name, goldstein, root, quad, penta, plover, plover_mode.\n")
    w(" * Actor fields: code, name, kind (0 country, 1 region, 2 agent, 3 IGO).\n")
    w(" */\n\n")
    w("enum { DY_CAMEO_COUNT = %d, DY_ACTOR_COUNT = %d };\n\n" % (len(events), len(actors)))
    w("static const dyad_cameo dy_cameo_table[] = {\n")
    for e in events:
        w("    {%s, %s, %s, %s, %d, %d, %s, %s},\n"
          % (c_string(e["code"]), c_string(e["name"]), c_double(e["goldstein"]),
             c_string(e["root"]), e["quad"], e["penta"], c_string(e["plover"]),
             c_string(e["mode"])))
    w("};\n\n")
    w("static const dyad_actor_code dy_actor_table[] = {\n")
    for a in actors:
        w("    {%s, %s, %d},\n" % (c_string(a["code"]), c_string(a["name"]), a["kind"]))
    w("};\n\n")
    w("/* data/%s: action code prefix, intent code, refusal code (\"\" = none) */\n" % MODALITY_FILE)
    w("enum { DY_MODALITY_COUNT = %d };\n" % len(modality))
    w("static const struct dy_modality_row { const char *action, *intent, *refusal; } dy_modality_table[] = {\n")
    for m in modality:
        w("    {%s, %s, %s},\n" % (c_string(m["action"]), c_string(m["intent"]), c_string(m["refusal"])))
    w("};\n")
    return "".join(out)


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: gen_ontology.py DATA_DIR OUTPUT\n")
        return 2
    data_dir, output = argv[1], argv[2]
    try:
        events = read_events(os.path.join(data_dir, EVENTS_FILE))
        actors = read_actors(os.path.join(data_dir, ACTORS_FILE))
        modality = read_modality(os.path.join(data_dir, MODALITY_FILE), set(e["code"] for e in events))
    except DataError as e:
        sys.stderr.write("gen_ontology: %s\n" % e)
        return 1
    text = render(events, actors, modality)
    tmp = output + ".tmp"
    with open(tmp, "w", encoding="ascii", newline="\n") as f:
        f.write(text)
    os.replace(tmp, output)
    sys.stdout.write("gen_ontology: %d event codes, %d actor codes -> %s\n"
                     % (len(events), len(actors), output))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
