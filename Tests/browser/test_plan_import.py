"""Browser tests of plan import and export: the supervision office's 导入方案 page (upload,
dry run, problems, apply as a draft plan) and the public export links of an issued plan.

Only the home page is opened by URL; the import page is reached through the header link
and every upload is a real multipart form submitted by the browser (the file is typed into
the file input). The export test reads the href of the link a visitor would click and
fetches it with urllib from the same server.

The supervisor account ``duchashi`` is used by this module only. Its one-time password
works once per server run, so the first test to sign in changes it to NEW_PASSWORD and the
later tests sign in with that (``sign_in_supervisor``).
"""

from __future__ import annotations

import io
import json
import re
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from luoshi_helpers import NARROW, assert_mode, horizontal_overflow, mode_id, switch_mode
from test_accounts import (
    HEADER,
    NEW_PASSWORD,
    SIGN_IN,
    assert_signed_out_header,
    click_header_link,
    open_login_from_home,
    sign_in_and_change_password,
)

FIXTURES = Path(__file__).resolve().parents[1] / "Fixtures" / "import"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))

SUPERVISOR = "duchashi"
JURISDICTION = "371323"  # the sample county; it already has a 2023 plan
IMPORT_PATH = "/plans/import"
IMPORT_LINK = {"zh-CN": "导入方案", "en": "Import a plan"}
DRY_RUN = {"zh-CN": "试导入", "en": "Dry run"}
APPLY = {"zh-CN": "确认导入为草稿方案", "en": "Apply as a draft plan"}
DRY_RUN_HEADING = {"zh-CN": "试导入结果：{}", "en": "Dry run: {}"}
SUMMARY = {"zh-CN": "共解读出 {} 个部分、{} 项任务。", "en": "Read {} parts and {} tasks."}
FORM_LABELS = {
    "zh-CN": {"field-file": "表格文件", "field-jurisdiction": "行政区划", "field-year": "年度",
              "field-title": "方案名称", "field-createMissing": "新建名录中没有的单位和县领导"},
    "en": {"field-file": "Spreadsheet", "field-jurisdiction": "Jurisdiction", "field-year": "Year",
           "field-title": "Plan title", "field-createMissing": "Create units and leaders the directory lacks"},
}

IMPORT_YEAR = 2024
IMPORTED_TITLE = f"{IMPORT_YEAR}年政府工作报告重点工作任务分解方案"  # the default title for the year

EXPORT_XLSX = "导出 Excel（.xlsx）"
EXPORT_CSV = "导出 CSV"
# The columns the importer reads back, in this order, at the start of the exported sheet.
EXPORT_HEADER_START = ["序号", "工作任务", "牵头县领导", "牵头单位", "配合单位", "完成时限"]
SAMPLE_TASKS = 91
SAMPLE_PARTS = 8
PART_ROW = re.compile(r"^[一二三四五六七八九十]+、\S")

# duchashi's password: "one-time" until a test has changed it, then NEW_PASSWORD.
_supervisor = {"state": "one-time"}


# --------------------------------------------------------------------------
# helpers


def sign_in_supervisor(site, accounts: dict[str, str]) -> None:
    """Sign duchashi in from the home page: with the forced change the first time, after
    that with NEW_PASSWORD (the sign-in then lands on the workbench)."""
    state = _supervisor["state"]
    assert state != "changing", (
        f"an earlier test used {SUPERVISOR!r}'s one-time password but did not finish changing it; "
        f"its password is now unknown (see that test's failure)"
    )
    if state == "one-time":
        _supervisor["state"] = "changing"
        sign_in_and_change_password(site, accounts, SUPERVISOR)
        _supervisor["state"] = "changed"
        return
    open_login_from_home(site)
    site.fill("field-username", SUPERVISOR)
    site.fill("field-password", NEW_PASSWORD)
    site.click_button(SIGN_IN[site.html_lang()])
    assert site.path() == "/workbench", (
        f"signing {SUPERVISOR!r} in with the changed password led to {site.path()!r}, not /workbench"
    )


