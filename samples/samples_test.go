package samples_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/podium-dev/podium/samples"
	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets"
)

// TestDemoIsCurrent: the committed demo is exactly what its code makes.
func TestDemoIsCurrent(t *testing.T) {
	committed, err := os.ReadFile(samples.DemoFile)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := samples.WriteDemo(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(committed, buf.Bytes()) {
		t.Errorf("%s differs from samples.Demo(); run go generate ./... and commit it", samples.DemoFile)
	}
}

func TestDemoValidatesClean(t *testing.T) {
	season, diags, err := sheets.Read(samples.DemoFile, sheets.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(diags) > 0 {
		var lines []string
		for _, d := range diags {
			lines = append(lines, d.String())
		}
		t.Fatalf("demo has diagnostics:\n%s", strings.Join(lines, "\n"))
	}
	if season.Series != "Demo Endurance Cup" || season.Status != scoring.Final || len(season.Rounds) != 4 ||
		len(season.Entries) != 9 || len(season.Drivers) != 21 || len(season.Results) != 34 || len(season.Penalties) != 2 {
		t.Errorf("demo read as %q %s, %d rounds, %d entries, %d drivers, %d results, %d penalties",
			season.Series, season.Status, len(season.Rounds), len(season.Entries), len(season.Drivers), len(season.Results), len(season.Penalties))
	}
	if f := season.Rounds[3].Factor; f != 2 {
		t.Errorf("round 4 factor = %v, want 2", f)
	}
	if d := season.Rounds[0].Date.Format("2006-01-02"); d != "2025-04-12" {
		t.Errorf("round 1 date = %s, want 2025-04-12", d)
	}
	invited := season.Entries[8]
	if invited.No != "99" || invited.Scores || invited.Rounds.String() != "2–3" {
		t.Errorf("invited entry = %+v", invited)
	}
}
