package samples_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/podium-dev/podium/samples"
	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets"
	"github.com/podium-dev/podium/sheets/importer"
	"github.com/podium-dev/podium/sheets/timing"
	"github.com/podium-dev/podium/templates"
	"github.com/podium-dev/podium/templates/workbook"
)

// almsWithoutResults writes the ALMS sample with an empty Results sheet.
func almsWithoutResults(t *testing.T) string {
	t.Helper()
	opts := samples.ALMS()
	opts.Data[templates.SheetResults] = nil
	path := filepath.Join(t.TempDir(), "alms.xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := workbook.Write(f, opts); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// timingImport is one timing file of the ALMS round-trip.
type timingImport struct {
	round   int
	session importer.Session
	file    string
	classes map[string]string
	// format and encoding the reader must recognise.
	format, encoding string
}

// almsTimingFiles are the timing fixtures of samples/testdata/timing, one
// format per round, in an order that imports some qualifying sessions
// before their race and some after.
var almsTimingFiles = []timingImport{
	{1, importer.Qualifying, "alms-r1-qualifying-aco.csv", nil, "ACO/FIA timing export", "UTF-8 with BOM"},
	{1, importer.Race, "alms-r1-race-aco.csv", nil, "ACO/FIA timing export", "UTF-8 with BOM"},
	{2, importer.Race, "alms-r2-race-club.csv", map[string]string{"LMP2 Pro-Am": "LMP2 Am"}, "club timing export", "Windows-1252"},
	{2, importer.Qualifying, "alms-r2-qualifying-club.csv", map[string]string{"LMP2 Pro-Am": "LMP2 Am"}, "club timing export", "Windows-1252"},
	{3, importer.Race, "alms-r3-race-byclass.csv", nil, "ACO/FIA timing export by class", "UTF-8 with BOM"},
	{3, importer.Qualifying, "alms-r3-qualifying-byclass.csv", nil, "ACO/FIA timing export by class", "UTF-8 with BOM"},
	{4, importer.Race, "alms-r4-race-results.txt", nil, "CSV with Results headers", "UTF-16LE"},
}

// TestImportALMSReproducesPublishedStandings imports the whole 2019–20
// Asian Le Mans Series from timing files — four formats, four encodings —
// into the sample without results, then validates and scores it: the
// standings must be the published ones, and every round's classification
// (position in class, status, pole) the one of the hand-made sample.
func TestImportALMSReproducesPublishedStandings(t *testing.T) {
	path := almsWithoutResults(t)
	for _, ti := range almsTimingFiles {
		name := filepath.Join("testdata", "timing", ti.file)
		tf, err := timing.ReadFile(name, timing.Limits{})
		if err != nil {
			t.Fatalf("%s: %v", ti.file, err)
		}
		if tf.Format != ti.format || tf.Encoding != ti.encoding {
			t.Errorf("%s: read as %s in %s, want %s in %s", ti.file, tf.Format, tf.Encoding, ti.format, ti.encoding)
		}
		report, err := importer.Import(path, tf, importer.Options{Round: ti.round, Session: ti.session, FastestLap: true, Classes: ti.classes})
		if err != nil {
			t.Fatalf("%s: %v", ti.file, err)
		}
		if len(report.Warnings) > 0 {
			t.Errorf("%s: warnings %q", ti.file, report.Warnings)
		}
		if !report.Changed {
			t.Errorf("%s: nothing imported", ti.file)
		}
	}
	checkPublished(t, path)

	// The classification, car by car, is the sample's.
	want, _, err := sheets.Read(samples.ALMSFile, sheets.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := sheets.Read(path, sheets.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	summary := func(rs []scoring.Result) []string {
		var out []string
		for _, r := range rs {
			out = append(out, fmt.Sprintf("round %d car %s: pos %d status %q pole %v", r.Round, r.No, r.Pos, r.Status, r.Pole))
		}
		slices.Sort(out)
		return out
	}
	if g, w := summary(got.Results), summary(want.Results); !slices.Equal(g, w) {
		for _, line := range g {
			if !slices.Contains(w, line) {
				t.Errorf("imported: %s", line)
			}
		}
		for _, line := range w {
			if !slices.Contains(g, line) {
				t.Errorf("sample:   %s", line)
			}
		}
	}
	// Laps and fastest laps come from the files.
	for _, r := range got.Results {
		if r.Laps < 0 {
			t.Errorf("round %d car %s: no laps", r.Round, r.No)
		}
	}

	// Importing every file again changes nothing, byte for byte.
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, ti := range almsTimingFiles {
		tf, err := timing.ReadFile(filepath.Join("testdata", "timing", ti.file), timing.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		report, err := importer.Import(path, tf, importer.Options{Round: ti.round, Session: ti.session, FastestLap: true, Classes: ti.classes})
		if err != nil {
			t.Fatalf("%s again: %v", ti.file, err)
		}
		if report.Changed {
			t.Errorf("%s again: changed the workbook", ti.file)
		}
	}
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(before, after) {
		t.Error("importing the same files again changed the workbook's bytes")
	}
}
