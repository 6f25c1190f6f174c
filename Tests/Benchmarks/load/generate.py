#!/usr/bin/env python3
"""Scenario files for the load benchmark (Tests/Benchmarks/load.sh).

  generate.py bundled OUT        3 sites, 60 staff, 16 personas: the size of the bundled scenarios
                                 (the shape DecodingTests.largeScenario loads without diagnostics)
  generate.py municipality OUT   60 sites of 12 zones, 3,000 positions, 30 personas: the large
                                 municipality ScenarioLimits is chosen to admit
"""
import sys


def bundled(staff=60, personas=16):
    sites = ["main", "north", "south"]
    y = ["format: 1", "name: Large", "perspectives:", "  - { id: private, name: Privat }",
         "  - { id: citizen, name: Borger }", "competences:", "  - { id: reference, name: Reference }",
         "  - { id: children, name: Børn }", "sites:"]
    for s in sites:
        y += [f"  - id: {s}", f"    name: Site {s}", '    staffed_hours: { mon-fri: "10:00-19:00", sat: "10:00-14:00" }',
              '    open_hours: { daily: "08:00-22:00" }', "    floor: { width: 60, depth: 40 }", "    zones:",
              "      - { id: entrance, name: Entrance, capacity: unlimited, at: [0, 0], size: [10, 40] }",
              "      - { id: family, name: Family, perspective: private, capacity: 40, at: [10, 0], size: [20, 12] }",
              "      - { id: desk, name: Desk, perspective: citizen, capacity: 10, at: [30, 0], size: [10, 10] }",
              "      - { id: quiet, name: Quiet, capacity: 20, at: [40, 0], size: [20, 20] }",
              "    links: [[entrance, family], [entrance, desk], [desk, quiet]]", "    travel: { main: 20 }"]
    y += ["organisation:", "  name: Org",
          "  leader_forum: { name: Forum, chair: director, members: [head-main, head-north, head-south] }", "  units:"]
    for s in sites:
        y.append(f"    - {{ id: {s}-team, name: Team {s}, site: {s}, lead: head-{s}, "
                 f"covers: [{{ site: {s}, zones: [entrance, family, desk, quiet] }}] }}")
    y += ["staff:", "  - { id: director, name: Director, title: Director, cost: 900000 }"]
    y += [f"  - {{ id: head-{s}, name: Head {s}, title: Head, unit: {s}-team, cost: 700000 }}" for s in sites]
    per_site = (staff - 1 - len(sites)) // len(sites)
    for i, s in enumerate(sites):
        count = staff - 1 - len(sites) - per_site * (len(sites) - 1) if i == len(sites) - 1 else per_site
        for n in range(1, count + 1):
            y.append(f"  - {{ id: {s}-{n}, name: Person {s} {n}, title: Librarian, unit: {s}-team, fte: 0.8, "
                     f"cost: 500000, competences: [reference, children] }}")
    y += ["staffing:", "  shifts:"]
    y += [f'    - {{ staff: [{s}-1, {s}-2], site: {s}, zone: desk, days: mon-fri, hours: "10:00-14:00" }}' for s in sites]
    y += ["  rules:"] + [f"    - {{ site: {s}, zone: family, min_staff: 1, by: [{s}-team] }}" for s in sites]
    y.append("personas:")
    for p in range(1, personas + 1):
        y += [f"  - id: persona-{p}", f"    name: Persona {p}", "    perspective: private",
              f"    visits_per_year: {{ main: {1000 * p}, north: 300, south: 200 }}", "    profile: afternoons",
              "    route:", "      - { zone: entrance, dwell: const(1) }",
              "      - { zone: family, dwell: lognormal(25, 10) }", "      - { zone: quiet, dwell: exp(15), p: 0.3 }",
              "    dialogue: { p: 0.4, zone: family, competence: children, duration: exp(10), patience: exp(8) }"]
    y += ["profiles:", "  - id: afternoons", "    hours: [0,0,0,0,0,0,0,0,1,1,2,2,2,3,4,4,4,3,2,1,1,0,0,0]",
          "    days: { mon-fri: 1, sat: 0.7, sun: 0.4 }",
          "simulation: { days: 28, warmup_days: 0, replications: 20, seed: 2339 }"]
    return "\n".join(y) + "\n"


def municipality(site_count=60, zones=12, per_site=50, personas=30):
    sites = [f"site-{i}" for i in range(1, site_count + 1)]
    y = ["format: 1", "name: Kommune", "sites:"]
    for s in sites:
        y += [f"  - id: {s}", '    staffed_hours: { mon-fri: "09:00-19:00", sat: "10:00-14:00" }',
              '    open_hours: { daily: "08:00-22:00" }', "    zones:"]
        y += [f"      - {{ id: z{z}, capacity: 40, at: [{z * 10}, 0], size: [10, 10] }}" for z in range(zones)]
    y.append("staff:")
    y += [f"  - {{ id: g{i}, title: Bibliotekar, count: {per_site}, sites: [{s}], cost: 520000 }}"
          for i, s in enumerate(sites)]
    y += ["staffing:", "  rules:"] + [f"    - {{ site: {s}, zone: roving, min_staff: 2 }}" for s in sites]
    y.append("personas:")
    visits = ", ".join(f"{s}: 5000" for s in sites)
    for p in range(personas):
        y += [f"  - id: p{p}", f"    visits_per_year: {{ {visits} }}", f"    route: [{{ zone: z{p % zones}, dwell: exp(20) }}]",
              f"    dialogue: {{ p: 0.2, zone: z{p % zones}, duration: exp(8) }}"]
    return "\n".join(y) + "\n"


if __name__ == "__main__":
    kind, out = sys.argv[1], sys.argv[2]
    text = {"bundled": bundled, "municipality": municipality}[kind]()
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)
