package scoring

import (
	"cmp"
	"slices"
	"strings"
)

// TitleChance is what a competitor can still achieve in a championship
// while rounds remain, and whether it won the title once it is decided.
type TitleChance int

// Title chances.
const (
	// TitleNone: the competitor can no longer win the title (or the
	// season is over and someone else won it).
	TitleNone TitleChance = iota
	// TitleContender: the competitor can still mathematically win the
	// title.
	TitleContender
	// TitleChampion: the competitor has won the title: nobody can catch
	// it in the rounds that remain (or none remain).
	TitleChampion
)

// String returns the chance as the press CSV's Title column writes it:
// "Champion", "Contender" or "".
func (c TitleChance) String() string {
	switch c {
	case TitleContender:
		return "Contender"
	case TitleChampion:
		return "Champion"
	}
	return ""
}

// TitleRace is the state of a championship's title after the last round
// scored.
type TitleRace struct {
	// RoundsLeft is the number of rounds of the calendar still to run.
	RoundsLeft int
	// Available is the most points one competitor can still add to its
	// counted total in the rounds that remain (best results, factors and
	// each race's scheme taken into account).
	Available float64
	// Decided is true when the champion is known (Line.Title is
	// TitleChampion on its line).
	Decided bool
}

// schedule finds the last round with results among the counted ones, the
// one before it, and the rounds of the calendar still to run after it
// (calendar is the season's rounds; the first row of a round number
// counts, as newEngine takes it).
func (e *engine) schedule(calendar []Round) {
	ran := make([]bool, len(e.rounds))
	for _, rs := range e.resultsOf {
		for i, r := range rs {
			if r != nil {
				ran[i] = true
			}
		}
	}
	e.last, e.prev = -1, -1
	for i, r := range ran {
		if r {
			e.last, e.prev = i, e.last
		}
	}
	lastNo := 0
	if e.last >= 0 {
		lastNo = e.rounds[e.last].Number
	}
	seen := map[int]bool{}
	for _, r := range calendar {
		if r.Number > lastNo && !seen[r.Number] {
			seen[r.Number] = true
			e.future = append(e.future, r)
		}
	}
	slices.SortFunc(e.future, func(a, b Round) int { return cmp.Compare(a.Number, b.Number) })
}

// previous gives each line its position after the previous round with
// results (Line.Previous; 0 when it was not listed then or had no
// position) and reports whether there was one. The lines are ranked by
// the same rules on what they had then: their total after that round
// (Progression), their countback, starts and exclusions up to it.
func (e *engine) previous(r *rules, lines []Line) bool {
	p := e.prev
	if p < 0 {
		return false
	}
	then := make([]Line, 0, len(lines))
	index := make([]int, 0, len(lines))
	for i := range lines {
		l := &lines[i]
		cells := l.Rounds[:p+1]
		excluded := l.excludedFrom > 0 && l.excludedFrom <= p+1
		if !listed(cells, excluded) {
			continue
		}
		t := Line{Kind: l.Kind, No: l.No, Name: l.Name, Key: l.Key, Cars: l.Cars, Excluded: excluded,
			Rounds: cells, Progression: l.Progression[:p+1], Points: l.Progression[p]}
		t.TooFewStarts = r.minStarts > 0 && starts(cells) < r.minStarts
		then = append(then, t)
		index = append(index, i)
	}
	// The tie-break compares only lines on equal points: only they need
	// their countback then.
	equal := make(map[float64]int, len(then))
	for k := range then {
		equal[then[k].Points]++
	}
	for k := range then {
		if t := &then[k]; equal[t.Points] > 1 && len(lines[index[k]].Countback) > 0 {
			// The countback now, less the rounds since.
			cb := e.newInts(len(lines[index[k]].Countback))
			copy(cb, lines[index[k]].Countback)
			r.positions(lines[index[k]].Rounds, p+1, func(pos int) { cb[pos-1]-- })
			t.Countback = cb
		}
	}
	e.rank(r, then, false)
	for k := range then {
		lines[index[k]].Previous = then[k].Pos
	}
	return true
}

// prospect is what one line can still make of the season.
type prospect struct {
	// most is its total if it scores all it can in every race still to
	// run; floor its total if it scores nothing more.
	most, floor float64
	// wins is the most results it can still add to its countback, all
	// counted as wins.
	wins int
	// can is false for a line that cannot be ranked at the end (excluded,
	// or too few starts even if it starts every race left).
	can bool
}

