"""Browser tests of Luoshi's public pages: WCAG 2.1 A/AA (axe-core), narrow
screens, and the skip link, in both languages and both display modes.

Only the home page is opened by URL; every other page, and every switch of
language or display mode, is reached by clicking the links a person would.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from luoshi_helpers import MODES, NARROW, assert_mode, horizontal_overflow, open_home_in_mode

PART_LINK = 'main a[href*="/parts/"]'
TASK_LINK = 'main a[href^="/tasks/"]'
UNIT_LINK = 'main a[href^="/units/"]'


@pytest.mark.parametrize("lang, elder", MODES)
def test_pages_pass_axe_wcag21_aa(site, lang, elder):
    """Home -> part -> task -> unit, by clicking links: 0 axe violations on each."""
    open_home_in_mode(site, lang, elder)
    problems = []

    def check(label):
        assert_mode(site, lang, elder)  # the choice sticks while browsing
        site.screenshot(label)
        report = site.axe_report(label)
        if report:
            problems.append(report)

    check("home")
    site.click_first(PART_LINK, "part link")
    assert "/parts/" in site.path(), site.path()
    check("part")
    site.click_first(TASK_LINK, "task link")
    assert site.path().startswith("/tasks/"), site.path()
    check("task")
    site.click_first(UNIT_LINK, "unit link")
    assert site.path().startswith("/units/"), site.path()
    check("unit")

    assert not problems, "WCAG 2.1 A/AA violations found by axe-core:\n\n" + "\n\n".join(problems)


@pytest.mark.parametrize("lang, elder", MODES)
def test_narrow_screen_no_sideways_scroll(site, lang, elder):
    """At 375 px wide, home and part pages fit the width and still pass axe."""
    site.driver.set_window_size(*NARROW)
    open_home_in_mode(site, lang, elder)
    width = site.driver.execute_script("return window.innerWidth")
    assert width == NARROW[0], f"viewport is {width} px wide, expected {NARROW[0]}"
    problems = []

    def check(label):
        assert_mode(site, lang, elder)
        site.screenshot(label)
        for report in (horizontal_overflow(site), site.axe_report(label)):
            if report:
                problems.append(report)

    check("home-375")
    site.click_first(PART_LINK, "part link")
    assert "/parts/" in site.path(), site.path()
    check("part-375")

    assert not problems, f"problems at {NARROW[0]} px wide:\n\n" + "\n\n".join(problems)


@pytest.mark.parametrize("lang, elder", MODES)
def test_skip_link_is_first_focusable(site, lang, elder):
    """One TAB from the body lands on the skip link, which targets #main and works."""
    open_home_in_mode(site, lang, elder)
    for label in ("home", "part"):
        if label == "part":
            site.click_first(PART_LINK, "part link")
        assert_mode(site, lang, elder)
        where = f"{label} page {site.path()}"

        # Start from the body, as a keyboard user does on a freshly loaded page.
        site.driver.execute_script(
            "if (document.activeElement && document.activeElement !== document.body)"
            " document.activeElement.blur();"
        )
        assert site.driver.execute_script("return document.activeElement === document.body"), (
            f"{where}: focus is not on the body before pressing TAB"
        )
        ActionChains(site.driver).send_keys(Keys.TAB).perform()
        focused = site.driver.execute_script(
            """
            const a = document.activeElement;
            const r = a.getBoundingClientRect();
            return {tag: a.tagName.toLowerCase(), href: a.getAttribute('href') || '',
                    cls: a.className || '', text: (a.textContent || '').trim(),
                    html: a.outerHTML.slice(0, 200),
                    visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0
                             && r.top < window.innerHeight && r.left < window.innerWidth};
            """
        )
        site.screenshot(f"{label}-skip-link-focused")  # also the one shot of this page
        assert focused["tag"] == "a" and focused["href"].endswith("#main"), (
            f"{where}: first TAB focused {focused['html']!r}, not the skip link to #main"
        )
        assert focused["text"], f"{where}: the skip link has no text: {focused['html']!r}"
        assert focused["visible"], f"{where}: the focused skip link is not visible on screen: {focused['html']!r}"
        assert site.driver.execute_script("return !!document.getElementById('main')"), (
            f"{where}: the skip link's target #main does not exist"
        )

        # Following it moves focus to the main content.
        ActionChains(site.driver).send_keys(Keys.ENTER).perform()
        landed = site.driver.execute_script(
            "return {hash: location.hash, id: document.activeElement.id,"
            " tag: document.activeElement.tagName.toLowerCase()}"
        )
        assert landed["hash"] == "#main" and landed["id"] == "main", (
            f"{where}: after ENTER on the skip link, location.hash={landed['hash']!r} and focus is on"
            f" <{landed['tag']} id={landed['id']!r}>, expected #main focused"
        )


