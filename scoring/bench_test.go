package scoring

import (
	"fmt"
	"testing"
)

// bigSeason makes cars × rounds results in classes, three drivers a car.
func bigSeason(cars, rounds, classes int) *Season {
	s := &Season{Points: alms(), TieBreak: Countback}
	for r := 1; r <= rounds; r++ {
		s.Rounds = append(s.Rounds, Round{Number: r, Factor: 1})
	}
	for c := 1; c <= cars; c++ {
		no := fmt.Sprint(c)
		s.Entries = append(s.Entries, Entry{No: no, Class: fmt.Sprintf("C%02d", c%classes), Team: "Team " + no, Rounds: AllRounds(), Scores: true, Origin: Origin{Sheet: "Entries", Row: c + 1}})
		for d := range 3 {
			name := fmt.Sprintf("Driver %d/%d", c, d)
			s.Drivers = append(s.Drivers, Driver{No: no, Name: name, Key: name, Rounds: AllRounds(), Origin: Origin{Sheet: "Drivers", Row: 3*c + d}})
		}
	}
	for r := 1; r <= rounds; r++ {
		for c := 1; c <= cars; c++ {
			res := Result{Round: r, No: fmt.Sprint(c), Pos: (c+r*7)%cars + 1, Origin: Origin{Sheet: "Results", Row: r*cars + c}}
			if c%13 == 0 {
				res.Status = Retired
			}
			s.Results = append(s.Results, res)
		}
	}
	return s
}

// BenchmarkScore100k scores 100,000 results: 2,500 cars × 40 rounds in 20
// classes, three drivers a car.
func BenchmarkScore100k(b *testing.B) {
	s := bigSeason(2500, 40, 20)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		st, _ := Score(s, Options{})
		if len(st.Classifications) != 20 {
			b.Fatal(len(st.Classifications))
		}
	}
}

// BenchmarkScore10k scores 10,000 results: 500 cars × 20 rounds.
func BenchmarkScore10k(b *testing.B) {
	s := bigSeason(500, 20, 10)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		Score(s, Options{})
	}
}

// BenchmarkScore100kChampionships scores the 100,000 results of
// BenchmarkScore100k as v1's tables written as Championships (a Car and a
// Driver row), with a Team championship (50 teams) and a Make
// championship (8 makes) added.
func BenchmarkScore100kChampionships(b *testing.B) {
	s := bigSeason(2500, 40, 20)
	for i := range s.Entries {
		s.Entries[i].Team = fmt.Sprint("Team ", i%50)
		s.Entries[i].Make = fmt.Sprint("Make ", i%8)
	}
	s.Championships = []Championship{
		{Name: "Teams", Competitor: CompetitorCar},
		{Name: "Drivers", Competitor: CompetitorDriver},
		{Name: "Team championship", Competitor: CompetitorTeam, Counted: Counted{N: 2}},
		{Name: "Makes", Competitor: CompetitorMake},
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		st, _ := Score(s, Options{})
		if len(st.Championships) != 80 {
			b.Fatal(len(st.Championships))
		}
	}
}
