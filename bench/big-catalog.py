#!/usr/bin/env python3
"""Writes a copy of the shipped catalogs whose auto-parts industry has about 50 modules, for timing the planner
on a catalog of the size a contractor might write (the shipped one has 17).

    python3 bench/big-catalog.py OUT [--modules 50] [--seed 1]

OUT is a catalog folder (`gaizao diagnose --catalog OUT ...`). The 17 shipped modules stay as they are (rules and
overlays still name them); the others are made from them, seeded, in the shapes a real catalog has:
- an alternative product of a module ("-alt"): another vendor's price, the same scenes (sometimes one level
  lower), part of its answers; it needs what the original needs and excludes the original and the other
  alternatives of the same module (one MES, not two);
- an extension of a module ("-plus"): needs the module, raises one of its scenes a level higher and brings more;
- a second-phase module of a scene ("-ext"): needs one or two other modules, raises a scene the catalog covers.
Every scene level is at most 4 and every price within the catalog's bounds; `gaizao lint OUT` passes (with
warnings for modules without a cost-model entry, as a contractor's catalog may have).
"""
import argparse
import copy
import os
import random
import shutil
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
SHIPPED = os.path.join(HERE, "..", "catalogs")


def scaled(cost, factor):
    """A size band's [low, high] in 万元 scaled by `factor`, rounded to 0.5 万元, low never above high."""
    low = round(cost[0] * factor * 2) / 2
    high = max(low, round(cost[1] * factor * 2) / 2)
    return [low, high]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--modules", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    shutil.copytree(SHIPPED, args.out)
    path = os.path.join(args.out, "industries", "auto-parts", "modules.yaml")
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    originals = doc["modules"]
    modules = list(originals)
    ids = {m["id"] for m in modules}
    alternatives = {}  # original id -> ids of its alternatives
    kinds = ["alt", "plus", "ext"]
    n = 0
    while len(modules) < args.modules:
        n += 1
        base = rng.choice(originals)
        kind = kinds[n % 3]
        m = copy.deepcopy(base)
        m["id"] = f"{base['id']}-{kind}{n}"
        if m["id"] in ids:
            continue
        ids.add(m["id"])
        m["name"] = {"zh": f"{base['name']['zh']}（{ {'alt': '替代方案', 'plus': '增强', 'ext': '二期'}[kind] }{n}）",
                     "en": f"{base['name']['en']} ({ {'alt': 'alternative', 'plus': 'extension', 'ext': 'phase two'}[kind] } {n})"}
        m["products"] = [{"zh": f"示例产品{n}", "en": f"Example product {n}"}]
        if rng.random() < 0.3:
            m.pop("subsidy_tags", None)
        brings = base.get("brings", [])
        if kind == "alt":
            factor = rng.uniform(0.6, 1.3)
            m["cost"] = {band: scaled(c, factor) for band, c in base["cost"].items()}
            m["raises"] = [{"scene": r["scene"], "to": max(1, r["to"] - (1 if rng.random() < 0.3 else 0))} for r in base["raises"]]
            m["brings"] = [b for b in brings if rng.random() < 0.7]
            group = alternatives.setdefault(base["id"], [])
            m["requires"] = list(base.get("requires", []))
            m["excludes"] = [base["id"]] + list(group)
            group.append(m["id"])
        elif kind == "plus":
            factor = rng.uniform(0.3, 0.8)
            m["cost"] = {band: scaled(c, factor) for band, c in base["cost"].items()}
            raised = rng.choice(base["raises"]) if base["raises"] else None
            m["raises"] = [{"scene": raised["scene"], "to": min(4, raised["to"] + 1)}] if raised else []
            m["brings"] = [b for b in brings if rng.random() < 0.5]
            m["requires"] = [base["id"]]
            m["excludes"] = []
        else:
            factor = rng.uniform(0.5, 1.5)
            m["cost"] = {band: scaled(c, factor) for band, c in base["cost"].items()}
            other = rng.choice(originals)
            m["raises"] = [{"scene": r["scene"], "to": min(4, r["to"])} for r in (base["raises"] + other["raises"])[:2]]
            m["brings"] = [b for b in brings + other.get("brings", []) if rng.random() < 0.4]
            needs = {base["id"]} | ({other["id"]} if rng.random() < 0.5 else set())
            m["requires"] = sorted(r for r in needs if r != m["id"])
            m["excludes"] = []
        if not m["brings"]:
            m.pop("brings")
        m["duration_weeks"] = max(2, int(base["duration_weeks"] * rng.uniform(0.6, 1.4)))
        m["cost_source"] = "estimate"
        modules.append(m)
    doc["modules"] = modules
    # The other side of each exclusion, as a catalog author writes both.
    by_id = {m["id"]: m for m in modules}
    for m in modules:
        for x in m.get("excludes", []):
            other = by_id[x]
            if m["id"] not in other.setdefault("excludes", []):
                other["excludes"] = list(other["excludes"]) + [m["id"]]
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"# gaizao benchmark catalog — auto parts with {len(modules)} modules, made by bench/big-catalog.py "
                f"(seed {args.seed}) from the shipped reference set: NOT a real catalog.\n")
        yaml.safe_dump(doc, f, allow_unicode=True, sort_keys=False, width=200)
    standard = sum(1 for m in modules if m["kind"] == "standard")
    industry = os.path.join(args.out, "industries", "auto-parts", "industry.yaml")
    with open(industry, encoding="utf-8") as f:
        text = f.read()
    text = text.replace("shape: {standard: 6, personalized: 11}",
                        f"shape: {{standard: {standard}, personalized: {len(modules) - standard}}}")
    with open(industry, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"{args.out}: auto-parts with {len(modules)} modules ({standard} standard)", file=sys.stderr)


if __name__ == "__main__":
    main()
