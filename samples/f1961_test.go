package samples_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/podium-dev/podium/samples"
	"github.com/podium-dev/podium/scoring"
)

// TestF1961MatchesPublishedStandings scores the 1961 sample and compares
// every position and every total of the published drivers' and
// constructors' tables (see matchPublished).
func TestF1961MatchesPublishedStandings(t *testing.T) {
	_, st, warnings := scoreSampleWarned(t, samples.F1961File, f1961ReadWarnings)
	// Bonnier and Graham Hill (a 5th and a 6th each), Gendebien and Lewis
	// (a 4th each) share 15th and 13th as published: countback over the
	// scoring places cannot split them, and podium warns.
	wantWarnings := []string{
		"Drivers!B24: warning: Drivers championship: Jo Bonnier and Graham Hill are tied on 3 points and countback cannot split them; both are placed 15th (the stewards decide the order; set Tie-break to none to let them share it)",
		"Drivers!B48: warning: Drivers championship: Olivier Gendebien and Jackie Lewis are tied on 3 points and countback cannot split them; both are placed 13th (the stewards decide the order; set Tie-break to none to let them share it)",
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

// f1961ReadWarnings are the warnings reading the 1961 sample gives: Moss
// (British GP) and Gregory (United States GP) each drove two cars in one
// race.
var f1961ReadWarnings = []string{
	"Drivers!D30: warning: Masten Gregory drives car 22B and car 21 (Drivers!B28) in round 8 (the driver scores from each car; if they drove only one, correct the Rounds of the other row)",
	"Drivers!D34: warning: Stirling Moss drives car 26B and car 20 (Drivers!B26) in round 5 (the driver scores from each car; if they drove only one, correct the Rounds of the other row)",
}

// TestF1961ConstructorsBestPlacedCar: in every race a make scores, on the
// constructors' scale 8-6-4-3-2-1, what its best-placed car scored; its
// best 5 results count (Ferrari scored 52 and 40 counted).
func TestF1961ConstructorsBestPlacedCar(t *testing.T) {
	season, st, _ := scoreSampleWarned(t, samples.F1961File, f1961ReadWarnings)
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
// GP) took over a second car after retiring their own, as F1DB has it:
// each is entered in his own car and in the shared car, with its other
// driver, and shared drives score nothing (Shared drives none), so that
// neither shared car's drivers score from it.
func TestF1961DriverInTwoCars(t *testing.T) {
	season, st, _ := scoreSampleWarned(t, samples.F1961File, f1961ReadWarnings)
	if season.SharedDrives != scoring.SharedNone {
		t.Errorf("Shared drives %q, want %q", season.SharedDrives, scoring.SharedNone)
	}
	crews := map[string][]string{}
	for _, d := range season.Drivers {
		crews[d.No] = append(crews[d.No], d.Name)
	}
	results := map[[2]string]scoring.Result{}
	for _, r := range season.Results {
		results[[2]string{strconv.Itoa(r.Round), r.No}] = r
	}
	drivers := st.Table("Drivers")
	for _, tc := range []struct {
		round, own, shared string
		crew               []string
		status             scoring.Status
		pos                int
		note               string
	}{
		{"5", "20", "26B", []string{"Jack Fairman", "Stirling Moss"}, scoring.Disqualified, 0, "car 26 in this race"},
		{"8", "22B", "21", []string{"Olivier Gendebien", "Masten Gregory"}, "", 11, ""},
	} {
		if _, ok := results[[2]string{tc.round, tc.own}]; !ok {
			t.Errorf("round %s: no result of car %s", tc.round, tc.own)
		}
		if got := crews[tc.shared]; !slices.Equal(got, tc.crew) {
			t.Errorf("car %s: drivers %q, want %q", tc.shared, got, tc.crew)
		}
		r := results[[2]string{tc.round, tc.shared}]
		if r.Status != tc.status || r.Pos != tc.pos || r.Note != tc.note {
			t.Errorf("round %s, car %s: %q %d note %q, want %q %d note %q", tc.round, tc.shared, r.Status, r.Pos, r.Note, tc.status, tc.pos, tc.note)
		}
		// Each of its drivers' round says the shared drive paid nothing.
		for _, name := range tc.crew {
			var items []string
			score := -1.0
			for _, l := range drivers.Lines {
				for _, c := range l.Rounds {
					if l.Name == name && strconv.Itoa(c.Round) == tc.round {
						score = c.Score
						for _, it := range c.Items {
							items = append(items, it.String())
						}
					}
				}
			}
			if score != 0 || !slices.ContainsFunc(items, func(s string) bool { return strings.HasSuffix(s, "shared drive (Shared drives none)") }) {
				t.Errorf("%s, round %s: %v points, items %q; want 0 and no points for the shared drive", name, tc.round, score, items)
			}
		}
	}
}
