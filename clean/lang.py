"""A seeded, exception-safe wrapper around langdetect.

langdetect keeps a module-level factory and draws random numbers; its ``detect`` raises on text without
letters. Here each :class:`LanguageIdentifier` owns its own factory with a fixed seed, so results are the same
in every process, and failures come back as ``None``. A call costs about 1.7 ms, so callers judge cheaply first
and ask only where the answer decides something.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The seed every detector is created with: langdetect's sampling is random, this makes it repeatable.
SEED = 0
#: Below this many letters langdetect's answer is a guess.
MIN_LETTERS = 12


@dataclass(frozen=True)
class Guess:
    lang: str
    prob: float


class LanguageIdentifier:
    """Identify the language of a text; ``None`` when there is no answer. Loads langdetect's profiles once."""

    def __init__(self) -> None:
        from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

        self._factory = DetectorFactory()
        self._factory.load_profile(PROFILES_DIRECTORY)
        self._factory.set_seed(SEED)
        # the profiles' probabilities, one list per n-gram (about 88,000), as tuples: langdetect only reads them,
        # and a tuple of floats is one object fewer for Python's garbage collector to walk at every full
        # collection of a long run (a list is always tracked; such a tuple is untracked after its first one)
        table = self._factory.word_lang_prob_map
        for word, probs in table.items():
            table[word] = tuple(probs)

    def guess(self, text: str) -> Guess | None:
        if sum(ch.isalpha() for ch in text[:2000]) < MIN_LETTERS:
            return None
        try:
            detector = self._factory.create()
            detector.append(text[:2000])
            probs = detector.get_probabilities()
        except Exception:  # langdetect raises LangDetectException and, on odd input, others
            return None
        if not probs:
            return None
        return Guess(probs[0].lang, probs[0].prob)

    def detect(self, text: str) -> str | None:
        g = self.guess(text)
        return g.lang if g else None
