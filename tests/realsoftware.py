"""Run real programs (Debian's nginx, distribution registry, redis) on the exact bytes of dist/.

The generated configs name Kubernetes Services (`harbor-core:80`, `harbor-redis:6379`) and pod
paths (`/etc/nginx/nginx.conf`, `/storage`, `/etc/registry/passwd`). Rather than editing a single
byte of them, each test builds a throw-away sandbox in which those names and paths are true:

- a private network namespace holding only the loopback interface: servers listen on the ports
  the configs say (80, 5000, 6379, 8080) without touching the host's, and nothing in it can reach
  any other network;
- a private mount namespace whose root is an overlay of the host's `/` with its upper layer on a
  tmpfs: the servers write their pid and temp files to `/tmp` as in the pod, mount points such as
  `/storage` can be created, and all of it vanishes with the namespace; the host's files stay as
  they were;
- bind mounts put each file where the pod mounts it (`/etc/hosts` maps the Service names to
  loopback addresses, the ConfigMap bytes go to the config path, read-only).

A small holder process (this file, run as `python realsoftware.py hold SPEC`) creates the
namespaces, prepares the root and then waits on its stdin; servers join it with `nsenter`, and the
test's own client and stub sockets are created inside its network namespace with setns(2) from
the test process, so assertions stay ordinary pytest code. Every server runs in a process group of
its own with a parent-death signal: the fixtures kill them in `finally`, and a killed test run
takes them along.

Needs root (namespaces and mounts) and util-linux (unshare, nsenter, setpriv, mount) and iproute2.
A missing piece skips the test with the reason, or fails it when the environment variable CI is
set: in CI these tests must run, never silently disappear.
"""

from __future__ import annotations

import ctypes
import hashlib
import http.client
import http.server
import json
import os
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

from fast_yaml import load_yaml

REPO = Path(__file__).resolve().parents[1]
DIST = REPO / "dist"

# What each program is called and which Debian package ships it (scripts/check installs them).
PACKAGES = {"nginx": "nginx", "docker-registry": "docker-registry", "redis-server": "redis-server",
            "postgres": "postgresql", "rclone": "rclone"}
SANDBOX_TOOLS = {"unshare": "util-linux", "nsenter": "util-linux", "setpriv": "util-linux",
                 "mount": "mount", "ip": "iproute2"}
# a server must answer within this; Debian's are up in well under a second
START_SECONDS = 20
STOP_SECONDS = 10

CLONE_NEWNET = 0x40000000
_libc = ctypes.CDLL(None, use_errno=True)


# ---- what is needed, and what happens when it is not there -------------------------------------

def unavailable(reason: str) -> NoReturn:
    """Skip with the reason; in CI (env CI set) fail instead, so that the proof cannot go missing."""
    import pytest

    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: these tests must run there; scripts/check installs the packages)",
                    pytrace=False)
    pytest.skip(reason)


def program(name: str) -> str:
    """The path of `name`; /usr/sbin is searched too, as it is not on every user's PATH."""
    found = shutil.which(name) or next(
        (str(p) for p in (Path("/usr/sbin") / name, Path("/usr/bin") / name) if os.access(p, os.X_OK)), None)
    if found is None:
        package = PACKAGES.get(name) or SANDBOX_TOOLS.get(name, name)
        unavailable(f"{name} is not installed (Debian package `{package}`)")
    return found


def require_sandbox() -> None:
    """Root, the util-linux tools, and namespaces that can actually be created here."""
    if os.geteuid() != 0:
        unavailable("running real servers in private network and mount namespaces needs root")
    for name in SANDBOX_TOOLS:
        program(name)
    probe = subprocess.run([program("unshare"), "--net", "--mount", "true"], capture_output=True, text=True,
                           timeout=30)
    if probe.returncode != 0:
        unavailable(f"cannot create private network and mount namespaces here: {probe.stderr.strip()}")


@contextmanager
def workdir(prefix: str) -> Iterator[Path]:
    """A temporary folder that is removed afterwards, whatever happens."""
    path = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


# ---- the exact bytes of dist/ --------------------------------------------------------------------

