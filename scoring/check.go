package scoring

import (
	"fmt"
	"slices"
	"sort"
)

// Check normalises a season (see Normalize) and reports every problem with
// its meaning: rounds numbered twice or with gaps, cars entered twice,
// points tables with gaps, a driver in two cars in one round, two poles in
// a class, results of cars not entered, penalties of unknown drivers … at
// the cells an official has to fix. It needs no workbook: a season built
// in code is checked as a whole, and a season read from a workbook carries
// in its Source what the reader reported already.
//
// The order of work is: read the season, Check it, and Score it only when
// Check reports no errors. Score reads the season as Normalize leaves it.
// The diagnostics are in no particular order; sort them for display.
func Check(s *Season) Diagnostics {
	var diags Diagnostics
	ix := newIndex(s)
	ix.normalize(&diags)
	c := checker{index: ix, diags: &diags}
	c.calendar()
	c.entryList()
	c.pointsScheme()
	c.driverList()
	c.results()
	c.penalties()
	c.settings()
	c.championships()
	c.schemes()
	return diags
}

// index is what the checks and the normalisation look records up in: the
// first row of each round and each car, and which results count.
type index struct {
	s   *Season
	src *Source
	// rounds maps a round number to its first row in the calendar.
	rounds map[int]*Round
	// roundNumbers lists the calendar's rounds in ascending order.
	roundNumbers []int
	// entries maps a car number to its first row in the entry list.
	entries map[string]*Entry
	// fates says, for each result in s.Results, whether the checks of
	// results take it (kept) or why not.
	fates []fate
}

// fate is why a result is left out of the checks of results (or kept).
type fate struct {
	why resultFate
	// first is the car's other result in the round, for a duplicate.
	first *Result
}

type resultFate int

const (
	kept resultFate = iota
	// outsideCalendar: the round is not in a calendar that has rounds.
	outsideCalendar
	// unknownCar: the car is not entered (or the season has no entries).
	unknownCar
	// duplicateResult: the car has an earlier result in the round.
	duplicateResult
	// notEntered: the car is not entered for the round.
	notEntered
)

func newIndex(s *Season) *index {
	ix := &index{s: s, src: &s.Source, rounds: map[int]*Round{}, entries: map[string]*Entry{}}
	for i := range s.Rounds {
		if r := &s.Rounds[i]; ix.rounds[r.Number] == nil {
			ix.rounds[r.Number] = r
		}
	}
	ix.roundNumbers = make([]int, 0, len(ix.rounds))
	for n := range ix.rounds {
		ix.roundNumbers = append(ix.roundNumbers, n)
	}
	slices.Sort(ix.roundNumbers)
	for i := range s.Entries {
		if e := &s.Entries[i]; ix.entries[e.No] == nil {
			ix.entries[e.No] = e
		}
	}
	type carRound struct {
		no    string
		round int
	}
	// Sized for every result, so that it never grows.
	first := make(map[carRound]*Result, len(s.Results))
	ix.fates = make([]fate, len(s.Results))
	for i := range s.Results {
		res := &s.Results[i]
		if _, ok := ix.rounds[res.Round]; !ok && len(ix.rounds) > 0 {
			ix.fates[i].why = outsideCalendar
			continue
		}
		e, ok := ix.entries[res.No]
		if !ok {
			ix.fates[i].why = unknownCar
			continue
		}
		k := carRound{res.No, res.Round}
		if prev, dup := first[k]; dup {
			ix.fates[i] = fate{duplicateResult, prev}
			continue
		}
		first[k] = res
		if !entered(e, res.Round) {
			ix.fates[i].why = notEntered
		}
	}
	return ix
}

// classes returns the classes and cups of the entered cars, sorted.
func (ix *index) classes() []string {
	set := map[string]bool{}
	for _, e := range ix.entries {
		set[e.Class] = true
		if e.Cup != "" {
			set[e.Cup] = true
		}
	}
	classes := make([]string, 0, len(set))
	for c := range set {
		classes = append(classes, c)
	}
	sort.Strings(classes)
	return classes
}

// unreadable reports whether the reader reported the cell as unreadable.
func (ix *index) unreadable(ref Ref) bool { return ix.src.Unreadable[ref] }

// checker runs the checks of a season.
type checker struct {
	*index
	diags *Diagnostics
	// drove[no][j] is true when some driver of car no drove the round
	// roundNumbers[j] (see droveRound).
	drove map[string][]bool
	// driversOf maps a car number to its driver rows.
	driversOf map[string][]*Driver
	// misnamed holds the classes and cups already reported as not among
	// the season's classes, so that the points scheme does not report them
	// again.
	misnamed map[string]bool
}

// place renders the cell of field col of the record at o.
func place(o Origin, col string) string { return o.At(col).String() }

// entered reports whether car e is entered for round n.
func entered(e *Entry, n int) bool { return e.Rounds.Contains(n) }

// plural renders rounds with the format for one round or for several.
func plural(rounds []int, one, many string) string {
	if len(rounds) == 1 {
		return fmt.Sprintf(one, fmt.Sprint(rounds[0]))
	}
	return fmt.Sprintf(many, Rounds(rounds...).String())
}

// roundList renders the calendar's rounds for a hint.
func (c *checker) roundList() string {
	if len(c.rounds) == 0 {
		return hintNoCalendar
	}
	return fmt.Sprintf(hintCalendar, Rounds(c.roundNumbers...).String())
}

// checkRoundSet reports rounds of a Rounds cell that are not in the calendar.
func (c *checker) checkRoundSet(rs RoundSet, ref Ref) {
	if rs.All || len(c.rounds) == 0 {
		return
	}
	var outside []int
	for _, n := range rs.Rounds {
		if _, ok := c.rounds[n]; !ok {
			outside = append(outside, n)
		}
	}
	if len(outside) > 0 {
		c.diags.Errorf(ref, CodeRoundsOutside, c.roundList(), "%s not in the calendar", plural(outside, "round %s is", "rounds %s are"))
	}
}

// unknownCar reports a car number that is not in the entry list.
func (c *checker) unknownCar(no string, ref Ref) {
	c.diags.Errorf(ref, CodeUnknownCar, hintUnknownCar, "car %s is not in the Entries sheet", no)
}

// droveRound reports whether some driver of car no drove round n.
func (c *checker) droveRound(no string, n int) bool {
	j, ok := slices.BinarySearch(c.roundNumbers, n)
	return ok && c.drove[no] != nil && c.drove[no][j]
}
