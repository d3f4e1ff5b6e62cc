package scoring

import (
	"fmt"
	"slices"
	"strings"
)

// championships checks the Championships rows and what they rely on: one
// name each, a Class the season has, makes and nominated cars where they
// are counted, Best results splits within the calendar and apart, overall
// positions for Class All, and penalties naming a championship that
// exists. Class and penalty championship spellings are normalised to the
// season's.
func (c *checker) championships() {
	classes := c.classes()
	cups := driverCupsOf(c.s.Drivers, classes)
	known := append(slices.Clone(classes), cups...)
	var tables []string
	seen := map[string]*Championship{}
	for k := range c.s.Championships {
		ch := &c.s.Championships[k]
		key := strings.ToLower(ch.Name)
		if first, dup := seen[key]; dup {
			c.diags.Errorf(ch.Origin.At(ColChampionship), CodeDuplicateChampionship, hintDuplicateChampionship,
				"championship %q is listed twice (also at %s)", ch.Name, place(first.Origin, ColChampionship))
			continue
		}
		seen[key] = ch
		if ch.Class != "" && ch.Class != ClassAll {
			if i := slices.IndexFunc(known, func(n string) bool { return strings.EqualFold(n, ch.Class) }); i >= 0 {
				ch.Class = known[i]
			} else {
				c.diags.Errorf(ch.Origin.At(ColClass), CodeUnknownClass, fmt.Sprintf(hintChampionshipClasses, Summarize(known, 10)),
					"championship %q is run in class %q, which no entry, cup or driver cup has", ch.Name, ch.Class)
				continue
			}
		}
		for _, rn := range championshipRuns(ch, classes, cups) {
			tables = append(tables, rn.name(ch))
		}
		c.counted(ch)
		c.makes(ch)
		c.nominated(ch)
		c.bestResults(ch)
		if ch.Class == ClassAll {
			c.overallPositions(ch)
		}
	}
	if len(c.s.Championships) == 0 {
		for _, cl := range classes {
			tables = append(tables, cl+" Teams", cl+" Drivers")
		}
	}
	c.penaltyChampionships(tables)
}

// carsOf lists the scoring cars championship ch ranks or adds up, by
// number.
func (c *checker) carsOf(ch *Championship) []*Entry {
	var out []*Entry
	for _, e := range c.entries {
		if e.Scores && (ch.Class == "" || ch.Class == ClassAll || e.Class == ch.Class || e.Cup == ch.Class) {
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b *Entry) int { return CompareCarNumbers(a.No, b.No) })
	return out
}

// makes reports the cars a Make championship adds up that have no Make.
func (c *checker) makes(ch *Championship) {
	if ch.Competitor != CompetitorMake {
		return
	}
	var missing []string
	for _, e := range c.carsOf(ch) {
		if e.Make == "" {
			missing = append(missing, e.No)
		}
	}
	if len(missing) > 0 {
		c.diags.Errorf(ch.Origin.At(ColCompetitor), CodeNoMake, hintNoMake,
			"championship %q adds up makes, but %s no Make", ch.Name, carsHave(missing))
	}
}

// carsHave renders "car 5 has" or "cars 3, 7, 12 and 40 more have".
func carsHave(nos []string) string {
	if len(nos) == 1 {
		return "car " + nos[0] + " has"
	}
	return "cars " + Summarize(nos, 10) + " have"
}

// counted reports a Counted rule the competitor has no use for: Car and
// Driver championships add nothing up, and a Nation adds up drivers, whom
// nobody nominates.
func (c *checker) counted(ch *Championship) {
	switch {
	case ch.Counted == Counted{}:
	case !ch.Competitor.aggregated():
		c.diags.Errorf(ch.Origin.At(ColCounted), CodeCountedUnused, hintCountedUnused,
			"championship %q ranks each %s, so Counted %s has nothing to count", ch.Name, strings.ToLower(string(ch.Competitor)), ch.Counted)
	case ch.Competitor == CompetitorNation && ch.Counted.Nominated:
		c.diags.Errorf(ch.Origin.At(ColCounted), CodeCountedUnused, hintCountedNation,
			"championship %q adds up drivers, and Counted Nominated counts cars", ch.Name)
	}
}

