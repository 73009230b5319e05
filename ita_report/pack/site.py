"""The pack as a small static site: an index of OIT items, a page per item, the URLs for ITAS, a ZIP.

Every page is self-contained (Sarabun embedded, no script, no external stylesheet) and links
only with relative paths, so the folder works opened from disk and from any web server.
"""

from __future__ import annotations

import csv
import io
import shutil
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ita_report.config.catalogue import Catalogue
from ita_report.config.params import Params
from ita_report.config.registry import EXAMPLE_BANNER
from ita_report.core.errors import ItaReportError
from ita_report.core.files import replacing
from ita_report.core.paths import TEMPLATES_DIR
from ita_report.core.spreadsheet import safe_cell
from ita_report.core.thai import apply_digits
from ita_report.pack.coverage import DocumentCoverage, ItemCoverage
from ita_report.pack.manifest import FINGERPRINT_PAGE, MANIFEST, SEALS
from ita_report.present.fonts import font_faces
from ita_report.present.render import render_template

INDEX = "index.html"
ITEMS_DIR = "items"
URLS_CSV = "oit_urls.csv"

KIND_LABELS = {"html": "HTML", "pdf": "PDF", "csv": "CSV", "xlsx": "Excel"}
STATUS_LABELS = {
    "complete": "ครบ",
    "missing": "ยังขาดเอกสาร",
    "office": "หน่วยงานเผยแพร่เอง",
    "wrong_period": "ต้องใช้เอกสารปีอื่น",
}
PERIOD_LABELS = {
    "current_fy": "ข้อมูลปีงบประมาณ พ.ศ. {year}",
    "first_half": "ข้อมูลรอบ 6 เดือนแรกของปีงบประมาณ พ.ศ. {year} (1 ตุลาคม {before} – 31 มีนาคม {year})",
    "previous_fy": "ข้อมูลปีงบประมาณที่ผ่านมา พ.ศ. {year} ทั้งปี",
}
NO_BASE_URL = "ยังไม่ได้กำหนดที่อยู่เว็บไซต์ของชุดเอกสาร (base_url) จึงยังไม่มี URL"

# Fixed timestamp of every ZIP entry (the earliest a ZIP can hold), so two writes give the same bytes.
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)


class SiteError(ItaReportError):
    """The site cannot be written as asked, e.g. the base URL is not a web address."""


def write_site(
    pack_dir: Path,
    params: Params,
    catalogue: Catalogue,
    coverage: list[ItemCoverage],
    base_url: str | None,
) -> list[Path]:
    """Write index.html, items/<code>.html and oit_urls.csv into the pack; return what was written."""
    base_url = _checked_base_url(base_url)
    page = _Page(params, catalogue)
    items_dir = pack_dir / ITEMS_DIR
    shutil.rmtree(items_dir, ignore_errors=True)  # items of another catalogue must not linger
    items_dir.mkdir(parents=True)
    written = []
    for cov in coverage:
        target = items_dir / f"{cov.code}.html"
        target.write_text(page.item(cov), encoding="utf-8")
        written.append(target)
    urls = pack_dir / URLS_CSV
    urls.write_bytes(oit_urls_csv(coverage, base_url).encode("utf-8-sig"))
    index = pack_dir / INDEX
    index.write_text(page.index(coverage, base_url is not None), encoding="utf-8")
    return [index, urls, *written]


def item_page(code: str) -> str:
    """The path of an item's page, relative to the pack."""
    return f"{ITEMS_DIR}/{code}.html"


def public_url(base_url: str, path: str) -> str:
    """Where a pack file is on the web once the pack folder is published at base_url."""
    return f"{base_url.rstrip('/')}/{quote(path, safe='/')}"


