"""The analysis on a Dask cluster: here a local one of two worker processes; pass a scheduler address for yours.

    pip install "kalinovsky-nlp[dask]"
    python examples/dask_cluster.py                       # a LocalCluster of 2 workers
    python examples/dask_cluster.py tcp://scheduler:8786  # a running cluster (the workers need kalinovsky-nlp)

Each partition of documents is parsed and profiled on a worker, which also analyses the comparison steps that end
in it; the client gathers the profiles and builds the report, identical to a local run.
"""

from __future__ import annotations

import datetime
import sys

from dask.distributed import Client

import kalinovsky_nlp as kn
from kalinovsky_nlp.distributed import local_cluster

TEXTS = [
    "The council wants a tram. I think the project is obviously too expensive.",
    "Perhaps the tram is not such a bad idea. The costs may be lower than I feared.",
    "The tram opened last week. It is clearly a success, and I was wrong to doubt it.",
    "Riders certainly agree: the line is full every morning, and I think it should be extended.",
]


def main(client: Client) -> None:
    dates = [datetime.date(2019 + year, 3, 1) for year in range(len(TEXTS))]
    report = kn.analyze(TEXTS, dates=dates, backend="dask", client=client)
    data = report.to_dict()
    print(f"{len(data['documents'])} documents on {len(client.scheduler_info()['workers'])} workers")
    for document in data["documents"]:
        rates = document["marker_measures"]["by_category"]
        print(f"  {document['date']}: hedges {rates['hedge']['author_rate']:.1f}, "
              f"boosters {rates['booster']['author_rate']:.1f} per 1,000 words")
    print("steps:", len(data["comparison"]["steps"]))


if __name__ == "__main__":
    if len(sys.argv) > 1:
        with Client(sys.argv[1]) as remote:
            main(remote)
    else:
        with local_cluster(2) as cluster, Client(cluster) as local:
            main(local)
