"""CPU time that an idle Dask LocalCluster of 2 workers takes, with Dask's defaults and as ``local_cluster`` starts it.

    python bench/dask_idle.py [--seconds 20]

Starts each cluster in turn (2 single-threaded worker processes, a client in this process), lets it settle, then
sums the CPU time of this process (client, scheduler, nannies) and of the workers over ``--seconds`` of idleness.
On a machine with as many workers as cores, that time is taken from the parsing while the cluster works, and from
everything else while it waits; ``kalinovsky_nlp.distributed.LOCAL_CLUSTER_CONFIG`` says what is turned down.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def idle_cpu_share(config: dict, seconds: float) -> float:
    """CPU seconds per second (share of one core) of an idle LocalCluster of 2 workers started under ``config``."""
    import dask
    from dask.distributed import Client, LocalCluster
    from scale import _tree_cpu_seconds

    with dask.config.set(config):
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
    with cluster, Client(cluster):
        time.sleep(3)  # start-up settles
        before = _tree_cpu_seconds()
        time.sleep(seconds)
        after = _tree_cpu_seconds()
    return (after - before) / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()

    from kalinovsky_nlp.distributed import LOCAL_CLUSTER_CONFIG

    default = idle_cpu_share({}, args.seconds)
    ours = idle_cpu_share(LOCAL_CLUSTER_CONFIG, args.seconds)
    print(f"idle LocalCluster of 2 workers, share of one core busy over {args.seconds:.0f} s:")
    print(f"  Dask's defaults       {default:6.1%}")
    print(f"  local_cluster()       {ours:6.1%}  ({default / ours:.1f}x less)" if ours else "  local_cluster()  0")


if __name__ == "__main__":
    main()
