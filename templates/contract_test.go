package templates

import (
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"No.":              "no",
		" No ":             "no",
		"#":                "#",
		" # ":              "#",
		"Car No.":          "car no",
		"CAR  NO":          "car no",
		"Fastest\u00a0lap": "fastest lap",
		"Pos.":             "pos",
		"Results":          "results",
		" results. ":       "results",
		"":                 "",
		"...":              "",
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestColumnAliases(t *testing.T) {
	c := V1()
	tests := []struct{ sheet, header, want string }{
		{SheetEntries, "No.", ColNo}, {SheetEntries, "No", ColNo}, {SheetEntries, "#", ColNo},
		{SheetEntries, "Car No.", ColNo}, {SheetEntries, "Number", ColNo}, {SheetEntries, "Car", ColCar},
		{SheetEntries, "Nationality", ColNat}, {SheetDrivers, "Name", ColDriver},
		{SheetResults, "Position", ColPos}, {SheetResults, "Class Pos", ColPos}, {SheetResults, "pos.", ColPos},
		{SheetResults, "FASTEST LAP", ColFastestLap}, {SheetCalendar, "Rnd", ColRound},
		{SheetPoints, "Pts", ColPoints},
	}
	for _, tt := range tests {
		s, _ := c.Sheet(tt.sheet)
		col, ok := s.Column(tt.header)
		if !ok || col.Name != tt.want {
			t.Errorf("%s: header %q matched %q (%v), want %q", tt.sheet, tt.header, col.Name, ok, tt.want)
		}
	}
	results, _ := c.Sheet(SheetResults)
	for _, h := range []string{"Car", "", "Position in class overall"} {
		if col, ok := results.Column(h); ok {
			t.Errorf("Results: header %q matched %q, want no match", h, col.Name)
		}
	}
}

// TestContractIsConsistent: names and aliases are unambiguous within each
// sheet, and help texts fit Excel's input-message limits (title 32
// characters, message 255).
func TestContractIsConsistent(t *testing.T) {
	for _, c := range []Contract{V1(), V2()} {
		t.Run("v"+c.Version, func(t *testing.T) { checkConsistent(t, c) })
	}
}

func checkConsistent(t *testing.T, c Contract) {
	for _, s := range c.Sheets {
		seen := map[string]string{}
		for _, col := range s.Columns {
			for _, h := range append([]string{col.Name}, col.Aliases...) {
				key := Normalize(h)
				if key == "" {
					t.Errorf("%s.%s: header %q normalises to nothing", s.Name, col.Name, h)
				}
				if other, dup := seen[key]; dup && other != col.Name {
					t.Errorf("%s: header %q names both %s and %s", s.Name, h, other, col.Name)
				}
				seen[key] = col.Name
			}
			if n := utf8.RuneCountInString(col.Help) + len("Required. "); n > 255 {
				t.Errorf("%s.%s: help is %d characters, Excel shows at most 255", s.Name, col.Name, n)
			}
			if utf8.RuneCountInString(col.Name) > 32 {
				t.Errorf("%s.%s: name too long for an input-message title", s.Name, col.Name)
			}
			if col.Kind == 0 || col.Width <= 0 || col.Help == "" {
				t.Errorf("%s.%s: kind, width and help must be set", s.Name, col.Name)
			}
		}
		if len(s.RequiredColumns()) == 0 {
			t.Errorf("%s: no required column, so its header row cannot be found", s.Name)
		}
	}
	for _, f := range c.Fields {
		if got, ok := c.Field(f.Name); !ok || got.Name != f.Name {
			t.Errorf("field %q does not find itself", f.Name)
		}
		for _, a := range f.Aliases {
			if got, ok := c.Field(a); !ok || got.Name != f.Name {
				t.Errorf("alias %q finds %q, want %q", a, got.Name, f.Name)
			}
		}
	}
}
