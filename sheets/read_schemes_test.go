package sheets

import (
	"strings"
	"testing"

	"github.com/podium-dev/podium/scoring"
)

// f1961Book is a season scored as Formula One's 1961: the drivers are paid
// 9-6-4-3-2-1 (the default scheme), the constructors 8-6-4-3-2-1 (the
// Points rows of scheme Constructors) for their best-placed car. Three
// rounds, four cars: 1 and 2 Ferrari, 3 Lotus, 4 Porsche.
//
//	round 1: car 1 1st, 3 2nd, 2 3rd, 4 4th
//	round 2: car 3 1st, 1 2nd, 4 3rd, 2 4th
//	round 3: car 1 1st, 4 2nd, 3 3rd, 2 4th
func f1961Book() *book {
	points := [][]any{{"Award", "Points", "Class", "Points scheme"}}
	for i, p := range []int{9, 6, 4, 3, 2, 1} {
		points = append(points, []any{i + 1, p})
	}
	for i, p := range []int{8, 6, 4, 3, 2, 1} {
		points = append(points, []any{i + 1, p, nil, "Constructors"})
	}
	results := [][]any{{"Round", "No.", "Pos"}}
	for i, no := range []int{1, 3, 2, 4, 3, 1, 4, 2, 1, 4, 3, 2} {
		results = append(results, []any{i/4 + 1, no, i%4 + 1})
	}
	return &book{sheets: []bookSheet{
		{"Season", [][]any{{"Field", "Value"}, {"Series", "Formula One"}, {"Season", "1961"}, {"Status", "Final"}}},
		{"Calendar", [][]any{{"Round", "Race"}, {1, "Monaco"}, {2, "Netherlands"}, {3, "Belgium"}}},
		{"Points", points},
		{"Entries", [][]any{
			{"No.", "Class", "Team", "Make"},
			{1, "F1", "Scuderia Ferrari", "Ferrari"},
			{2, "F1", "Scuderia Ferrari", "Ferrari"},
			{3, "F1", "Rob Walker Racing", "Lotus"},
			{4, "F1", "Porsche System Engineering", "Porsche"},
		}},
		{"Drivers", [][]any{{"No.", "Driver"}, {1, "Phil Hill"}, {2, "Richie Ginther"}, {3, "Stirling Moss"}, {4, "Dan Gurney"}}},
		{"Results", results},
		{"Championships", [][]any{
			championshipsHeader,
			{"Drivers", "Driver", "F1"},
			{"Constructors", "Make", "F1", 1, "constructors"},
		}},
	}}
}

// TestMakePaysItsOwnScheme: the Points sheet's Scheme column is read, and
// the constructors are paid their scheme while the drivers are paid the
// default one.
func TestMakePaysItsOwnScheme(t *testing.T) {
	s, diags := readBook(t, f1961Book())
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", strings.Join(diagLines(diags), "\n"))
	}
	var schemes []string
	for _, a := range s.Points {
		schemes = append(schemes, a.Scheme)
	}
	if got, want := strings.Join(schemes, ","), ",,,,,,Constructors,Constructors,Constructors,Constructors,Constructors,Constructors"; got != want {
		t.Errorf("schemes read: %s, want %s", got, want)
	}
	st, _ := scoring.Score(s, scoring.Options{})
	for _, tt := range []struct{ table, want string }{
		// 9-6-4-3: Hill 9+6+9, Moss 6+9+4, Gurney 3+4+6, Ginther 4+3+3.
		{"Drivers", "1 Phil Hill 24; 2 Stirling Moss 19; 3 Dan Gurney 13; 4 Richie Ginther 10"},
		// 8-6-4-3, best-placed car: Ferrari 8+6+8, Lotus 6+8+4, Porsche 3+4+6.
		{"Constructors", "1 Ferrari 22; 2 Lotus 18; 3 Porsche 13"},
	} {
		var lines []string
		for _, l := range st.Table(tt.table).Lines {
			lines = append(lines, l.String())
		}
		if got := strings.Join(lines, "; "); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.table, got, tt.want)
		}
	}
}

// TestSchemeValidation: a named scheme's mistakes, at their cells.
func TestSchemeValidation(t *testing.T) {
	tests := []struct {
		name string
		edit func(b *book)
		want []string
	}{
		{
			name: "a scheme no championship pays",
			edit: func(b *book) { b.sheet("Championships").rows[2][4] = nil },
			want: []string{`Points!D8: warning: points scheme "Constructors" is paid by no race or championship, so its 6 rows pay nothing (write its name in the Scheme column of the Calendar rows or the Championships row it pays, or delete its rows)`},
		},
		{
			name: "a scheme misspelt in a championship",
			edit: func(b *book) { b.sheet("Championships").rows[2][4] = "Constructer" },
			want: []string{
				`Points!D8: warning: points scheme "Constructors" is paid by no race or championship, so its 6 rows pay nothing (write its name in the Scheme column of the Calendar rows or the Championships row it pays, or delete its rows)`,
				`Championships!E3: championship "Constructors" pays points scheme "Constructer", which no row of the Points sheet belongs to (did you mean Constructors?)`,
			},
		},
		{
			name: "a scheme spelt two ways, and a position twice",
			edit: func(b *book) {
				b.sheet("Points").rows[8][3] = "CONSTRUCTORS"
				b.sheet("Points").rows[9][0] = 2
			},
			want: []string{
				`Points!D9: warning: points scheme "CONSTRUCTORS" is written "Constructors" at Points!D8; podium reads both as Constructors (write it the same way everywhere)`,
				`Points!A10: points for position 2 (every class, scheme Constructors) are given twice (also at Points!A9) (keep one row per award and class)`,
				`Points!A11: the points table of scheme Constructors jumps to position 4: position 3 has no points (list positions 1, 2, 3 … without gaps (a position worth 0 can be written as 0))`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := f1961Book()
			tt.edit(b)
			_, diags := readBook(t, b)
			if got := diagLines(diags); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("diagnostics:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(tt.want, "\n      "))
			}
		})
	}
}
