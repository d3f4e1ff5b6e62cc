package ooxml

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// CheckWellFormed reports the first reason an XML part is not well-formed
// XML with namespaces: a syntax error, an illegal character or entity,
// mismatched tags, a repeated attribute, more or less than one root
// element, or an element or attribute prefix that no xmlns declaration in
// scope binds (which Go's decoder passes silently and Excel refuses).
//
// It scans the bytes once without building tokens: the parts it checks
// include podium's biggest sheets, which encoding/xml would take seconds
// to tokenise. FuzzCheckWellFormed holds it to encoding/xml's verdict.
func CheckWellFormed(data []byte) error {
	if !utf8.Valid(data) {
		return errors.New("it is not valid UTF-8")
	}
	if bytes.Contains(data, []byte("\uFFFE")) || bytes.Contains(data, []byte("\uFFFF")) {
		return errors.New("it holds a character XML does not allow")
	}
	s := &xmlScan{data: bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))}
	if err := s.scan(); err != nil {
		return err
	}
	return nil
}

// xmlScan is the state of CheckWellFormed.
type xmlScan struct {
	data  []byte
	pos   int
	stack [][]byte // the names of the open elements
	// prefixes are the prefixes declared, with the depth of the element
	// that declares them.
	prefixes []declared
	attrs    [][]byte // the attribute names of the current tag
	roots    int
}

type declared struct {
	prefix []byte
	depth  int
}

func (s *xmlScan) errorf(format string, args ...any) error {
	return fmt.Errorf("at byte %d: %s", s.pos, fmt.Sprintf(format, args...))
}

func (s *xmlScan) scan() error {
	for s.pos < len(s.data) {
		lt := bytes.IndexByte(s.data[s.pos:], '<')
		end := len(s.data)
		if lt >= 0 {
			end = s.pos + lt
		}
		if err := s.text(s.data[s.pos:end], len(s.stack) == 0); err != nil {
			return err
		}
		s.pos = end
		if lt < 0 {
			break
		}
		if err := s.markup(); err != nil {
			return err
		}
	}
	if len(s.stack) > 0 {
		return fmt.Errorf("element <%s> is not closed", s.stack[len(s.stack)-1])
	}
	if s.roots == 0 {
		return errors.New("no root element")
	}
	return nil
}

// text checks character data (outside the root: only white space).
func (s *xmlScan) text(b []byte, outside bool) error {
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '&':
			n, err := s.reference(b[i:])
			if err != nil {
				return err
			}
			i += n - 1
			if outside {
				return errors.New("text outside the root element")
			}
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
			return s.errorf("illegal character code %U", rune(c))
		case outside && c != ' ' && c != '\t' && c != '\n' && c != '\r':
			return errors.New("text outside the root element")
		}
	}
	return nil
}

// reference checks the entity or character reference at the start of b
// and returns its length.
func (s *xmlScan) reference(b []byte) (int, error) {
	semi := bytes.IndexByte(b, ';')
	if semi < 0 {
		return 0, s.errorf("an & that starts no reference")
	}
	ref := b[1:semi]
	if len(ref) > 1 && ref[0] == '#' {
		base, digits := 10, ref[1:]
		if digits[0] == 'x' {
			base, digits = 16, digits[1:]
		}
		n, err := strconv.ParseUint(string(digits), base, 32)
		if err != nil || len(digits) == 0 || digits[0] == '+' || digits[0] == '-' || !XMLChar(rune(n)) {
			return 0, s.errorf("invalid character reference &%s;", ref)
		}
		return semi + 1, nil
	}
	switch string(ref) {
	case "lt", "gt", "amp", "apos", "quot":
		return semi + 1, nil
	}
	return 0, s.errorf("unknown entity &%s;", ref)
}

