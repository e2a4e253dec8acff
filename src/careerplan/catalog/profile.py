"""An occupation's page: what the work is, what it takes, what it pays, where it is going."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from careerplan.catalog.store import AREA_NAMES, RIASEC, Catalog, Occupation, resolve

EDUCATION_LEVELS = (
    "Less than high school diploma",
    "High school diploma or equivalent",
    "Some college, no degree",
    "Associate's degree",
    "Bachelor's degree",
    "Master's degree",
    "Doctoral or professional degree",
)


@dataclass(frozen=True, slots=True)
class Rated:
    """A skill, knowledge area, ability or work activity: importance 1-5, level 0-7."""

    name: str
    importance: float
    level: float


@dataclass(frozen=True, slots=True)
class Technology:
    """An example of the technology used in the work: hot when employers' postings often name
    it, in demand when O*NET counts it among the most requested for this occupation."""

    example: str
    category: str
    hot: bool
    in_demand: bool


@dataclass(frozen=True, slots=True)
class Wages:
    """Annual U.S. wages, May 2025 (BLS OEWS); 239200 means "at or above $239,200"."""

    p10: int | None
    p25: int | None
    median: int | None
    p75: int | None
    p90: int | None
    hourly_median: float | None
    employment: int | None
    soc: str | None


@dataclass(frozen=True, slots=True)
class Outlook:
    """BLS projections 2024-34 for the occupation's SOC code."""

    employment_2024: int | None
    employment_2034: int | None
    change_percent: float | None
    annual_openings: int | None
    soc: str | None


@dataclass(frozen=True, slots=True)
class Related:
    code: str
    title: str
    tier: int


@dataclass(frozen=True, slots=True)
class Profile:
    code: str
    title: str
    description: str
    job_zone: int | None
    job_zone_name: str | None
    riasec: dict[str, float]
    high_point: str | None
    education: str | None
    experience: str | None
    training: str | None
    entry_soc: str | None  # the BLS code education, experience, training and attainment are for
    onet_education: str | None
    onet_experience: str | None
    onet_education_shares: list[tuple[str, float]]  # (O*NET category, percent of incumbents)
    onet_experience_shares: list[tuple[str, float]]
    attainment: dict[str, float]
    tasks: list[str]
    skills: list[Rated]
    knowledge: list[Rated]
    abilities: list[Rated]
    work_activities: list[Rated]
    technology: list[Technology]
    wages: Wages
    outlook: Outlook
    related: list[Related]

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def rated(catalog: Catalog, occupation: Occupation, domain: str, limit: int = 10) -> list[Rated]:
    """The occupation's most important elements of one domain (S, K, A or W), best first."""
    elements = catalog.elements()
    found = [
        Rated(elements[e].name, im, lv)
        for e, (im, lv) in catalog.ratings(occupation).items()
        if elements[e].domain == domain
    ]
    found.sort(key=lambda r: (-r.importance, -r.level, r.name))
    return found[:limit]


def category_shares(catalog: Catalog, scale: str, shares: str | None) -> list[tuple[str, float]]:
    """(label, percent) for each category of an O*NET scale (RL education, RW related
    experience) the occupation has a share for, in the scale's order; empty without data."""
    if not shares:
        return []
    labels = catalog.query("SELECT label FROM category WHERE scale = ? ORDER BY category", (scale,))
    return [
        (label, float(share))
        for (label,), share in zip(labels, shares.split(","), strict=True)
        if share
    ]


def profile(code: str, catalog: Catalog | None = None, top: int = 10) -> Profile:
    """Everything the catalogue knows about one occupation (raises NotFound for unknown codes)."""
    cat = resolve(catalog)
    occupation = cat.occupation(code)
    (row,) = cat.query(
        "SELECT description, high_point, education, experience, training, onet_education, "
        "onet_experience, attainment, wage_p10, wage_p25, wage_median, wage_p75, wage_p90, "
        "wage_hourly_median, employment, wage_soc, employment_2024, employment_2034, "
        "change_percent, openings, projection_soc, entry_soc, onet_education_shares, "
        "onet_experience_shares FROM occupation WHERE id = ?",
        (occupation.id,),
    )
    description, high_point, education, experience, training, onet_ed, onet_exp, shares = row[:8]
    entry_soc, education_shares, experience_shares = row[21:24]
    zone_name = None
    if occupation.job_zone is not None:
        zone_name = cat.query("SELECT name FROM job_zone WHERE zone = ?", (occupation.job_zone,))[
            0
        ][0]
    tasks = [
        t for (t,) in cat.query("SELECT text FROM task WHERE occupation_id = ?", (occupation.id,))
    ]
    technology = [
        Technology(example, category, bool(hot), bool(in_demand))
        for example, category, hot, in_demand in cat.query(
            "SELECT example, category, hot, in_demand FROM technology WHERE occupation_id = ? "
            "ORDER BY position",
            (occupation.id,),
        )
    ]
    attainment = {
        level: float(share)
        for level, share in zip(EDUCATION_LEVELS, (shares or "").split(","), strict=False)
        if share
    }
    related = [
        Related(cat.by_id[rid].code, cat.by_id[rid].title, tier)
        for rid, tier, _ in cat.related(occupation)
    ]
    riasec = (
        {AREA_NAMES[a]: v for a, v in zip(RIASEC, occupation.riasec, strict=True)}
        if occupation.riasec
        else {}
    )
    return Profile(
        code=occupation.code,
        title=occupation.title,
        description=description,
        job_zone=occupation.job_zone,
        job_zone_name=zone_name,
        riasec=riasec,
        high_point=high_point,
        education=education,
        experience=experience,
        training=training,
        entry_soc=entry_soc,
        onet_education=onet_ed,
        onet_experience=onet_exp,
        onet_education_shares=category_shares(cat, "RL", education_shares),
        onet_experience_shares=category_shares(cat, "RW", experience_shares),
        attainment=attainment,
        tasks=tasks,
        skills=rated(cat, occupation, "S", top),
        knowledge=rated(cat, occupation, "K", top),
        abilities=rated(cat, occupation, "A", top),
        work_activities=rated(cat, occupation, "W", top),
        technology=technology,
        wages=Wages(*row[8:16]),
        outlook=Outlook(*row[16:21]),
        related=related,
    )
