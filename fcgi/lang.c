#include "lang.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lang_table.h"
#include "util.h"

_Static_assert(LANG_COUNT == LANG_TABLE_LANGS && LANG_KK == 0 && LANG_RU == 1 && LANG_EN == 2,
	       "enum lang numbers the languages as lang_table.h does");

static const struct lang_text strings[] = {
	{ "lang.name", { "Қазақша", "Русский", "English" } },
	{ "site.tagline",
	  { "Заң жобалары бойынша қоғамдық ұсыныстар", "Общественные предложения к проектам законов",
	    "Public proposals on draft laws" } },
	{ "form.heading", { "Ұсыныс жіберу", "Направить предложение", "Submit a proposal" } },
	{ "form.intro",
	  { "Ұсынысыңыз жобаның қай бөлігіне қатысты екенін таңдап, ұстанымыңызды белгілеп, "
	    "ұсынысыңызды жазыңыз. Жұлдызшамен (*) белгіленген өрістер міндетті.",
	    "Выберите часть проекта, к которой относится ваше предложение, укажите свою позицию и "
	    "напишите предложение. Поля, отмеченные звёздочкой (*), обязательны.",
	    "Choose the part of the draft your proposal is about, state your position and write your "
	    "proposal. Fields marked with an asterisk (*) are required." } },
	{ "form.closed",
	  { "Бұл талқылау жабық: ұсыныстар қабылданбайды.",
	    "Это обсуждение закрыто: предложения не принимаются.",
	    "This consultation is closed: proposals are no longer accepted." } },
	{ "field.consultation", { "Талқылау", "Обсуждение", "Consultation" } },
	{ "field.target", { "Жобаның бөлігі", "Часть проекта", "Part of the draft" } },
	{ "target.choose", { "— таңдаңыз —", "— выберите —", "— choose —" } },
	{ "group.whole", { "Жалпы", "В целом", "As a whole" } },
	{ "group.sections", { "Бөлімдер", "Разделы", "Sections" } },
	{ "group.articles", { "Баптар", "Статьи", "Articles" } },
	{ "field.stance", { "Сіздің ұстанымыңыз", "Ваша позиция", "Your position" } },
	{ "stance.support", { "Қолдаймын", "Поддерживаю", "I support it" } },
	{ "stance.oppose", { "Қарсымын", "Против", "I oppose it" } },
	{ "stance.amend", { "Өзгерту ұсынамын", "Предлагаю изменить", "I propose a change" } },
	{ "field.topics", { "Тақырыптар (5-ке дейін)", "Темы (не более 5)", "Topics (up to 5)" } },
	{ "field.text", { "Ұсынысыңыз", "Ваше предложение", "Your proposal" } },
	{ "text.hint",
	  { "1-ден 5 000 таңбаға дейін.", "От 1 до 5 000 символов.", "From 1 to 5,000 characters." } },
	/* The character counter's phrases (static/kenes.js), by plural category: {n} is the
	   number formatted for the page's language. Kazakh nouns after a numeral do not change. */
	{ "count.left.one", { "{n} таңба қалды", "Остался {n} символ", "{n} character left" } },
	{ "count.left.few", { "{n} таңба қалды", "Осталось {n} символа", "{n} characters left" } },
	{ "count.left.many", { "{n} таңба қалды", "Осталось {n} символов", "{n} characters left" } },
	{ "count.left.other", { "{n} таңба қалды", "Осталось {n} символа", "{n} characters left" } },
	{ "count.over.one", { "{n} таңба артық", "Лишний {n} символ", "{n} character too many" } },
	{ "count.over.few", { "{n} таңба артық", "Лишних {n} символа", "{n} characters too many" } },
	{ "count.over.many", { "{n} таңба артық", "Лишних {n} символов", "{n} characters too many" } },
	{ "count.over.other", { "{n} таңба артық", "Лишних {n} символа", "{n} characters too many" } },
	{ "field.proposed_wording",
	  { "Ұсынылатын редакция (өзгерту үшін, міндетті емес)",
	    "Предлагаемая редакция (для изменений, необязательно)",
	    "Proposed wording (for a change, optional)" } },
	{ "field.lang", { "Ұсыныстың тілі", "Язык предложения", "Language of the proposal" } },
	{ "field.region", { "Өңіріңіз", "Ваш регион", "Your region" } },
	{ "field.iin", { "ЖСН (ИИН)", "ИИН", "IIN (individual identification number)" } },
	{ "iin.optional",
	  { "Міндетті емес. Ол ұсыныстарды бір адамға санауға көмектеседі.",
	    "Необязательно. Помогает учитывать предложения одного человека.",
	    "Optional. It lets us count one person's proposals together." } },
	{ "iin.privacy",
	  { "12 цифр. Біз ЖСН-ді сақтамаймыз: тек оның қайтымсыз бүркеншік атын сақтаймыз.",
	    "12 цифр. Мы не храним ИИН: только его необратимый псевдоним.",
	    "12 digits. We do not store your IIN, only an irreversible pseudonym of it." } },
	{ "support.title", { "Қолдау", "Поддержка", "Support" } },
	{ "support.intro",
	  { "Бір адам бір ұсынысты бір рет қана қолдай алады.",
	    "Один человек может поддержать предложение один раз.",
	    "Each person can support a proposal once." } },
	{ "support.count", { "Қолдағандар саны", "Поддержали", "Supporters" } },
	{ "support.button", { "Қолдау", "Поддержать", "Support this proposal" } },
	{ "support.withdraw",
	  { "Қолдауымды қайтарып алу", "Отозвать мою поддержку", "Withdraw my support" } },
	{ "support.done", { "Қолдауыңыз тіркелді.", "Ваша поддержка учтена.", "Your support is recorded." } },
	{ "support.already",
	  { "Сіз бұл ұсынысты бұрын қолдағансыз; ол бір рет саналады.",
	    "Вы уже поддержали это предложение; поддержка учитывается один раз.",
	    "You already support this proposal; it counts once." } },
	{ "support.withdrawn",
	  { "Қолдауыңыз қайтарылды.", "Ваша поддержка отозвана.", "Your support is withdrawn." } },
	{ "support.not_supported",
	  { "Сіз бұл ұсынысты қолдамағансыз: қайтарып алатын ештеңе жоқ.",
	    "Вы не поддерживали это предложение: отзывать нечего.",
	    "You had not supported this proposal: there was nothing to withdraw." } },
	{ "proposal.title", { "Ұсыныс", "Предложение", "Proposal" } },
	{ "report.title",
	  { "Бұл ұсыныс сіздің атыңыздан сізсіз жіберілді ме?",
	    "Это предложение подано от вашего имени без вашего ведома?",
	    "Was this proposal filed in your name without you?" } },
	{ "report.intro",
	  { "Егер бұл ұсыныс сіздің атыңыздан, бірақ сіздің келісіміңізсіз жіберілсе, модераторларға "
	    "хабарлаңыз. Мұны ұсыныс атынан жіберілген адам ғана жасай алады.",
	    "Если это предложение подано от вашего имени, но без вашего согласия, сообщите модераторам. "
	    "Сделать это может только тот, от чьего имени оно подано.",
	    "If this proposal was filed in your name but without your consent, tell the moderators. "
	    "Only the person it was filed in the name of can do this." } },
	{ "report.button",
	  { "Модераторларға хабарлау", "Сообщить модераторам", "Report it to the moderators" } },
	{ "report.done",
	  { "Хабарламаңыз тіркелді: модераторлар оны қарайды.",
	    "Ваше сообщение принято: модераторы его рассмотрят.",
	    "Your report is recorded: the moderators will review it." } },
	{ "field.report_iin",
	  { "Сіздің ЖСН-іңіз (тексеру үшін)", "Ваш ИИН (для проверки)",
	    "Your IIN (to check that it is you)" } },
	{ "err.not_filed_in_your_name",
	  { "Бұл ұсыныс сіздің атыңыздан жіберілмеген: ол туралы ұсыныс атынан жіберілген адам ғана хабарлай "
	    "алады.",
	    "Это предложение подано не от вашего имени: сообщить о нём может только тот, от чьего имени оно "
	    "подано.",
	    "This proposal was not filed in your name: only the person it was filed in the name of can "
	    "report it." } },
	{ "proposal.view",
	  { "Ұсыныс беті және қолдау", "Страница предложения и поддержка",
	    "The proposal's page, to support it" } },
	/* The public overview of a draft (fcgi/overview.c, issue 15) */
	{ "overview.title", { "Жоба бойынша шолу", "Обзор проекта", "Overview of the draft" } },
	{ "overview.caption",
	  { "Жобаның әр бөлігі бойынша жарияланған ұсыныстар мен қолдаулар",
	    "Опубликованные предложения и поддержки по каждой части проекта",
	    "Published proposals and supports on each part of the draft" } },
	{ "overview.as_of", { "Соңғы есептеу", "Последний подсчёт", "Last counted" } },
	{ "overview.never", { "әлі есептелмеген", "ещё не подсчитано", "not counted yet" } },
	{ "overview.part", { "Бөлік", "Часть", "Part" } },
	{ "overview.proposals", { "Ұсыныстар", "Предложения", "Proposals" } },
	{ "overview.texts",
	  { "Науқандар бір рет есептелгенде", "Кампании учтены один раз", "Campaigns counted once" } },
	{ "overview.supports", { "Қолдаулар", "Поддержки", "Supports" } },
	{ "list.title", { "Ұсыныстар", "Предложения", "Proposals" } },
	{ "list.sort", { "Сұрыптау", "Порядок", "Order" } },
	{ "nav.lang", { "Тіл", "Язык", "Language" } },
	{ "nav.pages", { "Беттер", "Страницы", "Pages" } },
	/* A proposal as a reader sees it (its page, the list, a receipt): not the form's "your". */
	{ "view.stance", { "Ұстаным", "Позиция", "Position" } },
	{ "view.stance.support", { "Қолдайды", "Поддерживает", "Supports it" } },
	{ "view.stance.oppose", { "Қарсы", "Против", "Opposes it" } },
	{ "view.stance.amend", { "Өзгертуді ұсынады", "Предлагает изменить", "Proposes a change" } },
	{ "view.topics", { "Тақырыптар", "Темы", "Topics" } },
	{ "view.text", { "Ұсыныстың мәтіні", "Текст предложения", "Text of the proposal" } },
	{ "view.proposed_wording", { "Ұсынылған редакция", "Предложенная редакция", "Proposed wording" } },
	{ "view.region", { "Өңір", "Регион", "Region" } },
	{ "list.link",
	  { "Осы бөлікке қатысты басқа ұсыныстар", "Другие предложения к этой части",
	    "Other proposals on this part" } },
	{ "list.show", { "Көрсету", "Показать", "Show" } },
	{ "list.newest", { "Ең жаңалары", "Сначала новые", "Newest first" } },
	{ "list.supported", { "Ең көп қолдау тапқандары", "Больше всего поддержки", "Most supported" } },
	{ "list.empty", { "Әзірге ұсыныс жоқ.", "Предложений пока нет.", "No proposals yet." } },
	{ "list.prev", { "← Алдыңғы", "← Предыдущие", "← Previous" } },
	{ "list.next", { "Келесі →", "Следующие →", "Next →" } },
	{ "list.first", { "← Бірінші бет", "← Первая страница", "← First page" } },
	{ "list.page", { "Бет", "Страница", "Page" } },
	{ "list.read", { "Толығырақ және қолдау", "Подробнее и поддержать", "Read and support" } },
	{ "form.submit", { "Ұсынысты жіберу", "Отправить предложение", "Submit the proposal" } },
	{ "errors.summary",
	  { "Мына өрістерді түзетіңіз:", "Исправьте, пожалуйста, следующее:",
	    "Please correct the following:" } },
	{ "err.required", { "Бұл өрісті толтырыңыз.", "Заполните это поле.", "Please fill in this field." } },
	{ "err.invalid_type", { "Мәні дұрыс емес.", "Недопустимое значение.", "This value is not valid." } },
	{ "err.unknown_field", { "Белгісіз өріс.", "Неизвестное поле.", "Unknown field." } },
	{ "err.malformed_json",
	  { "Сұрау дұрыс емес JSON.", "Запрос — некорректный JSON.", "The request is not valid JSON." } },
	{ "err.malformed_form",
	  { "Форма дұрыс жіберілмеді.", "Форма отправлена некорректно.",
	    "The form was not sent correctly." } },
	{ "err.unknown_target",
	  { "Жобаның осындай бөлігі жоқ.", "В проекте нет такой части.", "The draft has no such part." } },
	{ "err.version_not_current",
	  { "Жоба жаңартылды: бөлімін жаңа нұсқа бойынша тексеріп, қайта жіберіңіз.",
	    "Проект обновлён: проверьте часть проекта по новой версии и отправьте снова.",
	    "The draft has been updated: check the part against the new version and send again." } },
	{ "field.version", { "Жоба нұсқасы", "Версия проекта", "Draft version" } },
	{ "part.now", { "Қазіргі нұсқада", "В текущей версии", "In the current version" } },
	{ "part.same", { "өзгеріссіз", "без изменений", "unchanged" } },
	{ "part.renumbered", { "нөмірі өзгерді", "перенумерована", "renumbered" } },
	{ "part.merged", { "біріктірілді", "объединена", "merged" } },
	{ "part.split", { "бөлінді", "разделена", "split" } },
	{ "part.removed", { "алынып тасталды", "исключена", "removed" } },
	{ "err.invalid_target",
	  { "Жобаның бөлігін тізімнен таңдаңыз.", "Выберите часть проекта из списка.",
	    "Choose a part of the draft from the list." } },
	{ "err.invalid_stance",
	  { "Ұстанымыңызды таңдаңыз.", "Выберите свою позицию.", "Choose your position." } },
	{ "err.unknown_topic",
	  { "Тақырыптарды тізімнен таңдаңыз.", "Выберите темы из списка.", "Choose topics from the list." } },
	{ "err.too_many_topics",
	  { "5 тақырыптан артық таңдамаңыз.", "Выберите не более 5 тем.", "Choose at most 5 topics." } },
	{ "err.text_too_long",
	  { "Мәтін 5 000 таңбадан аспауы керек.", "Текст должен быть не длиннее 5 000 символов.",
	    "The text must be at most 5,000 characters long." } },
	{ "err.wording_not_allowed",
	  { "Редакцияны тек «Өзгерту ұсынамын» ұстанымымен ұсынуға болады.",
	    "Редакцию можно предложить только с позицией «Предлагаю изменить».",
	    "A wording can only be proposed with the position \"I propose a change\"." } },
	{ "err.invalid_lang",
	  { "Тілді тізімнен таңдаңыз.", "Выберите язык из списка.", "Choose a language from the list." } },
	{ "err.unknown_region",
	  { "Өңірді тізімнен таңдаңыз.", "Выберите регион из списка.", "Choose a region from the list." } },
	{ "err.unknown_consultation",
	  { "Мұндай талқылау жоқ.", "Такого обсуждения нет.", "There is no such consultation." } },
	{ "err.consultation_closed",
	  { "Бұл талқылау жабық.", "Это обсуждение закрыто.", "This consultation is closed." } },
	{ "err.invalid_utf8",
	  { "Мәтінде рұқсат етілмеген таңбалар бар.", "Текст содержит недопустимые символы.",
	    "The text contains characters that are not allowed." } },
	{ "err.control_character",
	  { "Мәтінде рұқсат етілмеген таңбалар бар.", "Текст содержит недопустимые символы.",
	    "The text contains characters that are not allowed." } },
	{ "err.unavailable",
	  { "Қызмет уақытша қолжетімсіз. Бірнеше секундтан кейін қайталап көріңіз; ұсынысыңыз "
	    "сақталмады.",
	    "Сервис временно недоступен. Повторите попытку через несколько секунд; ваше предложение "
	    "не сохранено.",
	    "The service is briefly unavailable. Please try again in a few seconds; your proposal "
	    "was not stored." } },
	{ "err.invalid_iin",
	  { "ЖСН дұрыс емес: 12 цифрды тексеріңіз.", "ИИН указан неверно: проверьте 12 цифр.",
	    "This IIN is not valid: please check the 12 digits." } },
	{ "err.identity_required",
	  { "Алдымен жүйеге кіріңіз.", "Сначала войдите в систему.", "Please sign in first." } },
	{ "err.form_expired",
	  { "Форманың мерзімі өтті. Деректеріңіз сақталды: қайта жіберіңіз.",
	    "Срок действия формы истёк. Введённое сохранено: отправьте ещё раз.",
	    "The form had expired. What you typed is kept: please submit again." } },
	{ "err.cross_site",
	  { "Басқа сайттан жіберілген сұрау қабылданбайды.", "Запросы с других сайтов не принимаются.",
	    "Requests from other sites are refused." } },
	{ "err.rate_limited",
	  { "Тым көп сұрау. Кейінірек қайталаңыз.", "Слишком много запросов. Повторите позже.",
	    "Too many requests. Please try again later." } },
	{ "err.idempotency_key_reused",
	  { "Бұл форма бұрын басқа мәтінмен жіберілген. Форма жаңартылды: қайта жіберіңіз.",
	    "Эта форма уже была отправлена с другим текстом. Форма обновлена: отправьте ещё раз.",
	    "This form was already sent with different content. It is renewed: please submit again." } },
	{ "err.request_in_flight",
	  { "Сұрауыңыз өңделуде. Бір сәттен кейін қайталаңыз.",
	    "Ваш запрос ещё обрабатывается. Повторите через мгновение.",
	    "Your request is still being processed. Please retry in a moment." } },
	{ "err.not_found", { "Табылмады.", "Не найдено.", "Not found." } },
	{ "err.unavailable_support",
	  { "Қызмет уақытша қолжетімсіз. Бірнеше секундтан кейін қайталап көріңіз; қолдауыңыз әлі "
	    "тіркелмеді.",
	    "Сервис временно недоступен. Повторите попытку через несколько секунд; ваша поддержка пока "
	    "не учтена.",
	    "The service is briefly unavailable. Please try again in a few seconds; your support was not "
	    "recorded yet." } },
	{ "err.unavailable_report",
	  { "Қызмет уақытша қолжетімсіз. Бірнеше секундтан кейін қайталап көріңіз; хабарламаңыз әлі "
	    "тіркелмеді.",
	    "Сервис временно недоступен. Повторите попытку через несколько секунд; ваше сообщение пока "
	    "не принято.",
	    "The service is briefly unavailable. Please try again in a few seconds; your report was not "
	    "recorded yet." } },
	{ "err.unavailable_action",
	  { "Қызмет уақытша қолжетімсіз. Бірнеше секундтан кейін қайталап көріңіз.",
	    "Сервис временно недоступен. Повторите попытку через несколько секунд.",
	    "The service is briefly unavailable. Please try again in a few seconds." } },
	{ "err.internal",
	  { "Сұрауды орындау мүмкін болмады. Қайталап көріңіз.",
	    "Не удалось выполнить запрос. Попробуйте ещё раз.",
	    "The request could not be completed. Please try again." } },
	{ "receipt.title",
	  { "Рақмет! Ұсынысыңыз тіркелді", "Спасибо! Ваше предложение зарегистрировано",
	    "Thank you! Your proposal is recorded" } },
	{ "receipt.number", { "Ұсыныс нөмірі", "Номер предложения", "Proposal number" } },
	{ "receipt.recorded", { "Тіркелген уақыты (UTC)", "Время регистрации (UTC)", "Recorded at (UTC)" } },
	{ "receipt.keep",
	  { "Осы нөмірді сақтаңыз: ол бойынша ұсынысыңызды табуға болады.",
	    "Сохраните этот номер: по нему можно найти ваше предложение.",
	    "Keep this number: it identifies your proposal." } },
	{ "receipt.another",
	  { "Тағы бір ұсыныс жіберу", "Направить ещё одно предложение", "Submit another proposal" } },
	{ "receipt.json", { "JSON түрінде", "В формате JSON", "As JSON" } },
	{ "notfound.title", { "Табылмады", "Не найдено", "Not found" } },
	{ "notfound.text",
	  { "Мұндай бет немесе ұсыныс жоқ.", "Такой страницы или предложения нет.",
	    "There is no such page or proposal." } },
	{ "error.title", { "Қате", "Ошибка", "Error" } },
	{ "none.consultation",
	  { "Қазір ашық талқылау жоқ.", "Сейчас нет открытых обсуждений.",
	    "No consultation is open right now." } },
	/* The staff workspace (fcgi/staff_pages.c, staff_session.c) */
	{ "staff.signin.title", { "Қызметкерлердің кіруі", "Вход для сотрудников", "Staff sign-in" } },
	{ "staff.signin.intro",
	  { "Әкімші берген кіру кілтін (kns_ деп басталады) қойыңыз. Кілт сақталмайды: тек сеанс "
	    "ашылады.",
	    "Вставьте ключ доступа, выданный администратором (начинается с kns_). Ключ не "
	    "сохраняется: открывается только сеанс.",
	    "Paste the access token an administrator gave you (it starts with kns_). The token is "
	    "not kept: only a session is opened." } },
	{ "staff.signin.token", { "Кіру кілті", "Ключ доступа", "Access token" } },
	{ "staff.signin.hint", { "kns_ және 43 таңба.", "kns_ и 43 символа.", "kns_ and 43 characters." } },
	{ "staff.signin.button", { "Кіру", "Войти", "Sign in" } },
	{ "staff.signin.failed", { "Кіру сәтсіз аяқталды", "Войти не удалось", "Sign-in failed" } },
	{ "staff.signin.invalid",
	  { "Бұл кілт белгісіз немесе қайтарылып алынған.", "Этот ключ неизвестен или отозван.",
	    "This token is unknown or revoked." } },
	{ "staff.signin.empty", { "Кілтті қойыңыз.", "Вставьте ключ.", "Paste the token." } },
	{ "staff.signin.throttled",
	  { "Бұл мекенжайдан тым көп сәтсіз әрекет болды. Бір минуттан кейін қайталаңыз.",
	    "Слишком много неудачных попыток с этого адреса. Повторите через минуту.",
	    "Too many failed attempts from this address. Try again in a minute." } },
	{ "staff.signed_out",
	  { "Сеанс аяқталды немесе жоқ. Қайта кіріңіз.", "Сеанс завершён или отсутствует. Войдите снова.",
	    "Your session has ended or there is none. Please sign in again." } },
	{ "staff.forbidden.title", { "Рұқсат жоқ", "Доступ запрещён", "Not allowed" } },
	{ "staff.forbidden",
	  { "Сіздің рөліңіз бұл бетті пайдалана алмайды.", "Ваша роль не может пользоваться этой страницей.",
	    "Your role may not use this page." } },
	{ "staff.csrf",
	  { "Пішіннің мерзімі өтті немесе ол басқа сеанстікі. Бетті қайта ашып, қайталаңыз.",
	    "Форма устарела или относится к другому сеансу. Откройте страницу заново и повторите.",
	    "The form has expired or belongs to another session. Open the page again and retry." } },
	{ "staff.cross_site",
	  { "Басқа сайттан жіберілген сұрау қабылданбайды.", "Запросы с других сайтов не принимаются.",
	    "Requests from other sites are refused." } },
	{ "staff.home.title", { "Қызметкерлер бөлімі", "Рабочее место сотрудников", "Staff workspace" } },
	{ "staff.home.role", { "Сіздің рөліңіз", "Ваша роль", "Your role" } },
	{ "staff.role.staff", { "хатшылық", "секретариат", "secretariat (staff)" } },
	{ "staff.role.analyst", { "талдаушы", "аналитик", "analyst" } },
	{ "staff.role.moderator", { "модератор", "модератор", "moderator" } },
	{ "staff.signout.button", { "Шығу", "Выйти", "Sign out" } },
	{ "staff.search.title", { "Ұсыныстарды іздеу", "Поиск предложений", "Proposal search" } },
	{ "staff.search.words", { "Сөздер", "Слова", "Words" } },
	{ "staff.search.status", { "Күйі", "Статус", "Status" } },
	{ "staff.search.channel", { "Арна", "Канал", "Channel" } },
	{ "staff.search.region", { "Өңір (коды)", "Регион (код)", "Region (code)" } },
	{ "staff.search.button", { "Іздеу", "Найти", "Search" } },
	{ "staff.status.published", { "жарияланған", "опубликовано", "published" } },
	{ "staff.status.hidden", { "жасырылған", "скрыто", "hidden" } },
	{ "staff.nav", { "Қызметкерлер бөлімі", "Рабочее место", "Staff workspace" } },
	{ "staff.dash.title", { "Шолу тақтасы", "Сводка", "Dashboard" } },
	{ "staff.dash.as_of", { "Есептеу уақыты", "Подсчёт на", "Tallies as of" } },
	{ "staff.dash.queued", { "Кезектегі өзгерістер", "Изменений в очереди", "Queued changes" } },
	{ "staff.dash.from", { "Бастап", "С", "From" } },
	{ "staff.dash.to", { "Дейін", "По", "To" } },
	{ "staff.dash.stance", { "Ұстаным", "Позиция", "Stance" } },
	{ "staff.dash.all", { "Барлығы", "Все", "All" } },
	{ "staff.dash.topic", { "Тақырып (коды)", "Тема (код)", "Topic (code)" } },
	{ "staff.dash.version", { "Жоба нұсқасы", "Версия проекта", "Draft version" } },
	{ "staff.dash.download", { "Жүктеп алу", "Скачать", "Download" } },
	{ "staff.dash.totals", { "Жиыны", "Итого", "Totals" } },
	{ "staff.dash.period", { "Таңдалған кезең", "Выбранный период", "Selected period" } },
	{ "staff.dash.week",
	  { "Соңғы 7 күн (алдыңғы 7 күнге қарағанда)", "Последние 7 дней (к предыдущим 7)",
	    "Last 7 days (change against the 7 before)" } },
	{ "staff.dash.parts", { "Жобаның бөліктері", "Части проекта", "Parts of the draft" } },
	{ "staff.dash.proposals", { "Ұсыныстар", "Предложения", "Proposals" } },
	{ "staff.dash.texts", { "Әртүрлі мәтіндер", "Разных текстов", "Distinct texts" } },
	{ "staff.dash.people", { "Адамдар", "Люди", "People" } },
	{ "staff.dash.supports", { "Қолдаулар", "Поддержки", "Supports" } },
	{ "staff.dash.split", { "Ұстанымдар", "Позиции", "Stance split" } },
	{ "staff.dash.people_note",
	  { "«Адамдар» — сәйкестендірілген әртүрлі адамдар (бүркеншік аттар бойынша); анонимді ұсыныс "
	    "ешкім ретінде саналмайды. «Әртүрлі мәтіндер» науқандарды бір рет санайды (тек бүкіл кезең).",
	    "«Люди» — разные идентифицированные люди (по псевдонимам); анонимное предложение не "
	    "считается ни за кого. «Разных текстов» считает кампанию один раз (только за весь срок).",
	    "\"People\" are distinct identified persons (by pseudonym); an anonymous proposal counts as "
	    "no person. \"Distinct texts\" counts a campaign once (all-time only)." } },
	{ "staff.dash.bad_filter",
	  { "Сүзгілердің бірі дұрыс емес (күн ЖЖЖЖ-АА-КК, нұсқа нөмірі, тақырып коды).",
	    "Один из фильтров неверен (дата ГГГГ-ММ-ДД, номер версии, код темы).",
	    "One of the filters is malformed (a date YYYY-MM-DD, a version number, a topic code)." } },
	{ "staff.dash.not_ready",
	  { "Есептеулер әлі жасалмаған (kenes-aggregator refresh).",
	    "Подсчёты ещё не выполнены (kenes-aggregator refresh).",
	    "The tallies have not been computed yet (kenes-aggregator refresh)." } },
	/* The comparative table (comparative.c) */
	{ "table.title", { "Салыстырмалы кесте", "Сравнительная таблица", "Comparative table" } },
	{ "table.version", { "Жоба нұсқасы", "Версия проекта", "Draft version" } },
	{ "table.position", { "Ұстаным", "Позиция", "Position" } },
	{ "table.decision", { "Шешім", "Решение", "Decision" } },
	{ "table.new_part", { "Жаңа нұсқадағы бөлігі", "Часть новой версии", "Part of the new version" } },
	{ "table.counts", { "Саны", "Количество", "Counts" } },
	{ "table.proposals", { "Ұсыныстар", "Предложения", "Proposals" } },
	{ "table.texts", { "Әртүрлі мәтіндер", "Различные тексты", "Distinct texts" } },
	{ "table.people", { "Адамдар", "Люди", "People" } },
	{ "table.supports", { "Қолдаулар", "Поддержки", "Supports" } },
	{ "table.unplaced",
	  { "Әлі ешбір ұстанымға енгізілмеген ұсыныстар", "Предложения, ещё не отнесённые ни к одной позиции",
	    "Proposals not yet in any position" } },
	{ "decision.accepted", { "Қабылданды", "Принято", "Accepted" } },
	{ "decision.partly", { "Ішінара қабылданды", "Принято частично", "Partly accepted" } },
	{ "decision.not_accepted", { "Қабылданбады", "Не принято", "Not accepted" } },
	{ "decision.outside_scope",
	  { "Жобаның аясынан тыс", "Вне предмета проекта", "Outside the draft's scope" } },
	{ "decision.none", { "Шешім әлі жоқ", "Решение ещё не принято", "Not decided yet" } },
	/* Moderation in the staff workspace (fcgi/staff_moderation.c) */
	{ "staff.action.duplicate",
	  { "Қайталама деп белгілеу", "Отметить как дубликат", "Mark as duplicate" } },
	{ "staff.action.hide", { "Жасыру", "Скрыть", "Hide" } },
	{ "staff.action.unhide", { "Қайта көрсету", "Показать снова", "Show again" } },
	{ "staff.bulk.action", { "Әрекет", "Действие", "Action" } },
	{ "staff.bulk.invalid",
	  { "Ұсыныстарды таңдап (50-ден көп емес), әрекет пен себепті көрсетіңіз; қайталамаға түпнұсқа "
	    "керек.",
	    "Выберите предложения (не больше 50), укажите действие и причину; для дубликата нужен оригинал.",
	    "Select proposals (50 at most), an action and a reason; a duplicate needs its original." } },
	{ "staff.bulk.invalid.title", { "Әрекет қабылданбады", "Действие не принято", "Action refused" } },
	{ "staff.bulk.legend", { "Таңдалғандармен", "С выбранными", "With the selected" } },
	{ "staff.bulk.of",
	  { "Түпнұсқа № (қайталама үшін)", "Оригинал № (для дубликата)", "Original no. (for a duplicate)" } },
	{ "staff.bulk.reason", { "Себебі", "Причина", "Reason" } },
	{ "staff.bulk.review", { "Тексеру", "Проверить", "Review" } },
	{ "staff.bulk.select", { "Таңдау", "Выбрать", "Select" } },
	{ "staff.campaign.id", { "Науқан №", "Кампания №", "Campaign no." } },
	{ "staff.campaign.title", { "Бүкіл науқан", "Кампания целиком", "A whole campaign" } },
	{ "staff.col.channel", { "Арна", "Канал", "Channel" } },
	{ "staff.col.status", { "Күйі", "Статус", "Status" } },
	{ "staff.confirm.button", { "Растау", "Подтвердить", "Confirm" } },
	{ "staff.confirm.cancel", { "Бас тарту", "Отменить", "Cancel" } },
	{ "staff.confirm.count", { "Саны", "Количество", "Count" } },
	{ "staff.confirm.title", { "Растаңыз", "Подтвердите", "Please confirm" } },
	{ "staff.flags.none", { "Ашық шағым жоқ.", "Открытых жалоб нет.", "No open flags." } },
	{ "staff.flags.title", { "Шағымдар кезегі", "Очередь жалоб", "Flags queue" } },
	{ "staff.moderation.title", { "Модерация", "Модерация", "Moderation" } },
	{ "staff.result.changed", { "өзгертілді", "изменено", "changed" } },
	{ "staff.result.done", { "Орындалды", "Выполнено", "Done" } },
	{ "staff.result.refused", { "қабылданбады", "отказано", "refused" } },
	{ "staff.result.title", { "Нәтиже", "Результат", "Result" } },
	{ "staff.result.unchanged", { "өзгеріссіз", "без изменений", "unchanged" } },
	/* Analysts' pages: a part's page and the tallies query builder (fcgi/staff_parts.c,
	   staff_query.c) */
	{ "staff.part.figures", { "Көрсеткіштер", "Показатели", "Figures" } },
	{ "staff.part.stances", { "Ұстанымдар бойынша", "По позициям", "By stance" } },
	{ "staff.part.trend", { "Апта сайын", "По неделям", "Week by week" } },
	{ "staff.part.trend_desc",
	  { "ISO апталары бойынша ұсыныстар саны, ұстанымдар бойынша; әр сан төмендегі кестеде.",
	    "Число предложений по неделям ISO, по позициям; все числа в таблице ниже.",
	    "Proposals per ISO week, by stance; every number is in the table below." } },
	{ "staff.part.week", { "Апта", "Неделя", "Week" } },
	{ "staff.part.topics", { "Тақырыптар бойынша", "По темам", "By topic" } },
	{ "staff.part.campaigns",
	  { "Осы бөліктегі науқандар", "Кампании по этой части", "Campaigns on this part" } },
	{ "staff.part.on_part",
	  { "Осы бөліктегі ұсыныстары", "Её предложений к этой части", "Its proposals on this part" } },
	{ "staff.part.size", { "Науқан көлемі", "Размер кампании", "Campaign size" } },
	{ "staff.part.excerpt", { "Ең жиі мәтіні", "Самый частый текст", "Its most frequent text" } },
	{ "staff.part.top", { "Ең көп қолдау тапқандар", "Больше всего поддержки", "Most supported" } },
	{ "staff.part.wordings", { "Ұсынылған редакциялар", "Предложенные редакции", "Proposed wordings" } },
	{ "staff.part.none", { "Әзірге жоқ.", "Пока нет.", "None yet." } },
	{ "staff.part.search",
	  { "Осы бөлік бойынша ұсыныстарды іздеу", "Искать среди предложений к этой части",
	    "Search the proposals on this part" } },
	{ "staff.part.all",
	  { "Осы бөлік бойынша барлық ұсыныстар", "Все предложения к этой части",
	    "Every proposal on this part" } },
	{ "staff.part.unknown",
	  { "Жобада мұндай бөлік жоқ.", "В проекте нет такой части.", "The draft has no such part." } },
	{ "staff.part.note",
	  { "Сандар — соңғы есептеудегі /api/v1/tallies сандары; әрқайсысы артындағы жарияланған "
	    "ұсыныстарға сілтейді.",
	    "Числа — данные /api/v1/tallies на момент последнего подсчёта; каждое ведёт к "
	    "опубликованным предложениям за ним.",
	    "The numbers are /api/v1/tallies' as of the last refresh; each links to the published "
	    "proposals behind it." } },
	{ "staff.query.title", { "Есептеу сұрауы", "Запрос подсчётов", "Tallies query" } },
	{ "staff.query.intro",
	  { "Нені санау керегін таңдаңыз: бет шақыратын API мекенжайын және оның жауабын көрсетеді.",
	    "Выберите, что считать: страница покажет адрес API, который она вызывает, и его ответ.",
	    "Choose what to count: the page shows the API address it calls and its answer." } },
	{ "staff.query.by", { "Топтау", "Группировка", "Group by" } },
	{ "staff.query.format", { "Пішім", "Формат", "Format" } },
	{ "staff.query.labels", { "CSV белгілерінің тілі", "Язык подписей CSV", "CSV labels language" } },
	{ "staff.query.bom",
	  { "Excel үшін BOM (CSV)", "BOM для Excel (CSV)", "Byte order mark for Excel (CSV)" } },
	{ "staff.query.url", { "API мекенжайы", "Адрес API", "The API address" } },
	{ "staff.query.curl",
	  { "curl арқылы (кілтіңізді KENES_TOKEN-ге қойыңыз)", "Через curl (ключ — в KENES_TOKEN)",
	    "With curl (your token in KENES_TOKEN)" } },
	{ "staff.query.answer", { "Жауап", "Ответ", "The answer" } },
	{ "staff.query.button", { "Орындау", "Выполнить", "Run" } },
	{ "staff.query.key", { "Кілт", "Ключ", "Key" } },
	{ "staff.query.label", { "Атауы", "Название", "Name" } },
	{ "staff.query.invalid", { "Сұрау қабылданбады", "Запрос отклонён", "The query was refused" } },
	{ "staff.query.csv_note",
	  { "Төменде сол сұраудың JSON жауабы кесте түрінде.",
	    "Ниже — ответ JSON на тот же запрос, таблицей.",
	    "Below: the JSON answer to the same query, as a table." } },
	/* Reports, a proposal's history and the audit log (fcgi/staff_reports.c, staff_history.c,
	   staff_audit.c) */
	{ "staff.reports.title", { "Есептер", "Отчёты", "Reports" } },
	{ "staff.reports.intro",
	  { "Комиссия отырыстарының және апталардың есептері. Шығарылған есеп өзгермейді: әр нұсқасы "
	    "SHA-256 сомасымен сақталған күйінде жүктеледі.",
	    "Отчёты заседаний Комиссии и недель. Выпущенный отчёт не меняется: каждый его вариант "
	    "скачивается в точности таким, как сохранён, с его суммой SHA-256.",
	    "The reports of the Commission's sessions and of each week. An issued report never changes: "
	    "each rendering downloads exactly as stored, with its SHA-256." } },
	{ "staff.reports.sessions", { "Комиссия отырыстары", "Заседания Комиссии", "Commission sessions" } },
	{ "staff.reports.no_sessions", { "Әзірге отырыс жоқ.", "Заседаний пока нет.", "No sessions yet." } },
	{ "staff.reports.date", { "Күні", "Дата", "Date" } },
	{ "staff.reports.session_title", { "Атауы", "Название", "Title" } },
	{ "staff.reports.period", { "Кезең", "Период", "Period" } },
	{ "staff.reports.report", { "Есеп", "Отчёт", "Report" } },
	{ "staff.reports.number", { "Нөмірі", "Номер", "Number" } },
	{ "staff.reports.issued", { "Шығарылды", "Выпущен", "Issued" } },
	{ "staff.reports.cut_off", { "сандар уақыты", "данные на", "counts as of" } },
	{ "staff.reports.requested", { "Сұралды", "Запрошен", "Requested" } },
	{ "staff.reports.requested_note",
	  { "Есепті санақтардың келесі жаңартуы шығарады.", "Отчёт выпустит следующее обновление подсчётов.",
	    "The next refresh of the tallies issues it." } },
	{ "staff.reports.draft", { "Жоба", "Черновик", "Draft" } },
	{ "staff.reports.not_over",
	  { "Отырыс күні әлі келген жоқ: есепті сол күннен бастап шығаруға болады.",
	    "День заседания ещё не наступил: отчёт можно выпустить начиная с этого дня.",
	    "The session's day has not come yet: its report can be issued from that day on." } },
	{ "staff.reports.issue", { "Есепті шығару…", "Выпустить отчёт…", "Issue the report…" } },
	{ "staff.reports.issue_of", { "Отырыс есебі №", "Отчёт заседания №", "The report of session" } },
	{ "staff.reports.will_freeze",
	  { "Есеп мыналарды бекітеді (кейін өзгермейді):", "Отчёт зафиксирует (и больше не изменится):",
	    "The report will freeze (and never change afterwards):" } },
	{ "staff.reports.positions", { "Ұстанымдар", "Позиции", "Positions" } },
	{ "staff.reports.renderings",
	  { "Нұсқалар (HTML, CSV, Markdown × kk/ru/en және JSON)",
	    "Варианты (HTML, CSV, Markdown × kk/ru/en и JSON)",
	    "Renderings (HTML, CSV, Markdown × kk/ru/en, and JSON)" } },
	{ "staff.reports.issue_note",
	  { "Растағаннан кейін есепті санақтардың келесі жаңартуы шығарады; сандар сол уақыттағыдай болады.",
	    "После подтверждения отчёт выпустит следующее обновление подсчётов; числа будут на его момент.",
	    "Once confirmed, the next refresh of the tallies issues the report, with the counts as of "
	    "then." } },
	{ "staff.reports.downloads", { "Жүктеу", "Скачать", "Downloads" } },
	{ "staff.reports.rendering", { "Нұсқа", "Вариант", "Rendering" } },
	{ "staff.reports.bytes", { "Байт", "Байт", "Bytes" } },
	{ "staff.reports.no_renderings",
	  { "Сақталған нұсқа жоқ.", "Сохранённых вариантов нет.", "No stored renderings." } },
	{ "staff.reports.add", { "Отырыс қосу", "Добавить заседание", "Add a session" } },
	{ "staff.reports.add_note",
	  { "Отырыс есебі алдыңғы отырыстан (немесе талқылау ашылған күннен) бастап отырыс күнінің алдындағы "
	    "күнге дейінгі күндерді қамтиды. Нөмірлер мен күндер бірге өседі.",
	    "Отчёт заседания охватывает дни с предыдущего заседания (или с открытия обсуждения) до дня перед "
	    "заседанием. Номера и даты растут вместе.",
	    "A session's report covers the days from the previous session (or the consultation's opening) "
	    "to the day before its own. Numbers and dates go up together." } },
	{ "staff.reports.add_button", { "Қосу", "Добавить", "Add" } },
	{ "staff.reports.weeks", { "Апталық есептер", "Недельные отчёты", "Weekly reports" } },
	{ "staff.reports.weeks_note",
	  { "Аптаның есебін ол аяқталғаннан кейінгі бірінші жаңарту шығарады.",
	    "Отчёт недели выпускает первое обновление после её окончания.",
	    "A week's report is issued by the first refresh after the week ends." } },
	{ "staff.reports.no_weeks",
	  { "Апталық есеп әлі шығарылған жоқ.", "Недельных отчётов ещё нет.",
	    "No weekly report issued yet." } },
	{ "staff.reports.week", { "Апта", "Неделя", "Week" } },
	{ "staff.reports.refused", { "Орындалмады", "Не выполнено", "Not done" } },
	{ "staff.reports.invalid",
	  { "Нөмірді (1-ден бастап), күнді және атауды (1–300 таңба, бір жол) толтырыңыз.",
	    "Укажите номер (от 1), дату и название (1–300 символов, одна строка).",
	    "Give a number (from 1), a date and a title (1 to 300 characters, one line)." } },
	{ "staff.reports.exists",
	  { "Бұл нөмірлі немесе осы күнгі отырыс бар.", "Заседание с этим номером или этой датой уже есть.",
	    "A session with this number or on this date exists already." } },
	{ "staff.reports.order",
	  { "Отырыстар күндерінің ретімен нөмірленеді: бұл нөмір мен күн басқалармен сәйкес келмейді.",
	    "Заседания нумеруются по порядку дат: этот номер и дата не согласуются с остальными.",
	    "Sessions are numbered in the order of their dates: this number and date are out of order." } },
	{ "staff.reports.sso",
	  { "Журнал токенді атайды: бұл әрекет үшін токенмен кіріңіз.",
	    "Журнал называет токен: для этого действия войдите с токеном.",
	    "The audit log names a token: sign in with a token to do this." } },
	{ "staff.reports.no_session",
	  { "Мұндай отырыс жоқ.", "Такого заседания нет.", "There is no such session." } },
	{ "staff.reports.no_report",
	  { "Мұндай есеп немесе нұсқа жоқ.", "Такого отчёта или варианта нет.",
	    "There is no such report or rendering." } },
	{ "staff.reports.bad_download",
	  { "Пішім html, csv, json немесе md, тіл kk, ru немесе en болуы керек.",
	    "Формат должен быть html, csv, json или md, язык kk, ru или en.",
	    "The format must be html, csv, json or md and the language kk, ru or en." } },
	{ "staff.history.title", { "Ұсыныстың тарихы", "История предложения", "A proposal's history" } },
	{ "staff.history.link", { "тарихы", "история", "history" } },
	{ "staff.history.hidden_as", { "Жасырылу себебі", "Скрыто как", "Hidden as" } },
	{ "staff.history.duplicate_of", { "Көшірмесі", "Дубликат", "Duplicate of" } },
	{ "staff.history.lang", { "Тілі", "Язык", "Language" } },
	{ "staff.history.created", { "Жіберілді", "Подано", "Submitted" } },
	{ "staff.history.campaign", { "Науқан", "Кампания", "Campaign" } },
	{ "staff.history.wording", { "Ұсынылған редакция", "Предлагаемая редакция", "Proposed wording" } },
	{ "staff.history.positions", { "Ұстанымдар", "Позиции", "Positions" } },
	{ "staff.history.no_positions",
	  { "Ешбір ұстанымға енгізілмеген.", "Не включено ни в одну позицию.",
	    "Not placed in any position." } },
	{ "staff.history.via_campaign", { "науқанымен", "вместе с кампанией", "with its campaign" } },
	{ "staff.history.log", { "Модерация журналы", "Журнал модерации", "Moderation log" } },
	{ "staff.history.no_log", { "Жазба жоқ.", "Записей нет.", "No entries." } },
	{ "staff.history.flags", { "Тұлға туралы шағымдар", "Жалобы на личность", "Identity reports" } },
	{ "staff.history.no_flags", { "Шағым жоқ.", "Жалоб нет.", "No reports." } },
	{ "staff.history.flag", { "Шағым", "Жалоба", "Flag" } },
	{ "staff.history.resolved", { "Шешілді", "Решено", "Resolved" } },
	{ "staff.history.decision", { "Шешім", "Решение", "Decision" } },
	{ "staff.audit.title", { "Аудит журналы", "Журнал аудита", "Audit log" } },
	{ "staff.audit.intro",
	  { "Ескісі бірінші; күндер UTC бойынша. CSV таңдалғанның бәрін береді.",
	    "Сначала старые записи; дни по UTC. CSV содержит всю выборку.",
	    "Oldest first; days are UTC days. The CSV holds the whole selection." } },
	{ "staff.audit.log", { "Журнал", "Журнал", "Log" } },
	{ "staff.audit.log.staff",
	  { "Қызметкерлер (кіру, отырыстар, есептер)", "Сотрудники (входы, заседания, отчёты)",
	    "Staff (sign-ins, sessions, reports)" } },
	{ "staff.audit.log.moderation", { "Модерация", "Модерация", "Moderation" } },
	{ "staff.audit.csv", { "CSV жүктеу", "Скачать CSV", "Download CSV" } },
	{ "staff.audit.none", { "Жазба жоқ.", "Записей нет.", "No entries." } },
	{ "staff.audit.at", { "Уақыты", "Время", "Time" } },
	{ "staff.audit.actor", { "Кім", "Кто", "Who" } },
	{ "staff.nav.reports", { "Есептер", "Отчёты", "Reports" } },
	{ "staff.nav.audit", { "Аудит", "Аудит", "Audit" } },
};

