#!/usr/bin/env python3
"""Generate the import fixtures for the 重点工作任务分解方案 (task decomposition plan) importer.

Run from the repository root (or anywhere):

    pip install openpyxl
    python3 Tests/Fixtures/import/make_fixtures.py

It (re)writes every fixture in this folder and `expected.json`, which says what a correct
importer must read from each file. The output is deterministic: workbook properties use fixed
dates and every .xlsx is re-packed with fixed ZIP entry timestamps, so running it twice gives
byte-identical files.

The tasks, leaders and unit assignments are ILLUSTRATIVE examples written in the style of a
county government work report (unit and place names are Yishui County's real divisions); they
are not the real 2023 Yishui task list, which is not public. The three rows quoted in
shared/DOMAIN.md ("Example rows from real published plans") are used verbatim in
inline-forms.xlsx.
"""

import csv
import datetime as dt
import io
import json
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook

OUT = Path(__file__).resolve().parent
YEAR = 2023
FIXED_TIME = dt.datetime(2023, 3, 6, 9, 0, 0)  # the plan was issued (印发) on 2023-03-06
ZIP_TIME = (2023, 3, 6, 9, 0, 0)

TITLE = "2023年县政府工作报告重点工作任务分解方案"
BASIC_HEADER = ["序号", "工作任务", "牵头县领导", "牵头单位", "配合单位", "完成时限"]

# ---------------------------------------------------------------------------------------------
# A small model: a sheet is a list of rows; each row is a Part, a Task, a Blank or a Raw row.
# Every Task carries both the cells that go into the file and what the importer must read.
# ---------------------------------------------------------------------------------------------


class Part:
    def __init__(self, raw, title, col=0):
        self.raw, self.title, self.col = raw, title, col


class Task:
    def __init__(self, cells, content, lead, coop=(), leaders=(), deadline=None, kind="phased"):
        self.cells = list(cells)  # one value per column, in header order
        self.expect = {
            "content": content,
            "kind": kind,
            "deadline": deadline,
            "leadUnits": list(lead),
            "cooperatingUnits": list(coop),
            "leaders": list(leaders),
        }


class Blank:
    pass


class Raw:
    """A row written as-is that is not a task (title, header) or is an error row."""

    def __init__(self, cells):
        self.cells = list(cells)


def build_expected(sheet_name, body):
    """Number parts and tasks the way the importer must: by order of appearance."""
    parts = []
    for row in body:
        if isinstance(row, Part):
            parts.append({"number": len(parts) + 1, "title": row.title, "tasks": []})
        elif isinstance(row, Task):
            if not parts:
                parts.append({"number": 1, "title": sheet_name, "tasks": []})
            part = parts[-1]
            task = {"number": f"{part['number']}.{len(part['tasks']) + 1}"}
            task.update(row.expect)
            part["tasks"].append(task)
    return {"year": YEAR, "parts": parts}


def rows_of(body, width):
    """Turn the body into plain lists of cell values (None = empty cell)."""
    out = []
    for row in body:
        if isinstance(row, Part):
            cells = [None] * width
            cells[row.col] = row.raw
        elif isinstance(row, Blank):
            cells = [None] * width
        else:
            cells = list(row.cells) + [None] * (width - len(row.cells))
        out.append([None if c == "" else c for c in cells])
    return out


# ---------------------------------------------------------------------------------------------
# Writing files
# ---------------------------------------------------------------------------------------------


def new_workbook(sheet_name):
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_name
    p = wb.properties
    p.creator = "县政府督查室"
    p.lastModifiedBy = "县政府督查室"
    p.title = TITLE
    p.created = FIXED_TIME
    p.modified = FIXED_TIME
    return wb, ws


def put_rows(ws, rows, start_row=1):
    for r, cells in enumerate(rows, start=start_row):
        for c, value in enumerate(cells, start=1):
            if value is not None:
                ws.cell(row=r, column=c, value=value)


def set_widths(ws, widths):
    for letter, w in zip("ABCDEFGH", widths):
        ws.column_dimensions[letter].width = w


def save_stable(wb, path):
    """Save, then re-pack the ZIP with fixed timestamps and a fixed dcterms:modified."""
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + stamp.encode() + rb"\g<2>",
                    data,
                )
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = info.external_attr
            zi.create_system = 0
            dst.writestr(zi, data)
    path.write_bytes(out.getvalue())


def plan_sheet(path, sheet_name, header, body, title=TITLE, blank_after_title=True,
               merge_title=True, widths=None, after=None):
    """The common shape: optional title row, optional blank row, header row, body."""
    wb, ws = new_workbook(sheet_name)
    width = len(header)
    lead_rows = []
    if title is not None:
        lead_rows.append([title] + [None] * (width - 1))
        if blank_after_title:
            lead_rows.append([None] * width)
    lead_rows.append(list(header))
    put_rows(ws, lead_rows)
    first_body_row = len(lead_rows) + 1
    put_rows(ws, rows_of(body, width), start_row=first_body_row)
    if title is not None and merge_title:
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    set_widths(ws, widths or [6, 60, 12, 24, 30, 14][:width])
    if after:
        after(ws, first_body_row)
    save_stable(wb, path)
    return build_expected(sheet_name, body)


