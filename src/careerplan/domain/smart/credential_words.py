"""The words the credential reading looks for: spans of time, the connectors that open a
qualifying phrase, and the words for education, experience, training, exams, pace and age.

Every pattern is a plain alternation without nested repetition, so matching is linear in the
length of the goal.
"""

from __future__ import annotations

import re

from careerplan.domain.education import Education

MONTH_DAYS = 30.44
UNIT_MONTHS = {
    "hour": 1 / (40 * 4.345),  # a course of N hours, at a full-time week
    "day": 1 / MONTH_DAYS,
    "weekend": 2 / MONTH_DAYS,
    "afternoon": 0.5 / MONTH_DAYS,
    "week": 7 / MONTH_DAYS,
    "month": 1.0,
    "semester": 4.0,
    "term": 4.0,
    "year": 12.0,
}

NUM = (
    r"(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|fifteen|eighteen|twenty|thirty|half\s+a)"
)
UNIT = r"(?P<unit>hours?|days?|weekends?|weeks?|months?|years?|semesters?)"
# "within 6 months", "in about 3-4 years", "2 years after", "after 2 years in an HR role".
SPAN = re.compile(
    r"\b(?:(?P<lead>within|in|inside|under|after|over)\s+)?"
    r"(?:(?:about|around|roughly|approximately|only|just|less\s+than|the\s+next|a\s+further)\s+)*"
    rf"(?P<n>{NUM})(?:\s*(?:-|to|or)\s*(?P<m>{NUM}))?(?P<joint>[\s-]+){UNIT}\b"
    r"(?P<tail>\s+(?:of|after|from|since|as|in|leading|working|on)\b)?"
)
SHORT_SPANS = re.compile(
    r"\b(?P<word>today|tonight|now|this\s+week|in\s+a\s+day|in\s+an\s+afternoon"
    r"|in\s+a\s+weekend|in\s+a\s+week|in\s+one\s+week|the\s+(?:day|week)\s+after)\b"
)
ORDINAL_YEAR = re.compile(
    r"\b(?:in|during)\s+(?:my|the|their|our)\s+(?P<ord>first|second|third|fourth|fifth|final|last"
    r"|post-doctoral|residency)\s+(?:[a-z-]+\s+)?(?P<unit>year|semester|term)\b"
)
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}

# Qualifying phrases, longest connector first.
CONNECTOR = re.compile(
    r"\b(?P<c>right\s+after|straight\s+after|immediately\s+after|directly\s+after"
    r"|straight\s+out\s+of|right\s+out\s+of|fresh\s+out\s+of|at\s+the\s+end\s+of"
    r"|with\s+no|without|with\s+only|with\s+just|with|no|"
    r"starting\s+from|starting\s+with|from|after|as\s+part\s+of|as|while|before|during"
    r"|in\s+(?:my|the)\s+(?:final|last|first|second|third|fourth)|via|through|including|once"
    r"|by\s+passing|to|and\s+(?:then\s+)?(?:certify|become|qualify|earn)|instead\s+of|by)\b"
    r"|[,;()]|\.(?!\w)"
)
KIND = {
    "right after": "now", "straight after": "now", "immediately after": "now",
    "directly after": "now", "straight out of": "now", "right out of": "now",
    "fresh out of": "now", "at the end of": "after", "with no": "lack", "without": "lack",
    "no": "lack", "with only": "only", "with just": "only", "with": "with",
    "starting from": "from", "starting with": "from", "from": "from", "after": "after",
    "as part of": "during", "as": "as", "while": "while", "before": "before", "during": "during",
    "via": "route", "through": "route", "including": "other", "once": "after", "to": "end",
    "by passing": "only", "instead of": "other", "by": "end",
}  # fmt: skip
# "work as a CNA", "start as a dental assistant": "as" names the job the goal is about.
AS_TARGET = re.compile(
    r"\b(?:work|working|works|practise|practice|practising|act|serve|start|started|starting"
    r"|hired|employed|earning|qualify|qualified|register|registered|certify|certified|licensed"
    r"|licenced|job|career|be|fly|ship\s+out)\s+"
    r"(?:(?:\w+|for\s+\w+)\s+)?$"
)

