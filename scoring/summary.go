package scoring

import (
	"strconv"
	"strings"
)

// Summarize joins items with commas, at most max of them in full: "a, b, c
// and 40 more" (the count written with thousands separated: 1,980).
func Summarize(items []string, max int) string {
	if len(items) <= max {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:max], ", ") + " and " + FormatCount(len(items)-max) + " more"
}

// SummarizeInts writes numbers as Summarize does: "5, 9, 12 and 40 more".
func SummarizeInts(ns []int, max int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strconv.Itoa(n)
	}
	return Summarize(parts, max)
}

// FormatCount writes a count with thousands separated: 1,980.
func FormatCount(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
