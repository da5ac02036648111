"""Demo copy of edna's privacy policy in kk (source), ru and en.

Built from the client's Kazakh policy (shared/seed/privacy-policy-kk.txt) with its look-alike-letter
typos corrected, and with its slips of reference corrected: clause 3.1 calls the document "this Policy"
(the seed says «Ереженің», "these Regulations"), and clause 3.5 refers to the states of clause 3.4 (the
seed says 3.3, the clause on third parties). The project ships this copy; nothing reads the seed at run
time. Every value is a dict {"kk": ..., "ru": ..., "en": ...}. Databases loaded earlier keep their
published versions as they are; a new load builds the corrected text.

Text that the seed repeats (the list of personal data, the processing methods, the retention term and
the way consent is withdrawn in table No. 1) is defined once below, so that one Kazakh string always
has one Russian and one English translation. The postal address and the e-mail address are not part of
any text here: the clauses that need them end with ":" and the page renders them from the site
settings (see demo/home_content.py).
"""

# Table No. 1 repeats these cells row after row; each is defined once and copied into the rows.

_CANDIDATES_GROUP = {
    "kk": "Сайт арқылы бос орынға жауап берген бос лауазымдарға орналасуға үміткерлер",
    "ru": "Кандидаты на замещение вакантных должностей, откликнувшиеся на вакансию через Сайт",
    "en": "Candidates for vacant positions who have responded to a vacancy via the Site",
}

_ALL_CATEGORIES_GROUP = {
    "kk": "Осы Саясаттың 2.5-тармақта көрсетілген дербес деректер субъектілерінің барлық санаттары",
    "ru": "Все категории субъектов персональных данных, указанные в пункте 2.5 настоящей Политики",
    "en": "All categories of personal data subjects specified in clause 2.5 of this Policy",
}

_CONTACT_DATA = {
    "kk": "\n".join(
        [
            "тегі, аты, әкесінің аты",
            "электрондық пошта мекенжайы",
            "телефон нөмірі",
            "Сайтқа кірген ел",
            "компанияның атауы",
            "Сайтқа Келуші өз бетінше ұсынған өзге де деректер",
        ]
    ),
    "ru": "\n".join(
        [
            "фамилия, имя, отчество",
            "адрес электронной почты",
            "номер телефона",
            "страна, из которой осуществлен вход на Сайт",
            "наименование компании",
            "иные данные, самостоятельно предоставленные Посетителем Сайта",
        ]
    ),
    "en": "\n".join(
        [
            "surname, first name, patronymic",
            "e-mail address",
            "telephone number",
            "country from which the Site was accessed",
            "company name",
            "other data provided by the Site Visitor on their own initiative",
        ]
    ),
}

_TECHNICAL_DATA = {
    "kk": "Сайт пайдаланылатын құрылғы автоматты түрде жіберетін техникалық деректер, мысалы: Сайтқа Кіруші құрылғысының техникалық сипаттамалары (құрылғы идентификаторы), пайдаланушы құрылғысының IP-мекенжайы, cookies-файлдар, сайтқа кірушінің браузері туралы ақпарат (оның ішінде атауы, нұсқасы) және т.\u00a0б.",
    "ru": "Технические данные, автоматически передаваемые устройством, с помощью которого используется Сайт, например: технические характеристики устройства Посетителя Сайта (идентификатор устройства), IP-адрес устройства пользователя, файлы cookies, информация о браузере посетителя сайта (в том числе наименование, версия) и т.\u00a0д.",
    "en": "Technical data automatically transmitted by the device through which the Site is used, for example: the technical characteristics of the Site Visitor's device (device identifier), the IP address of the user's device, cookies, information about the site visitor's browser (including its name and version), etc.",
}

_PROCESSING_METHODS = {
    "kk": "Дербес деректерді аралас өңдеу, атап айтқанда: жинау, жазу, жүйелеу, жинақтау, сақтау, нақтылау (жаңарту, өзгерту), алу, пайдалану, бұғаттау, өшіру, жою",
    "ru": "Смешанная обработка персональных данных, а именно: сбор, запись, систематизация, накопление, хранение, уточнение (обновление, изменение), извлечение, использование, блокирование, удаление, уничтожение",
    "en": "Mixed processing of personal data, namely: collection, recording, systematisation, accumulation, storage, rectification (updating, modification), retrieval, use, blocking, deletion, destruction",
}

_RETENTION_CANDIDATE_REVIEW = {
    "kk": "Үміткердің атқаратын лауазымына сәйкестігін қарау кезеңі",
    "ru": "Период рассмотрения соответствия кандидата замещаемой должности",
    "en": "The period during which the candidate's suitability for the position is assessed",
}

