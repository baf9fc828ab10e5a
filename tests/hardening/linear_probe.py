"""Adversarial inputs for every grammar, and a runner that times one grammar on one input.

    python tests/hardening/linear_probe.py GRAMMAR INPUT SIZE    # prints the seconds the grammar took
    python tests/hardening/linear_probe.py --table               # the n / 8n table of every case

test_linear_time.py runs each case at size n and 8n in a subprocess under a hard timeout: a rule
that backtracks catastrophically (or scans the text once per match) blows up by 64x or more at 8n
and shows as a timeout, while a linear one finishes in seconds. Nothing here asserts a time.
"""
from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

FIGURE_PIECES = ["1", "25", "3.5", "十", "亿", "万", "元", "亿元", "个", "家", "项目", "企业", "超", "以上", "签约", "总投资",
                 "力争", "年底前", "2025年", "的", "，", "。\n", "。\n"]


def _many_figures(size: int) -> str:
    """Short sentences thick with amounts, counts and deadlines, as a long report has them."""
    rng = random.Random(size)
    parts, length = [], 0
    while length < size:
        parts.append(rng.choice(FIGURE_PIECES))
        length += len(parts[-1])
    return "".join(parts)[:size]


# name -> a function of the size (characters, roughly) giving the text
INPUTS = {
    "many_figures_short_sentences": _many_figures,
    "digits": lambda n: "1" * n,
    "yi": lambda n: "亿" * n,
    "duo": lambda n: "多" * n,
    "wanyuan": lambda n: "万元" * (n // 2),
    "numbered_wanyuan": lambda n: "1万元" * (n // 3),
    "numerals_and_units": lambda n: "1亿2万" * (n // 4),
    "chinese_numerals_and_units": lambda n: "一亿二万" * (n // 4),
    "numbers_and_measure_words": lambda n: "1个2家" * (n // 4),
    "range_separators": lambda n: "1-" * (n // 2),
    "thousands_separators": lambda n: "1,000" * (n // 5),
    "decimal_points": lambda n: "1." * (n // 2),
    "unclosed_gloss": lambda n: "項(xiàng" * (n // 7),
    "unclosed_paren_after_noun": lambda n: "项目(" * (n // 3),
    "han_no_punctuation": lambda n: ("南通市海门区签约项目企业投资建设年内完成" * (n // 20 + 1))[:n],
    "short_lines": lambda n: "a\n" * (n // 2),
    "broken_prose_lines": lambda n: "项目建设，签约完成\n" * (n // 10),
    "spaced_digits": lambda n: "1 " * (n // 2),
    "deadline_phrases": lambda n: "到2025年底前" * (n // 8),
    "years": lambda n: "2025年" * (n // 5),
    "place_names": lambda n: "江苏省南通市海门区" * (n // 9),
    "interview_markers": lambda n: "——访\n" * (n // 4),
    "heading_lines": lambda n: "海门：\n" * (n // 4),
    "ambiguous_headings": lambda n: "【余姚】\n" + "【象山】\n新签约项目3个。\n" * (n // 14),
    "numbered_goal_list": lambda n: "今年目标如下：\n" + "1.新签约项目3个\n" * (n // 10),
    # a size word (投资) before every amount, one clause per line: each read whether 其中 leads it
    "investment_lines": lambda n: "项目建设稳步推进全年计划完成投资二十亿元，各项工作有序开展\n" * (n // 31),
}


def _normalize(text):
    from extract.normalize import normalize
    return normalize(text)


def _money(text):
    from extract.mentions.money import find_money
    return find_money(_normalize(text).text)


def _counts(text):
    from extract.mentions.counts import find_counts
    return find_counts(_normalize(text).text)


def _deadlines(text):
    from extract.context.deadlines import find_phrases
    return find_phrases(_normalize(text).text)


def _regions(text):
    from extract.context.regions import document_region, region_sections
    from extract.context.document import DocMeta
    norm = _normalize(text)
    return region_sections(norm, DocMeta()), document_region(norm, DocMeta())


def _pipeline(text):
    from extract import extract_mentions
    return extract_mentions(text)


GRAMMARS = {"normalize": _normalize, "money": _money, "counts": _counts, "deadlines": _deadlines,
            "regions": _regions, "pipeline": _pipeline}

# (grammar, input, n): each runs at n and at 8n characters
CASES = [
    *[("money", name, n) for name, n in [
        ("digits", 25_000), ("yi", 10_000), ("duo", 10_000), ("wanyuan", 20_000), ("numbered_wanyuan", 30_000),
        ("numerals_and_units", 20_000), ("chinese_numerals_and_units", 20_000), ("range_separators", 20_000),
        ("thousands_separators", 25_000), ("decimal_points", 20_000)]],
    *[("counts", name, n) for name, n in [
        ("digits", 25_000), ("yi", 10_000), ("duo", 10_000), ("numbers_and_measure_words", 20_000),
        ("numerals_and_units", 20_000), ("unclosed_paren_after_noun", 30_000), ("han_no_punctuation", 20_000)]],
    *[("normalize", name, n) for name, n in [
        ("unclosed_gloss", 70_000), ("short_lines", 20_000), ("broken_prose_lines", 20_000),
        ("spaced_digits", 25_000), ("han_no_punctuation", 25_000)]],
    *[("deadlines", name, n) for name, n in [
        ("deadline_phrases", 20_000), ("years", 20_000), ("digits", 25_000), ("han_no_punctuation", 20_000)]],
    *[("regions", name, n) for name, n in [
        ("place_names", 20_000), ("han_no_punctuation", 20_000), ("interview_markers", 20_000),
        ("heading_lines", 20_000), ("ambiguous_headings", 20_000)]],
    *[("pipeline", name, n) for name, n in [
        ("digits", 25_000), ("yi", 10_000), ("duo", 10_000), ("numbered_wanyuan", 12_000),
        ("unclosed_gloss", 25_000), ("han_no_punctuation", 12_500), ("many_figures_short_sentences", 125_000),
        ("numbered_goal_list", 12_500), ("investment_lines", 400_000)]],
]


def run(grammar: str, name: str, size: int) -> float:
    """Seconds `grammar` takes on input `name` at `size`, after a warm-up (tables loaded, patterns compiled)."""
    function = GRAMMARS[grammar]
    function("2023年1月，南通市海门区力争年内签约总投资超10亿元项目3个。")
    text = INPUTS[name](size)
    started = time.perf_counter()
    function(text)
    return time.perf_counter() - started


def run_in_subprocess(grammar: str, name: str, size: int, timeout: float) -> subprocess.CompletedProcess:
    """Raises subprocess.TimeoutExpired (the child is killed) when it takes longer than `timeout`."""
    return subprocess.run([sys.executable, __file__, grammar, name, str(size)], capture_output=True, text=True,
                          timeout=timeout, cwd=REPO)


def table(timeout: float = 60.0) -> None:
    print("| grammar | input | n | seconds at n | seconds at 8n |")
    print("| --- | --- | ---: | ---: | ---: |")
    for grammar, name, n in CASES:
        cells = []
        for size in (n, 8 * n):
            try:
                done = run_in_subprocess(grammar, name, size, timeout)
                cells.append(done.stdout.strip() if done.returncode == 0 else f"error {done.returncode}")
            except subprocess.TimeoutExpired:
                cells.append(f"> {timeout:.0f} (killed)")
        print(f"| {grammar} | {name} | {n:,} | {cells[0]} | {cells[1]} |", flush=True)


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    if sys.argv[1:] == ["--table"]:
        table()
    else:
        print(f"{run(sys.argv[1], sys.argv[2], int(sys.argv[3])):.2f}")
