#!/usr/bin/env python3
"""How each command's time grows on hostile pages: every pattern is written at n and 4n
repetitions, each command runs once on each, and the ratio of the two times is printed.
Linear work gives about 4 (less where start-up dominates); a ratio above 8 is flagged, as it
means the work grows with the square of the page.

Usage: python3 bench/scaling.py [--bin target/release/locdoc] [--n 5000]
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time


def seg(i, translation, source):
    return (
        f'<span data-ttu-id="a{i}">{translation}</span>'
        f'<span class="sxs-lookup"><span data-stu-id="a{i}">{source}</span></span>'
    )


def patterns(n):
    """Page bodies (one page each), named; each grows in proportion to n."""
    numbers = " ".join(str(i) for i in range(n))
    return {
        "raw <div> per line": "<div>\n" * n,
        "raw <ul><li> per line": "<ul><li>\n" * n,
        "same-named headings": "## H\n" * n,
        "entities": "&amp;" * n,
        "brackets": "[" * n + " x " + "]" * n,
        "emphasis runs": "*a " * n,
        "unclosed ttu spans": '<span data-ttu-id="x">' * n,
        "lone sxs-lookup spans": '<span class="sxs-lookup"><span data-stu-id="a1">' * n,
        "one line of segments": " ".join(
            seg(i, f"Traduction {i % 7} de la phrase.", "The same long sentence in English.")
            for i in range(n)
        ),
        "numbers in one segment": seg(1, " ".join(reversed(numbers.split())), numbers),
        "links in one segment": seg(
            1,
            " ".join(f"[a](http://x/{i})" for i in range(n)),
            " ".join(f"[a](http://y/{i})" for i in range(n)),
        ),
        "e-mail addresses in one segment": seg(
            1,
            " ".join(f"b{i}@b.com" for i in range(n)),
            " ".join(f"a{i}@b.com" for i in range(n)),
        ),
        "xrefs in one segment": seg(
            1,
            " ".join(f"<xref:a.b{i}>" for i in range(n)),
            " ".join(f"<xref:a.c{i}>" for i in range(n)),
        ),
        "unresolved xref links on one line": "".join(f"[a](xref:u{i}) " for i in range(n)),
        "anchors and fragment links": "".join(f'<a name="n{i}"></a>\n' for i in range(n))
        + "".join(f"[l](#m{i})\n" for i in range(n)),
        "table of segments": "| a | b |\n|---|---|\n"
        + "".join(f"| {seg(i, 'x', 'y')} | {seg(i + n, 'z', 'w')} |\n" for i in range(n)),
        "missing includes": "".join(f"[!INCLUDE [a](missing{i}.md)]\n\n" for i in range(n)),
        "front matter of nested [": None,
    }


def write_set(root, n):
    for name, body in patterns(n).items():
        for locale in ("fr-FR", "nl-NL"):
            folder = os.path.join(root, name.replace(" ", "_"), locale)
            os.makedirs(folder, exist_ok=True)
            if body is None:
                text = f"---\nms.contentlocale: {locale}\nx: {'[' * n}\n---\nbody\n"
            else:
                text = f"---\nms.contentlocale: {locale}\ntitle: t\n---\n{body}\n"
            with open(os.path.join(folder, "p.md"), "w", encoding="utf-8") as f:
                f.write(text)


def commands(binary, folder, out):
    fr = os.path.join(folder, "fr-FR")
    return {
        "check": [binary, "check", folder, "--format", "json", "-o", os.devnull],
        "regen": [binary, "regen", folder, "--out", out],
        "extract": [binary, "extract", folder, "--format", "tsv"],
        "build": [binary, "build", folder, "--out", out],
        "export": [binary, "export", fr, "--format", "xliff", "--target-lang", "fr-FR",
                   "-o", os.path.join(out, "x.xlf")],
    }


def timed(argv, limit):
    start = time.perf_counter()
    try:
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=limit)
    except subprocess.TimeoutExpired:
        return float("inf")
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default="target/release/locdoc")
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--timeout", type=float, default=60)
    args = parser.parse_args()
    binary = os.path.abspath(args.bin)
    flagged = 0
    with tempfile.TemporaryDirectory() as tmp:
        small, large = os.path.join(tmp, "n"), os.path.join(tmp, "4n")
        write_set(small, args.n)
        write_set(large, 4 * args.n)
        print(f"| page (n = {args.n}) | command | n [s] | 4n [s] | ratio |")
        print("|---|---|---:|---:|---:|")
        for name in patterns(1):
            folder = name.replace(" ", "_")
            for command in commands(binary, "", ""):
                times = []
                for root in (small, large):
                    out = os.path.join(tmp, "out")
                    subprocess.run(["rm", "-rf", out], check=True)
                    os.makedirs(out)
                    argv = commands(binary, os.path.join(root, folder), out)[command]
                    times.append(timed(argv, args.timeout))
                ratio = times[1] / times[0]
                mark = " (grows faster than linear)" if ratio > 8 else ""
                flagged += ratio > 8
                print(f"| {name} | {command} | {times[0]:.3f} | {times[1]:.3f} | {ratio:.1f}{mark} |")
    print(f"\n{flagged} of the runs grew faster than linear.")
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
