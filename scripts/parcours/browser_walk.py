"""The Chromium walk of check-parcours: real sessions in headless Chromium (Selenium + Debian's chromedriver),
axe-core run on every page reached, and the exact bytes the browser received kept for the Nu checker.

For each language (French through Accept-Language, then ?lang=ar, then ?lang=en) the walk opens /parcours,
follows the link to each path, starts a file, reads the code page, and answers every screen through the
DOM as a person would (clicks a radio's label, picks a <select> option, types text, attaches a PNG; date and
date-time inputs get their ISO value set by script, the one thing a WebDriver cannot type portably). On the way
it also produces the error states (an empty required answer, a date out of bounds, a file that is not an
image), a stop (ofpra-notification: a convocation), a change from the review page, an entry removed from the
review page, /reprendre with a wrong code and with the right one, the delete confirmation, the erased page,
the « no file » page and the refusal of a start form with a wrong token. French runs in a desktop window,
Arabic in a phone-sized one (390×844), English in a desktop window. Pages are named by language, path and
screen token; a page whose bytes (CSRF token aside) and window were already checked is not checked again.

axe-core is the axe.min.js of the axe-playwright-python wheel, injected with WebDriver's execute_script (which
the page's CSP does not govern; checked on every page) and run with its default rules plus the WCAG 2.x A/AA
rules it leaves off by default (target-size).
The HTML given to the Nu checker is the response body of the page's document request, read through the
DevTools protocol (Network.getResponseBody): what the server sent, not the DOM after scripts.
"""
import base64
import itertools
import json
import os
import queue
import re
import shutil
import tempfile
import threading
import time

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from common import (STOP_ANSWERS, Upload, label_for, parse_page, plan_ofpra_opened, plan_ofpra_unopened,
                    plan_rdv_other, plan_rdv_renewal, plan_renewal_blocked, plan_renewal_filed, plan_visa_long,
                    plan_visa_short_appealed, tiny_png, plan_work_authorisation, plan_caf_suspended,
                    plan_naturalisation_refused)

# The default rules, plus the WCAG 2.x A/AA rules axe leaves off by default (today: target-size, WCAG 2.2
# 2.5.8), deprecated and experimental ones excepted.
AXE_RUN = """
const done = arguments[arguments.length - 1];
const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const rules = {};
for (const rule of axe.getRules(wcag)) {
  if (!rule.tags.includes('deprecated') && !rule.tags.includes('experimental')) rules[rule.ruleId] = {enabled: true};
}
axe.run(document, {rules, resultTypes: ['violations', 'incomplete']}).then(r => done({
  version: r.testEngine.version,
  passes: r.passes.length,
  incomplete: r.incomplete.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length})),
  violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, tags: v.tags,
    nodes: v.nodes.map(n => ({target: n.target, html: n.html, summary: n.failureSummary}))}))
})).catch(e => done({error: String(e && e.stack || e)}));
"""


