"""Helpers shared by the browser test modules: the language / display-mode
switches in the header, and the check for sideways scrolling.

Every switch is made by clicking the link a person would click; the switch
links return to the page they were clicked on.
"""

from __future__ import annotations

import pytest

# (lang, elder): every combination of the two switches.
MODE_COMBINATIONS = [("zh-CN", False), ("zh-CN", True), ("en", False), ("en", True)]


def mode_id(lang: str, elder: bool) -> str:
    return f"{lang}-{'elder' if elder else 'standard'}"


MODES = [pytest.param(lang, elder, id=mode_id(lang, elder)) for lang, elder in MODE_COMBINATIONS]

# The switch links, by the language the page is shown in.
LANGUAGE_LINK = {"zh-CN": "简体中文", "en": "English"}
ELDER_LINK = {"zh-CN": "长者模式", "en": "Elder mode"}
STANDARD_LINK = {"zh-CN": "标准模式", "en": "Standard mode"}

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


def switch_mode(site, lang: str, elder: bool, label: str = "page", shots: bool = True) -> None:
    """From the current page, click the header switches until it is in lang/elder.

    With shots, a screenshot of the page as it was is saved before each click
    (labelled with label); the caller takes the screenshot of the page this ends
    on. Asserts that each switch returns to the same page.
    """
    here = site.path()
    now_lang = site.html_lang()
    now_elder = "elder" in site.html_classes()
    if now_lang != lang:
        if shots:
            site.screenshot(f"{label}-before-language-switch")
        site.click_link_text(LANGUAGE_LINK[lang])
        assert site.path() == here, f"language switch on {here!r} returned to {site.path()!r}"
        assert_mode(site, lang, now_elder)
    if now_elder != elder:
        if shots:
            site.screenshot(f"{label}-before-mode-switch")
        site.click_link_text((ELDER_LINK if elder else STANDARD_LINK)[lang])
        assert site.path() == here, f"display-mode switch on {here!r} returned to {site.path()!r}"
    assert_mode(site, lang, elder)


def open_home_in_mode(site, lang: str, elder: bool) -> None:
    """Open / (the default is Chinese, standard) and click the header switches.

    The caller takes the screenshot of the page this ends on.
    """
    site.open_start("/")
    assert_mode(site, "zh-CN", False)
    switch_mode(site, lang, elder, label="home")
    assert site.path() == "/", f"switching modes left '/' for {site.path()!r}"


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
