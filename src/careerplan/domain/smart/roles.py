"""A small curated lexicon: what people in common target roles spend their time on.

It lets the relevance check see that "hold weekly 1:1s with my direct reports" serves
"become an engineering manager" although the two share no word. The occupation catalogue,
through `OccupationKnowledge`, adds the tasks, skills and technology of any occupation it
knows; this table covers the roles the catalogue's titles miss (ward-level nursing grades,
freelance work) and keeps the check useful without it. Terms are lower case; multi-word terms
match as phrases.
"""

from __future__ import annotations

import itertools
import re

from careerplan.domain.smart.text import words

_ROLES: dict[str, str] = {
    r"manager|management|lead\b|leader|head\s+of|director|supervisor|principal|chief": """
        1:1 1:1s one-on-one one-to-one direct reports reports hiring hire interview interviews
        team teams stand-up delegation delegate leadership coaching coach mentoring mentor
        mentee performance review appraisal feedback people management budget strategy
        stakeholders roadmap retrospective meeting meetings managing manage lead leading
        staff rota planning""",
    r"engineer|developer|software|backend|frontend|programmer|devops": """
        code coding programming open source pull request pull requests api apis database
        system design python java go rust typescript javascript kubernetes docker aws cloud
        architecture tests testing blog engineering blog tech talk github leetcode algorithms
        microservices sql linux git ci deploy release""",
    r"nurse|nursing|ward|clinical|midwife|healthcare|hospital": """
        patient patients patient care ward clinical staffing rota shift shifts charge nurse
        nursing care medication infection safety quality improvement band audit nmc
        revalidation triage discharge handover preceptorship mentorship hospital""",
    r"sales|account\s+executive|business\s+development": """
        sales revenue pipeline clients customers quota deals negotiation territory
        communication crm account accounts prospects prospecting presentations closing
        forecast""",
    r"data\s+scien|data\s+analy|analyst|analytics|machine\s+learning": """
        python sql r statistics machine learning data dashboards dashboard tableau excel
        power bi kaggle analytics model models pandas visualisation visualization reporting
        spreadsheets database queries readmission""",
    r"cloud|architect|aws|azure": """
        aws azure gcp cloud kubernetes terraform solutions architect certification
        certifications infrastructure networking devops""",
    r"cyber|security|soc\b|infosec|penetration": """
        security+ network+ comptia soc ctf siem penetration linux networking cisco cissp
        code coding programming python firewall incident threat vulnerability hacking
        security""",
    r"project\s+manag|programme\s+manag|program\s+manag|pmp|scrum": """
        pmp prince2 agile scrum itil stakeholders projects project risk schedule budget
        delivery kanban certification""",
    r"product\s+manag|product\s+owner": """
        product roadmap user research customers stakeholders discovery prioritisation
        prioritization agile scrum analytics informational interviews product managers
        backlog launch features mvp ship prototype""",
    r"chef|cook|culinary|kitchen|restaurant": """
        kitchen knife cuts cooking menu food safety culinary pastry restaurant brigade sous
        chef recipes dishes sauces butchery plating hygiene""",
    r"accountant|accounting|acca|cpa|cima|audit|finance": """
        acca cpa cima exams exam tax audit financial reporting ifrs bookkeeping excel
        accounting papers applied skills strategic business leader""",
    r"copywrit|writer|freelance|content": """
        clients retainer portfolio blog linkedin copy copywriting writing conversion
        marketing newsletter invoice website brand articles pitches""",
    r"marketing|growth|brand": """
        seo traffic campaigns content social media analytics conversion brand growth ads
        website leads email marketing""",
    r"professor|academic|tenure|lecturer|research|scientist": """
        papers paper journals journal publish publication grants grant teaching research
        tenure conference students lab phd postdoc citations""",
    r"\bhr\b|human\s+resources|people\s+partner|talent|l&d": """
        hr employee employees mentoring recruitment onboarding policy engagement training
        talent cipd workforce""",
    r"construction|site\s+manag|building": """
        site construction projects safety smsts cscs contractors fit-out subcontractors
        health and safety programme build""",
    r"electric|contracting|plumb|trade": """
        electrical wiring licence journeyman apprenticeship contracting business clients
        state exam inspections""",
    r"journalis|reporter|editor": """
        foi freedom-of-information freedom of information stories investigations sources
        articles editor reporting publish data journalism requests""",
    r"logistic|supply\s+chain|dispatch|fleet|warehouse|procurement": """
        logistics supply chain supply chains warehouse fleet dispatch inventory transport
        procurement routing drivers scheduling telematics shipping""",
    r"veterinar|vet\b|practice\s+owner": """
        veterinary practice clinic animals business plan loan saving finance lease""",
    r"school|teacher|teaching|education": """
        school teaching leadership npqh curriculum staff pupils students education
        safeguarding cpd classroom""",
    r"civil\s+service|policy|government": """
        policy briefing briefings ministers government analysis stakeholder writing
        submissions""",
    r"\bux\b|design|designer": """
        ux user research usability figma prototypes portfolio case studies design workshop
        personas wireframes""",
    r"customer\s+success|support|service": """
        customers customer csat nps response time first-response tickets churn onboarding
        support retention satisfaction""",
    r"bak(?:er|ery)|patisserie": """
        bakery baking sourdough bread loaf pastry business plan""",
    r"interpret|translat|locali[sz]ation|bilingual": """
        japanese spanish german french language languages translation localisation
        localization""",
}


