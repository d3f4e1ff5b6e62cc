package present

import (
	"slices"
	"testing"

	"github.com/podium-dev/podium/scoring"
)

// TestRound: each result has its class of the colour key, its marks and
// its text, as the published tables show them.
func TestRound(t *testing.T) {
	points := []scoring.Item{{Kind: scoring.ItemPosition, Points: 4}}
	tests := []struct {
		cell   scoring.Cell
		class  Class
		marks  Mark
		text   string
		number bool
	}{
		{scoring.Cell{}, Unmarked, 0, "", false},
		{scoring.Cell{Pole: true}, Unmarked, 0, "", false}, // absent: no marks
		{scoring.Cell{Present: true, Pos: 1, Pole: true}, Winner, Pole, "1", true},
		{scoring.Cell{Present: true, Pos: 2, FastestLap: true}, Second, FastestLap, "2", true},
		{scoring.Cell{Present: true, Pos: 3}, Third, 0, "3", true},
		{scoring.Cell{Present: true, Pos: 7, Items: points}, PointsFinish, 0, "7", true},
		{scoring.Cell{Present: true, Pos: 12}, NoPoints, 0, "12", true},
		{scoring.Cell{Present: true, Pos: 5, Items: points, Dropped: true}, PointsFinish, Dropped, "(5)", false},
		{scoring.Cell{Present: true, Pos: 4, Ineligible: true, Dropped: true}, NoPoints, Dropped | Ineligible, "(4†)", false},
		{scoring.Cell{Present: true, Status: scoring.NotClassified}, NoPoints, 0, "NC", false},
		{scoring.Cell{Present: true, Status: scoring.Retired}, Retired, 0, "Ret", false},
		{scoring.Cell{Present: true, Status: scoring.DidNotQualify}, NotQualified, 0, "DNQ", false},
		{scoring.Cell{Present: true, Status: scoring.Disqualified}, Disqualified, 0, "DSQ", false},
		{scoring.Cell{Present: true, Status: scoring.DidNotStart}, NotStarted, 0, "DNS", false},
		{scoring.Cell{Present: true, Status: scoring.Excluded, Pole: true}, Unmarked, Pole, "EX", false},
		{scoring.Cell{Present: true, Status: scoring.Withdrawn, Ineligible: true}, Unmarked, Ineligible, "WD†", false},
		{scoring.Cell{Present: true, Pos: 1, Undroppable: true}, Winner, Kept, "1‡", false},
		{scoring.Cell{Present: true, Status: scoring.Retired, Undroppable: true}, Retired, Kept, "Ret‡", false},
		// A team's cell shows its best counted car; a counted car that
		// paid position points puts it on the points colour.
		{scoring.Cell{Present: true, Pos: 4, Items: []scoring.Item{{Kind: scoring.ItemCounted, Pos: 4, Base: 12, Points: 12}}}, PointsFinish, 0, "4", true},
		{scoring.Cell{Present: true, Pos: 12, Items: []scoring.Item{{Kind: scoring.ItemCounted, Pos: 12}}}, NoPoints, 0, "12", true},
	}
	for _, tt := range tests {
		r := Round(&tt.cell)
		if r.Class != tt.class || r.Marks != tt.marks || r.Text() != tt.text || r.IsNumber() != tt.number {
			t.Errorf("%+v: class %d, marks %b, text %q, number %v; want %d, %b, %q, %v",
				tt.cell, r.Class, r.Marks, r.Text(), r.IsNumber(), tt.class, tt.marks, tt.text, tt.number)
		}
		if got := string(AppendRoundText(nil, &tt.cell)); got != tt.text {
			t.Errorf("%+v: AppendRoundText %q, want %q", tt.cell, got, tt.text)
		}
	}
}

