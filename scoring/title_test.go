package scoring

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// finishOrder is round's results: the cars in the order given, classified
// 1st, 2nd, …; a car after "-" did not finish.
func finishOrder(round int, cars ...string) []Result {
	var out []Result
	pos, dnf := 0, false
	for _, no := range cars {
		if no == "-" {
			dnf = true
			continue
		}
		if dnf {
			out = append(out, res(round, no, 0, Retired))
			continue
		}
		pos++
		out = append(out, res(round, no, pos))
	}
	return out
}

// titleText renders a table's title race: "2 left, 20 available:
// #1 20 Contender, #2 12 Contender, #3 8 -" (a decided race says so).
func titleText(tb *Table) string {
	var parts []string
	for _, l := range tb.Lines {
		who := l.Name
		if l.Kind == TeamLine {
			who = "#" + l.No
		}
		title := l.Title.String()
		if title == "" {
			title = "-"
		}
		parts = append(parts, fmt.Sprintf("%s %s %s", who, FormatPoints(l.Points), title))
	}
	head := fmt.Sprintf("%d left, %s available", tb.Title.RoundsLeft, FormatPoints(tb.Title.Available))
	if tb.Title.Decided {
		head += ", decided"
	}
	return head + ": " + strings.Join(parts, ", ")
}

