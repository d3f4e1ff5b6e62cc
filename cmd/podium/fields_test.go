package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestResultsWithoutCarChampionship: the demo season run with a
// Championships sheet of a drivers' and a teams' championship (Team: a
// team's cars added up) and no Car championship lists in results.csv
// every result v1's run lists, each car scored as v1's teams'
// championship scores it (factor, pole, invited entries, penalties), in
// every class and cup.
func TestResultsWithoutCarChampionship(t *testing.T) {
	dir := t.TempDir()
	season := filepath.Join(dir, "season.xlsx")
	if err := os.WriteFile(season, withChampionships([]any{"Drivers", "Driver"}, []any{"Constructors", "Team"})(t), 0o644); err != nil {
		t.Fatal(err)
	}
	results := func(path, out string) []string {
		t.Helper()
		if code, stdout, stderr := podium(t, "export", path, "--csv", out); code != 0 {
			t.Fatalf("export %s: exit %d\n%s%s", path, code, stdout, stderr)
		}
		data, err := os.ReadFile(filepath.Join(out, "results.csv"))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
		slices.Sort(lines[1:])
		return lines
	}
	want := results(demo, filepath.Join(dir, "v1"))
	got := results(season, filepath.Join(dir, "v2"))
	if len(want) < 30 || !slices.Equal(got, want) {
		t.Errorf("results.csv with Championships (%d lines):\n%s\nv1's (%d lines):\n%s", len(got), strings.Join(got, "\n"), len(want), strings.Join(want, "\n"))
	}
}
