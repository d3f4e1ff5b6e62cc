package scoring

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// CleanText returns s as an official meant it: non-breaking and zero-width
// spaces become spaces or vanish, surrounding spaces are trimmed and runs of
// spaces inside become one space.
func CleanText(s string) string {
	if isPlainTrimmed(s) {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == '\u200b' || r == '\ufeff' || r == '\u200e' || r == '\u200f':
			continue
		case unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f':
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isPlainTrimmed reports whether s is ASCII with single inner spaces and no
// surrounding ones, the common case that CleanText leaves as it is.
func isPlainTrimmed(s string) bool {
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || c < 0x20 || c == 0x7f {
			return false
		}
		if c == ' ' {
			if prevSpace {
				return false
			}
			prevSpace = true
			continue
		}
		prevSpace = false
	}
	return !prevSpace || s == ""
}

// Distance returns the edit distance between a and b in runes, counting an
// insertion, deletion, substitution or swap of two neighbours as one edit
// (optimal string alignment), as typos go: "DSN" is one edit from "DNS".
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	twoBack := make([]int, len(rb)+1) // row i-2
	prev := make([]int, len(rb)+1)    // row i-1
	cur := make([]int, len(rb)+1)     // row i
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], twoBack[j-2]+1)
			}
		}
		twoBack, prev, cur = prev, cur, twoBack
	}
	return prev[len(rb)]
}

// Closest returns the candidate nearest to s (compared case-insensitively,
// ignoring accents, spaces, '.' and '#'; a swap of two neighbouring letters
// is one edit) when it is at most maxDist edits away, and "" otherwise:
// what "did you mean …?" offers. Ties go to the earlier candidate.
func Closest(s string, candidates []string, maxDist int) string {
	key := foldKey(s)
	best, bestDist := "", maxDist+1
	for _, c := range candidates {
		d := Distance(key, foldKey(c))
		if d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// foldKey compares loosely: lower case, no accents, no spaces, '.' or '#'.
func foldKey(s string) string {
	s = FoldName(s)
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '.' || r == '#' {
			return -1
		}
		return r
	}, s)
}

// FoldName returns the key under which two spellings of a name are the same
// person: lower case, accents removed, spacing normalised ("Sébastien  Page"
// and "sebastien page" share a key).
func FoldName(s string) string {
	if isASCII(s) { // no accents to remove: the common case, and cheap
		return strings.ToLower(CleanText(s))
	}
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, CleanText(s))
	if err != nil {
		out = CleanText(s)
	}
	return strings.ToLower(out)
}

// isASCII says whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
