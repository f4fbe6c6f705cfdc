"""Provides one test per kind of failure seen on real reports the project had not seen (issue 17).

Each test reads an invented report of the same shape as the one that failed: blank cells in their
columns, labels printed apart from their figures, figures run together, one cell per line closed by
「|」, a web page whose headings are split by markup, a report that names itself only as 「我镇」, and a
narrative listing outcomes.
"""

from __future__ import annotations

from pathlib import Path

from sections.model.findings import Finding, Severity
from sections.model.tables import THREE
from sections.reading.files import file_text
from sections.reading.reader import Reading, read_text
from sections.reading.structure import check_imported

TITLE = "青禾镇人民政府2024年政府信息公开工作年度报告"
PREFACE = (
    "本报告依据《中华人民共和国政府信息公开条例》编制，由总体情况、主动公开政府信息情况、收到和处理政府信息公开"
    "申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。"
)
OVERVIEW = (
    "（一）主动公开\n及时公开政策文件。\n（二）依申请公开\n依法答复申请。\n（三）政府信息管理\n规范发布审核。\n"
    "（四）政府信息公开平台建设\n优化网站栏目。\n（五）监督保障\n纳入年度考核。"
)
TABLE2 = (
    "第二十条第（一）项\t\t\t\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n"
    "行政规范性文件\t2\t0\t5\n第二十条第（五）项\t\t\t\n信息内容\t本年处理决定数量\t\t\n行政许可\t31\t\t\n"
    "第二十条第（六）项\t\t\t\n信息内容\t本年处理决定数量\t\t\n行政处罚\t4\t\t\n行政强制\t0\t\t\n"
    "第二十条第（八）项\t\t\t\n信息内容\t本年收费金额（单位：万元）\t\t\n行政事业性收费\t0\t\t"
)
ROWS3 = {
    "new": [11, 1, 0, 0, 0, 0, 12],
    "carry_in": [0, 0, 0, 0, 0, 0, 0],
    "r_open": [7, 0, 0, 0, 0, 0, 7],
    "d_3rd": [1, 0, 0, 0, 0, 0, 1],
    "u_nothold": [3, 1, 0, 0, 0, 0, 4],
    "u_create": [1, 0, 0, 0, 0, 0, 1],
    "total": [12, 1, 0, 0, 0, 0, 13],
    "carry_out": [0, 0, 0, 0, 0, 0, 0],
}
"""The applications of the invented report (rows not named are zeros); one too many handled in 总计."""
HEADER3 = (
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t申请人情况\t\t\t\t\t\t\n"
    "\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t"
)
HEADER4 = (
    "行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t\n"
    "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t\n"
    "\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计"
)
FIVE = "一是主动公开的深度不够。二是改进情况：加强培训，丰富解读形式。"
SIX = "本年度未收取信息处理费。"


def cells3(key: str) -> list[int]:
    """A row of the invented table 三."""
    return ROWS3.get(key, [0] * 7)


def table3_tabs() -> str:
    """Table 三 as a Word table pasted as text: three label columns, seven figure columns."""
    lines = [HEADER3]
    for row in THREE.rows:
        figures = "\t".join(map(str, cells3(row.key)))
        lines.append(f"{row.label}\t\t\t{figures}" if row.group is None else f"\t\t{row.label}\t{figures}")
    return "\n".join(lines)


def report(
    *,
    title: str = TITLE,
    preface: str = PREFACE,
    overview: str = OVERVIEW,
    table2: str = TABLE2,
    table3: str | None = None,
    table4: str = HEADER4 + "\n" + "\t".join(["0"] * 15),
) -> str:
    """The invented township report, with any part replaced."""
    return "\n".join(
        [
            title,
            preface,
            "一、总体情况",
            overview,
            "二、主动公开政府信息情况",
            table2,
            "三、收到和处理政府信息公开申请情况",
            table3_tabs() if table3 is None else table3,
            "四、政府信息公开行政复议、行政诉讼情况",
            table4,
            "五、存在的主要问题及改进情况",
            FIVE,
            "六、其他需要报告的事项",
            SIX,
        ]
    )


