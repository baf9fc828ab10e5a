"""Compressed files are refused before they are expanded: a .docx whose document.xml expands to
1 GB (1 MB on disk), and a PDF whose content stream decodes to 100 MB, each with a one-line reason,
in a process that stays small; the command line and an upload (the dashboard's path) alike."""
from __future__ import annotations

import io
import os
import resource
import subprocess
import sys
import zipfile
import zlib

import pytest

from extract.sources import MAX_EXPANDED_BYTES, UnreadableDocument, read_bytes
from extract.store import Store
from store_files import REPO, docx_bytes, seed_text

GIGABYTE = 2**30
PEAK_LIMIT_MB = 300


def docx_bomb(path) -> None:
    """A real .docx whose word/document.xml is replaced by 1 GB of XML, written in 1 MB chunks."""
    with zipfile.ZipFile(io.BytesIO(docx_bytes(seed_text(0)))) as source, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb:
        for part in source.infolist():
            if part.filename != "word/document.xml":
                bomb.writestr(part, source.read(part))
        with bomb.open("word/document.xml", "w", force_zip64=True) as xml:
            chunk = b"<w:t>" + b"0" * (2**20 - 12) + b"</w:t>\n"
            for _ in range(GIGABYTE // len(chunk)):
                xml.write(chunk)


def pdf_bomb(decoded_mb: int) -> bytes:
    """A one-page PDF whose content stream is `decoded_mb` MB of zeros, deflated."""
    packer = zlib.compressobj(9)
    stream = b"".join(packer.compress(b"0" * 2**20) for _ in range(decoded_mb)) + packer.flush()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(stream), stream)]
    out = io.BytesIO(b"%PDF-1.4\n")
    out.seek(0, io.SEEK_END)
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def ingest_measured(path, data_dir) -> tuple[subprocess.CompletedProcess, float]:
    """The command line's ingest of `path` alone into a new store at `data_dir`, run as the only
    child of a fresh process, with that child's peak memory in MB."""
    measuring = ("import resource, subprocess, sys; done = subprocess.run(sys.argv[1:]); "
                 "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(done.returncode)")
    ingest = [sys.executable, "-m", "extract", "ingest", "--no-seeds", "--data-dir", str(data_dir), str(path)]
    child = subprocess.run([sys.executable, "-c", measuring, *ingest], capture_output=True, text=True, cwd=REPO,
                           timeout=300, env={**os.environ, "PYTHONPATH": str(REPO)})
    return child, int(child.stdout.split()[-1]) / 1024


@pytest.fixture(scope="module")
def bomb(tmp_path_factory):
    path = tmp_path_factory.mktemp("bomb") / "报告.docx"
    docx_bomb(path)
    return path


def test_a_docx_expanding_to_a_gigabyte_is_refused_unexpanded_by_the_command_line(bomb, tmp_path):
    assert bomb.stat().st_size < 2 * 2**20
    child, peak_mb = ingest_measured(bomb, tmp_path / "data")
    assert child.returncode == 1
    assert child.stderr.splitlines() == [
        f"{bomb}: refused unexpanded: its parts would expand to 1025 MB, over the limit of "
        f"{MAX_EXPANDED_BYTES // 2**20} MB (a zip bomb?)"]
    assert peak_mb < PEAK_LIMIT_MB


def test_an_uploaded_docx_bomb_is_refused_with_the_same_line(bomb, tmp_path):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with Store(tmp_path / "data") as store:
        result = store.ingest_bytes("报告.docx", bomb.read_bytes())
        assert store.documents().empty
    assert (result.status, result.reason) == (
        "failed", f"refused unexpanded: its parts would expand to 1025 MB, over the limit of "
                  f"{MAX_EXPANDED_BYTES // 2**20} MB (a zip bomb?)")
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 * 1024   # KB: nothing expanded


def test_a_small_part_compressed_far_beyond_word_is_refused():
    data = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_bytes(seed_text(0)))) as source, \
            zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as packed:
        for part in source.infolist():
            packed.writestr(part, source.read(part) + (b" " * 8 * 2**20 if part.filename == "word/styles.xml" else b""))
    with pytest.raises(UnreadableDocument, match=r"^refused unexpanded: part word/styles.xml would expand \d+ times, "
                                                 r"over the limit of 100 \(a zip bomb\?\)$"):
        read_bytes("a.docx", data.getvalue())


def test_a_pdf_stream_decoding_past_the_limit_is_refused(tmp_path):
    path = tmp_path / "bomb.pdf"
    path.write_bytes(pdf_bomb(MAX_EXPANDED_BYTES // 2**20 + 36))
    child, peak_mb = ingest_measured(path, tmp_path / "data")
    assert child.returncode == 1
    assert child.stderr.splitlines() == [
        f"{path}: refused: a stream would decode past the limit of {MAX_EXPANDED_BYTES // 2**20} MB "
        f"(a compression bomb?)"]
    assert peak_mb < PEAK_LIMIT_MB