// XMLChar reports whether XML 1.0 allows the character.
func XMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// markup checks the tag, comment, CDATA section or processing instruction
// at s.pos.
func (s *xmlScan) markup() error {
	rest := s.data[s.pos:]
	skip := func(open, close string) error {
		i := bytes.Index(rest[len(open):], []byte(close))
		if i < 0 {
			return s.errorf("unterminated %s", open)
		}
		s.pos += len(open) + i + len(close)
		return nil
	}
	switch {
	case bytes.HasPrefix(rest, []byte("<?")):
		return s.instruction()
	case bytes.HasPrefix(rest, []byte("<!--")):
		return skip("<!--", "-->")
	case bytes.HasPrefix(rest, []byte("<![CDATA[")):
		if len(s.stack) == 0 {
			return s.errorf("CDATA outside the root element")
		}
		return skip("<![CDATA[", "]]>")
	case bytes.HasPrefix(rest, []byte("<!")):
		return s.errorf("a document type declaration")
	case bytes.HasPrefix(rest, []byte("</")):
		return s.endTag()
	}
	return s.startTag()
}

// instruction checks a processing instruction; the XML declaration must
// declare UTF-8, if any encoding.
func (s *xmlScan) instruction() error {
	i := bytes.Index(s.data[s.pos+2:], []byte("?>"))
	if i < 0 {
		return s.errorf("unterminated <?")
	}
	body := s.data[s.pos+2 : s.pos+2+i]
	s.pos += 2 + i + 2
	// The target is a name, as encoding/xml reads it: whatever follows
	// the name's last character is the instruction's content.
	n := 0
	for n < len(body) && nameByte(body[n]) {
		n++
	}
	target, rest := body[:n], body[n:]
	if len(target) == 0 || !nameStart(target[0]) {
		return s.errorf("a processing instruction without a name")
	}
	if string(target) == "xml" {
		if v := declParam("version", rest); v != "" && v != "1.0" {
			return s.errorf("XML version %q declared, not 1.0", v)
		}
		if v := declParam("encoding", rest); v != "" && !strings.EqualFold(v, "utf-8") {
			return s.errorf("encoding %q declared, not UTF-8", v)
		}
	}
	return nil
}

// declParam returns the value of the pseudo-attribute param of an XML
// declaration's body, found as encoding/xml finds it (the first param=
// followed by a quote), or "" when there is none.
func declParam(param string, body []byte) string {
	key := []byte(param + "=")
	for i := 0; i < len(body); {
		k := bytes.Index(body[i:], key)
		if k < 0 || i+k+len(key) >= len(body) {
			return ""
		}
		i += k + len(key)
		if q := body[i]; q == '"' || q == '\'' {
			j := bytes.IndexByte(body[i+1:], q)
			if j < 0 {
				return ""
			}
			return string(body[i+1 : i+1+j])
		}
	}
	return ""
}

func nameStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':' || c >= 0x80
}

func nameByte(c byte) bool {
	return nameStart(c) || c >= '0' && c <= '9' || c == '-' || c == '.'
}

// name reads a name at s.pos.
func (s *xmlScan) name() ([]byte, error) {
	start := s.pos
	if s.pos >= len(s.data) || !nameStart(s.data[s.pos]) {
		return nil, s.errorf("expected a name")
	}
	ascii := true
	for s.pos < len(s.data) && nameByte(s.data[s.pos]) {
		ascii = ascii && s.data[s.pos] < utf8.RuneSelf
		s.pos++
	}
	if !ascii && !xmlName(s.data[start:s.pos]) {
		return nil, s.errorf("invalid XML name %q", s.data[start:s.pos])
	}
	return s.data[start:s.pos], nil
}

// xmlName reports whether a name with characters beyond ASCII is a name
// as encoding/xml judges it: a letter (or _ or :) first, then letters,
// digits and combining characters of the XML 1.0 tables, which the
// standard library does not export. Such names are rare in a workbook,
// so asking encoding/xml costs nothing that matters; the scan must agree
// with the parsers that read the part.
func xmlName(name []byte) bool {
	_, err := xml.NewDecoder(bytes.NewReader(append(append([]byte("<"), name...), "/>"...))).RawToken()
	return err == nil
}

// space skips white space and reports whether there was any.
func (s *xmlScan) space() bool {
	start := s.pos
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
			continue
		}
		break
	}
	return s.pos > start
}

