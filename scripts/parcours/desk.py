"""Shared pieces of scripts/check-helpdesk and scripts/bench-helpdesk: a help-desk client over plain HTTP.

- `totp(secret)`: the RFC 6238 code (SHA-1, 6 digits, 30 s) of a base32 TOTP key, with hmac (no package);
  `next_code(secret)`: a code of a step not used yet in this run (each step is accepted once);
- `cli(binary, args, env)`: runs a `guichet` command on the same data folder as the server;
- `Client`: one keep-alive HTTP/1.1 connection with its own cookie jar (http.client), forms url-encoded or
  multipart, the hidden fields of the page last read (`jeton`, `version`) and the steps of the help desk: join
  with an invitation link (password, then the TOTP key of the page), log in (then the code), create a case with
  its mandate, add an attempt, a deadline;
- `hidden_fields(html)`: every hidden input of a page (the session's form token, a case's version);
- `case_fields(...)`: the fields of the new-case form for a person and a renewal.
Standard library only.
"""
import base64
import datetime as dt
import hashlib
import hmac
import html.parser
import http.client
import os
import re
import struct
import subprocess
import time
import urllib.parse
import uuid

from common import today

PASSWORD = "une phrase de passe assez longue"


def totp(secret_b32, at=None, step=30, digits=6):
    """RFC 6238 with SHA-1: the code of the 30-second window containing `at` (default now)."""
    key = base64.b32decode(secret_b32.upper() + "=" * (-len(secret_b32) % 8))
    counter = int((time.time() if at is None else at) // step)
    mac = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    value = struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10 ** digits).zfill(digits)


_LAST_STEP = {}  # secret → the last TOTP step used (the server accepts each step once, and one step ahead)


