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

// SprintScheme is the name of the example points scheme a v2 template
// pre-fills: a sprint race paying 8-7-6-5-4-3-2-1.
const SprintScheme = "Sprint"

// SprintPoints returns the v2 template's example sprint scheme, as rows of
// the v2 Points sheet (Award, Points, Class, Scheme): 8-7-6-5-4-3-2-1 for
// the first eight, paid by the races whose Calendar Scheme is Sprint.
func SprintPoints() [][]any {
	rows := [][]any{}
	for i, p := range []int{8, 7, 6, 5, 4, 3, 2, 1} {
		rows = append(rows, []any{i + 1, p, nil, SprintScheme})
	}
	return rows
}
