"""Code tables for the legacy formats: PLOVER to CAMEO roots (GDELT-like export) and to
ACLED event types, sector codes to ACLED interaction codes. docs/exports.md shows them."""

from __future__ import annotations

# PLOVER type -> CAMEO root code (two digits). A mode may refine it (below).
CAMEO_ROOT = {
    "AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07", "CONCEDE": "08",
    "RETREAT": "08", "REQUEST": "10", "ACCUSE": "11", "REJECT": "12", "THREATEN": "13", "PROTEST": "14",
    "MOBILIZE": "15", "SANCTION": "16", "COERCE": "17", "ASSAULT": "18",
}
CAMEO_BY_MODE = {
    ("ACCUSE", "investigate"): "09",
    ("ASSAULT", "firearms"): "19", ("ASSAULT", "heavy-weapons"): "19", ("ASSAULT", "aerial"): "19",
    ("ASSAULT", "drone"): "19", ("ASSAULT", "occupy"): "19", ("ASSAULT", "cbrn"): "20",
    ("ASSAULT", "massacre"): "20",
}
# CAMEO quad classes: 1 verbal cooperation (01-05), 2 material cooperation (06-08),
# 3 verbal conflict (09-13), 4 material conflict (14-20).
QUAD_CLASS = {root: 1 if root <= "05" else 2 if root <= "08" else 3 if root <= "13" else 4
              for root in (f"{n:02d}" for n in range(1, 21))}


def cameo_root(event_type: str, mode: str | None) -> str:
    return CAMEO_BY_MODE.get((event_type, mode or ""), CAMEO_ROOT[event_type])


# PLOVER type (and mode) -> (ACLED event_type, sub_event_type). None: not an ACLED event.
ACLED_BY_MODE = {
    ("ASSAULT", "aerial"): ("Explosions/Remote violence", "Air/drone strike"),
    ("ASSAULT", "drone"): ("Explosions/Remote violence", "Air/drone strike"),
    ("ASSAULT", "heavy-weapons"): ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("ASSAULT", "explosives"): ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("ASSAULT", "suicide-attack"): ("Explosions/Remote violence", "Suicide bomb"),
    ("ASSAULT", "occupy"): ("Battles", "Non-state actor overtakes territory"),
    ("ASSAULT", "abduct"): ("Violence against civilians", "Abduction/forced disappearance"),
    ("ASSAULT", "sexual"): ("Violence against civilians", "Sexual violence"),
    ("PROTEST", "riot"): ("Riots", "Violent demonstration"),
    ("COERCE", "arrest"): ("Strategic developments", "Arrests"),
    ("COERCE", "seize"): ("Strategic developments", "Looting/property destruction"),
    ("MOBILIZE", "base"): ("Strategic developments", "Headquarters or base established"),
}
ACLED_BY_TYPE = {
    "ASSAULT": ("Battles", "Armed clash"),
    "PROTEST": ("Protests", "Peaceful protest"),
    "AGREE": ("Strategic developments", "Agreement"),
    "RETREAT": ("Strategic developments", "Non-violent transfer of territory"),
    "MOBILIZE": ("Strategic developments", "Change to group/activity"),
    "COERCE": ("Strategic developments", "Other"),
}

CIVILIAN_SECTORS = {"CVL", "REF", "EDU", "JRN", "MED", "REL", "LAB", "AGR", "BUS"}


def acled_type(event_type: str, mode: str | None, target_sector: str | None) -> tuple[str, str] | None:
    found = ACLED_BY_MODE.get((event_type, mode or "")) or ACLED_BY_TYPE.get(event_type)
    if found and event_type == "ASSAULT" and found[0] == "Battles" and target_sector in CIVILIAN_SECTORS:
        return ("Violence against civilians", "Attack")
    return found


# ACLED interaction codes: 1 state forces, 2 rebels, 3 political militias, 4 identity militias,
# 5 rioters, 6 protesters, 7 civilians, 8 external/other forces; 0 when there is no actor.
# State forces are always 1: telling a foreign force (8) apart needs the place's country in alpha-3.
def acled_inter(sector: str | None, event_type: str) -> int:
    if sector is None:
        return 0
    if event_type == "PROTEST":
        return 5 if sector in ("RIOT",) else 6
    if sector in ("GOV", "MIL", "COP", "SPY", "JUD", "LEG"):
        return 1
    if sector in ("REB", "INS"):
        return 2
    if sector in ("PTY", "OPP", "UAF"):
        return 3
    if sector in ("ETH", "IDM"):
        return 4
    if sector in ("IGO", "NGO", "IMG"):
        return 8
    return 7


def time_precision(date_value: str | None) -> int:
    """ACLED time precision: 1 the day is known, 2 the week or month, 3 only a longer period."""
    if date_value and len(date_value) >= 10 and date_value[4] == "-" and date_value[7] == "-":
        return 1
    if date_value and len(date_value) >= 7 and date_value[4] in "-W":
        return 2
    return 3


def geo_precision(precision: str | None) -> int:
    """ACLED geo precision: 1 the town itself, 2 near it or a small area, 3 a province or wider."""
    return {"point": 1, "city": 1, "admin2": 2}.get(precision or "", 3)


# GDELT ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1).
def gdelt_geo_type(precision: str | None, country_code: str | None) -> int:
    us = country_code == "US"
    if precision in ("point", "city", "admin2"):
        return 3 if us else 4
    if precision == "admin1":
        return 2 if us else 5
    if precision == "country":
        return 1
    return 0
