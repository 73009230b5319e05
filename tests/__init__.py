"""The tests of ita-report; REPO_DIR is the checkout they run in."""

from pathlib import Path

REPO_DIR = Path(__file__).resolve().parents[1]
