"""Counts of projects and enterprises: 25个重大项目, 产业项目不少于30个, 3-5家企业, 企业30家."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from functools import lru_cache

import regex

from extract.mentions import Mention
from extract.mentions.bounds import qualifier_of, range_values
from extract.mentions.grammar import (NOT_INSIDE_A_NUMBER, RANGE_SEPARATOR, chars_of, count_ends, count_lead,
                                      count_patterns, counted_nouns, counted_numbers, finditer_after,
                                      finditer_anchored, finditer_in_sentences, noun_first_reach,
                                      prefix_qualifier_run, qualifier_words)
from extract.context.segments import FULL_SENTENCE_END
from extract.numbers import CN_DIGIT_CLASS, CN_UNIT_CLASS, NUMERAL
from extract.rules import alternation, load_table, words

_COUNTED = {row["word"]: row["counted"] for row in load_table("counted_nouns")}
_CLASSIFIER_COUNTS: dict[str, set[str]] = defaultdict(set)
for _row in load_table("count_classifiers"):
    _CLASSIFIER_COUNTS[_row["word"]].add(_row["counted"])
_EXCLUSIONS: dict[str, tuple[str, ...]] = defaultdict(tuple)
_BARE_MAGNITUDES = frozenset(CN_UNIT_CLASS)   # 十百千万亿 (and their financial forms): 成百, 成千
for _row in load_table("count_exclusions"):
    _EXCLUSIONS[_row["position"]] += (_row["word"],)
_NOUN_CUES: dict[str, tuple[str, ...]] = defaultdict(tuple)
for _row in load_table("count_noun_cues"):
    _NOUN_CUES[_row["position"]] += (_row["word"],)
_PREFIXES = tuple(sorted(qualifier_words("prefix"), key=len, reverse=True))
_CLAUSE_MARKS = ",，。;；:：!！?？"


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
    if m.group("qpre") is None and before.endswith(_EXCLUSIONS["before"]):
        return True
    if (m.group("qpre") is None and m.group("num")[0] in _BARE_MAGNITUDES
            and before.endswith(_EXCLUSIONS["before_magnitude"])):
        return True
    if number_first and m.group("qpre") is None and _quoted_name(text, m):
        return True
    if number_first and _clause_in_modifiers(m):
        return True
    after = m.end("cls")
    if text.startswith(_EXCLUSIONS["after"], after):
        return True
    if number_first and text.startswith(_EXCLUSIONS["after_noun"], m.end("noun")):
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
        {NOT_INSIDE_A_NUMBER}
        (?P<num>{NUMERAL})
        (?:(?P<sep>{RANGE_SEPARATOR})(?P<num2>{NUMERAL}))?
        (?P<infix>{alternation(qualifier_words("infix"))})?
        (?P<cls>{alternation(words("count_classifiers"))})
        (?P<qsuf>{alternation(qualifier_words("suffix"))})?"""


# A bare count ends its phrase: a clause mark, a closing bracket, a joiner or the end follows.
_PHRASE_END = r"(?=[,，。;；:：!！?？)）\n]|$|(?:{joiners}))"


@lru_cache(maxsize=1)
def _continuation() -> regex.Pattern:
    """A number and measure word coordinated right after a count, sharing its noun: the 18个 and 26个
    of 分别开工项目21个、18个和26个 (joiners: rules/metric_coordinators.tsv). It must end its phrase:
    in 企业5家和3个项目 the 3个 counts its own noun."""
    joiners = alternation(words("metric_coordinators"))
    return regex.compile(rf"(?:{joiners}){_bare_count()}{_PHRASE_END.format(joiners=joiners)}", regex.VERBOSE)


@lru_cache(maxsize=1)
def _bare_number() -> regex.Pattern:
    return regex.compile(_bare_count(), regex.VERBOSE)


