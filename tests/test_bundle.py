"""Provides tests of `python3 -m tui.bundle`: the offline install folder, its refusals, and a real offline install."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest

from tui.bundle import main

from .conftest import ROOT, SAMPLES

Result = subprocess.CompletedProcess[str]

CONFLICT = """\
ERROR: Cannot install nianbao because these package versions have conflicting dependencies.

The conflict is caused by:
    jinja2 3.1.6 depends on MarkupSafe>=2.0
    jinja2 3.1.5 depends on MarkupSafe>=2.0

ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/en/latest/topics/dependency-resolution/
"""
NO_MATCH = """\
ERROR: Could not find a version that satisfies the requirement {spec} (from versions: none)
ERROR: No matching distribution found for {spec}
"""


class FakePip:
    """pip as the bundle sees it: `download` fills --dest with wheels, or fails the way pip fails."""

    def __init__(self, failure: str = "", without_wheel: Sequence[str] = ()) -> None:
        self.failure = failure
        self.without_wheel = without_wheel
        self.calls: list[list[str]] = []

    def __call__(self, args: Sequence[str]) -> Result:
        """Answer one run of pip, as pip would."""
        self.calls.append(list(args))
        if "--no-deps" in args:  # the bundle asking about one requirement on its own
            spec = args[-1]
            missing = spec.split(">")[0].split("=")[0] in self.without_wheel
            return Result(args, 1 if missing else 0, "", NO_MATCH.format(spec=spec) if missing else "")
        if self.failure:
            return Result(args, 1, "", self.failure)
        dest = Path(args[args.index("--dest") + 1])
        dest.mkdir(parents=True)
        for name in ("nianbao-0.1.0-py3-none-any.whl", "pip-26.3-py3-none-any.whl", "jinja2-3.1.6-py3-none-any.whl"):
            (dest / name).write_bytes(b"wheel")
        return Result(args, 0, "Successfully downloaded", "")


@pytest.fixture
def wheel(tmp_path: Path) -> Path:
    """A stand-in for the nianbao wheel the bundle is built around."""
    path = tmp_path / "nianbao-0.1.0-py3-none-any.whl"
    path.write_bytes(b"wheel")
    return path


def test_windows_bundle_has_wheels_guide_script_and_zip(tmp_path: Path, wheel: Path) -> None:
    """A Windows bundle holds the wheels, a Chinese 安装说明.txt and install.bat, and a zip of the folder."""
    pip = FakePip()
    out = tmp_path / "dist"
    assert main(["windows-x86_64", "--python", "3.12", "--out", str(out), "--wheel", str(wheel)], pip=pip) == 0
    folder = out / "nianbao-0.1.0-windows-x86_64-py312"
    download = pip.calls[0]
    assert download[:2] == ["download", "--only-binary=:all:"]
    assert {"--platform=win_amd64", "--python-version=3.12", "--implementation=cp", "--abi=cp312"} <= set(download)
    script = (folder / "install.bat").read_bytes()
    assert b"\r\n" in script and b"\n" not in script.replace(b"\r\n", b"")
    assert "--no-index" in script.decode("gbk") and "没有找到 Python %WANT%" in script.decode("gbk")
    guide = (folder / "安装说明.txt").read_bytes()
    assert guide.startswith("\ufeff".encode()) and "Python 3.12" in guide.decode("utf-8-sig")
    assert not (folder / "install.sh").exists()
    with zipfile.ZipFile(out / f"{folder.name}.zip") as archive:
        names = set(archive.namelist())
    assert {
        f"{folder.name}/安装说明.txt",
        f"{folder.name}/install.bat",
        f"{folder.name}/wheels/pip-26.3-py3-none-any.whl",
    } <= names
    assert [path.name for path in out.iterdir() if path.name.startswith(".")] == []


def test_linux_bundle_takes_manylinux_wheels_and_an_executable_script(tmp_path: Path, wheel: Path) -> None:
    """A Linux bundle asks for manylinux wheels up to glibc 2.28 and ships an executable install.sh."""
    pip = FakePip()
    out = tmp_path / "dist"
    assert main(["linux-x86_64", "--python", "3.11", "--out", str(out), "--wheel", str(wheel)], pip=pip) == 0
    assert {"--platform=manylinux_2_28_x86_64", "--platform=manylinux2014_x86_64", "--abi=cp311"} <= set(pip.calls[0])
    script = out / "nianbao-0.1.0-linux-x86_64-py311" / "install.sh"
    assert os.access(script, os.X_OK) and "--no-index" in script.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("failure", "without_wheel", "named"),
    [
        (CONFLICT, ["MarkupSafe"], "MarkupSafe>=2.0"),
        (NO_MATCH.format(spec="pydantic-core==2.50.5"), ["pydantic-core"], "pydantic-core==2.50.5"),
    ],
)
def test_a_dependency_without_a_wheel_stops_the_bundle(
    tmp_path: Path,
    wheel: Path,
    capsys: pytest.CaptureFixture[str],
    failure: str,
    without_wheel: list[str],
    named: str,
) -> None:
    """When a dependency has no wheel for the target, one Chinese line names it, exit 2, nothing is left behind."""
    out = tmp_path / "dist"
    pip = FakePip(failure, without_wheel)
    assert main(["windows-x86_64", "--python", "3.12", "--out", str(out), "--wheel", str(wheel)], pip=pip) == 2
    message = capsys.readouterr().err.splitlines()[-1]
    assert message.startswith(f"nianbao: {named} 没有适用于 Windows x86-64") and "CPython 3.12 的 wheel" in message
    assert list(out.iterdir()) == []


def test_other_pip_failures_are_not_blamed_on_a_wheel(
    tmp_path: Path, wheel: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A network failure shows pip's own output and exits 1, without claiming a wheel is missing."""
    failure = "ERROR: Could not install packages due to an OSError: Connection refused\n"
    pip = FakePip(failure)
    assert main(["linux-x86_64", "--out", str(tmp_path / "dist"), "--wheel", str(wheel)], pip=pip) == 1
    err = capsys.readouterr().err
    assert "Connection refused" in err and "没有适用于" not in err


