"""Compile the rule tables into the regular expressions that find money amounts and counts.

Nothing here knows a word: every alternation comes from extract/rules/*.tsv. Patterns work on
normalised text (Simplified, half-width) and use no nested unbounded repetition, so matching
stays linear on adversarial input (long digit runs, thousands of 亿).
"""
from __future__ import annotations

import re
from functools import lru_cache

import regex

from extract.context.segments import FULL_SENTENCE_END
from extract.numbers import CN_DIGIT_CLASS, CN_UNIT_CLASS, NUMERAL
from extract.rules import alternation, load_table, words


def qualifier_words(position: str) -> dict[str, str]:
    return {row["word"]: row["qualifier"] for row in load_table("qualifiers") if row["position"] == position}


RANGE_SEPARATOR = r"(?:[-~～—–]{1,2}|至|到)"
# A numeral never starts inside another: without this, a failed match in a run of 亿 or digits
# would restart at each of its characters, and the scan would grow with the square of the run.
NOT_INSIDE_A_NUMBER = rf"(?<![0-9.A-Za-z{CN_DIGIT_CLASS}{CN_UNIT_CLASS}])"
INCLUSIVE = r"(?:\(含\))"


# How far past its sentence a match that starts in it may run (a note on a bound after the unit,
# (不含10亿元)): longer than any such tail, so that the match and its lookaheads are read whole.
_SENTENCE_MARGIN = 64

# Every character a numeral (NUMERAL) may hold, and a range separator (RANGE_SEPARATOR).
NUMERAL_CHARS = rf"\d,.点{CN_DIGIT_CLASS}{CN_UNIT_CLASS}"
_SEPARATOR_CHARS = r"\-~～—–至到"
# The re module reads as a digit (\d) every character of the Basic Multilingual Plane the regex module
# does, but only some beyond it (tests/test_mentions_grammar.py): a class for re that must hold every
# digit of the patterns adds all characters beyond that plane.
_EVERY_DIGIT_FOR_RE = r"\d\U00010000-\U0010FFFF"


def chars_of(words) -> str:
    """A character class body holding every character of `words`."""
    return "".join(regex.escape(ch) for ch in sorted(set("".join(words))))


def finditer_anchored(pattern: regex.Pattern, text: str, anchor: re.Pattern, lead: regex.Pattern | None = None,
                      overlapped: bool = False):
    """The matches of `pattern.finditer(text, overlapped=overlapped)`, for a pattern each of whose
    matches holds a match of `anchor` (a noun, a measure word) with nothing before it in the match but
    what `lead` reads backwards from the anchor (a reversed pattern: a run of the characters that may
    stand there); without `lead`, every match starts inside its anchor.

    Only the positions that can start a match are tried: in such a run right before a match of
    `anchor`, or inside that match. That is exact, as any position where `anchor` can match starts
    one of the matches its finditer returns or lies inside one. The regex module would otherwise try
    the pattern at every position of the text, which costs most when it opens with optional words."""
    return _anchored(pattern, text, ((a, 0, len(text)) for a in anchor.finditer(text)), lead, overlapped)


def finditer_in_sentences(pattern: regex.Pattern, text: str, required: re.Pattern, lead: regex.Pattern,
                          anchors=None):
    """The matches of `pattern` in `text`, as `pattern.finditer(text)` finds them, for a pattern each
    of whose matches holds a match of `required` (a unit, a number with a measure word) that starts
    in the sentence where the match starts: only those sentences are read. There, as in
    `finditer_anchored`, only the positions in a run of `lead` before one of `anchors` (the matches a
    finditer returns, in text order; those of `required` if None) or inside it are tried, and a match
    runs at most a margin past its sentence."""
    return _anchored(pattern, text, _anchors_in_sentences(text, required, anchors), lead)


_LAST_SENTENCE_END = regex.compile("(?r)" + FULL_SENTENCE_END.pattern)


def _anchors_in_sentences(text: str, required: re.Pattern, anchors):
    """(anchor, start of its sentence, how far a match starting there may run), for the anchors in the
    sentences that hold a match of `required`. Each sentence is found once, by looking back to the
    sentence before and forward to its end: linear in the text."""
    end = 0
    selected = False
    for a in required.finditer(text) if anchors is None else anchors:
        if a.start() >= end:   # the first anchor of a sentence
            before = _LAST_SENTENCE_END.search(text, end, a.start())
            start = end if before is None else before.end()
            after = FULL_SENTENCE_END.search(text, a.start())
            end = len(text) if after is None else after.end()
            endpos = min(len(text), end + _SENTENCE_MARGIN)
            selected = anchors is None or required.search(text, start, end) is not None
        if selected:
            yield a, start, endpos


