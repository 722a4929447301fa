"""geowire.actors stage."""
