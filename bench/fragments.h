/*
 * fragments.h - the sentences bench/generate builds proposals from, in Kazakh, Russian and
 * English. Every sentence is a citizen's opinion about the draft (what they want, why, who
 * they are), never a pretend article of the constitution. Included once, by generate.c.
 *
 * Index order of every [3] array: kk, ru, en (enum lang in generate.c).
 */
#ifndef KENES_BENCH_FRAGMENTS_H
#define KENES_BENCH_FRAGMENTS_H

#define N_TOPICS 14
#define PER_TOPIC 3

/* Topic slugs from sql/data/constitution-2026.json, most popular first (Zipf rank order). */
static const char *const topic_slugs[N_TOPICS] = {
	"sovereignty", "human-rights", "language", "land", "president", "parliament",
	"form-of-government", "judiciary", "family-social", "education-science",
	"local-government", "economy-property", "territorial-structure", "referendum-amendments",
};

/* What people say about each topic: [topic][lang][variant]. */
static const char *const topic_sentences[N_TOPICS][3][PER_TOPIC] = {
	{ /* sovereignty */
	  { "Билік көзі тек халық екені мәтінде анық жазылуы керек деп санаймын.",
	    "Елдің егемендігі сөзбен ғана емес, азаматтардың нақты бақылау тетіктерімен қорғалуы тиіс.",
	    "Халық билігі туралы тұжырым тым жалпы, оны нақтылау қажет сияқты." },
	  { "Считаю важным, чтобы в тексте было ясно сказано, что источником власти является народ, а не отдельные органы.",
	    "Суверенитет страны должен защищаться не только словами, но и конкретными механизмами контроля со стороны граждан.",
	    "Мне кажется, формулировка о народовластии слишком общая и её стоит сделать конкретнее." },
	  { "I think the text should say plainly that the people, not any single body, are the source of power.",
	    "Sovereignty should be protected not only by words but by concrete ways for citizens to hold power to account.",
	    "The wording on the power of the people feels too general to me and should be made more specific." } },
	{ /* human-rights */
	  { "Адам құқықтары қарапайым заңмен шектелмейтіндей етіп жазылуы керек.",
	    "Мемлекеттік органдардың жұмысы туралы ақпаратқа қол жеткізу құқығы бөлек норма болса екен.",
	    "Мүмкіндігі шектеулі жандардың құқықтарына назар аударуды сұраймын: жобада олар туралы аз айтылған." },
	  { "Права человека должны быть перечислены так, чтобы их нельзя было ограничить обычным законом.",
	    "Хотелось бы видеть отдельную норму о праве на доступ к информации о работе государственных органов.",
	    "Прошу обратить внимание на права людей с инвалидностью: о них в проекте почти ничего нет." },
	  { "Human rights should be listed in a way that an ordinary law cannot restrict them.",
	    "I would like to see a separate provision on the right to information about how state bodies work.",
	    "Please pay attention to the rights of people with disabilities: the draft says almost nothing about them." } },
	{ /* language */
	  { "Мемлекеттік тілді дамыту керек, бірақ ешкім тіліне бола өзін бөтен сезінбеуі тиіс.",
	    "Барлық мемлекеттік қызметтер қазақ және орыс тілдерінде қолжетімді болуын бекітуді ұсынамын.",
	    "Балалардың қазақ тілін үйренуі жеңіл болса екен, ол үшін жақсы оқулықтар мен мұғалімдер керек." },
	  { "Государственный язык нужно развивать, но при этом никто не должен чувствовать себя чужим из-за языка.",
	    "Предлагаю закрепить, что все государственные услуги доступны на казахском и русском языках.",
	    "Я за то, чтобы детям было проще изучать казахский язык, для этого нужны хорошие учебники и учителя." },
	  { "The state language should be developed, but nobody should feel like a stranger because of the language they speak.",
	    "I suggest stating that all public services are available in Kazakh and Russian.",
	    "I want it to be easier for children to learn Kazakh, which needs good textbooks and teachers." } },
	{ /* land */
	  { "Жер халықтың меншігі болып қалуы керек, мұны референдумсыз өзгертуге болмайды.",
	    "Жерді шетелдіктерге сатуға тікелей тыйым салынуы керек деп ойлаймын.",
	    "Фермерлерге түсінікті әрі ұзақ мерзімді жалға алу құқығы керек, әйтпесе жерге ешкім қаражат салмайды." },
	  { "Земля должна оставаться достоянием народа, и это нельзя менять без референдума.",
	    "Считаю, что продажа земли иностранцам должна быть прямо запрещена.",
	    "Фермерам нужны понятные и долгие права аренды, иначе никто не будет вкладываться в землю." },
	  { "Land must remain the property of the people, and this should not change without a referendum.",
	    "I believe the sale of land to foreigners should be explicitly prohibited.",
	    "Farmers need clear and long lease rights, otherwise nobody will invest in the land." } },
	{ /* president */
	  { "Президенттің өкілеттік мерзімі біреу болуы керек, қайта сайлану құқығынсыз.",
	    "Президент жеке-дара қабылдай алмайтын шешімдер нақты жазылуы керек.",
	    "Мерзімнің шектелуі жақсы, бірақ бұл ережені айналып өтуге болмайтыны маңызды." },
	  { "Срок полномочий президента должен быть один, без права переизбрания.",
	    "Нужно чётко прописать, какие решения президент не может принимать единолично.",
	    "Хорошо, что ограничивается срок, но важно, чтобы это правило нельзя было обойти." },
	  { "The president should serve a single term without the right to be re-elected.",
	    "The draft should spell out which decisions the president cannot take alone.",
	    "It is good that the term is limited, but it matters that this rule cannot be circumvented." } },
	{ /* parliament */
	  { "Парламенттің үкімет пен бюджетті бақылайтын нақты өкілеттігі болуы керек.",
	    "Депутаттар өз округіндегі сайлаушылар алдында үнемі есеп беріп тұруы тиіс.",
	    "Парламент отырыстары әрдайым ашық көрсетілсін деп ұсынамын." },
	  { "Парламент должен иметь реальные полномочия контролировать правительство и бюджет.",
	    "Депутаты должны регулярно отчитываться перед избирателями своего округа.",
	    "Предлагаю, чтобы заседания парламента всегда транслировались в открытом доступе." },
	  { "Parliament should have real powers to oversee the government and the budget.",
	    "Members of parliament should report regularly to the voters of their district.",
	    "I suggest that sessions of parliament always be broadcast openly." } },
	{ /* form-of-government */
	  { "Билік тармақтары арасындағы тепе-теңдікті сақтау маңызды, ешқайсысы басым болмауы керек.",
	    "Президент пен үкімет арасында жауапкершілік қалай бөлінетіні маған толық түсініксіз.",
	    "Қазақстан зайырлы мемлекет екенін тура жазып, екіұштылыққа жол бермеу керек." },
	  { "Важно сохранить баланс между ветвями власти, чтобы ни одна из них не доминировала.",
	    "Мне не до конца понятно, как распределяется ответственность между президентом и правительством.",
	    "Стоит прямо написать, что Казахстан — светское государство, и не допускать двусмысленности." },
	  { "It is important to keep a balance between the branches of power so that none of them dominates.",
	    "It is not quite clear to me how responsibility is divided between the president and the government.",
	    "It would be worth stating directly that Kazakhstan is a secular state, leaving no ambiguity." } },
	{ /* judiciary */
	  { "Судьялар шынымен тәуелсіз болуы керек, соның ішінде тағайындау мен жоғарылату кезінде де.",
	    "Ауыр қылмыстар бойынша алқабилер сотын бекітуді ұсынамын.",
	    "Кез келген адам таныса алуы үшін сот шешімдері жариялануы тиіс." },
	  { "Судьи должны быть по-настоящему независимыми, в том числе при назначении и продвижении.",
	    "Предлагаю закрепить суд присяжных для тяжких преступлений.",
	    "Решения судов должны публиковаться, чтобы любой мог с ними ознакомиться." },
	  { "Judges must be truly independent, including when they are appointed and promoted.",
	    "I suggest guaranteeing trial by jury for serious crimes.",
	    "Court decisions should be published so that anyone can read them." } },
	{ /* family-social */
	  { "Мемлекет көпбалалы отбасылар мен қарт адамдарға қолдау көрсетуге кепілдік беруі керек.",
	    "Жалпы әлеуметтік қамсыздандыру ғана емес, лайықты зейнетақы құқығын да атап өтуді ұсынамын.",
	    "Ана мен баланы қорғау керек, бірақ әкелердің де бала күтімі демалысына тең құқығы болуы тиіс." },
	  { "Государство должно гарантировать поддержку многодетным семьям и пожилым людям.",
	    "Предлагаю упомянуть право на достойную пенсию, а не только на социальное обеспечение в общем.",
	    "Материнство и детство должны защищаться, но и отцы должны иметь равные права на отпуск по уходу за ребёнком." },
	  { "The state should guarantee support for large families and older people.",
	    "I suggest mentioning the right to a decent pension, not only social security in general.",
	    "Motherhood and childhood should be protected, but fathers should also have equal rights to parental leave." } },
	{ /* education-science */
	  { "Тегін орта білім жақсы, бірақ оның сапасына да кепілдік беру керек.",
	    "Ғылымға бөлінетін қаражат қысқартудан қорғалуы керек деп санаймын.",
	    "Ауылдарда мектептер жабылып жатыр, білімнің қолжетімділігі туралы айтқанда мұны ескеру керек." },
	  { "Бесплатное среднее образование — это хорошо, но нужно гарантировать и его качество.",
	    "Считаю, что расходы на науку должны быть защищены от сокращений.",
	    "В сёлах школы закрываются, и это нужно учитывать, когда говорят о доступности образования." },
	  { "Free secondary education is good, but its quality should be guaranteed too.",
	    "I believe spending on science should be protected from cuts.",
	    "Schools in villages are closing, and this should be kept in mind when we talk about access to education." } },
	{ /* local-government */
	  { "Аудан мен қала әкімдерін тағайындамай, сайлау керек.",
	    "Жергілікті қауымдастықтардың жергілікті бюджетті неге жұмсауды шешуге құқығы көбірек болуы керек.",
	    "Ауыл тұрғындары өздеріне тікелей қатысты шешімдерге жиі ықпал ете алмайды." },
	  { "Акимов районов и городов нужно выбирать, а не назначать.",
	    "У местных сообществ должно быть больше прав решать, на что тратить местный бюджет.",
	    "Жители сёл часто не могут повлиять на решения, которые касаются их напрямую." },
	  { "District and city akims should be elected, not appointed.",
	    "Local communities should have more say in how the local budget is spent.",
	    "Village residents often cannot influence decisions that affect them directly." } },
	{ /* economy-property */
	  { "Жеке меншік, соның ішінде негізсіз алып қоюдан, сенімді қорғалуы керек.",
	    "Жер қойнауы мен табиғи ресурстар халыққа тиесілі, олардан түсетін кіріс ашық болуы керек.",
	    "Шағын бизнеске жыл сайын өзгермейтін қарапайым әрі тұрақты ережелер керек." },
	  { "Частная собственность должна быть надёжно защищена, в том числе от произвольных изъятий.",
	    "Недра и природные ресурсы принадлежат народу, и доходы от них должны быть прозрачными.",
	    "Малому бизнесу нужны простые и стабильные правила, которые не меняются каждый год." },
	  { "Private property should be well protected, including against arbitrary seizure.",
	    "Subsoil and natural resources belong to the people, and the income from them should be transparent.",
	    "Small businesses need simple and stable rules that do not change every year." } },
	{ /* territorial-structure */
	  { "Унитарлық құрылымды сақтау керек, бірақ өңірлерге көбірек дербестік берген жөн.",
	    "Облыстардың шекаралары тұрғындардың пікірін ескермей өзгермеуі тиіс.",
	    "Астана мен республикалық маңызы бар басқа қалалар тұрғындар алдында облыстар сияқты есеп берсін деп ұсынамын." },
	  { "Унитарное устройство нужно сохранить, но регионам стоит дать больше самостоятельности.",
	    "Границы областей не должны меняться без учёта мнения жителей.",
	    "Предлагаю, чтобы столица и другие города республиканского значения отчитывались перед жителями так же, как области." },
	  { "The unitary structure should be kept, but regions should get more autonomy.",
	    "Regional borders should not change without taking residents' views into account.",
	    "I suggest that the capital and the other cities of republican significance report to their residents just as the regions do." } },
	{ /* referendum-amendments */
	  { "Конституцияға өзгерістер тек референдум арқылы енгізілуі керек.",
	    "Азаматтар қол жинап, референдумды өздері бастамашылық ете алуы керек.",
	    "Негізгі нормаларды халықты айналып өтіп өзгертуден қорғау керек." },
	  { "Изменения в Конституцию должны приниматься только через референдум.",
	    "Граждане должны иметь право сами инициировать референдум, собрав подписи.",
	    "Нужно защитить ключевые нормы от изменения в обход народа." },
	  { "Amendments to the Constitution should be adopted only by referendum.",
	    "Citizens should have the right to initiate a referendum themselves by collecting signatures.",
	    "Key provisions should be protected from being changed behind the people's back." } },
};

