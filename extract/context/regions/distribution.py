"""分别: places enumerated as one subject, then as many figures of a kind as places, one each."""
from __future__ import annotations

import bisect
from functools import lru_cache

import regex

from extract.context.places import Place
from extract.rules import alternation, load_table


@lru_cache(maxsize=1)
def _enumerators() -> tuple[frozenset[str], regex.Pattern]:
    """Words that join places into one subject (、, 和 …), and those that hand each its own figure (分别)."""
    return (frozenset(r["word"] for r in load_table("metric_coordinators")),
            regex.compile(alternation(r["word"] for r in load_table("qualifier_distributors"))))


def opens_enumeration(text: str, places: list[Place], index: dict[int, int], place: Place) -> bool:
    """天津港保税区、天津经济技术开发区、天津滨海高新区要各新引进…: the place is the first of several
    joined into one subject (`index`: place start -> its position in `places`)."""
    i = index.get(place.start)
    return (i is not None and i + 1 < len(places) and places[i + 1].usable
            and text[place.end:places[i + 1].start] in _enumerators()[0])


def respective_places(text: str, places: list[Place], subjects, mentions) -> dict[int, Place]:
    """伊州区、巴里坤县、伊吾县分别完成投资38亿元、26亿元和22亿元: places enumerated as one subject, then
    分别, then as many figures of a kind as places: the k-th figure is the k-th place's. Index of the
    figure -> its place; `subjects` is each figure's subject (see subjects.subject). Each enumeration
    is walked once from the head that opens it."""
    joiners, distributors = _enumerators()
    index = {p.start: i for i, p in enumerate(places)}
    marks = None   # where 分别 … stand: read only once an enumeration heads a figure (most texts have none)
    groups: dict[tuple, list[int]] = {}
    listed: dict[int, list[Place]] = {}
    for k, (mention, head) in enumerate(zip(mentions, subjects)):
        if head is None or head[2] is None:
            continue
        if head[0] not in listed:
            i, run = index.get(head[0]), []
            if i is not None:
                run = [places[i]]
                while (i + 1 < len(places) and places[i + 1].usable
                       and text[places[i].end:places[i + 1].start] in joiners):
                    i += 1
                    run.append(places[i])
            listed[head[0]] = run
        run = listed[head[0]]
        if len(run) < 2:
            continue
        if marks is None:
            marks = [m.start() for m in distributors.finditer(text, overlapped=True)]
        j = bisect.bisect_left(marks, run[-1].end)
        if j < len(marks) and marks[j] < mention.start:
            groups.setdefault((head[0], marks[j], mention.kind), []).append(k)
    out = {}
    for (head_start, _, _), members in groups.items():
        run = listed[head_start]
        if len(members) == len(run):
            out.update(zip(members, run))
    return out
