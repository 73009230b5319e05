"""Every entry of a year's data folder is read, ignored as the system's, or named with its fix.

Each case arranges a copy of the FY 2561 inputs (a file renamed, copied, added, linked, replaced by
a folder or a pipe) and runs `ita-report validate`: the cases of tests/bad_inputs/README.md that
are made at test time rather than stored, since git keeps no folders, pipes or permissions.
"""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.test_bad_inputs import (
    CORPUS,
    YEAR,
    assert_refused_by_validate_and_build,
    ita_report,
    repo_copy,
    snapshot,
    stderr_listing,
    validate,
)

Arrange = Callable[[Path, Path], None]  # (the year's folder, a folder outside the project) -> None
FOLDER = "data/2561/"
ACCEPTED = ("projects, indicators, responsible_units, indicator_results, budget_allocations, disbursements, "
            "procurement, bids, complaints, relations (each .csv or .xlsx), plan.yaml, examples.yaml and notes (.md)")
SAVE_AS = "not read, since ita-report reads .csv and .xlsx files only; save it as"
OK_LINE = ("OK data/2561: projects: 35 rows; indicators: 53 rows; responsible_units: 42 rows; "
           "indicator_results: 53 rows; budget_allocations: 7 rows; disbursements: 43 rows; procurement: 345 rows; "
           "bids: 385 rows; complaints: 36 rows; relations: 8 rows\n")
AS_ROOT = os.name == "posix" and os.geteuid() == 0


def renamed(old: str, new: str) -> Arrange:
    return lambda folder, outside: (folder / old).rename(folder / new)


def copied(old: str, new: str) -> Arrange:
    return lambda folder, outside: shutil.copyfile(folder / old, folder / new)


def added(name: str, data: bytes = b"x") -> Arrange:
    return lambda folder, outside: (folder / name).write_bytes(data)


def folder_in_place(name: str) -> Arrange:
    """A folder where the file was, holding it."""
    def arrange(folder: Path, outside: Path) -> None:
        (folder / name).rename(outside / name)
        (folder / name).mkdir()
        shutil.copyfile(outside / name, folder / name / name)
    return arrange


def moved_into_folder(name: str, into: str) -> Arrange:
    def arrange(folder: Path, outside: Path) -> None:
        (folder / into).mkdir()
        shutil.copyfile(folder / name, folder / into / name)
    return arrange


def linked_out(name: str, target: str | None = None) -> Arrange:
    """The file moved out of the project (or `target`, a path of the system), a link in its place."""
    def arrange(folder: Path, outside: Path) -> None:
        (folder / name).rename(outside / name)
        (folder / name).symlink_to(Path(target) if target else outside / name)
    return arrange


def dangling(name: str) -> Arrange:
    def arrange(folder: Path, outside: Path) -> None:
        (folder / name).unlink()
        (folder / name).symlink_to(outside / "gone.csv")
    return arrange


def pipe(name: str) -> Arrange:
    def arrange(folder: Path, outside: Path) -> None:
        (folder / name).unlink()
        os.mkfifo(folder / name)
    return arrange


def unreadable(name: str) -> Arrange:
    return lambda folder, outside: (folder / name).chmod(0)


def long_cell(folder: Path, outside: Path) -> None:
    """relations.csv with 200,000 characters in an address: more than Excel or Python's csv allow."""
    path = folder / "relations.csv"
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    cells = lines[2].split(",")
    cells[4] = "x" * 200_000
    lines[2] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")


def arranged(case_id: str, arrange: Arrange, *problems: str, marks=()):
    """One row of the table: how the copy is changed, and every problem expected ({outside} for the
    folder outside the project)."""
    return pytest.param(arrange, problems, id=case_id, marks=marks)


