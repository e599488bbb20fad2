"""Header checks of check-parcours, with http.client (no redirect followed): the cookies' attributes, the
CSRF refusal, and /quitter (cookies cleared, redirect to another site, never followed)."""
import http.client
import re
import urllib.parse


def request(port, method, path, headers=None, body=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        data = response.read()
        return response.status, response.getheaders(), data
    finally:
        conn.close()


def cookies_set(headers):
    return {v.split("=", 1)[0]: v for k, v in headers if k.lower() == "set-cookie"}


def header(headers, name):
    return next((v for k, v in headers if k.lower() == name.lower()), "")


def run(port, failures):
    def check(ok, message):
        if not ok:
            failures.append("http: " + message)

    form = {"Content-Type": "application/x-www-form-urlencoded", "Accept-Language": "fr"}
    status, headers, body = request(port, "GET", "/parcours/refus-visa", {"Accept-Language": "fr"})
    jeton_cookie = cookies_set(headers).get("guichet-jeton", "")
    check(status == 200 and jeton_cookie, f"/parcours/refus-visa: HTTP {status}, no guichet-jeton cookie")
    for attribute in ("HttpOnly", "SameSite=Strict", "Path=/"):
        check(attribute.lower() in jeton_cookie.lower(), f"guichet-jeton cookie without {attribute}: {jeton_cookie}")
    jeton = jeton_cookie.split(";", 1)[0].split("=", 1)[1] if "=" in jeton_cookie else ""
    hidden = re.search(rb'name="jeton" value="([^"]*)"', body)
    check(hidden and hidden.group(1).decode() == jeton, "the form's jeton differs from the guichet-jeton cookie")

    status, headers, _ = request(port, "POST", "/parcours/refus-visa", dict(form, Cookie=f"guichet-jeton={jeton}"),
                                 urllib.parse.urlencode({"jeton": "0" * len(jeton)}))
    check(status == 403 and "guichet-dossier" not in cookies_set(headers),
          f"a start with a wrong jeton: HTTP {status}, expected 403 and no file")

    status, headers, body = request(port, "POST", "/parcours/refus-visa", dict(form, Cookie=f"guichet-jeton={jeton}"),
                                    urllib.parse.urlencode({"jeton": jeton}))
    file_cookie = cookies_set(headers).get("guichet-dossier", "")
    check(status == 200 and file_cookie, f"starting a file: HTTP {status}, no guichet-dossier cookie")
    for attribute in ("HttpOnly", "SameSite=Strict", "Max-Age=7200", "Path=/"):
        check(attribute.lower() in file_cookie.lower(), f"guichet-dossier cookie without {attribute}: {file_cookie}")
    check("no-store" in header(headers, "Cache-Control"), "the code page is not Cache-Control: no-store")
    code = file_cookie.split(";", 1)[0].split("=", 1)[1] if "=" in file_cookie else ""
    check(code and code.encode() in body, "the code page does not show the code of the cookie")

    status, headers, _ = request(port, "GET", "/quitter", {"Cookie": f"guichet-jeton={jeton}; guichet-dossier={code}"})
    location = header(headers, "Location")
    cleared = cookies_set(headers)
    check(status in (302, 303, 307) and location.startswith("https://") and "127.0.0.1" not in location,
          f"/quitter: HTTP {status} to {location!r}, expected a redirect to another site")
    for name in ("guichet-jeton", "guichet-dossier"):
        check("max-age=0" in cleared.get(name, "").lower(), f"/quitter does not clear {name}: {cleared.get(name)}")
    # The file stays (leaving quickly is not erasing): erase it.
    status, headers, body = request(port, "GET", "/mon-dossier/supprimer", {"Cookie": f"guichet-jeton={jeton}; guichet-dossier={code}"})
    if status == 200:
        request(port, "POST", "/mon-dossier/supprimer", dict(form, Cookie=f"guichet-jeton={jeton}; guichet-dossier={code}"),
                urllib.parse.urlencode({"jeton": jeton}))
    return f"http: cookies (HttpOnly, SameSite=Strict, Max-Age=7200), CSRF refusal (403), /quitter → {location}"
