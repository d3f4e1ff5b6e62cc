package present

import "github.com/podium-dev/podium/scoring"

// BreakdownColumns heads the breakdown: the workbook's Breakdown sheet and
// the press pack's breakdown.csv. Points from each of awards
// (BreakdownAwards) have a column of their own after Fastest lap.
func BreakdownColumns(awards []scoring.AwardKind) []string {
	cols := []string{"Classification", "Championship", "Pos", "Competitor", "No.", "Round", "Result", "Position", "Other", "Pole", "Fastest lap"}
	for _, a := range awards {
		cols = append(cols, a.String())
	}
	return append(cols, "Factor", "Penalty", "Dropped", "Points", "Explanation")
}

// BreakdownAwards are the awards beyond a position, Other, pole and
// fastest lap — Start, Lap led and Most laps led, in that order — that
// the season's Points pay: each has a column in the breakdown, so that a
// row's columns add up to its points. A season paying none (any v1
// season) has v1's columns.
func BreakdownAwards(season *scoring.Season) []scoring.AwardKind {
	var out []scoring.AwardKind
	for _, kind := range []scoring.AwardKind{scoring.AwardStart, scoring.AwardLapLed, scoring.AwardMostLapsLed} {
		for _, a := range season.Points {
			if a.Kind == kind {
				out = append(out, kind)
				break
			}
		}
	}
	return out
}

// BreakdownRows counts the breakdown's rows under its header: one per
// table (classification and championship), competitor and round taken
// part in or penalised.
func BreakdownRows(tables []Table) int {
	rows := 0
	for _, t := range tables {
		for _, l := range t.Lines {
			for k := range l.Rounds {
				if rc := &l.Rounds[k]; rc.Present || rc.Penalty != 0 {
					rows++
				}
			}
		}
	}
	return rows
}

// BreakdownRow is one row of the breakdown: a competitor's round in a
// championship, and where its points came from.
type BreakdownRow struct {
	// Line counts the competitors' lines from 1: Class, Championship,
	// Pos and Who change only with it, so that a writer can encode them
	// once per line.
	Line         int
	Class        string
	Championship string
	// Pos is 0 for a competitor listed without a position.
	Pos     int
	Who, No string
	Round   int
	// Present says the competitor took part: Result holds what the
	// tables show (AppendRoundText).
	Present bool
	// Points by their source, the round's factor, and the points the
	// round counts (none when dropped). An aggregated line's counted cars
	// (or drivers) add their points to Position.
	Position, Other, Pole, Fastest, Factor, Penalty, Counted float64
	// Start, LapLed and MostLapsLed are the points of those awards
	// (Award).
	Start, LapLed, MostLapsLed float64
	Dropped                    bool
	// Result is a position or a status code; Why is the explanation, the
	// items in words separated by "; ", an aggregated line's counted cars
	// joined by " + " ("car 5 2nd 18 + car 6 4th 12").
	Result, Why []byte
}

// EachBreakdownRow calls row with each breakdown row, in order. The row
// (and its Result and Why) is reused from one call to the next.
func EachBreakdownRow(tables []Table, row func(r *BreakdownRow) error) error {
	var r BreakdownRow
	line := 0
	for _, t := range tables {
		for j := range t.Lines {
			l := &t.Lines[j]
			line++
			who := Name(l)
			for k := range l.Rounds {
				rc := &l.Rounds[k]
				if !rc.Present && rc.Penalty == 0 {
					continue
				}
				r = BreakdownRow{Line: line, Class: t.Class, Championship: t.Championship, Pos: l.Pos, Who: who, No: rc.No, Round: rc.Round,
					Present: rc.Present, Factor: 1, Dropped: rc.Dropped, Counted: rc.Counted(), Result: r.Result[:0], Why: r.Why[:0]}
				explain(&r, rc)
				r.Result = AppendRoundText(r.Result, rc)
				if err := row(&r); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// explain adds up a round's items by source into r and writes them out in
// r.Why: an aggregated line's counted cars (or drivers) first, joined by
// " + ", then the other items.
func explain(r *BreakdownRow, rc *scoring.Cell) {
	counted := false
	for i := range rc.Items {
		if it := &rc.Items[i]; it.Kind == scoring.ItemCounted {
			r.Position += it.Points
			if counted {
				r.Why = append(r.Why, " + "...)
			}
			r.Why = it.AppendText(r.Why)
			counted = true
		}
	}
	for i := range rc.Items {
		it := &rc.Items[i]
		switch it.Kind {
		case scoring.ItemCounted:
			continue
		case scoring.ItemPosition:
			r.Position += it.Points
			r.Factor = it.Factor
		case scoring.ItemOther:
			r.Other += it.Points
			r.Factor = it.Factor
		case scoring.ItemPole:
			r.Pole += it.Points
		case scoring.ItemFastestLap:
			r.Fastest += it.Points
		case scoring.ItemStart:
			r.Start += it.Points
		case scoring.ItemLapLed:
			r.LapLed += it.Points
		case scoring.ItemMostLapsLed:
			r.MostLapsLed += it.Points
		case scoring.ItemPenalty:
			r.Penalty += it.Points
		}
		if len(r.Why) > 0 {
			r.Why = append(r.Why, "; "...)
		}
		r.Why = it.AppendText(r.Why)
	}
	if rc.Dropped {
		if len(r.Why) > 0 {
			r.Why = append(r.Why, "; "...)
		}
		r.Why = append(r.Why, "dropped: best results count"...)
	}
}

// Award is the row's points from award, one of BreakdownAwards.
func (r *BreakdownRow) Award(award scoring.AwardKind) float64 {
	switch award {
	case scoring.AwardStart:
		return r.Start
	case scoring.AwardLapLed:
		return r.LapLed
	case scoring.AwardMostLapsLed:
		return r.MostLapsLed
	}
	return 0
}
