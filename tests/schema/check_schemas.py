#!/usr/bin/env python3
"""Keeps the editor schemas in assets/schema/ true (content/FORMAT.md, "Editor support").

    python3 tests/schema/check_schemas.py [SOURCE_DIR]

Checks, and exits 1 naming every problem:
  1. the three schemas are valid draft-07 JSON Schemas;
  2. they agree with the loader's source: the keys each reader accepts (its rejectUnknownKeys
     list), the enums (block types, categories, button styles, field types, text formats), the
     character limits and required flags of every text, and the [[section]] counts;
  3. every pack.toml, pages/*.toml and flows/*.toml under content/ and assets/pack-template/ passes;
  4. the examples in content/FORMAT.md pass (all block types on one page, the manifest, the flow);
  5. deliberately wrong documents fail, at the place of the mistake, so the schemas cannot
     silently accept everything.

TOML dates (an event's `date`) are not JSON values: like taplo, this script hands them to the
schema as "YYYY-MM-DD" strings, which the schema checks with `format: date`.
Needs Python 3.11 (tomllib) and python3-jsonschema (deploy/install-deps.sh).
"""
from __future__ import annotations

import datetime
import json
import re
import sys
import tomllib
from pathlib import Path

try:
    import jsonschema
except ImportError:
    print("error: the Python module jsonschema is missing; install python3-jsonschema (deploy/install-deps.sh)")
    sys.exit(1)

SOURCE = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else Path(__file__).resolve().parents[2]
SCHEMA_DIR = SOURCE / "assets" / "schema"
PACK_SOURCES = SOURCE / "kiosk" / "core" / "pack"

problems: list[str] = []


def problem(message: str) -> None:
    problems.append(message)


# --- loading and validating -------------------------------------------------------------------

def load_schema(name: str) -> dict:
    path = SCHEMA_DIR / f"{name}.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return schema


SCHEMAS = {name: load_schema(name) for name in ("pack", "page", "flow")}
FORMATS = jsonschema.FormatChecker()
assert "date" in FORMATS.checkers, "this jsonschema cannot check format 'date'"
VALIDATORS = {name: jsonschema.Draft7Validator(schema, format_checker=FORMATS) for name, schema in SCHEMAS.items()}


