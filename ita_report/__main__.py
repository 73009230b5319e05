"""`python -m ita_report` is the `ita-report` command."""

from .cli import main

main()
