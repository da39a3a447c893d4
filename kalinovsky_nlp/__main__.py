"""`python -m kalinovsky_nlp` = the `kalinovsky-nlp` command."""

from .cli import main

raise SystemExit(main())
