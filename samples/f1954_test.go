package samples_test

import (
	"math"
	"testing"

	"github.com/podium-dev/podium/samples"
	"github.com/podium-dev/podium/scoring"
)

// TestF1954MatchesPublishedStandings scores the 1954 sample and compares
// every position and every total of the published drivers' table (there
// was no constructors' championship): shared drives split, the British
// GP's fastest lap shared by seven, drivers in two cars in one race, the
// Indianapolis 500 and the best 5 results give every published figure.
func TestF1954MatchesPublishedStandings(t *testing.T) {
	_, st, warnings := scoreSampleWarned(t, samples.F1954File, f1954ReadWarnings)
	sameMessages(t, "scoring warning", messages(warnings), f1954ScoreWarnings)
	matchPublishedTable(t, st, "1954", "Drivers", "standings-drivers.csv")
}

// f1954ReadWarnings are the warnings reading the 1954 sample gives: each
// driver who drove two cars in one race (González, Hawthorn and Ascari in
// Grands Prix, twelve drivers at Indianapolis, Linden in three cars), and
// the fastest lap the British GP's seven cars share.
var f1954ReadWarnings = []string{
	"Drivers!D26: warning: José Froilán González drives car 12A and car 10C (Drivers!B24) in round 3 (the driver scores from each car; if they drove only one, correct the Rounds of the other row)",
	"Drivers!D30: warning: Mike Hawthorn drives car 14A and car 1B (Drivers!B6) in round 6 (the driver scores from each car; if they drove only one, correct the Rounds of the other row)",
	"Drivers!D39: warning: Tony Bettenhausen drives car 16B and car 10B (Drivers!B22) in round 2 (the driver scores from each car; if they drove only one, correct the Rounds of the other row)",
	"Drivers!D83: warning: Marshall Teague drives car 31 and car 16B (Drivers!B37) in round 2 (the driver scores from each car; if they drove only one, correct the Rounds of the other row)",
	"Drivers!D88: warning: Alberto Ascari drives car 32D and car 10D (Drivers!B25) in round 5 (the driver scores from each car; if they drove only one, correct the Rounds of the other row)",
	"Drivers!D93: warning: Duane Carter drives car 34B and car 16B (Drivers!B36) in round 2 (the driver scores from each car; if they drove only one, correct the Rounds of the other row)",
	"Drivers!D100: warning: Jim Rathmann drives car 38A and car 1A (Drivers!B4) in round 2 (the driver scores from each car; if they drove only one, correct the Rounds of the other row)",
	"Drivers!D103: warning: José Froilán González drives car 38B and car 12A (Drivers!B26) in round 8 (the driver scores from each car; if they drove only one, correct the Rounds of the other row)",
	"Drivers!D110: warning: Johnnie Parsons drives car 45 and car 15 (Drivers!B34) in round 2 (the driver scores from each car; if they drove only one, correct the Rounds of the other row)",
	"Drivers!D111: warning: Sam Hanks drives car 45 and car 1A (Drivers!B2) in round 2 (the driver scores from each car; if they drove only one, correct the Rounds of the other row)",
	"Drivers!D112: warning: Andy Linden drives car 45 and car 43 (Drivers!B106) in round 2 (the driver scores from each car; if they drove only one, correct the Rounds of the other row)",
	"Drivers!D113: warning: Jimmy Davies drives car 45 and car 1A (Drivers!B3) in round 2 (the driver scores from each car; if they drove only one, correct the Rounds of the other row)",
	"Drivers!D114: warning: Bill Homeier drives car 51 and car 43 (Drivers!B107) in round 2 (the driver scores from each car; if they drove only one, correct the Rounds of the other row)",
	"Drivers!D118: warning: George Fonder drives car 71 and car 33 (Drivers!B90) in round 2 (the driver scores from each car; if they drove only one, correct the Rounds of the other row)",
	"Drivers!D120: warning: Andy Linden drives car 74 and car 43 (Drivers!B106) in round 2 (the driver scores from each car; if they drove only one, correct the Rounds of the other row)",
	"Drivers!D121: warning: Bob Scott drives car 74 and car 27A (Drivers!B71) in round 2 (the driver scores from each car; if they drove only one, correct the Rounds of the other row)",
	"Drivers!D126: warning: Jerry Hoyt drives car 99 and car 5 (Drivers!B14) in round 2 (the driver scores from each car; if they drove only one, correct the Rounds of the other row)",
	"Results!F90: warning: car 14A and car 12A (Results!F89) both have the fastest lap in F1 in round 5: they share its points (the cars marked share the fastest lap's points; if one car set it, remove the other mark)",
	"Results!F91: warning: car 4A and car 12A (Results!F89) both have the fastest lap in F1 in round 5: they share its points (the cars marked share the fastest lap's points; if one car set it, remove the other mark)",
	"Results!F92: warning: car 18C and car 12A (Results!F89) both have the fastest lap in F1 in round 5: they share its points (the cars marked share the fastest lap's points; if one car set it, remove the other mark)",
	"Results!F104: warning: car 22B and car 12A (Results!F89) both have the fastest lap in F1 in round 5: they share its points (the cars marked share the fastest lap's points; if one car set it, remove the other mark)",
	"Results!F106: warning: car 18A and car 12A (Results!F89) both have the fastest lap in F1 in round 5: they share its points (the cars marked share the fastest lap's points; if one car set it, remove the other mark)",
	"Results!F112: warning: car 10D and car 12A (Results!F89) both have the fastest lap in F1 in round 5: they share its points (the cars marked share the fastest lap's points; if one car set it, remove the other mark)",
}

