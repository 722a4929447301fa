"""geowire.events stage."""
