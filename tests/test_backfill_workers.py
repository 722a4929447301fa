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


def _malloc_trim_threshold() -> str | None:
    import os

    return os.environ.get("MALLOC_TRIM_THRESHOLD_")


def test_local_workers_keep_glibcs_own_trim_threshold():
    # Dask's nanny sets MALLOC_TRIM_THRESHOLD_=65536 by default: a worker then gave memory back to the system
    # after every batch and took it again with page faults (about 14 ms of system CPU per article)
    with connect(workers=1) as client:
        values = list(client.run(_malloc_trim_threshold).values())
    assert values == [None]


def test_a_worker_importing_the_task_function_does_not_import_the_store():
    # a worker unpickles analyse_batch, which imports geowire.backfill; SQLAlchemy and Alembic (the writer's,
    # 0.6 s of CPU) are no use there
    import subprocess
    import sys

    code = ("import sys, geowire.backfill; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'alembic'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
