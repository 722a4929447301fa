"""geowire.store stage."""
