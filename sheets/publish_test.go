package sheets

import (
	"testing"
	"time"

	"github.com/podium-dev/podium/scoring"
)

const almsPath = "../samples/alms-2019-20.xlsx"

var testDate = time.Date(2020, 2, 24, 0, 0, 0, 0, time.UTC)

// scoredSample reads and scores a sample season.
func scoredSample(t testing.TB, path string) (*scoring.Season, *scoring.Standings) {
	t.Helper()
	season, diags, err := Read(path, OpenOptions{})
	if err != nil || diags.HasErrors() {
		t.Fatalf("reading %s: %v %v", path, err, diags.Err())
	}
	st, _ := scoring.Score(season, scoring.Options{})
	return season, st
}
