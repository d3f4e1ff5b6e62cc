package writeback

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/podium-dev/podium/sheets/ooxml"
)

// withoutSheets returns a copy of the package data without the given
// sheets, removed part by part as excelize's DeleteSheet would remove
// them: their elements of the workbook's sheet list, the defined names
// scoped to them (the others' sheet indexes follow), their workbook
// relationships, the parts that belong to them alone (owned: worksheets,
// drawings, charts, their relationships) and those parts' content types.
// The tabs of the window stay within the sheets, and a calculation chain
// that lists cells of the removed sheets is dropped (a cache Excel
// rebuilds) and added to owned. Every other part is copied still
// compressed.
//
// DeleteSheet parses, and so re-serialises, every sheet of the workbook:
// on a season of 100,000 results the Results sheet, only for CarryOver to
// put the organiser's bytes back. Removing the sheets before excelize
// opens the package leaves it nothing to parse but what podium writes.
func withoutSheets(p *ooxml.Package, data []byte, sheets []string, owned map[string]bool) ([]byte, error) {
	if len(sheets) == 0 {
		return data, nil
	}
	pp := partsOf(p)
	wbData, ok := p.Read(pp.workbook)
	if !ok {
		return nil, fmt.Errorf("%s (%s) cannot be read", pp.workbook, ooxml.PartKind(pp.workbook))
	}
	root, err := ooxml.ParseRaw(wbData, 3)
	if err != nil {
		return nil, err
	}
	refs := sheetRefs(root)
	removedIDs, removedRels := map[string]bool{}, map[string]bool{}
	newIndex := make([]int, len(refs)) // -1: removed
	var edits []ooxml.Edit
	kept := 0
	for i, s := range refs {
		if slices.Contains(sheets, s.name) {
			newIndex[i] = -1
			removedIDs[s.sheetID] = true
			removedRels[s.relID] = true
			edits = append(edits, ooxml.Edit{Start: s.el.Start, End: s.el.End, Repl: nil})
			continue
		}
		newIndex[i] = kept
		kept++
	}
	if kept == 0 {
		return nil, errors.New("the workbook would have no sheet left")
	}
	if list := root.Child("definedNames"); list != nil {
		left := 0
		var names []ooxml.Edit
		for _, d := range list.Children {
			v, scoped := d.Attr("localSheetId")
			i, err := strconv.Atoi(v)
			switch {
			case !scoped || err != nil || i < 0 || i >= len(refs):
				left++
			case newIndex[i] < 0:
				names = append(names, ooxml.Edit{Start: d.Start, End: d.End, Repl: nil})
			default:
				left++
				if newIndex[i] != i {
					names = append(names, ooxml.Edit{Start: d.Start, End: d.TagEnd, Repl: ooxml.SetAttr(wbData[d.Start:d.TagEnd], "localSheetId", strconv.Itoa(newIndex[i]))})
				}
			}
		}
		if left == 0 {
			names = []ooxml.Edit{{Start: list.Start, End: list.End, Repl: nil}}
		}
		edits = append(edits, names...)
	}
	if views := root.Child("bookViews"); views != nil {
		for _, v := range views.Children {
			tag := wbData[v.Start:v.TagEnd]
			for _, at := range []string{"activeTab", "firstSheet"} {
				s, ok := v.Attr(at)
				if !ok {
					continue
				}
				i, err := strconv.Atoi(s)
				switch {
				case err != nil || i < 0 || i >= len(refs) || newIndex[i] < 0:
					tag = ooxml.SetAttr(tag, at, "0")
				case newIndex[i] != i:
					tag = ooxml.SetAttr(tag, at, strconv.Itoa(newIndex[i]))
				}
			}
			if !bytes.Equal(tag, wbData[v.Start:v.TagEnd]) {
				edits = append(edits, ooxml.Edit{Start: v.Start, End: v.TagEnd, Repl: tag})
			}
		}
	}
	replace := map[string][]byte{pp.workbook: ooxml.ApplyEdits(wbData, edits)}

	drop := map[string]bool{}
	for part := range owned {
		drop[part] = true
	}
	// A calculation chain names its cells by sheet ID (an entry without
	// one continues the sheet of the entry before).
	var calcChain string
	for _, r := range p.Rels(pp.workbook) {
		if strings.HasSuffix(r.Type, "/calcChain") {
			calcChain = r.Target
		}
	}
	if calcChain != "" && p.Has(calcChain) {
		if cc, ok := p.Read(calcChain); ok && chainNames(cc, removedIDs) {
			drop[calcChain] = true
			owned[calcChain] = true // gone with the sheets
		}
	}
	if rels, ok := p.Read(pp.workbookRels); ok {
		replace[pp.workbookRels], err = withoutRelationships(rels, func(id, target string) bool {
			return removedRels[id] || drop[resolveTarget(pp.workbook, target)]
		})
		if err != nil {
			return nil, err
		}
	}
	if ct, ok := p.Read("[Content_Types].xml"); ok {
		replace["[Content_Types].xml"], err = withoutOverrides(ct, drop)
		if err != nil {
			return nil, err
		}
	}
	return ooxml.Rewrite(data, replace, drop)
}

