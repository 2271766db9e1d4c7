#!/usr/bin/env python3
"""Writes the hostile pack corpus (issue 10) into OUT_DIR: one archive per item, named for its one
mistake, plus control.tar.gz (the same pack without a mistake, which must install) and
expected.tsv: item, the entry its error must name (empty: the archive as a whole), and a piece of
the error message it must give. tests/core/test_hostile_corpus.cpp installs every item as a sync
would; tests/README.md ("Hostile corpus") says how to add one.

Every byte is made here, with the standard library only: tar headers by hand (anything tar can
say, however wrong), gzip with mtime 0 and a fixed deflate level, so a run gives the same bytes.
Bombs are streamed: their zeros are one deflated MiB repeated (a full flush makes each MiB's
output independent of what came before), so 256 MiB cost a few hundred KB and no time.

Usage: make_hostile_corpus.py OUT_DIR
"""
import bz2
import hashlib
import json
import lzma
import os
import struct
import sys
import zlib

MiB = 1024 * 1024
PACK_ID = "hostile"
VERSION = "1.0.0"
# Where every escape would land if it worked: the test looks for this name outside the staging folder.
ESCAPE = "hostile-escape.svg"

PACK_TOML = f'''id = "{PACK_ID}"
version = "{VERSION}"
category = "hub"
languages = ["de", "en"]
start_page = "start"
tile_icon = "images/tile.svg"

[title]
de = "Feindlich"
en = "Hostile"

[description]
de = "Ein Paket mit genau einem Fehler."
en = "A pack with exactly one mistake."
'''.encode()
PAGE_HEAD = b'title.de = "Start"\ntitle.en = "Start"\n\n'
TEXT_BLOCK = b'[[blocks]]\ntype = "text"\ntext.de = "Hallo."\ntext.en = "Hello."\n'
TILE = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>\n'
BASE = {"pack.toml": PACK_TOML, "pages/start.toml": PAGE_HEAD + TEXT_BLOCK, "images/tile.svg": TILE}


def page(*blocks):
    return PAGE_HEAD + b"\n".join(blocks)


def image_block(src):
    return f'[[blocks]]\ntype = "image"\nsrc = "{src}"\nalt.de = "Ein Bild"\nalt.en = "A picture"\n'.encode()


def pack_with(**files):
    """BASE with files added or replaced (called with **{"pages/start.toml": ...})."""
    out = dict(BASE)
    out.update(files)
    return out


def png(width, height):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(b"\0\0\0\0", 9)) + chunk(b"IEND", b""))


def jpeg(width, height):
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8\xff\xe0" + struct.pack(">H", 16) + b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0" + sof + b"\xff\xd9"


# --- tar, byte by byte -------------------------------------------------------------------------

def octal(value, width):
    return b"%0*o\0" % (width - 1, value)


def tar_header(name, size=0, kind=b"0", link=b"", prefix=b"", size_field=None, mode=0o644, sparse=None, broken_checksum=False):
    h = bytearray(512)
    h[0:100] = name[:100].ljust(100, b"\0")
    h[100:108] = octal(mode, 8)
    h[108:116] = octal(0, 8)
    h[116:124] = octal(0, 8)
    h[124:136] = size_field if size_field is not None else octal(size, 12)
    h[136:148] = octal(0, 12)
    h[148:156] = b" " * 8
    h[156:157] = kind
    h[157:257] = link[:100].ljust(100, b"\0")
    h[257:263] = b"ustar\0"
    h[263:265] = b"00"
    h[329:337] = octal(1, 8)
    h[337:345] = octal(3, 8)
    h[345:500] = prefix.ljust(155, b"\0")
    if sparse is not None:  # old GNU sparse: the map in the prefix area, the real size after it
        h[257:265] = b"ustar  \0"
        h[345:500] = bytes(155)
        for i, (offset, length) in enumerate(sparse):
            h[386 + 24 * i:398 + 24 * i] = octal(offset, 12)
            h[398 + 24 * i:410 + 24 * i] = octal(length, 12)
        h[483:495] = octal(max(offset + length for offset, length in sparse), 12)
    checksum = sum(h) + (1 if broken_checksum else 0)
    h[148:156] = b"%06o\0 " % checksum
    return bytes(h)


def padded(data):
    return data + bytes(-len(data) % 512)


def pax_record(key, value):
    body = b" " + key + b"=" + value + b"\n"
    length = len(body) + 1
    while len(str(length)) + len(body) != length:
        length = len(str(length)) + len(body)
    return str(length).encode() + body


def pax(records):
    data = b"".join(pax_record(k, v) for k, v in records)
    return tar_header(b"PaxHeader/entry", len(data), b"x") + padded(data)


def entry(name, data=b"", **header):
    """One member; a name longer than ustar's 100 bytes goes into a pax header, as tar does it."""
    name = name.encode() if isinstance(name, str) else name
    long_name = pax([(b"path", name)]) if len(name) > 100 else b""
    return long_name + tar_header(name, len(data), **header) + padded(data)


TAR_END = bytes(1024)


def manifest_of(files, **edit):
    listed = [{"path": p, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()} for p, d in sorted(files.items())]
    doc = {"format": "showroom-kiosk-pack", "format_version": 1, "id": PACK_ID, "version": VERSION, "files": listed}
    doc.update(edit)
    return doc


def manifest_bytes(doc):
    return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode()


def pack_tar(files, manifest=None, extra=b"", before=b"", end=TAR_END):
    """manifest.json, then the files in path order, then `extra` (raw tar bytes), then the end."""
    doc = manifest if manifest is not None else manifest_bytes(manifest_of(files))
    body = entry("manifest.json", doc) + before
    for path, data in sorted(files.items()):
        body += entry(path, data)
    return body + extra + end


# --- gzip, streamed ----------------------------------------------------------------------------

ZERO_MIB = None


def zero_mib_deflated():
    global ZERO_MIB
    if ZERO_MIB is None:
        c = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
        ZERO_MIB = c.compress(bytes(MiB)) + c.flush(zlib.Z_FULL_FLUSH)
    return ZERO_MIB


