"""geowire.export stage."""
