"""Benchmarks: extraction throughput and cost growth, memory, store ingest, dashboard queries at scale,
Dask scaling, and the peer (jionlp) side by side. Run `python -m benchmarks [--quick]`."""
