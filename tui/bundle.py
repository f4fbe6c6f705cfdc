"""Provides `python3 -m tui.bundle TARGET`: a folder and zip that install nianbao on a machine with no network.

The folder holds the wheels of nianbao and of every dependency for one platform and Python version, a
Chinese 安装说明.txt and the install script of that platform (install.sh or install.bat), which makes a
virtual environment and installs from the folder with `pip install --no-index`. No Textual or
prompt_toolkit here: the import-linter contracts keep this a plain command.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sections.model.errors import NianbaoError
from tui.args import Parser

Pip = Callable[[Sequence[str]], subprocess.CompletedProcess[str]]
"""Runs pip with these arguments and returns what it printed; tests pass a fake one."""


class BundleError(NianbaoError):
    """The bundle cannot be built; `status` is the exit code (2 refused input or target, 1 pip failed)."""

    def __init__(self, message: str, status: int = 2) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Target:
    """A platform a bundle is built for."""

    label: str
    """The platform in Chinese, as the messages and 安装说明.txt name it."""
    platforms: tuple[str, ...]
    """pip's `--platform` tags of the wheels that run there."""
    windows: bool
    """Installed by install.bat rather than install.sh."""


def _manylinux(arch: str) -> tuple[str, ...]:
    # pip takes only the tags it is given: glibc 2.28 (统信UOS 20, 麒麟 V10) and every older one.
    legacy = tuple(f"manylinux{year}_{arch}" for year in ("2014", "2010", "1"))
    return (*(f"manylinux_2_{minor}_{arch}" for minor in range(28, 4, -1)), *legacy)


TARGETS = {
    "linux-x86_64": Target("Linux x86-64（统信UOS、麒麟等，glibc 2.28 及以上）", _manylinux("x86_64"), windows=False),
    "linux-aarch64": Target("Linux ARM64（鲲鹏、飞腾上的统信UOS、麒麟等）", _manylinux("aarch64"), windows=False),
    "windows-x86_64": Target("Windows x86-64（64 位 Windows 10/11）", ("win_amd64",), windows=True),
}
"""The platforms a bundle can be built for, by the name given on the command line."""

MINIMUM_PYTHON = 11
"""The oldest Python 3 minor version nianbao runs on (pyproject.toml's requires-python)."""


def run_pip(args: Sequence[str]) -> subprocess.CompletedProcess[str]:
    """Run this Python's pip and capture its output (pip's own settings apply: index, mirror, cache)."""
    return subprocess.run(
        [sys.executable, "-m", "pip", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
    )


def bundle(
    target_name: str, python: str, out: Path, *, wheel: Path | None, source: Path, force: bool, pip: Pip
) -> tuple[Path, Path]:
    """Build the bundle folder and its zip in `out` for a target and a CPython version; return both paths."""
    target = TARGETS[target_name]
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out, prefix=".bundle-") as work:  # in `out`: moved at the end, not copied
        if wheel is None:
            wheel = _build_wheel(source, Path(work) / "build", pip)
        version = _version(wheel)
        name = f"nianbao-{version}-{target_name}-py{python.replace('.', '')}"
        folder, archive = out / name, out / f"{name}.zip"
        if not force and (folder.exists() or archive.exists()):
            raise BundleError(f"{folder} 或 {archive.name} 已经存在；加 --force 重新生成。")
        staging = Path(work) / name
        _download(target, python, wheel, staging / "wheels", pip)
        _write_guides(staging, target, python, version)
        shutil.rmtree(folder, ignore_errors=True)
        staging.rename(folder)
    return folder, Path(shutil.make_archive(str(folder), "zip", root_dir=out, base_dir=name))


