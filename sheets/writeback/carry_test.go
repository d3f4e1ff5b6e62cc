package writeback

import (
	"testing"

	"github.com/podium-dev/podium/sheets/ooxml"
)

// TestPatchParts: the workbook, styles and shared strings parts are
// patched in place, whatever their layout: prefixed elements, lists that
// are missing or empty; every result is well-formed.
func TestPatchParts(t *testing.T) {
	const (
		ns  = `xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
		ns2 = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	)
	tests := []struct {
		name  string
		patch func(a, b []byte) ([]byte, error)
		a, b  string
		want  string
	}{
		{"prefixed workbook without names",
			func(a, b []byte) ([]byte, error) { return patchWorkbook(a, b, []string{"Old"}, []string{"T"}) },
			`<x:workbook ` + ns + `><x:bookViews><x:workbookView activeTab="2"/></x:bookViews><x:sheets><x:sheet name="A" sheetId="1" r:id="rId1"/><x:sheet name="Old" sheetId="2" r:id="rId2"/><x:sheet name="Old2" sheetId="3" r:id="rId3"/></x:sheets><x:calcPr fullCalcOnLoad="1"/></x:workbook>`,
			`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="A" sheetId="1" r:id="rId1"></sheet><sheet name="T" sheetId="4" r:id="rId5"></sheet></sheets><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">T!$1:$1</definedName></definedNames></workbook>`,
			`<x:workbook ` + ns + `><x:bookViews><x:workbookView activeTab="0"/></x:bookViews><x:sheets><x:sheet name="A" sheetId="1" r:id="rId1"/><x:sheet name="T" sheetId="4" r:id="rId5"/></x:sheets><x:definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1" xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">T!$1:$1</definedName><x:definedName name="podium.generated" localSheetId="1" hidden="1">&#34;T&#34;</x:definedName></x:definedNames><x:calcPr fullCalcOnLoad="1"/></x:workbook>`},
		{"organiser's scoped name follows its sheet",
			func(a, b []byte) ([]byte, error) { return patchWorkbook(a, b, []string{"Old"}, nil) },
			`<workbook ` + ns2 + `><sheets><sheet name="Old" sheetId="1" r:id="rId1"/><sheet name="A" sheetId="2" r:id="rId2"/></sheets><definedNames><definedName name="Area" localSheetId="1" comment="kept">A!$A$1</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">Old!$1:$1</definedName></definedNames></workbook>`,
			`<workbook ` + ns2 + `><sheets><sheet name="A" sheetId="2" r:id="rId2"/></sheets><definedNames><definedName name="Area" localSheetId="0">A!$A$1</definedName></definedNames></workbook>`,
			`<workbook ` + ns2 + `><sheets><sheet name="A" sheetId="2" r:id="rId2"/></sheets><definedNames><definedName name="Area" localSheetId="0" comment="kept">A!$A$1</definedName></definedNames></workbook>`},
		{"styles: an empty list, a missing one",
			patchStyles,
			`<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1" x14ac:knownFonts="1" xmlns:x14ac="u"><font><sz val="11"/></font></fonts><cellXfs count="0"/><tableStyles count="0"/></styleSheet>`,
			`<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"></sz></font><font><b/></font></fonts><cellXfs count="1"><xf fontId="1"/></cellXfs><dxfs count="1"><dxf><fill/></dxf></dxfs><tableStyles count="0"></tableStyles></styleSheet>`,
			`<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2" x14ac:knownFonts="1" xmlns:x14ac="u"><font><sz val="11"/></font><font><b/></font></fonts><cellXfs count="1"><xf fontId="1"/></cellXfs><dxfs count="1"><dxf><fill/></dxf></dxfs><tableStyles count="0"/></styleSheet>`},
		{"shared strings",
			patchSharedStrings,
			`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="1"><si><t xml:space="preserve"> a</t><phoneticPr fontId="1"/></si></sst>`,
			`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5" uniqueCount="2"><si><t> a</t></si><si><t>b</t></si></sst>`,
			`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5" uniqueCount="2"><si><t xml:space="preserve"> a</t><phoneticPr fontId="1"/></si><si><t>b</t></si></sst>`},
		{"no shared strings before",
			patchSharedStrings,
			`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>`,
			`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>b</t></si></sst>`,
			`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>b</t></si></sst>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.patch([]byte(tt.a), []byte(tt.b))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			if err := ooxml.CheckWellFormed(got); err != nil {
				t.Error(err)
			}
		})
	}
}
