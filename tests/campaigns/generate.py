#!/usr/bin/env python3
"""tests/campaigns/generate.py - a labelled synthetic set for the campaign matcher.

    generate.py [--seed N] [--scale X] [--burst] > set.tsv
    generate.py --boilerplate [--seed N] [--scale X] > set.tsv

Writes tab-separated rows: label, lang, target, stance, region, channel, submitter (hex or
empty), minute (offset from the start), text. Rows with the same label "c<N>" are copies of
one form letter (campaign N), each changed the way senders change them: another greeting or
none, a signature, typos, sentences swapped, Latin letters that look like Cyrillic ones (and
the reverse), case and punctuation. Rows labelled "s<N>" are independent proposals written
on the same articles with the same vocabulary; some quote one sentence of a form letter. Kazakh, Russian and English. The same seed
gives the same set. --burst adds one more campaign sent within a few minutes.

--boilerplate writes the set of issue 17 instead: six form letters (two per language),
changed the same ways, among 280 short independent proposals that each say their own thing
in a few words and share opening and closing boilerplate sentences with many others.
"""
import argparse
import random
import sys

TEMPLATES = {
    "ru": [
        ["Мы, жители нашего района, требуем сохранить статью о местном самоуправлении без изменений.",
         "Маслихаты должны избираться прямым голосованием граждан.",
         "Акимы сёл и районов должны отчитываться перед жителями каждый год.",
         "Просим Комиссию учесть мнение регионов при окончательной редакции."],
        ["Предлагаю закрепить в статье 4, что народ является единственным источником государственной власти.",
         "Любые изменения Конституции должны приниматься только на республиканском референдуме.",
         "Нельзя допускать, чтобы парламент сам продлевал свои полномочия.",
         "Прошу поддержать эту поправку ради будущего наших детей."],
        ["Государственный язык должен оставаться основой единства страны, но русский язык надо сохранить в официальном употреблении.",
         "Каждый гражданин имеет право обращаться в государственные органы на родном языке.",
         "Школы обязаны обеспечить обучение на двух языках по выбору родителей."],
        ["Земля и её недра принадлежат народу и не могут продаваться иностранцам.",
         "Аренда сельскохозяйственных земель иностранным компаниям должна быть запрещена.",
         "Доходы от природных ресурсов следует направлять в национальный фонд для будущих поколений.",
         "Прошу внести эту норму в окончательный текст."],
    ],
    "kk": [
        ["Біз, ауыл тұрғындары, жергілікті өзін-өзі басқару туралы бапты өзгеріссіз сақтауды талап етеміз.",
         "Мәслихат депутаттары азаматтардың тікелей дауыс беруімен сайлануы тиіс.",
         "Ауыл әкімдері жыл сайын халық алдында есеп беруге міндетті.",
         "Комиссиядан өңірлердің пікірін ескеруді сұраймыз."],
        ["Жер және оның қойнауы халыққа тиесілі және шетелдіктерге сатылмауы керек.",
         "Ауыл шаруашылығы жерлерін шетелдік компанияларға жалға беруге тыйым салынсын.",
         "Табиғи ресурстардан түскен табыс ұлттық қорға келешек ұрпақ үшін жіберілуі тиіс."],
        ["Мемлекеттік тіл елдің бірлігінің негізі болып қала беруі керек.",
         "Әр азамат мемлекеттік органдарға ана тілінде жүгіне алуы тиіс.",
         "Мектептер ата-ананың таңдауы бойынша екі тілде оқытуды қамтамасыз етуге міндетті.",
         "Осы түзетуді қолдауыңызды сұраймын."],
        ["Конституцияға кез келген өзгеріс тек республикалық референдумда қабылдануы тиіс.",
         "Парламент өз өкілеттігін өзі ұзартуына жол берілмеуі керек.",
         "Халық мемлекеттік биліктің бірден-бір бастауы екені төртінші бапта нақты жазылсын."],
    ],
    "en": [
        ["We, the undersigned residents, ask that the article on local self-government be kept as it is.",
         "Members of local councils must be elected by direct popular vote.",
         "Village and district akims must report to residents every year.",
         "We ask the Commission to take the views of the regions into account in the final text."],
        ["The right to peaceful assembly must not depend on a permit from the local authorities.",
         "A notification three days in advance should be enough for any public meeting.",
         "Nobody may be detained for taking part in a peaceful assembly.",
         "Please support this amendment to protect our basic freedoms."],
        ["Land and its subsoil belong to the people and must never be sold to foreign owners.",
         "Leasing farmland to foreign companies should be prohibited outright.",
         "Revenue from natural resources should go to the national fund for future generations."],
        ["Judges of the Constitutional Court must be appointed for a single non-renewable term.",
         "Any citizen should be able to bring a complaint to the Constitutional Court directly.",
         "Court decisions must be published in full within ten days.",
         "I urge the Commission to adopt this wording."],
    ],
}

