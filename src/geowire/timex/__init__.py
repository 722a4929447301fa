"""geowire.timex stage."""
