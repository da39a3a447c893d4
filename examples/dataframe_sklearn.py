"""A pandas DataFrame in, a report and a scikit-learn pipeline out.

    pip install "kalinovsky-nlp[pandas]"
    python examples/dataframe_sklearn.py

``kn.from_dataframe`` turns rows into dated documents for ``kn.analyze`` (other columns become metadata), and
``kn.MetadiscourseRates`` turns texts into per-document rates of hedges, boosters, ... inside a scikit-learn
``Pipeline``: here a classifier of tentative against assertive statements, checked by cross-validation.
"""

from __future__ import annotations

import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline

import kalinovsky_nlp as kn

STATEMENTS = pd.DataFrame({
    "text": [
        "Inflation may perhaps ease later this year, although the outlook seems uncertain.",
        "Inflation will clearly fall, and the committee is certain that rates must rise.",
        "It is possible that growth could slow somewhat; we think risks appear balanced.",
        "Growth is definitely strong and unemployment will certainly keep falling.",
        "Perhaps the recovery might stall if demand seems to weaken.",
        "The recovery is obviously complete and prices will surely stabilise.",
        "Conditions may improve, but the committee believes some caution is probably warranted.",
        "The committee knows that policy is working and will undoubtedly succeed.",
    ],
    "released": pd.to_datetime(["2013-01-30", "2013-03-20", "2013-05-01", "2013-06-19",
                                "2013-07-31", "2013-09-18", "2013-10-30", "2013-12-18"]),
    "tentative": [1, 0, 1, 0, 1, 0, 1, 0],
})


def main() -> None:
    documents = kn.from_dataframe(STATEMENTS, text="text", date="released")
    report = kn.analyze(documents)
    frames = kn.to_frames(report)
    print(frames["documents"][["date", "words", "hedge_author_rate", "booster_author_rate"]].to_string(index=False))

    model = make_pipeline(kn.MetadiscourseRates(categories=["hedge", "booster"]), LogisticRegression())
    scores = cross_val_score(model, STATEMENTS["text"].tolist(), STATEMENTS["tentative"], cv=4)
    print(f"tentative vs assertive, 4-fold accuracy: {scores.mean():.2f}")
    model.fit(STATEMENTS["text"].tolist(), STATEMENTS["tentative"])
    print("prediction for a new statement:", model.predict(["Rates might possibly rise, it seems."])[0])


if __name__ == "__main__":
    main()
