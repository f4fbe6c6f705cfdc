"""Provides the outline of a published report's text: title, body, year, preface, the six sections, 一's parts.

Headings are found by tolerant matching (numeral, then wording close to the official heading), so
variants such as 「五、政府信息公开工作存在的主要问题及改进情况」 and text whose lines ran together still split.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from .labels import SECTION_HEADINGS, SECTION_NUMERALS, SUBSECTION_NUMERALS
from .meta import Contact, guess_level

HEADING_VARIANTS: tuple[tuple[str, ...], ...] = (
    ("概述",),
    (),
    ("依申请公开政府信息情况",),
    ("因政府信息公开申请行政复议、提起行政诉讼的情况",),
    (),
    (),
)
"""Wordings of the six headings seen in published reports besides the official one (2019-style 四 …)."""
_WORDINGS: tuple[tuple[str, ...], ...] = tuple(
    tuple(unicodedata.normalize("NFKC", w) for w in (heading.split("、", 1)[1], *variants))
    for heading, variants in zip(SECTION_HEADINGS, HEADING_VARIANTS, strict=True)
)
TITLE_WORDS = "政府信息公开工作年度报告"
PREFACE_STARTS = ("本报告", "本年度报告", "根据", "按照", "依据", "依照", "现将", "发布日期", "发布时间", "来源")
"""How the text after a title line usually begins, when the line break after the title was lost."""
CHROME = re.compile(r".*(?:正文|首页|当前位置|您的位置|标题|政务公开|信息公开|年度报告|年报)")
"""Page chrome that can stand before a body's name in text saved from a web page."""
MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
PROVINCIAL = re.compile(r"^(?:[^市县区镇乡]{2,8}?(?:省|自治区)|" + "|".join(MUNICIPALITIES) + ")")
GOVERNMENT_SUFFIX = re.compile(r"(?:人民政府|街道办事处|管委会|管理委员会)$")
PLACE_SUFFIX = re.compile(r"(?:镇|乡|街道|县|旗|区|市|省)$")
_FOOTER = re.compile(r"^[ \t]*(?:[-—–－]+[ \t]*\d{1,3}[ \t]*[-—–－]+|第[ \t]*\d{1,3}[ \t]*页"
                     r"(?:[ \t]*[，,/]?[ \t]*共[ \t]*\d{1,3}[ \t]*页)?)[ \t]*$", re.MULTILINE)
_MD_RULE = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*(?::?-*:?)?[ \t]*$", re.MULTILINE)
_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff]")
MAX_CANDIDATES = 500
"""Numbered lines examined as possible headings: a report has a few dozen, a pasted pile of text more."""
_CANDIDATE = re.compile(r"(?:第([一二三四五六])部分[ \t]*[、.．:：]?|([一二三四五六])[ \t]*[、.．])[ \t]*")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_BLANKS = re.compile(r"\s+")
_WRAPPED = re.compile(r"(?<=[^。！？；：:;!?”’」』…\n])[ \t]*\n(?![ \t]*(?:\n|[（(][一二三四五六七八九十\d]+[)）]|"
                      r"[一二三四五六七八九十]+[、是]|\d+[.、．]|第[一二三四五六七八九十]))")
_QUOTES = str.maketrans("“”‘’「」『』", '""\'\'""""')
_YEAR_TITLE = re.compile(r"([\u4e00-\u9fff（）()]{0,40}?)((?:19|20)\d{2})年度?([\u4e00-\u9fff（）()]{0,30}?)"
                         r"政府信息公开(?:工作)?(?:年度)?(?:工作)?报告")
_NO_YEAR_TITLE = re.compile(r"([\u4e00-\u9fff]{2,30}?)政府信息公开(?:工作)?(?:年度)?报告")
_GARBLED = re.compile(r"[\ufffd\u00c0-\u00ff\u2500-\u257f]|锟斤拷|烫烫|屯屯")


@dataclass(frozen=True)
class Heading:
    """One printed section heading: which official heading it is, how it was numbered and worded."""

    index: int
    """0 … 5 for 一 … 六 (the official heading it matches)."""
    numeral: str
    """The numeral as printed; differs from the official one when the heading is mis-numbered."""
    printed: str
    start: int
    end: int