# The form letter of --burst, used nowhere else.
BURST = ["Требуем прямо записать в Конституции, что пенсионный возраст не может повышаться без референдума.",
         "Пенсии должны индексироваться не реже одного раза в год с учётом реальной инфляции.",
         "Пенсионные накопления граждан нельзя направлять на покрытие дефицита бюджета.",
         "Мы отправляем это обращение вместе и ждём ответа Комиссии."]

GREETINGS = {
    "ru": ["Уважаемая Комиссия!", "Уважаемые члены Конституционной комиссии,", "Здравствуйте!",
           "Добрый день, уважаемые депутаты.", "Дорогие члены Комиссии!", "Обращаюсь к вам как гражданин."],
    "kk": ["Құрметті Комиссия!", "Сәлеметсіз бе!", "Құрметті Конституциялық комиссия мүшелері,",
           "Армысыздар, құрметті депутаттар.", "Қайырлы күн!"],
    "en": ["Dear Commission,", "Dear members of the Constitutional Commission,", "Hello,",
           "To whom it may concern:", "Good afternoon, esteemed members."],
}
SIGN_OFFS = {
    "ru": ["С уважением, {n}.", "{n}, г. {c}", "Подпись: {n}", "Искренне ваш, {n}"],
    "kk": ["Құрметпен, {n}.", "{n}, {c} қаласы", "Қолы: {n}"],
    "en": ["Sincerely, {n}.", "{n}, {c}", "Signed: {n}", "Best regards, {n}"],
}
NAMES = ["Айгерим", "Нурлан", "Ержан", "Динара", "Асель", "Марат", "Гульнара", "Сергей", "Елена",
         "Бауыржан", "Ainur", "Daniyar", "Olga", "Timur", "Saule", "Arman", "Zhanna", "Viktor"]
CITIES = ["Алматы", "Астана", "Шымкент", "Караганда", "Актобе", "Павлодар", "Almaty", "Astana"]

# Letters senders (or bots evading filters) swap for their look-alikes.
LOOKALIKE = {"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "А": "A",
             "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
             "Т": "T", "Х": "X", "a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х"}

