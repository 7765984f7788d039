"""Browser tests of Luoshi's accounts: signing in with a one-time password, the
forced password change, the role-dependent header links, the unit workbench,
the administration pages, and signing out.

Only the home page is opened by URL; everything else is reached by clicking
links and submitting forms as a person would. The accounts and their one-time
passwords come from the table the server prints at start-up (``accounts``
fixture). A one-time password works once per server run, so every test signs
in with its own accounts (the guard in ``sign_in`` fails a second use).
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from collections import Counter

import pytest
from selenium.webdriver.common.by import By

from luoshi_helpers import (
    MODE_COMBINATIONS,
    NARROW,
    assert_mode,
    horizontal_overflow,
    mode_id,
    switch_mode,
)

# Satisfies the default policy (>= 8 characters, 4 classes) and contains no username.
NEW_PASSWORD = "Luoshi-2023-ok"

SIGN_IN = {"zh-CN": "登录", "en": "Sign in"}
SIGN_OUT = {"zh-CN": "退出", "en": "Sign out"}
CHANGE_PASSWORD = {"zh-CN": "修改密码", "en": "Change password"}
WORKBENCH = {"zh-CN": "工作台", "en": "Workbench"}
MY_ACCOUNT = {"zh-CN": "我的账号", "en": "My account"}
PASSWORD_CHANGED_ZH = "密码已修改。"

HEADER = "header.site-header"
LOGIN_LINK = f'{HEADER} a[href^="/login"]'
LOGOUT_BUTTON = f'{HEADER} form[action="/logout"] button'

# Header links that depend on who is signed in (and their role).
ROLE_LINKS = {"/workbench", "/admin/users", "/admin/security", "/admin/audit", "/account"}

# The one-time passwords already used in this session (each works only once).
_used_accounts: set[str] = set()


# --------------------------------------------------------------------------
# page helpers


def header_role_links(site) -> dict[str, str]:
    """{href: text} of the visible role-dependent links in the header."""
    links = {}
    for a in site.driver.find_elements(By.CSS_SELECTOR, f"{HEADER} a"):
        href = a.get_attribute("href") or ""
        path = urllib.parse.urlsplit(href).path
        if path in ROLE_LINKS and a.is_displayed():
            links[path] = a.text.strip()
    return links


def click_header_link(site, path: str) -> None:
    links = [a for a in site.driver.find_elements(By.CSS_SELECTOR, f'{HEADER} a[href="{path}"]') if a.is_displayed()]
    assert len(links) == 1, f"{site.path()}: {len(links)} visible header link(s) to {path!r}, expected 1"
    site.click(links[0], f"header link to {path}")
    assert site.path() == path, f"header link to {path!r} led to {site.path()!r}"


def assert_signed_out_header(site) -> None:
    lang = site.html_lang()
    login = [a for a in site.driver.find_elements(By.CSS_SELECTOR, LOGIN_LINK) if a.is_displayed()]
    assert len(login) == 1, f"{site.path()}: signed out, but the header has {len(login)} visible sign-in link(s)"
    assert login[0].text.strip() == SIGN_IN[lang], (
        f"{site.path()}: the header's sign-in link reads {login[0].text.strip()!r}, expected {SIGN_IN[lang]!r}"
    )
    assert not site.driver.find_elements(By.CSS_SELECTOR, LOGOUT_BUTTON), (
        f"{site.path()}: signed out, but the header still has a sign-out button"
    )
    assert header_role_links(site) == {}, (
        f"{site.path()}: signed out, but the header still has account links {header_role_links(site)}"
    )


def open_login_from_home(site) -> None:
    """Open / and click the header's sign-in link."""
    site.open_start("/")
    assert_signed_out_header(site)
    link = [a for a in site.driver.find_elements(By.CSS_SELECTOR, LOGIN_LINK) if a.is_displayed()][0]
    site.click(link, "header sign-in link")
    assert site.path().split("?")[0] == "/login", f"the sign-in link led to {site.path()!r}"
    for field in ("field-username", "field-password"):
        assert site.driver.find_elements(By.ID, field), f"/login has no #{field}"


def submit_login(site, accounts: dict[str, str], username: str) -> str:
    """On /login: type the account's one-time password and submit; returns that password.

    A one-time password works once per server, hence the guard.
    """
    assert username in accounts, f"the server printed no initial account {username!r}: {sorted(accounts)}"
    assert username not in _used_accounts, (
        f"the one-time password of {username!r} was already used by another test in this session"
    )
    _used_accounts.add(username)
    password = accounts[username]
    site.fill("field-username", username)
    site.fill("field-password", password)
    site.click_button(SIGN_IN[site.html_lang()])
    assert site.path() == "/account/password", (
        f"signing in {username!r} with its one-time password led to {site.path()!r}, "
        f"not to the forced password change /account/password"
    )
    assert site.driver.find_elements(By.CSS_SELECTOR, LOGOUT_BUTTON), (
        f"{username!r} is on {site.path()} but the header has no sign-out button"
    )
    return password


def submit_password_change(site, current: str, new: str) -> None:
    site.fill("field-currentPassword", current)
    site.fill("field-newPassword", new)
    site.fill("field-repeatPassword", new)
    site.click_button(CHANGE_PASSWORD[site.html_lang()])