def next_code(secret_b32):
    """A code the server has not seen yet for this key: the current 30-second step, else the next one (the
    server accepts the step before, the current one and the one after, each once); waits when both are used."""
    while True:
        step = int(time.time() // 30)
        last = _LAST_STEP.get(secret_b32, -1)
        candidate = max(step, last + 1)
        if candidate <= step + 1:
            _LAST_STEP[secret_b32] = candidate
            return totp(secret_b32, at=candidate * 30)
        time.sleep(30 - time.time() % 30 + 0.2)


def cli(binary, args, env=None, check=True):
    """Runs `guichet ARGS`; returns the CompletedProcess (stdout/stderr as text)."""
    done = subprocess.run([binary, *args], capture_output=True, text=True, env=dict(os.environ, **(env or {})))
    if check and done.returncode != 0:
        raise AssertionError(f"guichet {' '.join(args)}: exit {done.returncode}\n{done.stderr[-2000:]}")
    return done


def invitation_link(output):
    match = re.search(r"(https?://\S+/bureau/invitation/[0-9a-f]{64})", output)
    if not match:
        raise AssertionError(f"no invitation link in: {output!r}")
    return match.group(1)


class _Hidden(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.fields = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "input" and a.get("type") == "hidden" and a.get("name") and a["name"] not in self.fields:
            self.fields[a["name"]] = a.get("value") or ""


def hidden_fields(text):
    parser = _Hidden()
    parser.feed(text)
    return parser.fields


def multipart(fields, files):
    """(body, content type) of multipart/form-data: `fields` {name: value}, `files` {name: (filename, bytes, type)}."""
    boundary = "----guichet" + uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n".encode())
    for name, (filename, data, content_type) in files.items():
        parts.append(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\n"
                     f"Content-Type: {content_type}\r\n\r\n".encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class Response:
    def __init__(self, status, headers, body, set_cookies, seconds):
        self.status, self.headers, self.body, self.set_cookies, self.seconds = status, headers, body, set_cookies, seconds

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")

    @property
    def location(self):
        return self.headers.get("location", "")


class Client:
    """One member's browser-less session: a keep-alive connection and a cookie jar."""

    def __init__(self, base, timeout=120):
        parsed = urllib.parse.urlsplit(base)
        self.base, self.host, self.port, self.timeout = base, parsed.hostname, parsed.port, timeout
        self.cookies = {}
        self.connection = None
        self.hidden = {}        # hidden fields of the last HTML page read
        self.last = None
        self.session_token = None

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def request(self, method, path, body=None, content_type=None, headers=None):
        if path.startswith("http"):
            path = urllib.parse.urlsplit(path)._replace(scheme="", netloc="").geturl()
        head = {"Host": f"{self.host}:{self.port}", "Accept-Language": "fr", "User-Agent": "guichet-check-helpdesk"}
        if self.cookies:
            head["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            head["Content-Type"] = content_type or "application/x-www-form-urlencoded"
            head["Content-Length"] = str(len(body))
        head.update(headers or {})
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            started = time.perf_counter()
            try:
                self.connection.request(method, path, body=body, headers=head)
                raw = self.connection.getresponse()
                data = raw.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError, http.client.CannotSendRequest):
                self.close()
                if attempt == 2:
                    raise
                continue
            seconds = time.perf_counter() - started
            break
        set_cookies = raw.headers.get_all("Set-Cookie") or []
        for cookie in set_cookies:
            pair = cookie.split(";", 1)[0]
            name, _, value = pair.partition("=")
            if "max-age=0" in cookie.lower() or not value:
                self.cookies.pop(name.strip(), None)
            else:
                self.cookies[name.strip()] = value.strip()
        if raw.headers.get("Connection", "").lower() == "close":
            self.close()
        response = Response(raw.status, {k.lower(): v for k, v in raw.headers.items()}, data, set_cookies, seconds)
        if response.headers.get("content-type", "").startswith("text/html"):
            self.hidden = hidden_fields(response.text)
        self.last = response
        return response

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, fields, files=None, token=True):
        """POSTs `fields` (+ the page's `jeton` unless given or token=False); multipart when `files`."""
        fields = dict(fields)
        if token and "jeton" not in fields:
            fields["jeton"] = self.hidden.get("jeton", "")
        if files is not None:
            body, content_type = multipart(fields, files)
        else:
            body, content_type = urllib.parse.urlencode(fields).encode(), "application/x-www-form-urlencoded"
        return self.request("POST", path, body, content_type)

    # -------------------------------------------------------------------------------------------- steps

    def expect(self, response, status, what):
        if response.status != status:
            raise AssertionError(f"{what}: HTTP {response.status}, expected {status} "
                                 f"(Location {response.location!r}; body {response.text[:300]!r})")
        return response

    def code(self, secret):
        return next_code(secret)

    def join(self, link, password=PASSWORD):
        """Opens the invitation, chooses the password and, when the page shows a TOTP key, confirms it.
        Returns the base32 TOTP secret (None for a bénévole)."""
        path = urllib.parse.urlsplit(link).path
        self.expect(self.get(path), 200, f"GET {path}")
        chosen = self.post(path, {"motdepasse": password})
        if chosen.status == 303:
            return None  # no second factor
        self.expect(chosen, 200, f"POST {path} (password)")
        match = re.search(r"otpauth://totp/[^\s<\"]*?[?&](?:amp;)?secret=([A-Z2-7]+)", chosen.text)
        if not match:
            raise AssertionError(f"{path}: no otpauth:// URL with a secret on the page after the password")
        secret = match.group(1)
        done = self.post(path + "/verification", {"code": self.code(secret)})
        self.expect(done, 303, f"POST {path}/verification")
        if not done.location.endswith("/bureau/connexion"):
            raise AssertionError(f"{path}/verification: 303 to {done.location!r}, expected /bureau/connexion")
        return secret

    def login(self, email, secret=None, password=PASSWORD, organisation=None):
        self.expect(self.get("/bureau/connexion"), 200, "GET /bureau/connexion")
        fields = {"email": email, "motdepasse": password}
        org = organisation or self.hidden.get("organisation")
        if org:
            fields["organisation"] = org
        step = self.expect(self.post("/bureau/connexion", fields), 303, f"POST /bureau/connexion ({email})")
        if secret is None:
            if not step.location.endswith("/bureau"):
                raise AssertionError(f"login of {email}: 303 to {step.location!r}, expected /bureau")
            self.session_token = None
            return step
        if not step.location.endswith("/bureau/verification"):
            raise AssertionError(f"login of {email}: 303 to {step.location!r}, expected /bureau/verification")
        self.expect(self.get("/bureau/verification"), 200, "GET /bureau/verification")
        done = self.expect(self.post("/bureau/verification", {"code": self.code(secret)}), 303, "POST /bureau/verification")
        if not done.location.endswith("/bureau"):
            raise AssertionError(f"second factor of {email}: 303 to {done.location!r}, expected /bureau")
        self.session_token = None
        return done

    def form_token(self):
        """The session's form token (the hidden `jeton` of a logged-in page), read once per session."""
        if not self.session_token:
            self.expect(self.get("/bureau/dossiers/nouveau"), 200, "GET /bureau/dossiers/nouveau")
            self.session_token = self.hidden.get("jeton", "")
        return self.session_token

    def create_case(self, fields, token=None):
        """POST /bureau/dossiers/nouveau; returns the new case's id (from the 303)."""
        body = dict(fields, jeton=token or self.form_token())
        done = self.expect(self.post("/bureau/dossiers/nouveau", body), 303, "POST /bureau/dossiers/nouveau")
        match = re.search(r"/bureau/dossiers/([0-9a-f]{32})$", done.location)
        if not match:
            raise AssertionError(f"new case: 303 to {done.location!r}")
        return match.group(1)

    def case_page(self, case_id):
        return self.expect(self.get(f"/bureau/dossiers/{case_id}"), 200, f"GET case {case_id}")

    def change_case(self, case_id, fields, files=None, token=None, version=None):
        """POST an action on the case with its current version (read from its page unless given)."""
        if version is None or token is None:
            self.case_page(case_id)
            version = self.hidden.get("version") if version is None else version
            token = self.hidden.get("jeton") if token is None else token
        body = dict(fields, version=str(version), jeton=token)
        return self.post(f"/bureau/dossiers/{case_id}", body, files=files)


def case_fields(name, department="69", assignee="", days=365, permit_end=None, situation=None):
    """The new-case form for a renewal whose attempts at an appointment failed (mandate for a year)."""
    t = today()
    return {
        "consentement": "1", "mandat-demarches": "1", "mandat-ecrire-prefecture": "1", "mandat-saisir-tribunal": "1",
        "mandat-debut": t.isoformat(), "mandat-duree": str(days),
        "nom": name, "naissance": "1990-05-17", "lieu-naissance": "Bamako (Mali)", "nationalite": "malienne",
        "adresse": "3 rue des Exemples, 69007 Lyon", "telephone": "06 12 34 56 78", "langues": "français, bambara",
        "procedure": "renouvellement-titre", "departement": department,
        "fin-titre": (permit_end or (t + dt.timedelta(days=40))).isoformat(),
        "situation": situation or "Aucun rendez-vous disponible sur le site de la préfecture depuis des semaines.",
        "assigne": assignee,
    }


def attempt_times(count=3, spacing=8):
    """`count` instants (Paris wall time, YYYY-MM-DDTHH:MM) `spacing` days apart, ending 3 days ago: in
    different ISO weeks, ≥ 7 days apart (the « recevable » rule)."""
    t = today()
    hours = ["09:05", "14:30", "18:45", "08:10", "11:20"]
    return [f"{(t - dt.timedelta(days=3 + spacing * (count - 1 - i))).isoformat()}T{hours[i % len(hours)]}"
            for i in range(count)]
