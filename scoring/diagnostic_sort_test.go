package scoring

import (
	"fmt"
	"testing"
)

// BenchmarkDiagnostics100k sorts and groups 100,000 warnings over the
// sheets of a season, as validate does before printing them.
//
//	go test ./scoring -run '^$' -bench Diagnostics -benchmem -count 3
func BenchmarkDiagnostics100k(b *testing.B) {
	order := []string{"Season", "Calendar", "Points", "Entries", "Drivers", "Results", "Penalties", "Lists"}
	var l Diagnostics
	for i := range 100_000 {
		sheet := order[(i*7)%len(order)]
		l.Warnf(Ref{Sheet: sheet, Row: (i*7919)%100_000 + 2, Col: 3}, "position-gap", "check", "positions in round %d jump to %d", i%40+1, i%7+3)
	}
	b.ReportAllocs()
	for b.Loop() {
		c := make(Diagnostics, len(l))
		copy(c, l)
		c.Sort(order)
		if g := c.Grouped(); len(g) == 0 {
			b.Fatal("no groups")
		}
	}
}

// TestSortKeepsOrderOfEquals: diagnostics at one place with the same
// severity and message keep their order (their hints differ), sheets go
// in the order given whatever their capitals, exact duplicates next to
// each other go.
func TestSortKeepsOrderOfEquals(t *testing.T) {
	var l Diagnostics
	at := func(sheet string, row int) Ref { return Ref{Sheet: sheet, Row: row, Col: 1} }
	l.Warnf(at("Results", 3), "x", "second hint", "same")
	l.Warnf(at("Results", 3), "x", "second hint", "same")
	l.Warnf(at("RESULTS", 2), "x", "", "b")
	l.Warnf(at("Zeta", 1), "x", "", "z")
	l.Errorf(at("Results", 3), "x", "", "same")
	l.Warnf(at("Results", 3), "x", "first hint", "same")
	l.Warnf(at("Drivers", 9), "x", "", "d")
	l.Sort([]string{"Drivers", "Results"})
	var got []string
	for _, d := range l {
		got = append(got, fmt.Sprintf("%s|%s", d.String(), d.Hint))
	}
	want := []string{
		"Drivers!A9: warning: d|",
		"RESULTS!A2: warning: b|",
		"Results!A3: same|",
		"Results!A3: warning: same (second hint)|second hint",
		"Results!A3: warning: same (first hint)|first hint",
		"Zeta!A1: warning: z|",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("sorted\n got %q\nwant %q", got, want)
	}
}