def as_json(value):
    """TOML values as taplo hands them to a schema: dates and times become ISO strings."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, (datetime.date, datetime.time)):  # datetime.datetime is a date too
        return value.isoformat()
    return value


def schema_errors(kind: str, document: dict) -> list[jsonschema.ValidationError]:
    return sorted(VALIDATORS[kind].iter_errors(as_json(document)), key=lambda e: list(map(str, e.absolute_path)))


def describe(error: jsonschema.ValidationError) -> str:
    where = "".join(f"[{p + 1}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path).lstrip(".")
    details = sorted({sub.message for sub in error.context or []})
    return f"{where or '(top)'}: {error.message}" + (f" ({'; '.join(details)})" if details else "")


# --- 2. the schemas agree with the loader ----------------------------------------------------

def resolve(schema, root: dict):
    """Follows $ref and a lone allOf: [{$ref}] to the schema that holds the constraints."""
    while isinstance(schema, dict):
        if "$ref" in schema:
            schema = root["definitions"][schema["$ref"].rsplit("/", 1)[1]]
        elif len(schema.get("allOf", [])) == 1 and "properties" not in schema:
            schema = schema["allOf"][0]
        else:
            break
    return schema


def block_type_rule(page: dict, block_type: str) -> dict:
    for rule in page["definitions"]["block"]["allOf"]:
        if rule["if"]["properties"]["type"].get("const") == block_type:
            return rule["then"]
    raise KeyError(f"no if/then rule for block type '{block_type}'")


def schema_object(name: str) -> tuple[dict, dict, set[str]]:
    """(properties, root schema, required keys) of one table the loader reads, by our name for it."""
    pack, page, flow = SCHEMAS["pack"], SCHEMAS["page"], SCHEMAS["flow"]
    pdefs, fdefs = page["definitions"], flow["definitions"]
    if name.startswith("block:"):
        union = pdefs["block"]["properties"]
        rule = block_type_rule(page, name.split(":", 1)[1])
        props = {key: (union[key] if value is True else value) for key, value in rule["properties"].items()}
        return props, page, set(rule.get("required", [])) | {"type"}
    if name == "field":
        required = set(fdefs["field"]["required"])
        for rule in fdefs["field"]["allOf"]:
            required |= set(rule["then"].get("required", []))  # required for that field type
        return fdefs["field"]["properties"], flow, required
    tables = {
        "pack": (pack, pack),
        "page": (page, page),
        "picture": (pdefs["picture"], page),
        "numbered-step": (pdefs["block"]["properties"]["steps"]["items"], page),
        "fact": (pdefs["block"]["properties"]["facts"]["items"], page),
        "compare-side": (pdefs["compareSide"], page),
        "answer": (pdefs["answer"], page),
        "event": (pdefs["event"], page),
        "sign-language": (pdefs["signLanguage"], page),
        "flow": (flow, flow),
        "summary": (flow["properties"]["summary"], flow),
        "result": (flow["properties"]["result"], flow),
        "step": (fdefs["step"], flow),
        "option": (fdefs["option"], flow),
    }
    table, root = tables[name]
    return table["properties"], root, set(table.get("required", []))


# Which table each reader's key list and reader variable stands for: (file, function, name) → table(s).
# A new reader or key list in the loader fails this test until it is added here and to the schemas.
KEY_LISTS = {
    ("pack_loader.cpp", "readManifest", "known"): ["pack"],
    ("pack_loader.cpp", "readPage", "known"): ["page"],
    ("block_reader.cpp", "readPicture", "known"): ["block:image", "picture"],  # a gallery picture takes no `type`
    ("block_reader.cpp", "readHeading", "known"): ["block:heading"],
    ("block_reader.cpp", "readTextBlock", "known"): ["block:text"],
    ("block_reader.cpp", "readGallery", "known"): ["block:gallery"],
    ("block_reader.cpp", "readButton", "known"): ["block:button"],
    ("block_reader.cpp", "readSteps", "known"): ["block:steps"],
    ("block_reader.cpp", "readSteps", "stepKeys"): ["numbered-step"],
    ("block_reader.cpp", "readFacts", "known"): ["block:facts"],
    ("block_reader.cpp", "readFacts", "factKeys"): ["fact"],
    ("block_reader.cpp", "readCompare", "known"): ["block:compare"],
    ("block_reader.cpp", "readCompare", "sideKeys"): ["compare-side"],
    ("block_reader.cpp", "readQuiz", "known"): ["block:quiz"],
    ("block_reader.cpp", "readQuiz", "answerKeys"): ["answer"],
    ("block_reader.cpp", "readQr", "known"): ["block:qr"],
    ("block_reader.cpp", "readContact", "known"): ["block:contact"],
    ("block_reader.cpp", "readEvents", "known"): ["block:events"],
    ("block_reader.cpp", "readEvents", "eventKeys"): ["event"],
    ("video_reader.cpp", "readVideoBlock", "known"): ["block:video"],
    ("video_reader.cpp", "readSignLanguage", "known"): ["sign-language"],
    ("flow_reader.cpp", "readFlow", "known"): ["flow"],
    ("flow_reader.cpp", "readFlow", "summaryKeys"): ["summary"],
    ("flow_reader.cpp", "readResult", "known"): ["result"],
    ("flow_reader.cpp", "readStep", "known"): ["step"],
    ("flow_reader.cpp", "readField", "known"): ["field"],
    ("flow_reader.cpp", "readField", "optionKeys"): ["option"],
}
ENUM_LISTS = {
    ("pack_loader.cpp", "readManifest", "categories"): ("pack", "category"),
    ("block_reader.cpp", "readButton", "styles"): ("block:button", "style"),
    ("flow_reader.cpp", "readField", "types"): ("field", "type"),
    ("flow_reader.cpp", "readField", "formats"): ("field", "format"),
}
READER_VARIABLES = {
    ("pack_loader.cpp", "readManifest", "root"): ["pack"],
    ("pack_loader.cpp", "readPage", "root"): ["page"],
    ("block_reader.cpp", "readPicture", "reader"): ["block:image", "picture"],
    ("block_reader.cpp", "readHeading", "block"): ["block:heading"],
    ("block_reader.cpp", "readTextBlock", "block"): ["block:text"],
    ("block_reader.cpp", "readGallery", "block"): ["block:gallery"],
    ("block_reader.cpp", "readButton", "block"): ["block:button"],
    ("block_reader.cpp", "readSteps", "block"): ["block:steps"],
    ("block_reader.cpp", "readSteps", "step"): ["numbered-step"],
    ("block_reader.cpp", "readFacts", "block"): ["block:facts"],
    ("block_reader.cpp", "readFacts", "fact"): ["fact"],
    ("block_reader.cpp", "readCompare", "table"): ["compare-side"],
    ("block_reader.cpp", "readQuiz", "block"): ["block:quiz"],
    ("block_reader.cpp", "readQuiz", "answer"): ["answer"],
    ("block_reader.cpp", "readQr", "block"): ["block:qr"],
    ("block_reader.cpp", "readContact", "block"): ["block:contact"],
    ("block_reader.cpp", "readEvents", "block"): ["block:events"],
    ("block_reader.cpp", "readEvents", "event"): ["event"],
    ("video_reader.cpp", "readVideoBlock", "block"): ["block:video"],
    ("video_reader.cpp", "readSignLanguage", "table"): ["sign-language"],
    ("flow_reader.cpp", "readFlow", "root"): ["flow"],
    ("flow_reader.cpp", "readFlow", "summary"): ["summary"],
    ("flow_reader.cpp", "readResult", "result"): ["result"],
    ("flow_reader.cpp", "readStep", "reader"): ["step"],
    ("flow_reader.cpp", "readField", "reader"): ["field"],
    ("flow_reader.cpp", "readField", "option"): ["option"],
}
SKIP_WORDS = ("namespace", "using", "static", "inline", "template", "struct", "class", "return")


def functions_of(path: Path) -> dict[str, str]:
    """The body text of each top-level function of a .cpp file, by name (definitions start at column 0)."""
    bodies: dict[str, list[str]] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        starts_definition = line[:1].isalpha() and "(" in line and not line.startswith(SKIP_WORDS)
        if starts_definition:
            match = re.search(r"(\w+)\(", line)
            current = match.group(1) if match else None
        if current:
            bodies.setdefault(current, []).append(line)
    return {name: "\n".join(lines) for name, lines in bodies.items()}


def limit_value(token: str, limits: dict[str, int]) -> int:
    return limits[token.split("::", 1)[1]] if token.startswith("limits::") else int(token)


def text_limit(schema: dict, root: dict) -> tuple[str, int | None]:
    """('localized' | 'plain' | other, maxLength) of a text key's schema."""
    target = resolve(schema, root)
    if target.get("type") == "object" and "patternProperties" in target:
        (per_language,) = target["patternProperties"].values()
        return "localized", per_language.get("maxLength")
    return target.get("type", "?"), target.get("maxLength")


