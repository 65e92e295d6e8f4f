#!/usr/bin/env python3
"""Builds lexicons/first_names.tsv: first names with the gender they mostly
stand for, from the 1990 US Census first-name frequency lists (public domain),
as shipped in the PyPI package `names` 0.3.0 (files dist.male.first and
dist.female.first), and their nicknames from the PyPI package `nicknames`
1.0.1 (names.csv, Apache-2.0; Carlton Northern and Nick Crews).

    pip download names==0.3.0 nicknames==1.0.1 --no-deps -d /tmp/names
    tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    (cd /tmp/names && python3 -m zipfile -e nicknames-1.0.1-py3-none-any.whl .)
    scripts/make-first-names.py /tmp/names/names-0.3.0/names /tmp/names/nicknames/names.csv \
        > lexicons/first_names.tsv

A name is kept when one gender's frequency is at least RATIO times the
other's; names common for both (Jordan, Taylor) are left out, so they stay
compatible with either pronoun. A nickname not in the Census lists takes the
gender of the names it is short for when they all agree (Bernie: Bernard,
Bernadette disagree, so Bernie is left out unless the Census has it).
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
    print(f"# via PyPI `names` 0.3.0; kept when one gender is {RATIO:g}x as frequent as the other;")
    print("# nicknames from PyPI `nicknames` 1.0.1 (Apache-2.0) where all their full names agree.")
    print("# Made by scripts/make-first-names.py; do not edit by hand.")
    gender = {}
    for name in set(male) | set(female):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        # Census frequencies are percentages of each gender's population,
        # so they compare directly.
        if m >= RATIO * f and m > 0:
            gender[name] = "m"
        elif f >= RATIO * m and f > 0:
            gender[name] = "f"
    if len(sys.argv) > 2:
        formal_of = {}
        for line in open(sys.argv[2]):
            parts = line.strip().split(",")
            if len(parts) == 3 and parts[1] == "has_nickname":
                formal_of.setdefault(parts[2].capitalize(), set()).add(parts[0].capitalize())
        for nick, formals in formal_of.items():
            if nick in male or nick in female:
                continue  # the Census says, or finds it ambiguous
            genders = {gender.get(f) for f in formals}
            if len(genders) == 1 and None not in genders:
                gender[nick] = genders.pop()
    for name in sorted(gender):
        print(f"{name}\t{gender[name]}")


if __name__ == "__main__":
    main()
