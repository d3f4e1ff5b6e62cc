package scoring

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// pointsScheme checks the points schemes: classes that are entered, each
// award once in a scheme, a default table of positions for every class,
// and each scheme's tables without gaps.
func (c *checker) pointsScheme() {
	src := c.src.Points
	if src.Missing {
		return
	}
	classes := c.classes()
	known := map[string]bool{} // folded class
	for _, name := range classes {
		known[strings.ToLower(name)] = true
	}
	type key struct {
		table schemeTable
		kind  AwardKind
		pos   int
	}
	seen := map[key]*Award{}
	positions := map[schemeTable][]*Award{}
	for i := range c.s.Points {
		a := &c.s.Points[i]
		if a.Class != "" && !known[strings.ToLower(a.Class)] && len(c.entries) > 0 {
			hint := fmt.Sprintf(hintEntryClasses, strings.Join(classes, ", "))
			if g := Closest(a.Class, classes, 2); g != "" {
				hint = fmt.Sprintf(hintDidYouMean, g)
			}
			c.diags.Errorf(a.Origin.At(ColClass), CodeUnknownClass, hint, "class %q is not the class or cup of any entry", a.Class)
		}
		c.requiresUnused(a)
		tbl := schemeTable{a.Scheme, a.Class}
		k := key{tbl, a.Kind, a.Position}
		if first, dup := seen[k]; dup {
			what := a.Kind.String()
			if a.Kind == AwardPosition {
				what = "position " + fmt.Sprint(a.Position)
			}
			for_ := "every class"
			if a.Class != "" {
				for_ = a.Class
			}
			if a.Scheme != "" {
				for_ += ", scheme " + a.Scheme
			}
			c.diags.Errorf(a.Origin.At(ColAward), CodeDuplicateAward, hintDuplicateAward,
				"points for %s (%s) are given twice (also at %s)", what, for_, place(first.Origin, ColAward))
			continue
		}
		seen[k] = a
		if a.Kind == AwardPosition {
			positions[tbl] = append(positions[tbl], a)
		}
	}
	if len(positions[schemeTable{}]) == 0 && len(c.s.Points) > 0 && c.defaultSchemePaid() {
		// Without a default table, every class needs its own.
		for _, name := range classes {
			if len(positions[schemeTable{class: name}]) == 0 && !c.misnamed[name] {
				c.diags.Errorf(src.Ref.sheet(), CodeNoPositions, fmt.Sprintf(hintNoClassPositions, name),
					"the points scheme gives no points for finishing positions in %s", name)
			}
		}
	}
	if len(c.s.Points) == 0 {
		c.diags.Errorf(src.Ref.sheet(), CodeNoPositions, hintNoPoints, "the points scheme is empty")
	}
	tables := make([]schemeTable, 0, len(positions))
	for tbl := range positions {
		tables = append(tables, tbl)
	}
	slices.SortFunc(tables, func(a, b schemeTable) int {
		return cmp.Or(strings.Compare(a.scheme, b.scheme), strings.Compare(a.class, b.class))
	})
	for _, tbl := range tables {
		c.positionTable(tbl, positions[tbl])
	}
}

// schemeTable is a points table: a scheme's ("" the default) rows for a
// class ("" every class).
type schemeTable struct{ scheme, class string }

// defaultSchemePaid reports whether some championship pays the default
// scheme: one that pays each race's scheme (all of them in a season
// without Championships, otherwise those with a blank Scheme) where some
// race pays the default one (a blank Calendar Scheme).
func (c *checker) defaultSchemePaid() bool {
	perRace := len(c.s.Championships) == 0 || slices.ContainsFunc(c.s.Championships, func(ch Championship) bool { return ch.Scheme == "" })
	defaultRace := len(c.rounds) == 0 || slices.ContainsFunc(c.roundNumbers, func(n int) bool { return c.rounds[n].Scheme == "" })
	return perRace && defaultRace
}

// positionTable checks that a points table pays positions 1, 2, 3 …
// without gaps.
func (c *checker) positionTable(tbl schemeTable, awards []*Award) {
	slices.SortFunc(awards, func(a, b *Award) int { return a.Position - b.Position })
	expect := 1
	for _, a := range awards {
		if a.Position != expect {
			for_ := ""
			if tbl.scheme != "" {
				for_ = " of scheme " + tbl.scheme
			}
			if tbl.class != "" {
				for_ += " for " + tbl.class
			}
			missing := fmt.Sprintf("position %d has", expect)
			if a.Position-expect > 1 {
				missing = fmt.Sprintf("positions %d–%d have", expect, a.Position-1)
			}
			c.diags.Errorf(a.Origin.At(ColAward), CodePointsGap, hintPointsGap,
				"the points table%s jumps to position %d: %s no points", for_, a.Position, missing)
		}
		expect = a.Position + 1
	}
}