def test_axe_harness_reports_a_planted_violation(site):
    """Guards the harness: axe really runs, reports violations, and its errors are not swallowed."""
    site.open_start("/")
    site.screenshot("home")
    assert site.axe_report("home") == "", "the clean home page must pass before planting a violation"
    site.driver.execute_script(
        "const img = document.createElement('img');"
        "img.id = 'planted'; img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';"
        "img.width = 10; img.height = 10;"
        "document.getElementById('main').appendChild(img);"
    )
    report = site.axe_report("home with an image without alt")
    assert "image-alt [critical]" in report, report
    assert "#planted" in report and "<img" in report, report

    broken = site.run_axe_raw({"runOnly": {"type": "rule", "values": ["no-such-rule"]}})
    assert "error" in broken and "no-such-rule" in broken["error"], broken


def test_qr_code_opens_this_page(site, luoshi_server, tmp_path):
    """Each public page's footer QR code, as the browser draws it, decodes (zbarimg from
    zbar-tools, a real decoder) to the page's absolute address."""
    zbarimg = shutil.which("zbarimg")
    assert zbarimg, "zbarimg is missing: apt-get install zbar-tools (.ci/run installs it)"
    site.open_start("/")
    pages = [("home", None), ("part", PART_LINK), ("task", TASK_LINK), ("unit", UNIT_LINK)]
    for label, link in pages:
        if link:
            site.click_first(link, f"{label} link")
        figure = site.driver.find_element(By.CSS_SELECTOR, "footer figure.page-qr")
        assert figure.text.strip() == "扫一扫在手机打开当前页面", figure.text
        svg = figure.find_element(By.TAG_NAME, "svg")
        # Drawn larger than the page shows it, so the screenshot has several pixels per module.
        site.driver.execute_script("arguments[0].style.width = arguments[0].style.height = '400px'", svg)
        image = tmp_path / f"{label}.png"
        image.write_bytes(svg.screenshot_as_png)
        decoded = subprocess.run([zbarimg, "--raw", "-q", str(image)], capture_output=True, text=True, timeout=30)
        assert decoded.returncode == 0, f"{label}: zbarimg read no code (exit {decoded.returncode}): {decoded.stderr}"
        expected = luoshi_server.rstrip("/") + site.path().split("?")[0]
        assert decoded.stdout.strip() == expected, f"{label}: the code says {decoded.stdout.strip()!r}, the page is {expected!r}"
        assert svg.get_attribute("aria-label").endswith(expected), svg.get_attribute("aria-label")


CONTRAST_LINK = {"zh-CN": "高对比度", "en": "High contrast"}