EDUCATION_WORDS = (
    (Education.DOCTORAL, r"doctorate|doctoral|phd|ph\.d|professional\s+degree"),
    (Education.MASTER, r"master'?s(?!\s+electrician)|graduate\s+(?:degree|school)|msc"),
    (Education.BACHELOR, r"bachelor'?s|bachelors|undergraduate\s+degree|4-year\s+degree|b\.?a\b"
     r"|b\.?s\b|bsc|college\s+degree|graduat(?:ing|ed|ion)\s+from\s+college"),
    (Education.ASSOCIATE, r"associate(?:'s)?\s+degree|associate'?s|2-year\s+degree"),
    (Education.SOME_COLLEGE, r"college\s+credits|some\s+college|college(?!\s+degree)"),
    (Education.HIGH_SCHOOL, r"high[\s-]school(?:\s+diploma)?|diploma|ged"),
)  # fmt: skip
EDUCATION = tuple((level, re.compile(rf"\b(?:{words})")) for level, words in EDUCATION_WORDS)
EXPERIENCE = re.compile(
    r"\b(?:experience|experienced|background|history|years?\s+(?:as|in|of|on|leading|working)"
    r"|job|practice|sea\s+time|patient[\s-]care)\b"
)
TRAINING = re.compile(
    r"\b(?:training|trained|course|courses|class|classes|workshop|school|programme|program"
    r"|study|studies|education|apprenticeship|academy|bootcamp|schooling)\b"
)
EXAM = re.compile(r"\b(?:exam|exams|test|tests|testing|passing|sitting|board|boards)\b")
GENERIC_SELF = re.compile(
    r"\b(?:licen[cs]e|licen[cs]ed|licensure|certification|certificate|certified|credential"
    r"|registration|registered|card|qualification|permit|endorsement)\b"
)
COURSE = re.compile(
    r"\b(?:a|an|the|my)\s+(?:(?P<n>\d+(?:\.\d+)?|one|two|three|four|five|six|nine)"
    r"[\s-](?P<unit>hour|day|week|month|year)s?|(?P<short>weekend|short|one-day|two-day))"
    r"\s+(?:[\w'&/+-]+\s+){0,3}?(?P<noun>course|class|workshop|programme|program|school"
    r"|certificate|degree|apprenticeship|bootcamp|training|seminar|bachelor'?s|master'?s)\b"
)
COURSE_NOUN = re.compile(
    r"\s+(?:[\w'&/+-]+\s+){0,2}?(?:course|class|workshop|programme|program|school|certificate"
    r"|bootcamp|seminar)\b"
)
STARTING = re.compile(
    r"\b(?:starting|entering|beginning|joining|being\s+(?:hired|selected|accepted)|hired"
    r"|selected|applying|started|start)\b"
)

EXAM_VERB = re.compile(r"\b(?:pass|passing|sit|sitting|take|taking|retake|write|clear)\b")
PART_OF_EXAM = re.compile(
    r"\b(?:level\s+(?:i|ii|iii|1|2|3|one|two)|part\s+(?:i|ii|iii|iv|1|2|3|4)|step\s+[123]"
    r"|one\s+exam)"
)
START_VERB = re.compile(
    r"\b(?:enrol+(?:s|ed|ing)?|enroll|apply(?:ing)?\s+(?:for|to)|register|sign\s+up|get\s+accepted"
    r"|be\s+accepted|gain\s+a\s+place|start(?:s|ing)?|begin|join|get\s+hired|be\s+hired"
    r"|shortlist|research)\b"
)
TRAINEE = re.compile(r"\b(?:trainee|apprentice|helper|intern|cadet|recruit)\b")
PROGRAMME_VERB = re.compile(
    r"\b(?:finish|finished|complete|completing|graduate|earn|get|obtain|do|study)\b"
)

