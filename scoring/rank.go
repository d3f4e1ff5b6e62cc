package scoring

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// finish completes a classification's lines: best-N drops, totals,
// progression, countback, then positions.
func (e *engine) finish(name string, lines []Line) []Line {
	lines = slices.DeleteFunc(lines, func(l Line) bool {
		for _, c := range l.Rounds {
			if c.Present || c.Penalty != 0 {
				return false
			}
		}
		return true
	})
	for i := range lines {
		l := &lines[i]
		l.Progression = e.progression(l.Rounds)
		l.Points = e.total(l.Rounds, true)
		l.Countback = e.countback(l.Rounds)
	}
	countbackOn := e.s.TieBreak != NoTieBreak
	// The lines' indexes are sorted, then the lines put in that order: a
	// line is large, and moving it about in the sort costs more than
	// comparing it.
	order := make([]int, len(lines))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		a, b := &lines[i], &lines[j]
		if c := cmp.Compare(b.Points, a.Points); c != 0 {
			return c
		}
		if countbackOn {
			if c := compareCountback(b.Countback, a.Countback); c != 0 {
				return c
			}
		}
		return compareDisplay(a, b)
	})
	sorted := make([]Line, len(lines))
	for i, k := range order {
		sorted[i] = lines[k]
	}
	lines = sorted
	for i := range lines {
		if i == 0 {
			lines[i].Pos = 1
			continue
		}
		prev := &lines[i-1]
		if prev.Points == lines[i].Points && (!countbackOn || compareCountback(prev.Countback, lines[i].Countback) == 0) {
			lines[i].Pos = prev.Pos
			lines[i].Shared, prev.Shared = true, true
			if countbackOn && lines[i].Points > 0 && !sameCrew(*prev, lines[i]) {
				e.tieWarning(name, *prev, lines[i])
			}
			continue
		}
		lines[i].Pos = prev.Pos + 1
	}
	return lines
}

// progression is the total after each round. Without best-N it is a
// running sum; with it, each prefix picks its own best results.
func (e *engine) progression(cells []Cell) []float64 {
	out := e.newFloats(len(cells))
	sum := 0.0
	for k, c := range cells {
		if e.s.BestResults > 0 {
			out[k] = e.total(cells[:k+1], false)
			continue
		}
		if c.Present {
			sum += c.Score
		}
		sum -= c.Penalty
		out[k] = sum
	}
	return out
}

// total is the sum of the counted round scores less penalties. With mark
// set it records which rounds best-N drops.
func (e *engine) total(cells []Cell, mark bool) float64 {
	scored := e.scored[:0] // reused: nothing keeps it
	for i := range cells {
		if cells[i].Present {
			scored = append(scored, i)
		}
	}
	e.scored = scored
	keep := len(scored)
	if n := e.s.BestResults; n > 0 && n < keep {
		keep = n
	}
	// Best scores first; on equal scores the earlier round is kept.
	slices.SortStableFunc(scored, func(a, b int) int { return cmp.Compare(cells[b].Score, cells[a].Score) })
	total := 0.0
	for rank, i := range scored {
		if rank < keep {
			total += cells[i].Score
		}
		if mark {
			cells[i].Dropped = rank >= keep
		}
	}
	for i := range cells {
		total -= cells[i].Penalty
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
// ineligible driver's rounds do not count).
func (e *engine) countback(cells []Cell) []int {
	n := 0 // the lowest scoring position counted: counts' length
	for i := range cells {
		if c := &cells[i]; c.Present && !c.Ineligible && c.ScoringPos > n {
			n = c.ScoringPos
		}
	}
	if n == 0 {
		return nil
	}
	counts := e.newInts(n)
	for i := range cells {
		if c := &cells[i]; c.Present && !c.Ineligible && c.ScoringPos > 0 {
			counts[c.ScoringPos-1]++
		}
	}
	return counts
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
	if a.Kind == TeamLine {
		return CompareCarNumbers(a.No, b.No)
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

func (e *engine) tieWarning(name string, a, b Line) {
	who := func(l Line) string {
		if l.Kind == TeamLine {
			return "car " + l.No + " (" + l.Team + ")"
		}
		return l.Name
	}
	table := "teams'"
	col := ColNo
	if a.Kind == DriverLine {
		table, col = "drivers'", ColDriver
	}
	e.diags.Warnf(b.Origin.At(col), CodeUnsplitTie, hintUnsplitTie,
		"%s %s championship: %s and %s are tied on %s points and countback cannot split them; both are placed %s",
		name, table, who(a), who(b), FormatPoints(a.Points), Ordinal(a.Pos))
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
