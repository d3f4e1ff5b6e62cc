package scoring

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// Options configures scoring.
type Options struct {
	// AfterRound counts the rounds up to and including this one; 0 counts
	// every round of the calendar.
	AfterRound int
}

// Score turns a checked season (see Check: Score reads the season as
// Normalize leaves it) into standings. It is deterministic: the
// order of the season's records does not change the result. The
// diagnostics hold warnings for the stewards (ties that countback cannot
// split).
//
// The rules, as documented in the README:
//   - Per round and classification (each class, each cup), classified
//     scoring cars are ranked by Pos; invited entries (Scores = N) are left
//     out of that ranking, so they take no points from anyone.
//   - Position points come from the classification's table; a classified
//     car beyond the table gets the Other points. The round's factor
//     multiplies position and Other points only.
//   - Pole points go to the car marked for pole in the classification,
//     whatever its status (pole is earned in qualifying). Fastest-lap points
//     go to a classified car only. Neither is multiplied by the factor.
//   - A driver scores the car's points in the rounds they drove it, except
//     in their Ineligible rounds.
//   - With Best results = N, the N best round scores count; among equal
//     scores the earlier round is kept. Penalties always count.
//   - Equal totals are split by countback (more wins, then more 2nd
//     places, …) unless Tie-break is none; competitors still equal share
//     the position.
//
// Races with their own rules (contract v2), in any season:
//   - A race pays its own points scheme (Round.Scheme; a championship's
//     Scheme overrides it), and a named scheme only the awards it lists.
//   - Start pays every car that started; Lap led every car that led a
//     lap; Most laps led the car that led the most, shared equally on a
//     tie. Pole, Fastest lap, Lap led and Most laps led pay a car that
//     meets their Requires; a fastest lap marked on several cars is shared
//     equally by those that meet it. None is multiplied by the factor.
//   - Shared drives split divides a car's points between its eligible
//     drivers of the race, none gives the drivers of a shared car
//     nothing; Fastest lap by gives the fastest-lap points to that driver
//     alone (see driverCell). A driver in two cars in one race scores
//     from each.
//   - Disqualified or invited places left vacant keep the cars behind in
//     their places; a race marked Countback N is left out of countback
//     and of the latest result.
//
// A season with Championships runs exactly those rows instead (see
// Standings.Championships), each in its classification (per class and
// cup when Class is blank, every car by overall Pos for ClassAll, a
// driver cup ranking the cars its drivers drove) and under its Scheme:
//   - A Team's or Make's race score is the sum of its counted cars'
//     (Counted: all, the N that scored most, or the nominated ones); a
//     Nation's, of its drivers'. Countback counts each counted car's
//     result. The cars' penalties reach the line through their points.
//   - Best results (N, all but N, or split by rounds) drop whole race
//     scores; a race or result marked NotDroppable always takes one of
//     the counted places, a missed race that cannot be dropped as a zero.
//   - Tie-break may count scoring places only and then compare the
//     latest result or who reached the total first; Ties shown as 1, 1, 3
//     skips the places shared.
//   - Competitors excluded (a Penalties EX) or below Minimum starts are
//     listed last, without a position. A penalty naming a championship
//     applies in that table only.
//   - Each classification the rows are run in also gives its cars' race
//     results (Standings.Fields): its first Car championship's cells, or
//     without one the cells such a championship would have under the
//     default scheme.
//
// In every championship table, v1's and contract v2's:
//   - Table.Title and Line.Title say who can still win the title after
//     the last round with results, and the champion once it is decided
//     (see titleRace for the arithmetic and how ties at the maximum are
//     treated).
//   - Line.Previous is the position after the previous round with
//     results, ranked by the same rules (Table.Moves: there was one).
func Score(s *Season, opts Options) (*Standings, Diagnostics) {
	e := newEngine(s, opts)
	st := &Standings{AfterRound: e.after, Rounds: e.rounds}
	if len(s.Championships) > 0 {
		st.Championships, st.Fields = e.championships(s.Championships, false)
	} else {
		st.Classifications, st.Championships = e.v1()
	}
	e.diags.Sort(nil)
	return st, e.diags
}