#define N_REASONS 10
static const char *const reasons[3][N_REASONS] = {
	{ "Бұл адамдардың мемлекетке деген сенімі үшін маңызды.",
	  "Әйтпесе заңды әркім өзінше түсіндіретін болады.",
	  "Осылай барлық азаматтарға әділ болады.",
	  "Біздің қалада бұл туралы көп айтылады.",
	  "Мен бұны көршілерім және әріптестеріммен талқыладым, көбі келіседі.",
	  "Онсыз бұл норма жай ғана декларация болып қалады.",
	  "Басқа елдердің тәжірибесі бұның жұмыс істейтінін көрсетеді.",
	  "Жастар өз пікірінің ескерілетінін көруі керек.",
	  "Қазіргі тұжырым тым бұлыңғыр.",
	  "Мәтін заңгерсіз-ақ қарапайым адамға түсінікті болуы керек." },
	{ "Это важно для доверия людей к государству.",
	  "Иначе закон будут толковать каждый по-своему.",
	  "Так будет справедливо по отношению ко всем гражданам.",
	  "Об этом много говорят в нашем городе.",
	  "Я обсуждал это с соседями и коллегами, многие со мной согласны.",
	  "Без этого норма останется декларацией.",
	  "Опыт других стран показывает, что это работает.",
	  "Молодёжь должна видеть, что её мнение учитывается.",
	  "Формулировка сейчас слишком размытая.",
	  "Текст должен быть понятен простому человеку без юриста." },
	{ "This matters for people's trust in the state.",
	  "Otherwise everyone will interpret the law in their own way.",
	  "This would be fair to all citizens.",
	  "People talk about this a lot in my town.",
	  "I discussed this with my neighbours and colleagues, and many agree with me.",
	  "Without this the provision will remain a declaration.",
	  "The experience of other countries shows that this works.",
	  "Young people need to see that their opinion is taken into account.",
	  "The current wording is too vague.",
	  "The text should be understandable to an ordinary person without a lawyer." },
};

