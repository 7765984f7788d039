"""Fixtures for Luoshi's browser tests (pytest + Selenium + axe-core).

* ``luoshi`` (session): starts the server binary with ``serve --sample`` on a
  fresh SQLite file and a free loopback port, waits for ``/health``, reads the
  table of initial accounts (one-time passwords) the server prints once, and
  stops the server by PID at the end.
* ``luoshi_server`` (session): its base URL.
* ``accounts`` (session): the initial accounts, {username: one-time password}.
  Each one-time password works once per server run: after the forced change it
  is gone, so every account may be signed in by one test only.
* ``driver`` (per test): headless Chromium from Debian, never downloads anything.
* ``site`` (per test): the driver plus helpers to open the start page, follow
  real links, save a screenshot of every page and run axe-core.

Environment:
  LUOSHI_BIN          server binary (default /work/main/.build/debug/luoshi)
  LUOSHI_SCREENSHOTS  folder for the PNG screenshots (default: a new temp dir)
  CHROME_BIN / CHROMEDRIVER  browser and driver (default /usr/bin/chromium,
                      /usr/bin/chromedriver)
"""

from __future__ import annotations

import base64
import dataclasses
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

# selenium-manager must never try to download a browser or a driver.
os.environ["SE_OFFLINE"] = "true"

import pytest  # noqa: E402
from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402
from selenium_axe_python import Axe  # noqa: E402

DEFAULT_BIN = "/work/main/.build/debug/luoshi"
CHROME_BIN = os.environ.get("CHROME_BIN", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
STARTUP_TIMEOUT = 60.0
ACCOUNTS_TIMEOUT = 10.0  # after /health: for the account table to reach the log

# The table `serve --sample` prints once on an empty database:
#   初始账号（…）/ Initial accounts (one-time passwords, …):
#     duchashi     V3%jca5xUw@^c4CC  supervisor · 县政府督查室
# i.e. two spaces, the username padded to 12, one space, the 16-character
# password, two spaces, "role · description". A blank line ends it.
ACCOUNTS_HEADER = "Initial accounts"
ACCOUNT_LINE = re.compile(r"^  (?P<user>\S+) +(?P<password>\S{16})  (?P<role>\w+) · (?P<description>.+)$")
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")

WINDOW_SIZE = (1280, 1000)

# WCAG 2.1 level A and AA, as tagged by axe-core 4.x.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    # Full node details are only needed for violations.
    "resultTypes": ["violations"],
}

# Runs axe ourselves instead of Axe.run(): that helper formats the options with
# Python's repr (True/None are not JavaScript) and has no rejection handler, so
# an axe error would only surface as a script timeout. Here an error or a
# rejected promise comes back as {"error": ...} and fails the test.
AXE_RUN_SCRIPT = """
const options = arguments[0];
const done = arguments[arguments.length - 1];
if (typeof window.axe === 'undefined' || typeof window.axe.run !== 'function') {
  done({error: 'axe-core is not loaded in the page'});
  return;
}
const describe = (e) => String((e && (e.stack || e.message)) || e);
try {
  window.axe.run(document, options).then(
    (r) => done({
      engine: r.testEngine,
      url: r.url,
      violations: r.violations,
      passes: r.passes.length,
      incomplete: r.incomplete.map((i) => i.id),
      inapplicable: r.inapplicable.length,
    }),
    (e) => done({error: 'axe.run rejected: ' + describe(e)})
  );
} catch (e) {
  done({error: 'axe.run threw: ' + describe(e)});
}
"""


# --------------------------------------------------------------------------
# server


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:
            return resp.status == 200
    except (urllib.error.URLError, OSError):
        return False


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    proc.terminate()  # SIGTERM to this PID only
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


@dataclasses.dataclass(frozen=True)
class InitialAccount:
    username: str
    password: str
    role: str
    description: str


def parse_initial_accounts(log_text: str) -> tuple[list[InitialAccount], bool]:
    """The initial-accounts table in the server's output, and whether it is complete.

    Complete means the header and at least one account line were seen and were
    followed by another line (the blank line the server prints after the table).
    """
    lines = ANSI_ESCAPE.sub("", log_text).splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if ACCOUNTS_HEADER in line), None)
    if start is None:
        return [], False
    found: list[InitialAccount] = []
    for line in lines[start + 1:]:
        if not line.endswith("\n"):
            return found, False  # the line is still being written
        m = ACCOUNT_LINE.match(line.rstrip("\r\n"))
        if not m:
            return found, bool(found)
        found.append(InitialAccount(m["user"], m["password"], m["role"], m["description"].strip()))
    return found, False


