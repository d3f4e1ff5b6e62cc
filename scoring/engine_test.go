package scoring

import (
	"fmt"
	"strings"
	"testing"
)

// Helpers building small seasons by hand. Rows get increasing origins so
// that messages and tie-break fallbacks are deterministic.

var row int

func origin(sheet string) Origin {
	row++
	return Origin{Sheet: sheet, Row: row, Cols: map[string]int{"No.": 1, "Driver": 2}}
}

// alms is the 2019–20 Asian Le Mans Series scheme: 25-18-15-12-10-8-6-4-2-1,
// 0.5 for other classified finishers, 1 for pole.
func alms() []Award {
	var a []Award
	for i, p := range []float64{25, 18, 15, 12, 10, 8, 6, 4, 2, 1} {
		a = append(a, Award{Kind: AwardPosition, Position: i + 1, Points: p})
	}
	return append(a, Award{Kind: AwardOther, Points: 0.5}, Award{Kind: AwardPole, Points: 1})
}

func rounds(factors ...float64) []Round {
	var r []Round
	for i, f := range factors {
		r = append(r, Round{Number: i + 1, Factor: f, Origin: origin("Calendar")})
	}
	return r
}

func car(no, class string) Entry {
	return Entry{No: no, Class: class, Team: "Team " + no, Rounds: AllRounds(), Scores: true, Origin: origin("Entries")}
}

func driver(no, name string, rs RoundSet) Driver {
	return Driver{No: no, Name: name, Key: strings.ToLower(name), Rounds: rs, Origin: origin("Drivers")}
}

// res is a classified result; opts: a Status, "pole", "fl".
func res(round int, no string, pos int, opts ...any) Result {
	r := Result{Round: round, No: no, Pos: pos, Laps: -1, Origin: origin("Results")}
	for _, o := range opts {
		switch v := o.(type) {
		case Status:
			r.Status = v
		case Mark:
			r.Pole = v
		case string:
			switch v {
			case "pole":
				r.Pole = Mark{Class: true}
			case "fl":
				r.FastestLap = Mark{Class: true}
			}
		}
	}
	return r
}

// table renders a championship table as "pos name points" lines.
func table(lines []Line) string {
	var out []string
	for _, l := range lines {
		out = append(out, l.String())
	}
	return strings.Join(out, "; ")
}

func score(t *testing.T, s *Season) *Standings {
	t.Helper()
	st, diags := Score(s, Options{})
	for _, d := range diags {
		t.Logf("diagnostic: %s", d)
	}
	return st
}

func TestPositionOtherPoleFastestLap(t *testing.T) {
	s := &Season{Rounds: rounds(1), Points: append(alms(), Award{Kind: AwardFastestLap, Points: 2})}
	for i := 1; i <= 13; i++ {
		s.Entries = append(s.Entries, car(fmt.Sprint(i), "GT"))
	}
	for i := 1; i <= 11; i++ {
		s.Results = append(s.Results, res(1, fmt.Sprint(i), i))
	}
	s.Results[0].FastestLap = Mark{Class: true}                         // the winner: 25 + 2
	s.Results = append(s.Results, res(1, "12", 12, NotClassified))      // NC: nothing
	s.Results = append(s.Results, res(1, "13", 0, DidNotStart, "pole")) // DNS with pole: 1
	gt := score(t, s).Classification("GT")
	want := "1 #1 Team 1 27; 2 #2 Team 2 18; 3 #3 Team 3 15; 4 #4 Team 4 12; 5 #5 Team 5 10; 6 #6 Team 6 8; " +
		"7 #7 Team 7 6; 8 #8 Team 8 4; 9 #9 Team 9 2; 10 #10 Team 10 1; 11 #13 Team 13 1; 12 #11 Team 11 0.5; 13 #12 Team 12 0"
	if got := table(gt.Teams); got != want {
		t.Errorf("teams:\n got %s\nwant %s", got, want)
	}
	// The 11th car's half point is "Other"; the DNS pole is explained.
	eleventh := gt.Teams[11]
	if got := strings.Join(eleventh.Explain(), "|"); got != "round 1: classified 11th (beyond the points table): 0.5" {
		t.Errorf("11th explained as %q", got)
	}
	if got := strings.Join(gt.Teams[10].Explain(), "|"); got != "round 1: pole position: 1" {
		t.Errorf("DNS pole explained as %q", got)
	}
}

