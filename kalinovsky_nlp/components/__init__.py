"""Everything that reads a parsed spaCy Doc: the project's components (canonical entities, attribution,
metadiscourse with its context rules; registered in :mod:`.factories`) and the Doc-in functions the profile calls
(claims, the evaluation of their arguments)."""
