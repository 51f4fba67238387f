"""The per-phrase checks that run without a regex per phrase (``_clause_of_how``, ``defines``)."""

from synth_core.writing.sentence_reading import defines
from synth_core.writing.topic_shape import _clause_of_how


def test_a_phrase_cut_from_how_it_works_is_a_clause() -> None:
    assert _clause_of_how("organ works", "see how the hammond b3 organ works today")
    assert _clause_of_how("it works", "we explain why it works ")


def test_a_phrase_four_words_after_how_or_not_between_spaces_is_no_clause() -> None:
    assert not _clause_of_how("organ works", "see how the big old hammond organ works today")
    assert not _clause_of_how("organ works", "see how the organ works")  # nothing after it
    assert not _clause_of_how("gan works", "see how the organ works today")  # inside a word
    assert not _clause_of_how("organ works", "the organ works well")


def test_definition_found_at_a_later_mention_in_any_case() -> None:
    text = "The LIDAR array, unlike radar, matters. Lidar is a method of measuring distance."
    assert defines(text, "lidar")
    assert defines("Kibble-Zurek mechanism, the theory, describes how defects form.", "kibble-zurek mechanism")


def test_no_definition_inside_a_word_or_without_a_defining_verb() -> None:
    assert not defines("Microlidar is a toy.", "lidar")
    assert not defines("Lidar maps forests.", "lidar")
    assert not defines("", "lidar")
    assert not defines("lidar", "")
