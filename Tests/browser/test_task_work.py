"""Browser tests of charters (任务书): a lead unit writes and submits one, the supervision
office finds it on its overview and approves it.

Pages are reached by clicking: the unit from its workbench, the office from the plan's
management page. Each page is checked by axe-core (WCAG 2.1 A/AA) and, on the unit's charter
page, for sideways scrolling at 375 px.

``jiaotongju`` (县交通运输局) is used by this module only. The supervisor ``duchashi`` is
shared with test_plan_import.py through its ``sign_in_supervisor`` (which knows whether the
one-time password was already changed).
"""

from __future__ import annotations

from selenium.webdriver.common.by import By

from luoshi_helpers import NARROW, horizontal_overflow
from test_accounts import click_header_link, sign_in_and_change_password
from test_plan_import import page_checker, sign_in_supervisor

UNIT_ACCOUNT = "jiaotongju"
UNIT = "县交通运输局"
CHARTER_FORM = "填报任务书"
SUBMIT = "提交审核"
SUBMITTED = "任务书已提交，等待督查室审核。"
APPROVE = "审核通过"
APPROVED = "已审核通过。"

# Carried from the unit's test to the office's: the work page of the charter submitted.
_submitted: dict[str, str] = {}


def lead_task_links(site) -> list:
    """Rows of the issued 2023 plan's table on the workbench whose lead-unit cell names UNIT:
    the link of each row's task number. (Other modules may import draft plans, listed first.)"""
    links = []
    tables = [t for t in site.driver.find_elements(By.CSS_SELECTOR, "main table")
              if "2023年" in t.find_element(By.TAG_NAME, "caption").get_attribute("textContent")]
    for row in [r for t in tables for r in t.find_elements(By.CSS_SELECTOR, "tbody tr")]:
        lead = row.find_elements(By.CSS_SELECTOR, "td")[1].text
        if UNIT in lead:
            links.append(row.find_element(By.CSS_SELECTOR, 'th a[href$="/work"]'))
    return links


def visible_alerts(site) -> list[str]:
    return [e.text for e in site.driver.find_elements(By.CSS_SELECTOR, 'main [role="alert"]') if e.is_displayed()]


def fill_charter(site) -> None:
    """Fill every field a complete charter needs, as the unit would, from what the form shows."""
    driver = site.driver
    completes = driver.find_elements(By.ID, "field-completesOn")
    completes_on = completes[0].get_attribute("value") if completes else ""
    last_quarter = (int(completes_on[5:7]) - 1) // 3 + 1 if completes_on[:4] == "2023" else 4
    for q in range(1, 5):
        site.fill(f"field-q{q}Target", f"第{q}季度：完成年度任务的阶段目标")
        share = 100 if q >= last_quarter else round(100 * q / last_quarter)
        site.fill(f"field-q{q}Percent", str(share))
    for month in range(1, 13):
        site.fill(f"field-month{month}", f"{month}月：按计划推进并报送进展")
    site.fill("field-roadmap", "一季度完成方案，二季度开工，三季度推进，四季度验收")
    measures = driver.find_elements(By.ID, "field-measures")
    if measures and not measures[0].get_attribute("value").strip():
        site.fill("field-measures", "成立专班，倒排工期，每月调度")
    milestones = driver.find_element(By.ID, "field-milestones")
    if not milestones.get_attribute("value").strip():
        site.fill("field-milestones", "2023-06-30 完成过半")
    site.fill("field-ownerLeader", "张副局长")
    site.fill("field-ownerSection", "综合规划科")
    site.fill("field-ownerStaff", "王明")
    site.fill("field-ownerContact", "0539-2251234")


