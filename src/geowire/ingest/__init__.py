"""Ingest: files, folders, JSONL streams to documents (or rejections with a reason)."""

from geowire.ingest.sources import Rejected, read_jsonl_stream, read_paths

__all__ = ["Rejected", "read_jsonl_stream", "read_paths"]
