# One date format for Russian pages: "7 декабря 2026 г.", "7 декабря 2026 г., 09:42".
DATE_FORMAT = "j E Y г."
DATETIME_FORMAT = "j E Y г., H:i"
YEAR_MONTH_FORMAT = "F Y г."
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]
FIRST_DAY_OF_WEEK = 1
