"""Faults never leave a wrong pack or a traceback: kills, a second build, links, and the system refusing to write.

Every build here is plan-only with the small fixture notebook: these tests are about publishing, not reports.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import NamedTuple

import pytest

from ita_report.core.errors import BuildError
from ita_report.core.os_errors import os_error_in, os_error_message
from ita_report.core.paths import Project
from ita_report.pack import swap
from ita_report.pack.build import build_year
from ita_report.pack.manifest import read_manifest, sha256, verify_pack
from ita_report.pack.runner import Outcome
from ita_report.pack.swap import leftovers, repair
from tests.conftest import YEAR, copy_project
from tests.test_cli import run_in_process, snapshot
from tests.test_pack import FIXTURES, plan_only, plan_runs

KILLED = 99  # the exit status of a process a test kills at a chosen instant
LEFT = "(output/2561 was left as it was)"
READ_ONLY_FIX = "make it writable or move the project to a writable folder, and try again"

# a fresh Python process builds like the tests do: the plan report is the small notebook
PRELUDE = f"""
import os, sys, time
from dataclasses import replace
from pathlib import Path
from ita_report.config.registry import FAMILIES
FAMILIES["plan"] = replace(FAMILIES["plan"], notebook_file=Path({str(FIXTURES / "writes.ipynb")!r}))
KILLED = {KILLED}


def build(project, *options):
    from ita_report.cli import main
    sys.argv = ["ita-report", "build", "--year", "{YEAR}", "--jobs", "1", "--project", project, *options]
    main()
"""


def quiet(line: str) -> None:
    """A build log nobody reads."""


def python(code: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", PRELUDE + textwrap.dedent(code), *args],
                          capture_output=True, text=True)


def change_inputs(project: Project) -> None:
    projects = project.data_dir(YEAR) / "projects.csv"
    projects.write_text(projects.read_text(encoding="utf-8").replace(",1545340,", ",1545341,"), encoding="utf-8")


def names(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


@pytest.fixture(scope="module")
def built_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A plan-only project with its pack built: each test starts from a copy, not from a build."""
    with pytest.MonkeyPatch.context() as patch:
        plan_runs("writes", patch)
        project = plan_only(copy_project(tmp_path_factory.mktemp("built")))
        build_year(project, YEAR, log=quiet)
    return project.root


