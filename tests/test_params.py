"""Params are checked before any notebook runs, with one message per defect."""

from __future__ import annotations

import json
import re
import time

import pytest

from ita_report.config.params import load_params
from ita_report.core.errors import ParamsError
from tests.test_cli import run_in_process

YEAR = 2561


def rewrite(project, old: str, new: str) -> None:
    path = project.params_file(YEAR)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_seed_params_load(project):
    params = load_params(project, YEAR)
    assert params.fiscal_year == 2561
    assert params.office.short_name == "สพป.กาญจนบุรี เขต ๒"
    assert params.announcement.date.isoformat() == "2018-04-24"
    assert params.digits == "thai"
    assert params.signatory.name == "นายอาตุลย์ พรหมแสง"


BAD_PARAMS = [
    (
        "digits: thai",
        "digits: thai\ncolour: blue",
        "params/2561.yaml: unknown key 'colour'; allowed keys here: "
        "fiscal_year, office, digits, reports, lists, announcement, signatory, "
        "procurement, progress, complaints, pack",
    ),
    (
        "  province: กาญจนบุรี",
        "  province: กาญจนบุรี\n  district: ท่าม่วง",
        "params/2561.yaml: unknown key 'office.district'; allowed keys here: "
        "name, short_name, province, ministry",
    ),
    (
        "fiscal_year: 2561",
        "fiscal_year: สองพันห้าร้อยหกสิบเอ็ด",
        "params/2561.yaml: key 'fiscal_year' is 'สองพันห้าร้อยหกสิบเอ็ด'; expected a whole number",
    ),
    (
        "fiscal_year: 2561",
        'fiscal_year: "2561"',
        "params/2561.yaml: key 'fiscal_year' is '2561'; expected a whole number",
    ),
    (
        "fiscal_year: 2561",
        "fiscal_year: 2560",
        "params/2561.yaml: key 'fiscal_year' is 2560 but the file is for fiscal year 2561",
    ),
    (
        "  short_name: สพป.กาญจนบุรี เขต ๒\n",
        "",
        "params/2561.yaml: missing key 'office.short_name'",
    ),
    (
        "digits: thai",
        "digits: roman",
        "params/2561.yaml: key 'digits' is 'roman'; expected one of 'thai' or 'arabic'",
    ),
    (
        "  date: 24 เมษายน 2561",
        "  date: 31 เมษายน 2561",
        "params/2561.yaml: key 'announcement.date' is '31 เมษายน 2561'; expected a date such as "
        "2018-04-24, 24 เมษายน 2561 or 29 พ.ย. 67",
    ),
    (
        "  - plan\n",
        "  - plan\n  - annual\n",
        "params/2561.yaml: key 'reports.1' is 'annual'; expected one of "
        "'plan', 'procurement_monthly', 'procurement', 'progress', "
        "'budget' or 'complaints'",
    ),
    (
        "    min_bidders: 3\n",
        "    min_bidders: 3\n    colour: blue\n",
        "params/2561.yaml: unknown key 'procurement.flags.colour'; allowed keys here: "
        "direct_limit, year_end_days, year_end_share, splitting_window_days, min_bidders, "
        "supplier_share, low_bid_ratio",
    ),
]


@pytest.mark.parametrize(("old", "new", "message"), BAD_PARAMS)
def test_bad_params_stop_with_one_clear_message(project, old, new, message):
    rewrite(project, old, new)
    with pytest.raises(ParamsError, match=f"^{re.escape(message)}$"):
        load_params(project, YEAR)


def test_a_report_without_its_section_is_named(project):
    rewrite(project, "  - plan\n", "  - plan\n  - complaints\n")
    path = project.params_file(YEAR)
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("\n# The complaint statistics.")] + "\n", encoding="utf-8")
    with pytest.raises(ParamsError, match="^params/2561.yaml: the complaints report needs 'complaints'$"):
        load_params(project, YEAR)


def test_missing_params_file_is_named(project):
    project.params_file(YEAR).unlink()
    with pytest.raises(ParamsError, match="^params/2561.yaml: no params file for this fiscal year$"):
        load_params(project, YEAR)


def test_broken_yaml_names_the_line(project):
    rewrite(project, "digits: thai", "digits: [thai")
    with pytest.raises(ParamsError, match=r"^params/2561.yaml: not valid YAML at line \d+$"):
        load_params(project, YEAR)


YEAR_RANGE = "a B.E. year from 2500 to 2700"
SHARE = "a number from 0 to 1"
BIDDERS = "a whole number from 2 to 20"
DAYS = "a whole number from 1 to 366"


