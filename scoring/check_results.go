package scoring

import (
	"fmt"
	"slices"
	"sort"
)

// results checks the results: of rounds in the calendar and cars entered
// for them, one per car and round, a position for each classified car,
// one pole per class (a fastest lap marked twice is shared, with a
// warning), drivers named, Fastest lap by naming one of them, laps led
// within the laps, and positions without ties or gaps.
func (c *checker) results() {
	src := c.src.Results
	if src.Missing {
		return
	}
	type classRound struct {
		class string
		round int
	}
	poles := map[classRound]*Result{}
	fastest := map[classRound]*Result{}
	byRound := map[int][]*Result{}
	noPosColumn := slices.Contains(src.Lacks, ColPos)
	missingPosColumn := false
	for i := range c.s.Results {
		res := &c.s.Results[i]
		if !c.kept(i) {
			continue
		}
		e := c.entries[res.No]
		if res.Status.IsClassified() && res.Pos == 0 {
			if noPosColumn {
				missingPosColumn = true
			} else if !c.unreadable(res.Origin.At(ColPos)) {
				c.diags.Errorf(res.Origin.At(ColPos), CodeMissingPos, hintMissingPos,
					"car %s is classified (blank status) but has no position", res.No)
			}
		}
		for _, class := range res.Pole.Classifications(e) {
			cr := classRound{class, res.Round}
			if prev, dup := poles[cr]; dup {
				c.diags.Errorf(res.Origin.At(ColPole), CodeTwoPoles, hintTwoPoles,
					"two poles in %s in round %d: car %s and car %s (%s)", class, res.Round, res.No, prev.No, place(prev.Origin, ColPole))
			} else {
				poles[cr] = res
			}
		}
		for _, class := range res.FastestLap.Classifications(e) {
			cr := classRound{class, res.Round}
			if prev, dup := fastest[cr]; dup {
				c.diags.Warnf(res.Origin.At(ColFastestLap), CodeTwoFastest, hintTwoFastest,
					"car %s and car %s (%s) both have the fastest lap in %s in round %d: they share its points", res.No, prev.No, place(prev.Origin, ColFastestLap), class, res.Round)
			} else {
				fastest[cr] = res
			}
		}
		// A car that did not take part may have no drivers named.
		took := started(res.Status)
		if took && len(c.s.Drivers) > 0 && !c.droveRound(res.No, res.Round) {
			c.diags.Warnf(res.Origin.At(ColNo), CodeNoDriver, hintNoDriver,
				"car %s has a result in round %d but no driver for that round", res.No, res.Round)
		}
		c.fastestLapBy(res)
		c.lapsLed(res)
		byRound[res.Round] = append(byRound[res.Round], res)
	}
	if missingPosColumn {
		c.diags.Errorf(src.Ref, CodeMissingColumn, hintNoPosColumn,
			"the sheet has no Pos column, so classified cars have no positions")
	}
	rounds := make([]int, 0, len(byRound))
	for n := range byRound {
		rounds = append(rounds, n)
	}
	slices.Sort(rounds)
	for _, n := range rounds {
		c.positions(n, byRound[n])
		c.lapsLedTotal(n, byRound[n])
	}
}

// kept reports whether the checks of results take result i, reporting why
// not when they do not.
func (c *checker) kept(i int) bool {
	res := &c.s.Results[i]
	f := c.fates[i]
	switch f.why {
	case outsideCalendar:
		c.diags.Errorf(res.Origin.At(ColRound), CodeUnknownRound, c.roundList(), "round %d is not in the calendar", res.Round)
	case unknownCar:
		if len(c.entries) > 0 {
			c.unknownCar(res.No, res.Origin.At(ColNo))
		}
	case duplicateResult:
		c.diags.Errorf(res.Origin.At(ColNo), CodeDuplicateResult, hintDuplicateResult,
			"car %s has two results in round %d (also at %s)", res.No, res.Round, place(f.first.Origin, ColNo))
	case notEntered:
		e := c.entries[res.No]
		c.diags.Errorf(res.Origin.At(ColNo), CodeNotEntered, fmt.Sprintf(hintNotEntered, res.Round, place(e.Origin, ColRounds)),
			"car %s has a result in round %d but is entered only for rounds %s", res.No, res.Round, e.Rounds.String())
	}
	return f.why == kept
}

// positions checks one round's positions: no two cars of a class share one,
// and the order has no gaps. Positions may be class positions or overall
// ones: when cars of different classes share a position the round uses class
// positions, and gaps are checked per class; otherwise overall.
func (c *checker) positions(round int, results []*Result) {
	byClass := map[string][]*Result{}
	owner := map[int]string{} // position → class of its first car
	classPositions := false
	// An unreadable position was reported already; gaps it leaves would
	// only repeat it.
	checkGaps := true
	for _, res := range results {
		if c.unreadable(res.Origin.At(ColPos)) {
			checkGaps = false
		}
		if res.Pos == 0 {
			continue
		}
		class := c.entries[res.No].Class
		byClass[class] = append(byClass[class], res)
		if o, ok := owner[res.Pos]; ok && o != class {
			classPositions = true
		}
		owner[res.Pos] = class
	}
	classes := make([]string, 0, len(byClass))
	for class := range byClass {
		classes = append(classes, class)
	}
	sort.Strings(classes)
	var all []*Result
	for _, class := range classes {
		list := byClass[class]
		slices.SortStableFunc(list, func(a, b *Result) int { return a.Pos - b.Pos })
		for i := 1; i < len(list); i++ {
			if list[i].Pos == list[i-1].Pos {
				c.diags.Errorf(list[i].Origin.At(ColPos), CodeSamePos, hintSamePos,
					"cars %s and %s (%s) are both position %d in %s in round %d", list[i].No, list[i-1].No, place(list[i-1].Origin, ColPos), list[i].Pos, class, round)
			}
		}
		if classPositions && checkGaps {
			c.gaps(round, "in "+class+" ", list)
		}
		all = append(all, list...)
	}
	if !classPositions && checkGaps {
		slices.SortStableFunc(all, func(a, b *Result) int { return a.Pos - b.Pos })
		c.gaps(round, "", all)
	}
}

// gaps warns where positions sorted in order jump over a position.
func (c *checker) gaps(round int, where string, sorted []*Result) {
	expect := 1
	for _, res := range sorted {
		if res.Pos > expect {
			missing := fmt.Sprintf("no car is position %d", expect)
			if res.Pos-expect > 1 {
				missing = fmt.Sprintf("no car has positions %d–%d", expect, res.Pos-1)
			}
			c.diags.Warnf(res.Origin.At(ColPos), CodePosGap, hintPosGap,
				"positions %sin round %d jump to %d: %s", where, round, res.Pos, missing)
		}
		expect = max(expect, res.Pos+1)
	}
}
