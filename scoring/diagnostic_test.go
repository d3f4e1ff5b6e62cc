package scoring

import (
	"strings"
	"testing"
)

func TestGroupedDiagnostics(t *testing.T) {
	cell := func(sheet string, row, col int) Ref { return Ref{Sheet: sheet, Row: row, Col: col} }
	var l Diagnostics
	hint := "the calendar has rounds 1–3"
	// Twelve results in round 4, and two penalties.
	for row := 13; row <= 24; row++ {
		l.Errorf(cell("Results", row, 1), "unknown-round", hint, "round 4 is not in the calendar")
	}
	l.Errorf(cell("Results", 30, 1), "unknown-round", hint, "round 4 is not in the calendar")
	l.Errorf(cell("Results", 14, 2), "unknown-car", "add it", "car 8 is not in the Entries sheet")
	l.Errorf(cell("Penalties", 2, 1), "unknown-round", hint, "round 4 is not in the calendar")
	l.Errorf(cell("Penalties", 3, 1), "unknown-round", hint, "round 4 is not in the calendar")
	// Same words, other severity: not grouped.
	l.Warnf(cell("Penalties", 4, 1), "unknown-round", hint, "round 4 is not in the calendar")
	// Many scattered cells are summarised.
	for row := 2; row <= 40; row += 2 {
		l.Warnf(cell("Drivers", row, 2), "similar-names", "", "a name")
	}
	// Whole rows.
	l.Warnf(Ref{Sheet: "Race Results", Row: 5}, "x", "", "a row")
	l.Warnf(Ref{Sheet: "Race Results", Row: 6}, "x", "", "a row")
	l.Sort([]string{"Drivers", "Results", "Penalties"})
	var got []string
	for _, g := range l.Grouped() {
		got = append(got, g.String())
	}
	want := []string{
		"Drivers!B2, B4, B6, B8, B10 and 15 more cells: warning: a name",
		"Results!A13:A24, A30 (13 cells): round 4 is not in the calendar (the calendar has rounds 1–3)",
		"Results!B14: car 8 is not in the Entries sheet (add it)",
		"Penalties!A2:A3 (2 cells): round 4 is not in the calendar (the calendar has rounds 1–3)",
		"Penalties!A4: warning: round 4 is not in the calendar (the calendar has rounds 1–3)",
		"'Race Results'!5:6 (2 rows): warning: a row",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("grouped:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
}
