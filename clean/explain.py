"""``--explain``: the document as judged, like a diff: removed lines marked ``-`` with their reason and the
rule or phrase that decided it, kept lines indented, and at the end the count of lines removed, of all lines,
and of the lines removed per reason."""

from __future__ import annotations

from collections import Counter

import click

from .result import Result


def render_explanation(result: Result, color: bool = False) -> str:
    def style(text: str, **kw) -> str:
        return click.style(text, **kw) if color else text

    out: list[str] = []
    counts: Counter = Counter()
    total = 0
    for block in result.blocks:
        lines = block.text.split("\n")  # a block is a line (HTML: a paragraph, written as one line)
        total += len(lines)
        r = block.removal
        if r is None:
            out.extend("  " + line for line in lines)
            continue
        counts[r.reason.value] += len(lines)
        where = f" {r.path}" if r.path else ""
        tag = style(f"[{r.reason.value}]", fg="yellow")
        out.extend(style("- ", fg="red") + tag + " " + style(line, fg="red") for line in lines)
        out.append(style(f"    └ {r.detail}{where}", dim=True))
    summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    out.append(style(f"# removed {sum(counts.values())} of {total} lines"
                     + (f": {summary}" if summary else "") + f"; language {result.language or 'unknown'}",
                     bold=True))
    return "\n".join(out) + "\n"
