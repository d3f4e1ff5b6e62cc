package samples_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/podium-dev/podium/samples"
	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets"
	"github.com/podium-dev/podium/sheets/press"
)

var update = flag.Bool("update", false, "rewrite the golden press files")

// TestPressPackGolden writes the press CSVs of the 2019–20 season and
// compares them with the golden files in testdata/press, reviewed by eye
// once. Run `go test ./samples -run PressPack -update` to regenerate.
func TestPressPackGolden(t *testing.T) {
	season, diags, err := sheets.Read(samples.ALMSFile, sheets.OpenOptions{})
	if err != nil || diags.HasErrors() {
		t.Fatal(err, diags.Err())
	}
	st, _ := scoring.Score(season, scoring.Options{})
	dir := t.TempDir()
	names, err := press.WriteCSV(dir, season, st, press.CSVOptions{Modified: time.Date(2020, 2, 24, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"lmp2-teams.csv", "lmp2-drivers.csv", "lmp2-am-teams.csv", "lmp2-am-drivers.csv", "lmp3-teams.csv", "lmp3-drivers.csv",
		"gt-teams.csv", "gt-drivers.csv", "gt-am-teams.csv", "gt-am-drivers.csv", "results.csv", "standings.csv", "season.csv", "breakdown.csv"}
	if !slices.Equal(names, want) {
		t.Errorf("files %q, want %q", names, want)
	}
	golden := filepath.Join("testdata", "press")
	if *update {
		os.MkdirAll(golden, 0o755)
	}
	for _, name := range names {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(golden, name)
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		wantData, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if !bytes.Equal(got, wantData) {
			t.Errorf("%s differs from %s (run with -update after checking the change)", name, path)
		}
	}
}
