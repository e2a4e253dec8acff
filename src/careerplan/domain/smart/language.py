"""A cheap guess at the language of a goal, so other languages are not analysed as English.

The guess counts very common function words of a few European languages and looks at the
script of the letters. It does not need to name every language: it only needs to notice when
a goal is clearly not English, so the report can say so instead of guessing with confidence.
A goal that mixes English with another language is analysed when English carries at least
half as many function words as the other language.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_STOPWORDS = {
    "en": """the a an and or to of in on for by with my our i will be is are this that at from
        before within until each every per next end it me as get""",
    "fr": """le la les un une des du de et ou je tu il elle nous vous mon ma mes ton son au aux
        avec pour dans sur avant avoir être est sont veux vais ce cette qui que fin l d""",
    "es": """el la los las un una unos de del y o yo mi mis tu su con para por en antes quiero
        voy es son este esta que al cada hasta lo""",
    "de": """der die das den dem ein eine einen und oder ich du er sie wir mein meine mit für
        bis vor im ist sind zu auf nicht ende möchte werden will jeden""",
    "pt": """o a os as um uma de do da e ou eu meu minha com para por em antes quero até cada
        no na ao""",
    "it": """il lo la gli le un una di del della e o io mio mia con per in prima voglio entro
        ogni che al""",
    "nl": """de het een en of ik mijn met voor in op tot elke wil ben is van""",
}
_SETS = {lang: frozenset(words.split()) for lang, words in _STOPWORDS.items()}
_TOKEN = re.compile(r"[^\W\d_]+")
_BEYOND_LATIN = re.compile(r"[^\u0000-\u024f]")
_NAMES = {"fr": "French", "es": "Spanish", "de": "German", "pt": "Portuguese", "it": "Italian"}
_NAMES["nl"] = "Dutch"
_SCRIPTS = {
    "CJK": "zh", "HIRAGANA": "ja", "KATAKANA": "ja", "HANGUL": "ko", "CYRILLIC": "ru",
    "ARABIC": "ar", "HEBREW": "he", "GREEK": "el", "DEVANAGARI": "hi", "THAI": "th",
}  # fmt: skip
_NAMES.update({"zh": "Chinese", "ja": "Japanese", "ko": "Korean", "ru": "Russian"})
_NAMES.update({"ar": "Arabic", "he": "Hebrew", "el": "Greek", "hi": "Hindi", "th": "Thai"})


@dataclass(frozen=True, slots=True)
class Language:
    code: str
    supported: bool

    @property
    def name(self) -> str:
        return "English" if self.code == "en" else _NAMES.get(self.code, "another language")


def _script(ch: str) -> str | None:
    name = unicodedata.name(ch, "")
    for key, code in _SCRIPTS.items():
        if name.startswith(key):
            return code
    return None


def detect(text: str) -> Language:
    head = text[:1000]
    tokens = [t.lower() for t in _TOKEN.findall(head)]
    if not tokens:
        return Language("en", True)
    non_latin: dict[str, int] = {}
    for ch in _BEYOND_LATIN.findall(head):
        if ch.isalpha():
            code = _script(ch)
            if code:
                non_latin[code] = non_latin.get(code, 0) + 1
    if non_latin:
        code = max(non_latin.items(), key=lambda item: item[1])[0]
        if sum(non_latin.values()) >= 0.3 * sum(len(t) for t in tokens):
            # Japanese mixes kana with the CJK ideographs it shares with Chinese.
            return Language("ja" if "ja" in non_latin else code, False)
    counts = {lang: sum(1 for t in tokens if t in words) for lang, words in _SETS.items()}
    english = counts.pop("en")
    other, best = max(counts.items(), key=lambda item: item[1])
    if best >= 2 and english * 2 < best:
        return Language(other, False)
    return Language("en", True)
