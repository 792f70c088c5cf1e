"""``--explain``: the document as judged, like a diff: removed blocks marked ``-`` with their reason and the
rule or phrase that decided it, kept blocks indented, and a count per reason at the end."""

from __future__ import annotations

from collections import Counter

import click

from .result import Result


def render_explanation(result: Result, color: bool = False) -> str:
    def style(text: str, **kw) -> str:
        return click.style(text, **kw) if color else text

    out: list[str] = []
    for block in result.blocks:
        r = block.removal
        if r is None:
            out.append("  " + block.text)
            continue
        where = f" {r.path}" if r.path else ""
        out.append(style("- ", fg="red") + style(f"[{r.reason.value}]", fg="yellow") + " "
                   + style(block.text, fg="red"))
        out.append(style(f"    └ {r.detail}{where}", dim=True))
    counts = Counter(r.reason.value for r in result.removals)
    summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    out.append(style(f"# removed {len(result.removals)} of {len(result.blocks)} blocks"
                     + (f": {summary}" if summary else "") + f"; language {result.language or 'unknown'}",
                     bold=True))
    return "\n".join(out) + "\n"
