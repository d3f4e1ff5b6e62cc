package scoring

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// rules are the ranking rules of one championship table.
type rules struct {
	// title names the table in messages: "LMP2 teams'", "Constructors".
	title string
	best  BestResults
	tie   tieRule
	// skip numbers shared positions 1, 1, 3.
	skip      bool
	minStarts int
	// aggregated is true for lines that add up cars or drivers: their
	// countback counts each counted member's result.
	aggregated bool
	// noCountback[i] is true when round e.rounds[i] is left out of
	// countback and of the latest result (Countback N).
	noCountback []bool
}

// seasonRules are the Season's ranking rules.
func (e *engine) seasonRules(title string) *rules {
	return &rules{title: title, best: BestResults{N: e.s.BestResults}, tie: e.s.TieBreak.rule(), skip: e.s.TiesShownAs == TiesSkip, noCountback: e.noCountback()}
}

// finish completes a championship's lines: drops, totals, progression,
// countback, then positions; lines listed without a position (excluded,
// too few starts) come last.
func (e *engine) finish(r *rules, lines []Line) []Line {
	lines = slices.DeleteFunc(lines, func(l Line) bool { return !listed(l.Rounds, l.Excluded) })
	for i := range lines {
		l := &lines[i]
		l.Progression = e.progression(l.Rounds, r)
		l.Points = e.total(l.Rounds, true, r)
		l.Countback = e.countback(l.Rounds, r)
		if r.minStarts > 0 && starts(l.Rounds) < r.minStarts {
			l.TooFewStarts = true
		}
	}
	order := e.rank(r, lines, true)
	sorted := make([]Line, len(lines))
	for i, k := range order {
		sorted[i] = lines[k]
	}
	return sorted
}

// rank gives lines their positions (Pos, Shared) by the championship's
// rules and returns their indexes in order of position, lines without a
// position last. With warn set it tells the stewards of the ties the
// tie-break cannot split. The lines stay where they are: a line is large,
// and moving it about in the sort costs more than comparing it.
func (e *engine) rank(r *rules, lines []Line, warn bool) []int {
	order := make([]int, len(lines))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		a, b := &lines[i], &lines[j]
		if c := cmp.Compare(btoi(a.unranked()), btoi(b.unranked())); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Points, a.Points); c != 0 {
			return c
		}
		if c := r.compareTied(a, b); c != 0 {
			return c
		}
		return compareDisplay(a, b)
	})
	for k, i := range order {
		l := &lines[i]
		if l.unranked() {
			break
		}
		if k == 0 {
			l.Pos = 1
			continue
		}
		prev := &lines[order[k-1]]
		if prev.Points == l.Points && r.compareTied(prev, l) == 0 {
			l.Pos = prev.Pos
			l.Shared, prev.Shared = true, true
			if warn && r.tie.countback && l.Points > 0 && !sameCrew(*prev, *l) {
				e.tieWarning(r.title, *prev, *l)
			}
			continue
		}
		l.Pos = prev.Pos + 1
		if r.skip {
			l.Pos = k + 1
		}
	}
	return order
}

