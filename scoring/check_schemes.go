package scoring

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// schemeKey is the key under which two spellings of a points scheme's name
// are one scheme: case, accents, spaces and dashes aside ("Non-title",
// "non title").
func schemeKey(name string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.Is(unicode.Pd, r) || r == '−' {
			return -1
		}
		return r
	}, FoldName(name))
}

// normalizeSchemes writes each named points scheme as the Points sheet
// first spells it, warning at the rows that spell it otherwise, and a
// championship's or a race's (Calendar) Scheme as the Points sheet spells
// it.
func (ix *index) normalizeSchemes(diags *Diagnostics) {
	spellings := map[string]classSpelling{}
	for i := range ix.s.Points {
		if a := &ix.s.Points[i]; a.Scheme != "" {
			a.Scheme = sameSpelling(diags, spellings, "points scheme", CodeSchemeSpelling, schemeKey(a.Scheme), a.Scheme, a.Origin.At(ColScheme))
		}
	}
	for i := range ix.s.Championships {
		ch := &ix.s.Championships[i]
		if first, ok := spellings[schemeKey(ch.Scheme)]; ok && ch.Scheme != "" {
			ch.Scheme = first.name
		}
	}
	for i := range ix.s.Rounds {
		r := &ix.s.Rounds[i]
		if first, ok := spellings[schemeKey(r.Scheme)]; ok && r.Scheme != "" {
			r.Scheme = first.name
		}
	}
}

// schemeNames lists the named points schemes of the Points sheet, in the
// order of their first row.
func (ix *index) schemeNames() []string {
	var names []string
	for _, a := range ix.s.Points {
		if a.Scheme != "" && !slices.Contains(names, a.Scheme) {
			names = append(names, a.Scheme)
		}
	}
	return names
}

// schemes checks the named points schemes against the races and the
// championships: a race's or a championship's Scheme that no Points row
// belongs to (it would pay nothing), a scheme that gives no position
// points in a classification its championship runs in, and a named scheme
// no race or championship pays (its rows pay nothing).
func (c *checker) schemes() {
	names := c.schemeNames()
	paid := c.raceSchemes(names)
	for i := range c.s.Championships {
		ch := &c.s.Championships[i]
		if ch.Scheme == "" {
			continue
		}
		if !slices.Contains(names, ch.Scheme) {
			c.diags.Errorf(ch.Origin.At(ColScheme), CodeUnknownScheme, unknownSchemeHint(ch.Scheme, names, hintNoSchemes, hintSchemes),
				"championship %q pays points scheme %q, which no row of the Points sheet belongs to", ch.Name, ch.Scheme)
			continue
		}
		paid[ch.Scheme] = true
		c.schemePositions(ch)
	}
	for _, name := range names {
		if paid[name] {
			continue
		}
		var rows []*Award
		for i := range c.s.Points {
			if c.s.Points[i].Scheme == name {
				rows = append(rows, &c.s.Points[i])
			}
		}
		what := "its row pays"
		if len(rows) > 1 {
			what = fmt.Sprintf("its %d rows pay", len(rows))
		}
		c.diags.Warnf(rows[0].Origin.At(ColScheme), CodeUnusedScheme, hintUnusedScheme,
			"points scheme %q is paid by no race or championship, so %s nothing", name, what)
	}
}

// schemePositions reports the classifications championship ch is run in
// where its named scheme gives no points for finishing positions: no
// position rows with a blank Class, nor of the classification's own.
func (c *checker) schemePositions(ch *Championship) {
	tables := map[string]bool{} // class → the scheme has position rows for it
	for _, a := range c.s.Points {
		if a.Scheme == ch.Scheme && a.Kind == AwardPosition {
			tables[strings.ToLower(a.Class)] = true
		}
	}
	if tables[""] {
		return
	}
	classes := c.classes()
	cups := driverCupsOf(c.s.Drivers, classes)
	if ch.Class != "" && ch.Class != ClassAll && !slices.Contains(classes, ch.Class) && !slices.Contains(cups, ch.Class) {
		return // reported as an unknown class
	}
	var missing []string
	for _, rn := range championshipRuns(ch, classes, cups) {
		if !tables[strings.ToLower(rn.class)] && !c.misnamed[rn.class] {
			missing = append(missing, rn.class)
		}
	}
	if len(missing) > 0 {
		c.diags.Errorf(ch.Origin.At(ColScheme), CodeNoPositions, fmt.Sprintf(hintSchemePositions, ch.Scheme, Summarize(missing, 10)),
			"championship %q pays points scheme %q, which gives no points for finishing positions in %s", ch.Name, ch.Scheme, Summarize(missing, 10))
	}
}

// unknownSchemeHint suggests the fix for a scheme name no Points row
// belongs to: the name it is closest to, else the names there are (some,
// a format taking them), else how to give a scheme rows (none).
func unknownSchemeHint(name string, names []string, none, some string) string {
	if g := Closest(name, names, 2); g != "" {
		return fmt.Sprintf(hintDidYouMean, g)
	}
	if len(names) > 0 {
		return fmt.Sprintf(some, Summarize(names, 10))
	}
	return none
}