class Gzip:
    """One gzip member: header with mtime 0 and no name, deflate level 9, CRC-32 and size."""

    def __init__(self, out):
        self.out = out
        self.deflate = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
        self.crc = 0
        self.size = 0
        out.write(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff")

    def write(self, data):
        self.crc = zlib.crc32(data, self.crc)
        self.size += len(data)
        self.out.write(self.deflate.compress(data))

    def zeros(self, count):
        self.out.write(self.deflate.flush(zlib.Z_FULL_FLUSH))
        block = zero_mib_deflated()
        zero = bytes(MiB)
        for _ in range(count // MiB):
            self.out.write(block)
            self.crc = zlib.crc32(zero, self.crc)
        self.size += count // MiB * MiB
        if count % MiB:
            self.write(bytes(count % MiB))

    def close(self, crc_xor=0, size_delta=0):
        self.out.write(self.deflate.flush())
        self.out.write(struct.pack("<II", (self.crc ^ crc_xor) & 0xFFFFFFFF, (self.size + size_delta) & 0xFFFFFFFF))


class Buffer:
    def __init__(self):
        self.data = bytearray()

    def write(self, data):
        self.data += data


def gzip(data, **close):
    out = Buffer()
    g = Gzip(out)
    g.write(data)
    g.close(**close)
    return bytes(out.data)


def gzip_parts(*parts):
    """Raw tar bytes and ('zeros', n) pieces, in order, as one gzip member."""
    out = Buffer()
    g = Gzip(out)
    for part in parts:
        if isinstance(part, tuple):
            g.zeros(part[1])
        else:
            g.write(part)
    g.close()
    return bytes(out.data)


ZEROS_SHA256 = {}


def zeros_sha256(count):
    if count in ZEROS_SHA256:
        return ZEROS_SHA256[count]
    h = hashlib.sha256()
    zero = bytes(MiB)
    for _ in range(count // MiB):
        h.update(zero)
    h.update(bytes(count % MiB))
    ZEROS_SHA256[count] = h.hexdigest()
    return ZEROS_SHA256[count]


def shown(name):
    """The entry's name as kiosk's messages show it (shownArchivePath): \\xNN outside printable ASCII."""
    raw = name.encode() if isinstance(name, str) else name
    text = "".join(chr(b) if 0x20 <= b < 0x7F else "\\x%02x" % b for b in raw[:120])
    return text + ("…" if len(raw) > 120 else "")


# --- the items ---------------------------------------------------------------------------------

ITEMS = []  # (name, archive bytes, entry, message)


def item(name, archive, entry_name, message):
    ITEMS.append((name, archive, entry_name, message))


def with_entry(name, data=b"<svg/>", **header):
    """The valid pack with one more tar entry, not in its manifest."""
    return gzip(pack_tar(BASE, extra=entry(name, data, **header)))


def with_listed(path, data=b"<svg/>"):
    """The valid pack with one more file, listed in its manifest."""
    files = dict(BASE)
    files[path] = data
    return gzip(pack_tar(files))


def with_manifest(doc_or_bytes, files=BASE):
    data = doc_or_bytes if isinstance(doc_or_bytes, bytes) else manifest_bytes(doc_or_bytes)
    return gzip(pack_tar(files, manifest=data))


def edited_manifest(edit, files=BASE):
    doc = manifest_of(files)
    edit(doc)
    return with_manifest(doc, files)


def content(files, entry_name, message):
    return (gzip(pack_tar(files)), entry_name, message)


def traversal_items():
    leaves = "has '..' in it, which would leave the pack"
    for name, path, why in [
        ("traversal-dotdot", "../" + ESCAPE, leaves),
        ("traversal-dotdot-deep", "../" * 12 + "tmp/" + ESCAPE, leaves),
        ("traversal-dotdot-inside", "images/../../" + ESCAPE, leaves),
        ("traversal-absolute", "/tmp/" + ESCAPE, "is an absolute path"),
        ("traversal-absolute-double-slash", "//tmp/" + ESCAPE, "is an absolute path"),
        ("traversal-backslash", "..\\" + ESCAPE, "has a backslash in it"),
        ("traversal-backslash-absolute", "C:\\tmp\\" + ESCAPE, "has a backslash in it"),
        ("traversal-drive-letter", "c:/tmp/" + ESCAPE, "has the character ':' in it"),
        ("traversal-percent-encoded", "%2e%2e/" + ESCAPE, "has the character '%' in it"),
        ("traversal-percent-encoded-slash", "%2e%2e%2f" + ESCAPE, "has the character '%' in it"),
        ("traversal-dot-folder", "./images/extra.svg", "has a '.' folder in it"),
        ("traversal-empty-folder-name", "images//extra.svg", "has an empty folder name"),
        ("traversal-hidden-file", "images/.extra.svg", "names a hidden file or folder"),
        ("traversal-control-character", "images/a\nb.svg", "has a control character in it"),
        ("traversal-too-deep", "a/b/c/d/e/f.svg", "is nested more than 5 deep"),
        ("traversal-too-long", "images/" + "a" * 200 + ".svg", "is longer than 200 characters"),
    ]:
        item(name, with_entry(path), shown(path), why)
    other = "has characters other than a-z, 0-9, '-', '_' and '.' in it"
    for name, raw in [
        ("traversal-overlong-utf8-dots", b"\xc0\xae\xc0\xae/" + ESCAPE.encode()),
        ("traversal-overlong-utf8-slash", b"..\xc0\xaf" + ESCAPE.encode()),
        ("traversal-fullwidth-dots", "\uff0e\uff0e/".encode() + ESCAPE.encode()),
        ("traversal-invalid-utf8", b"images/\xff\xfe.svg"),
    ]:
        item(name, with_entry(raw), shown(raw), other)
    # A NUL ends a tar name: what follows it is never seen, the name before it is judged.
    item("traversal-nul-in-name", with_entry(b"images/extra.svg\0/../../" + ESCAPE.encode()), "images/extra.svg",
         "the entry 'images/extra.svg' is not listed in the archive's manifest")
    # The real name hides in a header a naive reader skips: GNU long name, ustar prefix, pax path.
    long_name = ("../" * 40 + ESCAPE).encode()
    gnu = tar_header(b"././@LongLink", len(long_name) + 1, b"L") + padded(long_name + b"\0")
    item("traversal-gnu-long-name", gzip(pack_tar(BASE, extra=gnu + entry("images/ok.svg", b"<svg/>"))), shown(long_name), leaves)
    item("traversal-nul-in-pax-path", gzip(pack_tar(BASE, extra=pax([(b"path", b"images/extra.svg\0/../../" + ESCAPE.encode())]) +
                                                      entry("images/ok.svg", b"<svg/>"))), "images/extra.svg",
         "the entry 'images/extra.svg' is not listed in the archive's manifest")
    item("traversal-ustar-prefix", gzip(pack_tar(BASE, extra=entry(ESCAPE, b"<svg/>", prefix=b"../.."))), "../../" + ESCAPE, leaves)
    item("traversal-pax-path", gzip(pack_tar(BASE, extra=pax([(b"path", b"../" + ESCAPE.encode())]) + entry("images/ok.svg", b"<svg/>"))),
         "../" + ESCAPE, leaves)
    # The same names where the manifest lists them: refused before any file is written.
    for name, path, why in [
        ("manifest-path-dotdot", "../" + ESCAPE, leaves),
        ("manifest-path-absolute", "/tmp/" + ESCAPE, "is an absolute path"),
        ("manifest-path-backslash", "..\\" + ESCAPE, "has a backslash in it"),
        ("manifest-path-nul", "images/a\0.svg", "has a control character in it"),
    ]:
        item(name, with_listed(path), "manifest.json", f"path '{shown(path)}' {why}")


def link_items():
    item("symlink-to-outside", with_entry("images/link.svg", kind=b"2", link=b"/etc/passwd"), "images/link.svg",
         "is a symbolic link (to '/etc/passwd')")
    item("symlink-relative-up", with_entry("pages/up.toml", kind=b"2", link=b"../../../.."), "pages/up.toml",
         "is a symbolic link (to '../../../..')")
    # A link where a folder should be, then a file "through" it.
    files = dict(BASE)
    item("symlink-folder-then-file", gzip(pack_tar(files, before=entry("images", kind=b"2", link=b"/tmp"))), "images",
         "the entry 'images' is a symbolic link (to '/tmp')")
    item("hardlink-to-outside", with_entry("images/hard.svg", kind=b"1", link=b"/etc/passwd"), "images/hard.svg",
         "is a hard link (to '/etc/passwd')")
    item("hardlink-to-pack-file", with_entry("images/copy.svg", kind=b"1", link=b"images/tile.svg"), "images/copy.svg",
         "is a hard link (to 'images/tile.svg')")
    item("character-device", with_entry("images/tty.svg", kind=b"3"), "images/tty.svg", "the entry 'images/tty.svg' is a device")
    item("block-device", with_entry("images/disk.svg", kind=b"4"), "images/disk.svg", "the entry 'images/disk.svg' is a device")
    item("fifo", with_entry("images/pipe.svg", kind=b"6"), "images/pipe.svg", "is a FIFO (a named pipe)")
    item("folder-entry", with_entry("images/", kind=b"5"), "images/", "is a folder entry; pack archives hold only files")
    item("manifest-is-symlink", gzip(entry("manifest.json", kind=b"2", link=b"/etc/passwd") + TAR_END), "manifest.json",
         "manifest.json is a symbolic link (to '/etc/passwd')")
    item("manifest-is-hardlink", gzip(entry("manifest.json", kind=b"1", link=b"/etc/passwd") + TAR_END), "manifest.json",
         "manifest.json is a hard link (to '/etc/passwd')")
    # 6 bytes stored at offset 4096 of a 4102-byte file: the rest is a hole, filled with zeros.
    sparse = tar_header(b"images/sparse.svg", 6, b"S", sparse=[(4096, 6)]) + padded(b"<svg/>")
    item("sparse-entry", gzip(pack_tar(BASE, extra=sparse)), "images/sparse.svg", "is stored as a sparse file")


def duplicate_items():
    start = BASE["pages/start.toml"]
    item("duplicate-entry", gzip(pack_tar(BASE, extra=entry("pages/start.toml", start))), "pages/start.toml",
         "the entry 'pages/start.toml' is in the archive twice")
    item("duplicate-entry-other-content", gzip(pack_tar(BASE, extra=entry("pages/start.toml", b"title = 1\n"))),
         "pages/start.toml", "the entry 'pages/start.toml' is in the archive twice")
    manifest = manifest_bytes(manifest_of(BASE))
    item("duplicate-manifest-entry", gzip(pack_tar(BASE, extra=entry("manifest.json", manifest))), "manifest.json",
         "ends in '.json', a kind of file packs never hold")
    item("duplicate-file-in-manifest", edited_manifest(lambda m: m["files"].append(dict(m["files"][1]))), "manifest.json",
         "the manifest lists 'pack.toml' twice (again at files[4])")
    doubled = manifest.replace(b'{\n  "format"', b'{\n  "id": "other",\n  "format"', 1)
    item("duplicate-key-in-manifest", with_manifest(doubled), "manifest.json", "the manifest has the key 'id' twice in one object")
    doubled_size = manifest.replace(b'"size": ', b'"size": 1, "size": ', 1)
    item("duplicate-key-in-file-entry", with_manifest(doubled_size), "manifest.json", "the manifest has the key 'size' twice in one object")
    # Ids that collide: page ids are file names, so a case or Unicode twin is a second name for one page.
    item("collision-page-id-case", with_listed("pages/Start.toml", start), "manifest.json", "'pages/Start.toml' has capital letters in it")
    composed, decomposed = "pages/caf\u00e9.toml", "pages/cafe\u0301.toml"
    files = dict(BASE)
    files[composed] = start
    files[decomposed] = start
    item("collision-page-id-unicode-normalisation", gzip(pack_tar(files)), "manifest.json",
         f"'{shown(min(composed, decomposed))}' has characters other than a-z, 0-9, '-', '_' and '.' in it")
    item("collision-file-and-folder", with_listed("images/tile.svg/x.svg"), "manifest.json",
         "the manifest lists 'images/tile.svg' as a file and as the folder of 'images/tile.svg/x.svg'")
    item("collision-manifest-id-not-catalog-id", edited_manifest(lambda m: m.update(id="other")), "",
         "the archive holds pack other 1.0.0, not the one the catalog names")
    item("collision-manifest-version-not-catalog-version", edited_manifest(lambda m: m.update(version="1.0.1")), "",
         "the archive holds pack hostile 1.0.1, not the one the catalog names")


def bomb_items():
    big = 256 * MiB
    # The tar header announces the bomb; the manifest claims 100 bytes.
    files = dict(BASE)
    files["images/bomb.svg"] = bytes(100)
    doc = manifest_bytes(manifest_of(files))
    head = entry("manifest.json", doc) + b"".join(entry(p, d) for p, d in sorted(BASE.items()))
    item("bomb-header-larger-than-manifest", gzip_parts(head, tar_header(b"images/bomb.svg", big), ("zeros", big), TAR_END),
         "images/bomb.svg", f"'images/bomb.svg' is {big} bytes in the archive but 100 in its manifest")
    # Declared honestly, it is over the limit of one file.
    honest = manifest_of(BASE)
    honest["files"].insert(0, {"path": "images/bomb.svg", "size": 64 * MiB, "sha256": zeros_sha256(64 * MiB)})
    head = entry("manifest.json", manifest_bytes(honest))
    item("bomb-declared-in-manifest", gzip_parts(head, tar_header(b"images/bomb.svg", 64 * MiB), ("zeros", 64 * MiB),
                                                 b"".join(entry(p, d) for p, d in sorted(BASE.items())), TAR_END),
         "manifest.json", f"files[1] ('images/bomb.svg') is {64 * MiB} bytes; a pack file may have at most 10485760")
    # 21 files of 10 MiB: each within its limit, together over the pack's 200 MiB.
    ten = 10 * MiB
    many = manifest_of(BASE)
    names = [f"images/z{i:02}.png" for i in range(21)]
    many["files"] = sorted(many["files"] + [{"path": n, "size": ten, "sha256": zeros_sha256(ten)} for n in names], key=lambda f: f["path"])
    parts = [entry("manifest.json", manifest_bytes(many)), entry("images/tile.svg", TILE)]
    for n in names:
        parts += [tar_header(n.encode(), ten), ("zeros", ten)]
    parts += [entry("pack.toml", PACK_TOML), entry("pages/start.toml", BASE["pages/start.toml"]), TAR_END]
    item("bomb-total-over-pack-limit", gzip_parts(*parts), "manifest.json", "the files of the manifest add up to more than 209715200 bytes")
    # Zeros after the tar's end marker, inside the same gzip stream.
    item("bomb-after-end-marker", gzip_parts(pack_tar(BASE), ("zeros", big)), "", "the pack archive has data after the end of its tar archive")
    # The last entry's header says 100 bytes (as the manifest does); 64 MiB more data follow it.
    files = pack_with(**{"pages/zz-bomb.svg": bytes(100)})
    item("bomb-data-longer-than-header", gzip_parts(pack_tar(files, end=b""), ("zeros", 64 * MiB), b"A" * 512, TAR_END), "",
         "the pack archive has data after the end of its tar archive")
    # Sizes that lie in the header: pax and base-256 overrides of an honest-looking ustar size.
    files = pack_with(**{"images/extra.svg": b"<svg/>"})
    manifest = manifest_bytes(manifest_of(files))
    rest = b"".join(entry(p, d) for p, d in sorted(BASE.items()))
    lying_pax = pax([(b"size", b"107374182400")]) + entry("images/extra.svg", b"<svg/>")
    item("bomb-pax-size-lies", gzip(entry("manifest.json", manifest) + lying_pax + rest + TAR_END), "images/extra.svg",
         "'images/extra.svg' is 107374182400 bytes in the archive but 6 in its manifest")
    base256 = b"\x80" + (1 << 40).to_bytes(11, "big")
    lying_256 = tar_header(b"images/extra.svg", size_field=base256) + padded(b"<svg/>")
    item("bomb-base256-size-lies", gzip(entry("manifest.json", manifest) + lying_256 + rest + TAR_END), "images/extra.svg",
         f"'images/extra.svg' is {1 << 40} bytes in the archive but 6 in its manifest")
    negative = b"\xff" * 12
    item("bomb-negative-size", gzip(entry("manifest.json", manifest) + tar_header(b"images/extra.svg", size_field=negative) + rest + TAR_END),
         "", "Tar entry has negative size")
    # Metadata is data too: a pax header of 300 KB, and one of 3 MB (over libarchive's own cap).
    note = lambda n: pax([(b"SCHILY.xattr.user.note", b"x" * n)])
    item("bomb-pax-header-large", gzip(pack_tar(BASE, before=note(300 * 1024) + entry("images/ok.svg", b"<svg/>"))), "",
         "the pack archive holds more data than its manifest declares")
    item("bomb-pax-header-huge", gzip(pack_tar(BASE, before=note(3 * MiB) + entry("images/ok.svg", b"<svg/>"))), "",
         "Special header too large")
    long_name = b"a/" * (1 * MiB) + b"x.svg"
    gnu = tar_header(b"././@LongLink", len(long_name) + 1, b"L") + padded(long_name + b"\0")
    item("bomb-gnu-long-name-huge", gzip(pack_tar(BASE, extra=gnu + entry("images/ok.svg", b"<svg/>"))), "", "the pack archive")
    # manifest.json itself: too large by its header, too many files, nested too deep.
    item("bomb-manifest-too-large", gzip_parts(tar_header(b"manifest.json", 5 * MiB), ("zeros", 5 * MiB), TAR_END), "manifest.json",
         f"manifest.json is {5 * MiB} bytes; at most 4194304 are allowed")
    empty_sha = hashlib.sha256(b"").hexdigest()
    crowd = manifest_of(BASE)
    crowd["files"] += [{"path": f"images/e{i:05}.svg", "size": 0, "sha256": empty_sha} for i in range(20001)]
    item("bomb-manifest-too-many-files", with_manifest(json.dumps(crowd, separators=(",", ":")).encode()), "manifest.json",
         "files; a pack may have at most 20000")
    # Just under the manifest's 4 MiB: 1.4 million empty objects, each a value to build in memory.
    head = b'{"format":"showroom-kiosk-pack","format_version":1,"id":"hostile","version":"1.0.0","files":['
    count = (4 * MiB - len(head) - 8) // 3
    item("bomb-manifest-million-objects", with_manifest(head + b"{}," * count + b"{}]}"), "manifest.json",
         "the manifest holds more than 160016 values, far more than a list of 20000 files needs")
    item("bomb-manifest-nested-deep", with_manifest(b"[" * 100000 + b"]" * 100000), "manifest.json", "the manifest is nested more than 8 deep")
    # Archives inside the pack, under names a pack may use.
    inner = gzip(pack_tar(BASE))
    item("bomb-tar-gz-inside-pack", gzip(pack_tar(pack_with(**{"notes.md": inner}))), "notes.md",
         "'notes.md' is compressed data (gzip), which a pack must never contain")
    item("bomb-gzip-inside-pack", gzip(pack_tar(pack_with(**{"images/photo.png": gzip_parts(("zeros", 32 * MiB))}))), "images/photo.png",
         "'images/photo.png' is compressed data (gzip), which a pack must never contain")
    item("bomb-zip-inside-pack", gzip(pack_tar(pack_with(**{"notes.md": overlapping_zip()}))), "notes.md",
         "'notes.md' is compressed data (zip), which a pack must never contain")
    for name, path, data, kind in [
        ("bomb-xz-inside-pack", "notes.md", lzma.compress(bytes(MiB)), "xz"),
        ("bomb-bzip2-inside-pack", "images/photo.svg", bz2.compress(bytes(MiB)), "bzip2"),
        ("bomb-zstd-inside-pack", "notes.md", b"\x28\xb5\x2f\xfd\x04\x58" + bytes(16), "zstd"),
        ("bomb-7zip-inside-pack", "notes.md", b"7z\xbc\xaf\x27\x1c" + bytes(26), "7-Zip"),
    ]:
        item(name, gzip(pack_tar(pack_with(**{path: data}))), path, f"'{path}' is compressed data ({kind}), which a pack must never contain")
    # The whole archive compressed twice.
    item("bomb-gzip-inside-gzip", gzip(gzip(pack_tar(BASE))), "", "compressed twice")
    item("bomb-zip-overlapping-entries", overlapping_zip(), "", "the pack archive is not gzip-compressed")


def overlapping_zip():
    """A zip whose 64 central directory entries all point at one deflated 16 MiB of zeros."""
    data = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
    compressed = data.compress(bytes(16 * MiB)) + data.flush()
    crc = zlib.crc32(bytes(16 * MiB))
    name = b"z.svg"
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(compressed), 16 * MiB, len(name), 0) + name
    central = b""
    for i in range(64):
        n = b"z%02d.svg" % i
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(compressed), 16 * MiB,
                               len(n), 0, 0, 0, 0, 0, 0) + n
    offset = len(local) + len(compressed)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 64, 64, len(central), offset, 0)
    return local + compressed + central + end


