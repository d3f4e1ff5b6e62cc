package sheets

import (
	"bytes"
	"testing"

	"github.com/podium-dev/podium/sheets/report"
)

// TestReportGroupsIdenticalProblems: the same problem in many cells is one
// line naming the cells, not a line per cell.
func TestReportGroupsIdenticalProblems(t *testing.T) {
	b := baseBook()
	for _, no := range []int{1, 2, 3} {
		b.add("Results", 4, no, no)
	}
	b.add("Results", 4, 9, 4)
	b.add("Penalties", 4, 1, 5)
	path := b.write(t)
	season, diags, err := Read(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := report.WriteDiagnostics(&out, path, season, diags); err != nil {
		t.Fatal(err)
	}
	want := `Results!A13:A16 (4 cells): round 4 is not in the calendar (the calendar has rounds 1–3)

Penalties!A2: round 4 is not in the calendar (the calendar has rounds 1–3)

season.xlsx: 5 errors, 0 warnings
`
	if out.String() != want {
		t.Errorf("report:\n%s\nwant:\n%s", out.String(), want)
	}
}
