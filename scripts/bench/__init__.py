"""`jejak bench`: the benchmark suite that writes docs/benchmarks.md (see cli.py)."""
