package sheets

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

func (e *FileError) Error() string {
	msg := e.Path + ": " + e.Err.Error()
	if e.Hint != "" {
		msg += " (" + e.Hint + ")"
	}
	return msg
}

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

// OpenOptions configures how a workbook is opened.
type OpenOptions struct {
	// Password opens a password-protected workbook.
	Password string
	// Limits; the zero value means DefaultLimits.
	Limits Limits
	// Progress, when set, counts the rows read.
	Progress *Progress
}

// limits returns the limits to apply: DefaultLimits unless set.
func (o OpenOptions) limits() Limits {
	if o.Limits == (Limits{}) {
		return DefaultLimits()
	}
	return o.Limits
}

// Workbook is an open season workbook. Reading never writes to the file.
type Workbook struct {
	Path     string
	f        *excelize.File
	date1904 bool
	limits   Limits
	progress *Progress
	// The row scanner's state (see rowscan.go): whether excelize read the
	// shared strings, their values as read so far, whether excelize holds
	// them in memory, and whether the scanner is off for this workbook.
	sharedStringsRead bool
	sst               []*string
	sstInMemory       bool
	noScan            bool
}

// Open opens the workbook at path for reading. Problems with the file itself
// (missing, not a workbook, password-protected, damaged, too large) come back
// as a *FileError with a hint; problems with its data come later, as
// diagnostics.
func Open(path string, opts OpenOptions) (*Workbook, error) {
	data, _, err := readWorkbookFile(path, opts.limits())
	if err != nil {
		return nil, err
	}
	return OpenBytes(path, data, opts)
}

// readWorkbookFile reads the file at path whole, with the information of
// the file read; problems come back as a *FileError with a hint.
func readWorkbookFile(path string, limits Limits) ([]byte, os.FileInfo, error) {
	fail := func(err error, hint string) ([]byte, os.FileInfo, error) {
		return nil, nil, &FileError{Path: path, Err: err, Hint: hint}
	}
	data, info, err := readLimitedInfo(path, limits.MaxFileSize)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fail(ErrNotFound, hintFileName)
	case errors.Is(err, ErrIsDirectory):
		return fail(ErrIsDirectory, hintXLSXPath)
	case errors.Is(err, ErrTooLarge):
		return fail(err, "podium reads files up to "+size(limits.MaxFileSize))
	case err != nil:
		return fail(err, "")
	}
	return data, info, nil
}

// OpenBytes opens a workbook held in memory; name is used in messages.
func OpenBytes(name string, data []byte, opts OpenOptions) (*Workbook, error) {
	limits := opts.limits()
	fail := func(err error, hint string) (*Workbook, error) {
		return nil, &FileError{Path: name, Err: err, Hint: hint}
	}
	if int64(len(data)) > limits.MaxFileSize {
		return fail(ErrTooLarge, "podium reads files up to "+size(limits.MaxFileSize))
	}
	switch sniff(data) {
	case formatEmpty:
		return fail(ErrEmpty, hintZeroBytes)
	case formatOLE:
		if !bytes.Contains(data, encryptedPackage) {
			return fail(ErrLegacyXLS, hintLegacyXLS)
		}
		if opts.Password == "" {
			return fail(ErrEncrypted, hintPassword)
		}
	case formatZip:
		if err := checkPackage(data, limits); err != nil {
			return nil, &FileError{Path: name, Err: err.err, Hint: err.hint}
		}
	case formatCSV:
		return fail(fmt.Errorf("%w: it is a CSV or text file", ErrNotWorkbook), hintSaveAsXLSX)
	case formatHTML:
		return fail(fmt.Errorf("%w: it is a web page (HTML or XML) named like a workbook", ErrNotWorkbook), hintSaveAsXLSX)
	default:
		return fail(ErrNotWorkbook, hintNotWorkbook)
	}
	xopts := excelizeOptions(limits)
	xopts.Password = opts.Password
	xopts.RawCellValue = true
	f, err := excelize.OpenReader(bytes.NewReader(data), xopts)
	if err != nil {
		if f != nil {
			f.Close()
		}
		switch {
		case sniff(data) == formatOLE && (errors.Is(err, excelize.ErrWorkbookFileFormat) || errors.Is(err, excelize.ErrWorkbookPassword)):
			return fail(ErrWrongPassword, hintWrongPassword)
		case errors.Is(err, excelize.ErrOptionsUnzipSizeLimit) || strings.Contains(err.Error(), "size limit"):
			return fail(ErrTooLarge, "unpacked, it would exceed "+size(limits.MaxUnzipSize))
		}
		if sniff(data) == formatZip {
			if err := damagedPart(data); err != nil {
				return fail(err, hintFreshCopy)
			}
		}
		return fail(fmt.Errorf("%w: %s", ErrCorrupt, cleanExcelizeError(err)), hintRepair)
	}
	if sniff(data) == formatZip {
		if err := checkUnpacked(f, data); err != nil {
			f.Close()
			return fail(err, hintFreshCopy)
		}
	}
	wb := &Workbook{Path: name, f: f, limits: limits, progress: opts.Progress}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		wb.date1904 = *props.Date1904
	}
	if len(f.GetSheetList()) == 0 {
		f.Close()
		return fail(fmt.Errorf("%w: it has no sheets", ErrCorrupt), hintResaveWorkbook)
	}
	return wb, nil
}

// Close releases the workbook's resources.
func (w *Workbook) Close() error { return w.f.Close() }

// Sheets returns the workbook's sheet names in workbook order.
func (w *Workbook) Sheets() []string { return w.f.GetSheetList() }

// Date1904 reports whether the workbook counts dates from 1904 (an old Mac
// Excel setting) instead of 1900.
func (w *Workbook) Date1904() bool { return w.date1904 }

