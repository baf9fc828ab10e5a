"""Corrections: a user's fix of a field, a deletion, or an added figure; append-only, applied on read.

Each correction is anchored by the figure's place (doc_id, start, end, text), not its id, so it
outlives re-extraction. One whose anchor matches no figure any more is reported by `orphaned`.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import re
from typing import Any

import duckdb
import pandas as pd

from extract.record import COUNTED, FIELDS, KINDS, QUALIFIERS, ROLES, STRENGTHS, Figure
from extract.store.db import field_type

# Where a figure stands: fixed by its document, so not editable (delete it and add another instead).
ANCHOR_FIELDS = ("doc", "start", "end", "text", "sentence", "sentence_start")
_CHOICES = {"kind": KINDS, "qualifier": QUALIFIERS, "counted": COUNTED, "role": ROLES, "strength": STRENGTHS}
_REQUIRED = ("kind", "value", "qualifier", "unit", "is_annual")   # may not be cleared
_DATES = ("doc_date", "deadline")
_SENTENCE_ENDS = re.compile(r"[。！？!?；;\n]")


class CorrectionError(ValueError):
    """A correction that cannot be stored; the message says why."""


def check_value(field: str, value: Any) -> Any:
    """`value` as the type the contract's `field` holds, or CorrectionError."""
    if field not in FIELDS:
        raise CorrectionError(f"no such field: {field!r}")
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()          # numpy and pandas scalars from a data editor
    if isinstance(value, float) and math.isnan(value):
        value = None
    if value is None or (isinstance(value, str) and not value.strip()):
        if field in _REQUIRED:
            raise CorrectionError(f"{field} cannot be empty")
        return None
    kind = field_type(field)
    if kind == "BOOLEAN":
        if isinstance(value, str) and value.strip().lower() in ("true", "false", "1", "0", "是", "否"):
            return value.strip().lower() in ("true", "1", "是")
        if not isinstance(value, bool):
            raise CorrectionError(f"{field} takes true or false, not {value!r}")
        return value
    if kind in ("DOUBLE", "INTEGER"):
        try:
            number = float(value) if not isinstance(value, bool) else math.nan
        except (TypeError, ValueError):
            number = math.nan
        if not math.isfinite(number):
            raise CorrectionError(f"{field} 须为数字 / takes a number, not {value!r}")
        if kind == "INTEGER":
            if number != int(number):
                raise CorrectionError(f"{field} 须为整数 / takes a whole number, not {value!r}")
            return int(number)
        return int(number) if number == int(number) and abs(number) < 2**53 else number
    value = str(value).strip()
    if field in _CHOICES and value not in _CHOICES[field]:
        raise CorrectionError(f"{field} is one of {', '.join(_CHOICES[field])}, not {value!r}")
    if field in _DATES:
        try:
            value = dt.date.fromisoformat(value).isoformat()
        except ValueError:
            raise CorrectionError(f"{field} takes a date YYYY-MM-DD, not {value!r}") from None
    return value


_ADDED_ID = re.compile(r"-a(\d+)$")


def anchor_of(con: duckdb.DuckDBPyConnection, figure_id: str) -> tuple[str, int, int, str]:
    """(doc_id, start, end, text) of a figure users see; looked up directly, not through the whole view."""
    added = _ADDED_ID.search(figure_id)
    if added:
        row = con.execute("SELECT correction_id, doc_id, anchor_start, anchor_end, anchor_text FROM corrections "
                          "WHERE action = 'add' AND correction_id = ?", [int(added.group(1))]).fetchone()
    else:
        row = con.execute('SELECT 0, doc_id, "start", "end", "text" FROM figures WHERE figure_id = ?',
                          [figure_id]).fetchone()
    deleted = row is not None and con.execute(
        "SELECT count(*) FROM corrections WHERE action = 'delete' AND correction_id > ? AND doc_id = ? "
        "AND anchor_start = ? AND anchor_end = ? AND anchor_text = ?", list(row)).fetchone()[0]
    if row is None or deleted:
        raise CorrectionError(f"no figure {figure_id!r} (deleted, or never there)")
    return row[1:]


def _append(con, author: str, action: str, anchor, field=None, new_value=None, record=None) -> int:
    if not author or not str(author).strip():
        raise CorrectionError("a correction needs an author")
    row = con.execute(
        "INSERT INTO corrections (created_at, author, action, doc_id, anchor_start, anchor_end, anchor_text, "
        "field, new_value, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING correction_id",
        [dt.datetime.now(), str(author).strip(), action, *anchor, field,
         None if action != "set" else json.dumps(new_value, ensure_ascii=False),
         None if record is None else json.dumps(record, ensure_ascii=False)]).fetchone()
    return row[0]


