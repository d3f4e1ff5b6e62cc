package scoring

import (
	"fmt"
	"strings"
	"testing"
)

// f1 pays 10-6-4-3 (the default scheme) and, as the Constructors scheme,
// 8-6-4-3: 1961's drivers scored 9 for a win, its constructors 8.
func f1() []Award {
	var a []Award
	for i, p := range []float64{10, 6, 4, 3} {
		a = append(a, Award{Kind: AwardPosition, Position: i + 1, Points: p, Origin: origin("Points")})
	}
	for i, p := range []float64{8, 6, 4, 3} {
		a = append(a, Award{Kind: AwardPosition, Position: i + 1, Points: p, Scheme: "Constructors", Origin: origin("Points")})
	}
	return a
}

// teamSeason has two rounds and four cars in class F1: cars 1 and 2 of
// team A (makes Ferrari and Lotus), cars 3 and 4 of team B (Ferrari, BRM).
//
//	round 1: car 1 1st, 3 2nd, 2 3rd, 4 4th
//	round 2: car 4 1st, 2 2nd, 1 3rd, 3 4th
func teamSeason(champs ...Championship) *Season {
	s := &Season{Rounds: rounds(1, 1), Points: f1(), Championships: champs}
	for _, c := range []struct{ no, team, make string }{{"1", "A", "Ferrari"}, {"2", "A", "Lotus"}, {"3", "B", "Ferrari"}, {"4", "B", "BRM"}} {
		e := car(c.no, "F1")
		e.Team, e.Make = c.team, c.make
		s.Entries = append(s.Entries, e)
		s.Drivers = append(s.Drivers, driver(c.no, "Driver "+c.no, AllRounds()))
	}
	s.Results = []Result{
		res(1, "1", 1), res(1, "3", 2), res(1, "2", 3), res(1, "4", 4),
		res(2, "4", 1), res(2, "2", 2), res(2, "1", 3), res(2, "3", 4),
	}
	return s
}

func champ(name string, c Competitor, class string) Championship {
	return Championship{Name: name, Competitor: c, Class: class, Origin: origin("Championships")}
}

// scoreTables scores s and returns each table as "name: pos name points; …".
func scoreTables(t *testing.T, s *Season) map[string]*Table {
	t.Helper()
	st := score(t, s)
	out := map[string]*Table{}
	for i := range st.Championships {
		out[st.Championships[i].Name] = &st.Championships[i]
	}
	return out
}

func mustTable(t *testing.T, tables map[string]*Table, name string) *Table {
	t.Helper()
	tb := tables[name]
	if tb == nil {
		var names []string
		for n := range tables {
			names = append(names, n)
		}
		t.Fatalf("no table %q; tables: %v", name, names)
	}
	return tb
}