def write_csv(path, header, body, encoding, title=TITLE):
    width = len(header)
    rows = []
    if title is not None:
        rows.append([title] + [""] * (width - 1))
        rows.append([""] * width)
    rows.append(list(header))
    rows += [["" if c is None else str(c) for c in r] for r in rows_of(body, width)]
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\r\n").writerows(rows)  # Excel/WPS write CRLF
    path.write_bytes(buf.getvalue().encode(encoding))


# ---------------------------------------------------------------------------------------------
# The fixtures
# ---------------------------------------------------------------------------------------------

P1 = "主要预期目标"
P2 = "坚定不移抓项目、扩投资，增强经济发展后劲支撑"
P3 = "坚定不移壮产业、提能级，推动实体经济提质增效"
P4 = "坚定不移强基础、塑优势，打造乡村振兴沂水模式"
P5 = "坚定不移提品质、树形象，建设生态宜居秀美沂水"
P6 = "坚定不移惠民生、办实事，促进民生事业持续改善"
P7 = "坚定不移防风险、守底线，营造安全稳定发展环境"
P8 = "加强政府自身建设"

expected = {}


def T6(seq, content, leaders_cell, lead_cell, coop_cell, deadline_cell, *, lead, coop=(),
       leaders=(), deadline=None, kind="phased", expect_content=None):
    """A task row in the basic six-column layout."""
    return Task([seq, content, leaders_cell, lead_cell, coop_cell, deadline_cell],
                expect_content if expect_content is not None else content,
                lead, coop, leaders, deadline, kind)


def f_basic():
    body = [
        Part("一、" + P1, P1),
        T6(1, "地区生产总值增长6%左右。", "刘铭", "县发改局", "县统计局", "2023-12-31",
           lead=["县发改局"], coop=["县统计局"], leaders=["刘铭"], deadline="2023-12-31"),
        T6(2, "一般公共预算收入增长5%以上。", "王建华", "县财政局", "县税务局", "2023-12-31",
           lead=["县财政局"], coop=["县税务局"], leaders=["王建华"], deadline="2023-12-31"),
        T6(3, "规模以上工业增加值增长7%。", "张立军", "县工信局", "县统计局", "2023-12-31",
           lead=["县工信局"], coop=["县统计局"], leaders=["张立军"], deadline="2023-12-31"),
        T6(4, "城乡居民人均可支配收入分别增长5.5%、6.5%。", "王建华", "县人社局", "县农业农村局",
           "2023-12-31", lead=["县人社局"], coop=["县农业农村局"], leaders=["王建华"],
           deadline="2023-12-31"),
        Part("二、" + P2, P2),
        T6(5, "全年实施过亿元重点项目120个以上，完成投资260亿元。", "刘铭", "县发改局",
           "县投资促进中心、各乡镇（街道）", "2023-12-31",
           lead=["县发改局"], coop=["县投资促进中心", "各乡镇（街道）"], leaders=["刘铭"],
           deadline="2023-12-31"),
        T6(6, "争取地方政府专项债券资金15亿元以上。", "王建华", "县财政局", "县发改局",
           "2023-06-30", lead=["县财政局"], coop=["县发改局"], leaders=["王建华"],
           deadline="2023-06-30"),
        T6(7, "新建改造农村公路200公里，完成危桥改造12座。", "赵海涛", "县交通运输局",
           "县财政局、各乡镇（街道）", "2023-11-30",
           lead=["县交通运输局"], coop=["县财政局", "各乡镇（街道）"], leaders=["赵海涛"],
           deadline="2023-11-30"),
        T6(8, "加快县城北部综合客运枢纽建设，年内主体完工。", "赵海涛", "县交通运输局",
           "县自然资源局、县住建局", "2023-09-30",
           lead=["县交通运输局"], coop=["县自然资源局", "县住建局"], leaders=["赵海涛"],
           deadline="2023-09-30"),
    ]
    expected["basic.xlsx"] = plan_sheet(OUT / "basic.xlsx", "分解方案", BASIC_HEADER, body)