@pytest.mark.parametrize("python", ["3.10", "2.7", "312"])
def test_a_python_nianbao_cannot_run_on_is_refused(tmp_path: Path, wheel: Path, python: str) -> None:
    """Asking for a Python older than 3.11 (or not a version) is refused with exit 2 before anything is fetched."""
    pip = FakePip()
    assert main(["linux-x86_64", "--python", python, "--out", str(tmp_path), "--wheel", str(wheel)], pip=pip) == 2
    assert pip.calls == []


def test_an_existing_bundle_is_kept_without_force(tmp_path: Path, wheel: Path) -> None:
    """A second run does not overwrite the bundle unless --force is given."""
    args = ["linux-x86_64", "--python", "3.11", "--out", str(tmp_path), "--wheel", str(wheel)]
    assert main(args, pip=FakePip()) == 0
    assert main(args, pip=FakePip()) == 2
    assert main([*args, "--force"], pip=FakePip()) == 0


def _this_platform() -> str | None:
    machine = {"x86_64": "x86_64", "amd64": "x86_64", "aarch64": "aarch64"}.get(platform.machine().lower())
    return f"linux-{machine}" if sys.platform == "linux" and machine else None


@pytest.mark.slow
@pytest.mark.skipif(_this_platform() is None, reason="install.sh is run here; install.bat needs Windows")
def test_bundle_installs_with_no_network(tmp_path: Path) -> None:
    """The bundle for this machine, built from the source tree, installs with pip's index and network cut off."""
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    out = tmp_path / "dist"
    assert main([str(_this_platform()), "--python", python, "--out", str(out), "--source", str(ROOT)]) == 0
    folder = next(path for path in out.iterdir() if path.is_dir())
    env = {key: value for key, value in os.environ.items() if not key.startswith("PIP_")}
    env |= {
        "PYTHON": sys.executable,
        "PIP_CONFIG_FILE": os.devnull,  # no index or find-links from this machine's pip settings
        "PIP_NO_COMPILE": "1",  # the test needs no bytecode; saves a third of the install
        "http_proxy": "http://127.0.0.1:9",  # any attempt to reach the network fails
        "https_proxy": "http://127.0.0.1:9",
    }
    venv = tmp_path / "安装目录"
    install = subprocess.run(["sh", str(folder / "install.sh"), str(venv)], env=env, capture_output=True, text=True)
    assert install.returncode == 0, install.stdout + install.stderr
    check = subprocess.run(
        [str(venv / "bin" / "nianbao"), "check", str(SAMPLES / "county-bureau-2025.json")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr
    assert "云溪县市场监督管理局" in check.stdout
