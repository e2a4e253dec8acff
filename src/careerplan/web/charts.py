"""Charts as SVG, drawn on the server by pygal (no script in the page)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

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
        title_font_size=16,
        label_font_size=12,
        major_label_font_size=12,
        legend_font_size=12,
        # A style setting in pygal (as a chart option it is ignored, and the text fills the chart).
        no_data_font_size=18,
    )


def _common() -> dict[str, object]:
    # No JavaScript: the page's security policy allows none, and the charts need none.
    return {
        "style": _style(),
        "js": [],
        "disable_xml_declaration": False,
        "show_legend": False,
        "width": 640,
        "height": 320,
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

    chart = pygal.HorizontalBar(title="Progress by horizon", range=(0, 100), **_common())
    chart.x_labels = [f"{label} ({count})" for label, _, count in rows]
    chart.add("Progress (%)", [round(share * 100, 1) for _, share, _ in rows])
    return _render(chart)


def riasec_radar(scores: Sequence[tuple[str, float]], maximum: float) -> str:
    """The six interest areas on a radar."""
    import pygal

    options = {**_common(), "no_data_text": "No data yet"}
    chart = pygal.Radar(title="Your interest profile (RIASEC)", range=(0, maximum), **options)
    chart.x_labels = [name for name, _ in scores]
    chart.add("You", [round(value, 1) for _, value in scores])
    return _render(chart)
