package sheets

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/templates/workbook"
)

// TestTemplateReadsBack: the generator and the reader share one contract,
// so a fresh template reads without errors (only the empty entry list is
// worth a warning), and a filled one reads clean.
func TestTemplateReadsBack(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := workbook.Write(f, workbook.Options{Series: "S", Season: "2025", Rounds: 3}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	season, diags, err := Read(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := "Entries: warning: no cars are entered yet (add a row per car to the Entries sheet)"
	if got := strings.Join(diagLines(diags), "\n"); got != want {
		t.Errorf("diagnostics:\n got %s\nwant %s", got, want)
	}
	if season.Series != "S" || len(season.Rounds) != 3 || len(season.Points) != 12 || season.ClassificationThreshold != 0.7 {
		t.Errorf("season = %q, %d rounds, %d points lines, threshold %v", season.Series, len(season.Rounds), len(season.Points), season.ClassificationThreshold)
	}
}

// TestV2TemplateReadsBack: the template's Championships sheet reads as the
// championships a workbook without it runs, at their rows.
func TestV2TemplateReadsBack(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := workbook.Write(f, workbook.Options{Series: "S", Rounds: 3, V2: true}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	season, diags, err := Read(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// The Sprint scheme is an example no race pays yet: whether that is
	// worth a warning is scoring.Check's rule, not the template's.
	diags = slices.DeleteFunc(diags, func(d scoring.Diagnostic) bool { return d.Code == scoring.CodeUnusedScheme })
	want := "Entries: warning: no cars are entered yet (add a row per car to the Entries sheet)"
	if got := strings.Join(diagLines(diags), "\n"); got != want {
		t.Errorf("diagnostics:\n got %s\nwant %s", got, want)
	}
	var sprint []string
	for _, a := range season.Points {
		if a.Scheme != "" {
			sprint = append(sprint, fmt.Sprintf("%s %d %g", a.Scheme, a.Position, a.Points))
		}
	}
	if got, want := strings.Join(sprint, ", "), "Sprint 1 8, Sprint 2 7, Sprint 3 6, Sprint 4 5, Sprint 5 4, Sprint 6 3, Sprint 7 2, Sprint 8 1"; got != want {
		t.Errorf("the template's Sprint scheme: %s, want %s", got, want)
	}
	got := season.Championships
	for i := range got {
		got[i].Origin = scoring.Origin{Row: got[i].Origin.Row}
	}
	defaults := scoring.DefaultChampionships()
	for i := range defaults {
		defaults[i].Origin = scoring.Origin{Row: i + 2}
	}
	if !reflect.DeepEqual(got, defaults) {
		t.Errorf("championships = %+v, want %+v", got, defaults)
	}
	if season.TieBreak != scoring.Countback || season.TiesShownAs != scoring.TiesDense {
		t.Errorf("tie-break %q, ties shown as %q", season.TieBreak, season.TiesShownAs)
	}
}
