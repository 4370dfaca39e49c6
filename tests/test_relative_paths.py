"""Files named relative to the current folder (as people type them on the command line) are read
from that folder, not from the root of the disk."""

from __future__ import annotations

from nastavapp import cli
from nastavapp.store import read_summary


def test_a_backup_to_a_relative_name_is_written_and_described(
    demo_file, tmp_path, monkeypatch, capsys
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "школа.sqlite").write_bytes(demo_file.read_bytes())
    assert cli.main(["backup", "--db", "школа.sqlite", "--out", "копия.sqlite"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out.startswith("Копия записана: копия.sqlite\nВ ней: МБОУ «Сосновская СОШ»")
    assert read_summary((tmp_path / "копия.sqlite").relative_to(tmp_path)).persons > 0