@dataclass(frozen=True)
class Title:
    """The report's title as found, and what is wrong with it (S5)."""

    printed: str | None
    body: str | None
    year: int | None
    problems: tuple[str, ...] = ()


@dataclass
class Outline:
    """The text cut into its parts."""

    text: str
    title: Title
    headings: list[Heading]
    sections: dict[int, str] = field(default_factory=dict)
    """Section index → its text (without the heading)."""
    preface: str = ""
    tail_after_tables: str = ""


def clean(text: str) -> str:
    """Text with uniform line ends, without invisible characters, page numbers or Markdown rules."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ").replace("\u3000", " ")
    text = _INVISIBLE.sub("", text)
    return _MD_RULE.sub("", _FOOTER.sub("", text))


@lru_cache(maxsize=8192)
def squash(text: str) -> str:
    """Text for comparing wording: width folded (NFKC), no white space, 「1、」 written 「1.」, one kind of quote."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"\s+", "", text)
    text = re.sub(r"(?<![\d.])(\d)[、,]", r"\1.", text)
    return text.translate(_QUOTES)


def outline(text: str) -> Outline:
    """Title, headings and section texts of a cleaned report text."""
    headings = find_headings(text)
    contents = _contents(headings, text)
    if contents:
        text = text[:contents[0]] + text[contents[1]:]
        headings = find_headings(text)
    first = headings[0].start if headings else min(len(text), 1500)
    title = find_title(text[:first], text)
    result = Outline(text, title, headings)
    spans: dict[int, list[str]] = {}
    for number, heading in enumerate(headings):
        stop = headings[number + 1].start if number + 1 < len(headings) else len(text)
        spans.setdefault(heading.index, []).append(text[heading.end:stop].strip())
    result.preface = _preface(text[:first], title)
    overview = spans.get(0, [])
    if len(overview) > 1 and not result.preface and _looks_like_preface(overview[0]):
        result.preface, overview = overview[0], overview[1:]
    for index, parts in spans.items():
        result.sections[index] = "\n".join(overview if index == 0 else parts)
    return result


def _looks_like_preface(text: str) -> bool:
    return len(text) < 600 and ("条例" in text or "本报告" in text)


def find_headings(text: str) -> list[Heading]:
    """Every printed section heading, in text order."""
    found: list[Heading] = []
    for number, match in enumerate(_CANDIDATE.finditer(text)):
        if number >= MAX_CANDIDATES:
            break
        before = text[match.start() - 1] if match.start() else "\n"
        if before in "第（(〔[一二三四五六七八九十" or (found and match.start() < found[-1].end):
            continue
        window = _window(text, match.end(), 48)
        best: tuple[float, int, int] | None = None
        for index in range(len(SECTION_HEADINGS)):
            for wording in _WORDINGS[index]:
                if not any(char in window[:14] for char in wording[:3]):
                    continue
                score, end = fuzzy_prefix(wording, window)
                if best is None or score > best[0] or (score == best[0] and index == _numeral(match)):
                    best = (score, index, end)
        if best is None:
            continue
        score, index, end = best
        needed = 0.95 if _CJK.match(before) else 0.8
        if score >= needed and end:
            stop = _skip(text, match.end(), end)
            found.append(Heading(index, match.group(1) or match.group(2), squash(text[match.start():stop]),
                                 match.start(), stop))
    return found


def _numeral(match: re.Match[str]) -> int:
    return SECTION_NUMERALS.index(match.group(1) or match.group(2))


def _contents(headings: list[Heading], text: str) -> tuple[int, int] | None:
    """Where a table of contents stands: three or more headings in a row, each printed again further on,
    with next to nothing under them (page numbers) but the last."""
    run: list[Heading] = []
    for number, heading in enumerate(headings):
        if not any(later.index == heading.index for later in headings[number + 1:]):
            break
        run.append(heading)
        stop = headings[number + 1].start if number + 1 < len(headings) else len(text)
        if stop - heading.end >= 40:
            break
    if len(run) < 3:
        return None
    end = text.find("\n", run[-1].end)
    begin = text.rfind("目", max(0, run[0].start - 12), run[0].start)
    return (begin if begin >= 0 and "录" in text[begin:run[0].start] else run[0].start,
            len(text) if end < 0 else end)


def _window(text: str, start: int, size: int) -> str:
    """The next `size` non-blank characters, width-folded."""
    return unicodedata.normalize("NFKC", _BLANKS.sub("", text[start:start + size * 3])[:size])


