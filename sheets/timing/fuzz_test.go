package timing

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/ooxml"
)

// FuzzReadTiming feeds arbitrary bytes to the timing-file reader:
// encodings, delimiters, headers, rows. The answer is a *FileError,
// Problems that each name a line, or a classification whose every car has a
// number — never a panic.
func FuzzReadTiming(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "samples", "testdata", "timing", "*"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(acoRace))
	f.Add(utf16LE("Pos\tNo.\tClass\tStatus\tLaps\tPole\tFastest lap\r\n1\t7\tGT\t\t120\tY\t\r\n", true))
	f.Add([]byte("Pos,Start Number,Competitor,Class,Best Lap,Status,Class Pos\n1,7,\"A / B\",GT,2:05.1,DNF,1\n"))
	f.Add([]byte("Round;No.;Pos;Fastest lap\n1;7;1;Y, GT Am\n2;7;;\n"))
	limits := Limits{MaxBytes: 1 << 16, MaxRows: 200, MaxFields: 60, MaxCellChars: 200}
	f.Fuzz(func(t *testing.T, data []byte) {
		timing, err := Read("fuzz.csv", data, limits)
		var fileErr *ooxml.FileError
		var problems Problems
		switch {
		case errors.Is(err, ooxml.ErrInternal):
			t.Fatalf("crash: %v", err)
		case errors.As(err, &fileErr):
			return
		case errors.As(err, &problems):
			if len(problems) == 0 {
				t.Fatal("empty Problems")
			}
			for _, p := range problems {
				if p.Ref.File != "fuzz.csv" || p.Ref.Line < 0 || p.Message == "" {
					t.Fatalf("problem without its place: %+v", p)
				}
			}
			return
		case err != nil:
			t.Fatalf("unexpected error type %T: %v", err, err)
		}
		if len(timing.Rows) == 0 || len(timing.Rows) > limits.MaxRows {
			t.Fatalf("%d rows", len(timing.Rows))
		}
		for _, r := range timing.Rows {
			if r.No == "" || r.Laps < -1 || r.BestLap < 0 || r.Line <= timing.Header {
				t.Fatalf("bad row %+v", r)
			}
			if _, ok := scoring.ParseStatus(string(r.Status)); !ok && r.Status != "" {
				t.Fatalf("status %q", r.Status)
			}
		}
	})
}