def assert_password_rejected(site, why: str) -> None:
    """The password page again, with an error summary (role=alert) pointing at the new password."""
    assert site.path() == "/account/password", f"{why}: the rejected change led to {site.path()!r}"
    alerts = [e for e in site.driver.find_elements(By.CSS_SELECTOR, 'main [role="alert"]') if e.is_displayed()]
    assert alerts, f"{why}: no visible error summary (role=alert) on {site.path()}"
    summary = alerts[0]
    assert summary.text.strip(), f"{why}: the error summary is empty: {summary.get_attribute('outerHTML')!r}"
    targets = [a.get_attribute("href") or "" for a in summary.find_elements(By.CSS_SELECTOR, "a")]
    assert any(t.endswith("#field-newPassword") for t in targets), (
        f"{why}: the error summary does not link to #field-newPassword: {summary.get_attribute('outerHTML')!r}"
    )
    field = site.driver.find_element(By.ID, "field-newPassword")
    assert field.get_attribute("aria-invalid") == "true", (
        f"{why}: #field-newPassword is not aria-invalid: {field.get_attribute('outerHTML')!r}"
    )
    assert not site.driver.find_elements(By.CSS_SELECTOR, 'main [role="status"]'), (
        f"{why}: the page reports success although the change was rejected"
    )


def assert_password_changed(site, who: str) -> None:
    assert site.path() == "/account/password", f"{who}: the password change led to {site.path()!r}"
    alerts = [e.text for e in site.driver.find_elements(By.CSS_SELECTOR, 'main [role="alert"]') if e.is_displayed()]
    assert not alerts, f"{who}: the valid new password {NEW_PASSWORD!r} was rejected: {alerts}"
    status = [e.text.strip() for e in site.driver.find_elements(By.CSS_SELECTOR, 'main [role="status"]')]
    if site.html_lang() == "zh-CN":
        assert PASSWORD_CHANGED_ZH in status, f"{who}: no {PASSWORD_CHANGED_ZH!r} message (role=status): {status}"
    else:
        assert status and all(status), f"{who}: no success message (role=status) after the change: {status}"


def sign_in_and_change_password(site, accounts: dict[str, str], username: str) -> None:
    """Home -> sign-in link -> form -> forced change to NEW_PASSWORD."""
    open_login_from_home(site)
    one_time = submit_login(site, accounts, username)
    submit_password_change(site, one_time, NEW_PASSWORD)
    assert_password_changed(site, username)


def workbench_task_numbers(site) -> list[str]:
    """The task number in the row header link of every row of the workbench's task tables."""
    rows = site.driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")
    numbers = []
    for i, row in enumerate(rows, 1):
        links = row.find_elements(By.CSS_SELECTOR, 'a[href^="/tasks/"]')
        assert len(links) == 1, (
            f"{site.path()}: row {i} has {len(links)} task links, expected 1: "
            f"{row.get_attribute('outerHTML')[:300]!r}"
        )
        numbers.append(links[0].get_attribute("textContent").strip())
    return numbers


def api_get(base_url: str, path: str):
    with urllib.request.urlopen(base_url + path, timeout=20) as resp:
        assert resp.status == 200, f"GET {path}: HTTP {resp.status}"
        return json.load(resp)


def api_task_numbers_of_unit(base_url: str, short_name: str) -> list[str]:
    """Numbers of the tasks of a unit (lead or cooperating), over all plans, from the public API."""
    units = [u for u in api_get(base_url, "/api/v1/units") if u.get("shortName") == short_name]
    assert len(units) == 1, f"/api/v1/units has {len(units)} unit(s) with shortName {short_name!r}"
    unit_id = units[0]["id"]
    numbers = []
    for plan in api_get(base_url, "/api/v1/plans"):
        query = urllib.parse.urlencode({"unit": unit_id})
        tasks = api_get(base_url, f"/api/v1/plans/{plan['id']}/tasks?{query}")
        for task in tasks:
            involved = {u["id"] for u in task.get("leadUnits", []) + task.get("cooperatingUnits", [])}
            assert unit_id in involved, (
                f"/api/v1/plans/{plan['id']}/tasks?unit={unit_id} returned task {task.get('number')!r}, "
                f"which does not involve {short_name}"
            )
            numbers.append(task["number"])
    assert numbers, f"the API lists no task for {short_name}; the comparison would prove nothing"
    return numbers


# --------------------------------------------------------------------------
# tests


