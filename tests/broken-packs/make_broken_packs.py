#!/usr/bin/env python3
# Writes the deliberately broken packs next to this script: one mistake each, one folder per
# mistake class. tests/cli/CMakeLists.txt runs `kiosk pack validate` on each and checks the
# message and its line. Run it again after changing a pack here; commit the folders.
import pathlib
os_chdir = __import__("os").chdir(pathlib.Path(__file__).parent)
import os, struct, zlib, shutil
TILE = '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#1F6FC5"/></svg>\n'
def manifest(pid, extra=""):
    return f'''id = "{pid}"
version = "1.0.0"
category = "egov"
languages = ["de", "en"]
start_page = "start"
tile_icon = "images/tile.svg"
{extra}title.de = "Kaputtes Paket"
title.en = "Broken pack"
description.de = "Enthält absichtlich einen Fehler."
description.en = "Contains one mistake on purpose."
'''
def page(blocks):
    return 'title.de = "Start"\ntitle.en = "Start"\n\n' + blocks
TEXT = '[[blocks]]\ntype = "text"\ntext.de = "Hallo"\ntext.en = "Hello"\n'
def png(w, h):
    def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IEND", b"")
# A one-second 64 x 64 clip made with the ffmpeg command (deploy/install-deps.sh), bit-exact so a
# second run writes the same bytes. `codec`: ffmpeg's -c:v arguments.
def clip(*codec):
    import subprocess, tempfile
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "clip.mp4")
        subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc=size=64x64:rate=5", "-t", "1",
                        *codec, "-pix_fmt", "yuv420p", "-fflags", "+bitexact", "-flags:v", "+bitexact", "-map_metadata", "-1",
                        "-movflags", "+faststart", out], check=True)
        with open(out, "rb") as f: return f.read()
H264 = clip("-c:v", "libx264", "-preset", "ultrafast")
def video(extra):
    return page('[[blocks]]\ntype = "video"\nid = "intro"\nsrc = "videos/intro.mp4"\n' + extra)
VIDEO_TEXTS = 'alt.de = "Ein Testbild"\nalt.en = "A test picture"\nsubtitles.de = "videos/intro.de.vtt"\nsubtitles.en = "videos/intro.en.vtt"\n'
VTT = "WEBVTT\n\n00:00.000 --> 00:01.000\nTestbild\n"