def finditer_after(pattern: regex.Pattern, text: str, opener: re.Pattern, anchors, reach: int):
    """The matches of `pattern.finditer(text, overlapped=True)`, for a pattern each of whose matches
    opens with a match of `opener` (a noun) and holds, at most `reach` characters after its start,
    a position where the pattern of `anchors` can match (the matches a finditer returns, in text
    order). Only the positions inside the matches of `opener` that start at most `reach` before an
    anchor, or inside it, are tried: exact, as in `finditer_anchored`."""
    done = 0    # the positions before are tried, or can start no match before a later anchor
    for a in anchors:
        stop = a.end()
        for opening in opener.finditer(text, max(done, a.start() - reach), min(len(text), stop + reach)):
            if opening.start() >= stop:
                break
            for at in range(max(done, opening.start()), opening.end()):
                m = pattern.match(text, at)
                if m is not None:
                    yield m
            done = max(done, opening.end())


def _anchored(pattern: regex.Pattern, text: str, anchors, lead: regex.Pattern | None, overlapped: bool = False):
    """The matches of `pattern` starting in the windows that `anchors` ((match of an anchor, the
    lowest position a match may start at, the end of the text a match may read), in text order) and
    `lead` leave, each position tried once."""
    done = 0    # no match starts before: the end of the last match, or the positions already tried
    for a, lowest, endpos in anchors:
        if a.end() <= done:
            continue
        at = max(done, lowest)
        if lead is None:
            at = max(at, a.start())
        elif at < a.start():
            at = lead.match(text, at, a.start()).start()
        while at < a.end():
            m = pattern.match(text, at, endpos)
            if m is not None:
                yield m
                if not overlapped:
                    at = done = m.end()
                    continue
            at += 1
        done = max(done, a.end())


@lru_cache(maxsize=1)
def money_lead() -> regex.Pattern:
    """What may stand in an amount before its currency unit (money_pattern): a prefix qualifier and
    the words after it, a currency before the number, the numbers of a range with their units and
    notes, an infix qualifier, magnitudes (a run read backwards from the unit)."""
    currencies = load_table("currencies")
    chars = (chars_of(qualifier_words("prefix")) + chars_of(words("qualifier_gaps")) + " "
             + chars_of(r["word"] for r in currencies) + NUMERAL_CHARS + _SEPARATOR_CHARS + chars_of(["(含)"])
             + chars_of(qualifier_words("infix")))
    return regex.compile(rf"(?r)[{chars}]*")


@lru_cache(maxsize=1)
def money_units() -> re.Pattern:
    """The currency units an amount in running text ends with (元, 美元; rules/currencies.tsv)."""
    return re.compile(_suffix_units())


def _suffix_units() -> str:
    return alternation(r["word"] for r in load_table("currencies") if r["position"] in ("suffix", "both"))


@lru_cache(maxsize=2)
def money_pattern(require_unit: bool = True) -> regex.Pattern:
    """Amounts in running text need a currency unit; an amount written alone (a form field,
    `parse_money`) may leave it out (三百万, 15k左右), use the letters k and w, and say 两个亿.
    Running text may not: in 32个亿元以上产业项目 the 个 counts projects."""
    currencies = load_table("currencies")
    suffix_units = _suffix_units()
    prefix_units = alternation(r["word"] for r in currencies if r["position"] in ("prefix", "both"))
    foreign_after_yuan = alternation(r["word"] for r in currencies if r["word"] not in ("元", "圆", "块", "块钱"))
    subunits = alternation(r["word"] for r in load_table("money_subunits"))
    letters = "(?:" + alternation(r["word"] for r in load_table("magnitudes")) + ")?"
    # A cap or a floor may stand apart from its amount by a verb of granting or a rate: 最高给予2000万元,
    # 不低于每亩300万元 (rules/qualifier_gaps.tsv; only after a qualifier).
    gaps = alternation(words("qualifier_gaps"))
    # 5-10亿元(不含10亿元), 5亿元(含5亿元)以上: a note on the bound is part of the amount.
    bound_note = rf"(?:\((?:{alternation(words('money_bound_notes'))})[^()\n]{{1,12}}\))"
    return regex.compile(
        rf"""
        (?:(?P<qpre>{alternation(qualifier_words("prefix"))})(?P<gap>(?:{gaps}){{1,2}})?)?
        (?:(?P<curpre>{prefix_units})\ ?)?
        {NOT_INSIDE_A_NUMBER}
        (?P<num>{NUMERAL})
        (?:{INCLUSIVE}?(?:{suffix_units})?{INCLUSIVE}?(?P<sep>{RANGE_SEPARATOR})(?P<num2>{NUMERAL}))?
        (?P<infix>{alternation(qualifier_words("infix"))})?
        (?P<post>{"" if require_unit else "(?:个(?=[万亿]))?"}[{CN_UNIT_CLASS}]{{0,3}}{"" if require_unit else letters})
        (?P<unit>{suffix_units}){"" if require_unit else "?"}
        (?P<cur2>{foreign_after_yuan})?
        (?P<sub>(?:又?{NUMERAL}(?:{subunits}))+)?
        (?:整|正|钱)?
        {bound_note}?
        (?P<qsuf>{INCLUSIVE}?(?:{alternation(qualifier_words("suffix"))}))?
        {bound_note}?
        """,
        regex.VERBOSE,
    )


# What cannot stand between a measure word and its noun: clause punctuation, 的 (3个镇的项目 counts
# towns), a second measure word.
_MODIFIER_STOP = r"[^,，。;；:：!！?？、\n的个家项宗户]"


