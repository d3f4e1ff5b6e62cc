package samples_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/podium-dev/podium/samples"
	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets"
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
