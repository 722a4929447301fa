"""geowire.web stage."""
