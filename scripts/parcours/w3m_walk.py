"""The text-browser walk of check-parcours: one `rendez-vous-prefecture` file, from the list of paths to the
référé PDF, with w3m only (no JavaScript, HTTP/1.0, its own cookie jar in a throwaway HOME).

Every screen is fetched twice by w3m: `-dump_both` (headers and source: the form is read from the HTML) and
`-dump` (what a person reads: the question's text must be in it). Answers are posted by w3m itself
(`-post FILE`, url-encoded, the form's own hidden fields and button); the redirect after the POST is
followed by w3m. The capture question is answered empty (w3m cannot post multipart; the server accepts an
empty optional file). Dates are typed in turn in ISO form and as JJ/MM/AAAA (date-times also as JJ/MM/AAAA HH:MM and
JJ/MM/AAAA à 9h30); the review page must show them back as the intended days.
"""
import os
import shutil
import subprocess
import tempfile
import urllib.parse

from common import Upload, label_for, parse_page, plan_rdv_renewal


def norm(text):
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


class W3m:
    def __init__(self, base):
        self.base = base
        self.home = tempfile.mkdtemp(prefix="guichet-w3m-home-")
        self.work = tempfile.mkdtemp(prefix="guichet-w3m-")
        self.calls = 0

    def close(self):
        shutil.rmtree(self.home, ignore_errors=True)
        shutil.rmtree(self.work, ignore_errors=True)

    def run(self, args, timeout=30):
        self.calls += 1
        env = {"HOME": self.home, "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "TERM": "dumb"}
        command = ["w3m", "-o", "accept_language=fr", "-o", "use_cookie=1", "-o", "accept_cookie=1",
                   "-o", "display_charset=UTF-8", "-O", "UTF-8", "-cols", "100"] + args
        try:
            done = subprocess.run(command, capture_output=True, env=env, timeout=timeout, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"w3m {' '.join(args)}: no answer within {timeout} s")
        return done.stdout

    @staticmethod
    def split(both):
        text = both.decode("utf-8", errors="replace").replace("\r\n", "\n")
        head, _, body = text.partition("\n\n")
        first = head.split("\n", 1)[0]
        status = int(first.split()[1]) if first.startswith("HTTP/") else 0
        return status, body

    def source(self, path):
        return self.split(self.run(["-dump_both", self.base + path]))

    def dump(self, path):
        return self.run(["-dump", self.base + path]).decode("utf-8", errors="replace")

    def render(self, html):
        """w3m's rendering of HTML already fetched (a POST's answer cannot be fetched twice)."""
        name = os.path.join(self.work, "page.html")
        with open(name, "w", encoding="utf-8") as f:
            f.write(html)
        return self.run(["-dump", "-T", "text/html", "-I", "UTF-8", name]).decode("utf-8", errors="replace")

    def post(self, path, fields):
        name = os.path.join(self.work, "body.txt")
        with open(name, "w", encoding="utf-8") as f:
            f.write(urllib.parse.urlencode(fields))
        return self.split(self.run(["-post", name, "-dump_both", self.base + path]))

    def download(self, path):
        return self.run(["-dump_source", self.base + path])


def form_fields(page, form, answer=None, button=None):
    """The url-encoded fields a browser would send: hidden inputs, the answer, the pressed button."""
    fields = [(f["name"], f.get("value", "")) for f in form["fields"]
              if f["tag"] == "input" and f.get("type") == "hidden" and f.get("name")]
    if answer is not None:
        fields.append(("reponse", answer))
    if button is not None:
        fields.append((button.get("name"), button.get("value", "")) if button.get("name") else ("", ""))
        fields = [f for f in fields if f[0]]
    return fields


def find_button(form, name, value):
    for button in form["buttons"]:
        if button.get("name") == name and button.get("value") == value:
            return button
    raise AssertionError(f"no button {name}={value} in the form {form['action']}")


def typed(value, kind, counts):
    """Dates as people type them, in turn: ISO, JJ/MM/AAAA (date-times: ISO, JJ/MM/AAAA HH:MM,
    JJ/MM/AAAA à 9h30)."""
    if kind not in ("date", "datetime-local"):
        return value
    turn = counts.get(kind, 0)
    counts[kind] = turn + 1
    day, _, hour = value.partition("T")
    y, m, d = day.split("-")
    if kind == "date":
        return value if turn % 2 == 0 else f"{d}/{m}/{y}"
    h, minute = hour.split(":")
    return [value, f"{d}/{m}/{y} {hour}", f"{d}/{m}/{y} à {int(h)}h{minute}"][turn % 3]


MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]


