"""geowire.api stage."""
