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

// Score turns a validated season into standings. It is deterministic: the
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
func Score(s *Season, opts Options) (*Standings, Diagnostics) {
	e := newEngine(s, opts)
	st := &Standings{AfterRound: e.after, Rounds: e.rounds}
	for _, c := range e.classifications() {
		st.Classifications = append(st.Classifications, e.classification(c.name, c.cup))
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
	// roundAt maps a round number to its index in rounds.
	roundAt map[int]int
	entries map[string]*Entry
	// results maps a car and round to its result.
	results map[carRound]*Result
	// driversOf lists each car's driver rows.
	driversOf map[string][]*Driver
	diags     Diagnostics
	// items is the block the cells' items are copied into (see
	// cloneItems): one allocation for thousands of cells.
	items []Item
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

type carRound struct {
	no    string
	round int
}

func newEngine(s *Season, opts Options) *engine {
	e := &engine{s: s, roundAt: map[int]int{}, entries: map[string]*Entry{}, results: map[carRound]*Result{}, driversOf: map[string][]*Driver{}}
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
		k := carRound{r.No, r.Round}
		if prev, dup := e.results[k]; !dup || before(r.Origin, prev.Origin) {
			e.results[k] = r
		}
	}
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

// compareCarNumbers orders car numbers numerically when both are numbers,
// numbers before other text, and text by its characters.
func compareCarNumbers(a, b string) int {
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

// classification scores one class or cup.
func (e *engine) classification(name string, cup bool) Classification {
	var cars []*Entry
	for _, en := range e.entries {
		if en.Scores && (en.Class == name || en.Cup == name) {
			cars = append(cars, en)
		}
	}
	slices.SortFunc(cars, func(a, b *Entry) int { return compareCarNumbers(a.No, b.No) })
	scheme := e.scheme(name)
	cells := e.roundCells(name, scheme, e.field(name))

	teams := make([]Line, 0, len(cars))
	for _, car := range cars {
		line := Line{Kind: TeamLine, No: car.No, Team: car.Team, Car: car.Car, Nat: car.Nat, Origin: car.Origin, Rounds: e.emptyCells()}
		for i := range e.rounds {
			if c, ok := cells[carRound{car.No, e.rounds[i].Number}]; ok {
				// The car's own cell: no other team line holds it, and
				// drivers' lines take copies (clone).
				line.Rounds[i] = c
			}
		}
		teams = append(teams, line)
	}
	drivers := e.driverLines(cars, cells)
	e.applyPenalties(name, teams, drivers)

	teams = e.finish(name, teams)
	drivers = e.finish(name, drivers)
	return Classification{Name: name, Cup: cup, Teams: teams, Drivers: drivers}
}

func (e *engine) emptyCells() []Cell {
	cells := make([]Cell, len(e.rounds))
	for i, r := range e.rounds {
		cells[i] = Cell{Round: r.Number}
	}
	return cells
}

// clone copies a cell and its items (see cloneItems).
func (e *engine) clone(c Cell) Cell {
	c.Items = e.cloneItems(c.Items)
	return c
}

// field lists every car of a classification, invited entries included.
func (e *engine) field(name string) []*Entry {
	var cars []*Entry
	for _, en := range e.entries {
		if en.Class == name || en.Cup == name {
			cars = append(cars, en)
		}
	}
	return cars
}

// roundCells ranks each round of a classification and scores each car.
func (e *engine) roundCells(name string, sc scheme, cars []*Entry) map[carRound]Cell {
	// Sized for a result per car and round, so that the map never grows.
	cells := make(map[carRound]Cell, len(cars)*len(e.rounds))
	var field []*Result // every car of the classification with a result; reused
	var items []Item    // a cell's items, before cloneItems; reused
	for _, r := range e.rounds {
		field = field[:0]
		for _, en := range cars {
			if res, ok := e.results[carRound{en.No, r.Number}]; ok {
				field = append(field, res)
			}
		}
		// Classified cars by position (a missing position last), then
		// by car number for a stable order.
		slices.SortFunc(field, func(a, b *Result) int {
			pa, pb := a.Pos, b.Pos
			if pa == 0 {
				pa = int(^uint(0) >> 1)
			}
			if pb == 0 {
				pb = int(^uint(0) >> 1)
			}
			return cmp.Or(cmp.Compare(pa, pb), compareCarNumbers(a.No, b.No))
		})
		place, scoringPlace := 0, 0
		for _, res := range field {
			en := e.entries[res.No]
			c := Cell{Round: r.Number, Present: true, No: res.No, Status: res.Status,
				Pole: res.Pole.For(name, en), FastestLap: res.FastestLap.For(name, en)}
			if res.Status.IsClassified() {
				place++
				c.Pos = place
				if en.Scores {
					scoringPlace++
					c.ScoringPos = scoringPlace
				}
			}
			if !en.Scores {
				c.Items = []Item{{Kind: ItemInvited, Factor: 1}}
				cells[carRound{res.No, r.Number}] = c
				continue
			}
			c.Items = items[:0]
			if c.ScoringPos > 0 {
				if pts, ok := sc.position(c.ScoringPos); ok {
					c.Items = append(c.Items, Item{Kind: ItemPosition, Pos: c.ScoringPos, Base: pts, Factor: r.Factor, Points: pts * r.Factor})
				} else if sc.hasOther {
					c.Items = append(c.Items, Item{Kind: ItemOther, Pos: c.ScoringPos, Base: sc.other, Factor: r.Factor, Points: sc.other * r.Factor})
				}
			}
			if c.Pole && sc.hasPole {
				c.Items = append(c.Items, Item{Kind: ItemPole, Base: sc.pole, Factor: 1, Points: sc.pole})
			}
			if c.FastestLap && sc.hasFastest && res.Status.IsClassified() {
				c.Items = append(c.Items, Item{Kind: ItemFastestLap, Base: sc.fastest, Factor: 1, Points: sc.fastest})
			}
			for _, it := range c.Items {
				c.Score += it.Points
			}
			items = c.Items
			c.Items = e.cloneItems(items)
			cells[carRound{res.No, r.Number}] = c
		}
	}
	return cells
}

// driverLines gives each driver of the classification's cars a line with
// the car's cells of the rounds they drove it.
func (e *engine) driverLines(cars []*Entry, cells map[carRound]Cell) []Line {
	byKey := map[string]*Line{}
	spellings := map[string]map[string]int{}
	nats := map[string]map[string]int{}
	var keys []string
	for _, car := range cars {
		for _, d := range e.driversOf[car.No] {
			line, ok := byKey[d.Key]
			if !ok {
				line = &Line{Kind: DriverLine, Key: d.Key, Origin: d.Origin, Rounds: e.emptyCells()}
				byKey[d.Key] = line
				keys = append(keys, d.Key)
				spellings[d.Key] = map[string]int{}
				nats[d.Key] = map[string]int{}
			}
			if before(d.Origin, line.Origin) {
				line.Origin = d.Origin
			}
			spellings[d.Key][d.Name]++
			if d.Nat != "" {
				nats[d.Key][d.Nat]++
			}
			drove := false
			for i, r := range e.rounds {
				c, ok := cells[carRound{car.No, r.Number}]
				if !ok || !d.Rounds.Contains(r.Number) || !car.Rounds.Contains(r.Number) || line.Rounds[i].Present {
					continue
				}
				drove = true
				c = e.clone(c)
				if d.Ineligible.Contains(r.Number) {
					c.Ineligible = true
					c.Score = 0
					c.Items = []Item{{Kind: ItemIneligible, Factor: 1, Note: "ineligible this round (minimum driving time not met)"}}
				}
				line.Rounds[i] = c
			}
			if drove && !slices.Contains(line.Cars, car.No) {
				line.Cars = append(line.Cars, car.No)
			}
		}
	}
	lines := make([]Line, 0, len(keys))
	for _, k := range keys {
		line := byKey[k]
		if len(line.Cars) == 0 {
			continue // named, but drove no round with a result
		}
		line.Name = mostCommon(spellings[k])
		line.Nat = mostCommon(nats[k])
		slices.SortFunc(line.Cars, compareCarNumbers)
		lines = append(lines, *line)
	}
	return lines
}

// mostCommon returns the most frequent value, the smallest on a tie.
func mostCommon(counts map[string]int) string {
	best, n := "", 0
	for v, c := range counts {
		if c > n || c == n && v < best {
			best, n = v, c
		}
	}
	return best
}

// applyPenalties deducts penalties in the classification: a car's from its
// team line and from the drivers who drove it in that round (every driver of
// the car if none did); a driver's from that driver only.
func (e *engine) applyPenalties(name string, teams, drivers []Line) {
	for _, p := range e.penalties {
		i, counted := e.roundAt[p.Round]
		en, entered := e.entries[p.No]
		if !counted || !entered || (en.Class != name && en.Cup != name) {
			continue
		}
		item := Item{Kind: ItemPenalty, Points: -p.Points, Base: -p.Points, Factor: 1, Note: p.Reason}
		deduct := func(l *Line) {
			l.Rounds[i].Penalty += p.Points
			l.Rounds[i].Items = append(l.Rounds[i].Items, item)
		}
		if p.DriverKey != "" {
			for j := range drivers {
				if drivers[j].Key == p.DriverKey {
					deduct(&drivers[j])
				}
			}
			continue
		}
		for j := range teams {
			if teams[j].No == p.No {
				deduct(&teams[j])
			}
		}
		drove := false
		for j := range drivers {
			if c := drivers[j].Rounds[i]; c.Present && c.No == p.No {
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
