#!/usr/bin/env python3
"""tests/suggest/generate.py - a labelled set for the suggestions (kenes-aggregator suggest).

    generate.py [--seed N] > set.tsv

The rows of tests/campaigns/generate.py (label, lang, target, stance, region, channel,
submitter, minute, text), loaded by tests/campaigns/load.sql. Each demand below is something
people ask for on one article, in one language, in several wordings of their own; its
proposals carry the label "g<N>" (one group). Each demand also has its hard negatives: on the
same article, in the same words, asking for something else or the opposite; each negative and
each unrelated proposal is its own label ("n<N>"), as nobody else asks for it. Proposals are
made the way people write them: an opening or none, the demand in one of its wordings, a
reason or none, a closing or none, sometimes a typo or no capital letters. Groups are within
one language: the same demand in Kazakh and in Russian are two groups (character n-grams do
not cross scripts; staff join such groups). The same seed gives the same set.
"""
import argparse
import random
import sys

# (article, wordings of the demand, hard negatives), per language.
DEMANDS = {
    "ru": [
        (3, ["снизить минимальный возраст кандидата в президенты до 35 лет",
             "возраст кандидата в президенты должен быть 35 лет, а не 40",
             "кандидатом в президенты можно становиться с 35 лет"],
         ["повысить минимальный возраст кандидата в президенты до 50 лет",
          "оставить возраст кандидата в президенты 40 лет, как сейчас"]),
        (5, ["ограничить президентство одним сроком в семь лет без права переизбрания",
             "один президентский срок на семь лет, переизбрание президента запретить",
             "президент избирается на один срок в семь лет и не может переизбираться"],
         ["разрешить президенту избираться неограниченное число раз",
          "ограничить срок полномочий депутатов парламента пятью годами"]),
        (7, ["проводить прямые выборы акимов областей жителями",
             "акимов областей должны выбирать сами жители, а не назначать сверху",
             "пусть акима области избирают жители на прямых выборах"],
         ["акимов областей должен и дальше назначать президент",
          "провести прямые выборы депутатов маслихатов по мажоритарной системе"]),
        (9, ["запретить продажу сельскохозяйственной земли иностранцам",
             "земля не должна продаваться иностранным гражданам и компаниям",
             "продажа сельскохозяйственной земли иностранцам должна быть запрещена"],
         ["разрешить иностранцам покупать землю под заводы",
          "запретить продажу земли в аренду на срок больше десяти лет"]),
        (11, ["сделать бесплатным высшее образование для всех граждан",
              "учёба в государственных вузах должна быть бесплатной для каждого гражданина",
              "высшее образование должно быть бесплатным, его оплачивает государство"],
         ["сделать платным обучение в магистратуре",
          "сделать бесплатным дошкольное образование в детских садах"]),
        (13, ["закрепить право граждан на мирные собрания без разрешения акимата",
              "для митинга должно хватать уведомления, никакого разрешения от акимата",
              "мирные собрания граждан должны проводиться по уведомлению, без разрешения акимата"],
         ["запретить митинги в центре городов",
          "закрепить право граждан на бесплатную юридическую помощь"]),
        (15, ["ввести суд присяжных по всем тяжким преступлениям",
              "все дела о тяжких преступлениях должны рассматривать присяжные",
              "по тяжким преступлениям решение должен выносить суд присяжных"],
         ["отменить суд присяжных как неэффективный",
          "ввести пожизненное лишение свободы за тяжкие коррупционные преступления"]),
        (17, ["закрепить в Конституции запрет смертной казни",
              "смертная казнь должна быть запрещена навсегда прямо в тексте Конституции",
              "смертную казнь запретить в Конституции окончательно"],
         ["вернуть смертную казнь за терроризм",
          "закрепить в Конституции запрет пыток"]),
    ],
    "kk": [
        (3, ["президенттікке кандидаттың ең төменгі жасын 35 жасқа дейін төмендету",
             "президент сайлауына 40 емес, 35 жастан бастап түсуге рұқсат беру",
             "президенттікке кандидат 35 жастан бастап бола алуы керек"],
         ["президенттікке кандидаттың жасын 50 жасқа дейін көтеру",
          "кандидаттың жасын қазіргідей 40 жас күйінде қалдыру"]),
        (5, ["президентті бір рет қана жеті жылға сайлау, қайта сайлануға болмайды",
             "президенттік мерзім біреу ғана болсын, жеті жыл, қайта сайлау жоқ",
             "президент бір мерзімге, жеті жылға ғана сайлансын, қайта сайлау болмасын"],
         ["президентке шексіз қайта сайлануға мүмкіндік беру",
          "парламент депутаттарының мерзімін бес жылмен шектеу"]),
        (7, ["облыс әкімдерін халық тікелей сайласын",
             "облыс әкімін жоғарыдан тағайындамай, тұрғындар өздері сайлауы керек",
             "облыс әкімдерін тұрғындар тікелей сайлауы тиіс"],
         ["облыс әкімдерін бұрынғыдай президент тағайындасын",
          "мәслихат депутаттарын мажоритарлық жүйемен тікелей сайлау"]),
        (9, ["ауыл шаруашылығы жерін шетелдіктерге сатуға тыйым салу",
             "жер шетел азаматтары мен компанияларына сатылмауы керек",
             "шетелдіктерге ауыл шаруашылығы жерін сатуға болмайды"],
         ["шетелдіктерге зауыт салу үшін жер сатып алуға рұқсат беру",
          "жерді он жылдан ұзақ мерзімге жалға беруге тыйым салу"]),
        (11, ["барлық азаматтарға жоғары білімді тегін ету",
              "мемлекеттік жоғары оқу орындарында оқу әр азамат үшін тегін болуы тиіс",
              "жоғары білім барлық азаматтар үшін тегін болуы керек, оны мемлекет төлейді"],
         ["магистратурада оқуды ақылы ету",
          "балабақшадағы мектепке дейінгі білімді тегін ету"]),
        (13, ["бейбіт жиналыстарды әкімдіктің рұқсатынсыз өткізу құқығын бекіту",
              "митинг үшін хабарлама жеткілікті болсын, әкімдіктің рұқсаты керек емес",
              "бейбіт жиналыстар әкімдіктің рұқсатынсыз, хабарламамен өткізілуі тиіс"],
         ["қала орталығында митингтерге тыйым салу",
          "азаматтардың тегін заң көмегін алу құқығын бекіту"]),
        (15, ["барлық ауыр қылмыстар бойынша алқабилер сотын енгізу",
              "ауыр қылмыстар туралы істердің бәрін алқабилер қарауы керек",
              "ауыр қылмыстар бойынша шешімді алқабилер соты шығарсын"],
         ["алқабилер сотын тиімсіз деп жою",
          "ауыр сыбайлас жемқорлық қылмыстары үшін өмір бойы бас бостандығынан айыру"]),
        (17, ["Конституцияда өлім жазасына тыйым салуды бекіту",
              "өлім жазасы Конституция мәтінінде біржола тыйым салынуы керек",
              "өлім жазасына Конституцияда біржола тыйым салынсын"],
         ["терроризм үшін өлім жазасын қайтару",
          "Конституцияда азаптауға тыйым салуды бекіту"]),
    ],
    "en": [
        (3, ["lower the minimum age for presidential candidates to 35",
             "the minimum age to run for president should be 35, not 40",
             "presidential candidates should be allowed from the age of 35"],
         ["raise the minimum age for presidential candidates to 50",
          "keep the age of presidential candidates at 40 as it is now"]),
        (5, ["limit the presidency to a single seven year term with no re-election",
             "one presidential term of seven years and no second term ever",
             "a president should serve a single term of seven years and never be re-elected"],
         ["allow the president to be re-elected without any limit",
          "limit the term of members of parliament to five years"]),
        (7, ["hold direct elections of regional akims by residents",
             "regional akims should be elected by the people who live there, not appointed",
             "residents should elect their regional akims directly"],
         ["regional akims should still be appointed by the president",
          "hold direct elections of maslikhat deputies in single member districts"]),
        (9, ["ban the sale of farmland to foreigners",
             "agricultural land must never be sold to foreign citizens or companies",
             "selling farmland to foreign owners must be banned"],
         ["allow foreigners to buy land for factories",
          "ban leases of land for more than ten years"]),
        (11, ["make higher education free for all citizens",
              "studying at state universities should cost nothing for every citizen",
              "higher education should be free, paid for by the state for all citizens"],
         ["make master's programmes paid",
          "make preschool education in kindergartens free"]),
        (13, ["guarantee the right to peaceful assembly without permission from the akimat",
              "a notice should be enough for a rally, no permit from the akimat",
              "peaceful assemblies should need only a notification, not a permit from the akimat"],
         ["ban rallies in city centres",
          "guarantee the right of citizens to free legal aid"]),
        (15, ["introduce jury trials for all serious crimes",
              "every case about a serious crime should be heard by a jury",
              "serious crimes should be tried by a jury"],
         ["abolish jury trials as inefficient",
          "introduce life imprisonment for serious corruption crimes"]),
        (17, ["write the ban on the death penalty into the Constitution",
              "the death penalty must be banned for good in the text of the Constitution",
              "the Constitution should ban the death penalty once and for all"],
         ["bring back the death penalty for terrorism",
          "write the ban on torture into the Constitution"]),
    ],
}

