package scoring

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// fieldCar is a car with a result in the round being ranked.
type fieldCar struct {
	// pos is the result's position, a missing one last; rank the car's
	// place in the field by number. No pointers: sorting moves no
	// pointers about (write barriers).
	pos, rank int
	// place is the car's place in the order that pays (ScoringPos, but
	// also for an invited entry whose place is left vacant); 0 for none.
	place int
}

// roundCells ranks each round of a classification and scores each car of
// its field (invited entries included): it returns each car's cells, one
// per counted round, by car number; a cell without a result is not
// Present. The cars come in order of their numbers. schemeName is the
// championship's own points scheme, paid in every race; "" pays each
// race's (Round.Scheme). inRound, when not nil, says whether car k of cars
// is in the field of round i (a driver cup's cars: those its drivers
// drove).
func (e *engine) roundCells(name, schemeName string, cars []*Entry, inRound func(k, i int) bool) map[string][]Cell {
	cells := make(map[string][]Cell, len(cars))
	results := make([][]*Result, len(cars))
	carCells := make([][]Cell, len(cars))
	for k, en := range cars {
		carCells[k] = e.emptyCells()
		cells[en.No] = carCells[k]
		results[k] = e.resultsOf[en.No]
	}
	schemes := map[string]*scheme{} // by folded name
	var field []fieldCar            // every car of the classification with a result; reused
	var items []Item                // a cell's items, before cloneItems; reused
	for i, r := range e.rounds {
		// A race pays its own scheme unless the championship pays one.
		paid, shown := schemeName, ""
		if paid == "" {
			paid, shown = r.Scheme, r.Scheme
		}
		sc := schemes[strings.ToLower(paid)]
		if sc == nil {
			v := e.scheme(name, paid)
			sc = &v
			schemes[strings.ToLower(paid)] = sc
		}
		field = field[:0]
		for k, rs := range results {
			if rs != nil && rs[i] != nil && (inRound == nil || inRound(k, i)) {
				pos := rs[i].Pos
				if pos == 0 {
					pos = int(^uint(0) >> 1)
				}
				field = append(field, fieldCar{pos: pos, rank: k})
			}
		}
		// Classified cars by position (a missing position last), then
		// by car number for a stable order.
		slices.SortFunc(field, func(a, b fieldCar) int {
			return cmp.Or(cmp.Compare(a.pos, b.pos), cmp.Compare(a.rank, b.rank))
		})
		e.place(name, field, results, cars, carCells, i)
		rc := raceCars{field: field, results: results, cars: cars, cells: carCells, i: i, payVacant: e.s.InvitedVacant}
		shares := rc.shares(sc)
		for _, fc := range field {
			res, en, own := results[fc.rank][i], cars[fc.rank], carCells[fc.rank]
			c := own[i]
			if !en.Scores {
				c.Items = []Item{{Kind: ItemInvited, Factor: 1}}
				own[i] = c
				continue
			}
			c.Items = raceItems(items[:0], sc, shares, r, shown, res, c, fc.place)
			for _, it := range c.Items {
				c.Score += it.Points
			}
			if r.NotDroppable || res.NotDroppable {
				c.Undroppable = true
				note := "this result always counts (Droppable N in Results)"
				if r.NotDroppable {
					note = "this race always counts (Droppable N in the Calendar)"
				}
				c.Items = append(c.Items, Item{Kind: ItemKept, Factor: 1, Note: note})
			}
			items = c.Items
			c.Items = e.cloneItems(items)
			own[i] = c
		}
	}
	return cells
}

// place gives each car of round i's sorted field its cell with its places:
// Pos among the classified cars (invited entries included), ScoringPos
// among the classified scoring cars. With Disqualified places vacant a
// disqualified car that has a Pos keeps its place taken, and with Invited
// places vacant an invited entry its scoring place: the cars behind keep
// their places, for points, Requires top N and countback alike.
func (e *engine) place(name string, field []fieldCar, results [][]*Result, cars []*Entry, carCells [][]Cell, i int) {
	place, scoringPlace := 0, 0
	for j := range field {
		fc := &field[j]
		res, en := results[fc.rank][i], cars[fc.rank]
		// The entry's number (the result's, as its key in resultsOf):
		// every cell of a car holds the same string, which compares
		// without reading it.
		c := Cell{Round: e.rounds[i].Number, Present: true, No: en.No, Status: res.Status,
			Pole: res.Pole.For(name, en), FastestLap: res.FastestLap.For(name, en)}
		switch {
		case res.Status.IsClassified():
			place++
			c.Pos = place
			if en.Scores || e.s.InvitedVacant {
				scoringPlace++
				fc.place = scoringPlace
			}
			if en.Scores {
				c.ScoringPos = scoringPlace
			}
		case res.Status == Disqualified && res.Pos > 0 && e.s.DisqualifiedVacant:
			place++
			scoringPlace++
		}
		carCells[fc.rank][i] = c
	}
}