def f_parts_roman_parens():
    body = [
        Part("（一）" + P2, P2),
        T6("1.", "实施重大项目“攻坚突破年”行动，新开工亿元以上项目60个。", "刘铭", "县发改局",
           "县行政审批服务局", "2023-12-31",
           lead=["县发改局"], coop=["县行政审批服务局"], leaders=["刘铭"], deadline="2023-12-31"),
        T6("2.", "深入开展“双招双引”，全年引进过亿元项目40个以上。", "刘铭", "县投资促进中心",
           "县商务局", "2023-12-31",
           lead=["县投资促进中心"], coop=["县商务局"], leaders=["刘铭"], deadline="2023-12-31"),
        T6("3.", "完成新增建设用地报批3000亩。", "孙晓东", "县自然资源局", "县发改局",
           "2023-10-31",
           lead=["县自然资源局"], coop=["县发改局"], leaders=["孙晓东"], deadline="2023-10-31"),
        Part("（二）" + P3, P3),
        T6("(1)", "新增规模以上工业企业30家，高新技术企业20家。", "张立军", "县工信局",
           "县科技局", "2023-12-31",
           lead=["县工信局"], coop=["县科技局"], leaders=["张立军"], deadline="2023-12-31"),
        T6("(2)", "做强食品饮料产业集群，产业营收突破300亿元。", "张立军", "县工信局",
           "县市场监管局", "2023-12-31",
           lead=["县工信局"], coop=["县市场监管局"], leaders=["张立军"], deadline="2023-12-31"),
        T6("(3)", "实施技改项目50个，完成技改投资40亿元。", "张立军", "县工信局", "县发改局",
           "2023-11-30",
           lead=["县工信局"], coop=["县发改局"], leaders=["张立军"], deadline="2023-11-30"),
        T6("(4)", "新增省级“专精特新”中小企业10家。", "张立军", "县工信局", "", "2023-09-30",
           lead=["县工信局"], coop=[], leaders=["张立军"], deadline="2023-09-30"),
    ]
    expected["parts-roman-parens.xlsx"] = plan_sheet(
        OUT / "parts-roman-parens.xlsx", "Sheet1", BASIC_HEADER, body)


def f_parts_diyi():
    # 序号 restarts as "（一）"… in part one and runs on as 3, 4, 5 later: it must be ignored.
    body = [
        Part("第一部分 " + P1, P1),
        T6("（一）", "地区生产总值增长6%左右。", "刘铭", "县发改局", "县统计局", "2023-12-31",
           lead=["县发改局"], coop=["县统计局"], leaders=["刘铭"], deadline="2023-12-31"),
        T6("（二）", "固定资产投资增长10%。", "刘铭", "县发改局", "县统计局", "2023-12-31",
           lead=["县发改局"], coop=["县统计局"], leaders=["刘铭"], deadline="2023-12-31"),
        Part("第二部分：" + P2, P2),
        T6(3, "争取中央预算内投资和专项债券项目50个以上。", "王建华", "县发改局", "县财政局",
           "2023-06-30",
           lead=["县发改局"], coop=["县财政局"], leaders=["王建华"], deadline="2023-06-30"),
        T6(4, "实施城市更新项目15个。", "孙晓东", "县住建局", "县自然资源局", "2023-12-31",
           lead=["县住建局"], coop=["县自然资源局"], leaders=["孙晓东"], deadline="2023-12-31"),
        Part("第三部分:" + P4, P4),
        T6(5, "新建高标准农田5万亩。", "李红梅", "县农业农村局", "县财政局、县水利局",
           "2023-12-31", lead=["县农业农村局"], coop=["县财政局", "县水利局"],
           leaders=["李红梅"], deadline="2023-12-31"),
        T6(6, "培育市级以上农业产业化龙头企业5家。", "李红梅", "县农业农村局", "",
           "2023-10-31", lead=["县农业农村局"], leaders=["李红梅"], deadline="2023-10-31"),
    ]
    expected["parts-diyi.xlsx"] = plan_sheet(OUT / "parts-diyi.xlsx", "Sheet1", BASIC_HEADER, body)


def f_no_parts():
    # Header on row 1, no title, no part rows: everything is part 1, titled by the sheet name.
    # Leading numbering in the content text is stripped; "5G…" is not numbering.
    body = [
        T6(1, "1、城镇新增就业5000人以上。", "陈志强", "县人社局", "", "2023-12-31",
           lead=["县人社局"], leaders=["陈志强"], deadline="2023-12-31",
           expect_content="城镇新增就业5000人以上。"),
        T6(2, "(2)新建改扩建中小学、幼儿园8所。", "陈志强", "县教体局", "县财政局", "2023-08-31",
           lead=["县教体局"], coop=["县财政局"], leaders=["陈志强"], deadline="2023-08-31",
           expect_content="新建改扩建中小学、幼儿园8所。"),
        T6(3, "（三）县人民医院新院区投入使用。", "陈志强", "县卫健局", "县住建局", "2023-12-31",
           lead=["县卫健局"], coop=["县住建局"], leaders=["陈志强"], deadline="2023-12-31",
           expect_content="县人民医院新院区投入使用。"),
        T6(4, "4.完成老旧小区改造30个。", "孙晓东", "县住建局", "沂城街道、龙家圈街道",
           "2023-11-30", lead=["县住建局"], coop=["沂城街道", "龙家圈街道"],
           leaders=["孙晓东"], deadline="2023-11-30", expect_content="完成老旧小区改造30个。"),
        T6(5, "5G基站新建300个，实现乡镇以上区域全覆盖。", "张立军", "县工信局", "", "2023-09-30",
           lead=["县工信局"], leaders=["张立军"], deadline="2023-09-30"),
        T6(6, "新增城乡居民基本医疗保险参保人数2000人。", "陈志强", "县医保局", "", "2023-12-31",
           lead=["县医保局"], leaders=["陈志强"], deadline="2023-12-31"),
    ]
    expected["no-parts.xlsx"] = plan_sheet(OUT / "no-parts.xlsx", "重点任务", BASIC_HEADER, body,
                                           title=None)