func TestFastestLapNeedsClassifiedCar(t *testing.T) {
	s := &Season{Rounds: rounds(1), Points: []Award{{Kind: AwardPosition, Position: 1, Points: 10}, {Kind: AwardFastestLap, Points: 1}},
		Entries: []Entry{car("1", "A"), car("2", "A")},
		Results: []Result{res(1, "1", 1), res(1, "2", 0, Retired, "fl")}}
	if got := table(score(t, s).Classification("A").Teams); got != "1 #1 Team 1 10; 2 #2 Team 2 0" {
		t.Errorf("got %s", got)
	}
}

func TestFactors(t *testing.T) {
	// Round 1 normal, round 2 double, round 3 half points. Car 1 wins all
	// three from pole: 25+1, 50+1, 12.5+1 = 90.5 (pole is not multiplied).
	s := &Season{Rounds: rounds(1, 2, 0.5), Points: alms(),
		Entries: []Entry{car("1", "A"), car("2", "A")}}
	for r := 1; r <= 3; r++ {
		s.Results = append(s.Results, res(r, "1", 1, "pole"), res(r, "2", 2))
	}
	a := score(t, s).Classification("A")
	// Car 2: 18 + 36 + 9 = 63.
	if got := table(a.Teams); got != "1 #1 Team 1 90.5; 2 #2 Team 2 63" {
		t.Errorf("got %s", got)
	}
	want := "round 1: 1st: 25|round 1: pole position: 1|round 2: 1st: 25 × 2 (double points) = 50|round 2: pole position: 1|round 3: 1st: 25 × 0.5 (half points) = 12.5|round 3: pole position: 1"
	if got := strings.Join(a.Teams[0].Explain(), "|"); got != want {
		t.Errorf("explained:\n got %s\nwant %s", got, want)
	}
	if got := fmt.Sprint(a.Teams[0].Progression); got != "[26 77 90.5]" {
		t.Errorf("progression = %s", got)
	}
}

func TestInvitedEntryTakesNoPoints(t *testing.T) {
	s := &Season{Rounds: rounds(1), Points: alms(),
		Entries: []Entry{car("1", "A"), car("2", "A"), car("3", "A")}}
	s.Entries[0].Scores = false // invited, wins the race
	s.Results = []Result{res(1, "1", 1), res(1, "2", 2), res(1, "3", 3)}
	a := score(t, s).Classification("A")
	if got := table(a.Teams); got != "1 #2 Team 2 25; 2 #3 Team 3 18" {
		t.Errorf("got %s", got)
	}
	// The cell keeps the car's real place in the class.
	if c := a.Teams[0].Rounds[0]; c.Pos != 2 || c.ScoringPos != 1 {
		t.Errorf("car 2 cell pos %d scoring %d, want 2 and 1", c.Pos, c.ScoringPos)
	}
}

func TestIneligibleDriver(t *testing.T) {
	s := &Season{Rounds: rounds(1, 1), Points: alms(), Entries: []Entry{car("7", "GT"), car("8", "GT")},
		Drivers: []Driver{driver("7", "Ann", AllRounds()), driver("7", "Bea", AllRounds())},
		Results: []Result{res(1, "7", 1), res(2, "8", 1), res(2, "7", 2)}}
	s.Drivers[1].Ineligible = Rounds(2)
	gt := score(t, s).Classification("GT")
	if got := table(gt.Teams); got != "1 #7 Team 7 43; 2 #8 Team 8 25" {
		t.Errorf("teams %s", got)
	}
	if got := table(gt.Drivers); got != "1 Ann 43; 2 Bea 25" {
		t.Errorf("drivers %s", got)
	}
	if c := gt.Drivers[1].Rounds[1]; !c.Ineligible || c.Pos != 2 || c.Score != 0 {
		t.Errorf("Bea round 2 = %+v", c)
	}
}