@pytest.fixture
def project(built_once: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    """A copy of the built project; its output/2561 is the last good pack."""
    plan_runs("writes", monkeypatch)
    shutil.copytree(built_once, tmp_path / "project", symlinks=True)
    return Project.at(tmp_path / "project")


class Packs(NamedTuple):
    old: Path
    new: Path


@pytest.fixture(scope="module")
def packs(built_once: Path, tmp_path_factory: pytest.TempPathFactory) -> Packs:
    """Two complete packs that verify: the one published, and the one a build then publishes."""
    with pytest.MonkeyPatch.context() as patch:
        plan_runs("writes", patch)
        root = tmp_path_factory.mktemp("changed") / "project"
        shutil.copytree(built_once, root)
        project = Project.at(root)
        change_inputs(project)
        new = build_year(project, YEAR, log=quiet).pack
    return Packs(built_once / "output" / str(YEAR), new)


# --- a kill at each step of publishing -------------------------------------------------------

DIES_AT = """
from ita_report.pack import swap

where, nth, when, swap_by, staging, target = sys.argv[1:]
owner, name = where.split(".", 1)
owner = {"os": os, "swap": swap}[owner]
real = getattr(owner, name)
calls = []


def dying(*args, **kwargs):
    calls.append(args)
    if len(calls) == int(nth) and when == "before":
        os._exit(KILLED)
    result = real(*args, **kwargs)
    if len(calls) == int(nth):
        os._exit(KILLED)
    return result


setattr(owner, name, dying)
if swap_by == "renames":
    swap._exchange = lambda a, b: False  # as on Windows, which has no call that swaps two folders
swap.publish(Path(staging), Path(target))
"""

KILLS = [  # (where the process dies, how it swaps, output/2561 a link to a web root, the pack then published)
    ("swap._exchange:1:before", "exchange", False, "old"),
    ("swap._exchange:1:after", "exchange", False, "new"),
    ("os.unlink:3:before", "exchange", False, "new"),  # while deleting the replaced pack
    ("os.rename:1:after", "exchange", True, "old"),  # staging just moved beside the web root's pack
    ("swap._exchange:1:after", "exchange", True, "new"),
    ("os.rename:1:before", "renames", False, "old"),
    ("os.rename:1:after", "renames", False, "old"),  # between the two renames: no output/2561 at all
    ("os.rename:2:after", "renames", False, "new"),
    ("os.unlink:3:before", "renames", False, "new"),  # unlink 1 removes the marker; then the replaced pack
    ("os.rename:1:before", "first", False, None),  # the first pack: nothing to replace
]


@pytest.mark.parametrize(("kill", "swap_by", "linked", "expected"), KILLS)
def test_a_kill_while_publishing_leaves_a_complete_pack_and_repair_clears_the_rest(
        packs, tmp_path, kill, swap_by, linked, expected):
    output, web_root = tmp_path / "output", tmp_path / "www"
    folder = web_root if linked else output
    folder.mkdir(parents=True, exist_ok=True)
    output.mkdir(exist_ok=True)
    target = output / str(YEAR)
    if expected is not None:
        shutil.copytree(packs.old, folder / str(YEAR))
    if linked:
        target.symlink_to(web_root / str(YEAR), target_is_directory=True)
    shutil.copytree(packs.new, output / f".staging-{YEAR}")
    died = python(DIES_AT, *kill.split(":"), swap_by, str(output / f".staging-{YEAR}"), str(target))
    assert died.returncode == KILLED, died.stderr
    repair(target)
    assert leftovers(target) == []
    if expected is None:
        assert names(output) == []
        return
    assert names(output) == names(folder) == [str(YEAR)]
    assert verify_pack(target) == []
    assert snapshot(target) == snapshot(getattr(packs, expected))
    assert target.is_symlink() == linked


def test_a_build_killed_between_the_renames_is_put_right_by_the_next_and_its_message_is_true(project, monkeypatch):
    """The red team's case: the kill left no output/2561, and a failing build then said it was left as it was."""
    target = project.output_dir(YEAR)
    old = snapshot(target)
    change_inputs(project)
    died = python("""
        from ita_report.pack import swap
        rename = os.rename


        def dying(source, destination, *args, **kwargs):
            rename(source, destination, *args, **kwargs)
            if Path(destination).name.startswith(".previous-"):
                os._exit(KILLED)


        swap._exchange = lambda a, b: False
        os.rename = dying
        build(sys.argv[1])
        """, str(project.root))
    assert died.returncode == KILLED, died.stderr
    assert names(project.output_root()) == [".build.lock", ".previous-2561", ".staging-2561", ".swapping-2561"]
    plan_runs("raises", monkeypatch)
    result = run_in_process("build", "--year", str(YEAR), "--jobs", "1", "--project", str(project.root))
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        "the executed notebooks, with the failing cell marked, are in output/2561.failed/notebooks; "
        "output/2561 was left as it was")
    assert verify_pack(target) == [] and snapshot(target) == old
    assert names(project.output_root()) == [".build.lock", "2561", "2561.failed"]


def test_a_first_build_that_fails_does_not_say_a_pack_was_left(tmp_path, monkeypatch):
    plan_runs("raises", monkeypatch)
    project = plan_only(copy_project(tmp_path))
    with pytest.raises(BuildError) as caught:
        build_year(project, YEAR, log=quiet)
    assert str(caught.value).splitlines()[-1] == (
        "the executed notebooks, with the failing cell marked, are in output/2561.failed/notebooks; "
        "no pack was published at output/2561")


# --- one build at a time ---------------------------------------------------------------------

WAITS_BEFORE_PUBLISHING = """
from ita_report.pack import build as building
publish = building.publish
ready, go = Path(sys.argv[2]), Path(sys.argv[3])


def waiting(staging, target):
    ready.touch()
    while not go.exists():
        time.sleep(0.02)
    publish(staging, target)


building.publish = waiting
build(sys.argv[1], "--force")
"""