def _build_wheel(source: Path, into: Path, pip: Pip) -> Path:
    if not (source / "pyproject.toml").is_file():
        raise BundleError(
            f"{source} 里没有 pyproject.toml：请在 nianbao 的源代码目录运行，或用 --wheel 指定 nianbao 的 wheel。"
        )
    print("正在构建 nianbao 的 wheel…", file=sys.stderr)
    # Built from a copy: setuptools leaves build/ in the tree it builds, and a stale build/ ships deleted files.
    copy = shutil.copytree(source, into / "source", ignore=shutil.ignore_patterns(".*", "build", "dist", "*.egg-info"))
    result = pip(["wheel", "--no-deps", "--wheel-dir", str(into), str(copy)])
    built = sorted(into.glob("nianbao-*.whl"))
    if result.returncode != 0 or not built:
        print(result.stdout + result.stderr, file=sys.stderr)
        raise BundleError("构建 nianbao 的 wheel 没有成功（pip wheel 的输出见上）。", status=1)
    return built[0]


def _version(wheel: Path) -> str:
    parts = wheel.name.split("-")
    if not (wheel.is_file() and wheel.suffix == ".whl" and parts[0] == "nianbao" and len(parts) >= 5):
        raise BundleError(f"{wheel} 不是 nianbao 的 wheel（应为 nianbao-版本-py3-none-any.whl）。")
    return parts[1]


def _tags(target: Target, python: str) -> list[str]:
    """The pip options that choose the wheels of a target: binary only, its platforms, CPython of this version."""
    platforms = [f"--platform={platform}" for platform in target.platforms]
    abi = f"--abi=cp{python.replace('.', '')}"
    return ["--only-binary=:all:", *platforms, f"--python-version={python}", "--implementation=cp", abi]


def _download(target: Target, python: str, wheel: Path, into: Path, pip: Pip) -> None:
    # pip judges dependencies' environment markers by this machine, not the target; none of nianbao's
    # dependencies has a platform marker, so this machine can build the Windows bundle too.
    print(f"正在下载 {target.label}、CPython {python} 的程序包…", file=sys.stderr)
    result = pip(["download", *_tags(target, python), "--dest", str(into), str(wheel.resolve()), "pip"])
    if result.returncode == 0:
        return
    missing = _without_wheel(result.stdout + result.stderr, target, python, into.parent / "probe", pip)
    if missing:
        raise BundleError(
            f"{'、'.join(missing)} 没有适用于 {target.label}、CPython {python} 的 wheel（预编译包），"
            "无法生成离线安装包；请换一个 Python 版本（--python）或平台。"
        )
    print(result.stdout + result.stderr, file=sys.stderr)
    raise BundleError("pip download 没有成功（输出见上）：请检查网络或 pip 的镜像设置后重试。", status=1)


def _without_wheel(output: str, target: Target, python: str, scratch: Path, pip: Pip) -> list[str]:
    """The requirements pip's failure names that have no wheel for the target, each asked of pip on its own.

    A missing wheel shows as "No matching distribution found for X", or, when pip tried older versions of
    the package needing it, as a conflict listing "… depends on X"; both name X.
    """
    named = re.findall(r"(?:No matching distribution found for|depends on) (\S+)", output)
    suspects = [spec for spec in dict.fromkeys(named) if not spec.lower().startswith("nianbao")]
    return [spec for spec in suspects if _no_wheel(spec, target, python, scratch, pip)]


def _no_wheel(spec: str, target: Target, python: str, scratch: Path, pip: Pip) -> bool:
    result = pip(["download", "--no-deps", *_tags(target, python), "--dest", str(scratch), spec])
    return result.returncode != 0 and "No matching distribution found" in result.stdout + result.stderr


def _write_guides(folder: Path, target: Target, python: str, version: str) -> None:
    """安装说明.txt and the install script, in the encodings and line ends their platform reads."""
    values = {"@PYTHON@": python, "@VERSION@": version, "@TARGET@": target.label}
    if target.windows:
        major, minor = python.split(".")
        values |= {"@MAJOR@": major, "@MINOR@": minor}
        _write(folder / "install.bat", _fill(INSTALL_BAT, values), "gbk", "\r\n")  # cmd.exe reads the ANSI code page
        _write(folder / "安装说明.txt", _fill(GUIDE_WINDOWS, values), "utf-8-sig", "\r\n")  # Notepad: BOM → UTF-8
    else:
        _write(folder / "install.sh", _fill(INSTALL_SH, values), "utf-8", "\n")
        (folder / "install.sh").chmod(0o755)
        _write(folder / "安装说明.txt", _fill(GUIDE_LINUX, values), "utf-8", "\n")