@pytest.mark.parametrize("lang, elder", MODES)
def test_high_contrast_mode_passes_axe(site, lang, elder):
    """无障碍浏览: the high-contrast switch, clicked like any other, gives light text on black
    on every public page (home, part, task, unit, bulletins), with 0 axe violations, also at 375 px."""
    open_home_in_mode(site, lang, elder)
    site.click_link_text(CONTRAST_LINK[lang])
    assert site.path() == "/", site.path()
    problems = []

    def check(label):
        assert_mode(site, lang, elder)
        assert "contrast" in site.html_classes(), f"{site.path()}: not in high contrast: {site.html_classes()}"
        colours = site.driver.execute_script(
            "const s = getComputedStyle(document.body), a = document.querySelector('main a');"
            " return [s.backgroundColor, s.color, a ? getComputedStyle(a).color : ''];"
        )
        assert colours[:2] == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"], f"{site.path()}: body colours {colours}"
        assert colours[2] in ("", "rgb(255, 255, 0)"), f"{site.path()}: link colour {colours[2]}"
        site.screenshot(label)
        report = site.axe_report(label)
        if report:
            problems.append(report)

    check("home-contrast")
    site.click_first(PART_LINK, "part link")
    check("part-contrast")
    site.click_first(TASK_LINK, "task link")
    check("task-contrast")
    site.click_first(UNIT_LINK, "unit link")
    check("unit-contrast")
    site.driver.set_window_size(*NARROW)
    site.open_start("/")
    check("home-contrast-375")
    overflow = horizontal_overflow(site)
    if overflow:
        problems.append(overflow)
    assert not problems, "high-contrast problems:\n\n" + "\n\n".join(problems)


@pytest.mark.parametrize("lang, elder", MODES)
def test_open_data_pages_pass_axe(site, lang, elder):
    """开放数据 and 数据说明, reached from the footer link, in every mode and in high contrast:
    0 axe violations, no sideways scrolling at 375 px; the CSV link downloads the progress."""
    problems = []

    def check(label):
        site.screenshot(label)
        for report in (site.axe_report(label), horizontal_overflow(site)):
            if report:
                problems.append(report)

    open_home_in_mode(site, lang, elder)
    for contrast in (False, True):
        suffix = "-contrast" if contrast else ""
        site.click_link_text({"zh-CN": "开放数据", "en": "Open data"}[lang])
        assert site.path() == "/open-data", site.path()
        if contrast:
            site.click_link_text(CONTRAST_LINK[lang])
            assert site.path() == "/open-data" and "contrast" in site.html_classes(), site.path()
        assert_mode(site, lang, elder)
        check(f"open-data{suffix}")
        site.click_link_text({"zh-CN": "数据说明", "en": "Data dictionary"}[lang])
        assert site.path() == "/open-data/dictionary", site.path()
        check(f"dictionary{suffix}")
        site.driver.set_window_size(*NARROW)
        check(f"dictionary{suffix}-375")
        site.driver.set_window_size(1280, 1000)
    assert not problems, "open-data pages:\n\n" + "\n\n".join(problems)


@pytest.mark.parametrize("lang, elder", MODES)
def test_interpretation_page_passes_axe(site, lang, elder):
    """政策解读, reached from the plan's page by its link (the sample ships one published): its
    sections, contact block and disclosure block; 0 axe violations, in high contrast too, and no
    sideways scrolling at 375 px."""
    problems = []

    def check(label):
        site.screenshot(label)
        for report in (site.axe_report(label), horizontal_overflow(site)):
            if report:
                problems.append(report)

    open_home_in_mode(site, lang, elder)
    site.click_link_text({"zh-CN": "政策解读（文字解读）", "en": "Interpretation of the plan"}[lang])
    assert site.path().endswith("/interpretation"), site.path()
    body = site.driver.find_element(By.CSS_SELECTOR, "main").text
    assert "出台背景" in body and "91项具体工作" in body and "沂水县人民政府督查室" in body, body[-300:]
    check("interpretation")
    site.click_link_text(CONTRAST_LINK[lang])
    check("interpretation-contrast")
    site.driver.set_window_size(*NARROW)
    check("interpretation-contrast-375")
    assert not problems, "interpretation page:\n\n" + "\n\n".join(problems)
