// Package sheetstest holds what the tests of the packages beside sheets
// share that needs sheets itself: the sample seasons read and scored,
// synthetic seasons written to disk, and the date outputs are dated with
// (other helpers are in testkit). It is imported by tests only.
package sheetstest

import (
	"io"
	"path/filepath"
	"testing"
	"time"

	"github.com/podium-dev/podium/samples"
	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets"
	"github.com/podium-dev/podium/sheets/ooxml"
)

// ALMS is the path of the Asian Le Mans Series sample from a package
// folder beside sheets (sheets/press, sheets/standings).
const ALMS = "../../samples/alms-2019-20.xlsx"

// Date dates the outputs of tests.
var Date = time.Date(2020, 2, 24, 0, 0, 0, 0, time.UTC)

// Scored reads and scores a sample season.
func Scored(t testing.TB, path string) (*scoring.Season, *scoring.Standings) {
	t.Helper()
	season, diags, err := sheets.Read(path, sheets.OpenOptions{})
	if err != nil || diags.HasErrors() {
		t.Fatalf("reading %s: %v %v", path, err, diags.Err())
	}
	st, _ := scoring.Score(season, scoring.Options{})
	return season, st
}

// WriteSynthetic writes a synthetic season (see samples.WriteSynthetic)
// and returns its path.
func WriteSynthetic(tb testing.TB, size samples.Synth) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "synthetic.xlsx")
	if err := ooxml.WriteFile(path, false, func(w io.Writer) error { return samples.WriteSynthetic(w, size) }); err != nil {
		tb.Fatal(err)
	}
	return path
}
