package samples_test

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/podium-dev/podium/samples"
	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets"
)

// scoreF1988 reads the committed 1988 sample, which must have no
// diagnostics, and scores it.
func scoreF1988(t *testing.T) (*scoring.Season, *scoring.Standings, scoring.Diagnostics) {
	t.Helper()
	return scoreSample(t, samples.F1988File)
}

// scoreSample reads a committed sample, which must have no diagnostics,
// and scores it.
func scoreSample(t *testing.T, file string) (*scoring.Season, *scoring.Standings, scoring.Diagnostics) {
	t.Helper()
	return scoreSampleWarned(t, file, nil)
}

// scoreSampleWarned reads a committed sample, whose diagnostics must be
// exactly the warnings given, and scores it.
func scoreSampleWarned(t *testing.T, file string, want []string) (*scoring.Season, *scoring.Standings, scoring.Diagnostics) {
	t.Helper()
	season, diags, err := sheets.Read(file, sheets.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sameMessages(t, "diagnostic of the workbook", messages(diags), want)
	st, warnings := scoring.Score(season, scoring.Options{})
	return season, st, warnings
}

// messages are the diagnostics as podium prints them.
func messages(diags scoring.Diagnostics) []string {
	out := make([]string, len(diags))
	for i, d := range diags {
		out[i] = d.String()
	}
	return out
}

// sameMessages reports every message got that is not the one wanted at its
// place, and every one missing.
func sameMessages(t *testing.T, what string, got, want []string) {
	t.Helper()
	for i := range max(len(got), len(want)) {
		switch {
		case i >= len(want):
			t.Errorf("unexpected %s: %s", what, got[i])
		case i >= len(got):
			t.Errorf("missing %s: %s", what, want[i])
		case got[i] != want[i]:
			t.Errorf("%s %d:\n got %s\nwant %s", what, i, got[i], want[i])
		}
	}
}

// publishedTable reads one of F1DB's published standings of a season
// (testdata/f1/<year>/standings-*.csv): pos, name, points.
func publishedTable(t *testing.T, year, file string) [][3]string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "f1", year, file))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 2 || len(rows[0]) != 3 || rows[0][0] != "pos" || rows[0][1] != "name" || rows[0][2] != "points" {
		t.Fatalf("%s: want the columns pos, name, points and rows, got %q", file, rows)
	}
	var out [][3]string
	for _, r := range rows[1:] {
		out = append(out, [3]string{r[0], r[1], r[2]})
	}
	return out
}

// TestF1988MatchesPublishedStandings scores the 1988 sample and compares
// every position and every total of the published drivers' and
// constructors' tables (see matchPublished).
func TestF1988MatchesPublishedStandings(t *testing.T) {
	_, st, warnings := scoreF1988(t)
	// Nakajima and Martini share 16th: one 6th place each, and countback
	// over the scoring places cannot split them. podium shares the place,
	// as published, and warns.
	wantWarnings := []string{
		"Drivers!B24: warning: Drivers championship: Satoru Nakajima and Pierluigi Martini are tied on 1 points and countback cannot split them; both are placed 16th (the stewards decide the order; set Tie-break to none to let them share it)",
	}
	if len(warnings) != len(wantWarnings) {
		t.Errorf("scoring warns %d times, want %d: %v", len(warnings), len(wantWarnings), warnings)
	}
	for i := range min(len(warnings), len(wantWarnings)) {
		if got := warnings[i].String(); got != wantWarnings[i] {
			t.Errorf("warning %d:\n got %s\nwant %s", i, got, wantWarnings[i])
		}
	}
	matchPublished(t, st, "1988")
}

// matchPublished compares every position and every total of a season's
// published drivers' and constructors' tables with podium's tables Drivers
// and Constructors (see matchPublishedTable).
func matchPublished(t *testing.T, st *scoring.Standings, year string) {
	t.Helper()
	matchPublishedTable(t, st, year, "Drivers", "standings-drivers.csv")
	matchPublishedTable(t, st, year, "Constructors", "standings-constructors.csv")
}

// matchPublishedTable compares every position and every total of one of a
// season's published tables (file) with podium's table. The published
// tables list the competitors who scored; podium lists every one, so each
// line they leave out must have no point and share the place after the
// last published one. Totals are compared as podium writes them (two
// decimals at most: 25.14 for 25 1/7).
func matchPublishedTable(t *testing.T, st *scoring.Standings, year, table, file string) {
	t.Helper()
	tab := st.Table(table)
	if tab == nil {
		t.Fatalf("no table %s", table)
	}
	lines := map[string]scoring.Line{}
	for _, l := range tab.Lines {
		if _, dup := lines[l.Name]; dup {
			t.Errorf("%s: %s has two lines", table, l.Name)
		}
		lines[l.Name] = l
	}
	published := publishedTable(t, year, file)
	listed := map[string]bool{}
	lastPos := 0
	for _, p := range published {
		listed[p[1]] = true
		lastPos, _ = strconv.Atoi(p[0])
		l, ok := lines[p[1]]
		if !ok {
			t.Errorf("%s: %s is published %s with %s points, but not in podium's table", table, p[1], p[0], p[2])
			continue
		}
		if got := [2]string{strconv.Itoa(l.Pos), scoring.FormatPoints(l.Points)}; got != [2]string{p[0], p[2]} {
			t.Errorf("%s: %s is %s with %s points, published %s with %s", table, p[1], got[0], got[1], p[0], p[2])
		}
	}
	// The others share the place after every published one, numbered
	// as the published tables number shared places (16, 16, 18).
	others := len(published) + 1
	for _, l := range tab.Lines {
		if !listed[l.Name] && (l.Points != 0 || l.Pos != others) {
			t.Errorf("%s: %s is %d with %s points, but not in the published table (the scorers, down to %d): want %d with 0",
				table, l.Name, l.Pos, scoring.FormatPoints(l.Points), lastPos, others)
		}
	}
}