@dataclasses.dataclass
class LuoshiServer:
    base_url: str
    log_path: str
    accounts: dict[str, InitialAccount]
    accounts_problem: str  # "" when the account table was read

    def log(self) -> str:
        return Path(self.log_path).read_text(encoding="utf-8", errors="replace")


@pytest.fixture(scope="session")
def luoshi():
    """A freshly started server with sample data, and the initial accounts it printed."""
    binary = os.environ.get("LUOSHI_BIN", DEFAULT_BIN)
    if not os.access(binary, os.X_OK):
        pytest.fail(f"server binary not found or not executable: {binary} (set LUOSHI_BIN)")

    workdir = tempfile.mkdtemp(prefix="luoshi-browser-")
    db_path = os.path.join(workdir, "luoshi.sqlite")
    log_path = os.path.join(workdir, "server.log")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    # The database (which keeps the uploaded evidence too) lives in the test's own folder.
    env = dict(os.environ, DATABASE_URL=f"sqlite://{db_path}",
               # The footer's site identity, as a county would configure it (axe checks it too).
               LUOSHI_SITE_ORGANISER="沂水县人民政府办公室", LUOSHI_SITE_CODE="3713230001",
               LUOSHI_SITE_ICP="鲁ICP备05000000号-1", LUOSHI_SITE_PSB="鲁公网安备37132302000001号",
               LUOSHI_SITE_EMAIL="duchashi@yishui.example")
    env.pop("LUOSHI_ATTACHMENT_DIR", None)
    cmd = [binary, "serve", "--sample", "--hostname", "127.0.0.1", "--port", str(port)]

    log = open(log_path, "wb")
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)

    def server_log() -> str:
        log.flush()
        return Path(log_path).read_text(encoding="utf-8", errors="replace")

    def cleanup() -> None:
        _stop(proc)
        log.close()
        shutil.rmtree(workdir, ignore_errors=True)

    deadline = time.monotonic() + STARTUP_TIMEOUT
    problem = None
    while True:
        if proc.poll() is not None:
            problem = f"server exited with code {proc.returncode} before /health answered"
            break
        if _healthy(base + "/health"):
            break
        if time.monotonic() > deadline:
            problem = f"/health did not return 200 within {STARTUP_TIMEOUT:.0f} s"
            break
        time.sleep(0.25)

    if problem:
        text = server_log()
        print(f"--- server log ({log_path}) ---\n{text}\n--- end of server log ---")
        cleanup()
        pytest.fail(f"{problem}\ncommand: {' '.join(cmd)}\nserver log:\n{text[-6000:]}")

    # The table is printed before the server listens; allow a moment for it to
    # reach the file. A missing table only fails the tests that need accounts.
    deadline = time.monotonic() + ACCOUNTS_TIMEOUT
    while True:
        found, complete = parse_initial_accounts(server_log())
        if complete or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    accounts = {a.username: a for a in found}
    accounts_problem = ""
    if not complete:
        accounts_problem = (
            f"the server did not print a complete table of initial accounts within {ACCOUNTS_TIMEOUT:.0f} s"
            f" after /health answered (parsed {len(found)} line(s))"
        )
    elif len(accounts) != len(found):
        accounts_problem = f"the table of initial accounts lists a username twice: {[a.username for a in found]}"

    try:
        yield LuoshiServer(base, log_path, accounts, accounts_problem)
    finally:
        cleanup()


@pytest.fixture(scope="session")
def luoshi_server(luoshi) -> str:
    """Base URL (no trailing slash) of the server."""
    return luoshi.base_url


@pytest.fixture(scope="session")
def accounts(luoshi) -> dict[str, str]:
    """{username: one-time password} as printed by the server; fails if it printed none."""
    if luoshi.accounts_problem:
        pytest.fail(f"{luoshi.accounts_problem}\nserver log:\n{luoshi.log()[-6000:]}")
    return {name: a.password for name, a in luoshi.accounts.items()}


