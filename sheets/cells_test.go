package sheets

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/podium-dev/podium/scoring"
)

func TestParseInt(t *testing.T) {
	tests := []struct {
		in      string
		want    int
		wantErr string
	}{
		{"26", 26, ""},
		{"26.0", 26, ""},
		{" 26 ", 26, ""},
		{"\u00a026\u00a0", 26, ""},
		{"1e1", 10, ""},
		{"-3", -3, ""},
		{"26.5", 0, `"26.5" is not a whole number`},
		{"abc", 0, `"abc" is not a whole number`},
		{"", 0, `"" is not a whole number`},
		{"#N/A", 0, `"#N/A" is not a whole number`},
		{"1e12", 0, `"1e12" is not a whole number`},
		{"NaN", 0, `"NaN" is not a whole number`},
		{"Inf", 0, `"Inf" is not a whole number`},
	}
	for _, tt := range tests {
		got, err := ParseInt(tt.in)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("ParseInt(%q) error = %v, want %s", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseInt(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"25", 25, true}, {"0.5", 0.5, true}, {"45,5", 45.5, true}, {" 1 ", 1, true},
		{"1,000.5", 0, false}, {"1,2,3", 0, false}, {"½", 0, false}, {"", 0, false}, {"#VALUE!", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseNumber(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestParsePosition(t *testing.T) {
	for in, want := range map[string]int{"3": 3, "3.0": 3, "3rd": 3, "P3": 3, "p3": 3, "3.": 3, "1st": 1, "22nd": 22, " 4th ": 4} {
		if got, err := ParsePosition(in); err != nil || got != want {
			t.Errorf("ParsePosition(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for in, hint := range map[string]string{
		"0":    "",
		"-1":   "",
		"2.5":  "",
		"Ret":  "a status goes in the Status column: type Ret there and leave the position blank",
		"DNF":  "a status goes in the Status column: type Ret there and leave the position blank",
		"#N/A": "the cell shows a spreadsheet error; fix the formula or type the value",
		"1stt": "",
	} {
		_, err := ParsePosition(in)
		if err == nil || hintOf(err) != hint {
			t.Errorf("ParsePosition(%q) error = %v, hint %q; want hint %q", in, err, hintOf(err), hint)
		}
	}
}

func TestParsePercent(t *testing.T) {
	for in, want := range map[string]float64{"70%": 0.7, "70": 0.7, "0.7": 0.7, "75 %": 0.75, "100%": 1, "1": 1} {
		if got, err := ParsePercent(in); err != nil || got != want {
			t.Errorf("ParsePercent(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"seventy", "150%", "-5%"} {
		if _, err := ParsePercent(in); err == nil {
			t.Errorf("ParsePercent(%q) succeeded, want an error", in)
		}
	}
}

func TestParseYes(t *testing.T) {
	for _, in := range []string{"Y", "y", "Yes", "YES", "X", "x", "1", "TRUE", "true", " Y "} {
		if got, err := ParseYes(in); err != nil || !got {
			t.Errorf("ParseYes(%q) = %v, %v; want true", in, got, err)
		}
	}
	for _, in := range []string{"", "N", "no", "0", "FALSE", "\u00a0"} {
		if got, err := ParseYes(in); err != nil || got {
			t.Errorf("ParseYes(%q) = %v, %v; want false", in, got, err)
		}
	}
	if _, err := ParseYes("pole"); err == nil || err.Error() != `"pole" is not Y or blank` {
		t.Errorf("ParseYes(pole) error = %v", err)
	}
}

func TestCarNumber(t *testing.T) {
	for in, want := range map[string]string{"7": "7", " 7 ": "7", "7.0": "7", "#7": "7", "# 26": "26", "007": "007", "1A": "1A", "26\u00a0": "26"} {
		if got := CarNumber(in); got != want {
			t.Errorf("CarNumber(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseDate(t *testing.T) {
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		in       string
		date1904 bool
		want     time.Time
	}{
		{"43793", false, day(2019, 11, 24)}, // serial, 1900 system
		{"43793.5", false, day(2019, 11, 24)},
		{"42331", true, day(2019, 11, 24)}, // the same day, 1904 system
		{"1", false, day(1900, 1, 1)},
		{"61", false, day(1900, 3, 1)},
		{"2019-11-24", false, day(2019, 11, 24)},
		{"2019/11/24", false, day(2019, 11, 24)},
		{"24 November 2019", false, day(2019, 11, 24)},
		{"24 Nov 2019", false, day(2019, 11, 24)},
		{"November 24, 2019", false, day(2019, 11, 24)},
		{"24.11.2019", false, day(2019, 11, 24)},
		{"24/11/2019", false, day(2019, 11, 24)},
		{"11/24/2019", false, day(2019, 11, 24)},
		{"5/5/2020", false, day(2020, 5, 5)},
		{"2019-11-24T00:00:00", false, day(2019, 11, 24)},
		{" 24\u00a0November 2019 ", false, day(2019, 11, 24)},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in, tt.date1904)
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("ParseDate(%q, %v) = %v, %v; want %v", tt.in, tt.date1904, got, err, tt.want)
		}
	}
	for _, in := range []string{"", "soon", "31/02/2020", "3/4/2020", "0", "-5", "99999999", "2019-13-01", "2/2/0000", "0001-01-01"} {
		if got, err := ParseDate(in, false); err == nil {
			t.Errorf("ParseDate(%q) = %v, want an error", in, got)
		}
	}
}

func TestParseRounds(t *testing.T) {
	tests := []struct {
		in   string
		want scoring.RoundSet
	}{
		{"", scoring.RoundSet{}},
		{"All", scoring.AllRounds()},
		{"all", scoring.AllRounds()},
		{"1", scoring.Rounds(1)},
		{"1.0", scoring.Rounds(1)},
		{"1–2, 4", scoring.Rounds(1, 2, 4)},
		{"1-2,4", scoring.Rounds(1, 2, 4)},
		{"2–4", scoring.Rounds(2, 3, 4)},
		{"2 - 4", scoring.Rounds(2, 3, 4)},
		{"1, 3–4", scoring.Rounds(1, 3, 4)},
		{"1;3", scoring.Rounds(1, 3)},
		{"1 and 3", scoring.Rounds(1, 3)},
		{"1 & 3", scoring.Rounds(1, 3)},
		{"4, 1, 1", scoring.Rounds(1, 4)},
		{"R1, R3", scoring.Rounds(1, 3)},
		{"1—2", scoring.Rounds(1, 2)},
	}
	for _, tt := range tests {
		got, err := ParseRounds(tt.in)
		if err != nil || got.All != tt.want.All || !slices.Equal(got.Rounds, tt.want.Rounds) {
			t.Errorf("ParseRounds(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
	bad := map[string]string{
		"1 to 3": `write round numbers such as "1–2, 4" or "All"`,
		"4-2":    `the run 4-2 goes backwards; write 2–4`,
		"0":      `write round numbers such as "1–2, 4" or "All"`,
		"1-":     `write runs such as "2–4"`,
		"1-5000": `write runs such as "2–4"`,
		"first":  `write round numbers such as "1–2, 4" or "All"`,
		",":      `write round numbers such as "1–2, 4" or "All"`,
	}
	for in, hint := range bad {
		_, err := ParseRounds(in)
		var ve *valueError
		if !errors.As(err, &ve) || ve.Hint != hint {
			t.Errorf("ParseRounds(%q) error = %v (hint %q), want hint %q", in, err, hintOf(err), hint)
		}
	}
}

func hintOf(err error) string {
	var ve *valueError
	if errors.As(err, &ve) {
		return ve.Hint
	}
	return ""
}

func TestParseAward(t *testing.T) {
	tests := []struct {
		in   string
		kind scoring.AwardKind
		pos  int
	}{
		{"1", scoring.AwardPosition, 1}, {"1st", scoring.AwardPosition, 1}, {"P1", scoring.AwardPosition, 1},
		{"2nd", scoring.AwardPosition, 2}, {"3rd", scoring.AwardPosition, 3}, {"10th", scoring.AwardPosition, 10},
		{"10.", scoring.AwardPosition, 10}, {"Other", scoring.AwardOther, 0}, {"others", scoring.AwardOther, 0},
		{"Pole", scoring.AwardPole, 0}, {"Pole position", scoring.AwardPole, 0},
		{"Fastest lap", scoring.AwardFastestLap, 0}, {"FL", scoring.AwardFastestLap, 0},
	}
	for _, tt := range tests {
		kind, pos, err := ParseAward(tt.in)
		if err != nil || kind != tt.kind || pos != tt.pos {
			t.Errorf("ParseAward(%q) = %v, %d, %v; want %v, %d", tt.in, kind, pos, err, tt.kind, tt.pos)
		}
	}
	for _, in := range []string{"", "0", "1er", "winner", "-1"} {
		if _, _, err := ParseAward(in); err == nil {
			t.Errorf("ParseAward(%q) succeeded, want an error", in)
		}
	}
}

// FuzzParseRounds: never panics; a parsed set holds rounds 1..999 in
// ascending order, and its String form parses back to the same set.
func FuzzParseRounds(f *testing.F) {
	for _, s := range []string{"", "All", "1", "1–2, 4", "1-2,4", "2–4", "R1; R3", "1 and 3", "4-2", "1-999", "1,,2", "-", "–", "1--2", "1-2-3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rs, err := ParseRounds(s)
		if err != nil {
			var ve *valueError
			if !errors.As(err, &ve) {
				t.Fatalf("error %T is not a *valueError", err)
			}
			return
		}
		if rs.All {
			return
		}
		if !slices.IsSorted(rs.Rounds) || len(slices.Compact(slices.Clone(rs.Rounds))) != len(rs.Rounds) {
			t.Fatalf("rounds %v not sorted and unique", rs.Rounds)
		}
		for _, r := range rs.Rounds {
			if r < 1 || r > maxRound {
				t.Fatalf("round %d out of range", r)
			}
		}
		back, err := ParseRounds(rs.String())
		if err != nil || !slices.Equal(back.Rounds, rs.Rounds) {
			t.Fatalf("%q → %v → %q → %v, %v", s, rs.Rounds, rs.String(), back.Rounds, err)
		}
	})
}

// FuzzCells: the cell coercions never panic, agree with each other, and
// CleanText is idempotent and keeps valid UTF-8 valid.
func FuzzCells(f *testing.F) {
	for _, s := range []string{"26", "26.0", " 7 ", "\u00a0", "#7", "45,5", "70%", "Y", "x", "TRUE", "43793", "24 November 2019", "31/02/2020", "1e308", "-0", "#N/A", "P1", "3rd", "Fastest lap", "NaN", "0x1p-2", "1_000", "countback of scoring places, then latest result", "6 of 1-7, 5 of 8–13", "all but 2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := scoring.CleanText(s)
		if scoring.CleanText(c) != c {
			t.Fatalf("CleanText not idempotent: %q → %q → %q", s, c, scoring.CleanText(c))
		}
		if utf8.ValidString(s) && !utf8.ValidString(c) {
			t.Fatalf("scoring.CleanText(%q) = %q is not valid UTF-8", s, c)
		}
		if n, err := ParseInt(s); err == nil {
			v, err := ParseNumber(s)
			if err != nil || v != float64(n) {
				t.Fatalf("ParseInt(%q) = %d but ParseNumber = %v, %v", s, n, v, err)
			}
		}
		if v, err := ParseNumber(s); err == nil && (v != v) {
			t.Fatalf("ParseNumber(%q) = NaN", s)
		}
		if n, err := ParsePosition(s); err == nil && n < 1 {
			t.Fatalf("ParsePosition(%q) = %d", s, n)
		}
		ParsePercent(s)
		ParseYes(s)
		CarNumber(s)
		if _, pos, err := ParseAward(s); err == nil && pos < 0 {
			t.Fatalf("ParseAward(%q) position %d", s, pos)
		}
		if d, err := ParseDate(s, false); err == nil && (d.Year() < 1900 || d.Year() > 9999) {
			t.Fatalf("ParseDate(%q) = %v", s, d)
		}
		ParseDate(s, true)
		ParseRounds(s)
		// Contract v2's rules read back as written.
		if tb, ok := parseTieBreak(s); ok && tb != "" {
			if again, ok := scoring.ParseTieBreak(string(tb)); !ok || again != tb {
				t.Fatalf("tie-break %q reads as %q, which reads back as %q", s, tb, again)
			}
		}
		if b, err := scoring.ParseBestResults(s); err == nil {
			if again, err := scoring.ParseBestResults(b.String()); err != nil || again.String() != b.String() {
				t.Fatalf("best results %q reads as %q, which reads back as %q (%v)", s, b, again, err)
			}
		}
		if st, ok := scoring.ParseStatus(s); ok && st != scoring.Classified {
			if _, ok := scoring.ParseStatus(string(st)); !ok {
				t.Fatalf("status %q does not parse back", st)
			}
		}
	})
}

// TestParsePlainDigits: a cell of bare digits, read without the general
// parsing, reads as the general parsing reads it (the same cell with a
// space around it takes that path): value and message alike.
func TestParsePlainDigits(t *testing.T) {
	parsers := map[string]func(string) (int, error){
		"ParseInt": ParseInt, "ParsePositive": ParsePositive, "ParsePosition": ParsePosition,
		"ParseNumber": func(s string) (int, error) { v, err := ParseNumber(s); return int(v), err },
	}
	for _, in := range []string{"0", "00", "1", "01", "007", "9", "10", "16", "255", "2500", "123456789", "999999999", "1000000000", "0000000001", "12345678901"} {
		for name, parse := range parsers {
			got, gotErr := parse(in)
			want, wantErr := parse(" " + in + " ")
			if got != want || fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
				t.Errorf("%s(%q) = %d, %v; as %q: %d, %v", name, in, got, gotErr, " "+in+" ", want, wantErr)
			}
		}
		if got, want := CarNumber(in), CarNumber(" "+in+" "); got != want {
			t.Errorf("CarNumber(%q) = %q; as %q: %q", in, got, " "+in+" ", want)
		}
	}
	// A season's car numbers are read without a string of their own.
	if n := testing.AllocsPerRun(100, func() { CarNumber("2490") }); n != 0 {
		t.Errorf("CarNumber: %v allocations, want 0", n)
	}
}

func BenchmarkParsePosition(b *testing.B) {
	for b.Loop() {
		ParsePosition("16")
		ParsePositive("40")
	}
}
