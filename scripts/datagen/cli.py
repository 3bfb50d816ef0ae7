"""`jejak generate`: load realistic generated ASN data into an empty event log.

`scripts/cli.py` wires it in with `add_generate_command(commands)`.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from scripts.datagen.loader import DEFAULT_BATCH_SIZE, LogNotEmpty, generate
from scripts.datagen.regions import REGIONS, Region, find_region
from scripts.progress import ProgressBar
from scripts.read_models import operator_database


def add_generate_command(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    """Register `jejak generate --employees N --seed S [--tenants ...] [--batch-size B]
    [--today YYYY-MM-DD]`."""
    parser = subparsers.add_parser(
        "generate",
        help="load realistic generated employees with years of history (into an empty log)",
        description=(
            "Generate tenants named after the seed regions, their unit trees and employees "
            "with years of history up to today, then the appraisal cycle and training of the "
            "last finished year and of the current year so far, through the real commands. "
            "The same seed and the same --today give the same events."
        ),
    )
    parser.add_argument(
        "--employees", type=_positive, required=True, metavar="N", help="how many, all tenants"
    )
    parser.add_argument("--seed", type=int, required=True, metavar="S", help="the random seed")
    parser.add_argument(
        "--tenants",
        type=_regions,
        default=REGIONS,
        metavar="NAMES",
        help="comma-separated regions: " + ",".join(r.key for r in REGIONS) + " (default: all)",
    )
    parser.add_argument(
        "--batch-size",
        type=_positive,
        default=DEFAULT_BATCH_SIZE,
        metavar="B",
        help=f"employees saved together, with their whole history (default {DEFAULT_BATCH_SIZE})",
    )
    parser.add_argument(
        "--today",
        type=date.fromisoformat,
        default=None,
        metavar="YYYY-MM-DD",
        help="the day the history runs up to (default: the real date)",
    )
    parser.set_defaults(func=cmd_generate)


def cmd_generate(args: argparse.Namespace) -> int:
    """Plan and load the data, with a progress bar on stderr and a summary on stdout."""
    bar = _LazyProgressBar()
    with operator_database() as database:
        try:
            report = generate(
                database,
                args.employees,
                args.seed,
                args.tenants,
                batch_size=args.batch_size,
                progress=bar,
                today=args.today,
            )
        except (LogNotEmpty, ValueError) as error:
            print(f"jejak generate: {error}", file=sys.stderr)
            return 1
        finally:
            bar.finish()
    tenants = ", ".join(r.tenant for r in args.tenants)
    print(
        f"Generated {report.employees:,} employees in {report.units:,} units of {tenants}: "
        f"{report.events:,} events in {report.load_seconds:.1f}s "
        f"({report.rate:,.0f} events/s; planning took {report.plan_seconds:.1f}s)."
    )
    return 0


class _LazyProgressBar:
    """A progress bar whose clock starts with the loading, not with the database or the plan."""

    def __init__(self) -> None:
        self.bar: ProgressBar | None = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            self.bar = ProgressBar("generate")
        self.bar(done, total)

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.finish()


def _positive(raw: str) -> int:
    value = int(raw)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def _regions(raw: str) -> tuple[Region, ...]:
    try:
        regions = tuple(find_region(name) for name in raw.split(",") if name.strip())
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    if not regions or len(set(regions)) != len(regions):
        raise argparse.ArgumentTypeError("name each region once")
    return regions
