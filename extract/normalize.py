"""Raw text -> normalised text, with a map from every normalised character back to the raw text.

The rules downstream read one clean form: Simplified script, half-width digits and punctuation,
no pinyin glosses inside words, no line breaks or spaces splitting a word or a number. Analysts
check figures against the original, so each normalised character remembers the raw offset it
came from, and `Normalized.raw_span` turns a normalised span back into raw offsets.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from extract.rules import load_table

# A gloss is a parenthesised pinyin syllable right after a Han character: 項(xiàng)目.
# It must carry a tone mark, so that an ordinary bracketed word such as 公司(ltd) stays.
_TONE_LETTERS = "".join(regex.escape(row["letter"]) for row in load_table("pinyin_tone_letters"))
_PINYIN_LETTERS = "a-zü" + _TONE_LETTERS
_GLOSS = regex.compile(
    rf"(?<=\p{{Han}})[(（](?=[{_PINYIN_LETTERS}]{{0,6}}[{_TONE_LETTERS}])[{_PINYIN_LETTERS}]{{1,7}}[)）]"
)

# A line break inside a paragraph: the line before is prose that does not end a sentence, and
# the next line goes on with a Han character or a digit (seeds 002, 003 break words so). Prose
# means a long line, or a shorter one with a comma but no colon, with no words set apart by spaces;
# headings ("通州:提振精气神,聚力项目建设", "跨过长江敢比拼 勇立潮头争领先"), bylines and source lines
# are never joined to what follows.
_SENTENCE_END = "。！？!?；;：:”’」』）)】》…"
_MIN_BROKEN_LINE = 30
_LINE_BREAK = regex.compile(r"[ \t\u3000\xa0]*(?:\r?\n[ \t\u3000\xa0]*)+")
_CLAUSE_MARK = regex.compile(r"[,，、]")
OUTLINE_NUMBER = regex.compile(r"(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．])")
_HEADING_COLON = regex.compile(r"[:：]")
_CONTINUES = regex.compile(r"[\p{Han}0-9０-９]")
_JOINABLE_END = regex.compile(r"[\p{Han}0-9]")   # a line that ends so may run on into the next
# Words set apart by spaces: a title in parts ("…推进会召开 全年计划实施…项目600个"), a byline ("记者 陈高飞")
# or a source line ("2022-03-18 10:25　来源：…"). Running prose has none, so such a line is never joined to
# the next (the date line under a long title, the first paragraph under a source line). A space after a
# digit (177.1 亿元) is a number's, not a separator.
_SPACED_WORDS = regex.compile(r"\S[\u3000\xa0]+\S|[\p{Han}\p{P}] +\S")
# The spaces one of them needs: a line without any (most prose) is not searched for such words, which
# the regex module would try at every character.
_SPACE_CHARS = re.compile("[ \u3000\xa0]")

# Horizontal space between a digit and a digit or Han character (1 万, 新台币 177.1 亿元).
_INNER_SPACE = regex.compile(
    r"(?<=[0-9０-９.．])[ \t\u3000\xa0]+(?=[0-9０-９\p{Han}])|(?<=\p{Han})[ \t\u3000\xa0]+(?=[0-9０-９])"
)


@dataclass(frozen=True)
class Normalized:
    """The normalised text and where each of its characters came from in the raw text.

    Normalising only removes characters (glosses, line breaks, spaces) and replaces others one
    for one, so the normalised text is a few runs of consecutive raw characters: `run_starts[k]`
    is where run k begins in `text`, `run_raw_starts[k]` where it begins in `raw`.
    """
    raw: str
    text: str
    run_starts: tuple[int, ...]
    run_raw_starts: tuple[int, ...]

    def raw_offset(self, i: int) -> int:
        """The raw index of text[i]; len(raw) for i = len(text)."""
        if i >= len(self.text):
            return len(self.raw)
        k = bisect.bisect_right(self.run_starts, i) - 1
        return self.run_raw_starts[k] + i - self.run_starts[k]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw [start, end) covering normalised [start, end), removed characters inside included."""
        if end <= start:
            at = self.raw_offset(start)
            return at, at
        return self.raw_offset(start), self.raw_offset(end - 1) + 1

    def raw_text(self, start: int, end: int) -> str:
        a, b = self.raw_span(start, end)
        return self.raw[a:b]


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


# Full-width ASCII (！ to ～) and the ideographic space fold to their half-width forms, one to one.
_FULL_TO_HALF = {chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)} | {"\u3000": " "}
_FULL_WIDTH = re.compile("[\uFF01-\uFF5E\u3000]")


def _fold_full_width(text: str) -> str:
    """Replace only the full-width characters the text holds: an article uses a handful of them
    (，：（）), and a replace per character is ten times faster than str.translate over every one."""
    for ch in set(_FULL_WIDTH.findall(text)):
        text = text.replace(ch, _FULL_TO_HALF[ch])
    return text


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


# The map from a text to the raw text, as runs: (start in the text, start in the raw text).
Runs = list[tuple[int, int]]


def _drop(text: str, runs: Runs, pattern: regex.Pattern, keep=None) -> tuple[str, Runs]:
    """Remove every match of `pattern` (but those `keep` accepts) from the text, and map the
    characters that stay to where they came from."""
    kept = []
    last = 0
    for m in pattern.finditer(text):
        if keep is None or not keep(text, m):
            kept.append((last, m.start()))
            last = m.end()
    if not kept:
        return text, runs
    kept.append((last, len(text)))
    starts = [start for start, _ in runs]
    pieces: list[str] = []
    new_runs: Runs = []
    length = 0
    for begin, end in kept:
        if begin == end:
            continue
        # the runs that overlap text[begin:end], each cut to it and moved to its new place
        k = bisect.bisect_right(starts, begin) - 1
        while k < len(runs) and runs[k][0] < end:
            piece = max(begin, runs[k][0])
            new_start, raw_start = length + piece - begin, runs[k][1] + piece - runs[k][0]
            if not new_runs or new_runs[-1][1] + new_start - new_runs[-1][0] != raw_start:
                new_runs.append((new_start, raw_start))
            k += 1
        pieces.append(text[begin:end])
        length += end - begin
    return "".join(pieces), new_runs or [(0, 0)]


def _keeps_line_break(text: str, m: regex.Match) -> bool:
    """True when this line break really ends a line (heading, sentence end, short line)."""
    line_start = text.rfind("\n", 0, m.start()) + 1   # no copy of the text before: linear overall
    line = text[line_start : m.start()].strip()
    if not line or line[-1] in _SENTENCE_END or line[0] == "#":
        return True
    if OUTLINE_NUMBER.match(line) and "。" not in line:
        return True  # 一、交通基建 / (二) 招商引资: an outline heading, whatever its length
    if _SPACE_CHARS.search(line) and _SPACED_WORDS.search(line):
        return True  # a title, byline or source line
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
    runs: Runs = [(0, 0)]
    text, runs = _drop(raw, runs, _GLOSS)
    text, runs = _drop(text, runs, _LINE_BREAK, keep=_keeps_line_break)
    text = _fold_full_width(text)
    text, runs = _drop(text, runs, _INNER_SPACE)
    text = _to_simplified(text)
    return Normalized(raw=raw, text=text, run_starts=tuple(s for s, _ in runs),
                      run_raw_starts=tuple(r for _, r in runs))
