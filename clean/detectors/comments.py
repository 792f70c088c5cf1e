"""Comment sections: their head ("13 comments on ...", "Leave a Reply", "Comments (4)") and all after it.

A head only counts after the article, so a "Comments" link in a menu above the article, or next to its title,
never cuts it: at least :data:`MIN_PARAGRAPHS_BEFORE` paragraphs and :data:`MIN_TEXT_BEFORE` of the
document's paragraph text must stand before it. A counted head ("2 Gedanken zu „…“", "13 comments on …": a
number, then a word of the phrase data's ``comment-count`` lists) is strong evidence, so a smaller share
(:data:`MIN_TEXT_BEFORE_COUNTED`) and a single paragraph will do: comment threads are often longer than their
article, and a blog post may be one paragraph.

A head that comes back under later posts ("0 Reply", "Add a comment |", "1 Reply Last reply" after every post
of a forum thread or a Q&A page) heads no section: it is each post's control. Those lines go one by one and
the posts between them stay; a later head of another shape may still open the comment section, unless the
controls of the thread's posts stand both before and after it ("0 Reply" under one post of a forum thread).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate, compress, count

from ..document import Document, Verdict
from ..phrases import normalize
from ..reasons import Reason

MIN_TEXT_BEFORE = 0.35
MIN_TEXT_BEFORE_COUNTED = 0.1
MIN_PARAGRAPHS_BEFORE = 2
MIN_PARAGRAPHS_BEFORE_COUNTED = 1
PARAGRAPH_CHARS = 100
MAX_HEAD_WORDS = 15
#: A head that stands this many times in the page, with a post between every two, is a control under each post,
#: not the head of a section (a count of comments shown twice, above and below the article, is still a head).
MIN_CONTROLS = 3
#: A head with a thread's controls this many times before it and after it stands between two of its posts.
MIN_THREAD_SIDE = 2
#: ... of this many shapes: a post's controls come together (its author's counts, its number, its buttons), where
#: a lone line repeated under teasers or comments ("More", an author's name) is no thread.
MIN_THREAD_SHAPES = 2
#: A line of a post has this many words at least.
MIN_POST_WORDS = 4
_COUNTED = re.compile(r"^\W*\d+\s+(\S+)")
_DIGITS = re.compile(r"\d+")


def _head(doc: Document, i: int, share_before: float, paragraphs: int) -> str | None:
    """Why line ``i`` is the head of a comment section, or None."""
    counted = _COUNTED.match(doc.blocks[i].text)
    if counted and normalize(counted.group(1)) in doc.phrases.comment_counts and \
            share_before >= MIN_TEXT_BEFORE_COUNTED and paragraphs >= MIN_PARAGRAPHS_BEFORE_COUNTED:
        return f"a count of comments: '{counted.group(0).strip()}'"
    m = doc.matches[i]
    # a line that starts in lower case continues the sentence before it: it heads nothing
    p = m.get(Reason.COMMENTS) if m and not doc.blocks[i].text.lstrip()[:1].islower() else None
    if p and share_before >= MIN_TEXT_BEFORE and paragraphs >= MIN_PARAGRAPHS_BEFORE:
        return p.detail
    return None


def _short(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _shape(doc: Document, text: str) -> str:
    """What a control line looks like under every post: its words without their counts; a count of comments by
    its word's first letters ("1 reply", "2 replies" and "10 Replies" are one shape; "13 comments" is another,
    and so is "3 Replies to “Council extends programme”", the head of a section)."""
    words = _DIGITS.sub(" ", normalize(text)).split()
    counted = _COUNTED.match(text)
    word = normalize(counted.group(1)) if counted else ""
    if word in doc.phrases.comment_counts:
        return " ".join(["#" + word[:3], *words[1:]])
    return " ".join(words)


def _controls(doc: Document, verdicts: dict[int, Verdict], paragraph_chars: list[int]) -> dict[str, list[int]]:
    """The lines that stand under every post of a thread, by shape: a short line whose shape comes back
    :data:`MIN_CONTROLS` times or more in the page, with a post (a line of :data:`MIN_POST_WORDS`) between every
    two of them."""
    by_shape: dict[str, list[int]] = {}
    for j, f in enumerate(doc.features):
        if j not in verdicts and f.words <= MAX_HEAD_WORDS and not paragraph_chars[j]:
            by_shape.setdefault(_shape(doc, doc.blocks[j].text), []).append(j)
    prefix = [0]  # lines of a post so far: a sentence of a few words ("Thanks, that fixed it.") is one
    for f in doc.features:
        prefix.append(prefix[-1] + (f.words >= MIN_POST_WORDS))
    return {shape: where for shape, where in by_shape.items() if len(where) >= MIN_CONTROLS
            and all(prefix[b] > prefix[a + 1] for a, b in zip(where, where[1:]))}


def _spaced(doc: Document, controls: dict[str, list[int]]) -> list[list[int]]:
    """Where the controls of each shape stand whose every two hold a post between them: a line of
    :data:`MIN_POST_WORDS` said once in the page (a menu shown again in the footer repeats its items in the same
    order, with nothing said once between two copies). Found once a page, for every head
    :func:`_inside_thread` weighs (a thread may show one under many of its posts)."""
    once = doc.copies
    said = [0]  # lines said once so far
    for t, f in zip(map(str.strip, doc.texts), doc.features):
        said.append(said[-1] + (once[t] == 1 and f.words >= MIN_POST_WORDS))
    return [where for where in controls.values() if all(said[b] > said[a + 1] for a, b in zip(where, where[1:]))]


def _inside_thread(spaced: list[list[int]], i: int) -> bool:
    """Whether line ``i`` stands inside a thread: the controls under its posts (``spaced``, from :func:`_spaced`)
    stand both before and after it (:data:`MIN_THREAD_SIDE` times each, :data:`MIN_THREAD_SHAPES` of them), so
    the posts after it are the thread's, not comments on it."""
    return sum(bisect_left(where, i) >= MIN_THREAD_SIDE and len(where) - bisect_right(where, i) >= MIN_THREAD_SIDE
               for where in spaced) >= MIN_THREAD_SHAPES


