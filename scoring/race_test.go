package scoring

import (
	"strings"
	"testing"
)

// explained renders a table's lines with their explanations, one line
// each: "1 #1 Team 1 16 [round 1: 1st (Sprint): 4; …]".
func explained(lines []Line) string {
	var out []string
	for _, l := range lines {
		out = append(out, l.String()+" ["+strings.Join(l.Explain(), "; ")+"]")
	}
	return strings.Join(out, "\n")
}

func pts(kind AwardKind, points float64, opts ...any) Award {
	a := Award{Kind: kind, Points: points, Origin: origin("Points")}
	for _, o := range opts {
		switch v := o.(type) {
		case int:
			a.Position = v
		case string:
			a.Scheme = v
		case Requirement:
			a.Requires = v
		}
	}
	return a
}

func positions(scheme string, points ...float64) []Award {
	var a []Award
	for i, p := range points {
		a = append(a, pts(AwardPosition, p, i+1, scheme))
	}
	return a
}

// threeCars is a season of class A with cars 1, 2 and 3 (a driver each)
// and the given rounds.
func threeCars(rs []Round, points []Award, results ...Result) *Season {
	s := &Season{Rounds: rs, Points: points, Results: results}
	for _, no := range []string{"1", "2", "3"} {
		s.Entries = append(s.Entries, car(no, "A"))
		s.Drivers = append(s.Drivers, driver(no, "Driver "+no, AllRounds()))
	}
	return s
}

