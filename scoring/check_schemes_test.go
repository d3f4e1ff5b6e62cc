package scoring

import (
	"strings"
	"testing"
)

// f1961 is a season scored as Formula One's 1961: the drivers 9-6-4-3-2-1
// (the default scheme), the constructors 8-6-4-3-2-1 (the Constructors
// scheme) for their best-placed car. Three rounds, four cars in class F1:
// cars 1 and 2 Ferrari, car 3 Lotus, car 4 Porsche.
//
//	round 1: car 1 1st, 3 2nd, 2 3rd, 4 4th
//	round 2: car 3 1st, 1 2nd, 4 3rd, 2 4th
//	round 3: car 1 1st, 4 2nd, 3 3rd, 2 4th
func f1961() *Season {
	s := &Season{Rounds: rounds(1, 1, 1)}
	for i, p := range []float64{9, 6, 4, 3, 2, 1} {
		s.Points = append(s.Points, Award{Kind: AwardPosition, Position: i + 1, Points: p, Origin: at("Points", 2+i)})
	}
	for i, p := range []float64{8, 6, 4, 3, 2, 1} {
		s.Points = append(s.Points, Award{Kind: AwardPosition, Position: i + 1, Points: p, Scheme: "Constructors", Origin: at("Points", 8+i)})
	}
	for i, c := range []struct{ no, make, driver string }{{"1", "Ferrari", "Phil Hill"}, {"2", "Ferrari", "Richie Ginther"}, {"3", "Lotus", "Stirling Moss"}, {"4", "Porsche", "Dan Gurney"}} {
		s.Entries = append(s.Entries, Entry{No: c.no, Class: "F1", Team: c.make, Make: c.make, Rounds: AllRounds(), Scores: true, Origin: at("Entries", 2+i)})
		s.Drivers = append(s.Drivers, Driver{No: c.no, Name: c.driver, Rounds: AllRounds(), Origin: at("Drivers", 2+i)})
	}
	for i, r := range [][2]int{{1, 1}, {1, 3}, {1, 2}, {1, 4}, {2, 3}, {2, 1}, {2, 4}, {2, 2}, {3, 1}, {3, 4}, {3, 3}, {3, 2}} {
		s.Results = append(s.Results, result(r[0], string(rune('0'+r[1])), i%4+1, 2+i))
	}
	s.Championships = []Championship{
		{Name: "Drivers", Competitor: CompetitorDriver, Class: "F1", Origin: at("Championships", 2)},
		{Name: "Constructors", Competitor: CompetitorMake, Class: "F1", Counted: Counted{N: 1}, Scheme: "Constructors", Origin: at("Championships", 3)},
	}
	return s
}

// TestMakePaysItsOwnScheme: the constructors are paid the Constructors
// scheme's points, the drivers the default scheme's, in one season.
func TestMakePaysItsOwnScheme(t *testing.T) {
	s := f1961()
	s.Points[8].Scheme = "constructors"         // read as the first spelling
	s.Championships[1].Scheme = "con-structors" // read as the Points sheet spells it
	if got := diagLines(Check(s)); len(got) != 1 || !strings.Contains(got[0], "scheme-spelling Points!D10") {
		t.Fatalf("diagnostics: %q", got)
	}
	st, _ := Score(s, Options{})
	// Drivers 9-6-4-3: Hill 9+6+9, Moss 6+9+4, Gurney 3+4+6, Ginther 4+3+3.
	if got, want := table(st.Table("Drivers").Lines), "1 Phil Hill 24; 2 Stirling Moss 19; 3 Dan Gurney 13; 4 Richie Ginther 10"; got != want {
		t.Errorf("drivers:\n got %s\nwant %s", got, want)
	}
	// Constructors 8-6-4-3, best car: Ferrari 8+6+8, Lotus 6+8+4,
	// Porsche 3+4+6 (paid 9-6-4-3, Ferrari would have 24).
	if got, want := table(st.Table("Constructors").Lines), "1 Ferrari 22; 2 Lotus 18; 3 Porsche 13"; got != want {
		t.Errorf("constructors:\n got %s\nwant %s", got, want)
	}
}

