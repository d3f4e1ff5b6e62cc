package writeback

import (
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

	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/xuri/excelize/v2"
)

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
func generatedSheets(p *ooxml.Package) []string {
	data, _ := p.Read("docProps/custom.xml")
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
	data, _ = p.Read(partsOf(p).workbook)
	root, err := ooxml.ParseRaw(data, 3)
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

// VerifyWriteBack compares the organiser's content in the original package
// with the one podium is about to write: every part (byte for byte where
// excelize does not model it), every relationship of every organiser sheet,
// every cell value and formula, the sheet order and the defined names. A
// part that is not well-formed XML stops it first. It returns what would
// be lost; nothing when all is kept. (A write-back also checks
// VerifyCarried.)
//
// The sheets in edited were changed on purpose (an import's Results): they
// must keep their relationships and, outside their cells, every element
// and attribute (LostSheetAttributes); their cells are checked by the
// caller.
func VerifyWriteBack(orig, updated []byte, replaced, edited []string, limits ooxml.Limits) ([]string, error) {
	before, err := ooxml.ReadPackage(orig, limits)
	if err != nil {
		return nil, err
	}
	after, err := ooxml.ReadPackage(updated, limits)
	if err != nil {
		return nil, err
	}
	if bad := malformedParts(before, after); len(bad) > 0 {
		return bad, nil
	}
	var lost []string
	owned := before.OwnedParts(replaced)
	var names []string
	for name := range before.Files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if owned[name] || name == "xl/calcChain.xml" { // a cache Excel rebuilds
			continue
		}
		switch {
		case !after.Has(name):
			lost = append(lost, fmt.Sprintf("%s (%s)", name, ooxml.PartKind(name)))
		case ooxml.Opaque(name):
			a, okA := before.Read(name)
			b, okB := after.Read(name)
			if !okA || !okB || !bytes.Equal(a, b) {
				lost = append(lost, fmt.Sprintf("%s (%s) would change", name, ooxml.PartKind(name)))
			}
		}
	}
	oldSheets, oldParts := before.Sheets()
	newSheets, newParts := after.Sheets()
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
		newRels := after.Rels(np)
		for _, r := range before.Rels(oldParts[s]) {
			if !slices.ContainsFunc(newRels, func(n ooxml.Relationship) bool { return n.Type == r.Type && n.Target == r.Target }) {
				lost = append(lost, fmt.Sprintf("sheet %s: its link to %s (%s)", s, r.Target, ooxml.PartKind(r.Target)))
			}
		}
		oldXML, _ := before.Read(oldParts[s])
		newXML, _ := after.Read(np)
		if stringsKept && bytes.Equal(oldXML, newXML) {
			continue
		}
		lost = append(lost, sheetLosses(s, ooxml.LostSheetAttributes(oldXML, newXML))...)
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
func sharedStringsKept(before, after *ooxml.Package) bool {
	const part = "xl/sharedStrings.xml"
	if !before.Has(part) {
		return true
	}
	a, okA := before.Read(part)
	b, okB := after.Read(part)
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
				diffs = append(diffs, fmt.Sprintf("sheet %s, cell %s: %q would become %q", sheet, ooxml.CellName(j+1, row), u, v))
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
func compareDefinedNames(before, after *ooxml.Package, replaced []string) []string {
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
func definedNames(p *ooxml.Package) ([]namedFormula, bool) {
	data, ok := p.Read(partsOf(p).workbook)
	if !ok {
		return nil, false
	}
	root, err := ooxml.ParseRaw(data, 3)
	if err != nil {
		return nil, false
	}
	var out []namedFormula
	for _, d := range definedNameRefs(root, sheetRefs(root)) {
		var v struct {
			Text string `xml:",chardata"`
		}
		if xml.Unmarshal(data[d.el.Start:d.el.End], &v) != nil {
			return nil, false
		}
		out = append(out, namedFormula{d.name, d.scope, v.Text})
	}
	return out, true
}

// refersTo reports whether a formula refers to one of the sheets.
func refersTo(formula string, sheets []string) bool {
	for _, s := range sheets {
		if strings.Contains(formula, s+"!") || strings.Contains(formula, ooxml.QuoteSheet(s)+"!") {
			return true
		}
	}
	return false
}

// malformedParts names each XML part of the new package that is not
// well-formed (see ooxml.CheckWellFormed): Excel and LibreOffice refuse to open
// a workbook with one. Parts byte-identical to the original's are not
// podium's doing and are not read again; the others are checked on every
// core.
func malformedParts(before, after *ooxml.Package) []string {
	var names []string
	for name := range after.Files {
		if !ooxml.IsXMLPart(name) {
			continue
		}
		if old, ok := before.Files[name]; ok {
			now := after.Files[name]
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
				problems[i] = checkPart(after, names[i])
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
func checkPart(p *ooxml.Package, name string) string {
	data, ok := p.Read(name)
	if !ok {
		return fmt.Sprintf("%s (%s) cannot be read", name, ooxml.PartKind(name))
	}
	if err := ooxml.CheckWellFormed(data); err != nil {
		return fmt.Sprintf("%s (%s) would not be well-formed XML: %v", name, ooxml.PartKind(name), err)
	}
	return ""
}

// VerifyCarried checks that a write-back (see CarryOver) kept every part
// of the organiser's byte for byte, and compares entry by entry the parts
// it had to change: every content type, relationship and document
// property of the organiser's is still there, the workbook part differs
// only in its sheet list and defined names, and the styles and shared
// strings only by entries appended. The worksheet parts in edited (an
// import's) are compared by VerifyWriteBack.
func VerifyCarried(before, after *ooxml.Package, owned, edited map[string]bool) []string {
	pp := partsOf(before)
	var names []string
	for name := range before.Files {
		if !owned[name] && !edited[name] && after.Has(name) && name != "xl/calcChain.xml" && !ooxml.Opaque(name) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	var lost []string
	for _, name := range names {
		a, okA := before.Read(name)
		b, okB := after.Read(name)
		if !okA || !okB {
			lost = append(lost, fmt.Sprintf("%s (%s) cannot be read", name, ooxml.PartKind(name)))
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
			diff = ListsKept(a, b)
		case pp.rewritten(name):
		default:
			if !bytes.Equal(a, b) {
				diff = []string{"would change"}
			}
		}
		for _, d := range diff {
			lost = append(lost, fmt.Sprintf("%s (%s): %s", name, ooxml.PartKind(name), d))
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
func relsKept(before, after *ooxml.Package, relsPart string, owned map[string]bool) []string {
	dir, base := path.Split(relsPart)
	source := path.Join(strings.TrimSuffix(dir, "_rels/"), strings.TrimSuffix(base, ".rels"))
	if relsPart == "_rels/.rels" {
		source = ""
	}
	newRels := after.Rels(source)
	var out []string
	for _, r := range before.Rels(source) {
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
	x, errA := ooxml.ParseRaw(a, 3)
	y, errB := ooxml.ParseRaw(b, 3)
	if errA != nil || errB != nil {
		return []string{"cannot be read"}
	}
	var out []string
	if !bytes.Equal(a[:x.TagEnd], b[:y.TagEnd]) {
		out = append(out, "its namespaces or attributes would change")
	}
	skip := []string{"sheets", "definedNames", "bookViews"}
	seen := map[string]int{}
	for _, c := range x.Children {
		name := c.Name.Local
		k := seen[name]
		seen[name]++
		if slices.Contains(skip, name) {
			continue
		}
		var same []*ooxml.RawElem
		for _, d := range y.Children {
			if d.Name.Local == name {
				same = append(same, d)
			}
		}
		if k >= len(same) || !bytes.Equal(a[c.Start:c.End], b[same[k].Start:same[k].End]) {
			out = append(out, "its "+name+" would change")
		}
	}
	if views, newViews := x.Child("bookViews"), y.Child("bookViews"); views != nil {
		if newViews == nil || len(newViews.Children) != len(views.Children) {
			out = append(out, "its bookViews would change")
		} else {
			for i, v := range views.Children {
				if !sameAttrs(v, newViews.Children[i], "activeTab", "firstSheet") {
					out = append(out, "its bookViews would change")
					break
				}
			}
		}
	}
	return out
}

// ListsKept compares a styles or shared strings part: every list keeps its
// entries, byte for byte and at the same positions, and its attributes
// but the counts.
func ListsKept(a, b []byte) []string {
	x, errA := ooxml.ParseRaw(a, 3)
	y, errB := ooxml.ParseRaw(b, 3)
	if errA != nil || errB != nil {
		return []string{"cannot be read"}
	}
	if !sameAttrs(x, y, "count", "uniqueCount") {
		return []string{"its namespaces or attributes would change"}
	}
	var out []string
	if x.Name.Local == "sst" {
		if len(y.Children) < len(x.Children) {
			return []string{"strings would be removed"}
		}
		for i, c := range x.Children {
			if !bytes.Equal(a[c.Start:c.End], b[y.Children[i].Start:y.Children[i].End]) {
				return []string{fmt.Sprintf("string %d would change", i)}
			}
		}
		return nil
	}
	for _, c := range x.Children {
		d := y.Child(c.Name.Local)
		if d == nil {
			out = append(out, "its "+c.Name.Local+" would be removed")
			continue
		}
		if len(c.Children) == 0 && !bytes.Equal(a[c.Start:c.End], b[d.Start:d.End]) {
			out = append(out, "its "+c.Name.Local+" would change")
			continue
		}
		if !sameAttrs(c, d, "count") || len(d.Children) < len(c.Children) {
			out = append(out, "its "+c.Name.Local+" would change")
			continue
		}
		for i, e := range c.Children {
			f := d.Children[i]
			if !bytes.Equal(a[e.Start:e.End], b[f.Start:f.End]) {
				out = append(out, fmt.Sprintf("entry %d of its %s would change", i, c.Name.Local))
				break
			}
		}
	}
	return out
}

// sameAttrs reports whether two elements have the same name and the same
// attributes, but those ignored.
func sameAttrs(a, b *ooxml.RawElem, ignore ...string) bool {
	if a.Name != b.Name {
		return false
	}
	pick := func(e *ooxml.RawElem) []string {
		var out []string
		for _, at := range e.Attrs {
			if !slices.Contains(ignore, ooxml.RawName(at.Name)) {
				out = append(out, ooxml.RawName(at.Name)+"="+at.Value)
			}
		}
		sort.Strings(out)
		return out
	}
	return slices.Equal(pick(a), pick(b))
}