@pytest.mark.parametrize(
    ("old", "value", "key", "expected"),
    [
        ("fiscal_year: 2561", 2499, "fiscal_year", YEAR_RANGE),
        ("fiscal_year: 2561", 3000, "fiscal_year", YEAR_RANGE),
        ("  catalogue: 2561", 2560, "pack.catalogue", "a B.E. year from 2561 to 2700"),
        ("year_end_share: 0.2", 1.5, "procurement.flags.year_end_share", SHARE),
        ("supplier_share: 0.3", -0.1, "procurement.flags.supplier_share", SHARE),
        ("direct_limit: 500000", -1, "procurement.flags.direct_limit", "a number of at least 0"),
        ("min_bidders: 3", 1, "procurement.flags.min_bidders", BIDDERS),
        ("min_bidders: 3", 50, "procurement.flags.min_bidders", BIDDERS),
        ("year_end_days: 30", 400, "procurement.flags.year_end_days", DAYS),
        ("target_days: 30", 0, "complaints.target_days", DAYS),
    ],
)
def test_a_number_out_of_range_is_told_its_own_range(project, old, value, key, expected):
    rewrite(project, old, f"{old.split(':')[0]}: {value}")
    message = f"params/2561.yaml: key '{key}' is {value}; expected {expected}"
    with pytest.raises(ParamsError, match=f"^{re.escape(message)}$"):
        load_params(project, YEAR)


BE_ISO = "2561-10-31 looks like a B.E. year in ISO form: write 2018-10-31 or 31 ตุลาคม 2561"


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("2561-10-31", "2561-10-31"),  # YAML reads it as a date before the schema sees it
        ('"2561-10-31"', "'2561-10-31'"),
        ("๒๕๖๑-๑๐-๓๑", "'๒๕๖๑-๑๐-๓๑'"),
    ],
)
def test_a_be_year_in_iso_form_is_refused_with_its_fix(project, written, shown):
    rewrite(project, "  report_date: 31 ตุลาคม 2561", f"  report_date: {written}")
    message = f"params/2561.yaml: key 'procurement.report_date' is {shown}; expected a date; {BE_ISO}"
    with pytest.raises(ParamsError, match=f"^{re.escape(message)}$"):
        load_params(project, YEAR)


def test_a_ce_date_in_iso_form_is_read(project):
    rewrite(project, "  report_date: 31 ตุลาคม 2561", "  report_date: 2018-10-31")
    assert load_params(project, YEAR).procurement.report_date.isoformat() == "2018-10-31"


URL_EXPECTED = "expected an https:// address with no spaces or quotes, such as https://www.example.go.th/ita/2561/"
BASE_URL_LINE = "  # base_url: https://<the office's website>/ita/2561/"


@pytest.mark.parametrize(
    "url",
    [
        'https://x.go.th/"ita',
        "https://x.go.th/'ita",
        "https://x.go.th/`ita`",
        "https://x.go.th/<ita>",
        "https://x.go.th\\ita",
        "https://x.go.th/ita 2561/",
        "https://x.go.th/ita\t2561/",
        "http://x.go.th/ita/2561/",
        "www.x.go.th/ita/2561/",
        "https:///ita/2561/",
        "https://x.go.th:port/ita/",
        "javascript:alert(1)",
    ],
)
def test_a_base_url_that_is_not_a_plain_https_address_is_refused(project, url):
    rewrite(project, BASE_URL_LINE, f"  base_url: {json.dumps(url)}")
    message = f"params/2561.yaml: key 'pack.base_url' is {url!r}; {URL_EXPECTED}"
    with pytest.raises(ParamsError, match=f"^{re.escape(message)}$"):
        load_params(project, YEAR)


