"""`verify`: every file of a pack against its manifest, the manifest itself, and the office's signature."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest

from ita_report.config.params import load_params
from ita_report.pack.manifest import input_files, package_version, write_manifest
from ita_report.pack.signing import (
    KeyPair,
    SigningError,
    key_fingerprint,
    make_key_pair,
    read_public_key,
    seal_pack,
    sealed_with,
)
from ita_report.pack.site import fingerprint_page
from tests.test_cli import run_in_process

YEAR = 2561
DAMAGED = "it was damaged or edited by hand"
PAGE_CHANGED = "changed: fingerprint.html or manifest.json (the page no longer shows the manifest's fingerprint)"
SIGNATURE_CHANGED = "changed: manifest.sig (it is no longer a signature written by ita-report)"


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> KeyPair:
    return make_key_pair(tmp_path_factory.mktemp("keys"))


@pytest.fixture(scope="module")
def other_keys(tmp_path_factory: pytest.TempPathFactory) -> KeyPair:
    """A key pair that is not the office's."""
    return make_key_pair(tmp_path_factory.mktemp("other-keys"))


def copy_of(built, folder: Path) -> Path:
    """The built FY 2561 pack, copied into folder so that a test may change it."""
    return Path(shutil.copytree(built.output_dir(YEAR), folder / str(YEAR)))


@pytest.fixture
def unsigned(built, tmp_path) -> Path:
    pack = copy_of(built, tmp_path / "unsigned")
    seal_pack(pack, None)
    return pack


@pytest.fixture
def signed(built, tmp_path, keys) -> Path:
    pack = copy_of(built, tmp_path / "signed")
    seal_pack(pack, keys.signing_key)
    return pack


def verify(pack: Path, key: Path | None = None):
    return run_in_process("verify", str(pack), *(["--key", str(key)] if key else []))


def edit_table_and_its_hash(pack: Path) -> None:
    """What a careful forger does: change a table, then write its new hash and size into the manifest."""
    table = pack / "tables" / "plan_overview.csv"
    table.write_bytes(table.read_bytes().replace(b"1", b"7"))
    manifest = json.loads((pack / "manifest.json").read_text(encoding="utf-8"))
    manifest["outputs"]["tables/plan_overview.csv"] = {
        "sha256": hashlib.sha256(table.read_bytes()).hexdigest(), "size": table.stat().st_size,
    }
    (pack / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                                        encoding="utf-8")


def make_page_again(pack: Path, key_fingerprint: str | None) -> None:
    """The forger's next step: write fingerprint.html from the edited manifest with the tool's own function."""
    data = (pack / "manifest.json").read_bytes()
    page = fingerprint_page(json.loads(data), hashlib.sha256(data).hexdigest(), key_fingerprint)
    (pack / "fingerprint.html").write_bytes(page.encode("utf-8"))


# --- packs that verify --------------------------------------------------------------------


def test_an_unsigned_pack_verifies_as_before(unsigned):
    result = verify(unsigned)
    assert (result.returncode, result.stdout, result.stderr) == (0, f"OK {unsigned}: every file matches manifest.json\n", "")


def test_a_signed_pack_verifies_with_the_office_key(signed, keys):
    result = verify(signed, keys.public_key)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"OK {signed}: every file matches manifest.json, signed with the office key {keys.fingerprint}\n"


def test_a_signed_pack_without_a_key_says_its_signature_was_not_checked(signed):
    result = verify(signed)
    assert result.returncode == 0
    assert result.stdout == (
        f"OK {signed}: every file matches manifest.json; the signature was not checked: "
        "add --key with the office's public key file to check it\n"
    )


def test_a_pack_from_before_fingerprint_pages_verifies_as_before_and_is_built_again(unsigned):
    (unsigned / "fingerprint.html").unlink()
    result = verify(unsigned)
    assert (result.returncode, result.stdout) == (0, f"OK {unsigned}: every file matches manifest.json\n")
    assert not sealed_with(unsigned, None)