#define N_PERSONAL 8
static const char *const personal[3][N_PERSONAL] = {
	{ "Мен мұғаліммін, бұның балаларға қалай әсер ететінін күнде көремін.",
	  "Мен ауылдық ауруханада жұмыс істеймін, біз үшін бұл маңызды мәселе.",
	  "Зейнеткер ретінде бұл туралы алдын ала ойластырылғанын қалаймын.",
	  "Мен студентпін, қандай елде өмір сүретінім маған бәрібір емес.",
	  "Біздің отбасында үш бала бар, сондықтан бұл маған тікелей қатысты.",
	  "Мен кәсіпкермін, маған айқындық керек.",
	  "Мен ауылда тұрамын, бізде бұл ерекше сезіледі.",
	  "Білімім бойынша заңгермін, мұнда екіұшты түсіндіру қаупін көремін." },
	{ "Я учитель и каждый день вижу, как это касается детей.",
	  "Я работаю в сельской больнице, и для нас это важный вопрос.",
	  "Как пенсионер, я хочу, чтобы об этом подумали заранее.",
	  "Я студент, и мне не всё равно, в какой стране я буду жить.",
	  "У нас в семье трое детей, поэтому меня это касается напрямую.",
	  "Я предприниматель, и мне нужна ясность.",
	  "Я живу в ауле, и у нас это чувствуется особенно остро.",
	  "Я юрист по образованию и вижу здесь риск неоднозначного толкования." },
	{ "I am a teacher and I see every day how this affects children.",
	  "I work in a rural hospital, and for us this is an important question.",
	  "As a pensioner, I would like this to be thought through in advance.",
	  "I am a student, and I care what kind of country I will live in.",
	  "We have three children in our family, so this concerns me directly.",
	  "I run a small business and I need clarity.",
	  "I live in a village, and we feel this especially strongly.",
	  "I studied law and I see a risk of ambiguous interpretation here." },
};