def test_an_office_url_that_is_not_a_plain_https_address_is_refused(project):
    urls = '  office_urls:\n    O1: https://x.go.th/ok\n    O2: "https://x.go.th/a b"'
    rewrite(project, BASE_URL_LINE, urls)
    message = f"params/2561.yaml: key 'pack.office_urls.O2' is 'https://x.go.th/a b'; {URL_EXPECTED}"
    with pytest.raises(ParamsError, match=f"^{re.escape(message)}$"):
        load_params(project, YEAR)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("https://www.kan2.go.th/ita/2561/", "https://www.kan2.go.th/ita/2561/"),
        ("https://www.kan2.go.th:8443/ita/เอกสาร/", "https://www.kan2.go.th:8443/ita/เอกสาร/"),
        ('""', None),
    ],
)
def test_a_plain_https_base_url_is_read(project, written, expected):
    rewrite(project, BASE_URL_LINE, f"  base_url: {written}\n  office_urls:\n    O1: https://x.go.th/o1")
    pack = load_params(project, YEAR).pack
    assert (pack.base_url, pack.office_urls) == (expected, {"O1": "https://x.go.th/o1"})


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "digits: thai",
            "digits: thai\noffice: x",
            "params/2561.yaml, line 14: key 'office' is given twice; keep one",
        ),
        (
            "  province: กาญจนบุรี",
            "  province: กาญจนบุรี\n  name: สพป.",
            "params/2561.yaml, line 10: key 'office.name' is given twice; keep one",
        ),
        (
            "    min_bidders: 3\n",
            "    min_bidders: 3\n    min_bidders: 4\n",
            "params/2561.yaml, line 86: key 'procurement.flags.min_bidders' is given twice; keep one",
        ),
    ],
)
def test_a_key_given_twice_is_refused_with_its_line(project, old, new, message):
    rewrite(project, old, new)
    with pytest.raises(ParamsError, match=f"^{re.escape(message)}$"):
        load_params(project, YEAR)


ALIASES = "params/2561.yaml: uses YAML aliases (*name); write each value out in full"


def test_an_alias_is_refused(project):
    ministry = "  ministry: กระทรวงศึกษาธิการ"
    rewrite(project, ministry, "  ministry: &ministry กระทรวงศึกษาธิการ\n  also: *ministry")
    with pytest.raises(ParamsError, match=f"^{re.escape(ALIASES)}$"):
        load_params(project, YEAR)


def test_a_billion_laughs_file_is_refused_at_once(project):
    # each level repeats the one before 10 times: expanded, the last would hold 10**9 strings
    levels = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    levels += [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 10)}]" for n in range(1, 10)]
    bomb = "\n".join(levels) + "\n"
    assert len(bomb) < 1200
    project.params_file(YEAR).write_text(bomb, encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(ParamsError, match=f"^{re.escape(ALIASES)}$"):
        load_params(project, YEAR)
    assert time.monotonic() - started < 5


CLOSING = "จึงประกาศให้ทราบโดยทั่วกัน"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "  short_name: สพป.กาญจนบุรี เขต ๒",
            "  short_name: " + "ก" * 301,
            "params/2561.yaml: key 'office.short_name' is '" + "ก" * 60 + "…'; "
            "expected text of at most 300 characters (this one has 301)",
        ),
        (
            f"  closing: {CLOSING}",
            "  closing: " + "ข" * 5000,
            "params/2561.yaml: key 'announcement.closing' is '" + "ข" * 60 + "…'; "
            "expected text of at most 3,000 characters (this one has 5,000)",
        ),
        (
            "    problems:\n",
            "    problems:\n" + "      - ปัญหา\n" * 31,
            "params/2561.yaml: key 'procurement.narrative.problems' is a list of 33 items; "
            "expected a list of at most 30 items (this one has 33)",
        ),
    ],
    ids=["name", "paragraph", "paragraphs"],
)
def test_an_oversized_text_is_refused_with_its_limit(project, old, new, message):
    rewrite(project, old, new)
    with pytest.raises(ParamsError, match=f"^{re.escape(message)}$"):
        load_params(project, YEAR)


def test_a_huge_params_file_is_refused_before_it_is_read(project):
    path = project.params_file(YEAR)
    path.write_text(path.read_text(encoding="utf-8") + "#" + "x" * 1_000_000 + "\n", encoding="utf-8")
    size = path.stat().st_size
    message = (f"params/2561.yaml: {size:,} bytes; a settings file is at most 1,000,000 bytes, "
               "so keep long texts out of it")
    with pytest.raises(ParamsError, match=f"^{re.escape(message)}$"):
        load_params(project, YEAR)


@pytest.mark.parametrize(("old", "new", "message"), BAD_PARAMS)
def test_bad_params_stop_a_build_with_exit_1_and_keep_the_last_pack(project, old, new, message):
    pack = project.output_dir(YEAR)
    pack.mkdir(parents=True)
    (pack / "index.html").write_text("the last good pack", encoding="utf-8")
    rewrite(project, old, new)
    result = run_in_process("build", "--year", str(YEAR), "--project", str(project.root))
    assert (result.returncode, result.stdout, result.stderr) == (1, "", f"error: {message}\n")
    assert [p.name for p in project.output_root().iterdir()] == [str(YEAR)]
    assert (pack / "index.html").read_text(encoding="utf-8") == "the last good pack"