func TestDriverInTwoCarsAndClasses(t *testing.T) {
	// Cat drives car 1 (LMP2) in round 1 and car 3 (GT) in round 2; Dan
	// drives cars 1 and 2 (both LMP2) in rounds 1 and 2.
	s := &Season{Rounds: rounds(1, 1), Points: alms(),
		Entries: []Entry{car("1", "LMP2"), car("2", "LMP2"), car("3", "GT")},
		Drivers: []Driver{
			driver("1", "Cat", Rounds(1)), driver("3", "Cat", Rounds(2)),
			driver("1", "Dan", Rounds(1)), driver("2", "Dan", Rounds(2)),
			driver("2", "Eve", AllRounds()), driver("3", "Fay", AllRounds()),
		},
		Results: []Result{res(1, "1", 1), res(1, "2", 2), res(2, "1", 2), res(2, "2", 1), res(1, "3", 1), res(2, "3", 1)}}
	st := score(t, s)
	// Dan: 25 in car 1 (round 1) + 25 in car 2 (round 2); Eve: 18 + 25.
	if got := table(st.Classification("LMP2").Drivers); got != "1 Dan 50; 2 Eve 43; 3 Cat 25" {
		t.Errorf("LMP2 drivers %s", got)
	}
	if got := table(st.Classification("GT").Drivers); got != "1 Fay 50; 2 Cat 25" {
		t.Errorf("GT drivers %s", got)
	}
	dan := st.Classification("LMP2").Drivers[0]
	if dan.Name != "Dan" || strings.Join(dan.Cars, ",") != "1,2" {
		t.Errorf("Dan = %+v", dan)
	}
}

func TestBestResults(t *testing.T) {
	tests := []struct {
		name      string
		positions []int // car 1's position per round (0 = no result)
		best      int
		points    float64
		dropped   string // rounds dropped
	}{
		{"drop the worst", []int{1, 5, 2, 3}, 3, 25 + 18 + 15, "2"},
		{"equal dropped scores: the later round goes", []int{1, 4, 4, 4}, 2, 25 + 12, "3,4"},
		{"fewer results than N: nothing dropped", []int{1, 0, 0, 2}, 3, 43, ""},
		{"all count", []int{1, 2, 3, 4}, 0, 70, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &Season{Rounds: rounds(1, 1, 1, 1), Points: alms(), BestResults: tt.best,
				Entries: []Entry{car("1", "A")}}
			for r, p := range tt.positions {
				if p > 0 {
					// Fill the places ahead with other cars.
					for q := 1; q < p; q++ {
						no := fmt.Sprintf("x%d", q)
						if r == 0 || len(s.Entries) < q+1 {
							s.Entries = append(s.Entries, car(no, "A"))
						}
						s.Results = append(s.Results, res(r+1, no, q))
					}
					s.Results = append(s.Results, res(r+1, "1", p))
				}
			}
			a := score(t, s).Classification("A")
			var l Line
			for _, x := range a.Teams {
				if x.No == "1" {
					l = x
				}
			}
			var dropped []string
			for _, c := range l.Rounds {
				if c.Dropped {
					dropped = append(dropped, fmt.Sprint(c.Round))
				}
			}
			if l.Points != tt.points || strings.Join(dropped, ",") != tt.dropped {
				t.Errorf("points %v dropped %v; want %v dropped %v", l.Points, dropped, tt.points, tt.dropped)
			}
		})
	}
}

