"""scripts/fetch-upstream and upstream-files.toml: the pinned upstream files, downloaded and checked by sha256.

The downloads go to a local HTTP server on 127.0.0.1 (the script's --mirror option), so no test
reaches the network. It serves ../shared, or in a clone without it the cache that a first run of
the script filled (the same layout, the same checked bytes); with neither, those tests skip.
"""

from __future__ import annotations

import functools
import hashlib
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import upstream
from conftest import REPO
from fast_yaml import load_yaml

SCRIPT = REPO / upstream.SCRIPT
PinError = upstream.fetch_upstream.PinError


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def git(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, timeout=60)


# ---- the pin file ------------------------------------------------------------------------------------

def test_every_url_of_cdk8s_yaml_is_pinned() -> None:
    """cdk8s.yaml and the tests name the same bytes: each import URL is a pinned CRD of the same file name."""
    imports = load_yaml((REPO / "cdk8s.yaml").read_text())["imports"]
    by_url = {pin.url: pin for pin in upstream.PINS}
    for entry in imports:
        url = entry.split(":=", 1)[-1]   # `name:=url`: a module prefix for a second CRD of one group
        assert url in by_url, f"cdk8s.yaml imports {url}, which {upstream.PIN_FILE.name} does not pin"
        pin = by_url[url]
        # scripts/regenerate-imports looks for the URL's file name in the CRD folder
        assert (pin.kind, pin.name) == ("crd", url.rsplit("/", 1)[1]), f"{url}: pinned as {pin}"


def test_harbors_api_definition_is_pinned_at_v2_15_1() -> None:
    pin = upstream.BY_NAME[upstream.SWAGGER_NAME]
    assert pin.kind == "reference"
    assert pin.url == "https://raw.githubusercontent.com/goharbor/harbor/v2.15.1/api/v2.0/swagger.yaml"


def test_pins_cover_every_shared_file_with_its_digest() -> None:
    """../shared holds the upstream bytes: every CRD file there and the API definition are pinned with their sha256."""
    if not upstream.SHARED.is_dir():
        pytest.skip(f"{upstream.SHARED} is absent: nothing to compare the pins with (in a clone, "
                    f"{upstream.SCRIPT} checks every download against them)")
    crds = upstream.SHARED / "crds"
    shared = {f"crds/{p.name}" for p in crds.glob("*.yaml")} | {f"reference/{upstream.SWAGGER_NAME}"}
    pinned = {pin.relative for pin in upstream.PINS}
    assert shared == pinned, f"in ../shared only: {sorted(shared - pinned)}; pinned only: {sorted(pinned - shared)}"
    for pin in upstream.PINS:
        assert sha256(upstream.SHARED / pin.relative) == pin.sha256, f"{pin.relative}: ../shared's bytes differ"


def test_pins_use_the_urls_of_sources_md() -> None:
    """../shared/crds/SOURCES.md gives each CRD's repository, tag and path: the pinned URL is their raw URL."""
    sources = upstream.SHARED / "crds" / "SOURCES.md"
    if not sources.is_file():
        pytest.skip(f"{sources} is absent: the pinned URLs are compared with it where ../shared exists")
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")]
            for line in sources.read_text().splitlines() if line.startswith("| ") and ".yaml" in line]
    assert rows, f"no table rows in {sources}"
    for name, repository, tag, path, *_ in rows:
        path = path.split(" ")[0]  # a remark may follow the path
        expected = f"https://raw.githubusercontent.com/{repository}/{tag}/{path}"
        assert upstream.BY_NAME[name].url == expected, f"{name}: SOURCES.md says {expected}"


@pytest.mark.parametrize("entry, message", [
    ('name = "a.yaml"\nkind = "crd"\nurl = "https://example.com/a.yaml"', "exactly the keys"),
    ('name = "../a.yaml"\nkind = "crd"\nurl = "https://example.com/a.yaml"\nsha256 = "' + "0" * 64 + '"', "name"),
    ('name = "a.yaml"\nkind = "chart"\nurl = "https://example.com/a.yaml"\nsha256 = "' + "0" * 64 + '"', "kind"),
    ('name = "a.yaml"\nkind = "crd"\nurl = "http://example.com/a.yaml"\nsha256 = "' + "0" * 64 + '"', "url"),
    ('name = "a.yaml"\nkind = "crd"\nurl = "https://example.com/a.yaml"\nsha256 = "ABC"', "sha256"),
])
def test_bad_pins_are_rejected_naming_the_field(tmp_path: Path, entry: str, message: str) -> None:
    pins = tmp_path / "pins.toml"
    pins.write_text(f"[[file]]\n{entry}\n")
    with pytest.raises(PinError, match=message):
        upstream.fetch_upstream.load_pins(pins)


