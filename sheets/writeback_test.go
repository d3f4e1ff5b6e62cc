package sheets

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
)

// Attributes excelize does not model, which change what the organiser's
// workbook means when dropped: sheet protection flags, icon-set
// thresholds, gridLinesSet, fullCalcOnLoad, workbook protection.
const (
	protection = `<sheetProtection password="CC3D" sheet="1" objects="1" scenarios="1" insertRows="false" deleteRows="false"/>`
	iconSet    = `<conditionalFormatting sqref="B2:B3"><cfRule type="iconSet" priority="1"><iconSet iconSet="3Arrows"><cfvo type="percent" val="0"/><cfvo type="percent" val="33" gte="0"/><cfvo type="percent" val="67" gte="0"/></iconSet></cfRule></conditionalFormatting>`
	printOpts  = `<printOptions gridLines="1" gridLinesSet="0"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`
	calcPr     = `<calcPr calcId="191029" fullCalcOnLoad="1"/>`
	wbProtect  = `<workbookProtection lockStructure="0" lockWindows="1"/>`
)

// protectedWorkbook is organiserWorkbook with its Budget sheet protected
// (rows may not be inserted or deleted), an icon set whose thresholds use
// gte="0", print options with gridLinesSet, and a workbook that is
// recalculated on load and has its windows locked.
func protectedWorkbook(t *testing.T) string {
	t.Helper()
	path := organiserWorkbook(t)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	data = rezip(t, data, func(name string, b []byte) []byte {
		switch name {
		case "xl/worksheets/sheet10.xml":
			b = bytes.Replace(b, []byte("</sheetData>"), []byte("</sheetData>"+protection), 1)
			b = bytes.Replace(b, []byte("<dataValidations"), []byte(iconSet+"<dataValidations"), 1)
			b = bytes.Replace(b, []byte("<drawing"), []byte(printOpts+"<drawing"), 1)
		case "xl/workbook.xml":
			b = bytes.Replace(b, []byte(`<calcPr calcId="122211"></calcPr>`), []byte(calcPr), 1)
			b = bytes.Replace(b, []byte("<bookViews>"), []byte(wbProtect+"<bookViews>"), 1)
		}
		return b
	})
	for _, want := range []string{protection, iconSet, printOpts, calcPr, wbProtect} {
		if !strings.Contains(string(partOf(t, data, "xl/worksheets/sheet10.xml"))+string(partOf(t, data, "xl/workbook.xml")), want) {
			t.Fatalf("the test workbook lacks %s", want)
		}
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// partOf returns one part of a package.
func partOf(t *testing.T, data []byte, name string) []byte {
	t.Helper()
	p, err := readPackage(data, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	b, _ := p.read(name)
	return b
}

// TestCheckWellFormed: the check catches what Go's decoder lets through
// (undeclared prefixes, repeated attributes) as well as what it catches.
func TestCheckWellFormed(t *testing.T) {
	tests := []struct {
		in, want string
		// lenient: encoding/xml gives another verdict (a byte order mark;
		// no space between attributes; a document type declaration).
		lenient bool
	}{
		{`<a xmlns:r="u"><b r:id="1"/></a>`, "", false},
		{`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" + `<r:a xmlns:r="u"><!-- c --><![CDATA[<x>]]></r:a>`, "", false},
		{`<a><b xml:space="preserve">&lt;&#x41;&#65;&amp;</b ></a>`, "", false},
		{"\xEF\xBB\xBF<a b='1'\n c=\"2\"/>", "", true},
		{`<a><b r:id="1"/></a>`, "attribute r:id of <b> uses the prefix r, which is not declared", false},
		{`<a><r:b/></a>`, "element <r:b> uses the prefix r, which is not declared", false},
		{`<a><b xmlns:r="u"/><c r:id="1"/></a>`, "attribute r:id of <c> uses the prefix r, which is not declared", false},
		{`<a><b></c></a>`, "unexpected end tag </c>", false},
		{`<a x="1" x="2"/>`, "element <a> repeats the attribute x", false},
		{`<a/><b/>`, "more than one root element", false},
		{`<a>`, "element <a> is not closed", false},
		{``, "no root element", false},
		{`<a/>x`, "text outside the root element", false},
		{`<a>&nbsp;</a>`, "at byte 3: unknown entity &nbsp;", false},
		{`<a>&#1;</a>`, "at byte 3: invalid character reference &#1;", false},
		{"<a>\x01</a>", "at byte 3: illegal character code U+0001", false},
		{`<a b="<"/>`, "at byte 5: attribute b of <a>: a < in the value", false},
		{`<a b=1/>`, "at byte 5: attribute b of <a>: the value is not quoted", false},
		{`<a b="1"c="2"/>`, "at byte 8: expected white space before an attribute of <a>", true},
		{`<!DOCTYPE a><a/>`, "at byte 0: a document type declaration", true},
		{`<?xml version="1.0" encoding="UTF-16"?><a/>`, "at byte 39: encoding \"UTF-16\" declared, not UTF-8", false},
		{"<a>\xff</a>", "it is not valid UTF-8", false},
	}
	for _, tt := range tests {
		err := checkWellFormed([]byte(tt.in))
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("checkWellFormed(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if ref := decoderWellFormed(strings.NewReader(tt.in)); (ref == nil) != (err == nil) && !tt.lenient {
			t.Errorf("%q: encoding/xml says %v", tt.in, ref)
		}
	}
}

// FuzzCheckWellFormed holds checkWellFormed to encoding/xml: whatever the
// decoder (with the namespace and attribute checks it lacks) refuses,
// checkWellFormed refuses too.
func FuzzCheckWellFormed(f *testing.F) {
	for _, seed := range []string{`<a xmlns:r="u"><b r:id="1">t&amp;</b><![CDATA[x]]><!--c--></a>`, `<?xml version="1.0"?><a b='1'/>`, `<a><b></a>`} {
		f.Add([]byte(seed))
	}
	data, _ := os.ReadFile(almsPath)
	if p, err := readPackage(data, DefaultLimits()); err == nil {
		for _, name := range []string{"xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml"} {
			if b, ok := p.read(name); ok {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if bytes.Contains(data, []byte("<!")) && !bytes.Contains(data, []byte("<!--")) && !bytes.Contains(data, []byte("<![CDATA[")) {
			return // document type declarations: refused by checkWellFormed alone
		}
		fast, ref := checkWellFormed(data), decoderWellFormed(bytes.NewReader(data))
		if ref != nil && fast == nil {
			t.Errorf("%q: encoding/xml refuses it (%v), checkWellFormed does not", data, ref)
		}
	})
}

// sheetList returns the sheets of the workbook at path.
func sheetList(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := readPackage(data, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	names, _ := p.sheets()
	return names
}

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
			if err := checkWellFormed(got); err != nil {
				t.Error(err)
			}
		})
	}
}

// decoderWellFormed is checkWellFormed built on encoding/xml, the
// reference FuzzCheckWellFormed holds checkWellFormed to. It reports the
// first reason the XML part is not well-formed: a syntax error, mismatched tags, a repeated attribute, or
// an element or attribute prefix that no xmlns declaration in scope binds
// (which Go's decoder passes silently and Excel refuses).
func decoderWellFormed(r io.Reader) error {
	dec := xml.NewDecoder(bufio.NewReaderSize(r, 64<<10))
	type open struct {
		name     xml.Name
		declared []string
	}
	var stack []open
	inScope := func(prefix string) bool {
		if prefix == "xml" || prefix == "xmlns" {
			return true
		}
		for i := len(stack) - 1; i >= 0; i-- {
			for _, p := range stack[i].declared {
				if p == prefix {
					return true
				}
			}
		}
		return false
	}
	roots := 0
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) == 0 {
				roots++
				if roots > 1 {
					return errors.New("more than one root element")
				}
			}
			var declared []string
			for i, a := range t.Attr {
				for _, b := range t.Attr[:i] { // elements have few attributes
					if a.Name == b.Name {
						return fmt.Errorf("element <%s> repeats the attribute %s", rawName(t.Name), rawName(a.Name))
					}
				}
				if a.Name.Space == "xmlns" {
					declared = append(declared, a.Name.Local)
				}
			}
			stack = append(stack, open{t.Name, declared})
			if t.Name.Space != "" && !inScope(t.Name.Space) {
				return fmt.Errorf("element <%s> uses the prefix %s, which is not declared", rawName(t.Name), t.Name.Space)
			}
			for _, a := range t.Attr {
				if a.Name.Space != "" && !inScope(a.Name.Space) {
					return fmt.Errorf("attribute %s of <%s> uses the prefix %s, which is not declared", rawName(a.Name), rawName(t.Name), a.Name.Space)
				}
			}
		case xml.EndElement:
			if len(stack) == 0 || stack[len(stack)-1].name != t.Name {
				return fmt.Errorf("unexpected end tag </%s>", rawName(t.Name))
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 0 && len(bytes.TrimSpace(t)) > 0 {
				return errors.New("text outside the root element")
			}
		}
	}
	if roots == 0 {
		return errors.New("no root element")
	}
	if len(stack) > 0 {
		return fmt.Errorf("element <%s> is not closed", rawName(stack[len(stack)-1].name))
	}
	return nil
}
