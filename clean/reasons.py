"""Why a block was removed: one enum, grouped into families that options can switch off.

Every removal the library reports carries exactly one :class:`Reason`. The value is a stable, short code used
in JSON output, in ``--explain`` and as the section name in the phrase data files
(``clean/data/phrases/*.txt``), so the three can never drift apart.
"""

from __future__ import annotations

import enum


class Family(str, enum.Enum):
    """A family of boilerplate, handled by one detector module; each can be switched off."""

    TRANSLATION = "translation"
    LANGUAGE = "language"
    PROMO = "promo"
    COMMENTS = "comments"
    CHROME = "chrome"


class Reason(str, enum.Enum):
    """The reason a block was removed. ``value`` is the stable code; ``family`` the detector family."""

    MT_NOTICE = "mt-notice"
    TRANSLATION_WIDGET = "translation-widget"
    LANGUAGE_BANNER = "language-banner"
    FOREIGN_EDGE = "foreign-edge"
    PROMO_HEADLINE = "promo-headline"
    CALL_TO_ACTION = "call-to-action"
    ADVERTISEMENT = "advertisement"
    COMMENTS = "comments"
    NAVIGATION = "navigation"
    SHARE_BAR = "share-bar"
    COOKIE_NOTICE = "cookie-notice"
    LOGIN_PROMPT = "login-prompt"
    FOOTER = "footer"
    RELATED_LIST = "related-list"
    TAGS = "tags"
    CAPTION = "caption"
    OUTSIDE_ARTICLE = "outside-article"
    NON_CONTENT = "non-content"

    @property
    def family(self) -> Family:
        return _FAMILY[self]

    @property
    def description(self) -> str:
        return _DESCRIPTION[self]

    @property
    def in_article(self) -> bool:
        """Whether a line that goes for this reason still stands in the article's run: a photo's caption, in an
        article as often as beside one. It is no evidence against the lines around it, and the context pass
        reads the run as if it were there."""
        return self is Reason.CAPTION


_FAMILY = {
    Reason.MT_NOTICE: Family.TRANSLATION,
    Reason.TRANSLATION_WIDGET: Family.TRANSLATION,
    Reason.LANGUAGE_BANNER: Family.LANGUAGE,
    Reason.FOREIGN_EDGE: Family.LANGUAGE,
    Reason.PROMO_HEADLINE: Family.PROMO,
    Reason.CALL_TO_ACTION: Family.PROMO,
    Reason.ADVERTISEMENT: Family.PROMO,
    Reason.COMMENTS: Family.COMMENTS,
    Reason.NAVIGATION: Family.CHROME,
    Reason.SHARE_BAR: Family.CHROME,
    Reason.COOKIE_NOTICE: Family.CHROME,
    Reason.LOGIN_PROMPT: Family.CHROME,
    Reason.FOOTER: Family.CHROME,
    Reason.RELATED_LIST: Family.CHROME,
    Reason.TAGS: Family.CHROME,
    Reason.CAPTION: Family.CHROME,
    Reason.OUTSIDE_ARTICLE: Family.CHROME,
    Reason.NON_CONTENT: Family.CHROME,
}

_DESCRIPTION = {
    Reason.MT_NOTICE: "machine- or AI-translation notice or disclaimer",
    Reason.TRANSLATION_WIDGET: "leftover of a translation widget (Select Language, Translated by Google, ...)",
    Reason.LANGUAGE_BANNER: "language switcher or 'read in / available in' banner",
    Reason.FOREIGN_EDGE: "line at the document's edge written in another language than the article",
    Reason.PROMO_HEADLINE: "ALL-CAPS teaser headline for another story",
    Reason.CALL_TO_ACTION: "call to action (subscribe, follow, get the app, sign up for a newsletter) or a label "
                           "pointing to another story (read more, related) and its headline",
    Reason.ADVERTISEMENT: "advertisement label",
    Reason.COMMENTS: "comment section (its head and everything after it)",
    Reason.NAVIGATION: "menu, breadcrumb, skip link or pagination",
    Reason.SHARE_BAR: "share or follow bar",
    Reason.COOKIE_NOTICE: "cookie or consent banner",
    Reason.LOGIN_PROMPT: "log-in, registration or paywall prompt",
    Reason.FOOTER: "footer, copyright or legal line",
    Reason.RELATED_LIST: "related, most-read or recommended stories",
    Reason.TAGS: "tags or topics list",
    Reason.CAPTION: "a photo's caption or credit ('Photo: Name', 'A caption (Bild: Name)')",
    Reason.OUTSIDE_ARTICLE: "line outside the article's run of text, or repeated elsewhere on the page",
    Reason.NON_CONTENT: "markup that is never article text (HTML structure)",
}
