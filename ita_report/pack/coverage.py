"""Which OIT items of a catalogue a built pack covers: per item, its documents and components."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ita_report.config.catalogue import Catalogue, CatalogueError, Component, DocumentRef, Item
from ita_report.config.registry import family, report_of_table
from ita_report.core.paths import TABLES_DIR

Status = Literal["complete", "missing", "office", "wrong_period"]


@dataclass(frozen=True)
class KindCoverage:
    """One required file kind of a document: the pack files that carry it, and what is missing."""

    kind: str
    expected: str  # the file name(s), or pattern, the pack should hold
    paths: tuple[str, ...]  # present files, relative to the pack, with '/'
    missing: bool  # some required file of this kind is not in the pack

    @property
    def present(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class DocumentCoverage:
    report: str
    title: str
    built: bool  # named in the year's params `reports:`
    kinds: tuple[KindCoverage, ...]

    @property
    def complete(self) -> bool:
        return self.built and all(kind.present for kind in self.kinds)


@dataclass(frozen=True)
class ComponentCoverage:
    text: str
    covered: bool


@dataclass(frozen=True)
class ItemCoverage:
    item: Item
    status: Status
    required_fiscal_year: int  # the fiscal year the item's data must be about
    documents: tuple[DocumentCoverage, ...]
    components: tuple[ComponentCoverage, ...]
    office_url: str | None  # for items provided by the office, when the office gave it

    @property
    def code(self) -> str:
        return self.item.code

    @property
    def title(self) -> str:
        return self.item.title


def required_fiscal_year(catalogue: Catalogue, item: Item, ita_year: int | None = None) -> int:
    """The fiscal year an item's data must cover: the ITA year, or the one before for annual results.

    The ITA year is the catalogue's, unless a pack applies the catalogue's items to its own year."""
    year = catalogue.year if ita_year is None else ita_year
    return year - 1 if item.period == "previous_fy" else year


def coverage(
    catalogue: Catalogue,
    pack_dir: Path,
    reports_built: list[str] | tuple[str, ...],
    *,
    office_urls: dict[str, str] | None = None,
    fiscal_year: int | None = None,
) -> list[ItemCoverage]:
    """For each item: which required documents the pack holds, each component covered or not.

    `fiscal_year` is the pack's fiscal year; when given, the catalogue's items are read as that
    year's ITA, and an item whose data must be about another fiscal year (annual results of the
    previous year) is marked `wrong_period`: the assessors score a document of the wrong period 0.
    """
    office_urls = dict(office_urls or {})
    check_office_urls(catalogue, office_urls)
    files = _pack_files(pack_dir)
    built = set(reports_built)
    result = []
    for item in catalogue.items:
        documents = {doc.report: _document(doc, files, doc.report in built) for doc in item.documents}
        needed_year = required_fiscal_year(catalogue, item, fiscal_year)
        if item.provided_by_office:
            status: Status = "office"
        elif fiscal_year is not None and fiscal_year != needed_year:
            status = "wrong_period"
        elif all(doc.complete for doc in documents.values()):
            status = "complete"
        else:
            status = "missing"
        # a component counts as covered only by this pack's files, and only for the right period
        components = tuple(
            ComponentCoverage(component.text, status in ("complete", "missing") and _covered(component, documents))
            for component in item.components
        )
        result.append(
            ItemCoverage(
                item=item,
                status=status,
                required_fiscal_year=needed_year,
                documents=tuple(documents.values()),
                components=components,
                office_url=office_urls.get(item.code) if item.provided_by_office else None,
            )
        )
    return result


def check_office_urls(catalogue: Catalogue, office_urls: dict[str, str]) -> None:
    """Every office URL is for an item of the catalogue that the office itself provides."""
    problems = []
    codes = {item.code: item for item in catalogue.items}
    for code, url in sorted(office_urls.items()):
        if code not in codes:
            problems.append(f"office URL for {code}: ITA {catalogue.year} has no item {code}")
        elif not codes[code].provided_by_office:
            problems.append(f"office URL for {code}: the pack makes {code}'s documents; remove its office URL")
        elif not (isinstance(url, str) and url.startswith(("https://", "http://"))):
            problems.append(f"office URL for {code} is {url!r}; expected an address starting with https://")
    if problems:
        raise CatalogueError("\n".join(problems))


def _pack_files(pack_dir: Path) -> frozenset[str]:
    return frozenset(p.relative_to(pack_dir).as_posix() for p in pack_dir.rglob("*") if p.is_file())


def _document(doc: DocumentRef, files: frozenset[str], built: bool) -> DocumentCoverage:
    kinds = tuple(_kind(doc, kind, files) for kind in doc.kinds)
    return DocumentCoverage(doc.report, family(doc.report).title, built, kinds)


def _kind(doc: DocumentRef, kind: str, files: frozenset[str]) -> KindCoverage:
    if kind in ("html", "pdf"):
        name = f"{doc.report}.{kind}"
        return KindCoverage(kind, name, (name,) if name in files else (), name not in files)
    if doc.tables is not None:
        wanted = [f"{TABLES_DIR}/{table}.{kind}" for table in doc.tables]
        paths = tuple(path for path in wanted if path in files)
        return KindCoverage(kind, ", ".join(wanted), paths, len(paths) < len(wanted))
    paths = tuple(
        sorted(
            path
            for path in files
            if path.startswith(f"{TABLES_DIR}/")
            and path.count("/") == 1
            and path.endswith(f".{kind}")
            and report_of_table(Path(path).stem) == doc.report
        )
    )
    expected = ", ".join(f"{TABLES_DIR}/{table}.{kind}" for table in family(doc.report).tables)
    return KindCoverage(kind, expected, paths, not paths)



def _covered(component: Component, documents: dict[str, DocumentCoverage]) -> bool:
    if component.documents is None:
        return all(doc.complete for doc in documents.values())
    for ref in component.documents:
        doc = documents[ref.report]
        present = {kind.kind for kind in doc.kinds if kind.present}
        if not (doc.built and set(ref.kinds) <= present):
            return False
    return True