def correct(con, figure_id: str, field: str, value: Any, *, author: str) -> int:
    if field in ANCHOR_FIELDS:
        raise CorrectionError(f"{field} is where the figure stands; delete the figure and add the right one")
    checked = check_value(field, value)
    anchor = anchor_of(con, figure_id)
    if field in ("value", "value_max") and checked is not None:
        kind = con.execute("SELECT kind FROM effective_figures WHERE figure_id = ?", [figure_id]).fetchone()
        _check_amount(field, checked, kind[0] if kind else None)
    return _append(con, author, "set", anchor, field=field, new_value=checked)


def _check_amount(field: str, value, kind: str | None) -> None:
    """Amounts and counts are never negative, and a count is a whole number."""
    if value < 0:
        raise CorrectionError(f"{field} cannot be negative")
    if kind == "count" and value != int(value):
        raise CorrectionError(f"a count takes a whole number, not {value}")


def delete(con, figure_id: str, *, author: str) -> int:
    return _append(con, author, "delete", anchor_of(con, figure_id))


def _sentence_around(raw: str, start: int, end: int) -> tuple[str, int]:
    """The sentence holding raw[start:end] and its offset, for an added figure given without one."""
    before = [m.end() for m in _SENTENCE_ENDS.finditer(raw, 0, start)]
    sentence_start = before[-1] if before else 0
    after = _SENTENCE_ENDS.search(raw, end)
    return raw[sentence_start:after.end() if after else len(raw)].rstrip("\n"), sentence_start


