"""Erlang C requirements: pitstop's `erlang` column against pyworkforce's ErlangC.

usage: python compare_pyworkforce.py requirements.csv ANSWER_WITHIN_MIN SERVICE_LEVEL

For every half hour with requests, pyworkforce gets the same interval (30 minutes), the
same requests (`transactions`), the same mean duration (`aht`, minutes) and the answer-
within threshold (`asa`, minutes — pyworkforce's asa is the threshold t of
SL(t) = 1 − C·e^{−(n−a)t/AHT}, not a mean wait), with no occupancy cap and no shrinkage:
its raw positions are the fewest staff with P(wait ≤ t) ≥ SL, which is what
`--target 'wait_p90_min <= t'` asks of Erlang C when SL = 0.9. Prints the counts and every
interval where the integers differ; exits 1 if any does.
"""
import csv
import sys

from pyworkforce.queuing import ErlangC

path, within, level = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
same = differ = skipped = 0
for row in csv.DictReader(open(path)):
    if row["mean_patience_min"] != "never":
        sys.exit(f"{path}: patience is not never in {row['site']}/{row['zone']} {row['weekday']} {row['start']}")
    requests = float(row["requests"])
    if requests <= 0:
        skipped += 1
        continue
    erlang = ErlangC(transactions=requests, aht=float(row["mean_duration_min"]), asa=within, interval=30, shrinkage=0.0)
    theirs = erlang.required_positions(service_level=level, max_occupancy=1.0)["raw_positions"]
    ours = int(row["erlang"])
    if theirs == ours:
        same += 1
    else:
        differ += 1
        print(f"  differs: {row['site']}/{row['zone']} {row['weekday']} {row['start']}: requests {requests}, "
              f"duration {row['mean_duration_min']} → pitstop {ours}, pyworkforce {theirs}")
print(f"  {same + differ} intervals with requests: {same} the same, {differ} different ({skipped} without requests)")
sys.exit(1 if differ else 0)
