"""The 6-month (or annual) progress report of the plan's projects and indicators."""
