"""The portal read benchmark's section of docs/benchmarks.md, and its lines on the terminal."""

from __future__ import annotations

from dataclasses import dataclass

from scripts.bench.portal_compare import PortalComparison, geometric_mean

EACH = 0.7  # every document's GraphQL/plain (issue 17)
GEOMEAN = 0.85  # their geometric mean
TAIL = 3.0  # GraphQL's p99 at most this many times its p50


def heading(documents: int) -> str:
    return f"## Portal reads: GraphQL against plain starlette, {documents} documents"


@dataclass(frozen=True)
class PortalResults:
    """One run: every document compared, the bodies whose answers were checked, how."""

    comparisons: list[PortalComparison]
    checked: dict[str, int]
    employees: int
    seconds: float
    repetitions: int
    connections: int
    generator: str
    command: str
    load_average: str = ""  # the machine's 1/5/15-minute load when the measuring began

    @property
    def geomean(self) -> float:
        return geometric_mean([c.ratio for c in self.comparisons])


def _met(ok: bool) -> str:
    return "met" if ok else "**missed**"


def summary_line(r: PortalResults) -> str:
    n = len(r.comparisons)
    return (
        f"geometric mean GraphQL/plain over {n} documents: {r.geomean:.2f}× "
        f"(target ≥ {GEOMEAN}×: {_met(r.geomean >= GEOMEAN)})"
    )


def render_markdown(r: PortalResults) -> str:
    """The section, from its heading to the summary line."""
    out = [
        heading(len(r.comparisons)),
        "",
        "What the portals send, one document per feature (`scripts/bench/portal_documents.py`), "
        "each through `/graphql` and through a plain starlette endpoint "
        "(`scripts/bench/plain_*.py`) that verifies the same bearer token, checks the role may "
        "call the root, reads through the API's read pool as the caller's tenant (row-level "
        "security), calls the same projection and service functions the resolvers call, runs "
        "the same private-record check and writes the same access-log rows, and returns the "
        "same JSON. Before measuring, every request body was sent to both: "
        f"{sum(r.checked.values())} bodies, the same `data`, no errors, as many access-log rows "
        f"each. {r.employees:,} employees; {r.connections} requests in flight; "
        f"{r.repetitions} × {r.seconds:g} s per side, alternated (medians); load from "
        f"{r.generator}; load average {r.load_average or 'unknown'} as measuring began (2 "
        f"cores, shared). Run by `{r.command}`.",
        "",
        "| document | as | answers checked | GraphQL req/s | plain req/s | GraphQL/plain "
        "| ≥ 0.7× | GraphQL p50 / p99 ms | p99 ≤ 3× p50 | plain p50 / p99 ms |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for c in r.comparisons:
        g, p, d = c.graphql, c.plain, c.document
        out.append(
            f"| {d.title} | {d.role.value} | {r.checked.get(d.key, 0)} | {g.rps:,.0f} | "
            f"{p.rps:,.0f} | {c.ratio:.2f}× | "
            f"{_met(c.ratio >= EACH)} | {g.p50_ms:.2f} / {g.p99_ms:.2f} | "
            f"{_met(c.tail <= TAIL)} ({c.tail:.1f}×) | {p.p50_ms:.2f} / {p.p99_ms:.2f} |"
        )
    errors = sum(c.graphql.errors + c.plain.errors for c in r.comparisons)
    below = sum(1 for c in r.comparisons if c.ratio < EACH)
    tails = sum(1 for c in r.comparisons if c.tail > TAIL)
    out += [
        "",
        f"Documents below {EACH}×: {below} of {len(r.comparisons)}; GraphQL p99 over "
        f"{TAIL:g}× its p50: {tails}. Failed requests over all runs: {errors}.",
        "",
        summary_line(r),
        "",
    ]
    return "\n".join(out)


def render_text(r: PortalResults) -> str:
    """The table for the terminal: one row per document, then the summary line."""
    lines = [f"{'document':<44} {'GraphQL/s':>10} {'plain/s':>10} {'ratio':>7} "
             f"{'G p50':>7} {'G p99':>7} {'P p50':>7} {'P p99':>7}"]  # fmt: skip
    for c in r.comparisons:
        g, p = c.graphql, c.plain
        lines.append(
            f"{c.document.title:<44} {g.rps:>10.0f} {p.rps:>10.0f} {c.ratio:>6.2f}× "
            f"{g.p50_ms:>7.2f} {g.p99_ms:>7.2f} {p.p50_ms:>7.2f} {p.p99_ms:>7.2f}"
        )
    lines.append(summary_line(r))
    return "\n".join(lines)


def portal_summary_rows(r: PortalResults | None) -> list[str]:
    """The row `jejak bench` puts in its summary table (none without a portal run)."""
    if r is None:
        return []
    n, gm = len(r.comparisons), r.geomean
    return [
        f"| GraphQL/plain, geometric mean over {n} portal documents | {gm:.2f}× | "
        f"≥ {GEOMEAN}× | {_met(gm >= GEOMEAN)} |"
    ]


def portal_section(r: PortalResults | None) -> list[str]:
    """The section's lines for `jejak bench`'s report (none without a portal run)."""
    return [] if r is None else ["", render_markdown(r).rstrip("\n")]
