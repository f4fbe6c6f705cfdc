"""Provides tests that the wheel's package list and package data cover every package, template and data file."""

from __future__ import annotations

import tomllib
from importlib import resources

from sections.output.rendering import TEMPLATES

from .conftest import ROOT

SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_every_package_is_in_the_wheel() -> None:
    """A package added under sections/ or tui/ is installed too, not only found in the source tree."""
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for top in ("sections", "tui")
        for init in (ROOT / top).rglob("__init__.py")
    }
    assert set(SETUPTOOLS["packages"]) == on_disk | {TEMPLATES}


def test_templates_are_installed_inside_sections_output() -> None:
    """The templates/ folder becomes sections/output/templates in the wheel; nothing named templates at the top."""
    assert SETUPTOOLS["package-dir"] == {TEMPLATES: "templates"}
    assert {package.split(".")[0] for package in SETUPTOOLS["packages"]} == {"sections", "tui"}


def test_package_data_covers_every_data_file() -> None:
    """Every template and data file of the source tree matches a package-data pattern, so the wheel has it."""
    folders = {package: ROOT.joinpath(*package.split(".")) for package in SETUPTOOLS["packages"]}
    folders[TEMPLATES] = ROOT / "templates"
    data, packaged = set(), set()
    for package, folder in folders.items():
        subpackages = [other for other in folders.values() if other != folder and other.is_relative_to(folder)]
        data |= {
            path
            for path in folder.rglob("*")
            if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
            if not any(path.is_relative_to(sub) for sub in subpackages)
        }
        packaged |= {path for pattern in SETUPTOOLS["package-data"].get(package, []) for path in folder.glob(pattern)}
    assert sorted(str(path.relative_to(ROOT)) for path in data - packaged) == []


def test_templates_are_read_as_package_resources() -> None:
    """The report's templates are found through the package (as an installed wheel finds them), not a path."""
    assert resources.files(TEMPLATES).joinpath("txt", "report.txt.j2").is_file()
