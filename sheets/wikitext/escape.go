package wikitext

import (
	"strings"
	"unicode"
)

// Escape makes text safe to paste into wikitext as plain text: in a table
// cell, a header cell, a heading or a sentence. Line breaks, tabs and
// other control characters become spaces; &, < and > become entities (no
// tag, no entity of the organiser's is read); and text that the parser
// would read as markup — pipes and double exclamation marks that split
// cells, braces (templates, tables), brackets (links), runs of apostrophes
// (bold, italics), ~~~ (a signature), __ (magic words), a URL (an
// external link), a leading - + ! * : ; or =, or an apostrophe or = at
// either end (next to the bold or italics the table puts around it) — is
// wrapped in <nowiki>…</nowiki>, which shows it as written.
func Escape(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	out := strings.TrimSpace(b.String())
	if needsNowiki(out) {
		return "<nowiki>" + out + "</nowiki>"
	}
	return out
}

// needsNowiki reports whether text would be read as markup.
func needsNowiki(s string) bool {
	if s == "" {
		return false
	}
	if strings.ContainsAny(s, "|{}[]") {
		return true
	}
	for _, seq := range []string{"''", "!!", "~~~", "__", "://"} {
		if strings.Contains(s, seq) {
			return true
		}
	}
	if strings.ContainsRune("-+!*:;='", rune(s[0])) {
		return true
	}
	last := s[len(s)-1]
	return last == '\'' || last == '='
}

// Flag is the flag template for a nationality or a country, as the season
// articles show it before a name: {{flagicon|GBR}}. The template takes
// ISO 3166-1 alpha-3, IOC and FIFA codes and country names; a code is
// written in capitals, and the few codes that motorsport results use but
// the template does not know are mapped to one it does (LIT → LTU, HOL →
// NED). A value that cannot be a template parameter (it holds markup) is
// written as escaped text instead; blank gives "".
func Flag(nat string) string {
	nat = strings.TrimSpace(nat)
	if nat == "" {
		return ""
	}
	if isCode(nat) {
		nat = flagCode(strings.ToUpper(nat))
	}
	if !flagSafe(nat) {
		return Escape(nat)
	}
	return "{{flagicon|" + nat + "}}"
}

// isCode reports whether a nationality is a two- or three-letter code.
func isCode(s string) bool {
	if len(s) < 2 || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// flagCode maps the codes that the flag template does not know to the
// ISO, IOC or FIFA code it does.
func flagCode(code string) string {
	switch code {
	case "LIT": // Lithuania
		return "LTU"
	case "HOL": // the Netherlands
		return "NED"
	case "ROM": // Romania, IOC until 2008
		return "ROU"
	case "RSM": // San Marino
		return "SMR"
	case "UK", "GB":
		return "GBR"
	}
	return code
}

// flagSafe reports whether s can be the template's parameter: letters,
// digits, spaces and the punctuation of country names, no markup, no =.
func flagSafe(s string) bool {
	if strings.Contains(s, "''") || strings.HasPrefix(s, "'") {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) && !strings.ContainsRune(" .,-'()", r) {
			return false
		}
	}
	return true
}