type engine struct {
	s *Season
	// penalties and points are the season's, in workbook order, so that
	// the slices' order does not matter.
	penalties []Penalty
	points    []Award
	after     int
	rounds    []Round
	// calendar is the number of rounds in the whole calendar (Best
	// results "all but N").
	calendar int
	// roundAt maps a round number to its index in rounds.
	roundAt map[int]int
	entries map[string]*Entry
	// resultsOf holds each car's results, one per counted round (by index
	// in rounds), nil where the car has none: a car's results are found
	// with one lookup rather than one per round.
	resultsOf map[string][]*Result
	// driversOf lists each car's driver rows.
	driversOf map[string][]*Driver
	diags     Diagnostics
	// items is the block the cells' items are copied into (see
	// cloneItems): one allocation for thousands of cells.
	items []Item
	// cellBlock is the block lines' cells are cut from (see newCells).
	cellBlock []Cell
	// floats is the block progressions are cut from (see newFloats),
	// ints the block countbacks are cut from (newInts).
	floats []float64
	ints   []int
	// scored is total's scratch list of rounds.
	scored []int
	// cellsOf holds the cells of each classification and scheme a
	// championship was run in (see fieldCells).
	cellsOf map[cellsKey]map[string][]Cell
	// last is the index in rounds of the last round with results, prev of
	// the one before it; -1 for none.
	last, prev int
	// future are the rounds of the calendar after the last round with
	// results, in order: the rounds still to run.
	future []Round
}

// cellBlockLen is how many cells a block of newCells holds.
const cellBlockLen = 8192

// newCells returns n zero cells cut from the engine's block: one
// allocation for many lines. The slice's capacity is its length.
func (e *engine) newCells(n int) []Cell {
	if n == 0 {
		return nil
	}
	if len(e.cellBlock)+n > cap(e.cellBlock) {
		e.cellBlock = make([]Cell, 0, max(cellBlockLen, n))
	}
	k := len(e.cellBlock)
	e.cellBlock = e.cellBlock[:k+n]
	return e.cellBlock[k : k+n : k+n]
}

// itemBlock is how many items a block of cloneItems holds.
const itemBlock = 4096

// cloneItems copies items into the engine's block and returns the copy,
// nil for none. The copy's capacity is its length, so that an append (a
// penalty) copies it rather than write into its neighbour's items.
func (e *engine) cloneItems(items []Item) []Item {
	if len(items) == 0 {
		return nil
	}
	if len(e.items)+len(items) > cap(e.items) {
		e.items = make([]Item, 0, max(itemBlock, len(items)))
	}
	n := len(e.items)
	e.items = append(e.items, items...)
	return e.items[n:len(e.items):len(e.items)]
}

func newEngine(s *Season, opts Options) *engine {
	e := &engine{s: s, roundAt: map[int]int{}, entries: map[string]*Entry{}, resultsOf: map[string][]*Result{}, driversOf: map[string][]*Driver{}}
	for _, r := range s.Rounds {
		if opts.AfterRound > 0 && r.Number > opts.AfterRound {
			continue
		}
		if _, dup := e.roundAt[r.Number]; dup {
			continue
		}
		e.roundAt[r.Number] = 0
		e.rounds = append(e.rounds, r)
	}
	slices.SortFunc(e.rounds, func(a, b Round) int { return cmp.Compare(a.Number, b.Number) })
	seen := map[int]bool{}
	for _, r := range s.Rounds {
		seen[r.Number] = true
	}
	e.calendar = len(seen)
	for i, r := range e.rounds {
		e.roundAt[r.Number] = i
		e.after = r.Number
	}
	for i := range s.Entries {
		en := &s.Entries[i]
		if prev, dup := e.entries[en.No]; !dup || before(en.Origin, prev.Origin) {
			e.entries[en.No] = en
		}
	}
	for i := range s.Results {
		r := &s.Results[i]
		at, counted := e.roundAt[r.Round]
		if !counted {
			continue
		}
		rs := e.resultsOf[r.No]
		if rs == nil {
			rs = make([]*Result, len(e.rounds))
			e.resultsOf[r.No] = rs
		}
		if prev := rs[at]; prev == nil || before(r.Origin, prev.Origin) {
			rs[at] = r
		}
	}
	e.schedule(s.Rounds)
	for i := range s.Drivers {
		d := &s.Drivers[i]
		e.driversOf[d.No] = append(e.driversOf[d.No], d)
	}
	e.penalties = slices.Clone(s.Penalties)
	slices.SortStableFunc(e.penalties, func(a, b Penalty) int { return compareOrigins(a.Origin, b.Origin) })
	e.points = slices.Clone(s.Points)
	slices.SortStableFunc(e.points, func(a, b Award) int { return compareOrigins(a.Origin, b.Origin) })
	for no := range e.driversOf {
		slices.SortFunc(e.driversOf[no], func(a, b *Driver) int {
			return cmp.Or(strings.Compare(a.Key, b.Key), cmp.Compare(a.Origin.Row, b.Origin.Row))
		})
	}
	return e
}

