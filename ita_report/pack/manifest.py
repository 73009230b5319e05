"""Hashes of a pack's inputs and outputs: the build cache key, manifest.json and `verify`."""

from __future__ import annotations

import hashlib
import json
import platform
import subprocess
from importlib import metadata
from pathlib import Path

from ita_report.config.registry import family
from ita_report.core.paths import PACKAGE_DIR, Project

MANIFEST = "manifest.json"
KEY_PACKAGES = ("ita-report", "pandas", "matplotlib", "papermill", "nbconvert", "weasyprint", "pythainlp", "openpyxl")


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_entries(root: Path, paths: list[Path]) -> dict[str, dict[str, object]]:
    """{relative path: {sha256, size}} for files, sorted, paths written with '/'."""
    return {
        path.relative_to(root).as_posix(): {"sha256": sha256(path), "size": path.stat().st_size}
        for path in sorted(paths)
    }


def input_files(project: Project, fiscal_year: int, reports: list[str]) -> dict[str, Path]:
    """Every file a year's build reads from the project: params and the year's data."""
    files = {f"params/{fiscal_year}.yaml": project.params_file(fiscal_year)}
    for year in (fiscal_year, fiscal_year - 1):  # comparisons read the previous year too
        folder = project.data_dir(year)
        if folder.is_dir():
            files |= {f"data/{year}/{p.name}": p for p in sorted(folder.iterdir()) if p.is_file()}
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
    """manifest.json: inputs and outputs with SHA-256 and size, params, versions, commit."""
    outputs = [p for p in pack.rglob("*") if p.is_file() and p.name != MANIFEST]
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
        "outputs": file_entries(pack, outputs),
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True, default=str) + "\n"
    (pack / MANIFEST).write_text(text, encoding="utf-8")


def read_manifest(pack: Path) -> dict | None:
    path = pack / MANIFEST
    if not path.is_file():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def verify_pack(pack: Path) -> list[str]:
    """Differences between a pack and its manifest: changed, missing and added files."""
    manifest = read_manifest(pack)
    if manifest is None:
        return [f"{pack}: no readable {MANIFEST}"]
    expected = manifest["outputs"]
    actual = file_entries(pack, [p for p in pack.rglob("*") if p.is_file() and p.name != MANIFEST])
    problems = [f"changed: {name}" for name in expected if name in actual and actual[name] != expected[name]]
    problems += [f"missing: {name}" for name in expected if name not in actual]
    problems += [f"added: {name}" for name in actual if name not in expected]
    return problems
