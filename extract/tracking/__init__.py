"""The target-tracking page's current home (page.py, charts.py). The ledger it shows, targets with
their reports, progress and status, is built by extract.ledger."""