// TestTitleRace: who can still win, and the points still available, with
// drops, factors, each race's scheme, the tie rule and aggregated lines.
func TestTitleRace(t *testing.T) {
	p1063 := positions("", 10, 6, 4, 3)
	// Car 4 retires in every race; car 1 leads, cars 2 and 3 follow.
	races := append(append(append(finishOrder(1, "1", "2", "3", "-", "4"), finishOrder(2, "1", "3", "2", "-", "4")...),
		finishOrder(3, "2", "1", "3", "-", "4")...), finishOrder(4, "2", "1", "3", "-", "4")...)
	// After two races cars 1 and 2 are level on 16, car 3 has 8.
	level := append(finishOrder(1, "1", "2", "3", "-", "4"), finishOrder(2, "2", "1", "3", "-", "4")...)
	fourCars := func(rs []Round, points []Award, results []Result) *Season {
		s := threeCars(rs, points, results...)
		s.Entries = append(s.Entries, car("4", "A"))
		s.Drivers = append(s.Drivers, driver("4", "Driver 4", AllRounds()))
		return s
	}
	// Cars 1-3 win every race, cars 2 and 3 take pole alternately, car 3
	// is 3rd; the last race pays the Final scheme: 10 to the winner.
	final := func(tb TieBreak) *Season {
		rs := rounds(1, 1, 1, 1)
		rs[3].Scheme = "Final"
		points := append(append(positions("", 10, 6, 4, 3), pts(AwardPole, 1)), positions("Final", 10)...)
		var results []Result
		for r := 1; r <= 3; r++ {
			pole := "pole"
			if r == 3 {
				pole = ""
			}
			results = append(results, res(r, "1", 1), res(r, "2", 2, pole), res(r, "3", 3))
		}
		s := threeCars(rs, points, results...)
		s.TieBreak = tb
		return s
	}
	// Team X runs cars 1-3 (make M1), team Y car 4 (make M2); cars 1
	// and 2 take the first places, car 4 is 3rd, car 3 4th.
	teams := func() *Season {
		s := fourCars(rounds(1, 1, 1, 1), p1063, append(finishOrder(1, "1", "2", "4", "3"), finishOrder(2, "1", "2", "4", "3")...))
		for i := range s.Entries {
			s.Entries[i].Team, s.Entries[i].Make = "X", "M1"
			if s.Entries[i].No == "4" {
				s.Entries[i].Team, s.Entries[i].Make = "Y", "M2"
			}
		}
		s.Championships = []Championship{
			{Name: "Teams", Competitor: CompetitorTeam, Class: "A", Counted: Counted{N: 2}},
			{Name: "Makes", Competitor: CompetitorMake, Class: "A"},
		}
		return s
	}
	// Drivers A and B (GBR) share car 1, C (ITA) drives car 2, D (FRA)
	// car 3; car 1 wins, car 2 is 2nd, car 3 3rd in every race.
	nations := func(shared SharedDrives) *Season {
		var results []Result
		for r := 1; r <= 2; r++ {
			results = append(results, finishOrder(r, "1", "2", "3")...)
		}
		s := threeCars(rounds(1, 1, 1, 1), p1063, results...)
		s.Drivers = []Driver{driver("1", "A", AllRounds()), driver("1", "B", AllRounds()), driver("2", "C", AllRounds()), driver("3", "D", AllRounds())}
		for i, nat := range []string{"GBR", "GBR", "ITA", "FRA"} {
			s.Drivers[i].Nat = nat
		}
		s.SharedDrives = shared
		s.Championships = []Championship{{Name: "Nations", Competitor: CompetitorNation, Class: "A"}}
		return s
	}
	tests := []struct {
		name    string
		season  *Season
		after   int
		table   string
		want    string
		prepare func(s *Season)
	}{
		{"two races left: a tie at the most that countback cannot split", fourCars(rounds(1, 1, 1, 1), p1063, races[:10]), 2, "A Teams",
			"2 left, 20 available: #1 20 Contender, #2 10 Contender, #3 10 Contender, #4 0 Contender", nil},
		{"clinched with a race to go", fourCars(rounds(1, 1, 1), p1063, races[:10]), 2, "A Teams",
			"1 left, 10 available, decided: #1 20 Champion, #2 10 -, #3 10 -, #4 0 -", nil},
		{"the last race to run: two contenders", fourCars(rounds(1, 1, 1, 1), p1063, races[:15]), 3, "A Teams",
			"1 left, 10 available: #1 26 Contender, #2 20 Contender, #3 14 -, #4 0 -", nil},
		{"clinched in the last race", fourCars(rounds(1, 1, 1, 1), p1063, races), 4, "A Teams",
			"0 left, 0 available, decided: #1 32 Champion, #2 30 -, #3 18 -, #4 0 -", nil},
		{"a double-points finale: three-way contention", fourCars(rounds(1, 1, 2), p1063, races[:10]), 2, "A Teams",
			"1 left, 20 available: #1 20 Contender, #2 10 Contender, #3 10 Contender, #4 0 -", nil},
		{"no drops: a third can still win", fourCars(rounds(1, 1, 1), p1063, level), 2, "A Teams",
			"1 left, 10 available: #1 16 Contender, #2 16 Contender, #3 8 Contender, #4 0 -", nil},
		{"best 2 of 3: a win replaces only the worst result", fourCars(rounds(1, 1, 1), p1063, level), 2, "A Teams",
			"1 left, 10 available: #1 16 Contender, #2 16 Contender, #3 8 -, #4 0 -",
			func(s *Season) { s.BestResults = 2 }},
		{"best 2 of 3, the last race always counts: the leaders' sure total is 10", fourCars(rounds(1, 1, 1), p1063, level), 2, "A Teams",
			"1 left, 10 available: #1 16 Contender, #2 16 Contender, #3 8 Contender, #4 0 -",
			func(s *Season) { s.BestResults = 2; s.Rounds[2].NotDroppable = true }},
		{"split best results: 1 of 1-2, 1 of 3-4", fourCars(rounds(1, 1, 1, 1), p1063, races[:10]), 2, "Cars",
			"2 left, 10 available: #1 10 Contender, #2 6 Contender, #3 6 Contender, #4 0 Contender",
			func(s *Season) {
				s.Championships = []Championship{{Name: "Cars", Competitor: CompetitorCar, Class: "A", BestResults: &BestResults{Splits: []BestSplit{{1, 1, 2}, {1, 3, 4}}}}}
			}},
		{"sprint and race: each race its scheme", fourCars(meetings(), sprintRace(), races[:10]), 2, "A Teams",
			"2 left, 15 available: #1 13 Contender, #3 7 Contender, #2 6 Contender, #4 0 Contender", nil},
		{"sprint run, race to run", fourCars(meetings(), sprintRace(), races[:15]), 3, "A Teams",
			"1 left, 12 available: #1 15 Contender, #2 9 Contender, #3 8 Contender, #4 0 -", nil},
		{"a tie at the most lost on countback", final(Countback), 3, "A Teams",
			"1 left, 10 available, decided: #1 30 Champion, #2 20 -, #3 12 -", nil},
		{"a tie at the most lost on countback before the latest result", final(Countback + ThenLatestResult), 3, "A Teams",
			"1 left, 10 available, decided: #1 30 Champion, #2 20 -, #3 12 -", nil},
		{"a tie at the most with tie-break none: a shared title", final(NoTieBreak), 3, "A Teams",
			"1 left, 10 available: #1 30 Contender, #2 20 Contender, #3 12 -", nil},
		{"a team counting 2 cars", teams(), 1, "Teams",
			"3 left, 48 available: X 16 Contender, Y 4 Contender", nil},
		{"a team counting 2 cars: clinched", teams(), 2, "Teams",
			"2 left, 32 available, decided: X 32 Champion, Y 8 -", nil},
		{"a make counting all its cars", teams(), 2, "Makes",
			"2 left, 40 available, decided: M1 38 Champion, M2 8 -", nil},
		{"nations, shared drives full: both drivers may score the winner's points", nations(SharedFull), 1, "Nations",
			"3 left, 60 available: GBR 20 Contender, ITA 6 Contender, FRA 4 Contender", nil},
		{"nations, shared drives full: clinched", nations(SharedFull), 2, "Nations",
			"2 left, 40 available, decided: GBR 40 Champion, ITA 12 -, FRA 8 -", nil},
		{"nations, shared drives split: two drivers take 1st and 2nd at most", nations(SharedSplit), 2, "Nations",
			"2 left, 32 available: GBR 20 Contender, ITA 12 Contender, FRA 8 Contender", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.prepare != nil {
				tt.prepare(tt.season)
			}
			st, _ := Score(tt.season, Options{AfterRound: tt.after})
			tb := st.Table(tt.table)
			if tb == nil {
				t.Fatalf("no table %q", tt.table)
			}
			if got := titleText(tb); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// meetings are two meetings of a sprint (rounds 1 and 3) and a race.
func meetings() []Round {
	rs := rounds(1, 1, 1, 1)
	for i := range rs {
		rs[i].Meeting = fmt.Sprint("Meeting ", 1+i/2)
		if i%2 == 0 {
			rs[i].Scheme = "Sprint"
		}
	}
	return rs
}

// sprintRace: the race pays 10-6-4-3, pole 1 and fastest lap 1; the
// sprint 3-2-1 and nothing else.
func sprintRace() []Award {
	return append(append(positions("", 10, 6, 4, 3), pts(AwardPole, 1), pts(AwardFastestLap, 1)), positions("Sprint", 3, 2, 1)...)
}

// TestPositionChanges: each line's position after the previous round with
// results, ranked by the same rules; a competitor new in the table has
// none, an exclusion counts from its round.
func TestPositionChanges(t *testing.T) {
	p1063 := positions("", 10, 6, 4, 3)
	results := append(finishOrder(1, "1", "2", "3"), finishOrder(2, "3", "2", "4", "1")...)
	tests := []struct {
		name    string
		after   int
		prepare func(s *Season)
		want    string
	}{
		{"first round: nothing to compare", 1, nil, "moves false: #1 1/0, #2 2/0, #3 3/0"},
		{"second round", 2, nil, "moves true: #3 1/3, #1 2/1, #2 3/2, #4 4/0"},
		{"rounds still to run in the calendar are not rounds scored", 0, nil, "moves true: #3 1/3, #1 2/1, #2 3/2, #4 4/0"},
		{"an exclusion counts from its round", 2, func(s *Season) {
			s.Penalties = []Penalty{{Round: 2, No: "1", Excluded: true, Origin: origin("Penalties")}}
		}, "moves true: #3 1/3, #2 2/2, #4 3/0, #1 0/1"},
		{"minimum starts: ranked from the second start", 2, func(s *Season) {
			s.Championships = []Championship{{Name: "A Teams", Competitor: CompetitorCar, Class: "A", MinimumStarts: 2}}
		}, "moves true: #3 1/0, #1 2/0, #2 3/0, #4 0/0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := threeCars(rounds(1, 1, 1), p1063, results...)
			s.Entries = append(s.Entries, car("4", "A"))
			if tt.prepare != nil {
				tt.prepare(s)
			}
			st, _ := Score(s, Options{AfterRound: tt.after})
			tb := st.Table("A Teams")
			var parts []string
			for _, l := range tb.Lines {
				parts = append(parts, fmt.Sprintf("#%s %d/%d", l.No, l.Pos, l.Previous))
			}
			if got := fmt.Sprintf("moves %v: %s", tb.Moves, strings.Join(parts, ", ")); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestTitleProperty: over random seasons, v1's and with every kind of
// championship,
// the eventual champion was a contender (or the champion) after every
// earlier round in which it was listed, and a champion declared early is
// the eventual champion. Penalties and results that always count are
// given in the first round only: later ones cannot be foreseen.
func TestTitleProperty(t *testing.T) {
	id := func(tb *Table, l *Line) string {
		return fmt.Sprint(tb.Name, "|", l.Kind, "|", l.No, "|", l.Key, "|", l.Name)
	}
	for seed := range uint64(300) {
		rng := rand.New(rand.NewPCG(seed, 16))
		s := randomSeason(rng) // v1's championships
		if seed%2 == 0 {
			s = randomChampSeason(rng)
		}
		s.Penalties = slices.DeleteFunc(s.Penalties, func(p Penalty) bool { return p.Round > 1 })
		for i := range s.Results {
			if s.Results[i].Round > 1 {
				s.Results[i].NotDroppable = false
			}
		}
		if rng.IntN(2) == 0 {
			s.SharedDrives = []SharedDrives{SharedSplit, SharedNone}[rng.IntN(2)]
		}
		final, _ := Score(s, Options{})
		champions := map[string]bool{}
		for i := range final.Championships {
			tb := &final.Championships[i]
			for j := range tb.Lines {
				if l := &tb.Lines[j]; l.Pos == 1 {
					champions[id(tb, l)] = true
					if l.Title != TitleChampion {
						t.Errorf("seed %d: %s: %s is first after the last round but not champion", seed, tb.Name, l)
					}
				}
			}
		}
		for k := 1; k < len(s.Rounds); k++ {
			st, _ := Score(s, Options{AfterRound: k})
			for i := range st.Championships {
				tb := &st.Championships[i]
				if tb.Title.RoundsLeft != len(s.Rounds)-k {
					t.Errorf("seed %d after %d: %s: %d rounds left", seed, k, tb.Name, tb.Title.RoundsLeft)
				}
				for j := range tb.Lines {
					l := &tb.Lines[j]
					won := champions[id(tb, l)]
					if won && l.Title == TitleNone {
						t.Errorf("seed %d after round %d: %s: %s won the title but was given no chance\n%s", seed, k, tb.Name, l, titleText(tb))
					}
					if !won && l.Title == TitleChampion {
						t.Errorf("seed %d after round %d: %s: %s declared champion but did not win\n%s", seed, k, tb.Name, l, titleText(tb))
					}
				}
			}
		}
	}
}

// TestFieldWithACarWithoutResults: a classification whose Car
// championship lists no line for a car without results (in the rounds
// counted) still gives its cars' crews (this panicked).
func TestFieldWithACarWithoutResults(t *testing.T) {
	s := teamSeason(champ("Cars", CompetitorCar, "F1"))
	s.Entries = append(s.Entries, car("5", "F1"))
	s.Drivers = append(s.Drivers, driver("5", "Driver 5", AllRounds()))
	st, _ := Score(s, Options{})
	if len(st.Fields) != 1 || len(st.Fields[0].Drivers) != 4 {
		t.Fatalf("fields: %+v", st.Fields)
	}
}
