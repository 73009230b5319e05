"""A pack's seal: the office's Ed25519 signature of manifest.json, and fingerprint.html made from the manifest.

manifest.json holds the SHA-256 of every other file of the pack, so a signature over its bytes
vouches for them all. The signature and the page depend on those bytes, so the manifest cannot
list them: `verify` checks the signature with the office's public key and makes the page again.
Ed25519 signs deterministically: the same manifest and key always give the same manifest.sig.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from ita_report.core.errors import ItaReportError
from ita_report.pack.manifest import (
    FINGERPRINT_PAGE,
    MANIFEST,
    SIGNATURE,
    ManifestError,
    load_manifest,
    package_version,
)
from ita_report.pack.site import fingerprint_page

SIGNING_KEY_FILE = "office-signing-key.pem"
PUBLIC_KEY_FILE = "office-public-key.pem"
ALGORITHM = "Ed25519"
PAGE_PACKAGES = ("ita-report", "fontpkg-sarabun")  # what fingerprint.html's bytes depend on besides the manifest
ABOUT = f"signature of {MANIFEST} by the office's key; check it with: ita-report verify PACK --key {PUBLIC_KEY_FILE}"


class SigningError(ItaReportError):
    """A key file is missing or of the wrong kind, or keygen would replace a key."""


@dataclass(frozen=True)
class KeyPair:
    signing_key: Path
    public_key: Path
    fingerprint: str


@dataclass(frozen=True)
class SealCheck:
    """What `verify` found in a pack's seal."""

    problems: list[str]
    key_fingerprint: str | None  # of the key manifest.sig names; None when the pack is not signed


def make_key_pair(folder: Path) -> KeyPair:
    """Write a new office key pair into folder: the secret signing key (mode 0600) and the public key."""
    signing, public = folder / SIGNING_KEY_FILE, folder / PUBLIC_KEY_FILE
    for path in (signing, public):
        if path.exists():
            raise SigningError(_exists(path))
    folder.mkdir(parents=True, exist_ok=True)
    key = Ed25519PrivateKey.generate()
    secret = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                               serialization.NoEncryption())
    _write_new(signing, secret, 0o600)
    _write_new(public, key.public_key().public_bytes(serialization.Encoding.PEM,
                                                     serialization.PublicFormat.SubjectPublicKeyInfo), 0o644)
    return KeyPair(signing, public, key_fingerprint(key.public_key()))


def key_fingerprint(key: Ed25519PublicKey) -> str:
    """The SHA-256 of the raw public key, in hex: what the office tells whoever checks its packs."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()


def read_signing_key(path: Path) -> Ed25519PrivateKey:
    """The office's signing key from a file keygen wrote; SigningError in plain words otherwise."""
    data = _read_key_file(path, f"{path} does not exist; make the office's keys with: ita-report keygen --out FOLDER")
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        if _is_public_key(data):
            raise SigningError(
                f"{path} is the office's public key; signing needs the secret signing key ({SIGNING_KEY_FILE}) "
                "that ita-report keygen wrote with it"
            ) from None
        key = None
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningError(f"{path} is not an office signing key written by ita-report keygen ({SIGNING_KEY_FILE})")
    return key


def read_public_key(path: Path) -> Ed25519PublicKey:
    """The office's public key from a file keygen wrote; SigningError in plain words otherwise."""
    data = _read_key_file(path, f"{path} does not exist; ask the office for its public key file ({PUBLIC_KEY_FILE})")
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, UnsupportedAlgorithm):
        if _is_private_key(data):
            raise SigningError(
                f"{path} is the office's secret signing key; check packs with its public key ({PUBLIC_KEY_FILE}) "
                "and keep the signing key secret"
            ) from None
        key = None
    if not isinstance(key, Ed25519PublicKey):
        raise SigningError(f"{path} is not an office public key written by ita-report keygen ({PUBLIC_KEY_FILE})")
    return key


def seal_pack(pack: Path, signing_key: Path | None) -> None:
    """Sign the pack's manifest.json when given the office's key, then write fingerprint.html from it."""
    manifest = (pack / MANIFEST).read_bytes()
    fingerprint = None
    if signing_key is None:
        (pack / SIGNATURE).unlink(missing_ok=True)  # sealing a signed pack again unsigned drops its old signature
    else:
        key = read_signing_key(signing_key)
        fingerprint = key_fingerprint(key.public_key())
        (pack / SIGNATURE).write_bytes(_signature_text(fingerprint, key.sign(manifest)).encode("utf-8"))
    (pack / FINGERPRINT_PAGE).write_bytes(_page(manifest, fingerprint))


def check_seal(pack: Path, public_key: Path | None) -> SealCheck:
    """fingerprint.html against the manifest, and with a public key the signature; the manifest must be readable."""
    key = None if public_key is None else read_public_key(public_key)
    return _check(pack, key, str(public_key), page_required=False)