def test_unit_submits_a_charter(site, accounts):
    """jiaotongju signs in (forced change), opens one of its lead tasks from the workbench,
    submits an empty charter (errors named, role=alert), fills it in and submits it; the page
    then says it awaits review. 0 axe violations throughout; no sideways scroll at 375 px."""
    sign_in_and_change_password(site, accounts, UNIT_ACCOUNT)
    click_header_link(site, "/workbench")
    links = lead_task_links(site)
    assert links, f"{UNIT_ACCOUNT}'s workbench lists no task led by {UNIT}"
    site.click(links[0], "a lead task's work page")
    work_path = site.path().split("?")[0]
    assert work_path.endswith("/work"), work_path
    problems: list[str] = []
    check = page_checker(site, problems)
    forms = site.driver.find_elements(By.CSS_SELECTOR, f'main form[aria-label="{CHARTER_FORM}"]')
    assert len(forms) == 1, f"{work_path}: {len(forms)} charter form(s), expected 1"
    check("charter-form")

    site.click_button(SUBMIT)
    alerts = visible_alerts(site)
    assert alerts and "请填写第1季度目标" in alerts[0], f"submitting an empty charter: alerts {alerts}"
    invalid = site.driver.find_elements(By.CSS_SELECTOR, 'main [aria-invalid="true"]')
    assert invalid, "no field is marked aria-invalid after a refused submission"
    check("charter-errors")

    fill_charter(site)
    site.click_button(SUBMIT)
    assert site.path().split("?")[0] == work_path, f"submitting led to {site.path()!r}"
    assert not visible_alerts(site), f"the filled charter was refused: {visible_alerts(site)}"
    status = site.driver.find_element(By.CSS_SELECTOR, 'main [role="status"]').text
    assert status == SUBMITTED, f"after submitting, the page says {status!r}"
    assert "已提交，待审核" in site.driver.find_element(By.ID, "charter").find_element(By.XPATH, "..").text
    assert not site.driver.find_elements(By.CSS_SELECTOR, f'main form[aria-label="{CHARTER_FORM}"]'), "a submitted charter is still editable"
    check("charter-submitted")

    site.driver.set_window_size(*NARROW)
    site.driver.refresh()
    overflow = horizontal_overflow(site)
    if overflow:
        problems.append(f"[charter-375px] {overflow}")
    _submitted["path"] = work_path.split("?")[0]
    assert not problems, "problems found:\n\n" + "\n\n".join(problems)


def test_office_approves_the_submitted_charter(site, accounts):
    """duchashi opens 方案管理 → 任务书与调整申请, finds the submitted charter, opens the task
    and approves it; the task leaves the outstanding list. 0 axe violations."""
    assert _submitted.get("path"), "the unit's charter was not submitted (see test_unit_submits_a_charter)"
    sign_in_supervisor(site, accounts)
    if site.path() != "/workbench":
        click_header_link(site, "/workbench")
    manage = [a for a in site.driver.find_elements(By.CSS_SELECTOR, 'main a[href$="/manage"]')
              if "2023" in (a.get_attribute("aria-label") or "")]
    assert manage, "the supervisor's workbench has no management link for the 2023 sample plan"
    site.click(manage[0], "the 2023 plan's management link")
    site.click_first('main a[href$="/charters"]', "任务书与调整申请")
    overview = site.path()
    problems: list[str] = []
    check = page_checker(site, problems)
    check("charter-overview")
    row_links = [a for a in site.driver.find_elements(By.CSS_SELECTOR, "main table tbody th a")
                 if a.get_attribute("href").endswith(_submitted["path"])]
    assert row_links, f"the overview does not list {_submitted['path']}"
    row = row_links[0].find_element(By.XPATH, "ancestor::tr")
    assert "已提交，待审核" in row.text, f"the overview row reads {row.text!r}"
    site.click(row_links[0], "the submitted task")
    check("charter-review")
    site.click_button(APPROVE)
    status = site.driver.find_element(By.CSS_SELECTOR, 'main [role="status"]').text
    assert status == APPROVED, f"after approving, the page says {status!r}"
    check("charter-approved")
    site.open_start(overview)  # the overview again, as after any bookmark
    remaining = [a.get_attribute("href") for a in site.driver.find_elements(By.CSS_SELECTOR, "main table tbody th a")]
    assert not any(h.endswith(_submitted["path"]) for h in remaining), "the approved charter is still listed as outstanding"
    assert not problems, "WCAG 2.1 A/AA violations found by axe-core:\n\n" + "\n\n".join(problems)