def f_packed_units():
    body = [
        Part("一、" + P2, P2),
        T6(1, "统筹推进重点项目要素保障。", "刘铭、王建华", "县发改局、县财政局",
           "县自然资源局、县生态环境分局", "2023-12-31",
           lead=["县发改局", "县财政局"], coop=["县自然资源局", "县生态环境分局"],
           leaders=["刘铭", "王建华"], deadline="2023-12-31"),
        T6(2, "推进城乡建设用地增减挂钩。", "孙晓东", "县住建局，县自然资源局", "县农业农村局",
           "2023-12-31", lead=["县住建局", "县自然资源局"], coop=["县农业农村局"],
           leaders=["孙晓东"], deadline="2023-12-31"),
        T6(3, "开展道路交通安全综合整治。", "赵海涛", "县交通运输局;县公安局",
           "县应急局,各乡镇（街道）", "2023-09-30",
           lead=["县交通运输局", "县公安局"], coop=["县应急局", "各乡镇（街道）"],
           leaders=["赵海涛"], deadline="2023-09-30"),
        Part("二、" + P6, P6),
        T6(4, "推进医体融合，建设社区健康驿站20处。", "陈志强", "县教体局 县卫健局",
           "沂城街道　龙家圈街道", "2023-10-31",
           lead=["县教体局", "县卫健局"], coop=["沂城街道", "龙家圈街道"],
           leaders=["陈志强"], deadline="2023-10-31"),
        T6(5, "举办沂水消费季系列促消费活动。", "李红梅", "县商务局；县文旅局",
           "县财政局、县市场监管局；县融媒体中心", "2023-06-30",
           lead=["县商务局", "县文旅局"], coop=["县财政局", "县市场监管局", "县融媒体中心"],
           leaders=["李红梅"], deadline="2023-06-30"),
        T6(6, "完善“一老一小”服务体系，新建日间照料中心6处。", "陈志强 , 李红梅",
           " 县民政局、 ", "县卫健局、、县医保局", "2023-12-31",
           lead=["县民政局"], coop=["县卫健局", "县医保局"], leaders=["陈志强", "李红梅"],
           deadline="2023-12-31"),
    ]
    expected["packed-units.xlsx"] = plan_sheet(OUT / "packed-units.xlsx", "Sheet1", BASIC_HEADER,
                                               body)


def f_inline_forms():
    header = ["序号", "工作任务"]

    def I(seq, text, content, lead, coop=(), leaders=()):
        return Task([seq, text], content, lead, coop, leaders, None, "phased")

    body = [
        Part("一、" + P1, P1),
        I(1, "1.努力实现地区生产总值增长6.2%左右。 牵头单位:区发改局 责任单位:立山经济开发区,"
             "全区经济运行各专班",
          "努力实现地区生产总值增长6.2%左右。", ["区发改局"],
          ["立山经济开发区", "全区经济运行各专班"]),
        I(2, "1.地区生产总值增长8%以上。(责任领导:杜新国;牵头单位:区发改局)",
          "地区生产总值增长8%以上。", ["区发改局"], leaders=["杜新国"]),
        I(3, "一般公共预算收入增长5%以上。（责任领导：王建华；牵头单位：县财政局；配合单位：县税务局）",
          "一般公共预算收入增长5%以上。", ["县财政局"], ["县税务局"], ["王建华"]),
        Part("二、" + P3, P3),
        I(4, "（一）加快建设东部、花都、南沙三大汽车产业基地。(牵头单位:市经贸委;配合单位:"
             "市发改委、国土房管局、外经贸局、规划局)",
          "加快建设东部、花都、南沙三大汽车产业基地。", ["市经贸委"],
          ["市发改委", "国土房管局", "外经贸局", "规划局"]),
        I(5, "（二）新增规模以上工业企业30家。（牵头单位：县工信局；配合单位：县统计局、县市场监管局）",
          "新增规模以上工业企业30家。", ["县工信局"], ["县统计局", "县市场监管局"]),
        I(6, "(3)推进县城更新（含老旧小区改造30个）。(牵头单位:县住建局)",
          "推进县城更新（含老旧小区改造30个）。", ["县住建局"]),
        I(7, "4、实施义务教育学校建设工程。(责任单位:县教体局)",
          "实施义务教育学校建设工程。", ["县教体局"]),
        I(8, "建设智慧农业示范园区3处。牵头单位：县农业农村局 配合单位：县科技局、马站镇、高桥镇",
          "建设智慧农业示范园区3处。", ["县农业农村局"], ["县科技局", "马站镇", "高桥镇"]),
    ]
    expected["inline-forms.xlsx"] = plan_sheet(OUT / "inline-forms.xlsx", "Sheet1", header, body,
                                               widths=[6, 110])


