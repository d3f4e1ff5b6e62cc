package ooxml

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Errors that make a file unusable. A *FileError wraps one of them.
var (
	ErrNotFound      = errors.New("file not found")
	ErrIsDirectory   = errors.New("is a folder, not a file")
	ErrEmpty         = errors.New("the file is empty")
	ErrNotWorkbook   = errors.New("not an Excel workbook")
	ErrLegacyXLS     = errors.New("an Excel 97–2003 (.xls) workbook, which podium cannot read")
	ErrODS           = errors.New("an OpenDocument (.ods) spreadsheet, which podium cannot read")
	ErrEncrypted     = errors.New("the workbook is protected by a password")
	ErrWrongPassword = errors.New("the password does not open the workbook")
	ErrCorrupt       = errors.New("the workbook is damaged")
	ErrTooLarge      = errors.New("the workbook is too large")
)

// FileError is a problem with a file as a whole: it cannot be opened or
// read as a workbook.
type FileError struct {
	Path string
	// Err is one of the sentinel errors above, possibly wrapped with detail.
	Err error
	// Hint says what to do about it.
	Hint string
}

// Error says which file, what is wrong with it and, when known, what to do.
func (e *FileError) Error() string {
	msg := e.Path + ": " + e.Err.Error()
	if e.Hint != "" {
		msg += " (" + e.Hint + ")"
	}
	return msg
}

// Unwrap returns the sentinel error (possibly wrapped with detail).
func (e *FileError) Unwrap() error { return e.Err }

// Limits bound what podium accepts from a file, so that a crafted or broken
// file cannot exhaust memory or time.
type Limits struct {
	// MaxFileSize is the largest file read, in bytes.
	MaxFileSize int64
	// MaxUnzipSize is the largest total size of the unpacked workbook parts.
	MaxUnzipSize int64
	// MaxPartSize is the largest size of any one unpacked part (a sheet,
	// the shared strings).
	MaxPartSize int64
	// MaxParts is the largest number of parts in the package.
	MaxParts int
	// MaxRows is the largest number of non-blank rows read from one sheet.
	MaxRows int
	// MaxColumns is the rightmost column read.
	MaxColumns int
	// MaxCellChars is the longest cell text accepted (Excel's own limit).
	MaxCellChars int
}

// DefaultLimits returns limits generous for any real season: 100,000
// results and more fit easily.
func DefaultLimits() Limits {
	return Limits{
		MaxFileSize:  256 << 20,
		MaxUnzipSize: 1 << 30,
		MaxPartSize:  512 << 20,
		MaxParts:     10000,
		MaxRows:      1_000_000,
		MaxColumns:   16384,
		MaxCellChars: 32767,
	}
}

// ReadWorkbookFile reads the file at path whole, with the information of
// the file read; problems come back as a *FileError with a hint.
func ReadWorkbookFile(path string, limits Limits) ([]byte, os.FileInfo, error) {
	fail := func(err error, hint string) ([]byte, os.FileInfo, error) {
		return nil, nil, &FileError{Path: path, Err: err, Hint: hint}
	}
	data, info, err := readLimitedInfo(path, limits.MaxFileSize)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fail(ErrNotFound, HintFileName)
	case errors.Is(err, ErrIsDirectory):
		return fail(ErrIsDirectory, hintXLSXPath)
	case errors.Is(err, ErrTooLarge):
		return fail(err, "podium reads files up to "+Size(limits.MaxFileSize))
	case err != nil:
		return fail(err, "")
	}
	return data, info, nil
}

// ReadLimited reads a file of at most max bytes (ErrTooLarge beyond).
func ReadLimited(path string, max int64) ([]byte, error) {
	data, _, err := readLimitedInfo(path, max)
	return data, err
}

// readLimitedInfo reads a file of at most max bytes, and returns the
// information of the file it read.
func readLimitedInfo(path string, max int64) ([]byte, os.FileInfo, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer file.Close()
	info, err := file.Stat()
	if err != nil {
		return nil, nil, err
	}
	if info.IsDir() {
		return nil, nil, ErrIsDirectory
	}
	if info.Size() > max {
		return nil, nil, ErrTooLarge
	}
	data, err := io.ReadAll(io.LimitReader(file, max+1))
	if err != nil {
		return nil, nil, err
	}
	if int64(len(data)) > max {
		return nil, nil, ErrTooLarge
	}
	return data, info, nil
}

// Format is what the first bytes of a file say it is (see Sniff).
type Format int

// The formats Sniff tells apart.
const (
	FormatUnknown Format = iota
	FormatEmpty
	FormatZip
	FormatOLE
	FormatCSV
	FormatHTML
)

