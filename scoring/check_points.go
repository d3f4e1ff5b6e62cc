package scoring

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// pointsScheme checks the points scheme: classes that are entered, each
// award once, a table of positions for every class, without gaps.
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
		class string
		kind  AwardKind
		pos   int
	}
	seen := map[key]*Award{}
	positions := map[string][]*Award{}
	for i := range c.s.Points {
		a := &c.s.Points[i]
		if a.Class != "" && !known[strings.ToLower(a.Class)] && len(c.entries) > 0 {
			hint := fmt.Sprintf(hintEntryClasses, strings.Join(classes, ", "))
			if g := Closest(a.Class, classes, 2); g != "" {
				hint = fmt.Sprintf(hintDidYouMean, g)
			}
			c.diags.Errorf(a.Origin.At(ColClass), CodeUnknownClass, hint, "class %q is not the class or cup of any entry", a.Class)
		}
		k := key{a.Class, a.Kind, a.Position}
		if first, dup := seen[k]; dup {
			what := a.Kind.String()
			if a.Kind == AwardPosition {
				what = "position " + fmt.Sprint(a.Position)
			}
			for_ := "every class"
			if a.Class != "" {
				for_ = a.Class
			}
			c.diags.Errorf(a.Origin.At(ColAward), CodeDuplicateAward, hintDuplicateAward,
				"points for %s (%s) are given twice (also at %s)", what, for_, place(first.Origin, ColAward))
			continue
		}
		seen[k] = a
		if a.Kind == AwardPosition {
			positions[a.Class] = append(positions[a.Class], a)
		}
	}
	if len(positions[""]) == 0 && len(c.s.Points) > 0 {
		// Without a default table, every class needs its own.
		for _, name := range classes {
			if len(positions[name]) == 0 && !c.misnamed[name] {
				c.diags.Errorf(src.Ref.sheet(), CodeNoPositions, fmt.Sprintf(hintNoClassPositions, name),
					"the points scheme gives no points for finishing positions in %s", name)
			}
		}
	}
	if len(c.s.Points) == 0 {
		c.diags.Errorf(src.Ref.sheet(), CodeNoPositions, hintNoPoints, "the points scheme is empty")
	}
	classNames := make([]string, 0, len(positions))
	for name := range positions {
		classNames = append(classNames, name)
	}
	sort.Strings(classNames)
	for _, name := range classNames {
		c.positionTable(name, positions[name])
	}
}

// positionTable checks that the points table of one class (all classes
// for "") pays positions 1, 2, 3 … without gaps.
func (c *checker) positionTable(class string, awards []*Award) {
	slices.SortFunc(awards, func(a, b *Award) int { return a.Position - b.Position })
	expect := 1
	for _, a := range awards {
		if a.Position != expect {
			for_ := ""
			if class != "" {
				for_ = " for " + class
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