OPEN = {
    "ru": ["Предлагаю", "Прошу", "Считаю, что нужно", "Я за то, чтобы", "Надо", "Давно пора", "Моё предложение:",
           "Уважаемая Комиссия! Прошу", "Как гражданин прошу"],
    "kk": ["Ұсынамын:", "Сұраймын:", "Менің ойымша, керек:", "Қажет:", "Құрметті Комиссия! Ұсынысым:",
           "Азамат ретінде сұраймын:"],
    "en": ["I propose to", "Please", "I think we should", "We need to", "It is time to", "My proposal:",
           "Dear Commission, please", "As a citizen I ask you to"],
}
REASONS = {
    "ru": ["Так будет справедливо.", "Это важно для молодёжи.", "Так сделано во многих странах.",
           "Люди должны доверять власти.", "Иначе ничего не изменится.", "Об этом говорят все мои соседи."],
    "kk": ["Бұл әділ болады.", "Бұл жастар үшін маңызды.", "Көп елде солай.", "Халық билікке сенуі керек.",
           "Әйтпесе ештеңе өзгермейді.", "Көршілерімнің бәрі осыны айтады."],
    "en": ["That would be fair.", "It matters for young people.", "Many countries do this.",
           "People need to trust the state.", "Otherwise nothing will change.", "All my neighbours say so."],
}
CLOSE = {
    "ru": ["Спасибо.", "С уважением.", "Надеюсь на понимание.", ""],
    "kk": ["Рахмет.", "Құрметпен.", "Түсіністікпен қарайсыздар деп үміттенемін.", ""],
    "en": ["Thank you.", "Regards.", "I hope you will listen.", ""],
}
# Proposals on other things entirely, one of each.
UNRELATED = {
    "ru": ["Нужно построить новую больницу в нашем районе.", "Почему в селе до сих пор нет интернета?",
           "Предлагаю перенести столицу обратно в Алматы.", "Пенсии надо индексировать каждый квартал.",
           "Надо защитить степь от распашки.", "Прошу добавить в текст раздел о правах животных.",
           "Слово «гражданин» в статье 2 лишнее.", "Нужна отдельная статья о защите озера Балхаш."],
    "kk": ["Біздің ауданда жаңа аурухана салу керек.", "Ауылда неге әлі интернет жоқ?",
           "Астананы қайтадан Алматыға көшіруді ұсынамын.", "Зейнетақыны әр тоқсан сайын индекстеу керек.",
           "Даланы жыртудан қорғау керек.", "Мәтінге жануарлар құқығы туралы бөлім қосуды сұраймын.",
           "Балқаш көлін қорғау туралы бөлек бап керек."],
    "en": ["We need a new hospital in our district.", "Why is there still no internet in the village?",
           "I suggest moving the capital back to Almaty.", "Pensions should be indexed every quarter.",
           "The steppe must be protected from ploughing.", "Please add a section on animal rights.",
           "The word citizen in article 2 is not needed.", "Lake Balkhash needs its own article."],
}


