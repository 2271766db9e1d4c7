#!/usr/bin/env python3
"""A static file server for the net tests that misbehaves on purpose (DESIGN.md §7).

It serves a folder like nginx would (GET and HEAD, ETag and If-None-Match, single byte ranges
with 206 and 416), except for the requests a fault plan names. nginx can answer 404 and 500,
but it cannot break a connection off in the middle of a body, stall, trickle or lie about a
length; this server does exactly that, on 127.0.0.1 only, and every fault is bounded in time
so a test that goes wrong cannot hang on it.

Usage: fault_server.py --root DIR [--plan FILE] [--log FILE]

Prints "port N" on stdout once it listens (on a port the kernel chose, so there is no race for
one). The plan is JSON, read again on every request so a test can change it between syncs:

  {"generation": 1, "rules": [{"path": "/kiosk/index.json", "status": 500, "times": 2}, ...]}

A rule applies to requests for `path`; with "times": K only to the first K of them (counted
per generation, so writing the plan again with a new generation starts the count again). The
first rule that applies wins. What a rule does:

  "status": S              answer S with a short text body, nothing else
  "ignore_range": true     answer 200 with the whole file whatever Range asked for
  "content_length": L      announce L bytes (the body is still the file, or what the rule cuts)
  "close_after": N         send N body bytes, then close the connection (an orderly FIN)
  "reset_after": N         send N body bytes, then reset the connection (RST: a dropped link)
  "stall_before_headers": S  read the request, then send nothing at all for S seconds
  "stall_after": N, "stall_seconds": S  send N body bytes, go silent for S seconds, then go on
  "trickle_seconds": S     send the body one byte every S seconds
  "endless": true          200 (whatever Range asked), chunked, no length, bytes until the client
                           gives up (64 MiB at most)

The log gets one line per request, written before the answer starts, so a test that has its
answer (or gave up on it) always finds the line:

  GET /kiosk/packs/a.tar.gz range=bytes=1000- inm=- -> 206 fault=close_after
"""

import argparse
import email.utils
import json
import os
import socket
import socketserver
import struct
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler

# No fault waits longer than this, whatever a plan says: a forgotten stall must not outlive a test.
MAX_WAIT_SECONDS = 60.0
ENDLESS_CAP_BYTES = 64 * 1024 * 1024


class Plan:
    """The fault plan file, with a count of requests per rule and generation."""

    def __init__(self, path):
        self.path = path
        self.lock = threading.Lock()
        self.counts = {}

    def rule_for(self, url_path):
        if not self.path or not os.path.exists(self.path):
            return None
        try:
            with open(self.path, encoding="utf-8") as f:
                plan = json.load(f)
        except (OSError, ValueError):
            return None  # being replaced right now: the rename makes this rare; serve normally
        generation = plan.get("generation", 0)
        with self.lock:
            for index, rule in enumerate(plan.get("rules", [])):
                if rule.get("path") != url_path:
                    continue
                # The rule's text is part of the key: a test that rewrites a rule without a new
                # generation still gets a fresh count for it.
                key = (generation, index, json.dumps(rule, sort_keys=True))
                seen = self.counts.get(key, 0)
                if "times" in rule and seen >= rule["times"]:
                    continue
                self.counts[key] = seen + 1
                return rule
        return None


def etag_of(stat):
    # nginx's form: hex mtime and hex size, quoted. Any stable function of both would do.
    return '"%x-%x"' % (int(stat.st_mtime), stat.st_size)


