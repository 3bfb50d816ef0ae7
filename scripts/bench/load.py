"""Load from a separate process: `wrk` with a Lua script for POST bodies, or, without wrk,
the Python generator in `loadgen.py` (so the smoke test and CI need nothing from apt)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from scripts.bench.stats import LoadResult

# wrk's Lua: cycle through the bodies, and report the summary as one JSON line. With `split`
# every thread (one connection each) takes its own share: bodies n, n + threads, n + 2 threads …
_WRK_SCRIPT = """
local bodies = {%(bodies)s}
local headers = {%(headers)s}
local split, threads = %(split)s, %(threads)d
local i = 0
local started = 0
setup = function(thread)
  started = started + 1
  thread:set("n", started)
end
init = function(args)
  if split then
    local share = {}
    for j = n, #bodies, threads do share[#share + 1] = bodies[j] end
    if #share > 0 then bodies = share end
  end
end
request = function()
  i = i %% #bodies + 1
  return wrk.format("POST", nil, headers, bodies[i])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '\\n{"requests": %%d, "duration_us": %%d, "p50_us": %%d, "p99_us": %%d, "errors": %%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.status + e.connect + e.read + e.write + e.timeout))
end
"""


@dataclass(frozen=True)
class LoadSpec:
    """What to send: POST `bodies` in turn to `url` with `headers`, from `connections`."""

    url: str
    bodies: Sequence[str]
    headers: Mapping[str, str]
    seconds: float
    connections: int
    split: bool = False  # each connection its own share of the bodies (writes: no races)


def pick_generator(requested: str) -> str:
    """`wrk` if asked for or found on PATH (with `auto`), else `python`."""
    if requested == "auto":
        return "wrk" if shutil.which("wrk") else "python"
    if requested == "wrk" and not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install -y wrk, or --loadgen python")
    return requested


def run_load(generator: str, spec: LoadSpec) -> LoadResult:
    """One run of the load generator, in its own process."""
    return _run_wrk(spec) if generator == "wrk" else _run_python(spec)


def _lua_string(text: str) -> str:
    return "[==[" + text + "]==]"


def _run_wrk(spec: LoadSpec) -> LoadResult:
    threads = spec.connections if spec.split else 1  # a split needs a thread per connection
    headers = {"Content-Type": "application/json", **spec.headers}
    script = _WRK_SCRIPT % {
        "bodies": ", ".join(_lua_string(b) for b in spec.bodies),
        "headers": ", ".join(
            f"[ {_lua_string(k)} ] = {_lua_string(v)}" for k, v in headers.items()
        ),
        "split": "true" if spec.split else "false",
        "threads": threads,
    }
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as file:
        file.write(script)
    try:
        seconds = max(1, round(spec.seconds))
        completed = subprocess.run(  # noqa: S603 - wrk from PATH, fixed arguments, no shell
            [  # noqa: S607 - wrk is wherever apt put it
                "wrk",
                f"-t{threads}",
                f"-c{spec.connections}",
                f"-d{seconds}s",
                "--timeout",
                "10s",
                "-s",
                file.name,
                spec.url,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        Path(file.name).unlink(missing_ok=True)
    found = json.loads(completed.stdout.strip().splitlines()[-1])
    return LoadResult(
        requests=found["requests"],
        seconds=found["duration_us"] / 1e6,
        p50_ms=found["p50_us"] / 1000,
        p99_ms=found["p99_us"] / 1000,
        errors=found["errors"],
    )


def _run_python(spec: LoadSpec) -> LoadResult:
    request = {
        "url": spec.url,
        "bodies": list(spec.bodies),
        "headers": dict(spec.headers),
        "seconds": spec.seconds,
        "connections": spec.connections,
        "split": spec.split,
    }
    completed = subprocess.run(
        [sys.executable, "-m", "scripts.bench.loadgen"],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        check=True,
    )
    found = json.loads(completed.stdout.strip().splitlines()[-1])
    return LoadResult(**found)
