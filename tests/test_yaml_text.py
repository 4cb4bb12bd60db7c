"""The library's YAML through libyaml gives the same text and data as PyYAML's pure-Python safe dumper and loader."""

from __future__ import annotations

import pytest
import yaml

from constructs.harbor.kit.yaml_text import dump_yaml, load_yaml

TRICKY = {
    "plain": "harbor",
    "looks like a bool": "yes", "looks like a number": "0123", "octal-ish": "0o17", "null-ish": "~",
    "colon": "a: b", "hash": "a #b", "leading space": " x", "trailing space": "x ", "quote": "it's \"q\"",
    "multi-line": "first line\nsecond line\n", "no final newline": "a\nb",
    "unicode": "Zürich ✓", "tab": "a\tb", "empty": "",
    "long": "word " * 40, "long unbroken": "x" * 200,
    "url": "https://harbor.example.com:8443/v2/_catalog?n=100",
    "numbers": [0, 1, -1, 3.5, 1e-7, 10**20], "bools": [True, False], "none": None,
    "nested": {"list of maps": [{"name": "a", "value": 1}, {}], "empty list": [], "empty map": {}},
    "order": {"z": 1, "a": 2, "m": 3},
}


def test_dump_yaml_writes_what_safe_dump_writes() -> None:
    assert dump_yaml(TRICKY) == yaml.safe_dump(TRICKY, sort_keys=False, default_flow_style=False)
    assert dump_yaml([TRICKY, "x"]) == yaml.safe_dump([TRICKY, "x"], sort_keys=False)


def test_load_yaml_reads_what_safe_load_reads() -> None:
    text = yaml.safe_dump(TRICKY) + "anchored: &a {k: v}\nalias: *a\nflow: [1, two, {3: four}]\n"
    assert load_yaml(text) == yaml.safe_load(text)
    assert load_yaml(dump_yaml(TRICKY)) == TRICKY


def test_load_yaml_is_safe() -> None:
    with pytest.raises(yaml.YAMLError, match="python/object"):
        load_yaml("!!python/object/apply:os.system ['true']")
