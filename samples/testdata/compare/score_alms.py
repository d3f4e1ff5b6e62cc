#!/usr/bin/env python3
"""Score a podium season workbook with pandas and openpyxl.

The comparison script of the README's Performance table: the same
arithmetic as `podium score` for a season like samples/alms-2019-20.xlsx
(class positions from the order of the classified cars, the points table,
Other for classified finishers beyond it, pole and fastest lap, the
round's factor, penalties; drivers score the rounds they drove and were
eligible in; equal
points share a position). It prints each class's teams' and drivers'
totals as CSV: Class,Championship,Pos,Competitor,No.,Points.

    python3 samples/testdata/compare/score_alms.py samples/alms-2019-20.xlsx

Needs pandas and openpyxl (Debian: python3-pandas python3-openpyxl).
"""
import csv
import re
import sys

import pandas as pd


def rounds_of(spec, last):
    """The rounds a Rounds cell names: All, blank, "1, 4", "2–4"."""
    if pd.isna(spec) or str(spec).strip() in ("", "All"):
        return set(range(1, last + 1))
    out = set()
    for part in re.split(r"[,;]", str(spec)):
        part = part.strip()
        m = re.fullmatch(r"(\d+)\s*[–-]\s*(\d+)", part)
        if m:
            out.update(range(int(m.group(1)), int(m.group(2)) + 1))
        elif part:
            out.add(int(float(part)))
    return out


def yes(v):
    return not pd.isna(v) and str(v).strip().upper() in ("Y", "YES", "X", "1", "TRUE")


def main(path):
    book = pd.read_excel(path, sheet_name=None, engine="openpyxl")
    cal = book["Calendar"]
    factor = {int(r.Round): (1 if pd.isna(r.Factor) else float(r.Factor)) for r in cal.itertuples()}
    last = max(factor)

    table, other, pole, fastest = {}, 0.0, 0.0, 0.0
    for r in book["Points"].itertuples():
        award = str(r.Award).strip()
        if award == "Other":
            other = float(r.Points)
        elif award == "Pole":
            pole = float(r.Points)
        elif award == "Fastest lap":
            fastest = float(r.Points)
        else:
            table[int(float(re.sub(r"\D", "", award)))] = float(r.Points)

    entries = book["Entries"].copy()
    entries["No."] = entries["No."].astype(str)
    cls = dict(zip(entries["No."], entries["Class"]))
    team = dict(zip(entries["No."], entries["Team"]))

    res = book["Results"].copy()
    res["No."] = res["No."].astype(str)
    res["Class"] = res["No."].map(cls)
    res["classified"] = res["Status"].isna() & res["Pos"].notna()
    # Class positions: the classified cars of a class in the order of Pos.
    res = res.sort_values(["Round", "Class", "Pos"])
    res["ClassPos"] = res[res["classified"]].groupby(["Round", "Class"]).cumcount() + 1

    def score(r):
        pts = 0.0
        if r.classified:
            pts += table.get(int(r.ClassPos), other)
        if yes(r.Pole):
            pts += pole
        if yes(r._6):  # Fastest lap
            pts += fastest
        return pts * factor[int(r.Round)]

    res = res.rename(columns={"Fastest lap": "_6"}) if "Fastest lap" in res else res.assign(_6=None)
    res["Points"] = [score(r) for r in res.itertuples()]
    pen = book.get("Penalties")
    if pen is not None and len(pen):
        for r in pen.itertuples():
            mask = (res["Round"] == r.Round) & (res["No."] == str(r._2))
            res.loc[mask, "Points"] -= float(r.Points)

    teams = res.groupby("No.")["Points"].sum()
    drivers = []
    for r in book["Drivers"].itertuples():
        no = str(r._1)
        drove = rounds_of(r.Rounds, last)
        if not pd.isna(r.Ineligible):  # rounds in which the driver scores nothing
            drove -= rounds_of(r.Ineligible, last)
        got = res[(res["No."] == no) & (res["Round"].isin(drove))]["Points"].sum()
        drivers.append((cls[no], r.Driver, no, got))

    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["Class", "Championship", "Pos", "Competitor", "No.", "Points"])

    def fmt(p):
        return str(int(p)) if p == int(p) else str(p)

    def ranked(rows):
        rows = sorted(rows, key=lambda x: -x[2])
        pos, prev = 0, None
        for name, no, pts in rows:
            if pts != prev:  # equal points share a position; the next is one more
                pos, prev = pos + 1, pts
            yield pos, name, no, pts

    for c in entries["Class"].drop_duplicates():
        cars = [(team[no], no, teams.get(no, 0.0)) for no in entries[entries["Class"] == c]["No."]]
        for pos, name, no, pts in ranked(cars):
            out.writerow([c, "Teams", pos, name, no, fmt(pts)])
        crew = {}
        for dc, name, no, pts in drivers:
            if dc == c:
                crew[name] = (name, no, crew.get(name, (name, no, 0.0))[2] + pts)
        for pos, name, no, pts in ranked(crew.values()):
            out.writerow([c, "Drivers", pos, name, no, fmt(pts)])


if __name__ == "__main__":
    main(sys.argv[1])
