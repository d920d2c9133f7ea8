"""Quick synthetic registers for the engine's own tests and timings.

Not the benchmark: the names here are written by the engine's author and share its
assumptions, so accuracy measured on them flatters the engine. The labelled benchmark
(``bench/identity/``) builds its own tables from independent sources. This module exists to
time search and dedupe at 100k-1M records and to exercise families (siblings, twins,
father-son namesakes) in tests.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from .records import PersonRecord

# (Latin, Cyrillic, Perso-Arabic) forms of common names of the region.
MALE_NAMES = [
    ("Mohammad", "Мухаммад", "محمد"),
    ("Ahmad", "Ахмад", "احمد"),
    ("Ali", "Али", "علی"),
    ("Hasan", "Хасан", "حسن"),
    ("Hussain", "Хусейн", "حسین"),
    ("Rahim", "Рахим", "رحیم"),
    ("Karim", "Карим", "کریم"),
    ("Abdullah", "Абдулла", "عبدالله"),
    ("Abdulrahman", "Абдурахман", "عبدالرحمن"),
    ("Nasruddin", "Насруддин", "نصرالدین"),
    ("Habibullah", "Хабибулла", "حبیب‌الله"),
    ("Yusuf", "Юсуф", "یوسف"),
    ("Ibrahim", "Ибрагим", "ابراهیم"),
    ("Jamshed", "Джамшед", "جمشید"),
    ("Farhod", "Фарход", "فرهاد"),
    ("Rustam", "Рустам", "رستم"),
    ("Bakhtiyor", "Бахтиёр", "بختیار"),
    ("Davlat", "Давлат", "دولت"),
    ("Sharif", "Шариф", "شریف"),
    ("Zafar", "Зафар", "ظفر"),
    ("Qasim", "Касым", "قاسم"),
    ("Ghulam", "Гулям", "غلام"),
    ("Nurlan", "Нурлан", "نورلان"),
    ("Azamat", "Азамат", "عظمت"),
    ("Timur", "Тимур", "تیمور"),
    ("Alisher", "Алишер", "علیشیر"),
    ("Bahrom", "Бахром", "بهرام"),
    ("Sohrab", "Сухроб", "سهراب"),
    ("Eldor", "Эльдор", "الدار"),
    ("Murod", "Мурод", "مراد"),
    ("Sardor", "Сардор", "سردار"),
    ("Jahongir", "Джахонгир", "جهانگیر"),
    ("Shukur", "Шукур", "شکور"),
    ("Mansur", "Мансур", "منصور"),
    ("Nodir", "Нодир", "نادر"),
    ("Olim", "Олим", "عالم"),
    ("Parviz", "Парвиз", "پرویز"),
    ("Saidullo", "Саидулло", "سعیدالله"),
    ("Tohir", "Тохир", "طاهر"),
    ("Umar", "Умар", "عمر"),
]
FEMALE_NAMES = [
    ("Fatima", "Фатима", "فاطمه"),
    ("Zainab", "Зайнаб", "زینب"),
    ("Maryam", "Марьям", "مریم"),
    ("Gulnara", "Гульнара", "گلناره"),
    ("Nilufar", "Нилуфар", "نیلوفر"),
    ("Madina", "Мадина", "مدینه"),
    ("Dilnoza", "Дилноза", "دلنوازه"),
    ("Shirin", "Ширин", "شیرین"),
    ("Zarina", "Зарина", "زرینه"),
    ("Malika", "Малика", "ملیکه"),
    ("Parvina", "Парвина", "پروینه"),
    ("Laylo", "Лайло", "لیلا"),
    ("Mehrangez", "Мехрангез", "مهرانگیز"),
    ("Sitora", "Ситора", "ستاره"),
    ("Aziza", "Азиза", "عزیزه"),
    ("Khadija", "Хадиджа", "خدیجه"),
    ("Robiya", "Робия", "رابعه"),
    ("Shabnam", "Шабнам", "شبنم"),
    ("Nasiba", "Насиба", "نصیبه"),
    ("Gulbahor", "Гульбахор", "گلبهار"),
]
SURNAME_ROOTS = [
    ("Rakhim", "Рахим", "رحیم"),
    ("Karim", "Карим", "کریم"),
    ("Yusup", "Юсуп", "یوسپ"),
    ("Nazar", "Назар", "نظر"),
    ("Sharip", "Шарип", "شریپ"),
    ("Usman", "Усман", "عثمان"),
    ("Sultan", "Султан", "سلطان"),
    ("Akhmed", "Ахмед", "احمد"),
    ("Ismail", "Исмаил", "اسماعیل"),
    ("Kurban", "Курбан", "قربان"),
    ("Mirzo", "Мирзо", "میرزا"),
    ("Safar", "Сафар", "سفر"),
    ("Tursun", "Турсун", "ترسون"),
    ("Abdull", "Абдулл", "عبدال"),
    ("Nurmat", "Нурмат", "نورمت"),
    ("Khalil", "Халил", "خلیل"),
    ("Davlat", "Давлат", "دولت"),
    ("Mamad", "Мамад", "ممد"),
    ("Boboj", "Бобоj", "بابج"),
    ("Gafur", "Гафур", "غفور"),
]
# Syllables that vary surname roots, so that blocks have realistic sizes at 1M records.
SURNAME_PREFIXES = [
    ("", "", ""),
    ("Mir", "Мир", "میر"),
    ("Nur", "Нур", "نور"),
    ("Gul", "Гул", "گل"),
    ("Sher", "Шер", "شیر"),
    ("Dost", "Дост", "دوست"),
    ("Shah", "Шах", "شاه"),
    ("Bek", "Бек", "بیک"),
]
SURNAME_SUFFIXES = [
    ("", "", ""),
    ("bek", "бек", "بیک"),
    ("jan", "джан", "جان"),
    ("nazar", "назар", "نظر"),
    ("mur", "мур", "مر"),
    ("dil", "диль", "دل"),
    ("bay", "бай", "بای"),
    ("gul", "гуль", "گل"),
]
NATIONALITIES = ["AF", "TJ", "UZ", "KG", "KZ", "TM", "IR", "PK"]

_LATIN_VARIANTS = [
    ("kh", "h"),
    ("o", "u"),
    ("u", "o"),
    ("a", "e"),
    ("y", "i"),
    ("j", "dzh"),
    ("sh", "sch"),
    ("v", "w"),
    ("ss", "s"),
    ("mm", "m"),
]


@dataclass(frozen=True, slots=True)
class Person:
    """A synthetic person and the household facts their records derive from."""

    person_id: int
    family_id: int
    given: tuple[str, str, str]
    surname_root: tuple[str, str, str]
    father: tuple[str, str, str]
    sex: str
    birth: tuple[int, int, int]
    nationality: str


def _variant(rng: random.Random, latin: str) -> str:
    if rng.random() < 0.5:
        return latin
    src, dst = rng.choice(_LATIN_VARIANTS)
    return latin.replace(src, dst, 1) if src in latin else latin


def people(n_families: int, seed: int = 1) -> Iterator[Person]:
    """Households: a father's name, a surname, 1-5 children (twins sometimes), namesakes."""
    rng = random.Random(seed)
    pid = 0
    for family_id in range(n_families):
        pre, mid, post = (
            rng.choice(SURNAME_PREFIXES),
            rng.choice(SURNAME_ROOTS),
            rng.choice(SURNAME_SUFFIXES),
        )
        root = (
            (pre[0] + mid[0].lower() + post[0]) if pre[0] else (mid[0] + post[0]),
            (pre[1] + mid[1].lower() + post[1]) if pre[1] else (mid[1] + post[1]),
            pre[2] + mid[2] + post[2],
        )
        father = rng.choice(MALE_NAMES)
        nationality = rng.choice(NATIONALITIES)
        base_year = rng.randint(1950, 2015)
        n_children = rng.randint(1, 5)
        used: set[str] = set()
        year = base_year
        for child in range(n_children):
            sex = rng.choice("MF")
            pool = MALE_NAMES if sex == "M" else FEMALE_NAMES
            given = rng.choice(pool)
            while given[0] in used:
                given = rng.choice(pool)
            used.add(given[0])
            twin = child > 0 and rng.random() < 0.08
            if not twin:
                year += rng.randint(1, 3)
                birth = (year, rng.randint(1, 12), rng.randint(1, 28))
            yield Person(pid, family_id, given, root, father, sex, birth, nationality)
            pid += 1


