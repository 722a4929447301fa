"""geowire.clean stage."""
