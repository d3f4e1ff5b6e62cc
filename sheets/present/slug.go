package present

import (
	"strings"

	"github.com/podium-dev/podium/scoring"
)

// Slug makes a file-name part from a name (a classification, a
// championship): lower-case ASCII letters, digits and dashes ("LMP2 Am" →
// "lmp2-am", "Côte" → "cote"), at most 60 characters, "class" when nothing
// is left, so that no path separator or odd character can leave the
// folder. The press pack's CSV files and the web pages are named with it.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range scoring.FoldName(name) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	s := b.String()
	if len(s) > 60 {
		s = strings.TrimRight(s[:60], "-")
	}
	if s == "" {
		s = "class"
	}
	return s
}
