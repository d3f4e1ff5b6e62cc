package samples_test

import (
	"testing"

	"github.com/podium-dev/podium/samples"
	"github.com/podium-dev/podium/scoring"
)

// TestF1970MatchesPublishedStandings scores the 1970 sample and compares
// every position and every total of the published drivers' and
// constructors' tables (see matchPublished).
func TestF1970MatchesPublishedStandings(t *testing.T) {
	_, st, warnings := scoreSample(t, samples.F1970File)
	// Places shared as published, where countback over the scoring places
	// cannot split the drivers: Stewart and Brabham 5th (a win, a 2nd, a
	// 3rd each, …), Andretti and Wisell 15th, Miles, Servoz-Gavin and
	// Oliver 19th, Gurney, Cevert, Gethin and Bell 22nd. podium warns once
	// per pair of neighbouring tied lines, in cell order.
	wantWarnings := []string{
		"Drivers!B9: warning: Drivers championship: Dan Gurney and François Cevert are tied on 1 points and countback cannot split them; both are placed 22nd (the stewards decide the order; set Tie-break to none to let them share it)",
		"Drivers!B11: warning: Drivers championship: Reine Wisell and Mario Andretti are tied on 4 points and countback cannot split them; both are placed 15th (the stewards decide the order; set Tie-break to none to let them share it)",
		"Drivers!B14: warning: Drivers championship: Johnny Servoz-Gavin and John Miles are tied on 2 points and countback cannot split them; both are placed 19th (the stewards decide the order; set Tie-break to none to let them share it)",
		"Drivers!B16: warning: Drivers championship: Jackie Stewart and Jack Brabham are tied on 25 points and countback cannot split them; both are placed 5th (the stewards decide the order; set Tie-break to none to let them share it)",
		"Drivers!B22: warning: Drivers championship: John Miles and Jackie Oliver are tied on 2 points and countback cannot split them; both are placed 19th (the stewards decide the order; set Tie-break to none to let them share it)",
		"Drivers!B25: warning: Drivers championship: Derek Bell and Peter Gethin are tied on 1 points and countback cannot split them; both are placed 22nd (the stewards decide the order; set Tie-break to none to let them share it)",
		"Drivers!B44: warning: Drivers championship: Peter Gethin and Dan Gurney are tied on 1 points and countback cannot split them; both are placed 22nd (the stewards decide the order; set Tie-break to none to let them share it)",
	}
	if len(warnings) != len(wantWarnings) {
		t.Errorf("scoring warns %d times, want %d: %v", len(warnings), len(wantWarnings), warnings)
	}
	for i := range min(len(warnings), len(wantWarnings)) {
		if got := warnings[i].String(); got != wantWarnings[i] {
			t.Errorf("warning %d:\n got %s\nwant %s", i, got, wantWarnings[i])
		}
	}
	matchPublished(t, st, "1970")
}

// TestF1970ConstructorsBestPlacedCar: in every race a make scores, on
// 9-6-4-3-2-1, what its best-placed car scored.
func TestF1970ConstructorsBestPlacedCar(t *testing.T) {
	season, st, _ := scoreSample(t, samples.F1970File)
	bestPlacedCar(t, season, st, []float64{0, 9, 6, 4, 3, 2, 1})
}

// TestF1970SplitSeasonDrops: both championships count the best 6 results
// of rounds 1–7 and the best 5 of rounds 8–13: no line counts more in
// either half, and no dropped result scored more than a counted one of its
// half. Ferrari scored 55 and 52 counted: its 4th place in round 12 (3
// points) is its sixth score of rounds 8–13.
func TestF1970SplitSeasonDrops(t *testing.T) {
	_, st, _ := scoreSample(t, samples.F1970File)
	halves := []struct{ from, to, best int }{{1, 7, 6}, {8, 13, 5}}
	for _, table := range []string{"Drivers", "Constructors"} {
		for _, l := range st.Table(table).Lines {
			for _, h := range halves {
				counted, lowest, highestDropped := 0, 1e9, -1.0
				for _, c := range l.Rounds {
					if !c.Present || c.Round < h.from || c.Round > h.to {
						continue
					}
					if c.Dropped {
						highestDropped = max(highestDropped, c.Score)
					} else {
						counted++
						lowest = min(lowest, c.Score)
					}
				}
				if counted > h.best || (highestDropped >= 0 && counted < h.best) || highestDropped > lowest {
					t.Errorf("%s, %s, rounds %d–%d: %d results counted (lowest %v), highest dropped %v; want the best %d",
						table, l.Name, h.from, h.to, counted, lowest, highestDropped, h.best)
				}
			}
		}
	}
	var ferrari scoring.Line
	for _, l := range st.Table("Constructors").Lines {
		if l.Name == "Ferrari" {
			ferrari = l
		}
	}
	var scored float64
	dropped := map[int]float64{}
	for _, c := range ferrari.Rounds {
		scored += c.Score
		if c.Dropped {
			dropped[c.Round] = c.Score
		}
	}
	if scored != 55 || ferrari.Points != 52 || dropped[12] != 3 {
		t.Errorf("Ferrari: scored %v, %v counted, dropped %v; want 55, 52 and round 12's 3 points dropped", scored, ferrari.Points, dropped)
	}
}
