package sheets

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/podium-dev/podium/sheets/rowscan"
	"github.com/xuri/excelize/v2"
)

// OpenOptions configures how a workbook is opened.
type OpenOptions struct {
	// Password opens a password-protected workbook.
	Password string
	// Limits; the zero value means DefaultLimits.
	Limits ooxml.Limits
	// Progress, when set, counts the rows read.
	Progress *Progress
}

// limits returns the limits to apply: DefaultLimits unless set.
func (o OpenOptions) limits() ooxml.Limits {
	if o.Limits == (ooxml.Limits{}) {
		return ooxml.DefaultLimits()
	}
	return o.Limits
}

// Workbook is an open season workbook. Reading never writes to the file.
type Workbook struct {
	Path     string
	f        *excelize.File
	date1904 bool
	limits   ooxml.Limits
	progress *Progress
	// scan reads the sheets' rows (package rowscan).
	scan *rowscan.Reader
}

// Open opens the workbook at path for reading. Problems with the file itself
// (missing, not a workbook, password-protected, damaged, too large) come back
// as a *FileError with a hint; problems with its data come later, as
// diagnostics.
func Open(path string, opts OpenOptions) (*Workbook, error) {
	data, _, err := ooxml.ReadWorkbookFile(path, opts.limits())
	if err != nil {
		return nil, err
	}
	return OpenBytes(path, data, opts)
}

// OpenBytes opens a workbook held in memory; name is used in messages.
func OpenBytes(name string, data []byte, opts OpenOptions) (*Workbook, error) {
	limits := opts.limits()
	fail := func(err error, hint string) (*Workbook, error) {
		return nil, &ooxml.FileError{Path: name, Err: err, Hint: hint}
	}
	if int64(len(data)) > limits.MaxFileSize {
		return fail(ooxml.ErrTooLarge, "podium reads files up to "+ooxml.Size(limits.MaxFileSize))
	}
	// pkg is the zip package's one reader, for the checks before and after
	// excelize unpacks it.
	var pkg *ooxml.Package
	switch ooxml.Sniff(data) {
	case ooxml.FormatEmpty:
		return fail(ooxml.ErrEmpty, hintZeroBytes)
	case ooxml.FormatOLE:
		if !bytes.Contains(data, ooxml.EncryptedPackage) {
			return fail(ooxml.ErrLegacyXLS, hintLegacyXLS)
		}
		if opts.Password == "" {
			return fail(ooxml.ErrEncrypted, hintPassword)
		}
	case ooxml.FormatZip:
		var perr *ooxml.PackageError
		if pkg, perr = ooxml.CheckPackage(data, limits); perr != nil {
			return nil, &ooxml.FileError{Path: name, Err: perr.Err, Hint: perr.Hint}
		}
	case ooxml.FormatCSV:
		return fail(fmt.Errorf("%w: it is a CSV or text file", ooxml.ErrNotWorkbook), hintSaveAsXLSX)
	case ooxml.FormatHTML:
		return fail(fmt.Errorf("%w: it is a web page (HTML or XML) named like a workbook", ooxml.ErrNotWorkbook), hintSaveAsXLSX)
	default:
		return fail(ooxml.ErrNotWorkbook, hintNotWorkbook)
	}
	xopts := ooxml.ExcelizeOptions(limits)
	xopts.Password = opts.Password
	xopts.RawCellValue = true
	f, err := excelize.OpenReader(bytes.NewReader(data), xopts)
	if err != nil {
		if f != nil {
			f.Close()
		}
		switch {
		case ooxml.Sniff(data) == ooxml.FormatOLE && (errors.Is(err, excelize.ErrWorkbookFileFormat) || errors.Is(err, excelize.ErrWorkbookPassword)):
			return fail(ooxml.ErrWrongPassword, hintWrongPassword)
		case errors.Is(err, excelize.ErrOptionsUnzipSizeLimit) || strings.Contains(err.Error(), "size limit"):
			return fail(ooxml.ErrTooLarge, "unpacked, it would exceed "+ooxml.Size(limits.MaxUnzipSize))
		}
		if pkg != nil {
			if err := ooxml.DamagedPart(pkg); err != nil {
				return fail(err, hintFreshCopy)
			}
		}
		return fail(fmt.Errorf("%w: %s", ooxml.ErrCorrupt, ooxml.CleanExcelizeError(err)), hintRepair)
	}
	if pkg != nil {
		if err := ooxml.CheckUnpacked(f, pkg); err != nil {
			f.Close()
			return fail(err, hintFreshCopy)
		}
	}
	wb := &Workbook{Path: name, f: f, limits: limits, progress: opts.Progress, scan: rowscan.New(f)}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		wb.date1904 = *props.Date1904
	}
	if len(f.GetSheetList()) == 0 {
		f.Close()
		return fail(fmt.Errorf("%w: it has no sheets", ooxml.ErrCorrupt), hintResaveWorkbook)
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