packs = {
 "toml-syntax": {"pages/start.toml": page('[[blocks]]\ntype = "text"\ntext.de = "Hallo\ntext.en = "Hello"\n')},
 "unknown-key": {"pages/start.toml": page('[[blocks]]\ntype = "image"\nsrc = "images/tile.svg"\nalt.de = "Ein blaues Quadrat"\nalt.en = "A blue square"\ncaptoin.de = "Bildunterschrift"\n')},
 "unknown-block-type": {"pages/start.toml": page('[[blocks]]\ntype = "imgae"\nsrc = "images/tile.svg"\n')},
 "wrong-type": {"pages/start.toml": page('[[blocks]]\ntype = "quiz"\nid = "q"\nquestion.de = "Frage?"\nquestion.en = "Question?"\n\n[[blocks.answers]]\nid = "a"\ncorrect = "yes"\ntext.de = "Ja"\ntext.en = "Yes"\nfeedback.de = "Gut"\nfeedback.en = "Good"\n\n[[blocks.answers]]\nid = "b"\ncorrect = true\ntext.de = "Nein"\ntext.en = "No"\nfeedback.de = "Gut"\nfeedback.en = "Good"\n')},
 "missing-alt-text": {"pages/start.toml": page('[[blocks]]\ntype = "image"\nsrc = "images/tile.svg"\n')},
 "missing-image": {"pages/start.toml": page('[[blocks]]\ntype = "image"\nsrc = "images/photo.png"\nalt.de = "Ein Foto"\nalt.en = "A photo"\n')},
 "broken-page-link": {"pages/start.toml": page('[[blocks]]\ntype = "button"\nid = "go"\nto = "stpes"\nlabel.de = "Weiter"\nlabel.en = "Next"\n'),
                      "pages/steps.toml": page(TEXT)},
 "broken-text-link": {"pages/start.toml": page('[[blocks]]\ntype = "text"\ntext.de = "Mehr unter [Schritte](schritte)."\ntext.en = "More in [steps](steps)."\n'),
                      "pages/steps.toml": page(TEXT)},
 "website-link-in-text": {"pages/start.toml": page('[[blocks]]\ntype = "text"\ntext.de = "Siehe [Portal](https://example.org)."\ntext.en = "See the [portal](https://example.org)."\n')},
 "html-in-text": {"pages/start.toml": page('[[blocks]]\ntype = "text"\ntext.de = "Das ist <b>wichtig</b>."\ntext.en = "This is **important**."\n')},
 "duplicate-id": {"pages/start.toml": page('[[blocks]]\ntype = "button"\nid = "go"\nto = "start"\nlabel.de = "Nochmal"\nlabel.en = "Again"\n\n[[blocks]]\ntype = "button"\nid = "go"\nto = "start"\nlabel.de = "Von vorn"\nlabel.en = "From the start"\n')},
 "invalid-page-id": {"pages/start.toml": page('[[blocks]]\ntype = "button"\nid = "go"\nto = "start"\nlabel.de = "Nochmal"\nlabel.en = "Again"\n'), "pages/How To.toml": page(TEXT)},
 "text-too-long": {"pages/start.toml": page('[[blocks]]\ntype = "heading"\ntext.de = "' + "Eine Überschrift, die viel zu lang ist " * 3 + '"\ntext.en = "A heading"\n')},
 "word-too-long": {"pages/start.toml": page('[[blocks]]\ntype = "heading"\ntext.de = "Die Kraftfahrzeugzulassungsbescheinigung"\ntext.en = "The vehicle registration certificate"\n')},
 "image-too-large": {"pages/start.toml": page('[[blocks]]\ntype = "image"\nsrc = "images/poster.png"\nalt.de = "Ein Plakat"\nalt.en = "A poster"\n'), "images/poster.png": png(12000, 9000)},
 "image-wrong-ending": {"pages/start.toml": page('[[blocks]]\ntype = "image"\nsrc = "images/photo.svg"\nalt.de = "Ein Foto"\nalt.en = "A photo"\n'), "images/photo.svg": png(64, 64)},
 "script-in-svg": {"pages/start.toml": page('[[blocks]]\ntype = "image"\nsrc = "images/map.svg"\nalt.de = "Eine Karte"\nalt.en = "A map"\n'),
                   "images/map.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script><rect width="10" height="10"/></svg>\n'},
 "font-in-pack": {"pages/start.toml": page(TEXT), "images/letters.png": b"OTTO" + b"\0" * 60},
 "quiz-without-correct-answer": {"pages/start.toml": page('[[blocks]]\ntype = "quiz"\nid = "q"\nquestion.de = "Frage?"\nquestion.en = "Question?"\n\n[[blocks.answers]]\nid = "a"\ntext.de = "Ja"\ntext.en = "Yes"\nfeedback.de = "Hm"\nfeedback.en = "Hm"\n\n[[blocks.answers]]\nid = "b"\ntext.de = "Nein"\ntext.en = "No"\nfeedback.de = "Hm"\nfeedback.en = "Hm"\n')},
 "qr-not-https": {"pages/start.toml": page('[[blocks]]\ntype = "qr"\nid = "portal"\nurl = "http://example.org/service"\nlabel.de = "Weiter am Handy"\nlabel.en = "Continue on your phone"\n')},
 "flow-choice-with-one-option": {"pages/start.toml": page('[[blocks]]\ntype = "button"\nid = "try"\nflow = "form"\nlabel.de = "Ausprobieren"\nlabel.en = "Try it"\n'),
     "flows/form.toml": 'title.de = "Demo: Formular"\ntitle.en = "Demo: form"\n\n[[steps]]\nid = "one"\ntitle.de = "Schritt"\ntitle.en = "Step"\n\n[[steps.fields]]\nid = "who"\ntype = "choice"\nlabel.de = "Wer?"\nlabel.en = "Who?"\n\n[[steps.fields.options]]\nid = "me"\nlabel.de = "Ich"\nlabel.en = "Me"\n\n[result]\ntitle.de = "Fertig"\ntitle.en = "Done"\ntext.de = "Danke."\ntext.en = "Thank you."\n'},
 "flow-to-missing-flow": {"pages/start.toml": page('[[blocks]]\ntype = "button"\nid = "try"\nflow = "apply"\nlabel.de = "Ausprobieren"\nlabel.en = "Try it"\n')},
 "kiosk-too-old": {"pack.toml": manifest("kiosk-too-old", 'min_kiosk_version = "99.0.0"\n')},
 "missing-translation": {"pages/start.toml": page('[[blocks]]\ntype = "text"\ntext.de = "Nur auf Deutsch."\n')},
 "easy-language-long-sentence": {"pack.toml": manifest("easy-language-long-sentence").replace('languages = ["de", "en"]', 'languages = ["de", "en", "de-x-ls"]').replace('title.en = "Broken pack"\n', 'title.en = "Broken pack"\ntitle.de-x-ls = "Kaputtes Paket"\n').replace('description.en = "Contains one mistake on purpose."\n', 'description.en = "Contains one mistake on purpose."\ndescription.de-x-ls = "Hier ist ein Fehler."\n'),
                                 "pages/start.toml": 'title.de = "Start"\ntitle.en = "Start"\ntitle.de-x-ls = "Start"\n\n[[blocks]]\ntype = "text"\ntext.de = "Hallo"\ntext.en = "Hello"\ntext.de-x-ls = """\nDas ist kurz.\n\nWenn Sie morgen mit dem Bus zum Amt fahren und dort Ihren neuen Ausweis mit einem Foto abholen möchten, bringen Sie bitte Geld mit.\n"""\n'},
 "unreachable-page": {"pages/extra.toml": page(TEXT)},
 "untranslated-text": {"pages/start.toml": page('[[blocks]]\ntype = "facts"\n\n[[blocks.facts]]\nvalue = "0"\nlabel.de = "Wege zum Amt"\nlabel.en = "trips to the office"\n\n[[blocks.facts]]\nvalue.de = "24/7"\nvalue.en = "24/7"\nlabel.de = "erreichbar"\nlabel.en = "available"\n')},
 "video-missing-poster": {"pages/start.toml": video(VIDEO_TEXTS), "videos/intro.mp4": H264, "videos/intro.de.vtt": VTT, "videos/intro.en.vtt": VTT},
 "video-bad-subtitles": {"pages/start.toml": video('poster = "images/tile.svg"\n' + VIDEO_TEXTS), "videos/intro.mp4": H264, "videos/intro.en.vtt": VTT,
                         "videos/intro.de.vtt": "WEBVTT\n\n00:00.000 --> 00:00.500\nTest\n\n00:00:00,500 --> 00:00:01,000\nbild\n"},
 "video-wrong-codec": {"pages/start.toml": video('poster = "images/tile.svg"\n' + VIDEO_TEXTS), "videos/intro.mp4": clip("-c:v", "mpeg4"),
                       "videos/intro.de.vtt": VTT, "videos/intro.en.vtt": VTT},
 "video-not-a-video": {"pages/start.toml": video('poster = "images/tile.svg"\n' + VIDEO_TEXTS), "videos/intro.mp4": "Hier kommt noch ein Film.\n",
                       "videos/intro.de.vtt": VTT, "videos/intro.en.vtt": VTT},
 # A warning in pack.toml sorts before the error in pages/: the error must still be printed first.
 "errors-before-warnings": {"pack.toml": manifest("errors-before-warnings").replace('description.en = "Contains one mistake on purpose."\n', ""),
                            "pages/start.toml": page('[[blocks]]\ntype = "heding"\ntext.de = "Hallo"\ntext.en = "Hello"\n')},
}
for pid, files in packs.items():
    shutil.rmtree(pid, ignore_errors=True)
    base = {"pack.toml": manifest(pid), "images/tile.svg": TILE, "pages/start.toml": page(TEXT)}
    base.update(files)
    for rel, content in base.items():
        path = os.path.join(pid, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        mode = "wb" if isinstance(content, bytes) else "w"
        with open(path, mode) as f: f.write(content)
