package sheets

import (
	"io"
	"path/filepath"
	"testing"

	"github.com/podium-dev/podium/samples"
	"github.com/podium-dev/podium/sheets/ooxml"
)

// writeSynthetic writes a synthetic season (see samples.WriteSynthetic).
func writeSynthetic(tb testing.TB, size samples.Synth) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "synthetic.xlsx")
	if err := ooxml.WriteFile(path, false, func(w io.Writer) error { return samples.WriteSynthetic(w, size) }); err != nil {
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