// raceCars is one round's field of a classification, for the awards one
// car shares with others.
type raceCars struct {
	field   []fieldCar
	results [][]*Result
	cars    []*Entry
	cells   [][]Cell
	i       int
	// payVacant is true when invited entries take their share of an
	// award, unpaid (Invited places vacant).
	payVacant bool
}

// awardShares says how a race's shared awards are divided.
type awardShares struct {
	// fastest is the number of cars marked with the fastest lap that
	// meet its Requires: they share its points.
	fastest int
	// mostLed is the most laps a car led (0: no lap led); mostLedBy the
	// number of cars that led that many and meet the award's Requires.
	mostLed, mostLedBy int
}

// shares counts the cars that share the fastest lap and the most laps
// led under scheme sc. Invited entries take no share (they take nothing
// from others) unless their places are left vacant.
func (rc raceCars) shares(sc *scheme) awardShares {
	var s awardShares
	payable := func(fc fieldCar) bool { return rc.cars[fc.rank].Scores || rc.payVacant }
	for _, fc := range rc.field {
		res, c := rc.results[fc.rank][rc.i], &rc.cells[fc.rank][rc.i]
		if !payable(fc) {
			continue
		}
		if c.FastestLap && sc.fastest.has && sc.fastest.requires.met(res.Status, fc.place) {
			s.fastest++
		}
		s.mostLed = max(s.mostLed, res.LapsLed)
	}
	if s.mostLed < 1 || !sc.mostLed.has {
		return s
	}
	for _, fc := range rc.field {
		if res := rc.results[fc.rank][rc.i]; payable(fc) && res.LapsLed == s.mostLed && sc.mostLed.requires.met(res.Status, fc.place) {
			s.mostLedBy++
		}
	}
	return s
}

// raceItems appends to items the points car cell c earns in race r under
// scheme sc (shown names it, "" for none): its position (or Other) times
// the race's factor, then pole, fastest lap, start, lap led and most laps
// led, each when the car meets its Requires, not multiplied by the factor
// and divided between the cars that share it. place is the car's scoring
// place.
func raceItems(items []Item, sc *scheme, shares awardShares, r Round, shown string, res *Result, c Cell, place int) []Item {
	if c.ScoringPos > 0 {
		if pts, ok := sc.position(c.ScoringPos); ok {
			items = append(items, Item{Kind: ItemPosition, Pos: c.ScoringPos, Base: pts, Factor: r.Factor, Points: pts * r.Factor, Scheme: shown})
		} else if sc.hasOther {
			items = append(items, Item{Kind: ItemOther, Pos: c.ScoringPos, Base: sc.other, Factor: r.Factor, Points: sc.other * r.Factor, Scheme: shown})
		}
	}
	add := func(kind ItemKind, b bonus, earned bool, sharedBy int) {
		if !earned || !b.has || !b.requires.met(res.Status, place) {
			return
		}
		it := Item{Kind: kind, Base: b.points, Factor: 1, Points: b.points, Scheme: shown}
		if sharedBy > 1 {
			it.SharedBy, it.Points = sharedBy, b.points/float64(sharedBy)
		}
		items = append(items, it)
	}
	add(ItemPole, sc.pole, c.Pole, 1)
	add(ItemFastestLap, sc.fastest, c.FastestLap, shares.fastest)
	add(ItemStart, sc.start, started(res.Status), 1)
	add(ItemLapLed, sc.lapLed, res.LapsLed >= 1, 1)
	add(ItemMostLapsLed, sc.mostLed, shares.mostLed >= 1 && res.LapsLed == shares.mostLed, shares.mostLedBy)
	return items
}

// noCountback says, for each counted round, whether it is left out of
// countback (Countback N); nil when every round counts.
func (e *engine) noCountback() []bool {
	var out []bool
	for i, r := range e.rounds {
		if r.NoCountback {
			if out == nil {
				out = make([]bool, len(e.rounds))
			}
			out[i] = true
		}
	}
	return out
}

// leftOut reports whether round e.rounds[i] is left out of countback.
func (r *rules) leftOut(i int) bool { return i < len(r.noCountback) && r.noCountback[i] }

// roundPoints rounds a sum of points to a millionth: points shared by 3
// or 7 (a shared fastest lap, a split drive) are not exact in binary, and
// their sums differ in the last digit with the order they are added in. A
// total and a progression, and two competitors' equal totals, compare
// equal after it. Exact points (whole, halves, quarters) are unchanged.
func roundPoints(p float64) float64 {
	if math.IsInf(p, 0) || math.IsNaN(p) || math.Abs(p) > 1e9 {
		return p
	}
	return math.Round(p*1e6) / 1e6
}
