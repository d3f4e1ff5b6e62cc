package rowscan

import (
	"encoding/xml"
	"path"
	"strings"
)

// SheetPart is the named sheet's worksheet part as it was read from the
// file (excelize may hold an edited copy of its own besides); false when
// the part cannot be found.
func (rd *Reader) SheetPart(sheet string) ([]byte, bool) {
	part, ok := rd.sheetPartPath(sheet)
	if !ok {
		return nil, false
	}
	return rd.part(part)
}

// part is the named part of the package as excelize holds it, when it is
// held as bytes.
func (rd *Reader) part(name string) ([]byte, bool) {
	v, ok := rd.f.Pkg.Load(name)
	if !ok {
		return nil, false
	}
	data, ok := v.([]byte)
	return data, ok
}

// sheetPartPath finds the part of the named sheet from xl/workbook.xml and
// its relationships.
func (rd *Reader) sheetPartPath(sheet string) (string, bool) {
	wbXML, ok := rd.part("xl/workbook.xml")
	if !ok {
		return "", false
	}
	relsXML, ok := rd.part("xl/_rels/workbook.xml.rels")
	if !ok {
		return "", false
	}
	var wb struct {
		Sheets []struct {
			Name string     `xml:"name,attr"`
			Attr []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if xml.Unmarshal(wbXML, &wb) != nil || xml.Unmarshal(relsXML, &rels) != nil {
		return "", false
	}
	for _, s := range wb.Sheets {
		if s.Name != sheet {
			continue
		}
		id := ""
		for _, a := range s.Attr {
			if a.Name.Local == "id" {
				id = a.Value
			}
		}
		for _, r := range rels.Rels {
			if r.ID != id || id == "" {
				continue
			}
			if strings.HasPrefix(r.Target, "/") {
				return strings.TrimPrefix(r.Target, "/"), true
			}
			return path.Join("xl", r.Target), true
		}
	}
	return "", false
}
