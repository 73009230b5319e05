"""OCDS: the year's procurement out as compiled releases and back in as the same records."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from ita_report.config.params import load_params
from ita_report.core.paths import Project
from ita_report.interchange.ocds_export import OcdsError, export_ocds
from ita_report.interchange.ocds_import import import_ocds
from ita_report.records import datasets as d
from ita_report.records.writing import write_csv
from ita_report.records.year import load_year
from tests import REPO_DIR

YEAR = 2561
FIXTURES = Path(__file__).parent / "fixtures" / "ocds"
OFFICE = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษากาญจนบุรี เขต ๒"


def record(egp_id: str, item: str, method: str, **fields) -> dict:
    base = {
        "egp_id": egp_id, "item": item, "kind": "ซื้อ", "budget_category": "งบดำเนินงาน", "expense_type": "ค่าวัสดุ",
        "fund_source": "งบประมาณแผ่นดิน", "budget": 100_000.0, "reference_price": 100_000.0, "method": method,
        "supplier": None, "supplier_tax_id": None, "supplier_address": None, "agreed_price": None, "reason": None, "contract_no": None,
        "contract_date": None, "status": "อยู่ระหว่างดำเนินการ", "requesting_unit": "กลุ่มอำนวยการ",
        "officers": "นายสมชาย ใจกล้า;นางสาวสุดา รักงาน",
    }
    return {**base, **fields}


RECORDS = [
    record("61017000001", "จ้างปรับปรุงห้องประชุม ๑ ห้อง", "e-bidding", kind="จ้าง", budget_category="งบลงทุน",
           expense_type="ค่าที่ดินและสิ่งก่อสร้าง", budget=1_250_000.0, reference_price=1_238_500.5,
           supplier="บริษัท กาญจน์ก่อสร้าง จำกัด", supplier_tax_id="0715561000123", agreed_price=1_100_000.0,
           reason="เสนอราคาต่ำสุด", contract_no="จ. ๓/๒๕๖๑", contract_date=date(2018, 2, 15), status="ลงนามสัญญาแล้ว"),
    record("61027000002", "ซื้อวัสดุสำนักงาน ๒ รายการ", "เฉพาะเจาะจง", budget=45_000.0, reference_price=45_000.0,
           supplier="ร้านเจริญภัณฑ์", agreed_price=44_500.0, contract_no="ตส. ๑/๒๕๖๑", contract_date=date(2017, 12, 1),
           status="ส่งมอบและตรวจรับแล้ว", fund_source="เงินนอกงบประมาณ"),
    record("61037000003", "จ้างซ่อมรถยนต์ราชการ", "คัดเลือก", kind="จ้าง", expense_type="ค่าใช้สอย",
           budget=150_000.0, reference_price=148_000.0, supplier="อู่ช่างดี", supplier_tax_id="3710100999888",
           agreed_price=145_000.0, contract_no="จ. ๙/๒๕๖๑", contract_date=date(2018, 8, 10),
           status="ส่งมอบและตรวจรับแล้ว"),
    record("61047000004", "ซื้อครุภัณฑ์คอมพิวเตอร์ ๑๐ เครื่อง", "e-market", budget_category="งบลงทุน",
           expense_type="ค่าครุภัณฑ์", budget=280_000.0, reference_price=280_000.0, contract_no="ร่าง ๔/๒๕๖๑"),
    record("61057000005", "เช่าเครื่องถ่ายเอกสาร", "สอบราคา", kind="เช่า", expense_type="ค่าใช้สอย",
           budget=60_000.0, reference_price=58_000.0, status="ยกเลิก", requesting_unit="กลุ่มบริหารงานการเงินและสินทรัพย์"),
]
BIDS = [
    {"egp_id": "61017000001", "bidder": "บริษัท กาญจน์ก่อสร้าง จำกัด", "bidder_tax_id": "0715561000123", "price": 1_100_000.0},
    {"egp_id": "61017000001", "bidder": "บริษัท สร้างดี จำกัด", "bidder_tax_id": "0715559000789", "price": 1_150_000.0},
    {"egp_id": "61017000001", "bidder": "ร้านช่างเอก", "bidder_tax_id": None, "price": 1_199_999.75},
    {"egp_id": "61037000003", "bidder": "อู่ช่างดี", "bidder_tax_id": "3710100999888", "price": 145_000.0},
    {"egp_id": "61037000003", "bidder": "อู่รถสวย", "bidder_tax_id": None, "price": 147_000.0},
    {"egp_id": "61037000003", "bidder": "อู่ช่างดี", "bidder_tax_id": "3710100999888", "price": 146_000.0},
]


def new_project(root: Path, with_records: bool = True) -> Project:
    shutil.copytree(REPO_DIR / "params", root / "params")
    project = Project.at(root)
    project.data_dir(YEAR).mkdir(parents=True)
    if with_records:
        write_csv(pd.DataFrame(RECORDS), d.PROCUREMENT, project.data_dir(YEAR) / "procurement.csv")
        write_csv(pd.DataFrame(BIDS), d.BIDS, project.data_dir(YEAR) / "bids.csv")
    return project


@pytest.fixture
def office(tmp_path) -> Project:
    return new_project(tmp_path / "office")


@pytest.fixture
def empty(tmp_path) -> Project:
    return new_project(tmp_path / "empty", with_records=False)


def frames(project: Project) -> tuple[pd.DataFrame, pd.DataFrame]:
    data = load_year(project, load_params(project, YEAR))
    return tuple(data.frame(name).reset_index(drop=True) for name in ("procurement", "bids"))


def exported(project: Project, path: Path) -> list[dict]:
    export_ocds(project, YEAR, path)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_export_writes_one_compiled_release_per_record_as_json_lines(office, tmp_path):
    releases = exported(office, tmp_path / "ocds.jsonl")
    assert [r["ocid"] for r in releases] == [f"ocds-ita-{r['egp_id']}" for r in RECORDS]
    first = releases[0]
    assert (first["id"], first["date"], first["tag"]) == (
        "ocds-ita-61017000001-2018-02-15T00:00:00+07:00", "2018-02-15T00:00:00+07:00", ["compiled"])
    assert first["buyer"] == {"id": "สพป.กาญจนบุรี เขต ๒", "name": OFFICE}
    assert first["planning"]["budget"] == {"amount": {"amount": 1_250_000, "currency": "THB"},
                                           "description": "งบประมาณแผ่นดิน"}
    tender = first["tender"]
    assert (tender["procurementMethod"], tender["procurementMethodDetails"], tender["value"], tender["status"]) == (
        "open", "e-bidding", {"amount": 1_238_500.5, "currency": "THB"}, "complete")
    assert (tender["numberOfTenderers"], [t["name"] for t in tender["tenderers"]]) == (
        3, ["บริษัท กาญจน์ก่อสร้าง จำกัด", "บริษัท สร้างดี จำกัด", "ร้านช่างเอก"])
    assert first["bids"]["details"][2] == {
        "id": "61017000001-bid-3", "status": "valid", "tenderers": [{"id": "ร้านช่างเอก", "name": "ร้านช่างเอก"}],
        "value": {"amount": 1_199_999.75, "currency": "THB"}}
    assert first["awards"] == [{
        "id": "61017000001-award", "status": "active",
        "suppliers": [{"id": "TH-DBD-0715561000123", "name": "บริษัท กาญจน์ก่อสร้าง จำกัด"}],
        "value": {"amount": 1_100_000, "currency": "THB"}}]
    assert first["contracts"] == [{
        "id": "จ. ๓/๒๕๖๑", "awardID": "61017000001-award", "dateSigned": "2018-02-15T00:00:00+07:00",
        "status": "active", "value": {"amount": 1_100_000, "currency": "THB"}}]
    parties = {p["id"]: p for p in first["parties"]}
    assert parties["TH-DBD-0715561000123"] == {
        "id": "TH-DBD-0715561000123", "name": "บริษัท กาญจน์ก่อสร้าง จำกัด", "roles": ["supplier", "tenderer"],
        "identifier": {"scheme": "TH-DBD", "id": "0715561000123", "legalName": "บริษัท กาญจน์ก่อสร้าง จำกัด"}}
    assert parties["สพป.กาญจนบุรี เขต ๒"]["roles"] == ["buyer"]
    assert first["itaReport"] == {
        "kind": "จ้าง", "budgetCategory": "งบลงทุน", "expenseType": "ค่าที่ดินและสิ่งก่อสร้าง",
        "fundSource": "งบประมาณแผ่นดิน", "requestingUnit": "กลุ่มอำนวยการ",
        "officers": "นายสมชาย ใจกล้า;นางสาวสุดา รักงาน", "status": "ลงนามสัญญาแล้ว", "selectionReason": "เสนอราคาต่ำสุด"}


def test_a_record_without_a_contract_date_is_dated_at_the_start_of_the_year(office, tmp_path):
    releases = exported(office, tmp_path / "ocds.jsonl")
    fourth, fifth = releases[3], releases[4]
    assert fourth["date"] == fifth["date"] == "2017-10-01T00:00:00+07:00"
    assert fourth["awards"] == [{"id": "61047000004-award", "status": "pending"}]  # a contract needs an award
    assert fourth["contracts"] == [{"id": "ร่าง ๔/๒๕๖๑", "awardID": "61047000004-award", "status": "pending"}]
    assert (fifth["tender"]["status"], "awards" in fifth, "contracts" in fifth) == ("cancelled", False, False)


@pytest.mark.parametrize(
    ("position", "method", "ocds_method"),
    [(0, "e-bidding", "open"), (1, "เฉพาะเจาะจง", "limited"), (2, "คัดเลือก", "selective"),
     (3, "e-market", "open"), (4, "สอบราคา", "open")],
)
def test_methods_map_to_the_ocds_codelist(office, tmp_path, position, method, ocds_method):
    tender = exported(office, tmp_path / "ocds.jsonl")[position]["tender"]
    assert (tender["procurementMethodDetails"], tender["procurementMethod"]) == (method, ocds_method)


def test_export_is_the_same_bytes_every_time(office, tmp_path):
    export_ocds(office, YEAR, tmp_path / "a.jsonl")
    export_ocds(office, YEAR, tmp_path / "b.jsonl")
    text = (tmp_path / "a.jsonl").read_text(encoding="utf-8")
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    assert all(line == json.dumps(json.loads(line), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
               for line in text.splitlines())


def test_round_trip_into_an_empty_year_gives_the_same_records(office, empty, tmp_path):
    export_ocds(office, YEAR, tmp_path / "out.jsonl")
    result = import_ocds(empty, YEAR, tmp_path / "out.jsonl")
    assert (len(result.added), result.bids_added, result.present, result.rejected, result.filled_in) == (
        5, 6, (), (), ())
    for mine, theirs in zip(frames(office), frames(empty)):
        pd.testing.assert_frame_equal(theirs, mine)
    export_ocds(empty, YEAR, tmp_path / "again.jsonl")
    assert (tmp_path / "again.jsonl").read_bytes() == (tmp_path / "out.jsonl").read_bytes()


@pytest.mark.parametrize("wrap", ["release package", "record package", "json array"])
def test_packages_of_the_export_give_the_same_records(office, empty, tmp_path, wrap):
    releases = exported(office, tmp_path / "out.jsonl")
    package = {
        "release package": {"uri": "https://example.org/2561.json", "version": "1.1", "releases": releases},
        "record package": {"version": "1.1", "records": [{"ocid": r["ocid"], "compiledRelease": r} for r in releases]},
        "json array": releases,
    }[wrap]
    (tmp_path / "package.json").write_text(json.dumps(package, ensure_ascii=False, indent=2), encoding="utf-8")
    import_ocds(empty, YEAR, tmp_path / "package.json")
    for mine, theirs in zip(frames(office), frames(empty)):
        pd.testing.assert_frame_equal(theirs, mine)


def test_a_release_package_is_merged_by_date_and_another_publishers_release_read(empty):
    result = import_ocds(empty, YEAR, FIXTURES / "release_package.json")
    assert (result.added, result.bids_added, result.budget_added, result.rejected) == (
        ("61017000011", "61017000012"), 3, 648_000.0, ())
    procurement, bids = frames(empty)
    merged = procurement.iloc[0]
    # the award release comes first in the file but is dated later, so its status wins
    assert (merged["status"], merged["reason"], merged["contract_no"], merged["contract_date"]) == (
        "ลงนามสัญญาแล้ว", "เสนอราคาต่ำสุด", "จ. ๔/๒๕๖๑", pd.Timestamp("2017-12-01"))
    assert (merged["budget_category"], merged["supplier"], merged["agreed_price"]) == (
        "งบลงทุน", "ห้างหุ้นส่วนจำกัด ช่างไทย", 560_000.0)
    assert bids.astype(object).where(bids.notna(), None).values.tolist() == [
        ["61017000011", "ห้างหุ้นส่วนจำกัด ช่างไทย", "0713558000456", 560_000.0],
        ["61017000011", "บริษัท สร้างดี จำกัด", "0715559000789", 575_000.0],
        ["61017000011", "ร้านช่างเอก", None, 590_000.5],
    ]
    foreign = procurement.iloc[1]
    assert foreign.astype(object).where(foreign.notna(), None).to_dict() == {
        "egp_id": "61017000012", "item": "ซื้อโต๊ะนักเรียน", "kind": "ซื้อ", "budget_category": "งบดำเนินงาน",
        "expense_type": "อื่น ๆ", "fund_source": "เงินนอกงบประมาณ", "budget": 48_000.0, "reference_price": 48_000.0,
        "method": "เฉพาะเจาะจง", "supplier": "ร้านเฟอร์นิเจอร์ดี", "supplier_tax_id": "3710100222333", "supplier_address": None,
        "agreed_price": 47_500.0, "reason": None, "contract_no": None, "contract_date": None,
        "status": "อยู่ระหว่างดำเนินการ", "requesting_unit": "ไม่ระบุ (นำเข้าจาก OCDS)",
        "officers": "ไม่ระบุ (นำเข้าจาก OCDS)",
    }
    assert result.filled_in == (
        "หมวดงบประมาณ = 'งบดำเนินงาน' on 1 added record(s): the source has no budget category; "
        "change it where the item is งบลงทุน",
        "ประเภทรายจ่าย = 'อื่น ๆ' on 1 added record(s): the source has no expense type",
        "หน่วยงานที่ขอซื้อหรือขอจ้าง = 'ไม่ระบุ (นำเข้าจาก OCDS)' on 1 added record(s): the source has no requesting unit",
        "เจ้าหน้าที่ผู้ดำเนินการ = 'ไม่ระบุ (นำเข้าจาก OCDS)' on 1 added record(s): the source names no officers",
        "สถานะการจัดซื้อจัดจ้าง on 1 added record(s): the source has no such status; set from what it shows "
        "of the contract (ลงนามสัญญาแล้ว with a contract date, else อยู่ระหว่างดำเนินการ)",
    )


def test_a_record_package_gives_compiled_and_merged_records_and_names_a_record_of_links(empty):
    result = import_ocds(empty, YEAR, FIXTURES / "record_package.json")
    assert (result.added, result.bids_added, result.budget_added) == (("61037000021", "61037000022"), 3, 280_000.0)
    assert [str(r) for r in result.rejected] == [
        "record_package.json, record 3 (ocds-ita-61037000023), field 'compiledRelease': "
        "expected a compiled release, or the record's releases in full; the record has neither"
    ]
    procurement, bids = frames(empty)
    assert procurement[["egp_id", "method", "supplier", "agreed_price", "contract_date", "status"]].values.tolist() == [
        ["61037000021", "เฉพาะเจาะจง", "ร้านไอทีช็อป", 29_500.0, pd.NaT, "อยู่ระหว่างดำเนินการ"],
        ["61037000022", "คัดเลือก", "ร้านแอร์เย็น", 240_000.0, pd.Timestamp("2018-03-01"), "ส่งมอบและตรวจรับแล้ว"],
    ]
    assert (bids["price"].sum(), list(bids["bidder"])) == (728_500.0, ["ร้านแอร์เย็น", "ร้านเย็นฉ่ำ", "ร้านลมเย็น"])


def test_records_already_in_the_year_are_skipped(office, tmp_path):
    export_ocds(office, YEAR, tmp_path / "out.jsonl")
    before = {p.name: p.read_bytes() for p in office.data_dir(YEAR).iterdir()}
    result = import_ocds(office, YEAR, tmp_path / "out.jsonl")
    assert (result.added, len(result.present), result.bids_added) == ((), 5, 0)
    assert {p.name: p.read_bytes() for p in office.data_dir(YEAR).iterdir()} == before


def one_release(office: Project, tmp_path: Path) -> dict:
    return exported(office, tmp_path / "all.jsonl")[0]


def set_path(release: dict, path: str, value: object) -> None:
    *parents, last = path.split(".")
    node = release
    for part in parents:
        node = node[int(part)] if part.isdigit() else node[part]
    if value is None:
        del node[last]
    else:
        node[last] = value


WHERE = "one.jsonl (ocds-ita-61017000001), "


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"tender.procurementMethodDetails": None},
         "field 'tender.procurementMethodDetails': expected e-bidding, e-market, สอบราคา, คัดเลือก or เฉพาะเจาะจง "
         "(or tender.procurementMethod limited or selective)"),
        ({"tender.value.currency": "USD"}, "field 'tender.value.currency': value 'USD'; expected THB: the records are in baht"),
        ({"planning": None}, "field 'planning.budget.amount': expected the budget (วงเงิน) in THB; the field is missing"),
        ({"contracts.0.dateSigned": "2018-10-03T00:00:00+07:00"},
         "field 'contracts.0.dateSigned': value '2018-10-03T00:00:00+07:00'; "
         "expected a date in fiscal year 2561 (1 ต.ค. 2560 – 30 ก.ย. 2561)"),
        ({"itaReport.budgetCategory": "งบกลาง"},
         "field 'itaReport.budgetCategory': value 'งบกลาง'; expected one of: "
         "งบดำเนินงาน, งบลงทุน, งบอุดหนุน, งบรายจ่ายอื่น"),
        ({"awards.0.suppliers": None, "itaReport.status": "อยู่ระหว่างดำเนินการ"},
         "field 'awards.0.suppliers': expected the chosen supplier, since an agreed price is given"),
        ({"bids.details.1.value": None}, "field 'bids.details.1.value': expected the price of the bid in THB; the field is missing"),
    ],
)
def test_a_release_that_cannot_become_a_record_is_named_with_the_reason(office, empty, tmp_path, changes, message):
    release = one_release(office, tmp_path)
    for path, value in changes.items():
        set_path(release, path, value)
    (tmp_path / "one.jsonl").write_text(json.dumps(release, ensure_ascii=False) + "\n", encoding="utf-8")
    result = import_ocds(empty, YEAR, tmp_path / "one.jsonl")
    assert (result.added, [str(r) for r in result.rejected]) == ((), [WHERE + message])
    assert sorted(p.name for p in empty.data_dir(YEAR).iterdir()) == []


def test_json_lines_name_the_line_of_a_rejected_release(office, empty, tmp_path):
    lines = (tmp_path / "out.jsonl")
    export_ocds(office, YEAR, lines)
    text = lines.read_text(encoding="utf-8").splitlines()
    text[1] = text[1].replace('"currency":"THB"', '"currency":"EUR"', 1)
    lines.write_text("\n".join(text) + "\n", encoding="utf-8")
    result = import_ocds(empty, YEAR, lines)
    assert (len(result.added), result.bids_added, result.budget_added) == (4, 6, 1_740_000.0)
    assert [str(r) for r in result.rejected] == [
        "out.jsonl, line 2 (ocds-ita-61027000002), field 'awards.0.value.currency': value 'EUR'; "
        "expected THB: the records are in baht"
    ]


def test_a_release_of_another_process_number_is_named(office, empty, tmp_path):
    release = one_release(office, tmp_path)
    release["ocid"], release["tender"]["id"] = "ocds-abc123-42", "42"
    (tmp_path / "one.jsonl").write_text(json.dumps(release, ensure_ascii=False) + "\n", encoding="utf-8")
    result = import_ocds(empty, YEAR, tmp_path / "one.jsonl")
    assert [str(r) for r in result.rejected] == [
        "one.jsonl (ocds-abc123-42), field 'ocid': value 'ocds-abc123-42'; "
        "expected ocds-ita- and an e-GP project number of 11 digits, or that number in tender.id"
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"ocid": "ocds-ita-61017000001"}\nnot json\n',
         "bad.jsonl, line 2: not JSON (Expecting value); expected a release package, a record package, "
         "or one release per line (JSON Lines)"),
        ('{"name": "a list of schools"}', "bad.jsonl: expected a release package, a record package or a release "
                                          "(an object with 'ocid')"),
    ],
)
def test_a_file_that_is_not_ocds_is_refused(empty, tmp_path, text, message):
    (tmp_path / "bad.jsonl").write_text(text, encoding="utf-8")
    with pytest.raises(OcdsError) as caught:
        import_ocds(empty, YEAR, tmp_path / "bad.jsonl")
    assert str(caught.value) == message


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ita_report", *args], capture_output=True, text=True)


def test_cli_exports_and_imports(office, empty, tmp_path):
    target = tmp_path / "ocds-2561.jsonl"
    result = run("export-ocds", "--year", "2561", "-o", str(target), "--project", str(office.root))
    assert (result.returncode, result.stdout, result.stderr) == (0, f"wrote 5 compiled release(s) to {target}\n", "")
    result = run("import-ocds", str(target), "--year", "2561", "--project", str(empty.root))
    assert (result.returncode, result.stdout, result.stderr) == (
        0, "data/2561/procurement.csv: added 5 with 6 bid(s) (วงเงิน 1,785,000.00 บาท), already present 0, rejected 0\n", "")


def test_cli_fails_when_a_record_is_rejected(empty):
    result = run("import-ocds", str(FIXTURES / "record_package.json"), "--year", "2561", "--project", str(empty.root))
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "data/2561/procurement.csv: added 2 with 3 bid(s) (วงเงิน 280,000.00 บาท), already present 0, rejected 1\n",
        "rejected: record_package.json, record 3 (ocds-ita-61037000023), field 'compiledRelease': expected a "
        "compiled release, or the record's releases in full; the record has neither\n"
        "error: 1 record(s) of record_package.json rejected; correct them and import again "
        "(records already added are skipped)\n",
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("import-ocds", "missing.json"), "error: missing.json: no such file\n"),
        (("export-ocds", "-o", "out.jsonl"),
         "error: data/2561: no procurement records to export (procurement.csv is missing or empty)\n"),
    ],
)
def test_cli_names_what_it_cannot_use(empty, args, message):
    result = run(*args, "--year", "2561", "--project", str(empty.root))
    assert (result.returncode, result.stdout, result.stderr) == (1, "", message)
