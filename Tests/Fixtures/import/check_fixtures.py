#!/usr/bin/env python3
"""Independent check of the import fixtures (does not import make_fixtures.py).

    python3 Tests/Fixtures/import/check_fixtures.py

1. Spot checks: reopens the files and asserts that specific cells, merged ranges, date-typed
   cells and encodings are really what the fixtures claim.
2. A small reference reader that follows the importer rules and must reproduce expected.json
   exactly for every fixture.
"""

import csv
import datetime as dt
import io
import json
import re
import sys
import zipfile
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

HERE = Path(__file__).resolve().parent
YEAR = 2023
failures = []


def check(cond, msg):
    if not cond:
        failures.append(msg)


# ---------------------------------------------------------------------------------------------
# 1. Spot checks on the raw files
# ---------------------------------------------------------------------------------------------


def spot_checks():
    wb = load_workbook(HERE / "basic.xlsx")
    ws = wb.active
    check(ws.title == "分解方案", "basic: sheet name")
    check(ws["A1"].value == "2023年县政府工作报告重点工作任务分解方案", "basic: title A1")
    check(all(ws.cell(2, c).value is None for c in range(1, 7)), "basic: row 2 blank")
    check([ws.cell(3, c).value for c in range(1, 7)] ==
          ["序号", "工作任务", "牵头县领导", "牵头单位", "配合单位", "完成时限"], "basic: header")
    check(ws["A4"].value == "一、主要预期目标" and ws["B4"].value is None, "basic: part row 4")
    check(ws["E10"].value == "县投资促进中心、各乡镇（街道）", "basic: E10")
    check(wb.properties.created == dt.datetime(2023, 3, 6, 9, 0), "basic: created date")
    check(wb.properties.modified == dt.datetime(2023, 3, 6, 9, 0), "basic: modified date")

    ws = load_workbook(HERE / "merged-cells.xlsx").active
    ranges = sorted(str(r) for r in ws.merged_cells.ranges)
    check(ranges == ["A1:F1", "C5:C7", "D9:D10", "F5:F6"], f"merged-cells: ranges {ranges}")
    check(ws["C5"].value == "李红梅" and ws["C6"].value is None and ws["C7"].value is None,
          "merged-cells: leader only in C5")
    check(ws["D9"].value == "县住建局" and ws["D10"].value is None, "merged-cells: D9/D10")
    check(ws["F5"].value == "2023-12-31" and ws["F6"].value is None, "merged-cells: F5/F6")

    ws = load_workbook(HERE / "merged-part-headers.xlsx").active
    ranges = sorted(str(r) for r in ws.merged_cells.ranges)
    check(ranges == ["A1:F1", "A4:F4", "A7:F7"], f"merged-part-headers: ranges {ranges}")

    ws = load_workbook(HERE / "deadlines-excel-dates.xlsx").active
    want = {5: ("yyyy-mm-dd", dt.datetime(2023, 6, 30)),
            6: ('yyyy"年"m"月"d"日"', dt.datetime(2023, 9, 30)),
            7: ("yyyy-mm-dd", dt.datetime(2023, 12, 31)),
            8: ("yyyy/m/d", dt.datetime(2023, 3, 31)),
            9: ("mm-dd-yy", dt.datetime(2023, 5, 31))}
    for row, (fmt, value) in want.items():
        c = ws.cell(row, 6)
        check(c.data_type == "d" and c.is_date and c.value == value and c.number_format == fmt,
              f"excel-dates: F{row} is {c.data_type} {c.value!r} {c.number_format!r}")
    check(ws["F10"].data_type == "s" and ws["F10"].value == "2023-11-30", "excel-dates: F10 text")
    # Underneath, the date cells must be stored as serial numbers (not strings) in the XML.
    xml = zipfile.ZipFile(HERE / "deadlines-excel-dates.xlsx").read("xl/worksheets/sheet1.xml")
    check(b'<c r="F5" s="' in xml and b"<v>45107</v>" in xml, "excel-dates: F5 serial 45107")

    ws = load_workbook(HERE / "packed-units.xlsx").active
    check(ws["E9"].value == "沂城街道\u3000龙家圈街道", "packed: full-width space in E9")
    check(ws["D11"].value == " 县民政局、 ", "packed: leading/trailing spaces kept in D11")

    ws = load_workbook(HERE / "error-missing-lead.xlsx").active
    check(ws["D6"].value is None and ws["B6"].value and ws["E6"].value and ws["F6"].value,
          "missing-lead: D6 empty, rest filled")
    ws = load_workbook(HERE / "error-bad-deadline.xlsx").active
    check(ws["F5"].value == "尽快" and ws["F7"].value == "2023-13-45"
          and ws["F7"].data_type == "s", "bad-deadline cells")
    ws = load_workbook(HERE / "error-empty-content.xlsx").active
    check(ws["B7"].value is None and all(ws.cell(7, c).value for c in (1, 3, 4, 5, 6)),
          "empty-content: row 7")
    wb = load_workbook(HERE / "error-empty.xlsx")
    check(wb.sheetnames == ["Sheet1"] and wb.active.max_row == 1 and wb.active["A1"].value is None,
          "error-empty: one empty sheet")

    raw = (HERE / "utf8.csv").read_bytes()
    check(raw.startswith(b"\xef\xbb\xbf"), "utf8.csv: BOM")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    check(rows[2] == ["序号", "工作任务", "牵头县领导", "牵头单位", "配合单位", "完成时限"],
          "utf8.csv: header on line 3")
    check(any("\n" in cell for r in rows for cell in r), "utf8.csv: a multi-line cell")
    check(any("县财政局,县统计局" == cell for r in rows for cell in r), "utf8.csv: quoted comma")
    check(b'"\xe6\xb7\xb1\xe5\x85\xa5\xe5\xbc\x80\xe5\xb1\x95""' in raw, "utf8.csv: doubled quote")

    raw = (HERE / "gbk.csv").read_bytes()
    check(not raw.startswith(b"\xef\xbb\xbf"), "gbk.csv: no BOM")
    try:
        raw.decode("utf-8")
        failures.append("gbk.csv decodes as UTF-8")
    except UnicodeDecodeError:
        pass
    text = raw.decode("gb18030")
    check(text.startswith("2023年县政府工作报告重点工作任务分解方案"), "gbk.csv: title")
    check(raw.decode("gbk") == text, "gbk.csv: plain GBK too")

    check(not zipfile.is_zipfile(HERE / "not-really.xlsx"), "not-really is not a zip")


