"""What the editor checks know of each language: how readability is measured, which link words say
nothing, which official names are quoted as they are. `content.checks` looks a page's language up
in `LANGUAGES`; a language missing here gets only the checks that need no words of it.

textstat is called through `textstat.backend`, whose functions take the language as an argument:
`textstat.set_lang()` changes one global for every thread, so it is never called.

Spanish is scored with Fernández-Huerta (206.84 - 60 x syllables per word - 1.02 x words per
sentence; higher is easier, 60 to 70 is "normal", a plain text for most adults). textstat 0.7.8 has
the formula, but counts syllables with a hyphenation dictionary, which never splits off a single
letter at either end of a word nor two vowels in hiatus ("a-yu-da" is 2 to it, "dí-a" 1, "pa-ís"
1): on our own Spanish pages that scores 2 to 8 points easier than the text is. So the words and
sentences are textstat's, the syllables `spanish_syllables()`'s.
"""

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from textstat.backend import counts, metrics, selections

DEFAULT = "en"
GRADE_GOAL = 8  # English: Flesch-Kincaid grade, at or below
EASE_GOAL = 60  # Spanish: Fernández-Huerta score, at or above (see docs/editor-review.md)


def folded(text):
    """Lower case, accents and punctuation dropped, single spaces: "¡Más información!" is "mas informacion"."""
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


# Readability ---------------------------------------------------------------------


@dataclass(frozen=True)
class Readability:
    score: Callable[[str], float]
    goal: float
    higher_is_easier: bool
    advice: str  # formatted with the score and the goal

    def finding(self, text):
        """The advice for `text`, or "" when it reads easily enough."""
        score = self.score(text)
        too_hard = score < self.goal if self.higher_is_easier else score > self.goal
        return self.advice.format(score=score, goal=self.goal) if too_hard else ""


def english_grade(text):
    return round(metrics.flesch_kincaid_grade(text, "en_US"), 1)


VOWELS, STRONG, STRESSED_WEAK = set("aeiouáéíóúü"), set("aeoáéó"), set("íú")


def spanish_syllables(word):
    """Syllables of a Spanish word, counted as its vowel groups: a weak vowel (i, u) joins the vowel
    beside it (cie-lo, cui-da-do, Pa-ra-guay), two strong ones (a, e, o) or a stressed weak one
    (í, ú) are two (te-a-tro, dí-a, pa-ís); the u of que, qui, gue, gui is silent, a final y is a
    vowel (hoy, muy) and an h between vowels separates nothing (a-ho-ra, ahu-ma-do)."""
    word = re.sub(r"(?<=[qg])u(?=[eiéí])", "", word.lower())
    word = re.sub(r"y$", "i", word)
    count, previous = 0, None
    for char in word:
        if char == "h":
            continue
        if char not in VOWELS:
            previous = None
            continue
        apart = previous is None or (previous in STRONG and char in STRONG) or {previous, char} & STRESSED_WEAK
        count += 1 if apart else 0
        previous = char
    return max(count, 1)


def spanish_ease(text):
    words = selections.list_words(text)  # textstat's words (punctuation dropped) and sentences
    if not words:
        return 0
    syllables = sum(spanish_syllables(word) for word in words)
    ease = 206.84 - 60 * syllables / len(words) - 1.02 * len(words) / counts.count_sentences(text)
    return min(max(round(ease), 0), 100)  # the scale is 0 (hardest) to 100


# Tables ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Language:
    readability: Readability
    vague_link_text: frozenset  # folded()
    proper_names: tuple  # official names that hold a listed word, quoted as they are


def vague(*phrases):
    return frozenset(folded(phrase) for phrase in phrases)


LANGUAGES = {
    "en": Language(
        readability=Readability(
            english_grade,
            GRADE_GOAL,
            higher_is_easier=False,
            advice="Reads at grade {score:g}; the goal is grade {goal} or below (shorter sentences, everyday words).",
        ),
        vague_link_text=vague(
            *("click here", "click", "here", "read more", "more", "learn more", "find out more", "more info"),
            *("this link", "link", "this page", "this", "go"),
        ),
        proper_names=(
            "Substance Abuse and Mental Health Services Administration",
            "National Institute on Drug Abuse",
            "National Institute on Alcohol Abuse and Alcoholism",
            "Alcoholics Anonymous",
            "Narcotics Anonymous",
        ),
    ),
    "es": Language(
        readability=Readability(
            spanish_ease,
            EASE_GOAL,
            higher_is_easier=True,
            advice="Reads at Fernández-Huerta {score:g}; the goal is {goal} or above "
            "(shorter sentences, everyday words).",
        ),
        vague_link_text=vague(
            *("aquí", "acá", "haga clic aquí", "haz clic aquí", "clic aquí", "click aquí", "haga clic acá"),
            *("pulse aquí", "pinche aquí", "presione aquí", "toque aquí", "clic", "click"),
            *("leer más", "lea más", "siga leyendo", "seguir leyendo", "más", "ver más", "saber más"),
            *("más información", "más info", "información", "este enlace", "enlace", "este vínculo"),
            *("vínculo", "esta página", "página", "esto", "ir"),
        ),
        # The Spanish names the same bodies give themselves, and the Spanish fellowships.
        proper_names=(
            "Administración de Servicios de Salud Mental y Abuso de Sustancias",
            "Instituto Nacional sobre el Abuso de Drogas",
            "Instituto Nacional sobre el Abuso del Alcohol y el Alcoholismo",
            "Alcohólicos Anónimos",
            "Narcóticos Anónimos",
        ),
    ),
}
