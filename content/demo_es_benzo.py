"""The Spanish benzodiazepine page, written in Spanish from the content brief (shared/content-brief.md),
with the same facts, in the same order, as the English page (content.demo_benzo)."""

from content.demo_benzo import SOURCES as ENGLISH_SOURCES
from content.demo_benzo import bullets, faq, text, warning

# No Spanish version of these sources is named in the content brief: the English ones stay, and
# say so to a Spanish reader.
SOURCES = [{**source, "title": f"{source['title']} (en inglés)"} for source in ENGLISH_SOURCES]

FIELDS = {
    "title": "Tratamiento de la adicción a las benzodiazepinas",
    "kind": "substance",
    "summary": "Qué son las benzodiazepinas, cómo saber si su uso se ha vuelto un problema, por qué "
    "dejarlas requiere supervisión médica y cómo ayuda el tratamiento.",
    "seo_title": "Adicción a las benzodiazepinas: tratamiento y abstinencia segura",
    "seo_description": "Señales de uso indebido de benzodiazepinas, síntomas de abstinencia y por qué "
    "conviene dejarlas poco a poco con un médico. Llame a Nexus Recovery.",
    "drug_name": "Benzodiazepinas",
    "brand_names": "Ativan, Xanax, Valium, Klonopin, Tranxene, Librium",
    "order": 1,
}

# A SAMPLE testimonial of its own: a quote is a person's own words, so a Spanish one is not a
# translation of the English one (and would need its own consent if it were real).
TESTIMONIAL = {
    "display_name": "Lucía M.",
    "quote": "Me daba miedo dejarlas yo sola. El equipo fue conmigo paso a paso, me explicó cada cambio "
    "de dosis y, por primera vez en años, sentí que tenía un plan.",
    "program": "Desintoxicación médica y tratamiento residencial",
}