def f_merged_cells():
    # Rows: 1 title (merged A1:F1), 2 blank, 3 header, 4 part, 5-7 tasks, 8 part, 9-12 tasks.
    body = [
        Part("一、" + P4, P4),
        T6(1, "新建高标准农田5万亩。", "李红梅", "县农业农村局", "县财政局、县水利局", "2023-12-31",
           lead=["县农业农村局"], coop=["县财政局", "县水利局"], leaders=["李红梅"],
           deadline="2023-12-31"),
        T6(2, "粮食播种面积稳定在110万亩以上。", None, "县农业农村局", "各乡镇（街道）", None,
           lead=["县农业农村局"], coop=["各乡镇（街道）"], leaders=["李红梅"],
           deadline="2023-12-31"),
        T6(3, "实施农村供水保障工程，改造供水管网300公里。", None, "县水利局", "县财政局",
           "2023-10-31", lead=["县水利局"], coop=["县财政局"], leaders=["李红梅"],
           deadline="2023-10-31"),
        Part("二、" + P5, P5),
        T6(4, "完成老旧小区改造30个。", "孙晓东", "县住建局", "沂城街道", "2023-11-30",
           lead=["县住建局"], coop=["沂城街道"], leaders=["孙晓东"], deadline="2023-11-30"),
        T6(5, "新建改造城市道路10条。", "孙晓东", None, "县交通运输局", "2023-11-30",
           lead=["县住建局"], coop=["县交通运输局"], leaders=["孙晓东"], deadline="2023-11-30"),
        T6(6, "PM2.5平均浓度控制在37微克/立方米以内。", "赵海涛", "县生态环境分局",
           "县住建局、县交通运输局", "2023-12-31",
           lead=["县生态环境分局"], coop=["县住建局", "县交通运输局"], leaders=["赵海涛"],
           deadline="2023-12-31"),
        T6(7, "创建省级美丽乡村示范村5个。", "赵海涛", "县农业农村局", "", "2023-12-31",
           lead=["县农业农村局"], leaders=["赵海涛"], deadline="2023-12-31"),
    ]

    def merge(ws, first):
        ws.merge_cells(f"C{first + 1}:C{first + 3}")  # 牵头县领导 over tasks 1-3 (rows 5-7)
        ws.merge_cells(f"F{first + 1}:F{first + 2}")  # 完成时限 over tasks 1-2 (rows 5-6)
        ws.merge_cells(f"D{first + 5}:D{first + 6}")  # 牵头单位 over tasks 4-5 (rows 9-10)

    expected["merged-cells.xlsx"] = plan_sheet(OUT / "merged-cells.xlsx", "Sheet1", BASIC_HEADER,
                                               body, after=merge)


def f_merged_part_headers():
    # Part titles merged across A:F, as offices usually lay them out. A horizontal merge covers
    # one row, so the row still has a single non-empty cell and is a part row.
    body = [
        Part("一、" + P7, P7),
        T6(1, "安全生产事故起数、死亡人数实现“双下降”。", "赵海涛", "县应急局", "县直有关部门",
           "2023-12-31", lead=["县应急局"], coop=["县直有关部门"], leaders=["赵海涛"],
           deadline="2023-12-31"),
        T6(2, "完成城镇燃气管道老化更新改造80公里。", "孙晓东", "县住建局", "", "2023-10-31",
           lead=["县住建局"], leaders=["孙晓东"], deadline="2023-10-31"),
        Part("二、" + P8, P8),
        T6(3, "政务服务事项“一网通办”率达到95%以上。", "王建华", "县行政审批服务局",
           "县大数据中心", "2023-06-30", lead=["县行政审批服务局"], coop=["县大数据中心"],
           leaders=["王建华"], deadline="2023-06-30"),
        T6(4, "办理人大代表建议、政协提案办结率100%。", "王建华", "县政府办公室", "", "2023-09-30",
           lead=["县政府办公室"], leaders=["王建华"], deadline="2023-09-30"),
    ]

    def merge(ws, first):
        ws.merge_cells(f"A{first}:F{first}")          # part 一 (row 4)
        ws.merge_cells(f"A{first + 3}:F{first + 3}")  # part 二 (row 7)

    expected["merged-part-headers.xlsx"] = plan_sheet(
        OUT / "merged-part-headers.xlsx", "Sheet1", BASIC_HEADER, body, after=merge)


DEADLINE_FORMS = [
    # (cell text, expected ISO date)
    ("2023年6月底前", "2023-06-30"),
    ("9月底前", "2023-09-30"),
    ("2月底前", "2023-02-28"),
    ("2023年11月底前", "2023-11-30"),
    ("年底前", "2023-12-31"),
    ("年内", "2023-12-31"),
    ("12月底前", "2023-12-31"),
    ("第一季度", "2023-03-31"),
    ("上半年", "2023-06-30"),
    ("三季度末", "2023-09-30"),
    ("第三季度", "2023-09-30"),
    ("2023/6/30", "2023-06-30"),
    ("2023年6月30日", "2023-06-30"),
    ("2023-04-30", "2023-04-30"),
]