def test_office_revises_the_interpretation(site, accounts):
    """duchashi opens 方案管理 → 政策解读: the sample's published version is listed; 修订为新版本
    opens version 2 as a draft with its form and preview; saving keeps the text. 0 axe
    violations, also at 375 px."""
    sign_in_supervisor(site, accounts)
    if site.path() != "/workbench":
        click_header_link(site, "/workbench")
    manage = [a for a in site.driver.find_elements(By.CSS_SELECTOR, 'main a[href$="/manage"]')
              if "2023" in (a.get_attribute("aria-label") or "")]
    assert manage, "the supervisor's workbench has no management link for the 2023 sample plan"
    site.click(manage[0], "the 2023 plan's management link")
    site.click_first('main a[href$="/interpretation/edit"]', "政策解读")
    problems: list[str] = []
    check = page_checker(site, problems, overflow=True)
    check("interpretation-editor")
    site.click_button("修订为新版本")
    assert "第2版（草稿）" in site.driver.find_element(By.CSS_SELECTOR, "main").text
    check("interpretation-draft")
    site.click_button("保存草稿")
    status = site.driver.find_element(By.CSS_SELECTOR, 'main [role="status"]').text
    assert status == "草稿已保存。", f"after saving, the page says {status!r}"
    site.driver.set_window_size(375, 812)
    check("interpretation-draft-375")
    assert not problems, "WCAG 2.1 A/AA violations found by axe-core:\n\n" + "\n\n".join(problems)


# --------------------------------------------------------------------------
# Monthly dispatch: the office opens a round, the unit reports, the office verifies.

ROUNDS = "月调度"
OPEN_ROUND = "开展月调度"
NEW_MONTH = "2023-07"
ROUND_NAME = "2023年7月调度"
REPORT_FORM = "填报本月进展"
REPORTED = "进展已报送，等待督查室核实。"
VERIFIED = "已核实。"

_dispatch: dict[str, str] = {}


def sign_in_unit(site, accounts) -> None:
    """jiaotongju with the password test_unit_submits_a_charter set (or its one-time one, changed now)."""
    from test_accounts import NEW_PASSWORD, SIGN_IN, open_login_from_home
    if not _submitted.get("path"):
        sign_in_and_change_password(site, accounts, UNIT_ACCOUNT)
        _submitted["path"] = "changed"
        return
    open_login_from_home(site)
    site.fill("field-username", UNIT_ACCOUNT)
    site.fill("field-password", NEW_PASSWORD)
    site.click_button(SIGN_IN[site.html_lang()])


def open_rounds_of_2023(site) -> None:
    if site.path() != "/workbench":
        click_header_link(site, "/workbench")
    links = [a for a in site.driver.find_elements(By.CSS_SELECTOR, 'main a[href$="/rounds"]')
             if "2023" in (a.get_attribute("aria-label") or "")]
    assert links, "the workbench has no 月调度 link for the 2023 sample plan"
    site.click(links[0], "月调度 of the 2023 plan")


def open_dashboard(site) -> None:
    """Workbench → the 督查看板 link of the 2023 plan."""
    click_header_link(site, "/workbench")
    boards = [a for a in site.driver.find_elements(By.CSS_SELECTOR, 'main a[href$="/dashboard"]')
              if "2023" in (a.get_attribute("aria-label") or "")]
    assert boards, f"{site.path()}: the workbench has no 督查看板 link for the 2023 plan"
    site.click(boards[0], "督查看板")


def test_office_opens_a_round(site, accounts):
    """duchashi: workbench → 月调度 (three sample rounds) → 开展月调度 for 2023-07 → the round's
    pipeline. 0 axe violations."""
    sign_in_supervisor(site, accounts)
    open_rounds_of_2023(site)
    problems: list[str] = []
    check = page_checker(site, problems)
    body = site.driver.find_element(By.TAG_NAME, "main").text
    assert "2023年6月调度" in body and "2023年4月调度" in body, f"the sample rounds are not listed: {body[:300]!r}"
    check("rounds")
    month = site.driver.find_element(By.ID, "field-month").get_attribute("value")
    assert month == NEW_MONTH, f"the next month offered is {month!r}"
    site.click_button(OPEN_ROUND)
    heading = site.driver.find_element(By.CSS_SELECTOR, "main h1").text
    assert heading == ROUND_NAME, f"opening the round led to a page headed {heading!r}"
    _dispatch["round"] = site.path()
    check("round-pipeline")
    assert not problems, "WCAG 2.1 A/AA violations found by axe-core:\n\n" + "\n\n".join(problems)


