#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz harnesses (tests/fuzz/fuzz_*.cpp) into OUT/<harness>/, one
file per seed, named by its source and a hash of its bytes (so a second run writes the same set):

  pack_page, pack_flow, pack_toml  the pages, flows and pack.toml of content/, the pack template,
                                   the test fixtures, tests/broken-packs and the hostile corpus
  markdown                         every text of those pages and flows, and the Markdown files
  config                           config/kiosk.toml, the package's and the broken test config
  webvtt                           every .vtt of those packs
  image                            their pictures (the first 256 KiB: the check reads headers),
                                   and PNG and JPEG headers made here
  catalog                          root.json and index.json made by `kiosk catalog keygen` and
                                   `publish` (with --kiosk), and bodies naming the harness's key
  archive                          the archives `kiosk catalog publish` made, their tar inside,
                                   small archives made here, the hostile corpus
  archive_manifest                 the manifest.json of each of those archives

The hostile corpus (tests/hostile/make_hostile_corpus.py) is used when that script exists; without
--kiosk the signed catalog and the published archives are left out (the script says so). The
folders OUT/<harness>/ are made anew; nothing else in OUT is touched.

Usage: make-seeds.py OUT [--kiosk PATH_TO_KIOSK]
"""
import argparse
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import tempfile
import tomllib
import zlib
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2]
# The key the catalog harness signs with (tests/fuzz/fuzz_catalog.cpp, kPublicKeyHex).
HARNESS_PUBLIC_KEY = "aa49a54c7dfd68beeb7317932f178ba8566548b999de25dd8abf9fe4b7f298d6"
HARNESS_KEY_ID = hashlib.sha256(bytes.fromhex(HARNESS_PUBLIC_KEY)).hexdigest()
# Seeds over this are cut (pictures) or left out: the runs cap inputs at 256 KiB (run-fuzzers.sh).
MAX_SEED = 256 * 1024
PACK_FOLDERS = ["content", "assets/pack-template", "tests/fixtures", "tests/broken-packs", "tests/fuzz/pack"]
HARNESSES = ["pack_page", "pack_flow", "pack_toml", "markdown", "config", "webvtt", "image", "catalog", "archive",
             "archive_manifest"]


class Seeds:
    def __init__(self, out):
        self.out = Path(out)
        self.count = {name: 0 for name in HARNESSES}
        for name in HARNESSES:
            # Made anew: a seed whose source is gone must not linger.
            shutil.rmtree(self.out / name, ignore_errors=True)
            (self.out / name).mkdir(parents=True)

    def add(self, harness, label, data):
        if isinstance(data, str):
            data = data.encode()
        if len(data) > MAX_SEED:
            return
        name = re.sub(r"[^A-Za-z0-9._-]+", "_", label)[-80:].lstrip(".") + "-" + hashlib.sha256(data).hexdigest()[:12]
        path = self.out / harness / name
        if not path.exists():
            path.write_bytes(data)
            self.count[harness] += 1


def relative(path):
    return str(path.relative_to(SOURCE))


def texts_of(value):
    """Every string in a parsed TOML document: the Markdown harness's seeds among them."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from texts_of(item)
    elif isinstance(value, list):
        for item in value:
            yield from texts_of(item)


def add_pack_file(seeds, label, name, data, texts=True):
    """A file of a pack, by its place in the pack: pack.toml, pages/, flows/, a picture, subtitles;
    with `texts`, a TOML file's texts too (not for the hostile corpus: Python's TOML reader takes
    minutes and gigabytes for its deeply nested files, which the kiosk refuses in microseconds)."""
    parts = name.split("/")
    if name == "pack.toml":
        seeds.add("pack_toml", label, data)
    elif len(parts) == 2 and parts[0] in ("pages", "flows") and name.endswith(".toml"):
        seeds.add("pack_page" if parts[0] == "pages" else "pack_flow", label, data)
    elif name.lower().endswith((".svg", ".png", ".jpg", ".jpeg")):
        seeds.add("image", label, data[:MAX_SEED])
    elif name.endswith(".vtt"):
        seeds.add("webvtt", label, data)
    elif name.endswith(".md"):
        seeds.add("markdown", label, data)
    if texts and name.endswith(".toml"):
        try:
            document = tomllib.loads(data.decode())
        except (UnicodeDecodeError, tomllib.TOMLDecodeError):
            return
        for text in texts_of(document):
            # Texts with Markdown's marks or several lines; titles, ids and paths add nothing.
            if "\n" in text or any(mark in text for mark in ("**", "*", "](", "# ", "- ", "1. ", "&")):
                seeds.add("markdown", label + "-text", text)