def read(text: str) -> tuple[Reading, list[Finding]]:
    """The reading of a text and every finding `nianbao check` reports on it."""
    reading = read_text(text)
    return reading, check_imported(reading)


def rules(findings: list[Finding], rule: str) -> list[str]:
    """Where a rule fired."""
    return [f.where for f in findings if f.rule == rule]


# 1. Blank cells keep their column ------------------------------------------------------------------


def test_blank_cells_separated_by_tabs_stay_in_their_columns() -> None:
    """A tab-separated row 「58⇥4⇥⇥⇥1⇥2⇥」 keeps its blanks: 58 and 4 in the first columns, C1 for the blanks."""
    text = report().replace(
        "一、本年新收政府信息公开申请数量\t\t\t11\t1\t0\t0\t0\t0\t12",
        "一、本年新收政府信息公开申请数量\t\t\t58\t4\t\t\t1\t2\t",
    )
    text = text.replace("\t".join(["0"] * 15), "2\t\t\t1\t3\t5\t\t\t1\t6\t\t\t\t\t")
    reading, findings = read(text)
    assert reading.report.requests.rows["new"] == [58, 4, "", "", 1, 2, ""]
    assert reading.report.appeals.cells == [2, "", "", 1, 3, 5, "", "", 1, 6, "", "", "", "", ""]
    assert {"表三", "表四"} <= {f.where for f in findings if f.rule == "C1"}
    assert not rules(findings, "R1")


def test_a_row_of_blanks_and_a_total_between_bars_is_read() -> None:
    """「| 四、结转下年度继续办理 |  |  |  |  |  |  | 0 |」 is six blank cells and a 总计 of 0, not nothing."""
    lines = ["| " + " | ".join(c or " " for c in line.split("\t")) + " |" for line in table3_tabs().split("\n")]
    lines[-1] = "| 四、结转下年度继续办理 |  |  |  |  |  |  | 0 |"
    reading, findings = read(report(table3="\n".join(lines)))
    assert reading.report.requests.rows["carry_out"] == ["", "", "", "", "", "", 0]
    assert reading.report.requests.rows["new"] == cells3("new")
    assert not rules(findings, "R1")


# 2. Labels apart from their figures ------------------------------------------------------------------


def _labels_apart(rows: list[tuple[str, list[int]]]) -> str:
    labels = "\n".join(label for label, _ in rows if label)
    figures = "\n".join(" ".join(map(str, cells)) for _, cells in rows)
    return (
        "申请人情况\n自然人\n法人或其他组织\n总计\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n"
        + labels
        + "\n"
        + figures
    )


def test_figure_rows_printed_apart_from_their_labels_are_placed_by_order() -> None:
    """A PDF's label block then its figure rows (one label lost): every row gets its own figures by order."""
    rows = [(r.label, cells3(r.key)) for r in THREE.rows]
    rows[4] = ("", rows[4][1])  # 1.属于国家秘密 lost in extraction
    reading, findings = read(report(table3=_labels_apart(rows)))
    assert reading.report.requests.rows == {r.key: cells3(r.key) for r in THREE.rows}
    assert not rules(findings, "R1")


def test_a_figure_row_missing_from_the_block_leaves_rows_open_not_shifted() -> None:
    """With one figure row fewer than labels, no row is given another row's figures: they are left open (R1)."""
    rows = [(r.label, cells3(r.key)) for r in THREE.rows]
    del rows[6]
    reading, findings = read(report(table3=_labels_apart(rows)))
    for key, cells in reading.report.requests.rows.items():
        assert all(v is None or v == w for v, w in zip(cells, cells3(key), strict=True)), key
    assert rules(findings, "R1")