# Independent proposals: the same subjects in each writer's own words.
VOCAB = {
    "ru": {
        "open": ["Считаю", "Полагаю", "Мне кажется", "Думаю", "Уверен", "Предлагаю учесть", "Хочу сказать",
                 "По моему мнению", "Важно", "Необходимо"],
        "words": ("статья норма закон граждане народ власть парламент суд акимы маслихат язык земля "
                  "недра фонд референдум поправка права свобода собрание выборы депутаты президент "
                  "срок полномочия регионы школы дети будущее бюджет налоги пенсии врачи армия "
                  "молодежь семья культура экология вода степь сельское хозяйство коррупция "
                  "прозрачность отчет контроль решение голосование общество государство редакция "
                  "формулировка текст смысл защита гарантии обязанность ответственность").split(),
        "glue": ["и", "но", "потому что", "а также", "при этом", "так как", "чтобы", "если", "или", "для"],
        "verbs": ["нужно изменить", "следует уточнить", "должна гарантировать", "надо убрать",
                  "стоит расширить", "важно сохранить", "требует пересмотра", "нельзя ограничивать",
                  "должен защищать", "следует закрепить"],
    },
    "kk": {
        "open": ["Менің ойымша", "Ұсынамын", "Айтқым келеді", "Маңызды", "Қажет", "Меніңше", "Сенемін"],
        "words": ("бап норма заң азаматтар халық билік парламент сот әкім мәслихат тіл жер қойнау "
                  "қор референдум түзету құқық бостандық жиналыс сайлау депутат президент мерзім "
                  "өкілеттік өңір мектеп бала болашақ бюджет салық зейнетақы дәрігер әскер жастар "
                  "отбасы мәдениет экология су дала ауыл шаруашылығы сыбайлас жемқорлық есеп "
                  "бақылау шешім дауыс қоғам мемлекет мәтін мағына қорғау кепілдік міндет").split(),
        "glue": ["және", "бірақ", "себебі", "сондай-ақ", "сонымен қатар", "өйткені", "үшін", "егер", "немесе"],
        "verbs": ["өзгерту керек", "нақтылау қажет", "кепілдік беруі тиіс", "алып тастау керек",
                  "кеңейту қажет", "сақтау маңызды", "қайта қарауды талап етеді", "шектеуге болмайды",
                  "қорғауы тиіс", "бекіту қажет"],
    },
    "en": {
        "open": ["I think", "In my view", "I believe", "It seems to me", "I propose", "I want to say",
                 "It is important that", "We need", "My concern is that"],
        "words": ("article rule law citizens people power parliament court akims council language land "
                  "subsoil fund referendum amendment rights freedom assembly elections deputies "
                  "president term powers regions schools children future budget taxes pensions doctors "
                  "army youth family culture ecology water steppe farming corruption transparency report "
                  "oversight decision vote society state wording text meaning protection guarantees duty").split(),
        "glue": ["and", "but", "because", "as well as", "while", "since", "so that", "if", "or", "for"],
        "verbs": ["should be changed", "needs clarifying", "must guarantee", "should be removed",
                  "could be broadened", "must be kept", "needs a second look", "must not restrict",
                  "should protect", "should be written down"],
    },
}

REGIONS = ["KZ-71", "KZ-75", "KZ-79", "KZ-35", "KZ-15", "KZ-55", "KZ-61", "abroad", "unspecified"]


def typo(rng, text):
    """One slip of the keyboard: a letter dropped, doubled, replaced or two swapped."""
    words = text.split(" ")
    cands = [i for i, w in enumerate(words) if len(w) > 4]
    if not cands:
        return text
    i = rng.choice(cands)
    w = words[i]
    k = rng.randrange(1, len(w) - 2)
    op = rng.randrange(4)
    if op == 0:
        w = w[:k] + w[k + 1:]
    elif op == 1:
        w = w[:k] + w[k] + w[k:]
    elif op == 2:
        w = w[:k + 1] + w[k] + w[k + 2:]  # a neighbour repeated over the next letter
    else:
        w = w[:k] + w[k + 1] + w[k] + w[k + 2:]
    words[i] = w
    return " ".join(words)


def lookalikes(rng, text, share):
    return "".join(LOOKALIKE[ch] if ch in LOOKALIKE and rng.random() < share else ch for ch in text)


def variant(rng, lang, sentences):
    s = list(sentences)
    if rng.random() < 0.35 and len(s) > 2:  # two sentences swapped
        i = rng.randrange(len(s) - 1)
        s[i], s[i + 1] = s[i + 1], s[i]
    parts = []
    if rng.random() < 0.6:
        parts.append(rng.choice(GREETINGS[lang]))
    parts.extend(s)
    if rng.random() < 0.4:
        parts.append(rng.choice(SIGN_OFFS[lang]).format(n=rng.choice(NAMES), c=rng.choice(CITIES)))
    text = " ".join(parts) if rng.random() < 0.7 else "\n".join(parts)
    for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
        text = typo(rng, text)
    if rng.random() < 0.2:
        text = lookalikes(rng, text, rng.choice([0.1, 0.3, 0.6]))
    r = rng.random()
    if r < 0.1:
        text = text.upper()
    elif r < 0.2:
        text = text.lower()
    if rng.random() < 0.2:
        text = text.replace(",", "").replace(".", "!!").replace("  ", " ")
    return text