def add_source_packs(seeds):
    for folder in PACK_FOLDERS:
        for path in sorted((SOURCE / folder).rglob("*")):
            if path.is_file():
                pack = next((p for p in path.parents if (p / "pack.toml").is_file()), None)
                name = path.relative_to(pack).as_posix() if pack else path.name
                add_pack_file(seeds, relative(path), name, path.read_bytes()[: MAX_SEED + 1])
    for path in [SOURCE / "content/FORMAT.md", SOURCE / "content/README.md"]:
        seeds.add("markdown", relative(path), path.read_bytes())


def add_configs(seeds):
    for path in [SOURCE / "config/kiosk.toml", SOURCE / "deploy/debian/kiosk.toml", SOURCE / "tests/fixtures/bad_config.toml"]:
        if path.is_file():
            seeds.add("config", relative(path), path.read_bytes())


def png_header(width, height):
    ihdr = b"IHDR" + struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + ihdr + struct.pack(">I", zlib.crc32(ihdr))


def jpeg_header(width, height, frame_marker=0xC0):
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    table = b"\xff\xc4" + struct.pack(">H", 5) + b"\x00\x00\x00"  # a (truncated) Huffman table before the frame
    frame = bytes([0xFF, frame_marker]) + struct.pack(">HBHHB", 17, 8, height, width, 3) + b"\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    return b"\xff\xd8" + app0 + b"\xff\xff" + table + frame + b"\xff\xd9"


def add_made_images(seeds):
    for width, height in [(16, 16), (4096, 4096), (4097, 1), (0, 0), (1, 0x80000000)]:
        seeds.add("image", f"made-{width}x{height}.png", png_header(width, height))
    for marker in (0xC0, 0xC2):
        seeds.add("image", f"made-sof{marker:02x}.jpg", jpeg_header(640, 480, marker))


def tar_of(files, manifest=None, pack_id="seed", version="1.0.0"):
    """A pack archive's tar as kiosk writes it: manifest.json first, then the files by path (pax)."""
    if manifest is None:
        manifest = {"format": "showroom-kiosk-pack", "format_version": 1, "id": pack_id, "version": version,
                    "files": [{"path": p, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()} for p, d in sorted(files.items())]}
    entries = [("manifest.json", json.dumps(manifest, indent=2).encode() + b"\n")] + sorted(files.items())
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in entries:
            info = tarfile.TarInfo(name)
            info.size, info.mode, info.mtime = len(data), 0o644, 0
            tar.addfile(info, io.BytesIO(data))
    return out.getvalue()


def add_made_archives(seeds):
    pack = (SOURCE / "tests/fuzz/pack/fuzz-pack/pack.toml").read_bytes().replace(b'"fuzz-pack"', b'"seed"')
    page = (SOURCE / "tests/fuzz/pack/fuzz-pack/pages/other.toml").read_bytes()
    tile = (SOURCE / "tests/fuzz/pack/fuzz-pack/images/tile.svg").read_bytes()
    small = {"pack.toml": pack, "pages/start.toml": page, "images/tile.svg": tile}
    for label, tar in [("made-small", tar_of(small)), ("made-manifest-only", tar_of({"pack.toml": pack})),
                       ("made-empty-file", tar_of({"pack.toml": pack, "images/empty.svg": b""}))]:
        seeds.add("archive", label + ".tar", tar)
        seeds.add("archive", label + ".tar.gz", gzip.compress(tar, mtime=0))


def manifest_of(archive_bytes):
    """manifest.json of a gzip-compressed pack archive, read no further than its first entry."""
    try:
        with tarfile.open(fileobj=io.BytesIO(archive_bytes), mode="r|gz") as tar:
            first = tar.next()
            if first is None or first.name != "manifest.json" or not first.isfile() or first.size > MAX_SEED:
                return None
            return tar.extractfile(first).read()
    except (tarfile.TarError, OSError, EOFError, ValueError, UnicodeError, zlib.error):
        return None


def add_archive(seeds, label, data, with_contents):
    seeds.add("archive", label, data)
    manifest = manifest_of(data)
    if manifest is not None:
        seeds.add("archive_manifest", label + "-manifest.json", manifest)
    if not with_contents:
        return
    try:
        tar = gzip.decompress(data)
    except (OSError, EOFError, zlib.error):
        return
    seeds.add("archive", label[: -len(".gz")] if label.endswith(".gz") else label + ".tar", tar)
    try:
        with tarfile.open(fileobj=io.BytesIO(tar), mode="r:") as members:
            for member in members:
                if member.isfile() and member.size <= MAX_SEED:
                    add_pack_file(seeds, label + "-" + member.name, member.name, members.extractfile(member).read(), texts=False)
    except (tarfile.TarError, OSError, EOFError, ValueError, UnicodeError, zlib.error):
        pass  # a hostile tar that Python's reader gives up on is still a seed as it is


