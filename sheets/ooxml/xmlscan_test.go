package ooxml

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
		err := CheckWellFormed([]byte(tt.in))
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

// FuzzCheckWellFormed holds CheckWellFormed to encoding/xml: whatever the
// decoder (with the namespace and attribute checks it lacks) refuses,
// CheckWellFormed refuses too.
func FuzzCheckWellFormed(f *testing.F) {
	for _, seed := range []string{`<a xmlns:r="u"><b r:id="1">t&amp;</b><![CDATA[x]]><!--c--></a>`, `<?xml version="1.0"?><a b='1'/>`, `<a><b></a>`} {
		f.Add([]byte(seed))
	}
	data, _ := os.ReadFile("../../samples/alms-2019-20.xlsx")
	if p, err := ReadPackage(data, DefaultLimits()); err == nil {
		for _, name := range []string{"xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml"} {
			if b, ok := p.Read(name); ok {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if bytes.Contains(data, []byte("<!")) && !bytes.Contains(data, []byte("<!--")) && !bytes.Contains(data, []byte("<![CDATA[")) {
			return // document type declarations: refused by CheckWellFormed alone
		}
		fast, ref := CheckWellFormed(data), decoderWellFormed(bytes.NewReader(data))
		if ref != nil && fast == nil {
			t.Errorf("%q: encoding/xml refuses it (%v), checkWellFormed does not", data, ref)
		}
	})
}

// decoderWellFormed is CheckWellFormed built on encoding/xml, the
// reference FuzzCheckWellFormed holds CheckWellFormed to. It reports the
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
						return fmt.Errorf("element <%s> repeats the attribute %s", RawName(t.Name), RawName(a.Name))
					}
				}
				if a.Name.Space == "xmlns" {
					declared = append(declared, a.Name.Local)
				}
			}
			stack = append(stack, open{t.Name, declared})
			if t.Name.Space != "" && !inScope(t.Name.Space) {
				return fmt.Errorf("element <%s> uses the prefix %s, which is not declared", RawName(t.Name), t.Name.Space)
			}
			for _, a := range t.Attr {
				if a.Name.Space != "" && !inScope(a.Name.Space) {
					return fmt.Errorf("attribute %s of <%s> uses the prefix %s, which is not declared", RawName(a.Name), RawName(t.Name), a.Name.Space)
				}
			}
		case xml.EndElement:
			if len(stack) == 0 || stack[len(stack)-1].name != t.Name {
				return fmt.Errorf("unexpected end tag </%s>", RawName(t.Name))
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
		return fmt.Errorf("element <%s> is not closed", RawName(stack[len(stack)-1].name))
	}
	return nil
}