// f1954ScoreWarnings are the warnings scoring the 1954 sample gives: the
// places shared as published, where countback over the scoring places
// cannot split the drivers: Moss and Marimón 13th (a 3rd and 1/7 each);
// Farina, Bryan and Musso 8th (a 2nd each); Bayol, Nazaruk, Pilette and
// Villoresi 19th (a 5th each); Ruttman and Carter 23rd (half a 4th each).
var f1954ScoreWarnings = []string{
	"Drivers!B11: warning: Drivers championship: Stirling Moss and Onofre Marimón are tied on 4.14 points and countback cannot split them; both are placed 13th (the stewards decide the order; set Tie-break to none to let them share it)",
	"Drivers!B15: warning: Drivers championship: Nino Farina and Luigi Musso are tied on 6 points and countback cannot split them; both are placed 8th (the stewards decide the order; set Tie-break to none to let them share it)",
	"Drivers!B21: warning: Drivers championship: Jimmy Bryan and Nino Farina are tied on 6 points and countback cannot split them; both are placed 8th (the stewards decide the order; set Tie-break to none to let them share it)",
	"Drivers!B32: warning: Drivers championship: Mike Nazaruk and Luigi Villoresi are tied on 2 points and countback cannot split them; both are placed 19th (the stewards decide the order; set Tie-break to none to let them share it)",
	"Drivers!B44: warning: Drivers championship: Luigi Villoresi and André Pilette are tied on 2 points and countback cannot split them; both are placed 19th (the stewards decide the order; set Tie-break to none to let them share it)",
	"Drivers!B48: warning: Drivers championship: André Pilette and Élie Bayol are tied on 2 points and countback cannot split them; both are placed 19th (the stewards decide the order; set Tie-break to none to let them share it)",
	"Drivers!B92: warning: Drivers championship: Duane Carter and Troy Ruttman are tied on 1.5 points and countback cannot split them; both are placed 23rd (the stewards decide the order; set Tie-break to none to let them share it)",
}