func readLimited(path string, max int64) ([]byte, error) {
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

type format int

const (
	formatUnknown format = iota
	formatEmpty
	formatZip
	formatOLE
	formatCSV
	formatHTML
)

var (
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	// encryptedPackage is the UTF-16 name of the stream that holds an
	// encrypted .xlsx inside its OLE container.
	encryptedPackage = []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")
)

func sniff(data []byte) format {
	switch {
	case len(data) == 0:
		return formatEmpty
	case bytes.HasPrefix(data, []byte("PK\x03\x04")), bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return formatZip
	case bytes.HasPrefix(data, oleMagic):
		return formatOLE
	}
	head := data[:min(len(data), 4096)]
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n")
	lower := bytes.ToLower(trimmed[:min(len(trimmed), 64)])
	if bytes.HasPrefix(lower, []byte("<")) {
		return formatHTML
	}
	if bytes.HasPrefix(head, []byte("\xFF\xFE")) || bytes.HasPrefix(head, []byte("\xFE\xFF")) {
		return formatCSV // UTF-16 text, as Excel's "Unicode text" writes
	}
	if utf8.Valid(head[:max(0, len(head)-utf8.UTFMax)]) && bytes.IndexByte(head, 0) < 0 {
		return formatCSV
	}
	return formatUnknown
}

type packageError struct {
	err  error
	hint string
}

// checkPackage inspects the zip directory before excelize unpacks anything:
// it must be a spreadsheet package and within the size limits.
func checkPackage(data []byte, limits Limits) *packageError {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return &packageError{fmt.Errorf("%w: the file is truncated or is not a valid zip package", ErrCorrupt), "the file may have been cut short while copying or downloading; get a fresh copy"}
	}
	if len(zr.File) > limits.MaxParts {
		return &packageError{fmt.Errorf("%w: it holds %d parts (the limit is %d)", ErrTooLarge, len(zr.File), limits.MaxParts), ""}
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
					return &packageError{ErrODS, "open it in LibreOffice and save it as Excel 2007-365 (.xlsx)"}
				}
			}
		case strings.EqualFold(name, "[Content_Types].xml"):
			hasContentTypes = true
		case strings.EqualFold(name, "xl/workbook.xml"), strings.EqualFold(name, "xl/workbook.bin"):
			hasWorkbook = true
		}
		if strings.EqualFold(name, "xl/workbook.bin") {
			return &packageError{fmt.Errorf("%w: it is a binary workbook (.xlsb)", ErrNotWorkbook), "open it in Excel and save it as an Excel Workbook (.xlsx)"}
		}
		if zf.UncompressedSize64 > uint64(limits.MaxPartSize) {
			return &packageError{fmt.Errorf("%w: its part %s unpacks to %s (the limit is %s)", ErrTooLarge, name, size(int64(min(zf.UncompressedSize64, 1<<62))), size(limits.MaxPartSize)), "a workbook this large is probably damaged or crafted; save a copy with only the season's sheets"}
		}
		// Deflate never grows data by more than a few bytes a block: a part
		// whose compressed data is bigger than the size it declares lies
		// about its size, as a decompression bomb does.
		if zf.Method == zip.Deflate && zf.CompressedSize64 > zf.UncompressedSize64+zf.UncompressedSize64/64+1024 {
			return &packageError{fmt.Errorf("%w: its part %s is not the size it declares", ErrCorrupt, name), "the file is damaged or crafted; get a fresh copy of the workbook"}
		}
		if isXMLPart(name) && declaresDTD(zf) {
			return &packageError{fmt.Errorf("%w: its part %s declares a document type (<!DOCTYPE>), which no spreadsheet program writes", ErrCorrupt, name), "the file is damaged or crafted; get a fresh copy of the workbook"}
		}
		total += zf.UncompressedSize64
	}
	if total > uint64(limits.MaxUnzipSize) {
		return &packageError{fmt.Errorf("%w: it unpacks to %s (the limit is %s)", ErrTooLarge, size(int64(min(total, 1<<62))), size(limits.MaxUnzipSize)), "save a copy with only the season's sheets"}
	}
	if !hasContentTypes || !hasWorkbook {
		what := "a zip archive"
		if hasContentTypes {
			what = "an Office package without a workbook part (perhaps a Word or PowerPoint file)"
		}
		return &packageError{fmt.Errorf("%w: it is %s", ErrNotWorkbook, what), "give the Excel workbook (.xlsx) of the season"}
	}
	return nil
}

func isXMLPart(name string) bool {
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

// checkUnpacked compares each part excelize unpacked with the size the
// package declares: excelize keeps what it could read of a damaged part
// without a word, which would then read as a sheet with rows missing.
func checkUnpacked(f *excelize.File, data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil // checked before
	}
	canonical := map[string]string{"[content_types].xml": "[Content_Types].xml", "xl/sharedstrings.xml": "xl/sharedStrings.xml"}
	for _, zf := range zr.File {
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

// damagedPart names the first part of a zip package that does not unpack
// in full (damaged compressed data, a wrong checksum), when excelize
// refuses the package with a decompressor's message.
func damagedPart(data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil
	}
	for _, zf := range zr.File {
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

// excelizeOptions applies podium's limits to excelize: the unpacked size,
// and parts over 64 MB kept in temporary files rather than in memory.
func excelizeOptions(limits Limits) excelize.Options {
	return excelize.Options{UnzipSizeLimit: limits.MaxUnzipSize, UnzipXMLSizeLimit: min(limits.MaxUnzipSize, 64<<20)}
}

// cleanExcelizeError keeps excelize's message but drops Go-specific noise.
func cleanExcelizeError(err error) string {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "zip: ")
	return msg
}

// size renders a byte count for a message: "256 MB", "12 KB", "100 bytes".
func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
