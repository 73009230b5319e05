"""No complainant's identity and no case-level text reaches any file of the pack, in any format.

The strings searched for are read from the complaint files themselves: names, 13-digit ID
numbers, phone numbers, addresses and case details (private columns), and also the case
numbers and outcome texts, which the statistics report deliberately leaves out.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from openpyxl import load_workbook

from ita_report.core.thai import to_thai_digits
from ita_report.records.datasets import COMPLAINT_IDENTITY, COMPLAINTS
from tests.conftest import YEAR
from tests.test_progress import rows

CASE_TEXT = [COMPLAINTS.column("case_id"), COMPLAINTS.column("outcome")]
# Text taken out of a PDF (PDFium) is lossy for Thai: sara am comes back as sara aa, marks move or drop.
# Both sides are compared without spaces, vowel and tone marks, so a leak cannot hide behind that.
_MARKS = re.compile("[\\s\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\uf700-\uf71f]")
TEXT_SUFFIXES = {".html", ".csv", ".json", ".ipynb", ".txt", ".md", ".yaml"}


@pytest.fixture(scope="module")
def pack(built) -> Path:
    """The suite's one build of the full FY 2561 example pack, read only."""
    return built.output_dir(YEAR)


def complaint_files(pack: Path) -> list[Path]:
    data = pack.parents[1] / "data"
    return [data / str(year) / "complaints.csv" for year in (YEAR, YEAR - 1)]


def values_of(path: Path, columns) -> set[str]:
    names = {name for column in columns for name in column.names()}
    return {value for row in rows(path) for header, value in row.items() if header in names and value}


@pytest.fixture(scope="module")
def secrets(pack) -> dict[str, str]:
    """Every private value and case-level text of both years, with its other spellings, folded."""
    found = set()
    for path in complaint_files(pack):
        found |= values_of(path, COMPLAINT_IDENTITY) | values_of(path, CASE_TEXT)
    spellings = {}
    for value in found:
        digits = re.sub(r"\D", "", value)
        written = {value, to_thai_digits(value)}
        if len(digits) >= 9 and len(digits) >= len(value) - 4:  # an ID or phone number written without dashes
            written |= {digits, to_thai_digits(digits)}
        spellings.update({fold(spelling): value for spelling in written})
    return spellings


def fold(text: str) -> str:
    return _MARKS.sub("", text.replace("\u0e33", "\u0e32"))


def text_of(path: Path) -> str:
    return text_in(path.name, path.read_bytes())


def text_in(name: str, data: bytes) -> str:
    """What a reader or a program can get out of a file; pictures are skipped, archives opened."""
    suffix = Path(name).suffix
    if suffix in TEXT_SUFFIXES:
        text = data.decode("utf-8-sig")
        if suffix == ".ipynb":  # strings inside JSON may be escaped
            text += json.dumps(json.loads(text), ensure_ascii=False)
        return text
    if suffix == ".pdf":
        document = pdfium.PdfDocument(data)
        return "".join(page.get_textpage().get_text_range() for page in document)
    if suffix == ".xlsx":
        book = load_workbook(io.BytesIO(data), read_only=True)
        return "\n".join(str(v) for sheet in book for row in sheet.iter_rows(values_only=True) for v in row if v)
    if suffix == ".zip":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "\n".join(text_in(member, archive.read(member)) for member in archive.namelist()
                             if not member.endswith("/"))
    assert suffix == ".png", f"no reader for {name}; add one before publishing this kind of file"
    return ""


def test_the_inputs_hold_identities_to_look_for(pack, secrets):
    names = values_of(complaint_files(pack)[0], [COMPLAINTS.column("complainant_name")])
    ids = values_of(complaint_files(pack)[0], [COMPLAINTS.column("complainant_id")])
    assert len(names) > 10 and all(re.fullmatch(r"\d{13}", i) for i in ids)
    assert len(secrets) > 100


def test_no_identity_or_case_text_appears_in_any_output(pack, secrets):
    files = sorted(p for p in pack.rglob("*") if p.is_file())
    assert {p.suffix for p in files} >= {".html", ".pdf", ".csv", ".ipynb"}
    leaks = []
    for path in files:
        text = fold(text_of(path))
        leaks += [f"{path.relative_to(pack)}: {value}" for folded, value in secrets.items() if folded in text]
    assert leaks == []


def test_the_scan_does_read_thai_text_from_every_format(pack):
    """A public value of the same records is found, so an empty result above means something."""
    unit = "กลุ่มบริหารการเงินและสินทรัพย์"
    for name in ("complaints.html", "complaints.pdf", "tables/complaints_by_unit.csv", "notebooks/complaints.ipynb"):
        assert fold(unit) in fold(text_of(pack / name)), name
