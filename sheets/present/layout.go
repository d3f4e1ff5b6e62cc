package present

import "github.com/podium-dev/podium/scoring"

// Layout is what a season's standings show, in order: the championship
// tables, the classifications whose cars the winners and the results
// list, and the progression charts (Progressions).
type Layout struct {
	Tables []Table
	// Classifications list each round's winners and every car's result:
	// v1's, in order (Order); for a season with Championships, each
	// classification its championships are run in, in the order of the
	// tables (Standings.Fields: its cars scored as its first Car
	// championship scores them, or without one as a Car championship
	// under the default scheme would).
	Classifications []*scoring.Classification
	// v1 is true for v1's layout: a progression per classification.
	v1 bool
}

// Progression is a sheet of progression charts: v1's per classification
// (its teams and its drivers), otherwise one per championship.
type Progression struct {
	// Name names the sheet, before " Progression": a classification or
	// a championship.
	Name   string
	Title  string
	Charts []Chart
}

// Chart is one progression chart: its title and its lines, the leaders
// first.
type Chart struct {
	Title  string
	Series []Series
}

// NewLayout lays out the standings of season: v1's tables per
// classification (Order, Tables), or the Championships' tables in their
// order (ChampionshipTables).
func NewLayout(season *scoring.Season, st *scoring.Standings) Layout {
	if len(st.Classifications) > 0 || len(st.Championships) == 0 {
		order := Order(season, st)
		return Layout{Tables: Tables(order, st), Classifications: order, v1: true}
	}
	l := Layout{Tables: ChampionshipTables(st)}
	for i := range st.Fields {
		l.Classifications = append(l.Classifications, &st.Fields[i])
	}
	return l
}

// Progressions are the progression sheets, in order: v1's per
// classification (its teams and its drivers), otherwise one per table.
// They are made on demand: the crews of a large season take a while to
// gather.
func (l Layout) Progressions() []Progression {
	var out []Progression
	if l.v1 {
		for _, c := range l.Classifications {
			out = append(out, Progression{c.Name, c.Name + " points progression", []Chart{
				{c.Name + " teams: points after each round", TeamSeries(c.Teams)},
				{c.Name + " drivers: points after each round", CrewSeries(c.Drivers)},
			}})
		}
		return out
	}
	for _, t := range l.Tables {
		name := t.Name()
		out = append(out, Progression{name, name + " points progression", []Chart{{name + ": points after each round", TableSeries(t)}}})
	}
	return out
}
