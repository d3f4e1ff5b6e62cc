// Package presenttest holds a season with Championships for the tests of
// the standings' renderers (the presentation model, the standings
// workbook, the press pack).
package presenttest

import (
	"strings"

	"github.com/podium-dev/podium/scoring"
)

// ChampionshipSeason is a four-round season of class F1 paying 10-6-4-3,
// whose last round always counts (Droppable N), with five cars:
//
//	car  team   make     driver            rounds: position (points)
//	1    Alpha  Ferrari  Ann Able (Rookie)  1 (10)  2 (6)   3 (4)  1 (10)
//	2    Alpha  Ferrari  Bob Best           3 (4)   Ret     1 (10) 2 (6)
//	3    Beta   BRM      Cy Cole (Rookie)   2 (6)   1 (10)  4 (3)  4 (3)
//	4    Beta   BRM      Dee Dunn           5       4 (3)   2 (6)  3 (4)
//	5    Gamma  Ferrari  Eve Ek             4 (3)   3 (4)   –      –
//
// and these championships: Drivers (blank Class: "F1 Drivers" and the
// driver cup's "Rookie Drivers"; best 1 of rounds 1–2 and 2 of rounds
// 3–4; Dee Dunn excluded from "F1 Drivers"), Constructors (Team, the best
// car counts, at least 3 starts), Makes (Make, every car counts) and Cars
// (Car, blank Class: "F1 Cars").
func ChampionshipSeason() *scoring.Season {
	row := 1
	at := func(sheet string) scoring.Origin {
		row++
		return scoring.Origin{Sheet: sheet, Row: row}
	}
	s := &scoring.Season{Series: "Test Series", Name: "2026"}
	for i := 1; i <= 4; i++ {
		s.Rounds = append(s.Rounds, scoring.Round{Number: i, Code: "R" + string(rune('0'+i)), Factor: 1, NotDroppable: i == 4, Origin: at("Calendar")})
	}
	for i, p := range []float64{10, 6, 4, 3} {
		s.Points = append(s.Points, scoring.Award{Kind: scoring.AwardPosition, Position: i + 1, Points: p, Origin: at("Points")})
	}
	for _, c := range []struct{ no, team, make, driver, cup string }{
		{"1", "Alpha", "Ferrari", "Ann Able", "Rookie"},
		{"2", "Alpha", "Ferrari", "Bob Best", ""},
		{"3", "Beta", "BRM", "Cy Cole", "Rookie"},
		{"4", "Beta", "BRM", "Dee Dunn", ""},
		{"5", "Gamma", "Ferrari", "Eve Ek", ""},
	} {
		s.Entries = append(s.Entries, scoring.Entry{No: c.no, Class: "F1", Team: c.team, Make: c.make, Car: c.make + " " + c.no,
			Nat: "GBR", Rounds: scoring.AllRounds(), Scores: true, Origin: at("Entries")})
		s.Drivers = append(s.Drivers, scoring.Driver{No: c.no, Name: c.driver, Key: strings.ToLower(c.driver), Nat: "GBR", Cup: c.cup,
			Rounds: scoring.AllRounds(), Origin: at("Drivers")})
	}
	for r, order := range [][]string{{"1", "3", "2", "5", "4"}, {"3", "1", "5", "4"}, {"2", "4", "1", "3"}, {"1", "2", "4", "3"}} {
		for i, no := range order {
			s.Results = append(s.Results, scoring.Result{Round: r + 1, No: no, Pos: i + 1, Laps: -1, Origin: at("Results")})
		}
	}
	s.Results = append(s.Results, scoring.Result{Round: 2, No: "2", Status: scoring.Retired, Laps: -1, Origin: at("Results")})
	s.Penalties = []scoring.Penalty{{Round: 1, No: "4", Excluded: true, Championship: "F1 Drivers", Reason: "conduct", Origin: at("Penalties")}}
	s.Championships = []scoring.Championship{
		{Name: "Drivers", Competitor: scoring.CompetitorDriver, BestResults: &scoring.BestResults{Splits: []scoring.BestSplit{{Count: 1, From: 1, To: 2}, {Count: 2, From: 3, To: 4}}}, Origin: at("Championships")},
		{Name: "Constructors", Competitor: scoring.CompetitorTeam, Class: "F1", Counted: scoring.Counted{N: 1}, MinimumStarts: 3, Origin: at("Championships")},
		{Name: "Makes", Competitor: scoring.CompetitorMake, Class: "F1", Origin: at("Championships")},
		{Name: "Cars", Competitor: scoring.CompetitorCar, Origin: at("Championships")},
	}
	return s
}