var (
	OLEMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	// EncryptedPackage is the UTF-16 name of the stream that holds an
	// encrypted .xlsx inside its OLE container.
	EncryptedPackage = []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")
)

// Sniff tells a file's format from its first bytes: a zip package, an
// OLE container (.xls or an encrypted .xlsx), text or a web page.
func Sniff(data []byte) Format {
	switch {
	case len(data) == 0:
		return FormatEmpty
	case bytes.HasPrefix(data, []byte("PK\x03\x04")), bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return FormatZip
	case bytes.HasPrefix(data, OLEMagic):
		return FormatOLE
	}
	head := data[:min(len(data), 4096)]
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n")
	lower := bytes.ToLower(trimmed[:min(len(trimmed), 64)])
	if bytes.HasPrefix(lower, []byte("<")) {
		return FormatHTML
	}
	if bytes.HasPrefix(head, []byte("\xFF\xFE")) || bytes.HasPrefix(head, []byte("\xFE\xFF")) {
		return FormatCSV // UTF-16 text, as Excel's "Unicode text" writes
	}
	if utf8.Valid(head[:max(0, len(head)-utf8.UTFMax)]) && bytes.IndexByte(head, 0) < 0 {
		return FormatCSV
	}
	return FormatUnknown
}

// PackageError is why CheckPackage refuses a package, with a hint.
type PackageError struct {
	Err  error
	Hint string
}

// CheckPackage inspects the zip directory before excelize unpacks
// anything: it must be a spreadsheet package and within the size limits.
// The package it returns is the one reader of the data's parts for the
// checks after excelize's (CheckUnpacked, DamagedPart).
func CheckPackage(data []byte, limits Limits) (*Package, *PackageError) {
	zr, err := openZip(data)
	if err != nil {
		return nil, &PackageError{fmt.Errorf("%w: the file is truncated or is not a valid zip package", ErrCorrupt), "the file may have been cut short while copying or downloading; get a fresh copy"}
	}
	if len(zr.File) > limits.MaxParts {
		return nil, &PackageError{fmt.Errorf("%w: it holds %d parts (the limit is %d)", ErrTooLarge, len(zr.File), limits.MaxParts), ""}
	}
	var total uint64
	hasContentTypes, hasWorkbook := false, false
	for _, zf := range zr.File {
		name := strings.TrimPrefix(zf.Name, "/")
		switch {
		case name == "mimetype":
			if rc, err := zf.Open(); err == nil {
				head := make([]byte, 64)
				n, _ := io.ReadFull(rc, head)
				rc.Close()
				if bytes.Contains(head[:n], []byte("opendocument")) {
					return nil, &PackageError{ErrODS, "open it in LibreOffice and save it as Excel 2007-365 (.xlsx)"}
				}
			}
		case strings.EqualFold(name, "[Content_Types].xml"):
			hasContentTypes = true
		case strings.EqualFold(name, "xl/workbook.xml"), strings.EqualFold(name, "xl/workbook.bin"):
			hasWorkbook = true
		}
		if strings.EqualFold(name, "xl/workbook.bin") {
			return nil, &PackageError{fmt.Errorf("%w: it is a binary workbook (.xlsb)", ErrNotWorkbook), "open it in Excel and save it as an Excel Workbook (.xlsx)"}
		}
		if zf.UncompressedSize64 > uint64(limits.MaxPartSize) {
			return nil, &PackageError{fmt.Errorf("%w: its part %s unpacks to %s (the limit is %s)", ErrTooLarge, name, Size(int64(min(zf.UncompressedSize64, 1<<62))), Size(limits.MaxPartSize)), "a workbook this large is probably damaged or crafted; save a copy with only the season's sheets"}
		}
		// Deflate never grows data by more than a few bytes a block: a part
		// whose compressed data is bigger than the size it declares lies
		// about its size, as a decompression bomb does.
		if zf.Method == zip.Deflate && zf.CompressedSize64 > zf.UncompressedSize64+zf.UncompressedSize64/64+1024 {
			return nil, &PackageError{fmt.Errorf("%w: its part %s is not the size it declares", ErrCorrupt, name), "the file is damaged or crafted; get a fresh copy of the workbook"}
		}
		if IsXMLPart(name) && declaresDTD(zf) {
			return nil, &PackageError{fmt.Errorf("%w: its part %s declares a document type (<!DOCTYPE>), which no spreadsheet program writes", ErrCorrupt, name), "the file is damaged or crafted; get a fresh copy of the workbook"}
		}
		total += zf.UncompressedSize64
	}
	if total > uint64(limits.MaxUnzipSize) {
		return nil, &PackageError{fmt.Errorf("%w: it unpacks to %s (the limit is %s)", ErrTooLarge, Size(int64(min(total, 1<<62))), Size(limits.MaxUnzipSize)), "save a copy with only the season's sheets"}
	}
	if !hasContentTypes || !hasWorkbook {
		what := "a zip archive"
		if hasContentTypes {
			what = "an Office package without a workbook part (perhaps a Word or PowerPoint file)"
		}
		return nil, &PackageError{fmt.Errorf("%w: it is %s", ErrNotWorkbook, what), "give the Excel workbook (.xlsx) of the season"}
	}
	return newPackage(zr, limits), nil
}