def open_import_page(site) -> None:
    """Click the header's 导入方案 link and check the empty form is there, labelled."""
    lang = site.html_lang()
    links = [a for a in site.driver.find_elements(By.CSS_SELECTOR, f'{HEADER} a[href="{IMPORT_PATH}"]')
             if a.is_displayed()]
    assert links, f"{site.path()}: the supervisor's header has no visible link to {IMPORT_PATH}"
    assert links[0].text.strip() == IMPORT_LINK[lang], (
        f"{site.path()}: the header link to {IMPORT_PATH} reads {links[0].text.strip()!r}, expected {IMPORT_LINK[lang]!r}"
    )
    click_header_link(site, IMPORT_PATH)
    assert_import_form(site)


def assert_import_form(site) -> None:
    lang = site.html_lang()
    where = f"{site.path()} ({lang})"
    for field_id, text in FORM_LABELS[lang].items():
        fields = site.driver.find_elements(By.ID, field_id)
        assert len(fields) == 1, f"{where}: {len(fields)} element(s) #{field_id}, expected 1"
        labels = [lb.text.strip() for lb in site.driver.find_elements(By.CSS_SELECTOR, f'label[for="{field_id}"]')]
        assert labels == [text], f"{where}: the label(s) of #{field_id} read {labels}, expected [{text!r}]"
    kinds = {
        "field-file": ("input", "file"), "field-jurisdiction": ("select", None), "field-year": ("input", "number"),
        "field-title": ("input", "text"), "field-createMissing": ("input", "checkbox"),
    }
    for field_id, (tag, kind) in kinds.items():
        field = site.driver.find_element(By.ID, field_id)
        assert field.tag_name == tag and (kind is None or field.get_attribute("type") == kind), (
            f"{where}: #{field_id} is {field.get_attribute('outerHTML')!r}, expected <{tag}{f' type={kind}' if kind else ''}>"
        )
    form = site.driver.find_element(By.ID, "field-file").find_element(By.XPATH, "ancestor::form")
    assert form.get_attribute("enctype") == "multipart/form-data", (
        f"{where}: the upload form's enctype is {form.get_attribute('enctype')!r}"
    )
    assert form.get_attribute("method") == "post", f"{where}: the upload form's method is {form.get_attribute('method')!r}"
    values = [o.get_attribute("value") for o in Select(site.driver.find_element(By.ID, "field-jurisdiction")).options]
    assert JURISDICTION in values, f"{where}: #field-jurisdiction offers {values}, not {JURISDICTION}"


def upload(site, fixture: str, year: int, create_missing: bool) -> None:
    """On the import page: choose the fixture file, fill the form as a person would, submit 试导入."""
    path = FIXTURES / fixture
    assert path.is_file(), f"missing fixture {path}"
    assert site.path() == IMPORT_PATH, f"uploading {fixture} from {site.path()!r}, not {IMPORT_PATH}"
    file_input = site.driver.find_element(By.ID, "field-file")
    file_input.send_keys(str(path))
    Select(site.driver.find_element(By.ID, "field-jurisdiction")).select_by_value(JURISDICTION)
    site.fill("field-year", str(year))
    site.fill("field-title", "")  # the default title for the year
    box = site.driver.find_element(By.ID, "field-createMissing")
    if box.is_selected() != create_missing:
        site.driver.find_element(By.CSS_SELECTOR, 'label[for="field-createMissing"]').click()
    assert box.is_selected() == create_missing, f"could not set #field-createMissing to {create_missing}"
    site.click_button(DRY_RUN[site.html_lang()])
    assert site.path() == IMPORT_PATH, f"uploading {fixture} led to {site.path()!r}"
    h1 = [e.text.strip() for e in site.driver.find_elements(By.CSS_SELECTOR, "main h1")]
    if h1 != [IMPORT_LINK[site.html_lang()]]:
        site.screenshot(f"upload-{fixture}-refused")
        shown = site.driver.find_elements(By.TAG_NAME, "main") or site.driver.find_elements(By.TAG_NAME, "body")
        main = (shown[0].text if shown else site.driver.page_source).strip().replace("\n", " | ")
        pytest.fail(f"uploading {fixture} ({path.stat().st_size} bytes) did not return to the import page "
                    f"but to a page headed {h1}: {main[:400]!r}")


def main_alerts(site) -> list:
    return [e for e in site.driver.find_elements(By.CSS_SELECTOR, 'main [role="alert"]') if e.is_displayed()]


def apply_buttons(site) -> list:
    lang = site.html_lang()
    return [b for b in site.driver.find_elements(By.CSS_SELECTOR, "main button")
            if b.is_displayed() and b.text.strip() == APPLY[lang]]


