package press

import (
	"os"
	"testing"
	"time"

	"github.com/podium-dev/podium/samples"
	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets"
	"github.com/podium-dev/podium/sheets/internal/sheetstest"
	"github.com/podium-dev/podium/sheets/internal/testkit"
)

// BenchmarkPressPack100k writes the press pack (ExportCSV: every CSV file
// and its manifest) of a scored 100,000-result season (samples.Synth100k),
// as `podium score --csv DIR` does after scoring, with the CPU time it
// takes (cpu-ms/op: the machine may be shared):
//
//	go test ./sheets/press -run '^$' -bench PressPack100k -benchmem -count 3
func BenchmarkPressPack100k(b *testing.B) {
	season, _, err := sheets.Read(sheetstest.WriteSynthetic(b, samples.Synth100k), sheets.OpenOptions{})
	if err != nil {
		b.Fatal(err)
	}
	st, _ := scoring.Score(season, scoring.Options{})
	dir := b.TempDir()
	var bytes int64
	b.ReportAllocs()
	start := testkit.CPUTime()
	for b.Loop() {
		r, err := ExportCSV(dir, season, st, CSVOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if len(r.Removed) > 0 || len(r.Kept) > 0 {
			b.Fatalf("removed %v, kept %v", r.Removed, r.Kept)
		}
	}
	b.ReportMetric(float64(testkit.CPUTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if info, err := e.Info(); err == nil {
			bytes += info.Size()
		}
	}
	b.ReportMetric(float64(bytes)/1e6, "MB")
}