@lru_cache(maxsize=1)
def _bare_item() -> regex.Pattern:
    """A bare count anywhere, ending its phrase: an item of a breakdown if one is open."""
    joiners = alternation(words("metric_coordinators"))
    return regex.compile(rf"{_bare_count()}{_PHRASE_END.format(joiners=joiners)}", regex.VERBOSE)


@lru_cache(maxsize=1)
def _total_after() -> regex.Pattern:
    """The running total or the target of the same things in the clause right after a count, its noun
    left out: the 782家 of 新增规上工业企业68家,总数达到782家, the 18家 of 引进优强企业21家(任务数18家),
    the 7家 of 引进优强企业8家,完成全年目标任务7家的114.29% (rules/count_totals.tsv). It ends its clause
    or is its own owner (的)."""
    return regex.compile(
        rf"""[,，;；(（]\s*[^{_CLAUSE_MARKS}()（）]{{0,4}}?(?:{alternation(words("count_totals"))})
        (?:{alternation(words("count_links"))}){{0,2}}
        {_bare_count()}
        (?=[,，。;；:：!！?？)）\n的]|$)""", regex.VERBOSE)


@lru_cache(maxsize=1)
def _any_count() -> regex.Pattern:
    """Any number with a measure word, whatever it counts: what a bare count's noun is looked up from,
    and what every count holds (count_ends and count_lead read it backwards from its measure word)."""
    return regex.compile(rf"""{NOT_INSIDE_A_NUMBER}{NUMERAL}(?:{RANGE_SEPARATOR}{NUMERAL})?
        (?:{alternation(qualifier_words("infix"))})?(?P<cls>{alternation(words("count_classifiers"))})""",
                         regex.VERBOSE)


def _measure_free_nouns() -> str:
    return alternation(row["word"] for row in load_table("counted_nouns") if row["measure_free"] == "yes")


@lru_cache(maxsize=1)
def _measure_free() -> regex.Pattern:
    """A Chinese digit right before a counted noun, no measure word: 两项目共线 (rules/counted_nouns.tsv,
    measure_free)."""
    return regex.compile(rf"{NOT_INSIDE_A_NUMBER}(?P<num>[{CN_DIGIT_CLASS}])(?P<noun>{_measure_free_nouns()})")


@lru_cache(maxsize=1)
def _measure_free_anchor() -> re.Pattern:
    """_measure_free without the look behind: where each of its matches starts."""
    return re.compile(rf"[{CN_DIGIT_CLASS}](?:{_measure_free_nouns()})")


@lru_cache(maxsize=1)
def _breakdown_lead() -> regex.Pattern:
    """分产业看, 从投资规模看: a short clause naming only how what follows is broken down."""
    return regex.compile(rf"""(?:^|(?<=[{_CLAUSE_MARKS}\n]))\s*(?:{alternation(_NOUN_CUES["lead_start"])})
        [^{_CLAUSE_MARKS}\n]{{1,8}}?(?:{alternation(_NOUN_CUES["lead_end"])})(?=[,，:：])""", regex.VERBOSE)


@lru_cache(maxsize=1)
def _breakdown_lead_end() -> re.Pattern:
    """How every breakdown lead ends (看, before a comma or colon): a text without one has no lead, and
    is not searched for leads, a pattern the regex module tries at every character."""
    return re.compile(rf"(?:{alternation(_NOUN_CUES['lead_end'])})[,，:：]")


@lru_cache(maxsize=1)
def _breakdown_opener() -> re.Pattern:
    """其中, 分别为: the words that open a breakdown (rules/count_noun_cues.tsv, opener)."""
    return re.compile(alternation(_NOUN_CUES["opener"]))


