"""The benzodiazepine page, written in our own words from the content brief (shared/content-brief.md),
and the builders every demo page shares."""

import datetime

from content.models import Section, Source

ACCESSED = datetime.date(2026, 11, 1)

SOURCES = [
    {
        "title": "Prescription CNS Depressants DrugFacts",
        "publisher": "National Institute on Drug Abuse (NIDA)",
        "url": "https://nida.nih.gov/publications/drugfacts/prescription-cns-depressants",
    },
    {
        "title": "FDA requiring Boxed Warning updated to improve safe use of benzodiazepine drug class",
        "publisher": "U.S. Food and Drug Administration (FDA), Drug Safety Communication, 2020",
        "url": "https://www.fda.gov/drugs/drug-safety-and-availability/"
        "fda-requiring-boxed-warning-updated-improve-safe-use-benzodiazepine-drug-class",
    },
    {
        "title": "FDA warns about serious risks and death when combining opioid pain or cough medicines "
        "with benzodiazepines",
        "publisher": "U.S. Food and Drug Administration (FDA), Drug Safety Communication, 2016",
        "url": "https://www.fda.gov/drugs/drug-safety-and-availability/"
        "fda-drug-safety-communication-fda-warns-about-serious-risks-and-death-when-combining-opioid-pain-or",
    },
    {
        "title": "SAMHSA's National Helpline",
        "publisher": "Substance Abuse and Mental Health Services Administration (SAMHSA)",
        "url": "https://www.samhsa.gov/find-help/national-helpline",
    },
]


def text(heading, body):
    return {"kind": "text", "heading": heading, "body": body}


def bullets(heading, body, items):
    return {"kind": "list", "heading": heading, "body": body, "items": "\n".join(items)}


def warning(heading, body):
    return {"kind": "warning", "heading": heading, "body": body}


def faq(question, answer, heading=""):
    return {"kind": "faq", "heading": heading, "question": question, "body": answer}


def add_content(page, sections, sources=(), related=None):
    """A new demo page's sections, sources and related pages, in order."""
    for order, section in enumerate(sections):
        Section.objects.create(page=page, order=order, **section)
    for order, source in enumerate(sources):
        Source.objects.create(page=page, order=order, accessed_on=ACCESSED, **source)
    if related is not None:
        page.related.set(related)