# 3. Figures run together ----------------------------------------------------------------------------


def _flat(text: str) -> str:
    return text.replace("\t", "").replace("\n", "")


def test_runs_of_digits_with_one_cut_are_cut() -> None:
    """「000」 and 「666」 for three cells, 「00 00000」 for a row of zeros: each has one cut, and it is made."""
    table2 = TABLE2.replace("规章\t0\t0\t0", "规章\t000").replace("行政规范性文件\t2\t0\t5", "行政规范性文件\t666")
    table3 = table3_tabs().replace("1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0", "1.属于国家秘密\t00 00000")
    reading, findings = read(_flat(report(table2=table2, table3=table3)))
    assert reading.report.disclosure.rules == [0, 0, 0]
    assert reading.report.disclosure.normative == [6, 6, 6]
    assert reading.report.requests.rows["d_secret"] == [0] * 7
    assert reading.text_layout == "flattened"


def test_a_signed_change_is_a_cell_boundary() -> None:
    """2019's 「行政许可231+4235」: 231 is 上一年项目数量; the rest cannot be cut one way and stays open (R1)."""
    table2 = (
        "第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可231+4235"
        "其他对外管理服务事项000第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章000"
    )
    reading, findings = read(_flat(report(table2=table2)).replace("2024", "2020"))
    trial = reading.report.disclosure.trial
    assert trial is not None and trial.rows["行政许可"] == [231, None, None]
    assert "表二 行政许可" in rules(findings, "R1")


def test_a_finding_every_cut_gives_is_reported() -> None:
    """「规章2312」 in a township's report: every cut makes 规章 non-zero, so T2-RULES is reported with a note."""
    reading, findings = read(_flat(report(table2=TABLE2.replace("规章\t0\t0\t0", "规章\t2312"))))
    assert reading.report.disclosure.rules == [None, None, None]
    (rule,) = [f for f in findings if f.rule == "T2-RULES"]
    assert rule.where == "表二 规章" and "拆分" in rule.message


def test_a_run_no_cut_adds_up_is_t3_row() -> None:
    """A row of table 三 whose digits add up however they are cut is T3-ROW, though its cells stay open."""
    table3 = table3_tabs().replace("（一）予以公开\t7\t0\t0\t0\t0\t0\t7", "（一）予以公开\t12\t0\t0\t0\t0\t0\t9")
    reading, findings = read(_flat(report(table3=table3)))
    assert "表三 行[（一）予以公开]" in rules(findings, "T3-ROW")


# 4. One cell per line, rows closed by 「|」 ---------------------------------------------------------------


def test_one_cell_per_line_closed_by_a_bar_is_read() -> None:
    """「规章|」 then 0, 0, 4 on their own lines and a line 「|」: the figures are read, 「规章|」 is no misspelling."""
    table2 = (
        "第二十条第（一）项|\n|\n信息内容|\n本年制发件数\n本年废止件数\n现行有效件数\n|\n规章|\n0\n0\n4\n|\n"
        "行政规范性文件|\n3\n\n5\n|\n第二十条第（五）项|\n|\n信息内容|\n本年处理决定数量\n|\n行政许可|\n31\n|\n"
        "第二十条第（六）项|\n|\n行政处罚|\n4\n|\n行政强制|\n0\n|\n第二十条第（八）项|\n|\n行政事业性收费|\n0\n|"
    )
    reading, findings = read(report(table2=table2))
    assert reading.report.disclosure.rules == [0, 0, 4]
    assert reading.report.disclosure.normative == [3, "", 5]
    assert reading.report.disclosure.permits == 31
    assert not rules(findings, "L1") and not rules(findings, "R1")
    assert "表二 规章" in rules(findings, "T2-RULES")


# 5. Headings split by markup ----------------------------------------------------------------------------