// IsXMLPart reports whether a part's name says it holds XML.
func IsXMLPart(name string) bool {
	return strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels")
}

// declaresDTD reports whether an XML part starts with a document type
// declaration: Office packages never have one (ECMA-376 forbids it), and a
// crafted one declares entities that expand without end in other readers.
func declaresDTD(zf *zip.File) bool {
	rc, err := zf.Open()
	if err != nil {
		return false // the reader reports the damage
	}
	defer rc.Close()
	head := make([]byte, 1024)
	n, _ := io.ReadFull(rc, head)
	return bytes.Contains(head[:n], []byte("<!DOCTYPE")) || bytes.Contains(head[:n], []byte("<!ENTITY"))
}

// CheckUnpacked compares each part excelize unpacked with the size the
// package p (from CheckPackage) declares: excelize keeps what it could
// read of a damaged part without a word, which would then read as a sheet
// with rows missing.
func CheckUnpacked(f *excelize.File, p *Package) error {
	canonical := map[string]string{"[content_types].xml": "[Content_Types].xml", "xl/sharedstrings.xml": "xl/sharedStrings.xml"}
	for _, zf := range p.list {
		name := strings.ReplaceAll(zf.Name, "\\", "/")
		if c, ok := canonical[strings.ToLower(name)]; ok {
			name = c
		}
		v, ok := f.Pkg.Load(name)
		if !ok {
			continue // kept in a temporary file, or not a part excelize keeps
		}
		if b, isBytes := v.([]byte); isBytes && uint64(len(b)) != zf.UncompressedSize64 {
			return fmt.Errorf("%w: its part %s cannot be unpacked (%d of %d bytes read)", ErrCorrupt, strings.TrimPrefix(name, "/"), len(b), zf.UncompressedSize64)
		}
	}
	return nil
}

// DamagedPart names the first part of the package p (from CheckPackage)
// that does not unpack in full (damaged compressed data, a wrong
// checksum), when excelize refuses the package with a decompressor's
// message.
func DamagedPart(p *Package) error {
	for _, zf := range p.list {
		rc, err := zf.Open()
		if err != nil {
			continue
		}
		// The declared sizes were checked against the limits before.
		n, err := io.Copy(io.Discard, io.LimitReader(rc, int64(zf.UncompressedSize64)+1))
		rc.Close()
		if err != nil || uint64(n) != zf.UncompressedSize64 {
			return fmt.Errorf("%w: its part %s cannot be unpacked (%d of %d bytes read)", ErrCorrupt, strings.TrimPrefix(zf.Name, "/"), n, zf.UncompressedSize64)
		}
	}
	return nil
}

// ExcelizeOptions applies podium's limits to excelize: the unpacked size,
// and parts over 64 MB kept in temporary files rather than in memory.
func ExcelizeOptions(limits Limits) excelize.Options {
	return excelize.Options{UnzipSizeLimit: limits.MaxUnzipSize, UnzipXMLSizeLimit: min(limits.MaxUnzipSize, 64<<20)}
}

// CleanExcelizeError keeps excelize's message but drops Go-specific noise.
func CleanExcelizeError(err error) string {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "zip: ")
	return msg
}

// Size renders a byte count for a message: "256 MB", "12 KB", "100 bytes".
func Size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// ErrInternal says that reading a file crashed inside podium or the
// spreadsheet library; the message asks for the file to be reported.
var ErrInternal = errors.New("podium could not read this workbook (an internal error)")

// RecoverInternal turns a panic while reading a file into a *FileError:
// an official gets a message about the file, never a stack trace. The fuzz
// target FuzzOpen fails on ErrInternal, so such crashes are found and fixed.
func RecoverInternal(name string, err *error) {
	if r := recover(); r != nil {
		*err = &FileError{Path: name, Err: fmt.Errorf("%w: %v", ErrInternal, r), Hint: hintInternal}
	}
}
