package writeback

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/podium-dev/podium/sheets/ooxml"
)

// excelize re-serialises every part it has parsed, and DeleteSheet parses
// every sheet: what it does not model (sheet protection flags such as
// insertRows="false", icon-set thresholds with gte="0", gridLinesSet,
// calcPr fullCalcOnLoad…) would be dropped silently. So podium never
// writes an organiser's part as excelize serialised it: CarryOver takes
// excelize's package for the new standings sheets and puts every other
// part back as the organiser's file had it, byte for byte. The few
// package-wide parts a write-back must change are patched, not
// re-serialised: the sheet list and defined names of the workbook part,
// and the entries excelize appended to the styles and shared strings.

// generatedMarker is the hidden defined name, scoped to a sheet, that marks
// a sheet podium generated; its value is the sheet's name when written, so
// that a copy of the sheet made in Excel ("LMP2 Teams (2)") is not taken
// for podium's. Unlike a custom document property it survives tools that
// drop those (openpyxl, online editors).
const generatedMarker = "podium.generated"

// packageParts names the parts of a package a write-back changes beside
// the sheets.
type packageParts struct {
	workbook, workbookRels, styles, sharedStrings string
}

// partsOf finds the workbook part (from the package relationships) and its
// styles and shared strings.
func partsOf(p *ooxml.Package) packageParts {
	pp := packageParts{workbook: "xl/workbook.xml"}
	for _, r := range p.Rels("") {
		if strings.HasSuffix(r.Type, "/officeDocument") && r.TargetMode != "External" {
			pp.workbook = r.Target
		}
	}
	dir, base := path.Split(pp.workbook)
	pp.workbookRels = dir + "_rels/" + base + ".rels"
	for _, r := range p.Rels(pp.workbook) {
		switch {
		case strings.HasSuffix(r.Type, "/styles"):
			pp.styles = r.Target
		case strings.HasSuffix(r.Type, "/sharedStrings"):
			pp.sharedStrings = r.Target
		}
	}
	return pp
}

// rewritten reports whether a write-back takes the part from excelize (it
// lists parts: content types, relationships, custom properties, the
// calculation chain): VerifyCarried compares every entry of these.
func (pp packageParts) rewritten(name string) bool {
	switch name {
	case "[Content_Types].xml", "_rels/.rels", pp.workbookRels, "docProps/custom.xml", "xl/calcChain.xml":
		return true
	}
	return false
}

// patched reports whether a write-back patches the original part.
func (pp packageParts) patched(name string) bool {
	return name == pp.workbook || name != "" && (name == pp.styles || name == pp.sharedStrings)
}

