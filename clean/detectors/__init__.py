"""One module per family of boilerplate. Each exposes ``detect(doc, verdicts) -> dict[int, Verdict]``:
given the document and the verdicts of the detectors that ran before it, the blocks it removes and why."""
