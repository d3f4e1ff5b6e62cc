package samples_test

import (
	"testing"

	"github.com/podium-dev/podium/samples"
)

// TestF2021MatchesPublishedStandings scores the 2021 sample and compares
// every position and every total of the published drivers' and
// constructors' tables: sprints on their own scale, half points at Spa, a
// fastest-lap point only for a top-10 finisher, constructors adding up
// every car, countback over the Grands Prix (Schumacher 19th, Kubica 20th,
// Mazepin 21st, none of them with a point).
func TestF2021MatchesPublishedStandings(t *testing.T) {
	_, st, warnings := scoreSample(t, samples.F2021File)
	sameMessages(t, "scoring warning", messages(warnings), nil)
	matchPublished(t, st, "2021")
}

// TestF2021Calendar: the three sprints are rounds of their own before their
// Grands Prix, on the Sprint scheme, out of countback, each sharing a
// Meeting with its Grand Prix; the Belgian GP pays Half points.
func TestF2021Calendar(t *testing.T) {
	season, _, _ := scoreSample(t, samples.F2021File)
	if len(season.Rounds) != 25 {
		t.Fatalf("%d rounds, want 25 (22 Grands Prix, 3 sprints)", len(season.Rounds))
	}
	type race struct {
		code, scheme, meeting string
		noCountback           bool
	}
	want := map[int]race{
		10: {"GBR-S", "Sprint", "British Grand Prix", true}, 11: {"GBR", "", "British Grand Prix", false},
		13: {"BEL", "Half points", "", false},
		15: {"ITA-S", "Sprint", "Italian Grand Prix", true}, 16: {"ITA", "", "Italian Grand Prix", false},
		21: {"SAP-S", "Sprint", "São Paulo Grand Prix", true}, 22: {"SAP", "", "São Paulo Grand Prix", false},
	}
	for _, r := range season.Rounds {
		w, ok := want[r.Number]
		if !ok {
			w = race{code: r.Code}
		}
		if got := (race{r.Code, r.Scheme, r.Meeting, r.NoCountback}); got != w {
			t.Errorf("round %d: %+v, want %+v", r.Number, got, w)
		}
	}
}

// TestF2021RaceRules: what the race rules of 2021 give single drivers in
// single races.
func TestF2021RaceRules(t *testing.T) {
	_, st, _ := scoreSample(t, samples.F2021File)
	for _, tc := range []struct {
		driver string
		round  int
		score  float64
		why    string
	}{
		{"Max Verstappen", 10, 3, "won the British sprint: 3"},
		{"Lewis Hamilton", 10, 2, "2nd in the British sprint"},
		{"Lewis Hamilton", 11, 25, "won the British GP"},
		{"Sergio Pérez", 11, 0, "the fastest lap at the British GP, 16th: no point (Requires top 10)"},
		{"Max Verstappen", 6, 0, "the fastest lap at Baku, classified 18th: no point"},
		{"Valtteri Bottas", 20, 0, "the fastest lap in Mexico, 15th: no point"},
		{"Max Verstappen", 13, 12.5, "won at Spa: half points"},
		{"George Russell", 13, 9, "2nd at Spa: half of 18"},
		{"Lewis Hamilton", 13, 7.5, "3rd at Spa: half of 15"},
		{"Valtteri Bottas", 15, 3, "won the Italian sprint"},
		{"Daniel Ricciardo", 16, 26, "won at Monza (25) with the fastest lap (1)"},
		{"Sergio Pérez", 22, 13, "4th at São Paulo (12) with the fastest lap (1)"},
		{"Lewis Hamilton", 2, 19, "2nd at Imola (18) with the fastest lap (1)"},
	} {
		if got := roundScore(t, st, "Drivers", tc.driver, tc.round); got != tc.score {
			t.Errorf("%s, round %d: %v points, want %v (%s)", tc.driver, tc.round, got, tc.score, tc.why)
		}
	}
	// Countback counts the Grands Prix only: Verstappen won 10 of them
	// and the British sprint, which does not count.
	if wins := findLine(t, st, "Drivers", "Max Verstappen").Countback; len(wins) == 0 || wins[0] != 10 {
		t.Errorf("Verstappen's countback %v, want 10 wins (the Grands Prix only)", wins)
	}
}

// TestF2021ConstructorsAddUpEveryCar: in every round a make scores what
// all its cars' drivers scored in it (sprints and fastest laps included).
func TestF2021ConstructorsAddUpEveryCar(t *testing.T) {
	season, st, _ := scoreSample(t, samples.F2021File)
	makeOf := map[string]string{}
	for _, e := range season.Entries {
		makeOf[e.No] = e.Make
	}
	type key struct {
		make  string
		round int
	}
	want := map[key]float64{}
	for _, l := range st.Table("Drivers").Lines {
		for _, c := range l.Rounds {
			if c.Present {
				want[key{makeOf[c.No], c.Round}] += c.Score
			}
		}
	}
	got := map[key]float64{}
	for _, l := range st.Table("Constructors").Lines {
		for _, c := range l.Rounds {
			if c.Present {
				got[key{l.Name, c.Round}] += c.Score
			}
		}
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s, round %d: %v points, its cars' drivers %v", k.make, k.round, got[k], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d make-round scores, want %d", len(got), len(want))
	}
}
