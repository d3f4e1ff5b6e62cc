package sheets

import (
	"strings"
	"unicode"

	"github.com/podium-dev/podium/scoring"
)

// nameParticles are the words of a surname written in lower case after
// the first name ("Shane van Gisbergen").
var nameParticles = map[string]bool{
	"van": true, "von": true, "der": true, "den": true, "de": true, "da": true, "di": true, "du": true,
	"la": true, "le": true, "del": true, "della": true, "dos": true, "das": true, "ten": true, "ter": true, "zu": true,
}

// romanNumerals stay in capitals ("John Smith III").
var romanNumerals = map[string]bool{"II": true, "III": true, "IV": true}

// DriverName writes a driver's name as the workbook spells names: timing
// systems write surnames in capitals ("Sebastien BUEMI", "Jakub
// ŚMIECHOWSKI"), which become "Sebastien Buemi" and "Jakub Śmiechowski".
// Words already in mixed case are kept as written.
func DriverName(s string) string {
	words := strings.Fields(scoring.CleanText(s))
	for i, w := range words {
		if !isCapitals(w) || romanNumerals[strings.TrimSuffix(w, ".")] {
			continue
		}
		lower := strings.ToLower(w)
		if i > 0 && i < len(words)-1 && nameParticles[lower] {
			words[i] = lower
			continue
		}
		words[i] = titleWord(lower)
	}
	return strings.Join(words, " ")
}

// isCapitals reports whether w has at least two letters, all upper case.
func isCapitals(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// titleWord capitalises the first letter of each part of a lower-case word
// separated by a hyphen or apostrophe ("pier-guidi" → "Pier-Guidi",
// "o'connor" → "O'Connor"), and the letter after a leading "Mc".
func titleWord(w string) string {
	r := []rune(w)
	start := true
	for i, c := range r {
		if start && unicode.IsLetter(c) {
			r[i] = unicode.ToUpper(c)
			start = false
			continue
		}
		if c == '-' || c == '\'' || c == '’' {
			start = true
		}
	}
	if len(r) > 3 && r[0] == 'M' && r[1] == 'c' {
		r[2] = unicode.ToUpper(r[2])
	}
	return string(r)
}
