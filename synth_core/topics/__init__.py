"""Topics of a text (``extraction``), whether a phrase stands alone in it (``phrases``) and how a topic
is written in a sentence (``articles``)."""

from synth_core.topics.articles import article_for, counted_noun, takes_the, written_form
from synth_core.topics.extraction import extract_topics
from synth_core.topics.phrases import stands_alone

__all__ = ["article_for", "counted_noun", "extract_topics", "stands_alone", "takes_the", "written_form"]
