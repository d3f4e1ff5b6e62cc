package scoring

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Severity says whether a diagnostic stops the work (Error) or only asks an
// official to check something (Warning).
type Severity int

// Severities, most severe first.
const (
	Error Severity = iota + 1
	Warning
)

// String returns "error" or "warning".
func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return fmt.Sprintf("Severity(%d)", int(s))
}

// MarshalText renders the severity as its name, for JSON output.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Diagnostic is one problem found in a season, a timing file or an
// import, with its place.
type Diagnostic struct {
	Severity Severity
	// Ref is the cell, row or sheet to fix, or the line of a text file.
	Ref Ref
	// Code identifies the kind of problem for tools ("unknown-status").
	Code string
	// Message says what was found and what was expected, in an official's
	// words.
	Message string
	// Hint suggests a fix ("did you mean Ret?"); it may be empty.
	Hint string
}

// String renders the diagnostic on one line:
//
//	Results!D14: status "Retd" is not a status code (did you mean Ret?)
//	race.csv:12 (cell M12, STATUS): status "Finito" is not a timing status
func (d Diagnostic) String() string { return d.render(d.Ref.String(), "", true) }

// Text renders the diagnostic as String does, without the "warning: " of
// a warning: for a list whose lines are marked otherwise.
func (d Diagnostic) Text() string { return d.render(d.Ref.String(), "", false) }

// render writes the diagnostic with its place written as given, and also
// (the other places of a group) after the message.
func (d Diagnostic) render(place, also string, severity bool) string {
	var b strings.Builder
	if place != "" {
		b.WriteString(place)
		b.WriteString(": ")
	}
	if severity && d.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(d.Message)
	if also != "" {
		b.WriteString("; ")
		b.WriteString(also)
	}
	if d.Hint != "" {
		b.WriteString(" (")
		b.WriteString(d.Hint)
		b.WriteString(")")
	}
	return b.String()
}

// Error implements error, so that a single diagnostic can travel as one.
func (d Diagnostic) Error() string { return d.String() }

// Diagnostics is a list of problems. The zero value is an empty list ready
// to use.
type Diagnostics []Diagnostic

// Errorf appends an error at ref.
func (l *Diagnostics) Errorf(ref Ref, code, hint, format string, args ...any) {
	l.add(Error, ref, code, hint, format, args...)
}

// Warnf appends a warning at ref.
func (l *Diagnostics) Warnf(ref Ref, code, hint, format string, args ...any) {
	l.add(Warning, ref, code, hint, format, args...)
}

