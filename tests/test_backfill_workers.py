"""The workers of a local backfill cluster run the analysis with a quiet event loop beside it."""

from __future__ import annotations

from geowire.backfill import LOCAL_WORKER_CONFIG, connect


def _worker_settings() -> dict:
    import dask

    return {key: dask.config.get(key) for key in LOCAL_WORKER_CONFIG}


def _is_profiling(dask_worker) -> bool:
    return dask_worker.periodic_callbacks.get("profile") is not None


def test_local_workers_run_one_thread_without_the_profiler_and_with_a_slow_tick():
    with connect(workers=1) as client:
        settings = list(client.run(_worker_settings).values())
        profiling = list(client.run(_is_profiling).values())
        threads = [info["nthreads"] for info in client.scheduler_info()["workers"].values()]
    assert settings == [LOCAL_WORKER_CONFIG]
    assert settings[0]["distributed.worker.profile.enabled"] is False
    assert profiling == [False]
    assert threads == [1]