// before orders records by their place in the workbook, so that the first
// of two duplicates wins whatever the order of the slice.
func before(a, b Origin) bool { return compareOrigins(a, b) < 0 }

func compareOrigins(a, b Origin) int {
	return cmp.Or(strings.Compare(a.Sheet, b.Sheet), cmp.Compare(a.Row, b.Row))
}

type classificationName struct {
	name string
	cup  bool
}

// classifications lists every class, then every cup that is not also a
// class, each by name.
func (e *engine) classifications() []classificationName {
	classes, cups := map[string]bool{}, map[string]bool{}
	for _, en := range e.entries {
		classes[en.Class] = true
		if en.Cup != "" {
			cups[en.Cup] = true
		}
	}
	var out []classificationName
	for _, c := range sortedKeys(classes) {
		out = append(out, classificationName{c, false})
	}
	for _, c := range sortedKeys(cups) {
		if !classes[c] {
			out = append(out, classificationName{c, true})
		}
	}
	return out
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// CompareCarNumbers orders car numbers as people do: numerically when both
// are numbers (2 before 10), numbers before other text, and text by its
// characters.
func CompareCarNumbers(a, b string) int {
	na, errA := strconv.Atoi(a)
	nb, errB := strconv.Atoi(b)
	switch {
	case errA == nil && errB == nil:
		return cmp.Or(cmp.Compare(na, nb), strings.Compare(a, b))
	case errA == nil:
		return -1
	case errB == nil:
		return 1
	}
	return strings.Compare(a, b)
}

// v1 scores v1's championships (DefaultChampionships): per class and cup,
// a Classification with its teams' and drivers' tables, then a drivers'
// Classification per driver cup; and the same tables in that order.
func (e *engine) v1() ([]Classification, []Table) {
	tables, _ := e.championships(DefaultChampionships(), true)
	classes := e.classifications()
	n := len(classes)
	out := make([]Classification, 0, len(tables)-n)
	order := make([]Table, 0, len(tables))
	for i, c := range classes {
		out = append(out, Classification{Name: c.name, Cup: c.cup, Teams: tables[i].Lines, Drivers: tables[n+i].Lines})
		order = append(order, tables[i], tables[n+i])
	}
	for _, tb := range tables[2*n:] {
		out = append(out, Classification{Name: tb.Class, Cup: true, Drivers: tb.Lines})
		order = append(order, tb)
	}
	return out, order
}

// carLines gives each scoring car its line over its cells.
func carLines(cars []*Entry, cells map[string][]Cell) []Line {
	lines := make([]Line, 0, len(cars))
	for _, car := range cars {
		// The car's own cells: no other line holds them, and drivers'
		// lines take copies before penalties and finish change them.
		lines = append(lines, Line{Kind: TeamLine, No: car.No, Team: car.Team, Car: car.Car, Nat: car.Nat, Origin: car.Origin, Rounds: cells[car.No]})
	}
	return lines
}

func (e *engine) emptyCells() []Cell {
	cells := e.newCells(len(e.rounds))
	for i, r := range e.rounds {
		cells[i].Round = r.Number
	}
	return cells
}

// tally counts the spellings (or nationalities) of a driver's rows.
type tally []struct {
	v string
	n int
}

func (t *tally) add(v string) {
	for i := range *t {
		if (*t)[i].v == v {
			(*t)[i].n++
			return
		}
	}
	*t = append(*t, struct {
		v string
		n int
	}{v, 1})
}

// mostCommon returns the most frequent value, the smallest on a tie.
func (t tally) mostCommon() string {
	best, n := "", 0
	for _, c := range t {
		if c.n > n || c.n == n && c.v < best {
			best, n = c.v, c.n
		}
	}
	return best
}

// driverLines gives each driver of the classification's cars a line with
// the car's cells of the rounds they drove it; keep, when not nil, says
// which driver rows score (a driver cup's).
func (e *engine) driverLines(cars []*Entry, cells map[string][]Cell, keep func(d *Driver) bool) []Line {
	type acc struct {
		line            *Line
		spellings, nats tally
	}
	byKey := map[string]*acc{}
	var accs []*acc // in order of first appearance
	for _, car := range cars {
		cs := cells[car.No]
		if len(cs) == 0 {
			continue // no line: the car has no result in the rounds counted
		}
		results := e.resultsOf[car.No] // looked up once, not per driver and round
		for _, d := range e.driversOf[car.No] {
			if keep != nil && !keep(d) {
				continue
			}
			a, ok := byKey[d.Key]
			if !ok {
				a = &acc{line: &Line{Kind: DriverLine, Key: d.Key, Origin: d.Origin, Rounds: e.emptyCells()}}
				byKey[d.Key] = a
				accs = append(accs, a)
			}
			line := a.line
			if before(d.Origin, line.Origin) {
				line.Origin = d.Origin
			}
			a.spellings.add(d.Name)
			if d.Nat != "" {
				a.nats.add(d.Nat)
			}
			drove := false
			for i, r := range e.rounds {
				if !cs[i].Present || !d.Rounds.Contains(r.Number) || !car.Rounds.Contains(r.Number) || droveCar(&line.Rounds[i], car.No) {
					continue
				}
				drove = true
				c := e.driverCell(cs[i], car, results, d, i)
				if line.Rounds[i].Present {
					// The driver drove two cars in the race: they score
					// from each.
					c = e.twoCars(line.Rounds[i], c)
				}
				line.Rounds[i] = c
			}
			if drove && !slices.Contains(line.Cars, car.No) {
				line.Cars = append(line.Cars, car.No)
			}
		}
	}
	lines := make([]Line, 0, len(accs))
	for _, a := range accs {
		line := a.line
		if len(line.Cars) == 0 {
			continue // named, but drove no round with a result
		}
		line.Name = a.spellings.mostCommon()
		line.Nat = a.nats.mostCommon()
		slices.SortFunc(line.Cars, CompareCarNumbers)
		lines = append(lines, *line)
	}
	return lines
}

// applyPenalties deducts penalties in a classification whose cars in
// satisfies: a car's from its car line and from the drivers who drove it in
// that round (every driver of the car if none did); a driver's from that
// driver only. A penalty naming a championship applies only in the table of
// that name (carTable for the car lines, driverTable for the drivers'); an
// exclusion marks the lines Excluded instead.
func (e *engine) applyPenalties(in func(en *Entry) bool, carTable, driverTable string, cars, drivers []Line) {
	for _, p := range e.penalties {
		i, counted := e.roundAt[p.Round]
		en, entered := e.entries[p.No]
		if !counted || !entered || !in(en) {
			continue
		}
		if p.Championship != "" && p.Championship != carTable && p.Championship != driverTable {
			continue
		}
		toCars := p.Championship == "" || p.Championship == carTable
		toDrivers := p.Championship == "" || p.Championship == driverTable
		deduct := penaltyOf(p, i)
		if p.DriverKey != "" {
			for j := range drivers {
				if toDrivers && drivers[j].Key == p.DriverKey {
					deduct(&drivers[j])
				}
			}
			continue
		}
		for j := range cars {
			if toCars && cars[j].No == p.No {
				deduct(&cars[j])
			}
		}
		if !toDrivers {
			continue
		}
		drove := false
		for j := range drivers {
			if droveCar(&drivers[j].Rounds[i], p.No) {
				deduct(&drivers[j])
				drove = true
			}
		}
		if !drove {
			keys := map[string]bool{}
			for _, d := range e.driversOf[p.No] {
				keys[d.Key] = true
			}
			for j := range drivers {
				if keys[drivers[j].Key] {
					deduct(&drivers[j])
				}
			}
		}
	}
}

// penaltyOf returns what penalty p does to a line in round i: deducts its
// points, or excludes the competitor.
func penaltyOf(p Penalty, i int) func(l *Line) {
	if p.Excluded {
		return func(l *Line) {
			l.Excluded = true
			if l.excludedFrom == 0 || i+1 < l.excludedFrom {
				l.excludedFrom = i + 1
			}
		}
	}
	item := Item{Kind: ItemPenalty, Points: -p.Points, Base: -p.Points, Factor: 1, Note: p.Reason}
	return func(l *Line) {
		l.Rounds[i].Penalty += p.Points
		l.Rounds[i].Items = append(l.Rounds[i].Items, item)
	}
}