func TestPenalties(t *testing.T) {
	// Car 1 outscores car 2 by 7 but a 10-point penalty in round 2 puts it
	// behind. A 3-point driver penalty hits Ann only.
	s := &Season{Rounds: rounds(1, 1), Points: alms(),
		Entries: []Entry{car("1", "A"), car("2", "A")},
		Drivers: []Driver{driver("1", "Ann", AllRounds()), driver("1", "Bob", Rounds(1)), driver("1", "Cy", Rounds(2)), driver("2", "Dee", AllRounds())},
		Results: []Result{res(1, "1", 1), res(1, "2", 2), res(2, "1", 1), res(2, "2", 2)},
		Penalties: []Penalty{
			{Round: 2, No: "1", Points: 10, Reason: "collision", Origin: origin("Penalties")},
			{Round: 1, No: "1", Points: 3, Driver: "Ann", DriverKey: "ann", Origin: origin("Penalties")},
		}}
	a := score(t, s).Classification("A")
	if got := table(a.Teams); got != "1 #1 Team 1 40; 2 #2 Team 2 36" {
		t.Errorf("teams %s", got)
	}
	// Car total 50-10 = 40; Ann 50-10-3 = 37; Bob drove round 1 only: 25,
	// no penalty; Cy drove round 2: 25-10 = 15; Dee 36.
	if got := table(a.Drivers); got != "1 Ann 37; 2 Dee 36; 3 Bob 25; 4 Cy 15" {
		t.Errorf("drivers %s", got)
	}
	want := "round 1: 1st: 25|round 1: penalty: -3|round 2: 1st: 25|round 2: penalty (collision): -10"
	if got := strings.Join(a.Drivers[0].Explain(), "|"); got != want {
		t.Errorf("Ann explained:\n got %s\nwant %s", got, want)
	}

	// With a 20-point penalty, car 1 falls below car 2.
	s.Penalties[0].Points = 20
	if got := table(score(t, s).Classification("A").Teams); got != "1 #2 Team 2 36; 2 #1 Team 1 30" {
		t.Errorf("after a bigger penalty: %s", got)
	}
}

func TestTies(t *testing.T) {
	// Cars 1 and 2 both score 43: car 2 has the win in round 2 and a 2nd;
	// car 1 has a win and a 2nd too but … see each case.
	build := func(tb TieBreak, r1, r2 [3]string) *Season {
		row = 0 // rows: Calendar 1–2, Entries 3–5, Drivers 6–9
		s := &Season{Rounds: rounds(1, 1), Points: alms(), TieBreak: tb,
			Entries: []Entry{car("1", "A"), car("2", "A"), car("3", "A")},
			Drivers: []Driver{driver("1", "Ann", AllRounds()), driver("1", "Abe", AllRounds()), driver("2", "Bob", AllRounds()), driver("3", "Cy", AllRounds())}}
		for i, no := range r1 {
			s.Results = append(s.Results, res(1, no, i+1))
		}
		for i, no := range r2 {
			s.Results = append(s.Results, res(2, no, i+1))
		}
		return s
	}
	tests := []struct {
		name           string
		s              *Season
		teams, drivers string
		warnings       []string
	}{
		{
			// 1: 1st + 3rd = 40; 2: 3rd + 1st = 40; 3: 2nd + 2nd = 36.
			// Car 1 and 2 equal on every count: they share, with a
			// warning (different crews); Ann and Abe share silently.
			"countback cannot split", build(Countback, [3]string{"1", "3", "2"}, [3]string{"2", "3", "1"}),
			"=1 #1 Team 1 40; =1 #2 Team 2 40; 2 #3 Team 3 36",
			"=1 Abe 40; =1 Ann 40; =1 Bob 40; 2 Cy 36",
			[]string{
				"Drivers!B8: warning: A drivers' championship: Ann and Bob are tied on 40 points and countback cannot split them; both are placed 1st (the stewards decide the order; set Tie-break to none to let them share it)",
				"Entries!A4: warning: A teams' championship: car 1 (Team 1) and car 2 (Team 2) are tied on 40 points and countback cannot split them; both are placed 1st (the stewards decide the order; set Tie-break to none to let them share it)",
			},
		},
		{
			// No tie: 1: 25+18 = 43; 3: 15+25 = 40; 2: 18+15 = 33.
			"no tie", build(Countback, [3]string{"1", "2", "3"}, [3]string{"3", "1", "2"}),
			"1 #1 Team 1 43; 2 #3 Team 3 40; 3 #2 Team 2 33",
			"=1 Abe 43; =1 Ann 43; 2 Cy 40; 3 Bob 33", nil,
		},
		{
			"tie-break none shares and the next takes the next place",
			build(NoTieBreak, [3]string{"1", "3", "2"}, [3]string{"2", "3", "1"}),
			"=1 #1 Team 1 40; =1 #2 Team 2 40; 2 #3 Team 3 36",
			"=1 Abe 40; =1 Ann 40; =1 Bob 40; 2 Cy 36", nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, diags := Score(tt.s, Options{})
			a := st.Classification("A")
			if got := table(a.Teams); got != tt.teams {
				t.Errorf("teams:\n got %s\nwant %s", got, tt.teams)
			}
			if got := table(a.Drivers); got != tt.drivers {
				t.Errorf("drivers:\n got %s\nwant %s", got, tt.drivers)
			}
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.warnings, "\n") {
				t.Errorf("warnings:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(tt.warnings, "\n     "))
			}
		})
	}
}

