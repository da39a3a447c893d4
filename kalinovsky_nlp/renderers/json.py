"""JSON renderer: the report's data as strict JSON (RFC 8259), UTF-8 text, indented."""

from __future__ import annotations

import json
import math
from typing import Any

__all__ = ["finite", "render_json"]


def finite(value: Any) -> Any:
    """``value`` with every NaN or infinite float replaced by None (strict JSON has no such numbers)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite(item) for item in value]
    return value


def render_json(report: dict[str, Any]) -> str:
    """The report as strict JSON (no NaN or Infinity), UTF-8 text, indented."""
    return json.dumps(finite(report), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
