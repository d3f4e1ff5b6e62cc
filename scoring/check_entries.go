package scoring

import (
	"fmt"
	"slices"
	"strings"
)

// entryList checks the entry list: each car once, its rounds in the
// calendar, and class names that look mistyped.
func (c *checker) entryList() {
	src := c.src.Entries
	if !src.Missing && len(c.s.Entries)+src.Skipped == 0 {
		c.diags.Warnf(src.Ref.sheet(), CodeNoEntries, hintNoEntries, "no cars are entered yet")
	}
	for i := range c.s.Entries {
		e := &c.s.Entries[i]
		if first := c.entries[e.No]; first != e {
			c.diags.Errorf(e.Origin.At(ColNo), CodeDuplicateCar, hintDuplicateCar,
				"car %s is entered twice (also at %s)", e.No, place(first.Origin, ColNo))
			continue
		}
		c.checkRoundSet(e.Rounds, e.Origin.At(ColRounds))
	}
	c.classNames()
}

// classNames looks for mistyped classes and cups ("Tourng" among "Touring"
// cars), which would otherwise make a championship of their own that the
// car wins. When the workbook lists its classes — in its class list
// (Source.ClassList), or in the points scheme when every class has its own
// points table — a class not listed is an error. Otherwise a class of
// fewer cars that is one typo away from a class of more cars (at least
// two), or from a listed one, is a warning.
func (c *checker) classNames() {
	c.misnamed = map[string]bool{}
	var entries []*Entry
	count := map[string]int{} // "class:"/"cup:" + name → cars
	for i := range c.s.Entries {
		if e := &c.s.Entries[i]; c.entries[e.No] == e {
			entries = append(entries, e)
			count["class:"+e.Class]++
			if e.Cup != "" {
				count["cup:"+e.Cup]++
			}
		}
	}
	used := func(name string) bool { return count["class:"+name] > 0 || count["cup:"+name] > 0 }
	// A list counts as the workbook's own when it names at least one class
	// in use: a list left over from another series does not.
	lists := classList{where: "the Lists sheet", notIn: "is not in the class list of the Lists sheet", fix: hintListsFix}
	for _, name := range c.src.ClassList {
		lists.add(name)
	}
	points := classList{where: "the Points sheet", notIn: "has no points table in the Points sheet, which gives each class its own", fix: hintPointsFix}
	defaultTable := false
	for _, a := range c.s.Points {
		if a.Scheme != "" {
			continue // a named scheme's tables make no class list
		}
		if a.Class != "" {
			points.add(a.Class)
		} else if a.Kind == AwardPosition {
			defaultTable = true
		}
	}
	lists.complete = slices.ContainsFunc(lists.names, used)
	// Without a points table for every class, the Points sheet names only
	// the classes with a table of their own.
	points.complete = !defaultTable && slices.ContainsFunc(points.names, used)
	all := c.classes()
	check := func(e *Entry, what, name, col string) {
		ref := e.Origin.At(col)
		for _, l := range []*classList{&lists, &points} {
			if !l.complete || l.has(name) {
				continue
			}
			hint := fmt.Sprintf(hintClassChoice, l.fix, strings.Join(l.names, ", "))
			if g := Closest(name, l.names, 2); g != "" {
				hint = fmt.Sprintf(hintClassMeant, g, l.fix)
			}
			c.diags.Errorf(ref, CodeUnknownClass, hint, "%s %q %s", what, name, l.notIn)
			c.misnamed[name] = true
			return
		}
		if lists.has(name) || points.has(name) {
			return
		}
		n := count[what+":"+name]
		var meant string
		for _, cand := range all {
			if k := count[what+":"+cand]; k >= 2 && k > n && isTypo(name, cand) {
				meant = cand
				break
			}
		}
		via := ""
		if meant == "" {
			for _, cand := range append(slices.Clone(lists.names), points.names...) {
				if isTypo(name, cand) {
					meant, via = cand, lists.where
					if !lists.has(cand) {
						via = points.where
					}
					break
				}
			}
		}
		switch {
		case meant == "":
			return
		case via != "":
			c.diags.Warnf(ref, CodeClassSpelling, fmt.Sprintf(hintClassOfItsOwn, meant),
				"%s %q looks like a misspelling of %q, which %s lists", what, name, meant, via)
		default:
			c.diags.Warnf(ref, CodeClassSpelling, fmt.Sprintf(hintClassOfItsOwn, meant),
				"%s %q (%s) looks like a misspelling of %q (%s)", what, name, cars(n), meant, cars(count[what+":"+meant]))
		}
	}
	for _, e := range entries {
		check(e, "class", e.Class, ColClass)
		if e.Cup != "" {
			check(e, "cup", e.Cup, ColCup)
		}
	}
}

func cars(n int) string {
	if n == 1 {
		return "1 car"
	}
	return fmt.Sprintf("%d cars", n)
}

// classList is a list of the season's classes, from one sheet.
type classList struct {
	names []string
	// complete is true when the list is meant to hold every class.
	complete bool
	where    string // "the Points sheet"
	notIn    string // what a class missing from it lacks
	fix      string // how to add a class to it
}

func (l *classList) add(name string) {
	if !l.has(name) {
		l.names = append(l.names, name)
	}
}

// has reports whether the list names the class, with any capitals.
func (l *classList) has(name string) bool {
	return slices.ContainsFunc(l.names, func(n string) bool { return strings.EqualFold(n, name) })
}

// isTypo reports whether class name a is probably a mistyped b: two
// neighbouring letters swapped ("LPM3" for "LMP3"), the same name with other
// spaces or dots ("GTAm" for "GT Am"), or one letter added, dropped or changed in a name of at least four letters
// ("Tourng" for "Touring"). Names whose digits differ are different classes
// (GT3 and GT4, LMP2 and LMP3, GT and GT3), and so are short names one
// letter apart (GTE and GTD).
func isTypo(a, b string) bool {
	if strings.EqualFold(a, b) {
		return false // one class written with other capitals: see sameClass
	}
	ka, kb := foldKey(a), foldKey(b)
	if ka == kb {
		return true
	}
	if digits(ka) != digits(kb) || Distance(ka, kb) != 1 {
		return false
	}
	return swapped(ka, kb) || min(len([]rune(ka)), len([]rune(kb))) >= 4
}

func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// swapped reports whether b is a with two neighbouring characters swapped.
func swapped(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) != len(rb) {
		return false
	}
	for i := 0; i+1 < len(ra); i++ {
		if ra[i] != rb[i] {
			return ra[i] == rb[i+1] && ra[i+1] == rb[i] && string(ra[i+2:]) == string(rb[i+2:])
		}
	}
	return false
}
