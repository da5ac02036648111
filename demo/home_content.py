"""Demo copy of edna's home page and company details in kk (source), ru and en.

The legal name and postal address come from the client's Kazakh policy
(shared/seed/privacy-policy-kk.txt); the project ships this copy and nothing reads the seed at run
time. Translated values are dicts {"kk": ..., "ru": ..., "en": ...}. COMPANY feeds the site settings:
the policy text never contains the postal or e-mail address, it renders them from there.
"""

HOME = {
    "title": {
        "kk": "edna Қазақстан",
        "ru": "edna Казахстан",
        "en": "edna Kazakhstan",
    },
    "intro": {
        "kk": "«ЭДНА ҚАЗАҚСТАН» ЖШС (edna) – Қазақстан Республикасында жұмыс істейтін және www.edna.kz сайтын басқаратын компания. Бұл сайтта edna өзінің дербес деректерді өңдеу саясатын, оның нұсқаларын және өзгерістер туралы хабарламаларды жариялайды. Сондай-ақ мұнда сайтқа кірушілер дербес деректерін өңдеуге келісім беретін нысандар орналастырылған.",
        "ru": "ТОО «ЭДНА КАЗАХСТАН» (edna) – компания, осуществляющая деятельность в Республике Казахстан и управляющая сайтом www.edna.kz. На этом сайте edna публикует свою политику обработки персональных данных, ее версии и уведомления об изменениях. Здесь также размещены формы, через которые посетители сайта дают согласие на обработку своих персональных данных.",
        "en": "EDNA KAZAKHSTAN LLP (edna) is a company operating in the Republic of Kazakhstan that runs the website www.edna.kz. On this site, edna publishes its personal data processing policy, the versions of that policy and notices of changes to it. The site also hosts the forms through which visitors give consent to the processing of their personal data.",
    },
}

COMPANY = {
    "legal_name": {
        "kk": "«ЭДНА ҚАЗАҚСТАН» ЖШС",
        "ru": "ТОО «ЭДНА КАЗАХСТАН»",
        "en": "EDNA KAZAKHSTAN LLP",
    },
    "postal_address": {
        "kk": "Қазақстан Республикасы, Алматы қаласы, Бостандық ауданы, Егізбаев к-сі, 7/9 үй, қ.н. 174",
        "ru": "Республика Казахстан, г. Алматы, Бостандыкский район, ул. Егизбаева, д. 7/9, н.п. 174",
        "en": "Republic of Kazakhstan, Almaty, Bostandyk District, Egizbaev Street, building 7/9, non-residential premises 174",
    },
    # The seed's e-mail address was obfuscated; this is a placeholder the client must confirm.
    "email": "info@edna.kz",
}
