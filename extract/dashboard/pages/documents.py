"""Articles: upload several at once (one result line per file, in words), list what the store
holds, and read any article with every figure highlighted."""
import html

import streamlit as st

from extract.dashboard import ui
from extract.dashboard.formatting import escape_markdown, highlight_spans, text_block
from extract.dashboard.ui import T

MAX_UPLOAD_MB = 20      # the same limit as server.maxUploadSize in .streamlit/config.toml
# the readers' one-line reasons (extract.sources, in English), by their opening words, in the
# analyst's language; a reason not listed is shown under the general one
REASONS = (("unsupported file type", "fail_type"), ("file too large", "fail_large"), ("empty file", "fail_empty"),
           ("named ", "fail_mismatch"), ("no text found", "fail_no_text"), ("binary content", "fail_binary"),
           ("undecodable", "fail_encoding"), ("not a readable PDF", "fail_pdf"), ("not a valid .docx", "fail_docx"))


def reason_text(reason: str) -> str:
    for start, key in REASONS:
        if reason.startswith(start):
            return T(key)
    return T("fail_read")

store = ui.store()
st.title(T("page_documents"))

st.subheader(T("upload"))
uploads = st.file_uploader(T("upload"), accept_multiple_files=True, key="doc_uploads",
                           help=T("upload_help", mb=MAX_UPLOAD_MB), label_visibility="collapsed")
st.caption(T("upload_help", mb=MAX_UPLOAD_MB))


def ingest(files) -> None:
    results = []
    for upload in files or []:
        data = upload.getvalue()
        size_mb = len(data) / 2**20
        if size_mb > MAX_UPLOAD_MB:
            results.append((upload.name, "failed", T("too_large", mb=size_mb, limit=MAX_UPLOAD_MB)))
            continue
        try:
            result = store.ingest_bytes(upload.name, data)
        except Exception:  # a reader bug must not hide the other files' results
            results.append((upload.name, "failed", T("failed", reason=T("fail_read"))))
            continue
        if result.status == "ingested":
            results.append((upload.name, "ok", T("ingested", n=result.figures)))
        elif result.status == "unchanged":
            results.append((upload.name, "ok", T("unchanged")))
        else:
            results.append((upload.name, "failed", T("failed", reason=reason_text(result.reason or ""))))
    st.session_state["upload_results"] = results


st.button(T("ingest"), key="doc_ingest", type="primary", disabled=not uploads, on_click=ingest, args=(uploads,))
for name, status, message in st.session_state.get("upload_results", []):
    line = f"{escape_markdown(name)}：{escape_markdown(message)}"
    (st.success if status == "ok" else st.error)(line)

st.subheader(T("document_list"))
documents = ui.documents()
if documents.empty:
    st.info(T("no_data"))
    st.stop()
listing_columns = ("title", "doc_date", "region", "source", "ingested_at")
headers = {"title": T("doc_title"), "doc_date": T("doc_date"), "region": T("region"), "source": T("source"),
           "ingested_at": T("ingested_at")}
listing = documents[list(listing_columns)].assign(ingested_at=documents["ingested_at"].dt.strftime("%Y-%m-%d %H:%M"))
listing = listing.fillna("")        # an unknown date or region is blank, not "None"
st.dataframe(listing.rename(columns=headers), hide_index=True, width="stretch", key="doc_table")

doc_ids = documents["doc_id"].tolist()
names = dict(zip(documents["doc_id"], documents["title"]))
files = dict(zip(documents["doc_id"], documents["name"]))
picked = st.selectbox(T("pick_document"), doc_ids, key="doc_pick", format_func=names.get, placeholder=T("choose"))
spans = ui.cached("document_figures", picked)
# the title first; the file name under it, small (how the article came in)
st.html(f"<h4>{html.escape(names[picked])}</h4><p style='color:#888;font-size:0.8rem'>{html.escape(files[picked])}</p>"
        + text_block(highlight_spans(store.document_text(picked), zip(spans["start"], spans["end"]))))
