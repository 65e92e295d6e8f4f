#!/usr/bin/env python3
"""How far cue exact F1 can go by better boundaries and longer word lists.

    scripts/cue-ceiling.py PRED.jsonl [SPLIT_DIR]

PRED.jsonl is `claimdb extract SPLIT_DIR/text --format jsonl`; SPLIT_DIR
defaults to ../shared/data/polnear/train. Spans are read and matched exactly
as the scorer (../shared/eval/attribution_eval.py, or $SCORER) reads them.
Prints cue exact P/R/F1 now and under three oracles, each an upper bound:

  boundaries  every predicted cue that shares a token with a gold cue it does
              not match takes that gold cue's exact span;
  lexicon     every gold cue, as a sequence of lower-case words, seen at least
              N times in the gold is looked for everywhere no cue is predicted
              and emitted with the gold's exact span wherever its share of
              occurrences that are gold cues is at least the rate given (the
              list is fitted to the very articles it is scored on, so it
              overstates what any word list does on articles it has not seen);
  both        the two together.

And whether such a list carries over: fitted on every other article (sorted by
name) and applied to the rest, and the other way round.

Then how consistently the gold draws a few frequent cue boundaries, which
bounds what one deterministic rule can match.
"""
import importlib.util
import os
import sys
from collections import Counter