// TestF1988BestResults: the drivers count their best 11 results of 16, the
// constructors every result. Prost scored 105 points and 87 counted, Senna
// 94 and 90 counted.
func TestF1988BestResults(t *testing.T) {
	_, st, _ := scoreF1988(t)
	scored := func(l scoring.Line) (total float64, counted, dropped int) {
		for _, c := range l.Rounds {
			total += c.Score
			if c.Dropped {
				dropped++
			} else {
				counted++
			}
		}
		return total, counted, dropped
	}
	for _, want := range []struct {
		name             string
		scored, points   float64
		counted, dropped int
	}{
		{"Alain Prost", 105, 87, 11, 5},
		{"Ayrton Senna", 94, 90, 11, 5},
	} {
		var line *scoring.Line
		for i, l := range st.Table("Drivers").Lines {
			if l.Name == want.name {
				line = &st.Table("Drivers").Lines[i]
			}
		}
		if line == nil {
			t.Fatalf("no driver %s", want.name)
		}
		total, counted, dropped := scored(*line)
		if total != want.scored || line.Points != want.points || counted != want.counted || dropped != want.dropped {
			t.Errorf("%s: scored %v, %v counted (%d results counted, %d dropped); want %v, %v (%d, %d)",
				want.name, total, line.Points, counted, dropped, want.scored, want.points, want.counted, want.dropped)
		}
	}
	for _, l := range st.Table("Constructors").Lines {
		total, counted, dropped := scored(l)
		if dropped != 0 || counted != 16 || total != l.Points {
			t.Errorf("%s: %d results counted, %d dropped, %v scored, %v points; want all 16 counted and every point",
				l.Name, counted, dropped, total, l.Points)
		}
	}
}

// TestF1988ConstructorsAddUpEveryCar: in every race a constructor scores
// what all its cars scored (9, 6, 4, 3, 2, 1 for the first six places),
// and the breakdown names each of its cars.
func TestF1988ConstructorsAddUpEveryCar(t *testing.T) {
	season, st, _ := scoreF1988(t)
	paid := []float64{0, 9, 6, 4, 3, 2, 1}
	makeOf := map[string]string{}
	for _, e := range season.Entries {
		makeOf[e.No] = e.Make
	}
	type key struct {
		make  string
		round int
	}
	want := map[key]float64{}
	cars := map[key]int{}
	for _, r := range season.Results {
		k := key{makeOf[r.No], r.Round}
		cars[k]++
		if r.Status.IsClassified() && r.Pos < len(paid) {
			want[k] += paid[r.Pos]
		}
	}
	for _, l := range st.Table("Constructors").Lines {
		for _, c := range l.Rounds {
			k := key{l.Name, c.Round}
			var sum float64
			n := 0
			for _, it := range c.Items {
				if it.Kind == scoring.ItemCounted {
					sum += it.Points
					n++
				}
			}
			if c.Score != want[k] || sum != want[k] || n != cars[k] {
				t.Errorf("%s, round %d: %v points from %d counted cars (items %v); want %v from %d",
					l.Name, c.Round, c.Score, n, sum, want[k], cars[k])
			}
		}
	}
}

// TestF1988CarsWithSeveralDrivers: three cars changed drivers during the
// season; each driver scores the rounds he drove, and each car stays with
// its one constructor.
func TestF1988CarsWithSeveralDrivers(t *testing.T) {
	season, _, _ := scoreF1988(t)
	want := map[string]string{
		"5|Nigel Mansell": "1–10, 13–16", "5|Martin Brundle": "11", "5|Jean-Louis Schlesser": "12",
		"23|Adrián Campos": "1–5", "23|Pierluigi Martini": "6–16",
		"29|Yannick Dalmas": "1–14", "29|Aguri Suzuki": "15", "29|Pierre-Henri Raphanel": "16",
	}
	got := map[string]string{}
	for _, d := range season.Drivers {
		if d.No == "5" || d.No == "23" || d.No == "29" {
			got[d.No+"|"+d.Name] = d.Rounds.String()
		} else if !d.Rounds.IsEmpty() && !d.Rounds.All {
			t.Errorf("car %s, %s: rounds %s, want every round", d.No, d.Name, d.Rounds)
		}
	}
	if len(got) != len(want) {
		t.Errorf("drivers of cars 5, 23 and 29: %v, want %v", got, want)
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: rounds %q, want %q", k, got[k], w)
		}
	}
	makes := map[string]string{"5": "Williams-Judd", "23": "Minardi-Ford", "29": "Lola-Ford"}
	for _, e := range season.Entries {
		if m, ok := makes[e.No]; ok && (e.Make != m || !e.Rounds.All) {
			t.Errorf("car %s: make %q, rounds %s; want %s in every round", e.No, e.Make, e.Rounds, m)
		}
	}
}