def render(person: Person, rng: random.Random, record_id: str) -> PersonRecord:
    """One registration of ``person`` in a random script with realistic entry noise."""
    script = rng.choices((0, 1, 2), weights=(5, 3, 2))[0]
    given = person.given[script]
    root = person.surname_root[script]
    father = person.father[script]
    female = person.sex == "F"
    if script == 0:
        given = _variant(rng, given)
        surname = root + ("ova" if female else "ov")
        patronymic = father + ("ovna" if female else "ovich")
        if rng.random() < 0.3:
            given, surname = given.upper(), surname.upper()
    elif script == 1:
        surname = root + ("ова" if female else "ов")
        patronymic = father + ("овна" if female else "ович")
    else:
        surname = root + "ی"
        patronymic = father
    if rng.random() < 0.4:
        patronymic = ""
    year, month, day = person.birth
    r = rng.random()
    if r < 0.15:
        birth = f"{year}-01-01"
    elif r < 0.25:
        birth = str(year)
    elif r < 0.3:
        birth = ""
    elif r < 0.33:
        birth = f"{year + rng.choice((-1, 1))}-{month:02d}-{day:02d}"
    elif r < 0.35 and day <= 12:
        birth = f"{year}-{day:02d}-{month:02d}"
    else:
        birth = f"{year}-{month:02d}-{day:02d}"
    if rng.random() < 0.05:
        given, surname = surname, given
    sex = person.sex if rng.random() < 0.85 else ""
    nationality = person.nationality if rng.random() < 0.8 else ""
    return PersonRecord(record_id, given, surname, patronymic, birth, sex, nationality)


def register(
    n_records: int, seed: int = 1, duplicate_rate: float = 0.3
) -> tuple[list[PersonRecord], dict[str, int]]:
    """About ``n_records`` records and the true person of each (``{record id: person id}``)."""
    rng = random.Random(seed + 1)
    records: list[PersonRecord] = []
    truth: dict[str, int] = {}
    n_families = max(1, int(n_records / (3 * (1 + duplicate_rate))))
    for person in people(n_families, seed):
        copies = 1 + (1 if rng.random() < duplicate_rate else 0)
        for _ in range(copies):
            record_id = f"r{len(records)}"
            records.append(render(person, rng, record_id))
            truth[record_id] = person.person_id
        if len(records) >= n_records:
            break
    return records, truth
