package present

import (
	"slices"

	"github.com/podium-dev/podium/scoring"
)

// Kind is the kind of a championship table: a classification's teams' or
// drivers' championship.
type Kind int

// Kinds of table, in the order a classification presents them.
const (
	Teams Kind = iota
	Drivers
)

// String is the kind as a word of its own: "Teams", "Drivers" (the
// Championship column of the press tables, the end of a sheet's name).
func (k Kind) String() string {
	if k == Drivers {
		return "Drivers"
	}
	return "Teams"
}

// File is the kind in a file name: "teams", "drivers".
func (k Kind) File() string {
	if k == Drivers {
		return "drivers"
	}
	return "teams"
}

// Who heads the column naming the competitors: "Team", "Driver".
func (k Kind) Who() string {
	if k == Drivers {
		return "Driver"
	}
	return "Team"
}

// Championship names the championship: "Teams' Championship".
func (k Kind) Championship() string {
	if k == Drivers {
		return "Drivers' Championship"
	}
	return "Teams' Championship"
}

// Championship is one table of a classification.
type Championship struct {
	Kind  Kind
	Lines []scoring.Line
}

// Championships returns a classification's teams' and drivers' tables.
func Championships(c *scoring.Classification) [2]Championship {
	return [2]Championship{{Teams, c.Teams}, {Drivers, c.Drivers}}
}

// Order lists the classifications as the series presents them: classes
// in the order they first appear in the Entries sheet, then cups.
func Order(season *scoring.Season, st *scoring.Standings) []*scoring.Classification {
	rank := map[string]int{}
	entries := slices.Clone(season.Entries)
	slices.SortStableFunc(entries, func(a, b scoring.Entry) int { return a.Origin.Row - b.Origin.Row })
	for _, e := range entries {
		if _, ok := rank[e.Class]; !ok {
			rank[e.Class] = len(rank)
		}
	}
	for _, e := range entries {
		if _, ok := rank[e.Cup]; !ok && e.Cup != "" {
			rank[e.Cup] = len(rank)
		}
	}
	out := make([]*scoring.Classification, len(st.Classifications))
	for i := range st.Classifications {
		out[i] = &st.Classifications[i]
	}
	slices.SortStableFunc(out, func(a, b *scoring.Classification) int { return rank[a.Name] - rank[b.Name] })
	return out
}

// Table is a championship table as published: a title, a header row, then
// one row per line — its position, the competitor (Describe), one cell per
// round counted (Round) and the points — with the colour key under it.
// The rows are not built here: a table of a large season has hundreds of
// thousands of cells, which a renderer writes straight from the lines.
type Table struct {
	Class *scoring.Classification
	Championship
	// Rounds are the rounds counted, one column each.
	Rounds []scoring.Round
}

// Columns of a table before its rounds: Pos, No., the competitor, Nat,
// Car. The round columns follow, then Points.
const FirstRound = 5

// Tables lists the championship tables of the standings' classifications
// in order (Order): each classification's teams', then drivers' table.
func Tables(order []*scoring.Classification, st *scoring.Standings) []Table {
	out := make([]Table, 0, 2*len(order))
	for _, c := range order {
		for _, ch := range Championships(c) {
			out = append(out, Table{Class: c, Championship: ch, Rounds: st.Rounds})
		}
	}
	return out
}

// Title is the table's title: "LMP2 Teams' Championship".
func (t Table) Title() string { return t.Class.Name + " " + t.Kind.Championship() }

// Header is the table's header row: Pos, No., Team or Driver, Nat, Car,
// a column per round (RoundHeader), Points.
func (t Table) Header() []string {
	h := make([]string, 0, FirstRound+len(t.Rounds)+1)
	h = append(h, "Pos", "No.", t.Kind.Who(), "Nat", "Car")
	for _, r := range t.Rounds {
		h = append(h, RoundHeader(r))
	}
	return append(h, "Points")
}
