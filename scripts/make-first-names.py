#!/usr/bin/env python3
"""Builds lexicons/first_names.tsv: first names with the gender they mostly
stand for, from the 1990 US Census first-name frequency lists (public domain),
as shipped in the PyPI package `names` 0.3.0 (files dist.male.first and
dist.female.first).

    pip download names==0.3.0 --no-deps -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    scripts/make-first-names.py /tmp/names/names-0.3.0/names > lexicons/first_names.tsv

A name is kept when one gender's frequency is at least RATIO times the
other's; names common for both (Jordan, Taylor) are left out, so they stay
compatible with either pronoun.
"""
import sys

RATIO = 10.0


def read(path):
    freq = {}
    for line in open(path):
        parts = line.split()
        if len(parts) >= 2:
            freq[parts[0].capitalize()] = float(parts[1])
    return freq


def main():
    folder = sys.argv[1]
    male = read(f"{folder}/dist.male.first")
    female = read(f"{folder}/dist.female.first")
    print("# first name\tgender (m/f): from the 1990 US Census first-name lists (public domain),")
    print(f"# via PyPI `names` 0.3.0; kept when one gender is {RATIO:g}x as frequent as the other.")
    print("# Made by scripts/make-first-names.py; do not edit by hand.")
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        # Census frequencies are percentages of each gender's population,
        # so they compare directly.
        if m >= RATIO * f and m > 0:
            print(f"{name}\tm")
        elif f >= RATIO * m and f > 0:
            print(f"{name}\tf")


if __name__ == "__main__":
    main()