def _fill(text: str, values: dict[str, str]) -> str:
    for placeholder, value in values.items():
        text = text.replace(placeholder, value)
    return text


def _write(path: Path, text: str, encoding: str, newline: str) -> None:
    path.write_bytes(text.replace("\n", newline).encode(encoding))


INSTALL_SH = """\
#!/bin/sh
# 离线安装 nianbao：在安装目录（默认 ~/nianbao）建立虚拟环境，只用本文件夹 wheels/ 里的程序包，不连网。
# 用法：sh install.sh [安装目录]        指定解释器：PYTHON=/path/to/python3 sh install.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dest=${1:-"$HOME/nianbao"}
want=@PYTHON@
python=
for candidate in "${PYTHON:-}" "python$want" python3 python; do
    if command -v "$candidate" >/dev/null 2>&1 &&
        [ "$("$candidate" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)" = "$want" ]; then
        python=$candidate
        break
    fi
done
if [ -z "$python" ]; then
    echo "没有找到 Python $want：本安装包只适用于 Python $want。" >&2
    echo "请先安装它，或用 PYTHON=解释器路径 sh install.sh 指定。" >&2
    exit 1
fi
"$python" -m venv --without-pip "$dest"
# pip 也取自本文件夹：从它的 wheel 运行 pip，把 pip 和 nianbao 装进虚拟环境。
set -- "$here"/wheels/pip-*.whl
"$dest/bin/python" "$1/pip" install --upgrade --no-index --find-links "$here/wheels" pip nianbao
echo "安装完成。运行：$dest/bin/nianbao（或 $dest/bin/python -m tui）"
"""

INSTALL_BAT = """\
@echo off
rem 离线安装 nianbao：在安装目录（默认 %USERPROFILE%\\nianbao）建立虚拟环境，只用本文件夹 wheels 里的程序包，不连网。
rem 用法：install.bat [安装目录]
setlocal
set "HERE=%~dp0"
set "DEST=%~1"
if "%DEST%"=="" set "DEST=%USERPROFILE%\\nianbao"
set "WANT=@PYTHON@"
set "WHEELS=%HERE%wheels"
set "CHECK=import sys; sys.exit(sys.version_info[:2] != (@MAJOR@, @MINOR@))"
set "PY="
py -%WANT% -c "import sys" >nul 2>&1 && set "PY=py -%WANT%"
if not defined PY python -c "%CHECK%" >nul 2>&1 && set "PY=python"
if not defined PY goto nopython
%PY% -m venv --without-pip "%DEST%" || goto failed
rem pip 也取自本文件夹：从它的 wheel 运行 pip，把 pip 和 nianbao 装进虚拟环境。
for %%W in ("%WHEELS%\\pip-*.whl") do set "PIPWHEEL=%%~fW"
set "VENVPY=%DEST%\\Scripts\\python.exe"
"%VENVPY%" "%PIPWHEEL%\\pip" install --upgrade --no-index --find-links "%WHEELS%" pip nianbao || goto failed
echo 安装完成。运行：%DEST%\\Scripts\\nianbao.exe（或 "%VENVPY%" -m tui）
pause
exit /b 0
:nopython
echo 没有找到 Python %WANT%：本安装包只适用于 Python %WANT%。请先安装它（安装时勾选 Add python.exe to PATH）后重试。
pause
exit /b 1
:failed
echo 安装没有完成：请把上面的信息发给维护人员。
pause
exit /b 1
"""

