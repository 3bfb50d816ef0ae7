"""The trusted-documents benchmark's results: a table on stdout, a section of benchmarks.md."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from scripts.bench.machine import Machine
from scripts.bench.sections import replace_section
from scripts.bench.stats import LoadResult, LoadSummary, median, ratio
from scripts.bench.trusted_cases import Checks, Paired

HEADING = "## Trusted documents"


@dataclass(frozen=True)
class Measured:
    """One document's runs by `documentId` and with its text, in repetition order."""

    key: str
    title: str
    registered: list[LoadResult]
    sent: list[LoadResult]
    paired: Paired

    @property
    def ratios(self) -> list[float]:
        """req/s registered over sent, per repetition (two neighbouring runs)."""
        pairs = zip(self.registered, self.sent, strict=True)
        return [ratio(a.rps, b.rps) for a, b in pairs]

    @property
    def ratio(self) -> float:
        return median(self.ratios)

    @property
    def spread(self) -> str:
        return f"{min(self.ratios):.2f}–{max(self.ratios):.2f}" if self.ratios else "–"


@dataclass(frozen=True)
class TrustedResults:
    command: str
    started: datetime
    minutes: float
    machine: Machine
    load_after: str
    employees: int
    events: int
    seconds: float
    rounds: int
    repetitions: int
    connections: int
    generator: str
    measured: list[Measured]
    costs: dict[str, Checks]


def render_text(r: TrustedResults) -> str:
    """The table printed at the end of a run."""
    lines = [
        f"{r.employees:,} employees ({r.events:,} events); {r.repetitions} × {r.seconds:g} s "
        f"per run, {r.connections} in flight, {r.generator} load generator; load average "
        f"{r.machine.load_average} → {r.load_after}",
        "",
        f"{'document':<30} {'id req/s':>9} {'text req/s':>10} {'id p50':>7} {'text p50':>8} "
        f"{'errors':>6} {'id/text':>8}  {'range':>9} {'paired ms text/id':>22} "
        f"{'checks µs text → id':>20}",
    ]
    for m in r.measured:
        a, b, c = LoadSummary.of(m.registered), LoadSummary.of(m.sent), r.costs[m.key]
        lines.append(
            f"{m.title:<30} {a.rps:>9.0f} {b.rps:>10.0f} {a.p50_ms:>7.2f} {b.p50_ms:>8.2f} "
            f"{a.errors + b.errors:>6} {m.ratio:>7.2f}×  {m.spread:>9} "
            f"{m.paired.sent_ms:>7.2f}/{m.paired.registered_ms:.2f} = {m.paired.ratio:.2f}× "
            f"{c.sent_us:>11.0f} → {c.registered_us:.1f}"
        )
    lines.append(f"geometric mean registered/sent over {len(r.measured)} documents: "
                 f"{geometric_mean([m.ratio for m in r.measured]):.2f}× under load, "
                 f"{geometric_mean([m.paired.ratio for m in r.measured]):.2f}× paired")  # fmt: skip
    return "\n".join(lines)


def geometric_mean(values: list[float]) -> float:
    """The geometric mean (0 if any value is 0 or there is none)."""
    if not values or min(values) <= 0:
        return 0.0
    product = 1.0
    for value in values:
        product *= value
    return float(product ** (1 / len(values)))


def render_markdown(r: TrustedResults) -> str:
    """The docs/benchmarks.md section: machine, date, command, the table, what it means."""
    m = r.machine
    out = [
        HEADING,
        "",
        f"Measured {r.started:%Y-%m-%d %H:%M} UTC in {r.minutes:.1f} minutes by `{r.command}` "
        "(`scripts/bench/trusted_documents.py`). The machine is shared: the ratios, each of "
        "two things measured side by side in one run, hold better than the absolute numbers.",
        "",
        "| machine | |",
        "| --- | --- |",
        f"| CPU / RAM | {m.cpu_model}, {m.cores} cores / {m.ram_gb:.1f} GB |",
        f"| Python / PostgreSQL | {m.python} / {m.postgres} |",
        f"| libraries | {m.libraries} |",
        f"| load average, start → end | {m.load_average} → {r.load_after} |",
        f"| data set | {r.employees:,} employees of one generated region: {r.events:,} events |",
        f"| runs | {r.repetitions} per side × {r.seconds:g} s, the order reversed every other "
        f"repetition (A B, B A …); {r.connections} requests in flight; load from "
        f"{r.generator} in its own process; one uvicorn worker |",
        "",
        "One Jejak server registers seven portal documents (JEJAK_TRUSTED_DOCUMENTS) and "
        "answers each both ways: by `documentId` (planned at start: parsed, validated, "
        "measured against the limits, walked by the policy for every role) and with its text "
        "(parsed and validated through the bounded caches, which hit, and walked by the "
        "policy on every request). Every body was sent both ways before measuring and the two "
        "answers compared (equal, no errors). As an HR officer with a bearer token; the "
        "variables cycle through 20 employees or 5 dinas. req/s and p50 are medians over the "
        "repetitions; a ratio is the median of the repetitions' own ratios, with their range. "
        "`paired` sends one request at a time on one connection, by id and as text in turn "
        f"({r.rounds} pairs, A B, B A …), and gives the median time of each: neighbouring "
        "requests share the machine's load of the moment, so their ratio holds when the "
        "throughput runs are noisy. `checks` is what one request spends before any resolver, "
        "in process (µs, medians): as sent, the two cache lookups and the policy walk; by id, "
        "the plan's lookup.",
        "",
        "| document | by id req/s | as text req/s | by id p50 ms | as text p50 ms | failed "
        "| by id / as text | range | paired ms, as text / by id | checks µs, text → id |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for measured in r.measured:
        a, b = LoadSummary.of(measured.registered), LoadSummary.of(measured.sent)
        cost = r.costs[measured.key]
        out.append(
            f"| {measured.title} | {a.rps:,.0f} | {b.rps:,.0f} | {a.p50_ms:.2f} | "
            f"{b.p50_ms:.2f} | {a.errors + b.errors} | {measured.ratio:.2f}× | "
            f"{measured.spread} | {measured.paired.sent_ms:.2f} / "
            f"{measured.paired.registered_ms:.2f} = {measured.paired.ratio:.2f}× | "
            f"{cost.sent_us:.0f} → {cost.registered_us:.1f} |"
        )
    mean = geometric_mean([x.ratio for x in r.measured])
    paired = geometric_mean([x.paired.ratio for x in r.measured])
    saved = [c.sent_us - c.registered_us for c in r.costs.values()]
    out += [
        "",
        f"Geometric mean over {len(r.measured)} documents: by id / as text {mean:.2f}× in "
        f"req/s under load, and as text / by id {paired:.2f}× in paired request time. "
        f"Planned once, a request by id spends {min(saved):.0f}–{max(saved):.0f} µs less "
        f"before its first resolver (median {median(saved):.0f} µs): almost all of it the "
        "policy walk (a `TypeInfo` visit of the whole document), which a sent document pays "
        "on every request although its parse and validation are cached. The limits and the "
        "role's check still hold for every request by id: their outcomes are the plan's. A "
        "ratio whose range spans 1× differs by less than the machine's noise over HTTP.",
    ]
    if r.generator == "python":
        out[-1] += (
            " The load came from the Python generator, not wrk, and it shares the two cores "
            "with the server: absolute req/s are lower bounds, a server-side saving shows "
            "diluted in the ratios."
        )
    return "\n".join(out) + "\n"


def write_section(path: Path, section: str) -> None:
    """Put `section` in place of this benchmark's own in `path`, or at its end."""
    replace_section(path, section, HEADING)
