"""The complaint statistics: received, finished and in progress, with breakdowns."""
