"""Network access for sources and alerts: every fetch goes through the SSRF guard (guard.py) and the polite
HTTP client (http.py: robots.txt, per-host rate limit, conditional GET, deadlines, retries, size caps)."""

from geowire.net.guard import RefusedURL, check_address, resolve_public
from geowire.net.http import Fetcher, FetchError, FetchPolicy, Response

__all__ = ["FetchError", "FetchPolicy", "Fetcher", "RefusedURL", "Response", "check_address", "resolve_public"]
