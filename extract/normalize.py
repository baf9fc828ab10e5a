"""Raw text -> normalised text, with a map from every normalised character back to the raw text.

The rules downstream read one clean form: Simplified script, half-width digits and punctuation,
no pinyin glosses inside words, no line breaks or spaces splitting a word or a number. Analysts
check figures against the original, so each normalised character remembers the raw offset it
came from, and `Normalized.raw_span` turns a normalised span back into raw offsets.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from extract.rules import load_table

# A gloss is a parenthesised pinyin syllable right after a Han character: 項(xiàng)目.
# It must carry a tone mark, so that an ordinary bracketed word such as 公司(ltd) stays.
_PINYIN_LETTERS = "a-zü" + "".join(row["letter"] for row in load_table("pinyin_tone_letters"))
_TONE_LETTERS = "".join(row["letter"] for row in load_table("pinyin_tone_letters"))
_GLOSS = regex.compile(
    rf"(?<=\p{{Han}})[(（](?=[{_PINYIN_LETTERS}]{{0,6}}[{_TONE_LETTERS}])[{_PINYIN_LETTERS}]{{1,7}}[)）]"
)

# A line break inside a paragraph: the line before is prose that does not end a sentence, and
# the next line goes on with a Han character or a digit (seeds 002, 003 break words so). Prose
# means a long line, or a shorter one with a comma but no colon; headings ("通州:提振精气神,聚力
# 项目建设", "跨过长江敢比拼 勇立潮头争领先") are never joined to what follows.
_SENTENCE_END = "。！？!?；;：:”’」』）)】》…"
_MIN_BROKEN_LINE = 30
_LINE_BREAK = regex.compile(r"[ \t\u3000\xa0]*(?:\r?\n[ \t\u3000\xa0]*)+")
_CLAUSE_MARK = regex.compile(r"[,，、]")
OUTLINE_NUMBER = regex.compile(r"(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．])")
_HEADING_COLON = regex.compile(r"[:：]")
_CONTINUES = regex.compile(r"[\p{Han}0-9０-９]")
_JOINABLE_END = regex.compile(r"[\p{Han}0-9]")   # a line that ends so may run on into the next

# Horizontal space between a digit and a digit or Han character (1 万, 新台币 177.1 亿元).
_INNER_SPACE = regex.compile(
    r"(?<=[0-9０-９.．])[ \t\u3000\xa0]+(?=[0-9０-９\p{Han}])|(?<=\p{Han})[ \t\u3000\xa0]+(?=[0-9０-９])"
)


@dataclass(frozen=True)
class Normalized:
    raw: str
    text: str
    offsets: tuple[int, ...]  # offsets[i] = raw index of text[i]; offsets[len(text)] = len(raw)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw [start, end) covering normalised [start, end), removed characters inside included."""
        if end <= start:
            at = self.offsets[start]
            return at, at
        return self.offsets[start], self.offsets[end - 1] + 1

    def raw_text(self, start: int, end: int) -> str:
        a, b = self.raw_span(start, end)
        return self.raw[a:b]


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


# Full-width ASCII (！ to ～) and the ideographic space fold to their half-width forms, one to one.
_FULL_TO_HALF = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def _to_simplified(text: str) -> str:
    """OpenCC t2s, kept length-preserving so that offsets stay aligned.

    OpenCC converts phrases; where a phrase changes length (rare), that line is converted
    character by character instead, which keeps the alignment at the cost of phrase context.
    """
    converter = _t2s()
    whole = converter.convert(text)
    if len(whole) == len(text):
        return whole
    lines = []
    for line in text.splitlines(keepends=True):
        converted = converter.convert(line)
        if len(converted) != len(line):
            converted = "".join(
                c if len(c) == 1 else ch for ch, c in ((ch, converter.convert(ch)) for ch in line)
            )
        lines.append(converted)
    return "".join(lines)


def _drop(text: str, offsets: list[int], pattern: regex.Pattern, keep=None) -> tuple[str, list[int]]:
    """Remove every match of `pattern` (or the part `keep` rejects) from text and offsets alike."""
    out_chars: list[str] = []
    out_offsets: list[int] = []
    last = 0
    for m in pattern.finditer(text):
        if keep is not None and keep(text, m):
            continue
        out_chars.append(text[last : m.start()])
        out_offsets.extend(offsets[last : m.start()])
        last = m.end()
    out_chars.append(text[last:])
    out_offsets.extend(offsets[last : len(text)])
    return "".join(out_chars), out_offsets


def _keeps_line_break(text: str, m: regex.Match) -> bool:
    """True when this line break really ends a line (heading, sentence end, short line)."""
    line_start = text.rfind("\n", 0, m.start()) + 1   # no copy of the text before: linear overall
    line = text[line_start : m.start()].strip()
    if not line or line[-1] in _SENTENCE_END or line[0] == "#":
        return True
    if OUTLINE_NUMBER.match(line) and "。" not in line:
        return True  # 一、交通基建 / (二) 招商引资: an outline heading, whatever its length
    is_prose = len(line) >= _MIN_BROKEN_LINE or (
        _CLAUSE_MARK.search(line) is not None and _HEADING_COLON.search(line) is None
    )
    if not is_prose:
        return True
    if not _CONTINUES.match(text, m.end()):
        return True
    return not _JOINABLE_END.match(line[-1])


def normalize(raw: str) -> Normalized:
    if not isinstance(raw, str):
        raise TypeError(f"normalize() takes str, not {type(raw).__name__}")
    offsets = list(range(len(raw)))
    text, offsets = _drop(raw, offsets, _GLOSS)
    text, offsets = _drop(text, offsets, _LINE_BREAK, keep=_keeps_line_break)
    text = text.translate(_FULL_TO_HALF)
    text, offsets = _drop(text, offsets, _INNER_SPACE)
    text = _to_simplified(text)
    offsets.append(len(raw))
    return Normalized(raw=raw, text=text, offsets=tuple(offsets))