_RETENTION_UNTIL_WITHDRAWAL = {
    "kk": "Егер Қазақстан Республикасының қолданыстағы заңнамасында өзгеше көзделмесе, дербес деректерді өңдеуге келісімді кері қайтарып алу сәтіне дейін",
    "ru": "До момента отзыва согласия на обработку персональных данных, если иное не предусмотрено действующим законодательством Республики Казахстан",
    "en": "Until consent to the processing of personal data is withdrawn, unless otherwise provided by the applicable legislation of the Republic of Kazakhstan",
}

_WITHDRAWAL_APPLICATION = {
    "kk": "Дербес деректерді өңдеуге келісімді кері қайтарып алу туралы өтініш",
    "ru": "Заявление об отзыве согласия на обработку персональных данных",
    "en": "An application for withdrawal of consent to the processing of personal data",
}


# Each retention term with its rule as data (policy.retention_rules), saying the same thing: an
# application is kept while the candidate is assessed, i.e. until the vacancy is closed, and then 30 days
# more for the answer to reach the candidate and any question about it (to be confirmed by the client).
_KEPT_FOR_CANDIDATE_REVIEW = (_RETENTION_CANDIDATE_REVIEW, "after-vacancy-closed", 30)
_KEPT_UNTIL_WITHDRAWAL = (_RETENTION_UNTIL_WITHDRAWAL, "until-withdrawal", None)


def _purpose(subject_category, purpose, personal_data, retention):
    """One row of table No. 1; shared cells are copied so that no two rows share a dict. `retention`:
    (retention term, rule, days)."""
    retention_term, retention_rule, retention_days = retention
    return {
        "subject_category": dict(subject_category),
        "purpose": purpose,
        "personal_data": dict(personal_data),
        "processing_methods": dict(_PROCESSING_METHODS),
        "retention_term": dict(retention_term),
        "retention_rule": retention_rule,
        "retention_days": retention_days,
        "withdrawal_method": dict(_WITHDRAWAL_APPLICATION),
    }


