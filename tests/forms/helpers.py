"""Submitting consent forms as a browser would: GET the form, fill it in, POST it back."""

import re

from bs4 import BeautifulSoup

CONTACT_ANSWERS = {
    "full_name": "Айгерим Нурланқызы",
    "email": "aigerim@example.kz",
    "phone": "+7 701 123 45 67",
    "company": "ТОО Пример",
    "country": "KZ",
    "message": "Сәлеметсіз бе!",
}

CAREERS_ANSWERS = {
    "full_name": "Асқар Серікұлы",
    "email": "askar@example.kz",
    "phone": "+77011234567",
    "country": "KZ",
    "message": "",
}


def form_fields(html):
    """The hidden and preset values of the rendered consent form."""
    form = BeautifulSoup(html, "html.parser").select_one("form.consent-form")
    data = {}
    for field in form.select("input[name]"):
        if field.get("type") in ("checkbox", "file", "submit"):
            continue
        data[field["name"]] = field.get("value", "")
    return data


def consent_names(html):
    return re.findall(r'name="(consent_\d+)"', html)


def fill(client, url, answers=None, consents="all", **overrides):
    """POST data for the form at `url`: its token, the answers, and ticked consents ("all",
    "required", or a list of field names)."""
    html = client.get(url).content.decode()
    data = form_fields(html)
    data.update(answers if answers is not None else CONTACT_ANSWERS)
    soup = BeautifulSoup(html, "html.parser")
    boxes = soup.select("input[type=checkbox][name^=consent_]")
    if consents == "all":
        ticked = [box["name"] for box in boxes]
    elif consents == "required":
        ticked = [box["name"] for box in boxes if box.has_attr("required")]
    else:
        ticked = list(consents)
    data.update(dict.fromkeys(ticked, "on"))
    data.update(overrides)
    return data
