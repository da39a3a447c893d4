"""Judgement across dates: claims of two documents aligned into propositions, the author's position on each, and
the findings that say how it changed. Pure functions over :class:`~kalinovsky_nlp.profile.DocumentProfile`."""
