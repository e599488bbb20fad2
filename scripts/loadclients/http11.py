"""A small asyncio HTTP/1.1 client for the load scripts (soak, crash-test): keep-alive connections,
Content-Length and chunked bodies, a cookie jar per session, multipart bodies. Python standard library only.

One `Session` is one browser: one keep-alive connection (reopened when the server closes it) and its cookies.
Every socket-level failure (refused, reset, closed mid-response, timeout) raises `SocketError`.
"""

import asyncio
import time
import urllib.parse
import uuid


class SocketError(Exception):
    """The exchange failed below HTTP: no complete response was received."""


class Response:
    __slots__ = ("status", "headers", "cookies", "body", "seconds")

    def __init__(self, status, headers, cookies, body, seconds):
        self.status = status
        self.headers = headers  # lower-case name -> last value
        self.cookies = cookies  # Set-Cookie values
        self.body = body
        self.seconds = seconds

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")


class Connection:
    """One HTTP/1.1 keep-alive connection to host:port, reopened on demand."""

    def __init__(self, host, port, timeout=30.0):
        self.host, self.port, self.timeout = host, port, timeout
        self.reader = self.writer = None
        self.opened = 0  # how many times a socket was opened

    async def close(self):
        if self.writer is not None:
            writer, self.writer, self.reader = self.writer, None, None
            writer.close()
            try:
                await asyncio.wait_for(writer.wait_closed(), 1)
            except Exception:
                pass

    async def request(self, method, path, headers=(), body=b""):
        try:
            return await asyncio.wait_for(self._exchange(method, path, headers, body), self.timeout)
        except SocketError:
            await self.close()
            raise
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, asyncio.TimeoutError, ValueError) as error:
            await self.close()
            raise SocketError(f"{type(error).__name__}: {error}") from None

    async def _exchange(self, method, path, headers, body):
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port, limit=1 << 20)
            self.opened += 1
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}"]
        lines += [f"{name}: {value}" for name, value in headers]
        if body or method in ("POST", "PUT", "PATCH"):
            lines.append(f"Content-Length: {len(body)}")
        started = time.perf_counter()
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        parts = status_line.split(" ", 2)
        if len(parts) < 2 or not parts[0].startswith("HTTP/1."):
            raise SocketError(f"bad status line {status_line!r}")
        status = int(parts[1])
        found, cookies = {}, []
        for line in header_lines:
            if not line:
                continue
            name, _, value = line.partition(":")
            name, value = name.strip().lower(), value.strip()
            found[name] = value
            if name == "set-cookie":
                cookies.append(value)
        if method == "HEAD" or status in (204, 304) or 100 <= status < 200:
            data = b""
        elif "chunked" in found.get("transfer-encoding", "").lower():
            chunks = []
            while True:
                size_line = await self.reader.readuntil(b"\r\n")
                size = int(size_line.split(b";")[0].strip(), 16)
                if size == 0:
                    while (await self.reader.readuntil(b"\r\n")) != b"\r\n":
                        pass
                    break
                chunks.append(await self.reader.readexactly(size))
                await self.reader.readexactly(2)
            data = b"".join(chunks)
        elif "content-length" in found:
            data = await self.reader.readexactly(int(found["content-length"]))
        else:
            data = await self.reader.read()
            found["connection"] = "close"
        seconds = time.perf_counter() - started
        if found.get("connection", "").lower() == "close" or parts[0] == "HTTP/1.0":
            await self.close()
        return Response(status, found, cookies, data, seconds)


class Session:
    """A browser: a connection, a cookie jar and optional extra headers (e.g. X-Forwarded-For)."""

    def __init__(self, host, port, timeout=30.0, headers=()):
        self.connection = Connection(host, port, timeout)
        self.cookies = {}
        self.extra = list(headers)

    async def close(self):
        await self.connection.close()

    def _absorb(self, response):
        for value in response.cookies:
            pair = value.split(";", 1)[0]
            name, _, content = pair.partition("=")
            attributes = value.lower()
            if content == "" or "max-age=0" in attributes:
                self.cookies.pop(name.strip(), None)
            else:
                self.cookies[name.strip()] = content

    async def request(self, method, path, body=b"", content_type=None, headers=()):
        sent = list(self.extra) + list(headers)
        if self.cookies:
            sent.append(("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items())))
        if content_type:
            sent.append(("Content-Type", content_type))
        response = await self.connection.request(method, path, sent, body)
        self._absorb(response)
        return response

    async def get(self, path, headers=()):
        return await self.request("GET", path, headers=headers)

    async def post_form(self, path, fields):
        return await self.request(
            "POST", path, urllib.parse.urlencode(fields).encode(), "application/x-www-form-urlencoded")

    async def post_multipart(self, path, fields, file_field, filename, file_type, file_bytes):
        body, content_type = multipart(fields, file_field, filename, file_type, file_bytes)
        return await self.request("POST", path, body, content_type)


def multipart(fields, file_field, filename, file_type, file_bytes):
    boundary = "----guichet" + uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{filename}"\r\n'
        f"Content-Type: {file_type}\r\n\r\n".encode() + file_bytes + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"
