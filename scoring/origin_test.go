package scoring

import (
	"strings"
	"testing"
)

// TestRefInText: a place in a text file (a timing CSV) renders as its
// name, line and field, the field as the cell it is when the file is
// opened in a spreadsheet; a workbook place never names its file.
func TestRefInText(t *testing.T) {
	tests := []struct {
		ref  Ref
		want string
	}{
		{Ref{File: "race.csv"}, "race.csv"},
		{Ref{File: "race.csv", Line: 14}, "race.csv:14"},
		{Ref{File: "race.csv", Line: 14, Col: 5}, "race.csv:14 (cell E14)"},
		{Ref{File: "race.csv", Line: 14, Col: 5, Field: "LAPS"}, "race.csv:14 (cell E14, LAPS)"},
		{Ref{File: "race.csv", Line: 2, Col: 28, Field: "Fastest lap"}, "race.csv:2 (cell AB2, Fastest lap)"},
		// A field's header alone, without its column, places the line.
		{Ref{File: "race.csv", Line: 3, Field: "LAPS"}, "race.csv:3"},
		// Workbook places, as before.
		{Ref{File: "season.xlsx", Sheet: "Results", Row: 14, Col: 4}, "Results!D14"},
		{Ref{File: "season.xlsx", Sheet: "Race Results", Row: 5}, "'Race Results'!5:5"},
		{Ref{File: "season.xlsx", Sheet: "Results"}, "Results"},
		{Ref{}, ""},
	}
	for _, tt := range tests {
		if got := tt.ref.String(); got != tt.want {
			t.Errorf("%#v: got %q, want %q", tt.ref, got, tt.want)
		}
		if text := tt.ref.File == "race.csv"; tt.ref.InText() != text {
			t.Errorf("%#v: InText() = %v, want %v", tt.ref, !text, text)
		}
	}
}

// TestTextDiagnostics: the problems of a timing file render as its
// lines, a warning's Text without its label, and the same problem in one
// column of several lines groups into one line naming the others; a
// problem of the whole file stays on its own.
func TestTextDiagnostics(t *testing.T) {
	line := func(n, col int, field string) Ref { return Ref{File: "race.csv", Line: n, Col: col, Field: field} }
	var l Diagnostics
	status := "expected Classified (or blank), Not classified or Retired"
	l.Errorf(line(2, 4, "STATUS"), CodeUnknownStatus, status, `status "Finito" is not a timing status`)
	l.Errorf(line(3, 5, "LAPS"), CodeBadValue, "", `laps "lots" is not a number of laps`)
	l.Errorf(line(6, 4, "STATUS"), CodeUnknownStatus, status, `status "Finito" is not a timing status`)
	for n := 10; n <= 30; n++ {
		l.Errorf(line(n, 3, "CLASS"), CodeUnknownClass, "map it with --class", `class "GTX" is not a class of the workbook`)
	}
	// The same words in another column are another problem.
	l.Errorf(line(31, 9, "GROUP"), CodeUnknownClass, "map it with --class", `class "GTX" is not a class of the workbook`)
	l.Errorf(Ref{File: "race.csv"}, CodeWouldRemove, "run again with --replace-round", "round 4 holds the result of car 61")
	l.Errorf(Ref{File: "race.csv"}, CodeWouldRemove, "run again with --replace-round", "round 4 holds the result of car 61")
	l.Warnf(Ref{File: "race.csv", Line: 5}, CodeLapsShort, "", "car 88 is classified with 100 laps")
	var got []string
	for _, g := range l.Grouped() {
		got = append(got, g.String())
	}
	want := []string{
		`race.csv:2 (cell D2, STATUS): status "Finito" is not a timing status; also line 6 (expected Classified (or blank), Not classified or Retired)`,
		`race.csv:3 (cell E3, LAPS): laps "lots" is not a number of laps`,
		`race.csv:10 (cell C10, CLASS): class "GTX" is not a class of the workbook; also lines 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 and 10 more (map it with --class)`,
		`race.csv:31 (cell I31, GROUP): class "GTX" is not a class of the workbook (map it with --class)`,
		`race.csv: round 4 holds the result of car 61 (run again with --replace-round)`,
		`race.csv: round 4 holds the result of car 61 (run again with --replace-round)`,
		`race.csv:5: warning: car 88 is classified with 100 laps`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("grouped:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
	if got, want := l[len(l)-1].Text(), "race.csv:5: car 88 is classified with 100 laps"; got != want {
		t.Errorf("Text() = %q, want %q", got, want)
	}
	// Sorted, lines come in order.
	l.Sort(nil)
	if l[0].Ref.Line != 0 || l[1].Ref.Line != 2 || l[2].Ref.Line != 3 || l[3].Ref.Line != 5 || l[len(l)-1].Ref.Line != 31 {
		t.Errorf("sorted lines: %d, %d, %d, %d … %d", l[0].Ref.Line, l[1].Ref.Line, l[2].Ref.Line, l[3].Ref.Line, l[len(l)-1].Ref.Line)
	}
}

func TestSummarize(t *testing.T) {
	ns := make([]int, 1990)
	for i := range ns {
		ns[i] = i + 1
	}
	if got, want := SummarizeInts(ns, 3), "1, 2, 3 and 1,987 more"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := Summarize([]string{"a", "b"}, 2), "a, b"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