CASES = [
    # --- a dataset in a format that is not read
    arranged("complaints.xls", renamed("complaints.csv", "complaints.xls"),
             f"data/2561/complaints.xls: {SAVE_AS} complaints.xlsx (Excel Workbook) or complaints.csv (CSV UTF-8), "
             f"or move it out of {FOLDER}"),
    arranged("complaints.xlsm", renamed("complaints.csv", "complaints.xlsm"),
             f"data/2561/complaints.xlsm: {SAVE_AS} complaints.xlsx (Excel Workbook) or complaints.csv (CSV UTF-8), "
             f"or move it out of {FOLDER}"),
    arranged("procurement.ods beside bids.csv", renamed("procurement.csv", "procurement.ods"),
             f"data/2561/procurement.ods: {SAVE_AS} procurement.xlsx (Excel Workbook) or procurement.csv "
             f"(CSV UTF-8), or move it out of {FOLDER}"),
    arranged("complaints.csv.bak beside complaints.csv", copied("complaints.csv", "complaints.csv.bak"),
             f"data/2561/complaints.csv.bak: {SAVE_AS} complaints.xlsx (Excel Workbook) or complaints.csv "
             f"(CSV UTF-8), or move it out of {FOLDER}"),
    # --- a dataset under another spelling, or a copy's name
    arranged("Complaints.CSV", renamed("complaints.csv", "Complaints.CSV"),
             "data/2561/Complaints.CSV: not read under this name; rename it complaints.csv"),
    arranged("complaints (1).csv", renamed("complaints.csv", "complaints (1).csv"),
             "data/2561/complaints (1).csv: not read under this name; rename it complaints.csv"),
    arranged("complaints(2).xlsx", renamed("complaints.csv", "complaints(2).xlsx"),
             "data/2561/complaints(2).xlsx: not read under this name; rename it complaints.xlsx"),
    arranged("สำเนา complaints.csv", renamed("complaints.csv", "สำเนา complaints.csv"),
             "data/2561/สำเนา complaints.csv: not read under this name; rename it complaints.csv"),
    arranged("complaints.xlsx.csv", renamed("complaints.csv", "complaints.xlsx.csv"),
             "data/2561/complaints.xlsx.csv: not read under this name; rename it complaints.csv"),
    arranged("budget allocations.csv", renamed("budget_allocations.csv", "budget allocations.csv"),
             "data/2561/budget allocations.csv: not read under this name; rename it budget_allocations.csv"),
    arranged("Projects.csv", renamed("projects.csv", "Projects.csv"),
             "data/2561/Projects.csv: not read under this name; rename it projects.csv"),
    arranged("complaints - Copy.csv beside complaints.csv", copied("complaints.csv", "complaints - Copy.csv"),
             f"data/2561/complaints - Copy.csv: not read, since complaints.csv is the file read; "
             f"move this copy out of {FOLDER}"),
    arranged("examples.yml", renamed("examples.yaml", "examples.yml"),
             "data/2561/examples.yml: not read under this name; rename it examples.yaml"),
    # --- folders, links, pipes and permissions
    arranged("a folder named complaints.csv", folder_in_place("complaints.csv"),
             "data/2561/complaints.csv: a folder, where a file is expected; put the file itself in its place"),
    arranged("a folder named examples.yaml", folder_in_place("examples.yaml"),
             "data/2561/examples.yaml: a folder, where a file is expected; put the file itself in its place"),
    arranged("a folder old/ of copies", moved_into_folder("complaints.csv", "old"),
             f"data/2561/old: a folder, which ita-report does not read; the year's files go directly in {FOLDER}: "
             "move it out"),
    arranged("a dangling link complaints.csv", dangling("complaints.csv"),
             "data/2561/complaints.csv: a link to {outside}/gone.csv, which leads to no file; "
             "put the file itself in its place"),
    arranged("a link complaints.csv out of the project", linked_out("complaints.csv"),
             "data/2561/complaints.csv: a file outside the project folder ({outside}/complaints.csv), reached "
             "through a link; copy it into the project instead of linking to it"),
    arranged("a link relations.csv to /dev/zero", linked_out("relations.csv", "/dev/zero"),
             "data/2561/relations.csv: a file outside the project folder (/dev/zero), reached through a link; "
             "copy it into the project instead of linking to it"),
    arranged("a pipe named complaints.csv", pipe("complaints.csv"),
             "data/2561/complaints.csv: a device, pipe or socket, not a file; put the file itself in its place"),
    arranged("complaints.csv not readable", unreadable("complaints.csv"),
             "data/2561/complaints.csv: could not be read: permission denied; give your user permission to read "
             "it, or copy the file in again",
             marks=pytest.mark.skipif(AS_ROOT, reason="root reads a file whatever its permissions")),
    # --- lock files of an open workbook, and files that are not the year's
    arranged("~$complaints.xlsx", added("~$complaints.xlsx"),
             "data/2561/~$complaints.xlsx: a lock file Excel keeps while complaints.xlsx is open; close the "
             "workbook in Excel (if Excel is closed, delete this file)"),
    arranged(".~lock.complaints.xlsx#", added(".~lock.complaints.xlsx#"),
             "data/2561/.~lock.complaints.xlsx#: a lock file LibreOffice keeps while complaints.xlsx is open; "
             "close it in LibreOffice (if LibreOffice is closed, delete this file)"),
    arranged("notes.docx", added("notes.docx"),
             f"data/2561/notes.docx: unknown file; expected only: {ACCEPTED}; move it out of {FOLDER}"),
    arranged(".complaints.csv", copied("complaints.csv", ".complaints.csv"),
             f"data/2561/.complaints.csv: unknown file; expected only: {ACCEPTED}; move it out of {FOLDER}"),
    # --- a cell longer than Excel or Python's csv module allow
    arranged("a 200,000-character cell", long_cell,
             "data/2561/relations.csv, row 3, column 'ที่อยู่': at most 32,767 characters in a cell, as Excel allows; "
             "found 200,000"),
]


