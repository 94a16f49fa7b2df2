#!/usr/bin/env python3
"""Writes the Anki packages the tests import (issue 18), from scratch.

    make_fixtures.py DIR

Writes into DIR:
  legacy.apkg      collection.anki2 (schema 11: note types and decks as JSON
                   in the col table), no meta: Basic, Basic (and reversed
                   card), typed and Cloze notes, a note that is only an
                   image, media, and a review log with learning, review,
                   lapse, manual, cram and reset entries
  modern.colpkg    collection.anki21b (schema 18, zstd, protobuf configs,
                   names declared COLLATE unicase) beside the placeholder
                   collection.anki2 and a meta of version 3
  dummy.apkg       only the placeholder collection.anki2 (and meta 3)
  corrupt.apkg     not a zip file
  truncated.apkg   modern.colpkg cut in half
  legacy.expected  rows the import must produce, for the test to compare

Needs python3 (sqlite3, zipfile) and the zstd command.
"""
import json
import os
import sqlite3
import subprocess
import sys
import zipfile

CRT = 1767225600  # 2026-01-01T00:00:00Z, the collections' creation
DAY = 86400


def ms(day, hour=9):
    """Unix ms of a day after CRT at an hour (UTC)."""
    return (CRT + day * DAY + hour * 3600) * 1000


def pb_varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def pb_field(num, wire, payload):
    key = pb_varint((num << 3) | wire)
    if wire == 0:
        return key + pb_varint(payload)
    data = payload.encode() if isinstance(payload, str) else payload
    return key + pb_varint(len(data)) + data


BASIC_Q = "{{Front}}"
BASIC_A = "{{FrontSide}}<hr id=answer>{{Back}}"
NOTETYPES = [
    # id, name, cloze, fields, templates (name, qfmt, afmt)
    (1001, "Basic", False, ["Front", "Back"], [("Card 1", BASIC_Q, BASIC_A)]),
    (1002, "Basic (and reversed card)", False, ["Front", "Back"],
     [("Card 1", BASIC_Q, BASIC_A),
      ("Card 2", "{{Back}}", "{{FrontSide}}<hr id=answer>{{Front}}")]),
    (1003, "Basic (type in the answer)", False, ["Front", "Back"],
     [("Card 1", "{{Front}}\n\n{{type:Back}}", "{{Front}}<hr id=answer>{{type:Back}}")]),
    (1004, "Cloze", True, ["Text", "Back Extra"],
     [("Cloze", "{{cloze:Text}}", "{{cloze:Text}}<br>\n{{Back Extra}}")]),
]
DECKS = [(1, "Default"), (2000, "Leadership::Ownership")]

# id, mid, fields, tags
NOTES = [
    (1700000000001, 1001, ["What does <b>STAR</b> stand for?",
                           "Situation, Task,<br>Action, Result"], " star interview "),
    (1700000000002, 1002, ["Bar raiser", "An interviewer from outside the hiring team"], ""),
    (1700000000003, 1003, ["Which principle starts from the customer?",
                           "Customer Obsession"], "lp"),
    (1700000000004, 1004, ["{{c1::Ownership}} means acting on behalf of the "
                           "{{c2::entire company::scope}}.<div><ul><li>long term</li></ul></div>",
                           "Extra &amp; more"], "lp"),
    (1700000000005, 1001, ['<img src="diagram.png">', "A diagram [sound:voice.mp3]"], ""),
]

# card id, nid, did, ord, type, queue, due, ivl, factor, reps, lapses
CARDS = [
    (1, 1700000000001, 2000, 0, 2, 2, 40, 9, 2350, 6, 1),   # complete history
    (2, 1700000000002, 2000, 0, 0, 0, 1, 0, 0, 0, 0),       # new
    (3, 1700000000002, 2000, 1, 2, -1, 30, 12, 2500, 3, 0),  # reversed, suspended, no history
    (4, 1700000000003, 1, 0, 2, 2, 50, 20, 2500, 4, 0),     # typed, no history: from interval
    (5, 1700000000004, 2000, 0, 2, 2, 45, 15, 2650, 3, 0),  # cloze 1, incomplete history
    (6, 1700000000004, 2000, 1, 1, 1, 0, 0, 2500, 2, 0),    # cloze 2, learning after a reset
    (7, 1700000000005, 1, 0, 0, 0, 2, 0, 0, 0, 0),          # image only: not imported
]

