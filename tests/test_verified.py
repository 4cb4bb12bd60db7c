"""The record of a verified slow check is keyed by every byte it read: any change runs it again."""

from __future__ import annotations

from pathlib import Path

import pytest
import verified


def test_the_key_follows_every_byte_name_and_text(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "sub" / "a.py").write_text("x = 1\n")
    first = verified.digest("entry", tree)
    assert verified.digest("entry", tree) == first
    (tree / "sub" / "a.py").write_text("x = 2\n")
    assert verified.digest("entry", tree) != first
    (tree / "sub" / "a.py").write_text("x = 1\n")
    assert verified.digest("entry", tree) == first
    (tree / "sub" / "a.py").rename(tree / "sub" / "b.py")
    assert verified.digest("entry", tree) != first
    assert verified.digest("other", tree) != verified.digest("entry", tree)


def test_a_record_counts_only_for_its_key(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(verified, "VERIFIED", tmp_path)
    monkeypatch.delenv("HARBOR_TESTS_RECHECK", raising=False)
    assert not verified.already_verified("check", "k1")
    verified.record_verified("check", "k1")
    assert verified.already_verified("check", "k1") and not verified.already_verified("check", "k2")
    monkeypatch.setenv("HARBOR_TESTS_RECHECK", "1")
    assert not verified.already_verified("check", "k1")