def config_map_data(synth_dir: Path, name: str) -> dict[str, str]:
    """The data of ConfigMap `name` as synthesized, after checking it is what dist/ commits.

    The session fixture synthesizes the real app; the committed file must be byte for byte the
    same (the golden test says so too), so what runs here is what Argo CD deploys.
    """

    file_name = f"ConfigMap.{name}.k8s.yaml"
    synthesized = (Path(synth_dir) / file_name).read_bytes()
    committed = DIST / Path(synth_dir).name / file_name
    if committed.is_file():
        assert committed.read_bytes() == synthesized, f"{committed} is stale: run `python main.py`"
    document = load_yaml(synthesized)
    assert document["kind"] == "ConfigMap" and document["metadata"]["name"] == name, file_name
    return document["data"]


def assert_service(manifests: Any, host: str, port: int) -> None:
    """A host name a config uses is a Service of the app with that port: what the sandbox's
    /etc/hosts stands in for exists in the cluster too."""
    service = manifests.find("Service", host)
    assert service is not None, f"the config names {host}:{port}, but the app has no Service {host!r}"
    ports = [p["port"] for p in service.obj["spec"]["ports"]]
    assert port in ports, f"the config names {host}:{port}, but Service {host} has ports {ports}"


def nginx_upstreams(conf: str) -> dict[str, tuple[str, int]]:
    """upstream name -> (host, port) of its one `server`, read from nginx.conf text."""
    found = re.findall(r"^\s*upstream\s+(\S+)\s*\{\s*server\s+([^\s;]+):(\d+);\s*\}", conf, re.MULTILINE)
    return {name: (host, int(port)) for name, host, port in found}


def nginx_listen_port(conf: str) -> int:
    """The one IPv4 port the (only) server block of an nginx.conf listens on."""
    ports = {int(p) for p in re.findall(r"^\s*listen\s+(\d+)\s*;", conf, re.MULTILINE)}
    assert len(ports) == 1, f"expected one `listen <port>;` in the config, found {sorted(ports)}"
    return ports.pop()


# ---- the sandbox -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Bind:
    """`source` (a host file or folder) appears at `target` inside the sandbox."""

    target: str
    source: Path
    read_only: bool = True


def _setns(fd: int) -> None:
    if _libc.setns(fd, CLONE_NEWNET) != 0:
        error = ctypes.get_errno()
        raise OSError(error, f"setns: {os.strerror(error)}")


@dataclass
class Server:
    """A program running inside the sandbox, in a process group of its own."""

    name: str
    process: subprocess.Popen
    log: Path

    def alive(self) -> bool:
        return self.process.poll() is None

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.is_file() else ""

    def wait_for(self, condition: Callable[[], bool], what: str, seconds: float = 30, every: float = 0.05) -> None:
        """Poll `condition` while this program runs; fail with its output when it exits first, or when
        `seconds` pass."""
        deadline = time.monotonic() + seconds
        while not condition():
            if not self.alive():
                raise AssertionError(f"{self.name} exited with {self.process.returncode} before {what}:\n"
                                     f"{self.output()}")
            if time.monotonic() > deadline:
                raise AssertionError(f"no {what} within {seconds} s:\n{self.output()}")
            time.sleep(every)

    def stop(self) -> None:
        group = self.process.pid
        for sig, wait in ((signal.SIGTERM, STOP_SECONDS), (signal.SIGKILL, STOP_SECONDS)):
            try:
                os.killpg(group, sig)
            except ProcessLookupError:
                pass
            try:
                self.process.wait(timeout=wait)
            except subprocess.TimeoutExpired:
                continue
            break
        try:   # workers the leader left behind (nginx's), should it have died first
            os.killpg(group, signal.SIGKILL)
        except ProcessLookupError:
            pass


