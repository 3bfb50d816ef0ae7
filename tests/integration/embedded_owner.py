"""A process that uses the embedded PostgreSQL of a folder, for the tests to kill or dismiss.

`python -m tests.integration.embedded_owner <data dir>` starts (or joins) the server, prints
`ready`, and leaves it when its standard input closes, then exits 0.
"""

from __future__ import annotations

import sys
from pathlib import Path

from services.database import EmbeddedPostgres


def main() -> None:
    embedded = EmbeddedPostgres(Path(sys.argv[1]))
    embedded.start()
    try:
        print("ready", flush=True)
        sys.stdin.read()
    finally:
        embedded.stop()


if __name__ == "__main__":
    main()