def test_a_name_pinned_twice_is_rejected(tmp_path: Path) -> None:
    entry = '[[file]]\nname = "a.yaml"\nkind = "crd"\nurl = "https://example.com/a.yaml"\nsha256 = "' + "0" * 64 + '"\n'
    pins = tmp_path / "pins.toml"
    pins.write_text(entry + entry)
    with pytest.raises(PinError, match="pinned twice"):
        upstream.fetch_upstream.load_pins(pins)


def test_the_project_commits_no_upstream_file() -> None:
    """No tracked file has a pinned name or a pinned digest, and the cache is ignored by git."""
    listed = git("ls-files", "-z")
    if listed.returncode != 0:
        pytest.skip(f"not a git checkout: {listed.stderr.strip()}")
    names = {pin.name for pin in upstream.PINS}
    digests = {pin.sha256: pin.name for pin in upstream.PINS}
    for tracked in filter(None, listed.stdout.split("\0")):
        path = REPO / tracked
        assert path.name not in names, f"{tracked}: an upstream file is committed"
        if path.is_file() and not path.is_symlink():
            assert sha256(path) not in digests, f"{tracked} is a copy of {digests[sha256(path)]}"
    for pin in upstream.PINS:
        cached = (upstream.CACHE / pin.relative).relative_to(REPO)
        assert git("check-ignore", "-q", str(cached)).returncode == 0, f"{cached} is not ignored by git"


def test_cached_files_have_their_pinned_digests() -> None:
    """Whatever the cache holds is what the script checked: a file edited since then fails here."""
    for pin in upstream.PINS:
        cached = upstream.CACHE / pin.relative
        if cached.is_file():
            assert sha256(cached) == pin.sha256, f"{cached} was changed: delete it and run {upstream.SCRIPT}"


def test_skip_messages_name_the_script() -> None:
    assert upstream.SCRIPT in upstream.missing("the pinned CRDs")
    assert os.access(SCRIPT, os.X_OK), f"{SCRIPT} is not executable"


# ---- the script against a local mirror -----------------------------------------------------------------

class Mirror:
    """An HTTP server on 127.0.0.1 serving a folder laid out like ../shared; it records the paths asked for."""

    def __init__(self, folder: Path) -> None:
        self.requests: list[str] = []
        mirror = self

        class Handler(SimpleHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                mirror.requests.append(self.path)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)


@pytest.fixture
def originals() -> Path:
    """Every pinned file in ../shared's layout, for the mirror to serve: ../shared, else the cache."""
    for root in (upstream.SHARED, upstream.CACHE):
        if all((root / pin.relative).is_file() for pin in upstream.PINS):
            return root
    pytest.skip(upstream.missing("the pinned files that these tests serve as the download mirror"))


def copy_pinned(originals: Path, folder: Path) -> Path:
    """The pinned files, copied writable (copytree would keep ../shared's read-only modes)."""
    for pin in upstream.PINS:
        (folder / pin.relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / pin.relative).write_bytes((originals / pin.relative).read_bytes())
    return folder


@pytest.fixture
def serve() -> Iterator:
    mirrors: list[Mirror] = []

    def start(folder: Path) -> Mirror:
        mirrors.append(Mirror(folder))
        return mirrors[-1]

    yield start
    for mirror in mirrors:
        mirror.close()


def fetch(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), "--timeout", "5", *args], capture_output=True, text=True,
                          timeout=120)


def cached_files(cache: Path) -> set[str]:
    return {str(p.relative_to(cache)) for p in cache.rglob("*") if p.is_file()} if cache.exists() else set()


def test_download_fills_the_cache_with_the_pinned_bytes(originals: Path, serve, tmp_path: Path) -> None:
    mirror, cache = serve(originals), tmp_path / "cache"
    result = fetch("--mirror", mirror.url, "--cache", str(cache))
    assert result.returncode == 0, result.stderr + result.stdout
    assert cached_files(cache) == {pin.relative for pin in upstream.PINS}, "a file missing, or a temporary file left"
    for pin in upstream.PINS:
        assert sha256(cache / pin.relative) == pin.sha256, pin.relative
    assert sorted(mirror.requests) == sorted(f"/{pin.relative}" for pin in upstream.PINS)


def test_a_second_run_downloads_nothing(originals: Path, serve, tmp_path: Path) -> None:
    mirror, cache = serve(originals), tmp_path / "cache"
    assert fetch("--mirror", mirror.url, "--cache", str(cache)).returncode == 0
    mirror.requests.clear()
    again = fetch("--mirror", mirror.url, "--cache", str(cache))
    assert again.returncode == 0, again.stderr
    assert mirror.requests == [], f"the second run asked for {mirror.requests}"
    assert "(0 downloaded)" in again.stdout


