"""Provides the contact questions of 基本信息 and their combined answer: every field a message names, in one go."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from sections.interview.questions import Question, text_question
from sections.model.errors import AnswerError
from sections.model.ids import QuestionId
from sections.model.meta import SECTION
from sections.model.report import Report
from sections.model.text import clean_text
from sections.store.drafts import InterviewState


def _check_phone(value: str) -> str | None:
    return None if sum(c.isdigit() for c in value) >= 7 else "联系电话至少应有 7 位数字，如 0372-2628532。"


def _check_email(value: str) -> str | None:
    if re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
        return None
    return "电子邮箱格式不对，应像 name@example.gov.cn；没有请答“无”。"


def _check_postcode(value: str) -> str | None:
    return None if re.fullmatch(r"\d{6}", value) else "邮编应是 6 位数字，如 455000；没有请答“无”。"


@dataclass(frozen=True)
class Field:
    """One contact question: where its answer goes, how it is asked and checked, and the words naming it."""

    id: QuestionId
    field: str
    name: str
    prompt: str
    help: str
    optional: bool
    check: Callable[[str], str | None] | None
    labels: tuple[str, ...]
    """What a clerk writes before this field in a combined answer (「电话0372-2628532」)."""
    one_word: bool
    """A value without separators inside (a number, an address of e-mail): text after 「，」 is not part of it."""


FIELDS = (
    Field(
        QuestionId.META_DEPARTMENT,
        "department",
        "承办科室",
        "承办科室（报告的联系部门），如：党政办。可以一起写联系方式，如“党政办，电话0372-2628532，"
        "邮箱bbz@163.com，地址白璧镇人民路1号，邮编455000”。",
        "读者对报告有疑问时联系的科室，写入报告导语。",
        False,
        None,
        ("承办科室", "联系科室", "承办部门", "联系部门"),
        False,
    ),
    Field(
        QuestionId.META_PHONE,
        "phone",
        "联系电话",
        "联系电话？",
        "写入导语的联系电话，如 0372-2628532。",
        False,
        _check_phone,
        ("联系电话", "电话"),
        True,
    ),
    Field(
        QuestionId.META_EMAIL,
        "email",
        "电子邮箱",
        "电子邮箱？（没有请答“无”）",
        "写入导语的电子邮箱。",
        True,
        _check_email,
        ("电子邮箱", "电子邮件", "邮箱"),
        True,
    ),
    Field(
        QuestionId.META_ADDRESS,
        "address",
        "通讯地址",
        "通讯地址？（没有请答“无”）",
        "写入导语的通讯地址。",
        True,
        None,
        ("通讯地址", "通信地址", "联系地址", "地址"),
        False,
    ),
    Field(
        QuestionId.META_POSTCODE,
        "postcode",
        "邮政编码",
        "邮政编码？（没有请答“无”）",
        "6 位数字。",
        True,
        _check_postcode,
        ("邮政编码", "邮编"),
        True,
    ),
)
"""The contact questions in asking order."""

_SEPARATORS = " \t\n，,；;、。（）()"
"""What may stand before a field's label, and around its value."""
_LABEL = re.compile(
    rf"(?<![^{_SEPARATORS}])("
    + "|".join(sorted((label for f in FIELDS for label in f.labels), key=len, reverse=True))
    + ")[：:]?"
)
_BY_LABEL = {label: f for f in FIELDS for label in f.labels}


def _parts(own: Field, text: str) -> tuple[list[tuple[Field, str]], list[str]]:
    """The (field, raw value) pairs a message names, and what in it belongs to no field."""
    found = list(_LABEL.finditer(text))
    starts = [(0, 0, own)] if found and text[: found[0].start()].strip(_SEPARATORS) else []
    starts += [(m.start(), m.end(), _BY_LABEL[m.group(1)]) for m in found]
    parts: list[tuple[Field, str]] = []
    stray: list[str] = []
    for i, (_, begin, field) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        raw = text[begin:end].strip(_SEPARATORS)
        cut = re.search(r"[，,；;、]", raw) if field.one_word else None
        if cut:
            stray.append(raw[cut.end() :].strip(_SEPARATORS))
            raw = raw[: cut.start()]
        parts.append((field, raw))
    return parts, [s for s in stray if s]


def _asked(field: Field) -> Question:
    """The question for one field alone, as it was before answers could name several."""
    return text_question(
        field.id,
        SECTION,
        field.prompt,
        field.help,
        lambda report: getattr(report.meta.contact, field.field),
        lambda report, value: setattr(report.meta.contact, field.field, value),
        optional=field.optional,
        check=field.check,
    )


_ALONE = {field.id: _asked(field) for field in FIELDS}


def _take_parts(own: Field, report: Report, state: InterviewState, text: str) -> str:
    """Fill every field a message names, each taken by its own question; say what was kept and what was not."""
    parts, stray = _parts(own, text)
    named = [field for field, _ in parts]
    taken, refused = [], [f"“{s}”不知道是哪一项，没有记录。" for s in stray]
    for field, raw in parts:
        if named.count(field) > 1:
            refused.append(f"{field.name}写了 {named.count(field)} 次，没有记录。")
            continue
        if not raw:  # 「地址、邮编455000」: the address is not said to be none, it is not said at all
            none = f"；没有请写“{field.labels[-1]}无”" if field.optional else ""
            refused.append(f"{field.name}后面没有写内容，没有记录{none}。")
            continue
        try:
            _ALONE[field.id].take(report, state, raw)
        except AnswerError as err:
            refused.append(f"{field.name}“{raw}”没有记录：{err.message}")
            continue
        taken.append(f"{field.name} {getattr(report.meta.contact, field.field) or '无'}")
    if not taken:
        raise AnswerError("\n".join(refused))
    return "\n".join(["已记录：" + "；".join(taken) + "。", *refused])


def question(own: Field) -> Question:
    """One contact question; an answer naming other fields (「党政办，电话…，邮箱…」) fills each of them too.

    After such an answer this question is asked again only when its own part was missing or refused.
    """
    alone = _ALONE[own.id]

    def take(report: Report, state: InterviewState, text: str) -> str:
        text = clean_text(text)
        return _take_parts(own, report, state, text) if _LABEL.search(text) else alone.take(report, state, text)

    def again(report: Report, state: InterviewState) -> QuestionId | None:
        return None if alone.filled(report, state) else own.id

    return replace(alone, take=take, leads_to=again)
