#!/usr/bin/env python3
"""Scale a bundled scenario: K copies of every site with its staff, units, shifts and rules.

    python3 Tests/Benchmarks/scale/scale.py Scenarios/pitstop.yaml 43 > /tmp/pitstop-x43.yaml

The scenario and the files it `extends` are merged as the scenario format says (maps key
by key, lists of objects by id with `remove: true`, an hour map replaced whole), then copy
c (2…K) of every site, person, group, unit, shift and rule gets the suffix `-c<c>` on its
id and on every id it refers to; personas come to every copy of a site as to the original,
so visits grow K times. The leader forum keeps its chair (a copied chair reports to it);
every copy's members join it.
Copy 1 is the original, so `scale.py FILE 1` is the scenario flattened. Needs PyYAML
(Debian: python3-yaml, used through /usr/bin/python3).
"""
import copy
import os
import sys

import yaml

HOUR_MAPS = {"staffed_hours", "open_hours", "hours", "days"}


def load(path):
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    base = doc.pop("extends", None)
    if base is None:
        return doc
    return merge(load(os.path.join(os.path.dirname(path), base)), doc)


def merge(base, over, key=None):
    if isinstance(base, dict) and isinstance(over, dict) and key not in HOUR_MAPS:
        out = dict(base)
        for k, v in over.items():
            out[k] = merge(base[k], v, k) if k in base else v
        return out
    if isinstance(base, list) and isinstance(over, list) and all(isinstance(x, dict) and "id" in x for x in base + over):
        out = [dict(x) for x in base]
        index = {x["id"]: i for i, x in enumerate(out)}
        for item in over:
            if item["id"] in index:
                i = index[item["id"]]
                if item.get("remove"):
                    out[i] = None
                else:
                    out[i] = merge(out[i], item)
            else:
                out.append(item)
                index[item["id"]] = len(out) - 1
        return [x for x in out if x is not None]
    return over


def scale(s, k):
    site_ids = [x["id"] for x in s.get("sites", [])]
    staff_ids = [x["id"] for x in s.get("staff", [])]
    unit_ids = [x["id"] for x in s.get("organisation", {}).get("units", [])]

    def suffix(c):
        return "" if c == 1 else f"-c{c}"

    def site(x, c):
        return x + suffix(c) if x in site_ids else x

    def person(x, c):
        return x + suffix(c) if x in staff_ids else x

    def unit(x, c):
        return x + suffix(c) if x in unit_ids else x

    out = copy.deepcopy(s)
    out["name"] = f"{s.get('name', 'Scenario')} ×{k}"
    out["sites"] = []
    for c in range(1, k + 1):
        for x in s.get("sites", []):
            y = copy.deepcopy(x)
            y["id"] = site(x["id"], c)
            if "name" in y:
                y["name"] = f"{x['name']} {c}" if c > 1 else x["name"]
            if "travel" in y:
                y["travel"] = {site(t, c): m for t, m in x["travel"].items()}
            out["sites"].append(y)
    org = out.get("organisation", {})
    forum = org.get("leader_forum")
    if forum:
        forum["members"] = [person(m, c) for c in range(1, k + 1) for m in s["organisation"]["leader_forum"].get("members", [])]
    units = []
    for c in range(1, k + 1):
        for x in s.get("organisation", {}).get("units", []):
            y = copy.deepcopy(x)
            y["id"] = unit(x["id"], c)
            if c > 1 and "name" in y:
                y["name"] = f"{x['name']} {c}"
            for f, fn in (("site", site), ("lead", person), ("parent", unit)):
                if f in y:
                    y[f] = fn(y[f], c)
            for cover in y.get("covers", []):
                cover["site"] = site(cover["site"], c)
            units.append(y)
    if units:
        org["units"] = units
    out["staff"] = []
    for c in range(1, k + 1):
        for x in s.get("staff", []):
            y = copy.deepcopy(x)
            y["id"] = person(x["id"], c)
            for f, fn in (("unit", unit), ("manager", person)):
                if f in y:
                    y[f] = fn(y[f], c)
            if "sites" in y:
                y["sites"] = [site(t, c) for t in y["sites"]]
            out["staff"].append(y)
    staffing = out.get("staffing", {})
    for kind in ("shifts", "rules"):
        items = []
        for c in range(1, k + 1):
            for x in s.get("staffing", {}).get(kind, []):
                y = copy.deepcopy(x)
                if "id" in y:
                    y["id"] = y["id"] + suffix(c)
                y["site"] = site(y["site"], c)
                if "staff" in y:
                    y["staff"] = [person(p, c) for p in y["staff"]]
                if "by" in y:
                    y["by"] = [unit(u, c) for u in y["by"]]
                items.append(y)
        if items:
            staffing[kind] = items
    for p in out.get("personas", []):
        for key in ("visits_per_year", "arrivals_per_hour"):
            if key in p:
                p[key] = {site(t, c): v for c in range(1, k + 1) for t, v in p[key].items()}
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: scale.py SCENARIO.yaml K")
    k = int(sys.argv[2])
    if k < 1:
        sys.exit("K must be at least 1")
    yaml.safe_dump(scale(load(sys.argv[1]), k), sys.stdout, allow_unicode=True, sort_keys=False, width=120)


if __name__ == "__main__":
    main()