DEADLINE_TASKS = [
    ("完成2022年度财政决算编制。", "王建华", "县财政局"),
    ("启动县城南部片区控制性详细规划修编。", "孙晓东", "县自然资源局"),
    ("制定年度重点项目推进计划。", "刘铭", "县发改局"),
    ("完成沂河综合治理二期工程主体。", "李红梅", "县水利局"),
    ("农村生活污水治理率达到45%。", "赵海涛", "县生态环境分局"),
    ("新增市场主体8000户。", "王建华", "县市场监管局"),
    ("出台促进民营经济高质量发展若干措施。", "刘铭", "县工信局"),
    ("完成春季植树造林1.5万亩。", "李红梅", "县自然资源局"),
    ("完成城乡居民医保集中参保工作。", "陈志强", "县医保局"),
    ("完成第五次全国经济普查单位清查。", "刘铭", "县统计局"),
    ("完成秋粮收购质量抽检。", "李红梅", "县发改局"),
    ("完成县级国有企业改革三年行动收尾。", "王建华", "县财政局"),
    ("完成半年经济运行分析。", "刘铭", "县发改局"),
    ("完成汛前水利工程安全检查。", "李红梅", "县水利局"),
]


def f_deadlines_text():
    body = [Part("一、" + P2, P2)]
    for i, ((text, iso), (content, leader, lead)) in enumerate(zip(DEADLINE_FORMS, DEADLINE_TASKS),
                                                               start=1):
        if i == 8:
            body.append(Part("二、" + P3, P3))
        body.append(T6(i, content, leader, lead, "", text, lead=[lead], leaders=[leader],
                       deadline=iso))
    expected["deadlines-text.xlsx"] = plan_sheet(OUT / "deadlines-text.xlsx", "Sheet1",
                                                 BASIC_HEADER, body)


def f_deadlines_excel_dates():
    body = [
        Part("一、" + P5, P5),
        T6(1, "完成县城雨污分流改造20公里。", "孙晓东", "县住建局", "", dt.datetime(2023, 6, 30),
           lead=["县住建局"], leaders=["孙晓东"], deadline="2023-06-30"),
        T6(2, "新增城市绿地面积30万平方米。", "孙晓东", "县住建局", "县自然资源局",
           dt.datetime(2023, 9, 30), lead=["县住建局"], coop=["县自然资源局"],
           leaders=["孙晓东"], deadline="2023-09-30"),
        T6(3, "建成生活垃圾焚烧发电二期项目。", "赵海涛", "县城市管理局", "",
           dt.date(2023, 12, 31), lead=["县城市管理局"], leaders=["赵海涛"],
           deadline="2023-12-31"),
        T6(4, "完成沂河、沭河重点河段清淤疏浚。", "李红梅", "县水利局", "", dt.datetime(2023, 3, 31),
           lead=["县水利局"], leaders=["李红梅"], deadline="2023-03-31"),
        T6(5, "完成城区主干道路灯节能改造。", "孙晓东", "县城市管理局", "",
           dt.datetime(2023, 5, 31), lead=["县城市管理局"], leaders=["孙晓东"],
           deadline="2023-05-31"),
        T6(6, "完成重点排污单位在线监控全覆盖。", "赵海涛", "县生态环境分局", "", "2023-11-30",
           lead=["县生态环境分局"], leaders=["赵海涛"], deadline="2023-11-30"),
    ]
    formats = {5: "yyyy-mm-dd", 6: 'yyyy"年"m"月"d"日"', 8: "yyyy/m/d", 9: "mm-dd-yy"}
    # row 7 is a datetime.date: openpyxl gives it its default date format (yyyy-mm-dd)

    def fmt(ws, first):
        for row, f in formats.items():
            ws.cell(row=row, column=6).number_format = f

    expected["deadlines-excel-dates.xlsx"] = plan_sheet(
        OUT / "deadlines-excel-dates.xlsx", "Sheet1", BASIC_HEADER, body, after=fmt)


def f_ongoing():
    # Part rows here sit in column B (the content column) with column A empty.
    def O(seq, content, leader, lead, coop_cell, coop, text):
        return T6(seq, content, leader, lead, coop_cell, text, lead=[lead], coop=coop,
                  leaders=[leader], deadline=None, kind="ongoing")

    body = [
        Part("一、" + P7, P7, col=1),
        O(1, "常态化开展扫黑除恶斗争，建设更高水平的平安沂水。", "赵海涛", "县公安局",
          "县法院、县检察院", ["县法院", "县检察院"], "长期坚持"),
        T6(2, "完成安全生产专项整治三年行动收官。", "赵海涛", "县应急局", "县直有关部门",
           "2023-12-31", lead=["县应急局"], coop=["县直有关部门"], leaders=["赵海涛"],
           deadline="2023-12-31"),
        O(3, "坚决守住不发生规模性返贫底线。", "李红梅", "县乡村振兴局", "各乡镇（街道）",
          ["各乡镇（街道）"], "持续推进"),
        O(4, "加强食品药品安全监管。", "王建华", "县市场监管局", "", [], "长期"),
        Part("二、" + P8, P8, col=1),
        T6(5, "完成政府机构改革任务。", "王建华", "县委编办", "", "2023年6月底前",
           lead=["县委编办"], leaders=["王建华"], deadline="2023-06-30"),
        O(6, "严格落实中央八项规定精神，持续整治“四风”。", "刘铭", "县政府办公室",
          "县审计局", ["县审计局"], "长期坚持"),
    ]
    expected["ongoing.xlsx"] = plan_sheet(OUT / "ongoing.xlsx", "Sheet1", BASIC_HEADER, body)