# --------------------------------------------------------------------------
# screenshots


def _screenshot_dir(config) -> Path:
    if not hasattr(config, "_luoshi_screenshot_dir"):
        wanted = os.environ.get("LUOSHI_SCREENSHOTS")
        path = Path(wanted) if wanted else Path(tempfile.mkdtemp(prefix="luoshi-screenshots-"))
        path.mkdir(parents=True, exist_ok=True)
        config._luoshi_screenshot_dir = path
    return config._luoshi_screenshot_dir


@pytest.fixture(scope="session")
def screenshot_dir(pytestconfig) -> Path:
    path = _screenshot_dir(pytestconfig)
    print(f"\nScreenshots: {path}")
    return path


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    path = getattr(config, "_luoshi_screenshot_dir", None)
    if path is not None:
        count = len(list(path.glob("*.png")))
        terminalreporter.write_line(f"Luoshi browser screenshots ({count} PNG): {path}")


# --------------------------------------------------------------------------
# browser


@pytest.fixture
def driver():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROME_BIN
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        f"--window-size={WINDOW_SIZE[0]},{WINDOW_SIZE[1]}",
    ):
        options.add_argument(arg)
    drv = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    drv.set_page_load_timeout(30)
    drv.set_script_timeout(60)
    try:
        yield drv
    finally:
        drv.quit()


def _staleness_of(element):
    """EC.staleness_of, also when chromedriver reports the old page's element as a node that
    "does not belong to the document" (a plain WebDriverException, raised when the check runs
    while the next page replaces the old one) instead of a StaleElementReferenceException."""

    def predicate(_driver) -> bool:
        try:
            element.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as e:
            if "does not belong to the document" in str(e):
                return True
            raise

    return predicate


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-")[:80] or "page"


