"""Alerts: watchlists say what to match (watchlist.py), targets say where to send it (targets.py, registered
factories: webhook, jsonl file, stdout); notify.py turns newly coded events into alerts, once each."""

from geowire.alerts.watchlist import Watchlist, WatchlistError

__all__ = ["Watchlist", "WatchlistError"]
