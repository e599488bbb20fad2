"""Shared pieces of scripts/check-parcours and scripts/bench-parcours.

- `Server`: starts `guichet serve` on a free loopback port with a throwaway data folder, waits for /healthz,
  stops it with SIGTERM;
- `parse_page`: the <main> of a guichet page read with html.parser (forms, fields, buttons, headings);
- `Plan` and `plans()`: the answers given to each self-help path (dates relative to today in Europe/Paris,
  as the server computes them), screen by screen, addressed by the server's screen tokens
  (`procedure`, `tentatives.2.at`, `tentatives+3`);
- `labels()`: the French question labels of content/parcours/*.yml, to check what a client shows;
- `tiny_png()`: a small valid PNG (a fake screenshot) for the capture question.
Standard library only (PyYAML for `labels()`).
"""
import datetime as dt
import html.parser
import os
import shutil
import signal
import socket
import struct
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
import zlib
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parents[2]
SLUGS = ["rendez-vous-prefecture", "renouvellement-titre", "ofpra-notification", "refus-visa",
         "autorisation-travail-bloquee", "caf-dossier-suspendu", "naturalisation-anef"]


# ---------------------------------------------------------------------------------------------- server

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def resolve_bin(option, release_first=False):
    """--bin, else $GUICHET_BIN (relative to the current folder), else (bench) the release build
    `$GUICHET_RELEASE_SCRATCH/release/guichet` if it exists, else `.build/debug/guichet` of the repository."""
    chosen = option or os.environ.get("GUICHET_BIN")
    if chosen:
        return os.path.abspath(chosen)
    if release_first:
        release = REPO / os.environ.get("GUICHET_RELEASE_SCRATCH", ".build-release") / "release" / "guichet"
        if release.exists():
            return str(release)
    return str(REPO / ".build" / "debug" / "guichet")