def assert_dry_run_heading(site, fixture: str, parts: int, tasks: int) -> None:
    lang = site.html_lang()
    headings = site.driver.find_elements(By.ID, "dry-run-heading")
    assert headings, (
        f"{site.path()}: no dry-run result (#dry-run-heading) after uploading {fixture}; "
        f"errors shown: {[a.text for a in main_alerts(site)]}"
    )
    heading = headings[0].text.strip()
    assert heading == DRY_RUN_HEADING[lang].format(fixture), f"dry-run heading {heading!r} for {fixture}"
    section = headings[0].find_element(By.XPATH, "ancestor::section")
    summary = SUMMARY[lang].format(parts, tasks)
    assert summary in section.text, f"the dry run of {fixture} does not say {summary!r}:\n{section.text[:800]}"


def dry_run_tables(site) -> list[dict]:
    """Per part table of the dry run: its caption and the (number, source) of each row."""
    tables = site.driver.find_elements(By.CSS_SELECTOR, 'section[aria-labelledby="dry-run-heading"] table')
    result = []
    for table in tables:
        rows = []
        for tr in table.find_elements(By.CSS_SELECTOR, "tbody tr"):
            number = tr.find_element(By.CSS_SELECTOR, 'th[scope="row"]').text.strip()
            cells = tr.find_elements(By.CSS_SELECTOR, "td")
            rows.append((number, cells[0].get_attribute("textContent").strip() if cells else ""))
        caption = table.find_elements(By.CSS_SELECTOR, "caption")
        result.append({"caption": caption[0].text.strip() if caption else "", "rows": rows})
    return result


def dry_run_counts(site) -> tuple[int, int]:
    """(parts, tasks) of the dry-run tables now shown, for checking the summary sentence."""
    tables = dry_run_tables(site)
    return len(tables), sum(len(t["rows"]) for t in tables)


def page_checker(site, problems: list[str], overflow: bool = False):
    """check(label): screenshot the current page, run axe (and with overflow, the sideways
    scroll check) and add any report to problems."""
    def check(label: str) -> None:
        site.screenshot(label)
        reports = [horizontal_overflow(site)] if overflow else []
        reports.append(site.axe_report(label))
        problems.extend(f"[{label}] {r}" for r in reports if r)
    return check


def fetch(url: str):
    """(status, headers, body) of a GET without cookies, as any visitor or program would."""
    with urllib.request.urlopen(url, timeout=30) as resp:
        return resp.status, resp.headers, resp.read()


# --------------------------------------------------------------------------
# tests


def test_import_form_passes_axe(site, accounts):
    """duchashi signs in (forced change), clicks 导入方案: the empty form is labelled and has
    0 axe violations in Chinese standard mode and in English elder mode."""
    sign_in_supervisor(site, accounts)
    open_import_page(site)
    problems = []
    check = page_checker(site, problems)
    for lang, elder in (("zh-CN", False), ("en", True)):
        switch_mode(site, lang, elder, shots=False)  # this page was shot in the previous mode
        assert site.path() == IMPORT_PATH, site.path()
        assert_import_form(site)
        check(f"import-form-{mode_id(lang, elder)}")
    # The header link follows the language too.
    links = [a.text.strip() for a in site.driver.find_elements(By.CSS_SELECTOR, f'{HEADER} a[href="{IMPORT_PATH}"]')]
    assert links == [IMPORT_LINK["en"]], f"English header links to {IMPORT_PATH}: {links}"

    assert not problems, "WCAG 2.1 A/AA violations found by axe-core:\n\n" + "\n\n".join(problems)