SECTIONS = [
    text(
        "What benzodiazepines are",
        "Benzodiazepines, often called benzos, are prescription sedatives (tranquilizers). Doctors prescribe "
        "them for anxiety, panic disorder, sleeplessness, seizures and muscle spasms, and to calm people "
        "before some medical procedures. They are among the most commonly prescribed medicines in the "
        "country, and they can be habit-forming, so take them only exactly as your doctor directs.[^1][^2]\n\n"
        "Common examples, by generic name and brand, are lorazepam (Ativan), alprazolam (Xanax), diazepam "
        "(Valium) and clonazepam (Klonopin); clorazepate (Tranxene), chlordiazepoxide (Librium) and "
        "estazolam belong to the same family.\n\n"
        "Benzodiazepines work mainly by strengthening the effect of GABA, the brain's main calming "
        "(inhibitory) chemical messenger, at the GABA-A receptor. Like other addictive drugs, they also "
        "indirectly raise dopamine in the brain's reward system, which is part of why they can lead to "
        "addiction.[^1]",
    ),
    text(
        "When use becomes a problem",
        "Taking a benzodiazepine for fun, or in any way other than prescribed, is misuse. It is time to "
        "ask for help if you take more than your prescription says, feel emotionally or physically unwell "
        "when you are not taking it, want to keep taking it even though it is harming your health, or "
        "notice it is hurting your relationships, your work or your quality of life.",
    ),
    bullets(
        "Signs of benzodiazepine abuse",
        "Any one of these is a reason to talk to a doctor or to us:",
        [
            "Taking the medicine in a way it was not prescribed",
            "Tolerance: needing more to feel the same effect",
            "Seeing several doctors to get new prescriptions (doctor shopping)",
            "Use that regularly gets in the way of work, school or home life",
            "Putting yourself or others at risk while under the influence",
            "Trying to cut down or stop, without success",
            "Withdrawal symptoms such as craving, nightmares, poor sleep, tiredness, irritability, anxiety or low mood",
            "Stealing or selling prescriptions, or other illegal activity, to pay for more",
            "Lying about use, or becoming defensive when asked about it",
        ],
    ),
    bullets(
        "Long-term effects of abuse",
        "Misusing benzodiazepines for a long time has been linked with:",
        [
            "Seizures",
            "Brain damage",
            "Memory loss or impaired memory",
            "Problems with speech",
            "Mood swings",
            "Suicidal thoughts",
            "Liver damage",
        ],
    ),
    bullets(
        "Common side effects",
        "Even when taken as prescribed, benzodiazepines can cause:",
        [
            "Confusion",
            "Drowsiness",
            "Trembling",
            "Grogginess",
            "Blurred or impaired vision",
            "Poor coordination",
            "Feeling depressed",
        ],
    ),
    warning(
        "Mixing benzodiazepines with opioids or alcohol",
        "Most benzodiazepine overdoses involve another substance, such as opioids, alcohol, barbiturates or "
        "antidepressants. Together they slow the central nervous system further: breathing and heart rate "
        "can drop to dangerous levels, leading to unconsciousness, coma or death. Any other sedating "
        "substance raises the risk sharply.[^3]\n\n"
        "**If someone is very sleepy, cannot be woken or is breathing slowly, call 911 now.**",
    ),
    warning(
        "Do not stop taking benzodiazepines suddenly",
        "After regular use the body becomes physically dependent. Stopping all at once can be dangerous and "
        "can cause tremors, muscle cramps and seizures. Talk to a doctor first: the safe way to stop is a "
        "gradual reduction (a taper) under medical supervision.[^2]",
    ),
    bullets(
        "What benzodiazepines are prescribed for",
        "Doctors use them to treat:",
        ["Insomnia (trouble sleeping)", "Muscle tension (as a muscle relaxant)", "Anxiety", "Seizures"],
    ),
    text(
        "How they affect the brain and nervous system",
        "Benzodiazepines slow down brain activity, which is why people feel calm or sleepy. Reports link "
        "long-term use with problems thinking clearly, such as forgetting facts and skills a person already "
        "knew. Some studies have found an association between long-term use and a higher risk of "
        "Alzheimer's disease and other dementias; the evidence is debated, and it has not been shown that "
        "benzodiazepines cause dementia. Short-term use as directed is generally considered safe; long-term "
        "use is more controversial because of the risk of addiction.[^1]",
    ),
    bullets(
        "Withdrawal symptoms",
        "Withdrawal can happen even at low doses taken as prescribed, and it should be watched by a medical "
        "team, usually with a gradual taper. Symptoms can include:[^2]",
        [
            "Sweating",
            "Nausea",
            "Muscle pain",
            "Irritability",
            "Trouble sleeping",
            "Panic attacks",
            "Stiffness",
            "Headaches",
            "More tension or anxiety",
            "A racing or pounding heart (palpitations)",
            "Muscle tremors",
            "Seizures",
            "Psychosis",
        ],
    ),
    text(
        "Getting help",
        "Recovery often starts with admitting there is a problem. Sometimes a family arranges an "
        "intervention to help a loved one see it. Afterwards, the best next step is to start treatment "
        "promptly, with a treatment plan built around the person. SAMHSA's free, confidential National "
        "Helpline (1-800-662-4357) can also point you to services.[^4]",
    ),
    text(
        "Inpatient and outpatient treatment",
        "Because withdrawal can be life-threatening, we recommend starting with detox and treatment under a "
        "medical team. Misuse often begins with a prescription for a mental-health condition, such as "
        "anxiety, and continues as a way of coping with it. That is why we treat the addiction and the "
        "mental-health condition together (dual diagnosis).",
    ),
    text(
        "Ongoing recovery",
        "Recovery is lifelong: it is about managing a condition and changing how you live, not a single "
        "cure. Treatment helps you build healthy ways of coping, manage stress and triggers, and find other "
        "ways to look after your mental health, supported by education and a specialised team.",
    ),
    faq(
        "Can I become dependent on a benzodiazepine taken as prescribed?",
        "Yes. Physical dependence can develop with regular use even at prescribed doses, which is why "
        "stopping should be planned with a doctor.",
        heading="Frequently asked questions",
    ),
    faq(
        "How long does a supervised taper take?",
        "It depends on the medicine, the dose and how long it has been taken. A medical team sets the pace "
        "and adjusts it to how you feel.",
    ),
    faq(
        "Will my information be kept private?",
        "Yes. What you tell our admissions team is confidential; our privacy notice explains what we keep and why.",
    ),
]