// TestKey: the key lists every class once, with the colours of the
// published tables, and every mark.
func TestKey(t *testing.T) {
	var fills, legends []string
	for _, c := range KeyClasses() {
		fills = append(fills, c.Fill())
		legends = append(legends, c.Legend())
	}
	want := []string{"FFFFBF", "DFDFDF", "FFDF9F", "DFFFDF", "CFCFFF", "EFCFFF", "FFCFCF", "000000", "FFFFFF", ""}
	if !slices.Equal(fills, want) {
		t.Errorf("fills %q, want %q", fills, want)
	}
	if u := slices.Compact(slices.Sorted(slices.Values(legends))); len(u) != int(NotStarted)+1 {
		t.Errorf("%d legend lines for %d classes", len(legends), int(NotStarted)+1)
	}
	if Disqualified.Font() != "FFFFFF" || Winner.Font() != "" {
		t.Errorf("fonts: DSQ %q, winner %q", Disqualified.Font(), Winner.Font())
	}
	if got := KeyMarks(false); !slices.Equal(got, []Mark{Pole, FastestLap, Dropped, Ineligible}) {
		t.Errorf("key marks without a result that always counts: %v", got)
	}
	for _, m := range KeyMarks(true) {
		if m.Legend() == "" {
			t.Errorf("mark %b has no legend", m)
		}
	}
}

// TestShared: competitors sharing a position share its cell, and a
// round's cell where they had the same result in the same car.
func TestShared(t *testing.T) {
	cell := func(no string, pos int) scoring.Cell {
		return scoring.Cell{No: no, Present: pos > 0, Pos: pos}
	}
	lines := []scoring.Line{
		{Pos: 1, Points: 40, Rounds: []scoring.Cell{cell("7", 1), cell("7", 2)}},
		{Pos: 1, Points: 40, Rounds: []scoring.Cell{cell("7", 1), cell("8", 2)}},
		{Pos: 1, Points: 40, Rounds: []scoring.Cell{cell("7", 1), cell("8", 2)}},
		{Pos: 4, Points: 10, Rounds: []scoring.Cell{cell("9", 0), cell("9", 0)}},
		{Pos: 4, Points: 10, Rounds: []scoring.Cell{cell("9", 0), cell("9", 0)}},
	}
	var got []Span
	Shared(lines, func(s Span) { got = append(got, s) })
	want := []Span{{-1, 0, 2}, {0, 0, 2}, {1, 1, 2}, {-1, 3, 4}}
	if !slices.Equal(got, want) {
		t.Errorf("spans %v, want %v", got, want)
	}
}

// TestTables: each classification's teams' then drivers' table, in the
// order of the Entries sheet, headed by its kind and rounds.
func TestTables(t *testing.T) {
	season := &scoring.Season{Entries: []scoring.Entry{
		{No: "1", Class: "GT", Origin: scoring.Origin{Row: 3}},
		{No: "2", Class: "LMP2", Cup: "Am", Origin: scoring.Origin{Row: 2}},
	}}
	st := &scoring.Standings{
		Rounds:          []scoring.Round{{Number: 1, Code: "SEP", Country: "MYS"}, {Number: 2}},
		Classifications: []scoring.Classification{{Name: "Am"}, {Name: "GT"}, {Name: "LMP2"}},
	}
	var titles []string
	for _, tb := range Tables(Order(season, st), st) {
		titles = append(titles, tb.Title())
	}
	want := []string{"LMP2 Teams' Championship", "LMP2 Drivers' Championship", "GT Teams' Championship", "GT Drivers' Championship", "Am Teams' Championship", "Am Drivers' Championship"}
	if !slices.Equal(titles, want) {
		t.Errorf("tables %q, want %q", titles, want)
	}
	head := Tables(Order(season, st), st)[1].Header()
	if wantHead := []string{"Pos", "No.", "Driver", "Nat", "Car", "SEP MYS", "R2", "Points"}; !slices.Equal(head, wantHead) {
		t.Errorf("header %q, want %q", head, wantHead)
	}
}
