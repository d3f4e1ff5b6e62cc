package sheets

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"
)

// pkg is an Office package whose parts are read when asked for, so that a
// big part nobody looks at (a new Breakdown sheet) is never unpacked.
type pkg struct {
	files  map[string]*zip.File
	limits Limits
}

func readPackage(data []byte, limits Limits) (*pkg, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	p := &pkg{files: map[string]*zip.File{}, limits: limits}
	var total uint64
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
		if zf.UncompressedSize64 > uint64(limits.MaxPartSize) || total > uint64(limits.MaxUnzipSize) {
			return nil, ErrTooLarge
		}
		p.files[strings.TrimPrefix(zf.Name, "/")] = zf
	}
	return p, nil
}

// has reports whether the package holds the part.
func (p *pkg) has(name string) bool { _, ok := p.files[name]; return ok }

// read returns a part's content; ok is false when the part is missing or
// cannot be read (which verification counts as lost).
func (p *pkg) read(name string) (data []byte, ok bool) {
	zf, found := p.files[name]
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
	data, ok := p.read(dir + "_rels/" + base + ".rels")
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
	var wb workbookSheets
	data, _ := p.read("xl/workbook.xml")
	if xml.Unmarshal(data, &wb) != nil {
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

// workbookSheets is the sheet list of xl/workbook.xml.
type workbookSheets struct {
	Sheets []struct {
		Name    string     `xml:"name,attr"`
		SheetID int        `xml:"sheetId,attr"`
		Attr    []xml.Attr `xml:",any,attr"`
	} `xml:"sheets>sheet"`
}

// generatedSheets returns the names of the sheets podium generated last
// time, in workbook order. Two signs tell them: the custom property lists
// their sheet IDs (which survive renaming and moving), and each carries a
// hidden defined name, generatedMarker, whose value is the name podium
// gave it. Tools such as openpyxl drop custom properties and renumber
// sheet IDs, but keep defined names: a sheet is podium's when it carries
// the marker and either is listed in the property or still has the name
// the marker holds (so that an organiser's copy "LMP2 Teams (2)", which
// Excel gives the same marker, stays theirs). Workbooks written before
// the marker existed are recognised by the property alone.
func (p *pkg) generatedSheets() []string {
	data, _ := p.read("docProps/custom.xml")
	var props struct {
		Props []struct {
			Name  string `xml:"name,attr"`
			Value string `xml:"lpwstr"`
		} `xml:"property"`
	}
	ids := map[string]bool{}
	if xml.Unmarshal(data, &props) == nil {
		for _, prop := range props.Props {
			if prop.Name != generatedProperty {
				continue
			}
			for _, s := range strings.Split(prop.Value, ",") {
				if id, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
					ids[strconv.Itoa(id)] = true
				}
			}
		}
	}
	data, _ = p.read(p.partsOf().workbook)
	root, err := parseRaw(data, 3)
	if err != nil {
		return nil
	}
	sheets := sheetRefs(root)
	names, _ := definedNames(p)
	marks := map[string]string{}
	for _, d := range names {
		if d.name == generatedMarker {
			marks[d.scope] = strings.TrimSpace(d.refersTo)
		}
	}
	var generated []string
	for _, s := range sheets {
		mark, marked := marks[s.name]
		switch {
		case len(marks) == 0 && ids[s.sheetID]:
			generated = append(generated, s.name)
		case marked && (ids[s.sheetID] || mark == quoteFormula(s.name)):
			generated = append(generated, s.name)
		}
	}
	return generated
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
// every cell value and formula, the sheet order and the defined names. A
// part that is not well-formed XML stops it first. It returns what would
// be lost; nothing when all is kept. (A write-back also checks
// verifyCarried.)
//
// The sheets in edited were changed on purpose (an import's Results): they
// must keep their relationships and, outside their cells, every element
// and attribute (lostSheetAttributes); their cells are checked by the
// caller.
func verifyWriteBack(orig, updated []byte, replaced, edited []string, limits Limits) ([]string, error) {
	before, err := readPackage(orig, limits)
	if err != nil {
		return nil, err
	}
	after, err := readPackage(updated, limits)
	if err != nil {
		return nil, err
	}
	if bad := malformedParts(before, after); len(bad) > 0 {
		return bad, nil
	}
	var lost []string
	owned := before.ownedParts(replaced)
	var names []string
	for name := range before.files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if owned[name] || name == "xl/calcChain.xml" { // a cache Excel rebuilds
			continue
		}
		switch {
		case !after.has(name):
			lost = append(lost, fmt.Sprintf("%s (%s)", name, partKind(name)))
		case opaque(name):
			a, okA := before.read(name)
			b, okB := after.read(name)
			if !okA || !okB || !bytes.Equal(a, b) {
				lost = append(lost, fmt.Sprintf("%s (%s) would change", name, partKind(name)))
			}
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
	// A sheet excelize wrote back byte for byte, with the shared strings
	// it refers to unchanged, has kept every cell, formula and element:
	// only the sheets it rewrote are compared in detail.
	stringsKept := sharedStringsKept(before, after)
	var rewritten []string
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
		oldXML, _ := before.read(oldParts[s])
		newXML, _ := after.read(np)
		if stringsKept && bytes.Equal(oldXML, newXML) {
			continue
		}
		lost = append(lost, sheetLosses(s, lostSheetAttributes(oldXML, newXML))...)
		if slices.Contains(edited, s) {
			continue
		}
		rewritten = append(rewritten, s)
		if diff := compareFormulas(oldXML, newXML); diff != "" {
			lost = append(lost, "sheet "+s+": "+diff)
		}
	}
	cellDiffs, err := compareValues(orig, updated, rewritten)
	if err != nil {
		return nil, err
	}
	lost = append(lost, cellDiffs...)
	return append(lost, compareDefinedNames(before, after, replaced)...), nil
}

// sheetLosses words what a sheet would lose outside its cells, the first
// few in full: "sheet Results: its sheetProtection insertRows="false"".
func sheetLosses(sheet string, lost []string) []string {
	const shown = 5
	var out []string
	for _, l := range lost[:min(len(lost), shown)] {
		out = append(out, "sheet "+sheet+": "+l)
	}
	if len(lost) > shown {
		out = append(out, fmt.Sprintf("sheet %s: %d more of its elements and attributes", sheet, len(lost)-shown))
	}
	return out
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

// sharedStringsKept reports whether every shared string of before has the
// same index and content in after (new strings may follow).
func sharedStringsKept(before, after *pkg) bool {
	const part = "xl/sharedStrings.xml"
	if !before.has(part) {
		return true
	}
	a, okA := before.read(part)
	b, okB := after.read(part)
	if !okA || !okB {
		return false
	}
	x, y := stringItems(a), stringItems(b)
	return x != nil && y != nil && len(x) <= len(y) && slices.EqualFunc(x, y[:len(x)], bytes.Equal)
}

// stringItems returns the raw <si> elements of a shared strings part, nil
// if it cannot be read.
func stringItems(data []byte) [][]byte {
	items := [][]byte{}
	dec := xml.NewDecoder(bytes.NewReader(data))
	depth := 0
	var start int64
	for {
		offset := dec.InputOffset()
		tok, err := dec.RawToken()
		if err == io.EOF {
			return items
		}
		if err != nil {
			return nil
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 2 {
				start = offset
			}
		case xml.EndElement:
			if depth == 2 {
				items = append(items, data[start:dec.InputOffset()])
			}
			depth--
		}
	}
}

// compareValues compares every cell value of the given sheets, reading the
// two versions row by row side by side.
func compareValues(orig, updated []byte, sheets []string) ([]string, error) {
	if len(sheets) == 0 {
		return nil, nil
	}
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
		diff, err := compareSheetValues(a, b, s)
		if err != nil {
			return nil, err
		}
		diffs = append(diffs, diff...)
	}
	return diffs, nil
}

// compareSheetValues names, for each row that differs, its first cell
// that differs.
func compareSheetValues(a, b *excelize.File, sheet string) ([]string, error) {
	ra, err := a.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer ra.Close()
	rb, err := b.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer rb.Close()
	var diffs []string
	for row := 1; ; row++ {
		moreA, moreB := ra.Next(), rb.Next()
		if !moreA && !moreB {
			break
		}
		var x, y []string
		if moreA {
			if x, err = ra.Columns(); err != nil {
				return nil, err
			}
		}
		if moreB {
			if y, err = rb.Columns(); err != nil {
				return nil, err
			}
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
				diffs = append(diffs, fmt.Sprintf("sheet %s, cell %s: %q would become %q", sheet, a1(j+1, row), u, v))
				break
			}
		}
	}
	if err := ra.Error(); err != nil {
		return nil, err
	}
	return diffs, rb.Error()
}

// compareDefinedNames names the organiser's defined names missing or
// changed in after, but those of the replaced sheets. It reads the
// workbook parts directly: opening both packages with excelize again
// would parse every sheet for a handful of names.
func compareDefinedNames(before, after *pkg, replaced []string) []string {
	have := map[namedFormula]bool{}
	newNames, ok := definedNames(after)
	if !ok {
		return []string{"the defined names (the workbook part cannot be read)"}
	}
	for _, d := range newNames {
		have[d] = true
	}
	oldNames, _ := definedNames(before)
	var diffs []string
	for _, d := range oldNames {
		if slices.Contains(replaced, d.scope) || refersTo(d.refersTo, replaced) {
			continue
		}
		if !have[d] {
			diffs = append(diffs, fmt.Sprintf("the defined name %s (%s)", d.name, d.refersTo))
		}
	}
	return diffs
}

// namedFormula is a defined name: its scope is a sheet name, "" for the
// workbook.
type namedFormula struct{ name, scope, refersTo string }

// definedNames reads the defined names of a package's workbook part.
func definedNames(p *pkg) ([]namedFormula, bool) {
	data, ok := p.read(p.partsOf().workbook)
	if !ok {
		return nil, false
	}
	root, err := parseRaw(data, 3)
	if err != nil {
		return nil, false
	}
	var out []namedFormula
	for _, d := range definedNameRefs(root, sheetRefs(root)) {
		var v struct {
			Text string `xml:",chardata"`
		}
		if xml.Unmarshal(data[d.el.start:d.el.end], &v) != nil {
			return nil, false
		}
		out = append(out, namedFormula{d.name, d.scope, v.Text})
	}
	return out, true
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

// malformedParts names each XML part of the new package that is not
// well-formed (see checkWellFormed): Excel and LibreOffice refuse to open
// a workbook with one. Parts byte-identical to the original's are not
// podium's doing and are not read again; the others are checked on every
// core.
func malformedParts(before, after *pkg) []string {
	var names []string
	for name := range after.files {
		if !isXMLPart(name) {
			continue
		}
		if old, ok := before.files[name]; ok {
			now := after.files[name]
			if old.CRC32 == now.CRC32 && old.UncompressedSize64 == now.UncompressedSize64 {
				continue
			}
		}
		names = append(names, name)
	}
	sort.Strings(names)
	problems := make([]string, len(names))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(names)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				problems[i] = after.checkPart(names[i])
			}
		}()
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
	var bad []string
	for _, p := range problems {
		if p != "" {
			bad = append(bad, p)
		}
	}
	return bad
}