def test_dry_run_reports_problems_and_offers_no_apply(site, accounts):
    """A sheet with a task lacking its lead unit: the problems box (role=alert) names Sheet1!D6
    and there is no apply button; 0 axe violations."""
    sign_in_supervisor(site, accounts)
    open_import_page(site)
    problems = []
    check = page_checker(site, problems)

    fixture = "error-missing-lead.xlsx"
    upload(site, fixture, IMPORT_YEAR, create_missing=True)
    assert_dry_run_heading(site, fixture, *dry_run_counts(site))
    alerts = main_alerts(site)
    assert len(alerts) == 1, f"{fixture}: {len(alerts)} visible role=alert box(es) in main, expected 1"
    items = alerts[0].find_elements(By.CSS_SELECTOR, "li")
    locations = [li.find_element(By.CSS_SELECTOR, "strong").text.strip() for li in items]
    expected = [f"{e['sheet']}!{e['column']}{e['row']}" for e in EXPECTED[fixture]["errors"]]
    assert locations == expected == ["Sheet1!D6"], (
        f"{fixture}: the problems box lists {locations}, expected {expected}:\n{alerts[0].text}"
    )
    for li, location in zip(items, locations):
        message = li.text.strip()[len(location):].strip()
        assert message, f"{fixture}: problem {li.text!r} has no message after its location"
    assert not apply_buttons(site), f"{fixture}: an apply button is offered although there are problems"
    assert not site.driver.find_elements(By.CSS_SELECTOR, 'main form[action$="/apply"]'), (
        f"{fixture}: an apply form is on the page although there are problems"
    )
    check("dry-run-missing-lead")

    assert not problems, "WCAG 2.1 A/AA violations found by axe-core:\n\n" + "\n\n".join(problems)


def test_upload_of_a_file_that_is_no_spreadsheet(site, accounts):
    """not-really.xlsx: an error summary (role=alert) naming the file and linking to the file
    field, no dry-run result, no apply button; 0 axe violations."""
    sign_in_supervisor(site, accounts)
    open_import_page(site)
    problems = []
    check = page_checker(site, problems)

    fixture = "not-really.xlsx"
    upload(site, fixture, IMPORT_YEAR, create_missing=True)
    alerts = main_alerts(site)
    assert alerts, f"{fixture}: no visible error summary (role=alert) in main"
    summary = alerts[0]
    assert fixture in summary.text, f"{fixture}: the error summary does not name the file: {summary.text!r}"
    targets = [a.get_attribute("href") or "" for a in summary.find_elements(By.CSS_SELECTOR, "a")]
    assert any(t.endswith("#field-file") for t in targets), (
        f"{fixture}: the error summary does not link to #field-file: {summary.get_attribute('outerHTML')!r}"
    )
    field = site.driver.find_element(By.ID, "field-file")
    assert field.get_attribute("aria-invalid") == "true", (
        f"{fixture}: #field-file is not aria-invalid: {field.get_attribute('outerHTML')!r}"
    )
    assert not site.driver.find_elements(By.ID, "dry-run-heading"), f"{fixture}: a dry-run result is shown"
    assert not apply_buttons(site), f"{fixture}: an apply button is offered for a file that is no spreadsheet"
    check("upload-not-a-spreadsheet")

    assert not problems, "WCAG 2.1 A/AA violations found by axe-core:\n\n" + "\n\n".join(problems)


