"""The monthly procurement summaries (แบบ สขร.๑) and the 16-column procurement list."""