# review id (ms), card, ease, type, ivl, lastIvl, factor, time (ms)
REVLOG = [
    (ms(0), 1, 3, 0, -600, -60, 0, 8000),
    (ms(0, 10), 1, 3, 0, 1, -600, 2500, 6000),
    (ms(1), 1, 3, 1, 3, 1, 2500, 5000),
    (ms(4), 1, 1, 1, -600, 3, 2300, 9000),
    (ms(4, 10), 1, 3, 2, 2, -600, 2300, 4000),
    (ms(5), 1, 0, 4, 7, 2, 2300, 0),        # manual: set due date
    (ms(6), 1, 0, 3, 2, 2, 2300, 3000),     # cram without rescheduling
    (ms(8), 1, 4, 1, 9, 2, 2350, 3000),
    (ms(20), 5, 3, 1, 15, 6, 2650, 7000),   # history starts with a review
    (ms(10), 6, 3, 0, 1, -600, 2500, 5000),
    (ms(12), 6, 0, 4, 0, 1, 2500, 0),       # reset to new (Forget)
    (ms(13), 6, 1, 0, -60, 0, 0, 4000),
    (ms(13, 10), 6, 3, 0, -600, -60, 0, 4000),
]


def cards_notes_revlog(db):
    db.executescript("""
        CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null,
          mod integer not null, usn integer not null, tags text not null, flds text not null,
          sfld integer not null, csum integer not null, flags integer not null,
          data text not null);
        CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null,
          ord integer not null, mod integer not null, usn integer not null,
          type integer not null, queue integer not null, due integer not null,
          ivl integer not null, factor integer not null, reps integer not null,
          lapses integer not null, left integer not null, odue integer not null,
          odid integer not null, flags integer not null, data text not null);
        CREATE TABLE revlog (id integer primary key, cid integer not null,
          usn integer not null, ease integer not null, ivl integer not null,
          lastIvl integer not null, factor integer not null, time integer not null,
          type integer not null);
    """)


def fill(db, notes, cards, revlog):
    for nid, mid, flds, tags in notes:
        db.execute("INSERT INTO notes VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                   (nid, "g%d" % nid, mid, 0, 0, tags, "\x1f".join(flds), flds[0], 0, 0, ""))
    for c in cards:
        cid, nid, did, ord_, typ, queue, due, ivl, factor, reps, lapses = c
        db.execute("INSERT INTO cards VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                   (cid, nid, did, ord_, 0, 0, typ, queue, due, ivl, factor, reps, lapses,
                    0, 0, 0, 0, ""))
    for r in revlog:
        rid, cid, ease, typ, ivl, last, factor, time = r
        db.execute("INSERT INTO revlog VALUES (?,?,?,?,?,?,?,?,?)",
                   (rid, cid, 0, ease, ivl, last, factor, time, typ))


def legacy_collection(path, notetypes, decks, notes, cards, revlog):
    if os.path.exists(path):
        os.unlink(path)
    db = sqlite3.connect(path)
    db.executescript("""
        CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null,
          scm integer not null, ver integer not null, dty integer not null,
          usn integer not null, ls integer not null, conf text not null,
          models text not null, decks text not null, dconf text not null,
          tags text not null);
    """)
    models = {}
    for mid, name, cloze, fields, tmpls in notetypes:
        models[str(mid)] = {
            "id": mid, "name": name, "type": 1 if cloze else 0,
            "flds": [{"name": f, "ord": i} for i, f in enumerate(fields)],
            "tmpls": [{"name": t[0], "ord": i, "qfmt": t[1], "afmt": t[2]}
                      for i, t in enumerate(tmpls)],
        }
    deckj = {str(d): {"id": d, "name": n} for d, n in decks}
    db.execute("INSERT INTO col VALUES (1,?,0,0,11,0,0,0,'{}',?,?,'{}','{}')",
               (CRT, json.dumps(models), json.dumps(deckj)))
    cards_notes_revlog(db)
    fill(db, notes, cards, revlog)
    db.commit()
    db.close()


def unicase(a, b):
    a, b = a.lower(), b.lower()
    return (a > b) - (a < b)


