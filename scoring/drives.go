package scoring

import "strings"

// ineligibleNote explains an ineligible driver's round.
const ineligibleNote = "ineligible this round (minimum driving time not met)"

// sharedNoneNote explains a round a driver of a shared car scores nothing
// in (Shared drives none).
const sharedNoneNote = "shared drive (Shared drives none)"

// driverCell is driver d's cell of round i from car's cell c (results
// are the car's, by round: resultsOf), under the Season's Shared drives
// and the result's Fastest lap by:
//   - An ineligible driver scores nothing.
//   - Fastest lap by names the driver who set the car's fastest lap: that
//     driver alone takes its points (in full, whatever Shared drives
//     says), and the other drivers neither the points nor the mark.
//   - Shared drives split divides each of the car's other points between
//     the car's eligible drivers who drove it in the race: an ineligible
//     co-driver takes no share, so that the eligible ones share the car's
//     points among themselves (one eligible driver scores them in full).
//   - Shared drives none gives nothing to the drivers of a car two or
//     more drivers drove in the race, an ineligible one included.
//
// The cell returned shares c's items when nothing changes: they are never
// changed in place, and a penalty appended to a full slice (cloneItems)
// copies it.
func (e *engine) driverCell(c Cell, car *Entry, results []*Result, d *Driver, i int) Cell {
	n := e.rounds[i].Number
	if d.Ineligible.Contains(n) {
		c.Ineligible = true
		c.Score = 0
		c.Items = []Item{{Kind: ItemIneligible, Factor: 1, Note: ineligibleNote}}
		return c
	}
	by := ""
	if res := results[i]; res != nil {
		by = res.FastestLapByKey
	}
	drivers, eligible := 0, 0
	if e.s.SharedDrives != SharedFull {
		for _, o := range e.driversOf[car.No] {
			if o.Rounds.Contains(n) {
				drivers++
				if !o.Ineligible.Contains(n) {
					eligible++
				}
			}
		}
	}
	split := e.s.SharedDrives == SharedSplit && eligible > 1
	none := e.s.SharedDrives == SharedNone && drivers > 1
	if by == "" && !split && !none {
		return c
	}
	items := make([]Item, 0, len(c.Items)+1)
	if none {
		items = append(items, Item{Kind: ItemIneligible, Factor: 1, Note: sharedNoneNote})
	}
	for _, it := range c.Items {
		switch {
		case by != "" && it.Kind == ItemFastestLap:
			if d.Key != by {
				continue
			}
		case !it.award():
		case none:
			continue
		case split:
			it.SplitBy = eligible
			it.Points /= float64(eligible)
		}
		items = append(items, it)
	}
	if by != "" && d.Key != by {
		c.FastestLap = false
	}
	c.Score = 0
	for _, it := range items {
		c.Score += it.Points
	}
	c.Items = e.cloneItems(items)
	return c
}

// twoCars is the cell of a driver who drove two cars in one race, from the
// cells a and b of each: the points of both, each item naming its car, and
// the places of the better placed car.
func (e *engine) twoCars(a, b Cell) Cell {
	m := a
	if placeRank(b.ScoringPos) < placeRank(a.ScoringPos) || b.ScoringPos == a.ScoringPos && b.Score > a.Score {
		m = b
	}
	m.Score = a.Score + b.Score
	m.Pole = a.Pole || b.Pole
	m.FastestLap = a.FastestLap || b.FastestLap
	m.Undroppable = a.Undroppable || b.Undroppable
	m.Ineligible = a.Ineligible && b.Ineligible
	items := make([]Item, 0, len(a.Items)+len(b.Items))
	for _, c := range []*Cell{&a, &b} {
		for _, it := range c.Items {
			switch {
			case it.award() && it.Note == "":
				it.Note = "car " + c.No
			case it.Kind == ItemIneligible && !strings.HasPrefix(it.Note, "car "):
				it.Note = "car " + c.No + ": " + it.Note
			case it.Kind == ItemKept && hasItem(items, it):
				continue
			}
			items = append(items, it)
		}
	}
	m.Items = e.cloneItems(items)
	return m
}

func hasItem(items []Item, it Item) bool {
	for _, x := range items {
		if x == it {
			return true
		}
	}
	return false
}

// droveCar reports whether driver cell c is of car no: the car driven, or
// for a driver of two cars in the race, one whose points it holds.
func droveCar(c *Cell, no string) bool {
	if !c.Present {
		return false
	}
	if c.No == no {
		return true
	}
	for _, it := range c.Items {
		if it.award() && strings.HasPrefix(it.Note, "car ") && it.Note[len("car "):] == no {
			return true
		}
		if it.Kind == ItemIneligible && strings.HasPrefix(it.Note, "car "+no+": ") {
			return true
		}
	}
	return false
}