class Site:
    """A driver on the Luoshi server, with the helpers the tests share."""

    def __init__(self, driver, base_url: str, shots: Path, test_name: str):
        self.driver = driver
        self.base_url = base_url
        self.shots = shots
        self.test_name = _slug(test_name)
        self._shot_no = 0
        self._axe = Axe(driver)

    # navigation -------------------------------------------------------

    def open_start(self, path: str = "/") -> None:
        """The only page reached by URL; everything else is reached by clicking."""
        self.driver.get(self.base_url + path)
        self._wait_loaded()

    def click(self, link, what: str) -> None:
        """Click a real link and wait until the next page has loaded."""
        href = link.get_attribute("href")
        assert link.is_displayed(), f"{what}: link {href!r} is not visible"
        old_html = self.driver.find_element(By.TAG_NAME, "html")
        link.click()
        WebDriverWait(self.driver, 20).until(
            _staleness_of(old_html), f"{what}: clicking {href!r} did not load a new page"
        )
        self._wait_loaded()

    def click_link_text(self, text: str) -> None:
        links = [a for a in self.driver.find_elements(By.LINK_TEXT, text) if a.is_displayed()]
        assert links, f"no visible link with text {text!r} on {self.driver.current_url}"
        self.click(links[0], f"link {text!r}")

    def click_first(self, css: str, what: str) -> str:
        """Click the first visible link matching css; returns its href."""
        links = [a for a in self.driver.find_elements(By.CSS_SELECTOR, css) if a.is_displayed()]
        assert links, f"no visible {what} ({css}) on {self.driver.current_url}"
        href = links[0].get_attribute("href")
        self.click(links[0], what)
        return href

    def click_button(self, text: str, scope: str = "main") -> None:
        """Click the visible submit button with this text inside scope; waits for the next page."""
        buttons = [
            b for b in self.driver.find_elements(By.CSS_SELECTOR, f"{scope} button")
            if b.is_displayed() and b.text.strip() == text
        ]
        assert buttons, f"no visible button {text!r} in {scope!r} on {self.driver.current_url}"
        assert len(buttons) == 1, f"{len(buttons)} visible buttons {text!r} in {scope!r} on {self.driver.current_url}"
        self.click(buttons[0], f"button {text!r}")

    def fill(self, field_id: str, value: str) -> None:
        """Type into the visible form field with this id, as a person would."""
        field = self.driver.find_element(By.ID, field_id)
        assert field.is_displayed(), f"field #{field_id} is not visible on {self.driver.current_url}"
        field.clear()
        field.send_keys(value)

    def _wait_loaded(self) -> None:
        WebDriverWait(self.driver, 20).until(
            lambda d: d.execute_script("return document.readyState") == "complete"
        )

    # page facts -------------------------------------------------------

    def html_lang(self) -> str:
        return self.driver.execute_script("return document.documentElement.getAttribute('lang') || ''")

    def html_classes(self) -> list[str]:
        return self.driver.execute_script("return Array.from(document.documentElement.classList)")

    def path(self) -> str:
        url = self.driver.current_url
        return url[len(self.base_url):] if url.startswith(self.base_url) else url

    # screenshots ------------------------------------------------------

    def screenshot(self, label: str) -> Path:
        """Full-page PNG (capped at 8000 CSS px high); the viewport if that fails."""
        self._shot_no += 1
        path = self.shots / f"{self.test_name}--{self._shot_no:02d}-{_slug(label)}.png"
        try:
            size = self.driver.execute_script(
                "return [document.documentElement.scrollWidth, document.documentElement.scrollHeight,"
                " window.innerWidth]"
            )
            width = max(int(size[0]), int(size[2]))
            height = min(int(size[1]), 8000)
            data = self.driver.execute_cdp_cmd(
                "Page.captureScreenshot",
                {
                    "format": "png",
                    "captureBeyondViewport": True,
                    "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
                },
            )["data"]
            path.write_bytes(base64.b64decode(data))
        except Exception:  # noqa: BLE001 - a screenshot must never hide the real result
            self.driver.save_screenshot(str(path))
        return path

    # axe --------------------------------------------------------------

    def run_axe_raw(self, options: dict) -> dict:
        """Inject axe-core and run it: its results, or {"error": ...} if it threw or rejected."""
        self._axe.inject()
        return self.driver.execute_async_script(AXE_RUN_SCRIPT, options)

    def axe(self) -> dict:
        """Run axe-core (WCAG 2.1 A/AA) on the current page; fails on any axe error."""
        result = self.run_axe_raw(AXE_OPTIONS)
        if not isinstance(result, dict) or "error" in result:
            pytest.fail(f"axe-core failed on {self.driver.current_url}: "
                        f"{result.get('error') if isinstance(result, dict) else result!r}")
        engine = result.get("engine") or {}
        assert str(engine.get("version", "")).startswith("4."), f"unexpected axe-core engine {engine!r}"
        ran = result["passes"] + len(result["violations"]) + len(result["incomplete"])
        assert ran > 0, f"axe-core ran no applicable rule on {self.driver.current_url}"
        return result

    def axe_report(self, label: str) -> str:
        """Runs axe on the current page: "" when clean, else an actionable report."""
        violations = self.axe()["violations"]
        if not violations:
            return ""
        return (f"{label} {self.path()} (lang={self.html_lang()!r}, class={' '.join(self.html_classes())!r}): "
                f"{len(violations)} axe violation(s)\n{format_violations(violations)}")


@pytest.fixture
def site(driver, luoshi_server, screenshot_dir, request) -> Site:
    return Site(driver, luoshi_server, screenshot_dir, request.node.name)


# --------------------------------------------------------------------------
# reporting


def format_violations(violations: list[dict], max_targets: int = 3) -> str:
    """One block per violation: id, impact, help, and the first few targets with their HTML."""
    lines = []
    for v in violations:
        nodes = v.get("nodes", [])
        lines.append(
            f"  - {v['id']} [{v.get('impact')}] {v.get('help')} "
            f"({len(nodes)} element{'s' if len(nodes) != 1 else ''}) {v.get('helpUrl', '')}"
        )
        for node in nodes[:max_targets]:
            target = " >> ".join(
                t if isinstance(t, str) else " >> ".join(map(str, t)) for t in node.get("target", [])
            )
            html = " ".join(str(node.get("html", "")).split())
            if len(html) > 240:
                html = html[:237] + "..."
            lines.append(f"      target: {target}")
            lines.append(f"        html: {html}")
            summary = " ".join(str(node.get("failureSummary", "")).split())
            if summary:
                lines.append(f"        why:  {summary[:300]}")
        if len(nodes) > max_targets:
            lines.append(f"      ... and {len(nodes) - max_targets} more")
    return "\n".join(lines)
