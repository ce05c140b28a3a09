"""A generated journal: the demo's story and the benchmark's bulk.

`generate_sample()` writes the journal of one job seeker (Sam, a data person looking for an analyst
or engineering role) over the year before `today`, plus one or two interviews still to come. The
story the trends screen tells on it (DESIGN §8):

- rambling is *recurring*: nerves make Sam's answers wander all year long;
- blanking on common questions is *improving*: frequent at first, rare later, yet still there once
  in the last three interviews;
- punctuality and company research are *fixed*: several early interviews, none since;
- attire, a phone distraction, an exaggeration and an "other" mistake each happen *once*;
- the rest (left-out experience, listening, first impression ...) come and go.

The most recent interview was just brain-dumped (its issues are neither categorised nor solved),
the one before is assessed but not yet solved, and both still wait for their thank-you note.

With a large `count` the same function makes the benchmark journal: several years of interviews
with about five issues each. Everything comes from `random.Random(seed)`, uuids included, so the
same seed and `today` always give the same journal. Standard library only, no I/O.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid as uuid_module

from .model import (
    NEGATIVE_FEELINGS,
    POSITIVE_FEELINGS,
    FollowUp,
    Interview,
    InterviewRecord,
    Issue,
    Positive,
)

__all__ = ["STORY", "generate_sample"]

# The categories the demo's trends are built around, by the label they should get (DESIGN §8).
STORY: dict[str, tuple[str, ...]] = {
    "recurring": ("rambling",),
    "improving": ("blanked",),
    "fixed": ("punctuality", "company-research"),
    "once": ("honesty", "attire", "phone-distraction", "other"),
}

# Categories that come and go at random around the story, with their weights.
_FILLERS: tuple[tuple[str, int], ...] = (
    ("relevant-experience", 4),
    ("listening", 3),
    ("first-impression", 2),
    ("industry-knowledge", 2),
    ("resume-consistency", 1),
)

_INDEFENSIBLE = ("attire", "company-research", "phone-distraction", "honesty")

# Above this many interviews the journal is a benchmark: about five issues per interview.
_BULK = 1000

_PERSON = "Sam"

_COMPANIES = (
    "Northwind Logistics",
    "Brightwater Health",
    "Kestrel Analytics",
    "Fernhill Insurance",
    "Copperline Energy",
    "Halcyon Retail Group",
    "Bluefin Payments",
    "Marlow & Finch",
    "Tidewater Freight",
    "Juniper Learning",
    "Orchard Lane Foods",
    "Silverpine Software",
    "Granite Peak Bank",
    "Lumen Street Media",
    "Redwood Civic Services",
    "Quayside Travel",
    "Arbor Robotics",
    "Pellucid Labs",
    "Harbourview Health Trust",
    "Stonebridge Mutual",
    "Cobalt Ridge Games",
    "Wrenfield Publishing",
    "Ashgrove Telecom",
    "Meridian Parcel Services",
    "Foxglove Pharmacy",
    "Saltmarsh Water",
)

_ROLES = (
    "Data Analyst",
    "Senior Data Analyst",
    "Business Intelligence Developer",
    "Analytics Engineer",
    "Data Engineer",
    "Backend Developer",
    "Product Analyst",
    "Reporting Analyst",
)

_FIRST_NAMES = (
    "Dana", "Priya", "Marcus", "Elena", "Tom", "Aisha", "Jonas", "Mei", "Carlos", "Hannah",
    "Oluwaseun", "Grace", "Ravi", "Sofia", "Liam", "Nadia", "Ben", "Chloé", "Kenji", "Fatima",
    "Owen", "Ingrid", "Mateo", "Zoe",
)  # fmt: skip

_LAST_NAMES = (
    "Lee", "Okafor", "Brennan", "Novak", "Hughes", "Patel", "Lindqvist", "Chen", "Moreno",
    "Schmidt", "Adeyemi", "Walsh", "Iyer", "Rossi", "Murphy", "Haddad", "Clarke", "Dubois",
    "Tanaka", "Rahman", "Price", "Berg", "Silva", "Fischer",
)  # fmt: skip

_PROJECTS = (
    "the caching project",
    "the warehouse dashboard",
    "the churn model",
    "the Postgres migration",
    "the inventory forecast",
    "the on-call runbook",
    "the customer survey analysis",
    "the delivery-delay report",
)

_QUESTIONS = (
    "Tell me about yourself",
    "Why do you want to leave your current job?",
    "Describe a project you're proud of",
    "Tell me about a time you disagreed with a colleague",
    "What's your biggest weakness?",
    "How do you prioritise competing requests?",
    "Walk me through a difficult bug you fixed",
    "Why this company?",
)

_TOPICS = (
    "the plans for the new data platform",
    "how the team ships its weekly reporting",
    "the move to self-service analytics",
    "the customer data you work with",
    "how the team measures success",
    "the upcoming product launch",
)

# (problem, what I should have done, action) per category; "{...}" are filled per interview.
_ISSUE_TEXTS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "punctuality": (
        (
            "Got to {company} {minutes} minutes late: the train sat outside the station and I "
            "had left no slack at all.",
            "Leave a full hour early for anything across town and wait in a café nearby.",
            "Plan the route the day before and set two alarms",
        ),
        (
            "Joined the video call late because my calendar had the wrong time zone.",
            "Confirm the time in the interviewer's time zone in writing the day before and log "
            "in ten minutes early.",
            "Add the time zone to every invite I accept",
        ),
        (
            "Couldn't find parking and walked in out of breath right at the start time.",
            "Check parking on the map beforehand, or take the bus, and be there 15 minutes early "
            "to cool down.",
            "Do a dry run of the trip before the next onsite",
        ),
        (
            "Went to the wrong building on the campus; reception had to walk me over and {name} "
            "was already waiting.",
            "Ask the recruiter for the exact building and entrance and look at it on the map the "
            "night before.",
            "Save the directions and the recruiter's number offline",
        ),
        (
            "My laptop started installing updates right before the call, so I joined {minutes} "
            "minutes late.",
            "Restart and test the call link half an hour before, with my phone ready as a backup.",
            "Turn off automatic updates on interview days",
        ),
    ),
    "first-impression": (
        (
            "Limp handshake, and I looked at the floor when {name} came out to meet me.",
            "Stand up, shake hands firmly, look {name} in the eye and say: great to meet you, "
            "thanks for having me.",
            "Practise the greeting with a friend until it is automatic",
        ),
        (
            "Started the video call with my camera off and fumbled for ten seconds to turn it on.",
            "Check camera and microphone in the preview and open with a smile, looking at the "
            "lens.",
            "Use the preview screen before every call",
        ),
        (
            "Forgot {name}'s name right after the introduction and avoided using it for the "
            "whole hour.",
            "Write the interviewers' names down beforehand and repeat the name back when we "
            "shake hands.",
            "",
        ),
        (
            "Hardly any eye contact with the panel; I kept staring at my notes.",
            "Look at whoever asked, then include the others as I answer; notes only for my "
            "questions at the end.",
            "Record a mock interview and watch where my eyes go",
        ),
        (
            "The first words out of my mouth were a mumble; I hadn't spoken all morning.",
            "Talk out loud on the way there so my voice is warm, and lead with a clear hello.",
            "",
        ),
    ),
    "relevant-experience": (
        (
            "Never mentioned {project}, which is exactly what the {role} job is about.",
            "When they asked about similar work, tell {project}: the problem, what I did, and "
            "the result in numbers.",
            "Match each line of the job ad to one of my projects before the interview",
        ),
        (
            "Forgot to bring up my internship when they asked about supply-chain data.",
            "Say that at my internship I built the weekly delivery-delay report operations used "
            "every Monday.",
            "Write a one-line story for each past job and internship",
        ),
        (
            "Talked about coursework when they asked for real experience and left out two years "
            "of freelance work.",
            "Lead with the freelance projects: paying clients, real deadlines, dashboards still "
            "in use.",
            "",
        ),
        (
            "Said I had never done on-call, but I covered the rota for six months at my last job.",
            "Mention the on-call rota, the runbook I wrote and how it cut repeat pages.",
            "Keep a brag document and reread it the night before",
        ),
        (
            "Undersold {project} as 'just a side thing' when it saves the team hours every week.",
            "Give the number: it saves about six hours a week and three teams rely on it.",
            "Put a number on every project in my notes",
        ),
    ),
    "rambling": (
        (
            "Rambled for {minutes} minutes on '{question}' and never got to the point.",
            "Answer in under two minutes: the situation, what I did, the result, then stop and "
            "let them ask for more.",
            "Practise '{question}' with a timer",
        ),
        (
            "So nervous I talked too fast and {name} asked me to repeat myself twice.",
            "Breathe, slow down and pause before answering; two seconds of silence is fine.",
            "Do a minute of slow breathing before every call",
        ),
        (
            "Went off on a tangent about my old manager instead of answering about teamwork.",
            "Pick one example, tell it in four sentences and tie it back to the question.",
            "",
        ),
        (
            "Babbled through the explanation of {project} and lost my own thread halfway.",
            "Start with a one-sentence summary, then the two decisions that mattered, then the "
            "outcome.",
            "Write a 60-second version of each project story",
        ),
        (
            "Hands shaking, and I filled every silence with 'um' and 'you know'.",
            "Let the silence be; take a sip of water and only start a sentence when I know how "
            "it ends.",
            "Record myself on three questions and count the fillers",
        ),
        (
            "Kept talking after my answer was done and talked myself out of a good point.",
            "Stop once the point is made and ask whether they would like more detail.",
            "",
        ),
        (
            "Lost my train of thought in the middle of '{question}' and never recovered.",
            "Say 'let me start that again' and give the short version; a reset beats a spiral.",
            "",
        ),
        (
            "Went on way too long about the tools and never said what the project achieved.",
            "Lead with the result for the business, then one sentence on how.",
            "Rewrite my project stories result-first",
        ),
    ),
    "blanked": (
        (
            "Blanked completely on '{question}', which they ALWAYS ask.",
            "Have three sentences ready for '{question}' and rehearse them out loud until they "
            "come easily.",
            "Add '{question}' to my drill deck",
        ),
        (
            "Froze on the weakness question and said I didn't really have one.",
            "Name a real weakness I'm working on: I used to polish reports too long, so now I "
            "share drafts early.",
            "Write and rehearse a weakness answer",
        ),
        (
            "My mind went blank on why I want to work at {company}.",
            "Link one specific thing about {company} to what I want to do next, in two sentences.",
            "Write a 'why you' line for every company I apply to",
        ),
        (
            "Couldn't think of a single example of a conflict with a colleague.",
            "Tell the story of the reporting-deadline disagreement and how we agreed on a shared "
            "checklist.",
            "Prepare five STAR stories that cover the usual behavioural questions",
        ),
        (
            "Drew a blank on where I see myself in five years and laughed awkwardly.",
            "Say I want to own a data product end to end and that this role is a step toward it.",
            "",
        ),
        (
            "Stumped by 'tell me about a time you failed'; I couldn't pick anything.",
            "Use the dashboard launch that flopped: what went wrong, what I changed, how the next "
            "one went.",
            "Practise failure stories with the flashcards",
        ),
    ),
    "listening": (
        (
            "{name} asked how I would test the pipeline and I explained how I'd build it instead.",
            "Repeat the question back in a few words before answering: so, how I'd test it ...",
            "",
        ),
        (
            "Interrupted {name} twice before the question was finished.",
            "Wait for the whole question, count one beat, then answer.",
            "Practise with a friend who asks long questions",
        ),
        (
            "Misheard 'stakeholder' as 'shareholder' and answered a different question entirely.",
            "Ask them to repeat or clarify when unsure: do you mean internal stakeholders?",
            "",
        ),
        (
            "They asked for one example and I gave three half-examples.",
            "Answer exactly what was asked: one complete example, then check if they want another.",
            "",
        ),
        (
            "Missed that the SQL question said 'per month', so my query was wrong from the start.",
            "Read the prompt twice and restate the requirements before writing a line.",
            "Do timed SQL exercises, reading the prompt aloud first",
        ),
    ),
    "resume-consistency": (
        (
            "Said I led {project} when my résumé says I contributed; {name} noticed.",
            "Describe my part exactly as the résumé does: I built the core of it and the "
            "monitoring.",
            "Reread my résumé before each interview",
        ),
        (
            "Gave dates for my last job that were six months off from my CV.",
            "Know the dates on the CV by heart and say them the same way every time.",
            "Put the CV dates on the prep sheet",
        ),
        (
            "Called myself advanced in Python when the CV says intermediate.",
            "Use the same words as the résumé and back them up with a project.",
            "",
        ),
        (
            "Contradicted myself explaining the gap year on my résumé.",
            "One clear sentence: I took a year to care for a family member and finished a course "
            "meanwhile.",
            "Write the gap answer down and practise it",
        ),
    ),
    "industry-knowledge": (
        (
            "They asked about the new data-privacy rules and I had nothing to say.",
            "Summarise what the rules change for customer data and how I'd handle consent in "
            "reports.",
            "Read one industry newsletter a week",
        ),
        (
            "Didn't know their main competitor had just been bought; it was in the news all week.",
            "Check the last month of news on the company and its competitors the night before.",
            "Set up a news alert for each company I interview with",
        ),
        (
            "Asked about the move to lakehouse architectures and I had barely heard the term.",
            "Explain it plainly: open file formats with warehouse-style tables on top, and when "
            "that makes sense.",
            "Schedule an informational interview with a data engineer",
        ),
        (
            "No opinion when {name} asked how AI tools are changing analytics work.",
            "Say where I already use them (drafting SQL, summarising notes) and where I check "
            "their output.",
            "",
        ),
        (
            "At a logistics company, didn't know freight volumes had dropped this year.",
            "Mention the slowdown and ask how it affects their planning.",
            "Read the trade press for the sector before the interview",
        ),
    ),
    "attire": (
        (
            "Wore jeans and a hoodie to an onsite where everyone was in suits.",
            "Ask the recruiter about the dress code and go one notch smarter than the team.",
            "Keep one interview outfit clean and ready",
        ),
        (
            "Shirt was creased and I spotted a coffee stain in the lift on the way up.",
            "Lay out and check the outfit the night before.",
            "",
        ),
        (
            "Overdressed for a start-up call in a full suit and tie; felt stiff the whole time.",
            "Smart casual for start-ups; a plain shirt is enough.",
            "",
        ),
        (
            "New shoes gave me blisters and all I could think about was my feet.",
            "Wear shoes I have already broken in.",
            "",
        ),
    ),
    "company-research": (
        (
            "Couldn't say what {company} actually sells when {name} asked what I knew about them.",
            "Open with their main product, who buys it and one recent piece of news.",
            "Spend an hour on the company site, recent news and LinkedIn before each interview",
        ),
        (
            "Asked a question that is answered on the first page of their website.",
            "Bring three questions that show I've read about them, like how the new product line "
            "is going.",
            "Write three company-specific questions for each interview",
        ),
        (
            "Mixed {company} up with another application and mentioned the wrong product.",
            "Keep a one-page sheet per company and reread it right before the call.",
            "Make a prep sheet per application",
        ),
        (
            "Had no idea about their mission when asked why I'd fit the culture.",
            "Pick one value from their careers page and show how I already work that way.",
            "",
        ),
    ),
    "phone-distraction": (
        (
            "My phone buzzed twice during the design question 📱 and I glanced at it.",
            "Phone off and in the bag before walking in; do-not-disturb on the laptop too.",
            "Add 'phone off' to the pre-interview checklist",
        ),
        (
            "Slack notifications kept popping up while I was sharing my screen.",
            "Quit Slack and email before any video interview.",
            "Make a clean-desktop checklist",
        ),
        (
            "Forgot to silence my mobile and it rang in the middle of the panel.",
            "Switch the phone to airplane mode in the lobby.",
            "",
        ),
        (
            "Kept looking at an email notification on my second screen.",
            "Turn the second screen off during calls.",
            "",
        ),
    ),
    "honesty": (
        (
            "Said I was fluent in Spark when I've done one tutorial.",
            "Be straight: I've only tried it, my strength is SQL and pandas, and I learn tools "
            "quickly.",
            "Build a small real project in Spark before claiming it",
        ),
        (
            "Exaggerated my team size: said I managed five people, it was two interns.",
            "Say I mentored two interns; it is true and still a good story.",
            "",
        ),
        (
            "Pretended to know their BI tool when I had only seen a demo.",
            "Admit the gap and say how I would close it in the first month.",
            "Do the tool's free tutorial",
        ),
        (
            "Claimed the savings from {project} were all mine; it was a team effort.",
            "Say 'we' and then explain my own part clearly.",
            "",
        ),
    ),
    "other": (
        (
            "Shared my screen with my prep doc still open: '[bold]ask about salary[/bold]' right "
            "at the top.",
            "Close everything but what I'm presenting before sharing, or use a separate desktop.",
            "Set up a clean browser profile for interviews",
        ),
        (
            "The take-home took twice as long as they said and I handed it in rushed.",
            "Ask about scope up front and hand in a smaller finished piece with notes on next "
            "steps.",
            "",
        ),
        (
            "Brought up salary in the first five minutes of the screen.",
            "Wait until they raise it or the end of the call, then give a researched range.",
            "Look up salary ranges for the role",
        ),
        (
            "Spoke badly about my current manager when asked why I'm leaving.",
            "Talk about what I'm moving toward: bigger data problems and more ownership.",
            "",
        ),
        (
            "Had no questions at the end and said they had covered everything.",
            "Always keep two questions ready: the team's biggest challenge and how success is "
            "measured.",
            "Keep a list of good questions in my prep sheet",
        ),
    ),
}

_POSITIVES = (
    "Explained {project} clearly",
    "Good rapport with {name}",
    "Asked a sharp question about {topic}",
    "Stayed calm when the SQL exercise went sideways",
    "Arrived early and had time to settle",
    "Kept my answer on '{question}' short and concrete",
    "Gave numbers for the impact of {project}",
    "Admitted what I didn't know and reasoned it through out loud",
    "Knew their product and recent news well",
    "Good eye contact and a firm handshake",
    "Talked about why {company} specifically, and meant it",
    "Turned the weakness question into a real growth story",
    "Whiteboard solution worked on the first try",
    "Made {name} laugh, and the conversation relaxed after that",
    "Asked for clarification instead of guessing",
    "Ended with a clear summary of why I fit the {role} job",
)

_OPENERS_LOW = (
    "Well, that went sideways.",
    "Ugh.",
    "Not my best day.",
    "That was rough.",
    "Writing this on the bus home while it's still fresh.",
    "I feel like I blew it.",
)
_OPENERS_HIGH = (
    "Better than last time.",
    "Honestly, that felt okay.",
    "Mixed feelings, but mostly good.",
    "Good one, I think.",
    "Calmer than usual going in.",
)

_STAGE_LINES = {
    "screen": "Thirty-minute screen with {name} from the recruiting team.",
    "phone": "Phone call with {name}, about forty minutes.",
    "video": "Video call with {name} for the {role} job.",
    "technical": "Technical round with {name}: SQL first, then a modelling problem.",
    "onsite": "Onsite at {company}; met {name} and the team.",
    "panel": "Panel of three, {name} leading.",
    "final": "Final round with {name}, who runs the team.",
    "informational": "Informational coffee with {name} to learn how {company} works.",
    "other": "Walked {name} through my take-home exercise.",
}

_UPCOMING_LINES = {
    "screen": "Screening call with {name} from the recruiting team.",
    "phone": "Phone interview with {name}.",
    "video": "Video interview with {name} for the {role} job.",
    "technical": "Technical round with {name}; expect SQL and a modelling problem.",
    "onsite": "Onsite at {company} with {name} and the team.",
}

_HINTS = {
    "punctuality": "Arrived flustered and late, and never really settled.",
    "first-impression": "The opening was awkward and I never quite recovered.",
    "relevant-experience": "Afterwards I realised I left out my best experience.",
    "rambling": "I could hear myself going on and on and couldn't stop.",
    "blanked": "My mind went completely empty on one question.",
    "resume-consistency": "I think I said things that don't match my CV.",
    "listening": "I answered at least one question they didn't ask.",
    "industry-knowledge": "They talked about something in the field I knew nothing about.",
    "attire": "Felt wrong in my clothes the whole time.",
    "company-research": "I clearly hadn't done my homework on them.",
    "phone-distraction": "Got distracted at exactly the wrong moment.",
    "honesty": "I said something that wasn't quite true and it's bugging me.",
    "other": "One thing in particular keeps replaying in my head.",
}

_CLOSERS_LOW = (
    "Going to write up the mistakes properly tomorrow.",
    "I need a break from all this.",
    "No idea what they made of me.",
    "Doubting whether I'm cut out for this.",
)
_CLOSERS_HIGH = (
    "Sending the thank-you note tomorrow morning.",
    "I'm getting better at this.",
    "Whatever happens, I learned something.",
    "The prep is paying off.",
)

_PREP_LINES = (
    "Keep every answer under two minutes.",
    "Reread my should-haves on rambling before the call.",
    "Have the 'why {company}' answer ready.",
    "Leave 45 minutes early.",
    "Phone off, second screen off.",
    "Look up the latest news on {company}.",
    "Bring two questions about {topic}.",
)

_THANK_YOU = (
    "Dear {name},\n\nThank you for taking the time to talk with me about the {role} position. "
    "I enjoyed hearing about {topic}, and our conversation made me even keener on the work at "
    "{company}. My experience with {project} would let me contribute from the start.\n\n"
    "Best regards,\n{me}",
    "Hi {name},\n\nThanks again for meeting with me. Learning about {topic} was the "
    "highlight, and I left excited about what the team is building at {company}. I would "
    "welcome the chance to bring what I learned on {project} to the {role} role.\n\n"
    "Kind regards,\n{me}",
    "Dear {name},\n\nThank you for a thoughtful conversation about the {role} role. Since we "
    "spoke I have read more about {topic}, and it has only strengthened my interest in "
    "{company}. I look forward to hearing about the next steps.\n\nBest wishes,\n{me}",
    "Hello {name},\n\nI appreciated your time and your questions. The {role} role at {company} "
    "fits what I enjoy most, turning messy data into decisions, as I did with {project}. Thank "
    "you for considering me.\n\nAll the best,\n{me}",
)

_FEEDBACK_REQUEST = (
    "Hi {name},\n\nThank you again for considering me for the {role} role at {company}. As I "
    "continue my search, I would value any feedback on how I could make my interviews "
    "stronger; even a line or two would help.\n\nKind regards,\n{me}",
    "Dear {name},\n\nThanks for letting me know about your decision, and for the time you and "
    "the team at {company} gave me. If you are able to share what would have made my "
    "application stronger, I would be grateful.\n\nBest regards,\n{me}",
)

_SECOND_CHANCE = (
    "Dear {name},\n\nThank you for the conversation about the {role} role. Since then I have "
    "prepared a fuller answer on {topic}, which I think shows my fit better than I managed on "
    "the day. If a short follow-up call is possible, I would welcome it.\n\nBest regards,\n{me}"
)

# Where a stage leads when the candidate advances.
_NEXT_STAGES: dict[str, tuple[str, ...]] = {
    "screen": ("phone", "video", "technical"),
    "phone": ("video", "technical"),
    "video": ("technical", "panel"),
    "technical": ("onsite", "panel"),
    "panel": ("final",),
    "onsite": ("final",),
}
_FIRST_STAGES = ("screen", "phone", "video", "technical", "panel", "onsite", "informational")
_FIRST_STAGE_WEIGHTS = (30, 20, 22, 10, 5, 5, 4)
_LATER_STAGES = ("onsite", "panel", "final")


def _new_uuid(rng: random.Random) -> str:
    return str(uuid_module.UUID(int=rng.getrandbits(128), version=4))


def _clamp(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))


class _Sampler:
    """Draws texts of a pool in shuffled rounds, so the journal does not repeat itself early."""

    def __init__(self, rng: random.Random, size: int) -> None:
        self._rng = rng
        self._size = size
        self._deck: list[int] = []

    def draw(self) -> int:
        if not self._deck:
            self._deck = list(range(self._size))
            self._rng.shuffle(self._deck)
        return self._deck.pop()


class _Journal:
    def __init__(self, rng: random.Random, today: dt.date, count: int) -> None:
        self.rng = rng
        self.today = today
        self.count = count
        self.bulk = count > _BULK
        self.issue_texts = {slug: _Sampler(rng, len(texts)) for slug, texts in _ISSUE_TEXTS.items()}
        self.pipeline: list[tuple[str, str, str]] = []

    # -- the calendar ----------------------------------------------------------------------

    def past_dates(self, past: int) -> list[dt.date]:
        if past <= 0:
            return []
        rng = self.rng
        span = 365 * min(5, 1 + self.count // 2000)
        last = rng.randint(2, 4)  # the interview that just happened
        pool = range(last + 1, span + 1)
        if past - 1 <= len(pool):
            offsets = rng.sample(pool, past - 1)
        else:
            offsets = rng.choices(pool, k=past - 1)
        offsets.sort(reverse=True)
        offsets.append(last)
        return [self.today - dt.timedelta(days=offset) for offset in offsets]

    def upcoming_dates(self, upcoming: int) -> list[dt.date]:
        offsets = sorted(self.rng.sample(range(2, 11), upcoming))
        return [self.today + dt.timedelta(days=offset) for offset in offsets]

    # -- people and places -------------------------------------------------------------------

    def person(self) -> str:
        return f"{self.rng.choice(_FIRST_NAMES)} {self.rng.choice(_LAST_NAMES)}"

    def interviewers(self, stage: str) -> list[str]:
        size = {"panel": 3, "onsite": 2, "final": 2}.get(stage, 1)
        names: list[str] = []
        while len(names) < size:
            name = self.person()
            if name not in names:
                names.append(name)
        return names

    def company_role_stage(self, forced_stage: str | None = None) -> tuple[str, str, str]:
        rng = self.rng
        if self.pipeline and rng.random() < 0.6:
            company, role, stage = self.pipeline.pop(0)
        else:
            company, role = rng.choice(_COMPANIES), rng.choice(_ROLES)
            stage = rng.choices(_FIRST_STAGES, _FIRST_STAGE_WEIGHTS)[0]
        return company, role, forced_stage or stage

    def interview_time(self) -> dt.time | None:
        if self.rng.random() < 0.15:
            return None
        return dt.time(self.rng.randint(9, 16), self.rng.choice((0, 0, 15, 30, 30, 45)))

    def slots(self, company: str, role: str, interviewers: list[str]) -> dict[str, str]:
        rng = self.rng
        return {
            "company": company,
            "role": role,
            "name": interviewers[0].split()[0],
            "project": rng.choice(_PROJECTS),
            "question": rng.choice(_QUESTIONS),
            "topic": rng.choice(_TOPICS),
            "minutes": str(rng.choice((5, 10, 12, 15, 20))),
            "me": _PERSON,
        }

    # -- the story ---------------------------------------------------------------------------

    @staticmethod
    def story_categories(i: int, past: int) -> list[str]:
        """The categories the trend story puts on past interview `i` of `past` (seed-free)."""
        t = i / max(1, past - 1)
        found: list[str] = []
        if i % 3 != 1 or t > 0.85:
            found.append("rambling")
        if (t < 0.4 and i % 4 != 3) or (0.4 <= t < 0.85 and i % 6 == 0) or i == past - 2:
            found.append("blanked")
        if t < 0.35 and i % 2 == 0:
            found.append("punctuality")
        if t < 0.3 and i % 3 == 2:
            found.append("company-research")
        for slug, at in zip(STORY["once"], (0.2, 0.45, 0.6, 0.75), strict=True):
            if past >= 8 and i == round(at * (past - 1)):
                found.append(slug)
        return found

    def issue_total(self, t: float, story: int) -> int:
        rng = self.rng
        if self.bulk:
            target = rng.randint(3, 7)
        elif t < 0.33:
            target = rng.choices((1, 2, 3, 4), (1, 3, 4, 2))[0]
        elif t < 0.66:
            target = rng.choices((1, 2, 3, 4), (2, 4, 3, 1))[0]
        else:
            target = rng.choices((1, 2, 3, 4), (4, 4, 2, 0))[0]
        total = max(target, story, 1)
        return total if self.bulk else min(total, 4)

    def fillers(self, k: int, taken: list[str]) -> list[str]:
        if k <= 0:
            return []
        pool = [(slug, weight) for slug, weight in _FILLERS if slug not in taken]
        if self.bulk or k > len(pool):
            slugs, weights = zip(*_FILLERS, strict=True)
            return self.rng.choices(slugs, weights, k=k)
        chosen: list[str] = []
        for _ in range(k):
            slugs, weights = zip(*pool, strict=True)
            slug = self.rng.choices(slugs, weights)[0]
            chosen.append(slug)
            pool = [(s, w) for s, w in pool if s != slug]
        return chosen

    def issues(self, i: int, past: int, t: float, slots: dict[str, str], owner: str) -> list[Issue]:
        rng = self.rng
        categories = self.story_categories(i, past)
        total = self.issue_total(t, len(categories))
        if i == past - 1:
            total = max(total, 2)  # the fresh brain dump lists a few things
        categories = categories[:total]
        categories += self.fillers(total - len(categories), categories)
        rng.shuffle(categories)
        issues: list[Issue] = []
        for slug in categories:
            texts = _ISSUE_TEXTS[slug]
            # The once-only mistakes show their most telling text (markup, emoji) in the demo.
            index = 0 if slug in ("phone-distraction", "other") else self.issue_texts[slug].draw()
            problem, should_have, action = texts[index]
            if slug in _INDEFENSIBLE:
                severity = rng.choice((2, 3, 3))
            else:
                severity = rng.choices((1, 2, 3), (3, 5, 2))[0]
            issues.append(
                Issue(
                    problem=problem.format_map(slots),
                    should_have=should_have.format_map(slots),
                    category=slug,
                    severity=severity,
                    action=action.format_map(slots) if action and rng.random() < 0.75 else "",
                    interview_uuid=owner,
                    uuid=_new_uuid(rng),
                )
            )
        if i == past - 1:
            # Just brain-dumped: nothing categorised or solved yet.
            for issue in issues:
                issue.category, issue.should_have, issue.action = None, "", ""
        elif i == past - 2 and issues:
            # Assessed, but the last mistake still waits for its solution.
            issues[-1].should_have, issues[-1].action = "", ""
        return issues

    def outcome(self, stage: str, t: float, days_ago: int) -> str:
        rng = self.rng
        if days_ago < 10 or (days_ago < 25 and rng.random() < 0.5):
            return "pending"
        if stage == "informational":
            return rng.choice(("advanced", "no-response"))
        if t < 0.5:
            weights = (20, 0, 45, 5, 30)
        else:
            offer = 15 if t > 0.75 and stage in _LATER_STAGES else 0
            weights = (35, offer, 30, 5, 20)
        outcome = rng.choices(
            ("advanced", "offer", "rejected", "withdrawn", "no-response"), weights
        )
        if outcome[0] == "advanced" and stage not in _NEXT_STAGES:
            return "offer" if t > 0.75 else "rejected"
        return outcome[0]

    def feelings(self, t: float, outcome: str) -> list[str]:
        rng = self.rng
        # The mood of the day decides the first feeling; the others mostly follow it.
        upbeat = rng.random() < 0.1 + 0.75 * t + (0.3 if outcome == "offer" else 0.0)
        found: list[str] = []
        for _ in range(rng.choice((1, 2, 2, 3))):
            positive = upbeat if not found or rng.random() < 0.8 else not upbeat
            feeling = rng.choice(POSITIVE_FEELINGS if positive else NEGATIVE_FEELINGS)
            if feeling not in found:
                found.append(feeling)
        return found

    def notes(
        self, feelings: list[str], stage: str, issues: list[Issue], slots: dict[str, str]
    ) -> str:
        rng = self.rng
        upbeat = bool(feelings) and feelings[0] in POSITIVE_FEELINGS
        parts = [
            rng.choice(_OPENERS_HIGH if upbeat else _OPENERS_LOW),
            _STAGE_LINES[stage].format_map(slots),
        ]
        slugs = [issue.category for issue in issues if issue.category]
        if slugs:
            parts.append(_HINTS[slugs[0]])
        elif issues:
            parts.append(issues[0].problem)
        parts.append(rng.choice(_CLOSERS_HIGH if upbeat else _CLOSERS_LOW))
        return " ".join(parts)

    def positives(self, t: float, slots: dict[str, str], owner: str) -> list[Positive]:
        rng = self.rng
        size = rng.choices((1, 2, 3), (5, 3, 1) if t < 0.5 else (1, 3, 3))[0]
        return [
            Positive(
                text=_POSITIVES[index].format_map(slots), interview_uuid=owner, uuid=_new_uuid(rng)
            )
            for index in rng.sample(range(len(_POSITIVES)), size)
        ]

    def follow_ups(
        self, i: int, past: int, date: dt.date, outcome: str, slots: dict[str, str], owner: str
    ) -> list[FollowUp]:
        rng = self.rng
        found: list[FollowUp] = []
        # Most get a thank-you; the one before the three latest shows a solved, unthanked step.
        if i >= past - 3 or (i != past - 4 and rng.random() < 0.88):
            due = date + dt.timedelta(days=1)
            done = None if i >= past - 2 else min(due, self.today)
            text = rng.choice(_THANK_YOU).format_map(slots)
            found.append(
                FollowUp("thank-you", due, done, text, interview_uuid=owner, uuid=_new_uuid(rng))
            )
        if outcome == "rejected" and rng.random() < 0.35:
            due = date + dt.timedelta(days=rng.randint(7, 14))
            done = due if due <= self.today - dt.timedelta(days=3) else None
            text = rng.choice(_FEEDBACK_REQUEST).format_map(slots)
            found.append(
                FollowUp(
                    "feedback-request", due, done, text, interview_uuid=owner, uuid=_new_uuid(rng)
                )
            )
        elif outcome == "rejected" and rng.random() < 0.06:
            due = date + dt.timedelta(days=3)
            done = due if due <= self.today else None
            found.append(
                FollowUp(
                    "second-chance-request",
                    due,
                    done,
                    _SECOND_CHANCE.format_map(slots),
                    "Only worth it because I now have a real answer to add.",
                    interview_uuid=owner,
                    uuid=_new_uuid(rng),
                )
            )
        return found

    # -- records ---------------------------------------------------------------------------

    def past_record(
        self, i: int, past: int, date: dt.date, offer_at: int | None
    ) -> InterviewRecord:
        rng = self.rng
        t = i / max(1, past - 1)
        days_ago = (self.today - date).days
        company, role, stage = self.company_role_stage("final" if i == offer_at else None)
        interviewers = self.interviewers(stage)
        owner = _new_uuid(rng)
        slots = self.slots(company, role, interviewers)
        outcome = "offer" if i == offer_at else self.outcome(stage, t, days_ago)
        if outcome == "advanced" and stage in _NEXT_STAGES:
            self.pipeline.append((company, role, rng.choice(_NEXT_STAGES[stage])))
            del self.pipeline[:-6]
        issues = self.issues(i, past, t, slots, owner)
        feelings = self.feelings(t, outcome)
        rating = None
        if rng.random() >= 0.08:
            rating = _clamp(1.4 + 3.0 * t + rng.uniform(-1, 1) - 0.25 * (len(issues) - 2), 1, 5)
        interview = Interview(
            company=company,
            role=role,
            date=date,
            time=self.interview_time(),
            stage=stage,
            interviewers=interviewers,
            outcome=outcome,
            rating=rating,
            feelings=feelings,
            notes=self.notes(feelings, stage, issues, slots),
            # Moved on from most that are two months old; the latest few are still being worked.
            closed=i < past - 4 and days_ago > 60 and rng.random() < 0.9,
            uuid=owner,
        )
        return InterviewRecord(
            interview,
            issues,
            self.positives(t, slots, owner),
            self.follow_ups(i, past, date, outcome, slots, owner),
        )

    def upcoming_record(self, date: dt.date, first: bool) -> InterviewRecord:
        rng = self.rng
        if first and self.pipeline:
            company, role, stage = self.pipeline.pop()
        else:
            company, role = rng.choice(_COMPANIES), rng.choice(_ROLES)
            stage = rng.choice(("video", "technical", "onsite") if first else ("screen", "phone"))
        interviewers = self.interviewers(stage)
        slots = self.slots(company, role, interviewers)
        prep = [line.format_map(slots) for line in rng.sample(_PREP_LINES, 3)]
        line = _UPCOMING_LINES.get(stage, _STAGE_LINES[stage]).format_map(slots)
        notes = f"{line} Prep: {' '.join(prep)}"
        interview = Interview(
            company=company,
            role=role,
            date=date,
            time=dt.time(rng.choice((9, 10, 11, 14, 15)), rng.choice((0, 30))),
            stage=stage,
            interviewers=interviewers,
            outcome="pending",
            rating=None,
            feelings=[],
            notes=notes,
            closed=False,
            uuid=_new_uuid(rng),
        )
        return InterviewRecord(interview)


def generate_sample(
    count: int = 30, *, today: dt.date | None = None, seed: int = 7
) -> list[InterviewRecord]:
    """A deterministic sample journal of `count` interviews, ordered by date.

    All but one or two lie before `today` (the demo spans a year, a large count several years);
    the rest are upcoming, 2 to 10 days ahead. The same `count`, `today` and `seed` always give
    the same records, uuids included. Above 1,000 interviews each carries about five issues (the
    benchmark journal); below, one to four.
    """
    if count <= 0:
        return []
    today = today or dt.date.today()
    journal = _Journal(random.Random(seed), today, count)
    upcoming = 2 if count >= 10 else 1 if count >= 2 else 0
    past = count - upcoming
    dates = journal.past_dates(past)
    # The latest interview decided long enough ago, late in the year, became an offer.
    decided = [i for i, date in enumerate(dates) if (today - date).days >= 14]
    offer_at = decided[-1] if decided and decided[-1] >= 0.6 * past and past >= 8 else None
    records = [journal.past_record(i, past, date, offer_at) for i, date in enumerate(dates)]
    for n, date in enumerate(journal.upcoming_dates(upcoming)):
        records.append(journal.upcoming_record(date, first=n == 0))
    return records
