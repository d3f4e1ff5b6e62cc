package site

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/podium-dev/podium/sheets/internal/sheetstest"
)

var update = flag.Bool("update", false, "rewrite the golden HTML files in testdata")

// TestALMSGolden compares the site of the ALMS sample with the golden
// files in testdata/alms (rewritten with -update): every page and the
// stylesheet, byte for byte, and no other file.
func TestALMSGolden(t *testing.T) {
	season, st := sheetstest.Scored(t, sheetstest.ALMS)
	files, err := Render(season, st, Options{Generated: sheetstest.Date})
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("testdata", "alms")
	if *update {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
		want, err := os.ReadFile(filepath.Join(dir, f.Name))
		if err != nil {
			t.Errorf("%s: %v (run go test ./sheets/site -run TestALMSGolden -update)", f.Name, err)
			continue
		}
		if string(f.Data) != string(want) {
			t.Errorf("%s differs from its golden file %s (run with -update if the change is meant):\n%s", f.Name, filepath.Join(dir, f.Name), firstDiff(string(f.Data), string(want)))
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !slices.Contains(names, e.Name()) {
			t.Errorf("golden file %s is no longer written", e.Name())
		}
	}
}

// firstDiff shows where two texts first differ, with some context.
func firstDiff(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-120)
	return "got:  …" + got[from:min(len(got), i+120)] + "…\nwant: …" + want[from:min(len(want), i+120)] + "…"
}
