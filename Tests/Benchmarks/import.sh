#!/usr/bin/env bash
# `pitstop import` of a generated 10,000-row Danish HR export (Windows-1252, ';', decimal
# comma, thousands points, quoted cells), release build, process start and the check that
# the result loads included. Goal: under 2 s. Median of 5 runs, with peak memory.
set -euo pipefail
cd "$(dirname "$0")/../.."
pitstop=.build/release/pitstop
[ -x "$pitstop" ] || swift build -c release --product pitstop >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp/hr.csv" <<'PY'
import random, sys
random.seed(10000)
first = ["Søren", "Anne", "Mette", "Jens", "Åse", "Ærbødig", "Birgitte", "Lars", "Ida", "Øjvind"]
last = ["Krogh", "Østergaard", "Nielsen", "Hansen", "Ærø", "Bæk", "Holm", "Dahl"]
units = ["Børn og unge", "Borgerservice", "Voksne; kultur", "Drift", "Læring"]
sites = ["Hovedbiblioteket", "Filial 1", "Filial 2", "Bogbussen"]
rows = ["Medarbejdernr.;Navn;Stilling;Nærmeste leder;Afdeling;Arbejdssted;Normering;Løn;E-mail"]
for i in range(10000):
    n = 100000 + i
    manager = "" if i == 0 else str(100000 + (i - 1) // 8)   # a tree with spans of 8
    name = f"{random.choice(first)} {random.choice(last)}"
    unit = units[(i // 50) % len(units)]
    fte = random.choice(["1,0", "0,8", "0,5", "0,75", "1"])
    pay = f"{random.randrange(380, 900)}.{random.randrange(0, 1000):03d}"
    rows.append(f'{n};{name};Bibliotekar;{manager};"{unit}";{random.choice(sites)};{fte};{pay};x{n}@kommune.dk')
open(sys.argv[1], "wb").write(("\r\n".join(rows) + "\r\n").encode("cp1252"))
PY
times=()
for run in 1 2 3 4 5; do
  /usr/bin/time -f "%e %M %U %S" -o "$tmp/time" "$pitstop" import "$tmp/hr.csv" --out "$tmp/out.yaml" 2>/dev/null
  times+=("$(cat "$tmp/time")")
done
printf '%s\n' "${times[@]}" | sort -n | awk 'NR==3 { printf "pitstop import, 10,000 rows: median %.2f s wall (%.2f s CPU), peak RSS %d MiB (goal: under 2 s)\n", $1, $3 + $4, $2/1024 }'
sed -n '/^staff:/,$p' "$tmp/out.yaml" | grep -c '^  - id:' | awk '{ print "  staff written: " $1 }'
