#!/usr/bin/env python3
"""Adds visits to a usage.sqlite the kiosk created (its schema, its migrations): for `kiosk stats` tests.
Usage: fill_usage.py FILE PACK SESSIONS [LANGUAGE]  -- SESSIONS visits of 60 s to PACK, starting now."""
import sqlite3
import sys
import time

path, pack, sessions = sys.argv[1], sys.argv[2], int(sys.argv[3])
language = sys.argv[4] if len(sys.argv) > 4 else "de"
minute = int(time.time()) // 60
db = sqlite3.connect(path)
for _ in range(sessions):
    cur = db.execute("INSERT INTO sessions(started_minute, ended_minute, seconds, end_reason, language) VALUES (?, ?, 60, 'idle', ?)",
                     (minute, minute + 1, language))
    db.execute("INSERT INTO events(session_id, minute, kind, pack, page, value) VALUES (?, ?, 'page_view', ?, 'start', 60)",
               (cur.lastrowid, minute, pack))
db.commit()
