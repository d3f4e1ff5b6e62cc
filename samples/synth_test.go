package samples_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/podium-dev/podium/samples"
	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets"
	"github.com/xuri/excelize/v2"
)

// TestSyntheticSeasonsAreValid: synthetic seasons of several shapes pass
// validation with no error and no warning, have the size asked for and the
// variety promised, and the same options give the same season.
func TestSyntheticSeasonsAreValid(t *testing.T) {
	for _, size := range []samples.Synth{
		{Cars: 1, Rounds: 1, Classes: 1, DriversPerCar: 1},
		{Cars: 40, Rounds: 6, Classes: 4, DriversPerCar: 2},
		{Cars: 120, Rounds: 12, Classes: 8, DriversPerCar: 3, Seed: 7},
	} {
		var buf bytes.Buffer
		if err := samples.WriteSynthetic(&buf, size); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "synthetic.xlsx")
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		season, diags, err := sheets.Read(path, sheets.OpenOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(diags) > 0 {
			t.Fatalf("%+v: %d diagnostics, first: %v", size, len(diags), diags[0])
		}
		if len(season.Results) != size.Results() || len(season.Entries) != size.Cars || len(season.Rounds) != size.Rounds {
			t.Errorf("%+v: %d results, %d entries, %d rounds", size, len(season.Results), len(season.Entries), len(season.Rounds))
		}
		if size.Cars < 40 {
			continue
		}
		statuses := map[scoring.Status]int{}
		for _, r := range season.Results {
			statuses[r.Status]++
		}
		for _, s := range []scoring.Status{scoring.Retired, scoring.DidNotStart, scoring.NotClassified, scoring.Disqualified} {
			if statuses[s] == 0 {
				t.Errorf("%+v: no %s result", size, s)
			}
		}
		if len(season.Penalties) < size.Rounds {
			t.Errorf("%+v: %d penalties, want at least one a round", size, len(season.Penalties))
		}
		if len(season.Drivers) <= size.Cars*size.DriversPerCar {
			t.Errorf("%+v: %d driver rows: no stand-ins or car changes", size, len(season.Drivers))
		}
		// The same content (excelize orders streamed parts differently
		// from one write to the next, so bytes may differ).
		var again bytes.Buffer
		if err := samples.WriteSynthetic(&again, size); err != nil {
			t.Fatal(err)
		}
		first, _, _ := sheets.ReadBytes("synthetic.xlsx", buf.Bytes(), sheets.OpenOptions{})
		second, _, _ := sheets.ReadBytes("synthetic.xlsx", again.Bytes(), sheets.OpenOptions{})
		if !reflect.DeepEqual(first, second) {
			t.Errorf("%+v: two writes read differently", size)
		}
	}
}

// TestLeanSyntheticSeason: the lean shape is what a timing export fills
// in — a Results sheet of Round, No., Pos, Status and Pole only, drivers
// named "Driver 12-1 Name", three a car, and class positions that skip
// the number of a car that retired — and reads without an error.
func TestLeanSyntheticSeason(t *testing.T) {
	size := samples.Synth{Cars: 80, Rounds: 6, Classes: 4, Shape: samples.ShapeLean}
	var buf bytes.Buffer
	if err := samples.WriteSynthetic(&buf, size); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Results")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(rows[0], ","), "Round,No.,Pos,Status,Pole"; got != want {
		t.Errorf("Results header %q, want %q", got, want)
	}
	season, diags, err := sheets.ReadBytes("lean.xlsx", buf.Bytes(), sheets.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if diags.HasErrors() {
		t.Fatalf("errors: %v", diags)
	}
	if len(season.Results) != size.Results() || len(season.Drivers) != 3*size.Cars {
		t.Errorf("%d results and %d drivers, want %d and %d", len(season.Results), len(season.Drivers), size.Results(), 3*size.Cars)
	}
	if got, want := season.Drivers[3].Name, "Driver 2-1 Name"; got != want {
		t.Errorf("fourth driver %q, want %q", got, want)
	}
	// A retirement inside a class's order: the next position skips.
	gaps, poles := 0, 0
	last := map[[2]string]int{} // round and class → last position seen
	class := map[string]string{}
	for _, e := range season.Entries {
		class[e.No] = e.Class
	}
	for _, r := range season.Results {
		if r.Pole.Class {
			poles++
		}
		if r.Status == scoring.Retired && r.Pos != 0 || r.Status == "" && r.Pos == 0 {
			t.Fatalf("round %d car %s: status %q with position %d", r.Round, r.No, r.Status, r.Pos)
		}
		if r.Pos == 0 {
			continue
		}
		k := [2]string{fmt.Sprint(r.Round), class[r.No]}
		if r.Pos > last[k]+1 {
			gaps++
		}
		last[k] = r.Pos
	}
	if gaps == 0 {
		t.Error("no class position skips a number")
	}
	if poles != size.Rounds*size.Classes {
		t.Errorf("%d poles, want one per class and round (%d)", poles, size.Rounds*size.Classes)
	}
}