FULL_TIME = re.compile(r"(?<!working\s)(?<!work\s)\bfull[\s-]time\b(?!\s+job)")
PART_TIME = re.compile(r"\bpart[\s-]time\b|\bevenings?\b|\bweekends?\s+only\b")
WHILE_WORKING = re.compile(
    r"\bwhile\s+(?:working|employed|holding|keeping)\b|\balongside\s+(?:my\s+)?(?:job|work)\b"
    r"|\bworking\s+full[\s-]time\b"
)
HOURS = re.compile(r"\b(?P<n>\d+(?:\.\d+)?)\s+hours?\s+(?:a|per|each|every)\s+week\b")
AGE = re.compile(
    r"\b(?:at\s+(?:the\s+)?age\s+(?:of\s+)?|aged\s+|at\s+)(?P<n>\d{2})\b(?!\s*(?:%|hours?|h\b"
    r"|days?|weeks?|months?|years?\s+(?:of|after|in)|am|pm|:|lbs|mph|wpm|credits?))"
)
EVERYWHERE = re.compile(
    r"\b(?:in\s+(?:every|any|each|all)\s+(?:us\s+|u\.s\.\s+)?states?|everywhere|nationwide"
    r"|in\s+all\s+50\s+states)\b"
)
EMPLOYER_FIRST = re.compile(
    r"\b(?:on\s+my\s+own|before\s+(?:being\s+)?(?:hired|applying|employed)|without\s+(?:a\s+)?"
    r"(?:sponsor|employer|job\s+offer))\b"
)


GENERIC_TARGET = re.compile(
    r"^\W*(?:i\s+will\s+|i\s+want\s+to\s+)?(?:become|get|be|qualify|upgrade)\s+(?:fully\s+)?"
    r"(?:licen[cs]ed|certified|registered|qualified|eligible|board[\s-]certified)\b"
)
JOURNEY = re.compile(r"\bjourney(?:man|-level|\s+level|person)\b")
SKIP = re.compile(r"\bskip(?:ping)?\b")
YEARS_OF = re.compile(
    rf"\b(?P<n>{NUM})(?:\s*(?:-|to)\s*(?P<m>{NUM}))?\s+(?P<unit>months?|years?)\s+"
    r"(?:of|as|in|on|leading|working)\b"
)
# A goal about meeting people names their job ("Shadow a registered nurse", "Find a mentor
# close to the work of a chief executive"): the job there is who the person meets, not what they
# set out to earn, unless a word of becoming comes after the meeting word ("Ask a nurse how to
# become an RN").
PEOPLE_VERB = re.compile(
    r"\b(?:shadow\w*|interview\w*|meet|meeting|met|talk\w*|speak\w*|ask\w*|contact\w*|e-?mail"
    r"|call|message|connect\w*|network\w*|mentors?|mentoring|coach|coffee|chat\w*|introduc\w*"
    r"|learn\w*\s+from|alongside|conversations?|(?:people|someone|those|others)\s+who)\b"
)
BECOMING = re.compile(
    r"\b(?:become|becoming|be|earn\w*|obtain\w*|pass\w*|qualify\w*|(?<!who\s)work\s+as|hired\s+as"
    r"|promoted|land|apply\w*|licen[cs]ed|certified|registered)\b"
)
ASKING = re.compile(r"\b(?:how\s+to|about|what\s+it\s+takes\s+to)\s+$")
# "Build 5 years of further experience": the goal is the rest of what the credential asks,
# so the person holds the remainder already.
EXPERIENCE_GOAL = re.compile(
    rf"^\W*(?:build|gain|get|accumulate|log|complete|earn|reach|have)\s+(?:at\s+least\s+)?"
    rf"(?P<n>{NUM})\s+(?P<unit>months?|years?)\s+of\s+(?:(?:further|more|additional)\s+)?"
    r"(?:\w+\s+)?experience\b"
)
FURTHER_EXPERIENCE = re.compile(
    rf"\b(?P<n>{NUM})\s+(?P<unit>months?|years?)\s+of\s+(?:further|more|additional)"
    r"(?:\s+\w+)?\s+experience\b"
)
