"""Targets: user files, entity targets, proposition clusters."""

from __future__ import annotations

import pytest

from kalinovsky_nlp.stance.targets import load_targets


def test_user_targets_file(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text("targets:\n  - id: trams\n    aliases: [tram line, light rail]\n  - id: cost\n    patterns: ['\\bbudget\\b']\n",
                    encoding="utf-8")
    targets = load_targets(path)
    assert [t.id for t in targets] == ["user:trams", "user:cost"]
    assert targets[0].patterns[0].search("The new Tram Line opens")
    assert not targets[0].patterns[0].search("tram lines")  # whole words only


@pytest.mark.parametrize(
    "content,message",
    [
        ("- aliases: [x]\n", "needs an 'id'"),
        ("- id: a\n", "needs aliases, patterns or an entity"),
        ("- id: a\n  patterns: ['(']\n", "bad pattern"),
        ("just text\n", "expected a list of targets"),
    ],
)
def test_bad_targets_files_are_clear_errors(tmp_path, content, message):
    path = tmp_path / "t.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_targets(path)


def test_builtin_report_targets(builtin_report_dict):
    targets = builtin_report_dict["comparison"]["targets"]
    kinds = {t["kind"] for t in targets}
    assert {"entity", "proposition", "user"} <= kinds
    entity_labels = [t["label"] for t in targets if t["kind"] == "entity"]
    assert entity_labels[0] == "Russia"
    for t in targets:
        if t["kind"] == "proposition":
            assert len(t["members"]) == 2  # recurring across both documents


def _partition(labels) -> set[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    for row, label in enumerate(labels):
        groups.setdefault(int(label), set()).add(row)
    return {frozenset(g) for g in groups.values()}


def _estimator_partition(vectors, distance):
    from sklearn.cluster import AgglomerativeClustering

    return _partition(AgglomerativeClustering(n_clusters=None, distance_threshold=distance, metric="cosine",
                                              linkage="average").fit_predict(vectors))


def test_cluster_labels_partition_rows_as_agglomerative_clustering_does():
    import numpy as np

    from kalinovsky_nlp.stance.targets import cluster_labels

    rng = np.random.default_rng(3)
    for _ in range(30):
        vectors = rng.random((int(rng.integers(2, 40)), 12)) * (rng.random((1, 12)) < 0.4)
        vectors[:, 0] += 0.01  # no all-zero row: cosine is undefined for it
        for distance in (0.3, 0.75, 0.95):
            assert _partition(cluster_labels(vectors, distance)) == _estimator_partition(vectors, distance)


def test_a_merge_exactly_at_the_threshold_is_undone_as_by_the_estimator():
    import numpy as np

    from kalinovsky_nlp.stance.targets import cluster_labels

    vectors = np.array([[1.0, 0.0], [0.25, np.sqrt(0.9375)]])  # cosine 0.25: distance exactly 0.75
    assert _partition(cluster_labels(vectors, 0.75)) == _estimator_partition(vectors, 0.75) == {
        frozenset({0}), frozenset({1})}
    assert _partition(cluster_labels(vectors, 0.7500001)) == _estimator_partition(vectors, 0.7500001) == {
        frozenset({0, 1})}
