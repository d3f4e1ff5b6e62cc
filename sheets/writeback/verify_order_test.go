package writeback

import (
	"os"
	"slices"
	"testing"

	"github.com/podium-dev/podium/sheets/ooxml"
)

// swap returns a reorder exchanging the sheets named a and b.
func swap(a, b string) func([]string) []string {
	return func(names []string) []string {
		i, j := slices.Index(names, a), slices.Index(names, b)
		names[i], names[j] = names[j], names[i]
		return names
	}
}

// TestVerifyWriteBackSheetOrder: organiser sheets that changed places are
// named as the one loss, "the order of the sheets". The sheets swapped
// (Lists and Budget) have no sheet-scoped defined names, so nothing else
// tells the change: without the order check the write-back would pass.
func TestVerifyWriteBackSheetOrder(t *testing.T) {
	orig, err := os.ReadFile(organiserWorkbook(t))
	if err != nil {
		t.Fatal(err)
	}
	updated := rezip(t, orig, reorderSheets(t, swap("Lists", "Budget")))
	after, err := ooxml.ReadPackage(updated, ooxml.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if names, _ := after.Sheets(); !slices.Equal(names[len(names)-2:], []string{"Budget", "Lists"}) {
		t.Fatalf("the sheets were not swapped: %q", names)
	}
	lost, err := VerifyWriteBack(orig, updated, nil, nil, ooxml.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"the order of the sheets"}; !slices.Equal(lost, want) {
		t.Errorf("lost = %q, want %q", lost, want)
	}
}