def arranged_project(tmp_path: Path, arrange: Arrange) -> tuple[Path, Path]:
    root, outside = repo_copy(tmp_path / "project"), tmp_path / "elsewhere"
    outside.mkdir()
    arrange(root / "data" / str(YEAR), outside)
    return root, outside


@pytest.mark.parametrize(("arrange", "problems"), CASES)
def test_an_entry_that_is_not_read_is_named_with_its_fix(tmp_path, arrange, problems):
    root, outside = arranged_project(tmp_path, arrange)
    expected = tuple(problem.replace("{outside}", str(outside)) for problem in problems)
    assert_refused_by_validate_and_build(root, stderr_listing(expected))


def test_every_case_has_a_readme_line():
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    assert [param.id for param in CASES if f"| `{param.id}` |" not in readme] == []


def test_build_with_a_file_in_a_format_not_read_writes_nothing(tmp_path):
    root, _ = arranged_project(tmp_path, renamed("complaints.csv", "complaints.xls"))
    before = snapshot(root)
    result = ita_report("build", "--year", str(YEAR), "--project", str(root))
    problem = (f"data/2561/complaints.xls: {SAVE_AS} complaints.xlsx (Excel Workbook) or complaints.csv (CSV UTF-8), "
               f"or move it out of {FOLDER}")
    assert (result.returncode, result.stdout, result.stderr) == (1, "", stderr_listing((problem,)))
    assert not (root / "output").exists()
    assert snapshot(root) == before


def system_files(folder: Path, outside: Path) -> None:
    for name in (".DS_Store", "Thumbs.db", "desktop.ini", "._complaints.csv", ".procurement.csv.partial",
                 ".gitkeep", "README.md"):
        (folder / name).write_bytes(b"\x00\x05\x16\x07")
    (folder / ".ipynb_checkpoints").mkdir()
    (folder / ".ipynb_checkpoints" / "complaints-checkpoint.csv").write_bytes(b"")


def linked_inside(folder: Path, outside: Path) -> None:
    """complaints.csv kept elsewhere in the project, and linked to."""
    records = folder.parents[1] / "records"
    records.mkdir()
    (folder / "complaints.csv").rename(records / "complaints.csv")
    (folder / "complaints.csv").symlink_to(Path("..", "..", "records", "complaints.csv"))


@pytest.mark.parametrize("arrange", [system_files, linked_inside])
def test_system_files_notes_and_links_inside_the_project_pass(tmp_path, arrange):
    root, _ = arranged_project(tmp_path, arrange)
    result = validate(root)
    assert (result.returncode, result.stdout) == (0, OK_LINE), result.stderr
    assert "error" not in result.stderr


@pytest.mark.parametrize(("error", "reason"), [
    (PermissionError(errno.EACCES, "Permission denied"), "permission denied"),
    (OSError(errno.EIO, "Input/output error"), "input/output error"),
])
def test_a_file_the_system_will_not_read_is_named_even_as_root(tmp_path, monkeypatch, error, reason):
    root = repo_copy(tmp_path)
    refused, read_bytes = root / "data" / str(YEAR) / "complaints.csv", Path.read_bytes

    def refusing(path: Path) -> bytes:
        if path == refused:
            raise error
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refusing)
    result = validate(root)
    problem = (f"data/2561/complaints.csv: could not be read: {reason}; give your user permission to read it, "
               "or copy the file in again")
    assert (result.returncode, result.stdout, result.stderr) == (1, "", stderr_listing((problem,)))