// nominated reports a championship counting nominated cars when none is.
func (c *checker) nominated(ch *Championship) {
	if !ch.Counted.Nominated || !ch.Competitor.aggregated() || ch.Competitor == CompetitorNation {
		return
	}
	if slices.ContainsFunc(c.carsOf(ch), func(e *Entry) bool { return e.Nominated }) {
		return
	}
	c.diags.Errorf(ch.Origin.At(ColCounted), CodeNoNominated, hintNoNominated,
		"championship %q counts Nominated cars, but no car of it is nominated", ch.Name)
}

// bestResults reports a championship's Best results that cannot work: more
// results than rounds, all but every round, split parts that overlap or
// name rounds outside the calendar.
func (c *checker) bestResults(ch *Championship) {
	if ch.BestResults == nil {
		return
	}
	ref := ch.Origin.At(ColBestResults)
	if n := len(c.rounds); n > 0 {
		switch b := ch.BestResults; {
		case b.N > n:
			c.diags.Warnf(ref, CodeBestResults, hintBestResults,
				"championship %q: best results is %d but the calendar has only %d rounds, so every result counts", ch.Name, b.N, n)
		case b.AllBut >= n:
			c.diags.Errorf(ref, CodeBestResults, hintAllBut,
				"championship %q: best results all but %d leaves none of the calendar's %d rounds to count", ch.Name, b.AllBut, n)
		}
	}
	splits := ch.BestResults.Splits
	for i, sp := range splits {
		var outside []int
		for n := sp.From; n <= sp.To && len(c.rounds) > 0; n++ {
			if _, ok := c.rounds[n]; !ok {
				outside = append(outside, n)
			}
		}
		if len(outside) > 0 {
			c.diags.Errorf(ref, CodeRoundsOutside, c.roundList(), "championship %q: best results %s names %s",
				ch.Name, ch.BestResults, plural(outside, "round %s, which is not in the calendar", "rounds %s, which are not in the calendar"))
			return
		}
		for _, other := range splits[:i] {
			if sp.From <= other.To && other.From <= sp.To {
				c.diags.Errorf(ref, CodeBestResultsSplit, hintSplitOverlap, "championship %q: best results %s gives rounds %s to two parts",
					ch.Name, ch.BestResults, Rounds(intRange(max(sp.From, other.From), min(sp.To, other.To))...))
				return
			}
		}
	}
}

func intRange(from, to int) []int {
	var out []int
	for n := from; n <= to; n++ {
		out = append(out, n)
	}
	return out
}

// overallPositions reports a Class All championship over results whose Pos
// repeats within a round: class positions, not overall ones.
func (c *checker) overallPositions(ch *Championship) {
	type roundPos struct{ round, pos int }
	first := map[roundPos]*Result{}
	for i := range c.s.Results {
		r := &c.s.Results[i]
		if c.fates[i].why != kept || r.Pos <= 0 {
			continue
		}
		k := roundPos{r.Round, r.Pos}
		if prev, dup := first[k]; dup {
			c.diags.Errorf(ch.Origin.At(ColClass), CodeOverallPositions, hintOverallPositions,
				"championship %q ranks every car by overall position (Class All), but round %d has position %d twice (%s and %s)",
				ch.Name, r.Round, r.Pos, place(prev.Origin, ColPos), place(r.Origin, ColPos))
			return
		}
		first[k] = r
	}
}

// penaltyChampionships reports penalties naming a championship table that
// does not exist, and writes the others as the table is named.
func (c *checker) penaltyChampionships(tables []string) {
	for i := range c.s.Penalties {
		p := &c.s.Penalties[i]
		if p.Championship == "" {
			continue
		}
		if k := slices.IndexFunc(tables, func(n string) bool { return strings.EqualFold(n, p.Championship) }); k >= 0 {
			p.Championship = tables[k]
			continue
		}
		c.diags.Errorf(p.Origin.At(ColChampionship), CodeUnknownChampionship, fmt.Sprintf(hintChampionshipNames, Summarize(tables, 10)),
			"championship %q does not exist", p.Championship)
	}
}
