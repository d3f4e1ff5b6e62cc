package sheets_test

import (
	"strings"
	"testing"

	"github.com/podium-dev/podium/sheets"
)

// TestRoundListsSorted: rounds listed in a message are in order, whatever
// the order of the Calendar's rows.
func TestRoundListsSorted(t *testing.T) {
	path := sheets.BookWithCalendar(t, [][]any{
		{"Round", "Code", "Race", "Date", "Factor"},
		{1, "ONE", "Race One", "2025-03-01", 1},
		{2, "TWO", "Race Two", "2025-04-01", 1},
		{5, "FIV", "Race Five", "2025-07-01", 1},
		{3, "THR", "Race Three", "2025-05-01", 2},
		{4, "FOU", "Race Four", "2025-06-01", 1},
	})
	_, err := Import(path, readTimingText(t, "race.csv", "NUMBER;POSITION\n1;1\n"), ImportOptions{Round: 9})
	if err == nil || !strings.HasSuffix(err.Error(), "round 9 (the Calendar has rounds 1–5)") {
		t.Errorf("error %v; want the rounds 1–5", err)
	}
}
