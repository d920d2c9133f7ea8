"""Demo contact details of the demo agencies: address, phone, opening hours, languages
spoken, and the name (and address) in Russian, in the state's own language and in Dari
for the people most often met at these borders.

ILLUSTRATIVE DEMO DATA, NOT VERIFIED: the streets and telephone numbers are made up for
trying the product; an administrator enters each agency's real contacts in the
administration before any field use. Names in Kyrgyz, Kazakh, Tajik and Dari are machine
translations that need native review.
"""

from __future__ import annotations

from typing import Any

HOURS = {
    "eng": "Mon–Fri 09:00–18:00",
    "rus": "Пн–Пт 09:00–18:00",
}
HOURS_24 = {"eng": "Every day, 24 hours", "rus": "Ежедневно, круглосуточно"}

# (state, English name) -> (Russian name, local name, Dari name, address eng, address rus,
# phone, open all day, languages spoken)
_T = tuple[str, str, str, str, str, str, bool, list[str]]
CONTACTS: dict[tuple[str, str], _T] = {
    # --- Kyrgyzstan (kir, rus) ---
    ("KG", "Border Service (KG)"): (
        "Пограничная служба (КР)",
        "Чек ара кызматы (КР)",
        "خدمات سرحدی (قرغیزستان)",
        "Dostuk border crossing, Osh region",
        "КПП «Достук», Ошская область",
        "+996 312 000 101",
        True,
        ["kir", "rus"],
    ),
    ("KG", "State Migration Service (KG)"): (
        "Государственная миграционная служба (КР)",
        "Мамлекеттик миграция кызматы (КР)",
        "خدمات دولتی مهاجرت (قرغیزستان)",
        "12 Example Street, Bishkek",
        "Бишкек, ул. Примерная, 12",
        "+996 312 000 102",
        False,
        ["kir", "rus", "eng"],
    ),
    ("KG", "Refugee department, State Migration Service (KG)"): (
        "Отдел по делам беженцев, Государственная миграционная служба (КР)",
        "Качкындар бөлүмү, Мамлекеттик миграция кызматы (КР)",
        "بخش پناهندگان، خدمات دولتی مهاجرت (قرغیزستان)",
        "12 Example Street, room 5, Bishkek",
        "Бишкек, ул. Примерная, 12, каб. 5",
        "+996 312 000 103",
        False,
        ["kir", "rus", "prs", "eng"],
    ),
    ("KG", "Department of Child Protection (KG)"): (
        "Департамент защиты детей (КР)",
        "Балдарды коргоо департаменти (КР)",
        "ریاست حمایت از اطفال (قرغیزستان)",
        "3 Sample Avenue, Bishkek",
        "Бишкек, пр. Образцовый, 3",
        "+996 312 000 104",
        False,
        ["kir", "rus"],
    ),
    ("KG", "State Labour Inspectorate (KG)"): (
        "Государственная инспекция труда (КР)",
        "Мамлекеттик эмгек инспекциясы (КР)",
        "بازرسی دولتی کار (قرغیزستان)",
        "7 Sample Avenue, Bishkek",
        "Бишкек, пр. Образцовый, 7",
        "+996 312 000 105",
        False,
        ["kir", "rus"],
    ),
    ("KG", "Police, anti-trafficking unit (KG)"): (
        "Полиция, отдел по борьбе с торговлей людьми (КР)",
        "Милиция, адам сатууга каршы бөлүм (КР)",
        "پولیس، بخش مبارزه با قاچاق انسان (قرغیزستان)",
        "20 Example Street, Bishkek",
        "Бишкек, ул. Примерная, 20",
        "+996 312 000 106",
        True,
        ["kir", "rus"],
    ),
    ("KG", "UNHCR Kyrgyzstan"): (
        "УВКБ ООН в Кыргызстане",
        "БУУнун БЖКБ Кыргызстанда",
        "کمیشنری عالی ملل متحد برای پناهندگان، قرغیزستان",
        "1 Demo Lane, Bishkek",
        "Бишкек, пер. Демонстрационный, 1",
        "+996 312 000 107",
        False,
        ["eng", "rus", "kir", "prs"],
    ),
    ("KG", "IOM Kyrgyzstan"): (
        "МОМ в Кыргызстане",
        "ЭУМнун Кыргызстандагы өкүлчүлүгү",
        "سازمان بین‌المللی مهاجرت، قرغیزستان",
        "2 Demo Lane, Bishkek",
        "Бишкек, пер. Демонстрационный, 2",
        "+996 312 000 108",
        False,
        ["eng", "rus", "kir"],
    ),
    ("KG", "Red Crescent Society of Kyrgyzstan"): (
        "Общество Красного Полумесяца Кыргызстана",
        "Кыргызстандын Кызыл Жарым Ай коому",
        "جمعیت هلال احمر قرغیزستان",
        "10 Sample Avenue, Bishkek",
        "Бишкек, пр. Образцовый, 10",
        "+996 312 000 109",
        False,
        ["kir", "rus"],
    ),
    ("KG", "Family medicine centre, Osh (KG)"): (
        "Центр семейной медицины, Ош (КР)",
        "Үй-бүлөлүк медицина борбору, Ош (КР)",
        "مرکز طب خانواده، اوش (قرغیزستان)",
        "5 Example Street, Osh",
        "Ош, ул. Примерная, 5",
        "+996 3222 00 110",
        True,
        ["kir", "rus", "uzb"],
    ),
    ("KG", "Legal aid centre (KG)"): (
        "Центр юридической помощи (КР)",
        "Юридикалык жардам борбору (КР)",
        "مرکز کمک حقوقی (قرغیزستان)",
        "14 Example Street, Bishkek",
        "Бишкек, ул. Примерная, 14",
        "+996 312 000 111",
        False,
        ["kir", "rus"],
    ),
    ("KG", "Embassy of Afghanistan in Bishkek"): (
        "Посольство Афганистана в Бишкеке",
        "Ооганстандын Бишкектеги элчилиги",
        "سفارت افغانستان در بیشکیک",
        "30 Demo Lane, Bishkek",
        "Бишкек, пер. Демонстрационный, 30",
        "+996 312 000 112",
        False,
        ["prs", "pus", "rus"],
    ),
    # --- Kazakhstan (kaz, rus) ---
    ("KZ", "Border Service of the National Security Committee (KZ)"): (
        "Пограничная служба Комитета национальной безопасности (РК)",
        "Ұлттық қауіпсіздік комитетінің Шекара қызметі (ҚР)",
        "خدمات سرحدی کمیته امنیت ملی (قزاقستان)",
        "Khorgos border crossing, Zhetysu region",
        "КПП «Хоргос», область Жетісу",
        "+7 7172 00 01 01",
        True,
        ["kaz", "rus"],
    ),
    ("KZ", "Migration Service, Ministry of Internal Affairs (KZ)"): (
        "Миграционная служба МВД (РК)",
        "ІІМ Көші-қон қызметі (ҚР)",
        "خدمات مهاجرت وزارت امور داخله (قزاقستان)",
        "8 Example Street, Almaty",
        "Алматы, ул. Примерная, 8",
        "+7 727 000 01 02",
        False,
        ["kaz", "rus", "eng"],
    ),
    ("KZ", "Refugee status commission, Ministry of Internal Affairs (KZ)"): (
        "Комиссия по присвоению статуса беженца МВД (РК)",
        "ІІМ Босқын мәртебесін беру комиссиясы (ҚР)",
        "کمیسیون اعطای وضعیت پناهندگی، وزارت امور داخله (قزاقستان)",
        "8 Example Street, room 12, Almaty",
        "Алматы, ул. Примерная, 8, каб. 12",
        "+7 727 000 01 03",
        False,
        ["kaz", "rus", "eng"],
    ),
    ("KZ", "Committee for the Protection of Children's Rights (KZ)"): (
        "Комитет по охране прав детей (РК)",
        "Балалардың құқықтарын қорғау комитеті (ҚР)",
        "کمیته حمایت از حقوق اطفال (قزاقستان)",
        "4 Sample Avenue, Astana",
        "Астана, пр. Образцовый, 4",
        "+7 7172 00 01 04",
        False,
        ["kaz", "rus"],
    ),
    ("KZ", "State Labour Inspection (KZ)"): (
        "Государственная инспекция труда (РК)",
        "Мемлекеттік еңбек инспекциясы (ҚР)",
        "بازرسی دولتی کار (قزاقستان)",
        "6 Sample Avenue, Almaty",
        "Алматы, пр. Образцовый, 6",
        "+7 727 000 01 05",
        False,
        ["kaz", "rus"],
    ),
    ("KZ", "Police, anti-trafficking unit (KZ)"): (
        "Полиция, отдел по борьбе с торговлей людьми (РК)",
        "Полиция, адам саудасына қарсы бөлім (ҚР)",
        "پولیس، بخش مبارزه با قاچاق انسان (قزاقستان)",
        "22 Example Street, Almaty",
        "Алматы, ул. Примерная, 22",
        "+7 727 000 01 06",
        True,
        ["kaz", "rus"],
    ),
    ("KZ", "UNHCR Kazakhstan"): (
        "УВКБ ООН в Казахстане",
        "БҰҰ БЖКБ Қазақстанда",
        "کمیشنری عالی ملل متحد برای پناهندگان، قزاقستان",
        "3 Demo Lane, Almaty",
        "Алматы, пер. Демонстрационный, 3",
        "+7 727 000 01 07",
        False,
        ["eng", "rus", "kaz", "prs"],
    ),
    ("KZ", "IOM Kazakhstan"): (
        "МОМ в Казахстане",
        "ХКҰ Қазақстандағы өкілдігі",
        "سازمان بین‌المللی مهاجرت، قزاقستان",
        "4 Demo Lane, Almaty",
        "Алматы, пер. Демонстрационный, 4",
        "+7 727 000 01 08",
        False,
        ["eng", "rus", "kaz"],
    ),
    ("KZ", "Kazakh Red Crescent"): (
        "Казахский Красный Полумесяц",
        "Қазақстан Қызыл Жарты Ай қоғамы",
        "هلال احمر قزاقستان",
        "11 Sample Avenue, Almaty",
        "Алматы, пр. Образцовый, 11",
        "+7 727 000 01 09",
        False,
        ["kaz", "rus"],
    ),
    ("KZ", "City polyclinic, Almaty (KZ)"): (
        "Городская поликлиника, Алматы (РК)",
        "Қалалық емхана, Алматы (ҚР)",
        "پولی‌کلینیک شهری، الماتی (قزاقستان)",
        "15 Example Street, Almaty",
        "Алматы, ул. Примерная, 15",
        "+7 727 000 01 10",
        True,
        ["kaz", "rus"],
    ),
    ("KZ", "Legal aid centre (KZ)"): (
        "Центр юридической помощи (РК)",
        "Заң көмегі орталығы (ҚР)",
        "مرکز کمک حقوقی (قزاقستان)",
        "17 Example Street, Almaty",
        "Алматы, ул. Примерная, 17",
        "+7 727 000 01 11",
        False,
        ["kaz", "rus"],
    ),
    ("KZ", "Embassy of Afghanistan in Astana"): (
        "Посольство Афганистана в Астане",
        "Ауғанстанның Астанадағы елшілігі",
        "سفارت افغانستان در آستانه",
        "31 Demo Lane, Astana",
        "Астана, пер. Демонстрационный, 31",
        "+7 7172 00 01 12",
        False,
        ["prs", "pus", "rus"],
    ),
    # --- Tajikistan (tgk, rus) ---
    ("TJ", "Border Forces of the State Committee for National Security (TJ)"): (
        "Пограничные войска ГКНБ (РТ)",
        "Қӯшунҳои сарҳадии КДАМ (ҶТ)",
        "قوای سرحدی کمیته دولتی امنیت ملی (تاجیکستان)",
        "Panji Poyon border crossing, Khatlon region",
        "КПП «Панджи Поён», Хатлонская область",
        "+992 37 000 01 01",
        True,
        ["tgk", "rus"],
    ),
    ("TJ", "Migration Service, Ministry of Internal Affairs (TJ)"): (
        "Миграционная служба МВД (РТ)",
        "Хадамоти муҳоҷирати ВКД (ҶТ)",
        "خدمات مهاجرت وزارت امور داخله (تاجیکستان)",
        "9 Example Street, Dushanbe",
        "Душанбе, ул. Примерная, 9",
        "+992 37 000 01 02",
        False,
        ["tgk", "rus", "prs"],
    ),
    ("TJ", "Refugee status commission, Ministry of Internal Affairs (TJ)"): (
        "Комиссия по присвоению статуса беженца МВД (РТ)",
        "Комиссияи додани мақоми гуреза, ВКД (ҶТ)",
        "کمیسیون اعطای وضعیت پناهندگی، وزارت امور داخله (تاجیکستان)",
        "9 Example Street, room 3, Dushanbe",
        "Душанбе, ул. Примерная, 9, каб. 3",
        "+992 37 000 01 03",
        False,
        ["tgk", "rus", "prs"],
    ),
    ("TJ", "Commission on the Rights of the Child (TJ)"): (
        "Комиссия по правам ребёнка (РТ)",
        "Комиссия оид ба ҳуқуқи кӯдак (ҶТ)",
        "کمیسیون حقوق طفل (تاجیکستان)",
        "2 Sample Avenue, Dushanbe",
        "Душанбе, пр. Образцовый, 2",
        "+992 37 000 01 04",
        False,
        ["tgk", "rus"],
    ),
    ("TJ", "State Labour Inspectorate (TJ)"): (
        "Государственная инспекция труда (РТ)",
        "Нозироти давлатии меҳнат (ҶТ)",
        "بازرسی دولتی کار (تاجیکستان)",
        "8 Sample Avenue, Dushanbe",
        "Душанбе, пр. Образцовый, 8",
        "+992 37 000 01 05",
        False,
        ["tgk", "rus"],
    ),
    ("TJ", "Police, anti-trafficking unit (TJ)"): (
        "Милиция, отдел по борьбе с торговлей людьми (РТ)",
        "Милиса, шӯъбаи муқовимат ба савдои одамон (ҶТ)",
        "پولیس، بخش مبارزه با قاچاق انسان (تاجیکستان)",
        "24 Example Street, Dushanbe",
        "Душанбе, ул. Примерная, 24",
        "+992 37 000 01 06",
        True,
        ["tgk", "rus"],
    ),
    ("TJ", "UNHCR Tajikistan"): (
        "УВКБ ООН в Таджикистане",
        "КОГ СММ дар Тоҷикистон",
        "کمیشنری عالی ملل متحد برای پناهندگان، تاجیکستان",
        "5 Demo Lane, Dushanbe",
        "Душанбе, пер. Демонстрационный, 5",
        "+992 37 000 01 07",
        False,
        ["eng", "rus", "tgk", "prs"],
    ),
    ("TJ", "IOM Tajikistan"): (
        "МОМ в Таджикистане",
        "САМ дар Тоҷикистон",
        "سازمان بین‌المللی مهاجرت، تاجیکستان",
        "6 Demo Lane, Dushanbe",
        "Душанбе, пер. Демонстрационный, 6",
        "+992 37 000 01 08",
        False,
        ["eng", "rus", "tgk"],
    ),
    ("TJ", "Red Crescent Society of Tajikistan"): (
        "Общество Красного Полумесяца Таджикистана",
        "Ҷамъияти Ҳилоли Аҳмари Тоҷикистон",
        "جمعیت هلال احمر تاجیکستان",
        "12 Sample Avenue, Dushanbe",
        "Душанбе, пр. Образцовый, 12",
        "+992 37 000 01 09",
        False,
        ["tgk", "rus"],
    ),
    ("TJ", "City health centre, Dushanbe (TJ)"): (
        "Городской центр здоровья, Душанбе (РТ)",
        "Маркази шаҳрии саломатӣ, Душанбе (ҶТ)",
        "مرکز صحی شهری، دوشنبه (تاجیکستان)",
        "16 Example Street, Dushanbe",
        "Душанбе, ул. Примерная, 16",
        "+992 37 000 01 10",
        True,
        ["tgk", "rus"],
    ),
    ("TJ", "Legal aid centre (TJ)"): (
        "Центр юридической помощи (РТ)",
        "Маркази ёрии ҳуқуқӣ (ҶТ)",
        "مرکز کمک حقوقی (تاجیکستان)",
        "18 Example Street, Dushanbe",
        "Душанбе, ул. Примерная, 18",
        "+992 37 000 01 11",
        False,
        ["tgk", "rus", "prs"],
    ),
    ("TJ", "Embassy of Afghanistan in Dushanbe"): (
        "Посольство Афганистана в Душанбе",
        "Сафорати Афғонистон дар Душанбе",
        "سفارت افغانستان در دوشنبه",
        "32 Demo Lane, Dushanbe",
        "Душанбе, пер. Демонстрационный, 32",
        "+992 37 000 01 12",
        False,
        ["prs", "pus", "tgk"],
    ),
}

