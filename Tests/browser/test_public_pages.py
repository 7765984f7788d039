"""Browser tests of Luoshi's public pages: WCAG 2.1 A/AA (axe-core), narrow
screens, and the skip link, in both languages and both display modes.

Only the home page is opened by URL; every other page, and every switch of
language or display mode, is reached by clicking the links a person would.
"""

from __future__ import annotations

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

# (lang, elder): every combination of the two switches.
MODES = [
    pytest.param("zh-CN", False, id="zh-CN-standard"),
    pytest.param("zh-CN", True, id="zh-CN-elder"),
    pytest.param("en", False, id="en-standard"),
    pytest.param("en", True, id="en-elder"),
]

ELDER_LINK = {"zh-CN": "长者模式", "en": "Elder mode"}

PART_LINK = 'main a[href*="/parts/"]'
TASK_LINK = 'main a[href^="/tasks/"]'
UNIT_LINK = 'main a[href^="/units/"]'

NARROW = (375, 812)


def assert_mode(site, lang: str, elder: bool) -> None:
    """The page now shown really is in the wanted language and display mode."""
    got_lang = site.html_lang()
    classes = site.html_classes()
    assert got_lang == lang, f"{site.path()}: <html lang={got_lang!r}>, expected {lang!r}"
    if elder:
        assert "elder" in classes, f"{site.path()}: <html class={' '.join(classes)!r}> lacks 'elder'"
    else:
        assert "elder" not in classes, f"{site.path()}: <html class={' '.join(classes)!r}> in standard mode"


def open_home_in_mode(site, lang: str, elder: bool) -> None:
    """Open / (the default is Chinese, standard) and click the header switches.

    The caller takes the screenshot of the page this ends on.
    """
    site.open_start("/")
    assert_mode(site, "zh-CN", False)
    if lang == "en":
        site.screenshot("home-default")
        site.click_link_text("English")
        assert site.path() == "/", f"language switch returned to {site.path()!r}, not '/'"
        assert_mode(site, "en", False)
    if elder:
        site.screenshot("home-default" if lang == "zh-CN" else "home-english")
        site.click_link_text(ELDER_LINK[lang])
        assert site.path() == "/", f"mode switch returned to {site.path()!r}, not '/'"
        assert_mode(site, lang, True)


def horizontal_overflow(site) -> str:
    """"" if the page does not scroll sideways, else which elements stick out."""
    facts = site.driver.execute_script(
        """
        const vw = window.innerWidth;
        const sw = document.documentElement.scrollWidth;
        if (sw <= vw + 1) return {scrollWidth: sw, innerWidth: vw, culprits: []};
        const sticksOut = (el) => {
          if (!el || el === document.documentElement) return false;
          const r = el.getBoundingClientRect();
          return r.width > 0 && (r.right > vw + 1 || r.left < -1);
        };
        const describe = (el) => {
          let s = el.tagName.toLowerCase();
          if (el.id) s += '#' + el.id;
          if (el.classList.length) s += '.' + Array.from(el.classList).join('.');
          return s;
        };
        const path = (el) => {
          const parts = [];
          for (let e = el; e && e !== document.body; e = e.parentElement) parts.unshift(describe(e));
          return parts.join(' > ');
        };
        // The outermost elements that stick out: they, not their children, cause the scroll.
        const culprits = Array.from(document.body.querySelectorAll('*'))
          .filter((el) => sticksOut(el) && !sticksOut(el.parentElement))
          .slice(0, 8)
          .map((el) => {
            const r = el.getBoundingClientRect();
            return {path: path(el), left: Math.round(r.left), right: Math.round(r.right),
                    width: Math.round(r.width), html: el.outerHTML.replace(/\\s+/g, ' ').slice(0, 200)};
          });
        return {scrollWidth: sw, innerWidth: vw, culprits: culprits};
        """
    )
    if not facts["culprits"] and facts["scrollWidth"] <= facts["innerWidth"] + 1:
        return ""
    lines = [
        f"{site.path()} scrolls sideways at {facts['innerWidth']} px: "
        f"documentElement.scrollWidth={facts['scrollWidth']}"
    ]
    for c in facts["culprits"]:
        lines.append(f"  - {c['path']} (left {c['left']}, right {c['right']}, width {c['width']})")
        lines.append(f"      html: {c['html']}")
    return "\n".join(lines)


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
