"""The access benchmark's results: a table on stdout and a section of docs/benchmarks.md."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from scripts.bench.access_cases import PRIVATE, PUBLIC, Measured
from scripts.bench.access_data import DataSet, People
from scripts.bench.access_micro import MicroCosts
from scripts.bench.machine import Machine
from scripts.bench.sections import replace_section
from scripts.bench.stats import median, ratio
from scripts.bench.tenant_reads import Comparison as RlsComparison

HEADING = "## Access: authentication, policy, access log, row-level security"


@dataclass(frozen=True)
class AccessResults:
    command: str
    started: datetime
    minutes: float
    machine: Machine
    load_after: str
    data: DataSet
    people: People
    seconds: float
    repetitions: int
    connections: int
    generator: str
    rls_readers: int
    cases: dict[str, Measured]  # by Case.key, both groups
    items_per_answer: dict[str, float]  # leave and career items a case's answers hold
    micro: MicroCosts
    rls: list[RlsComparison]


@dataclass(frozen=True)
class Ratio:
    """req/s of one case over another's: the median of the repetitions' ratios (each of two
    neighbouring runs), and their range, which shows the shared machine's noise."""

    name: str
    ratios: list[float]
    meaning: str

    @property
    def value(self) -> float:
        return median(self.ratios)

    @property
    def spread(self) -> str:
        return f"{min(self.ratios):.2f}–{max(self.ratios):.2f}" if self.ratios else "–"


def ratios(r: AccessResults) -> list[Ratio]:
    """Each figure as req/s of one case over another's, with what the difference holds."""

    def of(key: str, over: str) -> list[float]:
        pairs = zip(r.cases[key].runs, r.cases[over].runs, strict=True)
        return [ratio(a.rps, b.rps) for a, b in pairs]

    return [
        Ratio("authentication: token / gateway headers", of("token", "gateway"),
              "the same request with its bearer token checked (remembered for 60 s after its "
              "first verification) against a gateway naming the caller: no token at all"),
        Ratio("access log (as briefed): HR private / own record", of("hr_private",
              "own_private"), "HR's read of others' private fields (one access-log INSERT per "
              "request) against the owner's read (nothing logged, but their headed units are "
              "looked up once per request, which HR's check skips)"),
        Ratio("access log alone: appraisees / own record", of("appraiser_private",
              "own_private"), "the same person and token, the same checks: reading their "
              "appraisees' private fields (logged) against their own (not logged)"),
        Ratio("guard: own private / HR non-private", of("own_private", "hr_public"),
              "the owner's private document (two guarded fields, one owner lookup, one "
              "headed-units lookup, and two more read models: leave and career) against HR's "
              "document with no private field"),
        Ratio("guard + log: HR private / HR non-private", of("hr_private", "hr_public"),
              "HR's private document (guard, log, leave and career) against HR's non-private "
              "one"),
    ]  # fmt: skip


def render_text(r: AccessResults) -> str:
    """The table printed at the end of a run."""
    m = r.machine
    lines = [
        f"{r.data.employees:,} employees of {r.people.tenant} ({r.data.events:,} events); "
        f"{r.repetitions} × {r.seconds:g} s per run, {r.connections} in flight, "
        f"{r.generator} load generator; load average {m.load_average} → {r.load_after}",
        "",
        f"{'case':<48} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'log/req':>8} "
        f"{'items':>6}",
    ]
    for key, measured in r.cases.items():
        s = measured.summary
        lines.append(
            f"{measured.case.title:<48} {s.rps:>8.0f} {s.p50_ms:>8.2f} {s.p99_ms:>8.2f} "
            f"{s.errors:>7} {measured.rows_per_request:>8.2f} {r.items_per_answer[key]:>6.1f}"
        )
    lines += ["", f"{'ratio (req/s over req/s)':<52} {'median':>7}  {'range':>9}"]
    lines += [f"{x.name:<52} {x.value:>6.2f}×  {x.spread:>9}" for x in ratios(r)]
    micro = r.micro
    lines += ["", "in process, µs"]
    for algorithm, cold in micro.verify_cold.items():
        lines.append(f"  verify {algorithm}: fresh token {cold:.0f}, "
                     f"remembered {micro.verify_cached[algorithm]:.1f}")  # fmt: skip
    lines.append(f"  authentication step: remembered token {micro.identify_token:.1f}, "
                 f"gateway headers {micro.identify_gateway:.1f}")  # fmt: skip
    lines.append(f"  guard per request: HR {micro.guard_hr:.0f}, own record {micro.guard_own:.0f}; "
                 f"access-log write {micro.log_write:.0f}")  # fmt: skip
    lines += ["", f"row-level security ({r.rls_readers} concurrent readers, reads/s)"]
    lines.append(f"  {'read':<48} {'plain':>8} {'RLS':>8} {'RLS/plain':>10}")
    lines += [f"  {c.name:<48} {c.plain:>8.0f} {c.scoped:>8.0f} {c.ratio:>9.2f}×" for c in r.rls]
    return "\n".join(lines)


