"""Whether a keyphrase stands alone in its source or is the cut of a longer phrase (round 3)."""

from __future__ import annotations

import pytest

from synth_core.topics import article_for, counted_noun, extract_topics, stands_alone, takes_the, written_form

SOURCE = (
    "Cilium CNI affects p99 service latency in clusters. The globular cluster G1 is bright. Information theoretic"
    " proofs of quantum field theories. Students pour red paint on the streets. A horse with blonde hair. The"
    " theory of hydrothermal vents. A person poses with a tank. The seal serves the purpose. It shows how"
    " Kubernetes autoscaling handles bursty traffic. We work with temporal difference learning."
)


@pytest.mark.parametrize(
    "phrase",
    ["p99 service", "globular cluster", "quantum field", "theoretic proofs", "hydrothermal", "blonde", "pour",
     "serves", "poses", "difference learning"],
)  # fmt: skip
def test_a_cut_of_a_longer_phrase_or_a_verb_does_not_stand_alone(phrase: str) -> None:
    assert not stands_alone(phrase, SOURCE)


@pytest.mark.parametrize(
    "phrase",
    ["p99 service latency", "quantum field theories", "information theoretic proofs", "hydrothermal vents", "horse",
     "red paint", "bursty traffic", "Kubernetes", "temporal difference learning"],
)  # fmt: skip
def test_a_whole_phrase_a_noun_or_a_name_stands_alone(phrase: str) -> None:
    assert stands_alone(phrase, SOURCE)


def test_a_lone_head_word_the_source_only_completes_with_of_does_not_stand_alone() -> None:
    """ "how does the emergence relate to a_q?" of "the emergence of U(1) symmetry" (round 10)."""
    assert not stands_alone("theory", SOURCE)  # "The theory of hydrothermal vents"
    assert not stands_alone("emergence", "Emergence of U(1) symmetry. We study the emergence of U(1) symmetry.")
    assert stands_alone("emergence", "The emergence of order. Its emergence is slow.")  # once alone: whole


def test_a_phrase_the_source_does_not_hold_is_not_judged() -> None:
    assert stands_alone("coral reef", SOURCE)


# -- articles, capitals and cut phrases ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "source", "article"),
    [
        ("pink dress", "child wearing a pink dress", "a"),
        ("durability test", "We ran a durability test. The durability test failed.", "a"),
        ("recipe", "The banana bread recipe won. The recipe uses rye.", "the"),
        ("unit test", "Write a unit test first.", "a"),  # "a unit", not "an unit"
        ("climate change", "Climate change moves harvests; growers feel climate change.", ""),
        ("durability tests", "Two durability tests ran.", ""),
        ("ex hydrae", "Observations of the Intermediate Polar EX Hydrae.", ""),
        ("alpinism", "Winter alpinism is hard; alpinism needs skill.", ""),
    ],
)
def test_a_phrase_takes_the_article_its_source_gives_it(phrase: str, source: str, article: str) -> None:
    assert article_for(phrase, source) == article


def test_a_name_keeps_its_capitals() -> None:
    assert written_form("barcelona", "Superblocks in Barcelona. Barcelona has many.") == "Barcelona"
    assert written_form("zoo", "a benefit for zoo . the zoo opened") == "zoo"
    assert written_form("service vessel", "Service Vessel at Hornsea") == "service vessel"  # once, in a title


def test_a_cut_of_a_capitalised_name_and_an_adjective_do_not_stand_alone() -> None:
    assert not stands_alone("training matters", "Why Altitude Training Matters . Athletes train high.")
    assert not stands_alone("brandt lectures", "Jonas Brandt Lectures on Protected Bike Lanes")
    assert not stands_alone("feminine", "white on white that 's both modern and entirely feminine .")
    assert stands_alone("protected bike lanes", "Jonas Brandt Lectures on Protected Bike Lanes")


# -- round 6: topics cut out of a name or a fixed phrase ---------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "source"),
    [
        ("theorem", "Bell's Theorem Explained . A short video on Bell's Theorem and entanglement."),
        ("final resting place", "Ingenuity's Final Resting Place . The helicopter sits on a dune."),
        ("ferrata routes", "Handbook for Via Ferrata Routes . The Dolomites have hundreds of via ferrata routes."),
        ("unmade", "A bedroom with the bed unmade . This is an unmade bed next to a window."),
    ],
)
def test_a_cut_of_a_name_a_fixed_phrase_or_a_noun_phrase_does_not_stand_alone(phrase: str, source: str) -> None:
    assert not stands_alone(phrase, source)