def add(con, doc_id: str, record: dict, *, author: str) -> str:
    """Store a figure the rules missed; returns its figure_id. `record` needs start, end, kind, value, unit."""
    doc = con.execute("SELECT name, raw_text FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
    if doc is None:
        raise CorrectionError(f"no document {doc_id!r}")
    name, raw = doc
    unknown = set(record) - set(FIELDS)
    if unknown:
        raise CorrectionError(f"not fields of a figure: {', '.join(sorted(unknown))}")
    for needed in ("start", "end", "kind", "value", "unit"):
        if record.get(needed) is None:
            raise CorrectionError(f"an added figure needs {needed}")
    start, end = check_value("start", record["start"]), check_value("end", record["end"])
    if not 0 <= start < end <= len(raw):
        raise CorrectionError(f"span {start}-{end} is outside the document (0-{len(raw)})")
    if record.get("text") not in (None, raw[start:end]):
        raise CorrectionError(f"text {record['text']!r} is not what the document has at {start}-{end}: {raw[start:end]!r}")
    sentence, sentence_start = _sentence_around(raw, start, end)
    full = Figure(doc=name, start=start, end=end, text=raw[start:end], sentence=sentence,
                  sentence_start=sentence_start, kind=record["kind"], value=record["value"], value_max=None,
                  currency="CNY" if record["kind"] == "money" else None, unit=record["unit"],
                  qualifier="exact", counted=None).to_dict()
    for key, value in record.items():
        if key not in ANCHOR_FIELDS:
            full[key] = check_value(key, value)
    for key in ("value", "value_max"):
        if full[key] is not None:
            _check_amount(key, full[key], full["kind"])
    correction_id = _append(con, author, "add", (doc_id, start, end, raw[start:end]), record=full)
    return f"{doc_id[:16]}-{start}-{end}-a{correction_id}"


_STATUS_SQL = """
SELECT c.*,
    CASE WHEN c.action = 'add' OR EXISTS (
            SELECT 1 FROM figures f WHERE f.doc_id = c.doc_id AND f."start" = c.anchor_start
            AND f."end" = c.anchor_end AND f."text" = c.anchor_text)
         OR EXISTS (
            SELECT 1 FROM corrections a WHERE a.action = 'add' AND a.correction_id < c.correction_id
            AND a.doc_id = c.doc_id AND a.anchor_start = c.anchor_start AND a.anchor_end = c.anchor_end
            AND a.anchor_text = c.anchor_text)
    THEN 'applied' ELSE 'orphaned' END AS status,
    d.name AS doc_name
FROM corrections c LEFT JOIN documents d USING (doc_id)
"""


def listing(con, *, orphaned_only: bool = False) -> pd.DataFrame:
    """Every correction with its status: 'applied', or 'orphaned' when its figure is no longer extracted."""
    where = "WHERE status = 'orphaned'" if orphaned_only else ""
    return con.execute(f"SELECT * FROM ({_STATUS_SQL}) {where} ORDER BY correction_id").df()


def orphaned(con) -> pd.DataFrame:
    return listing(con, orphaned_only=True)


def describe(row) -> str:
    """One line for the CLI listing of a correction."""
    what = {"set": f"{row['field']} = {row['new_value']}", "delete": "delete", "add": "add figure"}[row["action"]]
    return (f"#{row['correction_id']} {row['status']:8} {row['created_at']:%Y-%m-%d %H:%M} {row['author']}: "
            f"{what} at {row['doc_name']} {row['anchor_start']}-{row['anchor_end']} {row['anchor_text']!r}")


# -- export and import: the corrections of one store applied to another holding the same documents --
_COLUMNS = ("created_at", "author", "action", "doc_id", "anchor_start", "anchor_end", "anchor_text", "field",
            "new_value", "record")


def export_lines(con) -> bytes:
    """Every correction as one JSON object per line, oldest first (with its document's name, to read)."""
    cursor = con.execute(f"SELECT c.correction_id, {', '.join('c.' + c for c in _COLUMNS)}, d.name AS doc_name "
                         "FROM corrections c LEFT JOIN documents d USING (doc_id) ORDER BY c.correction_id")
    names = [column[0] for column in cursor.description]
    lines = []
    for row in cursor.fetchall():
        item = dict(zip(names, row))
        item["created_at"] = item["created_at"].isoformat()
        for key in ("new_value", "record"):
            item[key] = None if item[key] is None else json.loads(item[key])
        lines.append(json.dumps(item, ensure_ascii=False))
    return "".join(line + "\n" for line in lines).encode("utf-8")


def _imported(item: dict) -> tuple:
    """The corrections row of one exported object, checked as a new correction would be."""
    action = item["action"]
    if action not in ("set", "delete", "add"):
        raise CorrectionError(f"unknown action {action!r}")
    anchor = [item["doc_id"], item["anchor_start"], item["anchor_end"], item["anchor_text"]]
    if not (isinstance(anchor[0], str) and isinstance(anchor[3], str)
            and all(isinstance(n, int) and not isinstance(n, bool) for n in anchor[1:3])):
        raise CorrectionError(f"not an anchor (doc_id, start, end, text): {anchor!r}")
    if not isinstance(item["author"], str) or not item["author"].strip():
        raise CorrectionError("a correction needs an author")
    field = new_value = record = None
    if action == "set":
        field = item["field"]
        if field in ANCHOR_FIELDS:
            raise CorrectionError(f"{field} is where the figure stands")
        new_value = json.dumps(check_value(field, item["new_value"]), ensure_ascii=False)
    elif action == "add":
        if not isinstance(item["record"], dict) or set(item["record"]) - set(FIELDS):
            raise CorrectionError("an added figure's record must be an object of figure fields")
        for key, value in item["record"].items():
            check_value(key, value)
        record = json.dumps(item["record"], ensure_ascii=False)   # as exported, so a second import matches it
    return (dt.datetime.fromisoformat(item["created_at"]), item["author"], action, *anchor, field, new_value, record)


_SAME_ROW = " AND ".join(f"{column}{'::VARCHAR' if column in ('new_value', 'record') else ''} IS NOT DISTINCT FROM ?"
                         for column in _COLUMNS)


def import_lines(con, data: bytes) -> dict:
    """Append the corrections of an export, in its order (so that a fix of an added figure still comes
    after the addition), skipping any already stored; all or nothing."""
    rows = []
    for number, line in enumerate(data.decode("utf-8-sig").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict):
                raise CorrectionError("not a JSON object")
            rows.append(_imported(item))
        except (ValueError, KeyError, TypeError) as error:
            message = f"missing {error}" if isinstance(error, KeyError) else str(error)
            raise CorrectionError(f"line {number}: {message}") from None
    imported = []
    for row in rows:
        if con.execute(f"SELECT 1 FROM corrections WHERE {_SAME_ROW}", list(row)).fetchone():
            continue
        imported.append(con.execute(f"INSERT INTO corrections ({', '.join(_COLUMNS)}) VALUES "
                                    f"({', '.join('?' * len(_COLUMNS))}) RETURNING correction_id", list(row)).fetchone()[0])
    orphans = con.execute(f"SELECT count(*) FROM ({_STATUS_SQL}) WHERE status = 'orphaned' "
                          "AND list_contains(?, correction_id)", [imported]).fetchone()[0]
    return {"imported": len(imported), "skipped": len(rows) - len(imported), "orphaned": orphans}
