package sheets

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strconv"
	"strings"
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
// on a season of 100,000 results the Results sheet, only for carryOver to
// put the organiser's bytes back. Removing the sheets before excelize
// opens the package leaves it nothing to parse but what podium writes.
func (p *pkg) withoutSheets(data []byte, sheets []string, owned map[string]bool) ([]byte, error) {
	if len(sheets) == 0 {
		return data, nil
	}
	pp := p.partsOf()
	wbData, ok := p.read(pp.workbook)
	if !ok {
		return nil, fmt.Errorf("%s (%s) cannot be read", pp.workbook, partKind(pp.workbook))
	}
	root, err := parseRaw(wbData, 3)
	if err != nil {
		return nil, err
	}
	refs := sheetRefs(root)
	removedIDs, removedRels := map[string]bool{}, map[string]bool{}
	newIndex := make([]int, len(refs)) // -1: removed
	var edits []edit
	kept := 0
	for i, s := range refs {
		if slices.Contains(sheets, s.name) {
			newIndex[i] = -1
			removedIDs[s.sheetID] = true
			removedRels[s.relID] = true
			edits = append(edits, edit{s.el.start, s.el.end, nil})
			continue
		}
		newIndex[i] = kept
		kept++
	}
	if kept == 0 {
		return nil, errors.New("the workbook would have no sheet left")
	}
	if list := root.child("definedNames"); list != nil {
		left := 0
		var names []edit
		for _, d := range list.children {
			v, scoped := d.attr("localSheetId")
			i, err := strconv.Atoi(v)
			switch {
			case !scoped || err != nil || i < 0 || i >= len(refs):
				left++
			case newIndex[i] < 0:
				names = append(names, edit{d.start, d.end, nil})
			default:
				left++
				if newIndex[i] != i {
					names = append(names, edit{d.start, d.tagEnd, setAttr(wbData[d.start:d.tagEnd], "localSheetId", strconv.Itoa(newIndex[i]))})
				}
			}
		}
		if left == 0 {
			names = []edit{{list.start, list.end, nil}}
		}
		edits = append(edits, names...)
	}
	if views := root.child("bookViews"); views != nil {
		for _, v := range views.children {
			tag := wbData[v.start:v.tagEnd]
			for _, at := range []string{"activeTab", "firstSheet"} {
				s, ok := v.attr(at)
				if !ok {
					continue
				}
				i, err := strconv.Atoi(s)
				switch {
				case err != nil || i < 0 || i >= len(refs) || newIndex[i] < 0:
					tag = setAttr(tag, at, "0")
				case newIndex[i] != i:
					tag = setAttr(tag, at, strconv.Itoa(newIndex[i]))
				}
			}
			if !bytes.Equal(tag, wbData[v.start:v.tagEnd]) {
				edits = append(edits, edit{v.start, v.tagEnd, tag})
			}
		}
	}
	replace := map[string][]byte{pp.workbook: applyEdits(wbData, edits)}

	drop := map[string]bool{}
	for part := range owned {
		drop[part] = true
	}
	// A calculation chain names its cells by sheet ID (an entry without
	// one continues the sheet of the entry before).
	var calcChain string
	for _, r := range p.rels(pp.workbook) {
		if strings.HasSuffix(r.Type, "/calcChain") {
			calcChain = r.Target
		}
	}
	if calcChain != "" && p.has(calcChain) {
		if cc, ok := p.read(calcChain); ok && chainNames(cc, removedIDs) {
			drop[calcChain] = true
			owned[calcChain] = true // gone with the sheets
		}
	}
	if rels, ok := p.read(pp.workbookRels); ok {
		replace[pp.workbookRels], err = withoutRelationships(rels, func(id, target string) bool {
			return removedRels[id] || drop[resolveTarget(pp.workbook, target)]
		})
		if err != nil {
			return nil, err
		}
	}
	if ct, ok := p.read("[Content_Types].xml"); ok {
		replace["[Content_Types].xml"], err = withoutOverrides(ct, drop)
		if err != nil {
			return nil, err
		}
	}
	return p.rewrite(data, replace, drop)
}

// resolveTarget returns the part an internal relationship target of the
// source part names, as pkg.rels resolves it.
func resolveTarget(source, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(target, "/")
	}
	return path.Clean(path.Join(path.Dir(source), target))
}

// chainNames reports whether a calculation chain lists a cell of one of
// the sheets (by sheet ID).
func chainNames(data []byte, ids map[string]bool) bool {
	root, err := parseRaw(data, 2)
	if err != nil {
		return true
	}
	current := "0"
	for _, c := range root.children {
		if i, ok := c.attr("i"); ok {
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
	root, err := parseRaw(data, 2)
	if err != nil {
		return nil, err
	}
	var edits []edit
	for _, r := range root.children {
		id, _ := r.attr("Id")
		target, _ := r.attr("Target")
		if mode, _ := r.attr("TargetMode"); mode != "External" && drop(id, target) {
			edits = append(edits, edit{r.start, r.end, nil})
		}
	}
	return applyEdits(data, edits), nil
}

// withoutOverrides returns a content types part without the overrides of
// the given parts, every other byte kept.
func withoutOverrides(data []byte, parts map[string]bool) ([]byte, error) {
	root, err := parseRaw(data, 2)
	if err != nil {
		return nil, err
	}
	var edits []edit
	for _, o := range root.children {
		name, _ := o.attr("PartName")
		if o.name.Local == "Override" && parts[strings.TrimPrefix(name, "/")] {
			edits = append(edits, edit{o.start, o.end, nil})
		}
	}
	return applyEdits(data, edits), nil
}

// rewrite returns a copy of the package data with the parts in replace
// given new content and those in drop left out; the others are copied
// still compressed.
func (p *pkg) rewrite(data []byte, replace map[string][]byte, drop map[string]bool) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.Grow(len(data))
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		name := strings.TrimPrefix(zf.Name, "/")
		if drop[name] {
			continue
		}
		if content, ok := replace[name]; ok {
			w, err := zw.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: zip.Deflate})
			if err != nil {
				return nil, err
			}
			if _, err := w.Write(content); err != nil {
				return nil, err
			}
			continue
		}
		raw, err := zf.OpenRaw()
		if err != nil {
			return nil, err
		}
		w, err := zw.CreateRaw(&zf.FileHeader)
		if err != nil {
			return nil, err
		}
		if _, err := io.Copy(w, raw); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// emptyWorksheet stands in for a sheet podium does not read.
const emptyWorksheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>`

// withoutGenerated returns the package data with the worksheet parts of
// the sheets podium generated (see generatedSheets) empty, for reading:
// podium reads none of them, and excelize would otherwise unpack a
// previous run's 400,000-row Breakdown whole. The sheet list stays as it
// was. The data comes back as it is when there is nothing to empty or the
// package cannot be read here (opening it reports why).
func withoutGenerated(data []byte, limits Limits) []byte {
	if sniff(data) != formatZip {
		return data
	}
	p, err := readPackage(data, limits)
	if err != nil {
		return data
	}
	old := p.generatedSheets()
	if len(old) == 0 {
		return data
	}
	_, parts := p.sheets()
	replace := map[string][]byte{}
	for _, name := range old {
		if part := parts[name]; part != "" && p.has(part) {
			replace[part] = []byte(emptyWorksheet)
		}
	}
	slim, err := p.rewrite(data, replace, nil)
	if err != nil {
		return data
	}
	return slim
}