// TestSyntheticChampionships: a season with Championships is a contract
// v2 season (an Entries Make column, a Championships sheet) that reads
// without an error and scores the four championships per class; a Team
// Cup line adds up the cars of a team in its class, a Makes line those of
// a make, across teams.
func TestSyntheticChampionships(t *testing.T) {
	for _, shape := range []samples.SynthShape{samples.ShapeRich, samples.ShapeLean} {
		size := samples.Synth{Cars: 120, Rounds: 6, Classes: 4, Shape: shape, Championships: true}
		var buf bytes.Buffer
		if err := samples.WriteSynthetic(&buf, size); err != nil {
			t.Fatal(err)
		}
		season, diags, err := sheets.ReadBytes("championships.xlsx", buf.Bytes(), sheets.OpenOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if diags.HasErrors() {
			t.Fatalf("%v: errors: %v", shape, diags)
		}
		if len(season.Championships) != 4 {
			t.Fatalf("%v: %d championships, want 4: %+v", shape, len(season.Championships), season.Championships)
		}
		makes := map[string]bool{}
		teamsOfMake := map[string]map[string]bool{}
		classesOfMake := map[string]map[string]bool{}
		for _, e := range season.Entries {
			if e.Make == "" {
				t.Fatalf("%v: car %s has no make", shape, e.No)
			}
			if !makes[e.Make] {
				makes[e.Make] = true
				teamsOfMake[e.Make], classesOfMake[e.Make] = map[string]bool{}, map[string]bool{}
			}
			teamsOfMake[e.Make][e.Team] = true
			classesOfMake[e.Make][e.Class] = true
		}
		if len(makes) < 3 {
			t.Errorf("%v: %d makes, want a few", shape, len(makes))
		}
		for m := range makes {
			if len(teamsOfMake[m]) < 2 || len(classesOfMake[m]) < 2 {
				t.Errorf("%v: make %s has %d teams in %d classes, want several of each", shape, m, len(teamsOfMake[m]), len(classesOfMake[m]))
			}
		}
		st, sdiags := scoring.Score(season, scoring.Options{})
		if sdiags.HasErrors() {
			t.Fatalf("%v: scoring errors: %v", shape, sdiags)
		}
		for _, class := range []string{"LMP2", "LMP3", "GT3 Pro", "GT3 Am"} {
			for _, ch := range []string{"Teams", "Drivers", "Team Cup", "Makes"} {
				if tb := st.Table(class + " " + ch); tb == nil || len(tb.Lines) == 0 {
					t.Errorf("%v: no table %s %s", shape, class, ch)
				}
			}
		}
		if got := len(st.Championships); got != 16 {
			t.Errorf("%v: %d tables, want 16", shape, got)
		}
		cup := st.Table("LMP2 Team Cup")
		if cup == nil {
			continue
		}
		if len(cup.Lines) < 2 {
			t.Fatalf("%v: LMP2 Team Cup has %d lines", shape, len(cup.Lines))
		}
		for _, l := range cup.Lines {
			if l.Kind != scoring.TeamTotalLine || len(l.Cars) < 2 {
				t.Errorf("%v: LMP2 Team Cup line %s: kind %v, cars %v; want a team of several cars", shape, l.Name, l.Kind, l.Cars)
			}
		}
		if mk := st.Table("LMP2 Makes"); mk != nil {
			for _, l := range mk.Lines {
				if l.Kind != scoring.MakeLine || len(l.Cars) < 3 {
					t.Errorf("%v: LMP2 Makes line %s: kind %v, cars %v; want a make of several cars", shape, l.Name, l.Kind, l.Cars)
				}
			}
		}
	}
}
