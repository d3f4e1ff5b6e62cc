package samples_test

import (
	"bytes"
	"io"
	"os"
	"testing"

	"github.com/podium-dev/podium/samples"
)

// TestF1SamplesAreCurrent: each committed Formula One sample, and the club
// season, is exactly what its code makes.
func TestF1SamplesAreCurrent(t *testing.T) {
	for _, tc := range []struct {
		file  string
		write func(io.Writer) error
	}{
		{samples.F1961File, samples.WriteF1961},
		{samples.F1970File, samples.WriteF1970},
		{samples.F1988File, samples.WriteF1988},
		{samples.F1954File, samples.WriteF1954},
		{samples.F2021File, samples.WriteF2021},
		{samples.ClubFile, samples.WriteClub},
	} {
		t.Run(tc.file, func(t *testing.T) {
			committed, err := os.ReadFile(tc.file)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := tc.write(&buf); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(committed, buf.Bytes()) {
				t.Errorf("%s differs from what its code makes; run go generate ./... and commit it", tc.file)
			}
		})
	}
}