class Walker:
    def __init__(self, base, axe_source, pages_dir, failures, shared, chromium="/usr/bin/chromium",
                 chromedriver="/usr/bin/chromedriver"):
        self.base, self.axe_source, self.pages_dir, self.failures = base, axe_source, pages_dir, failures
        self.shared = shared
        self.pages = []          # [{label, url, status, violations, file}]
        self.incomplete = {}     # axe "needs review" rule id → pages
        self.notes = set()
        self.axe_version = None
        self.uploads = tempfile.mkdtemp(prefix="guichet-uploads-")
        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
                         "--lang=fr-FR", "--disable-gpu", "--no-first-run", "--disable-extensions"):
            options.add_argument(argument)
        options.add_experimental_option("prefs", {"intl.accept_languages": "fr-FR,fr"})
        options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
        self.driver = webdriver.Chrome(service=Service(chromedriver), options=options)
        self.driver.set_script_timeout(60)
        self.driver.set_page_load_timeout(30)

    def close(self):
        try:
            self.driver.quit()
        except Exception:  # noqa: BLE001 - the browser may already be gone
            pass
        shutil.rmtree(self.uploads, ignore_errors=True)

    # ------------------------------------------------------------------------------------------ pages

    def fail(self, message):
        self.failures.append("chromium: " + message)

    def loaded(self):
        """Reads the status and body of the document just loaded (from the performance log) into
        `self.status`, `self.body` and `self.page`; called after every navigation."""
        self.status, self.body = self.document_response()
        if self.status is None:
            self.fail(f"{self.driver.current_url}: no document response in the DevTools log")
        if self.body is None:
            self.body = self.driver.page_source
        self.page = parse_page(self.body)

    def document_response(self):
        """The status and body of the last document loaded (from the performance log)."""
        last = None
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.responseReceived" and message["params"].get("type") == "Document":
                last = message["params"]
        if last is None:
            return None, None
        try:
            body = self.driver.execute_cdp_cmd("Network.getResponseBody", {"requestId": last["requestId"]})
        except Exception as error:  # noqa: BLE001
            self.fail(f"{last['response']['url']}: cannot read the response body: {error}")
            return last["response"]["status"], None
        text = body["body"]
        if body.get("base64Encoded"):
            text = base64.b64decode(text).decode("utf-8", errors="replace")
        return last["response"]["status"], text

    def console(self, label, url, status):
        for entry in self.driver.get_log("browser"):
            message = entry.get("message", "")
            if entry.get("source") == "network" and message.startswith(url + " ") and f"status of {status} " in message:
                continue  # the page's own 4xx status, expected and checked above
            if "favicon.ico" in message:
                self.notes.add("the browser asks for /favicon.ico and gets 404 (console error on every first page load)")
                continue
            if entry.get("level") in ("SEVERE",) or "Content Security Policy" in message:
                self.fail(f"{label}: console: {message}")

    def visit(self, label, expect_status=200, lang=None):
        """Checks the page now displayed: status, language, axe (0 violations), body kept for vnu.
        Returns the parsed page (from the bytes the server sent)."""
        status, body, page = self.status, self.body, self.page
        url = self.driver.current_url
        if status != expect_status:
            self.fail(f"{label}: HTTP {status}, expected {expect_status} ({url})")
        if lang and (page.lang != lang or page.dir != ("rtl" if lang == "ar" else "ltr")):
            self.fail(f"{label}: <html lang={page.lang!r} dir={page.dir!r}>, expected lang={lang!r}")
        size = self.driver.get_window_size()
        key = f"{size['width']}x{size['height']}:" + re.sub(r'(name="jeton" value=")[^"]*"', r"\1", body or "")
        with self.shared.lock:
            again = key in self.shared.seen
            self.shared.seen.add(key)
        if again:
            print(f"  axe  (same bytes as a page checked above)  {label}  [{status}]", flush=True)
            self.console(label, url, status)
            return page
        self.driver.execute_script(self.axe_source)
        if self.driver.execute_script("return typeof window.axe") != "object":
            self.fail(f"{label}: axe.min.js could not be injected (CSP?); stopping")
            raise AssertionError("axe injection blocked")
        result = self.driver.execute_async_script(AXE_RUN)
        if "error" in result:
            self.fail(f"{label}: axe.run failed: {result['error']}")
            result = {"violations": [], "incomplete": [], "passes": 0}
        self.axe_version = result.get("version", self.axe_version)
        for item in result["incomplete"]:
            self.incomplete.setdefault(item["id"], []).append(label)
        name = None
        if body is not None:
            name = f"{next(self.shared.numbers):03d}-" + re.sub(r"[^A-Za-z0-9.+-]+", "_", label)[:80] + ".html"
            with open(os.path.join(self.pages_dir, name), "w", encoding="utf-8") as f:
                f.write(body)
        violations = result["violations"]
        self.pages.append({"label": label, "url": url, "status": status, "violations": violations, "file": name,
                           "passes": result.get("passes", 0)})
        mark = "ok" if not violations else "FAIL"
        print(f"  axe {len(violations):2d} violations  {mark:4s} {label}  [{status}]", flush=True)
        for v in violations:
            for node in v["nodes"]:
                self.fail(f"{label}: axe {v['id']} ({v['impact']}): {v['help']}\n"
                          f"      target {node['target']}\n      html   {node['html'][:400]}")
        self.console(label, url, status)
        return page

    def get(self, path):
        self.driver.get(self.base + path)
        self.loaded()

    def click(self, element):
        """Clicks and waits for the next document: a mark set on the old window must be gone."""
        self.driver.execute_script("window.__guichetOld = true;")
        element.click()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if self.driver.execute_script("return !window.__guichetOld && document.readyState === 'complete';"):
                    break
            except WebDriverException:
                pass  # the old document went away during the call
            time.sleep(0.02)
        else:
            raise AssertionError(f"no navigation after clicking {element.get_attribute('outerHTML')[:120]}")
        self.loaded()

    def button(self, name=None, value=None, css=None):
        if css:
            return self.driver.find_element(By.CSS_SELECTOR, css)
        return self.driver.find_element(By.CSS_SELECTOR, f"main button[name='{name}'][value='{value}']")

    # ------------------------------------------------------------------------------------------ answers

    def fill(self, page, value):
        field = page.answer_field()
        kind = field["kind"]
        d = self.driver
        if kind == "radio":
            if value not in field["values"]:
                raise AssertionError(f"{value!r} is not offered ({field['values']})")
            radio_id = field["ids"][field["values"].index(value)]
            d.find_element(By.CSS_SELECTOR, f"label[for='{radio_id}']").click()
            if not d.find_element(By.ID, radio_id).is_selected():
                raise AssertionError(f"clicking the label of {value!r} did not select it")
        elif kind == "select":
            Select(d.find_element(By.ID, field["id"])).select_by_value(value)
        elif kind in ("date", "datetime-local"):
            element = d.find_element(By.ID, field["id"])
            d.execute_script("arguments[0].value = arguments[1];"
                             "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                             "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", element, value)
            if element.get_attribute("value") != value:
                raise AssertionError(f"the {kind} input refused {value!r}")
        elif kind == "file":
            if isinstance(value, Upload):
                path = os.path.join(self.uploads, value.filename)
                with open(path, "wb") as f:
                    f.write(value.data)
                d.find_element(By.ID, field["id"]).send_keys(path)
        else:  # text, textarea
            element = d.find_element(By.ID, field["id"])
            element.clear()
            if value:
                element.send_keys(value)
        return kind

    def csrf_refusal(self, lang, q):
        """A start form whose token was changed (as after a cookie loss): the 403 page."""
        self.get(f"/parcours/refus-visa{q}")
        d = self.driver
        d.execute_script("document.querySelector('main input[name=jeton]').value = '0000';")
        self.click(d.find_element(By.CSS_SELECTOR, "main form[action^='/parcours/refus-visa'] button[type='submit']"))
        self.visit(f"{lang}: start with a wrong token", expect_status=403, lang=lang)
        self.get(f"/parcours{q}")

    def walk_path(self, plan, lang, q, labels, with_resume):
        slug = plan.slug
        tag = f"{lang}/{slug}"
        d = self.driver
        self.click(d.find_element(By.CSS_SELECTOR, f"main a[href^='/parcours/{slug}']"))
        self.visit(f"{tag}: intro", lang=lang)
        self.click(d.find_element(By.CSS_SELECTOR, f"main form[action^='/parcours/{slug}'] button[type='submit']"))
        code_page = self.visit(f"{tag}: code", lang=lang)
        code = d.find_element(By.ID, "code").get_attribute("value")
        if not code or code != code_page.code:
            self.fail(f"{tag}: no access code on the code page")
        # The code is shown once, to be copied or photographed: all of it must be visible (axe cannot see this).
        needed, shown = d.execute_script("const e = document.getElementById('code'); return [e.scrollWidth, e.clientWidth];")
        if needed > shown + 1:
            size = d.get_window_size()
            self.fail(f"{tag}: code page: the {len(code)}-character code is cut off in its field in a {size['width']} px "
                      f"window ({needed} px needed, {shown} px shown): <input id=\"code\" class=\"code\" readonly>")
        self.click(d.find_element(By.CSS_SELECTOR, "main a[href^='/mon-dossier']"))

        error_done = bound_done = file_error_done = change_done = False
        stop_pending = "stop" in plan.detours
        removals = [d_.split(":", 1)[1] for d_ in plan.detours if d_.startswith("remove-entry:")]
        visited_review = False
        for _ in range(150):
            page = self.page
            token = page.screen
            if token:
                page = self.visit(f"{tag}: {token}", lang=lang)
                expected = label_for(labels[slug], token) if lang == "fr" else None
                if expected and " ".join(expected.split()) not in " ".join(page.h1.split()):
                    self.fail(f"{tag}: {token}: heading « {page.h1} », expected « {expected} »")
                field = page.answer_field()
                value = plan.answer(token)
                if stop_pending and STOP_ANSWERS.get(slug, (None,))[0] == token:
                    value = STOP_ANSWERS[slug][1]
                if not error_done:
                    error_done = True
                    self.click(self.button("action", "continuer"))
                    error = self.visit(f"{tag}: {token} (empty answer)", expect_status=422, lang=lang)
                    if not error.has_error_summary:
                        self.fail(f"{tag}: {token}: no error summary after an empty answer")
                    page = error
                if field["kind"] in ("date", "datetime-local") and not bound_done:
                    bound_done = True
                    low = "1900-01-02" if field["kind"] == "date" else "1900-01-02T10:00"
                    if field.get("min") and field["min"] <= low[:len(field["min"])]:
                        low = "1800-01-02" if field["kind"] == "date" else "1800-01-02T10:00"
                    self.fill(page, low)
                    self.click(self.button("action", "continuer"))
                    self.visit(f"{tag}: {token} (date out of bounds)", expect_status=422, lang=lang)
                if field["kind"] == "file" and isinstance(value, Upload) and not file_error_done:
                    file_error_done = True
                    self.fill(page, Upload(b"Ceci n'est pas une image.\n", filename="pas-une-image.png"))
                    self.click(self.button("action", "continuer"))
                    self.visit(f"{tag}: {token} (not an image)", expect_status=422, lang=lang)
                self.fill(page, value)
                self.click(self.button("action", "continuer"))
                continue
            form = page.form("/mon-dossier")
            buttons = page.buttons(form) if form else []
            if any(b.get("name") == "modifier" for b in buttons):
                label = "review" + (" (stop)" if stop_pending else "")
                page = self.visit(f"{tag}: {label}", lang=lang)
                visited_review = True
                if stop_pending:
                    stop_pending = False
                    target = STOP_ANSWERS[slug][0]
                    self.click(self.button("modifier", target))
                    changed = self.visit(f"{tag}: {target} (changed from the review)", lang=lang)
                    self.fill(changed, plan.answer(target))
                    self.click(self.button("action", "continuer"))
                    continue
                if removals:
                    entry = removals.pop(0)
                    self.click(self.button("retirer", entry))
                    group, index = entry.split(".")
                    after = self.visit(f"{tag}: review (entry {entry} removed)", lang=lang)
                    gone = [b for b in after.buttons() if b.get("name") == "retirer" and b.get("value") == f"{group}.{int(index)}"]
                    if gone:
                        self.fail(f"{tag}: entry {entry} still on the review page after « Retirer »")
                    continue
                if not change_done:
                    change_done = True
                    first = next(b for b in buttons if b.get("name") == "modifier")
                    self.click(self.button("modifier", first["value"]))
                    changed = self.visit(f"{tag}: {first['value']} (changed from the review)", lang=lang)
                    self.fill(changed, plan.answer(first["value"]))
                    self.click(self.button("action", "continuer"))
                    continue
                self.click(self.button("action", "confirmer"))
                continue
            break
        else:
            raise AssertionError(f"{tag}: no result page after 150 steps")
        if not visited_review:
            self.fail(f"{tag}: no review page")
        result = self.visit(f"{tag}: result", lang=lang)
        documents = sorted({re.sub(r"\.(pdf|docx|odt)$", "", l.split("?")[0].rsplit("/", 1)[1]) for l in result.links
                            if l.startswith("/mon-dossier/document/")})
        for kind in plan.expect_documents:
            if kind not in documents:
                self.fail(f"{tag}: result page without the document {kind} (offered: {documents})")

        if with_resume:
            self.get(f"/reprendre{q}")
            self.visit(f"{lang}: /reprendre", lang=lang)
            box = d.find_element(By.ID, "code")
            box.clear()
            box.send_keys("AAAA-BBBB-CCCC")
            self.click(d.find_element(By.CSS_SELECTOR, "main form[action^='/reprendre'] button[type='submit']"))
            self.visit(f"{lang}: /reprendre (wrong code)", expect_status=422, lang=lang)
            d.delete_cookie("guichet-dossier")
            self.get(f"/mon-dossier{q}")
            self.visit(f"{lang}: /mon-dossier without a file", expect_status=404, lang=lang)
            self.get(f"/reprendre/{code}{q}")
            self.visit(f"{lang}: /reprendre/<code>", lang=lang)
            self.click(d.find_element(By.CSS_SELECTOR, "main form[action^='/reprendre'] button[type='submit']"))
            reopened = self.visit(f"{tag}: result (reopened with the code)", lang=lang)
            if reopened.h1 != result.h1:
                self.fail(f"{tag}: reopening with the code shows « {reopened.h1} », not the result")

        self.click(d.find_element(By.CSS_SELECTOR, "main a[href^='/mon-dossier/supprimer']"))
        self.visit(f"{tag}: delete confirmation", lang=lang)
        self.click(d.find_element(By.CSS_SELECTOR, "main form[action^='/mon-dossier/supprimer'] button[type='submit']"))
        self.visit(f"{tag}: file erased", lang=lang)
        # Back to the list, for the next path.
        self.get(f"/parcours{q}")


class Shared:
    """What the browsers of one run share: the bodies already checked, the page numbering."""

    def __init__(self):
        self.seen = set()
        self.numbers = itertools.count()
        self.lock = threading.Lock()


def run(base, axe_source, pages_dir, labels, failures, jobs=2):
    """Walks every unit (a language's list page and wrong-token page, then each path) in `jobs` browsers at
    once. Returns (pages, incomplete, notes, axe version, seconds)."""
    # French on a desktop window, Arabic on a phone-sized one, English on a desktop window.
    walks = [
        ("fr", "", (1280, 1000), [plan_rdv_other(upload=Upload(tiny_png())), plan_renewal_blocked(), plan_ofpra_opened(),
                                  plan_visa_long(), plan_work_authorisation(), plan_caf_suspended(),
                                  plan_naturalisation_refused()]),
        ("ar", "?lang=ar", (390, 844), [plan_rdv_renewal(3), plan_renewal_filed(), plan_ofpra_unopened(),
                                        plan_visa_short_appealed()]),
        ("en", "?lang=en", (1280, 1000), [plan_rdv_renewal(3, upload=Upload(tiny_png(seed=3)))]),
    ]
    for plan in walks[1][3]:
        if plan.slug == "ofpra-notification":
            plan.detours.append("stop")
    todo = [(lang, q, size, plan, index == 0) for lang, q, size, plans in walks for index, plan in enumerate(plans)]
    todo.sort(key=lambda unit: unit[3].slug != "rendez-vous-prefecture")  # the longest first, stable otherwise
    units = queue.Queue()
    for unit in todo:
        units.put(unit)
    shared = Shared()
    walkers = []
    started = time.monotonic()

    def work():
        try:
            walker = Walker(base, axe_source, pages_dir, failures, shared,
                            chromium=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                            chromedriver=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
        except WebDriverException as error:
            failures.append(f"chromium: cannot start: {str(error).splitlines()[0]}")
            return
        walkers.append(walker)
        try:
            while True:
                try:
                    lang, q, size, plan, first = units.get_nowait()
                except queue.Empty:
                    return
                try:
                    walker.driver.set_window_size(*size)
                    walker.get(f"/parcours{q}")
                    if first:
                        walker.visit(f"{lang}: /parcours", lang=lang)
                        walker.csrf_refusal(lang, q)
                    walker.walk_path(plan, lang, q, labels, with_resume=first)
                except AssertionError as error:
                    failures.append(f"chromium: {lang}/{plan.slug}: {error} (at {walker.driver.current_url})")
                except (WebDriverException, KeyError, StopIteration) as error:
                    failures.append(f"chromium: {lang}/{plan.slug}: stopped at {walker.driver.current_url}: "
                                    f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}")
        finally:
            walker.close()

    threads = [threading.Thread(target=work) for _ in range(max(1, jobs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    pages = [p for w in walkers for p in w.pages]
    incomplete = {}
    for w in walkers:
        for rule, where in w.incomplete.items():
            incomplete.setdefault(rule, []).extend(where)
    notes = set().union(*(w.notes for w in walkers)) if walkers else set()
    version = next((w.axe_version for w in walkers if w.axe_version), None)
    return pages, incomplete, notes, version, time.monotonic() - started