def independent(rng, lang):
    v = VOCAB[lang]
    out = []
    for _ in range(rng.randint(1, 4)):
        words = [rng.choice(v["open"])]
        for _ in range(rng.randint(1, 3)):
            words += rng.sample(v["words"], rng.randint(1, 3))
            words.append(rng.choice(v["verbs"]))
            if rng.random() < 0.5:
                words.append(rng.choice(v["glue"]))
        words += rng.sample(v["words"], rng.randint(1, 3))
        out.append(" ".join(words) + rng.choice([".", "!", "?", "..."]))
    if rng.random() < 0.15:  # quotes one sentence of a form letter, to argue with it
        out.insert(rng.randrange(len(out) + 1), rng.choice(rng.choice(TEMPLATES[lang])))
    return " ".join(out)


# Short independent proposals that share boilerplate, and six form letters: the set of issue 17.
BOILER_LETTERS = {
    "ru": [
        ["Мы, родители школьников Карагандинской области, просим закрепить в Конституции право ребёнка на бесплатное горячее питание в школе.",
         "Сегодня во многих сёлах дети учатся целый день без обеда.",
         "Государство должно выделять на это отдельную строку в бюджете, а не перекладывать расходы на родителей.",
         "Без этого реформа останется на бумаге."],
        ["Требуем запретить любую застройку на берегах рек и озёр ближе ста метров от воды.",
         "Берега должны оставаться общедоступными, и никто не вправе ставить там заборы.",
         "Нарушителей нужно обязать снести постройки за свой счёт.",
         "Просим Комиссию учесть наше обращение."],
    ],
    "kk": [
        ["Біз, Түркістан облысының фермерлері, суармалы суды бөлу тәртібі заңмен нақты белгіленуін талап етеміз.",
         "Жыл сайын су жетпей, егініміз күйіп кетеді, ал ірі шаруашылықтар суды бірінші алады.",
         "Су бөлу кестесі әр ауылда ашық жариялануы тиіс.",
         "Әйтпесе реформа қағаз жүзінде қалады."],
        ["Ана тілінде білім алу құқығы Конституцияда айқын жазылсын деп сұраймыз.",
         "Әр ауылда қазақ тілінде оқытатын мектеп болуы керек.",
         "Оқулықтар мен мұғалімдерді мемлекет толық қамтамасыз етуі тиіс.",
         "Осы ұсынысымызды ескеруіңізді өтінеміз."],
    ],
    "en": [
        ["We, members of the Almaty cycling community, ask that the right to a safe and clean urban environment be written into the Constitution.",
         "Every city must publish an air quality report every month and act when the limits are exceeded.",
         "Protected bicycle lanes should be part of every new street, not an afterthought.",
         "Otherwise the reform will remain on paper."],
        ["We urge the Commission to guarantee that every person with a disability can reach every public building without help.",
         "Ramps, lifts and accessible toilets must be required by law, with fines for owners who ignore them.",
         "Sign language interpretation should be available in courts and hospitals.",
         "Please take our appeal into account."],
    ],
}

# Sentences many people paste into their own proposals (closings, openings).
BOILER = {
    "ru": {"tail": [", ведь без этого реформа останется на бумаге.", ", иначе все изменения останутся на бумаге.",
                    ". Прошу учесть моё предложение при доработке проекта.", ". Это важно для будущего нашей страны.",
                    ". Надеюсь, Комиссия прислушается к мнению простых граждан."],
           "head": ["Уважаемая Комиссия!", "Здравствуйте!", "Прочитал проект и хочу предложить следующее.", "Моё предложение такое:"]},
    "kk": {"tail": [", әйтпесе реформа қағаз жүзінде қалады.", ", онсыз барлық өзгеріс қағазда қалады.",
                    ". Ұсынысымды ескеруіңізді сұраймын.", ". Бұл еліміздің болашағы үшін өте маңызды.",
                    ". Комиссия қарапайым халықтың пікірін тыңдайды деп үміттенемін."],
           "head": ["Құрметті Комиссия!", "Сәлеметсіз бе!", "Жобаны оқып шықтым, ұсынысым мынадай.", "Менің ұсынысым:"]},
    "en": {"tail": [", otherwise the reform will remain on paper.", ", or else all these changes will stay on paper.",
                    ". Please take my proposal into account when revising the draft.", ". This matters for the future of our country.",
                    ". I hope the Commission will listen to ordinary citizens."],
           "head": ["Dear Commission,", "Hello!", "I have read the draft and want to propose the following.", "My proposal is this:"]},
}