def check_against_loader() -> None:
    limits = {name: int(value) for name, value in
              re.findall(r"constexpr std::size_t (k\w+) = (\d+);", (PACK_SOURCES / "pack_limits.hpp").read_text())}
    seen_lists, seen_readers = set(), set()
    for file in ("pack_loader.cpp", "block_reader.cpp", "video_reader.cpp", "flow_reader.cpp"):
        for function, body in functions_of(PACK_SOURCES / file).items():
            for name, items in re.findall(r"static constexpr std::array (\w+)\{([^}]*)\}", body):
                where = (file, function, name)
                values = set(re.findall(r'"([^"]*)"sv', items))
                if where in KEY_LISTS:
                    seen_lists.add(where)
                    for table in KEY_LISTS[where]:
                        expected = values - {"type"} if table == "picture" else values
                        keys = set(schema_object(table)[0])
                        if keys != expected:
                            problem(f"{file} {function}() accepts {sorted(expected)} but the schema of '{table}' "
                                    f"has {sorted(keys)}")
                elif where in ENUM_LISTS:
                    seen_lists.add(where)
                    table, key = ENUM_LISTS[where]
                    enum = set(resolve(schema_object(table)[0][key], {}).get("enum", []))
                    if enum != values:
                        problem(f"{file} {function}() knows {name} {sorted(values)}, the schema of '{table}.{key}' "
                                f"{sorted(enum)}")
                else:
                    problem(f"{file} {function}() has a list '{name}' this test does not know: add it to "
                            f"KEY_LISTS or ENUM_LISTS in {Path(__file__).name}, and its keys to the schemas")

            calls = []  # (reader variable, key, kind, limit token or None, required or None)
            for var, key, limit, required in re.findall(
                    r"readText\(\s*\*?(\w+),\s*\"(\w+)\",\s*(limits::\w+|\d+),\s*(true|false)", body):
                calls.append((var, key, "localized", limit, required))
            for var, key, required in re.findall(r"readRichText\(\s*\*?(\w+),\s*\"(\w+)\",\s*(true|false)", body):
                calls.append((var, key, "rich", None, required))
            for var, key, limit, required in re.findall(
                    r"readPlainText\(\s*\*?(\w+),\s*\"(\w+)\",\s*(limits::\w+|\d+),\s*(true|false)", body):
                calls.append((var, key, "plain", limit, required))
            for var, key, low, high in re.findall(r"(\w+)\.sections\(\s*\"(\w+)\",\s*(\d+),\s*(\d+)", body):
                calls.append((var, key, "sections", f"{low}..{high}", None))
            for var, key, low, high in re.findall(r"(\w+)\.integer\(\s*\"(\w+)\",\s*(\d+),\s*(limits::\w+|\d+)", body):
                calls.append((var, key, "integer", f"{low}..{limit_value(high, limits)}", None))

            for var, key, kind, limit, required in calls:
                where = (file, function, var)
                if where not in READER_VARIABLES:
                    problem(f"{file} {function}() reads '{key}' from '{var}', which this test does not know: add it "
                            f"to READER_VARIABLES in {Path(__file__).name}")
                    continue
                seen_readers.add(where)
                for table in READER_VARIABLES[where]:
                    props, root, required_keys = schema_object(table)
                    label = f"'{table}.{key}' ({file} {function}())"
                    if key not in props:
                        problem(f"{label}: the loader reads it, the schema does not have it")
                        continue
                    target = resolve(props[key], root)
                    if kind in ("localized", "rich", "plain"):
                        shape, max_length = text_limit(props[key], root)
                        want_shape = "plain" if kind == "plain" else "localized"
                        got_shape = "plain" if shape == "string" else shape
                        want_max = limit_value(limit, limits) if limit else None
                        if (got_shape, max_length) != (want_shape, want_max):
                            problem(f"{label}: the loader reads a {want_shape} text of at most {want_max} characters, "
                                    f"the schema has a {got_shape} text of at most {max_length}")
                        if (required == "true") != (key in required_keys):
                            problem(f"{label}: required is {required} in the loader but not in the schema"
                                    if required == "true" else f"{label}: optional in the loader, required in the schema")
                    elif kind == "sections":
                        bounds = f"{target.get('minItems')}..{target.get('maxItems')}"
                        if target.get("type") != "array" or bounds != limit:
                            problem(f"{label}: the loader allows {limit} [[{key}]], the schema {bounds}")
                    elif kind == "integer":
                        bounds = f"{target.get('minimum')}..{target.get('maximum')}"
                        if target.get("type") != "integer" or bounds != limit:
                            problem(f"{label}: the loader allows {limit}, the schema {bounds}")

    for where in set(KEY_LISTS) | set(ENUM_LISTS):
        if where not in seen_lists:
            problem(f"{where[0]} {where[1]}() no longer has the list '{where[2]}': update {Path(__file__).name}")
    for where in READER_VARIABLES:
        if where not in seen_readers:
            problem(f"{where[0]} {where[1]}() no longer reads texts from '{where[2]}': update {Path(__file__).name}")

    # The block types: the loader's table of readers against the schema's enum and if/then rules.
    block_reader = (PACK_SOURCES / "block_reader.cpp").read_text(encoding="utf-8")
    readers = re.search(r"readers\{\{(.*?)\}\};", block_reader, re.S)
    loader_types = set(re.findall(r"\{\"([a-z]+)\",", readers.group(1))) if readers else set()
    block = SCHEMAS["page"]["definitions"]["block"]
    rule_types = {rule["if"]["properties"]["type"]["const"] for rule in block["allOf"]}
    if not loader_types or loader_types != set(block["properties"]["type"]["enum"]) or loader_types != rule_types:
        problem(f"block types: loader {sorted(loader_types)}, schema enum {sorted(block['properties']['type']['enum'])}, "
                f"if/then rules {sorted(rule_types)}")
    for key in block["properties"]:
        if not any(key in rule["then"]["properties"] for rule in block["allOf"]):
            problem(f"block key '{key}' belongs to no block type's if/then rule")


