package scoring

import (
	"fmt"
	"slices"
	"strings"
)

// Normalize rewrites a season the way Score reads it, and reports what an
// official should know about it:
//
//   - a class or cup written again with other capitals or spaces ("lmp2"
//     after "LMP2") takes its first spelling, with a warning; classes come
//     before cups, so that a class keeps its Class column spelling;
//   - a cup that is the car's own class is a warning;
//   - a class of the points scheme takes the spelling of the entries;
//   - a pole or fastest-lap mark names the car's class (Mark.Class) and its
//     cup as the entries spell it; a name that is neither is an error and
//     is dropped;
//   - each driver's Key, each penalty's DriverKey and each result's
//     FastestLapByKey is the name folded by FoldName.
//
// Only the rows Check reads are normalised: the first row of each car, and
// the results of entered cars in rounds of the calendar, one per car and
// round. Normalize is idempotent. Check calls it; call it alone only to
// score a season without checking it.
func Normalize(s *Season) Diagnostics {
	var diags Diagnostics
	newIndex(s).normalize(&diags)
	return diags
}

func (ix *index) normalize(diags *Diagnostics) {
	s := ix.s
	for i := range s.Drivers {
		s.Drivers[i].Key = FoldName(s.Drivers[i].Name)
	}
	for i := range s.Penalties {
		s.Penalties[i].DriverKey = FoldName(s.Penalties[i].Driver)
	}
	for i := range s.Results {
		s.Results[i].FastestLapByKey = FoldName(s.Results[i].FastestLapBy)
	}
	spellings := map[string]classSpelling{}
	for i := range s.Entries {
		if e := &s.Entries[i]; ix.entries[e.No] == e {
			e.Class = sameClass(diags, spellings, e.Class, e.Origin.At(ColClass))
			if e.Cup != "" && strings.EqualFold(e.Cup, e.Class) {
				diags.Warnf(e.Origin.At(ColCup), CodeBadValue, hintCupIsClass, "cup %q is the car's class", e.Cup)
			}
		}
	}
	// Cups after classes, so that a class's spelling in the Class column is
	// the one kept.
	for i := range s.Entries {
		if e := &s.Entries[i]; e.Cup != "" && ix.entries[e.No] == e {
			e.Cup = sameClass(diags, spellings, e.Cup, e.Origin.At(ColCup))
		}
	}
	known := map[string]string{} // folded class → class as entered
	for _, c := range ix.classes() {
		known[strings.ToLower(c)] = c
	}
	for i := range s.Points {
		if canon, ok := known[strings.ToLower(s.Points[i].Class)]; ok && s.Points[i].Class != "" {
			s.Points[i].Class = canon
		}
	}
	ix.normalizeSchemes(diags)
	for i := range s.Results {
		if ix.fates[i].why != kept {
			continue
		}
		res := &s.Results[i]
		e := ix.entries[res.No]
		res.Pole = resolveMark(diags, res.Pole, e, res.Origin.At(ColPole), "pole")
		res.FastestLap = resolveMark(diags, res.FastestLap, e, res.Origin.At(ColFastestLap), "fastest lap")
	}
}

// classSpelling is the first way a class was written, and where.
type classSpelling struct {
	name string
	ref  Ref
}

// sameClass returns the first spelling of a class written again with other
// capitals or spaces ("lmp2" after "LMP2"), warning that they are read as
// one class.
func sameClass(diags *Diagnostics, spellings map[string]classSpelling, class string, ref Ref) string {
	return sameSpelling(diags, spellings, "class", CodeClassSpelling, strings.ToLower(class), class, ref)
}

// sameSpelling returns the first spelling of the name whose key is key,
// warning (what names the kind of name, code the problem) where name is
// written otherwise.
func sameSpelling(diags *Diagnostics, spellings map[string]classSpelling, what, code, key, name string, ref Ref) string {
	first, seen := spellings[key]
	if !seen {
		spellings[key] = classSpelling{name, ref}
		return name
	}
	if first.name != name {
		diags.Warnf(ref, code, hintClassSpelling,
			"%s %q is written %q at %s; podium reads both as %s", what, name, first.name, first.ref, first.name)
	}
	return first.name
}

// resolveMark checks that the classifications a pole or fastest-lap mark
// names are the car's class or cup, and returns the mark with them spelt as
// in the entry list.
func resolveMark(diags *Diagnostics, m Mark, e *Entry, ref Ref, what string) Mark {
	if len(m.In) == 0 {
		return m
	}
	own := []string{e.Class}
	if e.Cup != "" {
		own = append(own, e.Cup)
	}
	out := Mark{Class: m.Class}
	for _, name := range m.In {
		i := slices.IndexFunc(own, func(c string) bool { return strings.EqualFold(c, name) })
		if i < 0 {
			diags.Errorf(ref, CodeBadValue, fmt.Sprintf(hintMarkClass, strings.Join(own, " or ")),
				"%s %q is not a classification car %s scores in", what, name, e.No)
			continue
		}
		if i == 0 {
			out.Class = true
		} else if !slices.Contains(out.In, own[i]) {
			out.In = append(out.In, own[i])
		}
	}
	return out
}