# Own demands: opener + verb + object + sometimes a qualifier; each object serves one proposal
# per verb, and the same object comes back with another verb at most a few times.
OWN = {
    "ru": {"open": ["Предлагаю", "Прошу", "Нужно", "Считаю нужным", "Надо", "Давно пора", "Необходимо", "Я за то, чтобы"],
           "verb": ["закрепить", "гарантировать", "расширить", "защитить", "ограничить", "пересмотреть", "прописать",
                    "уточнить", "сохранить", "отменить"],
           "obj": ["независимость судей", "право на мирные собрания", "сроки полномочий президента", "выборность акимов",
                   "права сельских жителей", "бесплатную медицинскую помощь", "свободу прессы", "права инвалидов",
                   "местное самоуправление", "контроль над бюджетом", "статус русского языка", "право на жильё",
                   "защиту пастбищ", "права трудовых мигрантов", "отчётность депутатов", "неприкосновенность частной жизни",
                   "доступ к чистой воде", "права пенсионеров", "запрет смертной казни", "роль маслихатов",
                   "полномочия прокуратуры", "права осуждённых", "защиту персональных данных", "свободу вероисповедания"],
           "qual": ["в сельской местности", "для молодых семей", "уже в этом году", "на уровне Конституции",
                    "во всех регионах", "без лишней бюрократии", "как в соседних странах", "для всех граждан одинаково",
                    "с ежегодным отчётом", "под общественным контролем"]},
    "kk": {"open": ["Ұсынамын:", "Менің ойымша,", "Қажет деп санаймын:", "Өтінемін,", "Керек:", "Уақыты келді:"],
           "verb": ["бекіту", "кепілдендіру", "кеңейту", "қорғау", "шектеу", "қайта қарау", "нақтылау", "сақтау",
                    "жою", "заңмен бекіту"],
           "obj": ["судьялардың тәуелсіздігін", "бейбіт жиналыс құқығын", "президенттің өкілеттік мерзімін",
                   "әкімдердің сайланбалылығын", "ауыл тұрғындарының құқығын", "тегін медициналық көмекті",
                   "баспасөз бостандығын", "мүгедектердің құқығын", "жергілікті өзін-өзі басқаруды",
                   "бюджет бақылауын", "мемлекеттік тілдің мәртебесін", "тұрғын үй құқығын", "жайылымдарды",
                   "еңбек мигранттарының құқығын", "депутаттардың есептілігін", "жеке өмірге қол сұқпаушылықты",
                   "таза суға қолжетімділікті", "зейнеткерлердің құқығын", "өлім жазасына тыйымды",
                   "мәслихаттардың рөлін", "прокуратураның өкілеттігін", "дербес деректерді"],
           "qual": ["ауылдық жерлерде", "жас отбасылар үшін", "биылдан бастап", "Конституция деңгейінде",
                    "барлық өңірлерде", "артық бюрократиясыз", "көрші елдердегідей", "барлық азаматтарға бірдей",
                    "жыл сайынғы есеппен", "қоғамдық бақылаумен"]},
    "en": {"open": ["I propose to", "Please", "We need to", "It is time to", "The draft should", "I ask you to",
                    "Let us", "We must"],
           "verb": ["guarantee", "protect", "expand", "limit", "revise", "clarify", "keep", "strengthen", "spell out",
                    "abolish"],
           "obj": ["the independence of judges", "the right to peaceful assembly", "the presidential term",
                   "elected akims", "the rights of rural residents", "free medical care", "press freedom",
                   "disability rights", "local self-government", "budget oversight", "the status of Russian",
                   "the right to housing", "pasture protection", "the rights of migrant workers",
                   "accountability of deputies", "privacy", "access to clean water", "pensioners' rights",
                   "the ban on the death penalty", "the role of maslikhats", "prosecutors' powers",
                   "personal data protection", "freedom of religion"],
           "qual": ["in rural areas", "for young families", "starting this year", "at the constitutional level",
                    "in every region", "without extra red tape", "as our neighbours do", "equally for all citizens",
                    "with a yearly report", "under public oversight"]},
}
OWN_OBJECT_REUSE = 5


