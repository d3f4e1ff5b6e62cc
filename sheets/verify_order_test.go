package sheets

import (
	"bytes"
	"os"
	"regexp"
	"slices"
	"testing"

	"github.com/podium-dev/podium/sheets/ooxml"
)

// sheetElement matches one sheet of xl/workbook.xml's sheet list and
// captures its name.
var sheetElement = regexp.MustCompile(`<sheet [^>]*?name="([^"]*)"[^>]*?(?:/>|></sheet>)`)

// reorderSheets is a rezip edit that puts the sheets of xl/workbook.xml in
// the order reorder gives their names, and changes nothing else: not the
// sheet parts, not the defined names (so that only the order differs when
// the sheets moved have no sheet-scoped names).
func reorderSheets(t *testing.T, reorder func(names []string) []string) func(string, []byte) []byte {
	return func(name string, b []byte) []byte {
		if name != "xl/workbook.xml" {
			return b
		}
		start := bytes.Index(b, []byte("<sheets>"))
		end := bytes.Index(b, []byte("</sheets>"))
		if start < 0 || end < start {
			t.Fatal("xl/workbook.xml has no sheet list")
		}
		list := b[start+len("<sheets>") : end]
		elements := map[string][]byte{}
		var names []string
		for _, m := range sheetElement.FindAllSubmatch(list, -1) {
			names = append(names, string(m[1]))
			elements[string(m[1])] = m[0]
		}
		order := reorder(slices.Clone(names))
		if len(order) != len(names) {
			t.Fatalf("reorder gave %q for %q", order, names)
		}
		var out []byte
		out = append(out, b[:start+len("<sheets>")]...)
		for _, n := range order {
			out = append(out, elements[n]...)
		}
		return append(out, b[end:]...)
	}
}

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
	lost, err := verifyWriteBack(orig, updated, nil, nil, ooxml.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"the order of the sheets"}; !slices.Equal(lost, want) {
		t.Errorf("lost = %q, want %q", lost, want)
	}
}
