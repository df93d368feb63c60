from pathlib import Path
from typing import Any

from ssi_coach.cache import cached_document, content_key
from ssi_coach.paths import cache_dir


def counting_validator(calls: list[bytes]) -> Any:
    def validate(content: bytes) -> dict[str, Any]:
        calls.append(content)
        return {"size": len(content)}

    return validate


def test_same_content_is_validated_once(home: Path) -> None:
    calls: list[bytes] = []
    validate = counting_validator(calls)
    assert cached_document("thing", b"abc", validate) == {"size": 3}
    assert cached_document("thing", b"abc", validate) == {"size": 3}
    assert calls == [b"abc"]
    assert cached_document("thing", b"abcd", validate) == {"size": 4}
    assert calls == [b"abc", b"abcd"]


def test_an_unwritable_cache_only_costs_time(home: Path) -> None:
    home.mkdir()
    (home / "cache").write_text("a file where the cache directory should be")
    calls: list[bytes] = []
    validate = counting_validator(calls)
    assert cached_document("thing", b"abc", validate) == {"size": 3}
    assert cached_document("thing", b"abc", validate) == {"size": 3}
    assert len(calls) == 2


def test_the_key_depends_on_every_byte() -> None:
    assert content_key(b"focus_share = 0.4") != content_key(b"focus_share = 0.5")
    assert len(content_key(b"")) == 32


def test_damaged_cache_is_validated_again(home: Path) -> None:
    calls: list[bytes] = []
    validate = counting_validator(calls)
    cached_document("thing", b"abc", validate)
    (cache_dir() / f"thing-{content_key(b'abc')}.json").write_text("{broken")
    assert cached_document("thing", b"abc", validate) == {"size": 3}
    assert len(calls) == 2
