package ooxml

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"path"
	"slices"
	"sort"
	"strings"
)

// Package is an Office package whose parts are read when asked for, so
// that a big part nobody looks at (a new Breakdown sheet) is never
// unpacked.
type Package struct {
	// Files are the package's parts by name (without a leading "/").
	Files map[string]*zip.File
	// list is the zip directory in its order.
	list   []*zip.File
	limits Limits
}

// openZip reads the zip directory of a package: the one place podium
// reads one.
func openZip(data []byte) (*zip.Reader, error) {
	return zip.NewReader(bytes.NewReader(data), int64(len(data)))
}

// newPackage indexes the parts of a zip directory; reading a part stops
// at limits.MaxPartSize.
func newPackage(zr *zip.Reader, limits Limits) *Package {
	p := &Package{Files: map[string]*zip.File{}, list: zr.File, limits: limits}
	for _, zf := range zr.File {
		p.Files[strings.TrimPrefix(zf.Name, "/")] = zf
	}
	return p
}

// ReadPackage reads the zip directory of a package; a part or a total over
// the limits is refused with ErrTooLarge.
func ReadPackage(data []byte, limits Limits) (*Package, error) {
	zr, err := openZip(data)
	if err != nil {
		return nil, err
	}
	var total uint64
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
		if zf.UncompressedSize64 > uint64(limits.MaxPartSize) || total > uint64(limits.MaxUnzipSize) {
			return nil, ErrTooLarge
		}
	}
	return newPackage(zr, limits), nil
}

// Names are the names of the package's parts, sorted.
func (p *Package) Names() []string {
	names := make([]string, 0, len(p.Files))
	for name := range p.Files {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// Has reports whether the package holds the part.
func (p *Package) Has(name string) bool { _, ok := p.Files[name]; return ok }

// Read returns a part's content; ok is false when the part is missing or
// cannot be read (which verification counts as lost).
func (p *Package) Read(name string) (data []byte, ok bool) {
	zf, found := p.Files[name]
	if !found {
		return nil, false
	}
	rc, err := zf.Open()
	if err != nil {
		return nil, false
	}
	defer rc.Close()
	data, err = io.ReadAll(io.LimitReader(rc, p.limits.MaxPartSize+1))
	if err != nil || int64(len(data)) > p.limits.MaxPartSize {
		return nil, false
	}
	return data, true
}

// Relationship is one entry of a part's relationships (.rels) part.
type Relationship struct {
	ID         string `xml:"Id,attr"`
	Type       string `xml:"Type,attr"`
	Target     string `xml:"Target,attr"`
	TargetMode string `xml:"TargetMode,attr"`
}

// Rels returns the relationships of a part, with internal targets resolved
// to part names.
func (p *Package) Rels(part string) []Relationship {
	dir, base := path.Split(part)
	data, ok := p.Read(dir + "_rels/" + base + ".rels")
	if !ok {
		return nil
	}
	var doc struct {
		Rels []Relationship `xml:"Relationship"`
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

// Sheets maps sheet names to their parts, in workbook order.
func (p *Package) Sheets() (names []string, parts map[string]string) {
	parts = map[string]string{}
	var wb workbookSheets
	data, _ := p.Read("xl/workbook.xml")
	if xml.Unmarshal(data, &wb) != nil {
		return nil, parts
	}
	targets := map[string]string{}
	for _, r := range p.Rels("xl/workbook.xml") {
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

// workbookSheets is the sheet list of xl/workbook.xml.
type workbookSheets struct {
	Sheets []struct {
		Name    string     `xml:"name,attr"`
		SheetID int        `xml:"sheetId,attr"`
		Attr    []xml.Attr `xml:",any,attr"`
	} `xml:"sheets>sheet"`
}

// reachable returns a part and every part its relationships lead to.
func (p *Package) reachable(part string) map[string]bool {
	seen := map[string]bool{}
	var walk func(string)
	walk = func(name string) {
		if name == "" || seen[name] {
			return
		}
		seen[name] = true
		dir, base := path.Split(name)
		seen[dir+"_rels/"+base+".rels"] = true
		for _, r := range p.Rels(name) {
			if r.TargetMode != "External" {
				walk(r.Target)
			}
		}
	}
	walk(part)
	return seen
}

// OwnedParts returns the parts that belong only to the given sheets (their
// sheet parts, drawings, charts…), not to any other sheet.
func (p *Package) OwnedParts(sheets []string) map[string]bool {
	names, parts := p.Sheets()
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

// PartKind names what a part holds, for messages.
func PartKind(name string) string {
	switch {
	case strings.HasSuffix(name, ".rels"):
		return "relationships"
	case name == "[Content_Types].xml":
		return "content types"
	case name == "xl/styles.xml":
		return "cell styles"
	case name == "xl/sharedStrings.xml":
		return "shared strings"
	}
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

// Opaque reports whether a part is one excelize carries without modelling,
// which must therefore come through byte for byte.
func Opaque(name string) bool {
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

// Rewrite returns a copy of the package data with the parts in replace
// given new content and those in drop left out; the others are copied
// still compressed.
func Rewrite(data []byte, replace map[string][]byte, drop map[string]bool) ([]byte, error) {
	zr, err := openZip(data)
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
