package scoring

import "testing"

// TestParseRequirement: every form of a Requires cell, in any case and
// spacing, and the words of a value that does not parse.
func TestParseRequirement(t *testing.T) {
	for _, tt := range []struct {
		text string
		want Requirement
		err  string
	}{
		{"", Requirement{}, ""},
		{"classified", Requirement{Kind: RequiresClassified}, ""},
		{" Classified ", Requirement{Kind: RequiresClassified}, ""},
		{"STARTED", Requirement{Kind: RequiresStarted}, ""},
		{"Any", Requirement{Kind: RequiresAny}, ""},
		{"top 10", Requirement{Kind: RequiresTop, N: 10}, ""},
		{"Top10", Requirement{Kind: RequiresTop, N: 10}, ""},
		{"TOP   3", Requirement{Kind: RequiresTop, N: 3}, ""},
		{"top", Requirement{}, `"top": top needs a whole number of at least 1, e.g. top 10`},
		{"top 0", Requirement{}, `"top 0": top needs a whole number of at least 1, e.g. top 10`},
		{"top ten", Requirement{}, `"top ten": top needs a whole number of at least 1, e.g. top 10`},
		{"finished", Requirement{}, `"finished" is not classified, started, any or top N`},
		{"10", Requirement{}, `"10" is not classified, started, any or top N`},
	} {
		got, err := ParseRequirement(tt.text)
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		if got != tt.want || msg != tt.err {
			t.Errorf("ParseRequirement(%q) = %+v, %q; want %+v, %q", tt.text, got, msg, tt.want, tt.err)
		}
		if err == nil && tt.text != "" {
			if back, _ := ParseRequirement(got.String()); back != got {
				t.Errorf("ParseRequirement(%q).String() = %q does not read back", tt.text, got.String())
			}
		}
	}
	if s := (Requirement{}).String(); s != "" {
		t.Errorf("the default requirement's String() = %q, want blank", s)
	}
}