def load_scorer():
    path = os.environ.get("SCORER", "../shared/eval/attribution_eval.py")
    if not os.path.exists(path):
        sys.exit(f"cue-ceiling: scorer {path} not found (set SCORER=)")
    spec = importlib.util.spec_from_file_location("attribution_eval", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    pred_path = sys.argv[1]
    split = sys.argv[2] if len(sys.argv) > 2 else "../shared/data/polnear/train"
    text_dir, ann_dir = os.path.join(split, "text"), os.path.join(split, "attributions")
    for path in (pred_path, text_dir, ann_dir):
        if not os.path.exists(path):
            sys.exit(f"cue-ceiling: {path} not found")
    ev = load_scorer()
    names = sorted(n[:-4] for n in os.listdir(text_dir) if n.endswith(".txt"))
    anns = sorted(os.listdir(ann_dir))
    docs, gold, preds = {}, {}, {n: [] for n in names}
    for name in names:
        with open(os.path.join(text_dir, name + ".txt"), encoding="utf-8", newline="") as f:
            doc = ev.Doc(f.read())
        docs[name] = doc
        first = next((a for a in anns if a.startswith(name + "_") and a.endswith(".ann")), None)
        rels = ev.parse_ann(os.path.join(ann_dir, first)) if first else []
        gold[name] = [doc.toks([(doc.cp2b[s], doc.cp2b[e]) for s, e in r.get("cue", [])]) for r in rels]
    with open(pred_path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            rec = __import__("json").loads(line)
            name = os.path.basename(str(rec.get("file", "")))
            name = name[:-4] if name.endswith(".txt") else name
            if name in docs and rec.get("cue_spans"):
                preds[name].append(docs[name].toks(rec["cue_spans"]))

    def word(doc, i):
        s, e, _ = doc.tokens[i]
        return doc.text.encode("utf-8")[s:e].decode("utf-8", "replace").lower()

    n_gold = n_pred = tp = tp_bounds = 0
    gold_strings = Counter()
    for name, doc in docs.items():
        g = {doc.core(c) for c in gold[name] if c}
        p = {doc.core(c) for c in preds[name] if c}
        n_gold, n_pred, tp = n_gold + len(g), n_pred + len(p), tp + len(g & p)
        free = g - p
        for c in p - g:
            hit = next((x for x in free if x & c), None)
            if hit is not None:
                free.discard(hit)
                tp_bounds += 1
        for c in g:
            gold_strings[tuple(word(doc, i) for i in sorted(c) if doc.tokens[i][2])] += 1

    def f1(t, np_, ng):
        return 200 * t / (np_ + ng) if np_ + ng else 0.0

    def row(label, t, np_):
        print(f"{label:44} P {100 * t / np_:5.1f}  R {100 * t / n_gold:5.1f}  F1 {f1(t, np_, n_gold):5.1f}")

    print(f"gold cues {n_gold}, predicted cues {n_pred} (distinct spans per article, as scored)")
    row("now", tp, n_pred)
    row("oracle: boundaries", tp + tp_bounds, n_pred)
    def fitted_list(part, min_seen, rate):
        """Gold cue strings of the articles in `part` seen `min_seen` times,
        kept where at least `rate` of their unpredicted occurrences there are
        gold cues."""
        counts = Counter()
        for name in part:
            doc = docs[name]
            for c in gold[name]:
                if c:
                    counts[tuple(word(doc, i) for i in sorted(c) if doc.tokens[i][2])] += 1
        wanted = {k for k, v in counts.items() if v >= min_seen and k}
        seen, right = occurrences(part, wanted)
        return {k for k in seen if right[k] >= rate * seen[k]}

    def occurrences(part, wanted):
        """Unpredicted occurrences of each string in `wanted`, and how many are gold cues."""
        longest = max(map(len, wanted), default=0)
        seen, right = Counter(), Counter()
        for name in part:
            doc = docs[name]
            g = {doc.core(c) for c in gold[name] if c}
            predicted = set().union(*preds[name]) if preds[name] else set()
            words = [(i, word(doc, i)) for i, t in enumerate(doc.tokens) if t[2]]
            for a in range(len(words)):
                for n in range(1, longest + 1):
                    key = tuple(w for _, w in words[a:a + n])
                    if key in wanted:
                        ids = frozenset(i for i, _ in words[a:a + n])
                        if not ids & predicted:
                            seen[key] += 1
                            right[key] += ids in g
        return seen, right

    def scores(part):
        ng = np_ = t = 0
        for name in part:
            doc = docs[name]
            g = {doc.core(c) for c in gold[name] if c}
            p = {doc.core(c) for c in preds[name] if c}
            ng, np_, t = ng + len(g), np_ + len(p), t + len(g & p)
        return ng, np_, t

    for min_seen in (3, 2):
        for rate in (1 / 3, 0.5):
            keep = fitted_list(names, min_seen, rate)
            seen, right = occurrences(names, keep)
            extra, extra_tp = sum(seen.values()), sum(right.values())
            label = f"oracle: lexicon (seen >= {min_seen}, rate >= {rate:.2f})"
            row(label + f" +{extra}", tp + extra_tp, n_pred + extra)
            row("oracle: both", tp + tp_bounds + extra_tp, n_pred + extra)

    halves = (names[0::2], names[1::2])
    print("\na list fitted on one half (seen >= 2, rate >= 0.33), cue exact F1 on each half:")
    for fit, other, label in ((halves[0], halves[1], "even -> odd"), (halves[1], halves[0], "odd -> even")):
        keep = fitted_list(fit, 2, 1 / 3)
        for part, where in ((fit, "the half it was fitted on"), (other, "the other half")):
            ng, np_, t = scores(part)
            seen, right = occurrences(part, keep)
            extra, extra_tp = sum(seen.values()), sum(right.values())
            print(f"  {label}, {where:26} {f1(t, np_, ng):5.1f} -> {f1(t + extra_tp, np_ + extra, ng):5.1f}"
                  f"  (+{extra} cues, {extra_tp} right)")

    # How often the gold takes a frequent neighbour of a speech verb into the cue.
    weekdays = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    kinds = {}
    for name, doc in docs.items():
        for cue in gold[name]:
            verb = next((i for i in sorted(cue) if word(doc, i) in ("said", "says", "told", "wrote")), None)
            if verb is None or verb + 3 >= len(doc.tokens):
                continue
            nxt = word(doc, verb + 1)
            if nxt in weekdays:
                kind, last = "said + weekday", verb + 1
            elif nxt == "in" and word(doc, verb + 2) in ("a", "an") and word(doc, verb + 3) in ("statement", "interview"):
                kind, last = "said in a statement / an interview", verb + 3
            elif nxt == "of":
                kind, last = "said of", verb + 1
            elif nxt == "on" and word(doc, verb + 2) in {"twitter", "facebook"} | weekdays:
                kind, last = "said on Twitter / on Friday", verb + 2
            else:
                continue
            counts = kinds.setdefault(kind, Counter())
            counts["in the cue" if last in cue else "left out"] += 1
    print("\nhow the gold draws a speech verb's neighbours:")
    for kind, counts in kinds.items():
        total = sum(counts.values())
        print(f"  {kind:38} in the cue {counts['in the cue']:4} of {total:4} ({100 * counts['in the cue'] / total:.0f}%)")


if __name__ == "__main__":
    main()