def boiler_proposal(rng, lang, used):
    o = OWN[lang]
    while True:
        verb, obj = rng.choice(o["verb"]), rng.choice(o["obj"])
        if (lang, verb, obj) not in used and used.get((lang, obj), 0) < OWN_OBJECT_REUSE:
            used[(lang, verb, obj)] = 1
            used[(lang, obj)] = used.get((lang, obj), 0) + 1
            break
    qual = " " + rng.choice(o["qual"]) if rng.random() < 0.25 else ""
    if lang == "kk":
        own = "%s%s %s %s" % (rng.choice(o["open"]), qual, obj, verb)
    else:
        own = "%s %s %s%s" % (rng.choice(o["open"]), verb, obj, qual)
    b = BOILER[lang]
    text = own + rng.choice(b["tail"])
    if rng.random() < 0.5:
        text = rng.choice(b["head"]) + " " + text
    if rng.random() < 0.3:
        text += " " + rng.choice([t for t in b["tail"] if t.startswith(". ")])[2:]
    return text


def row(label, lang, target, stance, region, channel, submitter, minute, text):
    text = text.replace("\t", " ").replace("\\", "")
    return "\t".join([label, lang, target, stance, region, channel, submitter, str(minute),
                      text.replace("\n", "\\n")])


def boilerplate_set(rng, scale):
    """Six form letters among short independent proposals sharing boilerplate (issue 17)."""
    rows = []
    n = 0
    for lang, letters in BOILER_LETTERS.items():
        for t in letters:
            n += 1
            size = max(2, int(rng.choice([10, 20, 30, 45, 60]) * scale))
            target = "article:%d" % rng.randint(1, 20)
            stance = rng.choice(["support", "oppose", "amend"])
            start = rng.randrange(60 * 24 * 20)
            for _ in range(size):
                who = "%032x" % rng.getrandbits(128) if rng.random() < 0.8 else ""
                rows.append(row("c%d" % n, lang, target, stance, rng.choice(REGIONS), rng.choice(["web", "api"]),
                                who, start + rng.randrange(60 * 24 * 3), variant(rng, lang, t)))
    used = {}
    for k in range(int(280 * scale)):
        lang = rng.choice(["ru", "kk", "en"])
        who = "%032x" % rng.getrandbits(128) if rng.random() < 0.8 else ""
        rows.append(row("s%d" % k, lang, "article:%d" % rng.randint(1, 20), rng.choice(["support", "oppose", "amend"]),
                        rng.choice(REGIONS), rng.choice(["web", "api"]), who, rng.randrange(60 * 24 * 30),
                        boiler_proposal(rng, lang, used)))
    rng.shuffle(rows)
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--burst", action="store_true")
    ap.add_argument("--boilerplate", action="store_true")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    if args.boilerplate:
        sys.stdout.write("\n".join(boilerplate_set(rng, args.scale)) + "\n")
        return
    rows = []
    n = 0
    for lang, templates in TEMPLATES.items():
        for t in templates:
            n += 1
            size = max(2, int(rng.choice([5, 12, 30, 80, 200]) * args.scale))
            target = "article:%d" % rng.randint(1, 20)
            stance = rng.choice(["support", "oppose", "amend"])
            start = rng.randrange(60 * 24 * 20)
            for _ in range(size):
                who = "%032x" % rng.getrandbits(128) if rng.random() < 0.8 else ""
                rows.append(row("c%d" % n, lang, target, stance, rng.choice(REGIONS),
                                rng.choice(["web", "api"]), who, start + rng.randrange(60 * 24 * 3),
                                variant(rng, lang, t)))
    for k in range(int(1500 * args.scale)):
        lang = rng.choice(["ru", "kk", "en"])
        who = "%032x" % rng.getrandbits(128) if rng.random() < 0.8 else ""
        rows.append(row("s%d" % k, lang, "article:%d" % rng.randint(1, 20), rng.choice(["support", "oppose", "amend"]),
                        rng.choice(REGIONS), rng.choice(["web", "api"]), who, rng.randrange(60 * 24 * 30),
                        independent(rng, lang)))
    if args.burst:
        t = BURST
        start = 60 * 24 * 25
        for _ in range(300):
            who = "%032x" % rng.getrandbits(128)
            rows.append(row("burst", "ru", "article:4", "amend", rng.choice(REGIONS), "api", who,
                            start + rng.randrange(5), variant(rng, "ru", t)))
    rng.shuffle(rows)
    sys.stdout.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
