"""Reading résumé files: sections and skills found on a small labelled set, and the time taken.

    python bench/resume_reading.py [dev|holdout]

The set (`bench/data/resumes.json`) was written for this bench: one- and two-column PDFs (made
with WeasyPrint from the HTML given, one of two pages) and a DOCX, each with the section headings
and the ESCO skills a reader should find. Reported per résumé: headings found of those expected,
skills found of those expected, other skills found (not labelled: neither right nor wrong), and
the time to read the file and its skills (median of 5). Prints a Markdown table.

`holdout` reads `bench/data/resumes_holdout.json` instead: résumés labelled by someone who saw
neither the reader's code nor its output, run once before any change made after reading them.
"""

from __future__ import annotations

import io
import json
import statistics
import sys
import time
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from weasyprint import HTML

from careerplan.catalog import open_catalog
from careerplan.catalog.resume import read_resume
from careerplan.services.documents import read_document

SETS = {
    "dev": Path(__file__).parent / "data" / "resumes.json",
    "holdout": Path(__file__).parent / "data" / "resumes_holdout.json",
}
NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def file_of(case: dict[str, Any]) -> bytes:
    if case["format"] == "pdf":
        page = f"<html><body style='font-family: sans-serif'>{case['html']}</body></html>"
        return HTML(string=page).write_pdf()  # type: ignore[no-any-return]
    body = "".join(f"<w:p><w:r><w:t>{escape(p)}</w:t></w:r></w:p>" for p in case["paragraphs"])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml", f'<w:document xmlns:w="{NS}"><w:body>{body}</w:body></w:document>'
        )
    return out.getvalue()


def heading_key(heading: str) -> str:
    """A heading as compared: "Skills:" and "SKILLS" are the heading "Skills"."""
    return heading.strip().rstrip(":").strip().casefold()


def main() -> None:
    catalog = open_catalog()
    name = sys.argv[1] if len(sys.argv) > 1 else "dev"
    if name not in SETS:
        raise SystemExit(f"usage: python bench/resume_reading.py [{'|'.join(SETS)}]")
    cases = json.loads(SETS[name].read_text(encoding="utf-8"))
    print("| résumé | pages | headings found | skills found | other skills | read, median of 5 |")
    print("|---|---:|---:|---:|---:|---:|")
    totals = [0, 0, 0, 0]
    for case in cases:
        data = file_of(case)
        times = []
        for _ in range(5):
            start = time.perf_counter()
            document = read_document(data)
            reading = read_resume(document.text, catalog)
            times.append(time.perf_counter() - start)
        headings = {heading_key(s.heading) for s in reading.sections}
        labels = {s.label for s in reading.skills}
        found_headings = sum(heading_key(h) in headings for h in case["sections"])
        found_skills = sum(s in labels for s in case["skills"])
        totals = [
            totals[0] + found_headings, totals[1] + len(case["sections"]),
            totals[2] + found_skills, totals[3] + len(case["skills"]),
        ]  # fmt: skip
        print(
            f"| {case['id']} | {document.pages or '-'} | {found_headings}/{len(case['sections'])} "
            f"| {found_skills}/{len(case['skills'])} | {len(labels - set(case['skills']))} "
            f"| {1000 * statistics.median(times):.0f} ms |"
        )
    print(f"| all | | {totals[0]}/{totals[1]} | {totals[2]}/{totals[3]} | | |")


if __name__ == "__main__":
    main()
