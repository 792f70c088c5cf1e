"""Regenerate ``clean/data/translation/language_names.txt`` from CLDR, through babel.

The file lists what languages are called, in every language the translation lexicons cover, plus every language's
own name for itself (its autonym: "Kiswahili", "Yorùbá", "አማርኛ"). The detectors read it to recognise "available
in German", "auf Englisch lesen", "disponible en français" and language switchers, for any language pair.

babel is needed here only, at build time (``pip install babel``); the library reads the committed output and does
not depend on babel at run time.

    python scripts/build_language_names.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel import Locale, __version__ as babel_version
from babel.core import UnknownLocaleError
from babel.localedata import locale_identifiers

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "clean" / "data" / "translation" / "language_names.txt"
sys.path.insert(0, str(ROOT))

from clean.phrases import normalize  # noqa: E402  (the same spelling the matcher uses)

#: Languages whose names are listed in every display language: the languages pages are commonly offered in
#: (the ~130 languages of the major translation services and CMS language lists).
TARGETS = """af am ar as az be bg bn bo bs ca ceb co cs cy da de dv el en eo es et eu fa fi fil fo fr fy ga gd gl gn
gu ha haw he hi hmn hr ht hu hy id ig is it ja jv ka kk km kn ko ku ky la lb lg ln lo lt lv mg mi mk ml mn mr ms
mt my ne nl nn no nb ny om or pa pl ps pt qu ro ru rw sa sd si sk sl sm sn so sq sr st su sv sw ta te tg th ti tk
tl tn tr ts tt ug uk ur uz vi wo xh yi yo zh zu""".split()


def display_languages() -> list[str]:
    """The languages of the translation lexicons (their file names), as CLDR locale codes."""
    codes = set()
    for path in (ROOT / "clean" / "data" / "translation").glob("*.txt"):
        if path.stem != "language_names" and path.stem != "tools":
            codes.add(path.stem.split("-")[0].replace("tl", "fil") if path.stem == "tl" else path.stem.split("-")[0])
    return sorted(codes | {"en"})


def main() -> None:
    entries: dict[str, set[str]] = {}

    def add(name: str | None, code: str) -> None:
        key = normalize(name or "")
        if key and (len(key) >= 3 or not key.isascii()):
            entries.setdefault(key, set()).add(code)

    for display in display_languages():
        try:
            loc = Locale.parse(display)
        except (UnknownLocaleError, ValueError):
            continue
        for code in TARGETS:
            add(loc.languages.get(code), code)
    for ident in locale_identifiers():
        base = ident.split("_")[0]
        if "_" in ident:
            continue
        try:
            loc = Locale.parse(base)
        except (UnknownLocaleError, ValueError):
            continue
        add(loc.languages.get(base), base)  # the autonym
    lines = [
        "# language: all (language names)",
        f"# source: CLDR language display names via babel {babel_version} (scripts/build_language_names.py):",
        "#   the names of the languages in TARGETS in every lexicon language, and every CLDR locale's autonym",
        "# format: normalized name<TAB>language codes it names; generated, do not edit by hand",
    ]
    lines += [f"{key}\t{' '.join(sorted(codes))}" for key, codes in sorted(entries.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(entries)} names written to {OUT}")


if __name__ == "__main__":
    main()