func TestCountbackSplitsEqualPoints(t *testing.T) {
	// Both cars end on 43 points:
	// car 1: 1st (25), 3rd (15), 9th (2), 10th (1) = 43, one win;
	// car 2: 2nd (18), 2nd (18), 8th (4), 9th (2), 10th (1) = 43, no win.
	// Car 1 is ahead on countback although car 2 has more 2nd places.
	s := &Season{Rounds: rounds(1, 1, 1, 1, 1), Points: alms(), TieBreak: Countback}
	for i := 1; i <= 11; i++ {
		s.Entries = append(s.Entries, car(fmt.Sprint(i), "A"))
	}
	place := func(round int, order ...int) {
		for p, no := range order {
			s.Results = append(s.Results, res(round, fmt.Sprint(no), p+1))
		}
	}
	// Car 1 per round: 1st, 3rd, 9th, 10th, –; car 2: 2nd, 2nd, 8th, 9th, 10th.
	place(1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
	place(2, 3, 2, 1, 4, 5, 6, 7, 8, 9, 10)
	place(3, 3, 4, 5, 6, 7, 8, 9, 2, 1, 10)
	place(4, 3, 4, 5, 6, 7, 8, 9, 10, 2, 1)
	place(5, 3, 4, 5, 6, 7, 8, 9, 10, 11, 2)
	a := score(t, s).Classification("A")
	var one, two Line
	for _, l := range a.Teams {
		switch l.No {
		case "1":
			one = l
		case "2":
			two = l
		}
	}
	if one.Points != 43 || two.Points != 43 || one.Pos >= two.Pos || one.Shared || two.Shared {
		t.Errorf("car 1 %v pts pos %d, car 2 %v pts pos %d: want 43 each, car 1 ahead on countback", one.Points, one.Pos, two.Points, two.Pos)
	}
}

func TestAfterRound(t *testing.T) {
	s := &Season{Rounds: rounds(1, 1, 1), Points: alms(),
		Entries: []Entry{car("1", "A"), car("2", "A")},
		Results: []Result{res(1, "1", 1), res(1, "2", 2), res(2, "2", 1), res(2, "1", 2), res(3, "2", 1), res(3, "1", 2)}}
	st, _ := Score(s, Options{AfterRound: 2})
	a := st.Classification("A")
	// 43 each, one win each, one 2nd each: shared.
	if st.AfterRound != 2 || len(st.Rounds) != 2 || table(a.Teams) != "=1 #1 Team 1 43; =1 #2 Team 2 43" {
		t.Errorf("after round 2: %d rounds, %s", len(st.Rounds), table(a.Teams))
	}
	full := score(t, s).Classification("A")
	if got := table(full.Teams); got != "1 #2 Team 2 68; 2 #1 Team 1 61" {
		t.Errorf("full: %s", got)
	}
	if got := fmt.Sprint(full.Teams[0].Progression); got != "[18 43 68]" {
		t.Errorf("progression %s", got)
	}
}

func TestClassSchemeAndCup(t *testing.T) {
	// Class B has its own table (10-5); pole comes from the default lines.
	// Car 2 is in class A and cup Am; its pole counts in Am only.
	s := &Season{Rounds: rounds(1), Points: append(alms(),
		Award{Kind: AwardPosition, Position: 1, Points: 10, Class: "B"},
		Award{Kind: AwardPosition, Position: 2, Points: 5, Class: "B"}),
		Entries: []Entry{car("1", "A"), car("2", "A"), car("3", "B"), car("4", "B")},
		Results: []Result{res(1, "1", 1, "pole"), res(1, "2", 2, Mark{In: []string{"Am"}}), res(1, "3", 3, "pole"), res(1, "4", 4)}}
	s.Entries[1].Cup = "Am"
	st := score(t, s)
	var names []string
	for _, c := range st.Classifications {
		names = append(names, fmt.Sprintf("%s/%v", c.Name, c.Cup))
	}
	if got := strings.Join(names, " "); got != "A/false B/false Am/true" {
		t.Errorf("classifications %s", got)
	}
	if got := table(st.Classification("A").Teams); got != "1 #1 Team 1 26; 2 #2 Team 2 18" {
		t.Errorf("A: %s", got)
	}
	if got := table(st.Classification("B").Teams); got != "1 #3 Team 3 11; 2 #4 Team 4 5" {
		t.Errorf("B: %s", got)
	}
	if got := table(st.Classification("Am").Teams); got != "1 #2 Team 2 26" {
		t.Errorf("Am: %s", got)
	}
}

func TestSameCrew(t *testing.T) {
	cell := func(round int, present bool, no string, score float64) Cell {
		return Cell{Round: round, Present: present, No: no, Score: score}
	}
	line := func(cars []string, cells ...Cell) Line { return Line{Kind: DriverLine, Cars: cars, Rounds: cells} }
	tests := []struct {
		name string
		a, b Line
		want bool
	}{
		{"full crew", line([]string{"1"}, cell(1, true, "1", 25), cell(2, true, "1", 0)), line([]string{"1"}, cell(1, true, "1", 25), cell(2, true, "1", 0)), true},
		{"one missed a pointless round", line([]string{"1"}, cell(1, true, "1", 25), cell(2, true, "1", 0)), line([]string{"1"}, cell(1, true, "1", 25), cell(2, false, "", 0)), true},
		{"different rounds with points", line([]string{"1"}, cell(1, true, "1", 13), cell(2, false, "", 0)), line([]string{"1"}, cell(1, false, "", 0), cell(2, true, "1", 13)), false},
		{"different cars", line([]string{"1"}, cell(1, true, "1", 25)), line([]string{"2"}, cell(1, true, "2", 25)), false},
	}
	for _, tt := range tests {
		if got := sameCrew(tt.a, tt.b); got != tt.want {
			t.Errorf("%s: sameCrew = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestTiedCrewsStayTogether(t *testing.T) {
	// The 2019–20 GT drivers' 12th place: car 17's crew (Klingmann, Qi,
	// Wiser) and Slade of car 27 share 25 points. Ordered by surname alone,
	// Slade came between Qi and Wiser and split the crew, whose shared cells
	// are merged in the standings sheet.
	row = 0
	s := &Season{Rounds: rounds(1, 1), Points: alms(), TieBreak: NoTieBreak,
		Entries: []Entry{car("27", "GT"), car("17", "GT")},
		Drivers: []Driver{driver("27", "Tim Slade", AllRounds()), driver("17", "Max Wiser", AllRounds()),
			driver("17", "Peiwen Qi", AllRounds()), driver("17", "Jens Klingmann", AllRounds())},
		Results: []Result{res(1, "17", 1), res(1, "27", 2, DidNotStart), res(2, "27", 1), res(2, "17", 2, Retired)}}
	s.Results[1].Pos, s.Results[3].Pos = 0, 0
	gt := score(t, s).Classification("GT")
	if got, want := table(gt.Drivers), "=1 Jens Klingmann 25; =1 Peiwen Qi 25; =1 Max Wiser 25; =1 Tim Slade 25"; got != want {
		t.Errorf("drivers:\n got %s\nwant %s", got, want)
	}
}
