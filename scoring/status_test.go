package scoring

import "testing"

// TestParseStatusTimingWords: the words timing exports write are in the
// status vocabulary.
func TestParseStatusTimingWords(t *testing.T) {
	tests := map[string]Status{
		"Classified": Classified, "": Classified, "Finished": Classified,
		"Not classified": NotClassified, "NOT  CLASSIFIED": NotClassified, "NC": NotClassified,
		"Retired": Retired, "DNF": Retired, "Did not finish": Retired,
		"Not started": DidNotStart, "DNS": DidNotStart,
		"Disqualified": Disqualified, "DQ": Disqualified,
		"Excluded": Excluded, "Withdrawn": Withdrawn, "Did not qualify": DidNotQualify,
	}
	for in, want := range tests {
		if got, ok := ParseStatus(in); !ok || got != want {
			t.Errorf("ParseStatus(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"Running", "Finito", "?"} {
		if _, ok := ParseStatus(in); ok {
			t.Errorf("ParseStatus(%q) is known", in)
		}
	}
}

func TestSuggestStatus(t *testing.T) {
	for in, want := range map[string]string{"Retd": "Ret", "RET.": "Ret", "DSN": "DNS", "Retired ": "Ret", "Disqualifed": "DSQ", "Classifed": "a blank cell (classified)", "xyz": ""} {
		if got := SuggestStatus(in); got != want {
			t.Errorf("SuggestStatus(%q) = %q, want %q", in, got, want)
		}
	}
}
