#!/usr/bin/env python3
"""Writes a valid pack of PAGES pages and IMAGES pictures, for the content-scaling benchmark
(tests/bench/content_scaling.sh; issue 9, item 5).

  tests/bench/make_scaled_pack.py OUT_FOLDER PAGES IMAGES

Every page has a heading, a text, a picture (round robin over the pictures) and a button to the
next page, so nothing is unreachable and `kiosk pack validate` reports no problem. The pictures
are small distinct SVGs (a few hundred bytes each): the benchmark measures how the kiosk's cost
grows with the amount of content, not how fast it decodes one large picture.
"""
import pathlib
import sys


def write(path: pathlib.Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def main() -> int:
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    out, pages, images = pathlib.Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    if pages < 1 or images < 1:
        print("PAGES and IMAGES must be at least 1", file=sys.stderr)
        return 2
    pack = out / f"scaled-{pages}"
    write(pack / "pack.toml",
          f'id = "scaled-{pages}"\nversion = "1.0.0"\ncategory = "hub"\nlanguages = ["en"]\n'
          'start_page = "p0"\ntile_icon = "images/i0.svg"\n'
          f'title.en = "{pages} pages"\ndescription.en = "A generated pack for measurements."\n')
    for i in range(images):
        hue = (i * 37) % 360
        write(pack / "images" / f"i{i}.svg",
              '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 90">'
              f'<rect width="160" height="90" fill="hsl({hue},60%,85%)"/>'
              f'<circle cx="{20 + i % 120}" cy="45" r="30" fill="hsl({hue},60%,40%)"/></svg>\n')
    for p in range(pages):
        following = f"p{p + 1}" if p + 1 < pages else "p0"
        write(pack / "pages" / f"p{p}.toml",
              f'title.en = "Page {p}"\n\n'
              f'[[blocks]]\ntype = "heading"\ntext.en = "Section {p}"\n\n'
              '[[blocks]]\ntype = "text"\n'
              'text.en = "A short paragraph with a **bold** word and a list:\\n\\n- one\\n- two"\n\n'
              f'[[blocks]]\ntype = "image"\nsrc = "images/i{p % images}.svg"\nalt.en = "Picture {p % images}"\n\n'
              f'[[blocks]]\ntype = "button"\nid = "next"\nlabel.en = "Next"\nto = "{following}"\n')
    print(pack)
    return 0


if __name__ == "__main__":
    sys.exit(main())
