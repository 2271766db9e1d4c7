#!/usr/bin/env python3
"""The kiosk under cage, as deploy/systemd/showroom-kiosk.service runs it, but headless.

cage with wlroots' headless backend (no screen, no GPU: the pixman renderer) runs the kiosk as an
unprivileged user in a private XDG_RUNTIME_DIR, with a notify socket standing in for systemd's.
The test checks what the service relies on and what a visitor would see:
  - the kiosk, cage's child, sends READY=1 after its first frame and WATCHDOG=1 from its frame
    loop (the reason for NotifyAccess=all), although WATCHDOG_PID names cage as systemd would;
  - a screenshot of cage's output (grim) has the output's size, the kiosk filled it, and it shows
    the attract loop: it matches `kiosk screenshot --attract` of the same content and config
    within a tolerance, and does not match the home screen;
  - asked to end, the kiosk ends and cage exits cleanly (exit code 0).
Every process is gone afterwards, whatever failed, and the whole run is bounded in time.

usage: cage_headless_test.py --kiosk BIN --compare PNG_COMPARE --content DIR --out DIR
"""

import argparse
import glob
import os
import pwd
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time

# Everything, start to stop, must happen within this; CTest's own timeout is above it.
DEADLINE_SECONDS = 45
# The kiosk pings at half of WATCHDOG_USEC: every second here.
WATCHDOG_USEC = 2_000_000
# wlroots' headless backend makes one output of this size.
HEADLESS_OUTPUT = (1280, 720)
# The kiosk draws with Mesa's llvmpipe under cage and with SDL's software renderer for the
# reference: antialiased edges differ a little, the picture not at all.
CHANNEL_TOLERANCE = 16
MAX_DIFFERING_PERCENT = 1.0


class Failure(Exception):
    pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kiosk", required=True)
    parser.add_argument("--compare", required=True, help="the png_compare tool")
    parser.add_argument("--content", required=True)
    parser.add_argument("--out", required=True, help="where the screenshots and logs are left")
    args = parser.parse_args()

    # SIGTERM (CTest, a user) must still run the cleanup below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("cage_headless_test: terminated"))
    run = HeadlessRun(args)
    try:
        run.check()
    except Failure as failure:
        print(f"cage_headless_test: FAILED: {failure}", file=sys.stderr)
        run.show_log()
        return 1
    finally:
        run.clean_up()
    print("cage_headless_test: passed")
    return 0


