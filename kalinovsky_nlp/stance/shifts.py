"""Stance shifts: how the author's position on a target changed between an earlier and a later document.

For each target the claims of both documents are summarised (how many, mean certainty of the author's own
claims, share reported through others, mean evaluation) and compared. Kinds: ``new``, ``dropped``,
``certainty_up``, ``certainty_down``, ``evaluation_reversed`` (the sign of the mean evaluation flips),
``evaluation_softened`` (it moves towards neutral), ``evaluation_hardened`` (it moves away from neutral, whichever
the sign), ``reported_to_asserted``, ``asserted_to_reported``. Each shift has a strength in [0, 1] (effect size scaled by how
many claims support it) and evidence: the aligned pair of claims (TF-IDF cosine over alias-normalised lemmas)
that shows the change best, with the cues that carry it.
"""

from __future__ import annotations

from typing import Any, Sequence

from ..profile import DocumentProfile
from .space import ClaimSpace
from .targets import Target, claims_for

__all__ = ["ClaimSpace", "claim_evaluation", "summarise_claims", "target_shifts"]


def mean(values) -> float:
    """Arithmetic mean (statistics.mean is exact but slow, and this runs for every target of every step)."""
    values = list(values)
    return sum(values) / len(values)

MIN_CLAIMS = 2
CERTAINTY_STEP = 0.5
BASELINE_MARGIN = 0.5
EVALUATION_STEP = 0.5
VOICE_STEP = 0.3


def claim_evaluation(claim: dict[str, Any], target: Target) -> float:
    """How a claim evaluates a target: the words tied to the entity in the parse, or, for a proposition or
    user-defined target, the tone of the claim's clause."""
    if target.entity:
        return claim["evaluation"].get(target.entity, {}).get("score", 0.0)
    return claim.get("tone", {}).get("score", 0.0)


def summarise_claims(claims: Sequence[dict[str, Any]], target: Target) -> dict[str, Any]:
    """Count, mean commitment (CT 3 .. Uu 0) and mean signed FactBank score of the author's own claims, reported
    share and mean evaluation of a target's claims."""
    own = [c for c in claims if c["source"] == "author"]
    evaluations = [score for score in (claim_evaluation(c, target) for c in own) if score]
    return {
        "claims": len(claims),
        "author_claims": len(own),
        "mean_certainty": round(mean(c["commitment"] for c in own), 2) if own else None,
        "mean_score": round(mean(c["score"] for c in own), 2) if own else None,
        "reported_share": round(1 - len(own) / len(claims), 2) if claims else None,
        "mean_evaluation": round(mean(evaluations), 2) if evaluations else 0.0,
        "evaluated_claims": len(evaluations),
    }


def _similarity(a: Sequence[dict], b: Sequence[dict], space: ClaimSpace | None = None):
    if space is None or a not in space or b not in space:
        space = ClaimSpace(list(a) + list(b))
    return space.similarity(a, b)


def _details(claim: dict, target: Target) -> dict[str, Any]:
    evaluation = claim["evaluation"].get(target.entity, {}) if target.entity else claim.get("tone", {})
    return {"sentence": claim.get("sentence_text", claim["text"]), "claim": claim["text"], "source": claim["source"],
            "holder": claim.get("holder"), "certainty": claim["certainty"], "certainty_cues": list(claim["cues"]),
            "evaluation_cues": list(evaluation.get("cues", [])), "start": claim["start"], "end": claim["end"]}


def _side(profile: DocumentProfile, claims: Sequence[dict], summary: dict, target: Target) -> dict[str, Any]:
    details = [_details(c, target) for c in claims]
    return {"id": profile.id, "date": profile.date.isoformat(), "evidence": [d["sentence"] for d in details],
            "evidence_details": details,
            "cues": sorted({cue for d in details for cue in d["certainty_cues"] + d["evaluation_cues"]}),
            "certainty": [c["certainty"] for c in claims], **summary}


def _salience(claims: int, profile: DocumentProfile, target: Target) -> float:
    """Strength of an appearing or vanishing target: its share of the document's claims (x3, capped at 1),
    halved for entities, whose comings and goings the entity comparison reports in full."""
    share = min(1.0, 3 * claims / max(len(profile.claims), 1))
    return share / 2 if target.kind == "entity" else share


def _pick(a: list[dict], b: list[dict], score_a, score_b, space: ClaimSpace | None = None) -> tuple[list[dict], list[dict]]:
    """The aligned pair that best shows a change: the most telling claim on each side, preferring similar ones."""
    if not a or not b:
        return a[:1], b[:1]
    sims = _similarity(a, b, space)
    best = None
    for i, ca in enumerate(a):
        for j, cb in enumerate(b):
            value = 0.5 * sims[i][j] + score_a(ca) + score_b(cb)
            if best is None or value > best[0]:
                best = (value, i, j)
    _, i, j = best
    return [a[i]], [b[j]]


