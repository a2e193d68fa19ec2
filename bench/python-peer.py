#!/usr/bin/env python3
"""A floor for a straightforward Python implementation of gaizao's pipeline, per proposal.

It times only the parts such a peer would do with libraries: PyYAML with its C loader reading each enterprise's
answers, chevron rendering proposal.md and proposal.html (with their partials) from the very view models gaizao
renders, and json.dumps writing the proposal JSON pretty-printed as gaizao does. The diagnosis, the package search,
the view-model building and the file writes are left out (given free), so a real peer is slower than this figure.
The catalogs are loaded once, outside the per-proposal time, as gaizao's batch does.

    swift build -c release --static-swift-stdlib
    .build/release/gaizao-bench --quick -n 100 --write-peer-input /tmp/peer
    pip install chevron            # PyYAML with libyaml is Debian's python3-yaml
    python3 bench/python-peer.py /tmp/peer
"""
import glob
import json
import os
import sys
import time

import chevron
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEMPLATES = os.path.join(ROOT, "templates")


def main():
    folder = sys.argv[1]
    if not yaml.__with_libyaml__:
        sys.exit("PyYAML without libyaml: install python3-yaml (the C loader is what a fair peer uses)")
    t0 = time.process_time()
    for path in sorted(glob.glob(os.path.join(ROOT, "catalogs", "**", "*.yaml"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            yaml.load(f, Loader=yaml.CSafeLoader)
    catalog_load = time.process_time() - t0
    templates = {}
    for name in ("proposal.md", "proposal.html"):
        with open(os.path.join(TEMPLATES, name + ".mustache"), encoding="utf-8") as f:
            templates[name] = f.read()
    stems = sorted(p[: -len(".answers.json")] for p in glob.glob(os.path.join(folder, "*.answers.json")))
    if not stems:
        sys.exit(f"no *.answers.json in {folder}: write them with gaizao-bench --write-peer-input")
    inputs = []
    for stem in stems:
        with open(stem + ".answers.json", encoding="utf-8") as f:
            answers = f.read()
        models = {}
        for flavor in ("md", "html"):
            with open(f"{stem}.{flavor}-model.json", encoding="utf-8") as f:
                models[flavor] = json.load(f)
        with open(stem + ".proposal.json", encoding="utf-8") as f:
            proposal = json.load(f)
        inputs.append((answers, models, proposal))

    parts = {"answers (PyYAML C loader)": 0.0, "proposal.md (chevron)": 0.0, "proposal.html (chevron)": 0.0,
             "proposal.json (json.dumps, indent 2)": 0.0}
    sizes = [0, 0, 0]
    rounds = 3
    best = None
    for _ in range(rounds):
        this = dict.fromkeys(parts, 0.0)
        for answers, models, proposal in inputs:
            a = time.process_time()
            yaml.load(answers, Loader=yaml.CSafeLoader)
            b = time.process_time()
            md = chevron.render(templates["proposal.md"], models["md"], partials_path=TEMPLATES, partials_ext="mustache")
            c = time.process_time()
            html = chevron.render(templates["proposal.html"], models["html"], partials_path=TEMPLATES, partials_ext="mustache")
            d = time.process_time()
            text = json.dumps(proposal, ensure_ascii=False, indent=2)
            e = time.process_time()
            for key, span in zip(this, (b - a, c - b, d - c, e - d)):
                this[key] += span
            sizes = [len(md.encode()), len(html.encode()), len(text.encode())]
        total = sum(this.values())
        if best is None or total < sum(best.values()):
            best = this
    n = len(inputs)
    print(f"python peer floor over {n} proposals (least CPU of {rounds} rounds), catalogs once: {catalog_load * 1000:.1f} ms")
    for key, span in best.items():
        print(f"  {key}: {span / n * 1e6:,.0f} µs")
    print(f"  per proposal, these parts only: {sum(best.values()) / n * 1e3:.2f} ms CPU "
          f"(last one: md {sizes[0] // 1024} KB, html {sizes[1] // 1024} KB, json {sizes[2] // 1024} KB)")


if __name__ == "__main__":
    main()
