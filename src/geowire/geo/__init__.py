"""geowire.geo stage: an offline gazetteer, toponym recognition and resolution.

    from geowire.geo import build_index, get_gazetteer
    build_index()                          # once; later calls return at once
    get_gazetteer().lookup("Abu Kamal")    # ranked candidates, best first
"""

from geowire.geo.gazetteer import Candidate, Gazetteer, get_gazetteer
from geowire.geo.index import build_index, cache_dir, index_path

__all__ = ["Candidate", "Gazetteer", "build_index", "cache_dir", "get_gazetteer", "index_path"]