def _skip(text: str, start: int, count: int) -> int:
    """The position after the next `count` non-blank characters (as `_window` counted them)."""
    position = start
    while count > 0 and position < len(text):
        if not text[position].isspace():
            count -= len(unicodedata.normalize("NFKC", text[position]))
        position += 1
    return position


def fuzzy_prefix(target: str, window: str, lead: int = 10) -> tuple[float, int]:
    """How much of `target` occurs, in order, at the start of `window` (a few extra characters allowed),
    and where in `window` the match ends."""
    position, matched, end = 0, 0, 0
    for char in target:
        found = window.find(char, position, position + (lead if matched == 0 else 3) + 1)
        if found < 0:
            continue
        matched += 1
        position = end = found + 1
    return (matched / len(target) if target else 0.0), end


def find_title(head: str, text: str) -> Title:
    """The title in the text before the first heading: body, year, and what is wrong with it."""
    squeezed, places = _squeezed(head[:600])
    problems: list[str] = []
    if _GARBLED.search(squeezed[:80]):
        problems.append("标题有乱码")
    for match in _YEAR_TITLE.finditer(squeezed[:200]):
        if _standalone(match, squeezed, places, head):
            body = _body_name(match.group(3) or match.group(1))
            if not body:
                problems.append("标题缺少机关名称")
            return Title(match.group(0), body, int(match.group(2)), tuple(problems))
    for match in _NO_YEAR_TITLE.finditer(squeezed[:200]):
        if _standalone(match, squeezed, places, head):
            problems.append("标题缺少报告年度")
            return Title(match.group(0), _body_name(match.group(1)), _year(text), tuple(problems))
    near = re.search(r"[^，。：:；;《》]{4,40}报告", squeezed[:120])
    if near and not near.group(0).endswith(TITLE_WORDS) and \
            fuzzy_prefix(TITLE_WORDS, near.group(0)[-16:], lead=6)[0] >= 0.6:
        problems.append(f"标题“{near.group(0)}”与规范写法“机关名称+年度+{TITLE_WORDS}”不符")
        return Title(near.group(0), None, _year(text), tuple(problems))
    problems.append("正文开头没有报告标题")
    quoted = _quoted_title(head)
    if quoted:
        return Title(None, quoted[0], quoted[1], tuple(problems))
    return Title(None, frequent_name(text), _year(text), tuple(problems))


def _squeezed(text: str) -> tuple[str, list[int]]:
    """The text without white space, and where each of its characters stands in `text`."""
    places = [i for i, c in enumerate(text) if not c.isspace()]
    return "".join(text[i] for i in places), places


def _standalone(match: re.Match[str], squeezed: str, places: list[int], head: str) -> bool:
    """Whether a title-like match is the report's own title line, not a notice cited in the preface."""
    before = squeezed[:match.start()]
    if before.count("《") > before.count("》") or before.count("<") > before.count(">"):
        return False
    if re.search(r"关于|印发|编制|公布|通知|做好|根据|按照|现将", match.group(0).split("政府信息公开")[0]):
        return False
    after = places[match.end() - 1] + 1
    return after >= len(head) or head[after].isspace() or squeezed.startswith(PREFACE_STARTS, match.end())


def _quoted_title(head: str) -> tuple[str | None, int] | None:
    """A title named inside 《》 in the preface (「现编制形成了《西柳镇人民政府2023年…》」), not a notice."""
    for inner in re.findall(r"《([^《》]{6,60})》", re.sub(r"\s+", "", head)):
        match = _YEAR_TITLE.fullmatch(inner)
        if match and not re.search(r"关于|通知|印发|编制|公布", inner):
            return _body_name(match.group(3) or match.group(1)), int(match.group(2))
    return None


def _body_name(raw: str) -> str | None:
    name = CHROME.sub("", raw).strip("（）() ")
    return name if len(name) >= 2 else None


def _year(text: str) -> int | None:
    period = re.search(r"((?:19|20)\d{2})\s*年\s*0?1\s*月\s*0?1\s*日", text[:6000])
    if period:
        return int(period.group(1))
    years = Counter(re.findall(r"((?:19|20)\d{2})\s*年", text[:6000]))
    return int(years.most_common(1)[0][0]) if years else None


