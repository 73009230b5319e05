"""The annual procurement report and analysis, with its summary tables, charts and risk flags."""
