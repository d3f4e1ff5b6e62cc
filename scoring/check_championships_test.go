package scoring

import (
	"strings"
	"testing"
)

// TestCheckChampionships runs each check of the Championships rows on
// checkSeason with one mistake, asserting every diagnostic exactly.
func TestCheckChampionships(t *testing.T) {
	row := func(r int, name string, c Competitor, class string) Championship {
		return Championship{Name: name, Competitor: c, Class: class, Origin: at("Championships", r)}
	}
	tests := []struct {
		name string
		edit func(s *Season)
		want []string
	}{
		{"championships without a problem", func(s *Season) {
			s.Championships = []Championship{row(2, "Drivers", CompetitorDriver, ""), row(3, "Teams", CompetitorTeam, "lmp2")}
			s.Penalties = []Penalty{{Round: 1, No: "1", Points: 2, Championship: "lmp2 drivers", Origin: at("Penalties", 2)}}
		}, nil},
		{"two championships with one name", func(s *Season) {
			s.Championships = []Championship{row(2, "Drivers", CompetitorDriver, ""), row(3, "drivers", CompetitorCar, "")}
		}, []string{
			`error duplicate-championship Championships!A3: championship "drivers" is listed twice (also at Championships!A2) (give each championship its own name)`,
		}},
		{"a class nobody has", func(s *Season) {
			s.Championships = []Championship{row(2, "Drivers", CompetitorDriver, "GTE")}
		}, []string{
			`error unknown-class Championships!C2: championship "Drivers" is run in class "GTE", which no entry, cup or driver cup has (leave it blank for one championship per class and cup, write All for every car, or one of GT, GT Am, LMP2)`,
		}},
		{"a driver cup is a class", func(s *Season) {
			s.Drivers[0].Cup = "Rookie"
			s.Championships = []Championship{row(2, "Rookies", CompetitorDriver, "rookie")}
		}, nil},
		{"makes missing", func(s *Season) {
			s.Entries[0].Make = "Oreca"
			s.Championships = []Championship{row(2, "Makes", CompetitorMake, "")}
		}, []string{
			`error cars-without-make Championships!B2: championship "Makes" adds up makes, but cars 2, 3 have no Make (type each car's make in the Make column of the Entries sheet)`,
		}},
		{"a make missing in the championship's class", func(s *Season) {
			s.Entries[0].Make = "Oreca"
			s.Championships = []Championship{row(2, "Makes", CompetitorMake, "LMP2")}
		}, []string{
			`error cars-without-make Championships!B2: championship "Makes" adds up makes, but car 2 has no Make (type each car's make in the Make column of the Entries sheet)`,
		}},
		{"nobody nominated", func(s *Season) {
			ch := row(2, "Teams", CompetitorTeam, "LMP2")
			ch.Counted.Nominated = true
			s.Entries[2].Nominated = true // GT: not in the championship
			s.Championships = []Championship{ch}
		}, []string{
			`error no-nominated-car Championships!D2: championship "Teams" counts Nominated cars, but no car of it is nominated (type Y in the Nominated column of the Entries sheet for the cars that score for their team or make, or count All or a number of cars)`,
		}},
		{"counted cars of a drivers' championship", func(s *Season) {
			ch := row(2, "Drivers", CompetitorDriver, "")
			ch.Counted.N = 2
			s.Championships = []Championship{ch}
		}, []string{
			`error counted-unused Championships!D2: championship "Drivers" ranks each driver, so Counted 2 has nothing to count (leave Counted blank: it says which cars of a Team or Make (drivers of a Nation) score)`,
		}},
		{"nominated drivers of a nation", func(s *Season) {
			ch := row(2, "Nations", CompetitorNation, "")
			ch.Counted.Nominated = true
			s.Championships = []Championship{ch}
		}, []string{
			`error counted-unused Championships!D2: championship "Nations" adds up drivers, and Counted Nominated counts cars (count All or a number of drivers)`,
		}},
		{"best results splits overlap", func(s *Season) {
			ch := row(2, "Drivers", CompetitorDriver, "")
			ch.BestResults = &BestResults{Splits: []BestSplit{{1, 1, 2}, {1, 2, 3}}}
			s.Championships = []Championship{ch}
		}, []string{
			`error best-results-split Championships!F2: championship "Drivers": best results 1 of 1-2, 1 of 2-3 gives rounds 2 to two parts (give each round to one part only, e.g. 6 of 1-7, 5 of 8-13)`,
		}},
		{"best results outside the calendar", func(s *Season) {
			ch := row(2, "Drivers", CompetitorDriver, "")
			ch.BestResults = &BestResults{Splits: []BestSplit{{1, 1, 2}, {1, 3, 5}}}
			s.Championships = []Championship{ch}
		}, []string{
			`error rounds-outside-calendar Championships!F2: championship "Drivers": best results 1 of 1-2, 1 of 3-5 names rounds 4–5, which are not in the calendar (the calendar has rounds 1–3)`,
		}},
		{"best results more than the rounds", func(s *Season) {
			ch := row(2, "Drivers", CompetitorDriver, "")
			ch.BestResults = &BestResults{N: 4}
			s.Championships = []Championship{ch}
		}, []string{
			`warning best-results Championships!F2: warning: championship "Drivers": best results is 4 but the calendar has only 3 rounds, so every result counts (leave it blank when all results count)`,
		}},
		{"best results all but every round", func(s *Season) {
			ch := row(2, "Drivers", CompetitorDriver, "")
			ch.BestResults = &BestResults{AllBut: 3}
			s.Championships = []Championship{ch}
		}, []string{
			`error best-results Championships!F2: championship "Drivers": best results all but 3 leaves none of the calendar's 3 rounds to count (drop fewer results than the calendar has rounds, or leave it blank when all results count)`,
		}},
		{"All over class positions", func(s *Season) {
			s.Results[2].Pos = 1 // car 3, first in GT
			s.Championships = []Championship{row(2, "Overall", CompetitorCar, ClassAll)}
		}, []string{
			`error overall-positions-repeat Championships!C2: championship "Overall" ranks every car by overall position (Class All), but round 1 has position 1 twice (Results!C2 and Results!C4) (type overall positions in Pos for every car, or run the championship per class (leave Class blank))`,
		}},
		{"a penalty in a championship that does not exist", func(s *Season) {
			s.Championships = []Championship{row(2, "Drivers", CompetitorDriver, ""), row(3, "Makes", CompetitorTeam, ClassAll)}
			s.Penalties = []Penalty{{Round: 1, No: "1", Points: 2, Championship: "Drivers", Origin: at("Penalties", 2)}}
		}, []string{
			`error unknown-championship Penalties!F2: championship "Drivers" does not exist (leave it blank to apply the penalty in every championship of the car, or write one of GT Drivers, GT Am Drivers, LMP2 Drivers, Makes)`,
		}},
		{"a penalty in a v1 championship", func(s *Season) {
			s.Penalties = []Penalty{
				{Round: 1, No: "1", Points: 2, Championship: "LMP2 Teams", Origin: at("Penalties", 2)},
				{Round: 1, No: "1", Points: 2, Championship: "LMP2 Cars", Origin: at("Penalties", 3)},
			}
		}, []string{
			`error unknown-championship Penalties!F3: championship "LMP2 Cars" does not exist (leave it blank to apply the penalty in every championship of the car, or write one of GT Teams, GT Drivers, GT Am Teams, GT Am Drivers, LMP2 Teams, LMP2 Drivers)`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := checkSeason()
			tt.edit(s)
			got := diagLines(Check(s))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("diagnostics:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(tt.want, "\n      "))
			}
		})
	}
}

// TestCheckNormalisesChampionshipNames: a Class and a penalty's
// Championship are written as the season writes them, so that Score finds
// them.
func TestCheckNormalisesChampionshipNames(t *testing.T) {
	s := checkSeason()
	s.Championships = []Championship{{Name: "Teams", Competitor: CompetitorTeam, Class: "lmp2", Origin: at("Championships", 2)}}
	s.Penalties = []Penalty{{Round: 1, No: "1", Points: 2, Championship: "TEAMS", Origin: at("Penalties", 2)}}
	if d := Check(s); len(d) > 0 {
		t.Fatalf("diagnostics: %v", diagLines(d))
	}
	if s.Championships[0].Class != "LMP2" || s.Penalties[0].Championship != "Teams" {
		t.Errorf("class %q, penalty championship %q", s.Championships[0].Class, s.Penalties[0].Championship)
	}
	st, _ := Score(s, Options{})
	// Alpha: 25 + 1 for pole - 2.
	if got, want := table(st.Table("Teams").Lines), "1 Alpha 24; 2 Bravo 18"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
