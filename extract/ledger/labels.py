"""Every code the ledger writes, with its Chinese and English label, so that a page or a download
can name any of them in either language: statuses, measures, objects, size classes, link kinds."""
from __future__ import annotations

STATUSES = ("achieved", "on_pace", "behind_pace", "period_over", "missed", "no_report")

LABELS: dict[str, tuple[str, str]] = {
    # status of a target as of a date
    "achieved": ("已完成", "Achieved"),
    "on_pace": ("符合序时进度", "On pace"),
    "behind_pace": ("落后于序时进度", "Behind pace"),
    "period_over": ("期满未见终期报道", "Period over, no final report"),
    "missed": ("未完成", "Missed"),
    "no_report": ("尚无实绩报道", "No report yet"),
    # measures (rules/ledger_measures.tsv)
    "signed": ("签约", "Signed"),
    "signed_registered": ("签约并注册", "Signed and registered"),
    "started": ("开工", "Started"),
    "completed": ("竣工", "Completed"),
    "in_production": ("投产达产", "In production"),
    "funds_in_place": ("到位资金", "Funds in place"),
    "investment_done": ("完成投资", "Investment done"),
    "total_investment": ("总投资", "Total investment"),
    "budget_revenue": ("一般公共预算收入", "General budget revenue"),
    "gdp": ("地区生产总值", "GDP"),
    "foreign_trade": ("外贸进出口", "Foreign trade"),
    "retail_sales": ("社会消费品零售总额", "Retail sales"),
    "taxable_sales": ("应税销售", "Taxable sales"),
    "negotiating": ("在谈", "In negotiation"),
    "ready_to_start": ("具备开工条件", "Ready to start"),
    "listed": ("列入项目清单", "Listed in a plan"),
    "": ("（未识别）", "(unknown)"),
    # objects (counted nouns and rules/ledger_objects.tsv)
    "projects": ("项目", "Projects"),
    "enterprises": ("企业", "Enterprises"),
    "money": ("金额", "Amount"),
    "manufacturing": ("制造业", "manufacturing"),
    "industrial": ("工业", "industrial"),
    "services": ("服务业", "services"),
    "agriculture": ("农业", "agriculture"),
    "innovation": ("科创", "innovation"),
    "foreign": ("外资", "foreign-funded"),
    "domestic": ("内资", "domestic"),
    "major": ("重大", "major"),
    "provincial_major": ("省重大", "provincial major"),
    "city_major": ("市重大", "city major"),
    # links
    "pair": ("目标与实绩", "Target and report"),
    "rate": ("完成率", "Completion rate"),
    "exact": ("同一指标", "Same indicator"),
    "partial": ("相近指标", "Related indicator"),
}

_CURRENCY = {"CNY": ("元", "CNY"), "USD": ("美元", "USD"), "EUR": ("欧元", "EUR"), "HKD": ("港元", "HKD"),
             "JPY": ("日元", "JPY")}


def money_text(value: float, currency: str, lang: str = "zh") -> str:
    """5亿元, 3000万美元 (zh); CNY 500 million (en)."""
    zh, en = _CURRENCY.get(currency, (currency, currency))
    if lang == "en":
        for size, word in ((1e9, "billion"), (1e6, "million")):
            if value >= size:
                return f"{en} {value / size:g} {word}"
        return f"{en} {value:g}"
    for size, word in ((1e8, "亿"), (1e4, "万")):
        if value >= size:
            return f"{value / size:g}{word}{zh}"
    return f"{value:g}{zh}"


def size_class_label(code: str, lang: str = "zh") -> str:
    """A size class code (CNY≥5e+08, CNY≥5e+08|USD≥3e+07, CNY1e+08-5e+08) in words: 5亿元以上,
    5亿元及3000万美元以上, 1亿元-5亿元."""
    if not code:
        return "" if lang == "zh" else ""
    parts = []
    for part in code.split("|"):
        currency = part[:3]
        rest = part[3:]
        if rest[:1] in "≥≤":
            amount = money_text(float(rest[1:]), currency, lang)
            above = rest[0] == "≥"
            parts.append((amount, above))
        else:
            low, _, high = rest.partition("-")
            parts.append((f"{money_text(float(low), currency, lang)}-{money_text(float(high), currency, lang)}", None))
    if lang == "en":
        return " / ".join(a + ("" if above is None else (" and above" if above else " and below")) for a, above in parts)
    words = "及".join(a for a, _ in parts)
    above = parts[-1][1]
    return words + ("" if above is None else ("以上" if above else "以下"))


def label(code, lang: str = "zh") -> str:
    """The label of any code the ledger writes, compound object codes (projects+major+manufacturing)
    and size classes included; a code without a label is returned as it is."""
    if code is None or (isinstance(code, float) and code != code):
        return ""
    code = str(code)
    index = 0 if lang == "zh" else 1
    if code in LABELS:
        return LABELS[code][index]
    if code[:3] in _CURRENCY and len(code) > 3 and (code[3] in "≥≤" or code[3].isdigit()):
        return size_class_label(code, lang)
    if "+" in code:
        head, *mods = code.split("+")
        words = [label(m, lang) for m in mods]
        return ("".join(words) + label(head, lang)) if lang == "zh" else " ".join(words + [label(head, lang).lower()])
    return code