def add_hostile_corpus(seeds, scratch):
    script = SOURCE / "tests/hostile/make_hostile_corpus.py"
    if not script.is_file():
        print("make-seeds: no tests/hostile/make_hostile_corpus.py: the hostile corpus is left out")
        return
    corpus = scratch / "hostile"
    subprocess.run([sys.executable, str(script), str(corpus)], check=True, stdout=subprocess.DEVNULL)
    for path in sorted(corpus.glob("*.tar.gz")):
        # Bombs are seeds as they are; only the others are unpacked (their decompressed size is honest).
        add_archive(seeds, "hostile-" + path.name, path.read_bytes(), with_contents=not path.name.startswith("bomb-"))


def signed_envelope(body):
    """An envelope whose signature the harness replaces with its own (it signs every "signed" part again)."""
    return json.dumps({"signed": body, "signatures": [{"keyid": HARNESS_KEY_ID, "sig": "00" * 64}]}, indent=2) + "\n"


def add_harness_key_documents(seeds, packs):
    key = {HARNESS_KEY_ID: {"keytype": "ed25519", "public": HARNESS_PUBLIC_KEY}}
    role = {"keyids": [HARNESS_KEY_ID], "threshold": 1}
    root = {"type": "root", "version": 2, "expires": "2099-01-01T00:00:00Z", "keys": key, "roles": {"root": role, "catalog": role}}
    seeds.add("catalog", "made-root-v2.json", signed_envelope(root))
    catalog = {"type": "catalog", "version": 6, "signed_at": "2025-06-01T00:00:00Z", "expires": "2099-01-01T00:00:00Z", "packs": packs}
    seeds.add("catalog", "made-catalog.json", signed_envelope(catalog))
    seeds.add("catalog", "made-catalog-empty.json", signed_envelope(dict(catalog, packs=[])))


def add_published(seeds, kiosk, scratch):
    """keygen and publish with the real kiosk: signed roots and catalogs, and real pack archives."""
    packs = [{"id": "e-prescription", "version": "1.0.0", "path": "packs/e-prescription-1.0.0.tar.gz", "length": 1000,
              "sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"}]
    if kiosk is None:
        print("make-seeds: no --kiosk: the signed catalog and the published archives are left out")
        add_harness_key_documents(seeds, packs)
        return
    keys, out = scratch / "keys", scratch / "published"
    run = lambda *args: subprocess.run([str(kiosk), "catalog", *args], check=True, stdout=subprocess.DEVNULL)
    run("keygen", "--out", str(keys))
    # The packs without clips: their archives stay small enough to be seeds.
    folders = [str(p) for p in sorted((SOURCE / "content").iterdir()) if (p / "pack.toml").is_file() and not (p / "videos").exists()]
    folders += [str(SOURCE / "tests/fixtures/content/test-pack"), str(SOURCE / "tests/fixtures/flow-content/flow-pack")]
    run("publish", "--key", str(keys / "catalog.key"), "--root", str(keys / "root.json"), "--out", str(out), *folders)
    seeds.add("catalog", "published-root.json", (keys / "root.json").read_bytes())
    index = (out / "index.json").read_bytes()
    seeds.add("catalog", "published-index.json", index)
    for path in sorted(out.rglob("*.json")):
        seeds.add("catalog", "published-" + path.name, path.read_bytes())
    for path in sorted((out / "packs").glob("*.tar.gz")):
        add_archive(seeds, "published-" + path.name, path.read_bytes(), with_contents=True)
    add_harness_key_documents(seeds, json.loads(index)["signed"]["packs"])


def main():
    parser = argparse.ArgumentParser(description="Writes the fuzz harnesses' seed corpora.")
    parser.add_argument("out", help="the folder to write OUT/<harness>/ into")
    parser.add_argument("--kiosk", help="a built kiosk, for the signed catalog and the published archives")
    args = parser.parse_args()
    kiosk = Path(args.kiosk).resolve() if args.kiosk else None
    if kiosk is not None and not os.access(kiosk, os.X_OK):
        sys.exit(f"make-seeds: {kiosk} is not a program; build the kiosk first or leave out --kiosk")

    seeds = Seeds(args.out)
    with tempfile.TemporaryDirectory(prefix="kiosk-fuzz-seeds-") as scratch:
        add_source_packs(seeds)
        add_configs(seeds)
        add_made_images(seeds)
        add_made_archives(seeds)
        add_hostile_corpus(seeds, Path(scratch))
        add_published(seeds, kiosk, Path(scratch))
    print("make-seeds: " + ", ".join(f"{name} {seeds.count[name]}" for name in HARNESSES) + f" seeds in {args.out}")


if __name__ == "__main__":
    main()
