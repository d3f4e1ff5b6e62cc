package timing

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// normalizeLineEndings turns every line ending — CR LF (Windows), LF
// (Unix) and a bare CR (old Mac exports), mixed in one file as timing
// services and hand edits leave them — into LF, so that each ends one
// line. The text is whole in memory, so a CR LF pair is never split. A
// line break inside a quoted field becomes LF too, and counts as a line
// as the others do.
func normalizeLineEndings(text string) string {
	if !strings.Contains(text, "\r") {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '\r' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('\n')
		if i+1 < len(text) && text[i+1] == '\n' {
			i++
		}
	}
	return b.String()
}

// decodeText finds the encoding of a text file and returns it as UTF-8:
// UTF-8 with or without a byte order mark, UTF-16 (Excel's "Unicode text",
// with or without a byte order mark) and, for bytes that are not UTF-8,
// Windows-1252.
func decodeText(data []byte) (string, string, error) {
	utf16 := func(e unicode.Endianness, bom unicode.BOMPolicy, name string) (string, string, error) {
		out, err := unicode.UTF16(e, bom).NewDecoder().Bytes(data)
		if err != nil {
			return "", "", fmt.Errorf("%w: it is not valid %s text", ErrNotText, name)
		}
		return string(out), name, nil
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		body := data[3:]
		if !utf8.Valid(body) {
			return "", "", fmt.Errorf("%w: it starts as UTF-8 but holds bytes that are not UTF-8 (at byte %d)", ErrNotText, 3+invalidUTF8At(body))
		}
		return string(body), "UTF-8 with BOM", checkBinary(body)
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return utf16(unicode.LittleEndian, unicode.ExpectBOM, "UTF-16LE")
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return utf16(unicode.BigEndian, unicode.ExpectBOM, "UTF-16BE")
	case len(data) >= 4 && data[1] == 0 && data[3] == 0 && data[0] != 0:
		return utf16(unicode.LittleEndian, unicode.IgnoreBOM, "UTF-16LE")
	case len(data) >= 4 && data[0] == 0 && data[2] == 0 && data[1] != 0:
		return utf16(unicode.BigEndian, unicode.IgnoreBOM, "UTF-16BE")
	case utf8.Valid(data):
		return string(data), "UTF-8", checkBinary(data)
	}
	if err := checkBinary(data); err != nil {
		return "", "", err
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", fmt.Errorf("%w: its text encoding is not recognised", ErrNotText)
	}
	return string(out), "Windows-1252", nil
}

func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// checkBinary refuses text with NUL or other control bytes, which no CSV
// export holds.
func checkBinary(b []byte) error {
	for i, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != 0x1a {
			return fmt.Errorf("%w: it holds binary data (byte %d is 0x%02x)", ErrNotText, i, c)
		}
	}
	return nil
}
