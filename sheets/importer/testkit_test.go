package importer

import (
	"testing"

	"github.com/podium-dev/podium/internal/testkit"
	"github.com/podium-dev/podium/sheets/timing"
)

// The helpers of sheets/internal/testkit, named as the tests here use
// them.
var (
	demoWorkbook = testkit.DemoWorkbook
	mustRead     = testkit.MustRead
	rezip        = testkit.Rezip
	partOf       = testkit.PartOf
	soffice      = testkit.Soffice
	convert      = testkit.Convert
	readCSV      = testkit.ReadCSV
)

// Constants of sheets/internal/testkit, and the UTF-8 byte order mark.
const (
	bom        = "\xEF\xBB\xBF"
	protection = testkit.SheetProtection
	iconSet    = testkit.IconSet
)

// demoRound4 is round 4 of the demo as a timing file (see
// testkit.DemoRound4).
const demoRound4 = testkit.DemoRound4

// readTimingText reads a timing file's text.
func readTimingText(t *testing.T, name, text string) *timing.File {
	t.Helper()
	tf, err := timing.Read(name, []byte(text), timing.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return tf
}
