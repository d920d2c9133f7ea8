# Persian pages: the Gregorian date, day first (Solar Hijri beside it where documents use it).
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y، H:i"
YEAR_MONTH_FORMAT = "F Y"
SHORT_DATE_FORMAT = "Y/m/d"
SHORT_DATETIME_FORMAT = "Y/m/d H:i"
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%Y/%m/%d"]
FIRST_DAY_OF_WEEK = 6