def test_unit_reports_in_the_round(site, accounts):
    """jiaotongju: workbench → 月调度 → the July round → one of its tasks → fills in and submits
    the report. 0 axe violations; no sideways scroll at 375 px."""
    assert _dispatch.get("round"), "the office did not open the round (see test_office_opens_a_round)"
    sign_in_unit(site, accounts)
    open_rounds_of_2023(site)
    links = [a for a in site.driver.find_elements(By.CSS_SELECTOR, "main table a") if a.text.strip() == ROUND_NAME]
    assert links, "the rounds page does not list the July round"
    site.click(links[0], ROUND_NAME)
    rows = site.driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")
    led = [r for r in rows if UNIT in r.find_elements(By.CSS_SELECTOR, "td")[1].text]
    assert led, f"the round lists no task led by {UNIT} for {UNIT_ACCOUNT}"
    site.click(led[0].find_element(By.CSS_SELECTOR, "th a"), "a task to report on")
    problems: list[str] = []
    check = page_checker(site, problems, overflow=False)
    forms = site.driver.find_elements(By.CSS_SELECTOR, f'main form[aria-label="{REPORT_FORM}"]')
    assert len(forms) == 1, f"{site.path()}: {len(forms)} report form(s)"
    check("report-form")
    site.fill("field-workDone", "完成路基工程招标，签订施工合同")
    site.fill("field-progress", "55")
    site.fill("field-nextPlan", "8月开工建设，完成路基土方30%")
    from selenium.webdriver.support.ui import Select
    Select(site.driver.find_element(By.ID, "field-selfStatus")).select_by_value("onTrack")
    site.click_button("报送")
    status = site.driver.find_element(By.CSS_SELECTOR, 'main [role="status"]').text
    assert status == REPORTED, f"after submitting, the page says {status!r}; alerts {visible_alerts(site)}"
    _dispatch["report"] = site.path().split("?")[0]
    check("report-submitted")
    site.driver.set_window_size(*NARROW)
    site.driver.refresh()
    overflow = horizontal_overflow(site)
    if overflow:
        problems.append(f"[report-375px] {overflow}")
    open_dashboard(site)
    assert "本轮待报送" in site.driver.find_element(By.TAG_NAME, "main").text, "the unit's dashboard does not say what is still due"
    check("unit-dashboard-375px")
    assert not problems, "problems found:\n\n" + "\n\n".join(problems)


def test_office_verifies_the_report_and_reads_the_ledger(site, accounts):
    """duchashi: the July round → the submitted report → 核实通过; then 台账 shows lights with
    their explanations. 0 axe violations."""
    assert _dispatch.get("report"), "the unit did not report (see test_unit_reports_in_the_round)"
    sign_in_supervisor(site, accounts)
    open_rounds_of_2023(site)
    links = [a for a in site.driver.find_elements(By.CSS_SELECTOR, "main table a") if a.text.strip() == ROUND_NAME]
    site.click(links[0], ROUND_NAME)
    targets = [a for a in site.driver.find_elements(By.CSS_SELECTOR, "main table tbody th a")
               if _dispatch["report"].endswith(a.get_attribute("href").split(site.base_url)[-1])]
    assert targets, "the office's pipeline does not list the reported task"
    row = targets[0].find_element(By.XPATH, "ancestor::tr")
    assert "已报送，待核实" in row.text, f"the pipeline row reads {row.text!r}"
    site.click(targets[0], "the reported task")
    problems: list[str] = []
    check = page_checker(site, problems)
    check("report-review")
    site.click_button("核实通过")
    status = site.driver.find_element(By.CSS_SELECTOR, 'main [role="status"]').text
    assert status == VERIFIED, f"after verifying, the page says {status!r}; alerts {visible_alerts(site)}"
    open_rounds_of_2023(site)
    site.click_first('main a[href$="/ledger"]', "台账")
    check("ledger")
    lights = site.driver.find_elements(By.CSS_SELECTOR, "main .light")
    assert len(lights) == 91, f"the ledger shows {len(lights)} lights"
    texts = {l.text for l in lights}
    assert {"绿灯", "黄灯", "红灯"} <= texts, f"the sample ledger's lights are only {texts}"
    assert "截至" in site.driver.find_element(By.CSS_SELECTOR, "main .lead").text
    open_dashboard(site)
    charts = site.driver.find_elements(By.CSS_SELECTOR, 'main svg[role="img"]')
    assert charts and all(c.get_attribute("aria-label") for c in charts), "the dashboard's charts lack text alternatives"
    check("dashboard")
    assert not problems, "WCAG 2.1 A/AA violations found by axe-core:\n\n" + "\n\n".join(problems)