def _of_the_same_noun(text: str, m: regex.Match, counted: str) -> Mention | None:
    """The count `m` matched (a _bare_count) as one of `counted`, if it is a whole positive number."""
    values = range_values(m.group("num"), m.group("num2"))
    if values is None or values[0] != values[0].to_integral_value() or values[0] <= 0:
        return None
    qualifier, start = qualifier_of(m, text)
    return Mention(start=start, end=m.end(), kind="count", value=values[0], value_max=values[1],
                   currency=None, unit=m.group("cls"), qualifier=qualifier, counted=counted,
                   number_start=m.start("num"), number_end=m.end("cls"))


def _continued(text: str, head: Mention) -> list[Mention]:
    """The counts coordinated after a noun-first count (项目5个和3个), each of the same noun."""
    found, at = [], head.end
    while True:
        m = _continuation().match(text, at)
        if m is None or head.counted not in _CLASSIFIER_COUNTS[m.group("cls")]:
            return found
        mention = _of_the_same_noun(text, m, head.counted)
        if mention is None:
            return found
        found.append(mention)
        at = m.end()


def _total(text: str, head: Mention) -> Mention | None:
    """The running total or target stated right after a count (`head`), which counts the same noun."""
    m = _total_after().match(text, head.end)
    return None if m is None or m.group("cls") != head.unit else _of_the_same_noun(text, m, head.counted)


def _list_end_words() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    return _NOUN_CUES["list_closer"], words("counted_nouns"), words("metric_coordinators")


@lru_cache(maxsize=1)
def _list_ends() -> regex.Pattern:
    """Where a far-reaching number-first count may start: after a list (…石河水库等|9个…项目) or after a
    counted noun and a joiner (…的产业专案和|1个…专案)."""
    closers, nouns, coordinators = _list_end_words()
    return regex.compile(rf"""(?:{alternation(closers)})
        |(?P<noun>{alternation(nouns)})(?:{alternation(coordinators)})""", regex.VERBOSE)


@lru_cache(maxsize=1)
def _list_end_reach() -> tuple[int, int, regex.Pattern]:
    """(the longest list end, how far before its number a far count starts, a run of the characters
    of list ends read backwards)."""
    closers, nouns, coordinators = _list_end_words()
    longest = max(max(map(len, closers)), max(map(len, nouns)) + max(map(len, coordinators)))
    run = regex.compile(rf"(?r)[{chars_of(closers + nouns + coordinators)}]*")
    return longest, max(map(len, qualifier_words("prefix"))), run


def _list_end_regions(text: str, numbers: list[regex.Match]):
    """(start, limit): the parts of the text where the list ends that a far count can follow lie, each
    list end ending before its limit. A far count's number is one of `numbers` (a number with a measure
    word), at most a prefix qualifier after the list end. Each part starts at a character that no list
    end holds, or at the start of the text, so that the list ends found from there are those a finditer
    over the whole text finds; parts that such a start would join are one. Linear: each run of list end
    characters is read back once."""
    longest, qualifier, run = _list_end_reach()
    regions: list[list[int]] = []
    for number in numbers:
        start = max(0, number.start() - qualifier - longest)
        floor = regions[-1][1] if regions else 0
        if regions and start <= floor:
            regions[-1][1] = max(floor, number.end())
            continue
        start = run.match(text, floor, start).start()
        if regions and start == floor:
            regions[-1][1] = max(floor, number.end())
        else:
            regions.append([start, number.end()])
    return regions


def _counts_past_a_list(text: str, pattern: regex.Pattern, numbers: list[regex.Match]) -> list[regex.Match]:
    """The far-reaching number-first counts that stand after a list, or parallel to a count of the same
    noun before them (9个…的产业专案和1个…互设飞地园区专案). Only the list ends shortly before a number
    with a measure word are read."""
    found = []
    longest = _list_end_reach()[0]
    for start, limit in _list_end_regions(text, numbers):
        for end in _list_ends().finditer(text, start, min(len(text), limit + longest)):
            if end.end() >= limit:
                break   # the list ends after are read with their whole text, in the next part
            m = pattern.match(text, end.end())
            if m is not None and end.group("noun") in (None, m.group("noun")):
                found.append(m)
    return found