def f_responsible_only():
    header = ["序号", "重点任务", "责任领导", "责任单位", "时限"]

    def R(seq, content, leader_cell, units_cell, deadline_cell, *, lead, leaders, deadline):
        return Task([seq, content, leader_cell, units_cell, deadline_cell], content, lead, (),
                    leaders, deadline, "phased")

    body = [
        Part("一、" + P1, P1),
        R(1, "社会消费品零售总额增长7%。", "李红梅", "县商务局", "2023-12-31",
          lead=["县商务局"], leaders=["李红梅"], deadline="2023-12-31"),
        R(2, "进出口总额增长5%以上。", "李红梅", "县商务局、县投资促进中心", "2023-12-31",
          lead=["县商务局", "县投资促进中心"], leaders=["李红梅"], deadline="2023-12-31"),
        Part("二、" + P6, P6),
        R(3, "新增城镇就业5000人，发放创业担保贷款1亿元。", "陈志强", "县人社局，县财政局",
          "2023-11-30", lead=["县人社局", "县财政局"], leaders=["陈志强"],
          deadline="2023-11-30"),
        R(4, "实施困难群众基本生活救助提标。", "陈志强", "县民政局", "2023-06-30",
          lead=["县民政局"], leaders=["陈志强"], deadline="2023-06-30"),
        R(5, "新建城市书房5处。", "陈志强", "县文旅局 沂城街道", "2023-09-30",
          lead=["县文旅局", "沂城街道"], leaders=["陈志强"], deadline="2023-09-30"),
    ]
    expected["responsible-only.xlsx"] = plan_sheet(
        OUT / "responsible-only.xlsx", "Sheet1", header, body, widths=[6, 60, 12, 30, 14])


def f_utf8_csv():
    body = [
        Part("一、" + P1, P1),
        T6(1, "地区生产总值增长6%左右,一般公共预算收入增长5%。", "刘铭", "县发改局",
           "县财政局,县统计局", "2023-12-31",
           lead=["县发改局"], coop=["县财政局", "县统计局"], leaders=["刘铭"],
           deadline="2023-12-31"),
        T6(2, "深入开展\"双招双引\"，全年引进过亿元项目40个以上。", "刘铭", "县投资促进中心",
           "县商务局", "2023-12-31",
           lead=["县投资促进中心"], coop=["县商务局"], leaders=["刘铭"], deadline="2023-12-31"),
        Part("二、" + P4, P4),
        T6(3, "实施乡村振兴“十百千”工程：\n建设示范片区10个、示范村100个。", "李红梅",
           "县农业农村局", "县乡村振兴局、各乡镇（街道）", "2023-10-31",
           lead=["县农业农村局"], coop=["县乡村振兴局", "各乡镇（街道）"], leaders=["李红梅"],
           deadline="2023-10-31"),
        T6(4, "新建高标准农田5万亩。", "李红梅", "县农业农村局", "县财政局，县水利局", "2023-12-31",
           lead=["县农业农村局"], coop=["县财政局", "县水利局"], leaders=["李红梅"],
           deadline="2023-12-31"),
        T6(5, "完成农村户厕改造提升3000户。", "李红梅", "县农业农村局", "", "2023-06-30",
           lead=["县农业农村局"], leaders=["李红梅"], deadline="2023-06-30"),
    ]
    write_csv(OUT / "utf8.csv", BASIC_HEADER, body, "utf-8-sig")
    expected["utf8.csv"] = build_expected("utf8", body)


def f_gbk_csv():
    body = [
        Part("一、" + P6, P6),
        T6(1, "新建改扩建中小学、幼儿园8所，新增学位6000个。", "陈志强", "县教体局",
           "县发改局、县财政局", "2023-08-31",
           lead=["县教体局"], coop=["县发改局", "县财政局"], leaders=["陈志强"],
           deadline="2023-08-31"),
        T6(2, "县人民医院新院区投入使用。", "陈志强", "县卫健局", "县住建局", "2023-12-31",
           lead=["县卫健局"], coop=["县住建局"], leaders=["陈志强"], deadline="2023-12-31"),
        Blank(),
        Part("二、" + P8, P8),
        T6(3, "深化“放管服”改革，政务服务事项“一网通办”率达到95%以上。", "王建华",
           "县行政审批服务局", "县大数据中心", "2023-06-30",
           lead=["县行政审批服务局"], coop=["县大数据中心"], leaders=["王建华"],
           deadline="2023-06-30"),
        T6(4, "严格落实过紧日子要求，一般性支出压减10%。", "王建华", "县财政局", "", "2023-12-31",
           lead=["县财政局"], leaders=["王建华"], deadline="2023-12-31"),
    ]
    write_csv(OUT / "gbk.csv", BASIC_HEADER, body, "gb18030")
    expected["gbk.csv"] = build_expected("gbk", body)


def error_sheet(path, body):
    """Title on row 1, blank row 2, header row 3, body from row 4."""
    plan_sheet(path, "Sheet1", BASIC_HEADER, body)


