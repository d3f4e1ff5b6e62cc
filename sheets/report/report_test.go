package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/podium-dev/podium/scoring"
)

// TestReportAScreenfulPerKind: at most PerKind lines of one kind (code)
// print; after the last, one line counts the problems not printed — cells
// of grouped lines included — and says where all of them are. Other kinds
// print whole.
func TestReportAScreenfulPerKind(t *testing.T) {
	var diags scoring.Diagnostics
	var want []string
	for row := 2; row <= 22; row++ { // 21 errors: one too many
		diags.Errorf(scoring.Ref{Sheet: "Results", Row: row, Col: 2}, scoring.CodeUnknownCar, "", "car %d is not in the Entries sheet", row+100)
		if row < 22 {
			want = append(want, fmt.Sprintf("Results!B%d: car %d is not in the Entries sheet", row, row+100))
		}
		if row == 21 {
			want = append(want, "… and 1 more unknown-car error (21 in all): podium validate --format json season.xlsx lists every one")
		}
	}
	for row := 30; row < 53; row++ { // 23 lines of gaps, the last 3 not printed
		diags.Warnf(scoring.Ref{Sheet: "Results", Row: row, Col: 3}, scoring.CodePosGap, "", "positions in round %d jump", row)
		if row < 50 {
			want = append(want, fmt.Sprintf("Results!C%d: warning: positions in round %d jump", row, row))
		}
	}
	for row := 60; row < 65; row++ { // a line of 5 cells, not printed
		diags.Warnf(scoring.Ref{Sheet: "Results", Row: row, Col: 3}, scoring.CodePosGap, "", "positions jump")
	}
	want = append(want, "… and 8 more position-gap warnings (28 in all): podium validate --format json season.xlsx lists every one", "")
	for row := 3; row < 5; row++ {
		diags.Warnf(scoring.Ref{Sheet: "Drivers", Row: row, Col: 2}, scoring.CodeSimilarNames, "", "name %d", row)
		want = append(want, fmt.Sprintf("Drivers!B%d: warning: name %d", row, row))
	}
	want = append(want, "", "season.xlsx: 21 errors, 30 warnings", "")
	var out bytes.Buffer
	if err := WriteDiagnostics(&out, "season.xlsx", nil, diags); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != strings.Join(want, "\n") {
		t.Errorf("report:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

// TestValidateJSONQuotesThePath: the command a cut report names can be
// pasted into a shell as printed.
func TestValidateJSONQuotesThePath(t *testing.T) {
	for path, want := range map[string]string{
		"season.xlsx":               "podium validate --format json season.xlsx lists every one",
		"/data/2026/season-v2.xlsx": "podium validate --format json /data/2026/season-v2.xlsx lists every one",
		"My Season (final).xlsx":    "podium validate --format json 'My Season (final).xlsx' lists every one",
		"O'Neil.xlsx":               `podium validate --format json 'O'\''Neil.xlsx' lists every one`,
	} {
		if got := ValidateJSON(path); got != want {
			t.Errorf("%q: %s, want %s", path, got, want)
		}
	}
}
