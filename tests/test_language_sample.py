"""clean.pipeline.language_sample: the longest lines (ties in document order), encoded blobs last, until the
sample holds LANGUAGE_SAMPLE_CHARS characters; as the definition says, whatever the lines."""

from hypothesis import given, settings, strategies as st

from clean.detectors.support import is_blob
from clean.pipeline import LANGUAGE_SAMPLE_CHARS, language_sample


def _by_definition(texts: list[str]) -> list[int]:
    order = sorted(range(len(texts)), key=lambda i: (is_blob(texts[i]), -len(texts[i]), i))
    sample, size = [], 0
    for i in order:
        sample.append(i)
        size += len(texts[i])
        if size >= LANGUAGE_SAMPLE_CHARS:
            break
    return sorted(sample)


_LINES = st.sampled_from(["a b c", "x" * 81, "x" * 80, "y" * 200, "word " * 30, "abc " * 5 + "Z" * 90, "é" * 100,
                          "a" * 300, "Short line.", "aGVsbG8gd29ybGQ" * 9, "https://example.com/x?y=1" * 5])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(_LINES, st.integers(1, 4)).map(lambda t: t[0] * t[1]), max_size=40))
def test_the_sample_is_as_defined(texts):
    assert language_sample(texts) == _by_definition(texts)


def test_blobs_come_last():
    blob = "aGVsbG8gd29ybGQ" * 20
    assert language_sample([blob, "A sentence of the article, long enough to count. " * 40]) == [1]