def test_a_changed_cached_file_is_downloaded_again(originals: Path, serve, tmp_path: Path) -> None:
    mirror, cache = serve(originals), tmp_path / "cache"
    assert fetch("--mirror", mirror.url, "--cache", str(cache)).returncode == 0
    pin = upstream.BY_NAME[upstream.SWAGGER_NAME]
    (cache / pin.relative).write_text("edited by hand\n")
    mirror.requests.clear()
    result = fetch("--mirror", mirror.url, "--cache", str(cache))
    assert result.returncode == 0, result.stderr
    assert mirror.requests == [f"/{pin.relative}"]
    assert sha256(cache / pin.relative) == pin.sha256


def test_a_sha256_mismatch_fails_naming_file_url_and_digests(originals: Path, serve, tmp_path: Path) -> None:
    """A mirror serving other bytes: the run fails, says what and where, and the file never lands."""
    tampered = copy_pinned(originals, tmp_path / "mirror")
    pin = upstream.BY_NAME["longhorn.yaml"]
    served = tampered / pin.relative
    served.write_bytes(served.read_bytes() + b"# one more line\n")
    mirror, cache = serve(tampered), tmp_path / "cache"

    result = fetch("--mirror", mirror.url, "--cache", str(cache))

    assert result.returncode == 1, result.stderr + result.stdout
    assert f"sha256 mismatch for {pin.name}" in result.stderr
    assert f"{mirror.url}{pin.relative}" in result.stderr
    assert pin.sha256 in result.stderr, "the expected digest is not named"
    assert sha256(served) in result.stderr, "the actual digest is not named"
    assert not (cache / pin.relative).exists(), "a file with the wrong digest landed in the cache"
    assert cached_files(cache) == {p.relative for p in upstream.PINS if p is not pin}, "temporary file left"


def test_an_http_error_fails_and_is_not_taken_for_a_missing_network(originals: Path, serve, tmp_path: Path) -> None:
    partial = copy_pinned(originals, tmp_path / "mirror")
    pin = upstream.BY_NAME[upstream.SWAGGER_NAME]
    (partial / pin.relative).unlink()
    mirror, cache = serve(partial), tmp_path / "cache"
    result = fetch("--mirror", mirror.url, "--cache", str(cache))
    assert result.returncode == 1, result.stderr
    assert f"{pin.relative}: {mirror.url}{pin.relative}: HTTP 404" in result.stderr


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_an_unreachable_mirror_says_so_and_exits_3(tmp_path: Path) -> None:
    """No network is no error: exit 3 (scripts/check goes on), naming the host and what stays missing."""
    url, cache = f"http://127.0.0.1:{closed_port()}/", tmp_path / "cache"
    result = fetch("--mirror", url, "--cache", str(cache))
    assert result.returncode == 3, result.stderr + result.stdout
    assert f"network unreachable: {url.rstrip('/')}" in result.stderr
    assert "not downloaded: " in result.stderr and upstream.SWAGGER_NAME in result.stderr
    assert cached_files(cache) == set()


def test_check_network_probes_without_downloading(originals: Path, serve, tmp_path: Path) -> None:
    mirror = serve(originals)
    reachable = fetch("--check-network", "--mirror", mirror.url, "--cache", str(tmp_path / "cache"))
    assert reachable.returncode == 0, reachable.stderr
    assert all(request.startswith("/crds/") or request.startswith("/reference/") for request in mirror.requests)
    assert not (tmp_path / "cache").exists()
    unreachable = fetch("--check-network", "--mirror", f"http://127.0.0.1:{closed_port()}/")
    assert unreachable.returncode == 3
    assert "network unreachable" in unreachable.stderr


def test_tests_read_the_cache_where_shared_is_absent(originals: Path, serve, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """What a clone without ../shared sees once the script has run: every pinned file, from the cache."""
    mirror, cache = serve(originals), tmp_path / "cache"
    assert fetch("--mirror", mirror.url, "--cache", str(cache)).returncode == 0
    monkeypatch.setattr(upstream, "SHARED", tmp_path / "no-shared")
    monkeypatch.setattr(upstream, "CACHE", cache)
    assert upstream.crd_dir() == cache / "crds"
    assert upstream.path(upstream.SWAGGER_NAME) == cache / "reference" / upstream.SWAGGER_NAME
    assert upstream.shared_only("reference/upstream-chart-1.19.1-homelab.normalized.yaml") is None
    monkeypatch.setattr(upstream, "CACHE", tmp_path / "empty-cache")
    assert upstream.crd_dir() is None and upstream.path(upstream.SWAGGER_NAME) is None