const char *lang_code(enum lang l)
{
	return lang_table_code((int)l);
}

bool lang_parse(const char *s, enum lang *out)
{
	int i = lang_table_parse(s);

	if (i < 0)
		return false;
	*out = (enum lang)i;
	return true;
}

/* "1", "1.0", "0.8", "0": tenths, -1 when unreadable. Reads only up to the string's end. */
static int accept_q(const char *s)
{
	if (s[0] == '1')
		return 10;
	if (s[0] != '0')
		return -1;
	if (s[1] == '.' && isdigit((unsigned char)s[2]))
		return s[2] - '0';
	return 0;
}

/*
 * Picks the highest-q supported language from "ru-RU,ru;q=0.9,en;q=0.8". Only the primary
 * subtag matters; q values are read to one decimal place, which is all browsers send.
 */
enum lang lang_from_accept(const char *header)
{
	enum lang best = LANG_KK;
	int best_q = -1;
	const char *p = header;

	while (p && *p) {
		char tag[4] = { 0 };
		int n = 0, q = 10;
		enum lang l;

		while (*p == ' ' || *p == ',')
			p++;
		while (isalpha((unsigned char)*p) && n < 3)
			tag[n++] = (char)tolower((unsigned char)*p++);
		while (*p && *p != ',' && *p != ';')
			p++;
		if (*p == ';') {
			const char *qp = strstr(p, "q=");
			const char *comma = strchr(p, ',');

			if (qp && (!comma || qp < comma))
				q = accept_q(qp + 2);
			while (*p && *p != ',')
				p++;
		}
		/* q=0 means "not acceptable". */
		if (n == 2 && q > 0 && lang_parse(tag, &l) && q > best_q) {
			best = l;
			best_q = q;
		}
	}
	return best;
}

static const struct lang_text *find(const char *key)
{
	return lang_table_find(strings, ARRAY_LEN(strings), key);
}

const char *lang_tr(enum lang l, const char *key)
{
	const struct lang_text *e = find(key);

	return e && e->text[l] ? e->text[l] : key;
}

bool lang_tr_complete(const char *key)
{
	const struct lang_text *e = find(key);

	return e && e->text[0] && e->text[1] && e->text[2];
}
