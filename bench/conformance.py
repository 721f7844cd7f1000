#!/usr/bin/env python3
"""Byte-identity of `locdoc regen` against the publisher's clean pages.

For every <set>/<locale>/sxs tree of the corpus, regenerates the pages into a temporary
folder and compares each with the live/ page beside it (pages without a live twin are
skipped). With --source, compares `regen --source` of quantum/fr-FR with quantum/en-US.
Prints a Markdown table; --failures lists the pages that differ.
"""
import argparse, filecmp, os, subprocess, sys, tempfile
from pathlib import Path

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=os.environ.get("LOCDOC_CORPUS", "../shared/corpus"))
    ap.add_argument("--locdoc", default="target/release/locdoc")
    ap.add_argument("--failures", action="store_true")
    ap.add_argument("--source", action="store_true")
    args = ap.parse_args()
    corpus = Path(args.corpus)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        jobs = []
        if args.source:
            jobs.append(("quantum", "fr-FR", corpus / "quantum/fr-FR/sxs", corpus / "quantum/en-US", ["--source"]))
            jobs.append(("quantum", "nl-NL", corpus / "quantum/nl-NL/sxs", corpus / "quantum/en-US", ["--source"]))
        else:
            for s in sorted(p for p in corpus.iterdir() if p.is_dir() and p.name != "seeds"):
                for loc in sorted(p for p in s.iterdir() if (p / "sxs").is_dir()):
                    jobs.append((s.name, loc.name, loc / "sxs", loc / "live", []))
        for set_name, loc, sxs, oracle, extra in jobs:
            out = Path(tmp) / set_name / loc
            subprocess.run([args.locdoc, "regen", str(sxs), "--out", str(out), *extra],
                           check=False, stderr=subprocess.DEVNULL)
            total = same = body_same = fm_same = 0
            failures = []
            for page in sorted(sxs.rglob("*.md")):
                rel = page.relative_to(sxs)
                want = oracle / rel
                if not want.exists():
                    continue
                total += 1
                got = out / rel
                if got.exists() and filecmp.cmp(got, want, shallow=False):
                    same += 1
                else:
                    failures.append(str(page))
                if args.source and got.exists():
                    gf, gb = split_front_matter(got.read_bytes())
                    wf, wb = split_front_matter(want.read_bytes())
                    fm_same += gf == wf
                    # The English page has a blank line after its front matter that
                    # localization drops; compare bodies without leading blank lines.
                    body_same += gb.lstrip(b"\n") == wb.lstrip(b"\n")
            rows.append((set_name, loc, same, total, failures, fm_same, body_same))
    pct = lambda n, d: f"{100.0 * n / max(d, 1):.2f}%"
    if args.source:
        print("| set | locale | pages | identical | front matter identical | body identical (ignoring leading blank lines) |")
        print("|---|---|---:|---:|---:|---:|")
        for set_name, loc, same, total, _, fm, body in rows:
            print(f"| {set_name} | {loc} | {total} | {same} ({pct(same, total)}) | {fm} ({pct(fm, total)}) | {body} ({pct(body, total)}) |")
    else:
        print("| set | locale | identical | pages | rate |")
        print("|---|---|---:|---:|---:|")
        for set_name, loc, same, total, *_ in rows:
            print(f"| {set_name} | {loc} | {same} | {total} | {pct(same, total)} |")
    if args.failures:
        for _, _, _, _, failures, *_ in rows:
            for f in failures:
                print(f, file=sys.stderr)

def split_front_matter(data):
    """(front matter block, body) of a page's bytes."""
    if data.startswith(b"---\n"):
        end = data.find(b"\n---\n", 3)
        if end >= 0:
            return data[: end + 5], data[end + 5 :]
    return b"", data

if __name__ == "__main__":
    main()
