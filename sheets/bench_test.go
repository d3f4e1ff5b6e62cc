package sheets

import (
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/podium-dev/podium/samples"
	"github.com/podium-dev/podium/scoring"
)

// writeSynthetic writes a synthetic season (see samples.WriteSynthetic).
func writeSynthetic(tb testing.TB, size samples.Synth) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "synthetic.xlsx")
	if err := WriteFile(path, false, func(w io.Writer) error { return samples.WriteSynthetic(w, size) }); err != nil {
		tb.Fatal(err)
	}
	return path
}

func benchmarkRead(b *testing.B, size samples.Synth) {
	path := writeSynthetic(b, size)
	cars, rounds := size.Cars, size.Rounds
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		season, diags, err := Read(path, OpenOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if len(diags) > 0 || len(season.Results) != cars*rounds {
			b.Fatalf("%d results, %d diagnostics, first: %v", len(season.Results), len(diags), diags[0])
		}
	}
	b.ReportMetric(float64(cars*rounds), "results")
}

// BenchmarkRead10k reads and validates 10,000 results (500 cars × 20 rounds).
func BenchmarkRead10k(b *testing.B) { benchmarkRead(b, samples.Synth10k) }

// BenchmarkRead100k reads and validates 100,000 results (2,500 cars × 40
// rounds, 20 classes).
func BenchmarkRead100k(b *testing.B) { benchmarkRead(b, samples.Synth100k) }

// BenchmarkPressPack100k writes the press pack (ExportCSV: every CSV file
// and its manifest) of a scored 100,000-result season (samples.Synth100k),
// as `podium score --csv DIR` does after scoring, with the CPU time it
// takes (cpu-ms/op: the machine may be shared):
//
//	go test ./sheets -run '^$' -bench PressPack100k -benchmem -count 3
func BenchmarkPressPack100k(b *testing.B) {
	season, _, err := Read(writeSynthetic(b, samples.Synth100k), OpenOptions{})
	if err != nil {
		b.Fatal(err)
	}
	st, _ := scoring.Score(season, scoring.Options{})
	dir := b.TempDir()
	var bytes int64
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		r, err := ExportCSV(dir, season, st, CSVOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if len(r.Removed) > 0 || len(r.Kept) > 0 {
			b.Fatalf("removed %v, kept %v", r.Removed, r.Kept)
		}
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if info, err := e.Info(); err == nil {
			bytes += info.Size()
		}
	}
	b.ReportMetric(float64(bytes)/1e6, "MB")
}
