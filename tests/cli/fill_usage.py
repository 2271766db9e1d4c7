#!/usr/bin/env python3
"""Adds visits to a usage.sqlite the kiosk created (its schema, its migrations): for `kiosk stats` tests,
and for showing the staff statistics screen and report with numbers that look like a real showroom.

Usage:
  fill_usage.py FILE PACK SESSIONS [LANGUAGE]      SESSIONS visits of 60 s to PACK, starting now
  fill_usage.py FILE --week CONTENT [--seed N]     a simulated week of visitors to the packs in CONTENT

The week covers the 7 x 24 hours up to now (so `kiosk stats --days 7` sees all of it): opening hours
Mon-Fri 9-18 with a midday peak, Saturday 10-14, Sunday closed, plus two visitors at an evening event
at 21:00, so that the hour table always has a cell small enough to be suppressed. Visitors open a few
packs (some far more popular than others), follow buttons between pages, answer quizzes (mostly
right), start practice forms and leave them at some step or finish them, sometimes switch language.
Every name written comes from the content (pack, page, flow, quiz and QR ids), as the kiosk writes it;
nothing resembling visitor input is generated. The same seed and the same moment give the same file."""
import argparse
import datetime
import pathlib
import random
import sqlite3
import time
import tomllib


def fill_simple(db, pack, sessions, language):
    minute = int(time.time()) // 60
    for _ in range(sessions):
        cur = db.execute("INSERT INTO sessions(started_minute, ended_minute, seconds, end_reason, language) VALUES (?, ?, 60, 'idle', ?)",
                         (minute, minute + 1, language))
        db.execute("INSERT INTO events(session_id, minute, kind, pack, page, value) VALUES (?, ?, 'page_view', ?, 'start', 60)",
                   (cur.lastrowid, minute, pack))


def load_content(folder):
    """Per pack: its start page and, per page, the pages its buttons lead to, the flows they open,
    its quizzes (with which answers are right) and its QR blocks; per flow, its number of steps."""
    packs = []
    for manifest in sorted(pathlib.Path(folder).glob("*/pack.toml")):
        meta = tomllib.loads(manifest.read_text(encoding="utf-8"))
        pages = {}
        for file in sorted((manifest.parent / "pages").glob("*.toml")):
            blocks = tomllib.loads(file.read_text(encoding="utf-8")).get("blocks", [])
            pages[file.stem] = {
                "links": [b["to"] for b in blocks if b.get("type") == "button" and "to" in b],
                "flows": [b["flow"] for b in blocks if b.get("type") == "button" and "flow" in b],
                "quizzes": [b["id"] for b in blocks if b.get("type") == "quiz"],
                "qr": [b["id"] for b in blocks if b.get("type") == "qr"],
            }
        flows = {f.stem: len(tomllib.loads(f.read_text(encoding="utf-8")).get("steps", []))
                 for f in sorted((manifest.parent / "flows").glob("*.toml"))}
        packs.append({"id": meta["id"], "start": meta.get("start_page", "start"), "pages": pages, "flows": flows})
    if not packs:
        raise SystemExit(f"fill_usage.py: no packs in {folder}")
    return packs