/* What the person thinks of the part: [lang][stance: support, oppose, amend][variant]. */
static const char *const stance_sentences[3][3][3] = {
	{ { "Бұл норманы толық қолдаймын.", "Жобаның бұл бөлігі маған ұнайды, оны осы күйінде қалдырған жөн.",
	    "Қолдаймын, бұл дұрыс бағыттағы қадам." },
	  { "Мен бұл тұжырымға қарсымын.", "Жобаның бұл бөлігімен келіспеймін.",
	    "Бұл норманы алып тастау немесе толық қайта жазу керек деп санаймын." },
	  { "Тұжырымды нақтылауды ұсынамын.", "Норманы толықтыру керек.",
	    "Жалпы келісемін, бірақ мәтінді пысықтау қажет." } },
	{ { "Полностью поддерживаю эту норму.", "Эта часть проекта мне нравится, её стоит оставить как есть.",
	    "Поддерживаю, это шаг в правильном направлении." },
	  { "Я против этой формулировки.", "Не согласен с этой частью проекта.",
	    "Считаю, что эту норму нужно убрать или полностью переписать." },
	  { "Предлагаю уточнить формулировку.", "Норму стоит дополнить.",
	    "В целом согласен, но текст нужно доработать." } },
	{ { "I fully support this provision.", "I like this part of the draft and it should stay as it is.",
	    "I support it; this is a step in the right direction." },
	  { "I am against this wording.", "I disagree with this part of the draft.",
	    "I think this provision should be removed or completely rewritten." },
	  { "I suggest clarifying the wording.", "The provision should be extended.",
	    "I broadly agree, but the text needs more work." } },
};

