"""Browser tests of reminders, evidence, the rule settings and the leaders' dashboards.

The office reminds every unit that has not reported in the July round that
test_task_work.py opened; a unit (``fagaiju``, whose password test_accounts.py changed) sees the unread
count in its header, reads the message in its inbox and marks it read, then saves a draft
report and attaches a photo as evidence. The office reads the reminder log and the rule
settings; the county head (``xianzhang``) and a deputy (``fuxianzhang``) read their
dashboards. Every page is checked by axe-core (WCAG 2.1 A/AA) and the unit's pages also at
375 px.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from selenium.webdriver.common.by import By

from luoshi_helpers import NARROW, horizontal_overflow
from test_accounts import NEW_PASSWORD, SIGN_IN, click_header_link, open_login_from_home, sign_in_and_change_password
from test_plan_import import page_checker, sign_in_supervisor
from test_task_work import ROUND_NAME, _dispatch, open_dashboard, open_rounds_of_2023, visible_alerts

UNIT_ACCOUNT = "fagaiju"
UNIT = "县发改局"
REMIND_ALL = "提醒全部未报送单位"
ATTACHED = "佐证材料已上传。"
# A real PNG: the 8-byte signature, then one IHDR chunk is enough for the server's check.
PNG = bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + bytes(64)

_state: dict[str, str] = {}


def open_july_round(site) -> None:
    open_rounds_of_2023(site)
    links = [a for a in site.driver.find_elements(By.CSS_SELECTOR, "main table a") if a.text.strip() == ROUND_NAME]
    assert links, "the rounds page does not list the July round (see test_task_work.py)"
    site.click(links[0], ROUND_NAME)


def header_inbox_text(site) -> str:
    links = [a for a in site.driver.find_elements(By.CSS_SELECTOR, 'header a[href="/inbox"]') if a.is_displayed()]
    assert len(links) == 1, f"{site.path()}: {len(links)} visible inbox link(s) in the header"
    return links[0].text.strip()


def test_office_reminds_units_that_have_not_reported(site, accounts):
    """duchashi: the July round → 提醒全部未报送单位 → a confirmation; then 提醒发送记录 lists
    the reminders, and the ledger links to the rule settings. 0 axe violations."""
    assert _dispatch.get("round"), "the office did not open the July round (see test_task_work.py)"
    sign_in_supervisor(site, accounts)
    open_july_round(site)
    problems: list[str] = []
    check = page_checker(site, problems)
    site.click_button(REMIND_ALL)
    status = site.driver.find_element(By.CSS_SELECTOR, 'main [role="status"]').text
    assert status.startswith("已向") and "个单位发出提醒" in status, f"after reminding, the page says {status!r}"
    check("round-reminded")
    click_header_link(site, "/workbench")
    site.click_first('main a[href="/reminders"]', "提醒发送记录")
    rows = site.driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")
    assert any(UNIT in r.text and "督查室催报" in r.text for r in rows), f"the reminder log lists no reminder to {UNIT}"
    check("reminder-log")
    open_rounds_of_2023(site)
    site.click_first('main a[href$="/ledger"]', "台账")
    site.click_first('main a[href$="/rules"]', "预警规则")
    assert "现行规则：371323-2023-v1" in site.driver.find_element(By.TAG_NAME, "main").text
    assert site.driver.find_elements(By.CSS_SELECTOR, 'main form[aria-label^="调整规则"]'), "the office has no form to change the rules"
    check("rule-settings")
    _state["reminded"] = "yes"
    assert not problems, "WCAG 2.1 A/AA violations found by axe-core:\n\n" + "\n\n".join(problems)


def test_unit_reads_its_inbox_and_attaches_evidence(site, accounts):
    """fagaiju: the header says 消息（n 条未读）→ the inbox (375 px) → 标为已读; then a task of the
    July round → save a draft → attach a photo → listed with its size. 0 axe violations."""
    assert _state.get("reminded"), "the office did not remind (see the test above)"
    open_login_from_home(site)
    site.fill("field-username", UNIT_ACCOUNT)
    site.fill("field-password", NEW_PASSWORD)
    site.click_button(SIGN_IN[site.html_lang()])
    assert site.path() == "/workbench", f"signing {UNIT_ACCOUNT} in (password set by test_accounts.py) led to {site.path()!r}"
    assert "条未读" in header_inbox_text(site), f"the header's inbox link reads {header_inbox_text(site)!r}"
    problems: list[str] = []
    check = page_checker(site, problems, overflow=True)
    click_header_link(site, "/inbox")
    main = site.driver.find_element(By.TAG_NAME, "main").text
    assert "请尽快报送2023年7月调度进展" in main and "第 " in main, f"the inbox does not show the reminder: {main[:300]!r}"
    site.driver.set_window_size(*NARROW)
    site.driver.refresh()
    check("inbox-375px")
    site.click_button("全部标为已读")
    assert header_inbox_text(site) == "消息", f"after reading, the header still says {header_inbox_text(site)!r}"
    check("inbox-read")
    reminder_links = site.driver.find_elements(By.CSS_SELECTOR, 'main .inbox a[href^="/rounds/"]')
    assert reminder_links, "the message does not link to the round"
    site.click(reminder_links[0], "the round the reminder names")
    rows = [r for r in site.driver.find_elements(By.CSS_SELECTOR, "main table tbody tr") if UNIT in r.text]
    assert rows, f"the July round lists no task of {UNIT}"
    site.click(rows[0].find_element(By.CSS_SELECTOR, "th a"), "a task to report on")
    site.fill("field-workDone", "完成项目可研批复")
    site.click_button("保存草稿")
    with tempfile.TemporaryDirectory() as folder:
        photo = Path(folder) / "现场照片.png"
        photo.write_bytes(PNG)
        site.driver.find_element(By.ID, "field-file").send_keys(str(photo))
        site.click_button("上传")
    status = site.driver.find_element(By.CSS_SELECTOR, 'main [role="status"]').text
    assert status == ATTACHED, f"after uploading, the page says {status!r}; alerts {visible_alerts(site)}"
    files = site.driver.find_elements(By.CSS_SELECTOR, 'main .attachments a[href^="/attachments/"]')
    assert [f.text for f in files] == ["现场照片.png"], f"the report lists {[f.text for f in files]}"
    check("report-with-evidence-375px")
    assert not problems, "problems found:\n\n" + "\n\n".join(problems)


def test_leaders_read_their_dashboards(site, accounts):
    """xianzhang (county head): the whole plan; fuxianzhang (a deputy): their portfolio. Charts
    carry text alternatives; 0 axe violations, also at 375 px."""
    problems: list[str] = []
    check = page_checker(site, problems, overflow=True)
    for account, scope in (("xianzhang", "全部任务"), ("fuxianzhang", "分管的任务")):
        site.driver.delete_all_cookies()
        site.driver.set_window_size(1280, 900)
        sign_in_and_change_password(site, accounts, account)
        open_dashboard(site)
        lead = site.driver.find_element(By.CSS_SELECTOR, "main .lead").text
        assert scope in lead, f"{account}'s dashboard is for {lead!r}, expected {scope!r}"
        charts = site.driver.find_elements(By.CSS_SELECTOR, 'main svg[role="img"]')
        assert charts and all(c.get_attribute("aria-label") for c in charts), f"{account}: charts without text alternatives"
        site.driver.set_window_size(*NARROW)
        site.driver.refresh()
        check(f"dashboard-{account}-375px")
    assert not problems, "problems found:\n\n" + "\n\n".join(problems)



def test_a_deputy_writes_an_instruction(site, accounts):
    """fuxianzhang (signed in with the password the test above set): a task of the portfolio →
    its work page → 批示; the instruction page lists the lead units to answer; the deputy's
    dashboard lists it under 我的批示. 0 axe violations."""
    problems: list[str] = []
    check = page_checker(site, problems)
    open_login_from_home(site)
    site.fill("field-username", "fuxianzhang")
    site.fill("field-password", NEW_PASSWORD)
    site.click_button(SIGN_IN[site.html_lang()])
    open_dashboard(site)
    tasks = [a.get_attribute("href") for a in site.driver.find_elements(By.CSS_SELECTOR, 'main a[href*="/tasks/"]')]
    assert tasks, "the deputy's dashboard links no task"
    site.driver.get(tasks[0].split("/work")[0].rstrip("/") + "/work")
    site.fill(next(t.get_attribute("id") for t in site.driver.find_elements(By.CSS_SELECTOR, 'main textarea[name="text"]')),
              "请倒排工期，确保按期完成。")
    site.click_button("发送批示")
    status = site.driver.find_element(By.CSS_SELECTOR, 'main [role="status"]').text
    assert status == "批示已发送。", f"after sending, the page says {status!r}; alerts {visible_alerts(site)}"
    assert "待签收" in site.driver.find_element(By.TAG_NAME, "main").text
    check("instruction")
    open_dashboard(site)
    assert "我的批示（1）" in site.driver.find_element(By.TAG_NAME, "main").text
    check("deputy-dashboard-instructions")
    assert not problems, "WCAG 2.1 A/AA violations found by axe-core:\n\n" + "\n\n".join(problems)


def test_the_ledger_export_opens_in_libreoffice(luoshi_server):
    """duchashi's API token fetches the ledger export as of the June round's due date, red tasks
    only; LibreOffice Calc reads the header with a column per month and exactly the API's red
    tasks, each with its explanation."""
    import json
    import urllib.request
    from test_office_files import libreoffice_csv
    request = urllib.request.Request(luoshi_server + "/api/v1/session", method="POST",
                                     data=json.dumps({"username": "duchashi", "password": NEW_PASSWORD}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as resp:
        token = json.load(resp)["token"]

    def get(path: str) -> bytes:
        req = urllib.request.Request(luoshi_server + path, headers={"Authorization": f"Bearer {token}"})
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.read()

    plan = next(p for p in json.loads(get("/api/v1/plans")) if p["year"] == 2023)
    ledger = json.loads(get(f"/api/v1/plans/{plan['id']}/ledger?asOf=2023-06-25"))
    red = {r["number"]: r for r in ledger["rows"] if r["colour"] == "red"}
    rows = libreoffice_csv(get(f"/plans/{plan['id']}/ledger/export?asOf=2023-06-25&colour=red"))
    assert rows[0][:2] == ["序号", "工作任务"] and rows[0][-3:] == ["2023年4月核实进度", "2023年5月核实进度", "2023年6月核实进度"], rows[0]
    body = [r for r in rows[1:] if any(cell.strip() for cell in r)]
    assert {r[0] for r in body} == set(red), f"LibreOffice reads tasks {sorted(r[0] for r in body)}, the API's red ones are {sorted(red)}"
    for row in body:
        assert row[11] == "红灯" and row[13] == red[row[0]]["explanation"], f"task {row[0]}: {row[11]!r} {row[13]!r}"