// TestCheckSchemes runs each check of the named points schemes on f1961
// with one mistake, asserting every diagnostic exactly.
func TestCheckSchemes(t *testing.T) {
	tests := []struct {
		name string
		edit func(s *Season)
		want []string
	}{
		{"a season paying two schemes", func(s *Season) {}, nil},
		{"a championship's scheme no Points row belongs to", func(s *Season) {
			s.Championships[1].Scheme = "Makes"
		}, []string{
			`warning unused-scheme Points!D8: warning: points scheme "Constructors" is paid by no race or championship, so its 6 rows pay nothing (write its name in the Scheme column of the Calendar rows or the Championships row it pays, or delete its rows)`,
			`error unknown-scheme Championships!E3: championship "Constructors" pays points scheme "Makes", which no row of the Points sheet belongs to (leave it blank for each race's points scheme, or write one of Constructors)`,
		}},
		{"a misspelt scheme", func(s *Season) {
			s.Championships[1].Scheme = "Constructers"
			s.Points = s.Points[:7] // one row left: "its row"
		}, []string{
			`warning unused-scheme Points!D8: warning: points scheme "Constructors" is paid by no race or championship, so its row pays nothing (write its name in the Scheme column of the Calendar rows or the Championships row it pays, or delete its rows)`,
			`error unknown-scheme Championships!E3: championship "Constructors" pays points scheme "Constructers", which no row of the Points sheet belongs to (did you mean Constructors?)`,
		}},
		{"a scheme and no named schemes", func(s *Season) {
			s.Points = s.Points[:6]
		}, []string{
			`error unknown-scheme Championships!E3: championship "Constructors" pays points scheme "Constructors", which no row of the Points sheet belongs to (leave it blank for each race's points scheme, or write this name in the Scheme column of the Points rows it pays)`,
		}},
		{"spellings of one scheme", func(s *Season) {
			s.Points[9].Scheme = "constructors"
			s.Points[10].Scheme = " Con-structors"
		}, []string{
			`warning scheme-spelling Points!D11: warning: points scheme "constructors" is written "Constructors" at Points!D8; podium reads both as Constructors (write it the same way everywhere)`,
			`warning scheme-spelling Points!D12: warning: points scheme " Con-structors" is written "Constructors" at Points!D8; podium reads both as Constructors (write it the same way everywhere)`,
		}},
		{"an award twice in a scheme", func(s *Season) {
			s.Points[7].Position = 1
		}, []string{
			`error duplicate-award Points!A9: points for position 1 (every class, scheme Constructors) are given twice (also at Points!A8) (keep one row per award and class)`,
			`error points-gap Points!A10: the points table of scheme Constructors jumps to position 3: position 2 has no points (list positions 1, 2, 3 … without gaps (a position worth 0 can be written as 0))`,
		}},
		{"a scheme without a table for the championship's class", func(s *Season) {
			s.Championships[1].Class = ""
			for i := 6; i < 12; i++ {
				s.Points[i].Class = "F2"
			}
		}, []string{
			`error unknown-class Points!C8: class "F2" is not the class or cup of any entry (did you mean F1?)`,
			`error unknown-class Points!C9: class "F2" is not the class or cup of any entry (did you mean F1?)`,
			`error unknown-class Points!C10: class "F2" is not the class or cup of any entry (did you mean F1?)`,
			`error unknown-class Points!C11: class "F2" is not the class or cup of any entry (did you mean F1?)`,
			`error unknown-class Points!C12: class "F2" is not the class or cup of any entry (did you mean F1?)`,
			`error unknown-class Points!C13: class "F2" is not the class or cup of any entry (did you mean F1?)`,
			`error no-position-points Championships!E3: championship "Constructors" pays points scheme "Constructors", which gives no points for finishing positions in F1 (add rows 1, 2, 3 … of scheme Constructors with a blank Class, or rows for F1)`,
		}},
		{"a named scheme's class tables make no class list", func(s *Season) {
			for i := range 6 {
				s.Points[i].Class = "F1" // the Points sheet gives each class its own table
			}
			s.Points = append(s.Points, Award{Kind: AwardPole, Points: 1, Class: "F2", Scheme: "Constructors", Origin: at("Points", 14)})
			s.Entries = append(s.Entries, Entry{No: "5", Class: "F2", Team: "Cooper", Make: "Cooper", Rounds: AllRounds(), Scores: true, Origin: at("Entries", 6)})
			s.Drivers = append(s.Drivers, Driver{No: "5", Name: "Jack Brabham", Rounds: AllRounds(), Origin: at("Drivers", 6)})
		}, []string{
			`error unknown-class Entries!B6: class "F2" has no points table in the Points sheet, which gives each class its own (did you mean F1? Otherwise add its points to the Points sheet)`,
		}},
		{"no default scheme where every championship names one", func(s *Season) {
			s.Points = s.Points[6:]
			s.Championships = s.Championships[1:]
		}, nil},
		{"no default scheme for a championship paying it", func(s *Season) {
			s.Points = s.Points[6:]
		}, []string{
			`error no-position-points the points scheme gives no points for finishing positions in F1 (add rows 1, 2, 3 … with a blank Class, or rows for F1)`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := f1961()
			tt.edit(s)
			got := diagLines(Check(s))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("diagnostics:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(tt.want, "\n      "))
			}
		})
	}
}
