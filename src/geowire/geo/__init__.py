"""geowire.geo stage."""