class Visit:
    """One visitor: collects events with the minute they happened in, as the kiosk's log stores them."""

    def __init__(self, start_minute):
        self.start = start_minute
        self.seconds = 0
        self.events = []  # (minute, kind, pack, page, item, value)

    def add(self, kind, pack="", page="", item="", value=0):
        self.events.append((self.start + self.seconds // 60, kind, pack, page, item, value))

    def wait(self, rng, low, high):
        self.seconds += rng.randint(low, high)


def simulate_visit(rng, packs, weights, start_minute, language):
    visit = Visit(start_minute)
    # Accessibility features, from a generator of their own: the rest of the week stays as it was.
    features = random.Random(start_minute * 7919)
    for feature, share in (("text-200", 0.10), ("high-contrast", 0.06), ("speech-guidance", 0.04)):
        if features.random() < share:
            visit.add("accessibility_on", item=feature)
    for pack in rng.choices(packs, weights=weights, k=rng.choice([1, 1, 1, 2, 2, 3])):
        page = pack["start"]
        for _ in range(rng.randint(1, 4)):
            info = pack["pages"].get(page, {"links": [], "flows": [], "quizzes": [], "qr": []})
            since = visit.seconds
            for qr in info["qr"]:
                visit.add("qr_shown", pack["id"], page, qr)
            visit.wait(rng, 8, 70)
            for quiz in info["quizzes"]:
                if rng.random() < 0.8:
                    right = rng.random() < 0.7
                    visit.add("quiz_answer", pack["id"], page, quiz, int(right))
                    if not right and rng.random() < 0.5:  # tries again after the feedback
                        visit.wait(rng, 3, 10)
                        visit.add("quiz_answer", pack["id"], page, quiz, 1)
            flows = [f for f in info["flows"] if f in pack["flows"]]
            if flows and rng.random() < 0.45:
                flow, steps = flows[0], pack["flows"][flows[0]]
                # Steps 1 ... steps are the form, steps + 1 its summary; fewer go on at each one.
                for step in range(1, steps + 2):
                    visit.add("flow_step", pack["id"], "", flow, step)
                    visit.wait(rng, 15, 90)
                    if rng.random() > (0.9 if step == steps + 1 else 0.78):
                        visit.add("flow_abandon", pack["id"], "", flow, step)
                        break
                else:
                    visit.add("flow_complete", pack["id"], "", flow)
                    visit.wait(rng, 10, 30)
            visit.add("page_view", pack["id"], page, "", visit.seconds - since)
            if not info["links"] or rng.random() < 0.25:
                break
            target = rng.choice(info["links"])
            visit.add("link_open", pack["id"], page, target)
            page = target
        if rng.random() < 0.08:
            visit.add("language_change", item=rng.choice(["en", "de-x-ls", "uk"]))
    return visit


def write_visit(db, visit, language, reason):
    cur = db.execute("INSERT INTO sessions(started_minute, ended_minute, seconds, end_reason, language) VALUES (?, ?, ?, ?, ?)",
                     (visit.start, visit.start + visit.seconds // 60, visit.seconds, reason, language))
    db.executemany("INSERT INTO events(session_id, minute, kind, pack, page, item, value) VALUES (?, ?, ?, ?, ?, ?, ?)",
                   [(cur.lastrowid, *event) for event in visit.events])


def visitors_expected(local):
    """Visitors per hour at this local time: a showroom's opening hours with a midday peak."""
    weekday, hour = local.weekday(), local.hour
    if weekday < 5 and 9 <= hour < 18:
        return 5.0 + (6.0 if 11 <= hour < 15 else 0.0)
    if weekday == 5 and 10 <= hour < 14:
        return 8.0
    return 0.0


def fill_week(db, content, seed):
    rng = random.Random(seed)
    packs = load_content(content)
    # A long tail: the first pack is about eight times as popular as the last.
    weights = [1.0 / (1 + 0.9 * i) for i in range(len(packs))]
    languages, language_weights = ["de", "en", "de-x-ls", "uk"], [70, 18, 8, 4]
    reasons, reason_weights = ["idle", "home", "staff"], [75, 23, 2]
    now = int(time.time()) // 60
    count = 0
    # Hour by hour through the last 7 days; minutes stay within (now - 7 days, now].
    for hour_start in range(now - 7 * 24 * 60 + 1, now, 60):
        local = datetime.datetime.fromtimestamp(hour_start * 60)
        expected = visitors_expected(local)
        for _ in range(sum(1 for _ in range(20) if rng.random() < expected / 20)):
            start = min(hour_start + rng.randrange(60), now)
            language = rng.choices(languages, weights=language_weights)[0]
            write_visit(db, simulate_visit(rng, packs, weights, start, language), language,
                        rng.choices(reasons, weights=reason_weights)[0])
            count += 1
    # The evening event: the last 21:00 local before now, two visitors, always a suppressed hour.
    evening = datetime.datetime.now().replace(hour=21, minute=10, second=0, microsecond=0)
    if evening.timestamp() > time.time():
        evening -= datetime.timedelta(days=1)
    for n in range(2):
        write_visit(db, simulate_visit(rng, packs, weights, int(evening.timestamp()) // 60 + n * 5, "de"), "de", "idle")
        count += 1
    return count


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file")
    parser.add_argument("pack", nargs="?")
    parser.add_argument("sessions", nargs="?", type=int)
    parser.add_argument("language", nargs="?", default="de")
    parser.add_argument("--week", metavar="CONTENT", help="simulate a week of visitors to the packs in CONTENT")
    parser.add_argument("--seed", type=int, default=1, help="the random seed of --week (default 1)")
    args = parser.parse_args()
    if bool(args.week) == (args.pack is not None):
        parser.error("give either PACK SESSIONS or --week CONTENT")
    db = sqlite3.connect(args.file)
    if args.week:
        print(f"fill_usage.py: {fill_week(db, args.week, args.seed)} simulated visits in {args.file}")
    else:
        if args.sessions is None:
            parser.error("PACK needs SESSIONS")
        fill_simple(db, args.pack, args.sessions, args.language)
    db.commit()


if __name__ == "__main__":
    main()