def modern_collection(path):
    if os.path.exists(path):
        os.unlink(path)
    db = sqlite3.connect(path)
    db.create_collation("unicase", unicase)
    db.executescript("""
        CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null,
          scm integer not null, ver integer not null, dty integer not null,
          usn integer not null, ls integer not null, conf text not null,
          models text not null, decks text not null, dconf text not null,
          tags text not null);
        CREATE TABLE notetypes (id integer not null primary key,
          name text not null COLLATE unicase, mtime_secs integer not null,
          usn integer not null, config blob not null);
        CREATE UNIQUE INDEX idx_notetypes_name ON notetypes (name);
        CREATE TABLE fields (ntid integer not null, ord integer not null,
          name text not null COLLATE unicase, config blob not null,
          PRIMARY KEY (ntid, ord)) without rowid;
        CREATE TABLE templates (ntid integer not null, ord integer not null,
          name text not null COLLATE unicase, mtime_secs integer not null,
          usn integer not null, config blob not null,
          PRIMARY KEY (ntid, ord)) without rowid;
        CREATE TABLE decks (id integer primary key not null,
          name text not null COLLATE unicase, mtime_secs integer not null,
          usn integer not null, common blob not null, kind blob not null);
        CREATE UNIQUE INDEX idx_decks_name ON decks (name);
    """)
    db.execute("INSERT INTO col VALUES (1,?,0,0,18,0,0,0,'','','','','')", (CRT,))
    for mid, name, cloze, fields, tmpls in NOTETYPES:
        # Notetype.Config: kind = 1 (1: cloze), css = 3, and an unknown
        # field 99 that a reader must skip.
        config = pb_field(3, 2, ".card {}") + pb_field(99, 0, 7)
        if cloze:
            config = pb_field(1, 0, 1) + config
        db.execute("INSERT INTO notetypes VALUES (?,?,0,0,?)", (mid, name, config))
        for i, f in enumerate(fields):
            db.execute("INSERT INTO fields VALUES (?,?,?,?)", (mid, i, f, b""))
        for i, (tname, q, a) in enumerate(tmpls):
            # Template.Config: q_format = 1, a_format = 2, target deck 5.
            tconf = pb_field(1, 2, q) + pb_field(2, 2, a) + pb_field(5, 0, 0)
            db.execute("INSERT INTO templates VALUES (?,?,?,0,0,?)", (mid, i, tname, tconf))
    for did, name in DECKS:
        db.execute("INSERT INTO decks VALUES (?,?,0,0,?,?)",
                   (did, name.replace("::", "\x1f"), b"", b""))
    cards_notes_revlog(db)
    fill(db, NOTES, CARDS, REVLOG)
    db.commit()
    db.close()


DUMMY_NOTE = [(1, 1001, ["This file requires a newer version of Anki.",
                         "Please update to the latest Anki version, then import the "
                         ".colpkg/.apkg file again."], "")]
DUMMY_CARD = [(1, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0)]


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    tmp = os.path.join(out, "tmp")
    os.makedirs(tmp, exist_ok=True)
    meta = pb_field(1, 0, 3)

    legacy_collection(os.path.join(tmp, "legacy.anki2"), NOTETYPES, DECKS, NOTES, CARDS, REVLOG)
    with zipfile.ZipFile(os.path.join(out, "legacy.apkg"), "w", zipfile.ZIP_DEFLATED) as z:
        z.write(os.path.join(tmp, "legacy.anki2"), "collection.anki2")
        z.writestr("media", json.dumps({"0": "diagram.png", "1": "voice.mp3"}))
        z.writestr("0", b"\x89PNG fake")
        z.writestr("1", b"ID3 fake")

    legacy_collection(os.path.join(tmp, "dummy.anki2"), NOTETYPES[:1], DECKS[:1], DUMMY_NOTE,
                      DUMMY_CARD, [])
    modern_collection(os.path.join(tmp, "modern.anki21"))
    subprocess.run(["zstd", "-q", "-f", "-o", os.path.join(tmp, "modern.anki21b"),
                    os.path.join(tmp, "modern.anki21")], check=True)
    with zipfile.ZipFile(os.path.join(out, "modern.colpkg"), "w", zipfile.ZIP_STORED) as z:
        z.write(os.path.join(tmp, "dummy.anki2"), "collection.anki2")
        z.write(os.path.join(tmp, "modern.anki21b"), "collection.anki21b")
        z.writestr("meta", meta)
        z.writestr("media", b"")
    with zipfile.ZipFile(os.path.join(out, "dummy.apkg"), "w", zipfile.ZIP_DEFLATED) as z:
        z.write(os.path.join(tmp, "dummy.anki2"), "collection.anki2")
        z.writestr("meta", meta)
    # The same placeholder without meta: found by its one "please update" note.
    with zipfile.ZipFile(os.path.join(out, "dummy-nometa.apkg"), "w") as z:
        z.write(os.path.join(tmp, "dummy.anki2"), "collection.anki2")
    with open(os.path.join(out, "corrupt.apkg"), "wb") as f:
        f.write(b"this is not a zip file\n" * 20)
    data = open(os.path.join(out, "modern.colpkg"), "rb").read()
    with open(os.path.join(out, "truncated.apkg"), "wb") as f:
        f.write(data[: len(data) // 2])
    for name in os.listdir(tmp):
        os.unlink(os.path.join(tmp, name))
    os.rmdir(tmp)


if __name__ == "__main__":
    main()