_GUIDE = """\
nianbao @VERSION@ 离线安装包
政府信息公开工作年度报告助手：对话式填写、核对勾稽关系、导出 Word、网页或文本格式的报告。

适用于：@TARGET@，Python @PYTHON@
本文件夹 wheels 里是 nianbao 和它用到的全部程序包，安装时不需要连网。

安装
@STEPS@
使用（nianbao 即第 3 步的程序）
  nianbao                     开始或继续填写报告
  nianbao check 报告.docx     核对一份草稿或已发布的报告
  nianbao --help              全部命令

卸载：删除安装目录即可。
"""

GUIDE_WINDOWS = _GUIDE.replace(
    "@STEPS@",
    """\
1. 这台电脑需要 64 位的 Python @PYTHON@。没有的话，用 python.org 的安装程序安装，勾选 Add python.exe to PATH。
2. 双击 install.bat，或在命令提示符里运行：install.bat [安装目录]
   默认装到 %USERPROFILE%\\nianbao。
3. 装好后运行 %USERPROFILE%\\nianbao\\Scripts\\nianbao.exe
   （或 %USERPROFILE%\\nianbao\\Scripts\\python.exe -m tui）。
""",
)

GUIDE_LINUX = _GUIDE.replace(
    "@STEPS@",
    """\
1. 这台电脑需要 Python @PYTHON@（命令 python@PYTHON@ 或 python3）。
2. 在终端里运行：sh install.sh [安装目录]
   默认装到 ~/nianbao；另一个解释器：PYTHON=/path/to/python@PYTHON@ sh install.sh
3. 装好后运行 ~/nianbao/bin/nianbao。
   想直接输入 nianbao：把 export PATH="$HOME/nianbao/bin:$PATH" 加到 ~/.bashrc。
""",
)


def _parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="python3 -m tui.bundle",
        description="生成离线安装包：nianbao 和全部依赖的 wheel、安装说明.txt、安装脚本，以及它们的 zip。",
    )
    parser.add_argument("target", choices=list(TARGETS), metavar="平台", help="、".join(TARGETS))
    current = f"{sys.version_info.major}.{sys.version_info.minor}"
    parser.add_argument(
        "--python", default=current, metavar="版本", help=f"目标机器的 Python 版本，如 3.11、3.12（默认 {current}）"
    )
    parser.add_argument("--out", type=Path, default=Path("dist"), metavar="目录", help="输出目录（默认 dist）")
    parser.add_argument("--wheel", type=Path, metavar="文件", help="已构建的 nianbao wheel（缺省时从 --source 构建）")
    parser.add_argument(
        "--source", type=Path, default=Path("."), metavar="目录", help="nianbao 的源代码目录（默认当前目录）"
    )
    parser.add_argument("--force", action="store_true", help="覆盖已有的同名安装包")
    return parser


def main(argv: Sequence[str] | None = None, pip: Pip = run_pip) -> int:
    """Build the bundle; return the exit status (0 built, 2 refused or no wheel for the target, 1 pip failed)."""
    args = _parser().parse_args(argv)
    version = re.fullmatch(r"3\.(\d+)", args.python)
    try:
        if version is None or int(version[1]) < MINIMUM_PYTHON:
            raise BundleError(f"--python {args.python}：应为 3.{MINIMUM_PYTHON} 或更新的版本号，如 3.12。")
        folder, archive = bundle(
            args.target, args.python, args.out, wheel=args.wheel, source=args.source, force=args.force, pip=pip
        )
    except BundleError as err:
        print(f"nianbao: {err.message}", file=sys.stderr)
        return err.status
    wheels = sorted((folder / "wheels").glob("*.whl"))
    size = sum(wheel.stat().st_size for wheel in wheels) / 2**20
    print(f"已生成离线安装包：{folder}（{len(wheels)} 个 wheel，{size:.1f} MB）")
    print(f"压缩包：{archive}（{archive.stat().st_size / 2**20:.1f} MB）")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