def typo(rng, text):
    words = text.split(" ")
    cands = [i for i, w in enumerate(words) if len(w) > 5]
    if not cands:
        return text
    i = rng.choice(cands)
    w = words[i]
    k = rng.randrange(1, len(w) - 2)
    words[i] = w[:k] + w[k + 1] + w[k] + w[k + 2:]
    return " ".join(words)


def proposal(rng, lang, core):
    parts = []
    if rng.random() < 0.7:
        parts.append(rng.choice(OPEN[lang]) + " " + core + ".")
    else:
        parts.append(core[0].upper() + core[1:] + ".")
    if rng.random() < 0.5:
        parts.append(rng.choice(REASONS[lang]))
    closing = rng.choice(CLOSE[lang]) if rng.random() < 0.4 else ""
    if closing:
        parts.append(closing)
    text = " ".join(parts)
    if rng.random() < 0.25:
        text = typo(rng, text)
    if rng.random() < 0.15:
        text = text.lower()
    return text


def row(label, lang, article, stance, rng, text):
    who = "%032x" % rng.getrandbits(128)
    return "\t".join([label, lang, "article:%d" % article, stance, "KZ-75", "web", who,
                      str(rng.randrange(60 * 24 * 20)), text.replace("\t", " ")])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    rows = []
    g = n = 0
    for lang, demands in DEMANDS.items():
        for article, wordings, negatives in demands:
            g += 1
            for _ in range(rng.randint(6, 14)):
                rows.append(row("g%d" % g, lang, article, "amend", rng, proposal(rng, lang, rng.choice(wordings))))
            for neg in negatives:
                n += 1
                rows.append(row("n%d" % n, lang, article, "amend", rng, proposal(rng, lang, neg)))
        for text in UNRELATED[lang]:
            n += 1
            rows.append(row("n%d" % n, lang, rng.choice([3, 5, 7, 9, 11, 13, 15, 17]), "amend", rng, text))
    rng.shuffle(rows)
    sys.stdout.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
