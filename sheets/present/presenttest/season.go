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
