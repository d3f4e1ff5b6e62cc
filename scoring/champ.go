package scoring

import (
	"slices"
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
	carClasses := map[string]bool{}
	for _, c := range e.classifications() {
		carClasses[c.name] = true
	}
	cups := map[string]bool{}
	for _, ds := range e.driversOf {
		for _, d := range ds {
			if d.Cup != "" && !carClasses[d.Cup] {
				cups[d.Cup] = true
			}
		}
	}
	return sortedKeys(cups)
}

// runsOf lists the classifications championship ch is run in.
func (e *engine) runsOf(ch *Championship) []run {
	cups := e.driverCups()
	switch ch.Class {
	case "":
		var out []run
		for _, c := range e.classifications() {
			out = append(out, run{class: c.name, perClass: true})
		}
		if ch.Competitor == CompetitorDriver {
			for _, c := range cups {
				out = append(out, run{class: c, driverCup: true, perClass: true})
			}
		}
		return out
	case ClassAll:
		return []run{{class: ClassAll}}
	}
	return []run{{class: ch.Class, driverCup: slices.Contains(cups, ch.Class)}}
}

// table scores championship ch in one classification.
func (e *engine) table(ch *Championship, rn run) Table {
	name := ch.Name
	if rn.perClass {
		name = rn.class + " " + ch.Name
	}
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
	cells := e.roundCells(rn.class, e.scheme(rn.class, ch.Scheme), field, inRound)
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
		lines = carLines(cars, cells)
		e.applyPenalties(in, name, "", lines, nil)
	case CompetitorDriver:
		lines = e.driverLines(cars, cells, keep)
		e.applyPenalties(in, "", name, nil, lines)
	case CompetitorTeam, CompetitorMake:
		members := carLines(cars, cells)
		e.applyPenalties(in, "", "", members, nil)
		lines = e.aggregate(ch, members)
		e.groupPenalties(ch, name, in, lines)
	case CompetitorNation:
		members := e.driverLines(cars, cells, keep)
		e.applyPenalties(in, "", "", nil, members)
		lines = e.aggregate(ch, members)
		e.groupPenalties(ch, name, in, lines)
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