// titleRace works out who can still win championship ch, run in rn,
// after the last round with results, and marks each line's Title (lines
// are ranked; sizes holds the number of cars, or drivers, of each team,
// make or nation; kNew is the most cars a competitor of the workbook not
// listed yet could count, 0 for none).
//
// A competitor's most is its counted total if it scores all it can in
// each race still to run: the best position points of the race's scheme
// times its factor, with pole, fastest lap, most laps led (each once),
// start and lap led (each for every counted car), these not multiplied,
// as the engine pays them; a Team's or Make's k counted cars take the k
// best places, a Nation's k counted drivers all drive the winning car
// (under Shared drives full; else each a car of its own). Best results
// drop as the engine drops them, over the rounds run and those to run
// (results that cannot be dropped, split ranges). A competitor is
// assumed to take part in every race still to run, and penalties still
// to come are not foreseen.
//
// A competitor is a contender when its most reaches the total every
// other ranked competitor already has for sure (its total with nothing
// more: a race that cannot be dropped still to run counts as a zero).
// On a tie at the maximum it stays a contender unless the tie-break
// certainly beats it: countback, with every result it can still add
// counted as a win, still loses to the other's countback now (which can
// only grow). A tie-break none (a shared title), a latest result or a
// first to reach the total leaves it a contender. A competitor listed
// without a position counts only if it can still reach Minimum starts;
// an excluded one never.
//
// A competitor of the workbook not listed yet (an entry, a driver, a
// team, make or nation without a result so far) may still take part in
// every race left: the title is not decided while it could win it, and
// the points available are at least what it could score. Competitors
// the workbook does not name yet are not foreseen.
//
// The champion is the only contender when rounds remain and no newcomer
// could win, and the competitors placed first when none remain (all of
// them on a tie that cannot be split).
func (e *engine) titleRace(ch *Championship, rn run, r *rules, lines []Line, sizes map[string]int, kNew int) TitleRace {
	tr := TitleRace{RoundsLeft: len(e.future)}
	if len(e.future) == 0 {
		for i := range lines {
			if lines[i].Pos == 1 {
				lines[i].Title, tr.Decided = TitleChampion, true
			}
		}
		return tr
	}
	gains := e.raceGains(ch, rn)
	countable := 0
	for _, rd := range e.future {
		if !rd.NoCountback {
			countable++
		}
	}
	ps := make([]prospect, len(lines))
	var cells []Cell // reused
	for i := range lines {
		l := &lines[i]
		k, full := e.counted(ch, l, sizes)
		p := &ps[i]
		p.can = !l.Excluded && (!l.TooFewStarts || starts(l.Rounds[:e.last+1])+len(e.future) >= r.minStarts)
		p.wins = k * countable
		gain := gains(k, full)
		if !r.best.drops() {
			p.floor, p.most = l.Points, roundPoints(l.Points+sum(gain))
		} else {
			cells = e.outlook(cells[:0], l, gain)
			p.most = e.totalOver(e.titleRounds(), cells, false, r)
			for j := e.last + 1; j < len(cells); j++ {
				cells[j].Present = false
			}
			p.floor = e.totalOver(e.titleRounds(), cells, false, r)
		}
		if p.can {
			tr.Available = max(tr.Available, roundPoints(p.most-l.Points))
		}
	}
	var newcomer prospect
	if kNew > 0 {
		full := ch.Competitor == CompetitorNation && e.s.SharedDrives == SharedFull
		newcomer = prospect{wins: kNew * countable, can: len(e.future) >= r.minStarts}
		cells = e.outlook(cells[:0], &Line{Rounds: e.emptyCells()}, gains(kNew, full))
		newcomer.most = e.totalOver(e.titleRounds(), cells, false, r)
		tr.Available = max(tr.Available, newcomer.most)
	}
	var contenders []int
	for i := range lines {
		if ps[i].can && !r.beaten(lines, ps, i, ps[i], lines[i].Countback) {
			contenders = append(contenders, i)
		}
	}
	open := newcomer.can && !r.beaten(lines, ps, -1, newcomer, nil)
	if len(contenders) == 1 && lines[contenders[0]].Pos > 0 && !open {
		lines[contenders[0]].Title, tr.Decided = TitleChampion, true
		return tr
	}
	for _, i := range contenders {
		lines[i].Title = TitleContender
	}
	return tr
}

// beaten reports whether a competitor (line self of lines, -1 for one
// not listed) whose prospect is p and countback now cb can no longer win:
// a ranked competitor already has more than its most for sure, or as much
// and a countback it cannot beat.
func (r *rules) beaten(lines []Line, ps []prospect, self int, p prospect, cb []int) bool {
	var best []int // the countback it could reach, built on demand
	for d := range lines {
		if d == self || lines[d].Pos == 0 || ps[d].floor < p.most {
			continue
		}
		if ps[d].floor > p.most {
			return true
		}
		if !r.tie.countback {
			continue
		}
		if best == nil {
			best = slices.Clone(cb)
			if len(best) == 0 {
				best = []int{0}
			}
			best[0] += p.wins
		}
		if compareCountback(best, lines[d].Countback) < 0 {
			return true
		}
	}
	return false
}

// drops reports whether some results may be dropped.
func (b BestResults) drops() bool { return b.N > 0 || b.AllBut > 0 || len(b.Splits) > 0 }

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}

// titleRounds are the rounds up to the last with results, then those
// still to run.
func (e *engine) titleRounds() []Round {
	return append(e.rounds[:e.last+1:e.last+1], e.future...)
}

