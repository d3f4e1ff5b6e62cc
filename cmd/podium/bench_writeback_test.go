package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/podium-dev/podium/samples"
	"github.com/podium-dev/podium/sheets"
	"github.com/podium-dev/podium/sheets/ooxml"
)

// The write-back benchmarks run `podium score SEASON` in-process, writing
// the standings into the workbook itself, on the real 2019–20 season and on
// samples' synthetic 100,000-result season. Each has two sub-benchmarks,
// measured in the same run:
//
//	first   into a workbook podium never wrote into;
//	second  into the workbook the first run wrote, whose standings sheets
//	        (a 400,000-row Breakdown for the synthetic season) are replaced.
//
// A later write-back should cost no more than the first:
//
//	go test ./cmd/podium -run '^$' -bench WriteBack -benchtime 3x

func BenchmarkWriteBackALMS(b *testing.B) { benchmarkWriteBack(b, alms) }

func BenchmarkWriteBack100k(b *testing.B) {
	benchmarkWriteBack(b, synthSeason(b, samples.Synth100k))
}

func benchmarkWriteBack(b *testing.B, season string) {
	dir := b.TempDir()
	fresh := seasonBytes(b, season)
	work := filepath.Join(dir, "season.xlsx")
	score := func(b *testing.B, from []byte) {
		b.StopTimer()
		os.Remove(ooxml.BackupPath(work))
		if err := os.WriteFile(work, from, 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if code := run([]string{"podium", "score", work}, io.Discard, io.Discard); code != 0 {
			b.Fatalf("podium score: exit code %d", code)
		}
	}
	score(b, fresh)
	written := seasonBytes(b, work)
	b.Run("first", func(b *testing.B) {
		defer reportCPU(b)()
		for b.Loop() {
			score(b, fresh)
		}
	})
	b.Run("second", func(b *testing.B) {
		defer reportCPU(b)()
		for b.Loop() {
			score(b, written)
		}
	})
}

// BenchmarkImport2000 imports a 2,000-car race classification into one
// round of samples' synthetic 100,000-result season (2,500 cars × 40
// rounds): `podium import --round 40 --replace-round race.csv SEASON`.
//
//	go test ./cmd/podium -run '^$' -bench Import2000 -benchtime 3x
func BenchmarkImport2000(b *testing.B) {
	dir := b.TempDir()
	season := synthSeason(b, samples.Synth100k)
	fresh := seasonBytes(b, season)
	race := filepath.Join(dir, "race.csv")
	if err := os.WriteFile(race, raceCSV(b, season, 2000), 0o644); err != nil {
		b.Fatal(err)
	}
	work := filepath.Join(dir, "season.xlsx")
	defer reportCPU(b)()
	for b.Loop() {
		b.StopTimer()
		os.Remove(ooxml.BackupPath(work))
		if err := os.WriteFile(work, fresh, 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		var stderr strings.Builder
		if code := run([]string{"podium", "import", "--round", "40", "--replace-round", race, work}, io.Discard, &stderr); code != 0 {
			b.Fatalf("podium import: exit code %d\n%s", code, stderr.String())
		}
	}
}

// raceCSV is a timing service's race classification of the season's first
// cars: in each class the cars in entry order, every one classified.
func raceCSV(tb testing.TB, season string, cars int) []byte {
	tb.Helper()
	s, _, err := sheets.Read(season, sheets.OpenOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	var sb strings.Builder
	sb.WriteString("POSITION;NUMBER;CLASS;STATUS;LAPS\n")
	for i, e := range s.Entries[:cars] {
		fmt.Fprintf(&sb, "%d;%s;%s;Classified;%d\n", i+1, e.No, e.Class, 150)
	}
	return []byte(sb.String())
}

// reportCPU reports the CPU time the process used per operation
// (cpu-ms/op, user and system, all threads, copying files included): on a
// shared machine a steadier figure than the wall time. Call the function
// it returns when the loop is done.
func reportCPU(b *testing.B) func() {
	c := startCPU()
	return func() { c.report(b) }
}

func seasonBytes(tb testing.TB, path string) []byte {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// synthSeason writes one of samples' synthetic seasons into a temporary
// folder.
func synthSeason(tb testing.TB, size samples.Synth) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "synthetic.xlsx")
	if err := ooxml.WriteFile(path, false, func(w io.Writer) error { return samples.WriteSynthetic(w, size) }); err != nil {
		tb.Fatal(err)
	}
	return path
}
