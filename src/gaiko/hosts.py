"""Which classified host a URL falls under: the host itself or the nearest parent domain."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

T = TypeVar("T")


def host_of(url: str) -> str:
    """The host of a URL, lower-case, without "www." (https://www.mofa.go.jp/x -> mofa.go.jp)."""
    host = url.split("://", 1)[-1].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0].lower().rstrip(".")
    host = host.rsplit("@", 1)[-1].split(":", 1)[0]
    return host.removeprefix("www.")


def classify(url: str, hosts: Mapping[str, T]) -> T | None:
    """The most specific entry of `hosts` that `url` falls under (a host covers its subdomains)."""
    parts = host_of(url).split(".")
    for i in range(len(parts) - 1):
        found = hosts.get(".".join(parts[i:]))
        if found is not None:
            return found
    return None
