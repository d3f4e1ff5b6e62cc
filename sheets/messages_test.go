package sheets

import (
	"strings"
	"testing"
)

// TestSettingAndStatusMessages: a Season setting that cannot be read is
// named, with the fix; statuses written in words are read like their codes.
func TestSettingAndStatusMessages(t *testing.T) {
	tests := []struct {
		name string
		edit func(b *book)
		want []string
	}{
		{
			name: "best results in words",
			edit: func(b *book) { b.add("Season", "Best results", "best 5") },
			want: []string{`Season!B6: setting Best results: "best 5" is not a whole number (write the number of best results that count, e.g. 5, or leave it blank when every result counts)`},
		},
		{
			name: "best results zero, under another name",
			edit: func(b *book) { b.add("Season", "Results counting", 0) },
			want: []string{`Season!B6: setting Results counting (Best results): "0" is less than 1 (write the number of best results that count, e.g. 5, or leave it blank when every result counts)`},
		},
		{
			name: "classification threshold not a percentage",
			edit: func(b *book) { b.add("Season", "Classification threshold", "most laps") },
			want: []string{`Season!B6: setting Classification threshold: "most laps" is not a percentage (write the share of the winner's laps a car must complete, e.g. 70%)`},
		},
		{
			name: "statuses in words",
			edit: func(b *book) {
				b.set("Results", "D9", "Did not start")
				b.set("Results", "D8", "did not finish")
				b.set("Results", "C8", nil)
				b.set("Results", "D7", "Disqualified")
				b.set("Results", "C7", nil)
			},
			want: nil,
		},
		{
			name: "a status in words mistyped",
			edit: func(b *book) { b.set("Results", "D9", "Did not strat") },
			want: []string{`Results!D9: status "Did not strat" is not a status code (did you mean DNS?)`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := baseBook()
			tt.edit(b)
			_, diags := readBook(t, b)
			got := diagLines(diags)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("diagnostics:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(tt.want, "\n      "))
			}
		})
	}
}
