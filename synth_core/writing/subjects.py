"""What a query about an item can be built around, as people name it: the work's name (its title
without the labels around it), who made it, what it shows (an image caption), what it sounds like
(a music clip's genre, mood and instruments), the song and artist of a music video, the TV show a
clip comes from.

Real queries are built around such things ("play Kids in Love by Kygo", "find the paper Upper
bounds on entangling rates", "a man riding a horse at a race track", "play some soft rock with male
vocals"), not around keyword fragments. Everything here is read off the item's own title, text and
metadata; nothing is invented. Pure functions, cached per (id, title, text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from synth_core import lexicon as lx
from synth_core.content import ContentItem
from synth_core.entities.metadata import KIND_LABELS
from synth_core.generators.text_parts import UPLOADER_FIELDS, squeezed
from synth_core.writing import sound
from synth_core.writing.caption_grammar import grammatical_caption, runs_together
from synth_core.writing.shouting import unshouted

NAME_WORDS = (1, 12)
CAPTION_WORDS = (4, 20)
PAINTED_KINDS = frozenset({"painting", "illustration", "drawing"})
"""Image kinds a metadata "kind" declares that make the image a painting or a drawing, not a photo."""
MAKER_WORDS = (1, 5)

# Where a title splits into its name and the labels around it.
_SEPARATORS = re.compile(r"\s+[|\u2013\u2014•-]\s+|\s*\|\s*|\s+//\s+|(?<=\w)-\s+(?=[A-Z])")
_BRACKETED = re.compile(r"\s*[(\[][^)\]]*[)\]]")
_FEATURING = re.compile(r"\s+(?:ft\.?|feat\.?|featuring|w/)\s+.*$", re.IGNORECASE)
_DATE_LIKE = re.compile(
    r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b(?:19|20)\d\d(?:-\d\d)?\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|"
    r"nov|dec)[a-z]*\.? \d{1,2}\b",
    re.IGNORECASE,
)
_LABEL_SEGMENT = re.compile(
    r"^(?:(?:the )?official(?: music)?(?: video| audio| trailer| teaser| lyric video)?|full (?:interview|episode|video)"
    r"|(?:official )?(?:music |lyric )?video|audio|lyrics?|trailer(?: \d+)?|teaser|hd|4k|live|reaction|review"
    r"|episode \d+|ep\.? ?\d+|season \d+.*|part \d+|pt\.? ?\d+|vol\.? ?\d+|in-studio|interview|highlights"
    r"|(?:unabridged |full )?audiobook|chapters? \d+.*"
    r"|now available|available now|only on .*|.* on (?:hulu|netflix|showtime|hbo|amazon)|#\w+)$",
    re.IGNORECASE,
)
# Markdown-ish emphasis pasted into titles ("clothes *for cheap"); inside a word it censors ("d***head").
_EMPHASIS = re.compile(r"(?<![\w*~^_])[*~^_]+|[*~^_]+(?![\w*~^_])")
_QUOTES = re.compile(r"(?<!\w)['‘’]|['‘’](?!\w)|[\"“”]")
_LABEL_HEAD = re.compile(
    rf"(?i)^(?:.* )?(?:{KIND_LABELS}|film|radio interview"
    r"|interview|episode \d+|ep\.? ?\d+|lecture(?: \d+)?|lecture audio|part \d+"
    r"|chapter \d+|session \d+|week \d+|day \d+|season \d+|q[1-4] \d{4} earnings call|earnings call)$"
)
_DANGLING = lx.words(
    "a an the of in on at to for with and or by from vs via into about as over under between through without"
    " within near after before than like towards toward onto upon"
)
_PARTICLES = lx.words("on in off out up down about")
"""Words that end a phrase as a verb's particle ("iPhone X Hands On", "Log In"): kept at the end of a
title, which was written that way; the other dangling words ("for", "the") show a cut."""
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[-./]\d+)*(?![\w.])")
_YEAR = re.compile(r"(?:19|20)\d\d")
_HASHTAG = re.compile(r"(?<![\w&])#[A-Za-z]\w*")
_TRAILING_LABEL = re.compile(
    r"\s+(?:official\s+)?(?:music video|lyric video|video|trailer(?:\s+\d)?|teaser|audio|clip|vlog)$", re.IGNORECASE
)
_LATEX = re.compile(r"\$[^$]*\$|\\[a-zA-Z]+|[{}\\^_]")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\s+(?=(?:A|An|The|Two|Three|Several|Some|People|Man|Woman)\s+[a-z])")
MADE_HOW = "taken|shot|filmed|photographed|captured|drawn|designed|rendered|illustrated|credit|source|courtesy"
"""Words a sentence opens with when it says how an image was made or credited, not what it shows."""
_NOT_CAPTION_START = re.compile(
    rf"^(?:{MADE_HOW}|photo by|image by"
    r"|figures?|this|these|it|he|she|they|we|in this|as of"
    r"|the (?:piece|story|article|image|photo|picture|series|essay|map|diagram|chart|infographic|caption|post)s?)\b",
    re.IGNORECASE,
)
"""Sentences that are no caption: credits, how the image was made ("Drawn in a flat style with a muted
palette", round 10), and sentences whose subject is the publication itself ("The
piece links what is happening in ...", "The image ran alongside coverage of ..."), which say what the
item is for, not what it shows."""
_VEVO = re.compile(r"(?:vevo|official|music|tv|channel)$", re.IGNORECASE)
_TV_SHOW_CUES = re.compile(
    r"(?i)(?:\bshow\b|show$|\btonight\b|\blate night\b|\blate late\b|saturday night live|\bsnl\b"
    r"|jimmy kimmel|\bellen|\bconan\b|team coco|this morning|good morning|morning joe|\btoday\b|daily show"
    r"|graham norton|watch what happens live|dancing with the stars|got talent|kitchen nightmares|full frontal"
    r"|lastweektonight|live with kelly|livekellyandryan|wendy williams|entertainment tonight|the voice"
    r"|gameofthrones|good mythical)"
)


@dataclass(frozen=True)
class Subjects:
    """What a query about one item can name (empty tuples / None when the item has no such thing)."""

    names: tuple[str, ...] = ()
    """The work's name: the title without labels, dates and credits ("Kids in Love")."""
    makers: tuple[str, ...] = ()
    """Who made or published it: artist, channel, show, authors, photographer, publisher."""
    captions: tuple[str, ...] = ()
    """What an image shows, as a short sentence ("a white horse grazing in a field")."""
    song: tuple[str, str] | None = None
    """(artist, song) of a music video ("Kygo", "Kids in Love")."""
    tv_show: str | None = None
    """The TV show a video clip comes from ("The Graham Norton Show")."""
    music: sound.MusicTraits | None = None
    """Genre, moods and features of a music clip."""
    painted: bool = False
    """The image is a painting or a drawing, not a photograph."""


def subjects_of(item: ContentItem) -> Subjects:
    """The subjects of ``item`` (cached by its id and content)."""
    return _subjects(item.id, item.modality, item.title, item.text, _metadata_key(item))


def clean_title(title: str, uploaders: frozenset[str] = frozenset()) -> str:
    """A title as people would type it: labels, credits, bracketed notes, dates and shouting removed;
    "" when nothing name-like is left ("| Full Interview | 10/03/17"). ``uploaders`` (``squeezed``
    names of the channel or show): a piece that only credits one is no name ("... | Access Hollywood",
    "Rudy Mancuso & Poo Bear - Black & White" of channel Rudy Mancuso, round 12 reading)."""
    pieces = [_clean_piece(_unlabelled(piece)) for piece in _SEPARATORS.split(_BRACKETED.sub("", title))]
    kept = [piece for piece in pieces if piece and not _LABEL_SEGMENT.match(piece)]
    kept = [piece for piece in kept if not _credits(piece, uploaders)] or kept
    kept = [piece for piece in kept if not hook(piece)] or kept
    kept = [piece for piece in kept if not stat_line(piece)]
    undated = [piece for piece in kept if not _DATE_LIKE.search(piece)]
    best = next((piece for piece in undated if len(piece.split()) >= 2), undated[0] if undated else "")
    return best if NAME_WORDS[0] <= len(best.split()) <= NAME_WORDS[1] else ""


_CREDIT_JOIN = re.compile(r"\s*(?:&|,|\band\b|\bx\b)\s*", re.IGNORECASE)


def _credits(piece: str, uploaders: frozenset[str]) -> bool:
    """``piece`` names an uploader, alone or among its collaborators ("Rudy Mancuso & Poo Bear")."""
    return bool(uploaders) and any(squeezed(part) in uploaders for part in _CREDIT_JOIN.split(piece))


# -- per item ---------------------------------------------------------------------------------------


def _metadata_key(item: ContentItem) -> tuple[tuple[str, str], ...]:
    keys = (
        "channel",
        "category",
        "authors",
        "author",
        "doc_type",
        "show",
        "photographer",
        "artist",
        "band",
        "composer",
        "publisher",
        "issuer",
        "speakers",
        "kind",
    )
    return tuple((key, str(item.metadata[key])) for key in keys if key in item.metadata)


@lru_cache(maxsize=16384)
def _subjects(item_id: str, modality: str, title: str, text: str, metadata: tuple[tuple[str, str], ...]) -> Subjects:
    meta = dict(metadata)
    song = _song(title, meta) if modality == "VIDEO" else None
    uploaders = frozenset(squeezed(meta[key]) for key in UPLOADER_FIELDS if meta.get(key))
    names = _names(modality, title, song, uploaders)
    music = sound.music_traits(title, text) if modality == "AUDIO" else None
    captions = _captions(title, text) if modality == "IMAGE" else ()
    return Subjects(
        names=names,
        makers=_makers(meta, song),
        captions=captions,
        song=song,
        tv_show=_tv_show(meta) if modality == "VIDEO" and song is None else None,
        music=music,
        painted=modality == "IMAGE" and (meta.get("kind", "").lower() in PAINTED_KINDS or _painted((title, *captions))),
    )


def _names(modality: str, title: str, song: tuple[str, str] | None, uploaders: frozenset[str]) -> tuple[str, ...]:
    if song is not None:
        return (song[1],)
    if modality == "IMAGE" and not _looks_like_a_name(title):
        return ()  # a caption ("A white horse is out eating in a field"), not the name of a work
    if modality == "AUDIO" and title.lower().startswith("music clip"):
        return ()
    name = _paper_title(title) if modality == "DOCUMENT" else clean_title(title, uploaders)
    if _DATE_LIKE.search(name):  # "Rhino Anti-Poaching Work: Annual Review 2024": the undated part
        undated = [p for p in re.split(r":\s+|,\s+", name) if not _DATE_LIKE.search(p) and len(p.split()) >= 2]
        name = undated[0] if undated else name
    return (name,) if name else ()


def _paper_title(title: str) -> str:
    """A document's title as typed: its kind label dropped ("Case Study: ..."), LaTeX dropped, a long
    title cut at its colon, no final stop."""
    title = _unlabelled(title)
    if "$" in title or "\\" in title:
        if _labelled_by_math(title):
            return ""
        title = _without_dangling_end(_LATEX.sub(" ", title.split(". ", 1)[0].rstrip(" ,;:")))
    title = _clean_piece(re.split(r"\. |; ", title, maxsplit=1)[0])
    if len(title.split()) > NAME_WORDS[1] and ": " in title:
        title = _clean_piece(title.split(": ", 1)[0])
    return title if NAME_WORDS[0] + 1 <= len(title.split()) <= NAME_WORDS[1] + 2 else ""


def _labelled_by_math(title: str) -> bool:
    """The title's first formula follows a content word it labels ("cells in type $B_n$", "the group
    $G$"): without the formula the title is cut mid-phrase. After a function word ("codes over
    $GF(q)$") the words before it still read as a name."""
    before = title.split("$", 1)[0].split() if "$" in title else title.split("\\", 1)[0].split()
    return bool(before) and before[-1].lower().strip(",;:(") not in _DANGLING


def _unlabelled(piece: str) -> str:
    """ "Lecture 110: Open Crumb" -> "Open Crumb"; a colon after a name stays ("Harry Potter Theory: ...")."""
    head, colon, rest = piece.partition(": ")
    if not (colon and rest and _LABEL_HEAD.match(head.strip())):
        return piece
    return "" if names_a_guest(head, rest) else rest


_TALK_LABEL = re.compile(r"(?i)\b(?:interview|conversation|q&a|chat|talk|talks)\b")
_GUEST = re.compile(r"^[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}(?: (?:in|at|from|of)\b.*)?$")


def names_a_guest(label: str, rest: str) -> bool:
    """After an interview's label, the rest of a title is who is interviewed, where ("Radio
    Interview: Ingrid Solberg in Oslo"): without its label it would ask for the person, so it is no
    name of the work."""
    return bool(_TALK_LABEL.search(label)) and bool(_GUEST.match(rest.strip()))


def _clean_piece(piece: str) -> str:
    piece = _QUOTES.sub("", _FEATURING.sub("", _HASHTAG.sub(" ", piece)))
    piece = " ".join(_EMPHASIS.sub(" ", piece).split()).strip(" .,;:'\"!?-*~")
    if sum(ch.isupper() for ch in piece) > 0.6 * sum(ch.isalpha() for ch in piece) and len(piece) > 4:
        piece = piece.lower()  # "CANDY CORN THEMED PIZZA" is shouted
    piece = unshouted(piece)  # "Did Rick CLONE Beth"; "Exploring First Stars Era with GLAST" stays
    piece = _TRAILING_LABEL.sub("", piece)
    words = piece.split()
    while len(words) > 1 and words[-1].lower() in _DANGLING and words[-1].lower() not in _PARTICLES:
        words.pop()
    return " ".join(words).rstrip(" .,;:-")  # "Mosaic: Official Trailer" -> "Mosaic", not "Mosaic:"


def _without_dangling_end(text: str) -> str:
    """``text`` without the function words a cut left at its end ("cyclic codes over" once its
    formula is dropped), particles too: they were the formula's, not the title's."""
    words = [word for word in text.split() if any(ch.isalnum() for ch in word)]
    while words and words[-1].lower().strip(",;:") in _DANGLING:
        words.pop()
    return " ".join(words).rstrip(" ,;:")


def stat_line(piece: str) -> bool:
    """A title piece that lists figures ("1 Pt, SiCK 8 Assists", "16 Pts, 7-8 FGM"): two numbers or
    more (years aside) make a score line, which names nothing without the player or match beside it."""
    return sum(not _YEAR.fullmatch(number) for number in _NUMBER.findall(piece)) >= 2


def hook(piece: str) -> bool:
    """A title piece that is a hook, not a name: it ends on an adjective ("ULTRA RARE!", "Super
    Rare"), naming nothing without the piece beside it ("Velvet Worm"). An exclamation alone says
    nothing: "MY LITTLE PONY CAKE!" is the name."""
    words = piece.lower().split()
    return bool(words) and words[-1] in lx.ADJECTIVES


def _looks_like_a_name(title: str) -> bool:
    """Title case ("Fitz Roy at Dawn in Patagonia"), not a sentence ("A man skis in open snow")."""
    words = [word for word in re.findall(r"[A-Za-z][\w'-]*", title) if len(word) > 3]
    return bool(words) and sum(word[0].isupper() for word in words) >= 0.7 * len(words)


def _song(title: str, meta: dict[str, str]) -> tuple[str, str] | None:
    """(artist, song) of a music video titled "Artist - Song (Official Video)"."""
    unbracketed = _BRACKETED.sub("", title)
    if meta.get("category") != "Music" or " - " not in unbracketed:
        return None
    left, right = (clean_title(part) for part in unbracketed.split(" - ", 1))
    if not left or not right or len(left.split()) > 5 or len(right.split()) > 8:
        return None
    channel = _VEVO.sub("", meta.get("channel", "").replace(" ", "")).lower()
    if channel and channel == right.replace(" ", "").lower():
        left, right = right, left  # "Chasing Pavements - Adele": the channel names the artist
    return left, right


def _makers(meta: dict[str, str], song: tuple[str, str] | None) -> tuple[str, ...]:
    """Who made the item, as people ask "by": artists, photographers, shows, channels, publishers,
    authors; a book's publisher only when no author is named ("A Field Guide to Vanishing Rivers by
    Greenlock Publishing" of Dr. Hana Marwick's audiobook, round 13; a report is its publisher's too)."""
    found: list[str] = [song[0]] if song else []
    authored = bool(meta.get("authors", "").strip() or meta.get("author", "").strip())
    book = authored and (meta.get("kind", "") or meta.get("doc_type", "")).strip().lower() in BOOK_KINDS
    for key in ("artist", "band", "composer", "photographer", "show", "channel", "publisher", "issuer"):
        if book and key == "publisher":
            continue
        value = meta.get(key, "").strip()
        if key == "channel" and value:
            value = re.sub(r"(?i)vevo$", "", value).strip()
        if value and MAKER_WORDS[0] <= len(value.split()) <= MAKER_WORDS[1] and not _described(value):
            found.append(value)
    found += author_surnames(meta.get("authors", "") or meta.get("author", ""))
    unique = {re.sub(r"\W", "", maker.lower()): maker for maker in reversed(found)}  # "Noah Cyrus" = "NoahCyrus"
    return tuple(dict.fromkeys(unique[re.sub(r"\W", "", maker.lower())] for maker in found))[:3]


BOOK_KINDS = frozenset({"novel", "book", "audiobook", "memoir", "biography", "poetry", "short stories", "novella"})
"""Kinds whose author, not their publisher, is who people ask "by"."""


def _described(value: str) -> bool:
    """A maker field of several words with a lower-case word other than a particle ("Sentinel Forge
    investor relations", "news usa"): a description, not a name to ask "by" (a round 10 reading:
    "something by Sentinel Forge investor relations")."""
    words = value.split()
    return len(words) > 1 and any(word[:1].islower() and word not in lx.STOPWORDS for word in words)


def author_surnames(authors: str) -> list[str]:
    """The first author's surname, as people search ("papers by Nadolsky"): "['Dr. Lena Richter']",
    "C. Bal\\'azs, E. L. Berger" -> "Richter", "Balazs"."""
    return list(_author_surnames(authors))


@lru_cache(maxsize=16384)
def _author_surnames(authors: str) -> tuple[str, ...]:
    """``author_surnames``, parsed once per authors string (every label of a run asks again)."""
    unbracketed = re.sub(r"\([^)]*\)", " ", authors)  # "Zhao (SUPA, St Andrews)": no affiliation
    first = re.split(r",|\band\b", unbracketed.strip("[]'\" "), maxsplit=1)[0]
    first = re.sub(r"\\.|[{}'\"]", lambda m: m.group(0)[1:] if m.group(0).startswith("\\") else "", first)
    surname = first.split()[-1] if first.split() else ""
    surname = re.sub(r"[^\w-]", "", surname)
    return (surname,) if len(surname) > 2 and surname[0].isupper() else ()


def _tv_show(meta: dict[str, str]) -> str | None:
    """The TV show a clip comes from: the show its metadata names, or its channel, when the channel is
    a show ("The Tonight Show Starring Jimmy Fallon", "TheEllenShow" -> "The Ellen Show"). A declared
    show comes first: a network's channel ("Corvid Television") carries many shows."""
    declared = meta.get("show", "").strip()
    if declared and meta.get("kind", "").lower() == "tv" and 1 <= len(declared.split()) <= 7:
        return declared
    channel = meta.get("channel", "").strip()
    if meta.get("category") == "Music" or not _TV_SHOW_CUES.search(channel):
        return None
    if " " not in channel:  # "TheEllenShow", "LastWeekTonight": split the camel case
        channel = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", channel)
    return channel if 1 < len(channel.split()) <= 7 else None


def _captions(title: str, text: str) -> tuple[str, ...]:
    """Sentences that say what an image shows: short, no digits, quotes or credits."""
    found: list[str] = []
    for sentence in [title, *_SENTENCE.split(text[:700])]:
        sentence = " ".join(sentence.replace(" ,", ",").replace(" .", ".").split()).strip(" .")
        words = sentence.split()
        if not CAPTION_WORDS[0] <= len(words) <= CAPTION_WORDS[1] or _NOT_CAPTION_START.match(sentence):
            continue
        if any(ch.isdigit() for ch in sentence) or any(mark in sentence for mark in _NOT_IN_CAPTIONS):
            continue
        if _CHATTY.search(sentence):  # "we have you covered": an advert, not what the image shows
            continue
        if _looks_like_a_name(sentence) or sentence.lower() in (f.lower() for f in found) or runs_together(words):
            continue
        if words[-1].lower() in _DANGLING or words[0].lower() in ("there", "here", "this", "that"):
            continue
        caption = grammatical_caption(sentence)
        if caption is not None and caption.lower() not in (f.lower() for f in found):
            found.append(caption)
    return tuple(found[:5])


_NOT_IN_CAPTIONS = ('"', ":", ";", "“", "http", "#", "?", "!")
_CHATTY = re.compile(
    r"(?i)\b(?:we|you|your|i|my|our|me|statement|quoted|said|says|according|referenced|voices|source data)\b"
)
_PAINTED = re.compile(r"(?i)(?:an? |the )?(?:oil |original )?(?:painting|drawing|watercolou?r)\b")


def _painted(sentences: tuple[str, ...]) -> bool:
    """The title or a caption says the image is a painting (the title even when its grammar makes it
    no usable caption: "painting of girls stand in the ring")."""
    return any(_PAINTED.match(sentence) for sentence in sentences)