def long_date(iso_day):
    y, m, d = (int(x) for x in iso_day.split("-"))
    return f"{'1er' if d == 1 else d} {MONTHS[m - 1]} {y}"


def walk(base, labels, failures):
    """Returns a one-line summary; appends problems to `failures`."""
    plan = plan_rdv_renewal(count=3)
    slug = plan.slug
    texts = labels[slug]
    w = W3m(base)
    screens = 0
    check = lambda ok, message: ok or failures.append("w3m: " + message)
    try:
        listing = norm(w.dump("/parcours"))
        check(norm(texts["__title__"]) in listing, f"/parcours: the title « {texts['__title__']} » is not in the dump")

        status, html = w.source(f"/parcours/{slug}")
        check(status == 200, f"/parcours/{slug}: HTTP {status}")
        intro = parse_page(html)
        check(norm(texts["__title__"]) in norm(w.dump(f"/parcours/{slug}")), f"/parcours/{slug}: title not in the dump")
        form = intro.form(f"/parcours/{slug}")
        assert form, f"/parcours/{slug}: no start form in the page"
        status, html = w.post(form["action"], form_fields(intro, form))
        code_page = parse_page(html)
        check(status == 200 and code_page.code, f"starting a file: HTTP {status}, no access code shown")
        if code_page.code:
            # The code must be readable in full where the page shows it, not only inside the bookmark link.
            shown = [line for line in w.render(html).splitlines() if "/reprendre/" not in line]
            fragments = [line.strip() for line in shown if code_page.code[:9] in line]
            check(any(code_page.code in line for line in shown),
                  f"code page: w3m shows the code cut off: {' | '.join(fragments) or 'not at all'} "
                  f"(the code is {code_page.code}, {len(code_page.code)} characters)")

        seen_error = seen_bound_error = False
        counts = {}
        result_html = None
        for _ in range(120):
            status, html = w.source("/mon-dossier")
            page = parse_page(html)
            check(status == 200, f"/mon-dossier: HTTP {status}")
            token = page.screen
            form = page.form("/mon-dossier")
            if token:
                screens += 1
                text = norm(w.dump("/mon-dossier"))
                expected = label_for(texts, token)
                check(norm(expected) in text, f"screen {token}: the question « {expected} » is not in the dump")
                check(norm(page.h1) in text, f"screen {token}: the heading « {page.h1} » is not in the dump")
                field = page.answer_field()
                answer = plan.answer(token)
                continuer = find_button(form, "action", "continuer")
                if not seen_error:
                    # An empty required answer: 422 and an error summary, in text.
                    seen_error = True
                    status, html = w.post(form["action"], form_fields(page, form, "", continuer))
                    err = parse_page(html)
                    check(status == 422 and err.has_error_summary and err.screen == token,
                          f"screen {token}: an empty answer gave HTTP {status}, error summary {err.has_error_summary}")
                    check("Il y a un problème" in norm(w.render(html)), f"screen {token}: the error summary is not in the dump")
                if field["kind"] == "date" and not seen_bound_error:
                    seen_bound_error = True
                    status, html = w.post(form["action"], form_fields(page, form, "01/01/1900", continuer))
                    err = parse_page(html)
                    check(status == 422 and err.has_error_summary,
                          f"screen {token}: a date out of bounds gave HTTP {status}, error summary {err.has_error_summary}")
                if isinstance(answer, Upload) or field["kind"] == "file":
                    answer = ""  # w3m -post is url-encoded: the optional capture is left empty
                else:
                    answer = typed(answer, field["kind"], counts)
                if field["kind"] in ("radio", "select"):
                    check(answer in field["values"], f"screen {token}: {answer!r} is not one of the offered choices")
                status, html = w.post(form["action"], form_fields(page, form, answer, continuer))
                after = parse_page(html)
                check(status == 200 and not after.has_error_summary and after.screen != token,
                      f"screen {token}: answering {answer!r} gave HTTP {status}" + (" with an error" if after.has_error_summary else ""))
                if after.screen == token:
                    raise AssertionError(f"w3m: stuck on screen {token}")
            elif form and any(b.get("value") == "confirmer" for b in form["buttons"]):
                text = norm(w.dump("/mon-dossier"))
                check("Vérifiez vos réponses" in text, "review page: heading not in the dump")
                count = len(plan.groups["tentatives"])
                check(f"Tentative n° {count}" in text, f"review page: « Tentative n° {count} » not in the dump")
                days = [plan.answers["expiration"], plan.answers["date_naissance"]]
                days += [e["at"][:10] for e in plan.groups["tentatives"]] + [e["sent_on"] for e in plan.groups["lettres"]]
                for day in days:
                    check(long_date(day) in text, f"review page: the date {day} (« {long_date(day)} ») is not shown")
                status, html = w.post(form["action"], form_fields(page, form, None, find_button(form, "action", "confirmer")))
                check(status == 200, f"confirming the review: HTTP {status}")
            else:
                result_html = html
                break
        assert result_html, "w3m: no result page after 120 steps"

        text = norm(w.dump("/mon-dossier"))
        outcome = texts["__outcomes__"]["recevable-ou-solide"]
        check(norm(outcome) in text, f"result: the outcome « {outcome} » (verdict recevable or solide) is not in the dump")
        check("référé" in text, "result: the référé is not mentioned")
        check("Télécharger en PDF" in text, "result: no document offered")
        result = parse_page(result_html)
        pdfs = [l for l in result.links if l.startswith("/mon-dossier/document/") and l.endswith(".pdf")]
        check("/mon-dossier/document/refere-mesures-utiles.pdf" in pdfs, f"result: no référé PDF link (links: {pdfs})")
        pdf_size = 0
        if pdfs:
            target = "/mon-dossier/document/refere-mesures-utiles.pdf" if "/mon-dossier/document/refere-mesures-utiles.pdf" in pdfs else pdfs[0]
            data = w.download(target)
            pdf_size = len(data)
            check(data.startswith(b"%PDF"), f"{target}: does not start with %PDF ({data[:40]!r})")
            if shutil.which("qpdf") and data.startswith(b"%PDF"):
                name = os.path.join(w.work, "refere.pdf")
                with open(name, "wb") as f:
                    f.write(data)
                done = subprocess.run(["qpdf", "--check", name], capture_output=True, text=True)
                check(done.returncode == 0, f"{target}: qpdf --check: {done.stdout[-500:]}{done.stderr[-500:]}")
        calendars = [l for l in result.links if l.endswith(".ics")]
        if calendars:
            data = w.download(calendars[0])
            check(data.startswith(b"BEGIN:VCALENDAR"), f"{calendars[0]}: not an iCalendar file ({data[:40]!r})")

        # Erase the file: confirmation page, then the erased page, then no file any more.
        status, html = w.source("/mon-dossier/supprimer")
        page = parse_page(html)
        form = page.form("/mon-dossier/supprimer")
        check(status == 200 and form is not None, f"/mon-dossier/supprimer: HTTP {status}")
        if form:
            status, html = w.post(form["action"], form_fields(page, form))
            check(status == 200 and "supprimé" in norm(w.render(html)), f"erasing the file: HTTP {status}")
            status, _ = w.source("/mon-dossier")
            check(status == 404, f"/mon-dossier after erasing: HTTP {status}, expected 404")
        return (f"w3m: {screens} question screens answered, {w.calls} w3m runs, verdict page with référé, "
                f"PDF {pdf_size} bytes")
    except AssertionError as error:
        failures.append(str(error))
        return f"w3m: stopped after {screens} screens ({w.calls} w3m runs)"
    finally:
        w.close()