@pytest.mark.parametrize(
    ("phrase", "source"),
    [
        ("via ferrata routes", "Handbook for Via Ferrata Routes . The Dolomites have hundreds of via ferrata routes."),
        ("montreux jazz festival", "Stage . The Montreux Jazz Festival in 1967."),  # a leading article is no name
        ("monaco", "Harbour Chicane . In Monaco, cars thread the chicane."),  # capitalised as a sentence's start
        ("number", "There was a rise in the number, then a fall."),  # "in the": a preposition and its article
    ],
)
def test_the_whole_phrase_and_names_after_an_article_or_a_sentence_start_stand_alone(phrase: str, source: str) -> None:
    assert stands_alone(phrase, source)


def test_a_phrase_written_only_in_a_title_takes_its_head_nouns_article() -> None:
    assert article_for("service vessel", "Service Vessel at Hornsea 2 . A crew transfer vessel pulls alongside.") == "a"
    assert (
        article_for("violin workshop", "Violin Workshop in Cremona . He shapes a violin top in his workshop.") == "the"
    )
    assert article_for("modal jazz", "Measuring Modal Jazz . Modal jazz grew in the 1950s, and jazz is") == ""


def test_a_symbol_takes_no_article() -> None:
    assert article_for("a_q", "the a_q of the model and the a_q again") == ""


def test_a_description_in_apposition_to_a_name_does_not_stand_alone() -> None:
    source = "Radio interview with Viktor Lindahl, an optical engineer at the observatory."
    assert not stands_alone("optical engineer", source)
    assert stands_alone("optical engineer", f"{source} She trained as an optical engineer.")


def test_a_plural_one_word_name_written_after_the_takes_the() -> None:
    assert takes_the("Alps", "Legged Robot in the Alps. A robot walks across snowy rocks.")
    assert takes_the("Kardashians", "Keeping Up With the Kardashians with the Kardashians at home")
    assert not takes_the("Ford", "the Ford factory in Cologne")  # one singular word: a modifier
    assert not takes_the("Jones", "Jones said it. Jones left.")  # a surname, written bare


# -- round 7: the whole noun phrase, not a cut of it -------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "source"),
    [
        ("grid", "Robots glide across a stacked storage grid to assemble orders."),  # a noun before it
        ("cluster", "We observed a globular cluster near the core."),  # a classifying adjective before it
        ("sample return", "A review of studies on Mars sample return since 2015."),  # a name before a compound
        ("mass fraction", "We discuss the dijet mass fraction as measured at the Tevatron."),
    ],
)
def test_a_phrase_after_a_modifier_of_its_own_noun_phrase_does_not_stand_alone(phrase: str, source: str) -> None:
    assert not stands_alone(phrase, source)


@pytest.mark.parametrize(
    ("phrase", "source"),
    [
        ("grid", "Robots glide across a large grid."),  # a plain adjective may be dropped
        ("grid", "The crates sit in Ocado's grid."),  # a possessive
        ("grocery orders", "Robots move to assemble grocery orders."),  # "assemble" is a verb after "to"
        ("autoscaling", "Jane gives a talk on Kubernetes autoscaling."),  # a name before one word
    ],
)
def test_a_phrase_after_a_verb_a_possessive_or_a_plain_adjective_stands_alone(phrase: str, source: str) -> None:
    assert stands_alone(phrase, source)


def test_a_lone_word_cut_from_a_phrase_makes_way_for_that_phrase() -> None:
    topics = extract_topics(
        "A demo of the horizontal pod autoscaler and the cluster autoscaler in Paris.", title="Autoscaling Demo"
    )
    assert "autoscaler" not in topics
    assert "cluster autoscaler" in topics


def test_a_topic_is_written_as_where_it_heads_its_phrase() -> None:
    topics = extract_topics("A sensor network stalls when it loses its sensors. Each sensor reports.")
    assert "sensors" in topics and "sensor" not in topics


def test_an_article_before_a_verb_is_not_the_topics_own() -> None:
    source = "Published in 2024, this report reviews vaccine equity and what changed."
    assert article_for("vaccine equity", source) == ""  # "this" is the report's, "reviews" a verb
    assert article_for("bread recipe", "We tried a banana bread recipe.") == "a"  # modifiers stay in between


def test_a_word_before_a_participle_and_its_noun_does_not_stand_alone() -> None:
    source = "The rational Leray number of X is d when the rational reduced homology vanishes."
    assert not stands_alone("rational", source)
    assert stands_alone("rotterdam", "The city of rotterdam partnered with Utrecht.")  # a verb after it