// TestF1954RaceRules: what the race rules of 1954 give single drivers in
// single races, worked out from the results.
func TestF1954RaceRules(t *testing.T) {
	_, st, _ := scoreSampleWarned(t, samples.F1954File, f1954ReadWarnings)
	for _, tc := range []struct {
		driver string
		round  int
		score  float64
		why    string
	}{
		{"Troy Ruttman", 2, 1.5, "car 34, 4th at Indianapolis (3 points), split with Duane Carter"},
		{"Duane Carter", 2, 1.5, "the same share, and nothing from his own car, 15th"},
		{"Andy Linden", 2, 0, "three cars, 11th, 24th and 25th"},
		{"Jack McGrath", 2, 5, "3rd (4) and the fastest lap (1)"},
		{"José Froilán González", 3, 1.5, "Hawthorn's car, 4th (3) split, and his own, retired"},
		{"Mike Hawthorn", 3, 1.5, "his car, 4th (3), split with González"},
		{"Hans Herrmann", 4, 1, "the fastest lap, retired (Requires any)"},
		{"José Froilán González", 5, 8 + 1.0/7, "won (8) and 1/7 of the fastest lap shared by seven"},
		{"Mike Hawthorn", 5, 6 + 1.0/7, "2nd (6) and 1/7"},
		{"Onofre Marimón", 5, 4 + 1.0/7, "3rd (4) and 1/7"},
		{"Juan Manuel Fangio", 5, 3 + 1.0/7, "4th (3) and 1/7"},
		{"Stirling Moss", 5, 1.0 / 7, "retired, 1/7"},
		{"Jean Behra", 5, 1.0 / 7, "retired, 1/7"},
		{"Alberto Ascari", 5, 1.0 / 7, "1/7 in his own car, retired; nothing in Villoresi's, retired"},
		{"Luigi Villoresi", 5, 0, "his car, shared with Ascari, retired"},
		{"Mike Hawthorn", 6, 3, "González's car, 2nd (6), split; his own retired"},
		{"José Froilán González", 6, 3, "his car, 2nd (6), split with Hawthorn"},
		{"José Froilán González", 8, 3, "Maglioli's car, 3rd (4) split, and the fastest lap in his own car, retired (1)"},
		{"Umberto Maglioli", 8, 2, "his car, 3rd (4), split with González"},
		{"Alberto Ascari", 9, 1, "the fastest lap, retired"},
	} {
		if got := roundScore(t, st, "Drivers", tc.driver, tc.round); math.Abs(got-tc.score) > 1e-9 {
			t.Errorf("%s, round %d: %v points, want %v (%s)", tc.driver, tc.round, got, tc.score, tc.why)
		}
	}
}

// TestF1954BestResults: a driver's best 5 races count, a race being his
// whole score in it (both his cars at the Italian GP for González: 3).
// Fangio scored 57 1/7 and 42 counted; González 26 9/14 (26.64) and 25 1/7
// (25.14).
func TestF1954BestResults(t *testing.T) {
	_, st, _ := scoreSampleWarned(t, samples.F1954File, f1954ReadWarnings)
	for _, tc := range []struct {
		driver         string
		scored, points float64
	}{
		{"Juan Manuel Fangio", 57 + 1.0/7, 42},
		{"José Froilán González", 26 + 9.0/14, 25 + 1.0/7},
		{"Mike Hawthorn", 24 + 9.0/14, 24 + 9.0/14},
	} {
		l := findLine(t, st, "Drivers", tc.driver)
		var scored float64
		counted := map[int]bool{}
		for _, c := range l.Rounds {
			scored += c.Score
			if !c.Dropped && c.Score != 0 {
				counted[c.Round] = true
			}
		}
		// Totals are rounded to a millionth (25 1/7 is 25.142857).
		if math.Abs(scored-tc.scored) > 1e-9 || math.Abs(l.Points-tc.points) > 1e-6 || len(counted) > 5 {
			t.Errorf("%s: scored %v, %v counted in rounds %v; want %v scored, %v counted in 5 rounds at most",
				tc.driver, scored, l.Points, counted, tc.scored, tc.points)
		}
	}
}

// roundScore is what a competitor scored in a round: the sum of its cells
// of the round (a driver who drove two cars in it may have one per car).
func roundScore(t *testing.T, st *scoring.Standings, table, name string, round int) float64 {
	t.Helper()
	var sum float64
	for _, c := range findLine(t, st, table, name).Rounds {
		if c.Round == round {
			sum += c.Score
		}
	}
	return sum
}

// findLine is the line of a table with the name given.
func findLine(t *testing.T, st *scoring.Standings, table, name string) scoring.Line {
	t.Helper()
	tab := st.Table(table)
	if tab == nil {
		t.Fatalf("no table %s", table)
	}
	for _, l := range tab.Lines {
		if l.Name == name {
			return l
		}
	}
	t.Fatalf("%s: no line %s", table, name)
	return scoring.Line{}
}
