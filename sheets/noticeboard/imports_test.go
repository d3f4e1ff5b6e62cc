package noticeboard

import (
	"go/build"
	"strings"
	"testing"
)

// TestImports: the document is rendered from the presentation model and
// the standings alone (no workbook, no excelize); fpdf is the one
// package from outside the standard library.
func TestImports(t *testing.T) {
	pkg, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	allowed := map[string]bool{
		"github.com/podium-dev/podium/scoring":        true,
		"github.com/podium-dev/podium/sheets/present": true,
		"codeberg.org/go-pdf/fpdf":                    true,
	}
	for _, imp := range pkg.Imports {
		if strings.Contains(strings.Split(imp, "/")[0], ".") && !allowed[imp] {
			t.Errorf("noticeboard imports %s", imp)
		}
	}
}
