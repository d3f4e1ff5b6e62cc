package scoring

import (
	"strings"
	"testing"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
	"unicode"
)

// TestFoldNameFastPath: FoldName's shortcut for ASCII names folds as the
// full Unicode path does (accents off, case folded, spaces cleaned).
func TestFoldNameFastPath(t *testing.T) {
	slow := func(s string) string {
		out, _, err := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), CleanText(s))
		if err != nil {
			t.Fatal(err)
		}
		return strings.ToLower(out)
	}
	for _, tc := range []struct{ in, want string }{
		{"Driver 12-1 Name", "driver 12-1 name"},
		{"  Paul   LOUX ", "paul loux"},
		{"Côme Ledogar", "come ledogar"},
		{"Śmiechowski", "smiechowski"},
		{"A\u00a0B\tc", "a b c"},
		{"", ""},
		{"O'Neil-SMITH", "o'neil-smith"},
	} {
		if got := FoldName(tc.in); got != tc.want || got != slow(tc.in) {
			t.Errorf("FoldName(%q) = %q, want %q (full path %q)", tc.in, got, tc.want, slow(tc.in))
		}
	}
}

func TestCleanText(t *testing.T) {
	for in, want := range map[string]string{
		"Team One":               "Team One",
		"  Team\u00a0One  ":      "Team One",
		"Team   One":             "Team One",
		"\ufeffTeam\u200b One\t": "Team One",
		"Sébastien Page":         "Sébastien Page",
		"":                       "",
		" ":                      "",
	} {
		if got := CleanText(in); got != want {
			t.Errorf("CleanText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"", "abc", 3}, {"Ret", "Ret", 0}, {"Retd", "Ret", 1},
		{"DSN", "DNS", 1}, {"ab", "ba", 1}, {"Trouillet", "Trouilllet", 1}, {"kitten", "sitting", 3},
		{"Sébastien", "Sebastien", 1}, {"ca", "abc", 3},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
