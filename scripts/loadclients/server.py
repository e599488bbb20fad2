"""Starting and stopping a `guichet serve` for the load scripts, and finding the release binary.

The binary: `--bin PATH`, else `$GUICHET_RELEASE_SCRATCH/release/guichet` (default scratch `.build-release`, the
convention of scripts/bench-pages), built first with `swift build -c release --scratch-path SCRATCH --product guichet`
unless `--no-build` is given.
"""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CONTENT = os.path.join(ROOT, "content")


def release_binary(path=None, build=True):
    """The guichet binary to run: `path` as given, or the release build (built first when `build`)."""
    if path:
        if not os.access(path, os.X_OK):
            sys.exit(f"not an executable: {path}")
        return os.path.abspath(path)
    scratch = os.environ.get("GUICHET_RELEASE_SCRATCH", ".build-release")
    if not os.path.isabs(scratch):
        scratch = os.path.join(ROOT, scratch)
    if build:
        print(f"building: swift build -c release --scratch-path {scratch} --product guichet", flush=True)
        done = subprocess.run(
            ["swift", "build", "-c", "release", "--scratch-path", scratch, "--product", "guichet"],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if done.returncode != 0:
            sys.exit(done.stdout[-4000:] + "\nrelease build failed")
    binary = os.path.join(scratch, "release", "guichet")
    if not os.access(binary, os.X_OK):
        sys.exit(f"no release binary at {binary}: build it with\n"
                 f"  swift build -c release --scratch-path {scratch} --product guichet\nor pass --bin PATH")
    return binary


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kib(pid):
    """VmRSS of a process in KiB (from /proc/<pid>/status), or None when it is gone."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


class Server:
    """One `guichet serve` child on a free loopback port, with its log in `log_path`."""

    def __init__(self, binary, data_dir, log_path, extra_env=None, content=CONTENT):
        self.binary, self.data_dir, self.log_path = binary, data_dir, log_path
        self.extra_env = dict(extra_env or {})
        self.content = content
        self.process = None
        self.port = None
        self.log = None

    @property
    def pid(self):
        return self.process.pid if self.process else None

    def start(self, ready_timeout=60.0):
        self.port = free_port()
        env = dict(os.environ, GUICHET_DATA=self.data_dir, GUICHET_PORT=str(self.port), GUICHET_HOST="127.0.0.1")
        env.update(self.extra_env)
        self.log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            [self.binary, "serve", "--content", self.content], env=env, stdout=self.log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + ready_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with status {self.process.returncode} before it was ready "
                                   f"(log: {self.log_path})")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=2) as answer:
                    if answer.status == 200:
                        return self
            except Exception:
                time.sleep(0.05)
        self.kill()
        raise RuntimeError(f"server not ready after {ready_timeout:.0f} s (log: {self.log_path})")

    def kill(self):
        """SIGKILL: no chance to flush or close anything."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()
        self._close_log()

    def stop(self, timeout=15.0):
        """SIGTERM (graceful), then SIGKILL if it lingers. Returns the exit status."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._close_log()
        return self.process.returncode if self.process else None

    def _close_log(self):
        if self.log:
            self.log.close()
            self.log = None


def integrity_check(database):
    """`PRAGMA integrity_check` on the file: the sqlite3 command when installed, else Python's sqlite3 module."""
    if subprocess.run(["sh", "-c", "command -v sqlite3"], stdout=subprocess.DEVNULL).returncode == 0:
        done = subprocess.run(["sqlite3", database, "PRAGMA integrity_check"], capture_output=True, text=True)
        return (done.stdout + done.stderr).strip()
    import sqlite3
    connection = sqlite3.connect(database)
    try:
        return "\n".join(row[0] for row in connection.execute("PRAGMA integrity_check"))
    finally:
        connection.close()
