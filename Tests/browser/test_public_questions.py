"""Browser tests of 政民互动 (public questions), end to end and without JavaScript help:

1. a visitor reaches a task of 县统计局 by links (单位 → the unit → a task), opens 就此项任务留言,
   is refused for a contact that is neither a telephone number nor an email address, then sends the question and gets a receipt;
2. the office (duchashi) finds it under 群众留言 in the header and routes it to 县统计局;
3. 县统计局 (``tongjiju``, used by this module only) answers it from its own 群众留言 list;
4. the office approves it, and the task's public page, fetched without cookies, shows the
   question and answer but never the contact.

Every page passes axe (WCAG 2.1 A/AA) without sideways scrolling: the visitor's form in every
language and display mode, in high contrast and at 375 px; the office's and the unit's pages
also in elder mode with high contrast (the unit's at 375 px).
"""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from luoshi_helpers import MODES, NARROW, open_home_in_mode, switch_mode
from test_accounts import click_header_link, sign_in_and_change_password
from test_plan_import import fetch, page_checker, sign_in_supervisor

UNIT = "县统计局"
UNIT_ACCOUNT = "tongjiju"
QUESTIONS = "/questions"
CONTACT = "0539-7654321"
QUESTION = "统计数据什么时候公开？"
ANSWER = "年度统计公报于每年3月在县政府网站公开。"
ASK_LINK = {"zh-CN": "就此项任务留言", "en": "Ask about this task"}
UNITS_LINK = {"zh-CN": "责任单位", "en": "Units"}
CONTRAST_LINK = {"zh-CN": "高对比度", "en": "High contrast"}

# Carried from each step to the next: the task's path and the receipt.
_question: dict[str, str] = {}


def open_ask_form(site, lang: str = "zh-CN", elder: bool = False) -> None:
    """Home → 责任单位 → 县统计局 → its first task → 就此项任务留言."""
    open_home_in_mode(site, lang, elder)
    site.click_first('header a[href="/units"], nav a[href="/units"]', "the units link")
    units = [a for a in site.driver.find_elements(By.CSS_SELECTOR, 'main a[href^="/units/"]') if UNIT in a.text]
    assert units, f"{site.path()}: no link to {UNIT}"
    site.click(units[0], UNIT)
    site.click_first('main a[href^="/tasks/"]', "a task of " + UNIT)
    _question.setdefault("task", site.path())
    site.click_link_text(ASK_LINK[lang])
    assert site.path().endswith("/ask"), site.path()


@pytest.mark.parametrize("lang, elder", MODES)
def test_the_ask_form_passes_axe_in_every_mode(site, lang, elder):
    """The visitor's form, in each language and display mode, in high contrast and at 375 px."""
    problems: list[str] = []
    check = page_checker(site, problems, overflow=True)
    open_ask_form(site, lang, elder)
    check("ask")
    site.click_link_text(CONTRAST_LINK[lang])
    assert site.path().endswith("/ask"), site.path()
    check("ask-contrast")
    site.driver.set_window_size(*NARROW)
    check("ask-contrast-375")
    assert not problems, "the ask form:\n\n" + "\n\n".join(problems)


def test_a_visitor_asks(site):
    problems: list[str] = []
    check = page_checker(site, problems, overflow=True)
    site.driver.set_window_size(*NARROW)
    open_ask_form(site)
    site.fill("field-name", "王女士")
    site.fill("field-contact", "电话")
    site.fill("field-text", QUESTION)
    site.click_button("提交留言")
    summary = site.driver.find_element(By.CSS_SELECTOR, "main .error-summary").text
    assert "联系方式应为电话号码" in summary, summary
    assert site.driver.find_element(By.ID, "field-text").get_attribute("value") == QUESTION, "what was typed is kept"
    check("ask-refused")
    site.fill("field-contact", CONTACT)
    site.click_button("提交留言")
    status = site.driver.find_element(By.CSS_SELECTOR, 'main [role="status"]').text
    assert status.startswith("留言编号："), status
    _question["receipt"] = status.split("：", 1)[1].split("。", 1)[0]
    check("ask-received")
    site.click_link_text("返回任务页面")
    assert QUESTION not in site.driver.find_element(By.TAG_NAME, "main").text, "public before approval"
    assert not problems, "\n\n".join(problems)


def open_question(site) -> None:
    """群众留言 in the header → the question's receipt in the list."""
    assert _question.get("receipt"), "test_a_visitor_asks did not finish"
    click_header_link(site, QUESTIONS)
    site.click_link_text(_question["receipt"])


def test_the_office_routes_it(site, accounts):
    sign_in_supervisor(site, accounts)
    problems: list[str] = []
    check = page_checker(site, problems, overflow=True)
    click_header_link(site, QUESTIONS)
    check("questions-office")
    site.click_link_text(_question["receipt"])
    main = site.driver.find_element(By.TAG_NAME, "main").text
    assert CONTACT in main and QUESTION in main, main[:400]
    check("question-office")
    select = Select(site.driver.find_element(By.ID, "field-unit"))
    choice = [o.text for o in select.options if UNIT[1:] in o.text]
    assert choice, [o.text for o in select.options]
    select.select_by_visible_text(choice[0])
    site.click_button("转办")
    status = site.driver.find_element(By.CSS_SELECTOR, 'main [role="status"]').text
    assert status == "已转办，承办单位会收到提醒。", status
    check("question-routed")
    switch_mode(site, "zh-CN", True, shots=False)
    check("question-routed-elder")
    site.click_link_text(CONTRAST_LINK["zh-CN"])
    check("question-routed-elder-contrast")
    click_header_link(site, QUESTIONS)
    check("questions-elder-contrast")
    assert not problems, "\n\n".join(problems)


def test_the_unit_answers_it(site, accounts):
    sign_in_and_change_password(site, accounts, UNIT_ACCOUNT)
    site.driver.set_window_size(*NARROW)
    problems: list[str] = []
    check = page_checker(site, problems, overflow=True)
    open_question(site)
    main = site.driver.find_element(By.TAG_NAME, "main").text
    assert QUESTION in main and CONTACT not in main, "the unit sees the question, never the contact"
    check("question-unit-375")
    switch_mode(site, "zh-CN", True, shots=False)
    site.click_link_text(CONTRAST_LINK["zh-CN"])
    check("question-unit-375-elder-contrast")
    site.fill("field-answer", ANSWER)
    site.click_button("提交答复")
    status = site.driver.find_element(By.CSS_SELECTOR, 'main [role="status"]').text
    assert status == "答复已提交，待督查室审核。", status
    check("question-answered-375")
    assert not problems, "\n\n".join(problems)


def test_the_office_approves_it_and_the_public_reads_it(site, accounts, luoshi_server):
    sign_in_supervisor(site, accounts)
    problems: list[str] = []
    check = page_checker(site, problems, overflow=True)
    open_question(site)
    assert ANSWER in site.driver.find_element(By.TAG_NAME, "main").text
    site.click_button("审核通过并公开")
    status = site.driver.find_element(By.CSS_SELECTOR, 'main [role="status"]').text
    assert status.startswith("已审核通过"), status
    check("question-approved")
    status_code, _, body = fetch(luoshi_server + _question["task"])
    html = body.decode()
    assert status_code == 200 and QUESTION in html and ANSWER in html and "王女士" in html, html[-2000:]
    assert CONTACT not in html, "the contact is never public"
    site.open_start(_question["task"])
    check("task-with-answer")
    assert not problems, "\n\n".join(problems)