def test_a_second_build_stops_at_once_naming_the_first_which_completes(project, tmp_path):
    ready, go = tmp_path / "ready", tmp_path / "go"
    first = subprocess.Popen(
        [sys.executable, "-c", PRELUDE + WAITS_BEFORE_PUBLISHING, str(project.root), str(ready), str(go)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not ready.exists() and first.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert ready.exists(), first.stderr.read() if first.poll() is not None else "the first build never got ready"
        before = snapshot(project.output_root())
        second = run_in_process("build", "--year", str(YEAR), "--project", str(project.root))
        assert snapshot(project.output_root()) == before
    finally:
        go.touch()
        try:
            out, err = first.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            first.kill()
            raise
    assert second.returncode == 1
    holder = rf"pid {first.pid} on host {re.escape(socket.gethostname())}, building 2561 since [-\d]{{10}} [:\d]{{8}} UTC"
    message = rf"error: another build of this project is running \({holder}\); wait for it to finish, then build again\n"
    assert re.fullmatch(message, second.stderr), second.stderr
    assert (first.returncode, out) == (0, "built output/2561\n"), err
    assert verify_pack(project.output_dir(YEAR)) == []
    assert names(project.output_root()) == [".build.lock", "2561"]


def test_the_lock_of_a_killed_build_is_free(project):
    died = python("""
        from ita_report.core.paths import Project
        from ita_report.pack.lock import build_lock

        with build_lock(Project.at(sys.argv[1]), 2561):
            os._exit(KILLED)
        """, str(project.root))
    assert died.returncode == KILLED, died.stderr
    assert (project.output_root() / ".build.lock").read_text(encoding="utf-8").startswith("pid ")
    assert build_year(project, YEAR, log=quiet, force=True).rebuilt
    assert verify_pack(project.output_dir(YEAR)) == []
    assert (project.output_root() / ".build.lock").read_text(encoding="utf-8") == ""


# --- the system refusing to write ------------------------------------------------------------


def read_only_manifest(monkeypatch):
    def write_manifest(pack, *args):
        raise OSError(errno.EROFS, "Read-only file system", str(pack / "manifest.json"))
    monkeypatch.setattr("ita_report.pack.build.write_manifest", write_manifest)


def full_disk_in_a_kernel(monkeypatch):
    error = ("notebook plan.ipynb failed in cell 3: OSError: [Errno 28] No space left on device: "
             "'output/.staging-2561/tables/plan_overview.csv'")
    monkeypatch.setattr("ita_report.pack.build.run_report", lambda report, *args: Outcome(report, 0.1, error))


def full_disk_in_a_worker(monkeypatch):
    """A write to a file already open names no file: the folder being written is named instead."""
    def run_report(*args):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr("ita_report.pack.build.run_report", run_report)


def quota_in_the_site(monkeypatch):
    def write_site(staging, params):
        raise OSError(errno.EDQUOT, "Disk quota exceeded", str(staging / "index.html"))
    monkeypatch.setattr("ita_report.pack.build._write_site", write_site)


def pack_in_use_at_the_exchange(monkeypatch):
    def exchange(a, b):
        raise PermissionError(errno.EACCES, "Permission denied", str(a), None, str(b))
    monkeypatch.setattr(swap, "_exchange", exchange)


def pack_in_use_at_a_rename(source: str):
    """Windows: a document of the pack, or its folder, open in another program while the renames run."""
    def patch(monkeypatch):
        rename = os.rename

        def refusing(a, b, *args, **kwargs):
            if Path(a).name == source:
                raise PermissionError(errno.EACCES, "Permission denied", str(a), None, str(b))
            rename(a, b, *args, **kwargs)

        monkeypatch.setattr(swap, "_exchange", lambda a, b: False)
        monkeypatch.setattr(os, "rename", refusing)
    patch.__name__ = f"pack_in_use_at_the_rename_of_{source}"
    return patch


IN_USE = "permission denied; give your user write access to it, or close the program that has it open, and try again"
FAULTS = [  # (what fails, the one sentence the build stops with)
    (read_only_manifest,
     f"could not write output/.staging-2561/manifest.json: the file system is read-only; {READ_ONLY_FIX} {LEFT}"),
    (full_disk_in_a_kernel, "could not write output/.staging-2561/tables/plan_overview.csv: the disk is full; "
                            f"free some space and try again {LEFT}"),
    (full_disk_in_a_worker,
     f"could not write output/.staging-2561: the disk is full; free some space and try again {LEFT}"),
    (quota_in_the_site, "could not write output/.staging-2561/index.html: the disk quota is used up; "
                        f"free some space or ask for a larger quota, and try again {LEFT}"),
    (pack_in_use_at_the_exchange, f"could not move output/.staging-2561 to output/2561: {IN_USE} {LEFT}"),
    (pack_in_use_at_a_rename("2561"), f"could not move output/2561 to output/.previous-2561: {IN_USE} {LEFT}"),
    (pack_in_use_at_a_rename(".staging-2561"), f"could not move output/.staging-2561 to output/2561: {IN_USE} {LEFT}"),
]


@pytest.mark.parametrize(("fault", "message"), FAULTS, ids=[fault.__name__ for fault, _ in FAULTS])
def test_the_system_refusing_a_write_stops_the_build_with_one_sentence_and_the_pack_as_it_was(
        project, monkeypatch, fault, message):
    before = snapshot(project.output_root())
    fault(monkeypatch)
    result = run_in_process("build", "--year", str(YEAR), "--force", "--jobs", "1", "--project", str(project.root))
    assert (result.returncode, result.stdout, result.stderr.splitlines()[-1]) == (1, "", f"error: {message}")
    assert snapshot(project.output_root()) == before
    assert verify_pack(project.output_dir(YEAR)) == []


def test_a_file_size_limit_stops_the_build_with_one_sentence_and_the_pack_as_it_was(project):
    before = snapshot(project.output_root())
    result = python("""
        import resource

        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, resource.RLIM_INFINITY))  # the HTML is ~250 kB
        build(sys.argv[1], "--force")
        """, str(project.root))
    assert (result.returncode, result.stdout, result.stderr) == (1, "", (
        "[2561] plan: queued\n"
        "error: could not write output/.staging-2561: the file is larger than this system allows "
        f"(a file-size limit); lift the limit or use another disk, and try again {LEFT}\n"))
    assert snapshot(project.output_root()) == before
    assert verify_pack(project.output_dir(YEAR)) == []


def test_a_file_where_the_output_folder_should_be_is_named(tmp_path):
    project = plan_only(copy_project(tmp_path))
    project.output_root().write_text("not a folder", encoding="utf-8")
    result = run_in_process("build", "--year", str(YEAR), "--project", str(project.root))
    assert (result.returncode, result.stderr) == (1, (
        "error: could not use output: a file of that name is in the way; move it away and try again "
        "(no pack was published at output/2561)\n"))
    assert project.output_root().read_text(encoding="utf-8") == "not a folder"


# --- links made by the office ----------------------------------------------------------------


@pytest.mark.parametrize("linked", ["output/2561", "output"])
def test_a_link_to_a_web_root_stays_a_link_and_the_web_root_gets_the_new_pack(project, tmp_path, linked):
    web_root = tmp_path / "var" / "www" / "ita"
    web_root.mkdir(parents=True)
    link = project.root / linked
    link.rename(web_root / link.name)
    link.symlink_to(web_root / link.name, target_is_directory=True)
    change_inputs(project)
    assert build_year(project, YEAR, log=quiet).rebuilt
    assert link.is_symlink() and link.readlink() == web_root / link.name
    published = web_root / "2561" if linked == "output/2561" else web_root / "output" / "2561"
    assert verify_pack(published) == []
    changed = read_manifest(published)["inputs"]["data/2561/projects.csv"]["sha256"]
    assert changed == sha256(project.data_dir(YEAR) / "projects.csv")
    assert names(web_root) == [link.name]
    assert names(project.output_root()) == [".build.lock", "2561"]


# --- the sentences ---------------------------------------------------------------------------

MESSAGES = [  # (the error, as the system raises it, and its sentence)
    (OSError(errno.ENOSPC, "No space left on device", "/srv/p/output/.staging-2561/plan.pdf"),
     "could not write output/.staging-2561/plan.pdf: the disk is full; free some space and try again"),
    (OSError(errno.EFBIG, "File too large", "/srv/p/output/.staging-2561/plan.html"),
     "could not write output/.staging-2561/plan.html: the file is larger than this system allows "
     "(a file-size limit); lift the limit or use another disk, and try again"),
    (OSError(errno.EROFS, "Read-only file system", "/srv/p/output/.build.lock"),
     f"could not write output/.build.lock: the file system is read-only; {READ_ONLY_FIX}"),
    (OSError(errno.EPERM, "Operation not permitted", "/var/www/ita/2561"),
     "could not use /var/www/ita/2561: the operation is not permitted; give your user write access to it, "
     "or close the program that has it open, and try again"),
    (OSError(errno.ENAMETOOLONG, "File name too long", "/srv/p/output/2561/" + "ก" * 300),
     f"could not use output/2561/{'ก' * 300}: the name is too long for the file system; "
     "move the project to a folder with a shorter path and try again"),
    (OSError(errno.ENOTDIR, "Not a directory", "/srv/p/output/2561/tables"),
     "could not use output/2561/tables: a part of the path is a file, not a folder; move that file away and try again"),
    (OSError(errno.ENOSPC, "No space left on device"), "could not write a file: the disk is full; free some space and "
                                                       "try again"),
    (OSError(errno.ENOENT, "No such file or directory", "/srv/p/data/2561/projects.csv"),
     "could not use data/2561/projects.csv: no such file or directory"),
]


@pytest.mark.parametrize(("error", "message"), MESSAGES)
def test_each_refusal_of_the_system_is_one_sentence_naming_the_path(error, message):
    assert os_error_message(error, Project(Path("/srv/p"))) == message


@pytest.mark.parametrize(("text", "found"), [
    ("notebook plan.ipynb failed in cell 3: OSError: [Errno 28] No space left on device: 'output/x.csv'",
     (errno.ENOSPC, "output/x.csv")),
    ("notebook plan.ipynb could not run: OSError: [Errno 27] File too large", (errno.EFBIG, None)),
    ("notebook plan.ipynb failed in cell 2: FileNotFoundError: [Errno 2] No such file or directory: 'data/x.csv'",
     None),  # the notebook's own fault: a notebook failure, kept with its cell marked
    ("notebook plan.ipynb failed in cell 4: ValueError: ไม่มีข้อมูลงบประมาณ", None),
])
def test_a_refusal_reported_by_a_kernel_is_recognised(text, found):
    error = os_error_in(text)
    assert (None if error is None else (error.errno, error.filename)) == found
