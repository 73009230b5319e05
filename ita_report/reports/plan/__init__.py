"""The integrity-measures plan report: the announcement, summary tables and charts."""
