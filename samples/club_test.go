package samples_test

import (
	"testing"

	"github.com/podium-dev/podium/samples"
)

// TestClubStandings checks the club season's standings against the
// arithmetic below, done by hand from the Results sheet (samples.Club).
//
// Points: races 10-8-6-5-4-3 for 1st to 6th, Start 1 for every starter,
// Lap led 1 for a classified car that led a lap, Most laps led 2 (shared
// on a tie), Fastest lap 1 if its car finished in the first three. Race 2
// at Snetterton (round 3) pays Reverse grid: 6-5-4-3-2-1 and Start 1, no
// other award.
//
// Round 1, Croft, 15 laps:
//
//	Ben   7  1st, led 9:  10 + start 1 + lap led 1 + most laps led 2 = 14
//	Alice 3  2nd, led 5:   8 + 1 + 1                                 = 10
//	Dev   21 3rd, fastest lap (in the top 3): 6 + 1 + 1              =  8
//	Chloe 12 4th, led 1:   5 + 1 + 1                                 =  7
//	Finn  55 5th:          4 + 1                                     =  5
//	Emma  33 retired: start 1                                        =  1
//
// Round 2, Snetterton Race 1, 10 laps:
//
//	Alice 1st, led 4:  10 + 1 + 1          = 12
//	Emma  2nd, led 6:   8 + 1 + 1 + 2      = 12
//	Ben   3rd:          6 + 1              =  7
//	Dev   4th, fastest lap (4th: no point): 5 + 1 = 6
//	Finn  5th:          4 + 1              =  5
//	Chloe did not start                    =  0
//
// Round 3, Snetterton Race 2, reversed grid, 8 laps (Reverse grid; Dev
// led all 8 laps and Emma set the fastest lap: neither is paid):
//
//	Dev 1st 6 + 1 = 7; Finn 2nd 5 + 1 = 6; Chloe 3rd 4 + 1 = 5;
//	Emma 4th 3 + 1 = 4; Ben 5th 2 + 1 = 3; Alice 6th 1 + 1 = 2
//
// Round 4, Snetterton Race 3, 12 laps; Emma and Ben led 5 laps each and
// share the 2 points for the most laps led; Finn led 2 and retired (Lap
// led needs a classified car):
//
//	Emma  1st, led 5: 10 + 1 + 1 + 1 (half of 2) = 13
//	Ben   2nd, led 5:  8 + 1 + 1 + 1             = 11
//	Alice 3rd, fastest lap: 6 + 1 + 1            =  8
//	Dev   4th:         5 + 1                     =  6
//	Chloe 5th:         4 + 1                     =  5
//	Finn  retired, led 2: start 1                =  1
//
// Totals: Ben 14 + 7 + 3 + 11 = 35; Alice 10 + 12 + 2 + 8 = 32; Emma
// 1 + 12 + 4 + 13 = 30; Dev 8 + 6 + 7 + 6 = 27; Chloe 7 + 0 + 5 + 5 = 17;
// Finn 5 + 5 + 6 + 1 = 17. Chloe and Finn tie on 17: countback leaves out
// round 3 (Countback N), so Chloe's 4th (round 1) beats Finn's best, a
// 5th: Chloe 5th, Finn 6th. (Counting round 3, Finn's 2nd there would put
// him ahead.)
func TestClubStandings(t *testing.T) {
	_, st, warnings := scoreSample(t, samples.ClubFile)
	sameMessages(t, "scoring warning", messages(warnings), nil)
	want := []struct {
		pos    int
		name   string
		rounds [4]float64
		total  float64
	}{
		{1, "Ben Carter", [4]float64{14, 7, 3, 11}, 35},
		{2, "Alice Brook", [4]float64{10, 12, 2, 8}, 32},
		{3, "Emma Frost", [4]float64{1, 12, 4, 13}, 30},
		{4, "Dev Patel", [4]float64{8, 6, 7, 6}, 27},
		{5, "Chloe Dunn", [4]float64{7, 0, 5, 5}, 17},
		{6, "Finn Gray", [4]float64{5, 5, 6, 1}, 17},
	}
	lines := st.Table("Drivers").Lines
	if len(lines) != len(want) {
		t.Fatalf("%d drivers, want %d", len(lines), len(want))
	}
	for i, w := range want {
		l := lines[i]
		if l.Pos != w.pos || l.Name != w.name || l.Points != w.total {
			t.Errorf("line %d: %d %s %v, want %d %s %v", i+1, l.Pos, l.Name, l.Points, w.pos, w.name, w.total)
		}
		for r, score := range w.rounds {
			if got := roundScore(t, st, "Drivers", w.name, r+1); got != score {
				t.Errorf("%s, round %d: %v points, want %v", w.name, r+1, got, score)
			}
		}
	}
}
