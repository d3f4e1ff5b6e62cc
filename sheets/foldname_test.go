package sheets

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
