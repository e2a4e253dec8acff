"""Readers for the catalogue build: the public data files (tab-separated, CSV and the BLS
workbooks), the small conversions of their values, and the curated credentials table checked
record by record. Build-time only, like build_catalog.py beside it."""

from __future__ import annotations

import contextlib
import csv
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from careerplan.catalog.search import stem, words  # noqa: E402
from careerplan.domain.credentials import Credential, RecordProblem, credential_from  # noqa: E402

CREDENTIALS = REPO / "scripts" / "data" / "credentials.json"
TITLE_FILLER = frozenset(["a", "all", "and", "except", "for", "in", "of", "or", "other", "the"])


def norm_title(text: str) -> str:
    """Lower-case words only, split exactly as the runtime splits queries."""
    return " ".join(words(text))


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def read_csv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def sheet_rows(path: Path, sheet: str) -> Iterator[tuple[object, ...]]:
    import openpyxl  # type: ignore[import-untyped]  # build-time only, no stubs needed

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        yield from workbook[sheet].iter_rows(values_only=True)
    finally:
        workbook.close()


def scaled(value: str) -> int:
    return round(float(value) * 100)


def number(value: str) -> float | None:
    try:
        return float(value.replace(",", ""))
    except ValueError:
        return None


def short_category(text: str) -> str:
    return text.split(" - ")[0].strip()


def modal_category(rows: Iterable[tuple[int, float]], labels: dict[int, str]) -> str | None:
    best = max(rows, key=lambda row: (row[1], -row[0]), default=None)
    return labels.get(best[0]) if best and best[1] > 0 else None


def shares_text(rows: Iterable[tuple[int, float]], categories: Iterable[int]) -> str:
    """Percent per category in category order, comma-separated; empty where O*NET has none."""
    found = dict(rows)
    return ",".join(f"{round(found[c], 2):g}" if c in found else "" for c in categories)


def title_words(title: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words(re.sub(r"\[\d+\]", "", title))) - TITLE_FILLER


def entry_soc(
    code: str, published: Mapping[str, str], onet_titles: Mapping[str, list[str]]
) -> str | None:
    """The matrix code whose entry requirements describe an O*NET occupation: its detailed SOC
    code, else its broad group (XX-XXX0), else a code BLS publishes for several detailed
    occupations together (21-1011 and 21-1014 as 21-1018): one in the same broad group that
    O*NET does not use, sharing the most title words with O*NET's titles of the detailed code.

    `published` maps matrix codes to titles; `onet_titles` maps O*NET's detailed SOC codes to
    the titles of their occupations."""
    for soc in (code[:7], code[:6] + "0"):
        if soc in published:
            return soc
    mine = frozenset().union(*(title_words(t) for t in onet_titles.get(code[:7], [])))
    scored = [
        (len(mine & title_words(title)), soc)
        for soc, title in published.items()
        if soc[:6] == code[:6] and soc not in onet_titles
    ]
    best = min(scored, key=lambda pair: (-pair[0], pair[1]), default=(0, None))
    return best[1] if best[0] > 0 else None


class Reading(Mapping[str, object]):
    """A record that remembers the path of the field read last, so a build that fails on a
    malformed record can say which field (`programmes[2].requires`)."""

    def __init__(
        self, value: Mapping[str, object], path: str = "", last: list[str] | None = None
    ) -> None:
        self.value, self.path, self.last = value, path, last if last is not None else ["?"]

    def __getitem__(self, name: str) -> object:
        path = f"{self.path}.{name}" if self.path else name
        self.last[0] = path
        return self.wrap(self.value[name], path)

    def wrap(self, found: object, path: str) -> object:
        if isinstance(found, Mapping):
            return Reading(found, path, self.last)
        if isinstance(found, list):
            return [self.wrap(item, f"{path}[{n}]") for n, item in enumerate(found)]
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self.value)

    def __len__(self) -> int:
        return len(self.value)


def checked_credentials(records: list[dict[str, object]], codes: Iterable[str]) -> list[Credential]:
    """Every record of the curated table read with `credential_from`. SystemExit names the
    record and field of a malformed one, or every duplicate key, unknown occupation code and
    unknown required credential."""
    found: list[Credential] = []
    for record in records:
        try:
            found.append(credential_from(record))
        except RecordProblem as problem:
            reading = Reading(record)
            with contextlib.suppress(RecordProblem):
                credential_from(reading)  # fails again, now noting the field it read last
            where = f"{CREDENTIALS.name}: {problem} (field {reading.last[0]})"
            raise SystemExit(f"error: {where}") from None
    known, keys = set(codes), Counter(c.key for c in found)
    problems = [f"credential {k!r} appears {n} times" for k, n in sorted(keys.items()) if n > 1]
    for c in found:
        for code in [*c.occupations, *(stone.code for stone in c.stepping_stones)]:
            if code not in known:
                problems.append(f"credential {c.key!r}: no O*NET occupation {code}")
        for programme in c.programmes:
            if programme.requires_credential not in (None, *keys):
                problems.append(
                    f"credential {c.key!r}: programme {programme.name!r} requires "
                    f"{programme.requires_credential!r}, which is no credential"
                )
    if problems:
        raise SystemExit(f"error: {CREDENTIALS.name}: " + "; ".join(problems))
    return found
