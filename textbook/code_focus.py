"""Keyboard access to code that scrolls sideways, before Material has mounted its block.

Material makes a code block that overflows focusable (tabindex="0": arrow keys then
scroll it) when it mounts the block. With `content.lazy` (mkdocs.yml) it mounts a block
only once the block comes on screen, so a reader tabbing down the page would pass over a
wide block still below the screen. Here a block with a line longer than a desktop's
column holds (FITS) is focusable from the start; once mounted, Material keeps or removes
that by the block's real width on the reader's screen.
"""

from __future__ import annotations

import html
import re

CODE = re.compile(r"(?P<open><pre\b[^>]*>(?:<span></span>)?<code)>(?P<code>.*?)</code>", re.S)
TAG = re.compile(r"<[^>]+>")
# Characters of code in a line of the content column: Material sizes it to hold 80 from
# 960 px up (86 at 768 px); an admonition's or a details box's padding takes about 4.
FITS = 76


def longest_line(code: str) -> int:
    """The characters of the longest line of a code element's HTML, as shown."""
    return max(len(line) for line in html.unescape(TAG.sub("", code)).split("\n"))


def focusable(page: str) -> str:
    """The page with each code block that may overflow made focusable."""
    return CODE.sub(lambda m: m[0] if longest_line(m["code"]) <= FITS
                    else f'{m["open"]} tabindex="0">{m["code"]}</code>', page)
