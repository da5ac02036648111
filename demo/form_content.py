"""Demo copy of the consent forms (careers, contact, feedback, subscribe) in kk (source), ru and en.

Field keys (clean_name) are fixed and the same in every language; only labels and help texts are
translated. Consent purposes refer to rows of the policy's table No. 1 by their number (1-10).

Labels and help texts that several forms share are defined once below, so that one Kazakh string
always has one Russian and one English translation. Where two forms need a different help text for
the same field, the Kazakh texts differ too. The data labels follow the wording of the policy's list
of personal data (demo/policy_content.py).
"""

_NO_HELP = {"kk": "", "ru": "", "en": ""}

# Labels shared by several forms.

_FULL_NAME_LABEL = {
    "kk": "Тегі, аты, әкесінің аты",
    "ru": "Фамилия, имя, отчество",
    "en": "Surname, first name, patronymic",
}

_EMAIL_LABEL = {
    "kk": "Электрондық пошта мекенжайы",
    "ru": "Адрес электронной почты",
    "en": "E-mail address",
}

_PHONE_LABEL = {
    "kk": "Телефон нөмірі",
    "ru": "Номер телефона",
    "en": "Telephone number",
}

_COUNTRY_LABEL = {
    "kk": "Сіз орналасқан ел",
    "ru": "Страна, в которой вы находитесь",
    "en": "Country you are in",
}

# Help texts shared by several forms.

_FULL_NAME_HELP = {
    "kk": "Әкеңіздің аты болса, оны да көрсетіңіз.",
    "ru": "Отчество укажите при наличии.",
    "en": "Please include your patronymic, if you have one.",
}

_EMAIL_REPLY_HELP = {
    "kk": "Жауабымызды осы мекенжайға жібереміз.",
    "ru": "Мы направим ответ на этот адрес.",
    "en": "We will send our reply to this address.",
}

_EMAIL_MAILING_HELP = {
    "kk": "Хаттарымыз бен ұсыныстарымызды осы мекенжайға жібереміз.",
    "ru": "Мы будем направлять письма и предложения на этот адрес.",
    "en": "We will send our letters and offers to this address.",
}

_PHONE_HELP = {
    "kk": "Халықаралық форматта, мысалы: +7 701 123 45 67",
    "ru": "В международном формате, например: +7 701 123 45 67",
    "en": "In international format, for example: +7 701 123 45 67",
}

_COUNTRY_HELP = {
    "kk": "Сайтқа кіріп отырған еліңізді таңдаңыз.",
    "ru": "Выберите страну, из которой вы заходите на Сайт.",
    "en": "Select the country from which you are accessing the Site.",
}


def _field(clean_name, field_type, required, label, help_text):
    """One form field; shared texts are copied so that no two fields share a dict."""
    return {
        "clean_name": clean_name,
        "field_type": field_type,
        "required": required,
        "label": dict(label),
        "help_text": dict(help_text),
    }