def damage_items():
    good = gzip(pack_tar(BASE))
    item("truncated-half", good[:len(good) // 2], "", "the pack archive is damaged")
    item("truncated-gzip-trailer", good[:-4], "", "the pack archive is damaged")
    item("truncated-gzip-header", good[:10], "", "the pack archive is damaged")
    tar = pack_tar(BASE)
    start = tar.index(b"pages/start.toml\0")
    item("truncated-tar-in-entry", gzip(tar[:start + 512 + 10]), "pages/start.toml", "the pack archive is damaged in 'pages/start.toml'")
    item("truncated-tar-in-header", gzip(tar[:start + 200]), "", "the pack archive is damaged after 'pack.toml'")
    item("truncated-tar-end-marker", gzip(tar[:-1024]), "", "the pack archive ends without the end marker of its tar archive")
    item("corrupt-gzip-crc", gzip(tar, crc_xor=1), "", "its gzip checksum (CRC-32) does not match its data")
    item("corrupt-gzip-size", gzip(tar, size_delta=1), "", "its gzip trailer gives the wrong length")
    # Bit 1 of the first deflate byte: the block type becomes 3, which deflate does not have.
    block_type = bytearray(good)
    block_type[10] ^= 0x02
    item("corrupt-deflate-block-type", bytes(block_type), "", "the pack archive is damaged")
    at = tar.index(b"pages/start.toml\0")
    bad = tar[:at] + tar_header(b"pages/start.toml", len(BASE["pages/start.toml"]), broken_checksum=True) + tar[at + 512:]
    item("corrupt-tar-header-checksum", gzip(bad), "", "the pack archive is damaged after 'pack.toml'")
    item("corrupt-file-sha256", edited_manifest(lambda m: m["files"][2].update(sha256="a" * 64)), "pages/start.toml",
         "'pages/start.toml' has the sha256 ")
    item("trailing-garbage", good + b"trailing garbage", "", "the pack archive has 16 bytes after the end of its compressed data")
    item("trailing-zeros", good + bytes(512), "", "the pack archive has 512 bytes after the end of its compressed data")
    item("trailing-second-archive", good + good, "", "the pack archive has data after the end of its tar archive")
    # Other formats under the name .tar.gz.
    not_gzip = "the pack archive is not gzip-compressed"
    item("format-plain-tar", tar, "", not_gzip)
    item("format-bzip2-tar", bz2.compress(tar, 9), "", not_gzip)
    item("format-xz-tar", lzma.compress(tar, preset=6), "", not_gzip)
    item("format-png", png(8, 8), "", not_gzip)
    item("format-gzip-unknown-method", b"\x1f\x8b\x07" + good[3:], "", not_gzip)
    item("format-empty-file", b"", "", "the catalog declares 0 bytes")


def manifest_items():
    swapped = gzip(entry("pack.toml", PACK_TOML) + entry("manifest.json", manifest_bytes(manifest_of(BASE))) +
                   entry("images/tile.svg", TILE) + entry("pages/start.toml", BASE["pages/start.toml"]) + TAR_END)
    item("manifest-not-first", swapped, "pack.toml", "the pack archive starts with 'pack.toml', not with manifest.json")
    item("manifest-missing", gzip(b"".join(entry(p, d) for p, d in sorted(BASE.items())) + TAR_END), "images/tile.svg",
         "the pack archive starts with 'images/tile.svg', not with manifest.json")
    item("manifest-empty-archive", gzip(TAR_END), "", "the pack archive has no entries")
    item("manifest-not-json", with_manifest(b'format = "showroom-kiosk-pack"\n'), "manifest.json", "the manifest is not valid JSON")
    item("manifest-invalid-utf8", with_manifest(manifest_bytes(manifest_of(BASE)).replace(b'"hostile"', b'"host\xffile"')),
         "manifest.json", "the manifest is not valid JSON")
    item("manifest-nul-byte", with_manifest(manifest_bytes(manifest_of(BASE))[:-2] + b"\0}\n"), "manifest.json",
         "the manifest is not valid JSON")
    item("manifest-wrong-format", edited_manifest(lambda m: m.update(format="zip")), "manifest.json",
         "this is not a Showroom Kiosk pack archive (its format is \"zip\")")
    item("manifest-format-version-2", edited_manifest(lambda m: m.update(format_version=2)), "manifest.json",
         "the archive has format version 2; this kiosk reads version 1")
    item("manifest-unknown-key", edited_manifest(lambda m: m.update(signature="x")), "manifest.json", "unknown key 'signature' in the manifest")
    item("manifest-no-files", edited_manifest(lambda m: m.pop("files")), "manifest.json", "the manifest has no 'files'")
    item("manifest-id-traversal", edited_manifest(lambda m: m.update(id="../etc")), "manifest.json",
         "the manifest's id \"../etc\" is not a pack id")
    item("manifest-negative-size", edited_manifest(lambda m: m["files"][0].update(size=-1)), "manifest.json",
         "files[1].size is not a whole number of bytes")
    item("manifest-size-overflow", edited_manifest(lambda m: m["files"][0].update(size=2**64 - 1)), "manifest.json",
         f"files[1] ('images/tile.svg') is {2**64 - 1} bytes; a pack file may have at most 10485760")
    item("manifest-fraction-size", edited_manifest(lambda m: m["files"][0].update(size=1.5)), "manifest.json",
         "files[1].size is not a whole number of bytes")
    item("manifest-bad-sha256", edited_manifest(lambda m: m["files"][0].update(sha256="ABC")), "manifest.json",
         "files[1].sha256 is not 64 lowercase hex digits")
    item("manifest-no-pack-toml", edited_manifest(lambda m: m["files"].pop(1), files=BASE), "manifest.json", "the manifest lists no pack.toml")
    listed = manifest_of(pack_with(**{"images/missing.svg": b"<svg/>"}))
    item("manifest-lists-missing-file", with_manifest(listed), "images/missing.svg",
         "'images/missing.svg' is listed in the manifest but not in the archive")
    item("manifest-lists-font", with_listed("fonts/noto.ttf", b"\0\1\0\0font"), "manifest.json", "ends in '.ttf', a kind of file packs never hold")
    item("manifest-lists-program", with_listed("bin/tool.so", b"\x7fELF"), "manifest.json", "ends in '.so', a kind of file packs never hold")
    item("manifest-lists-script", with_listed("run.sh", b"#!/bin/sh\n"), "manifest.json", "ends in '.sh', a kind of file packs never hold")
    item("unlisted-entry", with_entry("pages/extra.toml", b"title = 1\n"), "pages/extra.toml",
         "the entry 'pages/extra.toml' is not listed in the archive's manifest")
    tar = pack_tar(BASE)
    at = tar.index(b"pages/start.toml\0")
    size = len(BASE["pages/start.toml"])
    shorter = tar[:at] + tar_header(b"pages/start.toml", size - 10) + padded(BASE["pages/start.toml"][:size - 10]) + TAR_END
    item("entry-smaller-than-manifest", gzip(shorter), "pages/start.toml",
         f"'pages/start.toml' is {size - 10} bytes in the archive but {size} in its manifest")
    longer = tar[:at] + tar_header(b"pages/start.toml", size + 700) + padded(BASE["pages/start.toml"] + b"#" * 700) + TAR_END
    item("entry-larger-than-manifest", gzip(longer), "pages/start.toml",
         f"'pages/start.toml' is {size + 700} bytes in the archive but {size} in its manifest")


def content_items():
    """Valid archives with a correct manifest: the pack checks must refuse them."""
    start = "pages/start.toml"
    for name, files, entry_name, message in [
        ("content-png-huge-dimensions", pack_with(**{start: page(image_block("images/huge.png")), "images/huge.png": png(100000, 100000)}),
         "images/huge.png", "is 100000 × 100000 pixels; at most 4096 × 4096 are allowed"),
        ("content-png-dimensions-overflow", pack_with(**{start: page(image_block("images/huge.png")), "images/huge.png": png(0xFFFFFFFF, 0xFFFFFFFF)}),
         "images/huge.png", "is 4294967295 × 4294967295 pixels; at most 4096 × 4096 are allowed"),
        ("content-png-zero-width", pack_with(**{start: page(image_block("images/thin.png")), "images/thin.png": png(0, 10)}),
         "images/thin.png", "is 0 × 10 pixels"),
        ("content-jpeg-huge-dimensions", pack_with(**{start: page(image_block("images/huge.jpg")), "images/huge.jpg": jpeg(65500, 65500)}),
         "images/huge.jpg", "is 65500 × 65500 pixels; at most 4096 × 4096 are allowed"),
        ("content-png-named-jpg", pack_with(**{start: page(image_block("images/photo.jpg")), "images/photo.jpg": png(8, 8)}),
         "images/photo.jpg", "picture 'images/photo.jpg' is a PNG file with the wrong ending"),
        ("content-jpeg-named-png", pack_with(**{start: page(image_block("images/photo.png")), "images/photo.png": jpeg(8, 8)}),
         "images/photo.png", "picture 'images/photo.png' is a JPEG file with the wrong ending"),
        ("content-svg-named-png", pack_with(**{start: page(image_block("images/photo.png")), "images/photo.png": TILE}),
         "images/photo.png", "picture 'images/photo.png' is an SVG file with the wrong ending"),
        ("content-text-named-png", pack_with(**{start: page(image_block("images/photo.png")), "images/photo.png": b"just some text\n"}),
         "images/photo.png", "picture 'images/photo.png' is not an SVG, PNG or JPEG image"),
        ("content-text-named-mp4", pack_with(**{"videos/intro.mp4": b"just some text, not a clip\n"}),
         "videos/intro.mp4", "this file's name says it is an MP4 video, but its content is not"),
        ("content-text-named-vtt", pack_with(**{"videos/intro.de.vtt": b"1\n00:00.000 --> 00:01.000\nHallo\n"}),
         "videos/intro.de.vtt", "this file's name says it is WebVTT subtitles"),
        ("content-svg-script", pack_with(**{"images/tile.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'}),
         "images/tile.svg", "picture 'images/tile.svg' contains <script"),
        ("content-svg-event-handler", pack_with(**{"images/tile.svg": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'}),
         "images/tile.svg", "picture 'images/tile.svg' contains onload="),
        ("content-svg-external-link", pack_with(**{"images/tile.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>'}),
         "images/tile.svg", "picture 'images/tile.svg' contains a link to another file"),
        ("content-svg-entity-bomb", pack_with(**{"images/tile.svg": billion_laughs()}),
         "images/tile.svg", "picture 'images/tile.svg' contains <!entity"),
        ("content-svg-too-large", pack_with(**{"images/tile.svg": TILE[:-7] + b"<!--" + b"x" * MiB + b"--></svg>\n"}),
         "images/tile.svg", "picture 'images/tile.svg' is larger than 1 MiB"),
        ("content-toml-syntax", pack_with(**{start: PAGE_HEAD + b'[[blocks]]\ntype = "text"\ntext.de = "Hallo\n'}),
         start, "not valid TOML"),
        ("content-toml-tables-nested-deep", pack_with(**{start: page(TEXT_BLOCK, b"[a.b.c.d.e.f.g.h]\nx = 1\n")}),
         start, "tables are nested more than 8 deep"),
        ("content-toml-arrays-nested-deep", pack_with(**{start: page(TEXT_BLOCK, b"x = " + b"[" * 200 + b"]" * 200 + b"\n")}),
         start, "tables are nested more than 8 deep"),
        ("content-toml-arrays-nested-deeper-than-parser", pack_with(**{start: page(TEXT_BLOCK, b"x = " + b"[" * 5000 + b"]" * 5000 + b"\n")}),
         start, "tables are nested more than 8 deep"),
        ("content-toml-dotted-key-nested-deep", pack_with(**{start: page(TEXT_BLOCK, b"a" + b".a" * 100000 + b" = 1\n")}),
         start, "tables are nested more than 8 deep"),
        ("content-toml-table-header-nested-deep", pack_with(**{start: page(TEXT_BLOCK, b"[a" + b".a" * 100000 + b"]\n")}),
         start, "tables are nested more than 8 deep"),
        ("content-toml-inline-tables-nested-deep", pack_with(**{start: page(TEXT_BLOCK, b"x = " + b"{a = " * 20000 + b"1" + b"}" * 20000 + b"\n")}),
         start, "tables are nested more than 8 deep"),
        ("content-toml-invalid-utf8", pack_with(**{start: PAGE_HEAD + TEXT_BLOCK.replace(b"Hallo", b"Hal\xc3\x28lo")}),
         start, "not valid TOML"),
        ("content-toml-overlong-utf8", pack_with(**{start: PAGE_HEAD + TEXT_BLOCK.replace(b"Hallo", b"Hal\xc0\xafo")}),
         start, "not valid TOML"),
        ("content-toml-nul-byte", pack_with(**{start: PAGE_HEAD + TEXT_BLOCK.replace(b"Hallo", b"Hal\0lo")}),
         start, "not valid TOML"),
        ("content-toml-too-large", pack_with(**{start: PAGE_HEAD + TEXT_BLOCK + b"# " + b"x" * (300 * 1024) + b"\n"}),
         start, "file is larger than 256 KiB"),
        ("content-text-enormous", pack_with(**{start: PAGE_HEAD + TEXT_BLOCK.replace(b'"Hallo."', b'"""' + b"Sehr viel Text. " * 12000 + b'"""')}),
         start, "characters, at most 3000 fit here"),
        ("content-word-too-long", pack_with(**{start: PAGE_HEAD + TEXT_BLOCK.replace(b"Hallo.", b"Kraftfahrzeugzulassungsbescheinigung.")}),
         start, "is too long to fit its block"),
        ("content-title-too-long", pack_with(**{start: PAGE_HEAD.replace(b'"Start"', b'"' + b"Lang " * 40 + b'"', 1) + TEXT_BLOCK}),
         start, "'title.de' has 200 characters, at most 80 fit here"),
        ("content-font-named-png", pack_with(**{"images/photo.png": b"OTTO\0\0\0\0font"}),
         "images/photo.png", "'images/photo.png' is a font, which a pack must never contain"),
        ("content-woff2-named-svg", pack_with(**{"images/photo.svg": b"wOF2\0\1\0\0font"}),
         "images/photo.svg", "'images/photo.svg' is a font, which a pack must never contain"),
        ("content-truetype-named-md", pack_with(**{"notes.md": b"\0\1\0\0\0\x10font"}),
         "notes.md", "'notes.md' is a font, which a pack must never contain"),
        ("content-elf-named-svg", pack_with(**{"images/tool.svg": b"\x7fELF\2\1\1\0" + bytes(56)}),
         "images/tool.svg", "'images/tool.svg' is a program, which a pack must never contain"),
        ("content-windows-program-named-md", pack_with(**{"notes.md": b"MZ\x90\0" + bytes(60)}),
         "notes.md", "'notes.md' is a program, which a pack must never contain"),
        ("content-shell-script-named-md", pack_with(**{"notes.md": b"#!/bin/sh\nrm -rf /\n"}),
         "notes.md", "'notes.md' is a script, which a pack must never contain"),
        ("content-shell-script-named-toml", pack_with(**{start: b"#!/bin/sh\n" + BASE[start]}),
         start, "'pages/start.toml' is a script, which a pack must never contain"),
        ("content-pack-id-not-manifest-id", pack_with(**{"pack.toml": PACK_TOML.replace(b'id = "hostile"', b'id = "other"')}),
         "pack.toml", "pack id 'other' differs from the id 'hostile' its catalog and archive give it"),
        ("content-pack-version-not-manifest-version", pack_with(**{"pack.toml": PACK_TOML.replace(b'version = "1.0.0"', b'version = "9.9.9"')}),
         "pack.toml", "pack.toml gives the version '9.9.9', but its catalog and archive give it 1.0.0"),
        ("content-page-id-invalid", pack_with(**{"pages/start_page.toml": BASE[start]}),
         "pages/start_page.toml", "the file name 'start_page' is not a valid id"),
        ("content-block-ids-collide", pack_with(**{start: page(button("go"), button("go"))}),
         start, "the id 'go' is used twice on this page"),
        ("content-quiz-answer-ids-collide", pack_with(**{start: page(quiz("a", "a"))}),
         start, "answer id 'a' is used twice in this quiz"),
        ("content-needs-newer-kiosk", pack_with(**{"pack.toml": PACK_TOML.replace(b'category', b'min_kiosk_version = "99.0.0"\ncategory')}),
         "pack.toml", "the pack needs kiosk 99.0.0 or newer"),
        ("content-start-page-missing", pack_with(**{"pack.toml": PACK_TOML.replace(b'start_page = "start"', b'start_page = "begin"')}),
         "pack.toml", "start page 'begin' does not exist"),
        ("content-html-in-text", pack_with(**{start: PAGE_HEAD + TEXT_BLOCK.replace(b"Hallo.", b"<script>alert(1)</script>")}),
         start, "HTML"),
        # A warning in pack.toml (sorted first) must not hide the error in the page.
        ("content-error-after-warning", pack_with(**{"pack.toml": PACK_TOML.replace(b'en = "A pack with exactly one mistake."\n', b""),
                                                     start: PAGE_HEAD + TEXT_BLOCK.replace(b"type", b"tpye")}),
         start, "the pack does not load: pages/start.toml:4:1: error: missing key 'blocks[1].type'"),
    ]:
        item(name, *content(files, entry_name, message))


def button(block_id):
    return f'[[blocks]]\ntype = "button"\nid = "{block_id}"\nto = "start"\nlabel.de = "Nochmal"\nlabel.en = "Again"\n'.encode()


def quiz(*answer_ids):
    text = '[[blocks]]\ntype = "quiz"\nid = "q"\nquestion.de = "Frage?"\nquestion.en = "Question?"\n'
    for i, answer in enumerate(answer_ids):
        text += (f'\n[[blocks.answers]]\nid = "{answer}"\ncorrect = {"true" if i == 0 else "false"}\n'
                 f'text.de = "Antwort"\ntext.en = "Answer"\nfeedback.de = "Gut"\nfeedback.en = "Good"\n')
    return text.encode()


def billion_laughs():
    """Entities of entities, 10^8 copies of one letter once expanded; "<svg" within the first 512 bytes."""
    lines = ['<!DOCTYPE svg [<!ENTITY a "a">']
    lines += [f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)]
    lines += [']><svg xmlns="http://www.w3.org/2000/svg"><text>&i;</text></svg>']
    return ("\n".join(lines) + "\n").encode()


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_hostile_corpus.py OUT_DIR")
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    traversal_items()
    link_items()
    duplicate_items()
    bomb_items()
    damage_items()
    manifest_items()
    content_items()
    names = [name for name, *_ in ITEMS]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        sys.exit(f"make_hostile_corpus.py: item names used twice: {sorted(duplicates)}")
    wanted = {name + ".tar.gz" for name in names} | {"control.tar.gz", "expected.tsv"}
    for stale in set(os.listdir(out)) - wanted:  # items renamed or removed since the last run
        os.remove(os.path.join(out, stale))
    rows = ["# item\tentry the error names (empty: the archive)\tpart of the error message"]
    for name, archive, entry_name, message in ITEMS:
        assert "\t" not in entry_name + message and "\n" not in entry_name + message, name
        write_if_changed(os.path.join(out, name + ".tar.gz"), archive)
        rows.append(f"{name}\t{entry_name}\t{message}")
    write_if_changed(os.path.join(out, "control.tar.gz"), gzip(pack_tar(BASE)))
    write_if_changed(os.path.join(out, "expected.tsv"), ("\n".join(rows) + "\n").encode())
    total = sum(os.path.getsize(os.path.join(out, f)) for f in os.listdir(out))
    print(f"{len(ITEMS)} hostile items and control.tar.gz in {out}: {total} bytes")


def write_if_changed(path, data):
    """Leaves an equal file alone, so a second run changes nothing (and no mtime) in OUT_DIR."""
    try:
        with open(path, "rb") as f:
            if f.read() == data:
                return
    except FileNotFoundError:
        pass
    with open(path + ".tmp", "wb") as f:
        f.write(data)
    os.replace(path + ".tmp", path)


if __name__ == "__main__":
    main()
