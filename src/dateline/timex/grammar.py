"""The TIMEX3 value grammar, as a regular expression every output must match.

Durations may count decades (DE) and centuries (CE), as TimeML takes them from TIDES:
"for decades" is PXDE."""

from __future__ import annotations

import re

_YEAR = r"(?:[0-9]{4}|[0-9X]{4})"
# a clock time may carry its stated zone: Z (UTC) or an offset ("T10:00-05:00")
_ZONE = r"(?:Z|[+-](?:0[0-9]|1[0-4]):[0-5][0-9])"
_TIME = rf"T(?:MO|AF|EV|NI|DT|(?:[01][0-9]|2[0-4])(?::[0-5][0-9](?::[0-5][0-9])?)?{_ZONE}?)"
_DATE = (
    rf"(?:{_YEAR}"
    r"(?:-(?:0[1-9]|1[0-2]|XX)(?:-(?:0[1-9]|[12][0-9]|3[01]|XX))?"
    r"|-W(?:0[1-9]|[1-4][0-9]|5[0-3]|XX)(?:-(?:[1-7]|WE))?"
    r"|-Q[1-4X]|-H[12X]|-(?:SP|SU|FA|WI))?"
    r"|[0-9]{3}|[0-9]{2}|BC[0-9]{4}(?:-(?:SP|SU|FA|WI))?|BC[0-9]{2})"
)
_DURATION = (
    r"P(?:(?:[0-9X]+(?:\.[0-9]+)?(?:[YQMWD]|DE|CE))+(?:T(?:[0-9X]+(?:\.[0-9]+)?[HMS])+)?"
    r"|T(?:[0-9X]+(?:\.[0-9]+)?[HMS])+)"
)
_SET_WEEKDAY = r"XXXX-WXX-(?:[1-7](?:T(?:MO|AF|EV|NI))?|WE)"
TIMEX3_VALUE = re.compile(
    rf"(?:PAST_REF|PRESENT_REF|FUTURE_REF|{_DURATION}|{_SET_WEEKDAY}|{_DATE}(?:{_TIME})?)"
)


def is_valid_value(value: str) -> bool:
    """True when ``value`` follows the TIMEX3 value grammar."""
    return TIMEX3_VALUE.fullmatch(value) is not None
