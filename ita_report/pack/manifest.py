"""Hashes of a pack's inputs and outputs: the build cache key, manifest.json and `verify`."""

from __future__ import annotations

import hashlib
import json
import platform
import re
import subprocess
from importlib import metadata
from pathlib import Path

from ita_report.config.registry import family
from ita_report.core.errors import ItaReportError
from ita_report.core.paths import PACKAGE_DIR, Project

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
FINGERPRINT_PAGE = "fingerprint.html"
# The files at the top of a pack that vouch for its manifest: each depends on the manifest's bytes, so
# the manifest cannot list them, and `verify` checks each its own way (pack/signing.py).
SEALS = (MANIFEST, SIGNATURE, FINGERPRINT_PAGE)
KEY_PACKAGES = ("ita-report", "pandas", "matplotlib", "papermill", "nbconvert", "weasyprint", "pythainlp", "openpyxl",
                "cryptography", "fontpkg-sarabun")
_SHA256 = re.compile(r"[0-9a-f]{64}")


class ManifestError(ItaReportError):
    """A pack's manifest.json is missing, or is not one ita-report writes."""


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def pack_files(pack: Path) -> list[Path]:
    """Every file of a pack that its manifest lists: all of them but the seals at its top level."""
    return [p for p in pack.rglob("*") if p.is_file() and p.relative_to(pack).as_posix() not in SEALS]


def file_entries(root: Path, paths: list[Path]) -> dict[str, dict[str, object]]:
    """{relative path: {sha256, size}} for files, sorted, paths written with '/'."""
    return {
        path.relative_to(root).as_posix(): {"sha256": sha256(path), "size": path.stat().st_size}
        for path in sorted(paths)
    }


def input_files(project: Project, fiscal_year: int, reports: list[str]) -> dict[str, Path]:
    """Every file a year's build reads from the project: params, the plan, the example list and the datasets.

    Only files of these known names: anything else in data/<year>/ (a scan, a note named after a
    complainant) is never read, so it is neither hashed nor named in the published manifest.
    """
    # pandas comes with the records modules: imported here, `verify` does without it
    from ita_report.records.checking import EXAMPLES_FILE
    from ita_report.records.datasets import PLAN_DATASETS, RECORD_DATASETS
    from ita_report.records.plan import PLAN_FILE
    from ita_report.records.reading import file_names

    files = {f"params/{fiscal_year}.yaml": project.params_file(fiscal_year)}
    for year in (fiscal_year, fiscal_year - 1):  # comparisons read the previous year too
        folder = project.data_dir(year)
        known = [folder / PLAN_FILE, folder / EXAMPLES_FILE]
        known += [folder / name for d in (*PLAN_DATASETS, *RECORD_DATASETS) for name in file_names(d.name)]
        files |= {f"data/{year}/{p.name}": p for p in sorted(known) if p.is_file()}
        if year != fiscal_year and project.params_file(year).is_file():
            files[f"params/{year}.yaml"] = project.params_file(year)
    return files


def tool_files() -> list[Path]:
    """The tool's own files a build depends on: the package's code, notebooks, templates and catalogues."""
    return [p for p in sorted(PACKAGE_DIR.rglob("*")) if p.is_file() and "__pycache__" not in p.parts]


def build_key(project: Project, fiscal_year: int, reports: list[str]) -> str:
    """One hash over every input and tool file: an unchanged key means nothing to rebuild."""
    digest = hashlib.sha256()
    for name, path in input_files(project, fiscal_year, reports).items():
        digest.update(f"{name}\0{sha256(path)}\n".encode())
    for path in tool_files():
        digest.update(f"{path.relative_to(PACKAGE_DIR).as_posix()}\0{sha256(path)}\n".encode())
    for report in reports:  # a notebook the registry places outside the package is not in tool_files()
        notebook = family(report).notebook
        if not notebook.is_relative_to(PACKAGE_DIR):
            digest.update(f"{report}\0{sha256(notebook)}\n".encode())
    digest.update(package_version("ita-report").encode())
    return digest.hexdigest()


def package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def git_commit() -> str:
    """The commit of the tool's checkout, with '+changes' when its files differ from it.

    An installed package (not a checkout) has no commit: its version is in `packages`."""
    checkout = PACKAGE_DIR.parent
    if not (checkout / ".git").exists():
        return "not a git checkout"
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=checkout, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=checkout, capture_output=True, text=True, check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return commit + ("+changes" if dirty else "")


def write_manifest(pack: Path, project: Project, fiscal_year: int, reports: list[str], key: str,
                   params: dict) -> None:
    """manifest.json: inputs and outputs with SHA-256 and size, params, versions, commit, example datasets."""
    from ita_report.records.checking import example_files

    read = {dataset for report in reports for dataset in family(report).datasets}
    manifest = {
        "fiscal_year": fiscal_year,
        "build_key": key,
        "git_commit": git_commit(),
        "python": platform.python_version(),
        "packages": {name: package_version(name) for name in KEY_PACKAGES},
        "params": params,
        "inputs": {
            name: {"sha256": sha256(path), "size": path.stat().st_size}
            for name, path in input_files(project, fiscal_year, reports).items()
        },
        "outputs": file_entries(pack, pack_files(pack)),
        # the datasets of invented records the reports read: fingerprint.html carries the example banner
        "examples": sorted(example_files(project, fiscal_year) & read),
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True, default=str) + "\n"
    (pack / MANIFEST).write_text(text, encoding="utf-8")


def load_manifest(pack: Path) -> dict:
    """The pack's manifest, checked to be one ita-report writes: a mapping whose outputs each have a hash and size."""
    path = pack / MANIFEST
    if not path.is_file():
        raise ManifestError(f"{pack} has no {MANIFEST}: it is not a pack built by ita-report, or its manifest was removed")
    damaged = "it was damaged or edited by hand"
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise ManifestError(f"{path} is not valid JSON: {damaged}") from None
    outputs = manifest.get("outputs") if isinstance(manifest, dict) else None
    if not isinstance(outputs, dict):
        raise ManifestError(f"{path} has no list of output files ('outputs'): {damaged}")
    if not outputs:
        raise ManifestError(f"{path} lists no output files: {damaged}")
    for name, entry in outputs.items():
        if not _is_file_entry(entry):
            raise ManifestError(f"{path} gives the output {name!r} no valid SHA-256 and size: {damaged}")
    return manifest


def _is_file_entry(entry: object) -> bool:
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("sha256"), str) and _SHA256.fullmatch(entry["sha256"]) is not None
        and type(entry.get("size")) is int and entry["size"] >= 0  # type(): a JSON true is a bool, not a size
    )


def read_manifest(pack: Path) -> dict | None:
    """The pack's manifest, or None when it has none that ita-report would write."""
    try:
        return load_manifest(pack)
    except ManifestError:
        return None


def verify_pack(pack: Path) -> list[str]:
    """Differences between a pack and its manifest: changed, missing and added files, nested manifests too.

    The seals (manifest.json, its signature, fingerprint.html) are checked by pack/signing.py."""
    try:
        expected = load_manifest(pack)["outputs"]
    except ManifestError as error:
        return [str(error)]
    actual = file_entries(pack, pack_files(pack))
    problems = [f"changed: {name}" for name in expected if name in actual and actual[name] != expected[name]]
    problems += [f"missing: {name}" for name in expected if name not in actual]
    problems += [f"added: {name}" for name in actual if name not in expected]
    return problems