class Server:
    """`guichet serve` in a throwaway data folder; `with Server(bin) as s: s.base`.

    `data_dir`: serve this data folder (GUICHET_DATA) instead of a fresh one inside the throwaway folder (the
    caller owns it: it is not removed); `env`: extra environment (GUICHET_DATABASE_URL, GUICHET_MASTER_KEY…)."""

    def __init__(self, binary, port=None, content=None, data_dir=None, env=None):
        self.binary = binary
        self.port = port or free_port()
        self.content = content or str(REPO / "content")
        self.base = f"http://127.0.0.1:{self.port}"
        self.data = tempfile.mkdtemp(prefix="guichet-parcours-")
        self.data_dir = data_dir or os.path.join(self.data, "data")
        self.extra_env = dict(env or {})
        self.log_path = os.path.join(self.data, "server.log")
        self.process = None

    def __enter__(self):
        if not os.access(self.binary, os.X_OK):
            raise SystemExit(f"guichet binary not found or not executable: {self.binary} (use --bin or GUICHET_BIN)")
        env = dict(os.environ, GUICHET_DATA=self.data_dir, GUICHET_PORT=str(self.port))
        env.update(self.extra_env)
        env.setdefault("GUICHET_HOST", "127.0.0.1")
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen([self.binary, "serve", "--content", self.content], env=env,
                                        stdout=self.log, stderr=self.log, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as r:
                    if r.status == 200:
                        return self
            except (OSError, urllib.error.URLError):
                pass
            time.sleep(0.2)
        self.stop()
        raise SystemExit(f"guichet serve did not become healthy on {self.base}; log:\n{self.log_tail()}")

    def __exit__(self, *exc):
        self.stop()
        shutil.rmtree(self.data, ignore_errors=True)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def log_tail(self, lines=30):
        try:
            with open(self.log_path, errors="replace") as f:
                return "".join(f.readlines()[-lines:])
        except OSError:
            return ""

    def rss_mb(self):
        try:
            with open(f"/proc/{self.process.pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            return None


# ---------------------------------------------------------------------------------------------- pages

class Page:
    """What a client needs from a guichet page: the main form(s), the headings, the error summary."""

    def __init__(self):
        self.lang = self.dir = None
        self.title = ""
        self.h1 = ""
        self.forms = []          # [{action, method, enctype, fields: [...], buttons: [...]}]
        self.links = []          # hrefs inside <main>
        self.has_error_summary = False
        self.code = None         # the access code shown once (input#code readonly)

    def form(self, action_prefix=None):
        for form in self.forms:
            if action_prefix is None or form["action"].split("?")[0] == action_prefix:
                return form
        return None

    def hidden(self, name, form=None):
        for form in ([form] if form else self.forms):
            for field in form["fields"]:
                if field["tag"] == "input" and field.get("type") == "hidden" and field.get("name") == name:
                    return field.get("value", "")
        return None

    @property
    def screen(self):
        return self.hidden("ecran")

    def answer_field(self):
        """The field named `reponse` (or `fichier`) of the question form: type, options, bounds."""
        form = self.form("/mon-dossier")
        if not form:
            return None
        radios = [f for f in form["fields"] if f.get("type") == "radio" and f.get("name") == "reponse"]
        if radios:
            return {"kind": "radio", "values": [r.get("value") for r in radios], "ids": [r.get("id") for r in radios]}
        for f in form["fields"]:
            if f["tag"] == "select" and f.get("name") == "reponse":
                return {"kind": "select", "values": f["options"], "id": f.get("id")}
            if f["tag"] == "textarea" and f.get("name") == "reponse":
                return {"kind": "textarea", "id": f.get("id")}
            if f["tag"] == "input" and f.get("name") == "fichier" and f.get("type") == "file":
                return {"kind": "file", "id": f.get("id"), "accept": f.get("accept")}
            if f["tag"] == "input" and f.get("name") == "reponse":
                return {"kind": f.get("type", "text"), "id": f.get("id"), "min": f.get("min"), "max": f.get("max")}
        return None

    def buttons(self, form=None):
        return [b for form in ([form] if form else self.forms) for b in form["buttons"]]


class _Parser(html.parser.HTMLParser):
    def __init__(self, page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.in_main = self.in_title = self.in_h1 = False
        self.form = self.select = self.textarea = self.button = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        p = self.page
        if tag == "html":
            p.lang, p.dir = a.get("lang"), a.get("dir")
        elif tag == "title":
            self.in_title = True
        elif tag == "main":
            self.in_main = True
        if not self.in_main:
            return
        if tag == "h1":
            self.in_h1 = True
        elif tag == "a" and "href" in a:
            p.links.append(a["href"])
        elif tag == "div" and "error-summary" in a.get("class", "").split():
            p.has_error_summary = True
        elif tag == "form":
            self.form = {"action": a.get("action", ""), "method": a.get("method", "get").lower(),
                         "enctype": a.get("enctype", "application/x-www-form-urlencoded"), "fields": [], "buttons": []}
            p.forms.append(self.form)
        elif tag == "input":
            field = dict(a, tag="input")
            field.setdefault("type", "text")
            if a.get("id") == "code" and "readonly" in a:
                p.code = a.get("value")
            if self.form is not None:
                self.form["fields"].append(field)
        elif tag == "select" and self.form is not None:
            self.select = dict(a, tag="select", options=[])
            self.form["fields"].append(self.select)
        elif tag == "option" and self.select is not None:
            self.select["options"].append(a.get("value", ""))
        elif tag == "textarea" and self.form is not None:
            self.textarea = dict(a, tag="textarea", text="")
            self.form["fields"].append(self.textarea)
        elif tag == "button" and self.form is not None:
            self.button = dict(a, text="")
            self.button.setdefault("type", "submit")
            self.form["buttons"].append(self.button)

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        elif tag == "main":
            self.in_main = False
        elif tag == "h1":
            self.in_h1 = False
        elif tag == "form":
            self.form = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None
        elif tag == "button":
            self.button = None

    def handle_data(self, data):
        if self.in_title:
            self.page.title += data
        if self.in_h1:
            self.page.h1 += data
        if self.textarea is not None:
            self.textarea["text"] += data
        if self.button is not None:
            self.button["text"] += data


def parse_page(text):
    page = Page()
    parser = _Parser(page)
    parser.feed(text)
    parser.close()
    page.h1 = " ".join(page.h1.split())
    page.title = " ".join(page.title.split())
    return page


# ---------------------------------------------------------------------------------------------- answers

def today():
    """The server's « today »: the civil date in Europe/Paris."""
    return dt.datetime.now(ZoneInfo("Europe/Paris")).date()


class Upload:
    def __init__(self, data, filename="capture.png", content_type="image/png"):
        self.data, self.filename, self.content_type = data, filename, content_type


class Plan:
    """The answers for one walk through one path.

    `answers`: question id → value; `groups`: group id → list of entries (sub-question id → value).
    A value is a string (a choice's value, an ISO date `YYYY-MM-DD`, an ISO date-time `YYYY-MM-DDTHH:MM`, a
    text), "" for a skipped optional question, or an `Upload`. `detours` lists extra states to visit
    (a stop, a removed entry) for the walks that cover every page.
    """

    def __init__(self, slug, answers, groups=None, name="", expect_documents=(), detours=()):
        self.slug, self.answers, self.groups, self.name = slug, answers, groups or {}, name
        self.expect_documents = list(expect_documents)
        self.detours = list(detours)

    def answer(self, token):
        """The answer to the screen `token` (AssertionError when the plan does not know that screen)."""
        try:
            if "+" in token:
                group, count = token.split("+", 1)
                return "oui" if int(count) < len(self.groups[group]) else "non"
            if "." in token:
                group, index, name = token.split(".", 2)
                return self.groups[group][int(index)][name]
            return self.answers[token]
        except (KeyError, IndexError, ValueError):
            raise AssertionError(f"{self.slug}: no answer planned for the screen {token!r} (a new or renamed question? "
                                 "see the plans in scripts/parcours/common.py)") from None


def iso(day):
    return day.isoformat()


def attempts(count, channels=("site-prefecture",), outcomes=("aucun-creneau",), upload=None, spacing=10):
    """`count` failed attempts, one every `spacing` days ending 10 days ago, at varied hours (so that they
    fall in different ISO weeks, more than 7 days apart, within the last 1095 days)."""
    t = today()
    hours = ["09:05", "14:30", "18:45", "12:10", "08:00", "21:15", "10:40", "16:20"]
    entries = []
    for i in range(count):
        day = t - dt.timedelta(days=10 + spacing * (count - 1 - i))
        channel = channels[i % len(channels)]
        entry = {"at": f"{iso(day)}T{hours[i % len(hours)]}", "channel": channel, "outcome": outcomes[i % len(outcomes)],
                 "note": "Il n'existe plus de plage horaire libre pour votre demande de rendez-vous." if i == 0 else ""}
        if channel in ("site-prefecture", "anef", "courriel"):
            entry["capture"] = upload if (upload is not None and i == 0) else ""
        entries.append(entry)
    return entries


IDENTITY = {"courriers": "oui", "nom": "Awa Exemple", "date_naissance": "1991-04-09",
            "lieu_naissance": "Abidjan (Côte d'Ivoire)", "nationalite": "ivoirienne",
            "adresse": "12 rue de l'Exemple\n93200 Saint-Denis"}


def plan_rdv_renewal(count=3, upload=None):
    """rendez-vous-prefecture for a renewal: verdict recevable (3 attempts) or solide (6+), letters ready."""
    t = today()
    answers = dict(IDENTITY, departement="93", procedure="renouvellement-titre", expiration=iso(t + dt.timedelta(days=45)))
    groups = {"tentatives": attempts(count, upload=upload),
              "lettres": [{"sent_on": iso(t - dt.timedelta(days=25)), "kind": "lrar", "reference": "1A 234 567 8901 2"}]}
    return Plan("rendez-vous-prefecture", answers, groups, name="renouvellement",
                expect_documents=["lettre-prefecture", "refere-mesures-utiles", "saisine-defenseur-des-droits"])


def plan_rdv_other(upload=None):
    """rendez-vous-prefecture for « une autre démarche »: precision and situation (text area) asked, no letter
    sent yet, attempts through two channels, one with an uploaded capture; one extra attempt removed from
    the review page."""
    answers = dict(IDENTITY, departement="974", procedure="autre",
                   precision="Changement de statut étudiant vers salarié",
                   situation="Mon employeur attend mon titre pour signer le contrat.\nSans rendez-vous, je perds cet emploi.")
    tries = attempts(3, channels=("site-prefecture", "anef"), outcomes=("aucun-creneau", "erreur-technique"), upload=upload)
    # A fourth attempt (by telephone: no capture question), removed again from the review page.
    tries.append({"at": f"{iso(today() - dt.timedelta(days=3))}T11:00", "channel": "telephone", "outcome": "sans-reponse",
                  "note": ""})
    return Plan("rendez-vous-prefecture", answers, {"tentatives": tries, "lettres": []}, name="autre-demarche",
                expect_documents=["lettre-prefecture", "refere-mesures-utiles", "saisine-defenseur-des-droits"],
                detours=["remove-entry:tentatives.3"])


def plan_renewal_blocked():
    t = today()
    return Plan("renouvellement-titre", {"departement": "69", "anef": "oui", "expiration": iso(t + dt.timedelta(days=100)),
                                         "depot": "bloque", "panne": "anef-erreur"}, name="anef-bloque")


def plan_renewal_filed():
    t = today()
    return Plan("renouvellement-titre", {"departement": "972", "anef": "non", "expiration": iso(t + dt.timedelta(days=30)),
                                         "depot": "depose", "date_depot": iso(t - dt.timedelta(days=20))}, name="depose")


def plan_ofpra_opened():
    t = today()
    return Plan("ofpra-notification", {"document": "decision", "sens": "rejet", "mise_en_ligne": iso(t - dt.timedelta(days=10)),
                                       "ouvert": "oui", "consultation": iso(t - dt.timedelta(days=5))},
                name="rejet-ouvert", detours=["stop"])


def plan_ofpra_unopened():
    t = today()
    return Plan("ofpra-notification", {"document": "decision", "sens": "protection-subsidiaire",
                                       "mise_en_ligne": iso(t - dt.timedelta(days=20)), "ouvert": "non"}, name="non-ouvert")


def plan_visa_long():
    t = today()
    return Plan("refus-visa", {"type_visa": "long-sejour", "notification": iso(t - dt.timedelta(days=12)),
                               "recours_fait": "non"}, name="long-sejour")


def plan_visa_short_appealed():
    t = today()
    return Plan("refus-visa", {"type_visa": "court-sejour", "notification": iso(t - dt.timedelta(days=40)),
                               "recours_fait": "oui", "reception": iso(t - dt.timedelta(days=35))}, name="court-sejour-recours")


def plan_work_authorisation():
    """autorisation-travail-bloquee: filed 70 days ago, one unanswered message; both letters ready."""
    t = today()
    answers = {"departement": "93", "qui_depose": "employeur", "date_depot": iso(t - dt.timedelta(days=70)), "numero": "",
               "messages": "aucun", "courriers": "oui", "nom": "Mariam Exemple",
               "adresse": "9 rue de l'Exemple\n93100 Montreuil", "employeur": "Boulangerie Exemple SARL",
               "adresse_employeur": "", "situation": ""}
    groups = {"demarches": [{"at": f"{iso(t - dt.timedelta(days=20))}T11:00", "channel": "anef", "outcome": "sans-reponse",
                             "note": ""}]}
    return Plan("autorisation-travail-bloquee", answers, groups, name="silence",
                expect_documents=["lettre-employeur-moe", "saisine-defenseur-des-droits"])


def plan_caf_suspended():
    t = today()
    answers = {"departement": "93", "prestation": "aide-logement", "date_suspension": iso(t - dt.timedelta(days=10)),
               "notifiee": "oui", "date_notification": iso(t - dt.timedelta(days=8)), "raison_donnee": "non",
               "titre": "provisoire", "courriers": "oui", "nom": "Awa Exemple",
               "adresse": "12 rue de l'Exemple\n93200 Saint-Denis", "caf": "CAF de la Seine-Saint-Denis",
               "numero_allocataire": "1234567", "situation": ""}
    return Plan("caf-dossier-suspendu", answers, name="notifiee", expect_documents=["reclamation-caf"])


def plan_naturalisation_refused():
    t = today()
    answers = {"departement": "44", "date_depot": iso(t - dt.timedelta(days=500)), "etape": "refus",
               "date_notification": iso(t - dt.timedelta(days=10)), "date_decision": iso(t - dt.timedelta(days=15)),
               "reference": "", "raisons": "Mes ressources ont changé depuis la décision.", "courriers": "oui",
               "nom": "Linh Exemple", "adresse": "3 quai de l'Exemple\n44000 Nantes"}
    return Plan("naturalisation-anef", answers, name="refus", expect_documents=["recours-prealable"])


STOP_ANSWERS = {"ofpra-notification": ("document", "convocation")}


def labels():
    """{slug: {question id or group id: label, group id + '+': add_label}} from content/parcours/*.yml."""
    import yaml
    out = {}
    for slug in SLUGS:
        with open(REPO / "content" / "parcours" / f"{slug}.yml", encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        found = {"__title__": doc["title"]}
        outcomes = {o["id"]: o["title"] for o in doc.get("outcomes", [])}
        for step in doc["steps"]:
            if "id" not in step:
                continue
            found[step["id"]] = step["label"]
            if step.get("type") == "group":
                found[step["id"] + "+"] = step.get("add_label", step["label"])
                for question in step.get("questions", []):
                    found[question["id"]] = question["label"]
        found["__outcomes__"] = outcomes
        out[slug] = found
    return out


def label_for(slug_labels, token):
    """The YAML label of the screen `token` (an add-another screen after ≥ 1 entry shows add_label)."""
    if "+" in token:
        group, count = token.split("+", 1)
        return slug_labels[group + "+"] if int(count) > 0 else slug_labels[group]
    return slug_labels[token.split(".")[-1]]


def tiny_png(width=64, height=48, seed=0):
    """A small RGB PNG that looks like a screenshot (a blue band, grey lines)."""
    rows = []
    for y in range(height):
        if y < 8:
            row = bytes([20, 60, 140]) * width
        elif y % 6 == (seed % 6):
            row = bytes([90, 90, 90]) * width
        else:
            row = bytes([250, 250, 250]) * width
        rows.append(b"\x00" + row)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 6)) + chunk(b"IEND", b""))

