"""Name words for the blind name index: the same person's name written any way gives the same words.

"José O'Neil-Smith", "JOSE ONEIL SMITH" and "jose o’neil smith" all give {"jose", "oneil",
"smith"}: Unicode compatibility forms folded (NFKC), case folded, accents dropped, apostrophes
inside a word joined ("o'neil" is "oneil"), every other mark splits words. Words without a
letter (a stray number) are left out, so a phone number is never taken for a name.
"""

import re
import unicodedata

APOSTROPHES = re.compile(r"['\u2019\u2018\u02bc\u02bb`\u00b4]")
WORD = re.compile(r"[^\W_]+")
MAX_WORDS = 12


def fold(text):
    text = unicodedata.normalize("NFKC", text or "").casefold()
    # NFKD splits an accented letter into the letter and its accent; the accents are dropped.
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    # Letters NFKD does not decompose: the usual fallbacks for names.
    text = text.translate({ord("ø"): "o", ord("đ"): "d", ord("ł"): "l", ord("ı"): "i", ord("æ"): "ae", ord("œ"): "oe"})
    return unicodedata.normalize("NFKC", text)


def name_words(*texts):
    """The distinct normalised words of the given names, in order of appearance."""
    words = []
    for text in texts:
        for word in WORD.findall(APOSTROPHES.sub("", fold(text))):
            if any(c.isalpha() for c in word) and word not in words:
                words.append(word)
    return words[:MAX_WORDS]
