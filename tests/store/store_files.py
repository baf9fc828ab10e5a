"""Real files made in the store tests from the seed articles: re-encoded, as HTML, DOCX and PDF.

Imported by the test modules as `store_files` (tests/store is on sys.path: no __init__.py)."""
from __future__ import annotations

import html
import io
from pathlib import Path

from extract.record import FIELDS

REPO = Path(__file__).resolve().parents[2]
SEEDS = sorted((REPO / "seeds").glob("*.txt"))
# Offsets and the document's name differ between formats of the same article; everything else must not.
PLACE_FIELDS = ("doc", "start", "end", "sentence_start")


def seed_text(index: int) -> str:
    return SEEDS[index].read_text(encoding="utf-8")


def encodable(text: str, encoding: str) -> str:
    """`text` with the characters `encoding` lacks replaced by '?', so both versions hold the same text."""
    return text.encode(encoding, errors="replace").decode(encoding)


def traditional(text: str) -> str:
    import opencc

    return opencc.OpenCC("s2t").convert(text)


def signature(figures) -> list[tuple]:
    """What a figure says, without where it stands: comparable across formats of one article."""
    rows = [f.to_dict() if hasattr(f, "to_dict") else f for f in figures]
    return [tuple(row[k] for k in FIELDS if k not in PLACE_FIELDS) for row in rows]


def html_page(text: str, *, published: str | None = None) -> bytes:
    """A news page as sites serve it: scripts, styles, navigation, a sidebar and a footer around the article."""
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    meta = f'<meta property="article:published_time" content="{published}T09:30:00+08:00">' if published else ""
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">{meta}<title>新闻</title>
<script>var ad = "导航广告总投资888亿元";</script><style>p {{ line-height: 1.8 }}</style></head>
<body><header><div class="logo">交汇点新闻</div>
<nav><ul><li><a href="/">首页</a></li><li><a href="/zt">专题：导航栏总投资777亿元</a></li>
<li><a href="/zs">招商：导航栏签约项目666个</a></li></ul></nav></header>
<div class="main"><article>{paragraphs}</article>
<aside><h3>相关阅读</h3><ul><li><a href="/r/1">侧栏某地投资555亿元建设新城</a></li></ul></aside></div>
<footer><p>版权所有 © 交汇点 苏ICP备00000000号 页脚投资444亿元</p></footer>
<script>track("脚本签约项目333个");</script></body></html>""".encode("utf-8")


NOISE = ("888亿元", "777亿元", "666个", "555亿元", "444亿元", "333个", "首页")


def docx_bytes(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_bytes(text: str, *, chars_per_line: int = 38) -> bytes:
    """A PDF with a real CJK text layer (CID font STSong-Light), paragraphs wrapped as a layout would."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    y = 800
    for paragraph in text.splitlines():
        for i in range(0, max(len(paragraph), 1), chars_per_line):
            if y < 50:
                page.showPage()
                y = 800
            page.setFont("STSong-Light", 10)
            page.drawString(40, y, paragraph[i:i + chars_per_line])
            y -= 15
    page.save()
    return buffer.getvalue()


def varied(text: str, step: int) -> str:
    """The article with every amount and count raised by `step` (dates untouched): a new, valid document."""
    import re

    return re.sub(r"\d+(?=[亿億万萬个個家项項])", lambda m: str(int(m.group()) + step), text)


def write_variants(folder: Path, copies: int) -> list[Path]:
    """The seeds plus `copies` rounds of variants: numbers varied, re-encoded to GB18030, renamed duplicates."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index, seed in enumerate(SEEDS):
        text = seed.read_text(encoding="utf-8")
        for step in range(copies):
            changed = varied(text, step + 1)
            target = folder / f"v{step}_{index}.txt"
            target.write_bytes(changed.encode("gb18030") if step % 2 else changed.encode("utf-8"))
            paths.append(target)
        renamed = folder / f"copy_of_{index}.txt"          # same text as the seed under another name
        renamed.write_bytes(text.encode("utf-8"))
        paths.append(renamed)
    return paths
