"""The SSRF guard: which addresses a URL from a stranger may reach.

Only http and https. A host name is resolved once; every address it resolves to must be public (not loopback,
private, link-local, shared/CGNAT, multicast, reserved, unspecified, a cloud metadata address, nor an IPv6 form
that embeds one of those: IPv4-mapped, NAT64, 6to4, Teredo). The caller then connects to the address that was
checked (see ``http.py``), so a second DNS answer cannot rebind the name to an internal address. Allowing private
addresses (local set-ups, tests) opens loopback and the local network, but never a metadata address.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# metadata services that a few clouds serve on addresses not covered by the general rules
METADATA_ADDRESSES = frozenset(ipaddress.ip_address(a) for a in (
    "169.254.169.254", "169.254.170.2", "100.100.100.200", "192.0.0.192", "fd00:ec2::254",
))
NAT64_PREFIXES = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))


class RefusedURL(ValueError):
    """A URL that is not fetched: wrong scheme, no host, unresolvable, or reaching a non-public address."""


@dataclass(frozen=True)
class Target:
    """A URL's parts and the one address, already checked, that the connection must use."""

    scheme: str
    host: str
    port: int
    addresses: tuple[str, ...]      # every address the name resolved to, all checked; tried in order


def refusal(address: IPAddress) -> str | None:
    """Why this address must not be reached from a stranger's URL, or None when it is public."""
    if address in METADATA_ADDRESSES:
        return "a cloud metadata address"
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            reason = refusal(embedded)
            return f"an IPv6 form of {embedded} ({reason})" if reason else None
        if any(address in prefix for prefix in NAT64_PREFIXES):
            return "a NAT64 address"
    for flag, reason in (("is_loopback", "loopback"), ("is_unspecified", "unspecified"),
                         ("is_link_local", "link-local"), ("is_multicast", "multicast"),
                         ("is_private", "private"), ("is_reserved", "reserved")):
        if getattr(address, flag):
            return reason
    if not address.is_global:
        return "not globally routable"
    return None


def check_address(address: str | IPAddress) -> None:
    parsed = ipaddress.ip_address(str(address).split("%")[0]) if isinstance(address, str) else address
    reason = refusal(parsed)
    if reason:
        raise RefusedURL(f"non-public address {parsed} ({reason})")


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if address in NAT64_PREFIXES[0]:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def resolve_public(url: str, allow_private: bool = False) -> Target:
    """Resolve a URL's host once and pick the address to connect to; refuse it unless every address is public."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        raise RefusedURL(f"only http(s) URLs with a host are fetched: {url!r}")
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        raise RefusedURL(f"bad port in {url!r}") from None
    host = parts.hostname
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise RefusedURL(f"cannot resolve {host!r}: {exc}") from None
    addresses = list(dict.fromkeys(info[4][0].split("%")[0] for info in infos))
    if not addresses:
        raise RefusedURL(f"{host!r} resolves to no address")
    for address in addresses:
        try:
            check_address(address)
        except RefusedURL as exc:
            # allow_private opens loopback and the local network, never a cloud metadata service
            if not allow_private or "metadata" in str(exc):
                raise RefusedURL(f"{host!r} resolves to a {exc}") from None
    return Target(scheme, host, port, tuple(addresses))
