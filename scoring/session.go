package scoring

import (
	"cmp"
	"slices"
	"time"
)

// SessionCar is one car of a session's classification — a timing file
// imported into a round — as the import plans it.
type SessionCar struct {
	No string
	// Class and Cup are the car's classifications in the season.
	Class, Cup string
	Status     Status
	// Position and ClassPosition are the positions the file gives
	// (overall and in class); 0 when not given.
	Position, ClassPosition int
	// Laps completed; -1 when not given.
	Laps int
	// BestLap is the car's fastest lap; 0 when not given.
	BestLap time.Duration
	// Line is the car's line in the file, the order of cars without a
	// position.
	Line int
}

// Classifications returns the classifications the car counts in: its
// class, and its cup when it has one.
func (c *SessionCar) Classifications() []string { return CarClassifications(c.Class, c.Cup) }

// CarClassifications returns the classifications a car of class and cup
// counts in: its class, and its cup when it has one that is not its class.
func CarClassifications(class, cup string) []string {
	if cup != "" && cup != class {
		return []string{class, cup}
	}
	return []string{class}
}

// SessionOrder returns the indexes of cars in the classification's order:
// by the position (overall, or in class), then the position in class, then
// the file's order for cars without a position. Only the order within a
// class matters, so positions in class and overall ones both work.
func SessionOrder(cars []SessionCar) []int {
	key := func(c *SessionCar) int {
		switch {
		case c.Position > 0:
			return c.Position
		case c.ClassPosition > 0:
			return c.ClassPosition
		}
		return 1 << 30
	}
	order := make([]int, len(cars))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		a, b := &cars[i], &cars[j]
		return cmp.Or(cmp.Compare(key(a), key(b)), cmp.Compare(a.ClassPosition, b.ClassPosition), cmp.Compare(a.Line, b.Line))
	})
	return order
}

// ClassPositions returns each car's position in its class among the
// classified cars, counted in order; 0 for a car not classified.
func ClassPositions(cars []SessionCar, order []int) []int {
	pos := make([]int, len(cars))
	counts := map[string]int{}
	for _, i := range order {
		if cars[i].Status.IsClassified() {
			counts[cars[i].Class]++
			pos[i] = counts[cars[i].Class]
		}
	}
	return pos
}

// LapsShort returns the classified cars (indexes, in the cars' order) that
// completed fewer laps than threshold (0.7 for 70%) of the winner's, which
// the stewards may not classify, with the winner's laps and the laps that
// number means. It returns no cars when threshold is 0 or no classified car
// gives its laps.
func LapsShort(cars []SessionCar, threshold float64) (short []int, winnerLaps int, need float64) {
	winnerLaps = -1
	for i := range cars {
		if cars[i].Status.IsClassified() {
			winnerLaps = max(winnerLaps, cars[i].Laps)
		}
	}
	if threshold <= 0 || winnerLaps <= 0 {
		return nil, winnerLaps, 0
	}
	need = threshold * float64(winnerLaps)
	for i := range cars {
		if c := &cars[i]; c.Status.IsClassified() && c.Laps >= 0 && float64(c.Laps) < need {
			short = append(short, i)
		}
	}
	return short, winnerLaps, need
}

// LapTie is a car whose best lap equals the fastest lap of a
// classification, set by a car before it in the classification's order.
type LapTie struct {
	// Car equals the time of Holder, who keeps the fastest lap.
	Car, Holder int
	Class       string
}

// FastestLaps returns the car (index) that set the fastest lap of each
// classification, from the cars' best laps: a car without a time, or
// disqualified or excluded, sets none; of equal times the car first in
// order keeps it, and each other one is a tie, in order.
func FastestLaps(cars []SessionCar, order []int) (firsts map[string]int, ties []LapTie) {
	firsts = map[string]int{}
	for _, i := range order {
		c := &cars[i]
		if c.BestLap <= 0 || c.Status == Disqualified || c.Status == Excluded {
			continue
		}
		for _, class := range c.Classifications() {
			best, ok := firsts[class]
			switch {
			case !ok || c.BestLap < cars[best].BestLap:
				firsts[class] = i
			case c.BestLap == cars[best].BestLap:
				ties = append(ties, LapTie{Car: i, Holder: best, Class: class})
			}
		}
	}
	return firsts, ties
}

// Poles returns the car (index) on pole in each classification of a
// qualifying session: the first in order that is classified or not
// classified, with a lap time when the file gives lap times (needTime) and
// a position when it gives positions (needPosition).
func Poles(cars []SessionCar, order []int, needTime, needPosition bool) map[string]int {
	firsts := map[string]int{}
	for _, i := range order {
		c := &cars[i]
		switch c.Status {
		case Classified, NotClassified:
		default:
			continue
		}
		if needTime && c.BestLap <= 0 || needPosition && c.Position == 0 && c.ClassPosition == 0 {
			continue
		}
		for _, class := range c.Classifications() {
			if _, ok := firsts[class]; !ok {
				firsts[class] = i
			}
		}
	}
	return firsts
}

// MarkFor returns the pole or fastest-lap mark of car i, given the car
// first in each classification: Class for its class, the cup's name for
// its cup.
func MarkFor(cars []SessionCar, i int, firsts map[string]int) Mark {
	var m Mark
	for _, class := range cars[i].Classifications() {
		if j, ok := firsts[class]; !ok || j != i {
			continue
		}
		if class == cars[i].Class {
			m.Class = true
		} else {
			m.In = append(m.In, class)
		}
	}
	return m
}