def target_shifts(
    target: Target,
    earlier: DocumentProfile,
    later: DocumentProfile,
    *,
    baseline_change: float | None = None,
    space: ClaimSpace | None = None,
) -> list[dict[str, Any]]:
    """All shifts of one target between two documents (possibly none).

    ``baseline_change`` is the change in mean certainty of the text as a whole: a target's certainty shift is
    reported only where it stands out from it (by at least ``BASELINE_MARGIN``), so that a text that is hedged
    throughout does not produce the same "less certain" finding for every target."""
    ca, cb = claims_for(target, earlier), claims_for(target, later)
    sa, sb = summarise_claims(ca, target), summarise_claims(cb, target)
    shifts: list[dict[str, Any]] = []
    minimum = 1 if target.kind == "proposition" else MIN_CLAIMS

    def add(kind: str, strength: float, ev_a: list[dict], ev_b: list[dict], measure: str, before, after) -> None:
        shifts.append({
            "target": target.label, "target_id": target.id, "target_kind": target.kind, "kind": kind,
            "strength": round(max(0.0, min(1.0, strength)), 3), "measure": measure,
            "from": _side(earlier, ev_a, sa, target) | {"value": before},
            "to": _side(later, ev_b, sb, target) | {"value": after},
        })

    support = min(1.0, min(sa["claims"], sb["claims"]) / 3)
    if sa["claims"] == 0 and sb["claims"] >= MIN_CLAIMS:
        top = sorted(cb, key=lambda c: -abs(c["score"]))[:2]
        add("new", _salience(sb["claims"], later, target), [], top, "claims", 0, sb["claims"])
    elif sb["claims"] == 0 and sa["claims"] >= MIN_CLAIMS:
        top = sorted(ca, key=lambda c: -abs(c["score"]))[:2]
        add("dropped", _salience(sa["claims"], earlier, target), top, [], "claims", sa["claims"], 0)
    if sa["claims"] == 0 or sb["claims"] == 0:
        return shifts

    own_a = [c for c in ca if c["source"] == "author"]
    own_b = [c for c in cb if c["source"] == "author"]
    if len(own_a) >= minimum and len(own_b) >= minimum:
        delta = sb["mean_certainty"] - sa["mean_certainty"]
        stands_out = baseline_change is None or abs(delta - baseline_change) >= BASELINE_MARGIN
        if abs(delta) >= CERTAINTY_STEP and stands_out:
            up = delta > 0
            ev_a, ev_b = _pick(own_a, own_b,
                               (lambda c: -c["commitment"] / 3) if up else (lambda c: c["commitment"] / 3),
                               (lambda c: c["commitment"] / 3) if up else (lambda c: -c["commitment"] / 3), space=space)
            add("certainty_up" if up else "certainty_down", abs(delta) / 2 * support, ev_a, ev_b,
                "mean_certainty", sa["mean_certainty"], sb["mean_certainty"])

    ea, eb = sa["mean_evaluation"], sb["mean_evaluation"]
    if sa["evaluated_claims"] and sb["evaluated_claims"]:
        kind = None
        if ea * eb < 0 and abs(ea) >= EVALUATION_STEP and abs(eb) >= EVALUATION_STEP:
            kind = "evaluation_reversed"
        elif ea * eb > 0 and abs(eb) <= abs(ea) - EVALUATION_STEP:
            kind = "evaluation_softened"
        elif ea * eb > 0 and abs(eb) >= abs(ea) + EVALUATION_STEP:
            kind = "evaluation_hardened"
        if kind:
            def ev(c: dict) -> float:
                return claim_evaluation(c, target)

            with_a = [c for c in own_a if ev(c)]
            with_b = [c for c in own_b if ev(c)]
            ev_a, ev_b = _pick(with_a, with_b, lambda c: abs(ev(c)) / 4, lambda c: abs(ev(c)) / 4, space=space)
            evaluated = min(1.0, min(sa["evaluated_claims"], sb["evaluated_claims"]) / 2)
            add(kind, abs(eb - ea) / 3 * evaluated, ev_a, ev_b, "mean_evaluation", ea, eb)
    elif sa["evaluated_claims"] and not sb["evaluated_claims"] and abs(ea) >= 2 * EVALUATION_STEP and own_b:
        # judged before, stated without evaluative words now
        with_a = sorted((c for c in own_a if claim_evaluation(c, target)), key=lambda c: -abs(claim_evaluation(c, target)))
        add("evaluation_softened", abs(ea) / 3 * support * 0.5, with_a[:1], own_b[:1], "mean_evaluation", ea, 0.0)
    elif sb["evaluated_claims"] and not sa["evaluated_claims"] and abs(eb) >= 2 * EVALUATION_STEP and own_a:
        # stated without evaluative words before, judged now
        with_b = sorted((c for c in own_b if claim_evaluation(c, target)), key=lambda c: -abs(claim_evaluation(c, target)))
        add("evaluation_hardened", abs(eb) / 3 * support * 0.5, own_a[:1], with_b[:1], "mean_evaluation", 0.0, eb)

    ra, rb = sa["reported_share"], sb["reported_share"]
    if ra is not None and rb is not None and abs(rb - ra) >= VOICE_STEP:
        to_asserted = rb < ra
        rep_a = [c for c in ca if c["source"] != "author"] if to_asserted else own_a
        rep_b = own_b if to_asserted else [c for c in cb if c["source"] != "author"]
        ev_a, ev_b = _pick(rep_a, rep_b, lambda c: 0.0, lambda c: c["score"] / 3 if to_asserted else 0.0, space=space)
        add("reported_to_asserted" if to_asserted else "asserted_to_reported", abs(rb - ra) * support, ev_a, ev_b,
            "reported_share", ra, rb)
    return shifts
