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
