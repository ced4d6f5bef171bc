#!/usr/bin/env python3
"""Check the knowledge files in assets/: gazetteer.toml and conflicts.toml.

Usage: python3 tools/check_assets.py [GAZETTEER] [CONFLICTS]

Checks that both files parse, that every entry has the fields the program needs with
valid values, that no name or alias is shared by two entries of the gazetteer, and that
the conflict taxonomy follows its own rules (canonical names, words shared by two
conflicts only as actors, no generic words). Exits 1 and lists the problems if any.
"""

import datetime
import re
import sys
import tomllib
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CANONICAL_CONFLICTS = [
    "Russia–Ukraine war", "Israel–Iran war", "Iran nuclear dispute", "Gaza war",
    "Israel–Hezbollah conflict", "Syrian civil war", "Yemen / Red Sea crisis",
    "Sudan civil war", "India–Pakistan conflict", "Armenia–Azerbaijan conflict",
    "DR Congo–M23 conflict", "Sahel insurgency", "Myanmar civil war",
    "Taiwan Strait tensions", "Korean Peninsula tensions",
    "Venezuela–United States tensions", "Thailand–Cambodia border conflict",
    "Ethiopia conflicts", "Libya conflict", "Afghanistan",
]

# Never evidence for a conflict: generic words and great powers party to everything.
FORBIDDEN_CONFLICT_WORDS = {
    "russia", "russian", "russians", "moscow", "kremlin", "united states", "us", "u.s.",
    "usa", "america", "american", "americans", "washington", "white house", "pentagon",
    "china", "chinese", "beijing", "ceasefire", "cease-fire", "truce", "war", "peace",
    "talks", "troops", "army", "military", "strike", "strikes", "attack", "attacks",
    "hostage", "hostages", "conflict", "negotiations", "sanctions", "missile", "missiles",
    "drone", "drones", "nuclear", "un", "united nations",
}


