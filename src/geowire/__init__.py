"""geowire: news in, geolocated and sourced events out."""

__version__ = "0.1.0"
