package sheets

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
)

// pkg is an Office package read as parts.
type pkg struct {
	parts map[string][]byte
}

func readPackage(data []byte, limits Limits) (*pkg, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	p := &pkg{parts: map[string][]byte{}}
	var total int64
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(io.LimitReader(rc, limits.MaxPartSize+1))
		rc.Close()
		if err != nil {
			return nil, err
		}
		total += int64(len(b))
		if int64(len(b)) > limits.MaxPartSize || total > limits.MaxUnzipSize {
			return nil, ErrTooLarge
		}
		p.parts[strings.TrimPrefix(zf.Name, "/")] = b
	}
	return p, nil
}

type relationship struct {
	ID         string `xml:"Id,attr"`
	Type       string `xml:"Type,attr"`
	Target     string `xml:"Target,attr"`
	TargetMode string `xml:"TargetMode,attr"`
}

// rels returns the relationships of a part, with internal targets resolved
// to part names.
func (p *pkg) rels(part string) []relationship {
	dir, base := path.Split(part)
	data, ok := p.parts[dir+"_rels/"+base+".rels"]
	if !ok {
		return nil
	}
	var doc struct {
		Rels []relationship `xml:"Relationship"`
	}
	if xml.Unmarshal(data, &doc) != nil {
		return nil
	}
	for i, r := range doc.Rels {
		if r.TargetMode == "External" {
			continue
		}
		if strings.HasPrefix(r.Target, "/") {
			doc.Rels[i].Target = strings.TrimPrefix(r.Target, "/")
		} else {
			doc.Rels[i].Target = path.Clean(path.Join(dir, r.Target))
		}
	}
	return doc.Rels
}