def f_error_missing_lead():
    # Row 6 has a leader, a cooperating unit and a deadline but no lead unit.
    body = [
        Part("一、" + P1, P1),                                                        # row 4
        T6(1, "地区生产总值增长6%左右。", "刘铭", "县发改局", "县统计局", "2023-12-31",  # row 5
           lead=["县发改局"]),
        T6(2, "一般公共预算收入增长5%以上。", "王建华", "", "县税务局", "2023-12-31",    # row 6
           lead=[]),
        T6(3, "规模以上工业增加值增长7%。", "张立军", "县工信局", "县统计局", "2023-12-31",  # row 7
           lead=["县工信局"]),
    ]
    error_sheet(OUT / "error-missing-lead.xlsx", body)
    expected["error-missing-lead.xlsx"] = {"errors": [
        {"sheet": "Sheet1", "row": 6, "column": "D", "code": "missing_lead_unit"}]}


def f_error_bad_deadline():
    body = [
        Part("一、" + P2, P2),                                                        # row 4
        T6(1, "争取地方政府专项债券资金15亿元以上。", "王建华", "县财政局", "县发改局", "尽快",  # row 5
           lead=["县财政局"]),
        T6(2, "完成新增建设用地报批3000亩。", "孙晓东", "县自然资源局", "", "2023-10-31",  # row 6
           lead=["县自然资源局"]),
        T6(3, "新建改造农村公路200公里。", "赵海涛", "县交通运输局", "", "2023-13-45",     # row 7
           lead=["县交通运输局"]),
    ]
    error_sheet(OUT / "error-bad-deadline.xlsx", body)
    expected["error-bad-deadline.xlsx"] = {"errors": [
        {"sheet": "Sheet1", "row": 5, "column": "F", "code": "bad_deadline"},
        {"sheet": "Sheet1", "row": 7, "column": "F", "code": "bad_deadline"}]}


def f_error_no_header():
    wb, ws = new_workbook("Sheet1")
    rows = [
        ["关于报送2023年度重点项目建设情况的通知"],
        ["各乡镇（街道）、县直有关部门："],
        ["项目名称", "建设规模", "总投资（万元）", "负责人", "备注"],
        ["沂水县城北部综合客运枢纽", "占地120亩", 35000, "赵海涛", ""],
        ["沂河综合治理二期工程", "治理河道12公里", 28000, "李红梅", ""],
    ]
    put_rows(ws, rows)
    set_widths(ws, [30, 20, 16, 10, 10])
    save_stable(wb, OUT / "error-no-header.xlsx")
    expected["error-no-header.xlsx"] = {"errors": [
        {"sheet": "Sheet1", "row": 1, "column": "A", "code": "no_header"}]}


def f_error_empty():
    wb, ws = new_workbook("Sheet1")
    save_stable(wb, OUT / "error-empty.xlsx")
    expected["error-empty.xlsx"] = {"errors": [
        {"sheet": "Sheet1", "row": 1, "column": "A", "code": "empty_sheet"}]}


def f_error_empty_content():
    body = [
        Part("一、" + P3, P3),                                                        # row 4
        T6(1, "新增规模以上工业企业30家。", "张立军", "县工信局", "县统计局", "2023-12-31",  # row 5
           lead=["县工信局"]),
        T6(2, "实施技改项目50个。", "张立军", "县工信局", "县发改局", "2023-11-30",         # row 6
           lead=["县工信局"]),
        T6(3, "", "张立军", "县工信局", "县科技局", "2023-09-30", lead=["县工信局"]),       # row 7
        T6(4, "新增省级“专精特新”中小企业10家。", "张立军", "县工信局", "", "2023-09-30",    # row 8
           lead=["县工信局"]),
    ]
    error_sheet(OUT / "error-empty-content.xlsx", body)
    expected["error-empty-content.xlsx"] = {"errors": [
        {"sheet": "Sheet1", "row": 7, "column": "B", "code": "missing_content"}]}


def f_not_really():
    (OUT / "not-really.xlsx").write_bytes(
        "序号,工作任务,牵头单位\r\n这不是Excel文件，只是改了扩展名的文本文件。\r\n".encode("utf-8"))
    expected["not-really.xlsx"] = {"errors": [
        {"sheet": None, "row": None, "column": None, "code": "not_a_spreadsheet"}]}


def main():
    for make in [f_basic, f_parts_roman_parens, f_parts_diyi, f_no_parts, f_packed_units,
                 f_inline_forms, f_merged_cells, f_merged_part_headers, f_deadlines_text,
                 f_deadlines_excel_dates, f_ongoing, f_responsible_only, f_utf8_csv, f_gbk_csv,
                 f_error_missing_lead, f_error_bad_deadline, f_error_no_header, f_error_empty,
                 f_error_empty_content, f_not_really]:
        make()
    text = json.dumps(dict(sorted(expected.items())), ensure_ascii=False, indent=2) + "\n"
    (OUT / "expected.json").write_text(text, encoding="utf-8")
    print(f"wrote {len(expected)} fixtures and expected.json to {OUT}")


if __name__ == "__main__":
    main()