def test_import_basic_plan_as_draft(site, accounts, luoshi_server):
    """basic.xlsx for 2024: the dry run reads 2 parts and 8 tasks as the fixture's
    expectations say, with no problem; applying lands on the workbench, which lists the new
    plan and its 8 tasks; the plan is a draft, so the public API does not list it.
    0 axe violations on the dry run and on the workbench."""
    fixture = "basic.xlsx"
    expected_parts = EXPECTED[fixture]["parts"]
    expected_numbers = [t["number"] for p in expected_parts for t in p["tasks"]]
    assert (len(expected_parts), len(expected_numbers)) == (2, 8), "expected.json changed: update this test"
    public_before = {p["title"] for p in json.loads(fetch(luoshi_server + "/api/v1/plans")[2])}
    assert IMPORTED_TITLE not in public_before, f"a plan {IMPORTED_TITLE!r} exists before the import"

    sign_in_supervisor(site, accounts)
    open_import_page(site)
    problems = []
    check = page_checker(site, problems)

    upload(site, fixture, IMPORT_YEAR, create_missing=True)
    assert_dry_run_heading(site, fixture, 2, 8)
    alerts = main_alerts(site)
    assert not alerts, f"{fixture}: the dry run reports problems: {[a.text for a in alerts]}"
    tables = dry_run_tables(site)
    assert len(tables) == 2, f"{len(tables)} part tables, expected 2: {[t['caption'] for t in tables]}"
    for table, part in zip(tables, expected_parts):
        assert part["title"] in table["caption"], f"part table caption {table['caption']!r}, expected {part['title']!r}"
        numbers = [n for n, _ in table["rows"]]
        assert numbers == [t["number"] for t in part["tasks"]], (
            f"part {part['number']}: the dry run shows tasks {numbers}, expected {[t['number'] for t in part['tasks']]}"
        )
        for number, source in table["rows"]:
            assert re.fullmatch(r"分解方案!\d+", source), f"task {number}: source {source!r}, expected 分解方案!<row> (the sheet of basic.xlsx)"
    assert len(apply_buttons(site)) == 1, f"{fixture}: no (single) {APPLY['zh-CN']!r} button after a clean dry run"
    check("dry-run-basic")

    site.click_button(APPLY["zh-CN"])
    assert site.path() == "/workbench", f"applying the import led to {site.path()!r}, not /workbench"
    assert not main_alerts(site), f"the workbench shows an error after applying: {[a.text for a in main_alerts(site)]}"
    tables = [t for t in site.driver.find_elements(By.CSS_SELECTOR, "main table")
              if any(IMPORTED_TITLE in c.get_attribute("textContent") for c in t.find_elements(By.CSS_SELECTOR, "caption"))]
    captions = [c.get_attribute("textContent").strip() for c in site.driver.find_elements(By.CSS_SELECTOR, "main caption")]
    assert len(tables) == 1, f"the workbench has {len(tables)} table(s) for {IMPORTED_TITLE!r}; captions: {captions}"
    numbers = [row.find_element(By.CSS_SELECTOR, 'a[href^="/tasks/"]').get_attribute("textContent").strip()
               for row in tables[0].find_elements(By.CSS_SELECTOR, "tbody tr")]
    assert sorted(numbers) == sorted(expected_numbers), (
        f"the workbench lists tasks {numbers} for {IMPORTED_TITLE!r}, expected {expected_numbers}"
    )
    check("workbench-after-import")

    public_after = {p["title"] for p in json.loads(fetch(luoshi_server + "/api/v1/plans")[2])}
    assert IMPORTED_TITLE not in public_after, f"the draft {IMPORTED_TITLE!r} is listed by the public API"

    assert not problems, "WCAG 2.1 A/AA violations found by axe-core:\n\n" + "\n\n".join(problems)


def _open_import_page_narrow(site, accounts) -> None:
    site.driver.set_window_size(*NARROW)
    sign_in_supervisor(site, accounts)
    width = site.driver.execute_script("return window.innerWidth")
    assert width == NARROW[0], f"viewport is {width} px wide, expected {NARROW[0]}"
    open_import_page(site)


def test_narrow_screen_import_form(site, accounts):
    """At 375 px, the empty import form does not scroll sideways and passes axe, in Chinese
    standard mode and in English elder mode (switched on the page)."""
    _open_import_page_narrow(site, accounts)
    problems = []
    check = page_checker(site, problems, overflow=True)
    for lang, elder in (("zh-CN", False), ("en", True)):
        switch_mode(site, lang, elder, shots=False)
        assert site.path() == IMPORT_PATH, site.path()
        assert_import_form(site)
        check(f"import-form-375-{mode_id(lang, elder)}")

    assert not problems, f"problems at {NARROW[0]} px wide:\n\n" + "\n\n".join(problems)


def test_narrow_screen_dry_run(site, accounts):
    """At 375 px, the dry-run result of basic.xlsx does not scroll sideways and passes axe,
    in Chinese standard mode and in English elder mode (switched on the import page before
    uploading). Nothing is applied."""
    _open_import_page_narrow(site, accounts)
    problems = []
    check = page_checker(site, problems, overflow=True)
    fixture = "basic.xlsx"
    for lang, elder in (("zh-CN", False), ("en", True)):
        switch_mode(site, lang, elder, shots=False)
        assert site.path() == IMPORT_PATH, site.path()
        upload(site, fixture, IMPORT_YEAR + 1, create_missing=True)
        assert_mode(site, lang, elder)
        assert_dry_run_heading(site, fixture, 2, 8)
        assert len(apply_buttons(site)) == 1, f"{mode_id(lang, elder)}: no apply button after a clean dry run"
        check(f"dry-run-375-{mode_id(lang, elder)}")

    assert not problems, f"problems at {NARROW[0]} px wide:\n\n" + "\n\n".join(problems)


