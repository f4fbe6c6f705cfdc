"""Provides the report's title as printed (body, year, what is wrong with it), the level and contact.

Also the fuzzy prefix match that the headings use.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from sections.model.meta import Contact, guess_level

_CJK = re.compile(r"[\u4e00-\u9fff]")
_NONBLANK = re.compile(r"\S+")
_PLACE_END = re.compile(r"[区县镇乡市](?![委政])")
TITLE_WORDS = "政府信息公开工作年度报告"
PREFACE_STARTS = ("本报告", "本年度报告", "根据", "按照", "依据", "依照", "现将", "发布日期", "发布时间", "来源")
"""How the text after a title line usually begins, when the line break after the title was lost."""
CHROME = re.compile(r".*(?:正文|首页|当前位置|您的位置|标题|政务公开|信息公开|年度报告|年报)")
"""Page chrome that can stand before a body's name in text saved from a web page."""
MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
PROVINCIAL = re.compile(r"^(?:[^市县区镇乡]{2,8}?(?:省|自治区)|" + "|".join(MUNICIPALITIES) + ")")
GOVERNMENT_SUFFIX = re.compile(r"(?:人民政府|街道办事处|管委会|管理委员会)$")
PLACE_SUFFIX = re.compile(r"(?:镇|乡|街道|县|旗|区|市|省)$")
_YEAR_TITLE = re.compile(
    r"([\u4e00-\u9fff（）()]{0,40}?)((?:19|20)\d{2})年度?([\u4e00-\u9fff（）()]{0,30}?)"
    r"政府信息公开(?:工作)?(?:年度)?(?:工作)?报告"
)
_NO_YEAR_TITLE = re.compile(r"([\u4e00-\u9fff]{2,30}?)政府信息公开(?:工作)?(?:年度)?报告")
_TITLE_END = re.compile(r"政府信息公开(?:工作)?(?:年度)?(?:工作)?报告")
_NEAR_TITLE = re.compile(r"[^，。：:；;《》]{4,40}报告")
_CITING = re.compile(r"关于|印发|编制|公布|通知|做好|根据|按照|现将")
"""Words before 「政府信息公开…报告」 that make it a notice the preface cites, not the report's title."""
_QUOTED = re.compile(r"《([^《》]{6,60})》")
_NOTICE = re.compile(r"关于|通知|印发|编制|公布")
_PERIOD_START = re.compile(r"((?:19|20)\d{2})\s*年\s*0?1\s*月\s*0?1\s*日")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_PROVINCE_OR_BELOW = re.compile(r"[省市县区]")
_BELOW_PROVINCE = re.compile(r"[市县区镇乡]")
_MINISTRY = re.compile(r"[\u4e00-\u9fff]{1,8}部")
_CONTACT = (
    re.compile(r"请与([^，。；;（(]{2,30}?)联系"),
    re.compile(r"地址[：:]([^，,。；;）)]{4,60})"),
    re.compile(r"邮编[：:]?(\d{6})"),
    re.compile(r"(?:电话|传真)[^：:\d]{0,4}[：:]?((?:\d{3,4}[-－—])?\d{7,8})"),
)
"""Department, address, postcode and phone in a preface without white space."""
_EMAIL = re.compile(r"([\w.+-]+@[\w-]+(?:\.[\w-]+)+)", re.ASCII)
_GARBLED = re.compile(r"[\ufffd\u00c0-\u00ff\u2500-\u257f]|锟斤拷|烫烫|屯屯")


@dataclass(frozen=True)
class Title:
    """The report's title as found, and what is wrong with it (S5)."""

    printed: str | None
    body: str | None
    year: int | None
    problems: tuple[str, ...] = ()


def fuzzy_prefix(target: str, window: str, lead: int = 10) -> tuple[float, int]:
    """How much of `target` occurs, in order, at the start of `window`, and where the match ends.

    A few extra characters are allowed before and between the target's characters.
    """
    if target and window.startswith(target):
        return 1.0, len(target)  # what the search below finds, character by character
    position, matched, end = 0, 0, 0
    for char in target:
        found = window.find(char, position, position + (lead if matched == 0 else 6) + 1)
        if found < 0:
            continue
        matched += 1
        position = end = found + 1
    return (matched / len(target) if target else 0.0), end


def find_title(head: str, text: str) -> Title:
    """The title in the text before the first heading: body, year, and what is wrong with it."""
    squeezed = "".join(head[:600].split())
    problems: list[str] = []
    if _GARBLED.search(squeezed[:80]):
        problems.append("标题有乱码")
    # Both title patterns end where `_TITLE_END` does (such endings cannot overlap): the search stops at its last
    # end, and a text without it needs none. The near title ends in 「报告」.
    ends = [match.end() for match in _TITLE_END.finditer(squeezed[:200])]
    opening = squeezed[: ends[-1]] if ends else ""
    for match in _YEAR_TITLE.finditer(opening):
        if _standalone(match, squeezed, head):
            body = _body_name(match.group(3) or match.group(1))
            if not body:
                problems.append("标题缺少机关名称")
            return Title(match.group(0), body, int(match.group(2)), tuple(problems))
    for match in _NO_YEAR_TITLE.finditer(opening):
        if _standalone(match, squeezed, head):
            problems.append("标题缺少报告年度")
            return Title(match.group(0), _body_name(match.group(1)), _year(text), tuple(problems))
    near = _NEAR_TITLE.search(squeezed[:120]) if "报告" in squeezed[:120] else None
    if (
        near
        and not near.group(0).endswith(TITLE_WORDS)
        and fuzzy_prefix(TITLE_WORDS, near.group(0)[-16:], lead=6)[0] >= 0.6
    ):
        problems.append(f"标题“{near.group(0)}”与规范写法“机关名称+年度+{TITLE_WORDS}”不符")
        return Title(near.group(0), None, _year(text), tuple(problems))
    problems.append("正文开头没有报告标题")
    quoted = _quoted_title(head)
    if quoted:
        return Title(None, quoted[0], quoted[1], tuple(problems))
    return Title(None, frequent_name(text), _year(text), tuple(problems))