class HeadlessRun:
    def __init__(self, args):
        self.args = args
        self.started = time.monotonic()
        self.out = os.path.abspath(args.out)
        self.cage = None
        self.notify = None
        self.messages = []  # (pid, message) in the order they came
        self.temp = tempfile.mkdtemp(prefix="kiosk-cage-")
        self.log_path = os.path.join(self.out, "cage.log")

    def remaining(self):
        left = DEADLINE_SECONDS - (time.monotonic() - self.started)
        if left <= 0:
            raise Failure(f"took longer than {DEADLINE_SECONDS} s")
        return left

    # ---- the steps ----------------------------------------------------------------------------

    def check(self):
        self.find_tools()
        self.prepare()
        self.start_cage()
        ready_pid = self.wait_for("READY=1", 20)
        self.check_sender_is_cages_child(ready_pid)
        shot = self.screenshot()
        self.wait_for("WATCHDOG=1", 6)
        print(f"cage_headless_test: the kiosk (pid {ready_pid}, cage's child) sent READY=1 and WATCHDOG=1")
        self.stop(ready_pid)
        self.compare(shot)

    def find_tools(self):
        missing = [tool for tool in ("cage", "grim") if shutil.which(tool) is None]
        # cage 0.1.4 refuses to start without Xwayland, though the kiosk never uses X.
        if not os.access("/usr/bin/Xwayland", os.X_OK):
            missing.append("Xwayland (package xwayland)")
        if os.geteuid() == 0 and shutil.which("setpriv") is None:
            missing.append("setpriv")
        if missing:
            raise Failure("missing: " + ", ".join(missing) + " (deploy/install-deps.sh installs them)")

    def prepare(self):
        os.makedirs(self.out, exist_ok=True)
        # As root (CI), the kiosk and cage run as nobody, like the service's unprivileged user.
        if os.geteuid() == 0:
            user = pwd.getpwnam("nobody")
            self.uid, self.gid = user.pw_uid, user.pw_gid
            # --pdeathsig: cage is killed if this script dies without its cleanup (SIGKILL); the
            # kiosk then loses its display connection and ends too.
            self.as_user = ["setpriv", f"--reuid={self.uid}", f"--regid={self.gid}", "--clear-groups",
                            "--pdeathsig=SIGKILL", "--"]
        else:
            self.uid, self.gid = os.getuid(), os.getgid()
            self.as_user = []
        os.chmod(self.temp, 0o755)
        # Wayland wants a private runtime folder: 0700, owned by the user.
        self.runtime = self.own_folder("runtime", 0o700)
        self.state = self.own_folder("state", 0o700)
        self.home = self.own_folder("home", 0o700)
        # The content and an empty config (every key at its default) in a folder the user can read;
        # the build's kiosk too when the build folder is closed to it (a checkout in /root).
        self.content = os.path.join(self.temp, "content")
        shutil.copytree(self.args.content, self.content)
        self.config = os.path.join(self.temp, "kiosk.toml")
        with open(self.config, "w") as config:
            config.write("# every key at its default (tests/deploy/cage_headless_test.py)\n")
        self.kiosk = os.path.abspath(self.args.kiosk)
        if subprocess.run(self.as_user + ["test", "-x", self.kiosk]).returncode != 0:
            self.kiosk = os.path.join(self.temp, "kiosk")
            shutil.copy(self.args.kiosk, self.kiosk)
            os.chmod(self.kiosk, 0o755)
        # systemd's notify socket, as the service has it. SO_PASSCRED: each message says who sent it.
        self.notify_path = os.path.join(self.temp, "notify")
        self.notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.notify.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
        self.notify.bind(self.notify_path)
        os.chmod(self.notify_path, 0o666)

    def own_folder(self, name, mode):
        path = os.path.join(self.temp, name)
        os.mkdir(path, mode)
        os.chown(path, self.uid, self.gid)
        return path

    def start_cage(self):
        environment = {
            "PATH": "/usr/bin:/bin",
            "HOME": self.home,
            "XDG_RUNTIME_DIR": self.runtime,
            "WLR_BACKENDS": "headless",
            "WLR_LIBINPUT_NO_DEVICES": "1",
            "WLR_RENDERER": "pixman",  # no GPU: wlroots' CPU renderer
            "SDL_VIDEODRIVER": "wayland",  # as in the unit
            "NOTIFY_SOCKET": self.notify_path,
            "WATCHDOG_USEC": str(WATCHDOG_USEC),
        }
        # The unit's cage flags (-d), plus -r -r: the output turned by 180° (grim turns the picture
        # back). A fullscreen client that matches the output is otherwise shown by direct scan-out,
        # and on wlroots 0.15's headless backend a screenshot then gets cage's last composed frame
        # from before the kiosk appeared (black): the buffer ages do not count scanned-out frames.
        # A turned output is always composed, as on a real screen, where a wl_shm buffer cannot be
        # scanned out anyway.
        cage = ["cage", "-d", "-r", "-r", "--", self.kiosk, "--config", self.config, "--content", self.content,
                "--state", self.state, "--fullscreen"]
        # WATCHDOG_PID=$$ becomes cage's own pid (sh execs cage), exactly what systemd would set.
        command = self.as_user + ["env", "-i"] + [f"{k}={v}" for k, v in environment.items()] + \
            ["sh", "-c", 'WATCHDOG_PID=$$ exec "$@"', "sh"] + cage
        self.log = open(self.log_path, "w")
        self.cage = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)

    def wait_for(self, wanted, seconds):
        """Returns the pid that sent `wanted` to the notify socket (earlier messages count too)."""
        for pid, message in self.messages:
            if message == wanted:
                return pid
        until = time.monotonic() + min(seconds, self.remaining())
        while time.monotonic() < until:
            if self.cage.poll() is not None:
                raise Failure(f"cage ended (exit code {self.cage.returncode}) before the kiosk sent {wanted}")
            self.notify.settimeout(0.2)
            try:
                data, ancillary, _, _ = self.notify.recvmsg(4096, socket.CMSG_SPACE(12))
            except socket.timeout:
                continue
            pid = -1
            for level, kind, payload in ancillary:
                if level == socket.SOL_SOCKET and kind == socket.SCM_CREDENTIALS:
                    pid = struct.unpack("iII", payload[:12])[0]
            for message in data.decode(errors="replace").split("\n"):
                if message:
                    self.messages.append((pid, message))
                    if message == wanted:
                        return pid
        raise Failure(f"no {wanted} within {seconds} s; notify messages so far: {self.messages}")

    def check_sender_is_cages_child(self, pid):
        if pid == self.cage.pid:
            raise Failure("READY=1 came from cage itself, not from the kiosk")
        with open(f"/proc/{pid}/stat") as stat:
            parent = int(stat.read().rsplit(")", 1)[1].split()[1])
        if parent != self.cage.pid:
            raise Failure(f"READY=1 came from pid {pid}, whose parent is {parent}, not cage ({self.cage.pid})")

    def screenshot(self):
        sockets = [s for s in glob.glob(os.path.join(self.runtime, "wayland-*")) if not s.endswith(".lock")]
        if len(sockets) != 1:
            raise Failure(f"expected one Wayland socket in {self.runtime}, found {sockets}")
        # '-': the PNG on standard output, since the output folder need not be writable by the user.
        grim = subprocess.run(self.as_user + ["env", "-i", f"XDG_RUNTIME_DIR={self.runtime}",
                                              f"WAYLAND_DISPLAY={os.path.basename(sockets[0])}", "grim", "-"],
                              capture_output=True, timeout=min(10, self.remaining()))
        if grim.returncode != 0 or not grim.stdout.startswith(b"\x89PNG\r\n\x1a\n"):
            raise Failure(f"grim failed (exit code {grim.returncode}): {grim.stderr.decode(errors='replace')}")
        shot = os.path.join(self.out, "cage-attract.png")
        with open(shot, "wb") as file:
            file.write(grim.stdout)
        width, height = struct.unpack(">II", grim.stdout[16:24])
        if (width, height) != HEADLESS_OUTPUT:
            raise Failure(f"the screenshot is {width}x{height}, the headless output {HEADLESS_OUTPUT[0]}x{HEADLESS_OUTPUT[1]}")
        print(f"cage_headless_test: screenshot of cage's output: {shot} ({width}x{height})")
        return shot

    def stop(self, kiosk_pid):
        # How the units stop it (ExecStop=): the kiosk first. cage 0.1.4 aborts on SIGTERM, but
        # ends cleanly by itself when its client is gone.
        os.kill(kiosk_pid, signal.SIGTERM)
        try:
            code = self.cage.wait(timeout=min(10, self.remaining()))
        except subprocess.TimeoutExpired:
            raise Failure("cage did not end within 10 s after the kiosk was asked to")
        if code != 0:
            raise Failure(f"cage ended with exit code {code} after the kiosk ended, not 0")
        print("cage_headless_test: the kiosk ended on SIGTERM, and cage after it with exit code 0")

    def compare(self, shot):
        self.log.flush()
        with open(self.log_path, errors="replace") as log:
            drawn = re.search(r"renderer '([^']*)', (\d+)x(\d+) fullscreen", log.read())
        if not drawn:
            raise Failure("the kiosk's log has no 'renderer …, WxH fullscreen' line")
        size = (int(drawn.group(2)), int(drawn.group(3)))
        if size != HEADLESS_OUTPUT:
            raise Failure(f"the kiosk drew {size[0]}x{size[1]}, not the whole output")
        print(f"cage_headless_test: the kiosk drew {size[0]}x{size[1]} fullscreen with SDL's '{drawn.group(1)}' renderer")
        references = []
        for name, extra in (("attract-0", ["--attract", "--slide", "0"]), ("attract-1", ["--attract", "--slide", "1"]),
                            ("home", [])):
            path = os.path.join(self.out, f"expected-{name}.png")
            made = subprocess.run([self.args.kiosk, "--config", self.config, "--content", self.content, "screenshot"] + extra +
                                  ["--size", f"{size[0]}x{size[1]}", "--out", path],
                                  capture_output=True, text=True, timeout=min(20, self.remaining()))
            if made.returncode != 0:
                raise Failure(f"kiosk screenshot {' '.join(extra)} failed: {made.stdout}{made.stderr}")
            references.append(path)
        tolerance = ["--tolerance", str(CHANNEL_TOLERANCE), "--max-differing", str(MAX_DIFFERING_PERCENT)]
        # The loop changes its picture every 8 s: whichever of its first two is closest.
        attract = subprocess.run([self.args.compare] + tolerance + [shot] + references[:2], capture_output=True, text=True)
        print(attract.stdout, end="")
        if attract.returncode != 0:
            raise Failure("the screenshot does not show the attract loop " + attract.stderr)
        # A comparison that would accept another screen proves nothing.
        home = subprocess.run([self.args.compare] + tolerance + [shot, references[2]], capture_output=True, text=True)
        print(home.stdout, end="")
        if home.returncode != 1:
            raise Failure("the screenshot also passes for the home screen: the comparison does not tell screens apart")

    # ---- afterwards ----------------------------------------------------------------------------

    def show_log(self):
        if os.path.exists(self.log_path):
            with open(self.log_path, errors="replace") as log:
                print(f"---- {self.log_path}\n{log.read()}----", file=sys.stderr)

    def clean_up(self):
        if self.cage is not None and self.cage.poll() is None:
            # cage and the kiosk share the session started above; nothing else is in it.
            os.killpg(self.cage.pid, signal.SIGKILL)
            self.cage.wait()
        # A kiosk that outlived cage (it should not: it loses its display) is ended by its pid,
        # after checking that the pid is still that kiosk.
        for pid in {pid for pid, _ in self.messages if pid > 0}:
            try:
                if os.readlink(f"/proc/{pid}/exe") == os.path.realpath(self.kiosk):
                    os.kill(pid, signal.SIGKILL)
            except (FileNotFoundError, ProcessLookupError, PermissionError):
                pass
        if self.notify is not None:
            self.notify.close()
        if getattr(self, "log", None):
            self.log.close()
        shutil.rmtree(self.temp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