// A race pays its own scheme (Calendar Scheme), and a named scheme only
// the awards it lists; the Breakdown names it. A championship's own
// scheme is paid in every race instead.
func TestRaceSchemes(t *testing.T) {
	rs := rounds(1, 1)
	rs[0].Scheme = "Sprint"
	points := append(positions("", 10, 6, 4), pts(AwardPole, 1), pts(AwardFastestLap, 1))
	points = append(points, positions("Sprint", 4, 2, 1)...)
	points = append(points, pts(AwardStart, 1, "Sprint"))
	results := []Result{
		res(1, "1", 1, "pole", "fl"), res(1, "2", 2), res(1, "3", 3),
		res(2, "1", 1, "fl"), res(2, "2", 2, "pole"), res(2, "3", 3),
	}
	for _, tt := range []struct {
		name   string
		champs []Championship
		table  string
		want   string
	}{
		{"each race its scheme", nil, "A Teams",
			"1 #1 Team 1 16 [round 1: 1st (Sprint): 4; round 1: start (Sprint): 1; round 2: 1st: 10; round 2: fastest lap: 1]\n" +
				"2 #2 Team 2 10 [round 1: 2nd (Sprint): 2; round 1: start (Sprint): 1; round 2: 2nd: 6; round 2: pole position: 1]\n" +
				"3 #3 Team 3 6 [round 1: 3rd (Sprint): 1; round 1: start (Sprint): 1; round 2: 3rd: 4]"},
		{"the championship's scheme overrides", []Championship{{Name: "Cars", Competitor: CompetitorCar, Class: "A", Scheme: "Sprint", Origin: origin("Championships")}}, "Cars",
			"1 #1 Team 1 10 [round 1: 1st: 4; round 1: start: 1; round 2: 1st: 4; round 2: start: 1]\n" +
				"2 #2 Team 2 6 [round 1: 2nd: 2; round 1: start: 1; round 2: 2nd: 2; round 2: start: 1]\n" +
				"3 #3 Team 3 4 [round 1: 3rd: 1; round 1: start: 1; round 2: 3rd: 1; round 2: start: 1]"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := threeCars(rs, points, results...)
			s.Championships = tt.champs
			tb := mustTable(t, scoreTables(t, s), tt.table)
			if got := explained(tb.Lines); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func top(n int) Requirement { return Requirement{Kind: RequiresTop, N: n} }

// withLaps sets a result's laps led.
func withLaps(r Result, led int) Result { r.LapsLed = led; return r }

// Start, Lap led and Most laps led, and the Requires of every award that
// takes one, on one race at double points: car 1 wins (10 laps led), car
// 2 is 2nd (10), car 3 retired (5), car 4 did not start.
func TestAwardsAndRequires(t *testing.T) {
	mark := func(r Result, opts ...string) Result {
		for _, o := range opts {
			switch o {
			case "pole":
				r.Pole = Mark{Class: true}
			case "fl":
				r.FastestLap = Mark{Class: true}
			}
		}
		return r
	}
	for _, tt := range []struct {
		name   string
		awards []Award
		marks  map[string][]string // car → pole, fl
		led3   int                 // car 3's laps led (5 unless set)
		want   string
	}{
		{"start pays every car that started, not multiplied", []Award{pts(AwardStart, 2)}, nil, 0,
			"1 #1 Team 1 22 [round 1: 1st: 10 × 2 (double points) = 20; round 1: start: 2]\n" +
				"2 #2 Team 2 14 [round 1: 2nd: 6 × 2 (double points) = 12; round 1: start: 2]\n" +
				"3 #3 Team 3 2 [round 1: start: 2]\n" +
				"4 #4 Team 4 0 []"},
		{"lap led: classified cars by default", []Award{pts(AwardLapLed, 1)}, nil, 0,
			"1 #1 Team 1 21 [round 1: 1st: 10 × 2 (double points) = 20; round 1: lap led: 1]\n" +
				"2 #2 Team 2 13 [round 1: 2nd: 6 × 2 (double points) = 12; round 1: lap led: 1]\n" +
				"=3 #3 Team 3 0 []\n=3 #4 Team 4 0 []"},
		{"lap led: any", []Award{pts(AwardLapLed, 1, Requirement{Kind: RequiresAny})}, nil, 0,
			"1 #1 Team 1 21 [round 1: 1st: 10 × 2 (double points) = 20; round 1: lap led: 1]\n" +
				"2 #2 Team 2 13 [round 1: 2nd: 6 × 2 (double points) = 12; round 1: lap led: 1]\n" +
				"3 #3 Team 3 1 [round 1: lap led: 1]\n4 #4 Team 4 0 []"},
		{"most laps led shared on a tie", []Award{pts(AwardMostLapsLed, 3)}, nil, 0,
			"1 #1 Team 1 21.5 [round 1: 1st: 10 × 2 (double points) = 20; round 1: most laps led (shared by 2 cars): 3 ÷ 2 = 1.5]\n" +
				"2 #2 Team 2 13.5 [round 1: 2nd: 6 × 2 (double points) = 12; round 1: most laps led (shared by 2 cars): 3 ÷ 2 = 1.5]\n" +
				"=3 #3 Team 3 0 []\n=3 #4 Team 4 0 []"},
		{"most laps led by a retired car: nobody takes it by default", []Award{pts(AwardMostLapsLed, 3)}, nil, 20,
			"1 #1 Team 1 20 [round 1: 1st: 10 × 2 (double points) = 20]\n" +
				"2 #2 Team 2 12 [round 1: 2nd: 6 × 2 (double points) = 12]\n" +
				"=3 #3 Team 3 0 []\n=3 #4 Team 4 0 []"},
		{"most laps led by a retired car that started", []Award{pts(AwardMostLapsLed, 3, Requirement{Kind: RequiresStarted})}, nil, 20,
			"1 #1 Team 1 20 [round 1: 1st: 10 × 2 (double points) = 20]\n" +
				"2 #2 Team 2 12 [round 1: 2nd: 6 × 2 (double points) = 12]\n" +
				"3 #3 Team 3 3 [round 1: most laps led: 3]\n4 #4 Team 4 0 []"},
		{"fastest lap top 1: the 2nd takes nothing", []Award{pts(AwardFastestLap, 1, top(1))}, map[string][]string{"2": {"fl"}}, 0,
			"1 #1 Team 1 20 [round 1: 1st: 10 × 2 (double points) = 20]\n" +
				"2 #2 Team 2 12 [round 1: 2nd: 6 × 2 (double points) = 12]\n" +
				"=3 #3 Team 3 0 []\n=3 #4 Team 4 0 []"},
		{"fastest lap top 2", []Award{pts(AwardFastestLap, 1, top(2))}, map[string][]string{"2": {"fl"}}, 0,
			"1 #1 Team 1 20 [round 1: 1st: 10 × 2 (double points) = 20]\n" +
				"2 #2 Team 2 13 [round 1: 2nd: 6 × 2 (double points) = 12; round 1: fastest lap: 1]\n" +
				"=3 #3 Team 3 0 []\n=3 #4 Team 4 0 []"},
		{"pole: any by default", []Award{pts(AwardPole, 1)}, map[string][]string{"4": {"pole"}}, 0,
			"1 #1 Team 1 20 [round 1: 1st: 10 × 2 (double points) = 20]\n" +
				"2 #2 Team 2 12 [round 1: 2nd: 6 × 2 (double points) = 12]\n" +
				"3 #4 Team 4 1 [round 1: pole position: 1]\n4 #3 Team 3 0 []"},
		{"pole: classified", []Award{pts(AwardPole, 1, Requirement{Kind: RequiresClassified})}, map[string][]string{"4": {"pole"}}, 0,
			"1 #1 Team 1 20 [round 1: 1st: 10 × 2 (double points) = 20]\n" +
				"2 #2 Team 2 12 [round 1: 2nd: 6 × 2 (double points) = 12]\n" +
				"=3 #3 Team 3 0 []\n=3 #4 Team 4 0 []"},
		{"a shared fastest lap: a retired car takes no share", []Award{pts(AwardFastestLap, 1)}, map[string][]string{"1": {"fl"}, "2": {"fl"}, "3": {"fl"}}, 0,
			"1 #1 Team 1 20.5 [round 1: 1st: 10 × 2 (double points) = 20; round 1: fastest lap (shared by 2 cars): 1 ÷ 2 = 0.5]\n" +
				"2 #2 Team 2 12.5 [round 1: 2nd: 6 × 2 (double points) = 12; round 1: fastest lap (shared by 2 cars): 1 ÷ 2 = 0.5]\n" +
				"=3 #3 Team 3 0 []\n=3 #4 Team 4 0 []"},
		{"a shared fastest lap: any", []Award{pts(AwardFastestLap, 1, Requirement{Kind: RequiresAny})}, map[string][]string{"1": {"fl"}, "2": {"fl"}, "3": {"fl"}}, 0,
			"1 #1 Team 1 20.33 [round 1: 1st: 10 × 2 (double points) = 20; round 1: fastest lap (shared by 3 cars): 1 ÷ 3 = 0.33]\n" +
				"2 #2 Team 2 12.33 [round 1: 2nd: 6 × 2 (double points) = 12; round 1: fastest lap (shared by 3 cars): 1 ÷ 3 = 0.33]\n" +
				"3 #3 Team 3 0.33 [round 1: fastest lap (shared by 3 cars): 1 ÷ 3 = 0.33]\n4 #4 Team 4 0 []"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			led3 := 5
			if tt.led3 > 0 {
				led3 = tt.led3
			}
			s := &Season{Rounds: rounds(2), Points: append(positions("", 10, 6), tt.awards...), TieBreak: NoTieBreak}
			for _, no := range []string{"1", "2", "3", "4"} {
				s.Entries = append(s.Entries, car(no, "A"))
			}
			s.Results = []Result{
				mark(withLaps(res(1, "1", 1), 10), tt.marks["1"]...),
				mark(withLaps(res(1, "2", 2), 10), tt.marks["2"]...),
				mark(withLaps(res(1, "3", 0, Retired), led3), tt.marks["3"]...),
				mark(res(1, "4", 0, DidNotStart), tt.marks["4"]...),
			}
			if got := explained(score(t, s).Classification("A").Teams); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// Shared drives and Fastest lap by: car 1 (drivers Ann and Bob) wins with
// pole and the fastest lap, set by Ann; car 2 (Cat) is 2nd. The car's
// line keeps every point.
func TestSharedDrives(t *testing.T) {
	for _, tt := range []struct {
		name        string
		rule        SharedDrives
		by          string
		bobIneligib bool
		want        string
	}{
		{"full", SharedFull, "", false,
			"=1 Ann 12 [round 1: 1st: 10; round 1: pole position: 1; round 1: fastest lap: 1]\n" +
				"=1 Bob 12 [round 1: 1st: 10; round 1: pole position: 1; round 1: fastest lap: 1]\n" +
				"2 Cat 6 [round 1: 2nd: 6]"},
		{"full, fastest lap by Ann", SharedFull, "Ann", false,
			"1 Ann 12 [round 1: 1st: 10; round 1: pole position: 1; round 1: fastest lap: 1]\n" +
				"2 Bob 11 [round 1: 1st: 10; round 1: pole position: 1]\n" +
				"3 Cat 6 [round 1: 2nd: 6]"},
		{"split", SharedSplit, "", false,
			"=1 Ann 6 [round 1: 1st: 10 ÷ 2 (shared drive) = 5; round 1: pole position: 1 ÷ 2 (shared drive) = 0.5; round 1: fastest lap: 1 ÷ 2 (shared drive) = 0.5]\n" +
				"=1 Bob 6 [round 1: 1st: 10 ÷ 2 (shared drive) = 5; round 1: pole position: 1 ÷ 2 (shared drive) = 0.5; round 1: fastest lap: 1 ÷ 2 (shared drive) = 0.5]\n" +
				"=1 Cat 6 [round 1: 2nd: 6]"},
		{"split, fastest lap by Ann", SharedSplit, "Ann", false,
			"1 Ann 6.5 [round 1: 1st: 10 ÷ 2 (shared drive) = 5; round 1: pole position: 1 ÷ 2 (shared drive) = 0.5; round 1: fastest lap: 1]\n" +
				"2 Cat 6 [round 1: 2nd: 6]\n" +
				"3 Bob 5.5 [round 1: 1st: 10 ÷ 2 (shared drive) = 5; round 1: pole position: 1 ÷ 2 (shared drive) = 0.5]"},
		{"split, Bob ineligible: Ann alone is eligible", SharedSplit, "", true,
			"1 Ann 12 [round 1: 1st: 10; round 1: pole position: 1; round 1: fastest lap: 1]\n" +
				"2 Cat 6 [round 1: 2nd: 6]\n" +
				"3 Bob 0 [round 1: no points: ineligible this round (minimum driving time not met)]"},
		{"none", SharedNone, "", false,
			"1 Cat 6 [round 1: 2nd: 6]\n" +
				"=2 Ann 0 [round 1: no points: shared drive (Shared drives none)]\n" +
				"=2 Bob 0 [round 1: no points: shared drive (Shared drives none)]"},
		{"none, fastest lap by Ann", SharedNone, "Ann", false,
			"1 Cat 6 [round 1: 2nd: 6]\n" +
				"2 Ann 1 [round 1: no points: shared drive (Shared drives none); round 1: fastest lap: 1]\n" +
				"3 Bob 0 [round 1: no points: shared drive (Shared drives none)]"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := &Season{Rounds: rounds(1), Points: append(positions("", 10, 6), pts(AwardPole, 1), pts(AwardFastestLap, 1)), SharedDrives: tt.rule, TieBreak: NoTieBreak}
			s.Entries = []Entry{car("1", "A"), car("2", "A")}
			s.Drivers = []Driver{driver("1", "Ann", AllRounds()), driver("1", "Bob", AllRounds()), driver("2", "Cat", AllRounds())}
			if tt.bobIneligib {
				s.Drivers[1].Ineligible = Rounds(1)
			}
			win := res(1, "1", 1, "pole", "fl")
			if tt.by != "" {
				win.FastestLapBy, win.FastestLapByKey = tt.by, strings.ToLower(tt.by)
			}
			s.Results = []Result{win, res(1, "2", 2)}
			a := score(t, s).Classification("A")
			if got := explained(a.Drivers); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			if got, want := explained(a.Teams[:1]), "1 #1 Team 1 12 [round 1: 1st: 10; round 1: pole position: 1; round 1: fastest lap: 1]"; got != want {
				t.Errorf("car 1: got %s, want %s", got, want)
			}
			// The fastest-lap mark is the setter's alone.
			for _, l := range a.Drivers {
				if l.Name == "Bob" && l.Rounds[0].FastestLap == (tt.by == "Ann") {
					t.Errorf("Bob's fastest-lap mark: %v", l.Rounds[0].FastestLap)
				}
			}
		})
	}
}

// A driver in two cars in one race scores from each, under each car's
// shared-drives rule; a penalty of either car reaches them.
func TestDriverInTwoCars(t *testing.T) {
	s := &Season{Rounds: rounds(1, 1), Points: append(positions("", 10, 6, 4), pts(AwardFastestLap, 1)), SharedDrives: SharedSplit}
	s.Entries = []Entry{car("1", "A"), car("2", "A"), car("3", "A")}
	s.Drivers = []Driver{
		driver("1", "Xavi", AllRounds()),
		driver("2", "Xavi", Rounds(1)), driver("2", "Yann", AllRounds()),
		driver("3", "Zoe", AllRounds()),
	}
	s.Results = []Result{res(1, "1", 1), res(1, "3", 2), res(1, "2", 3, "fl"), res(2, "2", 1), res(2, "1", 2), res(2, "3", 3)}
	s.Penalties = []Penalty{{Round: 1, No: "2", Points: 1, Reason: "jump start", Origin: origin("Penalties")}}
	a := score(t, s).Classification("A")
	want := "1 Xavi 17.5 [round 1: car 1 1st: 10; round 1: car 2 3rd: 4 ÷ 2 (shared drive) = 2; round 1: car 2 fastest lap: 1 ÷ 2 (shared drive) = 0.5; round 1: penalty (jump start): -1; round 2: 2nd: 6]\n" +
		"2 Yann 11.5 [round 1: 3rd: 4 ÷ 2 (shared drive) = 2; round 1: fastest lap: 1 ÷ 2 (shared drive) = 0.5; round 1: penalty (jump start): -1; round 2: 1st: 10]\n" +
		"3 Zoe 10 [round 1: 2nd: 6; round 2: 3rd: 4]"
	if got := explained(a.Drivers); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	x := a.Drivers[0].Rounds[0]
	if x.No != "1" || x.ScoringPos != 1 || !x.FastestLap {
		t.Errorf("Xavi's round 1 shows car %s, place %d, fastest lap %v; want the better placed car 1, 1st, with the fastest lap", x.No, x.ScoringPos, x.FastestLap)
	}
}

// Disqualified and Invited places vacant: the cars behind keep their
// places for points, Requires top N and countback. Car 2, 2nd on the
// road, is disqualified (or invited); car 3 set the fastest lap, which
// pays a top-2 finisher.
func TestVacantPlaces(t *testing.T) {
	for _, tt := range []struct {
		name     string
		invited  bool
		vacant   bool
		want     string
		car3Plac int
	}{
		{"disqualified: promoted", false, false,
			"1 #1 Team 1 10 [round 1: 1st: 10]\n2 #3 Team 3 7 [round 1: 2nd: 6; round 1: fastest lap: 1]\n3 #4 Team 4 4 [round 1: 3rd: 4]\n4 #2 Team 2 0 []", 2},
		{"disqualified: vacant", false, true,
			"1 #1 Team 1 10 [round 1: 1st: 10]\n2 #3 Team 3 4 [round 1: 3rd: 4]\n3 #4 Team 4 3 [round 1: 4th: 3]\n4 #2 Team 2 0 []", 3},
		{"invited: removed", true, false,
			"1 #1 Team 1 10 [round 1: 1st: 10]\n2 #3 Team 3 7 [round 1: 2nd: 6; round 1: fastest lap: 1]\n3 #4 Team 4 4 [round 1: 3rd: 4]", 2},
		{"invited: vacant", true, true,
			"1 #1 Team 1 10 [round 1: 1st: 10]\n2 #3 Team 3 4 [round 1: 3rd: 4]\n3 #4 Team 4 3 [round 1: 4th: 3]", 3},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := &Season{Rounds: rounds(1), Points: append(positions("", 10, 6, 4, 3), pts(AwardFastestLap, 1, top(2)))}
			s.Entries = []Entry{car("1", "A"), car("2", "A"), car("3", "A"), car("4", "A")}
			second := res(1, "2", 2, Disqualified)
			if tt.invited {
				s.Entries[1].Scores = false
				second.Status = Classified
				s.InvitedVacant = tt.vacant
			} else {
				s.DisqualifiedVacant = tt.vacant
			}
			s.Results = []Result{res(1, "1", 1), second, res(1, "3", 3, "fl"), res(1, "4", 4)}
			teams := score(t, s).Classification("A").Teams
			if got := explained(teams); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			if c := teams[1].Rounds[0]; c.ScoringPos != tt.car3Plac || len(teams[1].Countback) != tt.car3Plac || teams[1].Countback[tt.car3Plac-1] != 1 {
				t.Errorf("car 3: place %d, countback %v; want place %d", c.ScoringPos, teams[1].Countback, tt.car3Plac)
			}
		})
	}
}

// Calendar Countback N leaves a race out of countback and of the latest
// result, not of who reached the total first.
func TestCountbackN(t *testing.T) {
	// Round 3 is a sprint paying 5 to each of the first two.
	rs := rounds(1, 1, 1)
	rs[2].Scheme = "Sprint"
	points := append(positions("", 10, 6), positions("Sprint", 5, 5)...)
	results := []Result{res(1, "1", 1), res(1, "2", 2), res(2, "2", 1), res(2, "1", 2), res(3, "1", 1), res(3, "2", 2)}
	for _, tt := range []struct {
		name string
		tie  TieBreak
		skip bool
		want string
	}{
		// Car 1 won the sprint: one more win.
		{"countback, sprint counted", Countback, false, "1 #1 Team 1 21; 2 #2 Team 2 21"},
		// Without the sprint, one win and one 2nd each.
		{"countback, sprint left out", Countback, true, "=1 #1 Team 1 21; =1 #2 Team 2 21"},
		{"latest result, sprint counted", Countback + ThenLatestResult, false, "1 #1 Team 1 21; 2 #2 Team 2 21"},
		// The latest race left is round 2, which car 2 won.
		{"latest result, sprint left out", Countback + ThenLatestResult, true, "1 #2 Team 2 21; 2 #1 Team 1 21"},
		// Car 1 had 16 after round 2, car 2 also 16: both reached 21
		// in round 3, so they stay tied.
		{"first to reach, sprint left out", Countback + ThenFirstToReach, true, "=1 #1 Team 1 21; =1 #2 Team 2 21"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rs := append([]Round(nil), rs...)
			rs[2].NoCountback = tt.skip
			s := &Season{Rounds: rs, Points: points, Results: results, TieBreak: tt.tie, Entries: []Entry{car("1", "A"), car("2", "A")}}
			st, _ := Score(s, Options{})
			if got := table(st.Classification("A").Teams); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

// Points shared by three are not exact in binary: a total and the
// progression that ends at it agree whatever order they are added in (who
// reached the total first compares them).
func TestThirdsAddUp(t *testing.T) {
	fl := func(r Result) Result { r.FastestLap = Mark{Class: true}; return r }
	s := threeCars(rounds(1, 1, 1), append(positions("", 10), pts(AwardFastestLap, 1, Requirement{Kind: RequiresAny})),
		fl(res(1, "2", 1)), fl(res(1, "1", 2)), fl(res(1, "3", 3)),
		fl(res(2, "2", 1)), fl(res(2, "1", 2)), fl(res(2, "3", 3)),
		res(3, "1", 1), res(3, "2", 2), res(3, "3", 3))
	s.TieBreak = Countback + ThenFirstToReach
	car1 := score(t, s).Classification("A").Teams[1]
	if car1.No != "1" || car1.Points != car1.Progression[2] || FormatPoints(car1.Points) != "10.67" {
		t.Errorf("car %s: total %v, progression %v", car1.No, car1.Points, car1.Progression)
	}
}
