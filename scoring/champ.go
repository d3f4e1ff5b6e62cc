package scoring

import (
	"slices"
	"strings"
)

// championships runs the season's Championships rows, in order, each
// expanded per classification when its Class is blank.
func (e *engine) championships() []Table {
	var out []Table
	for k := range e.s.Championships {
		ch := &e.s.Championships[k]
		for _, run := range e.runsOf(ch) {
			out = append(out, e.table(ch, run))
		}
	}
	return out
}

// run is one classification a championship row is run in.
type run struct {
	class string
	// driverCup is true for a drivers' trophy (Drivers Cup) that is no
	// class or car cup.
	driverCup bool
	perClass  bool
}

// driverCups lists the drivers' cups that are not a class or a car cup,
// sorted.
func (e *engine) driverCups() []string {
	var classes []string
	for _, c := range e.classifications() {
		classes = append(classes, c.name)
	}
	return driverCupsOf(e.s.Drivers, classes)
}

// driverCupsOf lists the Cup values of drivers that are none of classes,
// sorted.
func driverCupsOf(drivers []Driver, classes []string) []string {
	cups := map[string]bool{}
	for i := range drivers {
		if c := drivers[i].Cup; c != "" && !slices.Contains(classes, c) {
			cups[c] = true
		}
	}
	return sortedKeys(cups)
}

// runsOf lists the classifications championship ch is run in.
func (e *engine) runsOf(ch *Championship) []run {
	var classes []string
	for _, c := range e.classifications() {
		classes = append(classes, c.name)
	}
	return championshipRuns(ch, classes, driverCupsOf(e.s.Drivers, classes))
}

// championshipRuns lists the classifications championship ch is run in,
// given the season's classes and car cups, in order, and its drivers' cups
// that are neither.
func championshipRuns(ch *Championship, classes, driverCups []string) []run {
	switch ch.Class {
	case "":
		var out []run
		for _, c := range classes {
			out = append(out, run{class: c, perClass: true})
		}
		if ch.Competitor == CompetitorDriver {
			for _, c := range driverCups {
				out = append(out, run{class: c, driverCup: true, perClass: true})
			}
		}
		return out
	case ClassAll:
		return []run{{class: ClassAll}}
	}
	return []run{{class: ch.Class, driverCup: slices.Contains(driverCups, ch.Class)}}
}

// name is the table's name for championship ch.
func (rn run) name(ch *Championship) string {
	if rn.perClass {
		return rn.class + " " + ch.Name
	}
	return ch.Name
}

// table scores championship ch in one classification.
func (e *engine) table(ch *Championship, rn run) Table {
	name := rn.name(ch)
	var field []*Entry
	inField := map[string]bool{}
	for _, en := range e.entries {
		if e.inRun(rn, en) {
			field = append(field, en)
			inField[en.No] = true
		}
	}
	// By car number: roundCells breaks ties by this order.
	slices.SortFunc(field, func(a, b *Entry) int { return CompareCarNumbers(a.No, b.No) })
	var inRound func(k, i int) bool
	if rn.driverCup {
		inRound = func(k, i int) bool { return e.cupDrove(rn.class, field[k], e.rounds[i].Number) }
	}
	cells := e.fieldCells(rn, ch.Scheme, field, inRound)
	var cars []*Entry
	for _, en := range field {
		if en.Scores {
			cars = append(cars, en)
		}
	}
	var keep func(d *Driver) bool
	if rn.driverCup {
		keep = func(d *Driver) bool { return d.Cup == rn.class }
	}
	in := func(en *Entry) bool { return inField[en.No] }
	var lines []Line
	switch ch.Competitor {
	case CompetitorCar:
		lines = carLines(cars, e.copyCells(cells))
		e.applyPenalties(in, name, "", lines, nil)
	case CompetitorDriver:
		lines = e.driverLines(cars, cells, keep)
		e.applyPenalties(in, "", name, nil, lines)
	case CompetitorTeam, CompetitorMake:
		members := carLines(cars, e.copyCells(cells))
		e.applyPenalties(in, "", "", members, nil)
		lines = e.aggregate(ch, members)
		e.groupPenalties(ch, name, in, members, lines)
	case CompetitorNation:
		members := e.driverLines(cars, cells, keep)
		e.applyPenalties(in, "", "", nil, members)
		lines = e.aggregate(ch, members)
		e.groupPenalties(ch, name, in, members, lines)
	}
	lines = e.finish(e.championRules(ch, name), lines)
	return Table{Name: name, Championship: *ch, Class: rn.class, PerClass: rn.perClass, Lines: lines}
}

// inRun reports whether car en is in the classification of rn.
func (e *engine) inRun(rn run, en *Entry) bool {
	switch {
	case rn.class == ClassAll:
		return true
	case rn.driverCup:
		for _, d := range e.driversOf[en.No] {
			if d.Cup == rn.class {
				return true
			}
		}
		return false
	}
	return en.Class == rn.class || en.Cup == rn.class
}

// cupDrove reports whether a driver of cup drove car en in round n.
func (e *engine) cupDrove(cup string, en *Entry, n int) bool {
	if !en.Rounds.Contains(n) {
		return false
	}
	for _, d := range e.driversOf[en.No] {
		if d.Cup == cup && d.Rounds.Contains(n) {
			return true
		}
	}
	return false
}

// championRules are championship ch's ranking rules: the Season's, with
// the row's overrides.
func (e *engine) championRules(ch *Championship, title string) *rules {
	r := e.seasonRules(title)
	if ch.BestResults != nil {
		r.best = *ch.BestResults
	}
	if ch.TieBreak != "" {
		r.tie = ch.TieBreak.rule()
	}
	if ch.TiesShownAs != "" {
		r.skip = ch.TiesShownAs == TiesSkip
	}
	r.minStarts = ch.MinimumStarts
	r.aggregated = ch.Competitor.aggregated()
	return r
}

// cellsKey identifies the ranking of a classification under a scheme.
type cellsKey struct {
	run    run
	scheme string
}

// fieldCells ranks and scores the field of classification rn under the
// named scheme, once for every championship run in it: the cells are
// shared, so a table that changes them (penalties) takes a copyCells.
func (e *engine) fieldCells(rn run, schemeName string, field []*Entry, inRound func(k, i int) bool) map[string][]Cell {
	k := cellsKey{run{class: rn.class, driverCup: rn.driverCup}, strings.ToLower(schemeName)}
	if cells, ok := e.cellsOf[k]; ok {
		return cells
	}
	if e.cellsOf == nil {
		e.cellsOf = map[cellsKey]map[string][]Cell{}
	}
	cells := e.roundCells(rn.class, e.scheme(rn.class, schemeName), field, inRound)
	e.cellsOf[k] = cells
	return cells
}

// copyCells copies each car's cells (their items stay shared: they are
// never changed in place).
func (e *engine) copyCells(cells map[string][]Cell) map[string][]Cell {
	out := make(map[string][]Cell, len(cells))
	for no, cs := range cells {
		c := e.newCells(len(cs))
		copy(c, cs)
		out[no] = c
	}
	return out
}
