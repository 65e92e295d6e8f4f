#!/usr/bin/env bash
# Scores claimdb's extraction on a PolNeAR-style split (text/ + attributions/).
#
#   scripts/eval-polnear.sh [SPLIT_DIR] [--by-rule]
#
# SPLIT_DIR defaults to ../shared/data/polnear/train. Prints the scorer's table
# (../shared/eval/attribution_eval.py; the last line is the headline relation F1)
# and, with --by-rule, the precision of each extraction rule scored alone.
set -euo pipefail
cd "$(dirname "$0")/.."
split=${1:-../shared/data/polnear/train}
by_rule=${2:-}
scorer=${SCORER:-../shared/eval/attribution_eval.py}
[ -d "$split/text" ] || { echo "eval-polnear: $split/text not found" >&2; exit 2; }
[ -f "$scorer" ] || { echo "eval-polnear: scorer $scorer not found (set SCORER=)" >&2; exit 2; }
cargo build --release --quiet
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
start=$(date +%s.%N)
./target/release/claimdb extract "$split/text" --format jsonl > "$out/pred.jsonl"
end=$(date +%s.%N)
bytes=$(cat "$split"/text/*.txt | wc -c)
python3 - "$bytes" "$start" "$end" <<'PY'
import sys
b, s, e = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
print(f"extracted {b/1e6:.2f} MB in {e-s:.2f} s ({b/1e6/(e-s):.1f} MB/s, end to end incl. file reads and JSON output)")
PY
python3 "$scorer" "$split" "$out/pred.jsonl"
if [ "$by_rule" = "--by-rule" ]; then
  echo
  echo "per rule (each rule's predictions scored alone: precision is meaningful, recall is its share)"
  python3 - "$out/pred.jsonl" "$out" <<'PY'
import json, sys, collections
by = collections.defaultdict(list)
for line in open(sys.argv[1]):
    r = json.loads(line)
    if r.get("cue_spans"):
        by[r["rule"]].append(line)
for rule, lines in sorted(by.items(), key=lambda kv: -len(kv[1])):
    open(f"{sys.argv[2]}/rule-{rule}.jsonl", "w").writelines(lines)
    print(rule, len(lines))
PY
  for f in "$out"/rule-*.jsonl; do
    rule=$(basename "$f" .jsonl); rule=${rule#rule-}
    line=$(python3 "$scorer" "$split" "$f" | grep 'relation (cue+content+source)')
    printf '%-24s %s\n' "$rule" "$line"
  done
fi
