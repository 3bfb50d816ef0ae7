"""`jejak projections run [--shard i/n]`: a projection worker in the foreground.

Without `--shard` it owns every shard, as `jejak serve` does in-process; with one it applies
only that shard's tenants (projections/shards.py), so n processes share the work.
"""

from __future__ import annotations

import argparse
import sys
import threading

from projections.reader import EventReader
from projections.shard_follower import AllShards
from projections.shard_runner import ShardRunner
from projections.shards import Shard, ShardLayoutError
from scripts.output import tr
from scripts.read_models import operator_database
from services.ledger.keeper import start_ledger_thread
from services.runtime import build_personnel, prepare_read_models
from services.startup_lock import one_start_at_a_time

EXIT_LAYOUT = 2  # the read models are split another way than `--shard` says


def add_run_command(projections: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `jejak projections run [--shard i/n] [--once] [--batch-size N]`."""
    run = projections.add_parser("run", help="follow the log in this process")
    run.add_argument(
        "--shard",
        type=Shard.parse,
        help="apply only shard i of n of the tenants, e.g. 1/4 (default: every shard)",
    )
    run.add_argument("--once", action="store_true", help="catch up with the log, then exit")
    run.add_argument(
        "--batch-size", type=int, default=1000, help="events read per transaction, with --shard"
    )
    run.set_defaults(func=cmd_projections_run)


def cmd_projections_run(args: argparse.Namespace) -> int:
    """Follow the log: every shard (the default), or one shard's tenants (`--shard i/n`)."""
    shard: Shard | None = args.shard
    with operator_database() as database:
        with one_start_at_a_time(database):
            personnel = build_personnel(database)
            reader = EventReader(personnel)
            prepare_read_models(database, reader)
            runner: AllShards | ShardRunner = (
                AllShards(database, reader)
                if shard is None
                else ShardRunner(database, reader, shard, batch_size=args.batch_size)
            )
        ledger_stop = threading.Event()  # the ledger follows the log beside the read models
        try:
            if isinstance(runner, ShardRunner):
                runner.ensure_schema()  # splits unsplit read models into the n shards
            if args.once:
                runner.catch_up()
                return 0
            if shard is None or shard.designated:  # one ledger keeper, not one per shard
                start_ledger_thread(database, ledger_stop, reader.channel)
            print(tr("Following the event log; Ctrl-C stops."), file=sys.stderr)
            runner.run_forever(threading.Event())
        except KeyboardInterrupt:
            pass
        except ShardLayoutError as error:
            print(error, file=sys.stderr)
            return EXIT_LAYOUT
        finally:
            ledger_stop.set()
            runner.close()
            personnel.close()
    return 0