// prefix returns the prefix of a qualified name, nil for none.
func prefix(name []byte) []byte {
	if i := bytes.IndexByte(name, ':'); i >= 0 {
		return name[:i]
	}
	return nil
}

// declared reports whether a prefix is bound in scope.
func (s *xmlScan) declared(p []byte) bool {
	if string(p) == "xml" || string(p) == "xmlns" {
		return true
	}
	for i := len(s.prefixes) - 1; i >= 0; i-- {
		if bytes.Equal(s.prefixes[i].prefix, p) {
			return true
		}
	}
	return false
}

func (s *xmlScan) startTag() error {
	s.pos++ // <
	if len(s.stack) == 0 {
		s.roots++
		if s.roots > 1 {
			return errors.New("more than one root element")
		}
	}
	name, err := s.name()
	if err != nil {
		return err
	}
	depth := len(s.stack) + 1
	s.attrs = s.attrs[:0]
	for {
		spaced := s.space()
		if s.pos >= len(s.data) {
			return s.errorf("unexpected end in <%s>", name)
		}
		c := s.data[s.pos]
		if c == '>' || c == '/' {
			break
		}
		if !spaced {
			return s.errorf("expected white space before an attribute of <%s>", name)
		}
		attr, err := s.name()
		if err != nil {
			return err
		}
		for _, a := range s.attrs {
			if bytes.Equal(a, attr) {
				return fmt.Errorf("element <%s> repeats the attribute %s", name, attr)
			}
		}
		s.attrs = append(s.attrs, attr)
		s.space()
		if s.pos >= len(s.data) || s.data[s.pos] != '=' {
			return s.errorf("attribute %s of <%s> has no value", attr, name)
		}
		s.pos++
		s.space()
		if s.pos >= len(s.data) || s.data[s.pos] != '"' && s.data[s.pos] != '\'' {
			return s.errorf("attribute %s of <%s>: the value is not quoted", attr, name)
		}
		q := s.data[s.pos]
		end := bytes.IndexByte(s.data[s.pos+1:], q)
		if end < 0 {
			return s.errorf("attribute %s of <%s>: unterminated value", attr, name)
		}
		value := s.data[s.pos+1 : s.pos+1+end]
		if bytes.IndexByte(value, '<') >= 0 {
			return s.errorf("attribute %s of <%s>: a < in the value", attr, name)
		}
		if err := s.text(value, false); err != nil {
			return err
		}
		s.pos += end + 2
		if string(prefix(attr)) == "xmlns" {
			s.prefixes = append(s.prefixes, declared{attr[len("xmlns:"):], depth})
		}
	}
	if p := prefix(name); p != nil && !s.declared(p) {
		return fmt.Errorf("element <%s> uses the prefix %s, which is not declared", name, p)
	}
	for _, a := range s.attrs {
		if p := prefix(a); p != nil && !s.declared(p) {
			return fmt.Errorf("attribute %s of <%s> uses the prefix %s, which is not declared", a, name, p)
		}
	}
	if s.data[s.pos] == '/' {
		if s.pos+1 >= len(s.data) || s.data[s.pos+1] != '>' {
			return s.errorf("expected /> in <%s>", name)
		}
		s.pos += 2
		s.close(depth)
		return nil
	}
	s.pos++ // >
	s.stack = append(s.stack, name)
	return nil
}

func (s *xmlScan) endTag() error {
	s.pos += 2 // </
	name, err := s.name()
	if err != nil {
		return err
	}
	s.space()
	if s.pos >= len(s.data) || s.data[s.pos] != '>' {
		return s.errorf("expected > after </%s", name)
	}
	s.pos++
	if len(s.stack) == 0 || !bytes.Equal(s.stack[len(s.stack)-1], name) {
		return fmt.Errorf("unexpected end tag </%s>", name)
	}
	s.close(len(s.stack))
	s.stack = s.stack[:len(s.stack)-1]
	return nil
}

// close forgets the prefixes an element at depth declared.
func (s *xmlScan) close(depth int) {
	for len(s.prefixes) > 0 && s.prefixes[len(s.prefixes)-1].depth >= depth {
		s.prefixes = s.prefixes[:len(s.prefixes)-1]
	}
}