/* First sentences; %s is the part's name (part_name in generate.c). */
#define N_OPENERS 5
static const char *const openers[3][N_OPENERS] = {
	{ "Жобаның «%s» бөлігі бойынша.", "«%s» туралы пікірім.", "Сәлеметсіз бе! «%s» бойынша жазып отырмын.",
	  "«%s» бөлігін оқып шықтым, пікірімді айтқым келеді.", "«%s» бойынша бірнеше ескертпем бар." },
	{ "По поводу части проекта «%s».", "Моё мнение о части «%s».", "Добрый день! Пишу о части «%s».",
	  "Я прочитал(а) часть «%s» и хочу высказаться.", "У меня есть несколько замечаний к части «%s»." },
	{ "About %s.", "My opinion on %s.", "Hello! I am writing about %s.",
	  "I have read %s and would like to comment.", "I have a few remarks on %s." },
};

#define N_CLOSINGS 4
static const char *const closings[3][N_CLOSINGS] = {
	{ "Пікір білдіруге мүмкіндік бергеніңіз үшін рахмет.", "Ұсынысым қаралады деп үміттенемін.",
	  "Ескеруіңізді сұраймын.", "Құрметпен." },
	{ "Спасибо за возможность высказаться.", "Надеюсь, моё предложение рассмотрят.", "Прошу учесть.",
	  "С уважением." },
	{ "Thank you for the opportunity to comment.", "I hope my proposal will be considered.",
	  "Please take this into account.", "Kind regards." },
};

/* proposed_wording starts with one of these and goes on with topic sentences. */
#define N_WORDING 3
static const char *const wording_prefixes[3][N_WORDING] = {
	{ "Мына мағынада толықтыру: ", "Мәтінді былай өзгертуді ұсынамын: ", "Жаңа редакцияда ескеру: " },
	{ "Дополнить по смыслу: ", "Предлагаю изменить текст так: ", "Учесть в новой редакции: " },
	{ "Add a provision to this effect: ", "I suggest changing the text as follows: ",
	  "Take into account in the new version: " },
};

/*
 * Campaigns: one form letter many people submit, with small variations ({G} a greeting,
 * {P} where they are from, {V} one of the variant sentences, {S} a sign-off).
 */
struct campaign {
	int lang; /* 0 kk, 1 ru, 2 en */
	const char *target;
	int stance; /* 0 support, 1 oppose, 2 amend */
	const char *topics[2];
	const char *letter;
	const char *greetings[3];
	const char *places[3];
	const char *regions[3]; /* region code of places[i] */
	const char *variants[3];
	const char *signoffs[3];
};