def _holds_any(text: str, words_) -> bool:
    """Whether the text holds one of the words: what a pattern needing one of them needs, checked by
    a substring search, much faster than a regular expression's scan."""
    return any(word in text for word in words_)


class _Spans:
    """Sorted, non-overlapping [start, end) spans with a membership test in logarithmic time."""

    def __init__(self, spans):
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def __contains__(self, at: int) -> bool:
        i = bisect_right(self._starts, at) - 1
        return i >= 0 and at < self._ends[i]


def _breakdown_scopes(text: str) -> _Spans:
    """Where bare counts are items of a breakdown: from each opener (其中, 分别为) or lead (分产业看)
    to the end of its sentence."""
    starts = []
    if _holds_any(text, _NOUN_CUES["lead_end"]) and _breakdown_lead_end().search(text):
        starts += [m.end() for m in _breakdown_lead().finditer(text)]
    if _holds_any(text, _NOUN_CUES["opener"]):
        starts += [m.end() for m in _breakdown_opener().finditer(text)]
    return _Spans(_to_sentence_end(text, sorted(starts)))


def _to_sentence_end(text: str, starts: list[int]):
    """(start, the end of its sentence + 1) for each of the sorted `starts`: the sentence ends are
    looked for from the starts, each part of the text read once."""
    end = -1
    for start in starts:
        if end < start:
            found = FULL_SENTENCE_END.search(text, start)
            end = len(text) if found is None else found.start()
        yield start, end + 1


def _linked_at_clause_start(text: str, at: int) -> bool:
    """目前已开工|232个, 全部复工,共|143家: a word of count_links.tsv ends right at `at` and opens its
    clause, after at most two characters (目前)."""
    for word in words("count_links"):
        if text.endswith(word, 0, at):
            before = text[max(0, at - len(word) - 3): at - len(word)]
            if len(before) < 3 or any(mark in before for mark in _CLAUSE_MARKS + "\n"):
                return True
    return False


def _bare_at(text: str, at: int) -> regex.Match | None:
    """The bare count whose number starts at `at`, with the prefix qualifier before it if any."""
    for word in _PREFIXES:
        if text.endswith(word, 0, at):
            m = _bare_item().match(text, at - len(word))
            if m is not None and m.start("num") == at:
                return m
    return _bare_item().match(text, at)


def _breakdown_items(text: str, counts: list[Mention], numbers: list[regex.Match]) -> list[Mention]:
    """Bare counts in a breakdown, each counting the noun of the count before it (霍山县34个、金寨县32个
    after 新签约项目174个,分别为:). The number and measure word right before each must be a count of
    a counted noun with the same measure word, or an item already taken: in 园区12个,其中省级5个 the
    5个 counts parks, and no bare count is read."""
    scopes = _breakdown_scopes(text)
    taken = {c.number_start: c for c in counts}
    occupied = _Spans((c.number_start, c.number_end) for c in counts)
    previous: Mention | None = None       # the count of the last number with a measure word
    items = []
    for number in numbers:
        at = number.start()
        if at in taken:
            previous = taken[at]
            continue
        item = None
        if previous is not None and number.group("cls") == previous.unit and at not in occupied:
            m = _bare_at(text, at)
            if (m is not None and not text.endswith(_EXCLUSIONS["before"], 0, at)
                    and not text.endswith(_EXCLUSIONS["item_noun"], 0, m.start())
                    and (m.start() in scopes
                         or text.endswith(_NOUN_CUES["before_number"], 0, m.start())
                         or (_linked_at_clause_start(text, m.start())
                             and not FULL_SENTENCE_END.search(text, previous.number_start, at)))):
                item = _of_the_same_noun(text, m, previous.counted)
        if item is not None:
            items.append(item)
        previous = item
    return items