// listed reports whether a competitor with cells is listed in its table:
// excluded, or with a result or a penalty.
func listed(cells []Cell, excluded bool) bool {
	if excluded {
		return true
	}
	for i := range cells {
		if cells[i].Present || cells[i].Penalty != 0 {
			return true
		}
	}
	return false
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// unranked reports whether the line is listed without a position.
func (l *Line) unranked() bool { return l.Excluded || l.TooFewStarts }

// starts counts the rounds the competitor started.
func starts(cells []Cell) int {
	n := 0
	for i := range cells {
		if c := &cells[i]; c.Present && started(c.Status) {
			n++
		}
	}
	return n
}

// compareTied orders two lines on equal points by the tie-break: b before a
// gives 1. 0 means the tie-break cannot split them. The latest result is
// that of a race kept for countback (not Countback N); who reached the
// total first is judged after every race.
func (r *rules) compareTied(a, b *Line) int {
	if !r.tie.countback {
		return 0
	}
	if c := compareCountback(b.Countback, a.Countback); c != 0 {
		return c
	}
	switch r.tie.then {
	case ThenLatestResult:
		for i := len(a.Rounds) - 1; i >= 0; i-- {
			x, y := &a.Rounds[i], &b.Rounds[i]
			if !x.Present || !y.Present || r.leftOut(i) {
				continue
			}
			if c := cmp.Compare(placeRank(x.ScoringPos), placeRank(y.ScoringPos)); c != 0 {
				return c
			}
		}
	case ThenFirstToReach:
		return cmp.Compare(reached(a), reached(b))
	}
	return 0
}

// placeRank orders scoring positions, no position last.
func placeRank(pos int) int {
	if pos == 0 {
		return int(^uint(0) >> 1)
	}
	return pos
}

// reached is the index of the round after which the line's counted points
// first reached its total.
func reached(l *Line) int {
	for k, p := range l.Progression {
		if p >= l.Points {
			return k
		}
	}
	return len(l.Progression)
}

// progression is the total after each round. Without drops it is a
// running sum; with them, each prefix picks its own best results.
func (e *engine) progression(cells []Cell, r *rules) []float64 {
	out := e.newFloats(len(cells))
	sum := 0.0
	drops := r.best.N > 0 || r.best.AllBut > 0 || len(r.best.Splits) > 0
	for k, c := range cells {
		if drops {
			out[k] = e.total(cells[:k+1], false, r)
			continue
		}
		if c.Present {
			sum += c.Score
		}
		sum -= c.Penalty
		out[k] = roundPoints(sum)
	}
	return out
}

// total is the sum of the counted round scores less penalties. With mark
// set it records which rounds are dropped. cells[i] is the round
// e.rounds[i].
func (e *engine) total(cells []Cell, mark bool, r *rules) float64 {
	return e.totalOver(e.rounds, cells, mark, r)
}

// totalOver is total where cells[i] is the round rounds[i] (the title
// race adds the rounds still to run).
func (e *engine) totalOver(rounds []Round, cells []Cell, mark bool, r *rules) float64 {
	total := 0.0
	if len(r.best.Splits) == 0 {
		keep := -1 // every result
		switch {
		case r.best.N > 0:
			keep = r.best.N
		case r.best.AllBut > 0:
			keep = max(e.calendar-r.best.AllBut, 0)
		}
		total = e.best(rounds, cells, 1, int(^uint(0)>>1), keep, mark)
	} else {
		for i := range cells {
			if n := rounds[i].Number; !inSplits(r.best.Splits, n) {
				total += e.best(rounds, cells, n, n, -1, mark)
			}
		}
		for _, sp := range r.best.Splits {
			total += e.best(rounds, cells, sp.From, sp.To, sp.Count, mark)
		}
	}
	for i := range cells {
		total -= cells[i].Penalty
	}
	return roundPoints(total)
}

func inSplits(splits []BestSplit, round int) bool {
	for _, sp := range splits {
		if round >= sp.From && round <= sp.To {
			return true
		}
	}
	return false
}

// best sums the keep best scores of the cells of rounds from–to (keep < 0:
// all of them). A score that cannot be dropped takes one of the kept places
// whatever it is, and so does a race that cannot be dropped which the
// competitor missed (a zero); the best other scores fill the rest, on equal
// scores the earlier round. With mark set it records the dropped cells.
// cells[i] is the round rounds[i].
func (e *engine) best(rounds []Round, cells []Cell, from, to, keep int, mark bool) float64 {
	scored := e.scored[:0] // reused: nothing keeps it
	fixed, total := 0, 0.0
	for i := range cells {
		n := rounds[i].Number
		if n < from || n > to {
			continue
		}
		c := &cells[i]
		switch {
		case c.Present && !c.Undroppable && !rounds[i].NotDroppable:
			scored = append(scored, i)
		case c.Present:
			fixed++
			total += c.Score
			if mark {
				c.Dropped = false
			}
		case rounds[i].NotDroppable:
			fixed++
		}
	}
	e.scored = scored
	if keep < 0 {
		keep = len(scored)
	} else {
		keep = max(keep-fixed, 0)
	}
	// Best scores first; on equal scores the earlier round is kept.
	slices.SortStableFunc(scored, func(a, b int) int { return cmp.Compare(cells[b].Score, cells[a].Score) })
	for rank, i := range scored {
		if rank < keep {
			total += cells[i].Score
		}
		if mark {
			cells[i].Dropped = rank >= keep
		}
	}
	return total
}

// newInts returns n zeros cut from the engine's block (see newCells).
func (e *engine) newInts(n int) []int {
	if len(e.ints)+n > cap(e.ints) {
		e.ints = make([]int, 0, max(cellBlockLen, n))
	}
	k := len(e.ints)
	e.ints = e.ints[:k+n]
	return e.ints[k : k+n : k+n]
}

// newFloats returns n zeros cut from the engine's block (see newCells).
func (e *engine) newFloats(n int) []float64 {
	if n == 0 {
		return []float64{}
	}
	if len(e.floats)+n > cap(e.floats) {
		e.floats = make([]float64, 0, max(cellBlockLen, n))
	}
	k := len(e.floats)
	e.floats = e.floats[:k+n]
	return e.floats[k : k+n : k+n]
}

// countback counts the scoring positions of rounds that scored (an
// ineligible driver's rounds and races marked Countback N do not count); an aggregated line counts each
// counted member's position. With scoring places only, a position counts
// when it paid position points.
func (e *engine) countback(cells []Cell, r *rules) []int {
	n := 0 // the lowest scoring position counted: counts' length
	r.positions(cells, 0, func(pos int) { n = max(n, pos) })
	if n == 0 {
		return nil
	}
	counts := e.newInts(n)
	r.positions(cells, 0, func(pos int) { counts[pos-1]++ })
	return counts
}

// positions calls add with each position countback counts in cells[from:]
// (see countback).
func (r *rules) positions(cells []Cell, from int, add func(pos int)) {
	for i := from; i < len(cells); i++ {
		c := &cells[i]
		if !c.Present || c.Ineligible || r.leftOut(i) {
			continue
		}
		if !r.aggregated {
			if c.ScoringPos > 0 && (!r.tie.scoringOnly || paidPosition(c.Items)) {
				add(c.ScoringPos)
			}
			continue
		}
		for j := range c.Items {
			if it := &c.Items[j]; it.Kind == ItemCounted && it.Pos > 0 && (!r.tie.scoringOnly || it.Base > 0) {
				add(it.Pos)
			}
		}
	}
}

// paidPosition reports whether items hold position points above zero.
func paidPosition(items []Item) bool {
	return positionPoints(items) > 0
}

// positionPoints sums the position items.
func positionPoints(items []Item) float64 {
	p := 0.0
	for i := range items {
		if it := &items[i]; it.Kind == ItemPosition {
			p += it.Points
		}
	}
	return p
}

// compareCountback compares more wins, then more 2nd places, and so on.
func compareCountback(a, b []int) int {
	for i := range max(len(a), len(b)) {
		var x, y int
		if i < len(a) {
			x = a[i]
		}
		if i < len(b) {
			y = b[i]
		}
		if c := cmp.Compare(x, y); c != 0 {
			return c
		}
	}
	return 0
}

// compareDisplay orders lines that share a position for display only: cars
// by number; drivers by the cars they drove, so that a crew stays together
// (its shared cells are merged), then by surname (the last word of the
// name) as the published tables list a crew, then by the whole name.
func compareDisplay(a, b *Line) int {
	switch a.Kind {
	case TeamLine:
		return CompareCarNumbers(a.No, b.No)
	case TeamTotalLine, MakeLine, NationLine:
		return strings.Compare(a.Name, b.Name)
	}
	return cmp.Or(slices.CompareFunc(a.Cars, b.Cars, CompareCarNumbers),
		strings.Compare(surname(a.Key), surname(b.Key)), strings.Compare(a.Key, b.Key))
}

func surname(name string) string {
	if i := strings.LastIndexByte(name, ' '); i >= 0 {
		return name[i+1:]
	}
	return name
}

// sameCrew reports whether two driver lines are one crew: the same car or
// cars, and the same points round by round (a round one of them did not
// drive counting as no points). Such drivers are equal by nature; no
// steward needs to decide between them.
func sameCrew(a, b Line) bool {
	if a.Kind != DriverLine || !slices.Equal(a.Cars, b.Cars) || len(a.Rounds) != len(b.Rounds) {
		return false
	}
	net := func(c Cell) float64 {
		if !c.Present {
			return -c.Penalty
		}
		return c.Score - c.Penalty
	}
	for i := range a.Rounds {
		x, y := a.Rounds[i], b.Rounds[i]
		if net(x) != net(y) || x.Present && y.Present && x.No != y.No {
			return false
		}
	}
	return true
}

// tieWarning tells the stewards that the tie-break cannot split a and b in
// the table titled title ("LMP2 teams'", "Constructors").
func (e *engine) tieWarning(title string, a, b Line) {
	who := func(l Line) string {
		if l.Kind == TeamLine {
			return "car " + l.No + " (" + l.Team + ")"
		}
		return l.Name
	}
	col := ColNo
	if a.Kind == DriverLine || a.Kind == NationLine {
		col = ColDriver
	}
	e.diags.Warnf(b.Origin.At(col), CodeUnsplitTie, hintUnsplitTie,
		"%s championship: %s and %s are tied on %s points and countback cannot split them; both are placed %s",
		title, who(a), who(b), FormatPoints(a.Points), Ordinal(a.Pos))
}

// String renders a line on one line, for tests and logs:
// "3 #45 Thunderhead Carlin Racing 82".
func (l Line) String() string {
	pos := fmt.Sprint(l.Pos)
	if l.Shared {
		pos = "=" + pos
	}
	if l.Kind == TeamLine {
		return fmt.Sprintf("%s #%s %s %s", pos, l.No, l.Team, FormatPoints(l.Points))
	}
	return fmt.Sprintf("%s %s %s", pos, l.Name, FormatPoints(l.Points))
}