# --- 3. the content ---------------------------------------------------------------------------

def check_content() -> tuple[int, int]:
    packs = sorted(path.parent for path in (SOURCE / "content").rglob("pack.toml"))
    packs.append(SOURCE / "assets" / "pack-template")
    files = 0
    for pack in packs:
        documents = [(pack / "pack.toml", "pack")]
        documents += [(path, "page") for path in sorted((pack / "pages").glob("*.toml"))]
        documents += [(path, "flow") for path in sorted((pack / "flows").glob("*.toml"))]
        for path, kind in documents:
            files += 1
            shown = path.relative_to(SOURCE)
            try:
                document = tomllib.loads(path.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
                problem(f"{shown}: not valid TOML: {error}")
                continue
            for error in schema_errors(kind, document):
                problem(f"{shown}: {describe(error)}")
    if len(packs) < 2:
        problem("no packs found under content/: nothing was checked")
    return len(packs), files


# --- 4. the examples in FORMAT.md -------------------------------------------------------------

def check_format_examples() -> None:
    text = (SOURCE / "content" / "FORMAT.md").read_text(encoding="utf-8")
    examples: list[tuple[str, str]] = []  # (section heading, toml)
    heading = ""
    for match in re.finditer(r"^(#{2,3} [^\n]*)$|^```toml\n(.*?)^```$", text, re.M | re.S):
        if match.group(1):
            heading = match.group(1)
        else:
            examples.append((heading, match.group(2)))

    def first(section: str) -> str:
        found = [toml for head, toml in examples if head == section]
        if not found:
            problem(f"content/FORMAT.md has no toml example under '{section}'")
        return found[0] if found else ""

    blocks = [toml for head, toml in examples if head.startswith("### ") and toml.lstrip().startswith("[[blocks]]")]
    page = first("## Pages") + "\n" + "\n".join(blocks)
    for label, kind, toml in (("pack.toml", "pack", first("## pack.toml")), ("page with every block", "page", page),
                              ("flow", "flow", first("## Flows"))):
        try:
            document = tomllib.loads(toml)
        except tomllib.TOMLDecodeError as error:
            problem(f"content/FORMAT.md, the {label} example: not valid TOML: {error}")
            continue
        for error in schema_errors(kind, document):
            problem(f"content/FORMAT.md, the {label} example: {describe(error)}")
        if kind == "page":
            used = {block.get("type") for block in document.get("blocks", [])}
            enum = set(SCHEMAS["page"]["definitions"]["block"]["properties"]["type"]["enum"])
            if used != enum:
                problem(f"content/FORMAT.md shows the block types {sorted(used)}, the schema knows {sorted(enum)}")


# --- 5. mistakes must fail --------------------------------------------------------------------

PACK = """
id = "library-card"
version = "1.0.0"
category = "hub"
languages = ["de", "en"]
start_page = "start"
tile_icon = "images/tile.svg"
title.de = "Bibliotheksausweis"
description.de = "So beantragen Sie einen Ausweis."
"""
PAGE = 'title.de = "Start"\n[[blocks]]\n'
FLOW = """
title.de = "Demo"
[result]
title.de = "Fertig"
text.de = "Danke."
[[steps]]
id = "you"
title.de = "Sie"
[[steps.fields]]
id = "name"
label.de = "Name"
"""
QUIZ = """type = "quiz"
id = "q"
question.de = "Wer?"
[[blocks.answers]]
id = "a"
text.de = "A"
feedback.de = "Ja."
[[blocks.answers]]
id = "b"
text.de = "B"
feedback.de = "Nein."
"""
EVENT = 'type = "events"\n[[blocks.events]]\ntitle.de = "Treffen"\n'
IMAGE = 'type = "image"\nsrc = "images/a.svg"\n'
VIDEO = 'type = "video"\nid = "intro"\nsrc = "videos/intro.mp4"\nalt.de = "Ein Film"\n'

# (what is wrong, schema, document, where the schema must report it)
MISTAKES = [
    ("the template of these cases is valid", "pack", PACK, None),
    ("the page template of these cases is valid", "page", PAGE + 'type = "heading"\ntext.de = "Hallo"', None),
    ("the flow template of these cases is valid", "flow", FLOW + 'type = "text"\nexample.de = "Erika"', None),
    ("an unknown key (captoin)", "page", PAGE + IMAGE + 'alt.de = "Ein Bild"\ncaptoin.de = "x"', ("blocks", 0)),
    ("an unknown block type (imgae)", "page", PAGE + 'type = "imgae"\nsrc = "images/a.svg"\nalt.de = "x"',
     ("blocks", 0, "type")),
    ("an image without alt text", "page", PAGE + IMAGE, ("blocks", 0)),
    ("a key of another block type (url in a heading)", "page",
     PAGE + 'type = "heading"\ntext.de = "Hallo"\nurl = "https://example.org"', ("blocks", 0)),
    ("a bad id (capitals and a space)", "page", PAGE + 'type = "button"\nid = "Next Step"\nto = "start"\nlabel.de = "Weiter"',
     ("blocks", 0, "id")),
    ("a bad id (ends with '-')", "page", PAGE + 'type = "button"\nid = "next-"\nto = "start"\nlabel.de = "Weiter"',
     ("blocks", 0, "id")),
    ("a bad id (49 characters)", "page", PAGE + f'type = "button"\nid = "{"a" * 49}"\nto = "start"\nlabel.de = "Weiter"',
     ("blocks", 0, "id")),
    ("an http:// address in a qr block", "page",
     PAGE + 'type = "qr"\nid = "portal"\nurl = "http://example.org/service"\nlabel.de = "Weiter"', ("blocks", 0, "url")),
    ("a button with both to and flow", "page",
     PAGE + 'type = "button"\nid = "go"\nto = "start"\nflow = "apply"\nlabel.de = "Los"', ("blocks", 0)),
    ("a button label over 48 characters", "page",
     PAGE + f'type = "button"\nid = "go"\nto = "start"\nlabel.de = "{"x" * 49}"', ("blocks", 0, "label", "de")),
    ("a heading over 100 characters (ä counts once)", "page", PAGE + f'type = "heading"\ntext.de = "{"ä" * 101}"',
     ("blocks", 0, "text", "de")),
    ("an empty text", "page", PAGE + 'type = "text"\ntext.de = ""', ("blocks", 0, "text", "de")),
    ("a language that is no language tag", "page", 'title.German = "Start"\n[[blocks]]\ntype = "heading"\ntext.de = "x"',
     ("title",)),
    ("a quiz without a correct answer", "page", PAGE + QUIZ, ("blocks", 0, "answers")),
    ("a gallery with one picture", "page",
     PAGE + 'type = "gallery"\nid = "g"\n[[blocks.pictures]]\nsrc = "images/a.svg"\nalt.de = "x"', ("blocks", 0, "pictures")),
    ("an event time 25:00", "page", PAGE + EVENT + 'date = 2026-03-10\ntime = "25:00"', ("blocks", 0, "events", 0, "time")),
    ("an event date that is not a date", "page", PAGE + EVENT + 'date = "next Tuesday"', ("blocks", 0, "events", 0, "date")),
    ("an event date with a time of day", "page", PAGE + EVENT + "date = 2026-03-10T18:00:00",
     ("blocks", 0, "events", 0, "date")),
    ("an event end without a start time", "page", PAGE + EVENT + 'date = 2026-03-10\nend = "20:00"', ("blocks", 0, "events", 0)),
    ("a video without poster", "page", PAGE + VIDEO, ("blocks", 0)),
    ("a video that is an .avi", "page", PAGE + VIDEO.replace("intro.mp4", "intro.avi") + 'poster = "images/a.svg"\n',
     ("blocks", 0, "src")),
    ("subtitles that are .srt", "page", PAGE + VIDEO + 'poster = "images/a.svg"\nsubtitles.de = "videos/intro.srt"\n',
     ("blocks", 0, "subtitles", "de")),
    ("a clip as an image", "page", PAGE + 'type = "image"\nsrc = "videos/intro.mp4"\nalt.de = "x"', ("blocks", 0, "src")),
    ("a page without blocks", "page", 'title.de = "Start"', ()),
    ("an unknown category", "pack", PACK.replace('"hub"', '"gov"'), ("category",)),
    ("a version with two numbers", "pack", PACK.replace('"1.0.0"', '"1.0"'), ("version",)),
    ("a tile icon that is a GIF", "pack", PACK.replace("tile.svg", "tile.gif"), ("tile_icon",)),
    ("a pack title over 60 characters", "pack", PACK.replace('"Bibliotheksausweis"', f'"{"x" * 61}"'), ("title", "de")),
    ("a pack without languages", "pack", PACK.replace('languages = ["de", "en"]', ""), ()),
    ("an unknown key in pack.toml", "pack", PACK + 'author = "me"', ()),
    ("a text field without an example", "flow", FLOW + 'type = "text"', ("steps", 0, "fields", 0)),
    ("a format on a choice field", "flow",
     FLOW + 'type = "choice"\nformat = "number"\n[[steps.fields.options]]\nid = "a"\nlabel.de = "A"\n'
            '[[steps.fields.options]]\nid = "b"\nlabel.de = "B"', ("steps", 0, "fields", 0)),
    ("a max_length over 200", "flow", FLOW + 'type = "text"\nexample.de = "Erika"\nmax_length = 500',
     ("steps", 0, "fields", 0, "max_length")),
    ("an unknown field type", "flow", FLOW + 'type = "textarea"', ("steps", 0, "fields", 0, "type")),
    ("a flow without result", "flow", FLOW.replace('[result]\ntitle.de = "Fertig"\ntext.de = "Danke."', "")
     + 'type = "check"', ()),
]


def check_mistakes() -> None:
    for what, kind, toml, where in MISTAKES:
        document = tomllib.loads(toml)
        errors = schema_errors(kind, document)
        if where is None:
            for error in errors:
                problem(f"{what}: but the {kind} schema refuses it: {describe(error)}")
        elif not errors:
            problem(f"{kind} schema accepts a mistake: {what}")
        elif not any(tuple(error.absolute_path)[:len(where)] == where for error in errors):
            problem(f"{kind} schema refuses {what}, but not at {where}: " + "; ".join(map(describe, errors)))


def main() -> int:
    check_against_loader()
    packs, files = check_content()
    check_format_examples()
    check_mistakes()
    for message in problems:
        print(f"error: {message}")
    print(f"{packs} packs, {files} files checked against assets/schema/; "
          f"{len(MISTAKES)} hand-written documents; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