// checkPart says why an XML part is not well-formed; "" when it is.
func (p *pkg) checkPart(name string) string {
	data, ok := p.read(name)
	if !ok {
		return fmt.Sprintf("%s (%s) cannot be read", name, partKind(name))
	}
	if err := checkWellFormed(data); err != nil {
		return fmt.Sprintf("%s (%s) would not be well-formed XML: %v", name, partKind(name), err)
	}
	return ""
}

// verifyCarried checks that a write-back (see carryOver) kept every part
// of the organiser's byte for byte, and compares entry by entry the parts
// it had to change: every content type, relationship and document
// property of the organiser's is still there, the workbook part differs
// only in its sheet list and defined names, and the styles and shared
// strings only by entries appended. The worksheet parts in edited (an
// import's) are compared by verifyWriteBack.
func verifyCarried(before, after *pkg, owned, edited map[string]bool) []string {
	pp := before.partsOf()
	var names []string
	for name := range before.files {
		if !owned[name] && !edited[name] && after.has(name) && name != "xl/calcChain.xml" && !opaque(name) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	var lost []string
	for _, name := range names {
		a, okA := before.read(name)
		b, okB := after.read(name)
		if !okA || !okB {
			lost = append(lost, fmt.Sprintf("%s (%s) cannot be read", name, partKind(name)))
			continue
		}
		var diff []string
		switch {
		case name == "[Content_Types].xml":
			diff = contentTypesKept(a, b, owned)
		case strings.HasSuffix(name, ".rels") && pp.rewritten(name):
			diff = relsKept(before, after, name, owned)
		case name == "docProps/custom.xml":
			diff = customPropsKept(a, b)
		case name == pp.workbook:
			diff = workbookKept(a, b)
		case pp.patched(name):
			diff = listsKept(a, b)
		case pp.rewritten(name):
		default:
			if !bytes.Equal(a, b) {
				diff = []string{"would change"}
			}
		}
		for _, d := range diff {
			lost = append(lost, fmt.Sprintf("%s (%s): %s", name, partKind(name), d))
		}
	}
	return lost
}

// contentTypesKept names the organiser's content types missing in b.
func contentTypesKept(a, b []byte, owned map[string]bool) []string {
	type entry struct {
		Extension   string `xml:"Extension,attr"`
		PartName    string `xml:"PartName,attr"`
		ContentType string `xml:"ContentType,attr"`
	}
	type types struct {
		Defaults  []entry `xml:"Default"`
		Overrides []entry `xml:"Override"`
	}
	var x, y types
	if xml.Unmarshal(a, &x) != nil || xml.Unmarshal(b, &y) != nil {
		return []string{"cannot be read"}
	}
	var out []string
	for _, d := range x.Defaults {
		if !slices.ContainsFunc(y.Defaults, func(e entry) bool {
			return strings.EqualFold(e.Extension, d.Extension) && e.ContentType == d.ContentType
		}) {
			out = append(out, "the content type of ."+d.Extension+" files")
		}
	}
	for _, o := range x.Overrides {
		if owned[strings.TrimPrefix(o.PartName, "/")] {
			continue
		}
		if !slices.ContainsFunc(y.Overrides, func(e entry) bool {
			return strings.EqualFold(e.PartName, o.PartName) && e.ContentType == o.ContentType
		}) {
			out = append(out, "the content type of "+strings.TrimPrefix(o.PartName, "/"))
		}
	}
	return out
}

// relsKept names the relationships of a relationships part whose target
// the write-back keeps and that are missing or changed in after.
func relsKept(before, after *pkg, relsPart string, owned map[string]bool) []string {
	dir, base := path.Split(relsPart)
	source := path.Join(strings.TrimSuffix(dir, "_rels/"), strings.TrimSuffix(base, ".rels"))
	if relsPart == "_rels/.rels" {
		source = ""
	}
	newRels := after.rels(source)
	var out []string
	for _, r := range before.rels(source) {
		if r.TargetMode != "External" && owned[r.Target] {
			continue
		}
		if !slices.Contains(newRels, r) {
			out = append(out, fmt.Sprintf("the relationship %s to %s", r.ID, r.Target))
		}
	}
	return out
}

// customPropsKept names the organiser's custom document properties that
// are missing or changed in b (podium's own list of sheets changes).
func customPropsKept(a, b []byte) []string {
	type property struct {
		Name       string `xml:"name,attr"`
		FmtID      string `xml:"fmtid,attr"`
		LinkTarget string `xml:"linkTarget,attr"`
		Value      struct {
			XMLName xml.Name
			Text    string `xml:",innerxml"`
		} `xml:",any"`
	}
	type props struct {
		Props []property `xml:"property"`
	}
	var x, y props
	if xml.Unmarshal(a, &x) != nil || xml.Unmarshal(b, &y) != nil {
		return []string{"cannot be read"}
	}
	var out []string
	for _, p := range x.Props {
		if p.Name == generatedProperty {
			continue
		}
		if !slices.Contains(y.Props, p) {
			out = append(out, fmt.Sprintf("the document property %q", p.Name))
		}
	}
	return out
}

// workbookKept compares two workbook parts outside the sheet list, the
// defined names (compared by compareDefinedNames) and the tab positions
// of the window: every other element and attribute must be the same
// bytes.
func workbookKept(a, b []byte) []string {
	x, errA := parseRaw(a, 3)
	y, errB := parseRaw(b, 3)
	if errA != nil || errB != nil {
		return []string{"cannot be read"}
	}
	var out []string
	if !bytes.Equal(a[:x.tagEnd], b[:y.tagEnd]) {
		out = append(out, "its namespaces or attributes would change")
	}
	skip := []string{"sheets", "definedNames", "bookViews"}
	seen := map[string]int{}
	for _, c := range x.children {
		name := c.name.Local
		k := seen[name]
		seen[name]++
		if slices.Contains(skip, name) {
			continue
		}
		var same []*rawElem
		for _, d := range y.children {
			if d.name.Local == name {
				same = append(same, d)
			}
		}
		if k >= len(same) || !bytes.Equal(a[c.start:c.end], b[same[k].start:same[k].end]) {
			out = append(out, "its "+name+" would change")
		}
	}
	if views, newViews := x.child("bookViews"), y.child("bookViews"); views != nil {
		if newViews == nil || len(newViews.children) != len(views.children) {
			out = append(out, "its bookViews would change")
		} else {
			for i, v := range views.children {
				if !sameAttrs(v, newViews.children[i], "activeTab", "firstSheet") {
					out = append(out, "its bookViews would change")
					break
				}
			}
		}
	}
	return out
}

// listsKept compares a styles or shared strings part: every list keeps its
// entries, byte for byte and at the same positions, and its attributes
// but the counts.
func listsKept(a, b []byte) []string {
	x, errA := parseRaw(a, 3)
	y, errB := parseRaw(b, 3)
	if errA != nil || errB != nil {
		return []string{"cannot be read"}
	}
	if !sameAttrs(x, y, "count", "uniqueCount") {
		return []string{"its namespaces or attributes would change"}
	}
	var out []string
	if x.name.Local == "sst" {
		if len(y.children) < len(x.children) {
			return []string{"strings would be removed"}
		}
		for i, c := range x.children {
			if !bytes.Equal(a[c.start:c.end], b[y.children[i].start:y.children[i].end]) {
				return []string{fmt.Sprintf("string %d would change", i)}
			}
		}
		return nil
	}
	for _, c := range x.children {
		d := y.child(c.name.Local)
		if d == nil {
			out = append(out, "its "+c.name.Local+" would be removed")
			continue
		}
		if len(c.children) == 0 && !bytes.Equal(a[c.start:c.end], b[d.start:d.end]) {
			out = append(out, "its "+c.name.Local+" would change")
			continue
		}
		if !sameAttrs(c, d, "count") || len(d.children) < len(c.children) {
			out = append(out, "its "+c.name.Local+" would change")
			continue
		}
		for i, e := range c.children {
			f := d.children[i]
			if !bytes.Equal(a[e.start:e.end], b[f.start:f.end]) {
				out = append(out, fmt.Sprintf("entry %d of its %s would change", i, c.name.Local))
				break
			}
		}
	}
	return out
}

// sameAttrs reports whether two elements have the same name and the same
// attributes, but those ignored.
func sameAttrs(a, b *rawElem, ignore ...string) bool {
	if a.name != b.name {
		return false
	}
	pick := func(e *rawElem) []string {
		var out []string
		for _, at := range e.attrs {
			if !slices.Contains(ignore, rawName(at.Name)) {
				out = append(out, rawName(at.Name)+"="+at.Value)
			}
		}
		sort.Strings(out)
		return out
	}
	return slices.Equal(pick(a), pick(b))
}
