"""What people call the curated credentials, beyond the names the records give them.

The records name a credential formally ("Registered nurse (RN) licence"); goals say "RN",
"registered nurse", "nursing degree", "NCLEX". Each entry lists such phrases for one record
(by key). A phrase is plain words, matched whole and case-insensitively, with three marks:

- `#0,1` points it at the record's programmes 0 and 1 ("BSN" is one of the RN licence's
  programmes), not at the credential as a whole;
- a trailing `!` says it names the credential's exam ("NCLEX-RN");
- `?word|word` makes it count only in a goal that also contains one of the words (a stem):
  "CDA" is a dental assistant's credential beside "dental" and a childcare one beside "child".

Two-letter abbreviations that are also words ("do", "pa", "ot") appear only with an article
("an ot", "a pa"), so the words of a sentence are never read as them. The examples of every
record (scripts/data/credentials.json) are the examples of this table: `tests/domain/smart/
test_credential_examples.py` runs each one through the analyser with these names.
"""

from __future__ import annotations

NAMES: dict[str, tuple[str, ...]] = {
    "rn-licence": (
        "rn", "rn licence", "registered nurse", "nursing licence", "nclex-rn!", "nclex!",
        "nursing degree#0,1,2", "nursing programme#0,1,2,4", "nursing school#0,1,2,4",
        "adn#0", "asn#0", "adn programme#0", "associate degree in nursing#0", "bsn#1",
        "bachelor of science in nursing#1", "nursing bachelor's#1", "bachelor's in nursing#1",
        "absn#2", "accelerated bsn#2", "accelerated nursing programme#2", "lpn-to-rn bridge#3",
        "lpn to rn bridge#3", "nursing diploma#4",
    ),
    "lpn-licence": (
        "lpn", "lvn", "licensed practical nurse", "licensed vocational nurse", "practical nurse",
        "nclex-pn!", "practical nursing programme#0", "practical nursing certificate#0",
    ),
    "cna-certification": (
        "cna", "certified nursing assistant", "nursing assistant", "nurse aide",
        "nurse aide competency exam!",
    ),
    "home-health-aide-competency": ("home health aide", "home health agency"),
    "np-licence": (
        "nurse practitioner", "np licence", "aprn", "fnp", "msn-fnp#0", "np programme#0",
        "bsn-to-dnp#1", "rn-to-msn#2", "direct-entry msn#3",
    ),
    "cns-aprn": ("clinical nurse specialist", "cns"),
    "crna-certification": ("crna", "nurse anesthetist", "nurse anaesthetist"),
    "cnm-certification": ("cnm", "nurse-midwife", "nurse midwife", "certified nurse midwife"),
    "pharmacist-licence": (
        "pharmacist", "rph", "naplex!", "pharmd#0,1,2", "doctor of pharmacy#0",
        "pharmacy degree#0,1,2", "pharmacy school#0,1,2",
    ),
    "mpje": ("mpje",),
    "pharmacy-technician-registration": ("pharmacy technician", "pharmacy tech"),
    "ptcb-cpht": ("cpht", "ptcb", "ptce!"),
    "nha-excpt": ("excpt", "nha excpt"),
    "pt-licence": (
        "physical therapist", "npte!", "dpt#0,1,2", "doctor of physical therapy#0",
        "physical therapy school#0,1,2",
    ),
    "pta-licence": ("physical therapist assistant", "pta", "npte-pta!"),
    "ot-licence": (
        "occupational therapist", "an ot", "otr", "mot#0", "msot#0",
        "master's in occupational therapy#0", "otd#1",
    ),
    "ota-licence": ("occupational therapy assistant", "ota", "cota"),
    "slp-licence": (
        "speech-language pathologist", "speech language pathologist", "speech therapist", "slp",
        "ccc-slp", "an slp",
    ),
    "slpa-credential": ("slpa", "speech-language pathology assistant"),
    "audiologist-licence": ("audiologist", "doctor of audiology#0", "praxis audiology!", "aud#0"),
    "hearing-aid-specialist-licence": (
        "hearing aid specialist", "hearing aid dispenser", "hearing instrument specialist",
        "dispense hearing aids",
    ),
    "rrt-licence": ("respiratory therapist", "rrt", "crt"),
    "arrt-radiography": (
        "radiographer", "radiologic technologist", "rad tech", "x-ray technician", "x-ray tech",
        "arrt radiography", "arrt radiography exam!", "registered radiographer",
    ),
    "mri-certification": ("mri technologist", "mri certification", "mri tech", "armrit"),
    "ardms-sonography": (
        "sonographer", "diagnostic medical sonographer", "ultrasound technician", "rdms", "ardms",
        "registered sonographer",
    ),
    "cci-cardiovascular": (
        "cardiovascular technologist", "cardiovascular credential", "rcis", "rdcs",
        "cardiac sonographer",
    ),
    "nuclear-medicine-certification": (
        "nuclear medicine technologist", "nmtcb", "radiopharmaceuticals",
    ),
    "arrt-radiation-therapy": ("radiation therapist",),
    "mdcb-dosimetrist": ("dosimetrist", "medical dosimetrist", "cmd"),
    "ascp-mls": ("medical laboratory scientist", "mls", "ascp mls", "medical technologist"),
    "ascp-mlt": ("medical laboratory technician", "mlt", "ascp mlt"),
    "ascp-specialty-lab": (
        "cytotechnologist#0", "cytogenetic technologist#0", "histotechnician#1",
        "histotechnologist#2", "htl#2", "htl certification#2",
    ),
    "nbstsa-cst": ("surgical technologist", "cst", "surgical tech"),
    "surgical-assistant-certification": (
        "surgical assistant", "surgical first assistant", "csfa",
    ),
    "phlebotomy-certification": ("phlebotomist", "phlebotomy", "phlebotomy technician"),
    "medical-assistant-certification": ("medical assistant", "cma", "rma", "ccma"),
    "physician-licence": (
        "physician", "a doctor", "medical doctor", "md", "medical licence",
        "medical school#0,1,2,3", "med school#0,1,2,3", "md-phd#3",
    ),
    "usmle": ("usmle!", "usmle step 1!", "step 1!", "step 2!", "step 3!", "comlex!"),
    "medical-residency": (
        "internal medicine residency#0", "family medicine residency#0",
        "pediatrics residency#0", "surgical residency#1", "general surgery residency#1",
        "surgery residency#1",
    ),
    "pa-licence": ("physician assistant", "pa-c", "a pa", "a licensed pa", "pance!", "pa school#0"),
    "aa-certification": ("anesthesiologist assistant", "an aa"),
    "dentist-licence": ("dentist", "dds", "dmd", "dental school#0,1", "inbde!"),
    "dental-specialty-residency": (
        "orthodontist#0", "orthodontics residency#0", "orthodontic residency#0",
        "prosthodontist#1", "oral surgeon#2",
    ),
    "dental-hygienist-licence": (
        "dental hygienist", "hygienist", "dental hygiene programme#0", "hygiene school#0",
        "nbdhe!",
    ),
    "dh-clinical-exam": ("regional clinical exam!", "clinical exam!", "adex!", "crdts!"),
    "dental-assistant-state-credential": (
        "dental assistant", "dental x-rays", "radiography qualification",
    ),
    "danb-cda": (
        "certified dental assistant", "danb cda", "cda?dental|coda|danb|chairside",
    ),
    "veterinarian-licence": (
        "veterinarian", "dvm#0", "vmd#0", "navle!", "vet school#0",
    ),
    "vet-tech-credential": (
        "vet tech", "veterinary technician", "veterinary technologist", "rvt", "lvt", "cvt",
        "vtne!",
    ),
    "rdn-credential": ("rdn", "registered dietitian", "dietitian", "dietician"),
    "ndtr-credential": ("ndtr", "dietetic technician"),
    "optician-certification": ("optician",),
    "massage-therapist-licence": ("massage therapist", "massage", "mblex!"),
    "chiropractor-licence": (
        "chiropractor", "doctor of chiropractic#0", "the dc#0", "nbce!",
    ),
    "optometrist-licence": ("optometrist", "doctor of optometry#0", "od#0", "nbeo!"),
    "podiatrist-licence": ("podiatrist", "dpm#0", "doctor of podiatric medicine#0", "apmle!"),
    "athletic-trainer-certification": ("athletic trainer", "boc exam!"),
    "genetic-counselor-certification": ("genetic counsellor", "cgc", "abgc"),
    "acupuncture-licence": ("acupuncturist", "nccaom"),
    "abc-orthotics-prosthetics": ("prosthetist", "orthotist", "orthotics and prosthetics"),
    "ctrs": (
        "ctrs", "therapeutic recreation specialist", "recreational therapist",
        "therapeutic recreation degree#0",
    ),
    "mt-bc": ("music therapist", "mt-bc", "music therapy bachelor's#0"),
    "ophthalmic-tech-certification": (
        "coa#0,1", "cot", "comt#2", "ophthalmic assistant", "ophthalmic technician",
    ),
    "medical-coding-certification": ("cpc", "medical coder", "coding certification", "ccs"),
    "rhit-rhia": ("rhit#0", "rhia#1", "health information technician#0"),
    "nursing-home-administrator-licence": (
        "nursing home administrator", "run a nursing home", "ait#1",
    ),
    "jd-degree": (
        "jd", "juris doctor", "law school#0,1,2", "law degree#0,1,2,3", "part-time jd#1",
        "evening jd#1", "accelerated jd#2", "two-year jd#2", "lsat!",
    ),
    "mpre": ("mpre",),
    "bar-admission": (
        "bar exam!", "the bar!", "july bar exam!", "uniform bar exam!", "ube!", "bar admission",
        "practise law", "practice law", "admitted to the bar", "bar licence",
    ),
    "judge-experience": ("judge", "trial judge", "alj", "administrative law judge", "judgeship"),
    "paralegal-certificate": ("paralegal", "certified paralegal"),
    "court-reporter-certification": (
        "court reporter", "stenographic court reporter#0", "stenographer#0", "voice writer#1",
    ),
    "cpa-licence": ("cpa", "licensed cpa", "certified public accountant", "cpa licence"),
    "cpa-exam": ("cpa exam!", "cpa exam sections!", "uniform cpa examination!"),
    "cpa-150-hours": ("150 semester hours", "150 hours", "150-hour"),
    "irs-ptin": ("ptin",),
    "enrolled-agent": ("enrolled agent", "an ea", "represent clients before the irs"),
    "customs-broker-licence": ("customs broker", "cble!"),
    "sie-exam": ("sie!", "securities industry essentials!"),
    "series-7": ("series 7!", "sell securities", "registered representative"),
    "series-63": ("series 63!", "the 63!", "securities agent"),
    "series-65": (
        "series 65!", "the 65!", "investment adviser representative", "investment advice",
    ),
    "series-66": ("series 66!", "the 66!"),
    "cfp-certification": ("cfp", "certified financial planner", "cfp exam!"),
    "cfa-charter": ("cfa", "cfa charter", "chartered financial analyst", "cfa level i!"),
    "nmls-mlo": (
        "mortgage loan originator", "mlo", "nmls", "loan officer", "originate mortgages",
    ),
    "insurance-producer-licence": (
        "insurance licence", "insurance agent", "insurance producer", "sell insurance",
    ),
    "adjuster-licence": ("adjuster", "insurance adjuster", "independent adjuster"),
    "phr-certification": ("phr", "professional in human resources"),
    "real-estate-salesperson-licence": (
        "real estate licence", "real estate agent", "salesperson licence", "sell homes",
        "realtor",
    ),
    "real-estate-broker-licence": ("real estate broker", "broker", "broker licence"),
    "property-manager-real-estate-licence": (
        "property manager", "manage rental properties", "other people's rentals",
        "property management licence",
    ),
    "appraiser-licensed-residential": (
        "licensed residential appraiser", "residential appraiser", "appraiser",
        "trainee appraiser#0",
    ),
    "appraiser-certified-residential": (
        "certified residential appraiser", "certified residential",
    ),
    "appraiser-certified-general": ("certified general appraiser", "certified general"),
    "teaching-licence": (
        "teaching licence", "public school teacher", "licensed teacher", "teaching certificate",
        "teacher certification", "public-school licence", "mat#2",
        "master of arts in teaching#2", "alternative certification route#3",
    ),
    "teacher-preparation-programme": (
        "teacher preparation programme", "teacher preparation",
        "post-baccalaureate teacher preparation programme#1",
        "post-bacc teacher preparation programme#1",
    ),
    "praxis-tests": ("praxis!", "praxis core!", "licensing test!"),
    "cda-credential": (
        "child development associate", "cda?child|daycare|preschool|early",
    ),
    "childcare-worker-requirements": (
        "childcare worker", "licensed daycare", "licensed centre", "childcare staff",
    ),
    "childcare-director-qualifications": (
        "centre director", "childcare director", "childcare centre", "daycare director",
    ),
    "paraprofessional-title-i": (
        "paraprofessional", "teaching assistant", "instructional aide", "parapro!",
    ),
    "principal-licence": ("principal", "assistant principal", "school administrator"),
    "school-counselor-certification": ("school counsellor",),
    "school-psychologist-credential": ("school psychologist", "eds#0"),
    "lpc-licence": ("lpc", "licensed professional counsellor", "lmhc", "nce!", "ncmhce!"),
    "mft-licence": ("mft", "lmft", "marriage and family therapist"),
    "substance-use-counselor-credential": (
        "addiction counsellor", "substance abuse counsellor", "substance use counsellor",
        "cadc", "ladc",
    ),
    "crc-certification": (
        "crc", "rehabilitation counsellor", "rehabilitation master's#0",
    ),
    "social-work-licence": (
        "social worker", "lbsw", "lmsw", "licensed master social worker#1,2",
        "licensed social worker", "bsw#0", "aswb!",
    ),
    "lcsw-licence": ("lcsw", "licensed clinical social worker", "clinical social worker"),
    "msw-degree": (
        "msw", "master of social work", "advanced-standing msw#1", "advanced standing msw#1",
        "online msw#2",
    ),
    "psychologist-licence": (
        "psychologist", "clinical psychologist", "eppp!", "psyd#1",
    ),
    "architect-licence": (
        "architect", "licensed architect", "b.arch#0", "bachelor of architecture#0", "m.arch#1,2",
        "master of architecture#1,2", "are divisions!", "ipal#3",
    ),
    "landscape-architect-licence": ("landscape architect", "bla#0", "mla#1", "lare!"),
    "interior-designer-ncidq": ("ncidq", "interior designer", "ncidq sections!"),
    "engineering-degree-abet": (
        "engineering bachelor's", "engineering degree", "abet degree", "abet",
        "bachelor's in engineering",
    ),
    "fe-exam": ("the fe!", "fe exam!", "fundamentals of engineering!", "eit", "engineer intern"),
    "pe-licence": ("pe licence", "professional engineer", "a pe", "pe exam!"),
    "surveyor-licence": (
        "surveyor", "land surveyor", "fs exam!", "the fs!", "geomatics degree#0",
    ),
    "comptia-security-plus": ("security+", "security plus"),
    "cissp": ("cissp",),
    "ccna": ("ccna",),
    "comptia-a-plus": ("a+", "comptia a+"),
    "cloud-certification": (
        "cloud certification", "aws certified", "solutions architect associate",
        "azure administrator",
    ),
    "pmp": ("pmp", "project management professional", "pmp exam!"),
    "capm": ("capm",),
    "actuarial-preliminary-exams": (
        "exam p!", "exam fm!", "preliminary actuarial exams!", "preliminary exams!",
        "actuarial exams!",
    ),
    "asa-acas": ("asa", "acas", "associate of the society of actuaries"),
    "executive-experience": ("ceo", "chief executive", "chief operating officer", "coo"),
    "general-manager-experience": ("general manager", "operations manager"),
    "management-experience-5yr": (
        "it manager", "hr manager", "finance manager", "functional manager",
    ),
    "frontline-supervisor-experience": (
        "shift supervisor", "first-line supervisor", "crew supervisor", "maintenance crew",
    ),
    "construction-supervisor-experience": ("foreman", "construction foreman"),
    "construction-manager-experience": (
        "construction project manager", "construction manager", "construction projects",
        "cm degree#0",
    ),
    "ccm": ("ccm", "certified construction manager"),
    "chef-experience": (
        "head chef", "chef", "sous chef", "head cook", "executive chef", "culinary school#1",
    ),
    "electrician-apprenticeship": (
        "electrical apprenticeship#0,1", "electrician apprenticeship#0,1", "apprentice electrician",
    ),
    "electrician-journeyman-licence": (
        "journeyman electrician", "journeyman licence", "journeyman exam!",
    ),
    "master-electrician-licence": ("master electrician", "electrical contractor"),
    "plumber-apprenticeship": (
        "plumbing apprenticeship#0", "plumbing apprentice", "plumber apprenticeship#0",
        "pipefitting apprenticeship#0",
    ),
    "plumber-journeyman-licence": ("journeyman plumber", "licensed plumber"),
    "epa-608": ("epa 608", "section 608", "608 universal"),
    "hvac-technician-training": (
        "hvac technician", "hvac tech", "hvac contractor licence", "hvac certificate#0",
    ),
    "epa-609-mvac": ("section 609", "epa 609", "mvac", "car a/c"),
    "ase-certification": ("ase", "ase master", "ase test!"),
    "elevator-mechanic-licence": ("elevator mechanic", "elevator apprenticeship#0"),
    "sheet-metal-apprenticeship": ("sheet metal worker", "sheet metal apprenticeship#0"),
    "boilermaker-apprenticeship": ("boilermaker",),
    "ironworker-apprenticeship": ("ironworker", "ironworker apprenticeship#0"),
    "carpenter-apprenticeship": (
        "carpentry apprenticeship#0", "union carpentry apprenticeship#0", "carpenter's helper#1",
        "carpenter",
    ),
    "millwright-apprenticeship": ("millwright",),
    "lineworker-apprenticeship": (
        "lineworker", "lineman", "journeyman lineworker#0", "line school#1",
    ),
    "operating-engineer-apprenticeship": (
        "operating engineer", "heavy equipment#1", "heavy equipment operator#1",
    ),
    "welder-certification": (
        "certified welder", "welding test!", "pipe welder", "welding programme#0",
        "welding school#0", "welder",
    ),
    "aws-cwi": ("cwi", "certified welding inspector", "welding inspector"),
    "osha-10-construction": ("osha 10", "osha 10 card"),
    "construction-inspector-certification": (
        "building inspector", "construction inspector", "residential inspector",
    ),
    "crane-operator-certification": ("crane operator", "nccco", "tower crane"),
    "forklift-operator-training": ("forklift", "forklift operator"),
    "mine-safety-training": ("new miner training", "miner training", "work underground"),
    "hazmat-removal-training": ("hazwoper", "remove asbestos", "asbestos abatement#1"),
    "pesticide-applicator": (
        "pesticide applicator", "commercial applicator", "restricted-use pesticides",
    ),
    "isa-certified-arborist": ("arborist", "certified arborist", "tree trimmer"),
    "water-operator-certification": (
        "water operator", "wastewater operator", "operator certificate",
    ),
    "nrc-reactor-operator": ("reactor operator", "nrc licence"),
    "cdl-class-a": (
        "class a cdl", "cdl class a", "cdl", "commercial driver's licence", "interstate trucks",
        "cdl skills test!",
    ),
    "cdl-class-b": ("class b cdl", "cdl class b", "garbage truck", "dump truck"),
    "cdl-passenger": ("school bus", "passenger endorsement", "bus driver"),
    "dot-medical-card": ("dot medical card", "dot medical", "dot physical"),
    "faa-private-pilot": (
        "private pilot", "private pilot certificate", "private certificate", "ppl",
    ),
    "faa-instrument-rating": ("instrument rating",),
    "faa-commercial-pilot": ("commercial pilot", "commercial certificate", "cpl"),
    "faa-cfi": ("cfi", "flight instructor"),
    "faa-atp": (
        "atp", "airline transport pilot", "airline first officer", "fly for an airline",
        "airline pilot",
    ),
    "faa-flight-attendant": ("flight attendant", "faa flight attendant certificate"),
    "faa-amt": ("a&p", "airframe and powerplant", "aviation mechanic", "part 147 school#0"),
    "air-traffic-controller": ("air traffic controller", "faa academy"),
    "uscg-mmc-officer": ("third mate", "merchant mariner credential", "maritime academy#0"),
    "uscg-mmc-rating": (
        "ordinary seaman", "able seaman", "able seaman endorsement", "ship out",
    ),
    "uscg-oupv-captain": (
        "oupv", "captain's licence", "six-pack licence", "fishing charters", "charter captain",
    ),
    "twic": ("twic", "twic card"),
    "fra-locomotive-engineer": ("locomotive engineer",),
    "fra-conductor": ("conductor", "railroad conductor"),
    "police-post-certification": (
        "police officer", "peace officer", "police academy#0,1", "sworn officer",
    ),
    "police-promotion-experience": ("detective", "sergeant", "police sergeant"),
    "firefighter-certification": (
        "firefighter", "career firefighter", "firefighter i/ii", "fire academy#0",
    ),
    "fire-officer-certification": (
        "fire captain", "fire officer", "lieutenant", "fire lieutenant",
    ),
    "fire-inspector-certification": ("fire inspector", "inspector course#0"),
    "correctional-officer-training": (
        "correctional officer", "corrections officer", "federal bureau of prisons",
    ),
    "private-investigator-licence": (
        "private investigator", "pi agency", "investigator trainee#0", "investigator",
    ),
    "security-guard-registration": ("security guard", "guard card", "armed guard"),
    "lifeguard-certification": ("lifeguard", "lifeguarding"),
    "public-safety-telecommunicator": (
        "911 dispatcher", "dispatcher", "911 calls", "911 centre",
    ),
    "cosmetologist-licence": ("cosmetology licence", "cosmetologist", "cosmetology school#0"),
    "barber-licence": ("barber", "cut hair"),
    "nail-technician-licence": ("nail technician", "manicurist", "manicures"),
    "esthetician-licence": ("esthetician", "aesthetician", "skincare specialist"),
    "funeral-service-licence": (
        "funeral director", "embalmer", "mortuary school#0", "mortuary science#0",
    ),
    "gaming-licence": ("casino", "dealing blackjack", "gaming licence"),
    "fitness-trainer-certification": ("personal trainer", "personal training"),
    "food-protection-manager": ("servsafe manager", "servsafe", "food protection manager"),
    "food-handler-card": ("food handler card", "food handler"),
    "alcohol-server-training": ("server training", "alcohol server training"),
    "wind-gwo-training": ("gwo", "gwo basic safety training", "maintain turbines"),
    "librarian-mlis": (
        "librarian", "mlis", "public librarian", "professional librarian", "mls?librar",
    ),
    "emt-certification": (
        "emt", "emt course#0,1,2", "emergency medical technician", "ambulance", "nremt",
    ),
    "paramedic-licence": ("paramedic", "paramedic programme#0"),
}  # fmt: skip
