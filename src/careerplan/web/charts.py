"""Charts as SVG, drawn on the server by pygal (no script in the page)."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import date

# The width a chart is drawn for; the pages show it at most this wide (style.css, .chart).
CHART_WIDTH = 480
_STYLE_COLOURS = ("#2456c9", "#1f7a4d", "#a45d00", "#7b3fb3", "#b3261e", "#0f7c8a")


def _pygal() -> None:
    """Import pygal without its import hook. pygal adds a legacy finder to `sys.meta_path` (for
    map plugins we do not use) that warns on every later failed import in the process."""
    import sys

    import pygal

    sys.meta_path[:] = [f for f in sys.meta_path if type(f).__module__ != pygal.__name__]


def _style() -> object:
    _pygal()
    from pygal.style import Style

    return Style(
        background="#ffffff",
        plot_background="#ffffff",
        foreground="#1d2330",
        foreground_strong="#1d2330",
        foreground_subtle="#5b6475",
        colors=_STYLE_COLOURS,
        font_family="system-ui, sans-serif",
        # Sized for a chart CHART_WIDTH wide shown on a phone at about two thirds of that: every
        # text then shows at 11 px or more (pygal's defaults shrink to about 6 px).
        title_font_size=20,
        label_font_size=18,
        major_label_font_size=18,
        legend_font_size=18,
        value_font_size=18,
        value_label_font_size=18,
        tooltip_font_size=18,
        # A style setting in pygal (as a chart option it is ignored, and the text fills the chart).
        no_data_font_size=20,
    )


def _common() -> dict[str, object]:
    # No JavaScript: the page's security policy allows none, and the charts need none.
    return {
        "style": _style(),
        "js": [],
        "disable_xml_declaration": False,
        "show_legend": False,
        "width": CHART_WIDTH,
        "height": 300,
        "explicit_size": False,
        "print_values": False,
        "no_data_text": "No check-ins with values yet",
    }


# pygal always writes its configuration as an inline <script>, even with no scripts to load.
# Its text is XML-escaped, so no "</script>" can occur inside it.
_SCRIPT = re.compile(r"<script\b[^>]*/>|<script\b[^>]*>.*?</script>", re.S)


def _render(chart: object) -> str:
    rendered = chart.render()  # type: ignore[attr-defined]
    text = rendered.decode("utf-8") if isinstance(rendered, bytes) else str(rendered)
    return _SCRIPT.sub("", text)


def progress_line(points: Sequence[tuple[date, float]]) -> str:
    """Overall progress of measured goals, in percent, over the check-in dates."""
    import pygal

    chart = pygal.Line(
        title="Progress over time",
        range=(0, 100),
        y_labels=[0, 25, 50, 75, 100],
        x_label_rotation=30,
        show_minor_x_labels=len(points) <= 12,
        **_common(),
    )
    chart.x_labels = [day.isoformat() for day, _ in points]
    chart.add("Progress (%)", [round(value * 100, 1) for _, value in points])
    return _render(chart)


def horizon_bars(rows: Sequence[tuple[str, float, int]]) -> str:
    """Mean progress per horizon (label, share 0..1, number of goals)."""
    import pygal

    chart = pygal.HorizontalBar(
        title="Progress by horizon",
        range=(0, 100),
        y_labels=[0, 25, 50, 75, 100],  # every ten, at a legible size, would run together
        **_common(),
    )
    chart.x_labels = [f"{label} ({count})" for label, _, count in rows]
    chart.add("Progress (%)", [round(share * 100, 1) for _, share, _ in rows])
    return _render(chart)


def riasec_radar(scores: Sequence[tuple[str, float]], maximum: float) -> str:
    """The six interest areas on a radar."""
    import pygal

    options = {**_common(), "no_data_text": "No data yet"}
    chart = pygal.Radar(
        title="Your interest profile (RIASEC)",
        range=(0, maximum),
        # Two rings, the outer one unnumbered: at a legible size more numbers overlap each other,
        # and the outer one the top area's name. The page's text gives the scores.
        y_labels=[maximum / 2, maximum],
        value_formatter=lambda value: "" if value >= maximum else f"{value:g}",
        margin_top=36,
        **options,
    )
    chart.x_labels = [name for name, _ in scores]
    chart.add("You", [round(value, 1) for _, value in scores])
    return _render(chart)


def axis_marks(low: float, high: float, most: int = 6) -> list[float]:
    """At most `most` round values covering `low` to `high` for an axis, in steps of 1, 2 or 5
    times a power of ten: a mark per whole number ran together on a phone."""
    # A span too small to tell from rounding (or none) is drawn one unit tall.
    top = high if high - low > 1e-12 * max(1.0, abs(low), abs(high)) else low + 1
    power = 10 ** math.floor(math.log10((top - low) / most))
    for step in (m * power * 10**k for k in range(3) for m in (1, 2, 5)):
        first = math.floor(low / step) * step
        count = 1
        while first + step * (count - 1) < top and count <= most:
            count += 1
        if count <= most:
            digits = max(0, 2 - math.floor(math.log10(step)))  # 0.2 stays 0.2, not 0.20000001
            return [round(first + step * n, digits) for n in range(count)]
    return [low, top]  # not reached: three decades of steps always fit


def measure_line(
    points: Sequence[tuple[date, float]], metric: str, baseline: float, target: float
) -> str:
    """One goal's measure over its check-in days, with its target as a flat line to reach."""
    import pygal

    values = [value for _, value in points]
    low, high = min([baseline, target, *values]), max([baseline, target, *values])
    chart = pygal.Line(
        title=metric[:60],
        range=(low, high if high > low else low + 1),
        x_label_rotation=30,
        show_minor_x_labels=len(points) <= 12,
        **_common(),
    )
    chart.x_labels = [day.isoformat() for day, _ in points]
    chart.y_labels = axis_marks(low, high)
    chart.add(metric[:60], values)
    # No dots: the target is a level, not a series of readings.
    chart.add("Target", [target] * len(points), show_dots=False, stroke_style={"dasharray": "6,4"})
    return _render(chart)
