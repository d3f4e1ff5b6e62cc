package writeback

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/podium-dev/podium/sheets/ooxml"
)

// keep is the identity edit for rezip.
func keep(_ string, b []byte) []byte { return b }

// cutElement is a rezip edit removing the element from open to close in
// one part.
func cutElement(part, open, close string) func(string, []byte) []byte {
	return func(name string, b []byte) []byte {
		if name != part {
			return b
		}
		i := bytes.Index(b, []byte(open))
		j := bytes.Index(b, []byte(close))
		return append(append([]byte{}, b[:i]...), b[j+len(close):]...)
	}
}

// TestVerifyWriteBack: each kind of loss is named, and nothing is named
// when all is kept.
func TestVerifyWriteBack(t *testing.T) {
	orig, err := os.ReadFile(organiserWorkbook(t))
	if err != nil {
		t.Fatal(err)
	}
	withMacros := rezip(t, orig, keep, zipPart{Name: "xl/vbaProject.bin", Data: []byte("\xd0\xcf\x11\xe0 macros")})
	replace := func(part, old, new string) func(string, []byte) []byte {
		return func(name string, b []byte) []byte {
			if name == part {
				return bytes.Replace(b, []byte(old), []byte(new), 1)
			}
			return b
		}
	}
	tests := []struct {
		name    string
		orig    []byte
		updated []byte
		want    string
	}{
		{"nothing lost", orig, orig, ""},
		{"a part dropped", withMacros, orig, "xl/vbaProject.bin (macros (VBA))"},
		{"an opaque part changed", withMacros, rezip(t, withMacros, replace("xl/vbaProject.bin", "macros", "MACROS")), "xl/vbaProject.bin (macros (VBA)) would change"},
		{"a formula changed", orig, rezip(t, orig, replace("xl/worksheets/sheet10.xml", "SUM(B2:B3)", "SUM(B2:B2)")), "sheet Budget: the formula in B4"},
		{"a value changed", orig, rezip(t, orig, replace("xl/worksheets/sheet10.xml", "<v>1200</v>", "<v>1300</v>")), `sheet Budget, cell B2: "1200" would become "1300"`},
		{"a shared string changed", orig, rezip(t, orig, replace("xl/sharedStrings.xml", "<si><t>", "<si><t>Changed ")), `would become "Changed `},
		{"a sheet element dropped", orig, rezip(t, orig, cutElement("xl/worksheets/sheet10.xml", "<dataValidations", "</dataValidations>")), "sheet Budget: its dataValidations"},
		{"a defined name dropped", orig, rezip(t, orig, cutElement("xl/workbook.xml", "<definedNames>", "</definedNames>")), "the defined name Costs (Budget!$B$2:$B$3)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lost, err := VerifyWriteBack(tt.orig, tt.updated, nil, nil, ooxml.DefaultLimits())
			if err != nil {
				t.Fatal(err)
			}
			got := strings.Join(lost, "; ")
			if tt.want == "" && got != "" || tt.want != "" && !strings.Contains(got, tt.want) {
				t.Errorf("lost = %q, want %q", got, tt.want)
			}
		})
	}
}
