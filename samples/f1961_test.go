package samples_test

import (
	"slices"
	"strconv"
	"testing"

	"github.com/podium-dev/podium/samples"
	"github.com/podium-dev/podium/scoring"
)

// TestF1961MatchesPublishedStandings scores the 1961 sample and compares
// every position and every total of the published drivers' and
// constructors' tables (see matchPublished).
func TestF1961MatchesPublishedStandings(t *testing.T) {
	_, st, warnings := scoreSample(t, samples.F1961File)
	// Bonnier and Graham Hill (a 5th and a 6th each), Gendebien and Lewis
	// (a 4th each) share 15th and 13th as published: countback over the
	// scoring places cannot split them, and podium warns.
	wantWarnings := []string{
		"Drivers!B24: warning: Drivers championship: Jo Bonnier and Graham Hill are tied on 3 points and countback cannot split them; both are placed 15th (the stewards decide the order; set Tie-break to none to let them share it)",
		"Drivers!B46: warning: Drivers championship: Olivier Gendebien and Jackie Lewis are tied on 3 points and countback cannot split them; both are placed 13th (the stewards decide the order; set Tie-break to none to let them share it)",
	}
	if len(warnings) != len(wantWarnings) {
		t.Errorf("scoring warns %d times, want %d: %v", len(warnings), len(wantWarnings), warnings)
	}
	for i := range min(len(warnings), len(wantWarnings)) {
		if got := warnings[i].String(); got != wantWarnings[i] {
			t.Errorf("warning %d:\n got %s\nwant %s", i, got, wantWarnings[i])
		}
	}
	matchPublished(t, st, "1961")
}

// TestF1961ConstructorsBestPlacedCar: in every race a make scores, on the
// constructors' scale 8-6-4-3-2-1, what its best-placed car scored; its
// best 5 results count (Ferrari scored 52 and 40 counted).
func TestF1961ConstructorsBestPlacedCar(t *testing.T) {
	season, st, _ := scoreSample(t, samples.F1961File)
	scored := bestPlacedCar(t, season, st, []float64{0, 8, 6, 4, 3, 2, 1})
	if ferrari := st.Table("Constructors").Lines[0]; ferrari.Name != "Ferrari" || scored["Ferrari"] != 52 || ferrari.Points != 40 {
		t.Errorf("first %s, Ferrari scored %v; want Ferrari, 52 scored, 40 counted", ferrari.Name, scored["Ferrari"])
	}
}

// bestPlacedCar checks that in every race each line of the Constructors
// table scores what its make's best-placed car earns on the scale paid
// (paid[pos]) and that the breakdown names that one car. It returns what
// each make scored before drops.
func bestPlacedCar(t *testing.T, season *scoring.Season, st *scoring.Standings, paid []float64) map[string]float64 {
	t.Helper()
	makeOf := map[string]string{}
	for _, e := range season.Entries {
		makeOf[e.No] = e.Make
	}
	type key struct {
		make  string
		round int
	}
	want := map[key]float64{}
	for _, r := range season.Results {
		k := key{makeOf[r.No], r.Round}
		if r.Status.IsClassified() && r.Pos < len(paid) {
			want[k] = max(want[k], paid[r.Pos])
		}
	}
	scored := map[string]float64{}
	for _, l := range st.Table("Constructors").Lines {
		for _, c := range l.Rounds {
			k := key{l.Name, c.Round}
			scored[l.Name] += c.Score
			var counted []scoring.Item
			for _, it := range c.Items {
				if it.Kind == scoring.ItemCounted {
					counted = append(counted, it)
				}
			}
			if c.Score != want[k] || (want[k] > 0 && (len(counted) != 1 || counted[0].Points != want[k])) {
				t.Errorf("%s, round %d: %v points, counted %v; want %v from its best-placed car", l.Name, c.Round, c.Score, counted, want[k])
			}
		}
	}
	return scored
}

// TestF1961DriverInTwoCars: Moss (British GP) and Gregory (United States
// GP) took over a second car after retiring their own; each stays in his
// own car that race, the shared car's only other driver is listed, and its
// Note names him.
func TestF1961DriverInTwoCars(t *testing.T) {
	season, _, _ := scoreSample(t, samples.F1961File)
	crews := map[string][]string{}
	for _, d := range season.Drivers {
		crews[d.No] = append(crews[d.No], d.Name)
	}
	notes := map[[2]string]string{}
	for _, r := range season.Results {
		notes[[2]string{strconv.Itoa(r.Round), r.No}] = r.Note
	}
	for _, tc := range []struct {
		round, own, shared string
		crew               []string
		note               string
	}{
		{"5", "20", "26B", []string{"Jack Fairman"}, "shared with Stirling Moss, who took it over after retiring the Lotus numbered 28 in this race; he is entered in that car (a driver drives one car per race); car 26 in this race"},
		{"8", "22B", "21", []string{"Olivier Gendebien"}, "shared with Masten Gregory, who took it over after retiring the Lotus numbered 22 in this race; he is entered in that car (a driver drives one car per race)"},
	} {
		if _, ok := notes[[2]string{tc.round, tc.own}]; !ok {
			t.Errorf("round %s: no result of car %s", tc.round, tc.own)
		}
		if got := crews[tc.shared]; !slices.Equal(got, tc.crew) {
			t.Errorf("car %s: drivers %q, want %q", tc.shared, got, tc.crew)
		}
		if got := notes[[2]string{tc.round, tc.shared}]; got != tc.note {
			t.Errorf("round %s, car %s: note %q, want %q", tc.round, tc.shared, got, tc.note)
		}
	}
}
