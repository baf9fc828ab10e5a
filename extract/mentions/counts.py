"""Counts of projects and enterprises: 25个重大项目, 产业项目不少于30个, 3-5家企业, 企业30家."""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

import regex

from extract.mentions import Mention
from extract.mentions.bounds import qualifier_of, range_values
from extract.mentions.grammar import RANGE_SEPARATOR, alternation, count_patterns, qualifier_words
from extract.numbers import CN_UNIT_CLASS
from extract.numbers import NUMERAL
from extract.rules import load_table, words

_COUNTED = {row["word"]: row["counted"] for row in load_table("counted_nouns")}
_CLASSIFIER_COUNTS: dict[str, set[str]] = defaultdict(set)
for _row in load_table("count_classifiers"):
    _CLASSIFIER_COUNTS[_row["word"]].add(_row["counted"])
_EXCLUSIONS: dict[str, tuple[str, ...]] = defaultdict(tuple)
_BARE_MAGNITUDES = frozenset(CN_UNIT_CLASS)   # 十百千万亿 (and their financial forms): 成百, 成千
for _row in load_table("count_exclusions"):
    _EXCLUSIONS[_row["position"]] += (_row["word"],)


def _quoted_name(text: str, m: regex.Match) -> bool:
    """A quote opens right before the number and closes among the modifiers: “三个一批”项目."""
    opened = text[m.start("num") - 1 : m.start("num")]
    return any(opened == pair[0] and pair[1] in m.group("mods") for pair in _EXCLUSIONS["quoted_name"])


def _clause_in_modifiers(m: regex.Match) -> bool:
    """三个开发区要各新引进项目: a modal or a distributive among the modifiers opens a clause of its
    own; the number counts what stands before it (zones), not the projects."""
    mods = m.group("mods")
    for word in _EXCLUSIONS["modifier_word"]:
        mods = mods.replace(word, "")
    return any(word in mods for word in _EXCLUSIONS["modifier"])


def _excluded(text: str, m: regex.Match, number_first: bool) -> bool:
    before = text[max(0, m.start("num") - 2) : m.start("num")]
    if m.group("qpre") is None and any(before.endswith(w) for w in _EXCLUSIONS["before"]):
        return True
    if (m.group("qpre") is None and m.group("num")[0] in _BARE_MAGNITUDES
            and any(before.endswith(w) for w in _EXCLUSIONS["before_magnitude"])):
        return True
    if number_first and m.group("qpre") is None and _quoted_name(text, m):
        return True
    if number_first and _clause_in_modifiers(m):
        return True
    after = m.end("cls")
    if any(text.startswith(w, after) for w in _EXCLUSIONS["after"]):
        return True
    return number_first and m.group("num2") is None and m.group("num") in _EXCLUSIONS["generic"]


def _mention(text: str, m: regex.Match, number_first: bool) -> Mention | None:
    counted = _COUNTED[m.group("noun")]
    if counted not in _CLASSIFIER_COUNTS[m.group("cls")] or _excluded(text, m, number_first):
        return None
    values = range_values(m.group("num"), m.group("num2"))
    if values is None or values[0] != values[0].to_integral_value() or values[0] <= 0:
        return None
    qualifier, start = qualifier_of(m, text)
    return Mention(
        start=start if number_first else m.start("noun"),
        end=m.end(),
        kind="count",
        value=values[0],
        value_max=values[1],
        currency=None,
        unit=m.group("cls"),
        qualifier=qualifier,
        counted=counted,
        number_start=m.start("num"),
        number_end=m.end("cls"),
    )


def _bare_count() -> str:
    """A number and measure word with their qualifiers, no noun: what follows a count and shares its
    noun (the groups qualifier_of reads)."""
    return rf"""
        (?P<qpre>{alternation(qualifier_words("prefix"))})?
        (?P<num>{NUMERAL})
        (?:(?P<sep>{RANGE_SEPARATOR})(?P<num2>{NUMERAL}))?
        (?P<infix>{alternation(qualifier_words("infix"))})?
        (?P<cls>{alternation(words("count_classifiers"))})
        (?P<qsuf>{alternation(qualifier_words("suffix"))})?"""


@lru_cache(maxsize=1)
def _continuation() -> regex.Pattern:
    """A number and measure word coordinated right after a count, sharing its noun: the 18个 and 26个
    of 分别开工项目21个、18个和26个 (joiners: rules/metric_coordinators.tsv). It must end its phrase
    (a clause mark, another joiner or the end follows): in 企业5家和3个项目 the 3个 counts its own noun."""
    joiners = alternation(words("metric_coordinators"))
    return regex.compile(rf"""(?:{joiners}){_bare_count()}
        (?=[,，。;；:：!！?？)）\n]|$|(?:{joiners}))""", regex.VERBOSE)


@lru_cache(maxsize=1)
def _total_after() -> regex.Pattern:
    """The next clause's running total of the same things, its noun left out: the 782家 of
    新增规上工业企业68家,总数达到782家 (rules/count_totals.tsv). It must end its clause."""
    return regex.compile(
        rf"""[,，;；]\s*(?:{alternation(words("count_totals"))})(?:{alternation(words("count_links"))}){{0,2}}
        {_bare_count()}
        (?=[,，。;；:：!！?？)）\n]|$)""", regex.VERBOSE)


def _of_the_same_noun(text: str, m: regex.Match, head: Mention) -> Mention | None:
    """The count `m` matched (a _bare_count) as one of `head`'s noun, if it is a whole positive number."""
    values = range_values(m.group("num"), m.group("num2"))
    if values is None or values[0] != values[0].to_integral_value() or values[0] <= 0:
        return None
    qualifier, start = qualifier_of(m, text)
    return Mention(start=start, end=m.end(), kind="count", value=values[0], value_max=values[1],
                   currency=None, unit=m.group("cls"), qualifier=qualifier, counted=head.counted,
                   number_start=m.start("num"), number_end=m.end("cls"))


def _continued(text: str, head: Mention) -> list[Mention]:
    """The counts coordinated after a noun-first count (项目5个和3个), each of the same noun."""
    found, at = [], head.end
    while True:
        m = _continuation().match(text, at)
        if m is None or head.counted not in _CLASSIFIER_COUNTS[m.group("cls")]:
            return found
        mention = _of_the_same_noun(text, m, head)
        if mention is None:
            return found
        found.append(mention)
        at = m.end()


def _total(text: str, head: Mention) -> Mention | None:
    """The running total stated right after a count (`head`), which counts the same noun."""
    m = _total_after().match(text, head.end)
    return None if m is None or m.group("cls") != head.unit else _of_the_same_noun(text, m, head)


def find_counts(text: str) -> list[Mention]:
    number_first, noun_first = count_patterns()
    found = []
    for pattern, is_number_first in ((number_first, True), (noun_first, False)):
        for m in pattern.finditer(text, overlapped=not is_number_first):
            mention = _mention(text, m, is_number_first)
            if mention is not None:
                run = [mention] + ([] if is_number_first else _continued(text, mention))
                total = _total(text, run[-1])
                found.extend(run + ([total] if total else []))
    return found