def test_a_signed_pack_without_its_fingerprint_page_fails(signed, keys):
    (signed / "fingerprint.html").unlink()
    assert verify(signed).stdout == "missing: fingerprint.html\n"
    result = verify(signed, keys.public_key)
    assert (result.returncode, result.stdout) == (1, "missing: fingerprint.html\n")


def test_signing_twice_gives_the_same_bytes(signed, keys):
    before = {name: (signed / name).read_bytes() for name in ("manifest.sig", "fingerprint.html")}
    seal_pack(signed, keys.signing_key)
    assert {name: (signed / name).read_bytes() for name in before} == before


# --- the files the manifest lists ---------------------------------------------------------


def test_changed_missing_and_added_files_are_listed(unsigned):
    (unsigned / "plan.html").write_text("tampered", encoding="utf-8")
    (unsigned / "notebooks" / "plan.ipynb").unlink()
    (unsigned / "extra.txt").write_text("x", encoding="utf-8")
    result = verify(unsigned)
    assert result.returncode == 1
    assert result.stdout == "changed: plan.html\nmissing: notebooks/plan.ipynb\nadded: extra.txt\n"


def test_a_manifest_in_a_subfolder_is_checked_like_any_file(built, tmp_path):
    pack = copy_of(built, tmp_path)
    (pack / "tables" / "manifest.json").write_text('{"rows": 3}\n', encoding="utf-8")
    params = load_params(built, YEAR)
    write_manifest(pack, built, YEAR, params.reports, "key", params.model_dump(mode="json"))
    seal_pack(pack, None)
    assert "tables/manifest.json" in json.loads((pack / "manifest.json").read_text(encoding="utf-8"))["outputs"]
    assert verify(pack).returncode == 0
    (pack / "tables" / "manifest.json").write_text('{"rows": 4}\n', encoding="utf-8")
    (pack / "items" / "manifest.json").write_text("{}\n", encoding="utf-8")
    result = verify(pack)
    assert (result.returncode, result.stdout) == (1, "changed: tables/manifest.json\nadded: items/manifest.json\n")


# --- a manifest that is not one ita-report writes -----------------------------------------


ENTRY = {"sha256": "0" * 64, "size": 1}


@pytest.mark.parametrize("content, message", [
    ("{not json", "is not valid JSON: {damaged}"),
    (b"\xff\xfe{}", "is not valid JSON: {damaged}"),
    ({"fiscal_year": YEAR}, "has no list of output files ('outputs'): {damaged}"),
    ({"outputs": ["plan.pdf"]}, "has no list of output files ('outputs'): {damaged}"),
    ([{"outputs": {"plan.pdf": ENTRY}}], "has no list of output files ('outputs'): {damaged}"),
    ({"outputs": {}}, "lists no output files: {damaged}"),
    ({"outputs": {"plan.pdf": "0" * 64}}, "gives the output 'plan.pdf' no valid SHA-256 and size: {damaged}"),
    ({"outputs": {"plan.pdf": {**ENTRY, "sha256": "abc"}}},
     "gives the output 'plan.pdf' no valid SHA-256 and size: {damaged}"),
    ({"outputs": {"plan.pdf": {**ENTRY, "size": "1"}}},
     "gives the output 'plan.pdf' no valid SHA-256 and size: {damaged}"),
    ({"outputs": {"plan.pdf": {**ENTRY, "size": True}}},
     "gives the output 'plan.pdf' no valid SHA-256 and size: {damaged}"),
], ids=["not-json", "not-text", "no-outputs", "outputs-a-list", "manifest-a-list", "outputs-empty",
        "entry-a-string", "bad-hash", "size-a-string", "size-a-bool"])
def test_a_manifest_that_ita_report_did_not_write_is_one_error(tmp_path, content, message):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "plan.pdf").write_bytes(b"x")
    data = content if isinstance(content, (str, bytes)) else json.dumps(content)
    (pack / "manifest.json").write_bytes(data.encode() if isinstance(data, str) else data)
    result = verify(pack)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"error: {pack / 'manifest.json'} {message.format(damaged=DAMAGED)}\n"