def parse_range(header, size):
    """(first, last) of a single "bytes=a-b" / "bytes=a-" / "bytes=-n" range; None when there is
    no usable one (serve the whole file), "unsatisfiable" for a range past the end."""
    if not header or not header.startswith("bytes=") or "," in header:
        return None
    first, _, last = header[len("bytes="):].strip().partition("-")
    try:
        if first == "":
            n = int(last)
            return (max(0, size - n), size - 1) if n > 0 else "unsatisfiable"
        a = int(first)
        b = int(last) if last else size - 1
    except ValueError:
        return None
    if a >= size or a > b:
        return "unsatisfiable"
    return (a, min(b, size - 1))


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fault-server"

    def log_message(self, *args):  # quiet: the request log is the record
        pass

    def do_HEAD(self):
        self.answer(head=True)

    def do_GET(self):
        self.answer(head=False)

    def record(self, status, fault):
        line = "%s %s range=%s inm=%s -> %d fault=%s\n" % (
            self.command, self.path, self.headers.get("Range") or "-",
            self.headers.get("If-None-Match") or "-", status, fault or "none")
        with self.server.log_lock:
            if self.server.log_path:
                with open(self.server.log_path, "a", encoding="utf-8") as log:
                    log.write(line)

    def sleep(self, seconds):
        time.sleep(min(max(float(seconds), 0.0), MAX_WAIT_SECONDS))

    def send_text(self, status, text, head):
        body = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def answer(self, head):
        url_path = urllib.parse.urlsplit(self.path).path
        rule = self.server.plan.rule_for(url_path) or {}
        fault = ",".join(k for k in rule if k not in ("path", "times")) or None
        self.close_connection = True  # one request per connection: each case starts clean

        if "stall_before_headers" in rule:
            self.record(0, fault)
            self.sleep(rule["stall_before_headers"])
            return  # then close without a word
        if "status" in rule:
            self.record(rule["status"], fault)
            self.send_text(rule["status"], "fault server: answering %d as planned\n" % rule["status"], head)
            return

        file_path = self.resolve(url_path)
        if file_path is None:
            self.record(404, fault)
            self.send_text(404, "not found\n", head)
            return
        stat = os.stat(file_path)
        etag = etag_of(stat)
        if self.headers.get("If-None-Match") == etag and not rule:
            self.record(304, fault)
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Connection", "close")
            self.end_headers()
            return

        size = stat.st_size
        span = None if rule.get("ignore_range") or rule.get("endless") else parse_range(self.headers.get("Range"), size)
        if span == "unsatisfiable":
            self.record(416, fault)
            self.send_response(416)
            self.send_header("Content-Range", "bytes */%d" % size)
            self.send_header("Content-Length", "0")
            self.send_header("Connection", "close")
            self.end_headers()
            return
        first, last = span if span else (0, size - 1)
        status = 206 if span else 200
        self.record(status, fault)

        self.send_response(status)
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Connection", "close")
        if rule.get("endless"):
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            if not head:
                self.send_endless()
            return
        if span:
            self.send_header("Content-Range", "bytes %d-%d/%d" % (first, last, size))
        self.send_header("Content-Length", str(rule.get("content_length", last - first + 1)))
        self.end_headers()
        if head:
            return
        with open(file_path, "rb") as f:
            f.seek(first)
            body = f.read(last - first + 1)
        self.send_body(body, rule)

    def resolve(self, url_path):
        """The file under the root that `url_path` names, or None (missing, a folder, outside)."""
        root = os.path.realpath(self.server.root)
        candidate = os.path.realpath(os.path.join(root, urllib.parse.unquote(url_path).lstrip("/")))
        if not candidate.startswith(root + os.sep) or not os.path.isfile(candidate):
            return None
        return candidate

    def send_body(self, body, rule):
        if "close_after" in rule:
            self.wfile.write(body[:rule["close_after"]])
            self.wfile.flush()
            return  # the handler returns and the server closes: FIN after fewer bytes than announced
        if "reset_after" in rule:
            self.wfile.write(body[:rule["reset_after"]])
            self.wfile.flush()
            # Let the bytes reach the client, as they would before a real link fails; then an
            # abortive close: SO_LINGER with timeout 0 makes close() send RST instead of FIN.
            time.sleep(0.2)
            # The descriptor is closed directly: rfile still refers to the socket object, so its
            # close() would leave the connection open until the handler ends (and then FIN it).
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            os.close(self.connection.detach())
            return
        if "stall_after" in rule:
            self.wfile.write(body[:rule["stall_after"]])
            self.wfile.flush()
            self.sleep(rule.get("stall_seconds", MAX_WAIT_SECONDS))
            self.write_quietly(body[rule["stall_after"]:])
            return
        if "trickle_seconds" in rule:
            for i in range(len(body)):
                if not self.write_quietly(body[i:i + 1]):
                    return  # the client gave up
                self.sleep(rule["trickle_seconds"])
            return
        self.write_quietly(body)

    def send_endless(self):
        chunk = b"X" * 65536
        sent = 0
        while sent < ENDLESS_CAP_BYTES:
            if not self.write_quietly(b"%x\r\n%s\r\n" % (len(chunk), chunk)):
                return
            sent += len(chunk)
        self.write_quietly(b"0\r\n\r\n")

    def write_quietly(self, data):
        """False when the client has gone (what a stalled or capped client does)."""
        try:
            self.wfile.write(data)
            self.wfile.flush()
            return True
        except OSError:
            return False


class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True  # a stalled answer never keeps the process from ending
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        pass  # a client that hung up mid-answer is what these tests are about, not an error


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", required=True, help="the folder to serve")
    parser.add_argument("--plan", help="the fault plan (JSON), read again on every request")
    parser.add_argument("--log", help="a file to append one line per request to")
    args = parser.parse_args()

    server = Server(("127.0.0.1", 0), Handler)
    server.root = args.root
    server.plan = Plan(args.plan)
    server.log_path = args.log
    server.log_lock = threading.Lock()
    print("port %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