FORMS = [
    {
        "slug": "careers",
        "title": {
            "kk": "Бос орындар",
            "ru": "Вакансии",
            "en": "Careers",
        },
        "intro": {
            "kk": "edna командасына қосылғыңыз келсе, төмендегі нысанды толтырып, бос орынға өтінім жіберіңіз. Түйіндемеңізді PDF немесе DOCX форматында, көлемі 5 МБ-тан аспайтындай етіп тіркеңіз.",
            "ru": "Если вы хотите присоединиться к команде edna, заполните форму ниже и отправьте отклик на вакансию. Приложите резюме в формате PDF или DOCX размером не более 5 МБ.",
            "en": "If you would like to join the edna team, please fill in the form below to apply for a vacancy. Attach your CV in PDF or DOCX format, no larger than 5 MB.",
        },
        "thank_you_text": {
            "kk": "Рақмет! Бос орынға өтініміңізді алдық. Түйіндемеңізді қарап шығып, сіз көрсеткен байланыс деректері арқылы хабарласамыз.",
            "ru": "Спасибо! Мы получили ваш отклик на вакансию. Мы рассмотрим ваше резюме и свяжемся с вами по указанным вами контактным данным.",
            "en": "Thank you! We have received your application for the vacancy. We will review your CV and contact you using the details you provided.",
        },
        "submit_label": {
            "kk": "Өтінім жіберу",
            "ru": "Отправить отклик",
            "en": "Send application",
        },
        "email_subject": {
            "kk": "edna.kz сайтынан бос орынға жаңа өтінім",
            "ru": "Новый отклик на вакансию с сайта edna.kz",
            "en": "New vacancy application from edna.kz",
        },
        "fields": [
            _field("full_name", "singleline", True, _FULL_NAME_LABEL, _FULL_NAME_HELP),
            _field("email", "email", True, _EMAIL_LABEL, _EMAIL_REPLY_HELP),
            _field("phone", "phone", True, _PHONE_LABEL, _PHONE_HELP),
            _field("country", "country", False, _COUNTRY_LABEL, _COUNTRY_HELP),
            _field(
                "message",
                "multiline",
                False,
                {
                    "kk": "Ілеспе хат",
                    "ru": "Сопроводительное письмо",
                    "en": "Cover letter",
                },
                {
                    "kk": "Өзіңіз туралы және сізді қызықтырған бос орын туралы қысқаша жазыңыз.",
                    "ru": "Кратко расскажите о себе и о вакансии, которая вас заинтересовала.",
                    "en": "Tell us briefly about yourself and the vacancy you are interested in.",
                },
            ),
            _field(
                "cv",
                "file",
                True,
                {
                    "kk": "Түйіндеме (PDF немесе DOCX, 5 МБ-қа дейін)",
                    "ru": "Резюме (PDF или DOCX, до 5 МБ)",
                    "en": "CV (PDF or DOCX, up to 5 MB)",
                },
                {
                    "kk": "Түйіндемеңізді бір файл ретінде тіркеңіз.",
                    "ru": "Прикрепите резюме одним файлом.",
                    "en": "Attach your CV as a single file.",
                },
            ),
        ],
        "consents": [{"purpose": 1, "required": True}],
    },
    {
        "slug": "contact",
        "title": {
            "kk": "Байланыс",
            "ru": "Контакты",
            "en": "Contact us",
        },
        "intro": {
            "kk": "Егер сіз контрагенттің немесе әлеуетті контрагенттің өкілі болсаңыз, төмендегі нысан арқылы бізбен байланысыңыз. Сұрағыңызды қарап, жақын арада жауап береміз.",
            "ru": "Если вы представляете контрагента или потенциального контрагента, свяжитесь с нами через форму ниже. Мы рассмотрим ваш вопрос и ответим в ближайшее время.",
            "en": "If you represent a counterparty or a potential counterparty, please contact us using the form below. We will review your enquiry and reply shortly.",
        },
        "thank_you_text": {
            "kk": "Рақмет! Хабарламаңызды алдық. Маманымыз жақын арада сізбен байланысады.",
            "ru": "Спасибо! Мы получили ваше сообщение. Наш специалист свяжется с вами в ближайшее время.",
            "en": "Thank you! We have received your message. One of our specialists will contact you shortly.",
        },
        "submit_label": {
            "kk": "Хабарлама жіберу",
            "ru": "Отправить сообщение",
            "en": "Send message",
        },
        "email_subject": {
            "kk": "edna.kz сайтынан жаңа хабарлама",
            "ru": "Новое сообщение с сайта edna.kz",
            "en": "New contact enquiry from edna.kz",
        },
        "fields": [
            _field("full_name", "singleline", True, _FULL_NAME_LABEL, _FULL_NAME_HELP),
            _field("email", "email", True, _EMAIL_LABEL, _EMAIL_REPLY_HELP),
            _field("phone", "phone", True, _PHONE_LABEL, _PHONE_HELP),
            _field(
                "company",
                "singleline",
                True,
                {
                    "kk": "Компанияның атауы",
                    "ru": "Наименование компании",
                    "en": "Company name",
                },
                {
                    "kk": "Сіз өкілдік ететін ұйымның атауы.",
                    "ru": "Наименование организации, которую вы представляете.",
                    "en": "The name of the organisation you represent.",
                },
            ),
            _field("country", "country", False, _COUNTRY_LABEL, _COUNTRY_HELP),
            _field(
                "message",
                "multiline",
                True,
                {
                    "kk": "Хабарлама",
                    "ru": "Сообщение",
                    "en": "Message",
                },
                {
                    "kk": "Сұрағыңызды немесе ұсынысыңызды толығырақ сипаттаңыз.",
                    "ru": "Опишите ваш вопрос или предложение как можно подробнее.",
                    "en": "Please describe your question or proposal in as much detail as possible.",
                },
            ),
        ],
        "consents": [
            {"purpose": 4, "required": True},
            {"purpose": 2, "required": False},
            {"purpose": 7, "required": False},
        ],
    },
    {
        "slug": "feedback",
        "title": {
            "kk": "Кері байланыс",
            "ru": "Обратная связь",
            "en": "Feedback",
        },
        "intro": {
            "kk": "edna қызметтері немесе сайт туралы пікіріңізді қалдырыңыз. Сіздің пікіріңіз жұмысымызды жақсартуға көмектеседі.",
            "ru": "Оставьте отзыв об услугах edna или о сайте. Ваше мнение помогает нам улучшать нашу работу.",
            "en": "Please leave your feedback on edna's services or the site. Your opinion helps us improve our work.",
        },
        "thank_you_text": {
            "kk": "Рақмет! Пікіріңізді алдық және оны міндетті түрде қарастырамыз.",
            "ru": "Спасибо! Мы получили ваш отзыв и обязательно его рассмотрим.",
            "en": "Thank you! We have received your feedback and will be sure to review it.",
        },
        "submit_label": {
            "kk": "Пікір жіберу",
            "ru": "Отправить отзыв",
            "en": "Send feedback",
        },
        "email_subject": {
            "kk": "edna.kz сайтынан жаңа пікір",
            "ru": "Новый отзыв с сайта edna.kz",
            "en": "New feedback from edna.kz",
        },
        "fields": [
            _field("full_name", "singleline", False, _FULL_NAME_LABEL, _FULL_NAME_HELP),
            _field("email", "email", True, _EMAIL_LABEL, _EMAIL_REPLY_HELP),
            _field(
                "message",
                "multiline",
                True,
                {
                    "kk": "Пікіріңіз",
                    "ru": "Ваш отзыв",
                    "en": "Your feedback",
                },
                {
                    "kk": "Қызметтеріміз немесе сайт туралы ойыңызбен бөлісіңіз.",
                    "ru": "Поделитесь мнением о наших услугах или о сайте.",
                    "en": "Share your thoughts on our services or the site.",
                },
            ),
        ],
        "consents": [{"purpose": 5, "required": True}],
    },
    {
        "slug": "subscribe",
        "title": {
            "kk": "Жазылу",
            "ru": "Подписка",
            "en": "Subscribe",
        },
        "intro": {
            "kk": "edna жаңа өнімдері, арнайы ұсыныстары және басқа да жаңалықтары туралы хаттар алу үшін жазылыңыз. Жазылымнан кез келген уақытта бас тарта аласыз.",
            "ru": "Подпишитесь, чтобы получать письма о новых продуктах, специальных предложениях и других новостях edna. Вы можете отказаться от подписки в любое время.",
            "en": "Subscribe to receive letters about edna's new products, special offers and other news. You can unsubscribe at any time.",
        },
        "thank_you_text": {
            "kk": "Рақмет! Жазылуға өтініміңізді алдық. Хаттарымыз бен ұсыныстарымыз сіз көрсеткен электрондық пошта мекенжайына жіберіледі.",
            "ru": "Спасибо! Мы получили вашу заявку на подписку. Наши письма и предложения будут приходить на указанный вами адрес электронной почты.",
            "en": "Thank you! We have received your subscription request. Our letters and offers will be sent to the e-mail address you provided.",
        },
        "submit_label": {
            "kk": "Жазылымды рәсімдеу",
            "ru": "Оформить подписку",
            "en": "Sign up",
        },
        "email_subject": {
            "kk": "edna.kz сайтында жаңа жазылым",
            "ru": "Новая подписка на сайте edna.kz",
            "en": "New subscription on edna.kz",
        },
        "fields": [
            _field("full_name", "singleline", False, _FULL_NAME_LABEL, _FULL_NAME_HELP),
            _field("email", "email", True, _EMAIL_LABEL, _EMAIL_MAILING_HELP),
        ],
        "consents": [{"purpose": 7, "required": True}],
    },
]