// TestTeamCounted adds up a team's cars: all of them, the best one, or the
// nominated ones; and a make's across teams.
func TestTeamCounted(t *testing.T) {
	tests := []struct {
		name    string
		ch      Championship
		prepare func(s *Season)
		want    string
	}{
		// A: 10+4, 4+6 = 24; B: 6+3, 10+3 = 22.
		{"all", Championship{Competitor: CompetitorTeam}, nil, "1 A 24; 2 B 22"},
		// A: 10, 6; B: 6, 10: 16 each, one win and one 2nd each.
		{"best one", Championship{Competitor: CompetitorTeam, Counted: Counted{N: 1}}, nil, "=1 A 16; =1 B 16"},
		// Nominated cars 2 and 3: A 4+6 = 10, B 6+3 = 9.
		{"nominated", Championship{Competitor: CompetitorTeam, Counted: Counted{Nominated: true}}, func(s *Season) {
			s.Entries[1].Nominated, s.Entries[2].Nominated = true, true
		}, "1 A 10; 2 B 9"},
		// Ferrari: cars 1 and 3: 10+6, 4+3 = 23; Lotus 4+6 = 10; BRM 3+10 = 13.
		{"make", Championship{Competitor: CompetitorMake}, nil, "1 Ferrari 23; 2 BRM 13; 3 Lotus 10"},
		// Constructors scheme 8-6-4-3, best car: A 8, 6; B 6, 8.
		{"own scheme", Championship{Competitor: CompetitorTeam, Counted: Counted{N: 1}, Scheme: "Constructors", TieBreak: Countback + ThenLatestResult}, nil, "1 B 14; 2 A 14"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.ch.Name, tt.ch.Class = "Constructors", "F1"
			s := teamSeason(tt.ch)
			if tt.prepare != nil {
				tt.prepare(s)
			}
			tb := mustTable(t, scoreTables(t, s), "Constructors")
			if got := table(tb.Lines); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestAggregateExplained: the explanation names the cars that counted.
func TestAggregateExplained(t *testing.T) {
	s := teamSeason(Championship{Name: "Constructors", Competitor: CompetitorTeam, Class: "F1", Counted: Counted{N: 1}})
	s.Penalties = []Penalty{{Round: 2, No: "2", Points: 2, Reason: "unsafe release", Origin: origin("Penalties")}}
	tb := mustTable(t, scoreTables(t, s), "Constructors")
	var a Line
	for _, l := range tb.Lines {
		if l.Name == "A" {
			a = l
		}
	}
	got := strings.Join(a.Explain(), "\n")
	want := "round 1: car 1 1st 10\nround 2: car 2 2nd 6\nround 2: penalty (car 2: unsafe release): -2"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	all := teamSeason(Championship{Name: "Constructors", Competitor: CompetitorTeam, Class: "F1"})
	tb = mustTable(t, scoreTables(t, all), "Constructors")
	if got, want := tb.Lines[0].Explain()[0], "round 1: car 1 1st 10 + car 2 3rd 4"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestPenaltyPerChampionship: a penalty naming the constructors' table
// takes points from the team only; a blank one from the car, its drivers
// and, through the car's points, its team.
func TestPenaltyPerChampionship(t *testing.T) {
	s := teamSeason(champ("Cars", CompetitorCar, "F1"), champ("Drivers", CompetitorDriver, "F1"), champ("Constructors", CompetitorTeam, "F1"))
	s.Penalties = []Penalty{
		{Round: 1, No: "1", Points: 5, Championship: "Constructors", Origin: origin("Penalties")},
		{Round: 2, No: "3", Points: 1, Origin: origin("Penalties")},
	}
	tables := scoreTables(t, s)
	for name, want := range map[string]string{
		// Cars: 1: 10+4, 2: 4+6, 3: 6+3-1, 4: 3+10.
		"Cars":    "1 #1 A 14; 2 #4 B 13; 3 #2 A 10; 4 #3 B 8",
		"Drivers": "1 Driver 1 14; 2 Driver 4 13; 3 Driver 2 10; 4 Driver 3 8",
		// A 24-5, B 22-1.
		"Constructors": "1 B 21; 2 A 19",
	} {
		if got := table(mustTable(t, tables, name).Lines); got != want {
			t.Errorf("%s: got  %s\nwant %s", name, got, want)
		}
	}
}

// TestExclusion: an excluded competitor comes last without a position,
// its points shown; other championships are untouched.
func TestExclusion(t *testing.T) {
	s := teamSeason(champ("Cars", CompetitorCar, "F1"), champ("Constructors", CompetitorTeam, "F1"))
	s.Penalties = []Penalty{{Round: 1, No: "1", Excluded: true, Championship: "Constructors", Origin: origin("Penalties")}}
	tables := scoreTables(t, s)
	if got, want := table(mustTable(t, tables, "Constructors").Lines), "1 B 22; 0 A 24"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if l := mustTable(t, tables, "Constructors").Lines[1]; !l.Excluded {
		t.Errorf("A is not marked excluded")
	}
	if got, want := table(mustTable(t, tables, "Cars").Lines), "1 #1 A 14; 2 #4 B 13; 3 #2 A 10; 4 #3 B 9"; got != want {
		t.Errorf("Cars: got %s, want %s", got, want)
	}
}

// TestMinimumStarts: a competitor with fewer starts is listed after the
// others, without a position, even with more points.
func TestMinimumStarts(t *testing.T) {
	ch := champ("Cars", CompetitorCar, "F1")
	ch.MinimumStarts = 2
	s := teamSeason(ch)
	s.Results = append(s.Results[:3], s.Results[4:]...) // car 4 misses round 1
	s.Results = append(s.Results, res(1, "5", 4))
	e := car("5", "F1")
	s.Entries = append(s.Entries, e)
	s.Results[len(s.Results)-1].Status = DidNotStart
	// Car 4: 10 in one start; car 5: one result, not started.
	got := table(mustTable(t, scoreTables(t, s), "Cars").Lines)
	want := "1 #1 A 14; 2 #2 A 10; 3 #3 B 9; 0 #4 B 10; 0 #5 Team 5 0"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// dropSeason: one car scoring 10, 6, 4 and 3 in rounds 1–4.
func dropSeason(best BestResults, prepare func(s *Season)) *Season {
	s := &Season{Rounds: rounds(1, 1, 1, 1), Points: f1(), Entries: []Entry{car("1", "F1"), car("2", "F1"), car("3", "F1"), car("4", "F1")}}
	s.Championships = []Championship{{Name: "Cars", Competitor: CompetitorCar, Class: "F1", BestResults: &best}}
	// Round r: car 1 is r-th, the others fill the other places in order.
	for r := 1; r <= 4; r++ {
		for k := 1; k <= 4; k++ {
			p := k
			switch {
			case k == 1:
				p = r
			case k <= r:
				p = k - 1
			}
			s.Results = append(s.Results, res(r, fmt.Sprint(k), p))
		}
	}
	if prepare != nil {
		prepare(s)
	}
	return s
}

// TestDrops: split seasons, all but N, and results and races that always
// count.
func TestDrops(t *testing.T) {
	tests := []struct {
		name    string
		best    BestResults
		prepare func(s *Season)
		points  float64
		dropped string
	}{
		{"split", BestResults{Splits: []BestSplit{{1, 1, 2}, {1, 3, 4}}}, nil, 14, "2, 4"},
		{"all but 1", BestResults{AllBut: 1}, nil, 20, "4"},
		{"best 2", BestResults{N: 2}, nil, 16, "3–4"},
		{"race always counts", BestResults{N: 2}, func(s *Season) { s.Rounds[3].NotDroppable = true }, 13, "2–3"},
		{"result always counts", BestResults{N: 2}, func(s *Season) {
			for i := range s.Results {
				if s.Results[i].No == "1" && s.Results[i].Round == 3 {
					s.Results[i].NotDroppable = true
				}
			}
		}, 14, "2, 4"},
		{"missed race that always counts", BestResults{N: 2}, func(s *Season) {
			s.Rounds[3].NotDroppable = true
			s.Results = dropResult(s.Results, 4, "1")
		}, 10, "2–3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := mustTable(t, scoreTables(t, dropSeason(tt.best, tt.prepare)), "Cars")
			var l Line
			for _, x := range tb.Lines {
				if x.No == "1" {
					l = x
				}
			}
			var dropped []int
			for _, c := range l.Rounds {
				if c.Dropped {
					dropped = append(dropped, c.Round)
				}
			}
			if l.Points != tt.points || Rounds(dropped...).String() != tt.dropped {
				t.Errorf("got %v points, dropped %s; want %v, dropped %s\n%s", l.Points, Rounds(dropped...), tt.points, tt.dropped, strings.Join(l.Explain(), "\n"))
			}
		})
	}
}

func dropResult(rs []Result, round int, no string) []Result {
	var out []Result
	for _, r := range rs {
		if r.Round != round || r.No != no {
			out = append(out, r)
		}
	}
	return out
}

// TestWhyNotDropped: the explanation says why a score stayed.
func TestWhyNotDropped(t *testing.T) {
	s := dropSeason(BestResults{N: 2}, func(s *Season) { s.Rounds[3].NotDroppable = true })
	tb := mustTable(t, scoreTables(t, s), "Cars")
	var l Line
	for _, x := range tb.Lines {
		if x.No == "1" {
			l = x
		}
	}
	got := strings.Join(l.Explain(), "\n")
	want := "round 1: 1st: 10\nround 2: 2nd: 6 (dropped)\nround 3: 3rd: 4 (dropped)\nround 4: 4th: 3\nround 4: not droppable: this race always counts (Droppable N in the Calendar)"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// tieSeason: positions 1 and 2 pay 10 and 6, no other place pays. Car 1
// wins every round; cars 2 and 3 tie on 6:
//
//	round 1: 1, 2, 3 (car 2 2nd, car 3 3rd)
//	round 2: 1, 3, 2 (car 3 2nd, car 2 3rd)
//	round 3: 1, 4, 2, 3 (car 4 2nd, car 2 3rd, car 3 4th)
func tieSeason(tb TieBreak, shown TiesShownAs) *Season {
	s := &Season{Rounds: rounds(1, 1, 1), Entries: []Entry{car("1", "F1"), car("2", "F1"), car("3", "F1"), car("4", "F1")}}
	s.Points = []Award{{Kind: AwardPosition, Position: 1, Points: 10}, {Kind: AwardPosition, Position: 2, Points: 6}}
	s.Championships = []Championship{{Name: "Cars", Competitor: CompetitorCar, Class: "F1", TieBreak: tb, TiesShownAs: shown}}
	s.Results = []Result{
		res(1, "1", 1), res(1, "2", 2), res(1, "3", 3),
		res(2, "1", 1), res(2, "3", 2), res(2, "2", 3),
		res(3, "1", 1), res(3, "4", 2), res(3, "2", 3), res(3, "3", 4),
	}
	return s
}

// TestTieBreaks: each form of Tie-break, and Ties shown as.
func TestTieBreaks(t *testing.T) {
	tests := []struct {
		tb    TieBreak
		shown TiesShownAs
		want  string
	}{
		// Car 2: a 2nd and two 3rds; car 3: a 2nd, a 3rd and a 4th.
		{Countback, "", "1 #1 Team 1 30; 2 #2 Team 2 6; 3 #3 Team 3 6; 4 #4 Team 4 6"},
		// Only paying places: cars 2, 3 and 4 have one 2nd each.
		{CountbackScoringPlaces, "", "1 #1 Team 1 30; =2 #2 Team 2 6; =2 #3 Team 3 6; =2 #4 Team 4 6"},
		{CountbackScoringPlaces, TiesSkip, "1 #1 Team 1 30; =2 #2 Team 2 6; =2 #3 Team 3 6; =2 #4 Team 4 6"},
		// Latest race all took part in: round 3, car 4 2nd, car 2 3rd, car 3 4th.
		{CountbackScoringPlaces + ThenLatestResult, "", "1 #1 Team 1 30; 2 #4 Team 4 6; 3 #2 Team 2 6; 4 #3 Team 3 6"},
		// Car 2 reached 6 in round 1, car 3 in round 2, car 4 in round 3.
		{CountbackScoringPlaces + ThenFirstToReach, "", "1 #1 Team 1 30; 2 #2 Team 2 6; 3 #3 Team 3 6; 4 #4 Team 4 6"},
		{NoTieBreak, "", "1 #1 Team 1 30; =2 #2 Team 2 6; =2 #3 Team 3 6; =2 #4 Team 4 6"},
	}
	for _, tt := range tests {
		t.Run(string(tt.tb)+" "+string(tt.shown), func(t *testing.T) {
			tb := mustTable(t, scoreTables(t, tieSeason(tt.tb, tt.shown)), "Cars")
			if got := table(tb.Lines); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestTiesShownAs: 1, 1, 3 gives the competitor after a shared place the
// place after all the tied ones.
func TestTiesShownAs(t *testing.T) {
	for shown, want := range map[TiesShownAs][]int{"": {1, 2, 2, 2, 3}, TiesDense: {1, 2, 2, 2, 3}, TiesSkip: {1, 2, 2, 2, 5}} {
		s := tieSeason(NoTieBreak, shown)
		s.Entries = append(s.Entries, car("5", "F1"))
		s.Results = append(s.Results, res(3, "5", 5))
		// Cars 2, 3 and 4 share 2nd on 6; car 5, 5th in round 3, has 0.
		tb := mustTable(t, scoreTables(t, s), "Cars")
		var got []int
		for _, l := range tb.Lines {
			got = append(got, l.Pos)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%q: positions %v, want %v (%s)", shown, got, want, table(tb.Lines))
		}
	}
}

// TestDriverCup: a blank Class runs a Driver championship per class and
// per driver cup; the cup ranks the cars its drivers drove, by Pos among
// themselves, and only its drivers score.
func TestDriverCup(t *testing.T) {
	s := teamSeason(champ("Drivers", CompetitorDriver, ""))
	s.Drivers[0].Cup, s.Drivers[0].Rounds = "Rookie", Rounds(1)
	s.Drivers[2].Cup = "Rookie"
	s.Drivers = append(s.Drivers, driver("1", "Driver 1b", Rounds(2)))
	tables := scoreTables(t, s)
	for name, want := range map[string]string{
		"F1 Drivers": "1 Driver 4 13; 2 Driver 1 10; 3 Driver 2 10; 4 Driver 3 9; 5 Driver 1b 4",
		// Round 1: car 1 1st, car 3 2nd of the two; round 2: car 3 alone
		// (car 1's driver was no rookie).
		"Rookie Drivers": "1 Driver 3 16; 2 Driver 1 10",
	} {
		tb := mustTable(t, tables, name)
		if got := table(tb.Lines); got != want {
			t.Errorf("%s: got  %s\nwant %s", name, got, want)
		}
		if !tb.PerClass {
			t.Errorf("%s is not marked per class", name)
		}
	}
	if len(tables) != 2 {
		t.Errorf("%d tables, want 2", len(tables))
	}
}

// TestClassAll: All ranks every car by its overall Pos.
func TestClassAll(t *testing.T) {
	s := teamSeason(champ("Overall", CompetitorCar, ClassAll))
	s.Entries[2].Class, s.Entries[3].Class = "GT", "GT"
	tb := mustTable(t, scoreTables(t, s), "Overall")
	if got, want := table(tb.Lines), "1 #1 A 14; 2 #4 B 13; 3 #2 A 10; 4 #3 B 9"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if tb.PerClass || tb.Class != ClassAll {
		t.Errorf("table %q: PerClass %v, Class %q", tb.Name, tb.PerClass, tb.Class)
	}
}

// TestNation adds up a nation's drivers.
func TestNation(t *testing.T) {
	for counted, want := range map[int]string{0: "1 GBR 24; 2 USA 13; 3 ITA 9", 1: "1 GBR 16; 2 USA 13; 3 ITA 9"} {
		ch := champ("Nations", CompetitorNation, "F1")
		ch.Counted.N = counted
		s := teamSeason(ch)
		for i, nat := range []string{"GBR", "GBR", "ITA", "USA"} {
			s.Drivers[i].Nat = nat
		}
		tb := mustTable(t, scoreTables(t, s), "Nations")
		if got := table(tb.Lines); got != want {
			t.Errorf("counted %d: got  %s\nwant %s", counted, got, want)
		}
	}
}

// TestV1Tables: without Championships, Standings.Championships lists v1's
// tables, sharing the lines of Classifications.
func TestV1Tables(t *testing.T) {
	s := teamSeason()
	s.Entries[3].Cup = "Trophy"
	st := score(t, s)
	var names []string
	for _, tb := range st.Championships {
		names = append(names, tb.Name)
	}
	if got, want := strings.Join(names, ", "), "F1 Teams, F1 Drivers, Trophy Teams, Trophy Drivers"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if &st.Championships[1].Lines[0] != &st.Classifications[0].Drivers[0] {
		t.Errorf("v1 tables do not share the classification's lines")
	}
}

func TestParseBestResults(t *testing.T) {
	tests := []struct {
		in, want, err string
	}{
		{"", "", ""},
		{"11", "11", ""},
		{" All  but 2 ", "all but 2", ""},
		{"6 of 1-7, 5 of 8–13", "6 of 1-7, 5 of 8-13", ""},
		{"0", "", `"0" is less than 1`},
		{"all but none", "", `"all but none": all but needs a whole number of at least 1`},
		{"6 of 7-1", "", `"6 of 7-1" is not a number, all but N, or K of A-B, L of C-D`},
		{"best six", "", `"best six" is not a number, all but N, or K of A-B, L of C-D`},
	}
	for _, tt := range tests {
		b, err := ParseBestResults(tt.in)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.err || b.String() != tt.want {
			t.Errorf("%q: got %q, error %q; want %q, error %q", tt.in, b, got, tt.want, tt.err)
		}
	}
}

func TestParseTieBreak(t *testing.T) {
	for in, want := range map[string]TieBreak{
		"Countback":                     Countback,
		"none":                          NoTieBreak,
		"countback of  scoring places":  CountbackScoringPlaces,
		"Countback, then latest result": Countback + ThenLatestResult,
		"countback of scoring places ,then first to reach the total": CountbackScoringPlaces + ThenFirstToReach,
		"none, then latest result":                                   "",
		"countback, then coin toss":                                  "",
		"wins":                                                       "",
	} {
		got, ok := ParseTieBreak(in)
		if got != want || ok != (want != "") {
			t.Errorf("%q: got %q, %v; want %q", in, got, ok, want)
		}
	}
}

// TestV1PenaltyInOneTable: without Championships, a penalty may name one
// of v1's tables: "F1 Teams" takes points from the car's line only.
func TestV1PenaltyInOneTable(t *testing.T) {
	s := teamSeason()
	s.Penalties = []Penalty{{Round: 1, No: "1", Points: 5, Championship: "F1 Teams", Origin: origin("Penalties")}}
	st := score(t, s)
	cl := st.Classification("F1")
	if got, want := table(cl.Teams), "1 #4 B 13; 2 #2 A 10; 3 #1 A 9; 4 #3 B 9"; got != want {
		t.Errorf("teams: got %s, want %s", got, want)
	}
	if got, want := table(cl.Drivers), "1 Driver 1 14; 2 Driver 4 13; 3 Driver 2 10; 4 Driver 3 9"; got != want {
		t.Errorf("drivers: got %s, want %s", got, want)
	}
}

// TestNationPenalty: a penalty naming a Nation championship takes points
// from the driver's nation, or from the nations of the car's drivers.
func TestNationPenalty(t *testing.T) {
	s := teamSeason(champ("Nations", CompetitorNation, "F1"), champ("Drivers", CompetitorDriver, "F1"))
	for i, nat := range []string{"GBR", "GBR", "ITA", "USA"} {
		s.Drivers[i].Nat = nat
	}
	s.Penalties = []Penalty{
		{Round: 1, No: "3", Driver: "Driver 3", DriverKey: "driver 3", Points: 2, Championship: "Nations", Origin: origin("Penalties")},
		{Round: 2, No: "4", Points: 1, Championship: "Nations", Origin: origin("Penalties")},
	}
	tables := scoreTables(t, s)
	if got, want := table(mustTable(t, tables, "Nations").Lines), "1 GBR 24; 2 USA 12; 3 ITA 7"; got != want {
		t.Errorf("nations: got %s, want %s", got, want)
	}
	if got, want := table(mustTable(t, tables, "Drivers").Lines), "1 Driver 1 14; 2 Driver 4 13; 3 Driver 2 10; 4 Driver 3 9"; got != want {
		t.Errorf("drivers: got %s, want %s", got, want)
	}
}
