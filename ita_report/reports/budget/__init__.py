"""The budget-execution report: allocated against paid, by project, area, month and quarter."""
