package sheets_test

import (
	"errors"
	"os"
	"slices"
	"testing"
)

// TestSavedInTheFinalInstant: a workbook saved in the last instant before
// podium replaces it (the check just before the rename) is refused and
// left as it was, and no backup is written beside it — for a write-back
// and for an import.
func TestSavedInTheFinalInstant(t *testing.T) {
	lastInstant := writeBackHooks{beforeRename: func(string) error { return ErrChanged }}
	for _, tt := range []struct {
		name string
		path func(t *testing.T) string
		run  func(t *testing.T, path string) error
	}{
		{"write-back", organiserWorkbook, func(t *testing.T, path string) error {
			season, st := scoredSample(t, path)
			_, err := writeBack(path, season, st, PublishOptions{Generated: testDate}, Limits{}, lastInstant)
			return err
		}},
		{"import", func(t *testing.T) string { return demoWorkbook(t, nil) }, func(t *testing.T, path string) error {
			_, err := importTiming(path, readTimingText(t, "race.csv", demoRound4), ImportOptions{Round: 4, FastestLap: true}, lastInstant)
			return err
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.path(t)
			before := mustRead(t, path)
			err := tt.run(t, path)
			want := path + ": the workbook changed while podium was writing (it was saved meanwhile, perhaps in Excel; podium has not replaced it: run podium again)"
			if !errors.Is(err, ErrChanged) || err.Error() != want {
				t.Errorf("error:\n got %v\nwant %s", err, want)
			}
			if !slices.Equal(mustRead(t, path), before) {
				t.Error("the workbook changed")
			}
			if _, err := os.Stat(BackupPath(path)); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("a backup was written: %v", err)
			}
		})
	}
}
