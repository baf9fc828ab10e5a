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
# A line break with the spaces around it; its spaces before are read backwards from the break, as the
# regex module tries a pattern that opens with them at every position of the text.
_LINE_BREAK = regex.compile(r"\r?\n[ \t\u3000\xa0]*(?:\r?\n[ \t\u3000\xa0]*)*")
_SPACES_BEFORE = regex.compile(r"(?r)[ \t\u3000\xa0]*")
_CLAUSE_MARK = regex.compile(r"[,，、]")
OUTLINE_NUMBER = regex.compile(r"(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．])")
_HEADING_COLON = regex.compile(r"[:：]")
_CONTINUES = regex.compile(r"[\p{Han}0-9０-９]")
_JOINABLE_END = regex.compile(r"[\p{Han}0-9]")   # a line that ends so may run on into the next
# Words set apart by spaces: a title in parts ("…推进会召开 全年计划实施…项目600个"), a byline ("记者 陈高飞")
# or a source line ("2022-03-18 10:25　来源：…"). Running prose has none, so such a line is never joined to
# the next (the date line under a long title, the first paragraph under a source line). A space after a
# digit (177.1 亿元) is a number's, not a separator.
# Each is read from its first space, the word before it looked behind at: the regex module finds a
# pattern opening with a space fast, and tries one opening with a word character at every character.
_SPACED_WORDS = regex.compile(r"[\u3000\xa0](?<=\S[\u3000\xa0])[\u3000\xa0]*\S| (?<=[\p{Han}\p{P}] ) *\S")

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


def _drop(text: str, starts: list[int], raws: list[int], spans: list[tuple[int, int]]):
    """Remove the spans (start, end), in text order and apart, from the text, and map the characters
    that stay to where they came from. The map is a list of runs: where each starts in the text
    (`starts`) and in the raw text (`raws`); the runs inside a piece that stays move with it as a
    whole. Runs never join: a removed span stands between two pieces, and a run of the text before
    ends where the next begins in the raw text too, or they would be one."""
    if not spans:
        return text, starts, raws
    pieces: list[str] = []
    new_starts: list[int] = []
    new_raws: list[int] = []
    length = 0
    begin = 0
    for start, end in spans + [(len(text), len(text))]:
        if begin < start:   # text[begin:start] stays
            first = bisect.bisect_right(starts, begin) - 1
            last = bisect.bisect_left(starts, start, first + 1)
            new_starts.append(length)
            new_raws.append(raws[first] + begin - starts[first])
            if last > first + 1:
                shift = length - begin
                new_starts.extend([at + shift for at in starts[first + 1:last]])
                new_raws.extend(raws[first + 1:last])
            pieces.append(text[begin:start])
            length += start - begin
        begin = end
    return "".join(pieces), new_starts or [0], new_raws or [0]


def _line_breaks(text: str):
    """The spans of _LINE_BREAK's matches with the spaces before each: what a finditer of the spaces
    and the breaks together would find (after a match, no space follows)."""
    end = 0
    for m in _LINE_BREAK.finditer(text):
        yield _SPACES_BEFORE.match(text, end, m.start()).start(), m.end()
        end = m.end()


def _keeps_line_break(text: str, start: int, end: int) -> bool:
    """True when the line break text[start:end] really ends a line (heading, sentence end, short line)."""
    line_start = text.rfind("\n", 0, start) + 1   # no copy of the text before: linear overall
    line = text[line_start:start].strip()
    if not line or line[-1] in _SENTENCE_END or line[0] == "#":
        return True
    if OUTLINE_NUMBER.match(line) and "。" not in line:
        return True  # 一、交通基建 / (二) 招商引资: an outline heading, whatever its length
    if _SPACED_WORDS.search(line):
        return True  # a title, byline or source line
    is_prose = len(line) >= _MIN_BROKEN_LINE or (
        _CLAUSE_MARK.search(line) is not None and _HEADING_COLON.search(line) is None
    )
    if not is_prose:
        return True
    if not _CONTINUES.match(text, end):
        return True
    return not _JOINABLE_END.match(line[-1])


def normalize(raw: str) -> Normalized:
    if not isinstance(raw, str):
        raise TypeError(f"normalize() takes str, not {type(raw).__name__}")
    text, starts, raws = _drop(raw, [0], [0], [m.span() for m in _GLOSS.finditer(raw)])
    text, starts, raws = _drop(text, starts, raws, [span for span in _line_breaks(text)
                                                    if not _keeps_line_break(text, *span)])
    text = _fold_full_width(text)
    text, starts, raws = _drop(text, starts, raws, [m.span() for m in _INNER_SPACE.finditer(text)])
    text = _to_simplified(text)
    return Normalized(raw=raw, text=text, run_starts=tuple(starts), run_raw_starts=tuple(raws))