def sealed_with(pack: Path, signing_key: Path | None) -> bool:
    """Whether the pack's seal is the one a build with this signing key (or with none) writes."""
    key = None if signing_key is None else read_signing_key(signing_key).public_key()
    try:
        load_manifest(pack)
    except ManifestError:
        return False
    check = _check(pack, key, str(signing_key), page_required=True)
    return not check.problems and (check.key_fingerprint is None) == (signing_key is None)


def _check(pack: Path, key: Ed25519PublicKey | None, shown: str, page_required: bool) -> SealCheck:
    """The seal's problems; a pack with neither signature nor page may be from before ita-report wrote them,
    and `verify` then checks it as it did (page_required=False) while a build makes it again."""
    manifest = (pack / MANIFEST).read_bytes()
    signature = pack / SIGNATURE
    signed = None
    if signature.is_file():
        signed = _read_signature(signature)
        if signed is None:
            return SealCheck([f"changed: {SIGNATURE} (it is no longer a signature written by ita-report)"], None)
    fingerprint = signed[0] if signed is not None else None
    problems = []
    page = pack / FINGERPRINT_PAGE
    if not page.is_file():
        if page_required or signed is not None:
            problems.append(f"missing: {FINGERPRINT_PAGE}")
    elif page.read_bytes() != _page(manifest, fingerprint):
        problems.append(_page_changed(json.loads(manifest)))
    if key is not None:
        problems += _signature_problems(manifest, signed, key, shown)
    return SealCheck(problems, fingerprint)


def _signature_problems(manifest: bytes, signed: tuple[str, bytes] | None, key: Ed25519PublicKey,
                        shown: str) -> list[str]:
    if signed is None:
        return [f"missing: {SIGNATURE} (the pack is not signed, so the office key cannot vouch for it)"]
    named, signature = signed
    expected = key_fingerprint(key)
    if named != expected:
        return [
            f"{SIGNATURE} names another key (fingerprint {named}) than {shown} (fingerprint {expected}): "
            "the pack was signed by someone else, or with another key of the office"
        ]
    try:
        key.verify(signature, manifest)
    except InvalidSignature:
        return [f"{SIGNATURE} does not match {MANIFEST} under the key {shown}: "
                "the manifest or its signature was changed after signing"]
    return []


def _page_changed(manifest: dict) -> str:
    """The page differs; made with other versions of the tool or its font, it may differ for that alone."""
    made = manifest.get("packages") if isinstance(manifest.get("packages"), dict) else {}
    others = [f"{name} {made.get(name, 'unknown')} (this is {package_version(name)})"
              for name in PAGE_PACKAGES if made.get(name) != package_version(name)]
    why = "the page no longer shows the manifest's fingerprint"
    if others:
        why += f"; the pack was made with {', '.join(others)}, which may write the page differently"
    return f"changed: {FINGERPRINT_PAGE} or {MANIFEST} ({why})"


def _page(manifest: bytes, key_fingerprint: str | None) -> bytes:
    """fingerprint.html as bytes: the same on every system, whatever its line endings."""
    page = fingerprint_page(json.loads(manifest), hashlib.sha256(manifest).hexdigest(), key_fingerprint)
    return page.encode("utf-8")


def _signature_text(fingerprint: str, signature: bytes) -> str:
    record = {
        "about": ABOUT,
        "algorithm": ALGORITHM,
        "key_fingerprint": fingerprint,
        "signature": base64.b64encode(signature).decode("ascii"),
    }
    return json.dumps(record, indent=2, sort_keys=True) + "\n"


def _read_signature(path: Path) -> tuple[str, bytes] | None:
    """(key fingerprint, signature) from manifest.sig, or None when it is not byte for byte one this module writes."""
    try:
        data = path.read_bytes()
        record = json.loads(data)
        signature = base64.b64decode(record["signature"], validate=True)
        fingerprint = record["key_fingerprint"]
    except (OSError, ValueError, TypeError, KeyError, binascii.Error):
        return None
    if not isinstance(fingerprint, str) or data != _signature_text(fingerprint, signature).encode("utf-8"):
        return None  # not even a space may change: the file is checked as strictly as the files the manifest lists
    return fingerprint, signature


def _read_key_file(path: Path, missing: str) -> bytes:
    if not path.is_file():
        raise SigningError(missing)
    try:
        return path.read_bytes()
    except OSError as error:
        raise SigningError(f"{path} could not be read: {error.strerror}") from None


def _is_public_key(data: bytes) -> bool:
    try:
        serialization.load_pem_public_key(data)
    except (ValueError, UnsupportedAlgorithm):
        return False
    return True


def _is_private_key(data: bytes) -> bool:
    try:
        serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        return False
    return True


def _write_new(path: Path, data: bytes, mode: int) -> None:
    """Create path holding data, with its mode from the first byte on; never replace a file."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    except FileExistsError:
        raise SigningError(_exists(path)) from None
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)


def _exists(path: Path) -> str:
    return (
        f"{path} already exists; keygen never replaces a key, since packs signed with the old one could then "
        "not be checked: choose another folder with --out"
    )
