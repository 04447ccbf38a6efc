#!/usr/bin/env python3
"""tests/campaigns/generate.py - a labelled synthetic set for the campaign matcher.

    generate.py [--seed N] [--scale X] [--burst] > set.tsv

Writes tab-separated rows: label, lang, target, stance, region, channel, submitter (hex or
empty), minute (offset from the start), text. Rows with the same label "c<N>" are copies of
one form letter (campaign N), each changed the way senders change them: another greeting or
none, a signature, typos, sentences swapped, Latin letters that look like Cyrillic ones (and
the reverse), case and punctuation. Rows labelled "s<N>" are independent proposals written
on the same articles with the same vocabulary; some quote one sentence of a form letter. Kazakh, Russian and English. The same seed
gives the same set. --burst adds one more campaign sent within a few minutes.
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


def row(label, lang, target, stance, region, channel, submitter, minute, text):
    text = text.replace("\t", " ").replace("\\", "")
    return "\t".join([label, lang, target, stance, region, channel, submitter, str(minute),
                      text.replace("\n", "\\n")])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--burst", action="store_true")
    args = ap.parse_args()
    rng = random.Random(args.seed)
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
