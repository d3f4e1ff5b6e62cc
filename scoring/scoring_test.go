package scoring

import (
	"testing"
)

func TestColumnName(t *testing.T) {
	for n, want := range map[int]string{0: "", 1: "A", 4: "D", 26: "Z", 27: "AA", 52: "AZ", 703: "AAA", 16384: "XFD"} {
		if got := ColumnName(n); got != want {
			t.Errorf("ColumnName(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestRefString(t *testing.T) {
	tests := []struct {
		ref  Ref
		want string
	}{
		{Ref{Sheet: "Results", Row: 14, Col: 4}, "Results!D14"},
		{Ref{Sheet: "Results", Row: 14}, "Results!14:14"},
		{Ref{Sheet: "Results"}, "Results"},
		{Ref{Sheet: "Race Results", Row: 2, Col: 1}, "'Race Results'!A2"},
		{Ref{Sheet: "Pilot's list", Row: 2, Col: 1}, "'Pilot''s list'!A2"},
		{Ref{Sheet: "Résultats", Row: 2, Col: 1}, "Résultats!A2"},
		{Ref{Row: 3, Col: 2}, "B3"},
	}
	for _, tt := range tests {
		if got := tt.ref.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.ref, got, tt.want)
		}
	}
}

func TestOriginAt(t *testing.T) {
	o := Origin{Sheet: "Results", Row: 7, Cols: map[string]int{"Pos": 3}}
	if got := o.At("Pos").String(); got != "Results!C7" {
		t.Errorf("At(Pos) = %s", got)
	}
	if got := o.At("Laps").String(); got != "Results!7:7" {
		t.Errorf("At(absent column) = %s, want the row", got)
	}
}

func TestDiagnostics(t *testing.T) {
	var l Diagnostics
	l.Warnf(Ref{Sheet: "Results", Row: 9, Col: 2}, "w", "", "late warning")
	l.Errorf(Ref{Sheet: "Results", Row: 3, Col: 4}, "e", "did you mean Ret?", "status %q is not a status code", "Retd")
	l.Errorf(Ref{Sheet: "Custom"}, "e", "", "sheet not in the order")
	l.Errorf(Ref{Sheet: "Calendar", Row: 2, Col: 1}, "e", "", "first")
	l.Errorf(Ref{Sheet: "Calendar", Row: 2, Col: 1}, "e", "", "first") // duplicate
	if err := (Diagnostics{}).Err(); err != nil {
		t.Errorf("empty list Err() = %v", err)
	}
	l.Sort([]string{"Season", "Calendar", "Results"})
	want := []string{
		"Calendar!A2: first",
		`Results!D3: status "Retd" is not a status code (did you mean Ret?)`,
		"Results!B9: warning: late warning",
		"Custom: sheet not in the order",
	}
	if len(l) != len(want) {
		t.Fatalf("got %d diagnostics, want %d: %v", len(l), len(want), l)
	}
	for i, d := range l {
		if d.String() != want[i] {
			t.Errorf("[%d] = %q, want %q", i, d.String(), want[i])
		}
	}
	if l.Count(Error) != 3 || l.Count(Warning) != 1 || !l.HasErrors() {
		t.Errorf("counts: %d errors, %d warnings", l.Count(Error), l.Count(Warning))
	}
	if got := l.Err().Error(); got != "Calendar!A2: first (and 2 more errors)" {
		t.Errorf("Err() = %q", got)
	}
	warnOnly := Diagnostics{l[2]}
	if warnOnly.Err() != nil {
		t.Error("a list of warnings is not an error")
	}
}

func TestRoundSet(t *testing.T) {
	tests := []struct {
		set  RoundSet
		want string
	}{
		{AllRounds(), "All"},
		{RoundSet{}, ""},
		{Rounds(4, 1, 2, 2), "1–2, 4"},
		{Rounds(1, 2, 3, 5, 7, 8), "1–3, 5, 7–8"},
		{Rounds(3), "3"},
	}
	for _, tt := range tests {
		if got := tt.set.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.set, got, tt.want)
		}
	}
	s := Rounds(1, 3)
	if !s.Contains(3) || s.Contains(2) || !AllRounds().Contains(99) || (RoundSet{}).Contains(1) {
		t.Error("Contains is wrong")
	}
}

func TestParseStatus(t *testing.T) {
	for in, want := range map[string]Status{
		"": Classified, "Ret": Retired, "ret": Retired, "DNF": Retired, " RET ": Retired, "DQ": Disqualified,
		"DSQ": Disqualified, "NC": NotClassified, "not  classified": NotClassified, "DNS": DidNotStart,
		"WD": Withdrawn, "DNQ": DidNotQualify, "EX": Excluded, "Classified": Classified,
	} {
		if got, ok := ParseStatus(in); !ok || got != want {
			t.Errorf("ParseStatus(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := ParseStatus("Retd"); ok {
		t.Error("ParseStatus(Retd) succeeded")
	}
}