# ---------------------------------------------------------------------------------------------
# 2. Reference reader
# ---------------------------------------------------------------------------------------------

CONTENT = {"工作任务", "具体内容", "任务内容", "重点任务"}
LEADERS = {"牵头县领导", "责任领导", "牵头领导", "分管县领导"}
DEADLINE = {"完成时限", "时限", "完成时间"}
KNOWN = CONTENT | LEADERS | DEADLINE | {"序号", "牵头单位", "配合单位", "责任单位"}
CN = "一二三四五六七八九十"
PART_RE = re.compile(rf"^(?:第[{CN}]+部分[\s:：]*|[{CN}]+、|[（(][{CN}]+[)）])\s*(.+)$")
NUM_RE = re.compile(rf"^\s*(?:\d+\s*[.．、]|[（(]\s*(?:\d+|[{CN}]+)\s*[)）]|[{CN}]+、)\s*")
KEY = r"(牵头单位|配合单位|责任单位|责任领导)\s*[:：]"
PAREN_FORM = re.compile(rf"[（(]\s*{KEY}[^()（）]*[)）]")
TRAIL_FORM = re.compile(rf"\s*{KEY}")
SEP = re.compile(r"[、，,；;\s\u3000]+")


def split_units(text):
    return [u for u in SEP.split(text or "") if u]


def month_end(m):
    nxt = dt.date(YEAR + (m == 12), m % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).isoformat()


def parse_deadline(v):
    """-> ("date", iso) | ("ongoing", None) | ("none", None) | ("bad", None)"""
    if v is None or v == "":
        return ("none", None)
    if isinstance(v, (dt.datetime, dt.date)):
        return ("date", v.strftime("%Y-%m-%d"))
    s = str(v).strip()
    if s in ("长期坚持", "长期", "持续推进"):
        return ("ongoing", None)
    fixed = {"年底前": 12, "年内": 12, "第一季度": 3, "上半年": 6, "三季度末": 9, "第三季度": 9}
    if s in fixed:
        return ("date", month_end(fixed[s]))
    m = re.fullmatch(r"(?:(\d{4})年)?(\d{1,2})月底前", s)
    if m and 1 <= int(m.group(2)) <= 12 and (m.group(1) in (None, str(YEAR))):
        return ("date", month_end(int(m.group(2))))
    m = re.fullmatch(r"(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?", s)
    if m:
        try:
            return ("date", dt.date(*map(int, m.groups())).isoformat())
        except ValueError:
            return ("bad", None)
    return ("bad", None)


def parse_inline(text):
    """Return (content, {key: [values]}) with the inline form removed."""
    found = {}
    segs = []
    m = PAREN_FORM.search(text)
    if m:
        segs.append(m.group(0)[1:-1])
        text = text[:m.start()] + text[m.end():]
    m = TRAIL_FORM.search(text)
    if m:
        segs.append(text[m.start():])
        text = text[:m.start()]
    for seg in segs:
        keys = list(re.finditer(KEY, seg))
        for i, k in enumerate(keys):
            end = keys[i + 1].start() if i + 1 < len(keys) else len(seg)
            found.setdefault(k.group(1), []).extend(split_units(seg[k.end():end]))
    return text.strip(), found