@pytest.mark.parametrize(
    ("phrase", "source", "article"),
    [
        ("policy framework", "Policy Framework: Serve Patterns . It defines review cycles.", "the"),  # title only
        ("food challenge", "Cod Liver Taste Test . Tags: gmm, food challenge, taste test.", "the"),  # a tag only
        ("jazz", "Jazz on Vinyl . Tags: jazz, vinyl.", ""),  # a mass noun: "jazzes" is hardly ever said
        ("heckler", "Pryor Goes After Chiefs Heckler", ""),  # too rare to tell: left as written
    ],
)
def test_a_count_noun_the_source_never_writes_in_prose_takes_the(phrase: str, source: str, article: str) -> None:
    assert article_for(phrase, source) == article


def test_a_noun_is_counted_when_its_plural_is_about_as_common() -> None:
    assert counted_noun("framework") and counted_noun("apology") and counted_noun("nest")
    assert not counted_noun("coffee") and not counted_noun("information") and not counted_noun("runbook")


def test_a_name_the_source_capitalises_inside_a_sentence_takes_no_article() -> None:
    assert article_for("senator jeff flake", "Why Senator Jeff Flake Is Leaving . Tags: politics") == ""


def test_a_tag_does_not_rescue_a_word_every_sentence_cuts_from_a_phrase() -> None:
    title = "APPLE PARK: Late September Sunset Tour 4K"
    assert not stands_alone("sunset", f"{title} . Tags: apple, tour, sunset, drone.")
    assert stands_alone("sunset", "A drone video . Tags: apple, tour, sunset, drone.")  # only tags: no cut seen
    assert stands_alone("mean tweets", "Celebrities Read Mean Tweets . Tags: comedy, mean tweets, clip.")


def test_a_long_tag_is_still_a_list_item() -> None:
    source = "Roll . Tags: apple, apple skateboard ad, apple watch skateboard ad, misbehaving."
    assert article_for("skateboard ad", source) == "the"


def test_a_phrase_that_takes_its_heads_article_agrees_with_its_own_first_word() -> None:
    assert article_for("edible geode", "Edible Geode Candy . We crack a geode open.") == "an"


def test_a_preposition_is_no_topic() -> None:
    assert "beneath" not in extract_topics(
        "A family of elephants crosses the plains.", title="Elephants Beneath Kilimanjaro"
    )


def test_a_sentence_that_thanks_people_gives_no_topic() -> None:
    text = "Slow-cooked ragù, revisited. The authors acknowledge input from Marco Bellini and reviewers."
    topics = extract_topics(text)
    assert "ragù" in " ".join(topics)
    assert not [topic for topic in topics if "acknowledge" in topic or "input" in topic]


def test_a_piece_of_a_name_joined_by_of_is_no_topic() -> None:
    """ "diagrams showing Waterloo" (round 9): the diagram was produced by the University of Waterloo."""
    text = "Produced for an explainer by the University of Waterloo on trapped-ion hardware."
    topics = extract_topics(text, title="How Dilution Refrigerators Work")
    assert "waterloo" not in topics and "university" not in topics
    assert "japan" in extract_topics("The Bank of Japan raised rates. Japan exports rose.", title="Rates")


def test_no_topic_ends_in_an_eponym_that_modifies_a_noun() -> None:
    """ "small josephson" and "josephson" of "small Josephson junction arrays" (round 10 reading)."""
    text = "We study small Josephson junction arrays. Identical Josephson circuits switch at low voltage."
    topics = extract_topics(text, kind_words=frozenset({"josephson"}))
    assert not any(topic.split()[-1] == "josephson" for topic in topics)
    assert "josephson junction" in topics  # the phrase it modifies stays


def test_no_topic_cuts_a_name_that_starts_with_new() -> None:
    """ "I'd like audio and articles on Orleans brass bands" (round 10 reading): "New" is a stopword, but
    capitalised before a capitalised word it starts a name."""
    text = "Jamal Greene and Dr. Marcus Bell dig into New Orleans brass bands. New research shows bands thrive."
    topics = extract_topics(text, title="Late Set Radio Ep. 112")
    assert topics and not any(topic.startswith("orleans") for topic in topics)
    assert "research" in topics  # a sentence's "New" before a lower-case word starts no name


def test_a_name_modifying_a_noun_says_nothing_of_its_article() -> None:
    # round 12: "clip or audio on AI Act" where the lecture says "AI Act compliance" twice, "the AI Act" twice
    source = (
        "Lecture 16: AI Act Compliance. A lawyer teaches AI Act compliance. Fines under the AI Act can reach "
        '7 percent. Novak says: "The AI Act asks what the system does."'
    )
    assert takes_the("AI Act", source)
    assert not takes_the("Hornsea 2", "The Hornsea 2 wind farm has 165 turbines. Hornsea 2 is large.")