def _column() -> str:
    """A column of counts: a counted noun with 数 (rules/count_noun_cues.tsv, column_suffix)."""
    return rf"(?P<noun>{alternation(words('counted_nouns'))})(?:{alternation(_NOUN_CUES['column_suffix'])})"


@lru_cache(maxsize=1)
def _table_column() -> re.Pattern:
    """What every table header holds: most texts have none, and are not searched for headers."""
    return re.compile(_column())


@lru_cache(maxsize=1)
def _table_header() -> regex.Pattern:
    """A flattened table's header line with a column of counts (地区 项目数 总投资): two cells or more
    apart by spaces, one of them a column of counts."""
    column = _column()
    cell = r"[^\s,，。;；:：!！?？\d]{1,8}"
    gap = r"[ \t　]+"
    return regex.compile(rf"^(?:(?:{cell}{gap})+{column}(?:{gap}{cell})*|{column}(?:{gap}{cell})+)[ \t　]*$",
                         regex.MULTILINE)


def _table_cells(text: str) -> list[Mention]:
    """The count cells of a flattened table under a header naming their noun (新吴区12个398亿元 under
    地区 项目数 总投资): in each row down to a blank line, the first number with a measure word of that
    noun, after the row's name."""
    found = []
    if not _holds_any(text, _NOUN_CUES["column_suffix"]) or _table_column().search(text) is None:
        return found
    for header in _table_header().finditer(text):
        counted = _COUNTED[header.group("noun")]
        at = header.end() + 1
        while at < len(text) and text[at] != "\n":
            row_end = text.find("\n", at)
            row_end = len(text) if row_end < 0 else row_end
            number = _any_count().search(text, at, row_end)
            if (number is not None and number.start() > at and counted in _CLASSIFIER_COUNTS[number.group("cls")]
                    and not regex.search(r"\d", text[at:number.start()])):
                m = _bare_number().match(text, number.start())
                mention = None if m is None else _of_the_same_noun(text, m, counted)
                if mention is not None:
                    found.append(mention)
            at = row_end + 1
    return found


def _measure_free_counts(text: str) -> list[Mention]:
    """两项目: a Chinese digit with a counted noun and no measure word (not 一项目, not 两项目标)."""
    found = []
    for m in finditer_anchored(_measure_free(), text, _measure_free_anchor()):
        if (m.group("num") in _EXCLUSIONS["generic"] or text.endswith(_EXCLUSIONS["before"], 0, m.start())
                or text.startswith(_EXCLUSIONS["after_measure_free"], m.end())):
            continue
        value = range_values(m.group("num"), None)
        if value is None or value[0] <= 0:
            continue
        found.append(Mention(start=m.start(), end=m.end(), kind="count", value=value[0], value_max=None,
                             currency=None, unit=m.group("noun"), qualifier="exact",
                             counted=_COUNTED[m.group("noun")], number_start=m.start(), number_end=m.end()))
    return found


def find_counts(text: str) -> list[Mention]:
    number_first, noun_first, number_first_far = count_patterns()
    # Every count holds one of these numbers with a measure word: the counts are looked for around them.
    numbers = list(finditer_anchored(_any_count(), text, count_ends(), count_lead()))
    found = []
    matches = [(m, True) for m in finditer_in_sentences(number_first, text, counted_numbers(), prefix_qualifier_run(),
                                                        numbers)]
    matches += [(m, False) for m in finditer_after(noun_first, text, counted_nouns(), numbers, noun_first_reach())]
    matches += [(m, True) for m in _counts_past_a_list(text, number_first_far, numbers)]
    for m, is_number_first in matches:
        mention = _mention(text, m, is_number_first)
        if mention is not None:
            run = [mention] + ([] if is_number_first else _continued(text, mention))
            total = _total(text, run[-1])
            found.extend(run + ([total] if total else []))
    found.extend(_measure_free_counts(text) + _table_cells(text))
    found.sort(key=lambda c: c.number_start)
    return found + _breakdown_items(text, found, numbers)
