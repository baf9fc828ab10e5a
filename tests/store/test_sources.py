"""Each file format gives the same figures as the UTF-8 text of the same article."""
from __future__ import annotations

import pytest

from extract.pipeline import extract_mentions
from extract.sources import MAX_FILE_BYTES, UnreadableDocument, read_bytes, read_document, safe_name

from store_files import (NOISE, SEEDS, docx_bytes, encodable, html_page, pdf_bytes, seed_text, signature,
                       traditional)

ALL_SEEDS = range(len(SEEDS))


def figures_of(text: str):
    return extract_mentions(text, doc_name="a")


@pytest.mark.parametrize("index", ALL_SEEDS)
@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_gbk_text_reads_as_the_utf8_text(index, encoding):
    text = encodable(seed_text(index), encoding)
    document = read_bytes("article.txt", text.encode(encoding))
    assert document.text == text.rstrip()
    assert signature(figures_of(document.text)) == signature(figures_of(text))


@pytest.mark.parametrize("index", ALL_SEEDS)
def test_big5_text_reads_as_the_utf8_text(index):
    text = encodable(traditional(seed_text(index)), "big5")
    document = read_bytes("article.txt", text.encode("big5"))
    assert document.text == text.rstrip()
    assert figures_of(text), "the Traditional article must hold figures for this test to mean anything"
    assert signature(figures_of(document.text)) == signature(figures_of(text))


def test_short_gbk_and_big5_sentences_are_detected():
    sentence = "到2025年，全市新签约10亿元以上项目不少于30个。"
    assert read_bytes("a.txt", sentence.encode("gbk")).text == sentence
    assert read_bytes("a.txt", traditional(sentence).encode("big5")).text == traditional(sentence)


def test_utf8_with_bom_and_windows_line_ends_reads_as_plain_utf8():
    text = seed_text(0)
    data = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    assert read_bytes("a.md", data).text == text.rstrip()


@pytest.mark.parametrize("index", ALL_SEEDS)
def test_html_main_text_without_scripts_navigation_or_footer(index):
    text = seed_text(index)
    document = read_bytes("page.html", html_page(text))
    for noise in NOISE:
        assert noise not in document.text
    assert signature(figures_of(document.text)) == signature(figures_of(text))
    assert document.metadata_date is None


def test_html_publication_date_comes_from_metadata():
    document = read_bytes("page.htm", html_page(seed_text(1), published="2023-01-30"))
    assert document.metadata_date == "2023-01-30"


def test_html_in_gbk_declared_in_a_meta_tag():
    text = encodable(seed_text(2), "gbk")
    page = html_page(text).decode("utf-8").replace('<meta charset="utf-8">', '<meta charset="gbk">')
    document = read_bytes("page.html", page.encode("gbk", errors="replace"))
    assert signature(figures_of(document.text)) == signature(figures_of(text))


@pytest.mark.parametrize("index", ALL_SEEDS)
def test_docx_reads_as_the_utf8_text(index):
    text = seed_text(index)
    document = read_bytes("article.docx", docx_bytes(text))
    assert document.text == text.rstrip()
    assert signature(figures_of(document.text)) == signature(figures_of(text))


@pytest.mark.parametrize("index", ALL_SEEDS)
def test_pdf_text_layer_gives_the_same_figures(index):
    text = seed_text(index)
    document = read_bytes("article.pdf", pdf_bytes(text))
    assert signature(figures_of(document.text)) == signature(figures_of(text))


def test_pdf_wrapped_lines_are_joined_and_paragraphs_kept():
    text = "第一段说明情况。\n" + "今年全市计划新签约亿元以上项目不少于30个，总投资超过100亿元，力争年底前全部开工建设" * 2 + "。\n第三段。"
    document = read_bytes("a.pdf", pdf_bytes(text, chars_per_line=20))
    assert document.text == text


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b" \n\t\n", "empty file"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "named .txt but the content is a PNG image"),
    ("report.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "named .txt but the content is a PDF"),
    ("fake.pdf", "总投资90亿元".encode("utf-8"), "named .pdf but the content is not that format"),
    ("fake.docx", "总投资90亿元".encode("utf-8"), "named .docx but the content is not that format"),
    ("broken.docx", b"PK\x03\x04" + b"\x00" * 64, "not a valid .docx"),
    ("binary.txt", bytes(range(256)) * 8, "binary content"),
    ("table.xlsx", b"PK\x03\x04", "unsupported file type (.xlsx)"),
    ("README", "总投资90亿元".encode("utf-8"), "unsupported file type (no extension)"),
])
def test_bad_files_get_a_one_line_reason(name, data, reason):
    with pytest.raises(UnreadableDocument) as caught:
        read_bytes(name, data)
    message = str(caught.value)
    assert reason in message
    assert "\n" not in message


def test_scanned_pdf_without_text_layer_is_refused_with_a_hint():
    from reportlab.pdfgen import canvas
    import io

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.rect(50, 50, 200, 200, fill=1)
    page.save()
    with pytest.raises(UnreadableDocument, match="no text found .*text layer"):
        read_bytes("scan.pdf", buffer.getvalue())


def test_files_above_the_size_limit_are_refused_unread(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(UnreadableDocument, match="file too large"):
        read_document(big)


def test_read_document_reads_a_file_and_names_missing_ones(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(seed_text(0).encode("gb18030"))
    assert read_document(path).text == seed_text(0).rstrip()
    with pytest.raises(UnreadableDocument, match="no such file"):
        read_document(tmp_path / "missing.txt")


@pytest.mark.parametrize("name, bare", [
    ("../x.txt", "x.txt"), ("../../etc/passwd.txt", "passwd.txt"), ("..\\..\\evil.txt", "evil.txt"),
    ("/abs/path/a.html", "a.html"), ("..", "unnamed"), ("a\x00b\n.txt", "ab.txt"),
])
def test_safe_name_keeps_only_the_bare_file_name(name, bare):
    assert safe_name(name) == bare
