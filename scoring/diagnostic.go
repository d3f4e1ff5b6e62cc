package scoring

import (
	"fmt"
	"slices"
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

// Diagnostic is one problem found in a season, with its place.
type Diagnostic struct {
	Severity Severity
	// Ref is the cell, row or sheet to fix.
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
func (d Diagnostic) String() string {
	var b strings.Builder
	if place := d.Ref.String(); place != "" {
		b.WriteString(place)
		b.WriteString(": ")
	}
	if d.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(d.Message)
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
// listed come after, by name), then row, column, severity and message, and
// removes exact duplicates.
func (l *Diagnostics) Sort(sheetOrder []string) {
	rank := func(sheet string) int {
		for i, s := range sheetOrder {
			if strings.EqualFold(s, sheet) {
				return i
			}
		}
		return len(sheetOrder)
	}
	slices.SortStableFunc(*l, func(a, b Diagnostic) int {
		if c := compareInts(rank(a.Ref.Sheet), rank(b.Ref.Sheet)); c != 0 {
			return c
		}
		if c := strings.Compare(a.Ref.Sheet, b.Ref.Sheet); c != 0 {
			return c
		}
		if c := compareInts(a.Ref.Row, b.Ref.Row); c != 0 {
			return c
		}
		if c := compareInts(a.Ref.Col, b.Ref.Col); c != 0 {
			return c
		}
		if c := compareInts(int(a.Severity), int(b.Severity)); c != 0 {
			return c
		}
		return strings.Compare(a.Message, b.Message)
	})
	*l = slices.Compact(*l)
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