// resolveTarget returns the part an internal relationship target of the
// source part names, as ooxml.Package.Rels resolves it.
func resolveTarget(source, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(target, "/")
	}
	return path.Clean(path.Join(path.Dir(source), target))
}

// chainNames reports whether a calculation chain lists a cell of one of
// the sheets (by sheet ID).
func chainNames(data []byte, ids map[string]bool) bool {
	root, err := ooxml.ParseRaw(data, 2)
	if err != nil {
		return true
	}
	current := "0"
	for _, c := range root.Children {
		if i, ok := c.Attr("i"); ok {
			current = i
		}
		if ids[current] {
			return true
		}
	}
	return false
}

// withoutRelationships returns a relationships part without the
// relationships drop selects, every other byte kept.
func withoutRelationships(data []byte, drop func(id, target string) bool) ([]byte, error) {
	root, err := ooxml.ParseRaw(data, 2)
	if err != nil {
		return nil, err
	}
	var edits []ooxml.Edit
	for _, r := range root.Children {
		id, _ := r.Attr("Id")
		target, _ := r.Attr("Target")
		if mode, _ := r.Attr("TargetMode"); mode != "External" && drop(id, target) {
			edits = append(edits, ooxml.Edit{Start: r.Start, End: r.End, Repl: nil})
		}
	}
	return ooxml.ApplyEdits(data, edits), nil
}

// withoutOverrides returns a content types part without the overrides of
// the given parts, every other byte kept.
func withoutOverrides(data []byte, parts map[string]bool) ([]byte, error) {
	root, err := ooxml.ParseRaw(data, 2)
	if err != nil {
		return nil, err
	}
	var edits []ooxml.Edit
	for _, o := range root.Children {
		name, _ := o.Attr("PartName")
		if o.Name.Local == "Override" && parts[strings.TrimPrefix(name, "/")] {
			edits = append(edits, ooxml.Edit{Start: o.Start, End: o.End, Repl: nil})
		}
	}
	return ooxml.ApplyEdits(data, edits), nil
}

// emptyWorksheet stands in for a sheet podium does not read.
const emptyWorksheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>`

// WithoutGenerated returns the package data with the worksheet parts of
// the sheets podium generated (see generatedSheets) empty, for reading:
// podium reads none of them, and excelize would otherwise unpack a
// previous run's 400,000-row Breakdown whole. The sheet list stays as it
// was. The data comes back as it is when there is nothing to empty or the
// package cannot be read here (opening it reports why).
func WithoutGenerated(data []byte, limits ooxml.Limits) []byte {
	if ooxml.Sniff(data) != ooxml.FormatZip {
		return data
	}
	p, err := ooxml.ReadPackage(data, limits)
	if err != nil {
		return data
	}
	old := generatedSheets(p)
	if len(old) == 0 {
		return data
	}
	_, parts := p.Sheets()
	replace := map[string][]byte{}
	for _, name := range old {
		if part := parts[name]; part != "" && p.Has(part) {
			replace[part] = []byte(emptyWorksheet)
		}
	}
	slim, err := ooxml.Rewrite(data, replace, nil)
	if err != nil {
		return data
	}
	return slim
}
