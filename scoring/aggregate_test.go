package scoring

import (
	"fmt"
	"testing"
)

// TestAggregatedTablesReadCellsBeforeCarTable: a Team or Make table without
// a penalty naming no championship reads its classification's cells in
// place, before the Car table takes its own penalties and drops there: a
// penalty naming the Car table never reaches the team or the make, whatever
// the order of the rows.
func TestAggregatedTablesReadCellsBeforeCarTable(t *testing.T) {
	cars := champ("Cars", CompetitorCar, "F1")
	cars.BestResults = &BestResults{N: 1}
	for _, order := range [][]Championship{
		{cars, champ("Constructors", CompetitorTeam, "F1"), champ("Makes", CompetitorMake, "F1")},
		{champ("Constructors", CompetitorTeam, "F1"), champ("Makes", CompetitorMake, "F1"), cars},
	} {
		s := teamSeason(order...)
		s.Penalties = []Penalty{{Round: 1, No: "1", Points: 5, Championship: "Cars", Origin: origin("Penalties")}}
		tables := scoreTables(t, s)
		for name, want := range map[string]string{
			// Best result of each car: 1: 10-5 (its 4 dropped), 2: 6, 3: 6 (a
			// 3rd place behind 2), 4: 10.
			"Cars": "1 #4 B 10; 2 #2 A 6; 3 #3 B 6; 4 #1 A 5",
			// A: 10+4, 4+6; B: 6+3, 10+3.
			"Constructors": "1 A 24; 2 B 22",
			// Ferrari (1, 3): 10+6, 4+3; BRM (4): 3+10; Lotus (2): 4+6.
			"Makes": "1 Ferrari 23; 2 BRM 13; 3 Lotus 10",
		} {
			if got := table(mustTable(t, tables, name).Lines); got != want {
				t.Errorf("rows %s first: %s: got  %s\nwant %s", order[0].Name, name, got, want)
			}
		}
	}
}

// TestAggregatedTablesAllocations: a Team or Make table costs a few
// allocations per car and per line, not one per car and round: its member
// names are made once per table, its items listed in one reused slice, and
// without a penalty naming no championship it reads its classification's
// cells in place rather than copy them.
func TestAggregatedTablesAllocations(t *testing.T) {
	const cars, rounds = 200, 20
	s := bigSeason(cars, rounds, 2)
	for i := range s.Entries {
		s.Entries[i].Team = fmt.Sprint("Team ", i%40)
		s.Entries[i].Make = fmt.Sprint("Make ", i%4)
	}
	base := []Championship{{Name: "Teams", Competitor: CompetitorCar}, {Name: "Drivers", Competitor: CompetitorDriver}}
	allocs := func(champs []Championship) float64 {
		s.Championships = champs
		return testing.AllocsPerRun(3, func() { Score(s, Options{}) })
	}
	without := allocs(base)
	with := allocs(append(base[:2:2], Championship{Name: "Team Cup", Competitor: CompetitorTeam, Counted: Counted{N: 2}}, Championship{Name: "Makes", Competitor: CompetitorMake}))
	if extra, limit := with-without, float64(6*cars); extra > limit {
		t.Errorf("a Team and a Make table over %d cars × %d rounds: %.0f allocations, want at most %.0f", cars, rounds, extra, limit)
	}
}