// CarryOver returns the package to write: the parts of excelize's package
// (updated) that are new or belong to the replaced sheets (owned) as
// excelize wrote them, every other part the original holds byte for byte,
// and the workbook, styles and shared strings parts patched. replaced are
// the sheets of the previous run, generated the standings sheets written,
// to be marked. The worksheet parts in edited (an import's Results) take
// excelize's cell data into the organiser's part: all of it, or the rows
// the part's ooxml.RowKeep names (see ooxml.PatchSheet).
func CarryOver(orig []byte, before *ooxml.Package, updated []byte, owned map[string]bool, edited map[string]*ooxml.RowKeep, replaced, generated []string, limits ooxml.Limits) ([]byte, error) {
	after, err := ooxml.ReadPackage(updated, limits)
	if err != nil {
		return nil, err
	}
	pp := partsOf(before)
	var names []string
	for name := range after.Files {
		names = append(names, name)
	}
	sort.Strings(names)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, name := range names {
		switch {
		case before.Has(name) && isEdited(edited, name):
			a, okA := before.Read(name)
			b, okB := after.Read(name)
			if !okA || !okB {
				return nil, fmt.Errorf("%s cannot be read", name)
			}
			patched, err := ooxml.PatchSheet(a, b, edited[name])
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			if err := writePart(zw, name, patched); err != nil {
				return nil, err
			}
		case before.Has(name) && pp.patched(name):
			a, okA := before.Read(name)
			b, okB := after.Read(name)
			if !okA || !okB {
				return nil, fmt.Errorf("%s cannot be read", name)
			}
			var patched []byte
			switch name {
			case pp.workbook:
				patched, err = patchWorkbook(a, b, replaced, generated)
			case pp.styles:
				patched, err = patchStyles(a, b)
			default:
				patched, err = patchSharedStrings(a, b)
			}
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			if err := writePart(zw, name, patched); err != nil {
				return nil, err
			}
		case before.Has(name) && !owned[name] && !pp.rewritten(name):
			if err := copyRaw(zw, before.Files[name], name); err != nil {
				return nil, err
			}
		default:
			if err := copyRaw(zw, after.Files[name], name); err != nil {
				return nil, err
			}
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func isEdited(edited map[string]*ooxml.RowKeep, name string) bool { _, ok := edited[name]; return ok }

// writePart adds a part to the new package, compressed.
func writePart(zw *zip.Writer, name string, data []byte) error {
	w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// copyRaw copies a part into the new package as it is, still compressed.
func copyRaw(zw *zip.Writer, zf *zip.File, name string) error {
	raw, err := zf.OpenRaw()
	if err != nil {
		return err
	}
	h := zf.FileHeader
	h.Name = name
	w, err := zw.CreateRaw(&h)
	if err != nil {
		return err
	}
	_, err = io.Copy(w, raw)
	return err
}

// withPrefix returns an element name with the prefix of like.
func withPrefix(like xml.Name, local string) string {
	return ooxml.RawName(xml.Name{Space: like.Space, Local: local})
}

// foreign returns an element of excelize's part to insert where the
// original binds another default namespace than SpreadsheetML's (a part
// written with prefixes, such as <x:styleSheet>): it then declares its
// own.
func foreign(data []byte, e *ooxml.RawElem, prefixed bool) []byte {
	el := data[e.Start:e.End]
	if !prefixed {
		return el
	}
	tag := ooxml.SetAttr(data[e.Start:e.TagEnd], "xmlns", ooxml.MainNS)
	return ooxml.Concat(tag, data[e.TagEnd:e.End])
}

// sheetRef is a sheet element of a workbook part.
type sheetRef struct {
	el      *ooxml.RawElem
	name    string
	sheetID string
	relID   string
	state   string
}

func sheetRefs(root *ooxml.RawElem) []sheetRef {
	list := root.Child("sheets")
	if list == nil {
		return nil
	}
	var out []sheetRef
	for _, s := range list.Children {
		if s.Name.Local != "sheet" {
			continue
		}
		ref := sheetRef{el: s}
		for _, a := range s.Attrs {
			switch {
			case a.Name.Space == "" && a.Name.Local == "name":
				ref.name = a.Value
			case a.Name.Space == "" && a.Name.Local == "sheetId":
				ref.sheetID = a.Value
			case a.Name.Space == "" && a.Name.Local == "state":
				ref.state = a.Value
			case a.Name.Space != "" && a.Name.Space != "xmlns" && a.Name.Local == "id":
				ref.relID = a.Value
			}
		}
		out = append(out, ref)
	}
	return out
}

// definedNameRef is a definedName element and the sheet it is scoped to.
type definedNameRef struct {
	el    *ooxml.RawElem
	name  string
	scope string // sheet name; "" for the workbook
}

func definedNameRefs(root *ooxml.RawElem, sheets []sheetRef) []definedNameRef {
	list := root.Child("definedNames")
	if list == nil {
		return nil
	}
	var out []definedNameRef
	for _, d := range list.Children {
		ref := definedNameRef{el: d}
		ref.name, _ = d.Attr("name")
		if v, ok := d.Attr("localSheetId"); ok {
			i, err := strconv.Atoi(v)
			if err != nil || i < 0 || i >= len(sheets) {
				ref.scope = "\x00invalid " + v
			} else {
				ref.scope = sheets[i].name
			}
		}
		out = append(out, ref)
	}
	return out
}

// workbookTail are the children of a workbook part that follow
// definedNames, where a definedNames element is inserted.
var workbookTail = []string{"calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"}

// patchWorkbook returns the original workbook part with its sheet list and
// defined names as excelize's part (b) has them, every other byte kept:
// the organiser's sheets (all but replaced) and defined names keep their
// original elements, the new ones are added, and each generated sheet gets its hidden marker
// name.
func patchWorkbook(a, b []byte, replaced, generated []string) ([]byte, error) {
	o, err := ooxml.ParseRaw(a, 3)
	if err != nil {
		return nil, err
	}
	n, err := ooxml.ParseRaw(b, 3)
	if err != nil {
		return nil, err
	}
	oList := o.Child("sheets")
	if oList == nil || oList.Empty {
		return nil, errors.New("the workbook lists no sheets")
	}
	oSheets, nSheets := sheetRefs(o), sheetRefs(n)
	if len(oSheets) == 0 {
		return nil, errors.New("the workbook lists no sheets")
	}
	byName := map[string]sheetRef{}
	for _, s := range oSheets {
		byName[s.name] = s
	}
	// The prefix the original binds to the relationships namespace, as its
	// sheets use it; a part without one gets its own declaration.
	relPrefix, relDecl := "", ""
	for _, s := range oSheets {
		for _, at := range s.el.Attrs {
			if at.Name.Local == "id" && at.Name.Space != "" && at.Name.Space != "xmlns" {
				relPrefix = at.Name.Space
			}
		}
	}
	if relPrefix == "" {
		relPrefix, relDecl = "r", ` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	}
	sheetTag := withPrefix(oSheets[0].el.Name, "sheet")
	var list bytes.Buffer
	index := map[string]int{}
	for i, s := range nSheets {
		index[s.name] = i
		if old, ok := byName[s.name]; ok && !slices.Contains(replaced, s.name) {
			if old.relID != s.relID {
				return nil, fmt.Errorf("the sheet %s would change its relationship from %s to %s", s.name, old.relID, s.relID)
			}
			list.Write(a[old.el.Start:old.el.End])
			continue
		}
		fmt.Fprintf(&list, `<%s name="%s" sheetId="%s"`, sheetTag, escapeAttr(s.name), escapeAttr(s.sheetID))
		if s.state != "" {
			fmt.Fprintf(&list, ` state="%s"`, escapeAttr(s.state))
		}
		fmt.Fprintf(&list, `%s %s:id="%s"/>`, relDecl, relPrefix, escapeAttr(s.relID))
	}
	_, listEnd := ooxml.Inner(a, oList)
	edits := []ooxml.Edit{{Start: oList.TagEnd, End: listEnd, Repl: list.Bytes()}}

	// Defined names: the organiser's as they were (scoped ones follow
	// their sheet's new position; those of the replaced sheets went with
	// them), then excelize's new ones, then the markers of the new sheets.
	oNames, nNames := definedNameRefs(o, oSheets), definedNameRefs(n, nSheets)
	matched := map[int]bool{}
	var names bytes.Buffer
	prefixed := o.Name.Space != ""
	for _, d := range oNames {
		j := slices.IndexFunc(nNames, func(x definedNameRef) bool { return x.name == d.name && x.scope == d.scope })
		if j < 0 || matched[j] {
			continue // dropped with the replaced sheets
		}
		matched[j] = true
		el := a[d.el.Start:d.el.End]
		if d.scope != "" {
			el = ooxml.Concat(ooxml.SetAttr(a[d.el.Start:d.el.TagEnd], "localSheetId", strconv.Itoa(index[d.scope])), a[d.el.TagEnd:d.el.End])
		}
		names.Write(el)
	}
	for j, d := range nNames {
		if !matched[j] && d.name != generatedMarker {
			names.Write(foreign(b, d.el, prefixed))
		}
	}
	nameTag := withPrefix(oSheets[0].el.Name, "definedName")
	for _, g := range generated {
		i, ok := index[g]
		if !ok {
			continue
		}
		fmt.Fprintf(&names, `<%s name="%s" localSheetId="%d" hidden="1">%s</%s>`, nameTag, generatedMarker, i, escapeText(quoteFormula(g)), nameTag)
	}
	listTag := withPrefix(oSheets[0].el.Name, "definedNames")
	if oNames := o.Child("definedNames"); oNames != nil {
		tag := a[oNames.Start:oNames.TagEnd]
		if names.Len() == 0 {
			edits = append(edits, ooxml.Edit{Start: oNames.Start, End: oNames.End, Repl: nil})
		} else if oNames.Empty {
			tag = ooxml.Concat(tag[:len(tag)-2], []byte(">"))
			edits = append(edits, ooxml.Edit{Start: oNames.Start, End: oNames.End, Repl: ooxml.Concat(tag, names.Bytes(), []byte("</"+listTag+">"))})
		} else {
			_, end := ooxml.Inner(a, oNames)
			edits = append(edits, ooxml.Edit{Start: oNames.TagEnd, End: end, Repl: names.Bytes()})
		}
	} else if names.Len() > 0 {
		at := -1
		for _, c := range o.Children {
			if slices.Contains(workbookTail, c.Name.Local) {
				at = c.Start
				break
			}
		}
		if at < 0 {
			_, at = ooxml.Inner(a, o)
		}
		edits = append(edits, ooxml.Edit{Start: at, End: at, Repl: ooxml.Concat([]byte("<"+listTag+">"), names.Bytes(), []byte("</"+listTag+">"))})
	}

	// The active and first visible tab must stay within the sheets.
	if views := o.Child("bookViews"); views != nil {
		for _, v := range views.Children {
			tag := a[v.Start:v.TagEnd]
			for _, at := range []string{"activeTab", "firstSheet"} {
				if s, ok := v.Attr(at); ok {
					if i, err := strconv.Atoi(s); err == nil && i >= len(nSheets) {
						tag = ooxml.SetAttr(tag, at, "0")
					}
				}
			}
			if !bytes.Equal(tag, a[v.Start:v.TagEnd]) {
				edits = append(edits, ooxml.Edit{Start: v.Start, End: v.TagEnd, Repl: tag})
			}
		}
	}
	return ooxml.ApplyEdits(a, edits), nil
}

// quoteFormula writes text as a formula string constant.
func quoteFormula(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

func escapeText(s string) string {
	var buf bytes.Buffer
	xml.EscapeText(&buf, []byte(s))
	return buf.String()
}

func escapeAttr(s string) string { return strings.ReplaceAll(escapeText(s), `"`, "&quot;") }

// styleLists are the lists of a styles part that excelize appends to, in
// the schema's order, followed by the elements that may come after them.
var styleLists = []string{"numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs"}
var styleTail = []string{"tableStyles", "colors", "extLst"}

// patchStyles returns the original styles part with the entries excelize
// appended added at the end of each list; the entries podium's cells
// refer to by index keep their indexes, and the organiser's entries their
// bytes.
func patchStyles(a, b []byte) ([]byte, error) {
	o, err := ooxml.ParseRaw(a, 3)
	if err != nil {
		return nil, err
	}
	n, err := ooxml.ParseRaw(b, 3)
	if err != nil {
		return nil, err
	}
	prefixed := o.Name.Space != ""
	var edits []ooxml.Edit
	for li, l := range styleLists {
		nl := n.Child(l)
		if nl == nil {
			continue
		}
		ol := o.Child(l)
		var have []*ooxml.RawElem
		if ol != nil {
			have = ol.Children
		}
		var added []*ooxml.RawElem
		if l == "numFmts" {
			// Number formats are referred to by ID, not position.
			ids := map[string]bool{}
			for _, e := range have {
				id, _ := e.Attr("numFmtId")
				ids[id] = true
			}
			for _, e := range nl.Children {
				if id, _ := e.Attr("numFmtId"); !ids[id] {
					added = append(added, e)
				}
			}
		} else {
			if len(nl.Children) < len(have) {
				return nil, fmt.Errorf("its %s would shrink from %d to %d entries", l, len(have), len(nl.Children))
			}
			added = nl.Children[len(have):]
		}
		if len(added) == 0 {
			continue
		}
		var items bytes.Buffer
		for _, e := range added {
			items.Write(foreign(b, e, prefixed))
		}
		total := strconv.Itoa(len(have) + len(added))
		tagName := withPrefix(o.Name, l)
		switch {
		case ol != nil:
			edits = append(edits, appendItems(a, ol, items.Bytes(), tagName, map[string]string{"count": total}))
		default:
			at := -1
			for _, c := range o.Children {
				if slices.Contains(styleLists[li+1:], c.Name.Local) || slices.Contains(styleTail, c.Name.Local) {
					at = c.Start
					break
				}
			}
			if at < 0 {
				_, at = ooxml.Inner(a, o)
			}
			edits = append(edits, ooxml.Edit{Start: at, End: at, Repl: ooxml.Concat([]byte(`<`+tagName+` count="`+total+`">`), items.Bytes(), []byte("</"+tagName+">"))})
		}
	}
	return ooxml.ApplyEdits(a, edits), nil
}

// appendItems returns the edit that appends items at the end of the list
// element and sets the given attributes (counts) of its start tag.
func appendItems(data []byte, list *ooxml.RawElem, items []byte, tagName string, attrs map[string]string) ooxml.Edit {
	tag := data[list.Start:list.TagEnd]
	keys := make([]string, 0, len(attrs))
	for k := range attrs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		tag = ooxml.SetAttr(tag, k, attrs[k])
	}
	if list.Empty {
		tag = ooxml.Concat(tag[:len(tag)-2], []byte(">"))
		return ooxml.Edit{Start: list.Start, End: list.End, Repl: ooxml.Concat(tag, items, []byte("</"+tagName+">"))}
	}
	_, end := ooxml.Inner(data, list)
	if !bytes.Equal(tag, data[list.Start:list.TagEnd]) {
		return ooxml.Edit{Start: list.Start, End: end, Repl: ooxml.Concat(tag, data[list.TagEnd:end], items)}
	}
	return ooxml.Edit{Start: end, End: end, Repl: items}
}

// patchSharedStrings returns the original shared strings with the strings
// excelize appended added at the end.
func patchSharedStrings(a, b []byte) ([]byte, error) {
	o, err := ooxml.ParseRaw(a, 2)
	if err != nil {
		return nil, err
	}
	n, err := ooxml.ParseRaw(b, 2)
	if err != nil {
		return nil, err
	}
	if len(n.Children) < len(o.Children) {
		return nil, fmt.Errorf("it would shrink from %d to %d strings", len(o.Children), len(n.Children))
	}
	added := n.Children[len(o.Children):]
	if len(added) == 0 {
		return a, nil
	}
	var items bytes.Buffer
	for _, e := range added {
		items.Write(foreign(b, e, o.Name.Space != ""))
	}
	attrs := map[string]string{"uniqueCount": strconv.Itoa(len(n.Children))}
	if c, ok := n.Attr("count"); ok {
		attrs["count"] = c
	} else if _, ok := o.Attr("count"); ok {
		attrs["count"] = attrs["uniqueCount"]
	}
	return ooxml.ApplyEdits(a, []ooxml.Edit{appendItems(a, o, items.Bytes(), ooxml.RawName(o.Name), attrs)}), nil
}