@dataclass
class Sandbox:
    """Private network and mount namespaces with the given binds and host names; see the module doc.

    Use as a context manager. `hosts` maps names to loopback addresses, written to /etc/hosts.
    """

    folder: Path
    binds: list[Bind]
    hosts: dict[str, str] = field(default_factory=dict)
    servers: list[Server] = field(default_factory=list)

    def __enter__(self) -> Sandbox:
        hosts = self.folder / "hosts"
        hosts.write_text("127.0.0.1 localhost\n::1 localhost\n"
                         + "".join(f"{address} {name}\n" for name, address in self.hosts.items()))
        hosts.chmod(0o644)
        spec = self.folder / "sandbox.json"
        layers = self.folder / "layers"
        layers.mkdir()
        spec.write_text(json.dumps({
            "layers": str(layers),
            "share": str(self.folder),
            "binds": [[b.target, str(b.source), b.read_only] for b in [Bind("/etc/hosts", hosts), *self.binds]],
        }))
        # --pdeathsig: if the test process dies, the holder (and with it the namespaces) goes too
        self.holder = subprocess.Popen(
            [program("setpriv"), "--pdeathsig", "KILL", "--",
             program("unshare"), "--net", "--mount", "--propagation", "private", "--",
             sys.executable, __file__, "hold", str(spec)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        ready, _, _ = select.select([self.holder.stdout], [], [], START_SECONDS)
        line = self.holder.stdout.readline() if ready else b""
        if line.strip() != b"ready":
            self._stop_holder()
            raise AssertionError(f"the sandbox did not come up: {line!r} "
                                 f"{self.holder.stderr.read().decode(errors='replace')}")
        self._netns = os.open(f"/proc/{self.holder.pid}/ns/net", os.O_RDONLY)
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            for server in reversed(self.servers):
                server.stop()
        finally:
            os.close(self._netns)
            self._stop_holder()

    def _stop_holder(self) -> None:
        try:
            self.holder.stdin.close()   # the holder exits at the end of its stdin
            self.holder.wait(timeout=STOP_SECONDS)
        except (subprocess.TimeoutExpired, BrokenPipeError):
            os.killpg(self.holder.pid, signal.SIGKILL)
            self.holder.wait(timeout=STOP_SECONDS)
        finally:
            self.holder.stdout.close()
            self.holder.stderr.close()

    @contextmanager
    def network(self) -> Iterator[None]:
        """Sockets this thread creates meanwhile belong to the sandbox's network (its loopback)."""
        home = os.open("/proc/thread-self/ns/net", os.O_RDONLY)
        try:
            _setns(self._netns)
            yield
        finally:
            _setns(home)
            os.close(home)

    def inside(self, path: str) -> Path:
        """A path of the sandbox's file system, seen from the host (through the holder's root)."""
        return Path(f"/proc/{self.holder.pid}/root") / path.lstrip("/")

    def spawn(self, name: str, argv: list[str], *, user: int | None = None, group: int | None = None,
              groups: tuple[int, ...] = (), env: dict[str, str] | None = None) -> Server:
        """Start `argv` inside the sandbox (as `user`:`group` when given, like the pod's runAsUser)."""
        log = self.folder / f"{name}.log"
        with open(log, "wb") as output:
            if user is not None:
                # nginx reopens /dev/stdout for its access log: the file must be the user's
                os.chown(log, user, group if group is not None else user)
            credentials = [] if user is None else [
                f"--reuid={user}", f"--regid={group if group is not None else user}",
                f"--groups={','.join(map(str, groups))}" if groups else "--clear-groups"]
            process = subprocess.Popen(
                [program("nsenter"), f"--target={self.holder.pid}", "--net", "--mount", "--root", "--wd", "--",
                 program("setpriv"), "--pdeathsig", "KILL", *credentials, "--", *argv],
                stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT,
                env={"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", **(env or {})}, start_new_session=True)
        server = Server(name, process, log)
        self.servers.append(server)
        return server

    def run(self, argv: list[str], *, user: int | None = None, timeout: float = 30,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        """Run a command to completion inside the sandbox; stdout and stderr come back together.

        `env` is added to a PATH of the system's folders (a pod's environment, say).

        The output goes through a file the user owns, not a pipe: nginx reopens /dev/stdout, which
        an unprivileged user may not do on a pipe that root created.
        """
        credentials = [] if user is None else [f"--reuid={user}", f"--regid={user}", "--clear-groups"]
        output = Path(tempfile.mkstemp(prefix="run-", suffix=".log", dir=self.folder)[1])
        if user is not None:
            os.chown(output, user, user)
        with open(output, "wb") as sink:
            process = subprocess.run(
                [program("nsenter"), f"--target={self.holder.pid}", "--net", "--mount", "--root", "--wd", "--",
                 program("setpriv"), "--pdeathsig", "KILL", *credentials, "--", *argv],
                stdin=subprocess.DEVNULL, stdout=sink, stderr=subprocess.STDOUT, timeout=timeout,
                env={"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", **(env or {})})
        text = output.read_text(errors="replace")
        return subprocess.CompletedProcess(process.args, process.returncode, text, text)

    def wait_for_port(self, server: Server, port: int, address: str = "127.0.0.1") -> None:
        deadline = time.monotonic() + START_SECONDS
        while True:
            if not server.alive():
                raise AssertionError(f"{server.name} exited with {server.process.returncode}:\n{server.output()}")
            try:
                with self.network():
                    socket.create_connection((address, port), timeout=1).close()
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise AssertionError(f"{server.name} did not listen on {address}:{port} within "
                                         f"{START_SECONDS} s:\n{server.output()}") from None
                time.sleep(0.05)

    def report(self) -> None:
        """Print every server's output: pytest shows it when a test of the fixture failed."""
        for server in self.servers:
            print(f"---- {server.name} (exit {server.process.returncode}) ----\n{server.output()[-20000:]}")


def _hold(spec_path: str) -> None:
    """The holder: runs inside the fresh namespaces, builds the root, then waits for its stdin to end."""
    spec = json.loads(Path(spec_path).read_text())

    def run(*argv: str) -> None:
        subprocess.run(argv, check=True, timeout=30, capture_output=True)

    run("ip", "link", "set", "lo", "up")
    layers = Path(spec["layers"])
    run("mount", "-t", "tmpfs", "-o", "mode=0700", "sandbox", str(layers))
    upper, work, root = layers / "upper", layers / "work", layers / "root"
    for folder in (upper, work, root):
        folder.mkdir()
    # the host's / as the lower layer, read through; every write lands on the tmpfs
    run("mount", "-t", "overlay", "sandbox-root", "-o", f"lowerdir=/,upperdir={upper},workdir={work}", str(root))
    for system in ("dev", "proc", "sys"):   # other file systems: not part of the overlay
        run("mount", "--rbind", f"/{system}", str(root / system))
    share = root / spec["share"].lstrip("/")
    share.mkdir(parents=True, exist_ok=True)
    run("mount", "--bind", spec["share"], str(share))   # the test's folder, at the same path inside
    for target, source, read_only in spec["binds"]:
        destination = root / target.lstrip("/")
        if Path(source).is_dir():
            destination.mkdir(parents=True, exist_ok=True)
        else:
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.touch(exist_ok=True)
        run("mount", "--bind", *(["-o", "ro"] if read_only else []), source, str(destination))
    os.chroot(root)
    os.chdir("/")
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    sys.stdin.read()


# ---- HTTP: stub backends and a streaming client ---------------------------------------------------

@dataclass
class Seen:
    """One request as a stub backend received it."""

    method: str
    path: str
    headers: dict[str, str]
    body_size: int = 0
    body_sha256: str = hashlib.sha256().hexdigest()


class _Recorder(http.server.BaseHTTPRequestHandler):
    """Reads the body as it arrives (in chunks, never whole), records the request, answers JSON."""

    protocol_version = "HTTP/1.1"
    CHUNK = 1 << 20

    def _pieces(self, size: int, read: Callable[[int], bytes]) -> Generator[bytes, None, bool]:
        """`size` bytes in pieces of at most CHUNK; False when the client stops sending before the end."""
        remaining = size
        while remaining:
            data = read(min(remaining, self.CHUNK))
            if not data:
                return False
            remaining -= len(data)
            yield data
        return True

    def _body(self) -> Iterator[bytes]:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            while True:
                size = int(self.rfile.readline().split(b";")[0], 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return
                if not (yield from self._pieces(size, self.rfile.read)):
                    return
                self.rfile.readline()
        else:
            yield from self._pieces(int(self.headers.get("Content-Length") or 0), self.rfile.read1)

    def _answer(self) -> None:
        stub: StubServer = self.server.stub  # type: ignore[attr-defined]
        seen = Seen(self.command, self.path, {k.lower(): v for k, v in self.headers.items()})
        digest = hashlib.sha256()
        for data in self._body():
            digest.update(data)
            seen.body_size += len(data)
            if seen.body_size >= stub.stream_mark:
                stub.body_arriving.set()
        seen.body_sha256 = digest.hexdigest()
        stub.seen.append(seen)
        payload = json.dumps({"backend": stub.name, "path": self.path, "body_size": seen.body_size,
                              "body_sha256": seen.body_sha256}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_HEAD = do_POST = do_PUT = do_PATCH = do_DELETE = _answer

    def log_message(self, *args: Any) -> None:
        pass


class StubServer:
    """A stub backend listening at `address`:`port` inside the sandbox's network."""

    def __init__(self, sandbox: Sandbox, name: str, address: str, port: int, *, stream_mark: int = 4 << 20) -> None:
        self.name = name
        self.seen: list[Seen] = []
        self.stream_mark = stream_mark          # body bytes after which `body_arriving` is set
        self.body_arriving = threading.Event()
        with sandbox.network():
            self.httpd = http.server.ThreadingHTTPServer((address, port), _Recorder)
        self.httpd.daemon_threads = True
        self.httpd.stub = self  # type: ignore[attr-defined]
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=STOP_SECONDS)


def streamed_upload(sandbox: Sandbox, port: int, path: str, *, size: int, host: str, pause_at: int,
                    at_pause: Any, chunk: int = 1 << 20, method: str = "PATCH",
                    timeout: float = 60) -> tuple[int, dict[str, str], bytes, str]:
    """Send `size` bytes to `path` in `chunk`s, never holding more than one chunk in memory.

    After `pause_at` bytes it calls `at_pause()` (e.g. to check that the backend already receives
    the body) before sending the rest. Returns status, headers, body and the sha256 of what was sent.
    """
    base = os.urandom(chunk)
    digest = hashlib.sha256()
    with sandbox.network():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        try:
            connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            connection.putheader("Host", host)
            connection.putheader("Content-Type", "application/octet-stream")
            connection.putheader("Content-Length", str(size))
            connection.endheaders()
            sent = 0
            while sent < size:
                data = (sent // chunk).to_bytes(8, "big") + base[8:min(chunk, size - sent)]
                connection.send(data)
                digest.update(data)
                sent += len(data)
                if sent == pause_at:
                    at_pause()
            response = connection.getresponse()
            return (response.status, {k.lower(): v for k, v in response.getheaders()}, response.read(),
                    digest.hexdigest())
        finally:
            connection.close()


# ---- Redis, spoken directly (RESP) ----------------------------------------------------------------

def _resp_read(stream: Any) -> Any:
    line = stream.readline()
    if not line:
        raise ConnectionError("redis closed the connection")
    kind, rest = line[:1], line[1:].rstrip(b"\r\n")
    if kind == b"+":
        return rest.decode()
    if kind == b"-":
        raise RuntimeError(f"redis: {rest.decode()}")
    if kind == b":":
        return int(rest)
    if kind == b"$":
        length = int(rest)
        return None if length < 0 else stream.read(length + 2)[:-2].decode(errors="replace")
    if kind == b"*":
        length = int(rest)
        return None if length < 0 else [_resp_read(stream) for _ in range(length)]
    raise ValueError(f"unexpected RESP reply {line!r}")


def redis_commands(sandbox: Sandbox, port: int, *commands: tuple[str, ...]) -> list[Any]:
    """Send each command on one connection (so SELECT holds for the rest); the replies in order."""
    with sandbox.network():
        connection = socket.create_connection(("127.0.0.1", port), timeout=10)
    with connection, connection.makefile("rb") as stream:
        replies = []
        for command in commands:
            words = [str(word).encode() for word in command]
            connection.sendall(b"*%d\r\n" % len(words) + b"".join(b"$%d\r\n%s\r\n" % (len(w), w) for w in words))
            replies.append(_resp_read(stream))
        return replies


if __name__ == "__main__" and sys.argv[1:2] == ["hold"]:
    _hold(sys.argv[2])