def detect(doc: Document, verdicts: dict[int, Verdict]) -> dict[int, Verdict]:
    paragraph_chars = [f.size if f.size >= PARAGRAPH_CHARS else 0 for f in doc.features]
    total = sum(paragraph_chars)
    if not total:
        return {}
    # the paragraph text and the paragraphs before each line
    text_before = list(accumulate(paragraph_chars, initial=0))
    paragraphs_before = list(accumulate(map(bool, paragraph_chars), initial=0))
    controls: dict[str, list[int]] | None = None  # found when the first head is: most pages have none
    spaced: list[list[int]] | None = None  # ... and those of them a thread's posts stand between, likewise
    out: dict[int, Verdict] = {}
    # a head is a count of comments or holds a comment phrase: the few lines that may be are found at once, and
    # only they are looked at, in order
    may = set(compress(count(), map(_COUNTED.match, doc.texts)))
    may.update(i for i in compress(count(), doc.matches) if doc.matches[i].get(Reason.COMMENTS))
    for i in sorted(may):
        f, before, paragraphs = doc.features[i], text_before[i], paragraphs_before[i]
        if f.words <= MAX_HEAD_WORDS and paragraphs and i not in out:
            why = _head(doc, i, before / total, paragraphs)
            if why:
                if controls is None:
                    controls = _controls(doc, verdicts, paragraph_chars)
                shape = _shape(doc, doc.blocks[i].text)
                if shape in controls:
                    detail = f"a control under each post of a thread ('{_short(doc.blocks[i].text)}')"
                    out.update((j, Verdict(Reason.COMMENTS, detail)) for j in controls[shape])
                elif _inside_thread(spaced := _spaced(doc, controls) if spaced is None else spaced, i):
                    out[i] = Verdict(Reason.COMMENTS, f"a control of one post inside a thread "
                                                      f"('{_short(doc.blocks[i].text)}')")
                else:
                    detail = f"comment section starts here ({why})"
                    out.update((j, Verdict(Reason.COMMENTS, detail if j == i else
                                           f"after the comment head '{_short(doc.blocks[i].text)}'"))
                               for j in range(i, len(doc.blocks)) if j not in verdicts)
                    return out
    return out