func (l *Diagnostics) add(sev Severity, ref Ref, code, hint, format string, args ...any) {
	*l = append(*l, Diagnostic{Severity: sev, Ref: ref, Code: code, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// Count returns the number of diagnostics of severity s.
func (l Diagnostics) Count(s Severity) int {
	n := 0
	for _, d := range l {
		if d.Severity == s {
			n++
		}
	}
	return n
}

// HasErrors reports whether the list holds at least one error.
func (l Diagnostics) HasErrors() bool { return l.Count(Error) > 0 }

// Sort orders the list by sheet (in the order given by sheetOrder; sheets not
// listed come after, by name), then row (or line), column, severity and
// message, and removes exact duplicates. Diagnostics equal in all of these
// keep their order. Each sheet's rank is looked up once, and the list is
// sorted by index and then moved once: a season can have 100,000 warnings.
func (l *Diagnostics) Sort(sheetOrder []string) {
	ranks := map[string]int{}
	rank := func(sheet string) int {
		if r, ok := ranks[sheet]; ok {
			return r
		}
		r := len(sheetOrder)
		for i, s := range sheetOrder {
			if strings.EqualFold(s, sheet) {
				r = i
				break
			}
		}
		ranks[sheet] = r
		return r
	}
	src := *l
	type item struct{ rank, i int }
	items := make([]item, len(src))
	for i := range src {
		items[i] = item{rank(src[i].Ref.Sheet), i}
	}
	slices.SortFunc(items, func(x, y item) int {
		a, b := &src[x.i], &src[y.i]
		if c := compareInts(x.rank, y.rank); c != 0 {
			return c
		}
		if c := strings.Compare(a.Ref.Sheet, b.Ref.Sheet); c != 0 {
			return c
		}
		if c := compareInts(a.Ref.Row, b.Ref.Row); c != 0 {
			return c
		}
		if c := compareInts(a.Ref.Line, b.Ref.Line); c != 0 {
			return c
		}
		if c := compareInts(a.Ref.Col, b.Ref.Col); c != 0 {
			return c
		}
		if c := compareInts(int(a.Severity), int(b.Severity)); c != 0 {
			return c
		}
		if c := strings.Compare(a.Message, b.Message); c != 0 {
			return c
		}
		return compareInts(x.i, y.i) // stable
	})
	sorted := make(Diagnostics, len(src))
	for j, it := range items {
		sorted[j] = src[it.i]
	}
	*l = slices.Compact(sorted)
}

func compareInts(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Err returns the list as an error when it holds at least one error, and nil
// otherwise (warnings alone are not an error).
func (l Diagnostics) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return errorList(l)
}

type errorList Diagnostics

func (e errorList) Error() string {
	var first Diagnostic
	for _, d := range e {
		if d.Severity == Error {
			first = d
			break
		}
	}
	n := Diagnostics(e).Count(Error) - 1
	switch n {
	case 0:
		return first.String()
	case 1:
		return first.String() + " (and 1 more error)"
	}
	return fmt.Sprintf("%s (and %d more errors)", first.String(), n)
}

// DiagnosticGroup is one problem found at one or more places of one sheet,
// or in one column of several lines of a text file: the same severity,
// code, message and hint.
type DiagnosticGroup struct {
	// Diagnostic is the first of the group; its Ref is the first place.
	Diagnostic
	// Refs are the places of every diagnostic of the group, in list order.
	Refs []Ref
}

// Grouped returns the list with identical problems of one sheet merged
// into one group, placed where the first of them is: twelve results in a
// round the calendar lacks make one line, not twelve. In a text file the
// problems of one column are merged (status "Finito" on lines 2, 5 and 9);
// a problem of the whole file stays on its own.
func (l Diagnostics) Grouped() []DiagnosticGroup {
	type key struct {
		file, sheet     string
		sev             Severity
		code, msg, hint string
		// text files: the column, and for the whole file the problem's
		// index, which keeps it apart.
		col, whole int
		field      string
	}
	type placed struct {
		key
		ref Ref
	}
	index := map[key]int{}
	seen := map[placed]bool{} // a place is listed once per group
	var out []DiagnosticGroup
	for i, d := range l {
		k := key{file: d.Ref.File, sheet: d.Ref.Sheet, sev: d.Severity, code: d.Code, msg: d.Message, hint: d.Hint}
		if d.Ref.InText() {
			k.col, k.field = d.Ref.Col, d.Ref.Field
			if d.Ref.Line <= 0 {
				k.whole = i + 1
			}
		}
		if seen[placed{k, d.Ref}] {
			continue
		}
		seen[placed{k, d.Ref}] = true
		if i, ok := index[k]; ok {
			out[i].Refs = append(out[i].Refs, d.Ref)
			continue
		}
		index[k] = len(out)
		out = append(out, DiagnosticGroup{Diagnostic: d, Refs: []Ref{d.Ref}})
	}
	return out
}

// maxPlaces is how many cells or ranges a grouped line names before it
// summarises the rest ("and 40 more cells").
const maxPlaces = 6

// String renders the group on one line, its cells grouped into ranges:
//
//	Results!A13:A24 (12 cells): round 4 is not in the calendar (the calendar has rounds 1–3)
//
// A group of lines of a text file is placed at the first, and names the
// others after the message:
//
//	race.csv:2 (cell D2, STATUS): status "Finito" is not a timing status; also lines 6, 9
func (g DiagnosticGroup) String() string {
	switch {
	case len(g.Refs) <= 1:
		return g.Diagnostic.String()
	case g.Ref.InText():
		return g.render(g.Ref.String(), alsoLines(g.Refs[1:]), true)
	}
	return g.render(places(g.Refs), "", true)
}

// maxLines is how many other lines a group of a text file names before it
// summarises the rest ("and 40 more").
const maxLines = 10

// alsoLines names the other lines of a group of a text file: "also line
// 6", "also lines 5, 9, 12 and 40 more".
func alsoLines(refs []Ref) string {
	lines := make([]int, len(refs))
	for i, r := range refs {
		lines[i] = r.Line
	}
	if len(lines) == 1 {
		return "also line " + strconv.Itoa(lines[0])
	}
	return "also lines " + SummarizeInts(lines, maxLines)
}

// places writes several places of one sheet the way a person reads them:
// runs of cells down a column as ranges ("Results!A13:A24"), whole rows as
// row ranges ("Entries!14:16"), at most a few ranges and then how many more
// cells, and the number of cells when there are several: "Results!A13:A24,
// A30 (13 cells)".
func places(refs []Ref) string {
	if len(refs) == 0 {
		return ""
	}
	sorted := slices.Clone(refs)
	slices.SortFunc(sorted, func(a, b Ref) int {
		if c := compareInts(a.Col, b.Col); c != 0 {
			return c
		}
		return compareInts(a.Row, b.Row)
	})
	sorted = slices.Compact(sorted)
	if len(sorted) == 1 {
		return sorted[0].String()
	}
	type run struct{ col, from, to int }
	var runs []run
	for _, r := range sorted {
		if r.Row <= 0 {
			continue // a whole sheet: the sheet name says it
		}
		if n := len(runs); n > 0 && runs[n-1].col == r.Col && runs[n-1].to+1 == r.Row {
			runs[n-1].to = r.Row
			continue
		}
		runs = append(runs, run{r.Col, r.Row, r.Row})
	}
	var pieces []string
	shown := 0
	for i, r := range runs {
		if i == maxPlaces-1 && len(runs) > maxPlaces {
			break
		}
		from, to := Ref{Row: r.from, Col: r.col}, Ref{Row: r.to, Col: r.col}
		switch {
		case r.col <= 0:
			pieces = append(pieces, strconv.Itoa(r.from)+":"+strconv.Itoa(r.to))
		case r.from == r.to:
			pieces = append(pieces, from.Cell())
		default:
			pieces = append(pieces, from.Cell()+":"+to.Cell())
		}
		shown += r.to - r.from + 1
	}
	total := 0
	for _, r := range runs {
		total += r.to - r.from + 1
	}
	unit := "cells"
	if !slices.ContainsFunc(runs, func(r run) bool { return r.col > 0 }) {
		unit = "rows"
	}
	place := strings.Join(pieces, ", ")
	if rest := total - shown; rest > 0 {
		place += fmt.Sprintf(" and %d more %s", rest, unit)
	} else if total > 1 {
		place += fmt.Sprintf(" (%d %s)", total, unit)
	}
	if sheet := (Ref{File: sorted[0].File, Sheet: sorted[0].Sheet}).String(); sheet != "" {
		place = sheet + "!" + place
	}
	return place
}
