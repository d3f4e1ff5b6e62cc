package sheets

import (
	"testing"
	"unicode/utf8"
)

// TestVariantHash checks that a variant's hash is the hash of the name
// with that character deleted, accents and invalid bytes included.
func TestVariantHash(t *testing.T) {
	for _, s := range []string{"driver 12-1 name", "sébastien buemi", "ab\xffcd", "x"} {
		r := []rune(s)
		if got, want := variantHash(s, -1), variantHash(string(r), -1); got != want {
			t.Errorf("%q: whole %x, want %x", s, got, want)
		}
		for j := range utf8.RuneCountInString(s) {
			del := string(r[:j]) + string(r[j+1:])
			if got, want := variantHash(s, j), variantHash(del, -1); got != want {
				t.Errorf("%q without %d: %x, want %x (%q)", s, j, got, want, del)
			}
		}
		if variantHash(s, -1) == variantHash(s+"a", -1) {
			t.Errorf("%q: same hash as with a letter more", s)
		}
	}
}