def after_nonblank(text: str, count: int) -> int:
    """The position after the first `count` non-blank characters of `text` (its end when it has fewer)."""
    if count == 0:
        return 0
    for run in _NONBLANK.finditer(text):
        if count <= len(run.group()):
            return run.start() + count
        count -= len(run.group())
    return len(text)


def _standalone(match: re.Match[str], squeezed: str, head: str) -> bool:
    """Whether a title-like match is the report's own title line, not a notice cited in the preface."""
    before = squeezed[: match.start()]
    if before.count("《") > before.count("》") or before.count("<") > before.count(">"):
        return False
    if _CITING.search(match.group(0).split("政府信息公开")[0]):
        return False
    after = after_nonblank(head, match.end())
    return after >= len(head) or head[after].isspace() or squeezed.startswith(PREFACE_STARTS, match.end())


def _quoted_title(head: str) -> tuple[str | None, int] | None:
    """A title named inside 《》 in the preface (「现编制形成了《西柳镇人民政府2023年…》」), not a notice."""
    for inner in _QUOTED.findall("".join(head.split())):
        match = _YEAR_TITLE.fullmatch(inner)
        if match and not _NOTICE.search(inner):
            return _body_name(match.group(3) or match.group(1)), int(match.group(2))
    return None


def _body_name(raw: str) -> str | None:
    name = CHROME.sub("", raw).strip("（）() ")
    return name if len(name) >= 2 else None


def _year(text: str) -> int | None:
    period = _PERIOD_START.search(text[:6000])
    if period:
        return int(period.group(1))
    years = Counter(_YEAR.findall(text[:6000]))
    return int(years.most_common(1)[0][0]) if years else None


def frequent_name(text: str) -> str | None:
    """The place name the text repeats most (「平潭综合实验区」), for a report printed without its title."""
    sample = text[:20000]
    counts: Counter[str] = Counter()
    repeats: dict[str, int] = {}  # counted once: a name is grown again at every place it stands
    for match in _PLACE_END.finditer(sample):
        end, size = match.end(), 2
        while size < 12 and end - size - 1 >= 0 and _CJK.match(sample[end - size - 1]):
            longer = sample[end - size - 1 : end]
            if longer not in repeats:
                repeats[longer] = sample.count(longer)
            if repeats[longer] < 3:
                break
            size += 1
        if size >= 4:
            counts[sample[end - size : end]] += 1
    if not counts:
        return None
    name, seen = counts.most_common(1)[0]
    return name if seen >= 3 and not name.startswith(("我", "全", "本", "各")) else None


SELF_REFERENCE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("县级以上政府部门", ("我局", "本局", "我委", "本委", "我厅", "本厅", "本机关", "我单位", "本单位", "本部门")),
    ("乡镇街道", ("我镇", "本镇", "我乡", "本乡", "我街道", "本街道", "本办事处", "我办事处")),
    ("县级政府", ("我县", "本县", "我区", "本区", "我旗", "本旗")),
    ("设区的市政府", ("我市", "本市")),
)
"""How a body names itself in its report, and the level that suggests (a department also says 「全区」)."""


def self_reference(text: str) -> tuple[str, str] | None:
    """The level the text's self-reference suggests (「我镇」 → 乡镇街道) and the word, when it is clear.

    A department's words win when it uses them twice; a township's once; a government's twice.
    """
    sample = text[:20000]
    for level, words in SELF_REFERENCE:
        counts = {word: sample.count(word) for word in words}
        word = max(counts, key=lambda w: counts[w])
        if counts[word] >= (1 if level == "乡镇街道" else 2):
            return level, word
    return None


def level_of(body: str | None) -> str | None:
    """The level a body's name suggests: governments by their place, departments by their province."""
    if not body:
        return None
    provincial = PROVINCIAL.match(body)
    if GOVERNMENT_SUFFIX.search(body) or PLACE_SUFFIX.search(body):
        place = GOVERNMENT_SUFFIX.sub("", body)
        if body.startswith(MUNICIPALITIES) and place in MUNICIPALITIES:
            return "省级政府"
        return guess_level(body) or _place_level(place)
    if (body.startswith(("国务院", "国家")) and not _PROVINCE_OR_BELOW.search(body)) or _MINISTRY.fullmatch(body):
        return "国务院部门"
    if provincial and not _BELOW_PROVINCE.search(body[provincial.end() :].split("人民政府")[0]):
        return "省级政府部门"
    return "县级以上政府部门"


def _place_level(place: str) -> str | None:
    if place.endswith(("镇", "乡", "街道")):
        return "乡镇街道"
    if place.endswith(("县", "旗", "区")):
        return "县级政府"
    if place.endswith("市"):
        return "设区的市政府"
    if place.endswith(("省", "自治区")):
        return "省级政府"
    return None


def contact(preface: str) -> Contact:
    """The contact details a preface gives: department, address, postcode, phone, e-mail."""
    flat = "".join(preface.split())
    department, address, postcode, phone = (pattern.search(flat) for pattern in _CONTACT)
    email = _EMAIL.search(flat) if "@" in flat else None  # the pattern tries every run of letters and digits
    return Contact(
        department=department and department.group(1),
        address=address and address.group(1),
        postcode=postcode and postcode.group(1),
        phone=phone and phone.group(1),
        email=email and email.group(1),
    )