#define N_CAMPAIGNS 6
static const struct campaign campaigns[N_CAMPAIGNS] = {
	{ 1, "article:4", 2, { "sovereignty", "referendum-amendments" },
	  "{G} Мы, жители {P}, просим закрепить в статье 4, что изменения основ конституционного строя "
	  "возможны только через всенародный референдум. {V} Просим учесть наше коллективное мнение.{S}",
	  { "Уважаемая комиссия!", "Уважаемые члены комиссии!", "Здравствуйте!" },
	  { "Алматы", "Астаны", "Караганды" }, { "KZ-75", "KZ-71", "KZ-35" },
	  { "Это защитит страну от поспешных решений.", "Это важно для будущих поколений.",
	    "Так власть будет ближе к народу." },
	  { "", " С уважением, инициативная группа.", " Подписываемся под каждым словом." } },
	{ 0, "preamble", 0, { "language", "sovereignty" },
	  "{G} Біз, {P} тұрғындары, преамбулада қазақ тілінің мемлекеттік тіл ретіндегі орнын айқын "
	  "көрсетуді қолдаймыз. {V} Ұсынысымызды ескеруіңізді сұраймыз.{S}",
	  { "Құрметті комиссия!", "Құрметті комиссия мүшелері!", "Сәлеметсіз бе!" },
	  { "Түркістан облысының", "Шымкент қаласының", "Қызылорда облысының" }, { "KZ-61", "KZ-79", "KZ-43" },
	  { "Тіл — халықтың жаны.", "Бұл келешек ұрпақ үшін маңызды.", "Ана тіліміз әр салада қолданылуы тиіс." },
	  { "", " Құрметпен, бастамашыл топ.", " Әр сөзімізге қол қоямыз." } },
	{ 1, "article:6", 1, { "land", "economy-property" },
	  "{G} Мы, жители {P}, против любой возможности передачи сельскохозяйственной земли в собственность "
	  "иностранцам. {V} Земля — наше общее достояние.{S}",
	  { "Уважаемая комиссия!", "Обращаемся к комиссии.", "Здравствуйте!" },
	  { "Костанайской области", "Акмолинской области", "Северо-Казахстанской области" },
	  { "KZ-39", "KZ-11", "KZ-59" },
	  { "Мы не хотим повторения ошибок прошлого.", "Фермерам нужна уверенность в завтрашнем дне.",
	    "Об этом просят многие сельчане." },
	  { "", " Инициативная группа фермеров.", " Просим услышать сёла." } },
	{ 0, "article:6", 1, { "land" },
	  "{G} Жер — халықтың ортақ байлығы. Біз, {P} тұрғындары, ауыл шаруашылығы жерін шетелдіктерге "
	  "беруге қарсымыз. {V}{S}",
	  { "Құрметті комиссия!", "Комиссияға үндейміз.", "Сәлеметсіз бе!" },
	  { "Жамбыл облысының", "Алматы облысының", "Түркістан облысының" }, { "KZ-31", "KZ-19", "KZ-61" },
	  { "Бұл біздің ортақ талабымыз.", "Ауыл тұрғындары осыны сұрайды.", "Жерді сатуға болмайды." },
	  { "", " Ауыл тұрғындары атынан.", " Құрметпен." } },
	{ 2, "general", 2, { "human-rights" },
	  "{G}\n\nAs members of a civic group from {P}, we ask the commission to add an explicit guarantee of "
	  "freedom of peaceful assembly. {V} Thank you for listening.{S}",
	  { "Dear commission,", "Dear members of the commission,", "Hello," },
	  { "Almaty", "Astana", "abroad" }, { "KZ-75", "KZ-71", "abroad" },
	  { "It is a basic freedom.", "People must be able to speak up together.",
	    "This would build trust between citizens and the state." },
	  { "", " Kind regards.", " Signed by our members." } },
	{ 1, "general", 2, { "education-science", "family-social" },
	  "{G} Мы, родители и учителя из {P}, просим прямо закрепить право на бесплатное и качественное "
	  "школьное образование. {V}{S}",
	  { "Уважаемая комиссия!", "Уважаемые члены комиссии!", "Добрый день!" },
	  { "Шымкента", "Павлодара", "Усть-Каменогорска" }, { "KZ-79", "KZ-55", "KZ-63" },
	  { "Дети — наше будущее.", "В школах не хватает учителей.", "Образование не должно зависеть от дохода семьи." },
	  { "", " С уважением, родительский комитет.", " Просим поддержать." } },
};

#endif
