package scoring

import (
	"slices"
	"strings"
)

// DefaultChampionships are the rows a season without Championships runs,
// v1's: per class and cup, the cars' table ("<class> Teams") and the
// drivers' ("<class> Drivers").
func DefaultChampionships() []Championship {
	return []Championship{{Name: "Teams", Competitor: CompetitorCar}, {Name: "Drivers", Competitor: CompetitorDriver}}
}

// job is one table to score: a championship row in one classification.
type job struct {
	ch *Championship
	rn run
	// title names the table in messages.
	title string
	// writes is whether the table changes its classification's cells (car
	// lines take their penalties in place): a Car table's always, a Team or
	// Make table's when a penalty naming no championship takes points from
	// one of its cars (see penalizesCars); a table that does not reads the
	// cells in place.
	writes bool
}

// newJob is the job of championship ch in classification rn.
func (e *engine) newJob(ch *Championship, rn run, title string) job {
	j := job{ch: ch, rn: rn, title: title}
	switch ch.Competitor {
	case CompetitorCar:
		j.writes = true
	case CompetitorTeam, CompetitorMake:
		j.writes = e.penalizesCars(func(en *Entry) bool { return e.inRun(rn, en) })
	}
	return j
}

// key identifies the job's ranking: its classification and scheme.
func (j job) key() cellsKey {
	return cellsKey{run{class: j.rn.class, driverCup: j.rn.driverCup}, strings.ToLower(j.ch.Scheme)}
}

// championships runs the championship rows, in order, each expanded per
// classification when its Class is blank, and gives the classifications
// they are run in with their cars' lines (see Standings.Fields). With v1
// set, the tables are v1's and named so in messages ("LMP2 teams'
// championship"), and no classification is given (Classifications holds
// them).
func (e *engine) championships(rows []Championship, v1 bool) ([]Table, []Classification) {
	var jobs []job
	for k := range rows {
		ch := &rows[k]
		for _, rn := range e.runsOf(ch) {
			title := rn.name(ch)
			if v1 {
				title = rn.class + " " + strings.ToLower(ch.Name) + "'"
			}
			jobs = append(jobs, e.newJob(ch, rn, title))
		}
	}
	var fields []fieldJob
	if !v1 {
		fields = fieldJobs(jobs)
	}
	// The tables that change their classification's cells run after
	// those that only read them, and a field that scores its cars after
	// them all; the last of them takes the cells themselves, the others
	// copies.
	writers := map[cellsKey]int{}
	for _, j := range jobs {
		if j.writes {
			writers[j.key()]++
		}
	}
	for _, f := range fields {
		if f.scores() {
			writers[f.key()]++
		}
	}
	out := make([]Table, len(jobs))
	var members [][]Line
	if len(fields) > 0 {
		members = make([][]Line, len(jobs))
	}
	for _, writing := range []bool{false, true} {
		for i, j := range jobs {
			if j.writes != writing {
				continue
			}
			own := false
			if writing {
				writers[j.key()]--
				own = writers[j.key()] == 0
			}
			var m []Line
			out[i], m = e.table(j, own)
			if members != nil {
				members[i] = m
			}
		}
	}
	classes := make([]Classification, len(fields))
	cups := map[string]bool{}
	if len(fields) > 0 {
		for _, cn := range e.classifications() {
			cups[cn.name] = cn.cup
		}
	}
	for k, f := range fields {
		own := false
		if f.scores() {
			writers[f.key()]--
			own = writers[f.key()] == 0
		}
		classes[k] = e.field(f, out, members, own, cups)
	}
	return out, classes
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

// table scores job j's championship in its classification. With own set
// it may change the classification's cells; otherwise a table that changes
// them works on a copy. For a Team or Make championship it also returns
// the lines of the cars it adds up (their penalties that name no
// championship taken).
func (e *engine) table(j job, own bool) (Table, []Line) {
	ch, rn := j.ch, j.rn
	name := rn.name(ch)
	field, cars := e.entrants(rn)
	cells := e.fieldCells(j.key(), field, e.inRound(rn, field))
	if j.writes && !own {
		cells = e.copyCells(cells)
	}
	in := func(en *Entry) bool { return e.inRun(rn, en) }
	var keep func(d *Driver) bool
	if rn.driverCup {
		keep = func(d *Driver) bool { return d.Cup == rn.class }
	}
	var lines, carMembers []Line
	var sizes map[string]int // the members of each team, make or nation
	switch ch.Competitor {
	case CompetitorCar:
		lines = carLines(cars, cells)
		e.applyPenalties(in, name, "", lines, nil)
	case CompetitorDriver:
		lines = e.driverLines(cars, cells, keep)
		e.applyPenalties(in, "", name, nil, lines)
	case CompetitorTeam, CompetitorMake:
		carMembers = carLines(cars, cells)
		e.applyPenalties(in, "", "", carMembers, nil)
		lines = e.aggregate(ch, carMembers)
		e.groupPenalties(ch, name, in, carMembers, lines)
	case CompetitorNation:
		members := e.driverLines(cars, cells, keep)
		e.applyPenalties(in, "", "", nil, members)
		lines = e.aggregate(ch, members)
		e.groupPenalties(ch, name, in, members, lines)
		sizes = e.nations(cars, keep)
	}
	if carMembers != nil {
		sizes = e.groupSizes(ch, carMembers)
	}
	r := e.championRules(ch, j.title)
	lines = e.finish(r, lines)
	t := Table{Name: name, Championship: *ch, Class: rn.class, PerClass: rn.perClass, Lines: lines}
	t.Moves = e.previous(r, lines)
	t.Title = e.titleRace(ch, rn, r, lines, sizes, e.newcomers(ch, cars, keep, lines, sizes))
	return t, carMembers
}

// penalizesCars reports whether a penalty naming no championship takes
// points from a car in (a round's cell of its own): the only change a Team
// or Make table makes to its classification's cells.
func (e *engine) penalizesCars(in func(en *Entry) bool) bool {
	for _, p := range e.penalties {
		_, counted := e.roundAt[p.Round]
		en, entered := e.entries[p.No]
		if p.Championship == "" && p.DriverKey == "" && !p.Excluded && counted && entered && in(en) {
			return true
		}
	}
	return false
}

// entrants lists the cars of classification rn: every one (invited
// entries included) by car number, the order roundCells breaks ties by,
// and the scoring ones.
func (e *engine) entrants(rn run) (field, cars []*Entry) {
	for _, en := range e.entries {
		if e.inRun(rn, en) {
			field = append(field, en)
		}
	}
	slices.SortFunc(field, func(a, b *Entry) int { return CompareCarNumbers(a.No, b.No) })
	for _, en := range field {
		if en.Scores {
			cars = append(cars, en)
		}
	}
	return field, cars
}

// inRound is, for a driver cup's classification rn, whether car k of
// field is in round i's (the cup's drivers drove it); nil for the others.
func (e *engine) inRound(rn run, field []*Entry) func(k, i int) bool {
	if !rn.driverCup {
		return nil
	}
	return func(k, i int) bool { return e.cupDrove(rn.class, field[k], e.rounds[i].Number) }
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

// fieldCells ranks and scores the field of a classification under a
// scheme (k), once for every championship run in it: the cells are shared
// (see championships).
func (e *engine) fieldCells(k cellsKey, field []*Entry, inRound func(k, i int) bool) map[string][]Cell {
	if cells, ok := e.cellsOf[k]; ok {
		return cells
	}
	if e.cellsOf == nil {
		e.cellsOf = map[cellsKey]map[string][]Cell{}
	}
	cells := e.roundCells(k.run.class, k.scheme, field, inRound)
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
