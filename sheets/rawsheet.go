package sheets

import (
	"bytes"
	"encoding/xml"
)

// The worksheet facts podium needs beyond cell values — merged ranges and
// whether any formula is present — would make excelize load the whole
// worksheet into memory (GetMergeCells, GetCellFormula), several times the
// cost of streaming its rows. sheetFacts reads them from the raw part
// instead: the mergeCells element follows sheetData, so it is found without
// parsing the rows.

// sheetFacts is what a raw scan of a worksheet part tells.
type sheetFacts struct {
	merges     []string // ranges such as "A2:A4"
	hasFormula bool
}

// rawSheetFacts scans the sheet's part when excelize holds it in memory.
// It reports false when the part cannot be found, so that the caller falls
// back to excelize's own (slower) functions.
func (w *Workbook) rawSheetFacts(sheet string) (sheetFacts, bool) {
	data, ok := w.scan.SheetPart(sheet)
	if !ok {
		return sheetFacts{}, false
	}
	return scanSheetXML(data)
}

// scanSheetXML finds merged ranges and formulas in worksheet XML. The
// formula test is coarse (it may say yes for a sheet without formulas, which
// only costs time) but never says no for a sheet with one.
func scanSheetXML(data []byte) (sheetFacts, bool) {
	facts := sheetFacts{hasFormula: hasFormulaMarker(data)}
	end := bytes.LastIndex(data, []byte("sheetData>"))
	if end < 0 {
		return facts, true // no rows: nothing merged that matters
	}
	tail := data[end:]
	start := bytes.Index(tail, []byte("mergeCells"))
	if start < 0 {
		return facts, true
	}
	lt := bytes.LastIndexByte(tail[:start], '<')
	if lt < 0 {
		return facts, false
	}
	dec := xml.NewDecoder(bytes.NewReader(tail[lt:]))
	for {
		tok, err := dec.Token()
		if err != nil {
			return facts, false
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if el.Name.Local == "mergeCell" {
				for _, a := range el.Attr {
					if a.Name.Local == "ref" {
						facts.merges = append(facts.merges, a.Value)
					}
				}
			}
		case xml.EndElement:
			if el.Name.Local == "mergeCells" {
				return facts, true
			}
		}
	}
}

// hasFormulaMarker reports whether data holds "<f>", "<f ", "<f/>", ":f>"
// or ":f " (a formula cell's <f> element, with or without a namespace
// prefix), in one pass: each 'f' is looked at with the bytes around it. (A search for
// each marker in turn would stop at every '<' of the sheet, five times.)
func hasFormulaMarker(data []byte) bool {
	for i := 1; i < len(data)-1; {
		j := bytes.IndexByte(data[i:len(data)-1], 'f')
		if j < 0 {
			return false
		}
		p := i + j
		before, after := data[p-1], data[p+1]
		switch {
		case (before == '<' || before == ':') && (after == '>' || after == ' '):
			return true
		case before == '<' && after == '/' && p+2 < len(data) && data[p+2] == '>':
			return true
		}
		i = p + 1
	}
	return false
}