def _modifiers(reach: int) -> str:
    """Words between the measure word and the noun (重大, 新开工, “小巨人”, 10亿元以上), at most `reach`
    characters before an amount. An amount may sit in between with what follows it, alone or coordinated,
    with or without 的: 1个总投资超100亿元的项目, 300个以上投资过亿元重点技改项目, 1-2个过50亿元、过100亿元项目."""
    joiners = alternation(words("metric_coordinators"))
    amount = rf"元(?:以上)?(?:(?:{joiners}){_MODIFIER_STOP}{{0,6}}?元(?:以上)?)?的?"
    return rf"(?P<mods>{_MODIFIER_STOP}{{0,{reach}}}?(?:{amount}{_MODIFIER_STOP}{{0,6}}?)?)"


@lru_cache(maxsize=1)
def counted_numbers() -> re.Pattern:
    """A numeral's last character or an infix qualifier (余, 多) right before a measure word (3个,
    十家, 多项): what every count holds."""
    infix = alternation(qualifier_words("infix"))
    return re.compile(rf"(?:\d|[{CN_DIGIT_CLASS}{CN_UNIT_CLASS}]|{infix})(?:{alternation(words('count_classifiers'))})")


@lru_cache(maxsize=1)
def prefix_qualifier_run() -> regex.Pattern:
    """A run of the characters of prefix qualifiers (超过, 不少于), read backwards."""
    return regex.compile(rf"(?r)[{chars_of(qualifier_words('prefix'))}]*")


@lru_cache(maxsize=1)
def count_lead() -> regex.Pattern:
    """What may stand in a number with a measure word before the character that ends the number
    (count_ends): the numbers of a range, an infix qualifier (a run read backwards)."""
    return regex.compile(rf"(?r)[{NUMERAL_CHARS}{_SEPARATOR_CHARS}{chars_of(qualifier_words('infix'))}]*")


@lru_cache(maxsize=1)
def count_ends() -> re.Pattern:
    """The character that ends the number of a count, right before its measure word: the last of a
    numeral (any digit the regex module reads, a Chinese numeral) or of an infix qualifier (余, 多)."""
    infix = chars_of(qualifier_words("infix"))
    classifiers = alternation(words("count_classifiers"))
    return re.compile(rf"[{_EVERY_DIGIT_FOR_RE}{CN_DIGIT_CLASS}{CN_UNIT_CLASS}{infix}](?=(?:{classifiers}))")


@lru_cache(maxsize=1)
def counted_nouns() -> re.Pattern:
    """The nouns whose counts are figures (项目, 企业; rules/counted_nouns.tsv): a noun-first count
    opens with one."""
    return re.compile(alternation(words("counted_nouns")))


_ASIDE_LONGEST = 10    # 项目(注册到资)18个: a note between a noun and its count
_LINKS_AT_MOST = 2


@lru_cache(maxsize=1)
def noun_first_reach() -> int:
    """How far the number of a noun-first count (count_patterns) may start after its noun: the
    longest noun, note, links and prefix qualifier."""
    def longest(words_):
        return max(map(len, words_))
    return (longest(words("counted_nouns")) + _ASIDE_LONGEST + 2 + _LINKS_AT_MOST * longest(words("count_links"))
            + longest(qualifier_words("prefix")))


@lru_cache(maxsize=1)
def count_patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    """(number first: 25个重大项目, noun first: 产业项目不少于30个, number first reaching further: the
    count after a list, 甘肃政法学院兰州新区新校区…等9个重大民生和社会事业项目, which the caller admits
    only where such a list or a parallel count stands before it)."""
    nouns = alternation(words("counted_nouns"))
    classifiers = alternation(words("count_classifiers"))
    prefix = alternation(qualifier_words("prefix"))
    infix = alternation(qualifier_words("infix"))
    suffix = alternation(qualifier_words("suffix"))
    number = rf"""
        (?P<qpre>{prefix})?
        {NOT_INSIDE_A_NUMBER}
        (?P<num>{NUMERAL})
        (?:(?P<sep>{RANGE_SEPARATOR})(?P<num2>{NUMERAL}))?
        (?P<infix>{infix})?
        (?P<cls>{classifiers})
        (?P<qsuf>{suffix})?
    """
    number_first = regex.compile(rf"{number}{_modifiers(8)}(?P<noun>{nouns})", regex.VERBOSE)
    # The far noun must end its phrase, as the head of the long description: in 等5个部门联合印发关于支持
    # 重大项目建设的意见 the 项目 is no head, and the 5个 counts departments.
    number_first_far = regex.compile(rf"{number}{_modifiers(20)}(?P<noun>{nouns})(?=[,，。;；:：!！?？、)）\n]|$)",
                                     regex.VERBOSE)
    links = alternation(words("count_links"))
    aside = rf"(?:\([^()\n]{{1,{_ASIDE_LONGEST}}}\))?"
    noun_first = regex.compile(rf"(?P<noun>{nouns}){aside}(?P<link>(?:{links}){{0,{_LINKS_AT_MOST}}}){number}",
                               regex.VERBOSE)
    return number_first, noun_first, number_first_far
