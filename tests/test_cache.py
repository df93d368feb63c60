import zlib
from pathlib import Path
from typing import Any

from ssi_coach.storage.cache import cached_document
from ssi_coach.storage.paths import cache_dir


def counting_validator(calls: list[bytes]) -> Any:
    def validate(content: bytes) -> dict[str, Any]:
        calls.append(content)
        return {"text": content.decode()}

    return validate


def test_same_content_is_validated_once(home: Path) -> None:
    calls: list[bytes] = []
    validate = counting_validator(calls)
    assert cached_document("thing", b"abc", validate) == {"text": "abc"}
    assert cached_document("thing", b"abc", validate) == {"text": "abc"}
    assert calls == [b"abc"]
    assert cached_document("thing", b"abcd", validate) == {"text": "abcd"}
    assert calls == [b"abc", b"abcd"]


def test_an_unwritable_cache_only_costs_time(home: Path) -> None:
    home.mkdir()
    (home / "cache").write_text("a file where the cache directory should be")
    calls: list[bytes] = []
    validate = counting_validator(calls)
    assert cached_document("thing", b"abc", validate) == {"text": "abc"}
    assert cached_document("thing", b"abc", validate) == {"text": "abc"}
    assert len(calls) == 2


def test_a_colliding_name_is_a_miss_not_a_wrong_answer(home: Path) -> None:
    # Two contents with the same checksum share an entry: the bytes themselves decide.
    first, second = b"plumless", b"buckeroo"
    assert zlib.crc32(first) == zlib.crc32(second)
    calls: list[bytes] = []
    validate = counting_validator(calls)
    assert cached_document("thing", first, validate) == {"text": "plumless"}
    assert cached_document("thing", second, validate) == {"text": "buckeroo"}
    assert calls == [first, second]


def test_damaged_cache_is_validated_again(home: Path) -> None:
    calls: list[bytes] = []
    validate = counting_validator(calls)
    cached_document("thing", b"abc", validate)
    (cache_dir() / f"thing-{zlib.crc32(b'abc'):08x}.json").write_text("{broken")
    assert cached_document("thing", b"abc", validate) == {"text": "abc"}
    assert len(calls) == 2


def test_a_cache_others_can_write_to_is_not_believed(home: Path) -> None:
    import os

    from ssi_coach.formats.rulebook_file import load_rulebook
    from ssi_coach.storage.paths import default_rulebook

    load_rulebook(default_rulebook())  # validates and caches
    [entry] = cache_dir().glob("rulebook-*.json")
    planted = entry.read_text(encoding="utf-8").replace('"getting started"', '"PLANTED"')
    entry.write_text(planted, encoding="utf-8")
    assert load_rulebook(default_rulebook()).bands[0].name["en"] == "PLANTED"  # ours: believed
    os.chmod(cache_dir(), 0o777)
    assert load_rulebook(default_rulebook()).bands[0].name["en"] == "getting started"
