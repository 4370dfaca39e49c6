"""A small book whose parts unpack to gigabytes (a «zip bomb», or a damaged file) is refused in
Russian before python-calamine reads it: a 4 MB .ods whose content.xml unpacked to 4 GB made
calamine ask for all of it at once, and the allocation failure aborted the whole program."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from nastavapp.services.consolidation.checks import ReportRejected
from nastavapp.services.consolidation.reading import read_values
from nastavapp.services.importing.extent import MAX_UNPACKED
from tests.import_files import refusals, write_ods

PADDING_MB = (MAX_UNPACKED >> 20) + 128


def _bomb(path: Path, tmp_path: Path) -> Path:
    """A school's real list, its content.xml padded with blanks between two rows."""
    plain = write_ods(tmp_path / "plain.ods", [["ФИО", "Класс"], ["Иванов Иван Иванович", "7А"]])
    with (
        zipfile.ZipFile(plain) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info)
            if info.filename != "content.xml":
                target.writestr(info, data)
                continue
            head, tail = data.split(b"</table:table-row>", 1)
            # deflated: 640 MB of blanks take about 0.6 MB
            with target.open("content.xml", "w", force_zip64=True) as stream:
                stream.write(head + b"</table:table-row>")
                blanks = b" " * (1 << 20)
                for _ in range(PADDING_MB):
                    stream.write(blanks)
                stream.write(tail)
    return path


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bomb")
    path = _bomb(folder / "список.ods", folder)
    assert path.stat().st_size < 8 << 20
    return path


def test_an_ods_unpacking_to_gigabytes_is_refused_in_russian_not_aborted(bomb: Path):
    # in a process of its own with 1.2 GB of memory: calamine aborted it (no exception)
    said = refusals(bomb, memory_mb=1200)
    assert said[0] == (
        f"Файл «список.ods» после распаковки занимает {PADDING_MB} МБ — намного больше, чем "
        "бывает у списка школы или отчёта: возможно, файл повреждён. Откройте его в Excel или "
        "LibreOffice Calc и сохраните заново (или попросите прислать файл снова)."
    )


def test_the_municipal_centre_refuses_such_a_file_too(bomb: Path, tmp_path: Path):
    report = tmp_path / "отчёт.xlsx"
    report.write_bytes(bomb.read_bytes())
    with pytest.raises(ReportRejected, match=f"после распаковки занимает {PADDING_MB} МБ"):
        read_values(report)
