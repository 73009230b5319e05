"""One folder per report family: its notebook, its summaries (data) and charts and document (looks); year.py is the notebooks' façade."""