def render_markdown(r: AccessResults) -> str:
    """The docs/benchmarks.md section: machine, date, command, tables, what each ratio means."""
    m, micro = r.machine, r.micro
    out = [
        HEADING,
        "",
        f"Measured {r.started:%Y-%m-%d %H:%M} UTC in {r.minutes:.1f} minutes by `{r.command}` "
        "(`scripts/bench/access_cost.py`). The machine is shared: the ratios, each of two "
        "things measured side by side in one run, hold better than the absolute numbers.",
        "",
        "| machine | |",
        "| --- | --- |",
        f"| CPU | {m.cpu_model}, {m.cores} cores |",
        f"| RAM / OS | {m.ram_gb:.1f} GB / {m.os} |",
        f"| Python / PostgreSQL | {m.python} / {m.postgres} |",
        f"| libraries | {m.libraries} |",
        f"| load average, start → end | {m.load_average} → {r.load_after} |",
        f"| data set | {r.data.employees:,} employees of `{r.people.tenant}` (one generated "
        f"region, with appraisal and training history): {r.data.events:,} events |",
        f"| runs | {r.repetitions} per case × {r.seconds:g} s: each repetition runs every case "
        "of its group once, in turn, the order reversed every other time (A B, B A …); "
        f"{r.connections} requests in flight; load from {r.generator} in its own process; "
        "one uvicorn worker |",
        "",
        "One Jejak server (the real app under uvicorn, no projection runner) with "
        "`JEJAK_TRUST_GATEWAY_HEADERS=1`: a request with gateway headers names its caller "
        "unverified, one without them has its bearer token verified, so both sides of every "
        "ratio meet the same process. Every body was sent once before measuring and its "
        "answer checked (no errors; the private lists answered). req/s, p50 and p99 are "
        "medians over the repetitions; a ratio is the median of the repetitions' own ratios "
        "(two runs side by side), with their range. `log rows / request` counts the "
        "access-log rows the measured runs wrote per request; `items / answer`, the leave and "
        "career rows an answer lists (the private document's size). The first and the last "
        "case send the same request, in the two groups of runs: their difference is the "
        "machine's drift.",
        "",
        f"Documents: non-private `{PUBLIC}`; private `{PRIVATE}`. HR reads "
        f"{len(r.people.nips)} different employees in turn. The employee is a pejabat penilai "
        "whose own record is nearest the typical size, reading it or (as their appraiser, so "
        f"logged) those of {len(r.people.appraisees)} appraisees nearest its size: the same "
        "token and checks on both sides.",
        "",
        "| case | req/s | p50 ms | p99 ms | failed | log rows / request | items / answer |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for key, measured in r.cases.items():
        s = measured.summary
        out.append(
            f"| {measured.case.title} | {s.rps:,.0f} | {s.p50_ms:.2f} | {s.p99_ms:.2f} "
            f"| {s.errors} | {measured.rows_per_request:.2f} | {r.items_per_answer[key]:.1f} |"
        )
    out += [
        "",
        "| ratio of req/s | median | range over the repetitions | what it measures |",
        "| --- | --- | --- | --- |",
    ]
    out += [f"| {x.name} | {x.value:.2f}× | {x.spread} | {x.meaning} |" for x in ratios(r)]
    out += [
        "",
        "A ratio whose range spans 1× differs by less than this machine's noise over HTTP; the "
        "in-process figures below then say how large the difference is per request.",
    ]
    if r.generator == "python":
        out[-1] += (
            " The load came from the Python generator, not wrk, and it shares the "
            "two cores with the server: absolute req/s are lower bounds, and a server-side cost "
            "shows diluted in the ratios."
        )
    out += [
        "",
        "In process, one at a time (µs, medians): verifying a token the verifier has not seen "
        "(signature, then claims) and one it remembers; the whole authentication step per "
        "request, a remembered token against gateway headers; the guard as a request runs it (a "
        "fresh `AccessGuard` over the API's tenant-scoped pool checking both private fields "
        "of one record: one owner lookup, plus the viewer's headed units for a person); and "
        "HR's access-log write (one INSERT).",
        "",
        "| | µs |",
        "| --- | --- |",
    ]
    for algorithm, cold in micro.verify_cold.items():
        out.append(f"| verify {algorithm}, fresh token / remembered | {cold:.0f} / "
                   f"{micro.verify_cached[algorithm]:.1f} |")  # fmt: skip
    out += [
        f"| authentication step (`Authenticator.identify`), remembered token / gateway headers "
        f"| {micro.identify_token:.1f} / {micro.identify_gateway:.1f} |",
        f"| guard per request, HR / own record | {micro.guard_hr:.0f} / {micro.guard_own:.0f} |",
        f"| access-log write per request | {micro.log_write:.0f} |",
        "",
        f"Row-level security: `scripts/bench/tenant_reads.py`'s comparison in the same run, "
        f"{r.rls_readers} concurrent readers in process: the API's read functions through "
        "`TenantPool` as `jejak_api` (one `SET jejak.tenant` before each statement, the policy "
        "on every row) against the same functions as the owner without a policy.",
        "",
        "| read | plain reads/s | RLS reads/s | RLS/plain |",
        "| --- | --- | --- | --- |",
    ]
    out += [f"| {c.name} | {c.plain:,.0f} | {c.scoped:,.0f} | {c.ratio:.2f}× |" for c in r.rls]
    return "\n".join(out) + "\n"


def write_section(path: Path, section: str) -> None:
    """Put `section` in place of this benchmark's own in `path`, or at its end."""
    replace_section(path, section, HEADING)
