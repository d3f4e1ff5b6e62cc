package scoring

import (
	"cmp"
	"slices"
)

// groupKind is the line kind of an aggregated competitor.
func groupKind(c Competitor) LineKind {
	switch c {
	case CompetitorTeam:
		return TeamTotalLine
	case CompetitorMake:
		return MakeLine
	}
	return NationLine
}

// groupOf is the team, make or nation a member line (a car's, or for a
// Nation a driver's) adds its points to; "" for none.
func (e *engine) groupOf(c Competitor, l *Line) string {
	switch c {
	case CompetitorTeam:
		return e.entries[l.No].Team
	case CompetitorMake:
		return e.entries[l.No].Make
	}
	return l.Nat
}

// memberOf is the team, make or nation member line m scores for in
// championship ch: its group, unless Counted Nominated leaves a car that
// is not nominated out; "" for none.
func (e *engine) memberOf(ch *Championship, m *Line) string {
	if ch.Counted.Nominated && m.Kind == TeamLine && !e.entries[m.No].Nominated {
		return ""
	}
	return e.groupOf(ch.Competitor, m)
}

// groupSizes counts the member lines of each team, make or nation.
func (e *engine) groupSizes(ch *Championship, members []Line) map[string]int {
	sizes := map[string]int{}
	for i := range members {
		if g := e.memberOf(ch, &members[i]); g != "" {
			sizes[g]++
		}
	}
	return sizes
}

// memberName names a member line in explanations: "car 5", or the driver.
func memberName(l *Line) string {
	if l.Kind == TeamLine {
		return "car " + l.No
	}
	return l.Name
}

// aggregate adds up the member lines (cars, or drivers for a Nation) into
// one line per team, make or nation. In each round the counted members
// are those with a result (nominated ones only with Counted Nominated),
// the Counted.N best of them by points (the better placed, then the lower
// car number, on equal points); a member's penalties reach the line in the
// rounds it counts or has no result.
func (e *engine) aggregate(ch *Championship, members []Line) []Line {
	kind := groupKind(ch.Competitor)
	byGroup := map[string][]*Line{}
	for i := range members {
		m := &members[i]
		if g := e.memberOf(ch, m); g != "" {
			byGroup[g] = append(byGroup[g], m)
		}
	}
	groups := make([]string, 0, len(byGroup))
	for g := range byGroup {
		groups = append(groups, g)
	}
	slices.Sort(groups)
	lines := make([]Line, 0, len(groups))
	var counted []int  // reused: the counted members, by index in the group
	var items []Item   // reused: groupCell's scratch list
	var names []string // reused: the members' names in explanations
	for _, g := range groups {
		ms := byGroup[g]
		names = names[:0]
		for _, m := range ms {
			names = append(names, memberName(m))
		}
		line := Line{Kind: kind, Name: g, Origin: ms[0].Origin, Rounds: e.emptyCells()}
		for _, m := range ms {
			if before(m.Origin, line.Origin) {
				line.Origin = m.Origin
			}
			if m.Kind == TeamLine {
				line.Cars = append(line.Cars, m.No)
			} else {
				line.Cars = append(line.Cars, m.Cars...)
			}
		}
		slices.SortFunc(line.Cars, CompareCarNumbers)
		line.Cars = slices.Compact(line.Cars)
		for i := range e.rounds {
			counted = counted[:0]
			for k, m := range ms {
				if c := &m.Rounds[i]; c.Present && !c.Ineligible {
					counted = append(counted, k)
				}
			}
			slices.SortStableFunc(counted, func(a, b int) int {
				x, y := &ms[a].Rounds[i], &ms[b].Rounds[i]
				return cmp.Or(cmp.Compare(y.Score, x.Score), cmp.Compare(placeRank(x.ScoringPos), placeRank(y.ScoringPos)))
			})
			if n := ch.Counted.N; n > 0 && len(counted) > n {
				counted = counted[:n]
			}
			line.Rounds[i], items = e.groupCell(line.Rounds[i], i, group{ms, names}, counted, items)
		}
		lines = append(lines, line)
	}
	return lines
}

// group is the member lines of one aggregated line, with their names in
// explanations (memberName), made once for every round.
type group struct {
	members []*Line
	names   []string
}

// groupCell is an aggregated line's cell of round i: the counted members'
// points, one ItemCounted each (counted: indexes in g), and the penalties
// of the members of g counted or without a result. It lists the items in
// scratch (returned for reuse) and keeps a copy.
func (e *engine) groupCell(c Cell, i int, g group, counted []int, scratch []Item) (Cell, []Item) {
	items := scratch[:0]
	for k, j := range counted {
		mc := &g.members[j].Rounds[i]
		if k == 0 {
			c.Present, c.Status, c.Pos, c.ScoringPos, c.No = true, mc.Status, mc.Pos, mc.ScoringPos, mc.No
		}
		c.Score += mc.Score
		c.Pole = c.Pole || mc.Pole
		c.FastestLap = c.FastestLap || mc.FastestLap
		items = append(items, Item{Kind: ItemCounted, Note: g.names[j], Pos: mc.ScoringPos, Points: mc.Score, Base: positionPoints(mc.Items), Factor: 1})
		if mc.Undroppable && !c.Undroppable {
			c.Undroppable = true
			for _, it := range mc.Items {
				if it.Kind == ItemKept {
					items = append(items, it)
				}
			}
		}
	}
	for k, m := range g.members {
		mc := &m.Rounds[i]
		if mc.Penalty == 0 || (mc.Present && !mc.Ineligible && !slices.Contains(counted, k)) {
			continue
		}
		c.Penalty += mc.Penalty
		for _, it := range mc.Items {
			if it.Kind == ItemPenalty {
				it.Note = penaltyNote(g.names[k], it.Note)
				items = append(items, it)
			}
		}
	}
	c.Items = e.cloneItems(items)
	return c, items
}

// penaltyNote names the member a penalty of an aggregated line came from.
func penaltyNote(member, reason string) string {
	if reason == "" {
		return member
	}
	return member + ": " + reason
}

// groupPenalties applies the penalties naming table name to its aggregated
// lines: a car's to its team's or make's line; for a Nation, a driver's to
// their nation's, a car's to the nations of the members who drove it in
// that round.
func (e *engine) groupPenalties(ch *Championship, name string, in func(en *Entry) bool, members, lines []Line) {
	for _, p := range e.penalties {
		i, counted := e.roundAt[p.Round]
		en, entered := e.entries[p.No]
		if p.Championship != name || !counted || !entered || !in(en) {
			continue
		}
		groups := map[string]bool{}
		switch ch.Competitor {
		case CompetitorTeam:
			groups[en.Team] = true
		case CompetitorMake:
			groups[en.Make] = true
		default:
			for j := range members {
				m := &members[j]
				if p.DriverKey != "" && m.Key == p.DriverKey || p.DriverKey == "" && droveCar(&m.Rounds[i], p.No) {
					groups[m.Nat] = true
				}
			}
		}
		deduct := penaltyOf(p, i)
		for j := range lines {
			if groups[lines[j].Name] {
				deduct(&lines[j])
			}
		}
	}
}