def _terms(block: str) -> set[str]:
    tokens = block.split()
    terms = set(tokens)
    # Adjacent pairs so "direct reports" and "food safety" also match as phrases.
    terms.update(f"{a} {b}" for a, b in itertools.pairwise(tokens))
    return terms


ROLE_TERMS: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = tuple(
    (re.compile(rf"\b(?:{key})"), frozenset(_terms(block))) for key, block in _ROLES.items()
)


def terms_for(parent_norm: str) -> frozenset[str]:
    """Everything the lexicon associates with the roles named in the parent goal."""
    out: set[str] = set()
    for pattern, terms in ROLE_TERMS:
        if pattern.search(parent_norm):
            out |= terms
    return frozenset(out)


# General career-development moves: they serve almost any career goal.
CAREER_MOVES = words(
    """course courses certification certifications certificate exam exams degree diploma
    mentor mentoring mentorship networking network interview interviews informational
    portfolio resume cv linkedin recommendation recommendations feedback promotion promoted
    manager supervisor colleague colleagues recruiter recruiters job jobs role application
    applications apply offer internship conference workshop training cpd skills
    communication leadership presentation speaking career professional work team
    responsibility responsibilities brand coach coaching projects qualification licence
    license study listening listener negotiation negotiating delegation empathy teamwork
    hackathon hackathons mba bootcamp learning journal reflection industry language
    languages english spanish french german italian portuguese mandarin chinese japanese
    arabic"""
) | frozenset({"time management", "public speaking", "personal brand", "stretch project"})

# Clearly personal pursuits: a goal made only of these does not serve a career goal
# unless the parent goal is about them.
PERSONAL = words(
    """weight kg kilos lose gym marathon jogging guitar piano violin songs song novels
    fantasy fiction sourdough bake baking motorcycle car holiday vacation travel garden
    gardening pottery painting knitting blood donate meditation yoga diet sleep fitness
    house wedding hobby gaming photography fishing golf tennis swim swimming dog novel kids
    children family charity"""
)

# Tools tied to one kind of work: learning one that the parent's work never uses is a detour.
TOOL_DOMAINS = {
    "photoshop": "design", "illustrator": "design", "indesign": "design", "figma": "design",
    "premiere": "video", "lightroom": "design", "autocad": "drafting", "revit": "drafting",
    "python": "data", "sql": "data", "tableau": "data", "power bi": "data", "r": "data",
    "javascript": "software", "react": "software", "java": "software", "kubernetes": "software",
    "salesforce": "sales", "hubspot": "marketing", "quickbooks": "accounting",
}  # fmt: skip