def test_unit_staff_signs_in_changes_password_and_sees_own_tasks(site, accounts, luoshi_server):
    """fagaiju: sign-in form, forced change (a rejected and an accepted password),
    workbench with exactly the unit's tasks, my account, sign out; axe on every page."""
    problems = []

    def check(label):
        site.screenshot(label)
        report = site.axe_report(label)
        if report:
            problems.append(report)

    open_login_from_home(site)
    check("login")

    one_time = submit_login(site, accounts, "fagaiju")
    check("password-forced")

    # A password containing the username is refused, with an error summary.
    submit_password_change(site, one_time, "fagaiju-2023-OK")
    assert_password_rejected(site, "new password containing the username")
    check("password-rejected")

    submit_password_change(site, one_time, NEW_PASSWORD)
    assert_password_changed(site, "fagaiju")
    check("password-changed")
    links = header_role_links(site)
    assert set(links) == {"/workbench", "/account"}, f"unit staff header links: {links}"
    assert links["/workbench"] == "工作台" and links["/account"] == "我的账号", links

    site.click_link_text("工作台")
    assert site.path() == "/workbench", site.path()
    shown = workbench_task_numbers(site)
    expected = api_task_numbers_of_unit(luoshi_server, "县发改局")
    assert Counter(shown) == Counter(expected), (
        f"the workbench of 县发改局 lists {len(shown)} task(s), the API {len(expected)}:\n"
        f"  only on the workbench: {sorted(Counter(shown) - Counter(expected))}\n"
        f"  only in the API:       {sorted(Counter(expected) - Counter(shown))}"
    )
    check("workbench")

    site.click_link_text("我的账号")
    assert site.path() == "/account", site.path()
    assert "fagaiju" in site.driver.find_element(By.ID, "main").text, "/account does not show the username"
    check("account")

    site.click_button("退出", scope=HEADER)
    site.screenshot("signed-out")
    assert_signed_out_header(site)

    assert not problems, "WCAG 2.1 A/AA violations found by axe-core:\n\n" + "\n\n".join(problems)


ADMINS = [
    pytest.param("xitong", "/admin/users", {"zh-CN": "用户管理", "en": "Users"}, ["审计日志"], id="xitong-users"),
    pytest.param("anquan", "/admin/security", {"zh-CN": "安全管理", "en": "Security"}, [], id="anquan-security"),
    pytest.param("shenji", "/admin/audit", {"zh-CN": "审计日志", "en": "Audit log"}, ["用户管理"], id="shenji-audit"),
]


@pytest.mark.parametrize("username, admin_path, link_text, absent_texts", ADMINS)
def test_admin_page_passes_axe(site, accounts, username, admin_path, link_text, absent_texts):
    """Each administrator: forced change, the header shows only its own admin link, and its
    page has 0 axe violations in Chinese standard mode and in English elder mode."""
    sign_in_and_change_password(site, accounts, username)
    problems = []

    links = header_role_links(site)
    assert set(links) == {admin_path, "/account"}, f"{username}: header links {links}"
    for text in absent_texts:
        shown = [a for a in site.driver.find_elements(By.LINK_TEXT, text) if a.is_displayed()]
        assert not shown, f"{username}: the header shows a {text!r} link: {shown[0].get_attribute('outerHTML')!r}"

    site.click_link_text(link_text["zh-CN"])
    assert site.path() == admin_path, f"{username}: {link_text['zh-CN']!r} led to {site.path()!r}"
    for lang, elder in (("zh-CN", False), ("en", True)):
        label = f"{admin_path.rsplit('/', 1)[-1]}-{mode_id(lang, elder)}"
        switch_mode(site, lang, elder, shots=False)  # this page was shot in the previous mode
        assert site.path() == admin_path, site.path()
        links = header_role_links(site)
        assert links == {admin_path: link_text[lang], "/account": MY_ACCOUNT[lang]}, (
            f"{username} ({mode_id(lang, elder)}): header links {links}"
        )
        site.screenshot(label)
        report = site.axe_report(label)
        if report:
            problems.append(report)

    assert not problems, "WCAG 2.1 A/AA violations found by axe-core:\n\n" + "\n\n".join(problems)


def test_narrow_screen_login_and_workbench(site, accounts):
    """At 375 px, the login page and a unit's workbench do not scroll sideways and pass axe,
    in every language and display mode (switched on the page itself)."""
    site.driver.set_window_size(*NARROW)
    open_login_from_home(site)
    width = site.driver.execute_script("return window.innerWidth")
    assert width == NARROW[0], f"viewport is {width} px wide, expected {NARROW[0]}"
    problems = []

    def check(label, lang, elder):
        assert_mode(site, lang, elder)
        site.screenshot(label)
        for report in (horizontal_overflow(site), site.axe_report(label)):
            if report:
                problems.append(report)

    for lang, elder in MODE_COMBINATIONS:
        switch_mode(site, lang, elder, shots=False)
        check(f"login-375-{mode_id(lang, elder)}", lang, elder)

    # Sign in, in the last mode (English, elder): the forced change, then the workbench.
    one_time = submit_login(site, accounts, "gongxinju")
    report = horizontal_overflow(site)
    if report:
        problems.append(report)
    submit_password_change(site, one_time, NEW_PASSWORD)
    assert_password_changed(site, "gongxinju")
    click_header_link(site, "/workbench")
    assert workbench_task_numbers(site), "the workbench of 县工信局 lists no task"
    for lang, elder in reversed(MODE_COMBINATIONS):
        switch_mode(site, lang, elder, shots=False)
        check(f"workbench-375-{mode_id(lang, elder)}", lang, elder)

    assert not problems, f"problems at {NARROW[0]} px wide:\n\n" + "\n\n".join(problems)