// DriverMakeSeason is a three-round season of class F1 run as Formula One
// runs it: a drivers' championship and a constructors' championship of
// makes, and no Car championship. Points pay 9-6-4-3, 1 for pole and 1
// for the fastest lap; round 2 pays double. Car 99 is an invited entry;
// car 27 changes driver after round 2. The penalties: 3 points of car 28
// in round 2 (every championship), 5 points of car 1 in round 1 (in "F1
// Constructors" only).
//
//	car  team      make     drivers                    R1        R2           R3
//	1    McLaren   Honda    Ayrton Senna              1, pole   Ret, pole    2
//	2    McLaren   Honda    Alain Prost               2, f.l.   1            4, f.l.
//	27   Ferrari   Ferrari  Michele Alboreto (R1–2),  Ret       3, f.l.      3
//	                        Nicola Larini (R3)
//	28   Ferrari   Ferrari  Gerhard Berger            3         2            DNS
//	99   Guest     Honda    Guest Driver              –         –            1
func DriverMakeSeason() *scoring.Season {
	row := 1
	at := func(sheet string) scoring.Origin {
		row++
		return scoring.Origin{Sheet: sheet, Row: row}
	}
	s := &scoring.Season{Series: "Test Series", Name: "1988"}
	for i, r := range []struct {
		code, name string
		factor     float64
	}{{"BRA", "Brazilian Grand Prix", 1}, {"SMR", "San Marino Grand Prix", 2}, {"MON", "Monaco Grand Prix", 1}} {
		s.Rounds = append(s.Rounds, scoring.Round{Number: i + 1, Code: r.code, Name: r.name, Factor: r.factor, Origin: at("Calendar")})
	}
	for i, p := range []float64{9, 6, 4, 3} {
		s.Points = append(s.Points, scoring.Award{Kind: scoring.AwardPosition, Position: i + 1, Points: p, Origin: at("Points")})
	}
	s.Points = append(s.Points, scoring.Award{Kind: scoring.AwardPole, Points: 1, Origin: at("Points")},
		scoring.Award{Kind: scoring.AwardFastestLap, Points: 1, Origin: at("Points")})
	for _, c := range []struct {
		no, team, make string
		scores         bool
		drivers        []string
		rounds         []scoring.RoundSet
	}{
		{"1", "McLaren", "Honda", true, []string{"Ayrton Senna"}, []scoring.RoundSet{scoring.AllRounds()}},
		{"2", "McLaren", "Honda", true, []string{"Alain Prost"}, []scoring.RoundSet{scoring.AllRounds()}},
		{"27", "Ferrari", "Ferrari", true, []string{"Michele Alboreto", "Nicola Larini"}, []scoring.RoundSet{scoring.Rounds(1, 2), scoring.Rounds(3)}},
		{"28", "Ferrari", "Ferrari", true, []string{"Gerhard Berger"}, []scoring.RoundSet{scoring.AllRounds()}},
		{"99", "Guest", "Honda", false, []string{"Guest Driver"}, []scoring.RoundSet{scoring.AllRounds()}},
	} {
		s.Entries = append(s.Entries, scoring.Entry{No: c.no, Class: "F1", Team: c.team, Make: c.make, Car: c.make,
			Rounds: scoring.AllRounds(), Scores: c.scores, Origin: at("Entries")})
		for k, d := range c.drivers {
			s.Drivers = append(s.Drivers, scoring.Driver{No: c.no, Name: d, Key: strings.ToLower(d), Rounds: c.rounds[k], Origin: at("Drivers")})
		}
	}
	yes := scoring.Mark{Class: true}
	for _, r := range []scoring.Result{
		{Round: 1, No: "1", Pos: 1, Pole: yes}, {Round: 1, No: "2", Pos: 2, FastestLap: yes}, {Round: 1, No: "28", Pos: 3},
		{Round: 1, No: "27", Status: scoring.Retired},
		{Round: 2, No: "2", Pos: 1}, {Round: 2, No: "28", Pos: 2}, {Round: 2, No: "27", Pos: 3, FastestLap: yes},
		{Round: 2, No: "1", Status: scoring.Retired, Pole: yes},
		{Round: 3, No: "99", Pos: 1}, {Round: 3, No: "1", Pos: 2}, {Round: 3, No: "27", Pos: 3}, {Round: 3, No: "2", Pos: 4, FastestLap: yes},
		{Round: 3, No: "28", Status: scoring.DidNotStart},
	} {
		r.Laps, r.Origin = -1, at("Results")
		s.Results = append(s.Results, r)
	}
	s.Penalties = []scoring.Penalty{
		{Round: 2, No: "28", Points: 3, Reason: "track limits", Origin: at("Penalties")},
		{Round: 1, No: "1", Points: 5, Championship: "F1 Constructors", Reason: "parts", Origin: at("Penalties")},
	}
	s.Championships = []scoring.Championship{
		{Name: "Drivers", Competitor: scoring.CompetitorDriver, Origin: at("Championships")},
		{Name: "Constructors", Competitor: scoring.CompetitorMake, Origin: at("Championships")},
	}
	return s
}
