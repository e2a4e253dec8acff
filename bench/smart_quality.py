"""Quality of the S.M.A.R.T. analyser on a labelled JSONL file.

    python bench/smart_quality.py [FILE] [--meta META] [--errors] [--baseline]

Each line: `text`, `parent_goal`, `reference_date`, the five criteria (`attainable` and
`relevant` may be null), `deadline`, `recurrence`, and optionally `deadline_granularity`
(otherwise read from META, by default FILE's `_meta.jsonl` sibling when it exists).
Prints precision, recall and F1 per criterion (positive class: true; goals labelled null are
left out of that criterion), deadline accuracy (right when inside the labelled period at the
labelled granularity), the spurious-deadline rate, and RRULE accuracy; `--baseline` adds the
deadline figures of `dateparser.search_dates` (latest date it finds) on the same goals.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, timedelta
from pathlib import Path

from dateutil.relativedelta import relativedelta

from careerplan.domain.smart import CRITERIA, analyse

DEFAULT = Path("../shared/smart/smart_dev.jsonl")


def period(label: date, granularity: str | None) -> tuple[date, date]:
    """The dates that count as right for a labelled deadline."""
    first = label.replace(day=1)
    month_last = first + relativedelta(months=1) - timedelta(days=1)
    if granularity == "week":
        monday = label - timedelta(days=label.weekday())
        return monday, monday + timedelta(days=6)
    if granularity == "month":
        return first, month_last
    if granularity == "quarter":
        start = first.replace(month=3 * ((label.month - 1) // 3) + 1)
        return start, start + relativedelta(months=3) - timedelta(days=1)
    if granularity == "half":  # "mid-2027": June or July
        return first, first + relativedelta(months=2) - timedelta(days=1)
    if granularity == "season":  # the three months ending with the labelled one
        return first - relativedelta(months=2), month_last
    if granularity == "year":
        return date(label.year, 1, 1), date(label.year, 12, 31)
    return label, label


def load(path: Path, meta_path: Path | None) -> list[dict[str, object]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    meta: dict[str, dict[str, object]] = {}
    if meta_path and meta_path.exists():
        for line in meta_path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                meta[str(item["id"])] = item
    for row in rows:
        extra = meta.get(str(row.get("id")), {})
        row.setdefault("deadline_granularity", extra.get("deadline_granularity"))
    return rows


def evaluate(rows: list[dict[str, object]], show_errors: bool) -> str:
    counts = {name: {"tp": 0, "fp": 0, "fn": 0, "tn": 0, "undecided": 0} for name in CRITERIA}
    deadline_right = deadline_total = spurious = no_deadline = 0
    rrule_right = rrule_total = rrule_spurious = no_rrule = 0
    errors: list[str] = []
    for row in rows:
        today = date.fromisoformat(str(row["reference_date"]))
        parent = row.get("parent_goal")
        report = analyse(str(row["text"]), str(parent) if parent else None, today=today)
        data = report.to_json()
        for name in CRITERIA:
            label = row.get(name)
            got = data[name]
            if label is None:
                continue
            c = counts[name]
            if got is None:
                c["undecided"] += 1
            if label is True:
                c["tp" if got is True else "fn"] += 1
            else:
                c["fp" if got is True else "tn"] += 1
            if got is not label:
                errors.append(f"{row['id']} {name}: got {got}, label {label} | {row['text']}")
        label_deadline = row.get("deadline")
        if label_deadline:
            deadline_total += 1
            start, end = period(
                date.fromisoformat(str(label_deadline)),
                row.get("deadline_granularity"),  # type: ignore[arg-type]
            )
            ok = report.deadline is not None and start <= report.deadline <= end
            deadline_right += ok
            if not ok:
                errors.append(
                    f"{row['id']} deadline: got {report.deadline}, label "
                    f"{label_deadline} | {row['text']}"
                )
        else:
            no_deadline += 1
            if report.deadline is not None:
                spurious += 1
                errors.append(f"{row['id']} spurious deadline {report.deadline} | {row['text']}")
        if row.get("recurrence"):
            rrule_total += 1
            rrule_right += report.recurrence == row["recurrence"]
        else:
            no_rrule += 1
            rrule_spurious += report.recurrence is not None
        if report.recurrence != row.get("recurrence"):
            errors.append(
                f"{row['id']} rrule: got {report.recurrence}, label "
                f"{row.get('recurrence')} | {row['text']}"
            )
    lines = [
        "| criterion | precision | recall | F1 | undecided | goals labelled |",
        "|---|---|---|---|---|---|",
    ]
    for name in CRITERIA:
        c = counts[name]
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        total = c["tp"] + c["fp"] + c["fn"] + c["tn"]
        lines.append(f"| {name} | {p:.2f} | {r:.2f} | {f1:.2f} | {c['undecided']} | {total} |")
    lines += [
        "",
        "| measure | value | goals |",
        "|---|---|---|",
        f"| deadline right (inside the labelled period) | {_pct(deadline_right, deadline_total)}"
        f" | {deadline_total} |",
        f"| spurious deadline (none labelled) | {_pct(spurious, no_deadline)} | {no_deadline} |",
        f"| RRULE right (recurrence labelled) | {_pct(rrule_right, rrule_total)} | {rrule_total} |",
        f"| spurious RRULE (none labelled) | {_pct(rrule_spurious, no_rrule)} | {no_rrule} |",
    ]
    if show_errors:
        lines += ["", *errors]
    return "\n".join(lines)


def baseline(rows: list[dict[str, object]]) -> str:
    """The same deadline measures for `dateparser.search_dates`, taking the latest date found."""
    import warnings
    from datetime import datetime

    right = total = spurious = none = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from dateparser.search import search_dates

        for row in rows:
            today = date.fromisoformat(str(row["reference_date"]))
            base = datetime(today.year, today.month, today.day)
            found = search_dates(
                str(row["text"]),
                languages=["en"],
                settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "future"},
            )
            got = max((d.date() for _, d in found), default=None) if found else None
            if row.get("deadline"):
                total += 1
                start, end = period(
                    date.fromisoformat(str(row["deadline"])),
                    row.get("deadline_granularity"),  # type: ignore[arg-type]
                )
                right += got is not None and start <= got <= end
            else:
                none += 1
                spurious += got is not None
    return "\n".join(
        [
            "| dateparser.search_dates (latest date found) | value | goals |",
            "|---|---|---|",
            f"| deadline right (inside the labelled period) | {_pct(right, total)} | {total} |",
            f"| spurious deadline (none labelled) | {_pct(spurious, none)} | {none} |",
        ]
    )


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}% ({a}/{b})" if b else "n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--meta", type=Path, default=None)
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    parser.add_argument(
        "--baseline", action="store_true", help="also score dateparser's deadlines on the file"
    )
    args = parser.parse_args(argv)
    meta = args.meta or args.file.with_name(args.file.stem + "_meta.jsonl")
    rows = load(args.file, meta)
    print(f"{args.file.name}: {evaluate(rows, args.errors)}")
    if args.baseline:
        print()
        print(baseline(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