LOCAL_LANGUAGE = {"KG": "kir", "KZ": "kaz", "TJ": "tgk"}


def contact_fields(country: str, name: str) -> dict[str, Any] | None:
    """The fields to set on a demo agency, or None when the demo has none for it."""
    item = CONTACTS.get((country, name))
    if item is None:
        return None
    name_ru, name_local, name_prs, address, address_ru, phone, all_day, spoken = item
    hours = HOURS_24 if all_day else HOURS
    return {
        "address": address,
        "phone": phone,
        "opening_hours": hours["eng"],
        "languages_spoken": spoken,
        "translations": {
            "rus": {"name": name_ru, "address": address_ru, "opening_hours": hours["rus"]},
            LOCAL_LANGUAGE[country]: {"name": name_local},
            "prs": {"name": name_prs},
        },
    }


def fill_demo_contacts() -> int:
    """Give the demo agencies their contacts (only those still without an address, so an
    administrator's edits are kept). Returns how many agencies were filled."""
    from crossroads.accounts.models import Agency

    filled = 0
    for agency in Agency.objects.filter(address="", country_id__in=list(LOCAL_LANGUAGE)):
        fields = contact_fields(str(agency.country_id), agency.name)
        if fields is None:
            continue
        for key, value in fields.items():
            setattr(agency, key, value)
        agency.save(update_fields=list(fields))
        filled += 1
    return filled
