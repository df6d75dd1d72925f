"""测量工具：子进程的墙钟时间和峰值内存；预热、重复、取中位数。"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from scripts.site.site_build import quiet_env

QUIET_ENV = quiet_env()


@dataclass
class Run:
    seconds: float
    peak_mb: float


def run_measured(args: list[str], cwd: Path) -> Run:
    """运行一个命令，返回墙钟时间和它（含子进程）的峰值常驻内存。失败时抛出异常。"""
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=cwd, env=QUIET_ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} 失败：{process.stderr.read().decode()[-2000:]}")
    return Run(seconds, usage.ru_maxrss / 1024)


def python(*args: str) -> list[str]:
    return [sys.executable, *args]


def median_seconds(runs: list[Run]) -> float:
    return statistics.median(r.seconds for r in runs)


def median_runs(make_run: Callable[[], Run], repeat: int, warmup: int = 1) -> Run:
    """预热 warmup 次（不计），再跑 repeat 次，时间和内存各取中位数。"""
    for _ in range(warmup):
        make_run()
    runs = [make_run() for _ in range(repeat)]
    return Run(median_seconds(runs), statistics.median(r.peak_mb for r in runs))