def test_a_pack_without_a_manifest_is_one_error(unsigned):
    (unsigned / "manifest.json").unlink()
    result = verify(unsigned)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"error: {unsigned} has no manifest.json: it is not a pack built by ita-report, or its manifest was removed\n"
    )


# --- an edited manifest -------------------------------------------------------------------


def test_without_a_key_an_edited_manifest_shows_in_its_fingerprint_page(unsigned):
    edit_table_and_its_hash(unsigned)
    result = verify(unsigned)
    assert (result.returncode, result.stdout) == (1, f"{PAGE_CHANGED}\n")


def test_a_pack_made_by_another_version_says_so_when_its_page_differs(unsigned):
    manifest = json.loads((unsigned / "manifest.json").read_text(encoding="utf-8"))
    manifest["packages"]["ita-report"] = "0.0.9"
    (unsigned / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    result = verify(unsigned)
    assert (result.returncode, result.stdout) == (1, (
        "changed: fingerprint.html or manifest.json (the page no longer shows the manifest's fingerprint; "
        f"the pack was made with ita-report 0.0.9 (this is {package_version('ita-report')}), "
        "which may write the page differently)\n"
    ))


def test_without_a_key_an_edited_manifest_with_its_page_made_again_cannot_be_found(unsigned):
    """The honest limit: without the office's key, nothing tells a careful forger's manifest from the build's."""
    edit_table_and_its_hash(unsigned)
    make_page_again(unsigned, None)
    result = verify(unsigned)
    assert (result.returncode, result.stdout) == (0, f"OK {unsigned}: every file matches manifest.json\n")


def test_with_the_key_an_edited_manifest_with_its_page_made_again_fails(signed, keys):
    edit_table_and_its_hash(signed)
    make_page_again(signed, keys.fingerprint)
    result = verify(signed, keys.public_key)
    assert result.returncode == 1
    assert result.stdout == (
        f"manifest.sig does not match manifest.json under the key {keys.public_key}: "
        "the manifest or its signature was changed after signing\n"
    )


# --- a signed pack, changed -----------------------------------------------------------------


def signature_mismatch(keys: KeyPair) -> str:
    return (f"manifest.sig does not match manifest.json under the key {keys.public_key}: "
            "the manifest or its signature was changed after signing")


@pytest.mark.parametrize("name, lines", [
    ("plan.pdf", ["changed: plan.pdf"]),
    ("tables/plan_overview.csv", ["changed: tables/plan_overview.csv"]),
    ("index.html", ["changed: index.html"]),
    ("ita-pack-2561.zip", ["changed: ita-pack-2561.zip"]),
    ("manifest.json", [PAGE_CHANGED, "signature"]),
    ("manifest.sig", [SIGNATURE_CHANGED]),
    ("fingerprint.html", [PAGE_CHANGED]),
])
def test_changing_any_file_of_a_signed_pack_fails_verify_with_the_key(signed, keys, name, lines):
    path = signed / name
    path.write_bytes(path.read_bytes() + b"\n")  # one byte, which leaves JSON files valid JSON
    result = verify(signed, keys.public_key)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [signature_mismatch(keys) if line == "signature" else line for line in lines]


def test_a_removed_signature_fails_with_the_key_and_shows_in_the_page_without(signed, keys):
    (signed / "manifest.sig").unlink()
    assert verify(signed).stdout == f"{PAGE_CHANGED}\n"
    result = verify(signed, keys.public_key)
    assert result.returncode == 1
    assert result.stdout == (
        f"{PAGE_CHANGED}\nmissing: manifest.sig (the pack is not signed, so the office key cannot vouch for it)\n"
    )


def test_an_unsigned_pack_fails_verify_with_a_key(unsigned, keys):
    result = verify(unsigned, keys.public_key)
    assert (result.returncode, result.stdout) == (
        1, "missing: manifest.sig (the pack is not signed, so the office key cannot vouch for it)\n",
    )


def test_the_wrong_key_fails(signed, keys, other_keys):
    result = verify(signed, other_keys.public_key)
    assert result.returncode == 1
    assert result.stdout == (
        f"manifest.sig names another key (fingerprint {keys.fingerprint}) than {other_keys.public_key} "
        f"(fingerprint {other_keys.fingerprint}): the pack was signed by someone else, or with another key of the office\n"
    )


def test_a_pack_signed_by_another_key_that_claims_the_office_key_fails(signed, keys, other_keys):
    seal_pack(signed, other_keys.signing_key)
    forged = json.loads((signed / "manifest.sig").read_text(encoding="utf-8"))
    forged["key_fingerprint"] = keys.fingerprint
    (signed / "manifest.sig").write_text(json.dumps(forged, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    make_page_again(signed, keys.fingerprint)
    result = verify(signed, keys.public_key)
    assert (result.returncode, result.stdout) == (1, signature_mismatch(keys) + "\n")


# --- the fingerprint page and the ZIP -----------------------------------------------------


def test_the_fingerprint_page_shows_the_office_the_hashes_the_key_and_the_example_banner(signed, keys):
    page = (signed / "fingerprint.html").read_text(encoding="utf-8")
    manifest = json.loads((signed / "manifest.json").read_text(encoding="utf-8"))
    assert hashlib.sha256((signed / "manifest.json").read_bytes()).hexdigest() in page
    assert manifest["outputs"]["ita-pack-2561.zip"]["sha256"] in page
    assert keys.fingerprint in page and "ita-report verify 2561 --key office-public-key.pem" in page
    assert "สำนักงานเขตพื้นที่การศึกษาประถมศึกษากาญจนบุรี เขต ๒" in page and "พ.ศ. ๒๕๖๑" in page
    assert manifest["examples"] and '<div class="banner-example">ข้อมูลตัวอย่าง – ไม่ใช่ข้อมูลจริง</div>' in page


def test_an_unsigned_pack_says_so_on_its_fingerprint_page(unsigned):
    assert "ชุดเอกสารนี้ไม่ได้ลงนามด้วยกุญแจของหน่วยงาน" in (unsigned / "fingerprint.html").read_text(encoding="utf-8")


def test_the_index_links_the_fingerprint_page(unsigned):
    assert '<a href="fingerprint.html">fingerprint.html</a>' in (unsigned / "index.html").read_text(encoding="utf-8")


def test_the_zip_holds_neither_the_manifest_nor_what_is_made_from_it(signed):
    with zipfile.ZipFile(signed / "ita-pack-2561.zip") as archive:
        names = set(archive.namelist())
    files = {f"2561/{p.relative_to(signed).as_posix()}" for p in signed.rglob("*") if p.is_file()}
    seals = {"2561/manifest.json", "2561/manifest.sig", "2561/fingerprint.html"}
    assert names == files - seals - {"2561/ita-pack-2561.zip"}


# --- the inputs the manifest names ----------------------------------------------------------


def test_the_manifest_names_only_the_inputs_a_build_reads(project):
    (project.data_dir(YEAR) / "คำร้องของนายสมชาย ใจดี.pdf").write_bytes(b"%PDF")
    (project.data_dir(YEAR) / "procurement-old.csv").write_text("x\n", encoding="utf-8")
    names = list(input_files(project, YEAR, load_params(project, YEAR).reports))
    previous = ["bids.csv", "budget_allocations.csv", "complaints.csv", "disbursements.csv", "examples.yaml",
                "procurement.csv", "relations.csv"]
    assert names == [
        "params/2561.yaml",
        *(f"data/2561/{name}" for name in [
            "bids.csv", "budget_allocations.csv", "complaints.csv", "disbursements.csv", "examples.yaml",
            "indicator_results.csv", "indicators.csv", "plan.yaml", "procurement.csv", "projects.csv",
            "relations.csv", "responsible_units.csv"]),
        *(f"data/2560/{name}" for name in previous),
        "params/2560.yaml",
    ]


def test_the_built_manifest_names_no_other_file_of_the_data_folder(built):
    inputs = json.loads((built.output_dir(YEAR) / "manifest.json").read_text(encoding="utf-8"))["inputs"]
    assert "data/2561/SOURCE.md" not in inputs and "data/2561/projects.csv" in inputs


# --- keys -----------------------------------------------------------------------------------


def test_keygen_writes_a_secret_key_a_public_key_and_prints_the_fingerprint(tmp_path):
    folder = tmp_path / "keys"
    result = run_in_process("keygen", "--out", str(folder))
    assert (result.returncode, result.stderr) == (0, "")
    fingerprint = key_fingerprint(read_public_key(folder / "office-public-key.pem"))
    assert result.stdout.splitlines() == [
        f"wrote {folder / 'office-signing-key.pem'}: the secret signing key; keep it on the office's machine only, "
        f"and sign with: ita-report build --year Y --sign-key {folder / 'office-signing-key.pem'}",
        f"wrote {folder / 'office-public-key.pem'}: the public key; give it to whoever checks the packs, who runs: "
        "ita-report verify PACK --key office-public-key.pem",
        f"public key fingerprint: {fingerprint}",
    ]
    assert (folder / "office-signing-key.pem").read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----\n")
    if os.name == "posix":
        assert (folder / "office-signing-key.pem").stat().st_mode & 0o777 == 0o600


def test_keygen_never_replaces_a_key(tmp_path):
    folder = tmp_path / "keys"
    assert run_in_process("keygen", "--out", str(folder)).returncode == 0
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    result = run_in_process("keygen", "--out", str(folder))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"error: {folder / 'office-signing-key.pem'} already exists; keygen never replaces a key, since packs "
        "signed with the old one could then not be checked: choose another folder with --out\n"
    )
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


@pytest.mark.parametrize("key_file, message", [
    ("missing", "{path} does not exist; ask the office for its public key file (office-public-key.pem)"),
    ("secret", "{path} is the office's secret signing key; check packs with its public key "
               "(office-public-key.pem) and keep the signing key secret"),
    ("not a key", "{path} is not an office public key written by ita-report keygen (office-public-key.pem)"),
])
def test_verify_names_a_wrong_public_key_file(signed, keys, tmp_path, key_file, message):
    path = key_path(key_file, keys.signing_key, tmp_path)
    result = verify(signed, path)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", f"error: {message.format(path=path)}\n")


@pytest.mark.parametrize("key_file, message", [
    ("missing", "{path} does not exist; make the office's keys with: ita-report keygen --out FOLDER"),
    ("public", "{path} is the office's public key; signing needs the secret signing key "
               "(office-signing-key.pem) that ita-report keygen wrote with it"),
    ("not a key", "{path} is not an office signing key written by ita-report keygen (office-signing-key.pem)"),
])
def test_signing_names_a_wrong_signing_key_file(unsigned, keys, tmp_path, key_file, message):
    path = key_path(key_file, keys.public_key, tmp_path)
    with pytest.raises(SigningError) as caught:
        seal_pack(unsigned, path)
    assert str(caught.value) == message.format(path=path)


def key_path(kind: str, other_half: Path, folder: Path) -> Path:
    """A key file of the wrong kind: none at all, the other half of the pair, or a text that is no key."""
    if kind == "missing":
        return folder / "office-key.pem"
    if kind == "not a key":
        (folder / "notes.txt").write_text("-----BEGIN PUBLIC KEY-----\nnot a key\n", encoding="utf-8")
        return folder / "notes.txt"
    return other_half


def test_build_refuses_a_wrong_signing_key_before_building(project, keys):
    result = run_in_process("build", "--year", str(YEAR), "--project", str(project.root),
                            "--sign-key", str(keys.public_key))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"error: {keys.public_key} is the office's public key; signing needs the secret signing key "
        "(office-signing-key.pem) that ita-report keygen wrote with it\n"
    )
    assert not project.output_root().exists()


# --- the up-to-date check -------------------------------------------------------------------


def test_a_pack_is_sealed_as_asked_only_with_the_same_key_or_none(unsigned, signed, keys, other_keys):
    assert sealed_with(unsigned, None) and not sealed_with(unsigned, keys.signing_key)
    assert sealed_with(signed, keys.signing_key)
    assert not sealed_with(signed, None) and not sealed_with(signed, other_keys.signing_key)
    (signed / "fingerprint.html").unlink()
    assert not sealed_with(signed, keys.signing_key)