def oit_urls_csv(coverage: list[ItemCoverage], base_url: str | None) -> str:
    """One row per document of each item, with its public URL, for pasting into ITAS; no cell a formula."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["ข้อ", "ชื่อข้อ", "เอกสาร", "ไฟล์ในชุดเอกสาร", "URL", "หมายเหตุ"])
    for cov in coverage:
        for document, path, url, note in _url_rows(cov, base_url):
            writer.writerow([safe_cell(cell) for cell in (cov.code, cov.title, document, path, url, note)])
    return buffer.getvalue()


def _url_rows(cov: ItemCoverage, base_url: str | None) -> list[tuple[str, str, str, str]]:
    """(document, path in the pack, public URL, note) for one item."""
    if cov.item.provided_by_office:
        note = "" if cov.office_url else "หน่วยงานเผยแพร่เอง ยังไม่ได้ระบุ URL"
        return [("เอกสารที่หน่วยงานเผยแพร่เอง", "", cov.office_url or "", note)]
    if cov.status == "wrong_period":
        return [("", "", "", f"ต้องใช้เอกสารของปีงบประมาณ พ.ศ. {cov.required_fiscal_year} จากชุดเอกสารของปีนั้น")]
    present = [("หน้ารวมหลักฐานของข้อนี้", item_page(cov.code))]
    missing = []
    for doc in cov.documents:
        for kind in doc.kinds:
            label = f"{doc.title} ({KIND_LABELS[kind.kind]})"
            present += [(label, path) for path in kind.paths]
            if not kind.present:
                missing.append((label, "", "", f"ไม่มีไฟล์ {kind.expected} ในชุดเอกสาร"))
    if base_url is None:
        return [(label, path, "", NO_BASE_URL) for label, path in present] + missing
    return [(label, path, public_url(base_url, path), "") for label, path in present] + missing


def write_zip(pack_dir: Path, target: Path, folder: str | None = None) -> Path:
    """A ZIP of the whole pack under one folder (default: the pack's name); the same files give the same bytes.

    The manifest lists the ZIP with its hash, so the ZIP cannot hold the manifest nor what is made
    from it (its signature, fingerprint.html): those stay beside it, and are left out here.
    """
    folder = folder or pack_dir.name
    target = Path(target)
    skip = target.resolve()
    files = sorted(
        (path.relative_to(pack_dir).as_posix(), path)
        for path in pack_dir.rglob("*")
        if path.is_file()
        and path.resolve() != skip
        and path.relative_to(pack_dir).as_posix() not in SEALS
        and not any(part.startswith(".") for part in path.relative_to(pack_dir).parts)
    )
    with replacing(target) as partial, zipfile.ZipFile(partial, "w") as archive:
        for name, path in files:
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=ZIP_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever machine writes it
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    return target


def fingerprint_page(manifest: dict, manifest_sha256: str, key_fingerprint: str | None) -> str:
    """fingerprint.html: the office, the SHA-256 of manifest.json and of the ZIP, the signing key's fingerprint.

    Made from the manifest alone, so that `verify` can make it again and compare bytes. The manifest
    may have been edited: a field that is missing or of the wrong kind shows as empty, and the page
    then no longer matches the one the build wrote.
    """
    digits = "thai" if _field(manifest, "params", "digits") == "thai" else "arabic"
    year = manifest.get("fiscal_year")
    year = str(year) if type(year) is int else ""
    outputs = manifest.get("outputs") if isinstance(manifest.get("outputs"), dict) else {}
    zips = [
        {"name": name, "sha256": _field(outputs, name, "sha256")}
        for name in sorted(outputs) if name.endswith(".zip") and "/" not in name
    ]
    return render_template(
        "fingerprint.html.j2",
        office=_field(manifest, "params", "office", "name"),
        pack_year=apply_digits(f"ชุดเอกสารปีงบประมาณ พ.ศ. {year}", digits),
        example_banner=EXAMPLE_BANNER if manifest.get("examples") else None,
        has_index=INDEX in outputs,
        manifest=MANIFEST,
        manifest_sha256=manifest_sha256,
        zips=zips,
        key_fingerprint=key_fingerprint,
        folder=year or "PACK",
        font_faces=font_faces(),
    )


def _field(mapping: dict, *keys: str) -> str:
    """The text at mapping[key][key]…, or '' when a step is missing or not a mapping, or the end not text."""
    value: object = mapping
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    return value if isinstance(value, str) else ""


def _checked_base_url(base_url: str | None) -> str | None:
    if base_url is None or base_url == "":
        return None
    if not base_url.startswith(("https://", "http://")) or any(c.isspace() for c in base_url):
        raise SiteError(
            f"base URL {base_url!r} is not a web address; expected one such as https://www.example.go.th/ita/2568/"
        )
    return base_url


class _Page:
    """The view of the catalogue and its coverage that the templates render."""

    def __init__(self, params: Params, catalogue: Catalogue):
        self.params = params
        self.catalogue = catalogue
        self.digits = params.digits

    def index(self, coverage: list[ItemCoverage], has_base_url: bool) -> str:
        counts = [(status, sum(cov.status == status for cov in coverage)) for status in STATUS_LABELS]
        return self._render(
            "site_index.html.j2",
            root="",
            items=[self._item(cov, root="") for cov in coverage],
            counts=[(status, self._d(str(n))) for status, n in counts if n],
            total=self._d(str(len(coverage))),
            urls_csv=URLS_CSV,
            has_base_url=has_base_url,
            fingerprint_page=FINGERPRINT_PAGE,
        )

    def item(self, cov: ItemCoverage) -> str:
        return self._render("site_item.html.j2", root="../", item=self._item(cov, root="../"))

    def _render(self, template: str, **context: Any) -> str:
        ita_year = self._d(str(self.catalogue.year))
        return render_template(
            template,
            office=self.params.office.name,
            heading=f"หลักฐานการเปิดเผยข้อมูลสาธารณะ (OIT) การประเมิน ITA ประจำปี พ.ศ. {ita_year}",
            pack_year=self._d(f"ชุดเอกสารปีงบประมาณ พ.ศ. {self.params.fiscal_year}"),
            css=(TEMPLATES_DIR / "site.css").read_text(encoding="utf-8"),
            font_faces=font_faces(),
            labels=STATUS_LABELS,
            **context,
        )

    def _item(self, cov: ItemCoverage, root: str) -> dict[str, Any]:
        year = cov.required_fiscal_year
        period = PERIOD_LABELS[cov.item.period].format(year=year, before=year - 1)
        wrong_period = None
        if cov.status == "wrong_period":
            wrong_period = self._d(
                f"ข้อนี้ต้องใช้ข้อมูลปีงบประมาณ พ.ศ. {year} แต่ชุดเอกสารนี้เป็นของปีงบประมาณ "
                f"พ.ศ. {self.params.fiscal_year}: ส่ง URL ของเอกสารจากชุดเอกสารปี {year} แทน"
            )
        return {
            "code": cov.code,
            "title": self._d(cov.title),
            "href": root + item_page(cov.code),
            "status": cov.status,
            "period": self._d(period),
            "confirmed": cov.item.confirmed,
            "wrong_period": wrong_period,
            "other_year": self._d(f"ใช้เอกสารปี {year}"),
            "office": cov.item.provided_by_office,
            "office_url": cov.office_url,
            "components": [{"text": self._d(c.text), "covered": c.covered} for c in cov.components],
            "documents": [self._document(doc, root) for doc in cov.documents],
        }

    def _document(self, doc: DocumentCoverage, root: str) -> dict[str, Any]:
        links, missing = [], []
        for kind in doc.kinds:
            for path in kind.paths:
                name = path.rsplit("/", 1)[-1]
                label = KIND_LABELS[kind.kind] if len(kind.paths) == 1 else f"{KIND_LABELS[kind.kind]}: {name}"
                links.append({"label": label, "href": root + quote(path, safe="/")})
            if not kind.present:
                missing.append(f"{KIND_LABELS[kind.kind]} ({kind.expected})")
        return {
            "title": self._d(doc.title),
            "report": doc.report,
            "built": doc.built,
            "links": links,
            "missing": missing,
            "missing_count": self._d(str(len(missing))),
        }

    def _d(self, text: str) -> str:
        return apply_digits(text, self.digits)