def test_anonymous_export_of_issued_plan(site, luoshi_server):
    """A visitor who is not signed in finds the export links on the home page; the .xlsx is
    a real workbook with the importer's columns, 8 part rows and 91 task rows (the same
    numbers as the public API), and the CSV is UTF-8 text with the same header."""
    site.open_start("/")
    assert_signed_out_header(site)
    site.screenshot("home-anonymous")

    hrefs = {}
    for text, fmt in ((EXPORT_XLSX, "xlsx"), (EXPORT_CSV, "csv")):
        links = [a for a in site.driver.find_elements(By.LINK_TEXT, text) if a.is_displayed()]
        assert len(links) == 1, f"home: {len(links)} visible link(s) {text!r}, expected 1"
        href = links[0].get_attribute("href")
        parts = urllib.parse.urlsplit(href)
        assert href.startswith(luoshi_server + "/"), f"{text!r} links off the site: {href!r}"
        assert re.fullmatch(r"/plans/[0-9a-fA-F-]{36}/export", parts.path), f"{text!r} links to {href!r}"
        assert urllib.parse.parse_qs(parts.query) == {"format": [fmt]}, f"{text!r} links to {href!r}"
        hrefs[fmt] = href
    plan_id = urllib.parse.urlsplit(hrefs["xlsx"]).path.split("/")[2]
    assert urllib.parse.urlsplit(hrefs["csv"]).path.split("/")[2] == plan_id, f"the export links differ in plan: {hrefs}"

    status, headers, xlsx = fetch(hrefs["xlsx"])
    assert status == 200, f"GET {hrefs['xlsx']}: HTTP {status}"
    content_type = headers.get("Content-Type", "")
    assert "spreadsheetml" in content_type, f"GET {hrefs['xlsx']}: Content-Type {content_type!r}"
    assert xlsx.startswith(b"PK\x03\x04"), f"GET {hrefs['xlsx']}: not a ZIP file, starts with {xlsx[:16]!r}"
    disposition = headers.get("Content-Disposition", "")
    assert "attachment" in disposition and ".xlsx" in disposition, f"Content-Disposition {disposition!r}"

    status, headers, csv = fetch(hrefs["csv"])
    assert status == 200, f"GET {hrefs['csv']}: HTTP {status}"
    content_type = headers.get("Content-Type", "")
    assert "text/csv" in content_type, f"GET {hrefs['csv']}: Content-Type {content_type!r}"
    first_line = csv.decode("utf-8").lstrip("\ufeff").splitlines()[0]
    assert first_line.split(",")[:len(EXPORT_HEADER_START)] == EXPORT_HEADER_START, (
        f"the CSV header is {first_line!r}"
    )

    # The sheet itself (openpyxl is in requirements.txt; without it only this part is skipped).
    openpyxl = pytest.importorskip("openpyxl")
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx), read_only=True).worksheets[0]
    rows = [["" if v is None else str(v).strip() for v in row] for row in sheet.iter_rows(values_only=True)]
    assert rows, "the exported workbook's first sheet is empty"
    assert rows[0][:len(EXPORT_HEADER_START)] == EXPORT_HEADER_START, (
        f"the exported header row is {rows[0]}, expected it to start with {EXPORT_HEADER_START}"
    )
    body_rows = [r for r in rows[1:] if any(r)]
    task_rows = [r for r in body_rows if r[0]]
    part_rows = [r for r in body_rows if not r[0]]
    odd = [r[:2] for r in part_rows if not PART_ROW.match(r[1])]
    assert not odd, f"rows without 序号 that are not part headings (“一、…”): {odd[:5]}"
    assert (len(task_rows), len(part_rows)) == (SAMPLE_TASKS, SAMPLE_PARTS), (
        f"the export has {len(task_rows)} task rows and {len(part_rows)} part rows, "
        f"expected {SAMPLE_TASKS} and {SAMPLE_PARTS}"
    )
    api_tasks = json.loads(fetch(f"{luoshi_server}/api/v1/plans/{plan_id}/tasks")[2])
    api_numbers = sorted(t["number"] for t in api_tasks)
    assert sorted(r[0] for r in task_rows) == api_numbers, (
        "the exported task numbers differ from the public API's:\n"
        f"  only exported: {sorted(set(r[0] for r in task_rows) - set(api_numbers))}\n"
        f"  only in API:   {sorted(set(api_numbers) - set(r[0] for r in task_rows))}"
    )