SECTIONS = [
    text(
        "Qué son las benzodiazepinas",
        "Las benzodiazepinas, que mucha gente llama «benzos», son sedantes (tranquilizantes) que se venden "
        "con receta. Los médicos las recetan para la ansiedad, el trastorno de pánico, el insomnio, las "
        "convulsiones y los espasmos musculares, y también para calmar a la persona antes de algunos "
        "procedimientos médicos. Están entre los medicamentos que más se recetan en el país y pueden crear "
        "hábito: tómelas solo tal como se lo indique su médico.[^1][^2]\n\n"
        "Algunos ejemplos, con su nombre genérico y su marca, son el lorazepam (Ativan), el alprazolam "
        "(Xanax), el diazepam (Valium) y el clonazepam (Klonopin). El clorazepato (Tranxene), el "
        "clordiazepóxido (Librium) y el estazolam son de la misma familia.\n\n"
        "Su efecto principal es reforzar la acción del GABA en el receptor GABA-A. El GABA es el mensajero "
        "químico que más calma la actividad del cerebro (un neurotransmisor inhibidor). Como otras drogas "
        "adictivas, las benzodiazepinas también aumentan de forma indirecta la dopamina en el sistema de "
        "recompensa del cerebro, y eso explica en parte por qué pueden causar adicción.[^1]",
    ),
    text(
        "Cuándo el uso se vuelve un problema",
        "Tomar una benzodiazepina para divertirse, o de cualquier forma distinta a la recetada, es un uso "
        "indebido. Es momento de pedir ayuda si usted toma más de lo que dice su receta, se siente mal "
        "física o emocionalmente cuando no la toma, quiere seguir tomándola aunque le esté dañando la "
        "salud, o nota que perjudica sus relaciones, su trabajo o su calidad de vida.",
    ),
    bullets(
        "Señales de uso indebido de benzodiazepinas",
        "Cualquiera de estas señales es motivo suficiente para hablar con un médico o con nosotros:",
        [
            "Tomar el medicamento de una forma distinta a la recetada",
            "Tolerancia: necesitar más cantidad para sentir el mismo efecto",
            "Ir a varios médicos para conseguir recetas nuevas",
            "Un uso que a menudo interfiere con el trabajo, los estudios o la vida en casa",
            "Ponerse en riesgo, o poner en riesgo a otras personas, bajo sus efectos",
            "Intentar tomar menos o dejarlas, sin conseguirlo",
            "Síntomas de abstinencia, como ansias de tomarlas, pesadillas, insomnio, cansancio, "
            "irritabilidad, ansiedad o depresión",
            "Robar o vender recetas, u otras actividades ilegales, para pagar más",
            "Mentir sobre el uso, o ponerse a la defensiva cuando alguien pregunta",
        ],
    ),
    bullets(
        "Efectos del uso indebido a largo plazo",
        "El uso indebido de benzodiazepinas durante mucho tiempo se ha relacionado con:",
        [
            "Convulsiones",
            "Daño cerebral",
            "Pérdida de memoria o problemas de memoria",
            "Problemas para hablar",
            "Cambios bruscos de humor",
            "Pensamientos suicidas",
            "Daño en el hígado",
        ],
    ),
    bullets(
        "Efectos secundarios frecuentes",
        "Aun tomadas como se recetan, las benzodiazepinas pueden causar:",
        [
            "Confusión",
            "Somnolencia",
            "Temblores",
            "Sensación de aturdimiento",
            "Visión borrosa o alterada",
            "Falta de coordinación",
            "Sentimientos de depresión",
        ],
    ),
    warning(
        "Mezclar benzodiazepinas con opioides o alcohol",
        "La mayoría de las sobredosis de benzodiazepinas ocurren junto con otra sustancia, como opioides, "
        "alcohol, barbitúricos o antidepresivos. Juntas frenan todavía más el sistema nervioso central: la "
        "respiración y el ritmo del corazón pueden bajar a niveles peligrosos y llevar a la pérdida del "
        "conocimiento, al coma o a la muerte. Cualquier otra sustancia que dé sueño aumenta mucho el "
        "riesgo.[^3]\n\n"
        "**Si alguien está muy adormilado, no se despierta o respira muy despacio, llame al 911 ahora.**",
    ),
    warning(
        "No deje las benzodiazepinas de golpe",
        "Con el uso regular, el cuerpo se vuelve físicamente dependiente. Dejarlas de repente puede ser "
        "peligroso y causar temblores, calambres musculares y convulsiones. Hable antes con un médico: la "
        "forma segura de dejarlas es bajar la dosis poco a poco (una reducción gradual) con supervisión "
        "médica.[^2]",
    ),
    bullets(
        "Para qué se recetan las benzodiazepinas",
        "Los médicos las usan para tratar:",
        ["Insomnio (dificultad para dormir)", "Tensión muscular (como relajante muscular)", "Ansiedad", "Convulsiones"],
    ),
    text(
        "Cómo afectan al cerebro y al sistema nervioso",
        "Las benzodiazepinas hacen más lenta la actividad del cerebro; por eso la persona se siente tranquila "
        "o con sueño. Algunos informes relacionan el uso prolongado con dificultades para pensar con "
        "claridad, como olvidar datos o habilidades que ya se conocían. Algunos estudios han encontrado una "
        "asociación entre el uso prolongado y un mayor riesgo de enfermedad de Alzheimer y de otras "
        "demencias; esa evidencia se sigue debatiendo, y no se ha demostrado que las benzodiazepinas causen "
        "demencia. Por lo general, se considera seguro usarlas poco tiempo y según las indicaciones del "
        "médico; el uso prolongado es más discutido por el riesgo de adicción.[^1]",
    ),
    bullets(
        "Síntomas de abstinencia",
        "La abstinencia puede aparecer incluso con dosis bajas tomadas como se recetaron. Debe vigilarla un "
        "equipo médico, casi siempre con una reducción gradual de la dosis. Los síntomas pueden ser:[^2]",
        [
            "Sudoración",
            "Náuseas",
            "Dolor muscular",
            "Irritabilidad",
            "Problemas para dormir",
            "Ataques de pánico",
            "Rigidez",
            "Dolores de cabeza",
            "Más tensión o ansiedad",
            "Palpitaciones (latidos rápidos o muy fuertes)",
            "Temblores musculares",
            "Convulsiones",
            "Psicosis",
        ],
    ),
    text(
        "Cómo pedir ayuda",
        "La recuperación suele empezar cuando la persona reconoce que hay un problema. A veces la familia "
        "organiza una intervención para ayudar a un ser querido a verlo. Después, lo mejor es empezar el "
        "tratamiento pronto, con un plan pensado para esa persona. La Línea Nacional de Ayuda de SAMHSA "
        "(1-800-662-4357) es gratuita y confidencial, atiende las 24 horas, todos los días, en inglés y en "
        "español, y también puede orientarle sobre servicios de tratamiento.[^4]\n\n"
        "Si usted o alguien cercano está pensando en hacerse daño, llame o envíe un mensaje de texto al 988. "
        "Si hay un peligro inmediato, llame al 911.",
    ),
    text(
        "Tratamiento residencial y ambulatorio",
        "Como la abstinencia puede poner la vida en peligro, recomendamos empezar con la desintoxicación y "
        "el tratamiento a cargo de un equipo médico. El uso indebido muchas veces comienza con una receta "
        "para un problema de salud mental, como la ansiedad, y sigue como una forma de sobrellevarlo. Por "
        "eso tratamos la adicción y el problema de salud mental al mismo tiempo (lo que se llama "
        "diagnóstico dual).",
    ),
    text(
        "La recuperación continúa",
        "La recuperación dura toda la vida: se trata de aprender a manejar una enfermedad y de cambiar la "
        "forma de vivir, no de una cura de una sola vez. El tratamiento le ayuda a encontrar maneras sanas "
        "de afrontar las dificultades, a manejar el estrés y lo que le provoca ganas de consumir, y a cuidar "
        "su salud mental de otras formas, con información y el apoyo de un equipo especializado.",
    ),
    faq(
        "¿Puedo volverme dependiente de una benzodiazepina aunque la tome como me la recetaron?",
        "Sí. La dependencia física puede aparecer con el uso regular, incluso con las dosis recetadas. Por "
        "eso, la forma de dejarla se planea con un médico.",
        heading="Preguntas frecuentes",
    ),
    faq(
        "¿Cuánto dura una reducción gradual con supervisión médica?",
        "Depende del medicamento, de la dosis y del tiempo que lleve tomándolo. El equipo médico marca el "
        "ritmo y lo ajusta según cómo se sienta usted.",
    ),
    faq(
        "¿Mi información se mantendrá en privado?",
        "Sí. Lo que le cuente a nuestro equipo de admisiones es confidencial; nuestro aviso de privacidad "
        "explica qué datos guardamos y por qué.",
    ),
]
