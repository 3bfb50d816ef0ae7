"""One benchmark's section of docs/benchmarks.md, written in place of its previous figures."""

from __future__ import annotations

from pathlib import Path


def replace_section(path: Path, section: str, heading: str) -> None:
    """Put `section` in place of the file's `heading` section (up to the next `## `), or at its
    end when the file has none."""
    text = path.read_text() if path.exists() else ""
    own = f"\n{heading}\n"
    if own in text:
        before, rest = text.split(own, 1)
        after = rest.split("\n## ", 1)
        tail = "\n## " + after[1] if len(after) == 2 else ""
        text = before + "\n" + section + tail
    else:
        text = text.rstrip("\n") + ("\n\n" if text else "") + section
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