POLICY = {
    "title": {
        "kk": "Дербес мәліметтерді өңдеу саясаты",
        "ru": "Политика обработки персональных данных",
        "en": "Personal Data Processing Policy",
    },
    "intro": {
        "kk": "Осы Сайтқа Кірушілердің дербес деректерін Өңдеу саясатын (бұдан әрі – «Саясат») «ЭДНА ҚАЗАҚСТАН» ЖШС (бұдан әрі – «edna») дербес деректерді өңдеуге қатысты қабылдады және edna-да дербес деректерді өңдеуге қатысты қолданылатын негізгі қағидаттар жүйесін баяндайды. Бұл Саясат edna Сайтқа Кірушіден және edna Сайтына www.edna.kz (бұдан әрі – «Сайт») Кіруші туралы барлық ақпаратқа қатысты қолданылады: кез келген құрылғыдан, сондай-ақ edna-мен кез келген нысанда автоматтандыру құралдарын пайдалана отырып немесе оларды пайдаланбай байланысқан кезде. Сайтты пайдалану (мәтінді қарау, оқу, ақпаратты жіберу немесе жүктеу) және өзінің дербес деректерін ұсыну арқылы Сайтқа Кіруші осы Саясатқа сәйкес дербес деректерді өңдеуге келісім береді.",
        "ru": "Настоящая Политика обработки персональных данных Посетителей Сайта (далее – «Политика») принята ТОО «ЭДНА КАЗАХСТАН» (далее – «edna») в отношении обработки персональных данных и излагает систему основных принципов, применяемых в edna в отношении обработки персональных данных. Настоящая Политика применяется ко всей информации, которую edna получает от Посетителя Сайта и о Посетителе сайта edna www.edna.kz (далее – «Сайт»): с любого устройства, а также при взаимодействии с edna в любой форме с использованием средств автоматизации или без их использования. Используя Сайт (просматривая, читая текст, отправляя или загружая информацию) и предоставляя свои персональные данные, Посетитель Сайта дает согласие на обработку персональных данных в соответствии с настоящей Политикой.",
        "en": "This Policy on the Processing of Personal Data of Site Visitors (hereinafter, the “Policy”) has been adopted by EDNA KAZAKHSTAN LLP (hereinafter, “edna”) with respect to the processing of personal data and sets out the system of basic principles applied at edna to the processing of personal data. This Policy applies to all information that edna receives from the Site Visitor and about the Visitor to the edna website www.edna.kz (hereinafter, the “Site”): from any device, as well as when interacting with edna in any form, with or without the use of automation tools. By using the Site (viewing, reading text, sending or uploading information) and providing their personal data, the Site Visitor consents to the processing of personal data in accordance with this Policy.",
    },
    "definitions_heading": {
        "kk": "Дербес деректердің түсініктері мен құрамы",
        "ru": "Понятия и состав персональных данных",
        "en": "Personal Data: Concepts and Composition",
    },
    "definitions": [
        {
            "term": {
                "kk": "Дербес деректер",
                "ru": "Персональные данные",
                "en": "Personal data",
            },
            "meaning": {
                "kk": "электрондық, қағаз және (немесе) өзге де материалдық тасығышта тіркелген белгілі бір немесе олардың негізінде айқындалатын дербес деректер субъектісіне қатысты мәліметтер",
                "ru": "сведения, относящиеся к определенному или определяемому на их основании субъекту персональных данных, зафиксированные на электронном, бумажном и (или) ином материальном носителе",
                "en": "information relating to a specific personal data subject, or to a personal data subject identifiable on the basis of that information, recorded on an electronic, paper and (or) other tangible medium",
            },
        },
        {
            "term": {
                "kk": "Дербес деректерді өңдеу",
                "ru": "Обработка персональных данных",
                "en": "Processing of personal data",
            },
            "meaning": {
                "kk": "жинауды, жазуды, жүйелеуді, жинақтауды, сақтауды, нақтылауды (жаңартуды, өзгертуді), алуды, пайдалануды, беруді (таратуды, ұсынуды, қол жеткізуді), жеке деректерді иесіздендіру, бұғаттау, өшіру, жою қоса алғанда, автоматтандыру құралдарын пайдалана отырып немесе дербес деректермен осындай құралдарды пайдаланбай жасалатын кез келген әрекет (операция) немесе әрекеттер (операциялар) жиынтығы",
                "ru": "любое действие (операция) или совокупность действий (операций), совершаемых с использованием средств автоматизации или без использования таких средств с персональными данными, включая сбор, запись, систематизацию, накопление, хранение, уточнение (обновление, изменение), извлечение, использование, передачу (распространение, предоставление, доступ), обезличивание, блокирование, удаление, уничтожение персональных данных",
                "en": "any action (operation) or set of actions (operations) performed with personal data, with or without the use of automation tools, including collection, recording, systematisation, accumulation, storage, rectification (updating, modification), retrieval, use, transfer (dissemination, provision, access), depersonalisation, blocking, deletion and destruction of personal data",
            },
        },
        {
            "term": {
                "kk": "Дербес деректерді автоматтандырылған өңдеу",
                "ru": "Автоматизированная обработка персональных данных",
                "en": "Automated processing of personal data",
            },
            "meaning": {
                "kk": "есептеу техникасы құралдарының көмегімен дербес деректерді өңдеу",
                "ru": "обработка персональных данных с помощью средств вычислительной техники",
                "en": "processing of personal data by means of computer equipment",
            },
        },
        {
            "term": {
                "kk": "Дербес деректерді автоматтандырылмаған өңдеу",
                "ru": "Неавтоматизированная обработка персональных данных",
                "en": "Non-automated processing of personal data",
            },
            "meaning": {
                "kk": "дербес деректер субъектілерінің әрқайсысына қатысты дербес деректерді пайдалану, нақтылау, тарату, жою сияқты дербес деректермен әрекеттер адамның тікелей қатысуымен жүзеге асырылған жағдайда, автоматтандыру құралдарын пайдаланбай дербес деректерді өңдеу",
                "ru": "обработка персональных данных без использования средств автоматизации, если такие действия с персональными данными, как использование, уточнение, распространение, уничтожение персональных данных в отношении каждого из субъектов персональных данных, осуществляются при непосредственном участии человека",
                "en": "processing of personal data without the use of automation tools, where such actions with personal data as the use, rectification, dissemination and destruction of personal data relating to each of the personal data subjects are carried out with direct human involvement",
            },
        },
        {
            "term": {
                "kk": "Дербес деректерді аралас өңдеу",
                "ru": "Смешанная обработка персональных данных",
                "en": "Mixed processing of personal data",
            },
            "meaning": {
                "kk": "автоматтандырылмаған және автоматтандырылған тәсілдермен жүзеге асырылатын дербес деректерді өңдеу",
                "ru": "обработка персональных данных, осуществляемая неавтоматизированным и автоматизированным способами",
                "en": "processing of personal data carried out by both non-automated and automated means",
            },
        },
        {
            "term": {
                "kk": "Дербес деректерді тарату",
                "ru": "Распространение персональных данных",
                "en": "Dissemination of personal data",
            },
            "meaning": {
                "kk": "нәтижесінде дербес деректерді беру, оның ішінде бұқаралық ақпарат құралдары арқылы беру немесе дербес деректерге қандай да бір өзге тәсілмен қол жеткізу жүзеге асырылатын іс-әрекеттер",
                "ru": "действия, в результате совершения которых происходит передача персональных данных, в том числе через средства массовой информации, или предоставление доступа к персональным данным каким-либо иным способом",
                "en": "actions that result in the transfer of personal data, including through the mass media, or in access to personal data being provided by any other means",
            },
        },
        {
            "term": {
                "kk": "Дербес деректерді бұғаттау",
                "ru": "Блокирование персональных данных",
                "en": "Blocking of personal data",
            },
            "meaning": {
                "kk": "дербес деректерді өңдеуді уақытша тоқтату (өңдеу дербес деректерді нақтылау үшін қажет болған жағдайларды қоспағанда)",
                "ru": "временное прекращение обработки персональных данных (за исключением случаев, когда обработка необходима для уточнения персональных данных)",
                "en": "temporary suspension of the processing of personal data (except where the processing is necessary to rectify the personal data)",
            },
        },
        {
            "term": {
                "kk": "Дербес деректерді жою",
                "ru": "Уничтожение персональных данных",
                "en": "Destruction of personal data",
            },
            "meaning": {
                "kk": "нәтижесінде дербес деректердің ақпараттық жүйесіндегі дербес деректердің мазмұнын қалпына келтіру мүмкін болмайтын және (немесе) нәтижесінде дербес деректердің материалдық жеткізгіштері жойылатын әрекеттер",
                "ru": "действия, в результате совершения которых невозможно восстановить содержание персональных данных в информационной системе персональных данных и (или) в результате которых уничтожаются материальные носители персональных данных",
                "en": "actions as a result of which it becomes impossible to restore the content of personal data in the personal data information system and (or) as a result of which the tangible media of personal data are destroyed",
            },
        },
        {
            "term": {
                "kk": "Cookies",
                "ru": "Cookies",
                "en": "Cookies",
            },
            "meaning": {
                "kk": "Сайтқа Кірушілердің браузерінде сақталған шағын мәтіндік файлдар. Сайтты қарау кезінде Сайтқа Кіруші туралы иесіздендірілген статистикалық мәліметтер автоматты түрде жиналады (Cookies), мысалы, интернет-статистика қызметтері көмегімен (Яндекс Метрика және Гугл Аналитика және басқалары)",
                "ru": "небольшие текстовые файлы, сохраняемые в браузере Посетителей Сайта. При просмотре Сайта обезличенные статистические сведения о Посетителе Сайта собираются автоматически (Cookies), например с помощью сервисов интернет-статистики (Яндекс Метрика, Google Analytics и другие)",
                "en": "small text files stored in the browser of Site Visitors. When the Site is viewed, depersonalised statistical information about the Site Visitor is collected automatically (Cookies), for example by means of web analytics services (Yandex Metrica, Google Analytics and others)",
            },
        },
        {
            "term": {
                "kk": "Дербес деректерді трансшекаралық беру",
                "ru": "Трансграничная передача персональных данных",
                "en": "Cross-border transfer of personal data",
            },
            "meaning": {
                "kk": "дербес деректерді шет мемлекеттердің аумағына беру",
                "ru": "передача персональных данных на территорию иностранных государств",
                "en": "transfer of personal data to the territory of foreign states",
            },
        },
    ],
    "principles_heading": {
        "kk": "edna-да жеке деректерді өңдеу қағидалары мен шарттары",
        "ru": "Принципы и условия обработки персональных данных в edna",
        "en": "Principles and Conditions of Personal Data Processing at edna",
    },
    "principles": [
        {
            "text": {
                "kk": "edna дербес деректерді заңды және әділ негізде өңдеуді жүзеге асырады.",
                "ru": "edna осуществляет обработку персональных данных на законной и справедливой основе.",
                "en": "edna processes personal data on a lawful and fair basis.",
            }
        },
        {
            "text": {
                "kk": "edna қызметінің мақсаттарын іске асырудың маңызды шарты оның дербес деректерін өңдеу кезінде дербес деректер субъектісінің құқықтары мен бостандықтарын қорғауды қамтамасыз ету болып табылады.",
                "ru": "Важнейшим условием реализации целей деятельности edna является обеспечение защиты прав и свобод субъекта персональных данных при обработке его персональных данных.",
                "en": "An essential condition for achieving the objectives of edna's activities is ensuring the protection of the rights and freedoms of the personal data subject when their personal data are processed.",
            }
        },
        {
            "text": {
                "kk": "Дербес деректерді өңдеу кезінде олардың дәлдігі, жеткіліктілігі, ал қажет болған жағдайда дербес деректерді өңдеу мақсаттарына қатысты өзектілігі қамтамасыз етіледі.",
                "ru": "При обработке персональных данных обеспечиваются их точность, достаточность, а в необходимых случаях и актуальность по отношению к целям обработки персональных данных.",
                "en": "When personal data are processed, their accuracy, sufficiency and, where necessary, relevance to the purposes of processing of personal data are ensured.",
            }
        },
        {
            "text": {
                "kk": "edna дербес деректер субъектісінің келісімінсіз үшінші тұлғаларға жария етпейді және дербес деректерді таратпайды (егер Қазақстан Республикасының қолданыстағы заңнамасында өзгеше көзделмесе).",
                "ru": "edna не раскрывает третьим лицам и не распространяет персональные данные без согласия субъекта персональных данных (если иное не предусмотрено действующим законодательством Республики Казахстан).",
                "en": "edna does not disclose personal data to third parties or disseminate personal data without the consent of the personal data subject (unless otherwise provided by the applicable legislation of the Republic of Kazakhstan).",
            }
        },
    ],
    "subject_categories_intro": {
        "kk": "edna дербес деректер субъектілерінің (Сайтқа Кірушілердің) мынадай санаттарының дербес деректерін өңдеуді жүзеге асырады:",
        "ru": "edna осуществляет обработку персональных данных следующих категорий субъектов персональных данных (Посетителей Сайта):",
        "en": "edna processes the personal data of the following categories of personal data subjects (Site Visitors):",
    },
    "subject_categories": [
        {
            "name": {
                "kk": "Сайт арқылы бос орынға жауап берген edna бос лауазымдарына орналасуға үміткерлер",
                "ru": "Кандидаты на замещение вакантных должностей edna, откликнувшиеся на вакансию через Сайт",
                "en": "Candidates for edna's vacant positions who have responded to a vacancy via the Site",
            }
        },
        {
            "name": {
                "kk": "Сайтта арнайы нысанды толтырған контрагенттердің және (немесе) әлеуетті контрагенттердің өкілдері",
                "ru": "Представители контрагентов и (или) потенциальных контрагентов, заполнившие специальную форму на Сайте",
                "en": "Representatives of counterparties and (or) potential counterparties who have filled in a special form on the Site",
            }
        },
        {
            "name": {
                "kk": "Сайтқа кіретін өзге де тұлғалар",
                "ru": "Иные лица, посещающие Сайт",
                "en": "Other persons visiting the Site",
            }
        },
    ],
    "purposes_heading": {
        "kk": "Дербес деректерді өңдеудің мақсаттары, тізбесі, тәсілдері мен мерзімі",
        "ru": "Цели, перечень, способы и срок обработки персональных данных",
        "en": "Purposes, List, Methods and Term of Personal Data Processing",
    },
    "purposes_intro": {
        "kk": "Дербес деректерді өңдеудің мақсаттары, тізбесі, тәсілдері мен мерзімі осы Саясаттың № 1 кестесінде көрсетілген.",
        "ru": "Цели, перечень, способы и срок обработки персональных данных указаны в таблице № 1 настоящей Политики.",
        "en": "The purposes, list, methods and term of personal data processing are set out in Table No. 1 of this Policy.",
    },
    "purposes": [
        _purpose(
            _CANDIDATES_GROUP,
            {
                "kk": "Бос лауазымдарға орналасу",
                "ru": "Трудоустройство на вакантные должности",
                "en": "Recruitment for vacancies",
            },
            _CONTACT_DATA,
            _KEPT_FOR_CANDIDATE_REVIEW,
        ),
        _purpose(
            _ALL_CATEGORIES_GROUP,
            {
                "kk": "Сайтқа Кірушіге edna, edna қызметтері мен өнімдері туралы ақпарат беру",
                "ru": "Предоставление Посетителю Сайта информации об edna, услугах и продуктах edna",
                "en": "Providing the Site Visitor with information about edna and edna's services and products",
            },
            _CONTACT_DATA,
            _KEPT_UNTIL_WITHDRAWAL,
        ),
        _purpose(
            _ALL_CATEGORIES_GROUP,
            {
                "kk": "Ішкі edna жүйелерінде сайттың Пайдаланушы тіркелгісін жасау",
                "ru": "Создание учетной записи Пользователя сайта во внутренних системах edna",
                "en": "Creating a site User account in edna's internal systems",
            },
            _CONTACT_DATA,
            _KEPT_UNTIL_WITHDRAWAL,
        ),
        _purpose(
            _ALL_CATEGORIES_GROUP,
            {
                "kk": "edna компаниясына қызмет көрсету",
                "ru": "Оказание услуг компании edna",
                "en": "Provision of services to the edna company",
            },
            _CONTACT_DATA,
            _KEPT_UNTIL_WITHDRAWAL,
        ),
        _purpose(
            _ALL_CATEGORIES_GROUP,
            {
                "kk": "Қызметтер және/немесе Сайт туралы пікірлер мен кері байланыс жинау",
                "ru": "Сбор отзывов и обратной связи об услугах и/или Сайте",
                "en": "Collecting reviews and feedback on the services and/or the Site",
            },
            _CONTACT_DATA,
            _KEPT_UNTIL_WITHDRAWAL,
        ),
        _purpose(
            _ALL_CATEGORIES_GROUP,
            {
                "kk": "Кез келген өзгерістер туралы, оның ішінде edna көрсететін қызметтерге қатысты хабарлама",
                "ru": "Уведомление о любых изменениях, в том числе в отношении услуг, оказываемых edna",
                "en": "Notification of any changes, including changes to the services provided by edna",
            },
            _CONTACT_DATA,
            _KEPT_UNTIL_WITHDRAWAL,
        ),
        _purpose(
            _ALL_CATEGORIES_GROUP,
            {
                "kk": "Жаңа өнімдер туралы жарнамалық хаттарды, edna арнайы ұсыныстарын немесе edna өнімдері туралы басқа ақпаратты бағыттау",
                "ru": "Направление рекламных писем о новых продуктах, специальных предложений edna или иной информации о продуктах edna",
                "en": "Sending promotional letters about new products, edna's special offers or other information about edna's products",
            },
            _CONTACT_DATA,
            _KEPT_UNTIL_WITHDRAWAL,
        ),
        _purpose(
            _ALL_CATEGORIES_GROUP,
            {
                "kk": "Электрондық пошта, телефон және/немесе пошта арқылы байланысуды қоса алғанда, нарықты зерттеу",
                "ru": "Исследование рынка, включая связь по электронной почте, телефону и/или почте",
                "en": "Market research, including contact by e-mail, telephone and/or post",
            },
            _CONTACT_DATA,
            _KEPT_UNTIL_WITHDRAWAL,
        ),
        _purpose(
            _ALL_CATEGORIES_GROUP,
            {
                "kk": "Сайтқа кірушінің мүдделеріне сәйкес Сайтты орнату",
                "ru": "Настройка Сайта в соответствии с интересами посетителя Сайта",
                "en": "Customising the Site to the interests of the Site visitor",
            },
            _CONTACT_DATA,
            _KEPT_UNTIL_WITHDRAWAL,
        ),
        _purpose(
            _ALL_CATEGORIES_GROUP,
            {
                "kk": "Сайтқа Кірушіге сайтты пайдаланудың техникалық мүмкіндігін беру",
                "ru": "Предоставление Посетителю Сайта технической возможности пользоваться сайтом",
                "en": "Providing the Site Visitor with the technical ability to use the site",
            },
            _TECHNICAL_DATA,
            _KEPT_UNTIL_WITHDRAWAL,
        ),
    ],
    "withdrawal_clause": {
        "kk": "Сайтқа келуші кез келген уақытта төмендегі мекенжай бойынша жазбаша өтініш жолдау арқылы оның дербес деректерін өңдеуге келісімін қайтарып алуға құқылы:",
        "ru": "Посетитель Сайта вправе в любое время отозвать свое согласие на обработку своих персональных данных, направив письменное заявление по следующему адресу:",
        "en": "The Site Visitor may at any time withdraw their consent to the processing of their personal data by sending a written application to the following address:",
    },
    "third_party_clause": {
        "kk": "Дербес деректерді өңдеу кезінде edna дербес деректерді үшінші тұлғаларға, атап айтқанда edna-мен аффилиирленген тұлғаларға егер дербес деректерді өңдеу edna-ға тиісті тұлғаларға тапсырылса, беруге құқылы. edna мұндай адамдарға дербес деректерді қорғау мен құпиялылықты қамтамасыз ету бөлігінде «Дербес деректер және оларды қорғау туралы» Қазақстан Республикасының 2013 жылғы 21 мамырдағы № 94-V Заңын сақтау бойынша міндеттерді жүктейді.",
        "ru": "При обработке персональных данных edna вправе передавать персональные данные третьим лицам, в частности лицам, аффилированным с edna, если обработка персональных данных поручена edna соответствующим лицам. edna возлагает на таких лиц обязанности по соблюдению Закона Республики Казахстан от 21 мая 2013 года № 94-V «О персональных данных и их защите» в части обеспечения защиты и конфиденциальности персональных данных.",
        "en": "When processing personal data, edna may transfer personal data to third parties, in particular to persons affiliated with edna, if edna has entrusted the processing of personal data to the relevant persons. edna imposes on such persons obligations to comply with the Law of the Republic of Kazakhstan No. 94-V of 21 May 2013 “On Personal Data and Their Protection” as regards ensuring the protection and confidentiality of personal data.",
    },
    "cross_border_clause": {
        "kk": "Дербес деректерді өңдеу кезінде edna «Дербес деректер және оларды қорғау туралы» Қазақстан Республикасының 2013 жылғы 21 мамырдағы № 94-V Заңына сәйкес дербес деректерді қорғауды қамтамасыз ететін мемлекеттерге деректерді трансшекаралық беруді жүзеге асыруға құқылы. Мұндай мемлекеттерге Дербес деректерді автоматтандырылған өңдеу кезінде жеке тұлғаларды қорғау туралы конвенцияға (Страсбург, 1981 жылғы 28 қаңтар) қатысушы мемлекеттер, сондай – ақ егер бұл Қазақстан Республикасының ресми құжаттарында көзделген болса, өзге де мемлекеттер жатады.",
        "ru": "При обработке персональных данных edna вправе осуществлять трансграничную передачу данных в государства, обеспечивающие защиту персональных данных в соответствии с Законом Республики Казахстан от 21 мая 2013 года № 94-V «О персональных данных и их защите». К таким государствам относятся государства – участники Конвенции о защите физических лиц при автоматизированной обработке персональных данных (Страсбург, 28 января 1981 года), а также иные государства, если это предусмотрено официальными документами Республики Казахстан.",
        "en": "When processing personal data, edna may carry out cross-border transfers of data to states that ensure the protection of personal data in accordance with the Law of the Republic of Kazakhstan No. 94-V of 21 May 2013 “On Personal Data and Their Protection”. Such states include the states parties to the Convention for the Protection of Individuals with regard to Automatic Processing of Personal Data (Strasbourg, 28 January 1981), as well as other states where this is provided for by official documents of the Republic of Kazakhstan.",
    },
    "transfer_countries_intro": {
        "kk": "Дербес деректерді өңдеу кезінде edna Саясаттың 3.4-тармағындағы мемлекеттерге қатыстылығына қарамастан, деректерді мынадай мемлекеттерге трансшекаралық беруді жүзеге асыруға құқылы:",
        "ru": "При обработке персональных данных edna вправе, независимо от их принадлежности к государствам, указанным в пункте 3.4 Политики, осуществлять трансграничную передачу данных в следующие государства:",
        "en": "When processing personal data, edna may, regardless of whether they belong to the states referred to in clause 3.4 of the Policy, carry out cross-border transfers of data to the following states:",
    },
    "transfer_countries": [
        {
            "name": {
                "kk": "Америка Құрама Штаттары",
                "ru": "Соединенные Штаты Америки",
                "en": "United States of America",
            },
            "iso_code": "US",
        },
        {
            "name": {
                "kk": "Ресей Федерациясы",
                "ru": "Российская Федерация",
                "en": "Russian Federation",
            },
            "iso_code": "RU",
        },
        {
            "name": {
                "kk": "Ұлыбритания",
                "ru": "Великобритания",
                "en": "United Kingdom",
            },
            "iso_code": "GB",
        },
        {
            "name": {
                "kk": "Ирландия",
                "ru": "Ирландия",
                "en": "Ireland",
            },
            "iso_code": "IE",
        },
        {
            "name": {
                "kk": "Германия",
                "ru": "Германия",
                "en": "Germany",
            },
            "iso_code": "DE",
        },
    ],
    "rights_heading": {
        "kk": "Сайтқа Кірушінің құқықтары",
        "ru": "Права Посетителя Сайта",
        "en": "Rights of the Site Visitor",
    },
    "rights_intro": {
        "kk": "Сайтқа Келуші Қазақстан Республикасының Дербес деректер туралы қолданыстағы заңнамасында көзделген өз құқықтарын, соның ішінде, бірақ онымен шектелмей іске асыруға құқылы:",
        "ru": "Посетитель Сайта вправе осуществлять свои права, предусмотренные действующим законодательством Республики Казахстан о персональных данных, в том числе, но не ограничиваясь:",
        "en": "The Site Visitor may exercise their rights provided for by the applicable legislation of the Republic of Kazakhstan on personal data, including but not limited to the right:",
    },
    "rights": [
        {
            "text": {
                "kk": "жеке деректеріңізді нақтылау, жаңарту, оларды бұғаттауды немесе жоюды талап етуге",
                "ru": "требовать уточнения, обновления своих персональных данных, их блокирования или уничтожения",
                "en": "to require that their personal data be rectified or updated, blocked or destroyed",
            }
        },
        {
            "text": {
                "kk": "edna-дан өңделетін дербес деректердің тізбесін, өңдеудің құқықтық негіздерін, оларды алу көздерін, өңдеу және сақтау мерзімдері туралы ақпаратты, сондай-ақ өзінің дербес деректерін өңдеуге байланысты өзге де мәліметтерді сұратуға",
                "ru": "запрашивать у edna перечень обрабатываемых персональных данных, правовые основания обработки, источники их получения, информацию о сроках обработки и хранения, а также иные сведения, связанные с обработкой своих персональных данных",
                "en": "to request from edna the list of personal data being processed, the legal grounds for the processing, the sources from which the data were obtained, information on the periods of processing and storage, as well as other information relating to the processing of their personal data",
            }
        },
    ],
    "cookies_text": {
        "kk": "Сайтқа Кіруші Ғаламтор-шолғыштың параметрлерін қолдана отырып, Сайттың сәйкестендірушілік cookie файлдарын қабылдаудан бас тарта алады. Алайда, бұл Сайтты пайдалану кезінде кейбір қолайсыздықтарға әкелуі мүмкін (мысалы, Сайтқа Кірушінің Сайттағы сәйкестендіру үрдісінен үнемі өту қажеттілігі).",
        "ru": "Посетитель Сайта может отказаться от приема идентифицирующих файлов cookie Сайта, используя настройки интернет-браузера. Однако это может привести к некоторым неудобствам при использовании Сайта (например, к необходимости для Посетителя Сайта постоянно проходить процедуру идентификации на Сайте).",
        "en": "The Site Visitor may refuse to accept the Site's identifying cookie files by using the settings of their web browser. However, this may cause some inconvenience when using the Site (for example, the need for the Site Visitor to go through the identification procedure on the Site every time).",
    },
    "management_heading": {
        "kk": "Сайтқа Кірушінің жеке деректерін басқару",
        "ru": "Управление персональными данными Посетителя Сайта",
        "en": "Management of the Site Visitor's Personal Data",
    },
    "management_text": {
        "kk": "Егер сіздің рұқсатыңыз болмаса немесе заң бойынша талап етілмесе, біз сіздің жеке деректеріңізді үшінші тұлғаларға сатпаймыз, таратпаймыз және бөліспейміз. Біз сіздің жеке деректеріңізді егер ұсыныс, біздің бағалауымыз бойынша, сәйкес болса және сізді қызықтыруы мүмкін болса, жарнамалық ақпаратты жіберу үшін пайдалана аламыз.",
        "ru": "Мы не продаем, не распространяем ваши персональные данные и не делимся ими с третьими лицами без вашего разрешения, если только этого не требует закон. Мы можем использовать ваши персональные данные для направления рекламной информации, если, по нашей оценке, предложение является уместным и может вас заинтересовать.",
        "en": "We do not sell, disseminate or share your personal data with third parties unless you have given your permission or this is required by law. We may use your personal data to send you promotional information if, in our assessment, the offer is relevant and may be of interest to you.",
    },
    "marketing_opt_out_text": {
        "kk": "Жеке деректеріңізді пайдалануды шектеу үшін сайтта жарнамалық хабарламалар алғыңыз келмейтіні туралы пікір қалдырыңыз. Егер сіз жарнамалық хабарламаларды жіберу үшін деректеріңізді пайдалануға келіскен болсаңыз, шешімді кез келген уақытта төмендегі электрондық пошта мекенжайына тиісті хабарлама жіберу арқылы өзгертуге болады:",
        "ru": "Чтобы ограничить использование ваших персональных данных, оставьте на сайте отзыв о том, что вы не желаете получать рекламные сообщения. Если вы дали согласие на использование ваших данных для направления рекламных сообщений, вы можете изменить это решение в любое время, направив соответствующее сообщение на следующий адрес электронной почты:",
        "en": "To restrict the use of your personal data, leave a comment on the site stating that you do not wish to receive promotional messages. If you have agreed to the use of your data for sending promotional messages, you may change this decision at any time by sending a corresponding message to the following e-mail address:",
    },
    "changes_text": {
        "kk": "edna қажет болған жағдайда, сондай-ақ Қазақстан Республикасының қолданыстағы заңнамасына тиісті өзгерістер енгізілген жағдайда Осы Саясатқа өзгерістер немесе толықтырулар енгізуге құқылы. Сайтқа Кіруші әрқашан Сайттағы Саясаттың өзекті нұсқаларының мазмұнымен таныса алады. Сайтты пайдалануды жалғастыра отырып, Келуші Саясатқа енгізілген өзгерістермен келісімін растайды.",
        "ru": "edna вправе вносить изменения или дополнения в настоящую Политику при необходимости, а также в случае внесения соответствующих изменений в действующее законодательство Республики Казахстан. Посетитель Сайта всегда может ознакомиться с содержанием актуальных версий Политики на Сайте. Продолжая использовать Сайт, Посетитель подтверждает свое согласие с изменениями, внесенными в Политику.",
        "en": "edna may make amendments or additions to this Policy where necessary, as well as where relevant amendments are made to the applicable legislation of the Republic of Kazakhstan. The Site Visitor can always read the current versions of the Policy on the Site. By continuing to use the Site, the Visitor confirms their agreement to the changes made to the Policy.",
    },
    "version_summary": {
        "kk": "Саясаттың сайтта жарияланған алғашқы нұсқасы.",
        "ru": "Первая версия Политики, опубликованная на сайте.",
        "en": "The first version of the Policy published on the site.",
    },
}
