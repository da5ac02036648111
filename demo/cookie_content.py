"""Demo cookie categories and cookies (policy snippets) in Kazakh, Russian and English.

The Kazakh ones are the source; the Russian and English ones are made through wagtail-localize
(`demo.cookies.ensure_cookie_declarations`), as a translator would. Lifetimes in days (synchronised).
"""

CATEGORIES = [
    {
        "key": "necessary",
        "name": {"kk": "Міндетті cookie файлдары", "ru": "Строго необходимые", "en": "Strictly necessary"},
        "description": {
            "kk": "Сайттың жұмысына қажет: формаларды қорғау және cookie таңдауыңызды есте сақтау. Оларды өшіру мүмкін емес.",
            "ru": "Нужны для работы сайта: защита форм и запоминание вашего выбора о cookie. Их нельзя отключить.",
            "en": "Needed for the site to work: protecting forms and remembering your cookie choice. They cannot be turned off.",
        },
        "cookies": [
            {
                "name": "csrftoken",
                "lifetime_days": 365,
                "provider": {
                    "kk": "edna.kz (осы сайт)",
                    "ru": "edna.kz (этот сайт)",
                    "en": "edna.kz (this site)",
                },
                "purpose": {
                    "kk": "Формаларды басқа сайттардан жіберуден қорғайды.",
                    "ru": "Защищает формы от отправки с чужих сайтов.",
                    "en": "Protects forms from being sent from other sites.",
                },
                "country": {"kk": "Қазақстан", "ru": "Казахстан", "en": "Kazakhstan"},
            },
            {
                "name": "edna_cookie_choice",
                "lifetime_days": 180,
                "provider": {
                    "kk": "edna.kz (осы сайт)",
                    "ru": "edna.kz (этот сайт)",
                    "en": "edna.kz (this site)",
                },
                "purpose": {
                    "kk": "Cookie файлдары туралы таңдауыңызды және саясат нұсқасын сақтайды.",
                    "ru": "Хранит ваш выбор о cookie и версию политики, при которой он сделан.",
                    "en": "Keeps your cookie choice and the policy version it was made under.",
                },
                "country": {"kk": "Қазақстан", "ru": "Казахстан", "en": "Kazakhstan"},
            },
        ],
    },
    {
        "key": "analytics",
        "name": {"kk": "Талдау (статистика)", "ru": "Аналитика", "en": "Analytics"},
        "description": {
            "kk": "Келушілерді санауға және қай беттер оқылатынын көруге көмектеседі. Тек келісіміңізбен қосылады.",
            "ru": "Помогают считать посетителей и видеть, какие страницы читают. Включаются только с вашего согласия.",
            "en": "Help us count visitors and see which pages are read. Only set with your consent.",
        },
        "cookies": [
            {
                "name": "_ym_uid",
                "lifetime_days": 365,
                "provider": {
                    "kk": "Яндекс (Яндекс Метрика)",
                    "ru": "Яндекс (Яндекс Метрика)",
                    "en": "Yandex (Yandex Metrica)",
                },
                "purpose": {
                    "kk": "Браузерді келесі кірулерде тану үшін.",
                    "ru": "Узнаёт браузер при следующих посещениях.",
                    "en": "Recognises the browser on later visits.",
                },
                "country": {"kk": "Ресей", "ru": "Россия", "en": "Russia"},
            },
            {
                "name": "_ym_d",
                "lifetime_days": 365,
                "provider": {
                    "kk": "Яндекс (Яндекс Метрика)",
                    "ru": "Яндекс (Яндекс Метрика)",
                    "en": "Yandex (Yandex Metrica)",
                },
                "purpose": {
                    "kk": "Алғашқы кірудің күнін сақтайды.",
                    "ru": "Хранит дату первого посещения.",
                    "en": "Keeps the date of the first visit.",
                },
                "country": {"kk": "Ресей", "ru": "Россия", "en": "Russia"},
            },
            {
                "name": "_ga",
                "lifetime_days": 730,
                "provider": {
                    "kk": "Google (Google Analytics)",
                    "ru": "Google (Google Analytics)",
                    "en": "Google (Google Analytics)",
                },
                "purpose": {
                    "kk": "Келушілерді бір-бірінен ажырату үшін.",
                    "ru": "Различает посетителей.",
                    "en": "Tells visitors apart.",
                },
                "country": {"kk": "АҚШ", "ru": "США", "en": "USA"},
            },
            {
                "name": "_ga_<ID>",
                "lifetime_days": 730,
                "provider": {
                    "kk": "Google (Google Analytics)",
                    "ru": "Google (Google Analytics)",
                    "en": "Google (Google Analytics)",
                },
                "purpose": {
                    "kk": "Кіру сессиясының күйін сақтайды.",
                    "ru": "Хранит состояние сеанса.",
                    "en": "Keeps the state of the visit.",
                },
                "country": {"kk": "АҚШ", "ru": "США", "en": "USA"},
            },
        ],
    },
]
