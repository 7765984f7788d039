"""督查通报 in a real browser and a real office suite.

The office (duchashi) goes workbench → 月调度 → 督查通报, generates the June 2023 draft,
edits its introduction, publishes it: it becomes 第3期 (the sample published April and May
as 第1期 and 第2期). A visitor then follows the plan page's 督查通报 link to 第3期: 0 axe
violations, no sideways scroll at 375 px. LibreOffice Writer (headless, installed by
.ci/run) converts its Word file to PDF; pdftotext (poppler-utils) reads at least one page
holding the title and the overview's counts, as the page states them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from luoshi_helpers import NARROW, horizontal_overflow
from test_office_files import fetch, libreoffice_convert
from test_plan_import import page_checker, sign_in_supervisor
from test_task_work import open_rounds_of_2023, visible_alerts

INTRO = "为推动重点任务落实，县政府督查室对6月份推进情况进行了调度核实（浏览器测试）。"
TITLE = "关于2023年6月份政府工作报告重点任务落实情况的通报"
_published: dict[str, str] = {}


def pdf_text(docx: bytes) -> tuple[int, str]:
    """(pages, text) of the Word file as LibreOffice Writer lays it out and pdftotext reads it."""
    assert shutil.which("pdftotext") and shutil.which("pdfinfo"), "poppler-utils is not installed; .ci/run installs it"
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "bulletin.pdf"
        pdf.write_bytes(libreoffice_convert(docx, "docx", "pdf"))
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        return pages, text


def test_office_generates_edits_and_publishes_the_june_bulletin(site, accounts):
    sign_in_supervisor(site, accounts)
    open_rounds_of_2023(site)
    problems: list[str] = []
    check = page_checker(site, problems)
    site.click_first('main a[href$="/bulletin-issues"]', "督查通报")
    main = site.driver.find_element(By.TAG_NAME, "main").text
    assert "第2期" in main and "第1期" in main, f"the sample's published issues are not listed: {main[:300]!r}"
    check("bulletins")
    Select(site.driver.find_element(By.ID, "field-round")).select_by_visible_text("2023年6月调度")
    site.click_button("生成通报草稿")
    heading = site.driver.find_element(By.CSS_SELECTOR, "main h1").text
    assert heading == "第3期（草稿） · 2023年6月调度", f"the draft is headed {heading!r}; alerts {visible_alerts(site)}"
    check("bulletin-draft")

    site.fill("field-intro", INTRO)
    site.click_button("保存")
    status = site.driver.find_element(By.CSS_SELECTOR, 'main [role="status"]').text
    assert status == "已保存。", f"after saving, the page says {status!r}; alerts {visible_alerts(site)}"
    assert INTRO in site.driver.find_element(By.CSS_SELECTOR, "main article.bulletin").text, "the preview does not show the edited text"
    site.click_button("发布")
    status = site.driver.find_element(By.CSS_SELECTOR, 'main [role="status"]').text
    assert status.startswith("已发布"), f"after publishing, the page says {status!r}; alerts {visible_alerts(site)}"
    assert site.driver.find_element(By.CSS_SELECTOR, "main h1").text == "第3期 · 2023年6月调度"
    assert not site.driver.find_elements(By.ID, "field-intro"), "a published bulletin still offers its edit form"
    check("bulletin-published")
    _published["issue"] = "3"
    assert not problems, "WCAG 2.1 A/AA violations found by axe-core:\n\n" + "\n\n".join(problems)


def test_the_public_reads_the_bulletin_and_its_word_file_opens(site, luoshi_server):
    assert _published.get("issue"), "the office did not publish (see the test above)"
    site.open_start("/")
    problems: list[str] = []
    check = page_checker(site, problems, overflow=True)
    site.click_first('main a[href$="/bulletins"]', "督查通报 on the plan page")
    check("public-bulletins")
    links = [a for a in site.driver.find_elements(By.CSS_SELECTOR, "main a") if a.text.startswith("第3期")]
    assert links, "the public list does not show 第3期"
    site.click(links[0], "第3期")
    article = site.driver.find_element(By.CSS_SELECTOR, "main article.bulletin")
    assert site.driver.find_element(By.CSS_SELECTOR, "main h1").text == TITLE
    assert INTRO in article.text
    overview = next(p.text for p in article.find_elements(By.CSS_SELECTOR, "p") if p.text.startswith("纳入本期调度的重点任务共"))
    check("public-bulletin")
    site.driver.set_window_size(*NARROW)
    site.driver.refresh()
    check("public-bulletin-375px")
    word_url = site.driver.find_element(By.CSS_SELECTOR, 'main a[href$="/word"]').get_attribute("href")
    assert not problems, "problems found:\n\n" + "\n\n".join(problems)

    pages, text = pdf_text(fetch(word_url))
    flat = re.sub(r"\s+", "", text)
    assert pages >= 1
    assert "督查通报" in flat and "第3期" in flat and TITLE in flat, f"the PDF's text lacks the masthead or title: {flat[:300]!r}"
    counts = re.findall(r"(共\d+项|[^，；。]+?\d+项，占[\d.]+%)", overview)
    assert counts, f"no counts in the overview {overview!r}"
    for clause in counts:
        assert clause in flat, f"the PDF does not state {clause!r} (overview: {overview!r})"


def test_office_rectifies_a_red_task(site, accounts):
    """duchashi: 月调度 → 督办: the rules propose rectifications for June's red tasks; accepting
    one fills the form in; the step is taken (整改〔2023〕1号) and closed on verification. 0 axe
    violations, also at 375 px."""
    sign_in_supervisor(site, accounts)
    open_rounds_of_2023(site)
    problems: list[str] = []
    check = page_checker(site, problems)
    site.click_first('main a[href$="/supervision"]', "督办")
    main = site.driver.find_element(By.TAG_NAME, "main").text
    assert "亮红灯" in main, f"no rectification is proposed for a red task: {main[:400]!r}"
    check("supervision")
    site.driver.set_window_size(*NARROW)
    site.driver.refresh()
    overflow = horizontal_overflow(site)
    if overflow:
        problems.append(f"[supervision-375px] {overflow}")
    site.driver.set_window_size(1280, 1000)
    accept = [a for row in site.driver.find_elements(By.CSS_SELECTOR, "main tbody tr") if "亮红灯" in row.text
              for a in row.find_elements(By.CSS_SELECTOR, "a") if a.text == "采纳并填写"]
    assert accept, "no red task's proposal can be accepted"
    site.click(accept[0], "采纳并填写")
    facts = site.driver.find_element(By.ID, "field-facts").get_attribute("value")
    assert "亮红灯" in facts, f"the form is not filled in from the proposal: {facts!r}"
    assert site.driver.find_element(By.ID, "field-deadline").get_attribute("value"), "no reply date was suggested"
    site.click_button("发起")
    heading = site.driver.find_element(By.CSS_SELECTOR, "main h1").text
    assert heading.startswith("限期整改 整改〔2023〕"), f"taking the step led to {heading!r}; alerts {visible_alerts(site)}"
    check("supervision-step")
    site.fill("field-note", "经现场核验，整改到位。")
    site.click_button("核验通过，销号")
    status = site.driver.find_element(By.CSS_SELECTOR, 'main [role="status"]').text
    assert status == "已销号。", f"after closing, the page says {status!r}; alerts {visible_alerts(site)}"
    check("supervision-closed")
    assert not problems, "problems found:\n\n" + "\n\n".join(problems)


def test_office_reads_the_units_ranking(site, accounts):
    """duchashi: 月调度 → 单位考核: June's ranking with each unit's breakdown, then the year's; the
    top band is rated 优秀. 0 axe violations, no sideways scroll at 375 px."""
    sign_in_supervisor(site, accounts)
    open_rounds_of_2023(site)
    problems: list[str] = []
    check = page_checker(site, problems, overflow=True)
    site.click_first('main a[href$="/assessment"]', "单位考核")
    caption = site.driver.find_element(By.CSS_SELECTOR, "main table caption").text
    assert caption == "2023年6月调度单位考核排名", f"the ranking is captioned {caption!r}"
    rows = site.driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")
    assert len(rows) > 10 and "优秀" in rows[0].text, f"{len(rows)} ranked units; first row {rows[0].text if rows else ''!r}"
    check("assessment-june")
    Select(site.driver.find_element(By.ID, "field-period")).select_by_visible_text("2023年全年")
    site.click_button("查看")
    assert "2023年全年单位考核排名" in site.driver.find_element(By.CSS_SELECTOR, "main table caption").text
    site.driver.set_window_size(*NARROW)
    site.driver.refresh()
    check("assessment-year-375px")
    assert not problems, "problems found:\n\n" + "\n\n".join(problems)


def test_office_runs_a_special_inspection(site, accounts):
    """duchashi: 督办 → 专项督查: plans an inspection of tasks 2.1 and 2.2, records a finding and
    turns it into a rectification in one step. 0 axe violations."""
    sign_in_supervisor(site, accounts)
    open_rounds_of_2023(site)
    problems: list[str] = []
    check = page_checker(site, problems)
    site.click_first('main a[href$="/supervision"]', "督办")
    site.click_first('main a[href$="/inspections"]', "专项督查")
    check("inspections")
    site.fill("field-topic", "重点项目建设专项督查")
    site.fill("field-team", "县政府督查室 王明、李华")
    for field, value in (("field-startsOn", "2023-07-11"), ("field-endsOn", "2023-07-13")):
        site.driver.execute_script("arguments[0].value = arguments[1]", site.driver.find_element(By.ID, field), value)
    site.fill("field-tasks", "2.1、2.2")
    site.click_button("安排专项督查")
    assert site.driver.find_element(By.CSS_SELECTOR, "main h1").text == "重点项目建设专项督查", f"alerts {visible_alerts(site)}"
    site.fill("field-text", "现场查看，项目用地手续尚未办结，进度滞后。")
    site.click_button("记录督查发现")
    status = site.driver.find_element(By.CSS_SELECTOR, 'main [role="status"]').text
    assert status == "督查发现已记录。", f"after recording, the page says {status!r}; alerts {visible_alerts(site)}"
    check("inspection-finding")
    site.click_button("转为限期整改")
    heading = site.driver.find_element(By.CSS_SELECTOR, "main h1").text
    assert heading.startswith("限期整改 整改〔2023〕"), f"turning the finding into a rectification led to {heading!r}"
    assert "专项督查“重点项目建设专项督查”发现" in site.driver.find_element(By.TAG_NAME, "main").text
    assert not problems, "WCAG 2.1 A/AA violations found by axe-core:\n\n" + "\n\n".join(problems)