def key(text):
    """Comparison key: case, accents, apostrophes, dashes, spacing and a leading "the" ignored."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = t.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    t = re.sub(r"\s+", " ", t).strip().casefold()
    return re.sub(r"^the ", "", t)


def parse_date(value, where, problems):
    if value is None:
        return None
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        problems.append(f"{where}: date {value!r} is not a YYYY-MM-DD string")
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        problems.append(f"{where}: {value!r} is not a real date")
        return None


def check_gazetteer(path):
    problems = []
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    unknown = set(data) - {"person", "institution"}
    if unknown:
        problems.append(f"unknown top-level keys: {sorted(unknown)}")
    owners = {}  # comparison key -> first entry that uses it

    def claim(text, entry, where):
        if not isinstance(text, str) or not text.strip():
            problems.append(f"{where}: empty name or alias")
            return
        if text != text.strip():
            problems.append(f"{where}: {text!r} has leading/trailing spaces")
        k = key(text)
        owner = owners.setdefault(k, entry)
        if owner != entry:
            problems.append(f"{where}: {text!r} is also a name or alias of {owner}")

    for kind in ("person", "institution"):
        for i, e in enumerate(data.get(kind, [])):
            name = e.get("name")
            entry = f"{kind} {name!r}"
            where = f"{kind} #{i + 1} {name!r}"
            allowed = {"name", "aliases", "gender", "country", "roles"} if kind == "person" \
                else {"name", "aliases", "country"}
            extra = set(e) - allowed
            if extra:
                problems.append(f"{where}: unknown fields {sorted(extra)}")
            if not isinstance(e.get("country"), str) or not e["country"].strip():
                problems.append(f"{where}: missing country")
            aliases = e.get("aliases", [])
            if not isinstance(aliases, list):
                problems.append(f"{where}: aliases is not a list")
                aliases = []
            for text in aliases:
                if text == name or aliases.count(text) > 1:
                    problems.append(f"{where}: alias {text!r} repeats the name or another alias")
            seen = set()
            for text in [name, *aliases]:
                k = key(text) if isinstance(text, str) else None
                if k in seen:
                    continue  # the same spelling twice in one entry (e.g. with and without accents)
                seen.add(k)
                claim(text, entry, where)
            if kind == "person":
                if e.get("gender") not in ("male", "female"):
                    problems.append(f"{where}: gender must be \"male\" or \"female\"")
                roles = e.get("roles")
                if not isinstance(roles, list) or not roles:
                    problems.append(f"{where}: needs at least one role")
                    continue
                for j, r in enumerate(roles):
                    rw = f"{where} role #{j + 1}"
                    if set(r) - {"title", "from", "to"}:
                        problems.append(f"{rw}: unknown fields {sorted(set(r) - {'title', 'from', 'to'})}")
                    if not isinstance(r.get("title"), str) or not r["title"].strip():
                        problems.append(f"{rw}: missing title")
                    start = parse_date(r.get("from"), rw, problems)
                    end = parse_date(r.get("to"), rw, problems)
                    if start and end and start > end:
                        problems.append(f"{rw}: from {start} is after to {end}")
    counts = {kind: len(data.get(kind, [])) for kind in ("person", "institution")}
    return problems, counts


def check_conflicts(path):
    problems = []
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    unknown = set(data) - {"no_conflict_topics", "conflict"}
    if unknown:
        problems.append(f"unknown top-level keys: {sorted(unknown)}")
    topics = data.get("no_conflict_topics", [])
    for t in topics:
        if t != t.lower():
            problems.append(f"no_conflict_topics: {t!r} is not lowercase")
    dupes = {t for t in topics if topics.count(t) > 1}
    if dupes:
        problems.append(f"no_conflict_topics: duplicates {sorted(dupes)}")

    conflicts = data.get("conflict", [])
    names = [c.get("name") for c in conflicts]
    if names != CANONICAL_CONFLICTS:
        missing = [n for n in CANONICAL_CONFLICTS if n not in names]
        extra = [n for n in names if n not in CANONICAL_CONFLICTS]
        if missing or extra:
            problems.append(f"conflict names: missing {missing}, not canonical {extra}")

    # word key -> list of (conflict, field)
    uses = {}
    for c in conflicts:
        cname = c.get("name")
        extra = set(c) - {"name", "aliases", "keywords", "places", "actors", "start", "end"}
        if extra:
            problems.append(f"{cname}: unknown fields {sorted(extra)}")
        start = parse_date(c.get("start"), cname, problems)
        end = parse_date(c.get("end"), cname, problems)
        if start and end and start > end:
            problems.append(f"{cname}: start {start} is after end {end}")
        for field in ("aliases", "keywords", "places", "actors"):
            words = c.get(field, [])
            if not isinstance(words, list):
                problems.append(f"{cname}.{field}: not a list")
                continue
            for w in words:
                if not isinstance(w, str) or not w.strip():
                    problems.append(f"{cname}.{field}: empty word")
                    continue
                k = key(w)
                if k in FORBIDDEN_CONFLICT_WORDS:
                    problems.append(f"{cname}.{field}: {w!r} is generic or a great power")
                uses.setdefault(k, []).append((cname, field))
            exact = {w for w in words if isinstance(w, str) and words.count(w) > 1}
            for w in sorted(exact):
                problems.append(f"{cname}.{field}: {w!r} listed twice")
    for k, where in uses.items():
        owners = {c for c, _ in where}
        if len(owners) > 1:
            strong = [f"{c}.{f}" for c, f in where if f != "actors"]
            if strong:
                problems.append(f"{k!r} belongs to {sorted(owners)} but is not only an actor: {strong}")
        fields = {f for c, f in where}
        if len(owners) == 1 and len(fields) > 1:
            problems.append(f"{k!r} is listed in several fields of {owners.pop()}: {sorted(fields)}")
    for t in topics:
        if key(t) in uses:
            problems.append(f"no_conflict_topics: {t!r} is also conflict evidence")
    return problems, {"conflict": len(conflicts), "no_conflict_topics": len(topics)}


def main(argv):
    gaz = Path(argv[1]) if len(argv) > 1 else ROOT / "assets" / "gazetteer.toml"
    con = Path(argv[2]) if len(argv) > 2 else ROOT / "assets" / "conflicts.toml"
    all_problems = []
    for label, check, path in (("gazetteer", check_gazetteer, gaz), ("conflicts", check_conflicts, con)):
        try:
            problems, counts = check(path)
        except (OSError, tomllib.TOMLDecodeError) as err:
            all_problems.append(f"{path}: {err}")
            continue
        print(f"{path.name}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
        all_problems += [f"{path.name}: {p}" for p in problems]
    for p in all_problems:
        print(p)
    if all_problems:
        print(f"{len(all_problems)} problem(s)")
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
