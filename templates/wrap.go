package templates

import (
	"strings"
	"unicode/utf8"
)

// WrappedLines estimates how many lines text takes when it wraps in a
// spreadsheet column width characters wide, breaking at spaces as Excel and
// LibreOffice do: the template's help rows and the standings' Issues rows
// are made that tall.
func WrappedLines(text string, width float64) int {
	lines := 0
	for _, para := range strings.Split(text, "\n") {
		n, col := 1, 0
		for _, word := range strings.Fields(para) {
			w := utf8.RuneCountInString(word)
			switch {
			case col == 0:
				col = w
			case float64(col+1+w) > width*0.9: // proportional fonts run a little wider
				n++
				col = w
			default:
				col += 1 + w
			}
		}
		lines += n
	}
	return lines
}
