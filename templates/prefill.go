package templates

// DefaultClasses returns example classes: those of the Asian Le Mans Series
// sample. A new template's class list starts empty.
func DefaultClasses() []string { return []string{"LMP2", "LMP2 Am", "LMP3", "GT", "GT Am"} }

// DefaultPoints returns the pre-filled points scheme: 25-18-15-12-10-8-6-4-2-1
// for the first ten, 0.5 for other classified finishers and 1 for pole.
func DefaultPoints() [][]any {
	rows := [][]any{}
	for i, p := range []int{25, 18, 15, 12, 10, 8, 6, 4, 2, 1} {
		rows = append(rows, []any{i + 1, p})
	}
	return append(rows, []any{"Other", 0.5}, []any{"Pole", 1})
}