// outlook appends to cells line l's cells of the rounds up to the last
// with results, then a cell per race still to run scoring gain[j] (none
// for nothing), with the penalties already given for it.
func (e *engine) outlook(cells []Cell, l *Line, gain []float64) []Cell {
	cells = append(cells, l.Rounds[:e.last+1]...)
	for j, rd := range e.future {
		c := Cell{Round: rd.Number, Present: gain[j] > 0, Score: gain[j]}
		if k := e.last + 1 + j; k < len(l.Rounds) {
			c.Penalty = l.Rounds[k].Penalty
		}
		cells = append(cells, c)
	}
	return cells
}

// counted is how many cars (drivers) of line l can score for it in one
// race, and whether a Nation's drivers may all score the same car's
// points (Shared drives full).
func (e *engine) counted(ch *Championship, l *Line, sizes map[string]int) (k int, full bool) {
	switch l.Kind {
	case TeamTotalLine, MakeLine, NationLine:
		k = sizes[l.Name]
		if ch.Counted.N > 0 {
			k = min(k, ch.Counted.N)
		}
		return k, l.Kind == NationLine && e.s.SharedDrives == SharedFull
	}
	return 1, false
}

// raceGains returns, for k counted cars (full: drivers who may share one
// car, each scoring its points), the most they can score together in
// each race still to run, under championship ch's scheme or each race's.
func (e *engine) raceGains(ch *Championship, rn run) func(k int, full bool) []float64 {
	schemes := map[string]*scheme{}
	type key struct {
		k    int
		full bool
	}
	memo := map[key][]float64{}
	return func(k int, full bool) []float64 {
		if g, ok := memo[key{k, full}]; ok {
			return g
		}
		g := make([]float64, len(e.future))
		for j, rd := range e.future {
			paid := ch.Scheme
			if paid == "" {
				paid = rd.Scheme
			}
			sc := schemes[strings.ToLower(paid)]
			if sc == nil {
				v := e.scheme(rn.class, paid)
				sc = &v
				schemes[strings.ToLower(paid)] = sc
			}
			if full {
				g[j] = float64(k) * sc.most(rd, 1)
			} else {
				g[j] = sc.most(rd, k)
			}
		}
		memo[key{k, full}] = g
		return g
	}
}

// most is the most k cars of one competitor can score together in race
// rd under the scheme: the k best places times the race's factor, pole,
// fastest lap and most laps led once, start and lap led for each car.
func (sc *scheme) most(rd Round, k int) float64 {
	if k < 1 {
		return 0
	}
	places := slices.Clone(sc.positions)
	if sc.hasOther {
		for range k {
			places = append(places, sc.other)
		}
	}
	slices.SortFunc(places, func(a, b float64) int { return cmp.Compare(b, a) })
	pts := 0.0
	for _, p := range places[:min(k, len(places))] {
		pts += max(p, 0)
	}
	pts *= rd.Factor
	for _, b := range []bonus{sc.pole, sc.fastest, sc.mostLed} {
		if b.has {
			pts += max(b.points, 0)
		}
	}
	for _, b := range []bonus{sc.start, sc.lapLed} {
		if b.has {
			pts += float64(k) * max(b.points, 0)
		}
	}
	return roundPoints(pts)
}

// newcomers is the most cars (drivers) a competitor of championship ch
// not listed in lines yet could count: a scoring car of the table's
// classification (cars), a driver of one (keep says which score), a team,
// make or nation of sizes; 0 when every one is listed.
func (e *engine) newcomers(ch *Championship, cars []*Entry, keep func(d *Driver) bool, lines []Line, sizes map[string]int) int {
	listed := map[string]bool{}
	for i := range lines {
		switch l := &lines[i]; l.Kind {
		case TeamLine:
			listed[l.No] = true
		case DriverLine:
			listed[l.Key] = true
		default:
			listed[l.Name] = true
		}
	}
	k := 0
	switch ch.Competitor {
	case CompetitorCar:
		for _, c := range cars {
			if !listed[c.No] {
				return 1
			}
		}
	case CompetitorDriver:
		for _, c := range cars {
			for _, d := range e.driversOf[c.No] {
				if (keep == nil || keep(d)) && !listed[d.Key] {
					return 1
				}
			}
		}
	default:
		for g, n := range sizes {
			if !listed[g] {
				k = max(k, n)
			}
		}
		if ch.Counted.N > 0 {
			k = min(k, ch.Counted.N)
		}
	}
	return k
}

// nations counts the drivers of each nationality among the drivers of
// cars (keep says which score), each driver once, by the nationality of
// their first row that has one.
func (e *engine) nations(cars []*Entry, keep func(d *Driver) bool) map[string]int {
	seen := map[string]bool{}
	sizes := map[string]int{}
	for _, c := range cars {
		for _, d := range e.driversOf[c.No] {
			if d.Nat != "" && (keep == nil || keep(d)) && !seen[d.Key] {
				seen[d.Key] = true
				sizes[d.Nat]++
			}
		}
	}
	return sizes
}
