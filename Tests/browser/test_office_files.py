"""The exported plan opens in a real office suite: LibreOffice Calc (headless) converts the
.xlsx a visitor downloads to CSV, and what it reads is the plan — the importer's header, the 8
part rows, the 91 task rows with the public API's numbers and texts. The workbook's own XML
freezes the header row and sets column widths.

LibreOffice is installed by .ci/run (libreoffice-calc-nogui); without it this test fails.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import tempfile
import urllib.request
import zipfile
from pathlib import Path

from test_plan_import import EXPORT_HEADER_START, PART_ROW, SAMPLE_PARTS, SAMPLE_TASKS


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as resp:
        assert resp.status == 200, f"GET {url}: HTTP {resp.status}"
        return resp.read()


def libreoffice_convert(data: bytes, suffix: str, target: str) -> bytes:
    """`data` (a file ending in `suffix`) as LibreOffice (headless) converts it to `target`
    (a filter such as "pdf" or "csv:Text - txt - csv (StarCalc):44,34,76")."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc-nogui and libreoffice-writer-nogui"
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"file.{suffix}"
        source.write_bytes(data)
        profile = Path(tmp) / "profile"
        result = subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
             "--convert-to", target, "--outdir", tmp, str(source)],
            capture_output=True, text=True, timeout=180)
        converted = Path(tmp) / f"file.{target.split(':')[0]}"
        assert result.returncode == 0 and converted.is_file(), (
            f"LibreOffice could not open the .{suffix} file (exit {result.returncode}):\n{result.stdout}\n{result.stderr}")
        return converted.read_bytes()


def libreoffice_csv(xlsx: bytes) -> list[list[str]]:
    """The workbook's first sheet as LibreOffice Calc (headless) reads it, converted to CSV."""
    converted = libreoffice_convert(xlsx, "xlsx", "csv:Text - txt - csv (StarCalc):44,34,76")
    return list(csv.reader(io.StringIO(converted.decode("utf-8-sig"))))


def test_exported_workbook_opens_in_libreoffice(luoshi_server):
    plans = json.loads(fetch(luoshi_server + "/api/v1/plans"))
    plan = next(p for p in plans if p["year"] == 2023)
    xlsx = fetch(f"{luoshi_server}/plans/{plan['id']}/export?format=xlsx")

    with zipfile.ZipFile(io.BytesIO(xlsx)) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert 'state="frozen"' in sheet_xml and 'ySplit="1"' in sheet_xml, "the header row is not frozen"
    assert "<cols>" in sheet_xml and 'customWidth="1"' in sheet_xml, "the columns have no set widths"

    rows = libreoffice_csv(xlsx)

    assert rows[0][:len(EXPORT_HEADER_START)] == EXPORT_HEADER_START, f"LibreOffice reads the header as {rows[0]}"
    body = [r for r in rows[1:] if any(cell.strip() for cell in r)]
    tasks = [r for r in body if r[0].strip()]
    parts = [r for r in body if not r[0].strip()]
    assert all(PART_ROW.match(r[1]) for r in parts), f"odd part rows: {[r[:2] for r in parts][:3]}"
    assert (len(tasks), len(parts)) == (SAMPLE_TASKS, SAMPLE_PARTS), f"{len(tasks)} task rows, {len(parts)} part rows"
    api = {t["number"]: t for t in json.loads(fetch(f"{luoshi_server}/api/v1/plans/{plan['id']}/tasks"))}
    for row in tasks:
        number = row[0].strip()
        assert number in api, f"LibreOffice reads task number {number!r}, which the API does not have (a number turned into a date?)"
        assert row[1] == api[number]["content"], f"task {number}: LibreOffice reads {row[1]!r}"
