"""geowire.ingest stage."""