def read_grid(path):
    """-> list of (sheet_name, grid) with grid[r][c] 0-based; or raises ValueError."""
    if path.suffix == ".csv":
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("gb18030")
        rows = list(csv.reader(io.StringIO(text, newline="")))
        return [(path.stem, [[c if c != "" else None for c in r] for r in rows])]
    if not zipfile.is_zipfile(path):
        raise ValueError("not_a_spreadsheet")
    wb = load_workbook(path)
    out = []
    for ws in wb.worksheets:
        grid = [[c.value for c in row] for row in ws.iter_rows()]
        for rng in ws.merged_cells.ranges:  # merges fill down the rows they cover
            v = grid[rng.min_row - 1][rng.min_col - 1]
            for r in range(rng.min_row, rng.max_row + 1):
                grid[r - 1][rng.min_col - 1] = v
        out.append((ws.title, grid))
    return out


def text_of(v):
    if v is None:
        return ""
    return v.strip() if isinstance(v, str) else str(v)


def import_file(path):
    try:
        sheets = read_grid(path)
    except ValueError as e:
        return {"errors": [{"sheet": None, "row": None, "column": None, "code": str(e)}]}
    errors, parts = [], []

    def err(sheet, row, col, code):
        errors.append({"sheet": sheet, "row": row, "column": get_column_letter(col + 1),
                       "code": code})

    for name, grid in sheets:
        if not any(text_of(v) for row in grid for v in row):
            err(name, 1, 0, "empty_sheet")
            continue
        hdr = None
        for r, row in enumerate(grid[:10]):
            if sum(text_of(v) in KNOWN for v in row) >= 2:
                hdr = r
                break
        if hdr is None:
            err(name, 1, 0, "no_header")
            continue
        cols = {}
        for c, v in enumerate(grid[hdr]):
            t = text_of(v)
            for role, names in (("content", CONTENT), ("leaders", LEADERS),
                                ("deadline", DEADLINE)):
                if t in names:
                    cols[role] = c
            if t in ("牵头单位", "配合单位", "责任单位"):
                cols[t] = c
        lead_col = cols.get("牵头单位", cols.get("责任单位"))
        coop_cols = [cols[k] for k in ("配合单位",) if k in cols]
        if "牵头单位" in cols and "责任单位" in cols:
            coop_cols.append(cols["责任单位"])
        sheet_parts = []
        for r in range(hdr + 1, len(grid)):
            row = grid[r]
            cells = [text_of(v) for v in row]
            filled = [i for i, t in enumerate(cells) if t]
            if not filled:
                continue
            if len(filled) == 1 and PART_RE.match(cells[filled[0]]):
                sheet_parts.append({"number": 0,
                                    "title": PART_RE.match(cells[filled[0]]).group(1).strip(),
                                    "tasks": []})
                continue
            content_raw = row[cols["content"]] if cols["content"] < len(row) else None
            if not text_of(content_raw):
                err(name, r + 1, cols["content"], "missing_content")
                continue
            content, inline = parse_inline(content_raw.strip())
            content = NUM_RE.sub("", content, count=1).strip()
            lead = split_units(cells[lead_col]) if lead_col is not None else []
            coop = [u for c in coop_cols for u in split_units(cells[c])]
            lead += inline.get("牵头单位", [])
            coop += inline.get("配合单位", [])
            if "责任单位" in inline:
                (coop if lead else lead).extend(inline["责任单位"])
            leaders = split_units(cells[cols["leaders"]]) if "leaders" in cols else []
            leaders += inline.get("责任领导", [])
            if not lead:
                err(name, r + 1, lead_col if lead_col is not None else cols["content"],
                    "missing_lead_unit")
            kind, deadline = "phased", None
            if "deadline" in cols:
                v = row[cols["deadline"]] if cols["deadline"] < len(row) else None
                what, iso = parse_deadline(v)
                if what == "bad":
                    err(name, r + 1, cols["deadline"], "bad_deadline")
                elif what == "ongoing":
                    kind = "ongoing"
                deadline = iso
            if not sheet_parts:
                sheet_parts.append({"number": 0, "title": name, "tasks": []})
            sheet_parts[-1]["tasks"].append({
                "number": None, "content": content, "kind": kind, "deadline": deadline,
                "leadUnits": lead, "cooperatingUnits": coop, "leaders": leaders})
        parts += sheet_parts
    if errors:
        return {"errors": errors}
    for p, part in enumerate(parts, start=1):
        part["number"] = p
        for i, task in enumerate(part["tasks"], start=1):
            task["number"] = f"{p}.{i}"
    return {"year": YEAR, "parts": parts}


def main():
    spot_checks()
    expected = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))
    files = sorted(p.name for p in HERE.iterdir() if p.suffix in (".xlsx", ".csv"))
    check(sorted(expected) == files, f"expected.json keys {sorted(expected)} != files {files}")
    ntasks = 0
    for name in files:
        got = import_file(HERE / name)
        want = expected.get(name)
        if got != want:
            failures.append(f"{name}: reference reader disagrees\n  got  {json.dumps(got, ensure_ascii=False)}\n  want {json.dumps(want, ensure_ascii=False)}")
        ntasks += sum(len(p["tasks"]) for p in (want or {}).get("parts", []))
    for f in failures:
        print("FAIL:", f)
    print(f"{len(files)} fixtures, {ntasks} expected tasks; "
          f"{len(files) - len([f for f in failures if ': reference' in f])} passed reference reader, "
          f"{len(failures)} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