def frequent_name(text: str) -> str | None:
    """The place name the text repeats most (「平潭综合实验区」), for a report printed without its title."""
    sample = text[:20000]
    counts: Counter[str] = Counter()
    for match in re.finditer(r"[区县镇乡市](?![委政])", sample):
        end, size = match.end(), 2
        while size < 12 and end - size - 1 >= 0 and _CJK.match(sample[end - size - 1]):
            longer = sample[end - size - 1:end]
            if sample.count(longer) < 3:
                break
            size += 1
        if size >= 4:
            counts[sample[end - size:end]] += 1
    if not counts:
        return None
    name, seen = counts.most_common(1)[0]
    return name if seen >= 3 and not name.startswith(("我", "全", "本", "各")) else None


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
    if body.startswith(("国务院", "国家")) or re.fullmatch(r"[\u4e00-\u9fff]{1,8}部", body):
        return "国务院部门"
    if provincial and not re.search(r"[市县区镇乡]", body[provincial.end():].split("人民政府")[0]):
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


def _preface(head: str, title: Title) -> str:
    """The text before the first heading, without the title."""
    if title.printed:
        wanted = max(0, re.sub(r"\s+", "", head).find(title.printed)) + len(title.printed)
        seen = 0
        for position, char in enumerate(head):
            if seen == wanted:
                return head[position:].strip()
            seen += not char.isspace()
        return ""
    return head.strip()


def unwrap(text: str) -> str:
    """A paragraph whose lines were broken by PDF extraction, joined again; paragraph breaks, list items
    and sub-headings stay on their own lines."""
    return _WRAPPED.sub("", text)


def stated_parts(preface: str) -> int | None:
    """The number of parts the preface says the report has (「…等六个部分」), if it says one."""
    match = re.search(r"(?:共|等|分为|包括|由)?([一二三四五六七八九十]|\d{1,2})个?(?:部分|方面|章节)",
                      re.sub(r"\s+", "", preface))
    if match is None:
        return None
    value = match.group(1)
    return int(value) if value.isdigit() else SUBSECTION_NUMERALS.index(value) + 1


def contact(preface: str) -> Contact:
    """The contact details a preface gives: department, address, postcode, phone, e-mail."""
    flat = re.sub(r"\s+", "", preface)
    department = re.search(r"请与([^，。；;（(]{2,30}?)联系", flat)
    address = re.search(r"地址[：:]([^，,。；;）)]{4,60})", flat)
    postcode = re.search(r"邮编[：:]?(\d{6})", flat)
    phone = re.search(r"(?:电话|传真)[^：:\d]{0,4}[：:]?((?:\d{3,4}[-－—])?\d{7,8})", flat)
    email = re.search(r"([\w.+-]+@[\w-]+(?:\.[\w-]+)+)", flat, re.ASCII)
    return Contact(department=department and department.group(1), address=address and address.group(1),
                   postcode=postcode and postcode.group(1), phone=phone and phone.group(1),
                   email=email and email.group(1))


def parts_of_overview(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Section 一 as its opening and its numbered parts 「（一）…」, each as (title, text)."""
    marks: list[re.Match[str]] = []
    for match in re.finditer(r"[（(][ \t]*([一二三四五六七八九十])[ \t]*[)）]", text):
        expected = SUBSECTION_NUMERALS[len(marks)] if len(marks) < len(SUBSECTION_NUMERALS) else ""
        before = text[match.start() - 1] if match.start() else "\n"
        if match.group(1) == expected and before != "第":
            marks.append(match)
    opening = text[:marks[0].start()].strip() if marks else text.strip()
    parts = []
    for number, mark in enumerate(marks):
        stop = marks[number + 1].start() if number + 1 < len(marks) else len(text)
        parts.append(_titled(text[mark.end():stop]))
    return opening, parts


def _titled(part: str) -> tuple[str, str]:
    part = part.lstrip(" \t")
    line = part.split("\n", 1)[0]
    cut = re.search(r"[。：:；;！!？?]|\s", line)
    title = line[:cut.start()] if cut else line
    if len(title) > 20:
        title = re.split(r"[，,（(\d]", title, maxsplit=1)[0][:20]
    rest = part[len(title):].lstrip("。：:；; \t\n")
    return title.strip(), rest.strip()