// sheets maps sheet names to their parts, in workbook order.
func (p *pkg) sheets() (names []string, parts map[string]string) {
	parts = map[string]string{}
	var wb struct {
		Sheets []struct {
			Name string     `xml:"name,attr"`
			Attr []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	if xml.Unmarshal(p.parts["xl/workbook.xml"], &wb) != nil {
		return nil, parts
	}
	targets := map[string]string{}
	for _, r := range p.rels("xl/workbook.xml") {
		targets[r.ID] = r.Target
	}
	for _, s := range wb.Sheets {
		names = append(names, s.Name)
		for _, a := range s.Attr {
			if a.Name.Local == "id" {
				parts[s.Name] = targets[a.Value]
			}
		}
	}
	return names, parts
}

// reachable returns a part and every part its relationships lead to.
func (p *pkg) reachable(part string) map[string]bool {
	seen := map[string]bool{}
	var walk func(string)
	walk = func(name string) {
		if name == "" || seen[name] {
			return
		}
		seen[name] = true
		dir, base := path.Split(name)
		seen[dir+"_rels/"+base+".rels"] = true
		for _, r := range p.rels(name) {
			if r.TargetMode != "External" {
				walk(r.Target)
			}
		}
	}
	walk(part)
	return seen
}

// ownedParts returns the parts that belong only to the given sheets (their
// sheet parts, drawings, charts…), not to any other sheet.
func (p *pkg) ownedParts(sheets []string) map[string]bool {
	names, parts := p.sheets()
	owned, kept := map[string]bool{}, map[string]bool{}
	for _, name := range names {
		for part := range p.reachable(parts[name]) {
			if slices.Contains(sheets, name) {
				owned[part] = true
			} else {
				kept[part] = true
			}
		}
	}
	for part := range kept {
		delete(owned, part)
	}
	return owned
}

// partKind names what a part holds, for messages.
func partKind(name string) string {
	kinds := []struct{ prefix, kind string }{
		{"xl/vbaProject", "macros (VBA)"},
		{"xl/ctrlProps/", "form control"},
		{"xl/activeX/", "ActiveX control"},
		{"customXml/", "custom XML"},
		{"xl/pivotCache/", "pivot table cache"},
		{"xl/pivotTables/", "pivot table"},
		{"xl/drawings/vmlDrawing", "comment or control shapes"},
		{"xl/drawings/", "drawing"},
		{"xl/charts/", "chart"},
		{"xl/chartsheets/", "chart sheet"},
		{"xl/comments", "comments"},
		{"xl/threadedComments/", "threaded comments"},
		{"xl/persons/", "comment authors"},
		{"xl/media/", "picture"},
		{"xl/embeddings/", "embedded object"},
		{"xl/tables/", "Excel table"},
		{"xl/slicer", "slicer"},
		{"xl/timeline", "timeline"},
		{"xl/externalLinks/", "link to another workbook"},
		{"xl/queryTables/", "query table"},
		{"xl/connections.xml", "data connections"},
		{"xl/printerSettings/", "printer settings"},
		{"xl/worksheets/", "worksheet"},
		{"docProps/", "document properties"},
	}
	for _, k := range kinds {
		if strings.HasPrefix(name, k.prefix) {
			return k.kind
		}
	}
	return "workbook part"
}

// opaque reports whether a part is one excelize carries without modelling,
// which must therefore come through byte for byte.
func opaque(name string) bool {
	if !strings.HasSuffix(name, ".xml") && !strings.HasSuffix(name, ".rels") && !strings.HasSuffix(name, ".vml") {
		return true
	}
	for _, prefix := range []string{"customXml/", "xl/ctrlProps/", "xl/activeX/", "xl/pivotCache/", "xl/pivotTables/", "xl/slicer", "xl/timeline", "xl/externalLinks/", "xl/queryTables/", "xl/connections.xml", "xl/persons/", "xl/threadedComments/"} {
		if strings.HasPrefix(name, prefix) {
			return true
		}
	}
	return false
}

// verifyWriteBack compares the organiser's content in the original package
// with the one podium is about to write: every part (byte for byte where
// excelize does not model it), every relationship of every organiser sheet,
// every cell value and formula, the sheet order and the defined names. It
// returns what would be lost; nothing when all is kept.
func verifyWriteBack(orig, updated []byte, replaced []string, limits Limits) ([]string, error) {
	before, err := readPackage(orig, limits)
	if err != nil {
		return nil, err
	}
	after, err := readPackage(updated, limits)
	if err != nil {
		return nil, err
	}
	var lost []string
	owned := before.ownedParts(replaced)
	var names []string
	for name := range before.parts {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if owned[name] || name == "xl/calcChain.xml" { // a cache Excel rebuilds
			continue
		}
		data, ok := after.parts[name]
		switch {
		case !ok:
			lost = append(lost, fmt.Sprintf("%s (%s)", name, partKind(name)))
		case opaque(name) && !bytes.Equal(data, before.parts[name]):
			lost = append(lost, fmt.Sprintf("%s (%s) would change", name, partKind(name)))
		}
	}
	oldSheets, oldParts := before.sheets()
	newSheets, newParts := after.sheets()
	var kept []string
	for _, s := range oldSheets {
		if !slices.Contains(replaced, s) {
			kept = append(kept, s)
		}
	}
	// Sheet order: the organiser's sheets come first, in their order.
	if len(newSheets) < len(kept) || !slices.Equal(newSheets[:len(kept)], kept) {
		lost = append(lost, "the order of the sheets")
	}
	for _, s := range kept {
		np, ok := newParts[s]
		if !ok {
			lost = append(lost, "sheet "+s)
			continue
		}
		newRels := after.rels(np)
		for _, r := range before.rels(oldParts[s]) {
			if !slices.ContainsFunc(newRels, func(n relationship) bool { return n.Type == r.Type && n.Target == r.Target }) {
				lost = append(lost, fmt.Sprintf("sheet %s: its link to %s (%s)", s, r.Target, partKind(r.Target)))
			}
		}
		for _, el := range missingElements(before.parts[oldParts[s]], after.parts[np]) {
			lost = append(lost, fmt.Sprintf("sheet %s: its %s", s, el))
		}
		if diff := compareFormulas(before.parts[oldParts[s]], after.parts[np]); diff != "" {
			lost = append(lost, "sheet "+s+": "+diff)
		}
	}
	cellDiffs, err := compareValues(orig, updated, kept)
	if err != nil {
		return nil, err
	}
	lost = append(lost, cellDiffs...)
	nameDiffs, err := compareDefinedNames(orig, updated, replaced)
	if err != nil {
		return nil, err
	}
	return append(lost, nameDiffs...), nil
}

// missingElements lists the worksheet's top-level elements (merged cells,
// validations, conditional formats, controls, extensions…) found before
// but not after.
func missingElements(before, after []byte) []string {
	a, b := topElements(before), topElements(after)
	var out []string
	for _, el := range a {
		if !slices.Contains(b, el) {
			out = append(out, el)
		}
	}
	return out
}

// topElements returns the names of a worksheet's child elements, and the
// URIs of its extensions.
func topElements(data []byte) []string {
	var out []string
	dec := xml.NewDecoder(bytes.NewReader(data))
	depth := 0
	inExt := false
	for {
		tok, err := dec.Token()
		if err != nil {
			return out
		}
		switch el := tok.(type) {
		case xml.StartElement:
			depth++
			name := el.Name.Local
			if depth == 2 && !slices.Contains(out, name) {
				out = append(out, name)
				inExt = name == "extLst"
			}
			if depth == 3 && inExt && name == "ext" {
				for _, a := range el.Attr {
					if a.Name.Local == "uri" {
						out = append(out, "extension "+a.Value)
					}
				}
			}
		case xml.EndElement:
			depth--
		}
	}
}

// formulas maps each cell of a worksheet part that holds a formula to the
// formula and its attributes.
func formulas(data []byte) map[string]string {
	out := map[string]string{}
	dec := xml.NewDecoder(bytes.NewReader(data))
	ref := ""
	for {
		tok, err := dec.Token()
		if err != nil {
			return out
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "c":
			for _, a := range se.Attr {
				if a.Name.Local == "r" {
					ref = a.Value
				}
			}
		case "f":
			var f struct {
				T       string `xml:"t,attr"`
				Ref     string `xml:"ref,attr"`
				Si      string `xml:"si,attr"`
				Content string `xml:",chardata"`
			}
			if dec.DecodeElement(&f, &se) == nil {
				out[ref] = fmt.Sprintf("%s|%s|%s|%s", f.T, f.Ref, f.Si, f.Content)
			}
		}
	}
}

func compareFormulas(before, after []byte) string {
	a, b := formulas(before), formulas(after)
	var refs []string
	for ref := range a {
		refs = append(refs, ref)
	}
	sort.Strings(refs)
	for _, ref := range refs {
		if b[ref] != a[ref] {
			return fmt.Sprintf("the formula in %s", ref)
		}
	}
	for ref := range b {
		if _, ok := a[ref]; !ok {
			return fmt.Sprintf("a new formula in %s", ref)
		}
	}
	return ""
}

// compareValues compares every cell value of the kept sheets.
func compareValues(orig, updated []byte, sheets []string) ([]string, error) {
	opts := excelize.Options{RawCellValue: true}
	a, err := excelize.OpenReader(bytes.NewReader(orig), opts)
	if err != nil {
		return nil, err
	}
	defer a.Close()
	b, err := excelize.OpenReader(bytes.NewReader(updated), opts)
	if err != nil {
		return nil, err
	}
	defer b.Close()
	var diffs []string
	for _, s := range sheets {
		ra, err := allValues(a, s)
		if err != nil {
			return nil, err
		}
		rb, err := allValues(b, s)
		if err != nil {
			return nil, err
		}
		for i := 0; i < max(len(ra), len(rb)); i++ {
			var x, y []string
			if i < len(ra) {
				x = ra[i]
			}
			if i < len(rb) {
				y = rb[i]
			}
			for j := 0; j < max(len(x), len(y)); j++ {
				var u, v string
				if j < len(x) {
					u = x[j]
				}
				if j < len(y) {
					v = y[j]
				}
				if u != v {
					diffs = append(diffs, fmt.Sprintf("sheet %s, cell %s: %q would become %q", s, a1(j+1, i+1), u, v))
					break
				}
			}
		}
	}
	return diffs, nil
}

func allValues(f *excelize.File, sheet string) ([][]string, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][]string
	for rows.Next() {
		cols, err := rows.Columns()
		if err != nil {
			return nil, err
		}
		out = append(out, cols)
	}
	return out, rows.Error()
}

func compareDefinedNames(orig, updated []byte, replaced []string) ([]string, error) {
	a, err := excelize.OpenReader(bytes.NewReader(orig))
	if err != nil {
		return nil, err
	}
	defer a.Close()
	b, err := excelize.OpenReader(bytes.NewReader(updated))
	if err != nil {
		return nil, err
	}
	defer b.Close()
	have := map[string]bool{}
	for _, d := range b.GetDefinedName() {
		have[d.Name+"|"+d.Scope+"|"+d.RefersTo] = true
	}
	var diffs []string
	for _, d := range a.GetDefinedName() {
		if slices.Contains(replaced, d.Scope) || refersTo(d.RefersTo, replaced) {
			continue
		}
		if !have[d.Name+"|"+d.Scope+"|"+d.RefersTo] {
			diffs = append(diffs, fmt.Sprintf("the defined name %s (%s)", d.Name, d.RefersTo))
		}
	}
	return diffs, nil
}

// refersTo reports whether a formula refers to one of the sheets.
func refersTo(formula string, sheets []string) bool {
	for _, s := range sheets {
		if strings.Contains(formula, s+"!") || strings.Contains(formula, quoteSheet(s)+"!") {
			return true
		}
	}
	return false
}
