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
// one row per line — its position (blank for a competitor listed without
// one), the competitor (Describe), one cell per round counted (Round) and
// the points — with the colour key under it. The rows are not built here:
// a table of a large season has hundreds of thousands of cells, which a
// renderer writes straight from the lines.
type Table struct {
	// Class is the classification the table is run in: the Classification
	// column of the press tables.
	Class string
	// Championship names the championship in its classification ("Teams",
	// "Drivers", "Constructors"): the Championship column of the press
	// tables.
	Championship string
	// PerClass is true for a table run per classification (v1's, and those
	// of a Championships row with a blank Class): its sheet and file are
	// named after the class and the championship ("LMP2 Drivers",
	// lmp2-drivers.csv), the others after the championship alone.
	PerClass bool
	// Competitor is who the table ranks.
	Competitor scoring.Competitor
	Lines      []scoring.Line
	// Rounds are the rounds counted, one column each.
	Rounds []scoring.Round
	// Scored is the championship table scoring computed, for its title
	// race (Title) and position changes (Moves, Line.Previous); an empty
	// table where scoring runs none (a cup's teams without cars). Never
	// nil.
	Scored *scoring.Table
	// v1 is true for v1's tables, titled "LMP2 Teams' Championship".
	v1 bool
}

// Columns of a table before its rounds: Pos, No., the competitor, Nat,
// Car. The round columns follow, then Points.
const FirstRound = 5

// Tables lists v1's championship tables of the standings' classifications
// in order (Order): each classification's teams', then drivers' table.
func Tables(order []*scoring.Classification, st *scoring.Standings) []Table {
	out := make([]Table, 0, 2*len(order))
	for _, c := range order {
		for _, ch := range Championships(c) {
			who := scoring.CompetitorCar
			if ch.Kind == Drivers {
				who = scoring.CompetitorDriver
			}
			t := Table{Class: c.Name, Championship: ch.Kind.String(), PerClass: true, Competitor: who,
				Lines: ch.Lines, Rounds: st.Rounds, v1: true}
			if t.Scored = st.Table(t.Name()); t.Scored == nil {
				t.Scored = &scoring.Table{}
			}
			out = append(out, t)
		}
	}
	return out
}

// ChampionshipTables lists the tables of a season with Championships
// (Standings.Championships), in their order, each titled with its name.
func ChampionshipTables(st *scoring.Standings) []Table {
	out := make([]Table, 0, len(st.Championships))
	for i := range st.Championships {
		t := &st.Championships[i]
		champ := t.Name
		if t.PerClass {
			champ = t.Championship.Name
		}
		out = append(out, Table{Class: t.Class, Championship: champ, PerClass: t.PerClass, Competitor: t.Championship.Competitor,
			Lines: t.Lines, Rounds: st.Rounds, Scored: t})
	}
	return out
}

// Name is the table's full name: "LMP2 Drivers", "Constructors".
func (t Table) Name() string {
	if t.PerClass {
		return t.Class + " " + t.Championship
	}
	return t.Championship
}

// Title is the table's title: "LMP2 Teams' Championship" for v1's tables,
// the championship's name for the others.
func (t Table) Title() string {
	switch {
	case !t.v1:
		return t.Name()
	case t.Competitor == scoring.CompetitorDriver:
		return t.Class + " " + Drivers.Championship()
	}
	return t.Class + " " + Teams.Championship()
}

// Who heads the column naming the competitors: "Team", "Driver", "Make",
// "Nation".
func (t Table) Who() string {
	switch t.Competitor {
	case scoring.CompetitorDriver, scoring.CompetitorMake, scoring.CompetitorNation:
		return string(t.Competitor)
	}
	return "Team"
}

// Header is the table's header row: Pos, No., the competitor (Who), Nat,
// Car, a column per round (RoundHeader), Points.
func (t Table) Header() []string {
	h := make([]string, 0, FirstRound+len(t.Rounds)+1)
	h = append(h, "Pos", "No.", t.Who(), "Nat", "Car")
	for _, r := range t.Rounds {
		h = append(h, RoundHeader(r))
	}
	return append(h, "Points")
}
