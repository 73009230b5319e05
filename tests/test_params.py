"""Params are checked before any notebook runs, with one message per defect."""

from __future__ import annotations

import re

import pytest

from ita_report.core.errors import ParamsError
from ita_report.config.params import load_params

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


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
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
    ],
)
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
