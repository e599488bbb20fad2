"""The self-help path « rendez-vous en préfecture » (content/parcours/rendez-vous-prefecture.yml) as a scripted
person, for the load scripts.

A `Plan` fixes the answers of one private file: the department, the procedure, N attempts (each with a date and
time, a channel, an outcome, a capture for the channels that ask for one, and a note unique to the attempt), no
letters, no letters to draft. `plan.steps` is the exact sequence of screens the server must show for those
answers, ending with the review and the result; the position of a file is its index in that sequence, so « the
file is at step k » means « the first k answers were saved ».
"""

import datetime
import hashlib
import re
import struct
import zlib

SLUG = "rendez-vous-prefecture"
REVIEW = "<review>"
RESULT = "<result>"
CAPTURE_CHANNELS = ("site-prefecture", "anef", "courriel")
OTHER_CHANNELS = ("telephone", "guichet")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")
EXAMPLE_PNG = None


def example_png(root):
    global EXAMPLE_PNG
    if EXAMPLE_PNG is None:
        with open(f"{root}/examples/captures/solide-1.png", "rb") as f:
            EXAMPLE_PNG = f.read()
    return EXAMPLE_PNG


def unique_png(base, label):
    """A valid PNG: `base` with a tEXt chunk carrying `label` after IHDR, so every upload has its own SHA-256."""
    assert base[:8] == b"\x89PNG\r\n\x1a\n"
    ihdr_end = 8 + 4 + 4 + struct.unpack(">I", base[8:12])[0] + 4
    data = b"Comment\x00" + label.encode()
    chunk = struct.pack(">I", len(data)) + b"tEXt" + data + struct.pack(">I", zlib.crc32(b"tEXt" + data) & 0xFFFFFFFF)
    return base[:ihdr_end] + chunk + base[ihdr_end:]


def sha256(data):
    return hashlib.sha256(data).hexdigest()


class Attempt:
    __slots__ = ("when", "channel", "outcome", "note")

    def __init__(self, when, channel, outcome, note):
        self.when, self.channel, self.outcome, self.note = when, channel, outcome, note

    @property
    def asks_capture(self):
        return self.channel in CAPTURE_CHANNELS

    def typed_when(self):
        return self.when.strftime("%d/%m/%Y %H:%M")

    def shown_when(self):
        """As the review page writes it, without the weekday: « 26 novembre 2026 à 9 h 28 »."""
        w = self.when
        return f"{w.day} {MONTHS[w.month - 1]} {w.year} à {w.hour} h {w.minute:02d}"


class Plan:
    """The answers of one file and the screens they lead through."""

    def __init__(self, rng, label, attempts=None, today=None):
        today = today or datetime.date.today()
        count = attempts if attempts is not None else rng.randint(1, 6)
        used = set()
        self.attempts = []
        for i in range(count):
            while True:
                # Within the last 1095 days, never today (the server's clock may lag behind ours by a minute),
                # never the 1st of a month (« 1er »), minutes 10-59 (no ambiguity in the review's format).
                day = today - datetime.timedelta(days=rng.randint(1, 1000))
                when = datetime.datetime(day.year, day.month, day.day, rng.randint(7, 20), rng.randint(10, 59))
                if day.day != 1 and when not in used:
                    used.add(when)
                    break
            channel = rng.choice(CAPTURE_CHANNELS) if rng.random() < 0.85 else rng.choice(OTHER_CHANNELS)
            outcome = rng.choice(("aucun-creneau", "aucun-creneau", "erreur-technique", "sans-reponse"))
            self.attempts.append(Attempt(when, channel, outcome, f"{label} tentative {i + 1} {rng.getrandbits(32):08x}"))
        self.steps = self._steps()

    def truncate(self, count):
        """Keeps the first `count` attempts (the screens before the cut are unchanged)."""
        self.attempts = self.attempts[:count]
        self.steps = self._steps()

    def _steps(self):
        steps = [("departement", "93"), ("procedure", "premiere-demande-titre")]
        for i, attempt in enumerate(self.attempts):
            steps.append((f"tentatives+{i}", "oui"))
            steps.append((f"tentatives.{i}.at", attempt.typed_when()))
            steps.append((f"tentatives.{i}.channel", attempt.channel))
            steps.append((f"tentatives.{i}.outcome", attempt.outcome))
            if attempt.asks_capture:
                steps.append((f"tentatives.{i}.capture", None))  # a file
            steps.append((f"tentatives.{i}.note", attempt.note))
        steps += [(f"tentatives+{len(self.attempts)}", "non"), ("lettres+0", "non"), ("courriers", "non"),
                  (REVIEW, "confirmer"), (RESULT, None)]
        return steps

    def index(self, screen):
        for i, (token, _) in enumerate(self.steps):
            if token == screen:
                return i
        return None

    def attempt_started_at(self, screen):
        """How many attempts the answers before `screen` keep when cutting there (see `truncate`)."""
        m = re.match(r"tentatives\+(\d+)$", screen)
        if m:
            return int(m.group(1))
        m = re.match(r"tentatives\.(\d+)\.", screen)
        if m:
            return int(m.group(1)) + 1
        return None


SCREEN = re.compile(r'name="ecran" value="([^"]*)"')
JETON = re.compile(r'name="jeton" value="([0-9a-f]{32})"')
CODE = re.compile(r'<input[^>]*id="code"[^>]*value="([0-9A-Z-]+)"')


def screen_of(html):
    """The page's position: a screen token, REVIEW, RESULT, or None when it is none of them."""
    m = SCREEN.search(html)
    if m:
        return m.group(1)
    if 'name="action" value="confirmer"' in html:
        return REVIEW
    if "<h1>Votre résultat" in html:  # the client sends no Accept-Language: pages are in French
        return RESULT
    return None


def code_of(html):
    m = CODE.search(html)
    return m.group(1) if m else None


def review_problems(html, plan):
    """What the review page fails to show of the plan's attempts (notes and times), as a list of messages."""
    # \s also matches the no-break spaces of French typography (U+00A0, U+202F: « 9\u00a0h\u00a028 », « n°\u00a03 »),
    # so the page is compared with ordinary spaces.
    text = re.sub(r"\s+", " ", html.replace("&#39;", "'").replace("&amp;", "&"))
    problems = []
    for i, attempt in enumerate(plan.attempts):
        if attempt.note not in text:
            problems.append(f"attempt {i + 1}: note {attempt.note!r} missing")
        if attempt.shown_when() not in text:
            problems.append(f"attempt {i + 1}: time {attempt.shown_when()!r} missing")
    if f"Tentative n° {len(plan.attempts) + 1} —" in text:
        problems.append(f"more than {len(plan.attempts)} attempts shown")
    return problems