def _page(text: str) -> str:
    out = []
    for line in text.split("\n"):
        if line.startswith("五、"):
            out.append("<p><span>五、存在的主要问题及</span><span style='font-family:黑体'>改进情况</span></p>")
        elif "\t" in line:
            out.append("<tr>" + "".join(f"<td><p><span>{c}</span></p></td>" for c in line.split("\t")) + "</tr>")
        else:
            out.append(f"<p><span>{line}</span></p>")
    return "\n".join(out)


def test_a_saved_page_whose_heading_is_split_by_inline_tags_has_all_headings() -> None:
    """A page saved with its 「saved from」 comment, or its markup pasted into a .txt: no false S1."""
    markup = _page(report())
    for data, name in (
        (
            f"<!-- saved from url=(0040)http://www.qinghe.gov.cn/art/1.html -->\n<html><body>{markup}</body></html>",
            "r.htm",
        ),
        (f"<div class='article'>{markup}</div>", "r.txt"),
    ):
        reading, findings = read(file_text(data.encode("utf-8"), Path(name)))
        assert not rules(findings, "S1"), name
        assert (reading.report.improvements.text or "").startswith("一是")


def test_a_single_file_web_page_is_read() -> None:
    """A page saved as one file (.mht, quoted-printable) reads like the page itself."""
    import quopri

    html = f"<html><body>{_page(report())}</body></html>".encode()
    mht = (
        b'MIME-Version: 1.0\nContent-Type: multipart/related; boundary="b"\n\n--b\n'
        b'Content-Type: text/html; charset="utf-8"\nContent-Transfer-Encoding: quoted-printable\n\n'
        + quopri.encodestring(html)
        + b"\n--b--\n"
    )
    reading, findings = read(file_text(mht, Path("r.mht")))
    assert not rules(findings, "S1") and reading.report.meta.body == "青禾镇人民政府"


# 6. Who wrote it --------------------------------------------------------------------------------------


def test_level_is_guessed_from_how_the_report_names_itself() -> None:
    """An excerpt with no title but 「我镇」 throughout is a 乡镇 (said as a guess), so 规章 0/0/4 is T2-RULES."""
    overview = OVERVIEW.replace("及时公开政策文件。", "我镇及时公开政策文件。").replace(
        "依法答复申请。", "我镇依法答复申请。"
    )
    text = report(title="", preface="", overview=overview, table2=TABLE2.replace("规章\t0\t0\t0", "规章\t0\t0\t4"))
    reading, findings = read(text)
    assert reading.report.meta.level == "乡镇街道"
    assert "表二 规章" in rules(findings, "T2-RULES")
    (guess,) = [f for f in findings if f.rule == "S5" and f.severity is Severity.INFO]
    assert "我镇" in guess.message and "推测" in guess.message


# 7. Narrative lists ------------------------------------------------------------------------------------


def test_a_list_of_outcomes_is_compared_item_by_item() -> None:
    """「同意公开答复7件，部分公开答复0件，不予公开答复1件…」 is compared row group by row group, not with the total."""
    said = "（二）依申请公开\n全年办结申请13件，其中同意公开答复7件，部分公开答复0件，不予公开答复1件，无法提供的5件。"
    _, findings = read(report(overview=OVERVIEW.replace("（二）依申请公开\n依法答复申请。", said)))
    assert not rules(findings, "N1")
    _, findings = read(
        report(overview=OVERVIEW.replace("（二）依申请公开\n依法答复申请。", said.replace("1件", "2件")))
    )
    (n1,) = [f for f in findings if f.rule == "N1"]
    assert "（三）不予公开" in n1.message and n1.severity is Severity.ERROR


def test_a_preface_naming_fewer_parts_than_it_counts_is_s4() -> None:
    """A 导语 saying 「六部分组成」 but naming five parts is S4."""
    _, findings = read(report(preface=PREFACE.replace("、其他需要报告的事项", "")))
    assert rules(findings, "S4") == ["导语"]
    _, findings = read(report())
    assert not rules(findings, "S4")
